//! The partner picker: the left article's partners, with their outlets, the share of the left
//! article each shares and the kinds of their passages, over the compare view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::keymap::hint;
use crate::app::view::compare::Picker;
use crate::app::{Action, App, Compare, View};
use crate::text::printable;
use crate::ui::fit::cut;
use crate::ui::theme::Theme;

/// Draws the picker over `area`, the screen: only the rows that fit.
pub fn render(
    app: &App,
    compare: &Compare,
    picker: &Picker,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let ctx = app.context();
    let width = area.width.saturating_sub(8).min(110);
    let height = u16::try_from(picker.rows.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(4));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let left = printable(&ctx.document(compare.left.doc()).title);
    let view = View::Compare;
    let keys = format!(
        " {} · {} · {} ",
        hint(view, &[Action::ScrollBy(1), Action::ScrollBy(-1)], "select"),
        hint(view, &[Action::Jump], "show on the right"),
        hint(view, &[Action::Back], "close")
    );
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(" Partners of {} ", cut(&left, usize::from(width) / 2)),
            theme.title(),
        ))
        .title_bottom(Line::styled(keys, theme.dim()).right_aligned());
    let inner = block.inner(popup);
    Clear.render(popup, buf);
    block.render(popup, buf);
    let shown = usize::from(inner.height);
    let first = picker.selected.saturating_sub(shown.saturating_sub(1));
    let room = usize::from(inner.width);
    for ((i, row), y) in picker.rows.iter().enumerate().skip(first).zip(inner.rows()) {
        let document = ctx.document(row.doc);
        let tail = format!(
            " · {} · {:.0}% · {} · {}",
            printable(&document.group),
            row.share * 100.0,
            crate::text::count(row.passages, "passage"),
            row.kinds
        );
        // The title first: the details get what is left, at most half.
        let tail = cut(&tail, room / 2);
        let title_room = room.saturating_sub(tail.chars().count() + 2);
        let selected = i == picker.selected;
        let marker = if selected { "▶ " } else { "  " };
        let style = if selected {
            theme.selected_row()
        } else {
            theme.title()
        };
        Line::from(vec![
            Span::styled(marker, style),
            Span::styled(cut(&printable(&document.title), title_room), style),
            Span::styled(tail, theme.dim()),
        ])
        .render(y, buf);
    }
}
