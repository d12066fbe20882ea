//! The compare view: two panes, the passages linking their articles, the selection, and the
//! moves between them (stepping, jumping, synchronised scrolling); its keys and its layout.

mod align;
pub mod layout;
mod navigate;
mod pane;
mod picker;
mod search;

use crossterm::event::KeyCode::{BackTab, End, Enter, Home, PageDown, PageUp, Tab};

use crate::app::Action;
use crate::app::ids::{DocId, PassageId};
use crate::app::keymap::{Binding, bind, ch, ctrl};
use crate::app::view::Walk;
pub use navigate::step_around;
pub use pane::{Anchor, Pane};
pub use picker::Picker;
pub use search::{Search, find_matches};

/// Keys of the compare view.
pub const KEYS: &[Binding] = &[
    bind(&[Tab, BackTab], Action::SwitchFocus, "switch focused pane"),
    bind(
        &[ch('j'), crossterm::event::KeyCode::Down],
        Action::ScrollBy(1),
        "scroll down",
    ),
    bind(
        &[ch('k'), crossterm::event::KeyCode::Up],
        Action::ScrollBy(-1),
        "scroll up",
    ),
    bind(&[PageDown, ch(' ')], Action::Page(1), "page down"),
    bind(&[PageUp], Action::Page(-1), "page up"),
    bind(&[ch('g'), Home], Action::Top, "top"),
    bind(&[ch('G'), End], Action::Bottom, "bottom"),
    bind(&[ch('n')], Action::NextPassage, "next shared passage"),
    bind(&[ch('N')], Action::PrevPassage, "previous shared passage"),
    bind(
        &[Enter],
        Action::Jump,
        "level the counterpart in the other pane",
    ),
    bind(
        &[ch('s')],
        Action::ToggleSync,
        "synchronised scrolling on/off",
    ),
    bind(
        &[ch('b')],
        Action::ToggleBoilerplate,
        "boilerplate dimmed/unmarked",
    ),
    bind(
        &[ch('r')],
        Action::ToggleRelated,
        "same-story links shown/hidden",
    ),
    bind(
        &[ch(']')],
        Action::NextPartner,
        "next partner article on the right",
    ),
    bind(
        &[ch('[')],
        Action::PrevPartner,
        "previous partner article on the right",
    ),
    bind(
        &[ch('p')],
        Action::PickPartner,
        "pick the right article among the partners",
    ),
    bind(&[ch('x')], Action::SwapPanes, "swap the two articles"),
    bind(
        &[ch('e')],
        Action::ExportHtml,
        "write the pair as an HTML page",
    ),
    bind(
        &[ch('M')],
        Action::ExportMarkdown,
        "write the pair as Markdown",
    ),
    bind(
        &[ch('}')],
        Action::NextEdit,
        "next word edit (changed, inserted, deleted)",
    ),
    bind(&[ch('{')], Action::PrevEdit, "previous word edit"),
    bind(
        &[ch('/')],
        Action::StartSearch,
        "search the focused article (Enter runs it)",
    ),
    ctrl(
        &[ch('n')],
        Action::NextMatch,
        "next match of the last search",
    ),
    ctrl(
        &[ch('p')],
        Action::PrevMatch,
        "previous match of the last search",
    ),
];

/// The help's lines after the keys: what the mouse and the marks do. Texts stay within 44
/// columns, what the overlay has for them on a 60-column screen.
pub const NOTES: &[(&str, &str)] = &[
    ("mouse", "wheel scrolls, click a passage to jump"),
    ("3v ┃", "left edge: passage number, the same on"),
    ("", "both sides, and kind: v verbatim, n near,"),
    ("", "r rewritten, s same story, p passim;"),
    ("", "┃ selected, ▌ rewritten"),
    ("▌ ▐", "right edge: the passages in the whole"),
    ("", "article (▌, █ without colour), the screen ▐"),
    ("colour", "which passage it is, not how similar"),
];

/// One of the two panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The left pane.
    #[default]
    Left,
    /// The right pane.
    Right,
}

impl Focus {
    /// The other pane.
    #[must_use]
    pub fn other(self) -> Focus {
        match self {
            Focus::Left => Focus::Right,
            Focus::Right => Focus::Left,
        }
    }
}

/// The state of the compare view.
#[derive(Debug, Clone, Default)]
pub struct Compare {
    /// The left pane.
    pub left: Pane,
    /// The right pane.
    pub right: Pane,
    /// The pane keys act on.
    pub focus: Focus,
    /// The passages linking the two articles, in left-article order; a passage's index here
    /// is its slot (colour, number and selection).
    pub passages: Vec<PassageId>,
    /// The selected passage's slot.
    pub selected: Option<usize>,
    /// Whether scrolling one pane scrolls the other by as much.
    pub sync: bool,
    /// Whether the articles' boilerplate is left unmarked (it is drawn dimmed by default).
    pub boilerplate_unmarked: bool,
    /// Whether the related links (the same story told apart, not reuse) are shown too.
    pub related_shown: bool,
    /// The left article's partners, most shared text first.
    pub partners: Vec<DocId>,
    /// Which of the partners (an index into them) the right pane shows, if it is one.
    pub partner: Option<usize>,
    /// The search prompt and the matches of the last query.
    pub search: Search,
    /// The occurrences of one passage that `]` and `[` walk, when opened from one.
    pub walk: Option<Walk>,
    /// The partner picker, while it is open.
    picker: Option<Picker>,
    /// The row of the word edit last gone to.
    edit_row: Option<usize>,
}

impl Compare {
    /// A pane by side.
    pub fn pane(&self, which: Focus) -> &Pane {
        match which {
            Focus::Left => &self.left,
            Focus::Right => &self.right,
        }
    }

    /// A pane by side, to change.
    pub fn pane_mut(&mut self, which: Focus) -> &mut Pane {
        match which {
            Focus::Left => &mut self.left,
            Focus::Right => &mut self.right,
        }
    }

    /// The focused pane.
    pub fn focused(&self) -> &Pane {
        self.pane(self.focus)
    }

    /// Scrolls pane `which` by `delta` rows; with sync on the other follows.
    pub fn scroll(&mut self, which: Focus, delta: isize) {
        let before = self.pane(which).scroll;
        self.pane_mut(which).scroll_by(delta);
        self.follow(which, before, Some(delta));
    }

    /// Scrolls pane `which` to `row`; with sync on the other follows.
    pub fn scroll_to(&mut self, which: Focus, row: usize) {
        let before = self.pane(which).scroll;
        self.pane_mut(which).scroll_to(row);
        self.follow(which, before, None);
    }

    /// Scrolls pane `which` so that `row` is visible; with sync on the other follows.
    pub fn reveal(&mut self, which: Focus, row: usize) {
        let before = self.pane(which).scroll;
        self.pane_mut(which).reveal(row);
        self.follow(which, before, None);
    }

    /// Selects the next (or previous) passage of the focused article, wrapping around, shows
    /// its start and brings its counterpart level in the other pane.
    pub fn step(&mut self, forward: bool) {
        let pane = self.focused();
        let order = &pane.view.passage_rows;
        if order.is_empty() {
            return;
        }
        let current = self
            .selected
            .and_then(|s| order.iter().position(|(slot, _)| *slot == s));
        let n = order.len();
        let next = match (current, forward) {
            (Some(i), _) => step_around(i, n, forward),
            (None, true) => order
                .iter()
                .position(|(_, rows)| rows.start >= pane.scroll)
                .unwrap_or(0),
            (None, false) => order
                .iter()
                .rposition(|(_, rows)| rows.start < pane.scroll + pane.height)
                .unwrap_or(n - 1),
        };
        let (slot, rows) = (order[next].0, order[next].1.clone());
        // Keep the focused pane still if the start is already in its upper part.
        let want = pane
            .screen_row(rows.start)
            .filter(|&r| r < pane.height * 2 / 3)
            .unwrap_or(pane.height / 4);
        self.selected = Some(slot);
        self.level(slot, want, false);
    }

    /// Brings the counterpart of the selected passage level with it in the other pane,
    /// moving the focused pane too when the other cannot scroll far enough, and past the
    /// bottom limit if that is the only way.
    pub fn jump(&mut self) {
        if self.selected.is_none() {
            self.step(true);
            return;
        }
        let Some(slot) = self.selected else { return };
        let pane = self.focused();
        let want = pane
            .view
            .rows_of_slot(slot)
            .and_then(|rows| pane.screen_row(rows.start))
            .unwrap_or(pane.height / 4);
        self.level(slot, want, true);
    }

    /// Scrolls both panes so that passage `slot` starts on the same screen row in both, as
    /// near screen row `want` as the two texts allow within the bottom limit, else (with
    /// `overscroll`, for Enter) past it; if they cannot be level, the focused pane shows the
    /// start and the other comes as near as it can.
    fn level(&mut self, slot: usize, want: usize, overscroll: bool) {
        let (own, other) = (self.pane(self.focus), self.pane(self.focus.other()));
        let Some(a) = own.view.rows_of_slot(slot).map(|r| r.start) else {
            return;
        };
        let Some(b) = other.view.rows_of_slot(slot).map(|r| r.start) else {
            self.pane_mut(self.focus).reveal(a);
            return;
        };
        self.level_rows((a, b), want, overscroll);
    }

    /// Scrolls so that row `a` of the focused pane and row `b` of the other stand on one
    /// screen row, `want` down if the texts allow.
    fn level_rows(&mut self, (a, b): (usize, usize), want: usize, overscroll: bool) {
        let (own, other) = (self.pane(self.focus), self.pane(self.focus.other()));
        let height = own.height.max(1).min(other.height.max(1));
        let mut limits = vec![(own.max_scroll(), other.max_scroll())];
        if overscroll {
            limits.push((own.max_overscroll(), other.max_overscroll()));
        }
        let focus = self.focus;
        if let Some(row) = level_row((a, b), height, want, &limits) {
            self.pane_mut(focus).scroll = a - row;
            self.pane_mut(focus.other()).scroll = b - row;
        } else {
            let own = self.pane_mut(focus);
            let row = want.clamp(a.saturating_sub(own.max_scroll()), a.min(height - 1));
            own.scroll_to(a.saturating_sub(row));
            self.pane_mut(focus.other())
                .scroll_to(b.saturating_sub(row));
        }
    }

    /// Keeps each pane's anchor in place after a rewrap.
    pub fn restore(&mut self, anchors: [Anchor; 2]) {
        self.left.restore(anchors[0]);
        self.right.restore(anchors[1]);
    }

    /// Whether the start of the selected passage is on screen in the focused pane.
    pub fn selection_on_screen(&self) -> bool {
        let pane = self.focused();
        self.selected
            .and_then(|slot| pane.view.rows_of_slot(slot))
            .is_some_and(|rows| pane.screen_row(rows.start).is_some())
    }

    /// After a resize: if the selected passage no longer shows whole in the focused pane,
    /// brings it level again with its start a third down (higher if that makes it fit), or at
    /// the top when it is taller than the pane.
    pub fn keep_selection_visible(&mut self) {
        let pane = self.focused();
        let Some(slot) = self.selected else { return };
        let Some(rows) = pane.view.rows_of_slot(slot) else {
            return;
        };
        let height = pane.height.max(1);
        let whole = |pane: &Pane| rows.start >= pane.scroll && rows.end <= pane.scroll + height;
        if whole(pane) {
            return;
        }
        let want = (height / 3).min(height.saturating_sub(rows.len()));
        self.level(slot, want, true);
        // The other pane may hold its counterpart too low to level: show this side whole.
        let own = self.pane_mut(self.focus);
        if !whole(own) {
            own.scroll = rows.start.saturating_sub(want).min(own.max_overscroll());
        }
    }

    /// The selected passage's number, the one its gutter label shows on both sides (1-based),
    /// and the number of passages linking the pair.
    pub fn selected_position(&self) -> Option<(usize, usize)> {
        let slot = self.selected?;
        (slot < self.passages.len()).then_some((slot + 1, self.passages.len()))
    }
}

/// The screen row nearest `want` on which rows `starts` of two panes `height` rows high can
/// both sit, trying each pair of furthest scrolls in `limits` in turn.
fn level_row(
    (a, b): (usize, usize),
    height: usize,
    want: usize,
    limits: &[(usize, usize)],
) -> Option<usize> {
    limits.iter().find_map(|&(a_max, b_max)| {
        let lo = a.saturating_sub(a_max).max(b.saturating_sub(b_max));
        let hi = a.min(b).min(height - 1);
        (lo <= hi).then(|| want.clamp(lo, hi))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_rows_respect_both_panes_limits() {
        // Both texts fit the pane: no scrolling at all within the limits.
        assert_eq!(level_row((18, 11), 44, 18, &[(0, 0)]), None);
        // Past the bottom limit, the passage lower down comes up to the other's row.
        assert_eq!(level_row((18, 11), 44, 18, &[(0, 0), (43, 42)]), Some(11));
        assert_eq!(level_row((30, 50), 20, 5, &[(40, 40)]), Some(10));
        assert_eq!(
            level_row((30, 50), 20, 5, &[(40, 30)]),
            None,
            "row 50 cannot come up"
        );
    }
}
