//! Distinctive terms: content words, normalised and lightly stemmed, as the rewrite detector
//! and the reader's shared-word marks see them.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::Document;
use crate::text::{hash_word, is_stopword, normalize_word, push_normalized};

/// For each token of a document, its term (a content word, lightly stemmed), or 0 for none.
pub(super) fn term_per_token(doc: &Document) -> Vec<u64> {
    let mut word = String::new();
    doc.tokens
        .iter()
        .enumerate()
        .map(|(i, token)| {
            if token.is_stop() {
                return 0;
            }
            let text = doc.slice(doc.word_span(i));
            if unstemmed_ascii(text) {
                // Its normalised form is itself in lower case, whose hash the token holds.
                return token.hash() | 1;
            }
            word.clear();
            push_normalized(text, &mut word);
            term_of_normalized(&word).unwrap_or(0)
        })
        .collect()
}

/// Whether an ASCII word of three or more letters or digits is its own term: the stemmer
/// leaves it alone (it does not end in `s`) and normalising only lowers its case.
fn unstemmed_ascii(word: &str) -> bool {
    word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_alphanumeric())
        && !word.ends_with(['s', 'S'])
}

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

/// The terms of every document numbered densely: each distinct term gets an id from 1 in the
/// order of its hash, so ids sort as the terms do. Returns, for each document, the id of each
/// token's term (0 for none), and how many ids there are, 0 included.
pub(super) fn term_ids(per_document: Vec<Vec<u64>>) -> (Vec<Vec<u32>>, usize) {
    let chunk = per_document.len() / rayon::current_num_threads().max(1) + 1;
    let distinct = per_document
        .par_chunks(chunk)
        .map(|part| {
            let mut seen = FxHashSet::default();
            seen.extend(part.iter().flatten().copied().filter(|&term| term != 0));
            seen
        })
        .reduce(FxHashSet::default, |mut all, part| {
            all.extend(part);
            all
        });
    let mut sorted: Vec<u64> = distinct.into_iter().collect();
    sorted.par_sort_unstable();
    let id_of: FxHashMap<u64, u32> = sorted
        .iter()
        .zip(1..)
        .map(|(&term, id)| (term, id))
        .collect();
    let ids = per_document
        .into_par_iter()
        .map(|terms| {
            let id = |term: u64| id_of.get(&term).copied().unwrap_or(0);
            terms.into_iter().map(id).collect()
        })
        .collect();
    (ids, sorted.len() + 1)
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

    #[test]
    fn plurals_possessives_and_case_share_a_term() {
        assert_eq!(term("banks"), term("Bank"));
        assert_eq!(term("Klitschko’s"), term("klitschko"));
        assert_ne!(term("bank"), term("banker"));
        assert_eq!(stem("press"), "press");
    }

    #[test]
    fn the_ascii_shortcut_gives_the_same_terms() {
        let text = "Putin met 79 reporters from NATO's press corps in Kiev, Western-backed";
        let doc = crate::corpus::Document::new(crate::corpus::Source {
            id: "t".into(),
            path: None,
            group: String::new(),
            title: None,
            text: text.into(),
        });
        let slow: Vec<u64> = (0..doc.tokens.len())
            .map(|i| {
                if doc.tokens[i].is_stop() {
                    0
                } else {
                    term(doc.slice(doc.word_span(i))).unwrap_or(0)
                }
            })
            .collect();
        assert_eq!(term_per_token(&doc), slow);
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
    fn term_ids_number_distinct_terms_in_hash_order() {
        let per_document = vec![vec![30, 0, 10, 30], vec![], vec![20, 10, 0]];
        let (ids, count) = term_ids(per_document);
        assert_eq!(ids, [vec![3, 0, 1, 3], vec![], vec![2, 1, 0]]);
        assert_eq!(count, 4);
        assert_eq!(term_ids(Vec::new()), (Vec::new(), 1));
    }

    #[test]
    fn function_words_and_short_words_are_not_terms() {
        assert_eq!(term("the"), None);
        assert_eq!(term("ox"), None);
        assert!(term("22").is_some());
    }
}
