//! The loader: arbitrary bytes read as a file of each kind rehash reads (text in any encoding,
//! a web page, a Word file, a PDF, JSON lines), never a panic, and every span of every document on
//! char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "a.txt", "a.md", "a.html", "a.docx", "a.pdf", "a.jsonl", "a.json", "a",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(NAMES[usize::from(pick) % NAMES.len()]);
    std::fs::write(&path, bytes).expect("written");
    let Ok(loaded) = rehash::corpus::load_paths(&[path]) else {
        return;
    };
    for doc in &loaded.corpus.documents {
        for span in doc.paragraphs().iter().chain(doc.sentences()) {
            assert!(doc.text.is_char_boundary(span.byte_start));
            assert!(doc.text.is_char_boundary(span.byte_end));
            assert!(span.byte_end <= doc.text.len());
        }
    }
});
