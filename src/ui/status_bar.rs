//! The status lines: the selected passage and its reach in the compare view, hints in the
//! library, the search prompt and one-off notices.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::{App, Compare};

/// The compare view's status line.
pub fn compare(app: &App, compare: &Compare, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    if let Some(input) = &app.search().input {
        spans.push(Span::raw(format!("/{input}▏")));
    } else if let Some(message) = app.message() {
        spans.push(Span::raw(message.to_owned()));
    } else {
        spans.push(Span::raw(passage_info(app, compare)));
    }
    spans.push(Span::raw("  "));
    spans.extend(flags(app, compare));
    spans.push(Span::raw("? help "));
    Line::from(spans).style(theme.status())
}

/// `passage i/n · kind · score · words · in k articles` for the selection, or a hint.
fn passage_info(app: &App, compare: &Compare) -> String {
    let total = compare.focused().view.passage_rows.len();
    let selected = compare.selected.zip(compare.selected_position());
    let Some((slot, (index, count))) = selected else {
        return match total {
            0 => "no shared passage between these two articles".to_owned(),
            n => format!("{n} shared passages · n/N step · Enter jump"),
        };
    };
    let id = compare.passages[slot];
    let passage = &app.report().passages[id];
    let docs = app.report().cluster_size(id);
    format!(
        "passage {index}/{count} · {} · score {:.2} · {} words · in {docs} articles",
        passage.kind.name(),
        passage.score,
        passage.words
    )
}

fn flags(app: &App, compare: &Compare) -> Vec<Span<'static>> {
    let mut flags = Vec::new();
    if let Some(partner) = compare.partner {
        flags.push(Span::raw(format!(
            "partner {}/{} ",
            partner + 1,
            compare.partners.len()
        )));
    }
    if compare.sync {
        flags.push(Span::raw("[sync] "));
    }
    if !app.mouse() {
        flags.push(Span::raw("[mouse off] "));
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
