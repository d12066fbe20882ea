//! The views of the reader, one module each: its state, its `update`, its keys and its layout.
//! `App` keeps them and a stack of the views the user came through.

pub mod compare;
pub mod library;

use super::ids::{DocId, PassageId};
use super::keymap::Binding;

/// The screens of the reader (the help overlay sits on top of any).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Every article with its reuse figures.
    Library,
    /// Two articles side by side.
    Compare,
}

impl View {
    /// Every view, in the order of the digits that jump to them.
    pub const ALL: [View; 2] = [View::Library, View::Compare];

    /// Its name, as the help and the status line say it.
    pub fn name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Compare => "compare",
        }
    }

    /// Its own keys (the common ones apply too).
    pub fn keys(self) -> &'static [Binding] {
        match self {
            View::Library => library::KEYS,
            View::Compare => compare::KEYS,
        }
    }

    /// The help's lines after the keys: what the mouse and the marks do.
    pub fn notes(self) -> &'static [(&'static str, &'static str)] {
        match self {
            View::Library => library::NOTES,
            View::Compare => compare::NOTES,
        }
    }
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
}

/// A pair to open in the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    /// The article on the left.
    pub left: DocId,
    /// The article on the right.
    pub right: DocId,
    /// The passage to select and bring level, if any.
    pub passage: Option<PassageId>,
}
