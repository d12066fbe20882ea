//! Sentence boundaries that know English abbreviations (`Feb. 22`, `U.S.`, `Gen.`, `Asst. Sec.`).

use super::span::{CharMap, Span};

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "gov", "sen", "rep", "asst", "sec", "dept", "pres", "rev", "hon", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd",
    "vs", "fig", "mt", "ft", "approx", "vol", "eds", "al", "cf",
];

/// Appends the sentences of the paragraph `para` of `text` to `out`, trimmed, in order.
pub fn push_sentences(text: &str, para: Span, map: &CharMap, out: &mut Vec<Span>) {
    let body = para.slice(text);
    let mut start = 0;
    for end in boundaries(body) {
        push_trimmed(body, start, end, para.byte_start, map, out);
        start = end;
    }
    push_trimmed(body, start, body.len(), para.byte_start, map, out);
}

fn push_trimmed(
    body: &str,
    start: usize,
    end: usize,
    base: usize,
    map: &CharMap,
    out: &mut Vec<Span>,
) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let at = base + start + lead;
        out.push(map.span_of_bytes(at, at + trimmed.len()));
    }
}

/// Byte offsets (into `body`) just past each sentence end that is not the last.
fn boundaries(body: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    for at in memchr::memchr3_iter(b'.', b'!', b'?', body.as_bytes()) {
        if at < from {
            continue;
        }
        let stop = &body[at..=at];
        // The stop is one byte; closing quotes and brackets that follow belong to it.
        let closers: usize = body[at + 1..]
            .chars()
            .take_while(|&c| is_closer(c))
            .map(char::len_utf8)
            .sum();
        let end = at + 1 + closers;
        if opens_sentence(&body[end..]) && !(stop == "." && is_abbreviation(&body[..at])) {
            out.push(end);
        }
        from = end;
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»')
}

/// Whether the text after a stop begins a new sentence: whitespace, then a capital or an
/// opening quote or bracket.
fn opens_sentence(rest: &str) -> bool {
    let mut it = rest.chars();
    if !it.next().is_some_and(char::is_whitespace) {
        return false;
    }
    it.find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '(' | '['))
}

/// Whether the word just before a full stop is an abbreviation (`Feb`, `U.S`, an initial).
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '—'))
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if word.contains('.') {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let map = CharMap::new(text);
        let para = map.span(0, map.len_chars());
        let mut sentences = Vec::new();
        push_sentences(text, para, &map, &mut sentences);
        sentences.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "The coup came Feb. 22, 2014 in Kiev. U.S. officials and Gen. Smith met Dec. 7. \
                    Asst. Sec. Victoria Nuland spoke. “Fine,” he said.";
        assert_eq!(
            split(text),
            [
                "The coup came Feb. 22, 2014 in Kiev.",
                "U.S. officials and Gen. Smith met Dec. 7.",
                "Asst. Sec. Victoria Nuland spoke.",
                "“Fine,” he said."
            ]
        );
    }

    #[test]
    fn quotes_after_a_stop_stay_with_their_sentence() {
        assert_eq!(
            split("He said “no.” Then left! Why? Because."),
            ["He said “no.”", "Then left!", "Why?", "Because."]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            split("John F. Kennedy spoke. Done."),
            ["John F. Kennedy spoke.", "Done."]
        );
    }
}
