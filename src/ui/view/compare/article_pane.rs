//! One article pane of the compare view: border with title and position, the visible rows
//! with their marks, the gutter (passage numbers and kinds, bars) and the minimap.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::article::minimap_rows;
use crate::app::view::compare::layout::PaneArea;
use crate::app::{Compare, Focus, Pane, Search};
use crate::corpus::Document;
use crate::reuse::Kind;
use crate::text::printable;
use crate::text::wrap::shown;
use crate::ui::fit::cut;
use crate::ui::theme::Theme;

/// A pane of the compare view, ready to draw.
pub struct ArticlePane<'a> {
    /// The pane's state.
    pub pane: &'a Pane,
    /// The article it shows.
    pub document: &'a Document,
    /// Whether keys act on it.
    pub focused: bool,
    /// The selected passage slot.
    pub selected: Option<usize>,
    /// The rows of the selected passage in this pane.
    pub selected_rows: Option<Range<usize>>,
    /// The bytes of the current search match, if it is in this pane.
    pub current_match: Option<Range<usize>>,
    /// The styles.
    pub theme: &'a Theme,
}

impl<'a> ArticlePane<'a> {
    /// The pane `which` of `compare`.
    pub fn new(
        compare: &'a Compare,
        which: Focus,
        search: &Search,
        document: &'a Document,
        theme: &'a Theme,
    ) -> Self {
        let pane = compare.pane(which);
        let current_match = search
            .current_bytes
            .clone()
            .filter(|_| search.pane == which);
        Self {
            pane,
            document,
            focused: compare.focus == which,
            selected: compare.selected,
            selected_rows: compare.selected.and_then(|s| pane.view.rows_of_slot(s)),
            current_match,
            theme,
        }
    }

    /// Draws the pane into `area`.
    pub fn render(&self, area: &PaneArea, buf: &mut Buffer) {
        self.block(area.block.width).render(area.block, buf);
        let view = &self.pane.view;
        let end = (self.pane.scroll + usize::from(area.text.height)).min(view.rows.len());
        for (offset, index) in (self.pane.scroll..end).enumerate() {
            let y = area.text.y + u16::try_from(offset).unwrap_or(u16::MAX);
            let line = self.row_line(index);
            line.render(
                Rect {
                    y,
                    height: 1,
                    ..area.text
                },
                buf,
            );
            self.gutter(index, area.gutter, y, buf);
        }
        self.minimap(area.minimap, buf);
    }
    /// The border, titled with the article's title, where it comes from and the rows shown,
    /// fitted to a pane `width` cells wide.
    fn block(&self, width: u16) -> Block<'a> {
        let marker = if self.focused { "▶ " } else { "" };
        // Cut with an ellipsis where the border would cut it mid-word.
        let room = usize::from(width).saturating_sub(4 + marker.chars().count());
        let title = format!(" {marker}{} ", cut(&printable(&self.document.title), room));
        let view = &self.pane.view;
        let total = view.rows.len().max(1);
        let last = (self.pane.scroll + self.pane.height).min(total);
        let position = format!(
            " {}–{last}/{total} {}% ",
            self.pane.scroll + 1,
            last * 100 / total
        );
        let id = std::path::Path::new(&self.document.id).file_name();
        let name = id.map_or(self.document.id.as_str(), |n| {
            n.to_str().unwrap_or_default()
        });
        // Where the article comes from: its outlet, its date when it has one, its file.
        let mut from: Vec<String> = Vec::new();
        if !self.document.group.is_empty() {
            from.push(printable(&self.document.group));
        }
        if let Some(date) = &self.document.date {
            from.push(printable(date));
        }
        from.push(printable(name));
        if crate::corpus::page::is_page(self.document.path.as_deref()) {
            from.push("article text of the page".to_owned());
        }
        let room = usize::from(width).saturating_sub(position.chars().count() + 4);
        let source = format!(" {} ", cut(&from.join(" · "), room.saturating_sub(2)));
        Block::bordered()
            .border_style(self.theme.border(self.focused))
            .title(Line::styled(title, self.theme.title()))
            .title_bottom(Line::styled(source, self.theme.dim()))
            .title_bottom(Line::styled(position, self.theme.dim()).right_aligned())
    }

    /// The visible text of row `index`, each run in its style.
    fn row_line(&self, index: usize) -> Line<'a> {
        let view = &self.pane.view;
        let row = &view.rows[index];
        let text = &self.document.text;
        let mut cells = 0;
        let segments = &view.segments[index];
        if segments.is_empty() {
            return Line::raw(shown(&text[row.bytes.clone()], row.width, &mut cells));
        }
        let spans = segments.iter().map(|segment| {
            let current = segment.mark.search
                && self
                    .current_match
                    .as_ref()
                    .is_some_and(|m| m.start <= segment.bytes.start && segment.bytes.end <= m.end);
            let style = if current {
                self.theme.current_match()
            } else {
                self.theme.mark(segment.mark, self.selected)
            };
            Span::styled(
                shown(&text[segment.bytes.clone()], row.width, &mut cells),
                style,
            )
        });
        Line::from(spans.collect::<Vec<_>>())
    }

    /// The gutter of row `index`: at a passage's first row its number and kind letter, on
    /// its other rows a bar if it is selected (┃) or rewritten (▌).
    fn gutter(&self, index: usize, area: Rect, y: u16, buf: &mut Buffer) {
        let view = &self.pane.view;
        let bar_x = area.x + 2;
        if let Some(slot) = view.labels[index] {
            let kind = view.kind_of_slot(slot).map_or("", Kind::letter);
            let number = if slot < 99 {
                format!("{:>2}", slot + 1)
            } else {
                "··".to_owned()
            };
            let style = self.theme.label(slot, self.selected == Some(slot));
            buf.set_string(area.x, y, format!("{number}{kind}"), style);
            return;
        }
        let selected = self
            .selected_rows
            .as_ref()
            .is_some_and(|r| r.contains(&index));
        let (symbol, style) = match view.gutter[index] {
            _ if selected => ("┃", self.theme.selection()),
            Some(slot) => ("▌", self.theme.gutter(slot)),
            None => return,
        };
        buf[(bar_x, y)].set_symbol(symbol).set_style(style);
    }

    /// Where the passages sit in the whole article, one cell per slice of rows (precomputed
    /// in `update`), and which slice is on screen.
    fn minimap(&self, area: Rect, buf: &mut Buffer) {
        let rows = self.pane.view.rows.len();
        let height = usize::from(area.height);
        let screen = self.pane.scroll..self.pane.scroll + self.pane.height;
        for (cell, slot) in self.pane.minimap.iter().enumerate().take(height) {
            let y = area.y + u16::try_from(cell).unwrap_or(u16::MAX);
            let slice = minimap_rows(rows, height, cell);
            let thumb = slice.start < screen.end && slice.end > screen.start;
            if let Some((symbol, style)) = self.theme.minimap(*slot, thumb) {
                buf[(area.x, y)].set_symbol(symbol).set_style(style);
            }
        }
    }
}
