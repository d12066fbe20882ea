//! Normalisation used for matching only: display and offsets always use the original text.

use unicode_normalization::UnicodeNormalization;

/// Maps typographic variants of a char to the plain form used for matching: curly quotes and
/// apostrophes to straight ones, the dash family to `-`.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// The form of a char that search compares, one char for one so that offsets stay exact:
/// lower case, without its accent (é is e), curly quotes and the dash family folded to their
/// plain forms.
pub fn search_fold(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    if c.is_ascii() {
        return fold_char(c.to_ascii_lowercase());
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = if lower.is_ascii() {
        lower
    } else {
        std::iter::once(lower).nfd().next().unwrap_or(lower)
    };
    fold_char(base)
}

/// Whether normalising `word` only lowers its case: it is ASCII without a backtick (the one
/// ASCII char [`fold_char`] changes).
pub fn lowers_only(word: &str) -> bool {
    word.is_ascii() && !word.contains('`')
}

/// The matching form of a word: NFKC, case-folded, typographic variants folded.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_normalized(word, &mut out);
    out
}

/// Appends the matching form of `word` to `out` (see [`normalize_word`]).
pub fn push_normalized(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        if word.contains('`') {
            // The only ASCII char `fold_char` changes.
            let folded = out[start..].replace('`', "'");
            out.truncate(start);
            out.push_str(&folded);
        }
        return;
    }
    for c in word.nfkc() {
        out.extend(c.to_lowercase().map(fold_char));
    }
}

/// What the terminal may show for a char of an article: `None` for a char that is shown as it
/// is, otherwise its safe replacement (tabs become spaces; control and escape chars become `�`).
pub fn display_safe(c: char) -> Option<&'static str> {
    match c {
        '\t' => Some("    "),
        '\u{FEFF}' | '\u{200B}' => Some(""),
        c if c.is_control() || is_bidi_control(c) => Some("\u{FFFD}"),
        _ => None,
    }
}

/// Bidirectional embedding, override and isolate controls, which can reorder what follows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` on one line, safe for a terminal: every run of whitespace becomes one space and every
/// control, escape or bidi char becomes `�` (see [`display_safe`]). For names and messages.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if let Some(safe) = display_safe(c) {
            out.push_str(safe);
        } else {
            out.push(c);
        }
    }
    out
}

/// `n` and the noun, plural when `n` is not 1 ("1 passage", "2 passages").
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_dashes_and_compatibility_forms() {
        assert_eq!(normalize_word("Doesn’t"), "doesn't");
        assert_eq!(normalize_word("pro–Western"), "pro-western");
        assert_eq!(normalize_word("ﬁnance"), "finance");
        assert_eq!(normalize_word("ÉCOLE"), "école");
        assert_eq!(normalize_word("Don`t"), "don't");
    }

    #[test]
    fn escapes_and_controls_are_never_shown() {
        assert_eq!(display_safe('\u{1b}'), Some("\u{FFFD}"));
        assert_eq!(display_safe('\u{9b}'), Some("\u{FFFD}"));
        assert_eq!(display_safe('\t'), Some("    "));
        assert_eq!(display_safe('é'), None);
        assert_eq!(display_safe('\u{202E}'), Some("\u{FFFD}"));
        assert_eq!(display_safe('\u{200F}'), Some("\u{FFFD}"));
    }

    #[test]
    fn printable_text_is_one_safe_line() {
        assert_eq!(
            printable("a\u{1b}]0;x\u{7}\n\tb"),
            "a\u{FFFD}]0;x\u{FFFD} b"
        );
    }
}
