//! Shared quotations: passages whose text lies inside quotation marks, on both sides (two
//! articles quoting one speaker) or on one (an article quoting a speech or a post that the
//! other prints whole). They share words without one copying the other.

use std::ops::Range;

use rayon::prelude::*;

use super::Passage;
use crate::corpus::{Corpus, Document};
use crate::text::Span;

/// Least share of a side's chars inside quotation marks for it to be a quote.
const QUOTED_SHARE: f64 = 0.6;

/// Flags the passages with a side that lies mostly inside quotation marks.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) {
    let mut touched = vec![false; corpus.len()];
    for p in passages.iter() {
        touched[p.a.doc] = true;
        touched[p.b.doc] = true;
    }
    let quoted: Vec<Vec<Range<usize>>> = corpus
        .documents
        .par_iter()
        .zip(touched)
        .map(|(d, touched)| if touched { quotations(d) } else { Vec::new() })
        .collect();
    passages.par_iter_mut().for_each(|p| {
        p.quote = inside(&quoted[p.a.doc], &p.a.span) || inside(&quoted[p.b.doc], &p.b.span);
    });
}

/// Whether most of `span` lies inside the quotations.
fn inside(quotations: &[Range<usize>], span: &Span) -> bool {
    // Quotations come in order and do not overlap: only those from the first ending past
    // the span's start can cover it.
    let first = quotations.partition_point(|q| q.end <= span.start);
    let covered: usize = quotations[first..]
        .iter()
        .take_while(|q| q.start < span.end)
        .map(|q| q.end.min(span.end).saturating_sub(q.start.max(span.start)))
        .sum();
    !span.is_empty() && crate::diff::ratio(covered, span.len()) >= QUOTED_SHARE
}

/// The char ranges of a document inside quotation marks: from an opening mark to its closing
/// one, within a paragraph. Curly quotes and guillemets say which way they go. A straight
/// quote opens after a space or a bracket and before a word, and closes an open quotation; any
/// other straight quote (a stray or garbled mark, common in scraped text) is passed over. A
/// quotation never closed is not counted: in text scraped without paragraph breaks, it would
/// run on to the end of the article.
pub(super) fn quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for paragraph in &doc.paragraphs {
        let text = doc.slice(*paragraph);
        // Most paragraphs hold no quotation mark at all: skip them without decoding.
        if !text.contains(['"', '“', '”', '«', '»', '„']) {
            continue;
        }
        // Where the open quotation starts, and the marks that may close it.
        let mut open: Option<(usize, &str)> = None;
        let mut before: Option<char> = None;
        let mut chars = text.chars().enumerate().peekable();
        while let Some((k, c)) = chars.next() {
            let at = paragraph.start + k;
            let after = chars.peek().map(|&(_, a)| a);
            let opens_straight = before.is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b))
                && after.is_some_and(|a| !a.is_whitespace());
            match (c, open) {
                ('“', None) => open = Some((at + 1, "”")),
                ('«', None) => open = Some((at + 1, "»")),
                ('„', None) => open = Some((at + 1, "“”")),
                ('"', None) if opens_straight => open = Some((at + 1, "\"")),
                // Quotation marks inside a quotation are its own: only its closing mark ends it.
                (_, Some((start, closers))) if closers.contains(c) => {
                    found.push(start..at);
                    open = None;
                }
                _ => {}
            }
            before = Some(c);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn quoted(text: &str) -> Vec<String> {
        let d = Document::new(Source::new("q", text));
        quotations(&d)
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    #[test]
    fn quotations_run_between_their_marks_within_a_paragraph() {
        assert_eq!(
            quoted("He said “we will rebuild” and \"soon\".\nShe said: “it is over"),
            ["we will rebuild", "soon"]
        );
        assert!(quoted("No quotes here.").is_empty());
    }

    #[test]
    fn a_quotation_inside_a_quotation_does_not_close_it() {
        assert_eq!(
            quoted("He said “they gave «a promise» to us” then left."),
            ["they gave «a promise» to us"]
        );
        assert_eq!(quoted("Sie sagte „wir kommen“ gestern."), ["wir kommen"]);
    }

    #[test]
    fn a_stray_straight_quote_opens_nothing() {
        // A garbled dash after a word, then a real quotation.
        let text = "the residents\"?freedom to travel, said \"irreparable harm\" was done.";
        assert_eq!(quoted(text), ["irreparable harm"]);
    }

    #[test]
    fn a_side_is_a_quote_when_most_of_it_is_quoted() {
        let text = "Officials said \"the wall will stand for fifty more years\" on Monday.";
        let d = Document::new(Source::new("q", text));
        let q = quotations(&d);
        let start = text.find("the wall").unwrap_or(0);
        assert!(inside(&q, &d.map.span(start, start + 40)));
        assert!(!inside(&q, &d.map.span(0, text.chars().count())));
    }
}
