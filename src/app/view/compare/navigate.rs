//! How the compare view answers actions: opening a pair, resizing, scrolling, stepping through
//! passages, partners and the mouse.

use ratatui::layout::{Position, Rect};

use super::layout;
use super::{Compare, Focus};
use crate::app::article::PaneView;
use crate::app::context::Context;
use crate::app::ids::{DocId, PassageId};
use crate::app::marks::marks;
use crate::app::view::{Opening, Outcome};
use crate::app::{Action, signed};

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: isize = 3;

impl Compare {
    /// Articles `opening.left` and `opening.right` side by side, the right one among the
    /// left's partners, with the modes of `previous` (the pair shown before) if there was one,
    /// and the passage asked for selected and level.
    pub fn open(ctx: &Context, opening: Opening, previous: Option<&Compare>) -> Self {
        let Opening {
            left,
            right,
            passage,
            walk,
            show_related,
            find,
        } = opening;
        // A walk of one passage's occurrences takes the place of the partners.
        let partners: Vec<DocId> = match &walk {
            // The occurrences a passage links to the left article first, then the others.
            Some(walk) => {
                let others = walk.docs.iter().copied().filter(|&d| d != left);
                let (mut linked, rest): (Vec<DocId>, Vec<DocId>) =
                    others.partition(|&d| walk.linking(&ctx.report, left, d).is_some());
                linked.extend(rest);
                linked.dedup();
                linked
            }
            None => ctx
                .report
                .partners_to_read(left.0)
                .iter()
                .map(|p| DocId(p.doc))
                .collect(),
        };
        let partner = partners.iter().position(|&d| d == right);
        let mut compare = Compare {
            sync: previous.map_or(ctx.settings.sync_scroll, |c| c.sync),
            boilerplate_unmarked: previous.is_some_and(|c| c.boilerplate_unmarked),
            related_shown: show_related || previous.is_some_and(|c| c.related_shown),
            partners,
            partner,
            walk,
            ..Compare::default()
        };
        compare.left.view.doc = left;
        compare.right.view.doc = right;
        compare.rebuild(ctx, true);
        if let Some(id) = passage {
            compare.select(id);
        }
        if compare.selected.is_none() {
            // A walk of text the pair's list does not hold (boilerplate): its occurrences
            // level, nothing selected.
            let sides = compare
                .walk
                .as_ref()
                .and_then(|w| w.side_in(left).zip(w.side_in(right)));
            if let Some(sides) = sides {
                compare.bring_level(sides);
            }
        }
        if let Some((query, at)) = find {
            compare.find_at(ctx, query, at);
        }
        compare
    }

    /// Brings `left` and `right` (an occurrence in each pane) level a quarter down the panes.
    fn bring_level(&mut self, (left, right): (crate::reuse::Side, crate::reuse::Side)) {
        let screen_row = self.focused().height / 4;
        for (pane, side) in [(&mut self.left, left), (&mut self.right, right)] {
            pane.restore(super::Anchor {
                char: side.span.start,
                screen_row,
            });
        }
    }

    /// Selects passage `id` if it links the pair, and brings it level with its start a quarter
    /// down the focused pane.
    pub fn select(&mut self, id: PassageId) {
        if let Some(slot) = self.passages.iter().position(|&p| p == id) {
            self.selected = Some(slot);
            let want = self.focused().height / 4;
            self.level(slot, want, true);
        }
    }

    /// Rewraps and re-marks both panes for the current area and pair, keeping the selected
    /// passage (or each pane's first line) where it was on screen. With `fresh`, every pane is
    /// rewrapped even at an unchanged width.
    pub fn rebuild(&mut self, ctx: &Context, fresh: bool) {
        let areas = layout::panes(ctx.area);
        self.edit_row = None;
        let (left, right) = (self.left.doc(), self.right.doc());
        let mut shown = ctx.report.passages_between(left.0, right.0);
        if self.related_shown {
            shown.extend(ctx.report.related_between(left.0, right.0));
            shown.sort_by_key(|p| p.sides_for(left.0).map(|(own, _)| (own.span.start, p.id)));
        }
        self.passages = shown.iter().map(|p| PassageId(p.id)).collect();
        // Nothing is drawn on a too-small screen: wrapping a long article at a few columns
        // would only cost time; the next usable size rewraps.
        if crate::app::layout::too_small(ctx.area) {
            return;
        }
        let anchors = [Focus::Left, Focus::Right].map(|w| self.pane(w).anchor(self.selected));
        let selection_shown = self.selection_on_screen();
        let ids: Vec<usize> = self.passages.iter().map(|p| p.0).collect();
        for (which, area) in [
            (Focus::Left, areas.left.text),
            (Focus::Right, areas.right.text),
        ] {
            let doc = self.pane(which).doc();
            let document = ctx.document(doc);
            let shown = (doc.0, !self.boilerplate_unmarked);
            let matches = self.search.matches_for(which);
            let marks = marks(document, &ctx.report, &ids, shown, matches);
            let pane = self.pane_mut(which);
            let width = usize::from(area.width);
            if fresh || pane.view.width != width {
                pane.view = PaneView::new(doc, document, width, &marks);
            } else {
                pane.view.apply(document, &marks);
            }
            pane.height = usize::from(area.height);
            pane.minimap = pane.view.minimap(pane.height);
        }
        self.restore(anchors);
        if selection_shown {
            self.keep_selection_visible();
        }
    }

    /// Steps back inside the view (closes the partner picker); whether it did.
    pub fn back(&mut self) -> bool {
        self.picker.take().is_some()
    }

    /// Answers `action`.
    pub fn update(&mut self, ctx: &Context, action: Action) -> Outcome {
        if self.picker.is_some() {
            return self.update_picker(ctx, action);
        }
        let focus = self.focus;
        let page = isize::try_from(self.focused().height.saturating_sub(1).max(1)).unwrap_or(1);
        match action {
            Action::PickPartner => return self.open_picker(ctx),
            Action::SwapPanes => return self.swap(ctx),
            Action::NextEdit => return self.step_edit(ctx, true),
            Action::PrevEdit => return self.step_edit(ctx, false),
            Action::StartSearch
            | Action::SearchInput(_)
            | Action::SearchClear
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::NextMatch
            | Action::PrevMatch
            | Action::CloseOverlay => return self.update_search(ctx, action),
            Action::SwitchFocus => self.focus = focus.other(),
            Action::ScrollBy(delta) => self.scroll(focus, signed(delta)),
            Action::Page(pages) => self.scroll(focus, signed(pages) * page),
            Action::Top => self.scroll_to(focus, 0),
            // Towards the end only: a pane Enter took past the bottom limit stays there.
            Action::Bottom => self.scroll(focus, isize::MAX),
            Action::NextPassage => self.step(true),
            Action::PrevPassage => self.step(false),
            Action::Jump => self.jump(),
            Action::ToggleSync => return self.toggle_sync(),
            Action::ToggleBoilerplate => return self.toggle_boilerplate(ctx),
            Action::ToggleRelated => return self.toggle_related(ctx),
            Action::NextPartner => return self.cycle_partner(ctx, true),
            Action::PrevPartner => return self.cycle_partner(ctx, false),
            Action::Wheel { column, row, down } => {
                if let Some(which) = pane_at(ctx.area, column, row) {
                    self.scroll(which, if down { WHEEL_ROWS } else { -WHEEL_ROWS });
                }
            }
            Action::Click { column, row } => self.click(ctx, column, row),
            _ => {}
        }
        Outcome::Done
    }

    fn toggle_sync(&mut self) -> Outcome {
        self.sync = !self.sync;
        let state = if self.sync {
            "on: the panes scroll together"
        } else {
            "off"
        };
        Outcome::Message(format!("synchronised scrolling {state}"))
    }

    fn toggle_boilerplate(&mut self, ctx: &Context) -> Outcome {
        self.boilerplate_unmarked = !self.boilerplate_unmarked;
        self.rebuild(ctx, false);
        let state = if self.boilerplate_unmarked {
            "not marked"
        } else {
            "shown dimmed"
        };
        Outcome::Message(format!("boilerplate {state}"))
    }

    fn toggle_related(&mut self, ctx: &Context) -> Outcome {
        self.related_shown = !self.related_shown;
        self.selected = None;
        self.rebuild(ctx, false);
        let state = if self.related_shown {
            "shown: the same story in other words, not reuse"
        } else {
            "hidden"
        };
        Outcome::Message(format!("same-story links {state}"))
    }

    fn cycle_partner(&mut self, ctx: &Context, forward: bool) -> Outcome {
        let n = self.partners.len();
        if n == 0 {
            return Outcome::Message("this article shares no passage with another".to_owned());
        }
        let next = match (self.partner, forward) {
            (Some(i), _) => step_around(i, n, forward),
            (None, true) => 0,
            (None, false) => n - 1,
        };
        let (left, right) = (self.left.doc(), self.partners[next]);
        let passage = self
            .walk
            .as_ref()
            .and_then(|w| w.linking(&ctx.report, left, right));
        let opening = Opening {
            passage,
            walk: self.walk.clone(),
            ..Opening::pair(left, right)
        };
        let focus = self.focus;
        *self = Compare::open(ctx, opening, Some(self));
        self.focus = focus;
        let walked_level = self
            .walk
            .as_ref()
            .is_some_and(|w| w.side_in(left).is_some() && w.side_in(right).is_some());
        if passage.is_none() && !walked_level {
            // Show what the new pair shares: its first passage, level, as `n` would.
            self.step(true);
        }
        Outcome::Done
    }

    /// Focuses the pane clicked; on a passage in its text, selects it and brings its
    /// counterpart level.
    fn click(&mut self, ctx: &Context, column: u16, row: u16) {
        let Some(which) = pane_at(ctx.area, column, row) else {
            return;
        };
        self.focus = which;
        let Some((line, col)) = text_at(self, which, ctx.area, column, row) else {
            return;
        };
        let pane = self.pane(which);
        let document = ctx.document(pane.doc());
        if let Some(slot) = pane.view.slot_at(document, line, col) {
            self.selected = Some(slot);
            self.jump();
        }
    }
}

/// The pane whose block (border included) holds the screen cell (`column`, `row`).
fn pane_at(area: Rect, column: u16, row: u16) -> Option<Focus> {
    let areas = layout::panes(area);
    let at = Position::new(column, row);
    [(Focus::Left, areas.left), (Focus::Right, areas.right)]
        .into_iter()
        .find(|(_, pane)| pane.block.contains(at))
        .map(|(which, _)| which)
}

/// The text row and column under the screen cell (`column`, `row`) of pane `which`, if the
/// cell is in its text (not its border, title, gutter or minimap).
fn text_at(
    compare: &Compare,
    which: Focus,
    area: Rect,
    column: u16,
    row: u16,
) -> Option<(usize, usize)> {
    let areas = layout::panes(area);
    let text = match which {
        Focus::Left => areas.left.text,
        Focus::Right => areas.right.text,
    };
    text.contains(Position::new(column, row)).then(|| {
        let line = compare.pane(which).scroll + usize::from(row - text.y);
        (line, usize::from(column - text.x))
    })
}

/// The index after (or before) `i` among `n`, going round at the ends.
pub fn step_around(i: usize, n: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}
