//! The compare screen's geometry, shared by `update` (wrap width, mouse hit-testing) and
//! `render`, so the two never disagree.

use ratatui::layout::{Constraint, Layout, Rect};

/// Width of a pane's gutter: a two-digit passage number, a kind letter or bar, a blank.
pub const GUTTER: u16 = 4;

/// The parts of one article pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaneArea {
    /// The whole pane, border included.
    pub block: Rect,
    /// Columns left of the text: passage numbers and kinds, bars beside the selected and the
    /// rewritten passages, a blank.
    pub gutter: Rect,
    /// The wrapped text.
    pub text: Rect,
    /// One column right of the text: where the shared passages sit in the whole article.
    pub minimap: Rect,
}

/// The parts of the compare screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompareArea {
    /// The left pane.
    pub left: PaneArea,
    /// The right pane.
    pub right: PaneArea,
    /// The colour legend line.
    pub legend: Rect,
    /// The status line.
    pub status: Rect,
}

/// Splits the screen into the compare view's two panes, legend and status line.
pub fn panes(area: Rect) -> CompareArea {
    let [main, legend, status] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(main);
    CompareArea {
        left: pane(left),
        right: pane(right),
        legend,
        status,
    }
}

fn pane(block: Rect) -> PaneArea {
    let inner = crate::app::layout::inside(block);
    let [gutter, text, minimap] = Layout::horizontal([
        Constraint::Length(GUTTER),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    PaneArea {
        block,
        gutter,
        text,
        minimap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_split_evenly_and_leave_gutters() {
        let layout = panes(Rect::new(0, 0, 80, 24));
        assert_eq!(layout.left.block, Rect::new(0, 0, 40, 22));
        assert_eq!(layout.right.block, Rect::new(40, 0, 40, 22));
        assert_eq!(layout.left.gutter, Rect::new(1, 1, 4, 20));
        assert_eq!(layout.left.text, Rect::new(5, 1, 33, 20));
        assert_eq!(layout.left.minimap, Rect::new(38, 1, 1, 20));
        assert_eq!(layout.status, Rect::new(0, 23, 80, 1));
    }
}
