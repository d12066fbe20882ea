//! Word boundaries for ASCII text, the same as Unicode's (UAX #29) on ASCII but several times
//! faster: most articles are ASCII, and splitting words is the costliest step of loading.

/// The words of an ASCII `text` with their byte offsets, as `unicode_word_indices` gives them
/// for ASCII text, keeping only words with a letter or digit.
pub fn ascii_word_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !is_word_byte(bytes[at]) {
            at += 1;
        }
        while at < bytes.len() {
            let start = at;
            at = word_end(bytes, at);
            let word = &text[start..at];
            if word.bytes().any(|b| b.is_ascii_alphanumeric()) {
                return Some((start, word));
            }
            while at < bytes.len() && !is_word_byte(bytes[at]) {
                at += 1;
            }
        }
        None
    })
}

/// Letters, digits and the underscore, which joins them (UAX #29 `ExtendNumLet`).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of the word starting at `start`: word bytes, and single punctuation between two
/// letters (`U.S`, `don't`, `a:b`) or two digits (`14,000`, `3.5`).
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    loop {
        if at < bytes.len() && is_word_byte(bytes[at]) {
            at += 1;
            continue;
        }
        if at + 1 < bytes.len() {
            let (before, mid, after) = (bytes[at - 1], bytes[at], bytes[at + 1]);
            let letters = before.is_ascii_alphabetic()
                && after.is_ascii_alphabetic()
                && matches!(mid, b':' | b'.' | b'\'');
            let digits = before.is_ascii_digit()
                && after.is_ascii_digit()
                && matches!(mid, b',' | b';' | b'.' | b'\'');
            if letters || digits {
                at += 2;
                continue;
            }
        }
        return at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn unicode(text: &str) -> Vec<(usize, &str)> {
        text.unicode_word_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .collect()
    }

    #[test]
    fn splits_like_unicode_on_news_text() {
        let text = "U.S. officials said 14,000 troops (3.5%) can't stay; a:b x_y __ 69-year-old.";
        assert_eq!(ascii_word_indices(text).collect::<Vec<_>>(), unicode(text));
    }

    proptest! {
        #[test]
        fn agrees_with_unicode_word_boundaries(text in "[a-cA-C0-2_ .,;:'\"\n\t()-]{0,60}") {
            prop_assert_eq!(ascii_word_indices(&text).collect::<Vec<_>>(), unicode(&text));
        }
    }
}
