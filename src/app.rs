//! The reader's state and the only place it changes: `App::update(Action)`. No terminal, no
//! I/O, no styles; `ui` draws it, `tui` feeds it input and carries out the effects `update`
//! returns.

mod action;
pub mod article;
pub mod context;
mod help;
pub mod ids;
pub mod keymap;
pub mod layout;
mod marks;
pub mod place;
mod ranges;
mod segment;
pub mod view;

pub use action::Action;
pub use context::Context;
pub use ids::{ClusterId, DocId, PassageId};
pub use place::{HeatPlace, PairPlace, PassagesPlace, Place};
pub use view::View;
pub use view::compare::{Anchor, Compare, Focus, Pane, Search, find_matches};
pub use view::find::Find;
pub use view::heat::Heat;
pub use view::library::{Entry, Library, Preview, SortKey};
pub use view::passages::Passages;

use std::cell::OnceCell;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::corpus::Corpus;
use crate::reuse::Report;
use crate::text::printable;
use view::{Opening, Outcome};

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

/// The shade of the terminal's background, which the palette suits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shade {
    /// Dark ink on pale highlights (reads on dark terminals too).
    #[default]
    Light,
    /// Light ink on deep highlights.
    Dark,
}

/// Colours the user set in place of the palette's, by name (`[colors]` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ColorOverrides {
    /// The backgrounds of passages 1 to 8 (`passage1` … `passage8`).
    pub passages: [Option<ratatui::style::Color>; 8],
    /// Text on a highlight (`ink`).
    pub ink: Option<ratatui::style::Color>,
    /// Changed and deleted words (`changed`).
    pub changed: Option<ratatui::style::Color>,
    /// Inserted words (`inserted`).
    pub inserted: Option<ratatui::style::Color>,
    /// Search matches (`search`).
    pub search: Option<ratatui::style::Color>,
    /// The current search match (`current`).
    pub current: Option<ratatui::style::Color>,
    /// Focused borders, keys and the selection mark (`accent`).
    pub accent: Option<ratatui::style::Color>,
}

/// The palette the reader draws with: its shade and the user's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Palette {
    /// Light or dark.
    pub shade: Shade,
    /// Colours set by name.
    pub overrides: ColorOverrides,
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

/// What the event loop must do after an update: the app itself does no I/O.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Turn mouse capture on or off.
    SetMouse(bool),
    /// Write a pair of articles (left, right) to a file, as HTML or as Markdown.
    Export {
        /// The article on the left.
        left: DocId,
        /// The article on the right.
        right: DocId,
        /// Markdown rather than HTML.
        markdown: bool,
    },
    /// Leave the reader.
    Quit,
}

/// The view in `cell`, built from `ctx` by `new` if it is not yet.
fn built<'a, T>(cell: &'a mut OnceCell<T>, ctx: &Context, new: fn(&Context) -> T) -> &'a mut T {
    if cell.get().is_none() {
        let _ = cell.set(new(ctx));
    }
    match cell.get_mut() {
        Some(view) => view,
        None => unreachable!("the view was built just above"),
    }
}

/// Everything the reader shows and remembers.
#[derive(Debug)]
pub struct App {
    ctx: Context,
    /// The views the user came through, the one shown last; never empty.
    stack: Vec<View>,
    library: Library,
    /// Built the first time it is shown (or asked for): the first screen need not wait.
    passages: OnceCell<Passages>,
    /// Built the first time it is shown, as `passages`.
    heat: OnceCell<Heat>,
    find: Find,
    compare: Option<Compare>,
    help: bool,
    help_scroll: usize,
    quit: bool,
    message: Option<String>,
    keys: keymap::Keymap,
    palette: Palette,
    /// Where a scan behind the reader stands.
    scan: Scan,
}

/// Where a scan of the corpus behind the reader stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scan {
    /// None runs: the findings shown are the corpus's.
    #[default]
    Done,
    /// It runs; the findings shown are the last scan's.
    Running,
    /// It is done, and its findings wait until [`App::takes_new_findings`].
    Ready,
}

impl App {
    /// A reader on an analysed corpus, sized 80×24 until told otherwise: the library for more
    /// than two documents, else the compare view of the first two (Esc leads to the library).
    pub fn new(corpus: Corpus, report: Report, settings: Settings) -> Self {
        Self::on_shared(Arc::new(corpus), report, settings)
    }

    /// [`App::new`] on a corpus that a scan in the background may be reading too.
    pub fn on_shared(corpus: Arc<Corpus>, report: Report, settings: Settings) -> Self {
        let ctx = Context {
            corpus,
            report,
            settings,
            area: Rect::new(0, 0, 80, 24),
        };
        let library = Library::new(&ctx.corpus, &ctx.report);
        let mut app = Self {
            ctx,
            stack: vec![View::Library],
            library,
            passages: OnceCell::new(),
            heat: OnceCell::new(),
            find: Find::default(),
            compare: None,
            help: false,
            help_scroll: 0,
            quit: false,
            message: None,
            keys: keymap::Keymap::default(),
            palette: Palette::default(),
            scan: Scan::Done,
        };
        if app.ctx.corpus.len() == 2 {
            app.open(Opening::pair(DocId(0), DocId(1)));
        }
        app.library.refresh_preview(&app.ctx);
        app
    }

    /// Shows a notice in the status line until the first key.
    pub fn show_notice(&mut self, notice: &str) {
        self.message = Some(printable(notice));
    }

    /// Shows `warnings` (from loading the corpus) in the status line until the first key, in
    /// place of any notice.
    pub fn show_warnings(&mut self, warnings: &[String]) {
        self.message = match warnings {
            [] => self.message.take(),
            [one] => Some(format!("warning: {}", printable(one))),
            [first, rest @ ..] => Some(format!(
                "{} warnings (all on stderr after quitting); first: {}",
                rest.len() + 1,
                printable(first)
            )),
        };
    }

    /// The key tables in force.
    pub fn keys(&self) -> &keymap::Keymap {
        &self.keys
    }

    /// The palette to draw with.
    pub fn palette(&self) -> Palette {
        self.palette
    }

    /// Draws with `palette` from now on.
    pub fn set_palette(&mut self, palette: Palette) {
        self.palette = palette;
    }

    /// Uses `keys` from now on (the defaults with the user's bindings).
    pub fn set_keys(&mut self, keys: keymap::Keymap) {
        self.keys = keys;
    }

    /// What every view reads: corpus, report, settings and area.
    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// The corpus being read.
    pub fn corpus(&self) -> &Corpus {
        &self.ctx.corpus
    }

    /// The engine's findings.
    pub fn report(&self) -> &Report {
        &self.ctx.report
    }

    /// The view shown.
    pub fn view(&self) -> View {
        self.stack.last().copied().unwrap_or(View::Library)
    }

    /// The views the user came through, the one shown last.
    pub fn stack(&self) -> &[View] {
        &self.stack
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
        self.ctx.area
    }

    /// The colour depth to draw with.
    pub fn color(&self) -> ColorMode {
        self.ctx.settings.color
    }

    /// Whether mouse capture should be on.
    pub fn mouse(&self) -> bool {
        self.ctx.settings.mouse
    }

    /// The library's state.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The passages screen's state.
    pub fn passages(&self) -> &Passages {
        self.passages.get_or_init(|| Passages::new(&self.ctx))
    }

    /// The heat map's state.
    pub fn heat(&self) -> &Heat {
        self.heat.get_or_init(|| Heat::new(&self.ctx))
    }

    /// The corpus search's state.
    pub fn find(&self) -> &Find {
        &self.find
    }

    /// The compare view's state, once a pair is open.
    pub fn compare(&self) -> Option<&Compare> {
        self.compare.as_ref()
    }

    /// A one-off notice for the status line.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether a prompt of the view shown takes the keys.
    fn typing(&self) -> bool {
        match self.view() {
            View::Compare => self
                .compare
                .as_ref()
                .is_some_and(|c| c.search.input.is_some()),
            View::Find => self.find.input.is_some(),
            View::Library => self.library.filter_input.is_some(),
            View::Passages => self.passages().filter_input.is_some(),
            View::Heat => false,
        }
    }

    /// How input is read right now.
    pub fn mode(&self) -> keymap::Mode {
        keymap::Mode {
            view: self.view(),
            help: self.help,
            typing: self.typing(),
        }
    }

    /// Carries out one action, and says what the event loop must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Resize(width, height) = action {
            self.resize(Rect::new(0, 0, width, height));
            return Vec::new();
        }
        let typing = self.typing();
        let mouse = matches!(action, Action::Wheel { .. } | Action::Click { .. });
        if mouse && (self.help || typing) {
            return Vec::new();
        }
        self.message = None;
        if self.help && !typing && self.update_help(action) {
            return Vec::new();
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            Action::ToggleHelp => self.toggle_help(),
            Action::CloseOverlay if !typing => self.help = false,
            Action::ToggleMouse => return vec![self.toggle_mouse()],
            Action::Show(view) => self.show(view),
            Action::Back => self.back(),
            _ => return self.update_view(action),
        }
        Vec::new()
    }

    /// Passes `action` to the view shown, carries out what it asks, and says what the event
    /// loop must do.
    fn update_view(&mut self, action: Action) -> Vec<Effect> {
        if let (View::Compare, Some(compare)) = (self.view(), self.compare.as_ref()) {
            let markdown = match action {
                Action::ExportHtml => Some(false),
                Action::ExportMarkdown => Some(true),
                _ => None,
            };
            if let Some(markdown) = markdown {
                let (left, right) = (compare.left.doc(), compare.right.doc());
                return vec![Effect::Export {
                    left,
                    right,
                    markdown,
                }];
            }
        }
        let outcome = match self.view() {
            View::Library => self.library.update(&self.ctx, action),
            View::Passages => {
                built(&mut self.passages, &self.ctx, Passages::new).update(&self.ctx, action)
            }
            View::Heat => built(&mut self.heat, &self.ctx, Heat::new).update(&self.ctx, action),
            View::Find => {
                let outcome = self.find.update(&self.ctx, action);
                // A prompt closed before any search leaves nothing to show: back.
                if self.find.input.is_none() && self.find.query.is_empty() {
                    self.back();
                }
                outcome
            }
            View::Compare => match self.compare.as_mut() {
                Some(compare) => compare.update(&self.ctx, action),
                None => Outcome::Done,
            },
        };
        self.carry_out(outcome);
        Vec::new()
    }

    /// The corpus, to share with a scan in the background.
    pub fn shared_corpus(&self) -> Arc<Corpus> {
        Arc::clone(&self.ctx.corpus)
    }

    /// Where a scan behind the reader stands.
    pub fn scan(&self) -> Scan {
        self.scan
    }

    /// Says where the scan behind the reader stands.
    pub fn set_scan(&mut self, scan: Scan) {
        self.scan = scan;
    }

    /// Whether [`App::replace_report`] may come now, without losing what the reader holds
    /// beyond its remembered place: not while a prompt takes the keys, nor with a search's
    /// hits among the views (they name passages of the findings shown), nor in a compare view
    /// walking a passage's occurrences, showing one article alone, searching its text or
    /// picking a partner.
    pub fn takes_new_findings(&self) -> bool {
        let compare_holds_more = self.compare.as_ref().is_some_and(|c| {
            c.walk.is_some()
                || c.left.doc() == c.right.doc()
                || !c.search.query.is_empty()
                || c.picker().is_some()
        });
        let comparing = self.stack.contains(&View::Compare);
        let holding = self.typing() || self.stack.contains(&View::Find);
        !(holding || comparing && compare_holds_more)
    }

    /// Shows `report` in place of the findings shown, the reader staying where it is (as far
    /// as the new findings allow: a passage that is gone is no longer selected).
    pub fn replace_report(&mut self, report: Report) {
        let place = self.place();
        let (help, help_scroll) = (self.help, self.help_scroll);
        let mut app = Self::on_shared(self.shared_corpus(), report, self.ctx.settings);
        app.keys = std::mem::take(&mut self.keys);
        app.palette = self.palette;
        app.update(Action::Resize(self.ctx.area.width, self.ctx.area.height));
        app.restore(&place);
        app.carry_modes(self);
        (app.help, app.help_scroll) = (help, help_scroll);
        app.scan = self.scan;
        *self = app;
    }

    /// Takes over what `before` held beyond its place: the views it came through, the compare
    /// view's modes, the passages screen's hidden rows; each toggled as its key would.
    fn carry_modes(&mut self, before: &Self) {
        if let (Some(old), Some(new)) = (&before.compare, &self.compare) {
            let toggles = [
                (old.sync != new.sync, Action::ToggleSync),
                (
                    old.boilerplate_unmarked != new.boilerplate_unmarked,
                    Action::ToggleBoilerplate,
                ),
                (
                    old.related_shown != new.related_shown,
                    Action::ToggleRelated,
                ),
            ];
            let keys: Vec<Action> = toggles.iter().filter(|t| t.0).map(|t| t.1).collect();
            self.replay(View::Compare, &keys);
        }
        let hidden = before.passages.get().is_some_and(|p| p.apart_hidden);
        if hidden && !self.passages().apart_hidden {
            self.replay(View::Passages, &[Action::ToggleBoilerplate]);
        }
        let compare_open = self.compare.is_some();
        self.stack = before
            .stack
            .iter()
            .copied()
            .filter(|&v| v != View::Compare || compare_open)
            .collect();
        if self.stack.is_empty() {
            self.stack.push(View::Library);
        }
    }

    /// Shows `message` in the status line (what the event loop did, say).
    pub fn notify(&mut self, message: String) {
        self.message = Some(message);
    }

    fn carry_out(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Done => {}
            Outcome::Message(message) => self.message = Some(message),
            Outcome::Open(opening) => self.open(opening),
            Outcome::Find => {
                // A new search from another view: the last results do not stand in its way.
                self.find = Find::default();
                self.find.start();
                self.push(View::Find);
            }
        }
    }

    /// Opens a pair in the compare view, on top of the view shown.
    fn open(&mut self, opening: Opening) {
        self.compare = Some(Compare::open(&self.ctx, opening, self.compare.as_ref()));
        self.push(View::Compare);
    }

    /// Shows `view` on top of the one shown (a view is on the stack once).
    fn push(&mut self, view: View) {
        if self.view() != view {
            self.stack.retain(|&v| v != view);
            self.stack.push(view);
        }
    }

    /// Shows `view`; the compare view, before any pair was opened, opens the library's
    /// selection.
    fn show(&mut self, view: View) {
        match view {
            View::Compare if self.compare.is_none() => {
                let outcome = self.library.update(&self.ctx, Action::Open);
                self.carry_out(outcome);
            }
            View::Library | View::Compare | View::Passages | View::Heat | View::Find => {
                self.push(view);
            }
        }
    }

    /// Goes back one step inside the view shown, else to the view shown before it, as it
    /// was left.
    fn back(&mut self) {
        let inside = match self.view() {
            View::Passages => built(&mut self.passages, &self.ctx, Passages::new).back(),
            View::Compare => self.compare.as_mut().is_some_and(Compare::back),
            View::Library | View::Heat | View::Find => false,
        };
        if !inside && self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn toggle_mouse(&mut self) -> Effect {
        let settings = &mut self.ctx.settings;
        settings.mouse = !settings.mouse;
        let state = if settings.mouse {
            "on: wheel and clicks"
        } else {
            "off: select text to copy"
        };
        self.message = Some(format!("mouse {state}"));
        Effect::SetMouse(settings.mouse)
    }

    fn resize(&mut self, area: Rect) {
        self.ctx.area = area;
        self.library.resize(&self.ctx);
        // Views not built yet are built at the new size.
        if let Some(passages) = self.passages.get_mut() {
            passages.resize(&self.ctx);
        }
        if let Some(heat) = self.heat.get_mut() {
            heat.resize(&self.ctx);
        }
        self.find.resize(&self.ctx);
        self.clamp_help();
        if let Some(compare) = self.compare.as_mut() {
            compare.rebuild(&self.ctx, false);
        }
    }
}

/// A count from an action as a signed offset.
fn signed(value: i32) -> isize {
    isize::try_from(value).unwrap_or_default()
}
