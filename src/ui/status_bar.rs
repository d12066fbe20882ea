//! The status lines: the selected passage and its reach in the compare view, hints in the
//! library, the search prompt and one-off notices.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::fit::cut;
use super::theme::Theme;
use crate::app::{Action, App, Compare, Scan, View};
use crate::text::{count, printable};

/// The help key's hint, kept at the right end of every status line.
const HELP: &str = "? help ";

/// Draws the compare view's status line: the selection (or prompt, or notice) on the left,
/// the modes and the help key on the right; the modes shorten, then go, before the help key.
pub fn render_compare(app: &App, compare: &Compare, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lefts = if let Some(input) = &compare.search.input {
        vec![format!(" /{}▏", printable(input))]
    } else if let Some(message) = app.message() {
        vec![format!(" {}", printable(message))]
    } else {
        passage_info(app, compare)
            .into_iter()
            .map(|s| format!(" {s}"))
            .collect()
    };
    let [long, short] = flags(app, compare).map(|f| f.join(" · "));
    let end = right_end(app);
    let rights = [long, short]
        .into_iter()
        .filter(|f| !f.is_empty())
        .map(|f| format!("{f} · {end}"))
        .chain([end.clone()])
        .collect::<Vec<_>>();
    draw(&lefts, &rights, theme, area, buf);
}

/// Draws the first pair of `lefts` × `rights` that fits `area`: each left with the rights
/// but the last in turn (the modes shorten before the selection does), then the last right
/// (the help key alone) with each left; else the last left cut with `…` beside the last right.
fn draw(lefts: &[String], rights: &[String], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let fits = |l: &String, r: &String| l.width() + 1 + r.width() <= width;
    let (modes, bare) = rights.split_at(rights.len().saturating_sub(1));
    let with_modes = lefts
        .iter()
        .find_map(|l| modes.iter().find(|r| fits(l, r)).map(|r| (l, r)));
    let pair = with_modes
        .or_else(|| {
            bare.iter()
                .find_map(|r| lefts.iter().find(|l| fits(l, r)).map(|l| (l, r)))
        })
        .map(|(l, r)| (l.clone(), r.as_str()));
    let (left, right) = pair.unwrap_or_else(|| {
        let right = rights.last().map_or(HELP, String::as_str);
        let last = lefts.last().map_or("", String::as_str);
        (cut(last, width.saturating_sub(right.width() + 1)), right)
    });
    buf.set_style(area, theme.status());
    Line::raw(left).render(area, buf);
    if right.width() < width {
        Line::raw(right).right_aligned().render(area, buf);
    }
}

/// `passage i/n · kind · score · words · in k articles` for the selection (the kind followed
/// by "quote" for a shared quotation), or a hint; in full, short with which side came first,
/// and shortest.
fn passage_info(app: &App, compare: &Compare) -> [String; 3] {
    let keys = app.keys();
    let total = compare.focused().view.passage_rows.len();
    let selected = compare.selected.zip(compare.selected_position());
    let Some((slot, (index, of))) = selected else {
        let hint = match total {
            0 if compare.left.doc() == compare.right.doc() => {
                "this article alone: it shares no passage with another".to_owned()
            }
            0 => "no shared passage between these two articles".to_owned(),
            n => format!(
                "{} · {} · {}",
                count(n, "shared passage"),
                keys.hint(
                    View::Compare,
                    &[Action::NextPassage, Action::PrevPassage],
                    "step"
                ),
                keys.hint(View::Compare, &[Action::Jump], "level")
            ),
        };
        return [hint.clone(), hint.clone(), hint];
    };
    let id = compare.passages[slot];
    let passage = app.context().passage(id);
    let kind = passage.label();
    let words = count(passage.words, "word");
    let docs = count(app.report().cluster_size(id.0), "article");
    let first = first_side(app, compare).map_or_else(String::new, |f| format!(" · {f}"));
    [
        format!(
            "passage {index}/{of} · {kind} · score {:.2} · {words} · in {docs}{first} · n/N step",
            passage.score
        ),
        format!(
            "{index}/{of} {kind} · {:.2} · {words} · in {docs}{first}",
            passage.score
        ),
        format!(
            "{index}/{of} {kind} · {:.2} · {words} · in {docs}",
            passage.score
        ),
    ]
}

/// Which article was published first, when both have a date: the direction of copying.
fn first_side(app: &App, compare: &Compare) -> Option<String> {
    use crate::corpus::dates::{First, first_of};
    let ctx = app.context();
    let (left, right) = (
        ctx.document(compare.left.doc()),
        ctx.document(compare.right.doc()),
    );
    let (l, r) = (left.date.as_deref(), right.date.as_deref());
    let day =
        |d: Option<&str>| printable(&d.unwrap_or_default().chars().take(10).collect::<String>());
    first_of(l, r).map(|first| match first {
        First::This => format!("left first ({})", day(l)),
        First::That => format!("right first ({})", day(r)),
        First::Same => format!("same day ({})", day(l)),
    })
}

/// The modes worth knowing about, in full and short: which partner is on the right, sync,
/// mouse capture off.
fn flags(app: &App, compare: &Compare) -> [Vec<String>; 2] {
    let (mut long, mut short) = (Vec::new(), Vec::new());
    if let Some(partner) = compare.partner {
        // An occurrence is numbered as the passages screen lists it, the left one among them.
        let right = compare.right.doc();
        let of = match &compare.walk {
            Some(walk) => {
                let listed = walk.docs.iter().position(|&d| d == right);
                format!("{}/{}", listed.unwrap_or(partner + 1) + 1, walk.docs.len())
            }
            None => format!("{}/{}", partner + 1, compare.partners.len()),
        };
        let (name, letter) = match compare.walk {
            Some(_) => ("occurrence", "o"),
            None => ("partner", "p"),
        };
        long.push(format!("{name} {of}"));
        short.push(format!("{letter} {of}"));
    }
    if compare.sync {
        long.push("sync".to_owned());
        short.push("sync".to_owned());
    }
    if !app.mouse() {
        long.push("mouse off".to_owned());
        short.push("no mouse".to_owned());
    }
    [long, short]
}

/// Draws the library's status line: the filter prompt, a notice or the keys, the help key
/// always at the right.
pub fn render_library(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    match &app.library().filter_input {
        Some(input) => {
            render_filter_prompt(input, "outlet:NAME reuse:N% title words", theme, area, buf);
        }
        None => render_hints(app, &library_hints(app.keys()), theme, area, buf),
    }
}

/// Draws the filter prompt with what it takes, and how to apply or cancel it.
pub fn render_filter_prompt(input: &str, takes: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let prompt = format!(" filter: {}▏", printable(input));
    let lefts = [
        format!("{prompt}  {takes} · Enter applies · Esc cancels"),
        format!("{prompt}  Enter applies · Esc cancels"),
        prompt,
    ];
    draw(&lefts, &[HELP.to_owned()], theme, area, buf);
}

/// Draws a status line of a notice, else the first of `hints` (longest first) that fits, the
/// help key always at the right.
pub fn render_hints(app: &App, hints: &[String], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lefts = match app.message() {
        Some(message) => vec![format!(" {}", printable(message))],
        None => hints.to_vec(),
    };
    draw(&lefts, &[right_end(app)], theme, area, buf);
}

/// The right end of a status line: the help key, after a mark while the corpus is scanned
/// again behind the last findings.
fn right_end(app: &App) -> String {
    match app.scan() {
        Scan::Running => format!("scanning… · {HELP}"),
        Scan::Ready => format!("new findings when you leave this · {HELP}"),
        Scan::Done => HELP.to_owned(),
    }
}

/// The library's key hints, from its key table, longest first.
fn library_hints(keys: &crate::app::keymap::Keymap) -> Vec<String> {
    let view = View::Library;
    let select = [Action::ScrollBy(1), Action::ScrollBy(-1)];
    let [select, sort, quit] = [
        keys.hint(view, &select, "select"),
        keys.hint(view, &[Action::CycleSort], "sort"),
        keys.hint(view, &[Action::Quit], "quit"),
    ];
    let open = |text| keys.hint(view, &[Action::Open], text);
    let first = |key: &str| key.split(' ').next().unwrap_or_default().to_owned();
    [
        [
            select.clone(),
            open("compare with strongest partner"),
            sort.clone(),
            quit.clone(),
        ],
        [select.clone(), open("compare"), sort.clone(), quit.clone()],
        [first(&select), first(&open("")), sort, quit],
    ]
    .into_iter()
    .map(|parts| format!(" {}", parts.join(" · ")))
    .collect()
}
