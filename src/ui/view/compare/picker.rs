//! The partner picker: the left article's partners, with their outlets, the share of the left
//! article each shares and the kinds of their passages, over the compare view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::view::compare::Picker;
use crate::app::{Action, App, Compare, View};
use crate::text::printable;
use crate::ui::fit::{cut, titled_row};
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
    let keys = app.keys();
    let keys = format!(
        " {} · {} · {} ",
        keys.hint(view, &[Action::ScrollBy(1), Action::ScrollBy(-1)], "select"),
        keys.hint(view, &[Action::Jump], "show on the right"),
        keys.hint(view, &[Action::Back], "close")
    );
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(
                " Partners of {} · % of its text shared ",
                cut(&left, usize::from(width) / 2)
            ),
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
        titled_row(
            i == picker.selected,
            &printable(&document.title),
            &tail,
            room,
            theme,
        )
        .render(y, buf);
    }
}
