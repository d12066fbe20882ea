//! Search across the corpus (`/` in the library and the passages screen): a phrase, folded
//! for case, accents, quotes and dashes, and every place it occurs, with a line of context and
//! the shared passage it lies in; Enter jumps to a hit in the compare view.

use std::ops::Range;

use rayon::prelude::*;

use crossterm::event::KeyCode::{Down, End, Enter, Home, PageDown, PageUp, Up};
use ratatui::layout::{Constraint, Layout, Rect};

use super::compare::find_matches;
use super::{Opening, Outcome, edit_prompt, keep_in_view};
use crate::app::context::Context;
use crate::app::ids::{DocId, PassageId};
use crate::app::keymap::{Binding, bind, ch};
use crate::app::{Action, signed};
use crate::text::printable;

/// Keys of the search results.
pub const KEYS: &[Binding] = &[
    bind(&[ch('j'), Down], Action::ScrollBy(1), "next hit"),
    bind(&[ch('k'), Up], Action::ScrollBy(-1), "previous hit"),
    bind(&[PageDown, ch(' ')], Action::Page(1), "page down"),
    bind(&[PageUp], Action::Page(-1), "page up"),
    bind(&[ch('g'), Home], Action::Top, "first hit"),
    bind(&[ch('G'), End], Action::Bottom, "last hit"),
    bind(&[Enter], Action::Open, "show the hit in the compare view"),
    bind(&[ch('/')], Action::StartSearch, "search again"),
];

/// The help's lines after the keys.
pub const NOTES: &[(&str, &str)] = &[
    ("folded", "case, accents, quotes and dashes"),
    ("passage", "the shared passage the hit lies in"),
];

/// Most hits kept: a phrase found more often is too common to read through.
pub const MAX_HITS: usize = 5_000;

/// Chars of context on either side of a hit.
const CONTEXT: usize = 60;

/// One place the phrase occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The article.
    pub doc: DocId,
    /// Chars of the article the hit covers.
    pub chars: Range<usize>,
    /// The text before the hit, the hit and the text after, on one line, safe to show.
    pub context: (String, String, String),
    /// The reuse passage the hit lies in, if any.
    pub passage: Option<PassageId>,
}

/// The parts of the search screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FindArea {
    /// The hits.
    pub list: Rect,
    /// The status line (or the prompt).
    pub status: Rect,
}

/// Splits the screen into the hits and the status line.
pub fn layout(area: Rect) -> FindArea {
    let [list, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    FindArea { list, status }
}

/// Hits shown at once: two lines each, inside the border.
pub fn shown_hits(area: Rect) -> usize {
    usize::from(layout(area).list.height.saturating_sub(2) / 2)
}

/// The search screen's state.
#[derive(Debug, Clone, Default)]
pub struct Find {
    /// What is being typed, while the prompt is open.
    pub input: Option<String>,
    /// The last phrase searched.
    pub query: String,
    /// Its hits, in corpus order.
    pub hits: Vec<Hit>,
    /// Whether more hits were found than kept.
    pub truncated: bool,
    /// Number of articles with a hit.
    pub articles: usize,
    /// The selected hit.
    pub selected: usize,
    /// The first hit shown.
    pub offset: usize,
}

impl Find {
    /// Opens the prompt, keeping the last results below it.
    pub fn start(&mut self) {
        self.input = Some(String::new());
    }

    /// Answers `action`.
    pub fn update(&mut self, ctx: &Context, action: Action) -> Outcome {
        let rows = shown_hits(ctx.area);
        let page = isize::try_from(rows.max(1)).unwrap_or(1);
        if edit_prompt(&mut self.input, action) {
            return Outcome::Done;
        }
        match action {
            Action::StartSearch => self.start(),
            Action::CloseOverlay => self.input = None,
            Action::SearchSubmit => return self.submit(ctx),
            Action::ScrollBy(delta) => self.move_by(signed(delta), rows),
            Action::Page(pages) => self.move_by(signed(pages) * page, rows),
            Action::Top => self.move_by(isize::MIN / 2, rows),
            Action::Bottom => self.move_by(isize::MAX / 2, rows),
            Action::Wheel { down, .. } => self.move_by(if down { 1 } else { -1 }, rows),
            Action::Open => return self.open(ctx),
            _ => {}
        }
        Outcome::Done
    }

    fn move_by(&mut self, delta: isize, rows: usize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        keep_in_view(self.selected, &mut self.offset, rows);
    }

    /// Keeps the selected hit on screen after a resize.
    pub fn resize(&mut self, ctx: &Context) {
        keep_in_view(self.selected, &mut self.offset, shown_hits(ctx.area));
    }

    /// Runs the typed phrase over every article.
    fn submit(&mut self, ctx: &Context) -> Outcome {
        let typed = self.input.take().unwrap_or_default();
        if typed.trim().is_empty() {
            return Outcome::Done;
        }
        *self = Self {
            query: typed,
            ..Self::default()
        };
        let query = &self.query;
        let per_doc: Vec<(usize, Vec<Range<usize>>)> = ctx
            .corpus
            .documents
            .par_iter()
            .enumerate()
            .map(|(doc, document)| (doc, find_matches(&document.text, query)))
            .filter(|(_, found)| !found.is_empty())
            .collect();
        for (doc, found) in per_doc {
            self.articles += 1;
            for chars in found {
                if self.hits.len() == MAX_HITS {
                    self.truncated = true;
                    break;
                }
                self.hits.push(hit(ctx, DocId(doc), chars));
            }
        }
        let found = match self.hits.len() {
            0 => format!("no article contains “{}”", self.query),
            n => format!(
                "“{}”: {} in {}{}",
                self.query,
                crate::text::count(n, "hit"),
                crate::text::count(self.articles, "article"),
                if self.truncated {
                    " (the first kept)"
                } else {
                    ""
                }
            ),
        };
        Outcome::Message(found)
    }

    /// The selected hit in the compare view: its article on the left, the match selected;
    /// on the right, the other side of the passage it lies in, else the article's strongest
    /// partner, else the article again.
    fn open(&self, ctx: &Context) -> Outcome {
        let Some(hit) = self.hits.get(self.selected) else {
            return Outcome::Done;
        };
        let other = hit
            .passage
            .and_then(|id| ctx.passage(id).sides_for(hit.doc.0))
            .map(|(_, other)| DocId(other.doc))
            .or_else(|| {
                let partners = ctx.report.partners_to_read(hit.doc.0);
                partners.first().map(|p| DocId(p.doc))
            })
            .unwrap_or(hit.doc);
        Outcome::Open(Opening {
            passage: hit.passage,
            find: Some((self.query.clone(), hit.chars.start)),
            ..Opening::pair(hit.doc, other)
        })
    }
}

/// The hit at `chars` of article `doc`, with its context and the passage it lies in.
fn hit(ctx: &Context, doc: DocId, chars: Range<usize>) -> Hit {
    let document = ctx.document(doc);
    let map = &document.map();
    let from = chars.start.saturating_sub(CONTEXT);
    let to = (chars.end + CONTEXT).min(document.chars());
    let slice =
        |a: usize, b: usize| one_line(&printable(&document.text[map.byte_of(a)..map.byte_of(b)]));
    let passage = ctx
        .report
        .passages_in(doc.0)
        .into_iter()
        .filter(|p| p.is_reuse())
        .find(|p| {
            p.sides_for(doc.0)
                .is_some_and(|(own, _)| own.span.start <= chars.start && chars.end <= own.span.end)
        })
        .map(|p| PassageId(p.id));
    // Context cut inside the text starts and ends at a word, marked with an ellipsis.
    let mut before = slice(from, chars.start);
    if from > 0 {
        let word = before.find(' ').map_or(0, |at| at + 1);
        before = format!("…{}", &before[word..]);
    }
    let mut after = slice(chars.end, to);
    if to < document.chars() {
        let word = after.rfind(' ').unwrap_or(after.len());
        after = format!("{}…", &after[..word]);
    }
    Hit {
        doc,
        context: (before, slice(chars.start, chars.end), after),
        chars,
        passage,
    }
}

/// `text` on one line: each run of white space one blank, the edges kept.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}
