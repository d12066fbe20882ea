//! The verbs of the reader: everything a key, the mouse or the terminal can ask for.

use super::view::View;

/// One thing the user (or the terminal) asks the reader to do; `App::update` carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Close the open overlay (help or search prompt).
    CloseOverlay,
    /// Move the focus to the other pane.
    SwitchFocus,
    /// Scroll the focused pane (or move the library selection) by rows.
    ScrollBy(i32),
    /// Move the cursor by columns (the heat map).
    ColumnBy(i32),
    /// Fold the heat map by outlet, or unfold it.
    FoldOutlets,
    /// Scroll by pages.
    Page(i32),
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Select the next shared passage in the focused article.
    NextPassage,
    /// Select the previous shared passage in the focused article.
    PrevPassage,
    /// Bring the counterpart of the selected passage level with it in the other pane.
    Jump,
    /// Turn synchronised scrolling on or off.
    ToggleSync,
    /// Show the articles' boilerplate dimmed, or leave it unmarked.
    ToggleBoilerplate,
    /// Show or hide the related links (the same story told apart).
    ToggleRelated,
    /// Show the next partner article (by shared text) in the right pane.
    NextPartner,
    /// Show the previous partner article in the right pane.
    PrevPartner,
    /// Write the pair of the compare view as a self-contained HTML page.
    ExportHtml,
    /// Write the pair of the compare view as Markdown.
    ExportMarkdown,
    /// Open or close the partner picker of the compare view.
    PickPartner,
    /// Swap the two articles of the compare view.
    SwapPanes,
    /// Scroll to the next word edit in the focused article.
    NextEdit,
    /// Scroll to the previous word edit in the focused article.
    PrevEdit,
    /// Open the search prompt for the focused article.
    StartSearch,
    /// Type a char into the search prompt.
    SearchInput(char),
    /// Delete the last char of the search prompt.
    SearchBackspace,
    /// Clear the prompt (Ctrl-U).
    SearchClear,
    /// Run the search and go to the next match.
    SearchSubmit,
    /// Go to the next match of the last search.
    NextMatch,
    /// Go to the previous match of the last search.
    PrevMatch,
    /// Open the filter prompt of the library or the passages screen.
    StartFilter,
    /// Clear the filter.
    ClearFilter,
    /// List the copies of the selected duplicated article, or fold them.
    ToggleCopies,
    /// Cycle the library's sort key.
    CycleSort,
    /// Open the selected library article beside its strongest partner.
    Open,
    /// Show a view (on top of the current one: Back returns).
    Show(View),
    /// Go back to the view (and the place in it) the user came from.
    Back,
    /// Turn mouse capture on or off.
    ToggleMouse,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell (down when `down`).
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Whether the wheel turned towards the user.
        down: bool,
    },
    /// The left button was pressed on a cell.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
}

impl Action {
    /// A move to the first column of the heat map, however wide.
    pub const FIRST_COLUMN: i32 = i32::MIN / 2;
    /// A move to its last column.
    pub const LAST_COLUMN: i32 = i32::MAX / 2;

    /// The action's name in the config's `[keys]` tables (snake case), for the actions a key
    /// can be bound to; none for typing, the mouse and the terminal.
    pub fn config_name(self) -> Option<String> {
        let name = match self {
            Self::Quit => "quit",
            Self::ToggleHelp => "toggle_help",
            Self::CloseOverlay => "close_overlay",
            Self::SwitchFocus => "switch_focus",
            Self::ScrollBy(1) => "scroll_down",
            Self::ScrollBy(-1) => "scroll_up",
            Self::ColumnBy(1) => "column_right",
            Self::ColumnBy(-1) => "column_left",
            Self::ColumnBy(Self::FIRST_COLUMN) => "first_column",
            Self::ColumnBy(Self::LAST_COLUMN) => "last_column",
            Self::Page(1) => "page_down",
            Self::Page(-1) => "page_up",
            Self::FoldOutlets => "fold_outlets",
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::NextPassage => "next_passage",
            Self::PrevPassage => "prev_passage",
            Self::Jump => "jump",
            Self::ToggleSync => "toggle_sync",
            Self::ToggleBoilerplate => "toggle_boilerplate",
            Self::ToggleRelated => "toggle_related",
            Self::NextPartner => "next_partner",
            Self::PrevPartner => "prev_partner",
            Self::ExportHtml => "export_html",
            Self::ExportMarkdown => "export_markdown",
            Self::PickPartner => "pick_partner",
            Self::SwapPanes => "swap_panes",
            Self::NextEdit => "next_edit",
            Self::PrevEdit => "prev_edit",
            Self::StartSearch => "start_search",
            Self::SearchBackspace => "search_backspace",
            Self::SearchClear => "search_clear",
            Self::SearchSubmit => "search_submit",
            Self::NextMatch => "next_match",
            Self::PrevMatch => "prev_match",
            Self::StartFilter => "start_filter",
            Self::ClearFilter => "clear_filter",
            Self::ToggleCopies => "toggle_copies",
            Self::CycleSort => "cycle_sort",
            Self::Open => "open",
            Self::Show(view) => return Some(format!("show_{}", view.config_name())),
            Self::Back => "back",
            Self::ToggleMouse => "toggle_mouse",
            Self::ScrollBy(_)
            | Self::ColumnBy(_)
            | Self::Page(_)
            | Self::SearchInput(_)
            | Self::Resize(..)
            | Self::Wheel { .. }
            | Self::Click { .. } => return None,
        };
        Some(name.to_owned())
    }
}
