//! The library screen: every article with its reuse figures, and a preview of the selected one.

use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::status_bar;
use super::theme::Theme;
use crate::app::{App, Entry, layout};

/// Draws the library.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let areas = layout::library(frame.area());
    let library = app.library();
    let mut state = TableState::default()
        .with_offset(library.offset)
        .with_selected(Some(library.selected));
    frame.render_stateful_widget(table(app, theme), areas.table, &mut state);
    if let Some(entry) = library.current() {
        let preview = Paragraph::new(entry.preview.as_str())
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .border_style(theme.border(false))
                    .title(Line::styled(
                        format!(" Preview · {} ", entry.title),
                        theme.title(),
                    )),
            );
        frame.render_widget(preview, areas.preview);
    }
    frame.render_widget(status_bar::library(app, theme), areas.status);
}

fn table<'a>(app: &'a App, theme: &Theme) -> Table<'a> {
    let library = app.library();
    let header = Row::new(["Title", "Outlet", "Words", "Reused", "Partners"]).style(theme.title());
    let title = format!(
        " Library · {} articles · sorted by {} (s) ",
        library.entries.len(),
        library.sort.name()
    );
    Table::new(library.entries.iter().map(row), widths())
        .header(header)
        .row_highlight_style(theme.selected_row())
        .block(
            Block::bordered()
                .border_style(theme.border(true))
                .title(Line::styled(title, theme.title())),
        )
}

fn widths() -> [Constraint; 5] {
    [
        Constraint::Fill(1),
        Constraint::Length(16),
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Length(9),
    ]
}

fn row(entry: &Entry) -> Row<'_> {
    let percent = (entry.reused * 100.0).round();
    Row::new([
        Cell::from(entry.title.as_str()),
        Cell::from(entry.group.as_str()),
        Cell::from(Line::from(entry.words.to_string()).right_aligned()),
        Cell::from(Line::from(format!("{percent:.0}%")).right_aligned()),
        Cell::from(Line::from(entry.partners.to_string()).right_aligned()),
    ])
}
