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

/// The matching form of a word: NFKC, case-folded, typographic variants folded.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_normalized(word, &mut out);
    out
}

/// Appends the matching form of `word` to `out` (see [`normalize_word`]).
pub fn push_normalized(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| fold_char(c.to_ascii_lowercase())));
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
        c if c.is_control() => Some("\u{FFFD}"),
        _ => None,
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
    }

    #[test]
    fn escapes_and_controls_are_never_shown() {
        assert_eq!(display_safe('\u{1b}'), Some("\u{FFFD}"));
        assert_eq!(display_safe('\u{9b}'), Some("\u{FFFD}"));
        assert_eq!(display_safe('\t'), Some("    "));
        assert_eq!(display_safe('é'), None);
    }
}
