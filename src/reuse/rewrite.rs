//! Rewritten passages: paragraphs and sentences that make the same point in other words, found
//! by the weighted overlap of the distinctive words they share (binary TF, squared IDF, cosine).

use std::ops::Range;

use rayon::prelude::*;

use super::candidates::{Postings, Tally, TermSet};
use super::linked::Linked;
use super::term::{UnitTerms, document_frequencies, idf, norm, push_terms, shared_terms, term_ids};
use super::wording::{in_order, longest_run, shared_pairs};
use super::{Kind, Options, Passage, Side, saturating_u32};
use crate::corpus::{Corpus, Document};
use crate::text::{Span, normalize_word};

/// A paragraph or sentence with its distinctive terms, kept small: a corpus has millions.
struct Unit {
    doc: u32,
    /// Its index among its document's paragraphs or sentences.
    span: u32,
    /// Where its terms are in its document's list of unit terms.
    terms: Range<u32>,
    /// Its length in words.
    words: u32,
}

impl Unit {
    fn doc(&self) -> usize {
        self.doc as usize
    }

    fn terms(&self) -> Range<usize> {
        self.terms.start as usize..self.terms.end as usize
    }
}

/// Units and term weights of one level (paragraphs or sentences).
struct Level {
    /// Where the units are in a document: its paragraphs or its sentences.
    spans: fn(&Document) -> &[Span],
    /// Whether the units are paragraphs.
    paragraphs: bool,
    units: Vec<Unit>,
    /// For each document, the terms of its units.
    terms: Vec<UnitTerms>,
    /// For each term id: in how many units it is.
    df: Vec<u32>,
    /// For each term id: its weight.
    weights: Vec<f64>,
    /// For each unit, the length of its terms' weight vector.
    norms: Vec<f64>,
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
/// Most words of a paragraph retold sentence by sentence: longer blocks are whole articles
/// scraped without paragraph breaks, where words in order come by chance.
const MAX_PARAGRAPH_WORDS: usize = 150;
/// Least share of shared words in the same order for a paragraph retold: a loose bar, as a
/// retelling may reorder its facts; the sentence structure is the stronger evidence.
const MIN_IN_ORDER: f64 = 0.4;

/// Rewritten paragraph pairs, then rewritten sentence pairs outside any linked paragraph.
/// `ranked` lists the corpus indices in order of document id; `linked` holds the spans already
/// explained by verbatim or near passages. Words inside `boilerplate` are no terms: template
/// text links nothing.
pub fn passages(
    corpus: &Corpus,
    ranked: &[usize],
    linked: &[Passage],
    boilerplate: &[Side],
    options: &Options,
) -> Vec<Passage> {
    let rank_of = super::ranks(ranked);
    let (mut terms, term_count) = term_ids(&corpus.documents);
    for side in boilerplate {
        let tokens = corpus.documents[side.doc].token_range(side.span);
        terms[side.doc][tokens].fill(0);
    }
    let level = |spans: fn(&Document) -> &[Span], paragraphs: bool| {
        let mut level = Level::new(corpus, &terms, term_count, options.min_words, spans);
        level.paragraphs = paragraphs;
        level
    };
    let paragraphs = level(|d| d.paragraphs(), true);
    let aligned = Linked::new(linked.iter());
    let mut found = paragraphs.pairs(
        corpus,
        &rank_of,
        &aligned,
        options,
        options.min_rewrite_score,
    );
    drop(paragraphs);
    // A related paragraph link may hold a rewritten sentence: only rewrites explain sentences.
    let rewritten = found.iter().filter(|p| p.kind == Kind::Rewritten);
    let covered = Linked::new(linked.iter().chain(rewritten));
    let sentences = level(|d| d.sentences(), false);
    let related = Linked::new(found.iter().filter(|p| p.kind == Kind::Related));
    let mut in_sentences = sentences.pairs(
        corpus,
        &rank_of,
        &covered,
        options,
        options.min_sentence_score,
    );
    // The same story, told again sentence by sentence, is one related link.
    in_sentences.retain(|p| p.kind == Kind::Rewritten || !related.covers(&p.a, &p.b));
    found.extend(in_sentences);
    found
}

impl Level {
    /// The units `spans` picks from every document, keeping those of `min_words` to
    /// `MAX_WORDS` words with enough terms, and their terms' weights. `terms_of` holds the term
    /// id of every token, below `term_count`.
    fn new(
        corpus: &Corpus,
        terms_of: &[Vec<u32>],
        term_count: usize,
        min_words: usize,
        spans: fn(&Document) -> &[Span],
    ) -> Self {
        let (units, terms): (Vec<Vec<Unit>>, Vec<UnitTerms>) = corpus
            .documents
            .par_iter()
            .enumerate()
            .map(|(doc, d)| units_of(doc, d, spans(d), &terms_of[doc], min_words))
            .unzip();
        let units = joined(units);
        let df = document_frequencies(&terms, term_count);
        let weights: Vec<f64> = df.iter().map(|&df| idf(units.len(), df as usize)).collect();
        let norms = units
            .par_iter()
            .map(|unit| norm(&terms[unit.doc()][unit.terms()], &weights))
            .collect();
        Self {
            spans,
            paragraphs: false,
            units,
            terms,
            df,
            weights,
            norms,
        }
    }

    /// The terms of a unit, sorted.
    fn terms_of(&self, unit: &Unit) -> &[(u32, u32)] {
        &self.terms[unit.doc()][unit.terms()]
    }

    /// Where a unit is.
    fn side(&self, corpus: &Corpus, unit: &Unit) -> Side {
        let doc = unit.doc();
        Side {
            doc,
            span: (self.spans)(&corpus.documents[doc])[unit.span as usize],
        }
    }

    fn weight(&self, term: u32) -> f64 {
        self.weights[term as usize]
    }

    /// Pairs of units in different documents scoring at least `min_score`. Candidates share at
    /// least two terms rare enough to index (in at most `cap` units); common terms still count
    /// in the score.
    fn pairs(
        &self,
        corpus: &Corpus,
        rank_of: &[usize],
        linked: &Linked,
        options: &Options,
        min_score: f64,
    ) -> Vec<Passage> {
        let cap = (self.units.len() / 200).clamp(MIN_CAP, MAX_CAP);
        let indexed = |df: u32| (2..=cap).contains(&(df as usize));
        let terms_of = |unit: usize| self.terms_of(&self.units[unit]);
        let postings = Postings::new(&self.df, indexed, self.units.len(), terms_of);
        let later = later_documents(&self.units);
        (0..self.units.len())
            .into_par_iter()
            .map_init(
                || (Tally::new(self.units.len()), TermSet::new(self.df.len())),
                |(tally, set), i| {
                    let candidates = self.candidates(i, &postings, later[i], (tally, set), options);
                    let link = |j: usize| {
                        // The side in the document ranked first names the shared words,
                        // whatever the order the documents were given in.
                        let rank = |unit: usize| rank_of[self.units[unit].doc()];
                        let (i, j) = if rank(i) < rank(j) { (i, j) } else { (j, i) };
                        self.link(corpus, linked, i, j, options, min_score)
                    };
                    candidates.into_iter().filter_map(link).collect::<Vec<_>>()
                },
            )
            .flatten_iter()
            .collect()
    }

    /// The units from `from` on (those of later documents) to compare with unit `i`: they share
    /// at least two of its indexed terms, and enough of its terms in all.
    fn candidates(
        &self,
        i: usize,
        postings: &Postings,
        from: u32,
        (tally, set): (&mut Tally, &mut TermSet),
        options: &Options,
    ) -> Vec<usize> {
        let terms = self.terms_of(&self.units[i]);
        let lists = terms.iter().map(|&(t, _)| postings.list(t));
        let mut candidates = tally.shared_at_least(lists, from, MIN_RARE_SHARED);
        if candidates.is_empty() {
            return candidates;
        }
        // Most candidates share too few terms in all: count them before listing the shared
        // terms of the others.
        set.insert(terms);
        candidates.retain(|&j| {
            let other = self.terms_of(&self.units[j]);
            set.count(other) >= least_shared(terms, other, options)
        });
        set.remove(terms);
        candidates
    }

    /// The rewritten passage linking units `i` and `j` (`i` in the document ranked first), if
    /// they share enough distinctive words.
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
        let (first_terms, second_terms) = (self.terms_of(first), self.terms_of(second));
        let least = least_shared(first_terms, second_terms, options);
        let shared = shared_terms(first_terms, second_terms);
        if shared.len() < least {
            return None;
        }
        // Words inside an aligned passage between the two documents are explained by it: the
        // rest must still make a rewrite.
        let start =
            |unit: &Unit, at: u32| corpus.documents[unit.doc()].tokens()[at as usize].start();
        let between = linked.between(first.doc(), second.doc());
        let fresh = if between.is_empty() {
            shared.len()
        } else {
            shared
                .iter()
                .filter(|(_, at_x, at_y)| {
                    !Linked::explains(between, start(first, *at_x), start(second, *at_y))
                })
                .count()
        };
        if fresh < least {
            return None;
        }
        let dot: f64 = shared.iter().map(|(t, _, _)| self.weight(*t).powi(2)).sum();
        let score = dot / (self.norms[i] * self.norms[j]).max(f64::EPSILON);
        let (a, b) = (self.side(corpus, first), self.side(corpus, second));
        (score >= min_score && !linked.covers(&a, &b)).then(|| {
            let words = first.words.max(second.words) as usize;
            let kind = if thin(shared.len(), score) {
                Kind::Related
            } else {
                self.kind_of(corpus, (a, b), &shared, between, options)
            };
            self.passage(corpus, (a, b), words, &shared, score, kind)
        })
    }

    /// Rewritten when the two sides keep enough of each other's word pairs, or, for two real
    /// paragraphs of a few sentences each, when one retells the other (a whole paragraph
    /// linked, its shared words largely in order, one of them a paragraph of a longer text:
    /// two short articles that are each one paragraph on one subject are two reports of it).
    /// Else related: the same story in independent words. In a rewrite of 50 words or more,
    /// words inside the spans already linked `between` the two documents are no evidence.
    fn kind_of(
        &self,
        corpus: &Corpus,
        (a, b): (Side, Side),
        shared: &[(u32, u32, u32)],
        between: &[(Span, Span)],
        options: &Options,
    ) -> Kind {
        let (da, db) = (&corpus.documents[a.doc], &corpus.documents[b.doc]);
        let (ra, rb) = (da.token_range(a.span), db.token_range(b.span));
        // A sentence or two retold without a single seed's run of words in common is two
        // reporters stating one fact ("Gonzalez was also arrested on charges of grand larceny…").
        let short = ra.len().max(rb.len()) < SHORT_REWRITE_WORDS;
        if short && longest_run(da, ra.clone(), db, rb.clone()) < options.ngram {
            return Kind::Related;
        }
        // A sentence or two that keeps a linked clause and rewords the rest is one rewritten
        // sentence; a long paragraph around one linked sentence must make a rewrite without it.
        let explained = if short { &[] } else { between };
        let start = |d: &Document, at: u32| d.tokens()[at as usize].start();
        let fresh: Vec<(u32, u32, u32)> = shared
            .iter()
            .filter(|(_, x, y)| !Linked::explains(explained, start(da, *x), start(db, *y)))
            .copied()
            .collect();
        let whole = |d: &Document, words: usize| words * 5 >= d.tokens().len() * WHOLE_TEXT_FIFTHS;
        let retold = || {
            let paragraph = |d: &Document, side: &Side, words: usize| {
                let first = d.sentences().partition_point(|s| s.end <= side.span.start);
                let last = d.sentences().partition_point(|s| s.start < side.span.end);
                last - first >= 2 && words <= MAX_PARAGRAPH_WORDS
            };
            self.paragraphs
                && !(whole(da, ra.len()) && whole(db, rb.len()))
                && paragraph(da, &a, ra.len())
                && paragraph(db, &b, rb.len())
                && in_order(&fresh) >= MIN_IN_ORDER
        };
        let wording = shared_pairs((da, ra.clone()), (db, rb.clone()), explained);
        if wording >= options.min_wording || retold() {
            Kind::Rewritten
        } else {
            Kind::Related
        }
    }

    /// The passage linking sides `a` and `b` (`a` in the document with the smaller id) of
    /// `words` words, its shared words ordered most distinctive first.
    fn passage(
        &self,
        corpus: &Corpus,
        (a, b): (Side, Side),
        words: usize,
        shared: &[(u32, u32, u32)],
        score: f64,
        kind: Kind,
    ) -> Passage {
        let doc = &corpus.documents[a.doc];
        let mut shared_words: Vec<(f64, String)> = shared
            .iter()
            .map(|(term, at, _)| (self.weight(*term), normalize_word(doc.word(*at as usize))))
            .collect();
        shared_words.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| p.1.cmp(&q.1)));
        Passage {
            shared_words: shared_words.into_iter().map(|(_, w)| w).collect(),
            ..Passage::linking(kind, (a, b), words, score)
        }
    }
}

/// The units of document `doc` among `spans` that have `min_words` to `MAX_WORDS` words and
/// enough terms, with their terms one after the other.
fn units_of(
    doc: usize,
    d: &Document,
    spans: &[Span],
    term_per_token: &[u32],
    min_words: usize,
) -> (Vec<Unit>, UnitTerms) {
    // Units do not overlap: their terms fit in one per token.
    let (mut units, mut terms) = (Vec::new(), Vec::with_capacity(d.tokens().len()));
    for (index, tokens) in d.token_ranges(spans).enumerate() {
        if !(min_words..=MAX_WORDS).contains(&tokens.len()) {
            continue;
        }
        let start = terms.len();
        let words = tokens.len();
        push_terms(term_per_token, tokens, &mut terms);
        if terms.len() - start < MIN_TERMS {
            terms.truncate(start);
        } else {
            units.push(Unit {
                doc: saturating_u32(doc),
                span: saturating_u32(index),
                terms: saturating_u32(start)..saturating_u32(terms.len()),
                words: saturating_u32(words),
            });
        }
    }
    terms.shrink_to_fit();
    (units, terms)
}

/// For each unit, the index of the first unit of the next document: units come grouped by
/// document, so the units of later documents are exactly those from there on.
fn later_documents(units: &[Unit]) -> Vec<u32> {
    let mut later = vec![saturating_u32(units.len()); units.len()];
    for i in (0..units.len().saturating_sub(1)).rev() {
        later[i] = if units[i + 1].doc == units[i].doc {
            later[i + 1]
        } else {
            saturating_u32(i + 1)
        };
    }
    later
}

/// The parts one after the other, in one vector sized once.
fn joined<T>(parts: Vec<Vec<T>>) -> Vec<T> {
    let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        all.extend(part);
    }
    all
}

/// A paragraph holding this many fifths of its document's words or more is the whole text, not
/// a paragraph of it (a short article scraped as one block).
const WHOLE_TEXT_FIFTHS: usize = 4;

/// A rewrite shorter than this, in words, is the same story unless its sides share a run of
/// words as long as a seed n-gram.
const SHORT_REWRITE_WORDS: usize = 50;

/// A rewrite linked by fewer distinctive words than this, at a score below [`THIN_SCORE`], is
/// the same story told twice: two reports of one arrest or one death share the names, the
/// charge and the date, and little else.
const THIN_SHARED: usize = 7;
/// See [`THIN_SHARED`].
const THIN_SCORE: f64 = 0.6;

/// Whether `shared` distinctive words at `score` are too thin evidence of a rewrite.
fn thin(shared: usize, score: f64) -> bool {
    shared < THIN_SHARED && score < THIN_SCORE
}

/// Fewest terms two units with these terms must share to be a rewrite.
fn least_shared(x: &[(u32, u32)], y: &[(u32, u32)], options: &Options) -> usize {
    let fewest_terms = x.len().min(y.len());
    options
        .min_shared_words
        .max(fewest_terms.div_ceil(SHARE_DIVISOR))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(doc: u32) -> Unit {
        Unit {
            doc,
            span: 0,
            terms: 0..0,
            words: 0,
        }
    }

    #[test]
    fn later_documents_start_after_each_run_of_units() {
        let units: Vec<Unit> = [0, 0, 1, 3, 3, 3].map(unit).into();
        assert_eq!(later_documents(&units), [2, 2, 3, 6, 6, 6]);
        assert!(later_documents(&[]).is_empty());
    }
}

#[cfg(test)]
mod thin_tests {
    use crate::corpus::{Corpus, Source};
    use crate::reuse::{Kind, Options, find_reuse};

    fn kinds(x: &str, y: &str) -> Vec<Kind> {
        let corpus = Corpus::from_sources(vec![Source::new("x", x), Source::new("y", y)]);
        let report = find_reuse(&corpus, &Options::default());
        report.passages.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn a_short_rewrite_needs_a_run_of_a_seed_s_words() {
        // One meeting told twice: the same names, place and date, never five words in a row.
        let x = "Talks\nJordan's representatives took part in the first meeting of the joint task force \
                 on the Syrian ceasefire comprising Russia, Iran and Turkey, which was held in \
                 Kazakhstan's capital city of Astana on February 6.";
        let y = "Astana\nThe first session of a joint task force on monitoring ceasefire in Syria, \
                 comprising representatives of Russia, Turkey, Iran, and also the United Nations \
                 and Jordan, was held in Kazakhstan's Astana on February 6.";
        // The pair is linked by this one rewrite only: keep the lone-link rule out of it.
        let options = Options {
            lone_min_words: 0,
            ..Options::default()
        };
        let corpus = Corpus::from_sources(vec![Source::new("x", x), Source::new("y", y)]);
        let report = find_reuse(&corpus, &options);
        let found: Vec<Kind> = report.passages.iter().map(|p| p.kind).collect();
        assert_eq!(found, [Kind::Related]);
    }

    #[test]
    fn two_reports_of_one_arrest_sharing_only_names_and_charges_are_the_same_story() {
        let x = "Gonzalez was also arrested on charges of grand larceny and driving while \
                 impaired by drugs.";
        let y = "NYPD said Bronx resident Jose Gonzalez, 25, was charged with murder, grand \
                 larceny and operating a motor vehicle while impaired by drugs.";
        let found = kinds(x, y);
        assert!(!found.contains(&Kind::Rewritten), "{found:?}");
    }

    #[test]
    fn thin_evidence_is_few_shared_words_at_a_low_score() {
        assert!(super::thin(5, 0.55));
        assert!(!super::thin(7, 0.55));
        assert!(!super::thin(6, 0.79));
    }
}

#[cfg(test)]
mod retold_tests {
    use crate::corpus::{Corpus, Source};
    use crate::reuse::{Kind, Options, find_reuse};

    /// A paragraph, and the same told again in other words, the distinctive words in order.
    const TOLD: &str = "At Thursday's hearing, Professor Ilse Varga, who directs the reservoir \
        authority, claimed that her engineers had inspected every sluice. Councillor Odile \
        Brecht then asked whether anybody had climbed down into the northern culvert since \
        April. Varga consulted her papers for a long while and finally promised an answer \
        next week. Lindmoor has 9,000 residents and one dam.";
    const RETOLD: &str = "Questioned by councillors on Thursday, Professor Ilse Varga of the \
        reservoir authority maintained that each sluice had been inspected by engineers. Yet \
        when Odile Brecht pressed her, she could not tell whether a single person had gone \
        down the culvert to the north after April, and promised only to answer by next week. \
        For 9,000 residents who depend on one dam, that is a worrying gap.";

    fn kinds(x: &str, y: &str) -> Vec<Kind> {
        let options = Options {
            lone_min_words: 0,
            ..Options::default()
        };
        let corpus = Corpus::from_sources(vec![Source::new("x", x), Source::new("y", y)]);
        let report = find_reuse(&corpus, &options);
        report.passages.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn a_paragraph_retold_inside_a_longer_article_is_a_rewrite() {
        let x = format!(
            "Dam\nThe spring festival drew a large crowd to the market square.\n\n{TOLD}\n\n\
             Tickets for the rowing regatta go on sale at the harbour office on Monday."
        );
        let y = format!(
            "Reservoir\nA new bakery has opened beside the old railway station.\n\n{RETOLD}\n\n\
             The library will stay open late on Fridays throughout the summer months."
        );
        assert_eq!(kinds(&x, &y), [Kind::Rewritten]);
    }

    #[test]
    fn two_short_articles_each_one_paragraph_on_one_subject_are_the_same_story() {
        let found = kinds(&format!("Dam\n{TOLD}"), &format!("Reservoir\n{RETOLD}"));
        assert_eq!(found, [Kind::Related]);
    }

    #[test]
    fn a_paragraph_around_one_shared_sentence_links_the_sentence_not_the_paragraph() {
        let shared = "The reservoir authority inspected every sluice of the northern dam last April \
                      and found the concrete sound.";
        let x = format!(
            "Dam\nThe spring festival drew a large crowd to the market square.\n\n\
             Councillor Odile Brecht opened the hearing with questions about the budget. {shared} \
             Brecht then turned to the harbour, where the authority plans new moorings for \
             fishing boats before the summer. The meeting ran late into a wet and windy evening.\n\n\
             Tickets for the rowing regatta go on sale at the harbour office on Monday."
        );
        let y = format!(
            "Reservoir\nA new bakery has opened beside the old railway station.\n\n\
             Parents complained that parking near the primary school is impossible at noon. \
             {shared} A choir from the valley will sing carols in the church square on Sunday, \
             weather permitting. Bus services return to their winter timetable next month.\n\n\
             The library will stay open late on Fridays throughout the summer months."
        );
        let kinds = kinds(&x, &y);
        assert!(kinds.contains(&Kind::Verbatim), "{kinds:?}");
        assert!(!kinds.contains(&Kind::Rewritten), "{kinds:?}");
    }
}
