//! Where the reader was in a corpus, to come back to on the next open: the view, the library's
//! sort, filter and selection, the passages' filter, row and occurrence, the heat map's cursor,
//! and the compare view's pair, the top of each pane and the selected passage. Articles are named by id and places by char, so a
//! place survives a rescan and a terminal of another size. Pure: `state` stores it.

use serde::{Deserialize, Serialize};

mod screens;
pub use screens::{HeatPlace, PassagesPlace};

use super::view::Opening;
use super::{Action, Anchor, App, DocId, Focus, View};

/// A remembered place; every field may be missing (an older file, another version).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// The view shown (`View::config_name`).
    pub view: String,
    /// The library's sort key (`SortKey::name`).
    pub sort: String,
    /// The library's selected article.
    pub selected: Option<String>,
    /// The library's filter, as typed.
    pub library_filter: String,
    /// The passages screen's filter, as typed.
    pub passages_filter: String,
    /// The pair of the compare view, if one was open.
    pub pair: Option<PairPlace>,
    /// The passages screen's selected row, if it was shown.
    pub passages: Option<PassagesPlace>,
    /// The heat map's cursor, if it was shown.
    pub heat: Option<HeatPlace>,
}

/// The compare view's place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PairPlace {
    /// The article on the left.
    pub left: String,
    /// The article on the right.
    pub right: String,
    /// The first char on screen in the left pane.
    pub left_top: usize,
    /// The first char on screen in the right pane.
    pub right_top: usize,
    /// The selected passage, by where it starts on the left and on the right.
    pub passage: Option<(usize, usize)>,
    /// Whether the right pane has the focus.
    pub right_focused: bool,
}

impl App {
    /// Where the reader is now.
    pub fn place(&self) -> Place {
        let id = |doc: DocId| self.ctx.document(doc).id.clone();
        let pair = self.compare.as_ref().map(|c| {
            let passage = c
                .selected
                .and_then(|slot| c.passages.get(slot))
                .map(|&p| self.ctx.passage(p))
                .and_then(|p| {
                    let (left, right) = p.sides_for(c.left.doc().0)?;
                    Some((left.span.start, right.span.start))
                });
            PairPlace {
                left: id(c.left.doc()),
                right: id(c.right.doc()),
                left_top: c.left.anchor(None).char,
                right_top: c.right.anchor(None).char,
                passage,
                right_focused: c.focus == Focus::Right,
            }
        });
        Place {
            view: self.view().config_name().to_owned(),
            sort: self.library.sort.name().to_owned(),
            selected: self.library.current().map(|e| id(e.doc)),
            library_filter: self.library.filter_text.clone(),
            passages_filter: self
                .passages
                .get()
                .map_or_else(String::new, |p| p.filter_text.clone()),
            pair,
            passages: self.passages_place(),
            heat: self.heat_place(),
        }
    }

    /// Goes back to `place` as far as the corpus allows: an article that is gone, a filter
    /// that no longer parses or a view that no longer exists is passed over.
    pub fn restore(&mut self, place: &Place) {
        self.restore_sort(&place.sort);
        self.replay_filter(View::Library, &place.library_filter);
        self.replay_filter(View::Passages, &place.passages_filter);
        if let Some(passages) = &place.passages {
            self.restore_passages(passages);
        }
        if let Some(heat) = &place.heat {
            self.restore_heat(heat);
        }
        if let Some(doc) = place.selected.as_deref().and_then(|id| self.doc(id)) {
            self.library.select_doc(doc);
        }
        self.library.refresh_preview(&self.ctx);
        if let Some(pair) = &place.pair {
            self.restore_pair(pair);
        }
        // The view comes back on top of the library, so that Esc leads there. A search is
        // not remembered, so its view is not either.
        let view = View::ALL
            .into_iter()
            .find(|v| v.config_name() == place.view);
        match view {
            Some(View::Library) => self.stack = vec![View::Library],
            Some(View::Compare) if self.compare.is_none() => {}
            Some(view @ (View::Compare | View::Passages | View::Heat)) => {
                self.stack = vec![View::Library, view];
            }
            Some(View::Find) | None => {}
        }
        self.message = None;
    }

    fn doc(&self, id: &str) -> Option<DocId> {
        self.ctx.corpus.position(id).map(DocId)
    }

    fn restore_sort(&mut self, name: &str) {
        for _ in 0..super::SortKey::ALL.len() {
            if self.library.sort.name() == name {
                return;
            }
            self.library.cycle_sort();
        }
    }

    /// Types `filter` into the filter prompt of `view`, as the user did.
    fn replay_filter(&mut self, view: View, filter: &str) {
        if filter.is_empty() {
            return;
        }
        let typed = filter.chars().map(Action::SearchInput);
        let keys: Vec<Action> = std::iter::once(Action::StartFilter)
            .chain(typed)
            .chain([Action::SearchSubmit])
            .collect();
        self.replay(view, &keys);
    }

    fn restore_pair(&mut self, pair: &PairPlace) {
        let (Some(left), Some(right)) = (self.doc(&pair.left), self.doc(&pair.right)) else {
            return;
        };
        if left == right {
            return;
        }
        let passage = pair.passage.and_then(|(at_left, at_right)| {
            self.ctx.report.passages_in(left.0).into_iter().find(|p| {
                p.sides_for(left.0).is_some_and(|(own, other)| {
                    other.doc == right.0
                        && own.span.start == at_left
                        && other.span.start == at_right
                })
            })
        });
        let mut opening = Opening::pair(left, right);
        opening.passage = passage.map(|p| super::PassageId(p.id));
        let before = self.stack.clone();
        self.open(opening);
        self.stack = before;
        if let Some(compare) = self.compare.as_mut() {
            compare.left.restore(Anchor {
                char: pair.left_top,
                screen_row: 0,
            });
            compare.right.restore(Anchor {
                char: pair.right_top,
                screen_row: 0,
            });
            if pair.right_focused {
                compare.focus = Focus::Right;
            }
        }
    }
}

#[cfg(test)]
mod tests;
