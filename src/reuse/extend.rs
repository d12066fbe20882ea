//! Extending an aligned region outwards: an X-drop walk over tokens in each direction that
//! accepts spelling variants, substitutions and short insertions or deletions.

use super::align::Region;
use crate::corpus::Document;
use crate::text::{lowers_only, normalize_word};

/// Grows a region outwards while the words keep matching, allowing a few edits.
pub(super) fn extend(a: &Document, b: &Document, region: &Region) -> Region {
    let forward = Walker {
        a,
        b,
        step: Step::Forward,
    }
    .walk(region.a.end, region.b.end);
    let backward = Walker {
        a,
        b,
        step: Step::Backward,
    }
    .walk(region.a.start, region.b.start);
    Region {
        a: backward.0..forward.0,
        b: backward.1..forward.1,
    }
}

#[derive(Clone, Copy)]
enum Step {
    Forward,
    Backward,
}

/// An X-drop extension over tokens, in one direction.
struct Walker<'d> {
    a: &'d Document,
    b: &'d Document,
    step: Step,
}

/// How far the score may fall below its best before the extension stops.
const X_DROP: i32 = 5;
/// Most words skipped on one side to find the alignment again after an edit.
const MAX_SKIP: usize = 3;
/// How far ahead a skip's agreement is measured.
const LOOKAHEAD: usize = 4;

impl Walker<'_> {
    /// The token at `i` steps from `at` in this direction (for backward: the one before `at`).
    fn token(&self, doc: &Document, at: usize, i: usize) -> Option<usize> {
        match self.step {
            Step::Forward => (at + i < doc.tokens().len()).then_some(at + i),
            Step::Backward => at.checked_sub(i + 1),
        }
    }

    fn same(&self, i: Option<usize>, j: Option<usize>) -> bool {
        matches!((i, j), (Some(i), Some(j)) if self.a.tokens()[i].hash() == self.b.tokens()[j].hash())
    }

    /// After a mismatch at steps (`i`, `j`): the cheapest skip of up to `MAX_SKIP` words on
    /// either side (an insertion, a deletion, or a substitution) after which the texts agree
    /// again for at least two words, as (words skipped in a, in b, score). Among skips of one
    /// cost, the one agreeing longest wins; a tie between two (mirror images of each other,
    /// say) is read as a plain substitution, so that a against b aligns as b against a does.
    fn resync(&self, ia: usize, ib: usize, i: usize, j: usize) -> (usize, usize, i32) {
        for cost in 1..=MAX_SKIP {
            let mut skips: Vec<(usize, usize)> =
                (0..=cost).flat_map(|d| [(cost, d), (d, cost)]).collect();
            skips.dedup();
            let agreements: Vec<usize> = skips
                .iter()
                .map(|&(di, dj)| self.agreement(ia, ib, i + di, j + dj))
                .collect();
            let best = agreements.iter().copied().max().unwrap_or(0);
            if best < 2 {
                continue;
            }
            let mut winners = skips.iter().zip(&agreements).filter(|(_, a)| **a == best);
            if let (Some((&(di, dj), _)), None) = (winners.next(), winners.next()) {
                return (di, dj, -2 * i32::try_from(cost).unwrap_or(i32::MAX));
            }
            return (1, 1, -2);
        }
        (1, 1, -2)
    }

    /// How many words in a row agree from steps (`i`, `j`), up to `LOOKAHEAD`: the first must
    /// be the same word, the next ones may be variant spellings.
    fn agreement(&self, ia: usize, ib: usize, i: usize, j: usize) -> usize {
        (0..LOOKAHEAD)
            .take_while(|&k| {
                let (left, right) = (self.token(self.a, ia, i + k), self.token(self.b, ib, j + k));
                let variant = |(x, y): (usize, usize)| k > 0 && similar_words(self.a, x, self.b, y);
                self.same(left, right) || left.zip(right).is_some_and(variant)
            })
            .count()
    }

    /// Walks from the boundary (`ia`, `ib`) and returns the best boundary reached.
    fn walk(&self, ia: usize, ib: usize) -> (usize, usize) {
        let (mut i, mut j, mut score, mut best) = (0, 0, 0, (0, 0, 0));
        loop {
            let (ta, tb) = (self.token(self.a, ia, i), self.token(self.b, ib, j));
            let (Some(x), Some(y)) = (ta, tb) else { break };
            let (di, dj, gain) = if self.same(ta, tb) {
                (1, 1, 2)
            } else if similar_words(self.a, x, self.b, y) {
                (1, 1, 1)
            } else {
                self.resync(ia, ib, i, j)
            };
            i += di;
            j += dj;
            score += gain;
            if score > best.2 && gain > 0 {
                best = (i, j, score);
            }
            if score < best.2 - X_DROP {
                break;
            }
        }
        match self.step {
            Step::Forward => (ia + best.0, ib + best.1),
            Step::Backward => (ia - best.0, ib - best.1),
        }
    }
}

/// Whether two different words are spelling variants of each other (a typo, a transliteration):
/// at most one edit for words of 4+ letters, two for 8+.
fn similar_words(a: &Document, i: usize, b: &Document, j: usize) -> bool {
    let (left, right) = (a.word(i), b.word(j));
    if left.len().min(right.len()) < 4 || left.len().abs_diff(right.len()) > 2 {
        return false;
    }
    if left.is_ascii()
        && right.is_ascii()
        && left.len().min(right.len()) < 8
        && both_ends_differ(left, right)
    {
        // One edit leaves the first or the last letter of a word in place.
        return false;
    }
    if lowers_only(left) && lowers_only(right) {
        let (ls, rs) = (left.as_bytes(), right.as_bytes());
        let same = |l: usize, r: usize| ls[l].eq_ignore_ascii_case(&rs[r]);
        return within_edits(ls.len(), rs.len(), same);
    }
    let chars = |word: &str| normalize_word(word).chars().collect::<Vec<char>>();
    let (ls, rs) = (chars(left), chars(right));
    within_edits(ls.len(), rs.len(), |l, r| ls[l] == rs[r])
}

/// Whether two words of `n` and `m` letters are at most one edit apart (two from 8 letters
/// on); `same(i, j)` tells whether letter `i` of one is letter `j` of the other.
fn within_edits(n: usize, m: usize, same: impl Fn(usize, usize) -> bool) -> bool {
    let limit = if n.min(m) >= 8 { 2 } else { 1 };
    edit_distance(n, m, same, limit) <= limit
}

/// Whether two ASCII words differ, ignoring case, in their first letter and in their last.
fn both_ends_differ(left: &str, right: &str) -> bool {
    let (l, r) = (left.as_bytes(), right.as_bytes());
    let differ = |x: u8, y: u8| !x.eq_ignore_ascii_case(&y);
    differ(l[0], r[0]) && differ(l[l.len() - 1], r[r.len() - 1])
}

/// Damerau–Levenshtein distance (adjacent swaps count one) between sequences of `n` and `m`
/// items, `same(i, j)` telling whether item `i` of the first is item `j` of the second;
/// `limit + 1` as soon as it must be more than `limit`.
fn edit_distance(n: usize, m: usize, same: impl Fn(usize, usize) -> bool, limit: usize) -> usize {
    // Three rows of the table are enough: the one being filled and the two before it.
    let width = m + 1;
    let mut rows = vec![0usize; 3 * width];
    let at = |i: usize, j: usize| (i % 3) * width + j;
    for (j, cell) in rows[..width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        rows[at(i, 0)] = i;
        for j in 1..=m {
            let cost = usize::from(!same(i - 1, j - 1));
            let mut best = (rows[at(i - 1, j)] + 1)
                .min(rows[at(i, j - 1)] + 1)
                .min(rows[at(i - 1, j - 1)] + cost);
            let swapped = i > 1 && j > 1 && same(i - 1, j - 2) && same(i - 2, j - 1);
            if swapped {
                best = best.min(rows[at(i - 2, j - 2)] + 1);
            }
            rows[at(i, j)] = best;
        }
        if rows[at(i, 0)..=at(i, m)]
            .iter()
            .min()
            .is_some_and(|&least| least > limit)
        {
            return limit + 1;
        }
    }
    rows[at(n, m)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(x: &str, y: &str, limit: usize) -> usize {
        let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
        edit_distance(x.len(), y.len(), |i, j| x[i] == y[j], limit)
    }

    #[test]
    fn edit_distance_counts_typos_and_swaps() {
        assert_eq!(distance("western", "westren", 2), 1);
        assert_eq!(distance("yanukovych", "yanukovich", 2), 1);
        assert_eq!(distance("stoltenberg", "stotenberg", 2), 1);
        assert_eq!(distance("kitten", "sitting", 5), 3);
        assert_eq!(distance("", "abc", 5), 3);
        assert_eq!(distance("ca", "abc", 5), 3);
        assert!(distance("putin", "biden", 1) > 1);
    }

    fn document(text: &str) -> Document {
        Document::new(crate::corpus::Source::new("d", text))
    }

    #[test]
    fn spelling_variants_match_whatever_their_case_and_script() {
        let a = document("Western Klitschko Yanukovych Putin Zürich Кличко");
        let b = document("WESTREN Klitchko Yanukovich Biden ZURICH Кличка");
        let variant = |i: usize| similar_words(&a, i, &b, i);
        assert!(variant(0), "Western / WESTREN");
        assert!(variant(1), "Klitschko / Klitchko");
        assert!(variant(2), "Yanukovych / Yanukovich");
        assert!(!variant(3), "Putin / Biden");
        assert!(variant(4), "Zürich / ZURICH");
        assert!(variant(5), "Кличко / Кличка");
    }
}
