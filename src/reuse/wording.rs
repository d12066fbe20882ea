//! Evidence that wording was reused, not only facts: word pairs two spans both have, two words
//! in a row. Independent reports of one event share names, numbers and topic words; a text
//! derived from another also keeps runs of its ordinary words ("were rerouted to", "is
//! expected to import").

use std::ops::Range;

use crate::corpus::Document;
use crate::text::Span;

/// Share (0..=1) of the word pairs of the shorter of two token ranges that the other range has
/// too, out of all its pairs. A pair of two function words ("of the") or of two names or
/// numbers ("Donald Trump", "March 10") is no evidence: it is never counted as shared. Words
/// inside the spans of `linked` (already aligned between the two: one span per side, `a`'s
/// first) are explained by those passages and left out on both sides, so a verbatim
/// paragraph two long texts have in common does not make the rest of them a rewrite.
pub(super) fn shared_pairs(
    (da, ra): (&Document, Range<usize>),
    (db, rb): (&Document, Range<usize>),
    linked: &[(Span, Span)],
) -> f64 {
    let outside = |doc: &Document, tokens: Range<usize>, first: bool| -> Vec<usize> {
        tokens
            .filter(|&i| {
                let at = doc.tokens()[i].start();
                !linked.iter().any(|(x, y)| {
                    let span = if first { x } else { y };
                    span.start <= at && at < span.end
                })
            })
            .collect()
    };
    let (fa, fb) = (outside(da, ra, true), outside(db, rb, false));
    let (short, long) = if fa.len() <= fb.len() {
        ((da, fa), (db, fb))
    } else {
        ((db, fb), (da, fa))
    };
    let words = short.1.len();
    let theirs = distinct(pairs(long.0, &long.1));
    let mine = distinct(pairs(short.0, &short.1));
    let found = common_count(&theirs, &mine);
    crate::diff::ratio(found, words.saturating_sub(1).max(1))
}

/// The distinct items of `items`, sorted (for a paragraph's word pairs, cheaper than a set).
fn distinct<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut items: Vec<T> = items.collect();
    items.sort_unstable();
    items.dedup();
    items
}

/// How many items two sorted lists of distinct items have in common.
fn common_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    let mut count = 0;
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                count += 1;
                a.next();
                b.next();
            }
        }
    }
    count
}

/// The word pairs among `tokens` (token indices, rising) that can be evidence, as pairs of
/// word hashes: two tokens next to each other in the text, the pair neither two function words
/// nor two names.
fn pairs<'d>(doc: &'d Document, tokens: &'d [usize]) -> impl Iterator<Item = (u64, u64)> + 'd {
    let name = |i: usize| {
        doc.word(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    tokens.windows(2).filter_map(move |w| {
        let (i, j) = (w[0], w[1]);
        if j != i + 1 {
            return None;
        }
        let (x, y) = (doc.tokens()[i], doc.tokens()[j]);
        let function_words = x.is_stop() && y.is_stop();
        let names = name(i) && name(j);
        (!function_words && !names).then(|| (x.hash(), y.hash()))
    })
}

/// The length, in words, of the longest run of words two token ranges have in common, in the
/// same order (words compared as the engine compares them: case, quotes and dashes folded).
pub(super) fn longest_run(
    da: &Document,
    ra: Range<usize>,
    db: &Document,
    rb: Range<usize>,
) -> usize {
    let b: Vec<u64> = rb.map(|i| db.tokens()[i].hash()).collect();
    // `previous[j + 1]`: the run of equal words ending at the last word of `a` and word j of `b`.
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = previous.clone();
    let mut best = 0;
    for i in ra {
        let word = da.tokens()[i].hash();
        for (j, theirs) in b.iter().enumerate() {
            current[j + 1] = if *theirs == word { previous[j] + 1 } else { 0 };
            best = best.max(current[j + 1]);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

/// Share (0..=1) of shared words that come in the same order on both sides: the longest run of
/// them, by position on one side, whose positions on the other side rise. `shared` holds each
/// shared word's token index on either side, in any order.
pub(super) fn in_order(shared: &[(u32, u32, u32)]) -> f64 {
    let mut by_first: Vec<(u32, u32)> = shared.iter().map(|&(_, x, y)| (x, y)).collect();
    by_first.sort_unstable();
    // Patience sorting: `tails[k]` is the smallest last position of a rising run of k + 1.
    let mut tails: Vec<u32> = Vec::new();
    for (_, y) in by_first {
        let at = tails.partition_point(|&t| t < y);
        if at == tails.len() {
            tails.push(y);
        } else {
            tails[at] = y;
        }
    }
    crate::diff::ratio(tails.len(), shared.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    #[test]
    fn pairs_in_common_are_counted_once() {
        let a = distinct([(1, 2), (3, 4), (1, 2), (5, 6)].into_iter());
        let b = distinct([(5, 6), (1, 2), (7, 8), (5, 6)].into_iter());
        assert_eq!(a, [(1, 2), (3, 4), (5, 6)]);
        assert_eq!(common_count(&a, &b), 2);
        assert_eq!(common_count(&a, &[]), 0);
    }

    fn share(a: &str, b: &str) -> f64 {
        let (da, db) = (
            Document::new(Source::new("a", a)),
            Document::new(Source::new("b", b)),
        );
        shared_pairs(
            (&da, 0..da.tokens().len()),
            (&db, 0..db.tokens().len()),
            &[],
        )
    }

    fn run(a: &str, b: &str) -> usize {
        let (da, db) = (
            Document::new(Source::new("a", a)),
            Document::new(Source::new("b", b)),
        );
        longest_run(&da, 0..da.tokens().len(), &db, 0..db.tokens().len())
    }

    #[test]
    fn the_longest_run_counts_equal_words_in_a_row_whatever_the_case() {
        let a = "Seven high school students were killed in an avalanche on Monday.";
        let b = "An avalanche on Monday killed seven HIGH SCHOOL STUDENTS at a resort.";
        assert_eq!(run(a, b), 4);
        assert_eq!(run(a, a), 11);
        assert_eq!(run(a, "Nothing alike here"), 0);
        assert_eq!(run("", a), 0);
    }

    #[test]
    fn a_rewrite_keeps_runs_of_ordinary_words() {
        let x = share(
            "In the coming five years, China is expected to import $8 trillion of goods.",
            "China is expected to import $8 trillion of goods in the coming five years, Xi said.",
        );
        assert!(x > 0.6, "{x}");
    }

    #[test]
    fn words_inside_linked_spans_are_no_evidence() {
        let common = "The reservoir holds enough water for three dry summers in a row.";
        let a = format!("{common} Farmers upstream welcomed the news at a noisy meeting.");
        let b = format!("{common} Anglers downstream welcomed the news with some doubt.");
        let (da, db) = (
            Document::new(Source::new("a", &a)),
            Document::new(Source::new("b", &b)),
        );
        let (ra, rb) = (0..da.tokens().len(), 0..db.tokens().len());
        let whole = shared_pairs((&da, ra.clone()), (&db, rb.clone()), &[]);
        assert!(whole > 0.4, "{whole}");
        let chars = common.chars().count();
        let linked = [(da.map().span(0, chars), db.map().span(0, chars))];
        let rest = shared_pairs((&da, ra), (&db, rb), &linked);
        // Left: "welcomed the news" (two pairs) of the eight pairs of the shorter tail.
        assert!(rest > 0.2 && rest < whole, "{rest} {whole}");
    }

    #[test]
    fn shared_names_and_function_words_are_no_evidence() {
        // Two reports of one event: the name is shared, the words around it are not.
        let x = share(
            "Trump might not find a friend in Senate Majority Leader Mitch McConnell, either.",
            "In the Senate, Majority Leader Mitch McConnell was more frank about other issues.",
        );
        assert!(x.abs() < f64::EPSILON, "{x}");
        // Pairs of function words count for nothing either.
        let y = share(
            "one of the best in the city",
            "none of the worst in the town",
        );
        assert!(y.abs() < f64::EPSILON, "{y}");
    }

    #[test]
    fn words_in_the_same_order_are_counted_by_their_longest_rising_run() {
        assert!((in_order(&[(7, 0, 0), (8, 5, 3), (9, 9, 8)]) - 1.0).abs() < f64::EPSILON);
        // Positions on the second side 8, 3, 5, 1: the longest rising run is 3, 5.
        let mixed = [(1, 0, 8), (2, 2, 3), (3, 4, 5), (4, 6, 1)];
        assert!((in_order(&mixed) - 0.5).abs() < f64::EPSILON);
        assert!(in_order(&[]).abs() < f64::EPSILON);
    }

    #[test]
    fn symmetric_and_zero_for_nothing_in_common() {
        let (a, b) = (
            "Storm waters rose fast overnight.",
            "Judges ruled against the appeal.",
        );
        assert!(share(a, b).abs() < f64::EPSILON);
        let (a, b) = (
            "the wall gave way under the surge",
            "the surge was high and the wall gave way",
        );
        assert!((share(a, b) - share(b, a)).abs() < f64::EPSILON);
    }
}
