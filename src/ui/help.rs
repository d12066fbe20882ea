//! The help overlay: every key of the current screen, from the same tables the keymap reads,
//! scrolled when the screen is too low to show it all.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::{App, layout};

/// Draws the help overlay over the current screen, from line `app.help_scroll()`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let entries = app.keys().help(app.view());
    let area = layout::help(
        frame.area(),
        u16::try_from(entries.len()).unwrap_or(u16::MAX),
    );
    let shown = usize::from(area.height.saturating_sub(2));
    let lines: Vec<Line> = entries
        .iter()
        .skip(app.help_scroll())
        .take(shown)
        .map(|(label, text)| {
            Line::from(vec![
                Span::styled(format!(" {label:<11}"), theme.key()),
                Span::raw(*text),
            ])
        })
        .collect();
    let screen = app.view().name();
    let more = entries.len() > shown;
    let hint = if more {
        format!(
            " {}–{}/{} · j/k scroll · Esc close ",
            app.help_scroll() + 1,
            (app.help_scroll() + shown).min(entries.len()),
            entries.len()
        )
    } else {
        " Esc or ? to close ".to_owned()
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(format!(" Keys · {screen} "), theme.title()))
        .title_bottom(Line::styled(hint, theme.dim()).right_aligned());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
