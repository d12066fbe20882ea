//! The status lines: the selected passage and its reach in the compare view, hints in the
//! library, the search prompt and one-off notices.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::{App, Compare};

/// Draws the compare view's status line: the selection (or prompt, or notice) on the left,
/// the modes and the help key on the right when they fit.
pub fn render_compare(app: &App, compare: &Compare, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let left = if let Some(input) = &app.search().input {
        format!(" /{input}▏")
    } else if let Some(message) = app.message() {
        format!(" {message}")
    } else {
        let [long, short] = passage_info(app, compare);
        if long.width() < usize::from(area.width) {
            format!(" {long}")
        } else {
            format!(" {short}")
        }
    };
    buf.set_style(area, theme.status());
    let room = usize::from(area.width).saturating_sub(left.width() + 2);
    Line::raw(left).render(area, buf);
    let mut flags = flags(app, compare);
    let short = format!("{} ", flags.join(" · "));
    flags.push("? help".to_owned());
    let right = [format!("{} ", flags.join(" · ")), short];
    if let Some(fit) = right.into_iter().find(|r| r.width() <= room) {
        Line::raw(fit).right_aligned().render(area, buf);
    }
}

/// `passage i/n · kind · score · words · in k articles` for the selection, or a hint; in
/// full and short.
fn passage_info(app: &App, compare: &Compare) -> [String; 2] {
    let total = compare.focused().view.passage_rows.len();
    let selected = compare.selected.zip(compare.selected_position());
    let Some((slot, (index, count))) = selected else {
        let hint = match total {
            0 => "no shared passage between these two articles".to_owned(),
            n => format!("{} · n/N step · Enter jump", plural(n, "shared passage")),
        };
        return [hint.clone(), hint];
    };
    let id = compare.passages[slot];
    let passage = &app.report().passages[id];
    let (kind, words) = (passage.kind.name(), plural(passage.words, "word"));
    let docs = plural(app.report().cluster_size(id), "article");
    [
        format!(
            "passage {index}/{count} · {kind} · score {:.2} · {words} · in {docs} · n/N step",
            passage.score
        ),
        format!(
            "{index}/{count} {kind} · {:.2} · {words} · in {docs}",
            passage.score
        ),
    ]
}

/// `1 word`, `2 words`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The modes worth knowing about: which partner is on the right, sync, mouse capture off.
fn flags(app: &App, compare: &Compare) -> Vec<String> {
    let mut flags = Vec::new();
    if let Some(partner) = compare.partner {
        flags.push(format!(
            "partner {}/{}",
            partner + 1,
            compare.partners.len()
        ));
    }
    if compare.sync {
        flags.push("sync".to_owned());
    }
    if !app.mouse() {
        flags.push("mouse off".to_owned());
    }
    flags
}

/// The library's status line.
pub fn library(app: &App, theme: &Theme) -> Line<'static> {
    let text = match app.message() {
        Some(message) => format!(" {message}"),
        None => " j/k select · Enter compare with strongest partner · s sort · ? help · q quit"
            .to_owned(),
    };
    Line::from(vec![Span::raw(text)]).style(theme.status())
}
