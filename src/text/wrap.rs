//! Soft wrapping of a text into display rows of a given width, by grapheme and terminal cell
//! width. Pure: knows nothing of documents, reuse or the terminal.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::display_safe;

/// One display row: a run of the text that fits the width.
///
/// Rows are contiguous and cover the whole text in order: a row ends with the whitespace (and
/// the `\n`) that follow its last word, which are not drawn and do not count towards `width`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Chars of the text the row covers.
    pub chars: Range<usize>,
    /// Bytes of the text the row covers.
    pub bytes: Range<usize>,
    /// Cells the row's visible part takes on screen.
    pub width: usize,
}

/// Terminal cells a grapheme takes once made safe to show (see [`display_safe`]).
///
/// ```
/// use rehash::text::wrap::grapheme_width;
/// assert_eq!(grapheme_width("a"), 1);
/// assert_eq!(grapheme_width("漢"), 2);
/// assert_eq!(grapheme_width("\t"), 4);
/// assert_eq!(grapheme_width("\u{1b}"), 1);
/// ```
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.chars().any(|c| display_safe(c).is_some()) {
        return grapheme
            .chars()
            .map(|c| display_safe(c).map_or_else(|| char_width(c), UnicodeWidthStr::width))
            .sum();
    }
    grapheme.width()
}

/// `text` with every char the terminal must not see replaced (see [`display_safe`]); line
/// breaks are kept.
///
/// ```
/// use rehash::text::wrap::display_text;
/// assert_eq!(display_text("a\tb\u{1b}[31m"), "a    b\u{FFFD}[31m");
/// ```
pub fn display_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match display_safe(c) {
            Some(safe) if c != '\n' => out.push_str(safe),
            _ => out.push(c),
        }
    }
    out
}

/// Terminal cells a text takes once made safe to show, graphemes summed.
pub fn text_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Whether the wrapper may break a row after this grapheme (spaces and tabs).
fn is_blank(grapheme: &str) -> bool {
    grapheme.chars().all(|c| c == ' ' || c == '\t')
}

fn is_newline(grapheme: &str) -> bool {
    grapheme.contains('\n')
}

/// The row being filled.
#[derive(Default)]
struct Line {
    /// Where the row starts (chars, bytes).
    start: (usize, usize),
    /// Width up to the end of the last visible grapheme.
    width: usize,
    /// Width of the blanks after the last visible grapheme.
    blanks: usize,
    /// Where the last word starts, and the row's width before it.
    word: ((usize, usize), usize),
    /// Width of the last word so far.
    word_width: usize,
    in_word: bool,
}

impl Line {
    fn at(start: (usize, usize)) -> Self {
        Self {
            start,
            word: (start, 0),
            ..Self::default()
        }
    }
}

/// Splits `text` into rows at most `width` cells wide (at least one row, even for empty text).
///
/// Words are kept whole when they fit on a row, longer ones are cut between graphemes, and every
/// `\n` starts a new row. A single grapheme wider than `width` gets a row of its own.
pub fn wrap(text: &str, width: usize) -> Vec<Row> {
    reflow(text, width, &[])
}

/// Like [`wrap`], but a line break inside one of `joined` (byte ranges of `text`, sorted, e.g.
/// the paragraphs of a hard-wrapped article) wraps like a space instead of starting a row.
/// Line breaks outside them still start a new row; offsets stay those of the original text.
///
/// ```
/// use rehash::text::wrap::reflow;
/// let text = "one\ntwo\n\nthree";
/// let rows: Vec<&str> = reflow(text, 20, &[0..7, 9..14]).iter().map(|r| &text[r.bytes.clone()]).collect();
/// assert_eq!(rows, ["one\ntwo\n", "\n", "three"]);
/// ```
pub fn reflow(text: &str, width: usize, joined: &[Range<usize>]) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut line = Line::default();
    let mut at = (0usize, 0usize);
    let mut paragraph = 0;
    for grapheme in text.graphemes(true) {
        let next = (at.0 + grapheme.chars().count(), at.1 + grapheme.len());
        while joined.get(paragraph).is_some_and(|p| p.end <= at.1) {
            paragraph += 1;
        }
        let soft = joined.get(paragraph).is_some_and(|p| p.start < at.1);
        if is_newline(grapheme) && !soft {
            push_row(&mut rows, line.start, next, line.width);
            line = Line::at(next);
        } else if is_blank(grapheme) || is_newline(grapheme) {
            line.blanks += shown_width(grapheme);
            line.in_word = false;
        } else {
            place_visible(&mut rows, &mut line, at, grapheme_width(grapheme), width);
        }
        at = next;
    }
    if rows.is_empty() || line.start != at {
        push_row(&mut rows, line.start, at, line.width);
    }
    rows
}

/// `rows` (from [`reflow`] of `text` with `joined`) with an empty row (no chars, at the start
/// of the next paragraph) wherever a hard line break ends a paragraph and no blank line follows,
/// so that paragraphs one line apart stay apart on screen. Offsets are untouched: the empty rows
/// cover nothing.
///
/// ```
/// use rehash::text::wrap::{reflow, space_paragraphs};
/// let text = "one\ntwo\n\nthree";
/// let rows = space_paragraphs(text, reflow(text, 20, &[]), &[]);
/// let shown: Vec<&str> = rows.iter().map(|r| &text[r.bytes.clone()]).collect();
/// assert_eq!(shown, ["one\n", "", "two\n", "\n", "three"]);
/// ```
pub fn space_paragraphs(text: &str, rows: Vec<Row>, joined: &[Range<usize>]) -> Vec<Row> {
    let blank = |row: &Row| text[row.bytes.clone()].trim().is_empty();
    let mut out = Vec::with_capacity(rows.len() + rows.len() / 4);
    let mut rows = rows.into_iter().peekable();
    while let Some(row) = rows.next() {
        let hard_end = text[row.bytes.clone()].ends_with('\n')
            && !joined
                .iter()
                .any(|p| p.start < row.bytes.end - 1 && row.bytes.end - 1 < p.end);
        let gap = hard_end && !blank(&row) && rows.peek().is_some_and(|next| !blank(next));
        let end = (row.chars.end, row.bytes.end);
        out.push(row);
        if gap {
            push_row(&mut out, end, end, 0);
        }
    }
    out
}

/// Cells a grapheme takes inside a row: a line break inside a row (a reflowed one) shows as a
/// space.
pub fn shown_width(grapheme: &str) -> usize {
    if is_newline(grapheme) {
        1
    } else {
        grapheme_width(grapheme)
    }
}

/// The part of `text` (a run of a row `row_width` cells wide) that is drawn, made safe to show;
/// `cells` counts the cells used so far in the row. Trailing blanks and the row's own line
/// break are left out; a reflowed line break inside the row shows as a space.
pub fn shown(text: &str, row_width: usize, cells: &mut usize) -> String {
    let mut out = String::with_capacity(text.len());
    for grapheme in text.graphemes(true) {
        let width = shown_width(grapheme);
        if *cells + width > row_width {
            break;
        }
        *cells += width;
        if is_newline(grapheme) {
            out.push(' ');
        } else if grapheme.chars().any(|c| display_safe(c).is_some()) {
            out.push_str(&display_text(grapheme));
        } else {
            out.push_str(grapheme);
        }
    }
    out
}

/// Adds a visible grapheme of width `w` starting at `at`, ending the row first if it would not
/// fit: after the previous word if there is one, else right before the grapheme.
fn place_visible(rows: &mut Vec<Row>, line: &mut Line, at: (usize, usize), w: usize, width: usize) {
    if !line.in_word {
        line.word = (at, line.width);
        line.word_width = 0;
    }
    if line.width + line.blanks + w > width {
        let (word_at, before) = line.word;
        if word_at.0 > line.start.0 {
            push_row(rows, line.start, word_at, before);
            let word_width = line.word_width;
            *line = Line::at(word_at);
            line.width = word_width;
            line.word_width = word_width;
        }
        if line.width + line.blanks + w > width && line.width + line.blanks > 0 {
            push_row(rows, line.start, at, line.width);
            *line = Line::at(at);
        }
    }
    line.width += line.blanks + w;
    line.blanks = 0;
    line.word_width += w;
    line.in_word = true;
}

fn push_row(rows: &mut Vec<Row>, start: (usize, usize), end: (usize, usize), width: usize) {
    rows.push(Row {
        chars: start.0..end.0,
        bytes: start.1..end.1,
        width,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width)
            .into_iter()
            .map(|r| &text[r.bytes])
            .collect()
    }

    #[test]
    fn keeps_words_whole_and_hangs_spaces() {
        assert_eq!(
            texts("the quick brown fox", 10),
            ["the quick ", "brown fox"]
        );
        assert_eq!(texts("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(texts("a\n\nb", 10), ["a\n", "\n", "b"]);
        assert_eq!(texts("", 10), [""]);
    }

    #[test]
    fn measures_wide_and_combining_graphemes() {
        assert_eq!(texts("漢字漢字", 5), ["漢字", "漢字"]);
        assert_eq!(
            texts("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        let rows = wrap("👍🏽 ok", 10);
        assert_eq!(rows[0].width, 5);
    }

    #[test]
    fn line_breaks_inside_joined_paragraphs_wrap_like_spaces() {
        let text = "aa bb\ncc dd\n\nee";
        let joined = [0..11, 13..15];
        assert_eq!(
            reflow(text, 8, &joined)
                .iter()
                .map(|r| &text[r.bytes.clone()])
                .collect::<Vec<_>>(),
            ["aa bb\ncc ", "dd\n", "\n", "ee"]
        );
        let rows = reflow(text, 20, &joined);
        assert_eq!(&text[rows[0].bytes.clone()], "aa bb\ncc dd\n");
        assert_eq!(rows[0].width, 11);
        let mut cells = 0;
        assert_eq!(
            shown(&text[rows[0].bytes.clone()], rows[0].width, &mut cells),
            "aa bb cc dd"
        );
        assert_eq!(
            texts("a\nb", 10),
            ["a\n", "b"],
            "plain wrap keeps every break"
        );
    }

    #[test]
    fn paragraphs_one_line_apart_get_an_empty_row_between() {
        let text = "aa bb\ncc\n\ndd\nee";
        let joined = [0..8, 10..12, 13..15];
        let rows = space_paragraphs(text, reflow(text, 3, &joined), &joined);
        let shown: Vec<&str> = rows.iter().map(|r| &text[r.bytes.clone()]).collect();
        assert_eq!(shown, ["aa ", "bb\n", "cc\n", "\n", "dd\n", "", "ee"]);
        assert_eq!(rows[5].chars, 13..13, "the gap covers no char");
        let soft = std::slice::from_ref(&(0..5));
        let rows = space_paragraphs("ab\ncd", reflow("ab\ncd", 2, soft), soft);
        assert_eq!(rows.len(), 2, "a soft break inside a paragraph gets no gap");
    }

    fn row_width(text: &str, row: &Row) -> usize {
        text[row.bytes.clone()]
            .trim_end_matches([' ', '\t', '\n', '\r'])
            .graphemes(true)
            .map(grapheme_width)
            .sum()
    }

    proptest! {
        #[test]
        fn rows_cover_the_text_and_fit(text in "([a-z]{1,12}|[ \t\n]|漢|👍🏽|e\u{301}|\u{1b}){0,60}", width in 2usize..30) {
            let rows = wrap(&text, width);
            let joined: String = rows.iter().map(|r| &text[r.bytes.clone()]).collect();
            prop_assert_eq!(&joined, &text);
            let mut expected = 0;
            for row in &rows {
                prop_assert_eq!(row.chars.start, expected);
                expected = row.chars.end;
                prop_assert!(row.width <= width, "row {:?} wider than {}", row, width);
                prop_assert_eq!(row.width, row_width(&text, row));
                let boundaries: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
                prop_assert!(row.bytes.start == text.len() || boundaries.contains(&row.bytes.start));
            }
            prop_assert_eq!(expected, text.chars().count());
        }
    }
}
