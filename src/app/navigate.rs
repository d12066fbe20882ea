//! How the compare view answers actions: opening a pair, resizing, scrolling, stepping through
//! passages, partners and the mouse.

use ratatui::layout::{Position, Rect};

use super::compare::{Compare, Focus};
use super::marks::marks;
use super::view::PaneView;
use super::{Action, App, Screen, layout, signed};

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: isize = 3;

impl App {
    /// Shows articles `left` and `right` side by side, the right one among the left's partners.
    pub(super) fn open_pair(&mut self, left: usize, right: usize) {
        let partners: Vec<usize> = self.report.partners(left).iter().map(|p| p.doc).collect();
        let partner = partners.iter().position(|&d| d == right);
        let sync = self
            .compare
            .as_ref()
            .map_or(self.settings.sync_scroll, |c| c.sync);
        let boilerplate_unmarked = self
            .compare
            .as_ref()
            .is_some_and(|c| c.boilerplate_unmarked);
        let related_shown = self.compare.as_ref().is_some_and(|c| c.related_shown);
        let mut compare = Compare {
            sync,
            boilerplate_unmarked,
            related_shown,
            partners,
            partner,
            ..Compare::default()
        };
        compare.left.view.doc = left;
        compare.right.view.doc = right;
        self.compare = Some(compare);
        self.search.clear();
        self.screen = Screen::Compare;
        self.rebuild(true);
    }

    /// Rewraps and re-marks both panes for the current area and pair, keeping the selected
    /// passage (or each pane's first line) where it was on screen. With `fresh`, every pane is
    /// rewrapped even at an unchanged width.
    pub(super) fn rebuild(&mut self, fresh: bool) {
        let Some(compare) = self.compare.as_mut() else {
            return;
        };
        let areas = layout::panes(self.area);
        let (left, right) = (compare.left.doc(), compare.right.doc());
        let mut shown = self.report.passages_between(left, right);
        if compare.related_shown {
            shown.extend(self.report.related_between(left, right));
            shown.sort_by_key(|p| p.sides_for(left).map(|(own, _)| (own.span.start, p.id)));
        }
        compare.passages = shown.iter().map(|p| p.id).collect();
        // Nothing is drawn on a too-small screen: wrapping a long article at a few columns
        // would only cost time; the next usable size rewraps.
        if layout::too_small(self.area) {
            return;
        }
        let anchors = [Focus::Left, Focus::Right].map(|w| compare.pane(w).anchor(compare.selected));
        let selection_shown = compare.selection_on_screen();
        for (which, area) in [
            (Focus::Left, areas.left.text),
            (Focus::Right, areas.right.text),
        ] {
            let matches = self.search.matches_for(which);
            let doc = compare.pane(which).doc();
            let document = &self.corpus.documents[doc];
            let shown = (doc, !compare.boilerplate_unmarked);
            let marks = marks(document, &self.report, &compare.passages, shown, matches);
            let pane = compare.pane_mut(which);
            let width = usize::from(area.width);
            if fresh || pane.view.width != width {
                pane.view = PaneView::new(doc, document, width, &marks);
            } else {
                pane.view.apply(document, &marks);
            }
            pane.height = usize::from(area.height);
            pane.minimap = pane.view.minimap(pane.height);
        }
        compare.restore(anchors);
        if selection_shown {
            compare.keep_selection_visible();
        }
    }

    pub(super) fn resize(&mut self, area: Rect) {
        self.area = area;
        self.library.keep_visible(layout::library_rows(area));
        self.refresh_preview();
        self.clamp_help();
        self.rebuild(false);
    }

    pub(super) fn update_compare(&mut self, action: Action) {
        let area = self.area;
        let corpus = &self.corpus;
        let Some(compare) = self.compare.as_mut() else {
            return;
        };
        let focus = compare.focus;
        let page = isize::try_from(compare.focused().height.saturating_sub(1).max(1)).unwrap_or(1);
        match action {
            Action::SwitchFocus => compare.focus = focus.other(),
            Action::ScrollBy(delta) => compare.scroll(focus, signed(delta)),
            Action::Page(pages) => compare.scroll(focus, signed(pages) * page),
            Action::Top => compare.scroll_to(focus, 0),
            // Towards the end only: a pane Enter took past the bottom limit stays there.
            Action::Bottom => compare.scroll(focus, isize::MAX),
            Action::NextPassage => compare.step(true),
            Action::PrevPassage => compare.step(false),
            Action::Jump => compare.jump(),
            Action::ToggleSync => {
                compare.sync = !compare.sync;
                let state = if compare.sync {
                    "on: the panes scroll together"
                } else {
                    "off"
                };
                self.message = Some(format!("synchronised scrolling {state}"));
            }
            Action::ToggleBoilerplate => {
                compare.boilerplate_unmarked = !compare.boilerplate_unmarked;
                let state = if compare.boilerplate_unmarked {
                    "not marked"
                } else {
                    "shown dimmed"
                };
                self.message = Some(format!("boilerplate {state}"));
                self.rebuild(false);
            }
            Action::ToggleRelated => {
                compare.related_shown = !compare.related_shown;
                compare.selected = None;
                let state = if compare.related_shown {
                    "shown: the same story in other words, not reuse"
                } else {
                    "hidden"
                };
                self.message = Some(format!("related links {state}"));
                self.rebuild(false);
            }
            Action::NextPartner => self.cycle_partner(true),
            Action::PrevPartner => self.cycle_partner(false),
            Action::Wheel { column, row, down } => {
                if let Some(which) = pane_at(area, column, row) {
                    compare.scroll(which, if down { WHEEL_ROWS } else { -WHEEL_ROWS });
                }
            }
            Action::Click { column, row } => click(compare, corpus, area, column, row),
            _ => {}
        }
    }

    fn cycle_partner(&mut self, forward: bool) {
        let Some(compare) = self.compare.as_ref() else {
            return;
        };
        let n = compare.partners.len();
        if n == 0 {
            self.message = Some("this article shares no passage with another".to_owned());
            return;
        }
        let next = match (compare.partner, forward) {
            (Some(i), _) => step_around(i, n, forward),
            (None, true) => 0,
            (None, false) => n - 1,
        };
        let (left, right) = (compare.left.doc(), compare.partners[next]);
        let focus = compare.focus;
        self.open_pair(left, right);
        if let Some(compare) = self.compare.as_mut() {
            // Show what the new pair shares: its first passage, level, as `n` would.
            compare.focus = focus;
            compare.step(true);
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

/// Focuses the pane clicked; on a passage in its text, selects it and brings its counterpart
/// level.
fn click(compare: &mut Compare, corpus: &crate::corpus::Corpus, area: Rect, column: u16, row: u16) {
    let Some(which) = pane_at(area, column, row) else {
        return;
    };
    compare.focus = which;
    let Some((line, col)) = text_at(compare, which, area, column, row) else {
        return;
    };
    let pane = compare.pane(which);
    let document = &corpus.documents[pane.doc()];
    if let Some(slot) = pane.view.slot_at(document, line, col) {
        compare.selected = Some(slot);
        compare.jump();
    }
}

/// The index after (or before) `i` among `n`, going round at the ends.
pub(super) fn step_around(i: usize, n: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}
