//! The tokenizer and the sentence splitter on arbitrary text: spans in order, in bounds and on
//! char boundaries; sentences inside paragraphs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehash::corpus::{Document, Source};

fuzz_target!(|text: &str| {
    let doc = Document::new(Source::new("t", text));
    let mut last = 0;
    for token in doc.tokens() {
        assert!(token.start() >= last && token.end() > token.start());
        last = token.end();
    }
    assert!(last <= doc.chars());
    for span in doc.paragraphs().iter().chain(doc.sentences()) {
        assert!(text.is_char_boundary(span.byte_start) && text.is_char_boundary(span.byte_end));
        assert!(span.start <= span.end && span.end <= doc.chars());
    }
    for s in doc.sentences() {
        assert!(doc.paragraphs().iter().any(|p| p.start <= s.start && s.end <= p.end));
    }
});
