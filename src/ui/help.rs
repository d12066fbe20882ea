//! The help overlay: every key of the current screen, from the same tables the keymap reads.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::keymap::bindings;
use crate::app::{App, Screen, layout};

/// Draws the help overlay over the current screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let mut lines: Vec<Line> = bindings(app.screen())
        .iter()
        .flat_map(|table| table.iter())
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:<11}", b.label), theme.key()),
                Span::raw(b.help),
            ])
        })
        .collect();
    if app.screen() == Screen::Library {
        lines.push(Line::from(vec![
            Span::styled(" mouse      ", theme.key()),
            Span::raw("wheel moves, click selects"),
        ]));
    }
    if app.screen() == Screen::Compare {
        lines.push(Line::from(vec![
            Span::styled(" mouse      ", theme.key()),
            Span::raw("wheel scrolls, click a passage to jump"),
        ]));
        lines.push(Line::styled(
            " Colour marks a passage (same on both sides), not a score.",
            theme.dim(),
        ));
    }
    let screen = match app.screen() {
        Screen::Library => "library",
        Screen::Compare => "compare",
    };
    let area = layout::help(frame.area(), u16::try_from(lines.len()).unwrap_or(u16::MAX));
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(format!(" Keys · {screen} "), theme.title()))
        .title_bottom(Line::styled(" Esc or ? to close ", theme.dim()).right_aligned());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
