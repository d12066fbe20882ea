//! The compare view's state: two panes, the passages linking their articles, the selection,
//! and the moves between them (stepping, jumping, synchronised scrolling).

use super::view::PaneView;

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

/// An article in a pane, wrapped, and how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    /// First row shown.
    pub scroll: usize,
    /// Rows shown at once.
    pub height: usize,
    /// The wrapped, marked article.
    pub view: PaneView,
}

impl Pane {
    /// The document shown.
    pub fn doc(&self) -> usize {
        self.view.doc
    }

    /// The furthest the pane scrolls: the last row at the top.
    pub fn max_scroll(&self) -> usize {
        self.view.rows.len().saturating_sub(1)
    }

    /// Scrolls to `row`, clamped.
    pub fn scroll_to(&mut self, row: usize) {
        self.scroll = row.min(self.max_scroll());
    }

    /// Scrolls by `delta` rows, clamped.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll_to(self.scroll.saturating_add_signed(delta));
    }

    /// Scrolls so that `row` is visible, a quarter from the top if it was not.
    pub fn reveal(&mut self, row: usize) {
        if row < self.scroll || row >= self.scroll + self.height.max(1) {
            self.scroll_to(row.saturating_sub(self.height / 4));
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
    /// Ids of the passages linking the two articles, in left-article order; a passage's index
    /// here is its slot (colour and selection).
    pub passages: Vec<usize>,
    /// The selected passage's slot.
    pub selected: Option<usize>,
    /// Whether the unfocused pane follows the focused one.
    pub sync: bool,
    /// The left article's partners, most shared text first.
    pub partners: Vec<usize>,
    /// Which partner the right pane shows, if it is one.
    pub partner: Option<usize>,
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
        self.pane_mut(which).scroll_by(delta);
        self.follow(which);
    }

    /// Scrolls pane `which` to `row`; with sync on the other follows.
    pub fn scroll_to(&mut self, which: Focus, row: usize) {
        self.pane_mut(which).scroll_to(row);
        self.follow(which);
    }

    /// Selects the next (or previous) passage of the focused article, wrapping around, and
    /// scrolls it into view.
    pub fn step(&mut self, forward: bool) {
        let pane = self.focused();
        let order: Vec<(usize, usize)> = pane
            .view
            .passage_rows
            .iter()
            .map(|(slot, rows)| (*slot, rows.start))
            .collect();
        if order.is_empty() {
            return;
        }
        let current = self
            .selected
            .and_then(|s| order.iter().position(|(slot, _)| *slot == s));
        let n = order.len();
        let next = match (current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => order
                .iter()
                .position(|(_, row)| *row >= pane.scroll)
                .unwrap_or(0),
            (None, false) => order
                .iter()
                .rposition(|(_, row)| *row < pane.scroll + pane.height)
                .unwrap_or(n - 1),
        };
        let (slot, row) = order[next];
        self.selected = Some(slot);
        self.pane_mut(self.focus).reveal(row);
        self.follow(self.focus);
    }

    /// Brings the counterpart of the selected passage into the other pane, level with it.
    pub fn jump(&mut self) {
        if self.selected.is_none() {
            self.step(true);
        }
        let Some(slot) = self.selected else { return };
        let (own, other) = (self.focus, self.focus.other());
        let (Some(own_rows), Some(other_rows)) = (
            self.pane(own).view.rows_of_slot(slot),
            self.pane(other).view.rows_of_slot(slot),
        ) else {
            return;
        };
        self.pane_mut(own).reveal(own_rows.start);
        let screen_row = own_rows.start - self.pane(own).scroll;
        self.pane_mut(other)
            .scroll_to(other_rows.start.saturating_sub(screen_row));
    }

    /// With sync on, scrolls the pane other than `leader` so that the passages the two share
    /// sit level, interpolating between them.
    pub fn follow(&mut self, leader: Focus) {
        if !self.sync {
            return;
        }
        let (lead, follower) = (self.pane(leader), self.pane(leader.other()));
        let anchors = anchors(&lead.view, &follower.view);
        let middle = lead.scroll + lead.height / 2;
        let target = interpolate(&anchors, middle);
        let offset = middle - lead.scroll;
        self.pane_mut(leader.other())
            .scroll_to(target.saturating_sub(offset));
    }

    /// Position of the selected passage in the focused article, 1-based, and the count there.
    pub fn selected_position(&self) -> Option<(usize, usize)> {
        let rows = &self.focused().view.passage_rows;
        let slot = self.selected?;
        rows.iter()
            .position(|(s, _)| *s == slot)
            .map(|i| (i + 1, rows.len()))
    }
}

/// Row pairs (leader, follower) where the two views' passages start and end, with the texts'
/// starts and ends, increasing in both.
fn anchors(lead: &PaneView, follower: &PaneView) -> Vec<(usize, usize)> {
    let mut pairs = vec![(0, 0)];
    for (slot, rows) in &lead.passage_rows {
        if let Some(other) = follower.rows_of_slot(*slot) {
            pairs.push((rows.start, other.start));
            pairs.push((rows.end, other.end));
        }
    }
    pairs.push((lead.rows.len(), follower.rows.len()));
    pairs.sort_unstable();
    let mut chain: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    for pair in pairs {
        if chain
            .last()
            .is_none_or(|last| pair.0 > last.0 && pair.1 >= last.1)
        {
            chain.push(pair);
        }
    }
    chain
}

/// The follower row matching leader row `row`, linear between anchors.
fn interpolate(anchors: &[(usize, usize)], row: usize) -> usize {
    let i = anchors.partition_point(|a| a.0 <= row).max(1);
    let (l0, f0) = anchors[i - 1];
    let Some(&(l1, f1)) = anchors.get(i) else {
        return f0 + (row - l0);
    };
    f0 + (row - l0) * (f1 - f0) / (l1 - l0).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_is_linear_between_anchors() {
        let anchors = [(0, 0), (10, 20), (20, 25)];
        assert_eq!(interpolate(&anchors, 5), 10);
        assert_eq!(interpolate(&anchors, 10), 20);
        assert_eq!(interpolate(&anchors, 14), 22);
        assert_eq!(interpolate(&anchors, 30), 35);
    }
}
