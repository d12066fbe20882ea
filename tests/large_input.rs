//! Big inputs load: a 50 MB article and a 1 MB article on a single line.
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

use std::fmt::Write as _;
use std::fs;

use rehash::corpus::load_paths;

fn words(n: usize) -> String {
    let mut text = String::with_capacity(n * 7);
    for i in 0..n {
        let _ = write!(text, "w{} ", i % 9973);
        if i % 17 == 16 {
            text.push_str("end. ");
        }
    }
    text
}

#[test]
fn a_one_megabyte_single_line_article_loads() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("line.txt");
    fs::write(&path, words(170_000)).unwrap();
    let loaded = load_paths(&[path]).unwrap();
    let doc = &loaded.corpus.documents[0];
    assert!(doc.text.len() > 1_000_000);
    assert_eq!(doc.paragraphs().len(), 1);
    assert_eq!(doc.words(), 170_000 + 170_000 / 17);
}

#[test]
fn a_fifty_megabyte_article_loads() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("big.txt");
    let paragraph = format!("{}done.\n", words(200));
    let text = paragraph.repeat(50_000_000 / paragraph.len() + 1);
    fs::write(&path, &text).unwrap();
    let loaded = load_paths(&[path]).unwrap();
    let doc = &loaded.corpus.documents[0];
    assert!(doc.text.len() >= 50_000_000);
    assert_eq!(doc.paragraphs().len(), text.lines().count());
    assert_eq!(doc.text, text);
}
