//! The help overlay's state: open or closed, and how far it is scrolled on a small screen.

use super::{Action, App, layout, signed};

impl App {
    pub(super) fn toggle_help(&mut self) {
        self.help = !self.help;
        self.help_scroll = 0;
    }

    /// Scrolls the help overlay; whether the action was one of its.
    pub(super) fn update_help(&mut self, action: Action) -> bool {
        let page = self.help_rows().1.max(1);
        let to = match action {
            Action::ScrollBy(delta) => self.help_scroll.saturating_add_signed(signed(delta)),
            Action::Page(pages) => self
                .help_scroll
                .saturating_add_signed(signed(pages) * page.cast_signed()),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            _ => return false,
        };
        self.help_scroll = to;
        self.clamp_help();
        true
    }

    /// The help's lines in all and the lines the overlay shows at once.
    fn help_rows(&self) -> (usize, usize) {
        let lines = self.keys.help(self.view()).len();
        let area = layout::help(self.ctx.area, u16::try_from(lines).unwrap_or(u16::MAX));
        (lines, usize::from(area.height.saturating_sub(2)))
    }

    /// Keeps the help's scroll within its lines.
    pub(super) fn clamp_help(&mut self) {
        let (lines, shown) = self.help_rows();
        self.help_scroll = self.help_scroll.min(lines.saturating_sub(shown));
    }
}
