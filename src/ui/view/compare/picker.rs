//! The partner picker: the left article's partners, with their outlets, the share of the left
//! article each shares and the kinds of their passages, over the compare view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::view::compare::Picker;
use crate::app::{App, Compare};
use crate::text::printable;
use crate::ui::fit::cut;
use crate::ui::theme::Theme;

/// Draws the picker over `area`, the screen.
pub fn render(
    app: &App,
    compare: &Compare,
    picker: Picker,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let ctx = app.context();
    let rows = compare.partner_rows(ctx);
    let width = area.width.saturating_sub(8).min(110);
    let height = u16::try_from(rows.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(4));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let left = printable(&ctx.document(compare.left.doc()).title);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(" Partners of {} ", cut(&left, usize::from(width) / 2)),
            theme.title(),
        ))
        .title_bottom(
            Line::styled(
                " j/k select · Enter show on the right · Esc close ",
                theme.dim(),
            )
            .right_aligned(),
        );
    let inner = block.inner(popup);
    Clear.render(popup, buf);
    block.render(popup, buf);
    let shown = usize::from(inner.height);
    let first = picker.selected.saturating_sub(shown.saturating_sub(1));
    let room = usize::from(inner.width);
    for ((i, (doc, share, passages)), y) in rows.iter().enumerate().skip(first).zip(inner.rows()) {
        let document = ctx.document(*doc);
        let kinds = kinds(app, compare, *doc);
        let tail = format!(
            " · {} · {:.0}% · {} · {kinds}",
            printable(&document.group),
            share * 100.0,
            crate::text::count(*passages, "passage")
        );
        let title_room = room.saturating_sub(tail.chars().count() + 2).max(10);
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

/// The kinds of the passages between the left article and `doc`, each once, in order.
fn kinds(app: &App, compare: &Compare, doc: crate::app::DocId) -> String {
    let mut labels: Vec<String> = Vec::new();
    for p in app.report().passages_between(compare.left.doc().0, doc.0) {
        let label = p.label();
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join(", ")
}
