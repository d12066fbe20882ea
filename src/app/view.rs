//! The wrapped, marked form of an article for one pane width: rows and their styled runs,
//! computed once in `update` so that drawing a frame only slices the visible rows.

use std::ops::Range;

use crate::corpus::Document;
use crate::diff::Change;
use crate::text::wrap::{Row, wrap};

/// What a run of text shows; the theme turns it into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    /// The shared passage the run belongs to (its colour slot in the pair), if any.
    pub passage: Option<usize>,
    /// Whether that passage is a rewritten one (no background, a gutter bar instead).
    pub rewritten: bool,
    /// How the words differ from the other side, inside a near-verbatim passage.
    pub change: Option<Change>,
    /// A distinctive word both sides of a rewritten passage share.
    pub shared_word: bool,
    /// A match of the current search.
    pub search: bool,
}

/// A run of one row with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Bytes of the document's text.
    pub bytes: Range<usize>,
    /// What the run shows.
    pub mark: Mark,
}

/// A passage as seen from one pane: its colour slot, chars and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// The passage's slot in the pair (index into the pair's passage list).
    pub slot: usize,
    /// Chars of the document the passage covers.
    pub chars: Range<usize>,
    /// Whether it is a rewritten passage.
    pub rewritten: bool,
}

/// Everything to mark in one document, as char ranges sorted by start.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// The shared passages.
    pub passages: Vec<Highlight>,
    /// Word differences from the other side.
    pub changes: Vec<(Range<usize>, Change)>,
    /// Shared distinctive words of rewritten passages.
    pub shared_words: Vec<Range<usize>>,
    /// Search matches.
    pub search: Vec<Range<usize>>,
}

/// An article wrapped at one width, with its marks resolved per row.
#[derive(Debug, Clone, Default)]
pub struct PaneView {
    /// The document shown.
    pub doc: usize,
    /// The width it is wrapped at.
    pub width: usize,
    /// The display rows.
    pub rows: Vec<Row>,
    /// Per row, its marked runs; empty for a row without any mark.
    pub segments: Vec<Vec<Segment>>,
    /// Per row, the slot of the rewritten passage it belongs to, for the gutter bar.
    pub gutter: Vec<Option<usize>>,
    /// Per passage slot in this document, the rows it spans.
    pub passage_rows: Vec<(usize, Range<usize>)>,
}

impl PaneView {
    /// Wraps `document` (number `doc`) at `width` and resolves `marks` onto the rows.
    pub fn new(doc: usize, document: &Document, width: usize, marks: &Marks) -> Self {
        let rows = wrap(&document.text, width);
        let mut view = Self {
            doc,
            width,
            rows,
            ..Self::default()
        };
        view.apply(document, marks);
        view
    }

    /// Re-resolves `marks` onto the existing rows (after a new search, say).
    pub fn apply(&mut self, document: &Document, marks: &Marks) {
        self.segments = self
            .rows
            .iter()
            .map(|row| segments(document, row, marks))
            .collect();
        self.passage_rows = marks
            .passages
            .iter()
            .map(|h| {
                (
                    h.slot,
                    self.row_of(h.chars.start)..self.row_of(h.chars.end.saturating_sub(1)) + 1,
                )
            })
            .collect();
        self.gutter = vec![None; self.rows.len()];
        for (h, (_, rows)) in marks.passages.iter().zip(&self.passage_rows) {
            if h.rewritten {
                self.gutter[rows.clone()].fill(Some(h.slot));
            }
        }
    }

    /// The row holding char `at` (the last row for the end of the text).
    pub fn row_of(&self, at: usize) -> usize {
        let i = self.rows.partition_point(|r| r.chars.end <= at);
        i.min(self.rows.len().saturating_sub(1))
    }

    /// The rows a passage slot spans in this pane.
    pub fn rows_of_slot(&self, slot: usize) -> Option<Range<usize>> {
        self.passage_rows
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, r)| r.clone())
    }

    /// The passage slot drawn at `column` cells into `row`, if the cell shows one.
    pub fn slot_at(&self, document: &Document, row: usize, column: usize) -> Option<usize> {
        let mut col = 0;
        for segment in self.segments.get(row)? {
            col += document.text[segment.bytes.clone()]
                .split('\n')
                .next()
                .map_or(0, crate::text::wrap::text_width);
            if column < col {
                return segment.mark.passage;
            }
        }
        None
    }
}

/// The marks that touch one row.
struct RowMarks<'m> {
    passages: Vec<&'m Highlight>,
    changes: &'m [(Range<usize>, Change)],
    shared: &'m [Range<usize>],
    search: &'m [Range<usize>],
}

impl<'m> RowMarks<'m> {
    fn new(marks: &'m Marks, chars: &Range<usize>) -> Self {
        let passages = marks
            .passages
            .iter()
            .filter(|h| h.chars.start < chars.end && h.chars.end > chars.start)
            .collect();
        Self {
            passages,
            changes: overlapping(&marks.changes, chars, |c| &c.0),
            shared: overlapping(&marks.shared_words, chars, |r| r),
            search: overlapping(&marks.search, chars, |r| r),
        }
    }

    fn is_empty(&self) -> bool {
        self.passages.is_empty()
            && self.changes.is_empty()
            && self.shared.is_empty()
            && self.search.is_empty()
    }

    /// Where the marks start and end within `chars`, sorted, with its two ends.
    fn cuts(&self, chars: &Range<usize>) -> Vec<usize> {
        let mut cuts = vec![chars.start, chars.end];
        let passages = self.passages.iter().map(|h| &h.chars);
        let ranges = passages.chain(self.changes.iter().map(|c| &c.0));
        for range in ranges.chain(self.shared).chain(self.search) {
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
            .min_by_key(|h| (h.rewritten, h.chars.len()));
        let rewritten = hit.is_some_and(|h| h.rewritten);
        Mark {
            passage: hit.map(|h| h.slot),
            rewritten,
            change: self.changes.iter().find(|c| c.0.contains(&at)).map(|c| c.1),
            shared_word: rewritten && self.shared.iter().any(|r| r.contains(&at)),
            search: self.search.iter().any(|r| r.contains(&at)),
        }
    }
}

/// The marked runs of one row; empty when nothing in it is marked.
fn segments(document: &Document, row: &Row, marks: &Marks) -> Vec<Segment> {
    let row_marks = RowMarks::new(marks, &row.chars);
    if row_marks.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Segment> = Vec::new();
    for pair in row_marks.cuts(&row.chars).windows(2) {
        let mark = row_marks.mark_at(pair[0]);
        let bytes = document.map.byte_of(pair[0])..document.map.byte_of(pair[1]);
        match out.last_mut() {
            Some(last) if last.mark == mark => last.bytes.end = bytes.end,
            _ => out.push(Segment { bytes, mark }),
        }
    }
    out
}

/// The items of a start-sorted list of non-nested ranges that overlap `chars`.
fn overlapping<'m, T>(
    items: &'m [T],
    chars: &Range<usize>,
    range: impl Fn(&T) -> &Range<usize>,
) -> &'m [T] {
    let last = items.partition_point(|t| range(t).start < chars.end);
    let mut first = items[..last].partition_point(|t| range(t).start < chars.start);
    while first > 0 && range(&items[first - 1]).end > chars.start {
        first -= 1;
    }
    &items[first..last]
}
