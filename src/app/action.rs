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
