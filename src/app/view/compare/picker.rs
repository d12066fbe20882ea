//! The compare view's conveniences of diff tools: a partner picker, swapping the panes, and
//! stepping through the word edits of a long passage.

use super::{Compare, step_around};
use crate::app::context::Context;
use crate::app::ids::DocId;
use crate::app::view::{Opening, Outcome};
use crate::diff::Change;

/// The partner picker: a list of the left article's partners, one selected.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Picker {
    /// The selected partner, an index into the partners.
    pub selected: usize,
    /// Per partner: the article, the share of the left article it shares, the number of
    /// passages and their kinds (each once), computed when the picker opens.
    pub rows: Vec<PartnerRow>,
}

/// One partner as the picker lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerRow {
    /// The partner.
    pub doc: DocId,
    /// Share (0..=1) of the left article it shares.
    pub share: f64,
    /// Passages linking the two.
    pub passages: usize,
    /// Their kinds, each once, in order.
    pub kinds: String,
}

impl Compare {
    /// Opens the partner picker on the partner shown, or says there is none.
    pub(super) fn open_picker(&mut self, ctx: &Context) -> Outcome {
        if self.partners.is_empty() {
            return Outcome::Message("this article shares no passage with another".to_owned());
        }
        self.picker = Some(Picker {
            selected: self.partner.unwrap_or(0),
            rows: self.partner_rows(ctx),
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
            Action::Page(pages) => {
                let step = usize::try_from(pages.unsigned_abs()).unwrap_or(1) * 10;
                picker.selected = if pages > 0 {
                    (picker.selected + step).min(n.saturating_sub(1))
                } else {
                    picker.selected.saturating_sub(step)
                };
            }
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
        let walking = walk.is_some();
        *self = Compare::open(ctx, Opening { walk, ..opening }, Some(self));
        self.focus = focus;
        let next = if walking {
            "the passage's other occurrences"
        } else {
            "the new left article's partners"
        };
        Outcome::Message(format!("panes swapped: ] and [ now bring {next}"))
    }

    /// Scrolls the focused pane to the next (or previous) row holding a word edit, after the
    /// one last gone to while it is on screen (else from the top of the screen), wrapping
    /// around, and puts it a third down the pane as far as the pane scrolls.
    pub(super) fn step_edit(&mut self, ctx: &Context, forward: bool) -> Outcome {
        let pane = self.focused();
        let edit_in = |row: usize| {
            pane.view.segments[row]
                .iter()
                .find(|s| s.mark.change.is_some_and(|c| c != Change::Equal))
                .map(|s| (s.bytes.start, s.mark.passage))
        };
        let rows = pane.view.rows.len();
        let on_screen = |row: &usize| pane.screen_row(*row).is_some();
        let last = self.edit_row.filter(on_screen);
        let edit_at = |r: usize| edit_in(r).map(|edit| (r, edit));
        let found = if forward {
            let from = last.map_or(pane.scroll, |r| r + 1);
            (from..rows).chain(0..from.min(rows)).find_map(edit_at)
        } else {
            let from = last.unwrap_or((pane.scroll + pane.height).min(rows));
            (0..from.min(rows))
                .rev()
                .chain((from..rows).rev())
                .find_map(edit_at)
        };
        let Some((row, (byte, slot))) = found else {
            return Outcome::Message("no word edit in this article's passages".to_owned());
        };
        let want = pane.height / 3;
        let document = ctx.document(pane.doc());
        let at = document.map().char_of(byte);
        // The edit's passage is selected, and its other side brought level with it.
        let counterpart = slot.and_then(|slot| {
            let passage = ctx.passage(*self.passages.get(slot)?);
            let other = self.pane(self.focus.other());
            Some((
                slot,
                other.view.row_of(counterpart_of(passage, pane.doc(), at)?),
            ))
        });
        match counterpart {
            Some((slot, other_row)) => {
                self.selected = Some(slot);
                self.level_rows((row, other_row), want, true);
            }
            None => self.scroll_to(self.focus, row.saturating_sub(want)),
        }
        self.edit_row = Some(row);
        Outcome::Done
    }

    /// The row of the word edit last gone to with `}` or `{`.
    pub fn edit_row(&self) -> Option<usize> {
        self.edit_row
    }

    /// The partner picker, if open.
    pub fn picker(&self) -> Option<&Picker> {
        self.picker.as_ref()
    }

    /// The left article's partners as the picker lists them.
    fn partner_rows(&self, ctx: &Context) -> Vec<PartnerRow> {
        let left = self.left.doc();
        let chars = ctx.document(left).chars().max(1);
        let partners = ctx.report.partners_to_read(left.0);
        self.partners
            .iter()
            .map(|&doc| {
                let found = partners.iter().find(|p| p.doc == doc.0);
                let mut kinds: Vec<String> = Vec::new();
                for p in ctx.report.passages_between(left.0, doc.0) {
                    let label = p.label();
                    if !kinds.contains(&label) {
                        kinds.push(label);
                    }
                }
                PartnerRow {
                    doc,
                    share: found.map_or(0.0, |p| crate::diff::ratio(p.shared_chars, chars)),
                    passages: found.map_or(0, |p| p.passages),
                    kinds: kinds.join(", "),
                }
            })
            .collect()
    }
}

/// Where, on the other side of `passage`, the word run of `doc` holding char `at` stands.
fn counterpart_of(passage: &crate::reuse::Passage, doc: DocId, at: usize) -> Option<usize> {
    let from_a = passage.a.doc == doc.0;
    passage.diff.iter().find_map(|op| {
        let (own, other) = if from_a { (op.a, op.b) } else { (op.b, op.a) };
        (own.start <= at && at <= own.end).then_some(other.start)
    })
}
