//! The reader's state and the only place it changes: `App::update(Action)`. No terminal, no
//! I/O, no styles; `ui` draws it and `tui` feeds it input.

mod action;
mod compare;
mod help;
pub mod keymap;
pub mod layout;
mod library;
mod marks;
mod navigate;
mod pane;
mod ranges;
mod search;
mod segment;
pub mod view;

pub use action::Action;
pub use compare::{Anchor, Compare, Focus, Pane};
pub use library::{Entry, Library, Preview, SortKey};
pub use search::{Search, find_matches};

use ratatui::layout::Rect;

use crate::corpus::Corpus;
use crate::reuse::Report;
use crate::text::printable;

/// The screens of the reader (the help overlay sits on top of either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Every article with its reuse figures.
    Library,
    /// Two articles side by side.
    Compare,
}

/// How much colour the terminal gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorMode {
    /// 24-bit colour.
    TrueColor,
    /// The 256-colour palette.
    #[default]
    Indexed,
    /// No colour: reverse, underline and bold only.
    Monochrome,
}

/// Start-up settings of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    /// The colour depth to draw with.
    pub color: ColorMode,
    /// Whether mouse capture starts on.
    pub mouse: bool,
    /// Whether synchronised scrolling starts on.
    pub sync_scroll: bool,
}

/// Everything the reader shows and remembers.
#[derive(Debug)]
pub struct App {
    corpus: Corpus,
    report: Report,
    settings: Settings,
    screen: Screen,
    help: bool,
    quit: bool,
    area: Rect,
    library: Library,
    compare: Option<Compare>,
    search: Search,
    message: Option<String>,
    help_scroll: usize,
}

impl App {
    /// A reader on an analysed corpus, sized 80×24 until told otherwise: the library for more
    /// than two documents, else the compare view of the first two.
    pub fn new(corpus: Corpus, report: Report, settings: Settings) -> Self {
        let library = Library::new(&corpus, &report);
        let mut app = Self {
            corpus,
            report,
            settings,
            screen: Screen::Library,
            help: false,
            quit: false,
            area: Rect::new(0, 0, 80, 24),
            library,
            compare: None,
            search: Search::default(),
            message: None,
            help_scroll: 0,
        };
        if app.corpus.len() == 2 {
            app.open_pair(0, 1);
        }
        app.refresh_preview();
        app
    }

    /// Shows `warnings` (from loading the corpus) in the status line until the first key.
    pub fn show_warnings(&mut self, warnings: &[String]) {
        self.message = match warnings {
            [] => None,
            [one] => Some(format!("warning: {}", printable(one))),
            [first, rest @ ..] => Some(format!(
                "{} warnings (all on stderr after quitting); first: {}",
                rest.len() + 1,
                printable(first)
            )),
        };
    }

    /// The corpus being read.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The engine's findings.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Whether the help overlay is open.
    pub fn help_open(&self) -> bool {
        self.help
    }

    /// The first line of help shown (the overlay scrolls on small screens).
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The terminal area last reported.
    pub fn area(&self) -> Rect {
        self.area
    }

    /// The colour depth to draw with.
    pub fn color(&self) -> ColorMode {
        self.settings.color
    }

    /// Whether mouse capture should be on.
    pub fn mouse(&self) -> bool {
        self.settings.mouse
    }

    /// The library's state.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The compare view's state, once a pair is open.
    pub fn compare(&self) -> Option<&Compare> {
        self.compare.as_ref()
    }

    /// The search prompt and results.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// A one-off notice for the status line.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// How input is read right now.
    pub fn mode(&self) -> keymap::Mode {
        keymap::Mode {
            screen: self.screen,
            help: self.help,
            typing: self.search.input.is_some(),
        }
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(width, height) = action {
            self.resize(Rect::new(0, 0, width, height));
            return;
        }
        let mouse = matches!(action, Action::Wheel { .. } | Action::Click { .. });
        if mouse && (self.help || self.search.input.is_some()) {
            return;
        }
        self.message = None;
        if self.help && self.search.input.is_none() && self.update_help(action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.toggle_help(),
            Action::CloseOverlay => self.close_overlay(),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::ShowLibrary => self.screen = Screen::Library,
            Action::ShowCompare => self.show_compare(),
            Action::StartSearch
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::NextMatch
            | Action::PrevMatch => {
                self.update_search(action);
            }
            _ if self.screen == Screen::Library => self.update_library(action),
            _ => self.update_compare(action),
        }
    }

    fn close_overlay(&mut self) {
        if self.search.input.take().is_none() {
            self.help = false;
        }
    }

    fn toggle_mouse(&mut self) {
        self.settings.mouse = !self.settings.mouse;
        let state = if self.settings.mouse {
            "on: wheel and clicks"
        } else {
            "off: select text to copy"
        };
        self.message = Some(format!("mouse {state}"));
    }

    fn show_compare(&mut self) {
        if self.compare.is_some() {
            self.screen = Screen::Compare;
        } else {
            self.update_library(Action::Open);
        }
    }

    fn update_library(&mut self, action: Action) {
        let rows = layout::library_rows(self.area);
        let page = isize::try_from(rows.max(1)).unwrap_or(1);
        match action {
            Action::ScrollBy(delta) => self.library.select_by(signed(delta), rows),
            Action::Page(pages) => self.library.select_by(signed(pages) * page, rows),
            Action::Top => self.library.select_by(isize::MIN / 2, rows),
            Action::Bottom => self.library.select_by(isize::MAX / 2, rows),
            Action::CycleSort => {
                self.library.cycle_sort();
                self.library.keep_visible(rows);
                self.message = Some(format!("sorted by {}", self.library.sort.name()));
            }
            Action::Open => self.open_selected(),
            Action::Wheel { down, .. } => self.library.select_by(if down { 1 } else { -1 }, rows),
            Action::Click { row, .. } => self.click_library(row),
            _ => {}
        }
        self.refresh_preview();
    }

    /// Rewraps the preview if the selection or its width changed.
    fn refresh_preview(&mut self) {
        let preview = layout::library(self.area).preview;
        let width = usize::from(preview.width.saturating_sub(2));
        let height = usize::from(preview.height.saturating_sub(2));
        let doc = self.library.current().map(|e| e.doc);
        if let Some(doc) = doc {
            let document = &self.corpus.documents[doc];
            self.library
                .preview
                .refresh((doc, document), &self.report, width, height);
        }
    }

    /// Selects the library entry on screen row `row`, if there is one.
    fn click_library(&mut self, row: u16) {
        let first = layout::library(self.area).table.y + 2; // border and header
        let Some(offset) = row.checked_sub(first) else {
            return;
        };
        let index = self.library.offset + usize::from(offset);
        if index
            < self
                .library
                .entries
                .len()
                .min(self.library.offset + layout::library_rows(self.area))
        {
            self.library.selected = index;
        }
    }

    fn open_selected(&mut self) {
        let Some(entry) = self.library.current() else {
            return;
        };
        let (doc, title) = (entry.doc, entry.title.clone());
        match entry.strongest {
            Some(partner) => self.open_pair(doc, partner),
            None => {
                self.message = Some(format!("“{title}” shares no passage with another article"));
            }
        }
    }
}

/// A count from an action as a signed offset.
fn signed(value: i32) -> isize {
    isize::try_from(value).unwrap_or_default()
}
