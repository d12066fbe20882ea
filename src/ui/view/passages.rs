//! The passages screen: the ranked list of reused passages, and the occurrences of the
//! selected one with their word differences. Only the rows on screen are built.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, TableState, Widget};

use crate::app::article::Mark;
use crate::app::view::passages::{
    Focus, Group, Occurrence, Passages, layout, list_rows, occurrence_rows,
};
use crate::app::{Action, App, View};
use crate::corpus::Corpus;
use crate::diff::Change;
use crate::text::printable;
use crate::ui::fit::{cut, titled_row};
use crate::ui::status_bar;
use crate::ui::theme::Theme;

/// Draws the passages screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let areas = layout(area);
    let passages = app.passages();
    let buf = frame.buffer_mut();
    let shape = (list_rows(area), areas.list.width);
    list(app, passages, shape, theme).render(areas.list, buf);
    detail(passages, occurrence_rows(area), theme, areas.detail, buf);
    match &passages.filter_input {
        Some(input) => {
            let takes = "outlet:NAME size:N words";
            status_bar::render_filter_prompt(input, takes, theme, areas.status, buf);
        }
        None => status_bar::render_hints(
            app,
            &hints(app.keys(), passages.focus),
            theme,
            areas.status,
            buf,
        ),
    }
}

/// The list of passages, the `rows` visible ones built.
fn list<'a>(
    app: &App,
    passages: &'a Passages,
    (rows, width): (usize, u16),
    theme: &Theme,
) -> ListTable<'a> {
    let end = (passages.offset + rows).min(passages.listed.len());
    let visible = passages.listed[passages.offset.min(end)..end]
        .iter()
        .map(|&g| &passages.groups[g]);
    // The passage's words matter most: the outlets get a sixth of a narrow screen at most.
    let outlets_width = passages.outlets_width().min(usize::from(width / 6).max(7));
    let rows: Vec<Row> = visible
        .map(|g| group_row(app.corpus(), g, outlets_width, theme))
        .collect();
    let reuse = passages.listed_reuse_rows();
    let apart = passages.listed.len() - reuse;
    let key = |action| {
        app.keys()
            .key_for(View::Passages, action)
            .unwrap_or_default()
    };
    let title = match apart {
        0 => format!(" Passages · {reuse} reused "),
        n => format!(
            " Passages · {reuse} reused · {n} apart: quotes, boilerplate, same story ({}) ",
            key(Action::ToggleBoilerplate)
        ),
    };
    let title = if passages.filter.is_empty() {
        title
    } else {
        format!(
            "{title}· filter {} ({} clears) ",
            printable(&passages.filter.describe()),
            key(Action::ClearFilter)
        )
    };
    let position = format!(
        " {}/{} ",
        (passages.selected + 1).min(passages.listed.len()),
        passages.listed.len()
    );
    let right = |text: &'static str| Cell::from(Line::from(text).right_aligned());
    let header = Row::new(vec![
        right("Articles"),
        Cell::from("Outlets"),
        right("Words"),
        Cell::from("Kind"),
        Cell::from("Passage"),
    ])
    .style(theme.title());
    let widths = [
        Constraint::Length(8),
        Constraint::Length(u16::try_from(outlets_width).unwrap_or(28)),
        Constraint::Length(6),
        Constraint::Length(15),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected_row())
        .block(
            Block::bordered()
                .border_style(theme.border(passages.focus == Focus::List))
                .title(Line::styled(title, theme.title()))
                .title_bottom(Line::styled(position, theme.dim()).right_aligned()),
        );
    let selected = passages.selected.checked_sub(passages.offset);
    ListTable { table, selected }
}

/// The list's table and its selected visible row.
struct ListTable<'a> {
    table: Table<'a>,
    selected: Option<usize>,
}

impl Widget for ListTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut state = TableState::default().with_selected(self.selected);
        ratatui::widgets::StatefulWidget::render(self.table, area, buf, &mut state);
    }
}

/// The outlets of a group, joined, within `room` chars.
fn outlets(group: &Group, room: usize) -> String {
    let all = group.outlets.join(", ");
    match group.outlets.len() {
        _ if all.chars().count() <= room => all,
        // One outlet too long for the column: its name cut, not a count of one.
        1 => crate::ui::fit::cut(&all, room),
        n => format!("{n} outlets"),
    }
}

/// One row of the list; boilerplate and same-story rows dimmed.
fn group_row<'a>(corpus: &Corpus, group: &Group, outlets_width: usize, theme: &Theme) -> Row<'a> {
    let side = group.shown();
    let document = &corpus.documents[side.doc];
    let excerpt = one_line(document.slice(side.span));
    let row = Row::new(vec![
        Cell::from(Line::from(group.docs.to_string()).right_aligned()),
        Cell::from(outlets(group, outlets_width)),
        Cell::from(Line::from(group.words.to_string()).right_aligned()),
        Cell::from(group.label.clone()),
        Cell::from(excerpt),
    ]);
    if group.apart() {
        row.style(theme.dim())
    } else {
        row
    }
}

/// Text on one line, safe to show: white space collapsed, the first few hundred chars.
fn one_line(text: &str) -> String {
    let head: String = text.chars().take(400).collect();
    printable(&head)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The occurrences of the selected passage, two lines each: where, then the words.
fn detail(passages: &Passages, rows: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = passages.focus == Focus::Occurrences;
    let title = passages.current().map_or_else(
        || " Occurrences ".to_owned(),
        |g| {
            format!(
                " {} occurrences · {} · {} words ",
                g.members.len(),
                g.label,
                g.words
            )
        },
    );
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(title, theme.title()))
        .title_bottom(Line::styled(" differences against the first ", theme.dim()).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let shown = passages
        .occurrences
        .iter()
        .enumerate()
        .skip(passages.occurrence_offset)
        .take(rows);
    let mut lines = inner.rows();
    for (i, occurrence) in shown {
        let selected = focused && i == passages.occurrence;
        if let Some(y) = lines.next() {
            heading(occurrence, selected, width, theme).render(y, buf);
        }
        if let Some(y) = lines.next() {
            excerpt(occurrence, width, theme).render(y, buf);
        }
    }
}

/// The first line of an occurrence: title, outlet, where it starts, how many edits.
fn heading(occurrence: &Occurrence, selected: bool, width: usize, theme: &Theme) -> Line<'static> {
    let percent = (occurrence.at * 100.0).round();
    let note = if occurrence.representative {
        "the one listed".to_owned()
    } else {
        match occurrence.edits {
            0 => "same words".to_owned(),
            1 => "1 edit".to_owned(),
            n => format!("{n} edits"),
        }
    };
    let tail = format!(" · {} · at {percent:.0}% · {note}", occurrence.outlet);
    titled_row(selected, &occurrence.title, &tail, width, theme)
}

/// The second line of an occurrence: its words, those that differ marked as in the compare
/// view's word diff, cut with an ellipsis at the end of the line.
fn excerpt(occurrence: &Occurrence, width: usize, theme: &Theme) -> Line<'static> {
    const INDENT: &str = "    ";
    let mut spans = vec![Span::raw(INDENT)];
    let mut room = width.saturating_sub(INDENT.len());
    let pieces = &occurrence.excerpt;
    for piece in pieces {
        // Each piece holds what follows its last word, up to the next piece.
        let text = piece.text.clone();
        let cells = crate::text::wrap::text_width(&text);
        let (text, full) = if cells <= room {
            (text, false)
        } else {
            (cut(&text, room), true)
        };
        room = room.saturating_sub(cells);
        spans.push(Span::styled(text, change_style(piece.change, theme)));
        if full {
            break;
        }
    }
    Line::from(spans)
}

/// How a run of words that differs from the representative is drawn.
fn change_style(change: Change, theme: &Theme) -> Style {
    match change {
        Change::Equal => Style::new(),
        Change::Changed | Change::Inserted | Change::Deleted => theme.mark(
            Mark {
                change: Some(change),
                ..Mark::default()
            },
            None,
        ),
    }
}

/// The status line's hints, from the key tables.
fn hints(keys: &crate::app::keymap::Keymap, focus: Focus) -> Vec<String> {
    let view = View::Passages;
    let select = keys.hint(view, &[Action::ScrollBy(1), Action::ScrollBy(-1)], "select");
    let enter = match focus {
        Focus::List => keys.hint(view, &[Action::Open], "occurrences"),
        Focus::Occurrences => keys.hint(view, &[Action::Open], "compare with the next"),
    };
    let back = keys.hint(view, &[Action::Back], "back");
    let apart = keys.hint(view, &[Action::ToggleBoilerplate], "boilerplate");
    let quit = keys.hint(view, &[Action::Quit], "quit");
    vec![
        format!(" {select} · {enter} · {back} · {apart} · {quit}"),
        format!(" {select} · {enter} · {back} · {quit}"),
        format!(" {enter} · {quit}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::view::passages::GroupKind;

    fn group_in(outlets: &[&str]) -> Group {
        Group {
            kind: GroupKind::Reuse,
            cluster: None,
            members: Vec::new(),
            representative: 0,
            docs: outlets.len(),
            outlets: outlets.iter().map(|o| (*o).to_owned()).collect(),
            words: 10,
            label: "near".to_owned(),
            passages: Vec::new(),
        }
    }

    #[test]
    fn one_outlet_too_long_for_its_column_is_cut_not_counted() {
        assert_eq!(outlets(&group_in(&["cnn_com"]), 12), "cnn_com");
        assert_eq!(
            outlets(&group_in(&["europe_chinadaily_com_cn"]), 12),
            "europe_chin…"
        );
        assert_eq!(
            outlets(&group_in(&["abcnews_go_com", "cnn_com"]), 12),
            "2 outlets"
        );
    }
}
