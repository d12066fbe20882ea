//! Keys and mouse events to actions, per view. Pure and table-driven: each view declares its
//! default key table, the user's config rebinds actions over them ([`Keymap::with_user`]),
//! and the help overlay, the status-line hints and the README are read off the tables in force.

pub mod key;
mod user;

pub use key::Key;
pub use user::UserKeys;

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

/// One line of a view's default key table: the keys, the action and what it does.
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

/// A binding in force: its keys, the action and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    /// The keys that trigger it.
    pub keys: Vec<Key>,
    /// What they do.
    pub action: Action,
    /// The help text.
    pub help: &'static str,
}

impl Bound {
    fn of(binding: &Binding) -> Self {
        Self {
            keys: binding
                .keys
                .iter()
                .map(|&code| Key {
                    code,
                    ctrl: binding.ctrl,
                })
                .collect(),
            action: binding.action,
            help: binding.help,
        }
    }

    /// How the help shows the keys: their names, one after the other.
    pub fn label(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(|k| k.label()).collect();
        names.join(" ")
    }
}

/// The key tables in force: the common one and each view's, the defaults merged with the
/// user's bindings (see [`Keymap::with_user`]). Help, hints and the README read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    common: Vec<Bound>,
    /// Each view's own table, in the order of [`View::ALL`].
    views: Vec<Vec<Bound>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            common: COMMON.iter().map(Bound::of).collect(),
            views: View::ALL
                .iter()
                .map(|v| v.keys().iter().map(Bound::of).collect())
                .collect(),
        }
    }
}

impl Keymap {
    /// The view's own table.
    fn own(&self, view: View) -> &[Bound] {
        let at = View::ALL.iter().position(|&v| v == view).unwrap_or(0);
        self.views.get(at).map_or(&[], Vec::as_slice)
    }

    /// The key tables that apply in `view`, its own first.
    pub fn bindings(&self, view: View) -> [&[Bound]; 2] {
        [self.own(view), &self.common]
    }

    /// The common table.
    pub fn common(&self) -> &[Bound] {
        &self.common
    }

    /// The name of the first key bound to `action` in `view`, if any.
    pub fn key_for(&self, view: View, action: Action) -> Option<String> {
        self.bindings(view)
            .into_iter()
            .flatten()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first().map(|k| k.label()))
    }

    /// A status-line hint: the keys of `actions` (their first keys, joined by `/`) and `text`.
    pub fn hint(&self, view: View, actions: &[Action], text: &str) -> String {
        let keys: Vec<String> = actions
            .iter()
            .filter_map(|&a| self.key_for(view, a))
            .collect();
        format!("{} {text}", keys.join("/"))
    }

    /// Every line of the help overlay in `view`: keys (or a symbol) and what they do.
    pub fn help(&self, view: View) -> Vec<(String, &'static str)> {
        let keys = self
            .bindings(view)
            .into_iter()
            .flatten()
            .map(|b| (b.label(), b.help));
        let notes = view.notes().iter().map(|&(s, t)| (s.to_owned(), t));
        keys.chain(notes).collect()
    }

    /// The key tables as Markdown, for the README: the common keys, then each view's.
    pub fn markdown(&self) -> String {
        let table = |title: &str, bindings: &[Bound]| {
            let mut out = format!("**{title}**\n\n| keys | what they do |\n|---|---|\n");
            for b in bindings {
                let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
                let help = b.help.replace('|', "\\|");
                let _ = writeln!(out, "| {} | {help} |", keys.join(" "));
            }
            out
        };
        let mut out = table("Every view", &self.common);
        for view in View::ALL {
            let name = view.name();
            let mut title = name[..1].to_uppercase();
            title.push_str(&name[1..]);
            out.push('\n');
            out.push_str(&table(&title, self.own(view)));
        }
        out
    }

    /// The `[keys.…]` tables of a config that binds every key as this keymap does, each
    /// binding commented with what it does.
    pub fn config_text(&self) -> String {
        let mut out = String::new();
        let tables = std::iter::once((GLOBAL, &self.common[..]))
            .chain(View::ALL.iter().map(|&v| (v.config_name(), self.own(v))));
        for (name, bindings) in tables {
            let _ = writeln!(out, "[keys.{name}]");
            for b in bindings {
                let Some(action) = b.action.config_name() else {
                    continue;
                };
                let keys: Vec<String> = b
                    .keys
                    .iter()
                    .map(|k| format!("{:?}", k.config_name()))
                    .collect();
                let _ = writeln!(out, "# {}\n{action} = [{}]", b.help, keys.join(", "));
            }
            out.push('\n');
        }
        out
    }

    /// The action an input event asks for in `mode`, if any. Only key presses count.
    pub fn action_for(&self, event: &Event, mode: Mode) -> Option<Action> {
        match event {
            Event::Key(key) if key.is_press() => self.key_action(key, mode),
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

    fn key_action(&self, key: &KeyEvent, mode: Mode) -> Option<Action> {
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
        let pressed = Key {
            code: key.code,
            ctrl,
        };
        self.bindings(mode.view)
            .iter()
            .flat_map(|table| table.iter())
            .find(|b| b.keys.contains(&pressed))
            .map(|b| b.action)
    }
}

/// The name of the common table in the config: `[keys.global]`.
pub const GLOBAL: &str = "global";

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
            assert_eq!(
                Keymap::default().action_for(&key(code), COMPARE_MODE),
                expected,
                "{code:?}"
            );
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
            assert_eq!(
                Keymap::default().action_for(&key(code), LIBRARY_MODE),
                expected,
                "{code:?}"
            );
        }
    }

    #[test]
    fn overlays_take_keys_first() {
        let help = Mode {
            help: true,
            ..COMPARE_MODE
        };
        assert_eq!(
            Keymap::default().action_for(&key(Esc), help),
            Some(Action::CloseOverlay)
        );
        assert_eq!(
            Keymap::default().action_for(&key(ch('q')), help),
            Some(Action::CloseOverlay)
        );
        assert_eq!(Keymap::default().action_for(&key(ch('n')), help), None);
        let typing = Mode {
            typing: true,
            ..COMPARE_MODE
        };
        assert_eq!(
            Keymap::default().action_for(&key(ch('q')), typing),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            Keymap::default().action_for(&key(Enter), typing),
            Some(Action::SearchSubmit)
        );
        assert_eq!(
            Keymap::default().action_for(&key(Backspace), typing),
            Some(Action::SearchBackspace)
        );
        assert_eq!(
            Keymap::default().action_for(&key(Esc), typing),
            Some(Action::CloseOverlay)
        );
    }

    #[test]
    fn releases_are_ignored_and_ctrl_c_quits() {
        let release = KeyEvent {
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
            ..KeyEvent::new(ch('q'), KeyModifiers::NONE)
        };
        assert_eq!(
            Keymap::default().action_for(&Event::Key(release), COMPARE_MODE),
            None
        );
        let ctrl_c = Event::Key(KeyEvent::new(ch('c'), KeyModifiers::CONTROL));
        assert_eq!(
            Keymap::default().action_for(&ctrl_c, COMPARE_MODE),
            Some(Action::Quit)
        );
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
            Keymap::default().action_for(&mouse(MouseEventKind::ScrollDown), COMPARE_MODE),
            Some(Action::Wheel {
                column: 3,
                row: 4,
                down: true
            })
        );
        assert_eq!(
            Keymap::default().action_for(
                &mouse(MouseEventKind::Down(MouseButton::Left)),
                COMPARE_MODE
            ),
            Some(Action::Click { column: 3, row: 4 })
        );
        assert_eq!(
            Keymap::default().action_for(&mouse(MouseEventKind::Moved), COMPARE_MODE),
            None
        );
        assert_eq!(
            Keymap::default().action_for(&Event::Resize(100, 30), COMPARE_MODE),
            Some(Action::Resize(100, 30))
        );
    }

    #[test]
    fn hints_and_labels_come_from_the_tables() {
        let select = [Action::ScrollBy(1), Action::ScrollBy(-1)];
        assert_eq!(
            Keymap::default().hint(View::Library, &select, "select"),
            "j/k select"
        );
        assert_eq!(
            Keymap::default().hint(View::Compare, &[Action::NextMatch], "next"),
            "^N next"
        );
        assert_eq!(Keymap::default().common()[2].label(), "Esc Bksp");
        assert_eq!(
            Keymap::default().key_for(View::Library, Action::SwitchFocus),
            None
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_view() {
        let keymap = Keymap::default();
        for view in View::ALL {
            let mut seen = Vec::new();
            for b in keymap.bindings(view).into_iter().flatten() {
                for &k in &b.keys {
                    assert!(!seen.contains(&k), "{view:?}: {k:?} twice");
                    seen.push(k);
                }
            }
        }
    }

    #[test]
    fn every_bound_action_has_a_config_name() {
        let keymap = Keymap::default();
        for view in View::ALL {
            for b in keymap.bindings(view).into_iter().flatten() {
                assert!(b.action.config_name().is_some(), "{view:?}: {:?}", b.action);
            }
        }
    }

    #[test]
    fn every_help_line_fits_the_overlay_of_the_narrowest_screen() {
        // The overlay is 60 columns on a 60-column screen: borders, a 12-column key field.
        for view in View::ALL {
            for (keys, text) in Keymap::default().help(view) {
                assert!(keys.chars().count() <= 11, "{view:?}: keys {keys}");
                assert!(text.chars().count() <= 46, "{view:?}: “{text}” is too long");
            }
        }
    }
}
