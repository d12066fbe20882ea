//! Text primitives: spans with char and byte offsets, matching normalisation, word tokens and
//! abbreviation-aware sentences. Knows nothing of documents, reuse or the terminal.

mod ascii_words;
mod normalize;
mod sentences;
mod span;
mod tokenize;
pub mod wrap;

pub use normalize::{
    count, display_safe, fold_char, lowers_only, normalize_word, printable, push_normalized,
    search_fold,
};
pub use sentences::push_sentences;
pub use span::{CharMap, Span};
pub use tokenize::{Token, hash_tokens, hash_word, is_stopword, paragraphs, tokenize};

/// The line (from 1) that byte `at` of `text` is on.
pub fn line_of(text: &str, at: usize) -> usize {
    let before = &text.as_bytes()[..at.min(text.len())];
    memchr::memchr_iter(b'\n', before).count() + 1
}
