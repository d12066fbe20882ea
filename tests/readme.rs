//! The README's key tables are the reader's own key tables: the test fails when they differ,
//! and `UPDATE_README=1 cargo test --test readme` rewrites them.
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

const START: &str = "<!-- keys: from the key tables, see tests/readme.rs -->\n";
const END: &str = "<!-- /keys -->";

#[test]
fn the_readme_key_tables_are_the_readers() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(START).expect("the README marks its key tables") + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("the end of the key tables");
    let tables = rehash::app::keymap::Keymap::default().markdown();
    if readme[start..end] == tables {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{tables}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        readme[start..end],
        tables,
        "the README's keys differ from the key tables: UPDATE_README=1 cargo test --test readme"
    );
}
