//! The passim reader on an arbitrary `part-00000` file (gzip or JSON lines) against a small
//! corpus: its records read or counted out, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehash::corpus::{Corpus, Source};

fuzz_target!(|data: &[u8]| {
    let corpus = Corpus::from_sources(vec![
        Source::new("a", "One two three four five six seven eight."),
        Source::new("b", "Eight seven six five four three two one."),
    ]);
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("part-00000"), data).expect("written");
    let _ = rehash::passim::import(&corpus, dir.path());
});
