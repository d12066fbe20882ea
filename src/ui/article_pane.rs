//! One article pane of the compare view: border with title and position, the visible rows
//! with their marks, the gutter bars and the minimap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_segmentation::UnicodeSegmentation;

use super::theme::Theme;
use crate::app::layout::PaneArea;
use crate::app::view::PaneView;
use crate::app::{Compare, Focus, Pane};
use crate::corpus::Document;
use crate::text::display_safe;
use crate::text::wrap::{Row, display_text, grapheme_width};

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
    /// The styles.
    pub theme: &'a Theme,
}

impl<'a> ArticlePane<'a> {
    /// The pane `which` of `compare`.
    pub fn new(
        compare: &'a Compare,
        which: Focus,
        document: &'a Document,
        theme: &'a Theme,
    ) -> Self {
        Self {
            pane: compare.pane(which),
            document,
            focused: compare.focus == which,
            selected: compare.selected,
            theme,
        }
    }

    /// Draws the pane into `area`.
    pub fn render(&self, area: &PaneArea, buf: &mut Buffer) {
        self.block().render(area.block, buf);
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
            self.gutter_cell(index, area.gutter.x, y, buf);
        }
        self.minimap(area.minimap, buf);
    }

    fn block(&self) -> Block<'a> {
        let marker = if self.focused { "▶ " } else { "" };
        let title = format!(" {marker}{} ", display_text(&self.document.title));
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
        let source = format!(" {} ", display_text(name));
        Block::bordered()
            .border_style(self.theme.border(self.focused))
            .title(Line::styled(title, self.theme.title()))
            .title_bottom(Line::styled(source, self.theme.dim()))
            .title_bottom(Line::styled(position, self.theme.dim()).right_aligned())
    }

    /// The visible text of row `index`, each run in its style.
    fn row_line(&self, index: usize) -> Line<'static> {
        let view = &self.pane.view;
        let row = &view.rows[index];
        let text = &self.document.text;
        let mut cells = 0;
        let segments = &view.segments[index];
        if segments.is_empty() {
            return Line::raw(visible(&text[row.bytes.clone()], row, &mut cells));
        }
        let spans = segments.iter().map(|segment| {
            let style = self.theme.mark(segment.mark, self.selected);
            Span::styled(
                visible(&text[segment.bytes.clone()], row, &mut cells),
                style,
            )
        });
        Line::from(spans.collect::<Vec<_>>())
    }

    fn gutter_cell(&self, index: usize, x: u16, y: u16, buf: &mut Buffer) {
        let view = &self.pane.view;
        let selected = self
            .selected
            .and_then(|s| view.rows_of_slot(s))
            .is_some_and(|r| r.contains(&index));
        let (symbol, style) = match view.gutter[index] {
            _ if selected => ("┃", self.theme.selection()),
            Some(slot) => ("▌", self.theme.gutter(slot)),
            None => return,
        };
        buf[(x, y)].set_symbol(symbol).set_style(style);
    }

    /// Where the passages sit in the whole article, one cell per slice of rows, and which
    /// slice is on screen.
    fn minimap(&self, area: Rect, buf: &mut Buffer) {
        let view = &self.pane.view;
        let height = usize::from(area.height);
        // Short articles map a row to a cell; long ones squeeze several rows into each.
        let span = view.rows.len().max(height).max(1);
        let screen = self.pane.scroll..self.pane.scroll + self.pane.height;
        for cell in 0..height {
            let first = cell * span / height;
            let rows = first..((cell + 1) * span / height).max(first + 1);
            let y = area.y + u16::try_from(cell).unwrap_or(u16::MAX);
            if let Some(slot) = slot_in(view, &rows) {
                let style = self.theme.gutter(slot);
                buf[(area.x, y)].set_symbol("█").set_style(style);
            } else if rows.start < screen.end && rows.end > screen.start {
                buf[(area.x, y)]
                    .set_symbol("▐")
                    .set_style(self.theme.viewport());
            }
        }
    }
}

/// The first passage slot with rows among `rows`.
fn slot_in(view: &PaneView, rows: &std::ops::Range<usize>) -> Option<usize> {
    view.passage_rows
        .iter()
        .find(|(_, r)| r.start < rows.end && r.end > rows.start)
        .map(|(slot, _)| *slot)
}

/// The part of `text` (a run of `row`) that fits the row's visible width, made safe to show;
/// `cells` counts the cells used so far in the row.
fn visible(text: &str, row: &Row, cells: &mut usize) -> String {
    let mut out = String::with_capacity(text.len());
    for grapheme in text.graphemes(true) {
        let width = grapheme_width(grapheme);
        if grapheme.contains('\n') || *cells + width > row.width {
            break;
        }
        *cells += width;
        if grapheme.chars().any(|c| display_safe(c).is_some()) {
            out.push_str(&display_text(grapheme));
        } else {
            out.push_str(grapheme);
        }
    }
    out
}
