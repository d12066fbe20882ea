//! The wrapped, marked form of an article for one pane width: rows and their styled runs,
//! computed once in `update` so that drawing a frame only slices the visible rows.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::ids::DocId;
use super::ranges::Reach;
use super::segment::segments;
use crate::corpus::Document;
use crate::diff::Change;
use crate::reuse::Kind;
use crate::text::wrap::{Row, reflow, shown_width, space_paragraphs};

/// What a run of text shows; the theme turns it into a style.
// Independent layers of one run (a passage, a diff, a search match, boilerplate), each on or off.
#[allow(clippy::struct_excessive_bools)]
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
    /// Boilerplate of the article's outlet (drawn dimmed).
    pub boilerplate: bool,
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
    /// What kind of reuse it is.
    pub kind: Kind,
}

impl Highlight {
    /// Whether it is drawn as a rewritten passage (no background, a gutter bar instead): a
    /// rewrite, or a related link.
    pub fn rewritten(&self) -> bool {
        match self.kind {
            Kind::Rewritten | Kind::Related => true,
            Kind::Verbatim | Kind::Near | Kind::Passim => false,
        }
    }
}

/// Where a passage sits in a pane, by slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotRows {
    /// The rows it spans.
    pub rows: Range<usize>,
    /// What kind of reuse it is.
    pub kind: Kind,
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
    /// The copied (verbatim or near) parts of rewritten sections, with their section's slot:
    /// drawn like copied passages.
    pub copied: Vec<(Range<usize>, usize)>,
    /// Search matches.
    pub search: Vec<Range<usize>>,
    /// Boilerplate spans (outlet template text), drawn dimmed.
    pub boilerplate: Vec<Range<usize>>,
}

/// An article wrapped at one width, with its marks resolved per row.
#[derive(Debug, Clone, Default)]
pub struct PaneView {
    /// The document shown.
    pub doc: DocId,
    /// The width it is wrapped at.
    pub width: usize,
    /// The display rows.
    pub rows: Vec<Row>,
    /// Per row, its marked runs; empty for a row without any mark.
    pub segments: Vec<Vec<Segment>>,
    /// Per row, the slot of the rewritten passage it belongs to, for the gutter bar.
    pub gutter: Vec<Option<usize>>,
    /// Per row, the slot of the passage whose first row it is, for the gutter label.
    pub labels: Vec<Option<usize>>,
    /// The passages of this document in text order: slot and the rows it spans.
    pub passage_rows: Vec<(usize, Range<usize>)>,
    /// Per passage slot, where it sits in this document (if it is in it).
    pub slots: Vec<Option<SlotRows>>,
}

impl PaneView {
    /// Wraps `document` (number `doc`) at `width`, reflowing hard-wrapped paragraphs and
    /// leaving an empty row between paragraphs, and resolves `marks` onto the rows.
    pub fn new(doc: DocId, document: &Document, width: usize, marks: &Marks) -> Self {
        Self::from_rows(
            doc,
            document,
            width,
            wrap_document(document, width, None),
            marks,
        )
    }

    /// A view of `rows` of `document` (from [`wrap_document`]) with `marks` resolved onto them.
    pub fn from_rows(
        doc: DocId,
        document: &Document,
        width: usize,
        rows: Vec<Row>,
        marks: &Marks,
    ) -> Self {
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
        let reach = Reach::new(marks);
        self.segments = self
            .rows
            .iter()
            .map(|row| segments(document, row, marks, &reach))
            .collect();
        self.passage_rows = marks
            .passages
            .iter()
            .map(|h| (h.slot, self.rows_of_chars(&h.chars)))
            .collect();
        let slots = marks.passages.iter().map(|h| h.slot + 1).max();
        self.slots = vec![None; slots.unwrap_or(0)];
        self.gutter = vec![None; self.rows.len()];
        self.labels = vec![None; self.rows.len()];
        for (h, (_, rows)) in marks.passages.iter().zip(&self.passage_rows) {
            if h.rewritten() {
                self.gutter[rows.clone()].fill(Some(h.slot));
            }
            self.slots[h.slot] = Some(SlotRows {
                rows: rows.clone(),
                kind: h.kind,
            });
        }
        self.place_labels(marks);
    }

    /// Puts each passage's label on its first row, or, when an enclosing passage's label
    /// already sits there, on the next free row, so that every number shows in every pane.
    fn place_labels(&mut self, marks: &Marks) {
        let mut order: Vec<(&Highlight, usize)> = marks
            .passages
            .iter()
            .zip(&self.passage_rows)
            .map(|(h, (_, rows))| (h, rows.start))
            .collect();
        order.sort_by_key(|(h, start)| (*start, std::cmp::Reverse(h.chars.len()), h.slot));
        for (h, start) in order {
            if let Some(free) = self.labels[start..].iter().position(Option::is_none) {
                self.labels[start + free] = Some(h.slot);
            }
        }
    }

    /// The rows covering `chars`.
    fn rows_of_chars(&self, chars: &Range<usize>) -> Range<usize> {
        self.row_of(chars.start)..self.row_of(chars.end.saturating_sub(1)) + 1
    }

    /// The row holding char `at` (the last row for the end of the text).
    pub fn row_of(&self, at: usize) -> usize {
        let i = self.rows.partition_point(|r| r.chars.end <= at);
        i.min(self.rows.len().saturating_sub(1))
    }

    /// The rows a passage slot spans in this pane.
    pub fn rows_of_slot(&self, slot: usize) -> Option<Range<usize>> {
        self.slots.get(slot)?.as_ref().map(|s| s.rows.clone())
    }

    /// The kind of the passage in slot `slot`, if it is in this pane.
    pub fn kind_of_slot(&self, slot: usize) -> Option<Kind> {
        self.slots.get(slot)?.as_ref().map(|s| s.kind)
    }

    /// The minimap of a pane `height` cells high: per cell, the first passage slot among the
    /// rows it stands for. Short articles map a row to a cell; long ones squeeze several rows
    /// into each.
    pub fn minimap(&self, height: usize) -> Vec<Option<usize>> {
        (0..height)
            .map(|cell| {
                let rows = minimap_rows(self.rows.len(), height, cell);
                self.passage_rows
                    .iter()
                    .take_while(|(_, r)| r.start < rows.end)
                    .find(|(_, r)| r.end > rows.start)
                    .map(|(slot, _)| *slot)
            })
            .collect()
    }

    /// The passage slot drawn at `column` cells into `row`, if the cell shows one.
    pub fn slot_at(&self, document: &Document, row: usize, column: usize) -> Option<usize> {
        let mut col = 0;
        for segment in self.segments.get(row)? {
            col += document.text[segment.bytes.clone()]
                .graphemes(true)
                .map(shown_width)
                .sum::<usize>();
            if column < col {
                return segment.mark.passage;
            }
        }
        None
    }
}

/// The rows (of `rows` in all) that minimap cell `cell` of `height` stands for.
pub fn minimap_rows(rows: usize, height: usize, cell: usize) -> Range<usize> {
    let span = rows.max(height).max(1);
    let height = height.max(1);
    let first = cell * span / height;
    first..((cell + 1) * span / height).max(first + 1)
}

/// `document` wrapped at `width` with an empty row between paragraphs; with `chars`, only its
/// first `chars` chars.
pub fn wrap_document(document: &Document, width: usize, chars: Option<usize>) -> Vec<Row> {
    let end = chars.map_or(document.text.len(), |c| {
        document.map().byte_of(c.min(document.chars()))
    });
    let joined: Vec<Range<usize>> = paragraph_bytes(document)
        .into_iter()
        .filter(|p| p.start < end)
        .map(|p| p.start..p.end.min(end))
        .collect();
    let text = &document.text[..end];
    space_paragraphs(text, reflow(text, width, &joined), &joined)
}

/// The byte ranges of `document`'s paragraphs, inside which a line break is a soft one.
pub fn paragraph_bytes(document: &Document) -> Vec<Range<usize>> {
    document
        .paragraphs()
        .iter()
        .map(|p| p.byte_start..p.byte_end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Source};

    fn document(text: &str) -> Document {
        let source = Source::new("t.txt", text);
        Corpus::from_sources(vec![source]).documents.remove(0)
    }

    #[test]
    fn nested_passages_starting_on_one_row_both_get_a_label() {
        let document = document("Alpha beta gamma delta.\nEpsilon zeta eta.\n");
        let marks = Marks {
            passages: vec![
                Highlight {
                    slot: 1,
                    chars: 0..23,
                    kind: Kind::Rewritten,
                },
                Highlight {
                    slot: 0,
                    chars: 0..10,
                    kind: Kind::Near,
                },
            ],
            ..Marks::default()
        };
        let view = PaneView::new(DocId(0), &document, 12, &marks);
        assert_eq!(
            view.labels[..2],
            [Some(1), Some(0)],
            "outer first, inner below"
        );
        assert_eq!(view.rows_of_slot(0), Some(0..1));
        let gap = view.rows.iter().position(|r| r.chars.is_empty());
        assert_eq!(gap, Some(2), "an empty row between the two paragraphs");
        assert_eq!(view.row_of(24), 3, "the second paragraph starts below it");
    }

    #[test]
    fn the_copied_part_of_a_rewritten_section_is_drawn_as_copied() {
        let document = document("Alpha beta gamma delta epsilon.");
        let marks = Marks {
            passages: vec![Highlight {
                slot: 0,
                chars: 0..31,
                kind: Kind::Rewritten,
            }],
            copied: vec![(6..16, 0), (20..25, 1)],
            ..Marks::default()
        };
        let view = PaneView::new(DocId(0), &document, 40, &marks);
        let runs: Vec<(&str, bool)> = view.segments[0]
            .iter()
            .map(|s| (&document.text[s.bytes.clone()], s.mark.rewritten))
            .collect();
        assert_eq!(
            runs,
            [
                ("Alpha ", true),
                ("beta gamma", false),
                (" delta epsilon.", true)
            ]
        );
        assert!(view.segments[0].iter().all(|s| s.mark.passage == Some(0)));
        assert_eq!(view.gutter[0], Some(0), "the section keeps its gutter bar");
    }
}
