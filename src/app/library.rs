//! The library's state: one row per article with its reuse figures, a sort key and the
//! selection.

use super::view::{Highlight, Marks, PaneView, wrap_document};
use crate::corpus::{Corpus, Document};
use crate::reuse::Report;
use crate::text::printable;
use crate::text::wrap::text_width;

/// What the library is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Share of the text reused elsewhere, highest first.
    #[default]
    Reused,
    /// Number of partner articles, most first.
    Partners,
    /// Length in words, longest first.
    Words,
    /// Title, alphabetically.
    Title,
    /// Outlet or folder, then title.
    Group,
}

impl SortKey {
    /// The key after this one (`s` cycles through them).
    #[must_use]
    pub fn next(self) -> SortKey {
        match self {
            Self::Reused => Self::Partners,
            Self::Partners => Self::Words,
            Self::Words => Self::Title,
            Self::Title => Self::Group,
            Self::Group => Self::Reused,
        }
    }

    /// The key's name in the status line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Reused => "reused",
            Self::Partners => "partners",
            Self::Words => "words",
            Self::Title => "title",
            Self::Group => "outlet",
        }
    }
}

/// One article as the library lists it. Text fields are safe to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The document.
    pub doc: usize,
    /// Its title.
    pub title: String,
    /// Its outlet or folder.
    pub group: String,
    /// Its length in words.
    pub words: usize,
    /// Share (0..=1) of its text found in another article.
    pub reused: f64,
    /// Number of articles it shares text with.
    pub partners: usize,
    /// The article it shares most text with.
    pub strongest: Option<usize>,
    /// Its id's file name (the whole id if it has none), to tell same-titled articles apart.
    pub id: String,
    /// How many copies of the article the corpus holds (duplicates listed once): 1 for most.
    pub copies: usize,
}

/// The start of the selected article, wrapped for the preview pane, its reused spans marked.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// The document shown.
    pub doc: usize,
    /// The rows it is wrapped for (the box's inner height).
    pub height: usize,
    /// Its first chars, reflowed like the compare view, with the passages it shares with any
    /// other article marked (slot 0 for all of them).
    pub view: PaneView,
}

impl Preview {
    /// Rewraps for article `doc` (`document`) at `width`, enough of it to fill `height` rows,
    /// unless that is what it shows.
    pub fn refresh(
        &mut self,
        (doc, document): (usize, &Document),
        report: &Report,
        width: usize,
        height: usize,
    ) {
        let shown = &self.view;
        if !shown.rows.is_empty()
            && self.doc == doc
            && shown.width == width
            && self.height == height
        {
            return;
        }
        // A row holds at most `width` visible cells plus its blanks: twice that fills the box.
        let chars = (width + 1) * (height + 1) * 2;
        let rows = wrap_document(document, width, Some(chars));
        let mut marks = Marks::default();
        for passage in report.passages_in(doc).into_iter().filter(|p| p.is_reuse()) {
            if let Some((own, _)) = passage.sides_for(doc) {
                marks.passages.push(Highlight {
                    slot: 0,
                    chars: own.span.start..own.span.end,
                    kind: passage.kind,
                });
            }
        }
        marks.passages.sort_by_key(|h| (h.chars.start, h.chars.end));
        *self = Self {
            doc,
            height,
            view: PaneView::from_rows(doc, document, width, rows, &marks),
        };
    }
}

/// The file name of an id, or the id.
fn file_name(id: &str) -> &str {
    std::path::Path::new(id)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(id)
}

/// The library's state.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The articles, in display order.
    pub entries: Vec<Entry>,
    /// The sort key.
    pub sort: SortKey,
    /// Index of the selected entry.
    pub selected: usize,
    /// First entry shown.
    pub offset: usize,
    /// The selected article's preview.
    pub preview: Preview,
    /// The widest id, in cells (at most [`MAX_ID_WIDTH`]), for the Id column.
    pub id_width: u16,
    /// The widest outlet, in cells (at least the header's, at most [`MAX_GROUP_WIDTH`]).
    pub group_width: u16,
}

/// The widest the Outlet column gets.
pub const MAX_GROUP_WIDTH: u16 = 16;

/// The widest the Id column gets.
pub const MAX_ID_WIDTH: u16 = 32;

impl Library {
    /// Lists every article of the corpus with its figures from the report, the copies of a
    /// duplicated article as one entry (its first copy) with their count.
    pub fn new(corpus: &Corpus, report: &Report) -> Self {
        let entries: Vec<Entry> = corpus
            .documents
            .iter()
            .enumerate()
            .filter(|&(doc, _)| report.duplicates_of(doc).is_none_or(|g| g[0] == doc))
            .map(|(doc, d)| {
                let partners = report.partners(doc);
                Entry {
                    doc,
                    title: printable(&d.title),
                    group: printable(&d.group),
                    words: d.words(),
                    reused: report.reused_share(corpus, doc),
                    partners: partners.len(),
                    strongest: partners.first().map(|p| p.doc),
                    id: printable(file_name(&d.id)),
                    copies: report.duplicates_of(doc).map_or(1, <[usize]>::len),
                }
            })
            .collect();
        let widest = |field: fn(&Entry) -> &str, min, max| {
            let cells = entries.iter().map(|e| text_width(field(e))).max();
            u16::try_from(cells.unwrap_or(0))
                .unwrap_or(u16::MAX)
                .clamp(min, max)
        };
        let id_width = widest(|e| &e.id, 2, MAX_ID_WIDTH);
        let group_width = widest(|e| &e.group, 6, MAX_GROUP_WIDTH);
        let mut library = Self {
            entries,
            id_width,
            group_width,
            ..Self::default()
        };
        library.sort_entries();
        library
    }

    /// The selected entry.
    pub fn current(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    /// Moves to the next sort key, keeping the same article selected.
    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        let doc = self.current().map(|e| e.doc);
        self.sort_entries();
        self.selected = doc
            .and_then(|d| self.entries.iter().position(|e| e.doc == d))
            .unwrap_or(0);
    }

    /// Moves the selection by `delta`, clamped, keeping it within `rows` visible rows.
    pub fn select_by(&mut self, delta: isize, rows: usize) {
        let last = self.entries.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.keep_visible(rows);
    }

    /// Adjusts the first row shown so that the selection is visible in `rows` rows.
    pub fn keep_visible(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }

    fn sort_entries(&mut self) {
        let by = self.sort;
        self.entries.sort_by(|x, y| {
            let order = match by {
                SortKey::Reused => y.reused.total_cmp(&x.reused),
                SortKey::Partners => y.partners.cmp(&x.partners),
                SortKey::Words => y.words.cmp(&x.words),
                SortKey::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
                SortKey::Group => x.group.cmp(&y.group).then(x.title.cmp(&y.title)),
            };
            order.then(x.doc.cmp(&y.doc))
        });
    }
}
