//! Searching the focused article: the prompt, the matches and moving between them.

use std::ops::Range;

use super::compare::Focus;
use super::{Action, App, Screen};

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

/// Char ranges where `needle` occurs in `text`, ignoring case, not overlapping.
///
/// ```
/// use rehash::app::find_matches;
/// assert_eq!(find_matches("Kiev, kiev, KIEV", "kiev"), [0..4, 6..10, 12..16]);
/// ```
pub fn find_matches(text: &str, needle: &str) -> Vec<Range<usize>> {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let needle: Vec<char> = needle.chars().map(fold).collect();
    let Some(&first) = needle.first() else {
        return Vec::new();
    };
    let hay: Vec<char> = text.chars().map(fold).collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        if hay[at] == first && hay[at..at + needle.len()] == needle[..] {
            found.push(at..at + needle.len());
            at += needle.len();
        } else {
            at += 1;
        }
    }
    found
}

impl App {
    pub(super) fn update_search(&mut self, action: Action) {
        match action {
            Action::StartSearch if self.screen == Screen::Compare && self.compare.is_some() => {
                self.search.input = Some(String::new());
            }
            Action::SearchInput(c) => self.search.input.get_or_insert_default().push(c),
            Action::SearchBackspace => {
                self.search.input.get_or_insert_default().pop();
            }
            Action::SearchSubmit => self.submit_search(),
            _ => {}
        }
    }

    /// Runs the typed query in the focused pane (or goes to the next match of the same one).
    fn submit_search(&mut self) {
        let typed = self.search.input.take().unwrap_or_default();
        let Some(compare) = self.compare.as_ref() else {
            return;
        };
        let focus = compare.focus;
        let query = if typed.is_empty() {
            self.search.query.clone()
        } else {
            typed
        };
        if query.is_empty() {
            return;
        }
        let repeat = query == self.search.query && focus == self.search.pane;
        if !repeat || self.search.current.is_none() {
            let text = &self.corpus.documents[compare.focused().doc()].text;
            self.search.matches = find_matches(text, &query);
            self.search.query = query;
            self.search.pane = focus;
            self.search.current = None;
            self.rebuild(false);
        }
        self.next_match();
    }

    /// Goes to the match after the last one (or the first below the top row), wrapping.
    fn next_match(&mut self) {
        let Some(compare) = self.compare.as_mut() else {
            return;
        };
        let (n, query) = (self.search.matches.len(), &self.search.query);
        if n == 0 {
            self.message = Some(format!("no match for “{query}”"));
            return;
        }
        let pane = compare.pane(self.search.pane);
        let next = if let Some(i) = self.search.current {
            (i + 1) % n
        } else {
            let top = pane.view.rows.get(pane.scroll).map_or(0, |r| r.chars.start);
            self.search
                .matches
                .iter()
                .position(|m| m.start >= top)
                .unwrap_or(0)
        };
        let row = pane.view.row_of(self.search.matches[next].start);
        compare.pane_mut(self.search.pane).reveal(row);
        compare.follow(self.search.pane);
        self.search.current = Some(next);
        self.message = Some(format!("“{query}”: match {}/{n}", next + 1));
    }
}
