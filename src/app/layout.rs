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
