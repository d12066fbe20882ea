//! From seeds to passages: chain the seeds of a document pair into regions, extend each region
//! by a local alignment that tolerates typos, substitutions and gaps, then diff it word by word.

use std::ops::Range;

use rayon::prelude::*;

use super::extend::extend;
use super::index::Seed;
use super::{Kind, Options, Passage, Side};
use crate::corpus::{Corpus, Document};
use crate::diff::{self, Change};
use crate::text::Span;

/// A stretch of tokens matched between two documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    pub(super) a: Range<usize>,
    pub(super) b: Range<usize>,
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
            let merged = merge_overlapping(regions.collect());
            let spans = merged.iter().filter_map(|r| spans_of(da, db, r, options));
            let passage = |(sa, sb, words)| to_passage((a, da, sa), (b, db, sb), words, options);
            unshadowed(spans.collect(), passage)
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
        done.extend(open.extract_if(.., |r| r.a.end + gap < pa));
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

/// Merges regions that overlap in both documents. Sweeps them in order of start in `a`,
/// comparing each only with the merged regions still open there, so that the many small
/// regions of a repetitive text cost little.
fn merge_overlapping(mut regions: Vec<Region>) -> Vec<Region> {
    regions.sort_by_key(|r| (r.a.start, r.b.start, r.a.end, r.b.end));
    let mut done = Vec::with_capacity(regions.len());
    let mut open: Vec<Region> = Vec::new();
    for region in regions {
        done.extend(open.extract_if(.., |m| m.a.end <= region.a.start));
        open = absorb(open, region);
    }
    done.extend(open);
    done
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

/// The sides of a would-be passage between one document pair, and its length in words.
type Sides = (Span, Span, usize);

/// The passages that `passage` makes of would-be passages between one document pair, but
/// for those shadowed by a longer passage: a passage whose side is mostly inside a longer
/// passage's side is the same text matched to a second place (a repeated phrase), not a
/// passage of its own. Longest first, so that only passages that may be kept are diffed.
fn unshadowed(
    mut candidates: Vec<Sides>,
    passage: impl Fn(Sides) -> Option<Passage>,
) -> Vec<Passage> {
    candidates.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let mut kept: Vec<Passage> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let (sa, sb, _) = &candidate;
        let shadowed = |k: &Passage| k.a.span.mostly_covers(sa) || k.b.span.mostly_covers(sb);
        if !kept.iter().any(shadowed) {
            kept.extend(passage(candidate));
        }
    }
    kept
}

/// `span` extended over the punctuation that closes its last word (a full stop, a closing
/// quote or bracket), so that a passage ending a sentence ends with it.
pub(super) fn with_closing_marks(doc: &Document, span: Span) -> Span {
    let rest = &doc.text[span.byte_end..];
    let marks = rest.chars().take_while(|c| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '…'
        )
    });
    let (chars, bytes) = marks.fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()));
    Span {
        end: span.end + chars,
        byte_end: span.byte_end + bytes,
        ..span
    }
}

/// The sides of the passage an aligned region makes, and its length in words, if it is long
/// enough.
fn spans_of(da: &Document, db: &Document, r: &Region, options: &Options) -> Option<Sides> {
    if r.a.len().min(r.b.len()) < options.min_words {
        return None;
    }
    let (sa, sb) = (
        with_closing_marks(da, da.token_span(r.a.clone())),
        with_closing_marks(db, db.token_span(r.b.clone())),
    );
    Some((sa, sb, r.a.len().max(r.b.len())))
}

/// The passage between span `sa` of document `a` and span `sb` of document `b`, of `words`
/// words, if their words are similar enough.
fn to_passage(
    (a, da, sa): (usize, &Document, Span),
    (b, db, sb): (usize, &Document, Span),
    words: usize,
    options: &Options,
) -> Option<Passage> {
    let ops = diff::word_diff(da, sa, db, sb);
    let score = diff::similarity(&ops);
    if score < options.min_similarity {
        return None;
    }
    let exact = ops.iter().all(|op| op.change == Change::Equal);
    let kind = if exact { Kind::Verbatim } else { Kind::Near };
    let sides = (Side { doc: a, span: sa }, Side { doc: b, span: sb });
    Some(Passage {
        diff: ops,
        ..Passage::linking(kind, sides, words, score)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::CharMap;

    fn sides(a: (usize, usize), b: (usize, usize), words: usize) -> Sides {
        let map = CharMap::new(&" ".repeat(100));
        (map.span(a.0, a.1), map.span(b.0, b.1), words)
    }

    fn passage((sa, sb, words): Sides) -> Passage {
        let sides = (Side { doc: 0, span: sa }, Side { doc: 1, span: sb });
        Passage::linking(Kind::Verbatim, sides, words, 1.0)
    }

    #[test]
    fn shadowed_passages_are_dropped_and_never_diffed() {
        let long = sides((0, 50), (0, 50), 10);
        let inside = sides((10, 30), (60, 80), 4);
        let elsewhere = sides((60, 90), (60, 90), 6);
        let diffed = std::cell::RefCell::new(Vec::new());
        let make = |s: Sides| {
            diffed.borrow_mut().push(s.2);
            Some(passage(s))
        };
        let kept = unshadowed(vec![inside, elsewhere, long], make);
        let words: Vec<usize> = kept.iter().map(|p| p.words).collect();
        assert_eq!(words, [10, 6]);
        assert_eq!(diffed.into_inner(), [10, 6]);
    }

    #[test]
    fn a_candidate_that_makes_no_passage_shadows_nothing() {
        let long = sides((0, 50), (0, 50), 10);
        let inside = sides((10, 30), (10, 30), 4);
        let kept = unshadowed(vec![inside, long], |s| (s.2 < 10).then(|| passage(s)));
        let words: Vec<usize> = kept.iter().map(|p| p.words).collect();
        assert_eq!(words, [4]);
    }
}
