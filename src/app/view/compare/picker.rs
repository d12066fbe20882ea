//! The compare view's conveniences of diff tools: a partner picker, swapping the panes, and
//! stepping through the word edits of a long passage.

use super::{Compare, step_around};
use crate::app::context::Context;
use crate::app::ids::DocId;
use crate::app::view::{Opening, Outcome};
use crate::diff::Change;

/// The partner picker: a list of the left article's partners, one selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Picker {
    /// The selected partner, an index into the partners.
    pub selected: usize,
    /// The first partner shown.
    pub offset: usize,
}

impl Compare {
    /// Opens the partner picker on the partner shown, or says there is none.
    pub(super) fn open_picker(&mut self) -> Outcome {
        if self.partners.is_empty() {
            return Outcome::Message("this article shares no passage with another".to_owned());
        }
        self.picker = Some(Picker {
            selected: self.partner.unwrap_or(0),
            offset: 0,
        });
        Outcome::Done
    }

    /// Answers an action while the picker is open: move, pick, close.
    pub(super) fn update_picker(&mut self, ctx: &Context, action: crate::app::Action) -> Outcome {
        use crate::app::Action;
        let Some(picker) = self.picker.as_mut() else {
            return Outcome::Done;
        };
        let n = self.partners.len();
        match action {
            Action::ScrollBy(delta) => {
                let forward = delta > 0;
                for _ in 0..delta.unsigned_abs() {
                    picker.selected = step_around(picker.selected, n, forward);
                }
            }
            Action::Top => picker.selected = 0,
            Action::Bottom => picker.selected = n.saturating_sub(1),
            Action::Jump | Action::Open => {
                let pick = picker.selected;
                self.picker = None;
                let opening = Opening::pair(self.left.doc(), self.partners[pick]);
                let focus = self.focus;
                *self = Compare::open(ctx, opening, Some(self));
                self.focus = focus;
                self.step(true);
            }
            Action::PickPartner | Action::CloseOverlay | Action::Back => self.picker = None,
            _ => {}
        }
        Outcome::Done
    }

    /// Puts the right article on the left and the left on the right.
    pub(super) fn swap(&mut self, ctx: &Context) -> Outcome {
        let (left, right) = (self.left.doc(), self.right.doc());
        let selected = self.selected.map(|slot| self.passages[slot]);
        let opening = Opening {
            passage: selected,
            ..Opening::pair(right, left)
        };
        let focus = self.focus.other();
        let walk = self.walk.clone();
        *self = Compare::open(ctx, Opening { walk, ..opening }, Some(self));
        self.focus = focus;
        Outcome::Message("panes swapped: ] and [ now walk the left article's partners".to_owned())
    }

    /// Scrolls the focused pane to the next (or previous) row below (or above) its top
    /// third that holds a word edit, wrapping around.
    pub(super) fn step_edit(&mut self, forward: bool) -> Outcome {
        let pane = self.focused();
        let edited = |row: usize| {
            pane.view.segments[row]
                .iter()
                .any(|s| s.mark.change.is_some_and(|c| c != Change::Equal))
        };
        let rows = pane.view.rows.len();
        let here = pane.scroll + pane.height / 3;
        let found = if forward {
            (here + 1..rows)
                .chain(0..=here.min(rows))
                .find(|&r| r < rows && edited(r))
        } else {
            (0..here.min(rows))
                .rev()
                .chain((here..rows).rev())
                .find(|&r| edited(r))
        };
        let Some(row) = found else {
            return Outcome::Message("no word edit in this article's passages".to_owned());
        };
        let height = pane.height;
        let which = self.focus;
        self.scroll_to(which, row.saturating_sub(height / 3));
        Outcome::Done
    }

    /// The partner picker, if open.
    pub fn picker(&self) -> Option<Picker> {
        self.picker
    }

    /// The left article's partners with the share of its text each shares, for the picker.
    pub fn partner_rows(&self, ctx: &Context) -> Vec<(DocId, f64, usize)> {
        let left = self.left.doc();
        let chars = ctx.document(left).chars().max(1);
        let partners = ctx.report.partners(left.0);
        self.partners
            .iter()
            .map(|&doc| {
                let found = partners.iter().find(|p| p.doc == doc.0);
                let share = found.map_or(0.0, |p| crate::diff::ratio(p.shared_chars, chars));
                (doc, share, found.map_or(0, |p| p.passages))
            })
            .collect()
    }
}
