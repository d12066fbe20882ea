//! Screen geometry every view shares: the smallest usable terminal and the help overlay. Each
//! view's own layout is in its module.

use ratatui::layout::Rect;

/// Narrowest terminal the reader draws in.
pub const MIN_WIDTH: u16 = 60;
/// Lowest terminal the reader draws in.
pub const MIN_HEIGHT: u16 = 15;

/// Whether `area` is too small to draw anything but a notice.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The inside of a bordered block: one cell in from each edge.
pub fn inside(block: Rect) -> Rect {
    Rect {
        x: block.x.saturating_add(1),
        y: block.y.saturating_add(1),
        width: block.width.saturating_sub(2),
        height: block.height.saturating_sub(2),
    }
}

/// A list over a pane, then the status line: the list gets `percent` of the height.
pub fn list_over_pane(area: Rect, percent: u16) -> [Rect; 3] {
    use ratatui::layout::{Constraint, Layout};
    Layout::vertical([
        Constraint::Percentage(percent),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The help overlay, centred on the screen.
pub fn help(area: Rect, lines: u16) -> Rect {
    let width = area.width.min(64);
    let height = area.height.min(lines + 2);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_terminals_are_detected() {
        assert!(too_small(Rect::new(0, 0, 59, 30)));
        assert!(too_small(Rect::new(0, 0, 80, 14)));
        assert!(!too_small(Rect::new(0, 0, 60, 15)));
    }
}
