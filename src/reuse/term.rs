//! Distinctive terms: content words, normalised and lightly stemmed, as the rewrite detector
//! and the reader's shared-word marks see them.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::saturating_u32;
use crate::corpus::Document;
use crate::text::{Token, hash_word, is_stopword, normalize_word};

/// The distinctive term a word stands for (normalised, lightly stemmed), if it is one: the
/// reader uses it to find a rewritten passage's shared words in either side.
pub fn term(word: &str) -> Option<u64> {
    let normalized = normalize_word(word);
    (!is_stopword(&normalized))
        .then(|| term_of_normalized(&normalized))
        .flatten()
}

fn term_of_normalized(normalized: &str) -> Option<u64> {
    let stem = stem(normalized);
    let counts = stem.chars().count() >= 3 || stem.chars().any(|c| c.is_ascii_digit());
    counts.then(|| hash_word(stem) | 1)
}

/// The terms of a document's units one after the other: (term id, token index of one
/// occurrence), sorted by term within a unit, one entry per term.
pub(super) type UnitTerms = Vec<(u32, u32)>;

/// The terms of every document numbered densely: each distinct term gets an id from 1 in the
/// order of its hash, so ids sort as the terms do. Returns, for each document, the id of each
/// token's term (0 for none), and how many ids there are, 0 included.
pub(super) fn term_ids(documents: &[Document]) -> (Vec<Vec<u32>>, usize) {
    // A word's term depends only on its normalised form, whose hash its tokens hold: each
    // distinct word is stemmed once, not each of its tokens. Two words whose 64-bit hashes
    // collide would share a term, as they already share n-grams in the index.
    let chunk = documents.len() / rayon::current_num_threads().max(1) + 1;
    let mut parts: Vec<Words> = documents
        .par_chunks(chunk)
        .enumerate()
        .map(|(part, docs)| Words::of(part * chunk, docs))
        .collect();
    let mut index_of: FxHashMap<u64, usize> = FxHashMap::default();
    let mut places = Vec::new();
    for part in &parts {
        for (&hash, &place) in part.hashes.iter().zip(&part.places) {
            index_of.entry(hash).or_insert_with(|| {
                places.push(place);
                places.len() - 1
            });
        }
    }
    let term_of_word: Vec<Option<u64>> = places
        .par_iter()
        .map(|&(doc, at)| term(documents[doc as usize].word(at as usize)))
        .collect();
    let mut terms: Vec<u64> = term_of_word.iter().flatten().copied().collect();
    terms.par_sort_unstable();
    terms.dedup();
    let id_of = |term: Option<u64>| {
        let rank = term.and_then(|t| terms.binary_search(&t).ok());
        rank.map_or(0, |rank| saturating_u32(rank + 1))
    };
    let ids: Vec<u32> = term_of_word.into_par_iter().map(id_of).collect();
    let ids = parts
        .par_iter_mut()
        .flat_map_iter(|part| {
            let local: Vec<u32> = part.hashes.iter().map(|hash| ids[index_of[hash]]).collect();
            std::mem::take(&mut part.per_document)
                .into_iter()
                .map(move |mut words| {
                    for word in &mut words {
                        *word = word.checked_sub(1).map_or(0, |k| local[k as usize]);
                    }
                    words
                })
        })
        .collect();
    (ids, terms.len() + 1)
}

/// The distinct content words of a run of documents, numbered as they are met.
struct Words {
    /// Each word's hash (of its normalised form).
    hashes: Vec<u64>,
    /// Where one token of each word is: (document, token index).
    places: Vec<(u32, u32)>,
    /// For each document, each token's word number plus one (0 for a function word).
    per_document: Vec<Vec<u32>>,
}

impl Words {
    /// The words of `documents`, the first of which is document number `first`.
    fn of(first: usize, documents: &[Document]) -> Self {
        let mut number: FxHashMap<u64, u32> = FxHashMap::default();
        let (mut hashes, mut places) = (Vec::new(), Vec::new());
        let per_document = (first..)
            .zip(documents)
            .map(|(doc, d)| {
                let word = |(at, token): (usize, &Token)| {
                    if token.is_stop() {
                        return 0;
                    }
                    let next = saturating_u32(hashes.len());
                    let k = *number.entry(token.hash()).or_insert_with(|| {
                        hashes.push(token.hash());
                        places.push((saturating_u32(doc), saturating_u32(at)));
                        next
                    });
                    k + 1
                };
                d.tokens().iter().enumerate().map(word).collect()
            })
            .collect();
        Self {
            hashes,
            places,
            per_document,
        }
    }
}

/// Appends the distinctive terms of a token range to `out`: (term id, one token index), sorted,
/// one entry per term.
pub(super) fn push_terms(term_per_token: &[u32], range: Range<usize>, out: &mut Vec<(u32, u32)>) {
    let start = out.len();
    out.extend(
        range
            .filter(|&i| term_per_token[i] != 0)
            .map(|i| (term_per_token[i], u32::try_from(i).unwrap_or(u32::MAX))),
    );
    // Sorting by term alone is cheaper; the earliest token of each term is kept all the same.
    out[start..].sort_unstable_by_key(|&(term, _)| term);
    let mut kept = start;
    for k in start..out.len() {
        if kept > start && out[k].0 == out[kept - 1].0 {
            out[kept - 1].1 = out[kept - 1].1.min(out[k].1);
        } else {
            out[kept] = out[k];
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// In how many units each of `term_count` term ids is (each unit lists a term once), counted
/// on all cores.
pub(super) fn document_frequencies(terms: &[UnitTerms], term_count: usize) -> Vec<u32> {
    let chunk = terms.len() / rayon::current_num_threads().max(1) + 1;
    terms
        .par_chunks(chunk)
        .map(|part| {
            let mut df = vec![0u32; term_count];
            for &(term, _) in part.iter().flatten() {
                df[term as usize] += 1;
            }
            df
        })
        .reduce(
            || vec![0; term_count],
            |mut all, part| {
                for (total, count) in all.iter_mut().zip(part) {
                    *total += count;
                }
                all
            },
        )
}

/// Length of the vector of the `weights` of a unit's terms.
pub(super) fn norm(terms: &[(u32, u32)], weights: &[f64]) -> f64 {
    terms
        .iter()
        .map(|&(term, _)| weights[term as usize].powi(2))
        .sum::<f64>()
        .sqrt()
}

/// Inverse document frequency of a term in `df` of `n` units.
#[allow(clippy::cast_precision_loss)]
pub(super) fn idf(n: usize, df: usize) -> f64 {
    (1.0 + n.max(1) as f64 / df.max(1) as f64).ln()
}

/// Terms of `x` also in `y` (both sorted), with their token in `x` and in `y`.
pub(super) fn shared_terms(x: &[(u32, u32)], y: &[(u32, u32)]) -> Vec<(u32, u32, u32)> {
    let mut shared = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        let (term_x, term_y) = (x[i].0, y[j].0);
        if term_x == term_y {
            shared.push((term_x, x[i].1, y[j].1));
        }
        // Steps without a branch on which side is behind, which is hard to predict.
        i += usize::from(term_x <= term_y);
        j += usize::from(term_y <= term_x);
    }
    shared
}

/// A light English stemmer: drops possessives and plural `s`.
fn stem(word: &str) -> &str {
    let word = word.strip_suffix("'s").unwrap_or(word);
    match word.strip_suffix('s') {
        Some(rest) if rest.len() >= 4 && !rest.ends_with('s') => rest,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::candidates::TermSet;
    use proptest::prelude::*;

    #[test]
    fn plurals_possessives_and_case_share_a_term() {
        assert_eq!(term("banks"), term("Bank"));
        assert_eq!(term("Klitschko’s"), term("klitschko"));
        assert_ne!(term("bank"), term("banker"));
        assert_eq!(stem("press"), "press");
    }

    fn document(id: &str, text: &str) -> Document {
        Document::new(crate::corpus::Source::new(id, text))
    }

    #[test]
    fn term_ids_stand_for_the_terms_of_the_words() {
        let documents = [
            document(
                "a",
                "Putin met 79 reporters from NATO's press corps in Kiev",
            ),
            document("b", "Western-backed reporter Kiev the Nato presses"),
            document("c", ""),
        ];
        let (ids, count) = term_ids(&documents);
        let terms: Vec<Option<u64>> = documents
            .iter()
            .flat_map(|d| (0..d.tokens().len()).map(|i| term(d.word(i))))
            .collect();
        let ids: Vec<u32> = ids.into_iter().flatten().collect();
        assert_eq!(ids.len(), terms.len());
        for (id, term) in ids.iter().zip(&terms) {
            assert_eq!(*id == 0, term.is_none());
            assert!((*id as usize) < count);
        }
        // Equal ids for equal terms, and ids in the order of the terms.
        for (x, tx) in ids.iter().zip(&terms) {
            for (y, ty) in ids.iter().zip(&terms) {
                if let (Some(tx), Some(ty)) = (tx, ty) {
                    assert_eq!(x.cmp(y), tx.cmp(ty));
                }
            }
        }
        let distinct: std::collections::BTreeSet<u64> = terms.iter().flatten().copied().collect();
        assert_eq!(count, distinct.len() + 1);
    }

    #[test]
    fn unit_terms_are_appended_sorted_once_each() {
        let per_token = [9u32, 0, 4, 9, 7, 4, 0];
        let mut out = vec![(100, 0)];
        push_terms(&per_token, 0..6, &mut out);
        assert_eq!(out, [(100, 0), (4, 2), (7, 4), (9, 0)]);
        push_terms(&per_token, 5..7, &mut out);
        assert_eq!(out[4..], [(4, 5)]);
    }

    #[test]
    fn function_words_and_short_words_are_not_terms() {
        assert_eq!(term("the"), None);
        assert_eq!(term("ox"), None);
        assert!(term("22").is_some());
    }

    /// Sorted unit terms with distinct ids below 40, tokens arbitrary.
    fn unit_terms() -> impl Strategy<Value = Vec<(u32, u32)>> {
        proptest::collection::btree_map(0u32..40, 0u32..1000, 0..30)
            .prop_map(|terms| terms.into_iter().collect())
    }

    proptest! {
        #[test]
        fn counting_shared_terms_agrees_with_listing_them(x in unit_terms(), y in unit_terms()) {
            let shared = shared_terms(&x, &y);
            let in_both = x.iter().filter(|(t, _)| y.iter().any(|(u, _)| u == t)).count();
            prop_assert_eq!(shared.len(), in_both);
            let mut set = TermSet::new(40);
            set.insert(&x);
            prop_assert_eq!(set.count(&y), in_both);
            set.remove(&x);
            prop_assert_eq!(set.count(&x), 0);
            for &(term, at_x, at_y) in &shared {
                prop_assert!(x.contains(&(term, at_x)) && y.contains(&(term, at_y)));
            }
        }
    }
}
