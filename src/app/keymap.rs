//! Keys and mouse events to actions, per mode. Pure and table-driven: the help overlay lists
//! the same tables.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind};

use super::{Action, Screen};

/// What decides how input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mode {
    /// The screen shown.
    pub screen: Screen,
    /// Whether the help overlay is open.
    pub help: bool,
    /// Whether the search prompt takes the keys.
    pub typing: bool,
}

/// One line of a key table: the keys, how help names them, the action and what it does.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that trigger it.
    pub keys: &'static [KeyCode],
    /// Whether they are pressed with Ctrl.
    pub ctrl: bool,
    /// How the help overlay shows the keys.
    pub label: &'static str,
    /// What they do.
    pub action: Action,
    /// The help text.
    pub help: &'static str,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        ctrl: false,
        label,
        action,
        help,
    }
}

const fn ctrl(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        ctrl: true,
        ..bind(keys, label, action, help)
    }
}

use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};

const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

/// Keys of every screen.
const COMMON: &[Binding] = &[
    bind(
        &[ch('q')],
        "q",
        Action::Quit,
        "quit (Esc closes overlays first)",
    ),
    bind(&[ch('?')], "?", Action::ToggleHelp, "this help"),
    bind(
        &[ch('1')],
        "1",
        Action::ShowLibrary,
        "library of all articles",
    ),
    bind(&[ch('2')], "2", Action::ShowCompare, "compare two articles"),
    bind(
        &[ch('m')],
        "m",
        Action::ToggleMouse,
        "mouse capture on/off (off: copy and paste)",
    ),
];

/// Keys of the compare screen.
pub const COMPARE: &[Binding] = &[
    bind(
        &[Tab, BackTab],
        "Tab",
        Action::SwitchFocus,
        "switch focused pane",
    ),
    bind(&[ch('j'), Down], "j ↓", Action::ScrollBy(1), "scroll down"),
    bind(&[ch('k'), Up], "k ↑", Action::ScrollBy(-1), "scroll up"),
    bind(
        &[PageDown, ch(' ')],
        "PgDn Space",
        Action::Page(1),
        "page down",
    ),
    bind(&[PageUp], "PgUp", Action::Page(-1), "page up"),
    bind(&[ch('g'), Home], "g Home", Action::Top, "top"),
    bind(&[ch('G'), End], "G End", Action::Bottom, "bottom"),
    bind(&[ch('n')], "n", Action::NextPassage, "next shared passage"),
    bind(
        &[ch('N')],
        "N",
        Action::PrevPassage,
        "previous shared passage",
    ),
    bind(
        &[Enter],
        "Enter",
        Action::Jump,
        "level the counterpart in the other pane",
    ),
    bind(
        &[ch('s')],
        "s",
        Action::ToggleSync,
        "synchronised scrolling on/off",
    ),
    bind(
        &[ch('b')],
        "b",
        Action::ToggleBoilerplate,
        "boilerplate dimmed/unmarked",
    ),
    bind(
        &[ch('r')],
        "r",
        Action::ToggleRelated,
        "same-story (related) links shown/hidden",
    ),
    bind(
        &[ch(']')],
        "]",
        Action::NextPartner,
        "next partner article on the right",
    ),
    bind(
        &[ch('[')],
        "[",
        Action::PrevPartner,
        "previous partner article on the right",
    ),
    bind(
        &[ch('/')],
        "/",
        Action::StartSearch,
        "search the focused article (Enter runs it)",
    ),
    ctrl(
        &[ch('n')],
        "^N",
        Action::NextMatch,
        "next match of the last search",
    ),
    ctrl(
        &[ch('p')],
        "^P",
        Action::PrevMatch,
        "previous match of the last search",
    ),
];

/// Keys of the library screen.
pub const LIBRARY: &[Binding] = &[
    bind(&[ch('j'), Down], "j ↓", Action::ScrollBy(1), "next article"),
    bind(
        &[ch('k'), Up],
        "k ↑",
        Action::ScrollBy(-1),
        "previous article",
    ),
    bind(&[PageDown], "PgDn", Action::Page(1), "page down"),
    bind(&[PageUp], "PgUp", Action::Page(-1), "page up"),
    bind(&[ch('g'), Home], "g Home", Action::Top, "first article"),
    bind(&[ch('G'), End], "G End", Action::Bottom, "last article"),
    bind(&[ch('s')], "s", Action::CycleSort, "cycle the sort key"),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "compare with its strongest partner",
    ),
];

/// The key tables that apply on `screen`, screen-specific first.
pub fn bindings(screen: Screen) -> [&'static [Binding]; 2] {
    match screen {
        Screen::Library => [LIBRARY, COMMON],
        Screen::Compare => [COMPARE, COMMON],
    }
}

/// Lines of the help overlay after the key tables, per screen: what the mouse and the marks
/// do. Texts stay within 44 columns, what the overlay has for them on a 60-column screen.
const COMPARE_NOTES: &[(&str, &str)] = &[
    ("mouse", "wheel scrolls, click a passage to jump"),
    ("3v ┃", "left edge: passage number, the same on"),
    ("", "both sides, and kind: v verbatim, n near,"),
    ("", "r rewritten; ┃ selected, ▌ rewritten"),
    ("▌ ▐", "right edge: the passages in the whole"),
    ("", "article (▌, █ without colour), the screen ▐"),
    ("colour", "which passage it is, not how similar"),
];

const LIBRARY_NOTES: &[(&str, &str)] = &[("mouse", "wheel moves, click selects")];

/// Every line of the help overlay on `screen`: keys (or a symbol) and what they do.
pub fn help(screen: Screen) -> Vec<(&'static str, &'static str)> {
    let notes = match screen {
        Screen::Library => LIBRARY_NOTES,
        Screen::Compare => COMPARE_NOTES,
    };
    let keys = bindings(screen)
        .into_iter()
        .flatten()
        .map(|b| (b.label, b.help));
    keys.chain(notes.iter().copied()).collect()
}

/// Keys of the help overlay: scroll it, close it, quit.
fn help_key(code: KeyCode) -> Option<Action> {
    match code {
        Esc | KeyCode::Char('?') => Some(Action::CloseOverlay),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('j') | Down => Some(Action::ScrollBy(1)),
        KeyCode::Char('k') | Up => Some(Action::ScrollBy(-1)),
        PageDown | KeyCode::Char(' ') => Some(Action::Page(1)),
        PageUp => Some(Action::Page(-1)),
        KeyCode::Char('g') | Home => Some(Action::Top),
        KeyCode::Char('G') | End => Some(Action::Bottom),
        _ => None,
    }
}

/// The action an input event asks for in `mode`, if any. Only key presses count.
pub fn action_for(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.is_press() => key_action(key, mode),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

fn key_action(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if mode.typing {
        return match key.code {
            Esc => Some(Action::CloseOverlay),
            Enter => Some(Action::SearchSubmit),
            Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    if mode.help {
        return if ctrl { None } else { help_key(key.code) };
    }
    bindings(mode.screen)
        .iter()
        .flat_map(|table| table.iter())
        .find(|b| b.ctrl == ctrl && b.keys.contains(&key.code))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState, MouseEvent};

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    const COMPARE_MODE: Mode = Mode {
        screen: Screen::Compare,
        help: false,
        typing: false,
    };
    const LIBRARY_MODE: Mode = Mode {
        screen: Screen::Library,
        help: false,
        typing: false,
    };

    #[test]
    fn compare_keys() {
        let table = [
            (ch('q'), Some(Action::Quit)),
            (ch('?'), Some(Action::ToggleHelp)),
            (Tab, Some(Action::SwitchFocus)),
            (ch('j'), Some(Action::ScrollBy(1))),
            (Down, Some(Action::ScrollBy(1))),
            (ch('k'), Some(Action::ScrollBy(-1))),
            (Up, Some(Action::ScrollBy(-1))),
            (PageDown, Some(Action::Page(1))),
            (PageUp, Some(Action::Page(-1))),
            (ch('g'), Some(Action::Top)),
            (ch('G'), Some(Action::Bottom)),
            (ch('n'), Some(Action::NextPassage)),
            (ch('N'), Some(Action::PrevPassage)),
            (Enter, Some(Action::Jump)),
            (ch('s'), Some(Action::ToggleSync)),
            (ch(']'), Some(Action::NextPartner)),
            (ch('['), Some(Action::PrevPartner)),
            (ch('/'), Some(Action::StartSearch)),
            (ch('1'), Some(Action::ShowLibrary)),
            (ch('2'), Some(Action::ShowCompare)),
            (ch('m'), Some(Action::ToggleMouse)),
            (ch('x'), None),
        ];
        for (code, expected) in table {
            assert_eq!(action_for(&key(code), COMPARE_MODE), expected, "{code:?}");
        }
    }

    #[test]
    fn library_keys() {
        let table = [
            (ch('s'), Some(Action::CycleSort)),
            (Enter, Some(Action::Open)),
            (ch('j'), Some(Action::ScrollBy(1))),
            (ch('q'), Some(Action::Quit)),
            (Tab, None),
        ];
        for (code, expected) in table {
            assert_eq!(action_for(&key(code), LIBRARY_MODE), expected, "{code:?}");
        }
    }

    #[test]
    fn overlays_take_keys_first() {
        let help = Mode {
            help: true,
            ..COMPARE_MODE
        };
        assert_eq!(action_for(&key(Esc), help), Some(Action::CloseOverlay));
        assert_eq!(action_for(&key(ch('q')), help), Some(Action::Quit));
        assert_eq!(action_for(&key(ch('n')), help), None);
        let typing = Mode {
            typing: true,
            ..COMPARE_MODE
        };
        assert_eq!(
            action_for(&key(ch('q')), typing),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(action_for(&key(Enter), typing), Some(Action::SearchSubmit));
        assert_eq!(
            action_for(&key(Backspace), typing),
            Some(Action::SearchBackspace)
        );
        assert_eq!(action_for(&key(Esc), typing), Some(Action::CloseOverlay));
    }

    #[test]
    fn releases_are_ignored_and_ctrl_c_quits() {
        let release = KeyEvent {
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
            ..KeyEvent::new(ch('q'), KeyModifiers::NONE)
        };
        assert_eq!(action_for(&Event::Key(release), COMPARE_MODE), None);
        let ctrl_c = Event::Key(KeyEvent::new(ch('c'), KeyModifiers::CONTROL));
        assert_eq!(action_for(&ctrl_c, COMPARE_MODE), Some(Action::Quit));
    }

    #[test]
    fn mouse_and_resize() {
        let mouse = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 3,
                row: 4,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            action_for(&mouse(MouseEventKind::ScrollDown), COMPARE_MODE),
            Some(Action::Wheel {
                column: 3,
                row: 4,
                down: true
            })
        );
        assert_eq!(
            action_for(
                &mouse(MouseEventKind::Down(MouseButton::Left)),
                COMPARE_MODE
            ),
            Some(Action::Click { column: 3, row: 4 })
        );
        assert_eq!(
            action_for(&mouse(MouseEventKind::Moved), COMPARE_MODE),
            None
        );
        assert_eq!(
            action_for(&Event::Resize(100, 30), COMPARE_MODE),
            Some(Action::Resize(100, 30))
        );
    }
}
