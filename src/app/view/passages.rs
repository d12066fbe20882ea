//! The passages screen: every cluster of reused text, ranked by the articles that carry it,
//! with the outlets' boilerplate and the same-story links listed apart; the occurrences of the
//! selected one below, and Enter from an occurrence into the compare view.

mod groups;

use crossterm::event::KeyCode::{BackTab, Down, End, Enter, Home, PageDown, PageUp, Tab, Up};
use ratatui::layout::Rect;

use super::filter::Filter;
use super::{Opening, Outcome, Walk, edit_prompt, keep_in_view};
use crate::app::context::Context;
use crate::app::keymap::{Binding, bind, ch};
use crate::app::{Action, signed};
pub use groups::{Group, GroupKind, Occurrence, Piece};

/// Keys of the passages screen.
pub const KEYS: &[Binding] = &[
    bind(&[ch('j'), Down], Action::ScrollBy(1), "next row"),
    bind(&[ch('k'), Up], Action::ScrollBy(-1), "previous row"),
    bind(&[PageDown, ch(' ')], Action::Page(1), "page down"),
    bind(&[PageUp], Action::Page(-1), "page up"),
    bind(&[ch('g'), Home], Action::Top, "first row"),
    bind(&[ch('G'), End], Action::Bottom, "last row"),
    bind(&[Enter], Action::Open, "occurrences; on one, compare it"),
    bind(
        &[Tab, BackTab],
        Action::SwitchFocus,
        "passages ↔ occurrences",
    ),
    bind(
        &[ch('b')],
        Action::ToggleBoilerplate,
        "no-reuse rows (quotes…) shown/hidden",
    ),
    bind(&[ch('/')], Action::StartSearch, "search the whole corpus"),
    bind(
        &[ch('f')],
        Action::StartFilter,
        "filter: words outlet:NAME size:N",
    ),
    bind(&[ch('F')], Action::ClearFilter, "clear the filter"),
];

/// The help's lines after the keys.
pub const NOTES: &[(&str, &str)] = &[
    ("rows", "most articles first; dimmed rows are no"),
    ("", "reuse: quotes, boilerplate, same story"),
    ("mouse", "wheel moves, click selects"),
];

/// Which list keys move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The passages.
    #[default]
    List,
    /// The occurrences of the selected passage.
    Occurrences,
}

/// The parts of the passages screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PassagesArea {
    /// The list of passages.
    pub list: Rect,
    /// The occurrences of the selected one.
    pub detail: Rect,
    /// The status line.
    pub status: Rect,
}

/// Splits the screen into the list, the detail pane and the status line.
pub fn layout(area: Rect) -> PassagesArea {
    let [list, detail, status] = crate::app::layout::list_over_pane(area, 50);
    PassagesArea {
        list,
        detail,
        status,
    }
}

/// Rows of the list that show passages (inside the border, below the header).
pub fn list_rows(area: Rect) -> usize {
    usize::from(layout(area).list.height.saturating_sub(3))
}

/// Occurrences the detail pane shows at once: two lines each, inside the border.
pub fn occurrence_rows(area: Rect) -> usize {
    usize::from(layout(area).detail.height.saturating_sub(2) / 2)
}

/// The passages screen's state.
#[derive(Debug, Clone, Default)]
pub struct Passages {
    /// Every group, reuse first.
    pub groups: Vec<Group>,
    /// The groups listed, as indices into `groups` (boilerplate and same story may be hidden).
    pub listed: Vec<usize>,
    /// Whether boilerplate and same-story rows are hidden.
    pub apart_hidden: bool,
    /// The selected row, an index into `listed`.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    /// Which list keys move.
    pub focus: Focus,
    /// The occurrences of the selected group.
    pub occurrences: Vec<Occurrence>,
    /// The selected occurrence.
    pub occurrence: usize,
    /// The first occurrence shown.
    pub occurrence_offset: usize,
    /// The filter applied.
    pub filter: Filter,
    /// The filter as last typed.
    pub filter_text: String,
    /// What is being typed, while the filter prompt is open.
    pub filter_input: Option<String>,
    /// The group `occurrences` belong to.
    occurrences_of: Option<usize>,
    /// Number of reuse groups.
    reuse_rows: usize,
    /// The widest list of outlets, in chars, for the Outlets column.
    outlets_width: usize,
}

impl Passages {
    /// The screen for a corpus and its report, the first row selected.
    pub fn new(ctx: &Context) -> Self {
        let groups = groups::groups(&ctx.corpus, &ctx.report);
        let reuse_rows = groups.iter().filter(|g| !g.apart()).count();
        let outlets_width = groups
            .iter()
            .map(|g| {
                g.outlets
                    .iter()
                    .map(|o| o.chars().count() + 2)
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0)
            .clamp(7, 28);
        let mut passages = Self {
            listed: (0..groups.len()).collect(),
            groups,
            reuse_rows,
            outlets_width,
            ..Self::default()
        };
        passages.refresh(ctx);
        passages
    }

    /// The selected group.
    pub fn current(&self) -> Option<&Group> {
        self.listed.get(self.selected).map(|&g| &self.groups[g])
    }

    /// Number of reuse rows, in all.
    pub fn reuse_rows(&self) -> usize {
        self.reuse_rows
    }

    /// Number of reuse rows listed (the filter and `b` leave some out).
    pub fn listed_reuse_rows(&self) -> usize {
        self.listed
            .iter()
            .filter(|&&g| !self.groups[g].apart())
            .count()
    }

    /// The widest list of outlets of a group, in chars (at most what a column gets).
    pub fn outlets_width(&self) -> usize {
        self.outlets_width
    }

    /// Answers `action`.
    pub fn update(&mut self, ctx: &Context, action: Action) -> Outcome {
        let outcome = match action {
            Action::ScrollBy(delta) => self.move_by(ctx, signed(delta)),
            Action::Page(pages) => self.move_by(ctx, signed(pages) * self.page(ctx)),
            Action::Top => self.move_by(ctx, isize::MIN / 2),
            Action::Bottom => self.move_by(ctx, isize::MAX / 2),
            Action::Wheel { down, .. } => self.move_by(ctx, if down { 1 } else { -1 }),
            Action::Open => self.open(ctx),
            Action::StartSearch => Outcome::Find,
            Action::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::List if !self.occurrences.is_empty() => Focus::Occurrences,
                    Focus::List | Focus::Occurrences => Focus::List,
                };
                Outcome::Done
            }
            Action::ToggleBoilerplate => self.toggle_apart(ctx),
            Action::StartFilter
            | Action::ClearFilter
            | Action::SearchInput(_)
            | Action::SearchClear
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::CloseOverlay => self.update_filter(ctx, action),
            Action::Click { row, .. } => self.click(ctx, row),
            _ => Outcome::Done,
        };
        self.refresh(ctx);
        outcome
    }

    /// Steps back inside the screen (from the occurrences to the list); whether it did.
    pub fn back(&mut self) -> bool {
        match self.focus {
            Focus::Occurrences => {
                self.focus = Focus::List;
                true
            }
            Focus::List => false,
        }
    }

    /// Keeps the selections on screen after a resize.
    pub fn resize(&mut self, ctx: &Context) {
        self.keep_visible(ctx);
    }

    fn page(&self, ctx: &Context) -> isize {
        let rows = match self.focus {
            Focus::List => list_rows(ctx.area),
            Focus::Occurrences => occurrence_rows(ctx.area),
        };
        isize::try_from(rows.max(1)).unwrap_or(1)
    }

    fn move_by(&mut self, ctx: &Context, delta: isize) -> Outcome {
        match self.focus {
            Focus::List => {
                let last = self.listed.len().saturating_sub(1);
                self.selected = self.selected.saturating_add_signed(delta).min(last);
            }
            Focus::Occurrences => {
                let last = self.occurrences.len().saturating_sub(1);
                self.occurrence = self.occurrence.saturating_add_signed(delta).min(last);
            }
        }
        self.keep_visible(ctx);
        Outcome::Done
    }

    fn keep_visible(&mut self, ctx: &Context) {
        keep_in_view(self.selected, &mut self.offset, list_rows(ctx.area));
        let rows = occurrence_rows(ctx.area);
        keep_in_view(self.occurrence, &mut self.occurrence_offset, rows);
    }

    /// Enter: from the list into the occurrences; from an occurrence, into the compare view
    /// beside the next occurrence in another article.
    fn open(&mut self, ctx: &Context) -> Outcome {
        match self.focus {
            Focus::List if self.occurrences.is_empty() => Outcome::Done,
            Focus::List => {
                self.focus = Focus::Occurrences;
                Outcome::Done
            }
            Focus::Occurrences => self.open_occurrence(ctx),
        }
    }

    fn open_occurrence(&self, ctx: &Context) -> Outcome {
        let (Some(group), Some(own)) = (self.current(), self.occurrences.get(self.occurrence))
        else {
            return Outcome::Done;
        };
        let n = self.occurrences.len();
        let docs: Vec<_> = self.occurrences.iter().map(|o| o.doc).collect();
        let walk = Walk {
            docs,
            passages: group.passages.clone(),
            sides: self.occurrences.iter().map(|o| o.side).collect(),
        };
        // The next occurrence in another article, one a passage links to this one first: a
        // cluster joins its occurrences through each other, not every two directly.
        let others = (1..n)
            .map(|k| &self.occurrences[(self.occurrence + k) % n])
            .filter(|o| o.doc != own.doc);
        let linked = others
            .clone()
            .find(|o| walk.linking(&ctx.report, own.doc, o.doc).is_some());
        let Some(next) = linked.or(others.clone().next()) else {
            return Outcome::Message("every occurrence is in this one article".to_owned());
        };
        Outcome::Open(Opening {
            left: own.doc,
            right: next.doc,
            passage: walk.linking(&ctx.report, own.doc, next.doc),
            walk: Some(walk),
            show_related: group.kind == GroupKind::Related,
            find: None,
        })
    }

    fn toggle_apart(&mut self, ctx: &Context) -> Outcome {
        self.apart_hidden = !self.apart_hidden;
        self.relist(ctx, true);
        let state = if self.apart_hidden { "hidden" } else { "shown" };
        Outcome::Message(format!("quote, boilerplate and same-story rows {state}"))
    }

    /// Lists the groups the filter keeps (without the apart ones when hidden), keeping the
    /// selected one selected when `keep` and it is still listed, else the first.
    fn relist(&mut self, ctx: &Context, keep: bool) {
        let group = self.listed.get(self.selected).copied();
        let filter = &self.filter;
        let corpus = &ctx.corpus;
        self.listed = (0..self.groups.len())
            .filter(|&g| {
                let group = &self.groups[g];
                if self.apart_hidden && group.apart() {
                    return false;
                }
                if filter.is_empty() {
                    return true;
                }
                let titles = group
                    .members
                    .iter()
                    .map(|m| corpus.documents[m.doc].title.as_str());
                let shown = group.shown();
                let text = corpus.documents[shown.doc].slice(shown.span);
                filter.keeps_passage(group.docs, &group.outlets, titles, text)
            })
            .collect();
        self.selected = group
            .filter(|_| keep)
            .and_then(|g| self.listed.iter().position(|&l| l == g))
            .unwrap_or(0);
        self.keep_visible(ctx);
        self.focus = Focus::List;
    }

    /// Answers the filter prompt's actions.
    fn update_filter(&mut self, ctx: &Context, action: Action) -> Outcome {
        if edit_prompt(&mut self.filter_input, action) {
            return Outcome::Done;
        }
        match action {
            // The border shows the filter in force; the prompt starts empty.
            Action::StartFilter => self.filter_input = Some(String::new()),
            Action::CloseOverlay => self.filter_input = None,
            Action::SearchSubmit => {
                let typed = self.filter_input.take().unwrap_or_default();
                return match Filter::parse(&typed, Filter::PASSAGES) {
                    Ok(filter) => {
                        self.filter = filter;
                        self.filter_text = typed;
                        self.relist(ctx, false);
                        Outcome::Message(format!(
                            "{} of {} shown",
                            self.listed.len(),
                            crate::text::count(self.groups.len(), "passage")
                        ))
                    }
                    Err(message) => Outcome::Message(message),
                };
            }
            Action::ClearFilter => {
                self.filter = Filter::default();
                self.filter_text.clear();
                self.relist(ctx, true);
                return Outcome::Message("filter cleared".to_owned());
            }
            _ => {}
        }
        Outcome::Done
    }

    /// Selects the row (of the list or the occurrences) under screen row `row`.
    fn click(&mut self, ctx: &Context, row: u16) -> Outcome {
        let areas = layout(ctx.area);
        if let Some(offset) = row.checked_sub(areas.list.y + 2) {
            let index = self.offset + usize::from(offset);
            if row < areas.list.bottom() - 1 && index < self.listed.len() {
                self.selected = index;
                self.focus = Focus::List;
            }
        }
        if let Some(offset) = row.checked_sub(areas.detail.y + 1) {
            let index = self.occurrence_offset + usize::from(offset / 2);
            if row < areas.detail.bottom() - 1 && index < self.occurrences.len() {
                self.occurrence = index;
                self.focus = Focus::Occurrences;
            }
        }
        Outcome::Done
    }

    /// Lists the occurrences of the selected group, if they are not those listed.
    fn refresh(&mut self, ctx: &Context) {
        let group = self.listed.get(self.selected).copied();
        if group == self.occurrences_of {
            return;
        }
        self.occurrences = group.map_or_else(Vec::new, |g| {
            groups::occurrences(&ctx.corpus, &self.groups[g])
        });
        self.occurrences_of = group;
        self.occurrence = 0;
        self.occurrence_offset = 0;
        if self.occurrences.is_empty() {
            self.focus = Focus::List;
        }
    }
}
