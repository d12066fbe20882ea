//! The config reader (TOML, key bindings, colours) on arbitrary text: an error or a config,
//! never a panic; a config's key tables have no key twice in a view.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(config) = rehash::config::Config::parse(text) {
        let _ = config.keymap.markdown();
    }
});
