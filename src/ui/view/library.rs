//! The library screen: every article with its reuse figures, and a preview of the selected one.
//! Only the rows on screen are built.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, TableState, Widget};

use crate::app::article::Segment;
use crate::app::view::library::{layout, table_rows};
use crate::app::{App, Entry};
use crate::text::wrap::{self, shown};
use crate::ui::fit::cut;
use crate::ui::status_bar;
use crate::ui::theme::Theme;

/// Tables at least this wide get an Id column.
const ID_COLUMN_FROM: u16 = 110;

/// Draws the library.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let areas = layout(frame.area());
    let library = app.library();
    let rows = table_rows(frame.area());
    let end = (library.offset + rows).min(library.entries.len());
    let visible = &library.entries[library.offset.min(end)..end];
    let mut state =
        TableState::default().with_selected(library.selected.checked_sub(library.offset));
    let with_id = areas.table.width >= ID_COLUMN_FROM;
    let table = table(app, visible, (areas.table.width, with_id), theme);
    frame.render_stateful_widget(table, areas.table, &mut state);
    if let Some(entry) = library.current() {
        preview(app, entry, theme, areas.preview, frame.buffer_mut());
    }
    status_bar::render_library(app, theme, areas.status, frame.buffer_mut());
}

/// The selected article's first lines, reflowed, with its title and id in the border.
fn preview(app: &App, entry: &Entry, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let preview = &app.library().preview;
    let marked = preview.doc == entry.doc && !preview.view.passage_rows.is_empty();
    let mut block = Block::bordered()
        .border_style(theme.border(false))
        .title(Line::styled(
            format!(" Preview · {} ", entry.title),
            theme.title(),
        ));
    if marked {
        block = block.title_bottom(preview_legend(theme));
    }
    let block =
        block.title_bottom(Line::styled(format!(" {} ", entry.id), theme.dim()).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if preview.doc != entry.doc {
        return;
    }
    let text = &app.context().document(entry.doc).text;
    let view = &preview.view;
    let rows = view.rows.iter().zip(&view.segments).skip(preview.scroll);
    for ((row, segments), y) in rows.zip(inner.rows()) {
        preview_line(text, row, segments, theme).render(y, buf);
    }
}

/// A row of the preview, its reused runs marked.
fn preview_line(text: &str, row: &wrap::Row, segments: &[Segment], theme: &Theme) -> Line<'static> {
    let mut cells = 0;
    if segments.is_empty() {
        return Line::raw(shown(&text[row.bytes.clone()], row.width, &mut cells));
    }
    let spans = segments.iter().map(|segment| {
        let style = segment
            .mark
            .passage
            .map_or_else(Style::new, |_| theme.reused(segment.mark.rewritten));
        let shown = shown(&text[segment.bytes.clone()], row.width, &mut cells);
        Span::styled(shown, style)
    });
    Line::from(spans.collect::<Vec<_>>())
}

/// The preview's key to its marks, for its bottom border.
fn preview_legend(theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(" found elsewhere: ", theme.dim()),
        Span::styled("copied", theme.reused(false)),
        Span::styled(" · ", theme.dim()),
        Span::styled("rewritten", theme.reused(true)),
        Span::raw(" "),
    ])
}

/// The table of the `visible` entries, for a table `width` cells wide, with or without the Id
/// column.
fn table<'a>(
    app: &'a App,
    visible: &'a [Entry],
    (width, with_id): (u16, bool),
    theme: &Theme,
) -> Table<'a> {
    let library = app.library();
    let right = |text: &'static str| Cell::from(Line::from(text).right_aligned());
    let dated = library.dated();
    let mut header = vec![Cell::from("Title"), Cell::from("Outlet")];
    if dated {
        header.push(Cell::from("Date"));
    }
    if with_id {
        header.push(Cell::from("Id"));
    }
    header.extend([right("Words"), right("Reused"), right("Partners")]);
    // The rows of copies unfolded under their article (`d`) are not more articles.
    let articles = library
        .entries
        .iter()
        .filter(|e| e.copy_of.is_none())
        .count();
    let count = crate::text::count(articles, "article");
    let filtered = if library.filter.is_empty() {
        String::new()
    } else {
        let clear = app
            .keys()
            .key_for(crate::app::View::Library, crate::app::Action::ClearFilter);
        format!(
            " of {} · filter {} ({} clears)",
            library.all.len(),
            crate::text::printable(&library.filter.describe()),
            clear.unwrap_or_default()
        )
    };
    let title = format!(
        " Library · {count}{filtered} · sorted by {} (s) ",
        library.sort.name()
    );
    let position = format!(
        " {}/{} ",
        (library.selected + 1).min(library.entries.len()),
        library.entries.len()
    );
    let id_width = with_id.then_some(library.id_width);
    let group_width = library.group_width.min((width / 5).max(8));
    let widths = widths(group_width, dated, id_width);
    // The title gets what the other columns leave, each after a one-cell gap.
    let others: u16 = widths[1..]
        .iter()
        .map(|c| match c {
            Constraint::Length(n) => n + 1,
            _ => 1,
        })
        .sum();
    let title_width = usize::from(width.saturating_sub(2 + others));
    let columns = Columns {
        dated,
        with_id,
        title_width,
        group_width: usize::from(group_width),
    };
    Table::new(visible.iter().map(|e| row(e, columns)), widths)
        .header(Row::new(header).style(theme.title()))
        .row_highlight_style(theme.selected_row())
        .block(
            Block::bordered()
                .border_style(theme.border(true))
                .title(Line::styled(title, theme.title()))
                .title_bottom(Line::styled(position, theme.dim()).right_aligned()),
        )
}

/// Cells of the Date column: a `YYYY-MM-DD` day.
const DATE_WIDTH: u16 = 10;

fn widths(group_width: u16, dated: bool, id_width: Option<u16>) -> Vec<Constraint> {
    let mut widths = vec![Constraint::Fill(1), Constraint::Length(group_width)];
    if dated {
        widths.push(Constraint::Length(DATE_WIDTH));
    }
    if let Some(width) = id_width {
        widths.push(Constraint::Length(width));
    }
    widths.extend([
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Length(9),
    ]);
    widths
}

/// Which columns the table has, and the widths of the title and outlet columns.
#[derive(Debug, Clone, Copy)]
struct Columns {
    dated: bool,
    with_id: bool,
    title_width: usize,
    group_width: usize,
}

/// One entry's row, its title and outlet cut with an ellipsis to their columns' widths.
fn row(entry: &Entry, columns: Columns) -> Row<'_> {
    let Columns {
        dated,
        with_id,
        title_width,
        group_width,
    } = columns;
    let percent = (entry.reused * 100.0).round();
    let title = match entry.copies {
        // A copy listed under its article.
        _ if entry.copy_of.is_some() => Line::from(vec![
            Span::raw("  ↳ copy: "),
            Span::raw(cut(&entry.title, title_width.saturating_sub(10))),
        ]),
        1 => Line::from(cut(&entry.title, title_width)),
        // The count first, where a long title cannot push it out of the column.
        n => {
            let count = format!("×{n} ");
            let room = title_width.saturating_sub(count.chars().count());
            Line::from(vec![
                Span::styled(
                    count,
                    Style::new().add_modifier(ratatui::style::Modifier::BOLD),
                ),
                Span::raw(cut(&entry.title, room)),
            ])
        }
    };
    let mut cells = vec![
        Cell::from(title),
        Cell::from(cut(&entry.group, group_width)),
    ];
    if dated {
        let day: String = entry
            .date
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(10)
            .collect();
        cells.push(Cell::from(day));
    }
    if with_id {
        cells.push(Cell::from(entry.id.as_str()));
    }
    cells.extend([
        Cell::from(Line::from(entry.words.to_string()).right_aligned()),
        Cell::from(Line::from(format!("{percent:.0}%")).right_aligned()),
        Cell::from(Line::from(entry.partners.to_string()).right_aligned()),
    ]);
    Row::new(cells)
}
