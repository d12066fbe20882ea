//! One article pane of the compare view: the wrapped article, how far it is scrolled, and
//! keeping a place on screen across a rewrap.

use crate::app::article::PaneView;
use crate::app::ids::DocId;

/// An article in a pane, wrapped, and how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    /// First row shown.
    pub scroll: usize,
    /// Rows shown at once.
    pub height: usize,
    /// The wrapped, marked article.
    pub view: PaneView,
    /// Per minimap cell (one per row of the pane), the passage slot it shows, if any.
    pub minimap: Vec<Option<usize>>,
}

/// A place in a pane to keep on screen across a rewrap: a char of the text and the screen
/// row it sat on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// The char.
    pub char: usize,
    /// Its screen row (from the pane's top).
    pub screen_row: usize,
}

impl Pane {
    /// The document shown.
    pub fn doc(&self) -> DocId {
        self.view.doc
    }

    /// The furthest the pane scrolls: the last row at the bottom of the pane.
    pub fn max_scroll(&self) -> usize {
        self.view.rows.len().saturating_sub(self.height.max(1))
    }

    /// Scrolls to `row`, clamped.
    pub fn scroll_to(&mut self, row: usize) {
        self.scroll = row.min(self.max_scroll());
    }

    /// Scrolls by `delta` rows, clamped; a pane that Enter scrolled past the bottom limit
    /// stays there going down and comes back going up, without a jump.
    pub fn scroll_by(&mut self, delta: isize) {
        let limit = self.max_scroll().max(self.scroll);
        self.scroll = self.scroll.saturating_add_signed(delta).min(limit);
    }

    /// The furthest Enter may scroll to level a passage: the last row at the top.
    pub fn max_overscroll(&self) -> usize {
        self.view.rows.len().saturating_sub(1)
    }

    /// Scrolls so that `row` is visible, a quarter from the top if it was not.
    pub fn reveal(&mut self, row: usize) {
        if self.screen_row(row).is_none() {
            self.scroll_to(row.saturating_sub(self.height / 4));
        }
    }

    /// The screen row (from the pane's top) of text row `row`, if it is on screen.
    pub fn screen_row(&self, row: usize) -> Option<usize> {
        row.checked_sub(self.scroll)
            .filter(|&r| r < self.height.max(1))
    }

    /// What to keep in place across a rewrap: the start of passage `selected` if it is on
    /// screen, else the first char on screen.
    pub fn anchor(&self, selected: Option<usize>) -> Anchor {
        let on_screen = selected
            .and_then(|slot| self.view.rows_of_slot(slot))
            .and_then(|rows| Some((rows.start, self.screen_row(rows.start)?)));
        let (row, screen_row) = on_screen.unwrap_or((self.scroll, 0));
        let char = self.view.rows.get(row).map_or(0, |r| r.chars.start);
        Anchor { char, screen_row }
    }

    /// Scrolls so that the anchor's char sits on its screen row again (or as near as the
    /// text and the pane's height allow).
    pub fn restore(&mut self, anchor: Anchor) {
        let row = self.view.row_of(anchor.char);
        let screen_row = anchor.screen_row.min(self.height.saturating_sub(1));
        self.scroll_to(row.saturating_sub(screen_row));
    }
}
