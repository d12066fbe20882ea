//! The corpus search: every hit with its article, the passage it lies in and a line of
//! context, the phrase marked; the prompt in the status line while typing.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::view::find::{Find, Hit, layout, shown_hits};
use crate::app::{Action, App, View};
use crate::text::printable;
use crate::ui::fit::{cut, titled_row};
use crate::ui::status_bar;
use crate::ui::theme::Theme;

/// Draws the search screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let areas = layout(area);
    let find = app.find();
    let buf = frame.buffer_mut();
    hits(app, find, shown_hits(area), theme, areas.list, buf);
    if let Some(input) = &find.input {
        let prompt = format!(" /{}▏", printable(input));
        let hint = " Enter searches every article · Esc cancels".to_owned();
        status_bar::render_hints(
            app,
            &[format!("{prompt}  {hint}"), prompt],
            theme,
            areas.status,
            buf,
        );
    } else {
        status_bar::render_hints(app, &hints(app.keys()), theme, areas.status, buf);
    }
}

/// The list of hits, two lines each, the `rows` visible ones built.
fn hits(app: &App, find: &Find, rows: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = if find.query.is_empty() {
        " Search the corpus ".to_owned()
    } else {
        let kept = if find.truncated {
            ", the first kept"
        } else {
            ""
        };
        format!(
            " Search · “{}” · {} in {}{kept} ",
            printable(&find.query),
            crate::text::count(find.hits.len(), "hit"),
            crate::text::count(find.articles, "article"),
        )
    };
    let position = format!(
        " {}/{} ",
        (find.selected + 1).min(find.hits.len()),
        find.hits.len()
    );
    let block = Block::bordered()
        .border_style(theme.border(find.input.is_none()))
        .title(Line::styled(title, theme.title()))
        .title_bottom(Line::styled(position, theme.dim()).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if find.hits.is_empty() {
        let note = if find.query.is_empty() {
            " A phrase, any case, accents, quotes and dashes alike: every article is searched."
        } else {
            " No hit. / to search again, Esc to go back."
        };
        Line::styled(note, theme.dim()).render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let mut lines = inner.rows();
    for (i, hit) in find.hits.iter().enumerate().skip(find.offset).take(rows) {
        let selected = i == find.selected;
        if let Some(y) = lines.next() {
            heading(app, hit, selected, width, theme).render(y, buf);
        }
        if let Some(y) = lines.next() {
            context(hit, width, theme).render(y, buf);
        }
    }
}

/// A hit's first line: its article, outlet and the passage it lies in.
fn heading(app: &App, hit: &Hit, selected: bool, width: usize, theme: &Theme) -> Line<'static> {
    let document = app.context().document(hit.doc);
    let passage = hit.passage.map_or_else(String::new, |id| {
        let p = app.context().passage(id);
        let docs = app.report().cluster_size(id.0);
        format!(" · in a {} passage of {docs} articles", p.label())
    });
    let tail = format!(" · {}{passage}", printable(&document.group));
    titled_row(selected, &printable(&document.title), &tail, width, theme)
}

/// A hit's second line: the text around it, the phrase marked, the phrase near the middle.
fn context(hit: &Hit, width: usize, theme: &Theme) -> Line<'static> {
    const INDENT: usize = 4;
    let (before, found, after) = &hit.context;
    let room = width.saturating_sub(INDENT);
    let found_cells = crate::text::wrap::text_width(found);
    let side = room.saturating_sub(found_cells) / 2;
    // The end of the text before, as much as half the room holds.
    let before_chars: Vec<char> = before.chars().collect();
    let mut start = before_chars.len();
    let mut cells = 0;
    while start > 0 {
        let w = crate::text::wrap::text_width(&before_chars[start - 1].to_string());
        if cells + w > side {
            break;
        }
        cells += w;
        start -= 1;
    }
    let lead: String = before_chars[start..].iter().collect();
    let lead = if start > 0 {
        format!("…{}", lead.chars().skip(1).collect::<String>())
    } else {
        lead
    };
    let rest = room.saturating_sub(cells + found_cells);
    Line::from(vec![
        Span::raw(" ".repeat(INDENT)),
        Span::raw(lead),
        Span::styled(cut(found, room.saturating_sub(cells)), theme.search_match()),
        Span::raw(cut(after, rest)),
    ])
}

/// The status line's hints, from the key tables.
fn hints(keys: &crate::app::keymap::Keymap) -> Vec<String> {
    let view = View::Find;
    let select = keys.hint(view, &[Action::ScrollBy(1), Action::ScrollBy(-1)], "select");
    let open = keys.hint(view, &[Action::Open], "show it");
    let again = keys.hint(view, &[Action::StartSearch], "search again");
    let back = keys.hint(view, &[Action::Back], "back");
    vec![
        format!(" {select} · {open} · {again} · {back}"),
        format!(" {open} · {back}"),
    ]
}
