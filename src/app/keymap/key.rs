//! One key as the bindings name it: a key code, with Ctrl or without, and its names in the
//! config (`ctrl-j`, `pagedown`) and in the help (`^J`, `PgDn`).

use crossterm::event::KeyCode;

/// A key and whether Ctrl is held with it (Shift is in the char: `N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Whether Ctrl is held.
    pub ctrl: bool,
}

/// Named keys, as the config writes them, first name first.
const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("shift-tab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

impl Key {
    /// A key without Ctrl.
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    /// Reads a key name of the config: one char (`n`, `N`, `]`), a named key (`enter`,
    /// `pagedown`, `f5`), either after `ctrl-`.
    pub fn parse(name: &str) -> Result<Key, String> {
        let unknown = || format!("unknown key `{name}`");
        let (ctrl, rest) = match name
            .strip_prefix("ctrl-")
            .or_else(|| name.strip_prefix("C-"))
        {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, name),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            // Terminals send Ctrl with a letter as the small letter: `ctrl-J` is `ctrl-j`.
            (Some(c), None) if !c.is_control() && ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => {
                let lower = rest.to_lowercase();
                let function = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n));
                match (NAMED.iter().find(|(n, _)| *n == lower), function) {
                    (Some(&(_, code)), _) => code,
                    (None, Some(n)) => KeyCode::F(n),
                    (None, None) => return Err(unknown()),
                }
            }
        };
        Ok(Key { code, ctrl })
    }

    /// The key's name in the config, which [`Key::parse`] reads back.
    pub fn config_name(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => NAMED.iter().find(|(_, c)| *c == code).map_or_else(
                || format!("{code:?}").to_lowercase(),
                |(n, _)| (*n).to_owned(),
            ),
        };
        if self.ctrl {
            format!("ctrl-{name}")
        } else {
            name
        }
    }

    /// The key's name as help and hints show it (`^J`, `PgDn`, `↓`).
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::BackTab => "S-Tab".to_owned(),
            KeyCode::Backspace => "Bksp".to_owned(),
            other => other.to_string(),
        };
        if self.ctrl {
            format!("^{}", name.to_uppercase())
        } else {
            name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_print_back() {
        for name in [
            "n",
            "N",
            "]",
            "space",
            "enter",
            "esc",
            "tab",
            "backtab",
            "pagedown",
            "pageup",
            "up",
            "down",
            "home",
            "end",
            "backspace",
            "f5",
            "ctrl-j",
            "ctrl-n",
            "delete",
        ] {
            let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(Key::parse(&key.config_name()), Ok(key), "{name}");
        }
        assert_eq!(
            Key::parse("ctrl-j"),
            Ok(Key {
                code: KeyCode::Char('j'),
                ctrl: true
            })
        );
        assert_eq!(Key::parse("PgDn"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("ctrl-J"), Key::parse("ctrl-j"));
        assert_eq!(Key::parse("-"), Ok(Key::plain(KeyCode::Char('-'))));
    }

    #[test]
    fn unknown_names_are_errors_that_quote_them() {
        for name in ["", "ctrl-", "hyper-x", "f13", "pagedwn", "\u{1b}"] {
            let err = Key::parse(name).unwrap_err();
            assert!(err.contains("unknown key"), "{name}: {err}");
        }
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(Key::parse("ctrl-n").map(Key::label), Ok("^N".to_owned()));
        assert_eq!(
            Key::parse("pagedown").map(Key::label),
            Ok("PgDn".to_owned())
        );
        assert_eq!(Key::parse("space").map(Key::label), Ok("Space".to_owned()));
    }
}
