//! What to mark in an article of the compare view: the passages it shares with the other
//! pane's article, their word differences or shared distinctive words, and search matches.

use std::ops::Range;

use super::article::{Highlight, Marks};
use crate::corpus::Document;
use crate::diff::Change;
use crate::reuse::{Passage, Report, Side, term};

/// The marks of article `doc` (`document`) for the passages `ids` (a passage's slot is its
/// index there), the search matches and, when `boilerplate` is on, the article's boilerplate.
pub fn marks(
    document: &Document,
    report: &Report,
    ids: &[usize],
    (doc, boilerplate): (usize, bool),
    search: &[Range<usize>],
) -> Marks {
    let mut marks = Marks {
        search: search.to_vec(),
        ..Marks::default()
    };
    if boilerplate {
        let spans = report.boilerplate_in(doc).iter();
        marks.boilerplate = spans.map(|s| s.start..s.end).collect();
    }
    for (slot, &id) in ids.iter().enumerate() {
        let passage = &report.passages[id];
        let Some((own, _)) = passage.sides_for(doc) else {
            continue;
        };
        marks.passages.push(Highlight {
            slot,
            chars: own.span.start..own.span.end,
            kind: passage.kind,
        });
        let copied = passage.copied_parts_in(doc);
        marks
            .copied
            .extend(copied.map(|s| (s.span.start..s.span.end, slot)));
        // A section merged from aligned and rewritten parts has both.
        if !passage.shared_words.is_empty() {
            marks
                .shared_words
                .extend(shared_words(document, passage, own));
        }
        marks.changes.extend(changes(passage, doc));
    }
    marks.passages.sort_by_key(|h| (h.chars.start, h.slot));
    marks.changes.sort_by_key(|c| c.0.start);
    marks.shared_words.sort_by_key(|r| r.start);
    marks.copied.sort_by_key(|c| c.0.start);
    marks
}

/// The words of side `own` that are among the passage's shared distinctive words.
fn shared_words<'a>(
    document: &'a Document,
    passage: &'a Passage,
    own: Side,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let shared: Vec<u64> = passage.shared_words.iter().filter_map(term).collect();
    document.token_range(own.span).filter_map(move |i| {
        let span = document.word_span(i);
        term(document.slice(span))
            .is_some_and(|t| shared.contains(&t))
            .then_some(span.start..span.end)
    })
}

/// The passage's word differences as seen from document `doc`: what is changed, inserted
/// (only in b) or deleted (only in a) on that side.
fn changes(passage: &Passage, doc: usize) -> impl Iterator<Item = (Range<usize>, Change)> + '_ {
    let is_a = passage.a.doc == doc;
    passage
        .diff
        .iter()
        .filter(|op| op.change != Change::Equal)
        .filter_map(move |op| {
            let span = if is_a { op.a } else { op.b };
            (!span.is_empty()).then_some((span.start..span.end, op.change))
        })
}
