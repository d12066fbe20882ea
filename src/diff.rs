//! Word-level differences inside an aligned pair of passages, computed with `similar`.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp as SimilarOp, capture_diff_slices};

use crate::corpus::Document;
use crate::text::{Span, Token};

/// How a run of words differs between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The same words on both sides.
    Equal,
    /// Different words on both sides (a substitution).
    Changed,
    /// Words only on side b.
    Inserted,
    /// Words only on side a.
    Deleted,
}

/// One run of a word diff. An inserted run has an empty `a` span at the place of insertion; a
/// deleted run an empty `b` span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    /// What happened to the run.
    pub change: Change,
    /// The run on side a.
    pub a: Span,
    /// The run on side b.
    pub b: Span,
    /// Number of words on side a.
    pub a_words: usize,
    /// Number of words on side b.
    pub b_words: usize,
}

/// The word diff of span `sa` of document `a` against span `sb` of document `b`, on normalised
/// words (case, quotes and dashes do not count as differences). Deterministic: no time limit,
/// as the spans are aligned passages or sections of them, whose words largely agree.
pub fn word_diff(a: &Document, sa: Span, b: &Document, sb: Span) -> Vec<DiffOp> {
    let (ra, rb) = (a.token_range(sa), b.token_range(sb));
    let ha: Vec<u64> = a.tokens()[ra.clone()].iter().map(Token::hash).collect();
    let hb: Vec<u64> = b.tokens()[rb.clone()].iter().map(Token::hash).collect();
    capture_diff_slices(Algorithm::Myers, &ha, &hb)
        .iter()
        .map(|op| {
            let (change, (ai, al), (bi, bl)) = runs(op);
            DiffOp {
                change,
                a: run_span(a, ra.start + ai, al, sa),
                b: run_span(b, rb.start + bi, bl, sb),
                a_words: al,
                b_words: bl,
            }
        })
        .collect()
}

/// The word diff of span `sa` of document `a` against span `sb` of `b`, from the pairs of
/// words known to be equal (token indices of `a` and `b`, rising on both sides), as an
/// aligner other than rehash's (passim) gives them: the words between two equal ones are
/// changed, deleted or inserted.
pub fn from_matches(
    a: &Document,
    sa: Span,
    b: &Document,
    sb: Span,
    matches: &[(usize, usize)],
) -> Vec<DiffOp> {
    let (ra, rb) = (a.token_range(sa), b.token_range(sb));
    let mut ops = Vec::new();
    let (mut i, mut j) = (ra.start, rb.start);
    let mut push = |change: Change, (ai, al): (usize, usize), (bi, bl): (usize, usize)| {
        ops.push(DiffOp {
            change,
            a: run_span(a, ai, al, sa),
            b: run_span(b, bi, bl, sb),
            a_words: al,
            b_words: bl,
        });
    };
    let ends = std::iter::once((ra.end, rb.end));
    for (x, y) in matches.iter().copied().chain(ends) {
        let (gap_a, gap_b) = (x.saturating_sub(i), y.saturating_sub(j));
        let change = match (gap_a, gap_b) {
            (0, 0) => None,
            (_, 0) => Some(Change::Deleted),
            (0, _) => Some(Change::Inserted),
            _ => Some(Change::Changed),
        };
        if let Some(change) = change {
            push(change, (i, gap_a), (j, gap_b));
        }
        if x < ra.end && y < rb.end {
            push(Change::Equal, (x, 1), (y, 1));
        }
        (i, j) = (x + 1, y + 1);
    }
    // Runs of single equal words, joined.
    let mut joined: Vec<DiffOp> = Vec::with_capacity(ops.len());
    for op in ops {
        match joined.last_mut() {
            Some(last) if last.change == Change::Equal && op.change == Change::Equal => {
                last.a = last.a.union(&op.a);
                last.b = last.b.union(&op.b);
                last.a_words += op.a_words;
                last.b_words += op.b_words;
            }
            _ => joined.push(op),
        }
    }
    joined
}

/// What a `similar` op did, and its (first word, word count) on each side.
fn runs(op: &SimilarOp) -> (Change, (usize, usize), (usize, usize)) {
    match *op {
        SimilarOp::Equal {
            old_index,
            new_index,
            len,
        } => (Change::Equal, (old_index, len), (new_index, len)),
        SimilarOp::Delete {
            old_index,
            old_len,
            new_index,
        } => (Change::Deleted, (old_index, old_len), (new_index, 0)),
        SimilarOp::Insert {
            old_index,
            new_index,
            new_len,
        } => (Change::Inserted, (old_index, 0), (new_index, new_len)),
        SimilarOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => (Change::Changed, (old_index, old_len), (new_index, new_len)),
    }
}

/// The span of `len` words from word `first`; an empty span where they would start when
/// `len` is 0 (the end of `passage` past its last word).
fn run_span(doc: &Document, first: usize, len: usize, passage: Span) -> Span {
    if len == 0 {
        let at = doc
            .tokens()
            .get(first)
            .map_or(passage.end, Token::start)
            .min(passage.end);
        doc.map().span(at, at)
    } else {
        doc.token_span(first..first + len)
    }
}

/// Share of the words of both sides that are equal, in 0..=1.
pub fn similarity(ops: &[DiffOp]) -> f64 {
    let (mut equal, mut total) = (0usize, 0usize);
    for op in ops {
        total += op.a_words + op.b_words;
        if op.change == Change::Equal {
            equal += op.a_words + op.b_words;
        }
    }
    if total == 0 { 0.0 } else { ratio(equal, total) }
}

/// `part / whole` as a float, for counts.
#[allow(clippy::cast_precision_loss)]
pub fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn doc(text: &str) -> Document {
        Document::new(Source::new(text, text))
    }

    #[test]
    fn marks_changed_inserted_and_deleted_words() {
        let a = doc("the pro-Western coup toppled Viktor Yanukovych in Kiev");
        let b = doc("the pro-Westren coup toppled Viktor Yanukovich in old Kiev");
        let ops = word_diff(
            &a,
            a.map().span(0, a.chars()),
            &b,
            b.map().span(0, b.chars()),
        );
        let changed: Vec<(&str, &str)> = ops
            .iter()
            .filter(|o| o.change != Change::Equal)
            .map(|o| (a.slice(o.a), b.slice(o.b)))
            .collect();
        assert_eq!(
            changed,
            [
                ("Western", "Westren"),
                ("Yanukovych", "Yanukovich"),
                ("", "old")
            ]
        );
        assert_eq!(ops.last().unwrap().change, Change::Equal);
        let sim = similarity(&ops);
        assert!(sim > 0.7 && sim < 1.0, "{sim}");
    }
}
