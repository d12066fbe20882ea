//! Keys and mouse events to actions, per view. Pure and table-driven: each view owns its key
//! table, and the help overlay and the status-line hints are read off the same tables.

use std::fmt::Write as _;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind};

use super::Action;
use super::view::View;

/// What decides how input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mode {
    /// The view shown.
    pub view: View,
    /// Whether the help overlay is open.
    pub help: bool,
    /// Whether a prompt takes the keys.
    pub typing: bool,
}

/// One line of a key table: the keys, the action and what it does.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that trigger it.
    pub keys: &'static [KeyCode],
    /// Whether they are pressed with Ctrl.
    pub ctrl: bool,
    /// What they do.
    pub action: Action,
    /// The help text.
    pub help: &'static str,
}

impl Binding {
    /// How the help shows the keys: their names, one after the other.
    pub fn label(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(|&k| key_name(k, self.ctrl)).collect();
        names.join(" ")
    }
}

/// A binding of `keys` to `action`, described by `help`.
pub const fn bind(keys: &'static [KeyCode], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        ctrl: false,
        action,
        help,
    }
}

/// A binding of `keys` pressed with Ctrl.
pub const fn ctrl(keys: &'static [KeyCode], action: Action, help: &'static str) -> Binding {
    Binding {
        ctrl: true,
        ..bind(keys, action, help)
    }
}

/// The key of char `c`.
pub const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

use KeyCode::{Backspace, Down, End, Enter, Esc, Home, PageDown, PageUp, Up};

/// The name of a key as help and hints show it.
pub fn key_name(code: KeyCode, ctrl: bool) -> String {
    let name = match code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        Down => "↓".to_owned(),
        Up => "↑".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        PageDown => "PgDn".to_owned(),
        PageUp => "PgUp".to_owned(),
        KeyCode::BackTab => "S-Tab".to_owned(),
        KeyCode::Backspace => "Bksp".to_owned(),
        other => other.to_string(),
    };
    if ctrl {
        format!("^{}", name.to_uppercase())
    } else {
        name
    }
}

/// Keys of every view.
pub const COMMON: &[Binding] = &[
    bind(&[ch('q')], Action::Quit, "quit"),
    bind(&[ch('?')], Action::ToggleHelp, "this help"),
    bind(
        &[Esc, Backspace],
        Action::Back,
        "back to where you came from",
    ),
    bind(
        &[ch('1')],
        Action::Show(View::Library),
        "library of all articles",
    ),
    bind(
        &[ch('2')],
        Action::Show(View::Compare),
        "compare two articles",
    ),
    bind(
        &[ch('3')],
        Action::Show(View::Passages),
        "passages: every cluster of reused text",
    ),
    bind(
        &[ch('4')],
        Action::Show(View::Heat),
        "heat map: what the articles have in common",
    ),
    bind(
        &[ch('m')],
        Action::ToggleMouse,
        "mouse capture on/off (off: copy and paste)",
    ),
];

/// The key tables that apply in `view`, its own first.
pub fn bindings(view: View) -> [&'static [Binding]; 2] {
    [view.keys(), COMMON]
}

/// The name of the first key bound to `action` in `view`, if any.
pub fn key_for(view: View, action: Action) -> Option<String> {
    bindings(view)
        .into_iter()
        .flatten()
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first().map(|&k| key_name(k, b.ctrl)))
}

/// A status-line hint: the keys of `actions` (their first keys, joined by `/`) and `text`.
pub fn hint(view: View, actions: &[Action], text: &str) -> String {
    let keys: Vec<String> = actions.iter().filter_map(|&a| key_for(view, a)).collect();
    format!("{} {text}", keys.join("/"))
}

/// Every line of the help overlay in `view`: keys (or a symbol) and what they do.
pub fn help(view: View) -> Vec<(String, &'static str)> {
    let keys = bindings(view)
        .into_iter()
        .flatten()
        .map(|b| (b.label(), b.help));
    let notes = view.notes().iter().map(|&(s, t)| (s.to_owned(), t));
    keys.chain(notes).collect()
}

/// The key tables as Markdown, for the README: the common keys, then each view's.
pub fn markdown() -> String {
    let table = |title: &str, bindings: &[Binding]| {
        let mut out = format!("**{title}**\n\n| keys | what they do |\n|---|---|\n");
        for b in bindings {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|&k| format!("`{}`", key_name(k, b.ctrl)))
                .collect();
            let help = b.help.replace('|', "\\|");
            let _ = writeln!(out, "| {} | {help} |", keys.join(" "));
        }
        out
    };
    let mut out = table("Every view", COMMON);
    for view in View::ALL {
        let name = view.name();
        let mut title = name[..1].to_uppercase();
        title.push_str(&name[1..]);
        out.push('\n');
        out.push_str(&table(&title, view.keys()));
    }
    out
}

/// Keys of the help overlay: scroll it, close it (`q` too, as in less).
fn help_key(code: KeyCode) -> Option<Action> {
    match code {
        Esc | KeyCode::Char('?' | 'q') => Some(Action::CloseOverlay),
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
            KeyCode::Char('u') if ctrl => Some(Action::SearchClear),
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    if mode.help {
        return if ctrl { None } else { help_key(key.code) };
    }
    bindings(mode.view)
        .iter()
        .flat_map(|table| table.iter())
        .find(|b| b.ctrl == ctrl && b.keys.contains(&key.code))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyCode::Tab;
    use crossterm::event::{KeyEventKind, KeyEventState, MouseEvent};

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    const COMPARE_MODE: Mode = Mode {
        view: View::Compare,
        help: false,
        typing: false,
    };
    const LIBRARY_MODE: Mode = Mode {
        view: View::Library,
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
            (ch('1'), Some(Action::Show(View::Library))),
            (ch('2'), Some(Action::Show(View::Compare))),
            (ch('3'), Some(Action::Show(View::Passages))),
            (ch('4'), Some(Action::Show(View::Heat))),
            (ch('m'), Some(Action::ToggleMouse)),
            (ch('x'), Some(Action::SwapPanes)),
            (ch('p'), Some(Action::PickPartner)),
            (ch('}'), Some(Action::NextEdit)),
            (ch('{'), Some(Action::PrevEdit)),
            (ch('z'), None),
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
        assert_eq!(action_for(&key(ch('q')), help), Some(Action::CloseOverlay));
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

    #[test]
    fn hints_and_labels_come_from_the_tables() {
        let select = [Action::ScrollBy(1), Action::ScrollBy(-1)];
        assert_eq!(hint(View::Library, &select, "select"), "j/k select");
        assert_eq!(hint(View::Compare, &[Action::NextMatch], "next"), "^N next");
        assert_eq!(COMMON[2].label(), "Esc Bksp");
        assert_eq!(key_for(View::Library, Action::SwitchFocus), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_a_view() {
        for view in View::ALL {
            let mut seen = Vec::new();
            for b in bindings(view).into_iter().flatten() {
                for &k in b.keys {
                    assert!(!seen.contains(&(k, b.ctrl)), "{view:?}: {k:?} twice");
                    seen.push((k, b.ctrl));
                }
            }
        }
    }

    #[test]
    fn every_help_line_fits_the_overlay_of_the_narrowest_screen() {
        // The overlay is 60 columns on a 60-column screen: borders, a 12-column key field.
        for view in View::ALL {
            for (keys, text) in help(view) {
                assert!(keys.chars().count() <= 11, "{view:?}: keys {keys}");
                assert!(text.chars().count() <= 46, "{view:?}: “{text}” is too long");
            }
        }
    }
}
