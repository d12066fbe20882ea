//! The library: one row per article with its reuse figures, a sort key, the selection and a
//! preview of the selected article; its keys, its layout and how it answers actions.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::layout::Rect;

use super::filter::Filter;
use super::{Opening, Outcome, edit_prompt, keep_in_view};
use crate::app::article::{Highlight, Marks, PaneView, wrap_document};
use crate::app::context::Context;
use crate::app::ids::DocId;
use crate::app::keymap::{Binding, bind, ch};
use crate::app::{Action, signed};
use crate::corpus::{Corpus, Document};
use crate::reuse::Report;
use crate::text::printable;
use crate::text::wrap::text_width;

use crossterm::event::KeyCode::{Down, End, Enter, Home, PageDown, PageUp, Up};

/// Keys of the library.
pub const KEYS: &[Binding] = &[
    bind(&[ch('j'), Down], Action::ScrollBy(1), "next article"),
    bind(&[ch('k'), Up], Action::ScrollBy(-1), "previous article"),
    bind(&[PageDown], Action::Page(1), "page down"),
    bind(&[PageUp], Action::Page(-1), "page up"),
    bind(&[ch('g'), Home], Action::Top, "first article"),
    bind(&[ch('G'), End], Action::Bottom, "last article"),
    bind(&[ch('s')], Action::CycleSort, "cycle the sort key"),
    bind(&[Enter], Action::Open, "compare with its strongest partner"),
    bind(&[ch('/')], Action::StartSearch, "search the whole corpus"),
    bind(
        &[ch('f')],
        Action::StartFilter,
        "filter: title words, outlet:NAME, reuse:N%",
    ),
    bind(&[ch('F')], Action::ClearFilter, "clear the filter"),
    bind(
        &[ch('d')],
        Action::ToggleCopies,
        "list the copies of a duplicated article (×N)",
    ),
];

/// The help's lines after the keys.
pub const NOTES: &[(&str, &str)] = &[
    ("mouse", "wheel moves, click selects;"),
    ("", "over the preview, the wheel scrolls it"),
];

/// The parts of the library screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LibraryArea {
    /// The table of articles.
    pub table: Rect,
    /// The preview of the selected article.
    pub preview: Rect,
    /// The status line.
    pub status: Rect,
}

/// Splits the screen into the library's table, preview and status line.
pub fn layout(area: Rect) -> LibraryArea {
    let [table, preview, status] = crate::app::layout::list_over_pane(area, 60);
    LibraryArea {
        table,
        preview,
        status,
    }
}

/// Rows of the library table that show articles (inside the border, below the header).
pub fn table_rows(area: Rect) -> usize {
    usize::from(layout(area).table.height.saturating_sub(3))
}

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
    /// Publication date, oldest first (undated last).
    Date,
    /// Title, alphabetically.
    Title,
    /// Outlet or folder, then title.
    Group,
}

impl SortKey {
    /// Every key, in the order `s` cycles through them.
    pub const ALL: [SortKey; 6] = [
        Self::Reused,
        Self::Partners,
        Self::Words,
        Self::Date,
        Self::Title,
        Self::Group,
    ];

    /// The key after this one (`s` cycles through them).
    #[must_use]
    pub fn next(self) -> SortKey {
        match self {
            Self::Reused => Self::Partners,
            Self::Partners => Self::Words,
            Self::Words => Self::Date,
            Self::Date => Self::Title,
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
            Self::Date => "date",
            Self::Title => "title",
            Self::Group => "outlet",
        }
    }
}

/// One article as the library lists it. Text fields are safe to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The document.
    pub doc: DocId,
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
    pub strongest: Option<DocId>,
    /// Its id's file name (the whole id if it has none), to tell same-titled articles apart.
    pub id: String,
    /// How many copies of the article the corpus holds (duplicates listed once): 1 for most.
    pub copies: usize,
    /// Its publication date as given (safe to show), if any.
    pub date: Option<String>,
    /// That date's year, month and day, when it can be read, for sorting.
    pub day: Option<(u16, u8, u8)>,
    /// For a copy listed under its duplicated article (after `d`), that article.
    pub copy_of: Option<DocId>,
}

/// The start of the selected article, wrapped for the preview pane, its reused spans marked;
/// the mouse wheel over it scrolls it.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// The document shown.
    pub doc: DocId,
    /// The rows it is wrapped for (the box's inner height).
    pub height: usize,
    /// The first row shown.
    pub scroll: usize,
    /// Its first chars (enough for the rows scrolled through), reflowed like the compare view,
    /// with the passages it shares with any other article marked (slot 0 for all of them).
    pub view: PaneView,
    /// Whether `view` holds the whole article.
    whole: bool,
}

impl Preview {
    /// Rewraps for article `doc` (`document`) at `width`, enough of it to fill `height` rows
    /// from its scroll (back at the top for another article), unless that is what it shows.
    pub fn refresh(
        &mut self,
        (doc, document): (DocId, &Document),
        report: &Report,
        width: usize,
        height: usize,
    ) {
        if self.doc != doc {
            self.scroll = 0;
        }
        if self.whole && self.doc == doc {
            self.scroll = self.scroll.min(self.view.rows.len().saturating_sub(height));
        }
        let shown = &self.view;
        let enough = self.whole || shown.rows.len() >= self.scroll + height;
        if !shown.rows.is_empty()
            && self.doc == doc
            && shown.width == width
            && self.height == height
            && enough
        {
            return;
        }
        // A row holds at most `width` visible cells plus its blanks: twice that fills the box.
        let chars = (width + 1) * (self.scroll + height + 1) * 2;
        let whole = chars >= document.chars();
        let rows = wrap_document(document, width, Some(chars));
        let mut marks = Marks::default();
        for passage in report
            .passages_in(doc.0)
            .into_iter()
            .filter(|p| p.is_reuse())
        {
            if let Some((own, _)) = passage.sides_for(doc.0) {
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
            scroll: self.scroll,
            view: PaneView::from_rows(doc, document, width, rows, &marks),
            whole,
        };
        if self.whole {
            self.scroll = self.scroll.min(self.view.rows.len().saturating_sub(height));
        }
    }

    /// Scrolls by `rows` (down when positive); the next refresh wraps what it needs.
    pub fn scroll_by(&mut self, rows: isize) {
        self.scroll = self.scroll.saturating_add_signed(rows);
    }
}

/// The library's entry for document `doc`.
fn entry(corpus: &Corpus, report: &Report, doc: usize) -> Entry {
    let d = &corpus.documents[doc];
    let partners = report.partners(doc);
    // An article that only quotes what others quote still opens beside one of them.
    let strongest = match partners.first() {
        Some(p) => Some(DocId(p.doc)),
        None => report.partners_to_read(doc).first().map(|p| DocId(p.doc)),
    };
    Entry {
        doc: DocId(doc),
        title: printable(&d.title),
        group: printable(&d.group),
        words: d.words(),
        reused: report.reused_share(corpus, doc),
        partners: partners.len(),
        strongest,
        id: printable(file_name(&d.id)),
        copies: report.duplicates_of(doc).map_or(1, <[usize]>::len),
        date: d.date.as_deref().map(printable),
        day: d.date.as_deref().and_then(crate::corpus::dates::day_of),
        copy_of: None,
    }
}

/// Most chars of a title a status-line message quotes: the message itself must fit too.
const TITLE_IN_MESSAGE: usize = 48;

/// `text` within `chars` chars, ending in `…` when cut.
fn shortened(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let kept: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
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
    /// The articles the filter keeps, in display order.
    pub entries: Vec<Entry>,
    /// Every article, in display order.
    pub all: Vec<Entry>,
    /// The filter applied.
    pub filter: Filter,
    /// The filter as last typed.
    pub filter_text: String,
    /// What is being typed, while the filter prompt is open.
    pub filter_input: Option<String>,
    /// The other copies of each duplicated article, by its first copy.
    pub copies: BTreeMap<DocId, Vec<Entry>>,
    /// The duplicated articles whose copies are listed under them.
    pub expanded: BTreeSet<DocId>,
    /// Whether any article has a date.
    dated: bool,
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
    /// The widest outlet, in cells (at least the header's, at most [`MAX_GROUP_WIDTH`]); the
    /// table gives it at most a fifth of its width, and never less than 16 cells.
    pub group_width: u16,
}

/// The widest the Outlet column gets.
pub const MAX_GROUP_WIDTH: u16 = 48;

/// The widest the Id column gets.
pub const MAX_ID_WIDTH: u16 = 32;

impl Library {
    /// Lists every article of the corpus with its figures from the report, the copies of a
    /// duplicated article as one entry (its first copy) with their count.
    pub fn new(corpus: &Corpus, report: &Report) -> Self {
        let leader = |doc: usize| report.duplicates_of(doc).is_none_or(|g| g[0] == doc);
        let entries: Vec<Entry> = (0..corpus.len())
            .filter(|&doc| leader(doc))
            .map(|doc| entry(corpus, report, doc))
            .collect();
        let mut copies: BTreeMap<DocId, Vec<Entry>> = BTreeMap::new();
        for group in &report.duplicates {
            if let [first, rest @ ..] = group.as_slice() {
                let listed = rest.iter().map(|&doc| Entry {
                    copies: 1,
                    copy_of: Some(DocId(*first)),
                    ..entry(corpus, report, doc)
                });
                copies.insert(DocId(*first), listed.collect());
            }
        }
        let widest = |field: fn(&Entry) -> &str, min, max| {
            let cells = entries.iter().map(|e| text_width(field(e))).max();
            u16::try_from(cells.unwrap_or(0))
                .unwrap_or(u16::MAX)
                .clamp(min, max)
        };
        let id_width = widest(|e| &e.id, 2, MAX_ID_WIDTH);
        let group_width = widest(|e| &e.group, 6, MAX_GROUP_WIDTH);
        let dated = entries.iter().any(|e| e.date.is_some());
        let mut library = Self {
            dated,
            all: entries,
            copies,
            id_width,
            group_width,
            ..Self::default()
        };
        library.sort_entries();
        library
    }

    /// Selects the entry of article `doc`, if it is listed, scrolled to the top of the table.
    pub fn select_doc(&mut self, doc: DocId) {
        if let Some(row) = self.entries.iter().position(|e| e.doc == doc) {
            self.selected = row;
            self.offset = row;
        }
    }

    /// Whether any article has a date (the table then shows them, and sorts by them).
    pub fn dated(&self) -> bool {
        self.dated
    }

    /// The selected entry.
    pub fn current(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    /// Answers `action` (the preview follows the selection).
    pub fn update(&mut self, ctx: &Context, action: Action) -> Outcome {
        let rows = table_rows(ctx.area);
        let page = isize::try_from(rows.max(1)).unwrap_or(1);
        let outcome = match action {
            Action::ScrollBy(delta) => self.moved(signed(delta), rows),
            Action::Page(pages) => self.moved(signed(pages) * page, rows),
            Action::Top => self.moved(isize::MIN / 2, rows),
            Action::Bottom => self.moved(isize::MAX / 2, rows),
            Action::Wheel { row, column, down } => {
                let over_preview = layout(ctx.area)
                    .preview
                    .contains(ratatui::layout::Position::new(column, row));
                if over_preview {
                    self.preview.scroll_by(if down { 3 } else { -3 });
                    Outcome::Done
                } else {
                    self.moved(if down { 1 } else { -1 }, rows)
                }
            }
            Action::CycleSort => {
                self.cycle_sort();
                Outcome::Message(format!("sorted by {}", self.sort.name()))
            }
            Action::Open => self.open(),
            Action::ToggleCopies => {
                let outcome = self.toggle_copies();
                self.keep_visible(rows);
                outcome
            }
            Action::StartSearch => Outcome::Find,
            Action::StartFilter
            | Action::ClearFilter
            | Action::SearchInput(_)
            | Action::SearchClear
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::CloseOverlay => self.update_filter(action, rows),
            Action::Click { row, .. } => {
                self.click(ctx.area, row);
                Outcome::Done
            }
            _ => Outcome::Done,
        };
        self.refresh_preview(ctx);
        outcome
    }

    fn moved(&mut self, delta: isize, rows: usize) -> Outcome {
        self.select_by(delta, rows);
        Outcome::Done
    }

    /// Opens the selected article beside its strongest partner, or says it has none.
    fn open(&self) -> Outcome {
        let Some(entry) = self.current() else {
            return Outcome::Done;
        };
        match entry.strongest {
            Some(partner) => Outcome::Open(Opening::pair(entry.doc, partner)),
            None => Outcome::Message(format!(
                "“{}” shares no passage with another article",
                shortened(&entry.title, TITLE_IN_MESSAGE)
            )),
        }
    }

    /// Selects the entry on screen row `row` of a screen `area`, if there is one.
    fn click(&mut self, area: Rect, row: u16) {
        let first = layout(area).table.y + 2; // border and header
        let Some(offset) = row.checked_sub(first) else {
            return;
        };
        let index = self.offset + usize::from(offset);
        if index < self.entries.len().min(self.offset + table_rows(area)) {
            self.selected = index;
        }
    }

    /// Rewraps the preview if the selection or its width changed.
    pub fn refresh_preview(&mut self, ctx: &Context) {
        let preview = layout(ctx.area).preview;
        let width = usize::from(preview.width.saturating_sub(2));
        let height = usize::from(preview.height.saturating_sub(2));
        if let Some(doc) = self.current().map(|e| e.doc) {
            let document = ctx.document(doc);
            self.preview
                .refresh((doc, document), &ctx.report, width, height);
        }
    }

    /// Keeps the selection on screen after a resize.
    pub fn resize(&mut self, ctx: &Context) {
        self.keep_visible(table_rows(ctx.area));
        self.refresh_preview(ctx);
    }

    /// Moves to the next sort key and shows the top of the list, what the new order puts
    /// first.
    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        if self.sort == SortKey::Date && !self.dated() {
            self.sort = self.sort.next();
        }
        self.sort_entries();
        self.selected = 0;
        self.offset = 0;
    }

    /// Moves the selection by `delta`, clamped, keeping it within `rows` visible rows.
    pub fn select_by(&mut self, delta: isize, rows: usize) {
        let last = self.entries.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.keep_visible(rows);
    }

    /// Adjusts the first row shown so that the selection is visible in `rows` rows.
    pub fn keep_visible(&mut self, rows: usize) {
        keep_in_view(self.selected, &mut self.offset, rows);
    }

    /// Sorts every article by the sort key and lists those the filter keeps.
    fn sort_entries(&mut self) {
        let by = self.sort;
        self.all.sort_by(|x, y| {
            let order = match by {
                SortKey::Reused => y.reused.total_cmp(&x.reused),
                SortKey::Partners => y.partners.cmp(&x.partners),
                SortKey::Words => y.words.cmp(&x.words),
                // Oldest first, the undated last.
                SortKey::Date => x
                    .day
                    .is_none()
                    .cmp(&y.day.is_none())
                    .then(x.day.cmp(&y.day)),
                SortKey::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
                SortKey::Group => x.group.cmp(&y.group).then(x.title.cmp(&y.title)),
            };
            order.then(x.doc.cmp(&y.doc))
        });
        self.apply_filter();
    }

    /// Lists the articles the filter keeps, from the top.
    fn apply_filter(&mut self) {
        let filter = &self.filter;
        let mut entries = Vec::with_capacity(self.all.len());
        for e in self
            .all
            .iter()
            .filter(|e| filter.keeps_article(&e.title, &e.group, e.reused))
        {
            entries.push(e.clone());
            if self.expanded.contains(&e.doc) {
                entries.extend(self.copies.get(&e.doc).into_iter().flatten().cloned());
            }
        }
        let doc = self.current().map(|e| e.doc);
        self.entries = entries;
        // The same article when it is still listed, else the nearest row.
        self.selected = doc
            .and_then(|d| self.entries.iter().position(|e| e.doc == d))
            .unwrap_or(self.selected)
            .min(self.entries.len().saturating_sub(1));
    }

    /// Lists the copies of the selected duplicated article under it, or folds them again.
    fn toggle_copies(&mut self) -> Outcome {
        let Some(entry) = self.current() else {
            return Outcome::Done;
        };
        let leader = entry.copy_of.unwrap_or(entry.doc);
        let Some(copies) = self.copies.get(&leader).map(Vec::len) else {
            return Outcome::Message("this article has no copy in the corpus".to_owned());
        };
        let shown = if self.expanded.remove(&leader) {
            "folded"
        } else {
            self.expanded.insert(leader);
            "listed under it"
        };
        self.apply_filter();
        self.selected = self
            .entries
            .iter()
            .position(|e| e.doc == leader)
            .unwrap_or(0);
        Outcome::Message(format!(
            "{} {shown}",
            crate::text::count(copies, "other copy")
        ))
    }

    /// Answers the filter prompt's actions.
    fn update_filter(&mut self, action: Action, rows: usize) -> Outcome {
        if edit_prompt(&mut self.filter_input, action) {
            return Outcome::Done;
        }
        let outcome = self.apply_filter_action(action);
        self.keep_visible(rows);
        outcome
    }

    fn apply_filter_action(&mut self, action: Action) -> Outcome {
        match action {
            // The border shows the filter in force; the prompt starts empty.
            Action::StartFilter => self.filter_input = Some(String::new()),
            Action::CloseOverlay => self.filter_input = None,
            Action::SearchSubmit => {
                let typed = self.filter_input.take().unwrap_or_default();
                match Filter::parse(&typed, Filter::ARTICLES) {
                    Ok(filter) => {
                        self.filter = filter;
                        self.filter_text = typed;
                        self.selected = 0;
                        self.offset = 0;
                        self.apply_filter();
                        return Outcome::Message(format!(
                            "{} of {} shown",
                            self.entries.len(),
                            crate::text::count(self.all.len(), "article")
                        ));
                    }
                    Err(message) => return Outcome::Message(message),
                }
            }
            Action::ClearFilter => {
                self.filter = Filter::default();
                self.filter_text.clear();
                self.apply_filter();
                return Outcome::Message("filter cleared".to_owned());
            }
            _ => {}
        }
        Outcome::Done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_is_cut_in_a_message_a_short_one_kept() {
        assert_eq!(shortened("Floods", 48), "Floods");
        let long = "Russian Foreign Minister Sergey Lavrov announced the U.S.-NATO agreed to talks";
        let cut = shortened(long, 48);
        assert_eq!(cut.chars().count(), 48);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(long.starts_with(cut.trim_end_matches('…')));
    }
}
