//! The user's key bindings, as the config's `[keys.<view>]` tables give them, merged over the
//! defaults: each action named there gets the keys listed, in that view (`global`: every
//! view). A binding that names no such view or action, a key name rehash does not know, a key
//! bound to two actions of one view, and Ctrl-C (which always quits) are errors, each naming
//! its line in the file.

use std::collections::BTreeMap;

use toml::Spanned;

use super::{Bound, GLOBAL, Key, Keymap};
use crate::app::View;

/// The `[keys]` tables of a config: view, then action, then a key name or a list of them
/// (with where they are).
pub type UserKeys = BTreeMap<String, BTreeMap<String, Spanned<toml::Value>>>;

/// The key names of a binding's value: one name, or a list of names.
fn names_of(value: &toml::Value) -> Result<Vec<String>, String> {
    let name = |v: &toml::Value| v.as_str().map(str::to_owned);
    match value {
        toml::Value::String(one) => Some(vec![one.clone()]),
        toml::Value::Array(list) => list.iter().map(name).collect::<Option<Vec<_>>>(),
        _ => None,
    }
    .ok_or_else(|| "expected a key name or a list of key names".to_owned())
}

impl Keymap {
    /// The defaults with `user`'s bindings (read from the config `text`) merged over them, or
    /// every error found, each naming its line.
    pub fn with_user(user: &UserKeys, text: &str) -> Result<Keymap, Vec<String>> {
        let mut keymap = Keymap::default();
        let mut errors = Vec::new();
        // Which line set each (table, action), for the conflict messages.
        let mut lines: BTreeMap<(usize, String), usize> = BTreeMap::new();
        for (table, actions) in user {
            let Some(at) = table_index(table) else {
                // The line of the table's header, else of its first binding.
                let header = text.find(&format!("[keys.{table}]"));
                let first = actions.values().next().map(|keys| keys.span().start);
                let line = header
                    .or(first)
                    .map_or(0, |at| crate::text::line_of(text, at));
                errors.push(format!(
                    "line {line}: unknown view `[keys.{table}]` (the views: {GLOBAL}, {})",
                    view_names()
                ));
                continue;
            };
            for (action, keys) in actions {
                let line = crate::text::line_of(text, keys.span().start);
                let rebound =
                    names_of(keys.get_ref()).and_then(|names| keymap.rebind(at, action, &names));
                match rebound {
                    Ok(()) => {
                        lines.insert((at, action.clone()), line);
                    }
                    Err(e) => errors.push(format!("line {line}: {e} in [keys.{table}]")),
                }
            }
        }
        errors.extend(keymap.conflicts(&lines));
        if errors.is_empty() {
            Ok(keymap)
        } else {
            Err(errors)
        }
    }

    /// Gives `action` of table `at` (0 the common one, then each view) the keys `names`.
    fn rebind(&mut self, at: usize, action: &str, names: &[String]) -> Result<(), String> {
        let table = self.table_mut(at);
        let Some(bound) = table
            .iter_mut()
            .find(|b| b.action.config_name().as_deref() == Some(action))
        else {
            let known: Vec<String> = table
                .iter()
                .filter_map(|b| b.action.config_name())
                .collect();
            return Err(format!(
                "unknown action `{action}` (here: {})",
                known.join(", ")
            ));
        };
        let mut keys = Vec::with_capacity(names.len());
        for name in names {
            let key = Key::parse(name)?;
            if key.ctrl && key.code == crossterm::event::KeyCode::Char('c') {
                return Err("ctrl-c always quits and cannot be bound".to_owned());
            }
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        bound.keys = keys;
        Ok(())
    }

    fn table_mut(&mut self, at: usize) -> &mut Vec<Bound> {
        match at.checked_sub(1) {
            None => &mut self.common,
            Some(view) => &mut self.views[view],
        }
    }

    /// A message for each key bound to two actions in one view (one message for a clash in
    /// several views); `lines` says where the user bound each (table, action).
    fn conflicts(&self, lines: &BTreeMap<(usize, String), usize>) -> Vec<String> {
        let name = |b: &Bound| b.action.config_name().unwrap_or_default();
        // (line, key, first action, second action) → the views where they clash.
        let mut clashes: BTreeMap<(usize, String, String, String), Vec<&str>> = BTreeMap::new();
        for (v, view) in View::ALL.iter().enumerate() {
            let tables = [(v + 1, &self.views[v]), (0, &self.common)];
            let mut seen: Vec<(Key, usize, &Bound)> = Vec::new();
            for (at, table) in tables {
                for bound in table.as_slice() {
                    for &key in &bound.keys {
                        match seen.iter().find(|(k, ..)| *k == key) {
                            Some(&(_, other_at, other)) if other.action != bound.action => {
                                // Only the user's bindings make conflicts: the defaults have
                                // none (a test keeps them so).
                                let line = [(at, bound), (other_at, other)]
                                    .iter()
                                    .filter_map(|(at, b)| lines.get(&(*at, name(b))))
                                    .min()
                                    .copied();
                                if let Some(line) = line {
                                    let clash = (line, key.config_name(), name(other), name(bound));
                                    clashes.entry(clash).or_default().push(view.config_name());
                                }
                            }
                            Some(_) => {}
                            None => seen.push((key, at, bound)),
                        }
                    }
                }
            }
        }
        clashes
            .into_iter()
            .map(|((line, key, first, second), views)| {
                let (last, rest) = views.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
                let views = if rest.is_empty() {
                    format!("the {last} view")
                } else {
                    format!("the {} and {last} views", rest.join(", "))
                };
                format!("line {line}: `{key}` is bound to both {first} and {second} in {views}")
            })
            .collect()
    }
}

/// The table a `[keys.<name>]` names: 0 the common one, then each view in [`View::ALL`].
fn table_index(name: &str) -> Option<usize> {
    if name == GLOBAL {
        return Some(0);
    }
    View::ALL
        .iter()
        .position(|v| v.config_name() == name)
        .map(|i| i + 1)
}

fn view_names() -> String {
    let names: Vec<&str> = View::ALL.iter().map(|v| v.config_name()).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests;
