//! Drawing the reader: `render(&App, &mut Frame)` and one module per screen or widget. Reads
//! the app, never changes it, and does no work beyond the visible rows.

mod fit;
mod help;
mod status_bar;
pub mod theme;
mod view;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH, too_small};
use crate::app::{App, View};
use theme::Theme;

/// Draws the whole screen for the app's state.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if too_small(area) {
        render_too_small(frame);
        return;
    }
    let theme = Theme::with(app.color(), app.palette());
    match (app.view(), app.compare()) {
        (View::Compare, Some(compare)) => view::compare::render(app, compare, &theme, frame),
        (View::Compare, None) | (View::Library, _) => view::library::render(app, &theme, frame),
        (View::Passages, _) => view::passages::render(app, &theme, frame),
        (View::Heat, _) => view::heat::render(app, &theme, frame),
        (View::Find, _) => view::find::render(app, &theme, frame),
    }
    if app.help_open() {
        help::render(app, &theme, frame);
    }
}

fn render_too_small(frame: &mut Frame) {
    let area = frame.area();
    let [middle] = Layout::vertical([Constraint::Length(2)])
        .flex(Flex::Center)
        .areas(area);
    let text = vec![
        Line::from("Terminal too small").centered(),
        Line::from(format!(
            "need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
            area.width, area.height
        ))
        .centered(),
    ];
    frame.render_widget(Paragraph::new(text), middle);
}
