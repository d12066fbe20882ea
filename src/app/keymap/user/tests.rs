use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::*;
use crate::app::Action;
use crate::app::keymap::Mode;

#[derive(Deserialize)]
struct File {
    keys: UserKeys,
}

fn keymap(text: &str) -> Result<Keymap, Vec<String>> {
    let file: File = toml::from_str(text).expect("valid TOML");
    Keymap::with_user(&file.keys, text)
}

fn press(keys: &Keymap, view: View, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    let mode = Mode {
        view,
        help: false,
        typing: false,
    };
    keys.action_for(&Event::Key(KeyEvent::new(code, modifiers)), mode)
}

#[test]
fn user_bindings_replace_the_keys_of_their_action_in_their_view() {
    let keys = keymap("[keys.compare]\nnext_passage = [\"n\", \"ctrl-j\"]\n").expect("fine");
    let ctrl_j = press(
        &keys,
        View::Compare,
        KeyCode::Char('j'),
        KeyModifiers::CONTROL,
    );
    assert_eq!(ctrl_j, Some(Action::NextPassage));
    let n = press(&keys, View::Compare, KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(n, Some(Action::NextPassage));
    // Help and hints read the same tables.
    assert!(
        keys.help(View::Compare)
            .contains(&("n ^J".to_owned(), "next shared passage"))
    );
    assert_eq!(
        keys.hint(View::Compare, &[Action::NextPassage], "next"),
        "n next"
    );
    // Other views keep their keys.
    assert_eq!(
        keys.bindings(View::Library),
        Keymap::default().bindings(View::Library)
    );
}

#[test]
fn a_global_binding_applies_in_every_view() {
    let keys = keymap("[keys.global]\nquit = [\"Q\"]\n").expect("fine");
    assert_eq!(
        keymap("[keys.global]\nquit = \"Q\"\n"),
        Ok(keys.clone()),
        "one name alone"
    );
    let errors = keymap("[keys.global]\nquit = 5\n").unwrap_err();
    assert!(
        errors[0].starts_with("line 2: expected a key name"),
        "{errors:?}"
    );
    for view in View::ALL {
        let q = press(&keys, view, KeyCode::Char('q'), KeyModifiers::NONE);
        assert_ne!(q, Some(Action::Quit), "{view:?}");
        let shift_q = press(&keys, view, KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(shift_q, Some(Action::Quit), "{view:?}");
    }
}

#[test]
fn conflicts_unknown_names_and_ctrl_c_are_errors_with_their_line() {
    let text = "mouse = true\n[keys.compare]\nnext_passage = [\"x\"]\n";
    let errors = keymap(text).unwrap_err();
    assert_eq!(
        errors,
        ["line 3: `x` is bound to both next_passage and swap_panes in the compare view"]
    );
    let text = "[keys.compare]\nnext_pasage = [\"n\"]\njump = [\"hyper-j\"]\n[keys.timeline]\nquit = [\"q\"]\n[keys.global]\nquit = [\"ctrl-c\"]\n";
    let errors = keymap(text).unwrap_err();
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(
        errors[0].starts_with("line 3: unknown key `hyper-j` in [keys.compare]"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("line 2: unknown action `next_pasage` (here: "),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("line 7: ctrl-c always quits"),
        "{}",
        errors[2]
    );
    assert!(
        errors[3].starts_with("line 4: unknown view `[keys.timeline]`"),
        "{}",
        errors[3]
    );
}

#[test]
fn a_global_key_clashing_in_several_views_is_one_message_in_the_configs_names() {
    let errors = keymap("[keys.global]\nquit = [\"j\"]\n").unwrap_err();
    assert_eq!(
        errors,
        [
            "line 2: `j` is bound to both scroll_down and quit in the library, compare, passages, heat and find views"
        ]
    );
    let errors = keymap("[keys.comapre]\nnext_passage = [\"n\"]\n").unwrap_err();
    assert!(errors[0].starts_with("line 1: unknown view"), "{errors:?}");
}

#[test]
fn a_common_key_taken_by_a_view_binding_is_a_conflict() {
    let errors = keymap("[keys.library]\nopen = [\"q\"]\n").unwrap_err();
    assert_eq!(
        errors,
        ["line 2: `q` is bound to both open and quit in the library view"]
    );
}

#[test]
fn the_default_tables_printed_as_config_read_back_to_the_defaults() {
    let text = Keymap::default().config_text();
    assert_eq!(keymap(&text), Ok(Keymap::default()));
}
