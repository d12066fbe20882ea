//! Resolving the marks of an article onto one display row: the runs of the row, each with
//! the passage, word difference, shared word or search match it shows.

use std::ops::Range;

use super::article::{Highlight, Mark, Marks, Segment};
use super::ranges::{Reach, overlapping};
use crate::corpus::Document;
use crate::diff::Change;
use crate::text::wrap::Row;

/// The marks that touch one row.
struct RowMarks<'m> {
    passages: Vec<&'m Highlight>,
    changes: &'m [(Range<usize>, Change)],
    shared: &'m [Range<usize>],
    copied: &'m [(Range<usize>, usize)],
    search: &'m [Range<usize>],
    boilerplate: &'m [Range<usize>],
}

impl<'m> RowMarks<'m> {
    fn new(marks: &'m Marks, reach: &Reach, chars: &Range<usize>) -> Self {
        let passages = overlapping(&marks.passages, &reach.passages, chars, |h| &h.chars)
            .iter()
            .filter(|h| h.chars.start < chars.end && h.chars.end > chars.start)
            .collect();
        Self {
            passages,
            changes: overlapping(&marks.changes, &reach.changes, chars, |c| &c.0),
            shared: overlapping(&marks.shared_words, &reach.shared, chars, |r| r),
            copied: overlapping(&marks.copied, &reach.copied, chars, |c| &c.0),
            search: overlapping(&marks.search, &reach.search, chars, |r| r),
            boilerplate: overlapping(&marks.boilerplate, &reach.boilerplate, chars, |r| r),
        }
    }

    fn is_empty(&self) -> bool {
        self.passages.is_empty()
            && self.changes.is_empty()
            && self.shared.is_empty()
            && self.search.is_empty()
            && self.boilerplate.is_empty()
    }

    /// Where the marks start and end within `chars`, sorted, with its two ends.
    fn cuts(&self, chars: &Range<usize>) -> Vec<usize> {
        let mut cuts = vec![chars.start, chars.end];
        let passages = self.passages.iter().map(|h| &h.chars);
        let ranges = passages.chain(self.changes.iter().map(|c| &c.0));
        let rest = self
            .shared
            .iter()
            .chain(self.copied.iter().map(|c| &c.0))
            .chain(self.search)
            .chain(self.boilerplate);
        for range in ranges.chain(rest) {
            cuts.push(range.start.clamp(chars.start, chars.end));
            cuts.push(range.end.clamp(chars.start, chars.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts
    }

    /// The mark of char `at`.
    fn mark_at(&self, at: usize) -> Mark {
        // A near passage nested in a rewritten paragraph shows as itself: innermost wins.
        let hit = self
            .passages
            .iter()
            .filter(|h| h.chars.contains(&at))
            .min_by_key(|h| (h.rewritten(), h.chars.len()));
        // The copied parts of a rewritten section are drawn as copied passages are.
        let copied = hit.is_some_and(|h| {
            let of_it =
                |(part, slot): &(Range<usize>, usize)| *slot == h.slot && part.contains(&at);
            self.copied.iter().any(of_it)
        });
        let rewritten = hit.is_some_and(|h| h.rewritten()) && !copied;
        Mark {
            passage: hit.map(|h| h.slot),
            rewritten,
            change: self.changes.iter().find(|c| c.0.contains(&at)).map(|c| c.1),
            shared_word: rewritten && self.shared.iter().any(|r| r.contains(&at)),
            search: self.search.iter().any(|r| r.contains(&at)),
            boilerplate: self.boilerplate.iter().any(|r| r.contains(&at)),
        }
    }
}

/// The marked runs of one row; empty when nothing in it is marked.
pub(super) fn segments(
    document: &Document,
    row: &Row,
    marks: &Marks,
    reach: &Reach,
) -> Vec<Segment> {
    let row_marks = RowMarks::new(marks, reach, &row.chars);
    if row_marks.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Segment> = Vec::new();
    for pair in row_marks.cuts(&row.chars).windows(2) {
        let mark = row_marks.mark_at(pair[0]);
        let bytes = document.map().byte_of(pair[0])..document.map().byte_of(pair[1]);
        match out.last_mut() {
            Some(last) if last.mark == mark => last.bytes.end = bytes.end,
            _ => out.push(Segment { bytes, mark }),
        }
    }
    out
}
