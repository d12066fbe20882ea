//! Rewritten passages: paragraphs and sentences that make the same point in other words, found
//! by the weighted overlap of the distinctive words they share (binary TF, squared IDF, cosine).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::linked::Linked;
use super::term::{term_per_token, terms};
use super::{Kind, Options, Passage, Side};
use crate::corpus::{Corpus, Document};
use crate::text::{Span, normalize_word};

/// A paragraph or sentence with its distinctive terms.
struct Unit {
    doc: usize,
    span: Span,
    /// (term, token index of one occurrence), sorted by term, one entry per term.
    terms: Vec<(u64, u32)>,
}

/// Units and term weights of one level (paragraphs or sentences).
struct Level {
    units: Vec<Unit>,
    /// For each term: in how many units it is, and its weight.
    stats: FxHashMap<u64, (usize, f64)>,
}

/// Bounds of the number of units a term may be in and still find candidates: common terms
/// link everything to everything and say nothing about reuse.
const MIN_CAP: usize = 10;
const MAX_CAP: usize = 50;
/// Fewest indexed (rare) terms two units must share to be compared.
const MIN_RARE_SHARED: usize = 2;
/// Fewest terms a unit needs to be compared at all.
const MIN_TERMS: usize = 6;
/// Two units must share at least one in this many of the smaller unit's terms: a long block
/// sharing a handful of words is on the same topic, not a rewrite.
const SHARE_DIVISOR: usize = 5;
/// Most words a unit may have: longer blocks are not paragraphs but whole texts.
const MAX_WORDS: usize = 400;

/// Rewritten paragraph pairs, then rewritten sentence pairs outside any linked paragraph.
/// `linked` holds the spans already explained by verbatim or near passages.
pub fn passages(corpus: &Corpus, linked: &[Passage], options: &Options) -> Vec<Passage> {
    let terms: Vec<Vec<u64>> = corpus.documents.par_iter().map(term_per_token).collect();
    let paragraphs = Level::new(corpus, &terms, options.min_words, |d| &d.paragraphs);
    let aligned = Linked::new(linked.iter());
    let mut found = paragraphs.pairs(corpus, &aligned, options, options.min_rewrite_score);
    drop(paragraphs);
    let covered = Linked::new(linked.iter().chain(&found));
    let sentences = Level::new(corpus, &terms, options.min_words, |d| &d.sentences);
    found.extend(sentences.pairs(corpus, &covered, options, options.min_sentence_score));
    found
}

impl Level {
    /// The units `spans` picks from every document, keeping those of `min_words` to
    /// `MAX_WORDS` words with enough terms, and their terms' weights.
    fn new(
        corpus: &Corpus,
        terms_of: &[Vec<u64>],
        min_words: usize,
        spans: impl Fn(&Document) -> &Vec<Span> + Sync,
    ) -> Self {
        let units: Vec<Unit> = corpus
            .documents
            .par_iter()
            .enumerate()
            .flat_map_iter(|(doc, d)| {
                spans(d)
                    .iter()
                    .map(move |&span| (span, d.token_range(span)))
                    .filter(|(_, tokens)| (min_words..=MAX_WORDS).contains(&tokens.len()))
                    .map(move |(span, tokens)| Unit {
                        doc,
                        span,
                        terms: terms(&terms_of[doc], tokens),
                    })
                    .filter(|u| u.terms.len() >= MIN_TERMS)
                    .collect::<Vec<_>>()
            })
            .collect();
        let n = units.len();
        let stats = document_frequencies(&units)
            .into_iter()
            .map(|(t, df)| (t, (df, idf(n, df))))
            .collect();
        Self { units, stats }
    }

    fn weight(&self, term: u64) -> f64 {
        self.stats.get(&term).map_or(0.0, |&(_, weight)| weight)
    }

    /// Pairs of units in different documents scoring at least `min_score`. Candidates share at
    /// least two terms rare enough to index (in at most `cap` units); common terms still count
    /// in the score.
    fn pairs(
        &self,
        corpus: &Corpus,
        linked: &Linked,
        options: &Options,
        min_score: f64,
    ) -> Vec<Passage> {
        let cap = (self.units.len() / 200).clamp(MIN_CAP, MAX_CAP);
        let indexed = |term: &u64| {
            self.stats
                .get(term)
                .is_some_and(|&(df, _)| (2..=cap).contains(&df))
        };
        let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (i, unit) in self.units.iter().enumerate() {
            for (term, _) in unit.terms.iter().filter(|(t, _)| indexed(t)) {
                postings
                    .entry(*term)
                    .or_default()
                    .push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        (0..self.units.len())
            .into_par_iter()
            .flat_map_iter(|i| {
                let unit = &self.units[i];
                let mut candidates: Vec<u32> = unit
                    .terms
                    .iter()
                    .filter_map(|(t, _)| postings.get(t))
                    .flatten()
                    .copied()
                    .filter(|&j| j as usize > i && self.units[j as usize].doc != unit.doc)
                    .collect();
                candidates.sort_unstable();
                candidates
                    .chunk_by(|x, y| x == y)
                    .filter(|run| run.len() >= MIN_RARE_SHARED)
                    .filter_map(|run| {
                        self.link(corpus, linked, i, run[0] as usize, options, min_score)
                    })
                    .filter(|p| !linked.covers(p))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The rewritten passage linking units `i` and `j`, if they share enough distinctive words.
    fn link(
        &self,
        corpus: &Corpus,
        linked: &Linked,
        i: usize,
        j: usize,
        options: &Options,
        min_score: f64,
    ) -> Option<Passage> {
        let (first, second) = (&self.units[i], &self.units[j]);
        // The side in the document with the smaller id names the shared words, whatever the
        // order the documents were given in.
        let (first, second) = if corpus.documents[first.doc].id <= corpus.documents[second.doc].id {
            (first, second)
        } else {
            (second, first)
        };
        let shared = shared_terms(first, second);
        // Words inside an aligned passage between the two documents are explained by it: the
        // rest must still make a rewrite.
        let start = |unit: &Unit, at: u32| corpus.documents[unit.doc].tokens[at as usize].start();
        let fresh = shared
            .iter()
            .filter(|(_, at_x, at_y)| {
                !linked.explains(
                    first.doc,
                    second.doc,
                    start(first, *at_x),
                    start(second, *at_y),
                )
            })
            .count();
        let fewest_terms = first.terms.len().min(second.terms.len());
        if fresh < options.min_shared_words || fresh * SHARE_DIVISOR < fewest_terms {
            return None;
        }
        let dot: f64 = shared.iter().map(|(t, _, _)| self.weight(*t).powi(2)).sum();
        let score = dot / (self.norm(first) * self.norm(second)).max(f64::EPSILON);
        (score >= min_score).then(|| self.passage(corpus, first, second, &shared, score))
    }

    /// Length of a unit's weight vector.
    fn norm(&self, unit: &Unit) -> f64 {
        unit.terms
            .iter()
            .map(|(t, _)| self.weight(*t).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// The passage for two linked units, its shared words ordered most distinctive first.
    fn passage(
        &self,
        corpus: &Corpus,
        first: &Unit,
        second: &Unit,
        shared: &[(u64, u32, u32)],
        score: f64,
    ) -> Passage {
        let doc = &corpus.documents[first.doc];
        let mut words: Vec<(f64, String)> = shared
            .iter()
            .map(|(term, at, _)| {
                (
                    self.weight(*term),
                    normalize_word(doc.slice(doc.word_span(*at as usize))),
                )
            })
            .collect();
        words.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| p.1.cmp(&q.1)));
        let length = |u: &Unit| corpus.documents[u.doc].token_range(u.span).len();
        let side = |u: &Unit| Side {
            doc: u.doc,
            span: u.span,
        };
        let (a, b) = ordered(corpus, side(first), side(second));
        Passage {
            id: 0,
            kind: Kind::Rewritten,
            score,
            words: length(first).max(length(second)),
            a,
            b,
            boilerplate: false,
            cluster: 0,
            shared_words: words.into_iter().map(|(_, w)| w).collect(),
            diff: Vec::new(),
        }
    }
}

/// In how many units each term is, counted on all cores.
fn document_frequencies(units: &[Unit]) -> FxHashMap<u64, usize> {
    let chunk = units.len() / rayon::current_num_threads().max(1) + 1;
    units
        .par_chunks(chunk)
        .map(|part| {
            let mut df: FxHashMap<u64, usize> = FxHashMap::default();
            for (term, _) in part.iter().flat_map(|u| &u.terms) {
                *df.entry(*term).or_default() += 1;
            }
            df
        })
        .reduce(FxHashMap::default, |mut all, part| {
            for (term, count) in part {
                *all.entry(term).or_default() += count;
            }
            all
        })
}

/// Inverse document frequency of a term in `df` of `n` units.
#[allow(clippy::cast_precision_loss)]
fn idf(n: usize, df: usize) -> f64 {
    (1.0 + n.max(1) as f64 / df.max(1) as f64).ln()
}

/// Orders two sides by document id.
pub fn ordered(corpus: &Corpus, x: Side, y: Side) -> (Side, Side) {
    if corpus.documents[x.doc].id <= corpus.documents[y.doc].id {
        (x, y)
    } else {
        (y, x)
    }
}

/// Terms of `x` also in `y`, with their token in `x` and in `y`.
fn shared_terms(x: &Unit, y: &Unit) -> Vec<(u64, u32, u32)> {
    x.terms
        .iter()
        .filter_map(|&(t, at_x)| {
            let found = y.terms.binary_search_by_key(&t, |(u, _)| *u).ok();
            found.map(|k| (t, at_x, y.terms[k].1))
        })
        .collect()
}
