//! Every style the reader draws with, for truecolour, 256-colour and no-colour terminals.
//! Highlights set their own foreground, so they read on dark and light terminals alike; a dark
//! palette of deeper tones is less glaring on a dark one, and every colour can be overridden.

use ratatui::style::{Color, Modifier, Style};

use crate::app::article::Mark;
use crate::app::{ColorMode, Palette, Shade};
use crate::diff::Change;

/// Passage backgrounds for light terminals, in the 256-colour palette; neighbours differ in
/// hue. Pale, under dark ink.
const LIGHT_INDEXED: [u8; 8] = [223, 152, 225, 194, 189, 229, 153, 217];

/// The same in 24-bit colour.
const LIGHT_RGB: [(u8, u8, u8); 8] = [
    (255, 215, 175),
    (175, 215, 215),
    (255, 215, 255),
    (215, 255, 215),
    (215, 215, 255),
    (255, 255, 175),
    (175, 215, 255),
    (255, 175, 175),
];

/// Passage backgrounds for dark terminals: deep tones under light ink, less glaring at night.
const DARK_INDEXED: [u8; 8] = [94, 30, 96, 28, 61, 100, 25, 131];

/// The same in 24-bit colour.
const DARK_RGB: [(u8, u8, u8); 8] = [
    (110, 70, 30),
    (30, 90, 90),
    (100, 50, 100),
    (40, 90, 40),
    (60, 60, 120),
    (100, 100, 30),
    (30, 70, 120),
    (120, 50, 50),
];

/// The styles of one colour mode.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    palette: Option<[Color; 8]>,
    rgb: bool,
    ink: Color,
    changed: Color,
    inserted: Color,
    search: Color,
    current: Color,
    accent: Color,
}

impl Theme {
    /// The light theme for a colour mode.
    pub fn new(mode: ColorMode) -> Self {
        Self::with(mode, Palette::default())
    }

    /// The theme for a colour mode, of the palette's shade, its overrides applied.
    pub fn with(mode: ColorMode, palette: Palette) -> Self {
        let (colored, rgb) = match mode {
            ColorMode::TrueColor => (true, true),
            ColorMode::Indexed => (true, false),
            ColorMode::Monochrome => (false, false),
        };
        let pick = |(r, g, b): (u8, u8, u8), indexed: u8| {
            if rgb {
                Color::Rgb(r, g, b)
            } else {
                Color::Indexed(indexed)
            }
        };
        let dark = palette.shade == Shade::Dark;
        let (backgrounds, indexed) = if dark {
            (DARK_RGB, DARK_INDEXED)
        } else {
            (LIGHT_RGB, LIGHT_INDEXED)
        };
        let chosen = |slot: &Option<Color>, default: Color| slot.unwrap_or(default);
        let o = &palette.overrides;
        let mut passages = [Color::Reset; 8];
        for (i, color) in passages.iter_mut().enumerate() {
            *color = chosen(&o.passages[i], pick(backgrounds[i], indexed[i]));
        }
        let shade = |light: ((u8, u8, u8), u8), dark_one: ((u8, u8, u8), u8)| {
            let (rgb_color, index) = if dark { dark_one } else { light };
            pick(rgb_color, index)
        };
        Self {
            palette: colored.then_some(passages),
            rgb,
            ink: chosen(&o.ink, shade(((0, 0, 0), 16), ((238, 238, 238), 255))),
            changed: chosen(
                &o.changed,
                shade(((175, 0, 0), 124), ((255, 135, 135), 210)),
            ),
            inserted: chosen(&o.inserted, shade(((0, 95, 0), 22), ((135, 255, 135), 120))),
            search: chosen(&o.search, shade(((255, 175, 0), 214), ((175, 135, 0), 136))),
            current: chosen(
                &o.current,
                shade(((255, 95, 95), 203), ((215, 95, 95), 167)),
            ),
            accent: chosen(&o.accent, Color::Cyan),
        }
    }

    /// Whether colour is off (highlights by reverse, underline and bold only).
    pub fn monochrome(&self) -> bool {
        self.palette.is_none()
    }

    /// The colour of passage slot `slot`, if colour is on.
    pub fn passage_color(&self, slot: usize) -> Option<Color> {
        self.palette.map(|p| p[slot % p.len()])
    }

    /// The style of a run of article text.
    pub fn mark(&self, mark: Mark, selected: Option<usize>) -> Style {
        let mut style = Style::default();
        if mark.boilerplate && mark.passage.is_none() {
            style = self.boilerplate();
        }
        if let Some(slot) = mark.passage {
            if !mark.rewritten {
                style = self.passage(slot);
            }
            if selected == Some(slot) {
                style = self.selected_passage(style, mark.rewritten);
            }
        }
        if mark.shared_word {
            style = self.shared_word(mark.passage.unwrap_or_default());
        }
        if let Some(change) = mark.change {
            style = self.change(style, change);
        }
        if mark.search {
            style = self.search_match();
        }
        style
    }

    /// Boilerplate text: dimmed, in grey where there is colour.
    fn boilerplate(&self) -> Style {
        let dim = Style::new().add_modifier(Modifier::DIM);
        if self.monochrome() {
            dim
        } else {
            dim.fg(Color::DarkGray)
        }
    }

    /// A passage's text: on its colour, or without colour reversed for odd numbers and
    /// underlined for even ones, so that neighbours differ.
    fn passage(&self, slot: usize) -> Style {
        match self.passage_color(slot) {
            Some(bg) => Style::new().bg(bg).fg(self.ink),
            None if slot.is_multiple_of(2) => Style::new().add_modifier(Modifier::REVERSED),
            None => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The selected passage's text: bold, and without colour bold and reversed.
    fn selected_passage(&self, style: Style, rewritten: bool) -> Style {
        if self.monochrome() && !rewritten {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            style.add_modifier(Modifier::BOLD)
        }
    }

    /// Text of the library preview that another article shares: copied text like the first
    /// passage of a pair, rewritten text underlined.
    pub fn reused(&self, rewritten: bool) -> Style {
        if rewritten {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            self.passage(0)
        }
    }

    /// A minimap cell: the left half shows a passage in its colour, the right half the rows
    /// on screen (the thumb), so each stays visible where they meet.
    pub fn minimap(&self, slot: Option<usize>, thumb: bool) -> Option<(&'static str, Style)> {
        match (slot, thumb) {
            (None, false) => None,
            (None, true) => Some(("▐", self.viewport())),
            (Some(slot), false) => Some(("▌", self.gutter(slot))),
            (Some(_), true) if self.monochrome() => Some(("█", Style::new())),
            (Some(slot), true) => Some(("▌", self.gutter(slot).bg(Color::DarkGray))),
        }
    }

    fn change(&self, style: Style, change: Change) -> Style {
        let (color, modifier) = match change {
            Change::Equal => return style,
            Change::Changed => (self.changed, Modifier::BOLD | Modifier::UNDERLINED),
            Change::Inserted => (self.inserted, Modifier::ITALIC | Modifier::UNDERLINED),
            Change::Deleted => (self.changed, Modifier::CROSSED_OUT),
        };
        if self.monochrome() {
            style
                .remove_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
                .add_modifier(modifier)
        } else {
            style.fg(color).add_modifier(modifier)
        }
    }

    fn shared_word(&self, slot: usize) -> Style {
        let emphasis = Modifier::BOLD | Modifier::UNDERLINED;
        match self.passage_color(slot) {
            Some(bg) => Style::new().bg(bg).fg(self.ink).add_modifier(emphasis),
            None => Style::new().add_modifier(emphasis),
        }
    }

    /// The style of a search match.
    pub fn search_match(&self) -> Style {
        if self.monochrome() {
            Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED)
        } else {
            Style::new()
                .bg(self.search)
                .fg(self.ink)
                .add_modifier(Modifier::BOLD)
        }
    }

    /// The current search match: unlike the other matches.
    pub fn current_match(&self) -> Style {
        if self.monochrome() {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
                .bg(self.current)
                .fg(self.ink)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// A passage's number and kind in the gutter: on its colour, reversed when selected.
    pub fn label(&self, slot: usize, selected: bool) -> Style {
        let style = match self.passage_color(slot) {
            Some(bg) => Style::new().bg(bg).fg(self.ink),
            None => Style::new(),
        };
        if selected {
            style.add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            style.add_modifier(Modifier::BOLD)
        }
    }

    /// The gutter bar beside a rewritten passage's rows.
    pub fn gutter(&self, slot: usize) -> Style {
        self.passage_color(slot)
            .map_or(Style::new().add_modifier(Modifier::BOLD), |c| {
                Style::new().fg(c)
            })
    }

    /// The gutter mark beside the selected passage's rows.
    pub fn selection(&self) -> Style {
        self.colored(Style::new().fg(self.accent))
            .add_modifier(Modifier::BOLD)
    }

    /// A pane border: bright when focused.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.colored(Style::new().fg(self.accent))
                .add_modifier(Modifier::BOLD)
        } else {
            self.colored(Style::new().fg(Color::DarkGray))
        }
    }

    /// Titles in borders.
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The legend's sample of a shared passage: no passage colour, so that it is not taken
    /// for a passage on screen.
    pub fn legend_passage(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The legend's sample of a shared distinctive word.
    pub fn legend_word(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Secondary text: positions, hints.
    pub fn dim(&self) -> Style {
        self.colored(Style::new().fg(Color::DarkGray))
    }

    /// Key names in hints and help.
    pub fn key(&self) -> Style {
        self.colored(Style::new().fg(self.accent))
            .add_modifier(Modifier::BOLD)
    }

    /// The status line.
    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected library row.
    pub fn selected_row(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A heat map cell of shade `level` (1 to 4, warmer for more text in common).
    pub fn heat(&self, level: usize) -> Style {
        const INDEXED: [u8; 4] = [229, 221, 208, 160];
        const RGB: [(u8, u8, u8); 4] =
            [(255, 255, 175), (255, 215, 95), (255, 135, 0), (215, 0, 0)];
        let at = level.clamp(1, 4) - 1;
        match self.palette {
            None => Style::new(),
            Some(_) if self.rgb => {
                let (r, g, b) = RGB[at];
                Style::new().fg(Color::Rgb(r, g, b))
            }
            Some(_) => Style::new().fg(Color::Indexed(INDEXED[at])),
        }
    }

    /// The minimap's mark of the rows on screen.
    pub fn viewport(&self) -> Style {
        self.dim()
    }

    fn colored(&self, style: Style) -> Style {
        if self.monochrome() {
            Style::new()
        } else {
            style
        }
    }
}
