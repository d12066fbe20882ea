//! From seeds to passages: chain the seeds of a document pair into regions, extend each region
//! by a local alignment that tolerates typos, substitutions and gaps, then diff it word by word.

use std::ops::Range;

use rayon::prelude::*;

use super::index::Seed;
use super::{Kind, Options, Passage, Side};
use crate::corpus::{Corpus, Document};
use crate::diff::{self, Change};
use crate::text::normalize_word;

/// A stretch of tokens matched between two documents.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Region {
    a: Range<usize>,
    b: Range<usize>,
}

/// Near-verbatim and verbatim passages for every document pair that has seeds.
pub fn passages(
    corpus: &Corpus,
    ranked: &[usize],
    seeds: &[Seed],
    options: &Options,
) -> Vec<Passage> {
    let pairs: Vec<&[Seed]> = seeds.chunk_by(|x, y| (x.a, x.b) == (y.a, y.b)).collect();
    pairs
        .par_iter()
        .flat_map_iter(|group| {
            let (a, b) = (ranked[group[0].a as usize], ranked[group[0].b as usize]);
            let (da, db) = (&corpus.documents[a], &corpus.documents[b]);
            let regions = chain(group, options)
                .into_iter()
                .map(|r| extend(da, db, &r));
            let merged = regions.fold(Vec::new(), absorb);
            drop_shadowed(
                merged
                    .iter()
                    .filter_map(|r| to_passage(a, da, b, db, r, options))
                    .collect(),
            )
        })
        .collect()
}

/// Groups seeds (sorted by position in `a`) into regions of nearby seeds on one diagonal.
/// Regions are independent of each other, so passages in swapped order are all found.
fn chain(seeds: &[Seed], options: &Options) -> Vec<Region> {
    let (n, gap) = (options.ngram, options.max_gap);
    let mut open: Vec<Region> = Vec::new();
    let mut done = Vec::new();
    for seed in seeds {
        let (pa, pb) = (seed.pa as usize, seed.pb as usize);
        let (finished, still_open): (Vec<Region>, Vec<Region>) =
            open.into_iter().partition(|r| r.a.end + gap < pa);
        done.extend(finished);
        open = still_open;
        let joins = |r: &Region| {
            pb + gap >= r.b.end
                && pb <= r.b.end + gap
                && diagonal(r.a.end, r.b.end).abs_diff(diagonal(pa + n, pb + n)) <= gap
        };
        match open.iter_mut().find(|r| joins(r)) {
            Some(r) => {
                r.a.end = r.a.end.max(pa + n);
                r.b.end = r.b.end.max(pb + n);
            }
            None => open.push(Region {
                a: pa..pa + n,
                b: pb..pb + n,
            }),
        }
    }
    done.extend(open);
    done
}

fn diagonal(a: usize, b: usize) -> isize {
    isize::try_from(b).unwrap_or(isize::MAX) - isize::try_from(a).unwrap_or(isize::MAX)
}

/// Adds a region to a list of regions no two of which overlap in both documents, absorbing
/// every region it overlaps, transitively, so that the list keeps that property.
fn absorb(mut merged: Vec<Region>, mut region: Region) -> Vec<Region> {
    let overlaps = |x: &Region, y: &Region| {
        x.a.start < y.a.end && y.a.start < x.a.end && x.b.start < y.b.end && y.b.start < x.b.end
    };
    while let Some(i) = merged.iter().position(|m| overlaps(m, &region)) {
        let other = merged.swap_remove(i);
        region.a = region.a.start.min(other.a.start)..region.a.end.max(other.a.end);
        region.b = region.b.start.min(other.b.start)..region.b.end.max(other.b.end);
    }
    merged.push(region);
    merged
}

/// Keeps, of passages between one document pair, those not shadowed by a longer one: a passage
/// whose side is mostly inside a longer passage's side is the same text matched to a second
/// place (a repeated phrase), not a passage of its own.
fn drop_shadowed(mut passages: Vec<Passage>) -> Vec<Passage> {
    passages.sort_by(|x, y| {
        y.words
            .cmp(&x.words)
            .then(x.a.span.cmp(&y.a.span))
            .then(x.b.span.cmp(&y.b.span))
    });
    let mut kept: Vec<Passage> = Vec::with_capacity(passages.len());
    for p in passages {
        let shadowed =
            |k: &Passage| k.a.span.mostly_covers(&p.a.span) || k.b.span.mostly_covers(&p.b.span);
        if !kept.iter().any(shadowed) {
            kept.push(p);
        }
    }
    kept
}

/// Grows a region outwards while the words keep matching, allowing a few edits.
fn extend(a: &Document, b: &Document, region: &Region) -> Region {
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

impl Walker<'_> {
    /// The token at `i` steps from `at` in this direction (for backward: the one before `at`).
    fn token(&self, doc: &Document, at: usize, i: usize) -> Option<usize> {
        match self.step {
            Step::Forward => (at + i < doc.tokens.len()).then_some(at + i),
            Step::Backward => at.checked_sub(i + 1),
        }
    }

    fn same(&self, i: Option<usize>, j: Option<usize>) -> bool {
        matches!((i, j), (Some(i), Some(j)) if self.a.tokens[i].hash() == self.b.tokens[j].hash())
    }

    /// After a mismatch at steps (`i`, `j`): the cheapest skip of up to `MAX_SKIP` words on
    /// either side after which two words match again (the second may be a variant spelling) (an insertion, deletion or substitution),
    /// as (words skipped in a, in b, score). A plain substitution when none is found.
    fn resync(&self, ia: usize, ib: usize, i: usize, j: usize) -> (usize, usize, i32) {
        let matches_at = |di: usize, dj: usize| {
            let word = |k: usize| {
                (
                    self.token(self.a, ia, i + di + k),
                    self.token(self.b, ib, j + dj + k),
                )
            };
            let (first, second) = (word(0), word(1));
            let second_alike = match second {
                (Some(left), Some(right)) => {
                    self.same(second.0, second.1) || similar_words(self.a, left, self.b, right)
                }
                _ => false,
            };
            self.same(first.0, first.1) && second_alike
        };
        for cost in 1..=MAX_SKIP {
            let mut options = (0..=cost).flat_map(|d| [(cost, d), (d, cost)]);
            if let Some((di, dj)) = options.find(|&(di, dj)| matches_at(di, dj)) {
                return (di, dj, -2 * i32::try_from(cost).unwrap_or(i32::MAX));
            }
        }
        (1, 1, -2)
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
    let (left, right) = (a.slice(a.word_span(i)), b.slice(b.word_span(j)));
    if left.len().min(right.len()) < 4 || left.len().abs_diff(right.len()) > 2 {
        return false;
    }
    let (left, right) = (normalize_word(left), normalize_word(right));
    let shorter = left.chars().count().min(right.chars().count());
    let limit = if shorter >= 8 { 2 } else { 1 };
    edit_distance(&left, &right, limit) <= limit
}

/// Damerau–Levenshtein distance (adjacent swaps count one), stopping early past `limit`.
fn edit_distance(x: &str, y: &str, limit: usize) -> usize {
    let (xs, ys): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    let mut rows = vec![vec![0usize; ys.len() + 1]; xs.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=xs.len() {
        for j in 1..=ys.len() {
            let cost = usize::from(xs[i - 1] != ys[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            let swapped = i > 1 && j > 1 && xs[i - 1] == ys[j - 2] && xs[i - 2] == ys[j - 1];
            if swapped {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
        if rows[i].iter().min().is_some_and(|&m| m > limit) {
            return limit + 1;
        }
    }
    rows[xs.len()][ys.len()]
}

/// The passage for an aligned region, if long and similar enough.
fn to_passage(
    a: usize,
    da: &Document,
    b: usize,
    db: &Document,
    r: &Region,
    options: &Options,
) -> Option<Passage> {
    if r.a.len().min(r.b.len()) < options.min_words {
        return None;
    }
    let (sa, sb) = (da.token_span(r.a.clone()), db.token_span(r.b.clone()));
    let ops = diff::word_diff(da, sa, db, sb);
    let score = diff::similarity(&ops);
    if score < options.min_similarity {
        return None;
    }
    let exact = ops.iter().all(|op| op.change == Change::Equal);
    Some(Passage {
        id: 0,
        kind: if exact { Kind::Verbatim } else { Kind::Near },
        score,
        words: r.a.len().max(r.b.len()),
        a: Side { doc: a, span: sa },
        b: Side { doc: b, span: sb },
        boilerplate: false,
        cluster: 0,
        shared_words: Vec::new(),
        diff: ops,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_typos_and_swaps() {
        assert_eq!(edit_distance("western", "westren", 2), 1);
        assert_eq!(edit_distance("yanukovych", "yanukovich", 2), 1);
        assert_eq!(edit_distance("stoltenberg", "stotenberg", 2), 1);
        assert!(edit_distance("putin", "biden", 1) > 1);
    }
}
