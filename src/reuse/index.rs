//! Seeds: word n-grams two documents share, found through one sorted inverted index.

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::Options;
use super::template::{BoilerRule, Frequent, take_long_runs};
use crate::corpus::{Corpus, Document};
use crate::text::hash_tokens;

/// An n-gram shared by two documents: `a` ranks before `b` (by document id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seed {
    /// Rank of the first document.
    pub a: u32,
    /// Rank of the second document.
    pub b: u32,
    /// Token index of the n-gram in `a`.
    pub pa: u32,
    /// Token index of the n-gram in `b`.
    pub pb: u32,
}

/// One posting of the index: an n-gram's hash, the document rank and the token index.
#[derive(Clone, Copy)]
pub(super) struct Posting {
    hash: u64,
    pub(super) doc: u32,
    pub(super) pos: u32,
}

/// Most pairings of one n-gram's occurrences in two documents before only the k-th occurrence
/// in one is paired with the k-th in the other.
const MAX_PAIRINGS: usize = 4;

/// What the index finds: the seeds between documents, and the occurrences of n-grams so
/// frequent in a series (or the corpus) that they are template text.
pub struct Found {
    /// Every seed, grouped by document pair then position.
    pub seeds: Vec<Seed>,
    /// Every occurrence of a boilerplate n-gram, sorted by document rank then position.
    pub frequent: Vec<Frequent>,
}

/// Every seed between documents, grouped by document pair then position, and the
/// occurrences of boilerplate n-grams. `ranked` lists the corpus indices in rank order.
pub fn seeds(corpus: &Corpus, ranked: &[usize], options: &Options) -> Found {
    let rule = BoilerRule::new(corpus, ranked, options);
    let per_document: Vec<Vec<Posting>> = ranked
        .par_iter()
        .enumerate()
        .map(|(rank, &doc)| ngrams(&corpus.documents[doc], rank, options.ngram))
        .collect();
    let mut postings = repeated(&per_document);
    drop(per_document);
    postings.par_sort_unstable_by_key(|p| (p.hash, p.doc, p.pos));
    let (mut seeds, mut frequent, templates) = postings
        .par_chunk_by(|x, y| x.hash == y.hash)
        .fold(
            || (Vec::new(), Vec::new(), Vec::new()),
            |(mut seeds, mut frequent, mut templates), group| {
                if rule.push_frequent(group, &mut frequent) {
                    templates.push(group);
                } else {
                    push_pairs(group, options.max_df, &mut seeds);
                }
                (seeds, frequent, templates)
            },
        )
        .reduce(
            || (Vec::new(), Vec::new(), Vec::new()),
            |(mut seeds, mut frequent, mut templates), (more_seeds, more_frequent, more)| {
                seeds.extend(more_seeds);
                frequent.extend(more_frequent);
                templates.extend(more);
                (seeds, frequent, templates)
            },
        );
    frequent.par_sort_unstable();
    // A long run of template n-grams is a story the outlet republished: reuse, which seeds.
    let republished = take_long_runs(&mut frequent, options.ngram);
    if !republished.is_empty() {
        for group in templates {
            let kept: Vec<Posting> = group
                .iter()
                .filter(|p| republished.binary_search(&(p.doc, p.pos)).is_ok())
                .copied()
                .collect();
            push_pairs(&kept, options.max_df, &mut seeds);
        }
    }
    drop(postings);
    seeds.par_sort_unstable();
    Found { seeds, frequent }
}

/// The postings whose n-gram may occur more than once in the corpus. Most n-grams occur once
/// and can seed nothing; two bitmaps of hashes (seen, seen again) find them without sorting
/// them. A hash collision only keeps a posting that pairs with nothing.
fn repeated(per_document: &[Vec<Posting>]) -> Vec<Posting> {
    let total: usize = per_document.iter().map(Vec::len).sum();
    let bits = (total * 8).next_power_of_two().clamp(1 << 16, 1 << 31);
    let words = || {
        (0..bits / 64)
            .map(|_| AtomicU64::new(0))
            .collect::<Vec<_>>()
    };
    let (seen, again) = (words(), words());
    let place = |hash: u64| {
        let bit = usize::try_from(hash).unwrap_or(usize::MAX) & (bits - 1);
        (bit / 64, 1u64 << (bit % 64))
    };
    per_document.par_iter().for_each(|postings| {
        for p in postings {
            let (word, mask) = place(p.hash);
            if seen[word].fetch_or(mask, Ordering::Relaxed) & mask != 0 {
                again[word].fetch_or(mask, Ordering::Relaxed);
            }
        }
    });
    per_document
        .par_iter()
        .flat_map_iter(|postings| {
            postings.iter().copied().filter(|p| {
                let (word, mask) = place(p.hash);
                again[word].load(Ordering::Relaxed) & mask != 0
            })
        })
        .collect()
}

/// The n-grams of a document that contain at least one content word.
fn ngrams(doc: &Document, rank: usize, n: usize) -> Vec<Posting> {
    let tokens = doc.tokens();
    if tokens.len() < n || n == 0 {
        return Vec::new();
    }
    let rank = u32::try_from(rank).unwrap_or(u32::MAX);
    let mut postings = Vec::with_capacity(tokens.len() + 1 - n);
    postings.extend(
        tokens
            .windows(n)
            .enumerate()
            .filter(|(_, w)| w.iter().any(|t| !t.is_stop()))
            .map(|(pos, w)| Posting {
                hash: hash_tokens(w),
                doc: rank,
                pos: u32::try_from(pos).unwrap_or(u32::MAX),
            }),
    );
    postings
}

/// Appends the seeds between every two documents in one group of postings of the same
/// n-gram (sorted by document) to `out`.
fn push_pairs(group: &[Posting], max_df: usize, out: &mut Vec<Seed>) {
    let same_doc = |x: &Posting, y: &Posting| x.doc == y.doc;
    let docs = group.chunk_by(same_doc).count();
    if docs < 2 || docs > max_df {
        return;
    }
    let mut rest = group;
    while let Some(first) = rest.chunk_by(same_doc).next() {
        rest = &rest[first.len()..];
        for second in rest.chunk_by(same_doc) {
            push_seeds_between(first, second, out);
        }
    }
}

/// Appends the seeds for one n-gram between two documents to `out`. Every pairing of its
/// occurrences while there are few; when the n-gram repeats (a repeated paragraph, a list, a
/// text of few words), the k-th occurrence with the k-th counted from the start and from the
/// end, so that seeds grow with the text, not with its square, and both ends of a long
/// repetitive match are anchored.
fn push_seeds_between(first: &[Posting], second: &[Posting], out: &mut Vec<Seed>) {
    let seed = |x: &Posting, y: &Posting| Seed {
        a: x.doc,
        b: y.doc,
        pa: x.pos,
        pb: y.pos,
    };
    if first.len() * second.len() <= MAX_PAIRINGS {
        for x in first {
            out.extend(second.iter().map(|y| seed(x, y)));
        }
    } else {
        out.extend(first.iter().zip(second).map(|(x, y)| seed(x, y)));
        let from_end = first.iter().rev().zip(second.iter().rev());
        out.extend(from_end.map(|(x, y)| seed(x, y)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::from_sources(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Source::new(format!("{i}"), *t))
                .collect(),
        )
    }

    #[test]
    fn shared_ngrams_seed_pairs_across_documents_only() {
        let c = corpus(&[
            "red fox jumps over lazy dog today",
            "a red fox jumps over lazy dog",
            "nothing in common here at all",
        ]);
        let options = Options {
            ngram: 5,
            ..Options::default()
        };
        let seeds = seeds(&c, &[0, 1, 2], &options).seeds;
        let found: Vec<(u32, u32, u32, u32)> =
            seeds.iter().map(|s| (s.a, s.b, s.pa, s.pb)).collect();
        assert_eq!(found, [(0, 1, 0, 1), (0, 1, 1, 2)]);
    }

    #[test]
    fn too_common_ngrams_do_not_seed() {
        let c = corpus(&["one two three", "one two three", "one two three"]);
        let options = Options {
            ngram: 3,
            max_df: 2,
            ..Options::default()
        };
        assert!(seeds(&c, &[0, 1, 2], &options).seeds.is_empty());
    }
}
