//! The views of the reader, one module each: its state, its `update`, its keys and its layout.
//! `App` keeps them and a stack of the views the user came through.

pub mod compare;
pub mod filter;
pub mod find;
pub mod heat;
pub mod library;
pub mod passages;

use super::ids::{DocId, PassageId};
use super::keymap::Binding;
use crate::reuse::Report;

/// The screens of the reader (the help overlay sits on top of any).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Every article with its reuse figures.
    Library,
    /// Two articles side by side.
    Compare,
    /// Every cluster of reused text, and where it occurs.
    Passages,
    /// Articles × articles (or outlets × outlets) shaded by the text they have in common.
    Heat,
    /// Every place a phrase occurs in the corpus.
    Find,
}

impl View {
    /// Every view, in the order of the digits that jump to them.
    pub const ALL: [View; 5] = [
        View::Library,
        View::Compare,
        View::Passages,
        View::Heat,
        View::Find,
    ];

    /// Its name, as the help and the status line say it.
    pub fn name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Compare => "compare",
            View::Passages => "passages",
            View::Heat => "heat map",
            View::Find => "search",
        }
    }

    /// Its name in the config's `[keys.…]` tables and in remembered places.
    pub fn config_name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Compare => "compare",
            View::Passages => "passages",
            View::Heat => "heat",
            View::Find => "find",
        }
    }

    /// Its own keys (the common ones apply too).
    pub fn keys(self) -> &'static [Binding] {
        match self {
            View::Library => library::KEYS,
            View::Compare => compare::KEYS,
            View::Passages => passages::KEYS,
            View::Heat => heat::KEYS,
            View::Find => find::KEYS,
        }
    }

    /// The help's lines after the keys: what the mouse and the marks do.
    pub fn notes(self) -> &'static [(&'static str, &'static str)] {
        match self {
            View::Library => library::NOTES,
            View::Compare => compare::NOTES,
            View::Passages => passages::NOTES,
            View::Heat => heat::NOTES,
            View::Find => find::NOTES,
        }
    }
}

/// The first row to show of a list so that row `selected` is among the `rows` shown, moving
/// `offset` as little as it can; also when the list got shorter.
pub fn keep_in_view(selected: usize, offset: &mut usize, rows: usize) {
    let rows = rows.max(1);
    if selected < *offset {
        *offset = selected;
    } else if selected >= *offset + rows {
        *offset = selected + 1 - rows;
    }
}

/// Edits a prompt's text for `action` (a char typed, or one deleted); whether it was one.
pub fn edit_prompt(input: &mut Option<String>, action: crate::app::Action) -> bool {
    match action {
        crate::app::Action::SearchInput(c) => input.get_or_insert_default().push(c),
        crate::app::Action::SearchBackspace => {
            input.get_or_insert_default().pop();
        }
        crate::app::Action::SearchClear => input.get_or_insert_default().clear(),
        _ => return false,
    }
    true
}

/// What a view's `update` asks of the app beyond its own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing more.
    Done,
    /// A one-off notice for the status line.
    Message(String),
    /// Open two articles side by side, on top of this view.
    Open(Opening),
    /// Open the search of the whole corpus, on top of this view.
    Find,
}

/// A pair to open in the compare view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The article on the left.
    pub left: DocId,
    /// The article on the right.
    pub right: DocId,
    /// The passage to select and bring level, if any.
    pub passage: Option<PassageId>,
    /// The occurrences `]` and `[` walk on the right, instead of the left's partners.
    pub walk: Option<Walk>,
    /// Whether to show the same-story links (when one was asked for).
    pub show_related: bool,
    /// A phrase to find in the left article, and the char its match to go to starts at.
    pub find: Option<(String, usize)>,
}

impl Opening {
    /// Articles `left` and `right`, nothing selected.
    pub fn pair(left: DocId, right: DocId) -> Self {
        Self {
            left,
            right,
            passage: None,
            walk: None,
            show_related: false,
            find: None,
        }
    }
}

/// The occurrences of one passage, walked one by one on the right of the compare view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Walk {
    /// Their articles, in the order listed (an article may come twice).
    pub docs: Vec<DocId>,
    /// The passages linking them.
    pub passages: Vec<PassageId>,
    /// Where each occurrence is, in the order of `docs`.
    pub sides: Vec<crate::reuse::Side>,
}

impl Walk {
    /// Where the occurrence in `doc` is (its first, if it has several).
    pub fn side_in(&self, doc: DocId) -> Option<crate::reuse::Side> {
        self.sides.iter().copied().find(|s| s.doc == doc.0)
    }

    /// The passage among the walk's that links `a` and `b`, if one does.
    pub fn linking(&self, report: &Report, a: DocId, b: DocId) -> Option<PassageId> {
        self.passages.iter().copied().find(|id| {
            let p = &report.passages[id.0];
            (p.a.doc, p.b.doc) == (a.0, b.0) || (p.a.doc, p.b.doc) == (b.0, a.0)
        })
    }
}
