//! The core (text, corpus, reuse, diff) never touches the terminal: it must not name ratatui or
//! crossterm, so the engine can serve `scan` and any other front end.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_does_not_depend_on_the_terminal() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![
        src.join("text.rs"),
        src.join("corpus.rs"),
        src.join("reuse.rs"),
        src.join("diff.rs"),
    ];
    for dir in ["text", "corpus", "reuse"] {
        rust_files(&src.join(dir), &mut files);
    }
    assert!(files.len() > 10, "found only {files:?}");
    for file in files {
        let code = std::fs::read_to_string(&file).expect("a readable source file");
        for name in ["ratatui", "crossterm"] {
            assert!(!code.contains(name), "{} mentions {name}", file.display());
        }
    }
}
