//! Word tokens and paragraphs with offsets into the original text.

use std::hash::Hasher;
use std::sync::OnceLock;

use rustc_hash::{FxHashSet, FxHasher};
use unicode_segmentation::UnicodeSegmentation;

use super::ascii_words::ascii_word_indices;
use super::normalize::{lowers_only, push_normalized};
use super::span::{CharMap, Span};

/// A word of a text: where it is (char offsets), and the hash of its matching form. Kept to 12
/// bytes, as a corpus holds millions: the start is a 32-bit offset (texts are read whole, so
/// none is 4 GiB), and one 64-bit key, held as two halves so that it needs no 8-byte
/// alignment, packs the top 47 bits of the hash, the word's length in chars (16 bits: a
/// longer run of letters is cut into several tokens) and, in its lowest bit, whether the word
/// is a function word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    key: [u32; 2],
}

/// Bits of a token's key below the hash: the length, then the function-word bit.
const LEN_SHIFT: u32 = 1;
/// The longest word a token holds, in chars.
const MAX_LEN: usize = (1 << 16) - 1;
/// The bits of a key that hold the hash.
const HASH_BITS: u64 = !((1 << 17) - 1);

impl Token {
    fn new(start: usize, end: usize, hash: u64, stop: bool) -> Self {
        let len = (end - start).min(MAX_LEN) as u64;
        let key = (hash & HASH_BITS) | (len << LEN_SHIFT) | u64::from(stop);
        Self {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            key: [key.to_le_bytes(), (key >> 32).to_le_bytes()]
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        }
    }

    fn key(&self) -> u64 {
        u64::from(self.key[0]) | (u64::from(self.key[1]) << 32)
    }

    /// First char of the word.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last char of the word.
    pub fn end(&self) -> usize {
        self.start() + ((self.key() >> LEN_SHIFT) as usize & MAX_LEN)
    }

    /// Hash of the word's normalised form ([`super::normalize_word`]), with the function-word
    /// bit: equal words, equal hashes.
    pub fn hash(&self) -> u64 {
        self.key() & (HASH_BITS | 1)
    }

    /// Whether the word is an English function word (`the`, `of`, …).
    pub fn is_stop(&self) -> bool {
        self.key[0] & 1 == 1
    }
}

/// The words of `text`, in order (Unicode word boundaries; pure punctuation is skipped).
pub fn tokenize(text: &str, map: &CharMap) -> Vec<Token> {
    let mut tokens = if text.is_ascii() {
        // Its words have no backtick (neither part of a word nor a joiner between letters),
        // so normalising one only lowers its case.
        tokens_of(ascii_word_indices(text), map, text.len(), hash_lowered)
    } else {
        let words = text
            .unicode_word_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric));
        let mut norm = String::new();
        let hash = |word: &str| {
            hash_ascii_word(word).unwrap_or_else(|| {
                norm.clear();
                push_normalized(word, &mut norm);
                hash_word(&norm)
            })
        };
        tokens_of(words, map, text.len(), hash)
    };
    tokens.shrink_to_fit();
    tokens
}

/// The tokens of `words`, each hashed by `hash` from its text.
fn tokens_of<'t>(
    words: impl Iterator<Item = (usize, &'t str)>,
    map: &CharMap,
    text_bytes: usize,
    mut hash: impl FnMut(&str) -> u64,
) -> Vec<Token> {
    let stops = stop_hashes();
    // Room for the words of typical prose at once, rather than growing by doubling.
    let mut tokens = Vec::with_capacity(text_bytes / BYTES_PER_WORD);
    for (at, word) in words {
        let hash = hash(word);
        let stop = stops.contains(&hash);
        let span = map.span_of_bytes(at, at + word.len());
        // A run of letters longer than a token holds (a pasted blob) is cut into several.
        let mut start = span.start;
        while start < span.end {
            let end = span.end.min(start + MAX_LEN);
            tokens.push(Token::new(start, end, hash, stop));
            start = end;
        }
    }
    tokens
}

/// Bytes a word of prose takes on average with its space and punctuation, rounded down.
const BYTES_PER_WORD: usize = 5;

/// One hash for a run of words, from their hashes, order-sensitive.
pub fn hash_tokens(tokens: &[Token]) -> u64 {
    tokens.iter().fold(0xcbf2_9ce4_8422_2325, |h, t| {
        (h.rotate_left(5) ^ t.hash()).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The hash that [`Token::hash`] holds for a normalised word.
pub fn hash_word(normalized: &str) -> u64 {
    hash_bytes(normalized.as_bytes())
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// [`hash_word`] of an ASCII word in lower case.
fn hash_lowered(word: &str) -> u64 {
    let mut lowered = [0u8; 32];
    match lowered.get_mut(..word.len()) {
        Some(lowered) => {
            for (low, byte) in lowered.iter_mut().zip(word.bytes()) {
                *low = byte.to_ascii_lowercase();
            }
            hash_bytes(lowered)
        }
        None => hash_word(&word.to_ascii_lowercase()),
    }
}

/// [`hash_word`] of the normalised form of a word that normalising only lowers in case
/// ([`lowers_only`]), `None` for any other word.
fn hash_ascii_word(word: &str) -> Option<u64> {
    lowers_only(word).then(|| hash_lowered(word))
}

/// The paragraphs of `text`, trimmed. In articles saved from the web a single line break ends
/// a paragraph, so every non-blank line is one. Hard-wrapped text (most lines end mid-sentence)
/// is read the other way: blank lines separate paragraphs.
pub fn paragraphs(text: &str, map: &CharMap) -> Vec<Span> {
    let lines = lines(text);
    let wrapped = is_hard_wrapped(text, &lines);
    let mut out: Vec<Span> = Vec::new();
    let mut previous_end: Option<usize> = None;
    for (start, end) in lines {
        let joins =
            wrapped && previous_end.is_some_and(|e| text[e..start].matches('\n').count() <= 1);
        match out.last_mut() {
            Some(last) if joins => *last = last.union(&map.span_of_bytes(start, end)),
            _ => out.push(map.span_of_bytes(start, end)),
        }
        previous_end = Some(end);
    }
    out
}

/// Byte ranges of the non-blank lines, trimmed.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            out.push((line_start + lead, line_start + lead + body.len()));
        }
        line_start += line.len();
    }
    out
}

/// Whether the text is hard-wrapped: several lines, few of them ending a sentence.
fn is_hard_wrapped(text: &str, lines: &[(usize, usize)]) -> bool {
    const MIN_LINES: usize = 4;
    if lines.len() < MIN_LINES {
        return false;
    }
    let ending = lines
        .iter()
        .filter(|&&(s, e)| text[s..e].ends_with(['.', '!', '?', ':', '"', '\'', '”', '’', ')']))
        .count();
    ending * 10 < lines.len() * 3
}

/// English function words, sorted (for binary search).
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from",
    "had", "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it",
    "it's", "its", "just", "me", "more", "most", "my", "new", "no", "not", "now", "of", "on",
    "one", "only", "or", "other", "our", "out", "over", "own", "said", "same", "say", "says",
    "she", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "under", "up", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "your",
];

/// The hashes of the function words, for a lookup that costs one probe per token.
fn stop_hashes() -> &'static FxHashSet<u64> {
    static HASHES: OnceLock<FxHashSet<u64>> = OnceLock::new();
    HASHES.get_or_init(|| STOPWORDS.iter().map(|w| hash_word(w)).collect())
}

/// Whether a normalised word is an English function word, left out of distinctive-word scores.
pub fn is_stopword(normalized: &str) -> bool {
    STOPWORDS.binary_search(&normalized).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_words_hash_as_their_normalised_form() {
        for word in [
            "Putin",
            "NATO's",
            "U.S",
            "14,000",
            "x",
            "abcdefghijklmnopqrstuvwxyzABCDEF",
        ] {
            let normalized = crate::text::normalize_word(word);
            assert_eq!(
                hash_ascii_word(word),
                Some(hash_word(&normalized)),
                "{word}"
            );
        }
        let long = "abcdefghijklmnopqrstuvwxyzABCDEFG";
        for word in ["Putin", "NATO's", "U.S", "14,000", long] {
            let normalized = crate::text::normalize_word(word);
            assert_eq!(hash_lowered(word), hash_word(&normalized), "{word}");
        }
        assert_eq!(hash_ascii_word(long), Some(hash_word(&long.to_lowercase())));
        assert_eq!(hash_ascii_word("Kyiv’s"), None);
        assert_eq!(hash_ascii_word("a`b"), None);
    }

    #[test]
    fn tokens_carry_char_offsets_into_the_original() {
        let text = "Kiev’s coup — 69-year-old Putin.";
        let map = CharMap::new(text);
        let words: Vec<String> = tokenize(text, &map)
            .iter()
            .map(|t| {
                text.chars()
                    .skip(t.start())
                    .take(t.end() - t.start())
                    .collect()
            })
            .collect();
        assert_eq!(words, ["Kiev’s", "coup", "69", "year", "old", "Putin"]);
        let token = tokenize(text, &map)[1];
        assert_eq!((token.start(), token.end()), (7, 11));
    }

    #[test]
    fn a_token_is_twelve_bytes_and_a_run_longer_than_one_holds_is_cut() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let blob = "é".repeat(MAX_LEN * 2 + 10);
        let text = format!("The {blob} of tests");
        let map = CharMap::new(&text);
        let tokens = tokenize(&text, &map);
        let spans: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start(), t.end())).collect();
        let blob_end = 4 + MAX_LEN * 2 + 10;
        assert_eq!(
            spans,
            [
                (0, 3),
                (4, 4 + MAX_LEN),
                (4 + MAX_LEN, 4 + 2 * MAX_LEN),
                (4 + 2 * MAX_LEN, blob_end),
                (blob_end + 1, blob_end + 3),
                (blob_end + 4, blob_end + 9),
            ]
        );
        assert!(tokens[0].is_stop() && tokens[4].is_stop() && !tokens[5].is_stop());
        assert_eq!(
            tokens[1].hash(),
            tokens[3].hash(),
            "the pieces of one run hash alike"
        );
        assert_ne!(tokens[0].hash(), tokens[5].hash());
    }

    #[test]
    fn equal_words_in_other_dress_hash_alike() {
        let text = "Don’t DON'T don't";
        let map = CharMap::new(text);
        let tokens = tokenize(text, &map);
        assert!(tokens.iter().all(|t| t.hash() == tokens[0].hash()));
    }

    #[test]
    fn the_stopword_list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && is_stopword("you") && !is_stopword("putin"));
    }

    fn paragraph_texts(text: &str) -> Vec<&str> {
        let map = CharMap::new(text);
        paragraphs(text, &map)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn a_line_break_ends_a_paragraph_and_blank_lines_are_skipped() {
        let text = "Title\r\n\r\n  First para.\nSecond para. \n";
        let paras = paragraph_texts(text);
        assert_eq!(paras, ["Title", "First para.", "Second para."]);
    }

    #[test]
    fn hard_wrapped_text_joins_lines_until_a_blank_line() {
        let text = "one two\nthree four\nfive six\nseven\n\neight nine\nten\neleven\ntwelve\n";
        let paras = paragraph_texts(text);
        assert_eq!(
            paras,
            [
                "one two\nthree four\nfive six\nseven",
                "eight nine\nten\neleven\ntwelve"
            ]
        );
    }
}
