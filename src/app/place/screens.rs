//! The places of the passages screen (its selected row and occurrence) and of the heat map
//! (its cursor), named by article ids, chars and outlet names, so that they survive a rescan.

use serde::{Deserialize, Serialize};

use crate::app::view::passages::Focus as ListFocus;
use crate::app::{Action, App, View};

/// The passages screen's selected row, by the occurrence it lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PassagesPlace {
    /// The article of the row's listed occurrence.
    pub id: String,
    /// Where that occurrence starts, in chars.
    pub start: usize,
    /// The occurrence selected in the row's list, when the focus was there: its article and
    /// where it starts.
    pub occurrence: Option<(String, usize)>,
}

/// The heat map's cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeatPlace {
    /// Whether the map was folded by outlet.
    pub folded: bool,
    /// The cursor's row: an article id, or an outlet's name when folded.
    pub row: String,
    /// The cursor's column, as the row.
    pub column: String,
}

impl App {
    /// Where the passages screen is, if it was shown.
    pub(super) fn passages_place(&self) -> Option<PassagesPlace> {
        let passages = self.passages.get()?;
        let shown = passages.current()?.shown();
        let id = |doc: usize| self.ctx.corpus.documents[doc].id.clone();
        let occurrence = passages
            .occurrences
            .get(passages.occurrence)
            .filter(|_| passages.focus == ListFocus::Occurrences)
            .map(|o| (id(o.side.doc), o.side.span.start));
        Some(PassagesPlace {
            id: id(shown.doc),
            start: shown.span.start,
            occurrence,
        })
    }

    /// Where the heat map's cursor is, if it was shown.
    pub(super) fn heat_place(&self) -> Option<HeatPlace> {
        let heat = self.heat.get()?;
        let map = heat.map();
        let key = |at: usize| self.heat_key(map.item_at(at)?);
        Some(HeatPlace {
            folded: heat.folded,
            row: key(map.cursor.0)?,
            column: key(map.cursor.1)?,
        })
    }

    /// What names a heat map item: its article's id, or its outlet's name.
    fn heat_key(&self, item: &crate::app::view::heat::Item) -> Option<String> {
        match item.doc {
            Some(doc) => Some(self.ctx.corpus.documents.get(doc.0)?.id.clone()),
            None => Some(item.label.clone()),
        }
    }

    /// Selects the passages screen's row listing the occurrence `place` names, and its
    /// occurrence, as the keys would; a row no longer listed is passed over.
    pub(super) fn restore_passages(&mut self, place: &PassagesPlace) {
        let passages = self.passages();
        let row = passages.listed.iter().position(|&g| {
            let shown = passages.groups[g].shown();
            shown.span.start == place.start && self.ctx.corpus.documents[shown.doc].id == place.id
        });
        let Some(row) = row else { return };
        self.replay(View::Passages, &[Action::Top, Action::ScrollBy(steps(row))]);
        let Some((id, start)) = &place.occurrence else {
            return;
        };
        let occurrence = self.passages().occurrences.iter().position(|o| {
            o.side.span.start == *start && self.ctx.corpus.documents[o.side.doc].id == *id
        });
        if let Some(occurrence) = occurrence {
            let keys = [
                Action::SwitchFocus,
                Action::Top,
                Action::ScrollBy(steps(occurrence)),
            ];
            self.replay(View::Passages, &keys);
        }
    }

    /// Puts the heat map's cursor back on the row and column `place` names, folded as it was.
    pub(super) fn restore_heat(&mut self, place: &HeatPlace) {
        if self.heat().folded != place.folded {
            self.replay(View::Heat, &[Action::FoldOutlets]);
        }
        let map = self.heat().map();
        let at = |key: &str| {
            (0..map.order.len()).find(|&i| {
                map.item_at(i)
                    .and_then(|item| self.heat_key(item))
                    .is_some_and(|k| k == key)
            })
        };
        let (Some(row), Some(column)) = (at(&place.row), at(&place.column)) else {
            return;
        };
        let keys = [
            Action::Top,
            Action::ScrollBy(steps(row)),
            Action::ColumnBy(steps(column)),
        ];
        self.replay(View::Heat, &keys);
    }

    /// Answers `keys` on `view`, as if it were shown, then goes back to the views shown.
    pub(crate) fn replay(&mut self, view: View, keys: &[Action]) {
        let before = self.stack.clone();
        self.stack.push(view);
        for &key in keys {
            self.update(key);
        }
        self.stack = before;
    }
}

/// `n` steps as a key's count.
fn steps(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
