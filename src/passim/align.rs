//! passim's passages as rehash's: the word diff of a pairwise alignment recovered from its
//! aligned strings (`s1`, `s2`: gaps are `-`, real hyphens U+2010), or computed over the two
//! spans when the record has none.

use super::records::Pair;
use super::{KIND, ordered};
use crate::corpus::{Corpus, Document};
use crate::diff::{DiffOp, from_matches, similarity, word_diff};
use crate::reuse::{Passage, Side};
use crate::text::search_fold;

/// The passage of a pairwise record, its word diff recovered from the alignment and its score
/// the share of matching characters (passim's `matches`) of the longer side.
pub fn passage(corpus: &Corpus, pair: &Pair) -> Passage {
    let (a, b) = ordered(pair.a, pair.b);
    let swapped = a != pair.a;
    let (da, db) = (&corpus.documents[a.doc], &corpus.documents[b.doc]);
    let recovered = match (&pair.s1, &pair.s2) {
        (Some(s1), Some(s2)) if swapped => recover(db, b, s1, da, a, s2).map(|m| flip(&m)),
        (Some(s1), Some(s2)) => recover(da, a, s1, db, b, s2),
        _ => None,
    };
    let diff = recovered.map_or_else(
        || word_diff(da, a.span, db, b.span),
        |matches| from_matches(da, a.span, db, b.span, &matches),
    );
    let longest = a.span.len().max(b.span.len()).max(1);
    #[allow(clippy::cast_precision_loss)] // chars of a passage: far below 2^52
    let score = pair
        .matches
        .map_or_else(|| similarity(&diff), |m| (m / longest as f64).min(1.0));
    build(corpus, (a, b), diff, score)
}

/// A passage linking two members of a passim cluster, diffed by rehash.
pub fn linking(corpus: &Corpus, a: Side, b: Side) -> Passage {
    let (a, b) = ordered(a, b);
    let (da, db) = (&corpus.documents[a.doc], &corpus.documents[b.doc]);
    let diff = word_diff(da, a.span, db, b.span);
    let score = similarity(&diff);
    build(corpus, (a, b), diff, score)
}

fn build(corpus: &Corpus, (a, b): (Side, Side), diff: Vec<DiffOp>, score: f64) -> Passage {
    let words = |s: Side| corpus.documents[s.doc].token_range(s.span).len();
    Passage {
        diff,
        ..Passage::linking(KIND, (a, b), words(a).max(words(b)), score)
    }
}

fn flip(matches: &[(usize, usize)]) -> Vec<(usize, usize)> {
    matches.iter().map(|&(x, y)| (y, x)).collect()
}

/// The pairs of words (token indices of `da` and `db`) that the aligned strings `s1` (of side
/// `a`) and `s2` (of side `b`) show equal, letter for letter; none when the strings do not
/// spell the two spans.
pub(super) fn recover(
    da: &Document,
    a: Side,
    s1: &str,
    db: &Document,
    b: Side,
    s2: &str,
) -> Option<Vec<(usize, usize)>> {
    let (s1, s2): (Vec<char>, Vec<char>) = (s1.chars().collect(), s2.chars().collect());
    if s1.len() != s2.len() {
        return None;
    }
    let gap = |c: char| c == '-';
    let spelled = |s: &[char], span_len: usize| s.iter().filter(|&&c| !gap(c)).count() == span_len;
    if !spelled(&s1, a.span.len()) || !spelled(&s2, b.span.len()) {
        return None;
    }
    // For each char of side a (from its start), the char of side b it is aligned with, and
    // whether the two are the same letter.
    let mut to_b: Vec<Option<(usize, bool)>> = vec![None; a.span.len()];
    let (mut ia, mut ib) = (0, 0);
    for (&c1, &c2) in s1.iter().zip(&s2) {
        match (gap(c1), gap(c2)) {
            (false, false) => {
                let same = |c: char| search_fold(if c == '\u{2010}' { '-' } else { c });
                to_b[ia] = Some((ib, same(c1) == same(c2)));
                ia += 1;
                ib += 1;
            }
            (true, false) => ib += 1,
            (false, true) => ia += 1,
            (true, true) => {}
        }
    }
    let b_words: std::collections::HashMap<(usize, usize), usize> = db
        .token_range(b.span)
        .map(|t| {
            (
                (
                    db.tokens()[t].start() - b.span.start,
                    db.tokens()[t].end() - b.span.start,
                ),
                t,
            )
        })
        .collect();
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for t in da.token_range(a.span) {
        let (start, end) = (
            da.tokens()[t].start() - a.span.start,
            da.tokens()[t].end() - a.span.start,
        );
        let Some(Some((first, true))) = to_b.get(start).copied() else {
            continue;
        };
        let whole = (start..end)
            .enumerate()
            .all(|(k, at)| to_b.get(at).copied().flatten() == Some((first + k, true)));
        let partner = b_words.get(&(first, first + (end - start)));
        let rising = |u: usize| matches.last().is_none_or(|&(_, last)| u > last);
        if let (true, Some(&u)) = (whole, partner)
            && rising(u)
        {
            matches.push((t, u));
        }
    }
    Some(matches)
}
