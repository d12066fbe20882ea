//! The aligner on two arbitrary texts (split at the first 0xFF byte): passages in bounds, on
//! char boundaries, never linking a document to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehash::corpus::{Corpus, Source};
use rehash::reuse::{Options, find_reuse};

fuzz_target!(|data: &[u8]| {
    let at = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(at);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let b = b.get(1..).unwrap_or_default();
    let corpus = Corpus::from_sources(vec![Source::new("a", text(a)), Source::new("b", text(b))]);
    let options = Options {
        min_words: 3,
        ngram: 2,
        ..Options::default()
    };
    let report = find_reuse(&corpus, &options);
    for p in &report.passages {
        assert_ne!(p.a.doc, p.b.doc);
        for side in [p.a, p.b] {
            let doc = &corpus.documents[side.doc];
            assert!(side.span.byte_end <= doc.text.len());
            assert!(doc.text.is_char_boundary(side.span.byte_start));
            assert!(doc.text.is_char_boundary(side.span.byte_end));
        }
    }
});
