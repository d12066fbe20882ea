//! Searching the focused article: the prompt, the matches and moving between them.

use std::ops::Range;

use super::{Compare, Focus, step_around};
use crate::app::Action;
use crate::app::context::Context;
use crate::app::view::Outcome;
use crate::text::search_fold as fold;

/// The search prompt and the matches of the last query.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// What is being typed, while the prompt is open.
    pub input: Option<String>,
    /// The last query run.
    pub query: String,
    /// The pane it was run in.
    pub pane: Focus,
    /// Its matches, as char ranges of that pane's article.
    pub matches: Vec<Range<usize>>,
    /// The match last gone to.
    pub current: Option<usize>,
    /// The bytes of that match in its article, drawn apart from the other matches.
    pub current_bytes: Option<Range<usize>>,
}

impl Search {
    /// The matches to mark in pane `which`.
    pub fn matches_for(&self, which: Focus) -> &[Range<usize>] {
        if which == self.pane {
            &self.matches
        } else {
            &[]
        }
    }

    /// Forgets the query and its matches.
    pub fn clear(&mut self) {
        *self = Search::default();
    }
}

/// Char ranges where `needle` occurs in `text`, ignoring case, accents and the difference
/// between curly and straight quotes or between dashes, not overlapping.
///
/// ```
/// use rehash::app::find_matches;
/// assert_eq!(find_matches("Kiev, kiev, KIEV", "kiev"), [0..4, 6..10, 12..16]);
/// assert_eq!(find_matches("I don’t — well", "don't -"), [2..9]);
/// assert_eq!(find_matches("Zelenskyy in Kyïv", "kyiv"), [13..17]);
/// assert_eq!(find_matches("a-é-A", "a"), [0..1, 4..5]);
/// assert_eq!(find_matches("abc", "abcd"), []);
/// ```
pub fn find_matches(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().map(fold).collect();
    let Some(&first) = needle.first() else {
        return Vec::new();
    };
    // One pass over the text, folding as it goes: no copy of it is made.
    let mut found = Vec::new();
    let mut chars = text.chars();
    let mut at = 0;
    loop {
        let from_here = chars.clone();
        let Some(c) = chars.next() else { break };
        let matched = fold(c) == first
            && from_here
                .map(fold)
                .take(needle.len())
                .eq(needle.iter().copied());
        if matched {
            found.push(at..at + needle.len());
            // Past the rest of the match (its first char is read already).
            if needle.len() > 1 {
                chars.nth(needle.len() - 2);
            }
            at += needle.len();
        } else {
            at += 1;
        }
    }
    found
}

impl Compare {
    /// Answers the prompt's and the matches' actions.
    pub(super) fn update_search(&mut self, ctx: &Context, action: Action) -> Outcome {
        if crate::app::view::edit_prompt(&mut self.search.input, action) {
            return Outcome::Done;
        }
        match action {
            Action::StartSearch => self.search.input = Some(String::new()),
            Action::CloseOverlay => self.search.input = None,
            Action::SearchSubmit => return self.submit_search(ctx),
            Action::NextMatch => return self.step_match(ctx, true),
            Action::PrevMatch => return self.step_match(ctx, false),
            _ => {}
        }
        Outcome::Done
    }

    /// Runs the typed query in the focused pane (or goes to the next match of the same one).
    fn submit_search(&mut self, ctx: &Context) -> Outcome {
        let typed = self.search.input.take().unwrap_or_default();
        let focus = self.focus;
        let query = if typed.is_empty() {
            self.search.query.clone()
        } else {
            typed
        };
        if query.is_empty() {
            return Outcome::Done;
        }
        let repeat = query == self.search.query && focus == self.search.pane;
        if !repeat || self.search.current.is_none() {
            let text = &ctx.document(self.focused().doc()).text;
            self.search.matches = find_matches(text, &query);
            self.search.query = query;
            self.search.pane = focus;
            self.search.current = None;
            self.rebuild(ctx, false);
        }
        self.step_match(ctx, true)
    }

    /// Searches the left article for `query` and goes to its match starting at char `at`.
    pub(super) fn find_at(&mut self, ctx: &Context, query: String, at: usize) {
        let text = &ctx.document(self.left.doc()).text;
        self.search.matches = find_matches(text, &query);
        self.search.query = query;
        self.search.pane = Focus::Left;
        let index = self.search.matches.iter().position(|m| m.start >= at);
        // One before the match, so that stepping forward lands on it.
        self.search.current =
            index.map(|i| (i + self.search.matches.len() - 1) % self.search.matches.len());
        self.rebuild(ctx, false);
        self.focus = Focus::Left;
        self.step_match(ctx, true);
    }

    /// Goes to the match after (or before) the current one, or the first one below the top
    /// row, wrapping.
    fn step_match(&mut self, ctx: &Context, forward: bool) -> Outcome {
        let (n, query) = (self.search.matches.len(), &self.search.query);
        if query.is_empty() {
            return Outcome::Message("no search yet: / to search the focused article".to_owned());
        }
        if n == 0 {
            return Outcome::Message(format!("no match for “{query}”"));
        }
        let pane = self.pane(self.search.pane);
        let next = if let Some(i) = self.search.current {
            step_around(i, n, forward)
        } else {
            let top = pane.view.rows.get(pane.scroll).map_or(0, |r| r.chars.start);
            let matches = &self.search.matches;
            matches.iter().position(|m| m.start >= top).unwrap_or(0)
        };
        let found = self.search.matches[next].clone();
        let row = pane.view.row_of(found.start);
        let map = &ctx.document(pane.doc()).map();
        self.search.current_bytes = Some(map.byte_of(found.start)..map.byte_of(found.end));
        self.reveal(self.search.pane, row);
        self.search.current = Some(next);
        Outcome::Message(format!(
            "“{}”: match {}/{n} · ^N next, ^P previous",
            self.search.query,
            next + 1
        ))
    }
}
