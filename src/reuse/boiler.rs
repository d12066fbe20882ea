//! Boilerplate: template text an outlet repeats across its articles (footers, disclaimers,
//! sign-up prompts, standard phrases), wherever it sits in a line, and lines repeated across a
//! large share of the corpus (bylines, "Select Page"). They are reported, and passages inside
//! them are kept out of the headlines.

use rayon::prelude::*;

use super::align::with_closing_marks;
use super::template::{Frequent, runs};
use super::{Options, Passage, Side};
use crate::corpus::Corpus;
use crate::text::hash_tokens;

/// Every boilerplate span, sorted by document id then start, overlapping spans merged: the
/// runs of boilerplate n-grams (`frequent`, by document rank, as the index found them) and
/// the frequent lines. `ranked` lists the corpus indices in order of document id.
pub fn find(
    corpus: &Corpus,
    ranked: &[usize],
    frequent: &[Frequent],
    options: &Options,
) -> Vec<Side> {
    let rank_of = super::ranks(ranked);
    let mut spans = phrase_runs(corpus, ranked, frequent, options.ngram);
    spans.extend(frequent_lines(corpus, options));
    spans.sort_unstable_by_key(|s| (rank_of[s.doc], s.span.start, s.span.end));
    spans.dedup_by(|next, kept| {
        let joins = next.doc == kept.doc && next.span.start <= kept.span.end;
        if joins {
            kept.span = kept.span.union(&next.span);
        }
        joins
    });
    spans
}

/// Longest run of stock-phrase n-grams, in words, that is boilerplate: a longer one is a story
/// the outlet republished, which is reuse.
const MAX_STOCK_WORDS: usize = 40;
/// Shortest run of template n-grams, in words: a shorter one is a common phrase of the
/// outlet's subjects ("the Belt and Road Initiative"), not template text.
const MIN_TEMPLATE_WORDS: usize = 6;
/// Shortest run of stock-phrase n-grams, in words.
const MIN_STOCK_WORDS: usize = 8;
/// Most words a run may stop short of its paragraph's end and still take it in: the varying
/// tail of a footer (a date, a page number).
const TAIL_WORDS: usize = 3;

/// The spans of the runs of overlapping or touching boilerplate n-grams of `n` words: the runs
/// of template n-grams and the short runs of stock phrases, but for the shortest.
fn phrase_runs(corpus: &Corpus, ranked: &[usize], frequent: &[Frequent], n: usize) -> Vec<Side> {
    frequent
        .chunk_by(|x, y| x.doc == y.doc)
        .flat_map(|occurrences| {
            let doc = ranked[occurrences[0].doc as usize];
            let document = &corpus.documents[doc];
            // Runs of stock phrases are joined across short gaps (an edit in one copy breaks
            // the n-grams around it), so that a paragraph copied with typos is one long run.
            let runs_of = |stock: bool, gap: usize| {
                let kind: Vec<&Frequent> =
                    occurrences.iter().filter(|f| f.stock == stock).collect();
                runs(&kind, n, gap).into_iter().map(|(tokens, _)| tokens)
            };
            let mut runs: Vec<std::ops::Range<usize>> = runs_of(false, 0)
                .filter(|r| r.len() >= MIN_TEMPLATE_WORDS)
                .collect();
            runs.extend(
                runs_of(true, 2 * n)
                    .filter(|r| (MIN_STOCK_WORDS..=MAX_STOCK_WORDS).contains(&r.len())),
            );
            runs.into_iter().map(move |tokens| Side {
                doc,
                span: with_closing_marks(
                    document,
                    document.token_span(with_tail(document, tokens)),
                ),
            })
        })
        .collect()
}

/// A run of tokens taken on to the end of its paragraph when only a few words are left there.
fn with_tail(
    document: &crate::corpus::Document,
    run: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let last = document.tokens()[run.end - 1].start();
    let paragraph = document.paragraphs().partition_point(|p| p.end <= last);
    let Some(&span) = document.paragraphs().get(paragraph) else {
        return run;
    };
    let end = document.token_range(span).end;
    if end > run.end && end - run.end <= TAIL_WORDS {
        run.start..end
    } else {
        run
    }
}

/// Longest line, in words, counted as boilerplate at `Options::boilerplate_share`; longer lines
/// must be in half the corpus.
const SHORT_LINE: usize = 30;

/// The lines (paragraphs) present, word for word, in a large share of the documents.
fn frequent_lines(corpus: &Corpus, options: &Options) -> Vec<Side> {
    let mut lines: Vec<(u64, Side)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(doc, d)| {
            let keys = d
                .token_ranges(d.paragraphs())
                .map(|words| hash_tokens(&d.tokens()[words]));
            keys.zip(d.paragraphs())
                .map(move |(key, &span)| (key, Side { doc, span }))
        })
        .collect();
    lines.par_sort_unstable_by_key(|(key, side)| (*key, side.doc, side.span.start));
    let short_min = options
        .docs_for_share(options.boilerplate_share, corpus.len())
        .max(3);
    let long_min = options.docs_for_share(0.5, corpus.len()).max(3);
    let frequent = |sides: &[Side]| {
        let words = corpus.documents[sides[0].doc]
            .token_range(sides[0].span)
            .len();
        words > 0
            && sides.len()
                >= if words <= SHORT_LINE {
                    short_min
                } else {
                    long_min
                }
    };
    let mut found: Vec<Side> = Vec::new();
    let fewest = short_min.min(long_min);
    for same_line in lines
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run.len() >= fewest)
    {
        // One occurrence per document: its first.
        let mut sides: Vec<Side> = same_line.iter().map(|(_, side)| *side).collect();
        sides.dedup_by_key(|side| side.doc);
        if frequent(&sides) {
            found.extend(sides);
        }
    }
    found
}

/// Marks the passages that are boilerplate: on either side, fewer than `min_words` of their
/// words lie outside boilerplate, so what they share beyond the template is too short to be
/// a passage.
pub fn mark(corpus: &Corpus, passages: &mut [Passage], boilerplate: &[Side], min_words: usize) {
    let mut by_doc = vec![Vec::new(); corpus.len()];
    for b in boilerplate {
        by_doc[b.doc].push(b.span);
    }
    // The spans of one document do not overlap (`find` merges them): the words of a side
    // inside boilerplate are those of its overlaps with them.
    let fresh_words = |side: &Side| {
        let doc = &corpus.documents[side.doc];
        let words = doc.token_range(side.span).len();
        let spans = &by_doc[side.doc];
        let first = spans.partition_point(|b| b.end <= side.span.start);
        let inside: usize = spans[first..]
            .iter()
            .take_while(|b| b.start < side.span.end)
            .map(|b| {
                let (start, end) = (b.start.max(side.span.start), b.end.min(side.span.end));
                doc.token_range(doc.map().span(start, end)).len()
            })
            .sum();
        words.saturating_sub(inside)
    };
    passages.par_iter_mut().for_each(|p| {
        p.boilerplate = fresh_words(&p.a).min(fresh_words(&p.b)) < min_words.max(1);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::reuse::find_reuse;
    use crate::text::Span;

    const FOOTER: &str = "The views do not necessarily reflect those of the Daily Planet.";
    const STORY: &str = "The harbour wall collapsed late on Tuesday as a storm surge pushed \
        seawater into the lower district, forcing the evacuation of thirty homes.";

    /// Invented words so that no two articles share anything but what a test puts in.
    fn filler(i: usize) -> String {
        (0..40)
            .map(|k| format!("w{i}x{k}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn source(series: &str, i: usize, text: String) -> Source {
        Source {
            group: series.to_owned(),
            ..Source::new(format!("{series}/{i:02}"), text)
        }
    }

    fn texts_marked(sources: Vec<Source>) -> Vec<(String, String)> {
        let corpus = Corpus::from_sources(sources);
        let report = find_reuse(&corpus, &Options::default());
        report
            .boilerplate
            .iter()
            .map(|b| {
                let d = &corpus.documents[b.doc];
                (d.id.clone(), d.slice(b.span).to_owned())
            })
            .collect()
    }

    #[test]
    fn a_footer_in_many_of_one_outlets_articles_is_boilerplate_inside_a_long_line() {
        let mut sources: Vec<Source> = (0..10)
            .map(|i| {
                let footer = if i < 8 { FOOTER } else { "" };
                source(
                    "planet",
                    i,
                    format!("Title {i}\n{} {footer} {}", filler(i), filler(i + 50)),
                )
            })
            .collect();
        // Another outlet quotes it once; with it, the footer is in fewer than 30% of all the
        // articles, so it is template text of one outlet only.
        sources.push(source("other", 0, format!("T\n{} {FOOTER}", filler(99))));
        sources.extend((1..25).map(|i| source("other", i, filler(100 + i))));
        let marked = texts_marked(sources);
        assert_eq!(marked.len(), 8, "{marked:?}");
        for (id, text) in &marked {
            assert!(id.starts_with("planet/"), "{id}");
            assert_eq!(text, FOOTER);
        }
    }

    #[test]
    fn a_long_story_in_a_tenth_of_one_folder_is_reuse_not_boilerplate() {
        let story = (0..150)
            .map(|k| format!("tale{k}"))
            .collect::<Vec<_>>()
            .join(" ");
        let sources: Vec<Source> = (0..100)
            .map(|i| {
                let again = if i < 10 { story.as_str() } else { "" };
                source("planet", i, format!("Title {i}\n{} {again}", filler(i)))
            })
            .collect();
        let corpus = Corpus::from_sources(sources);
        let report = find_reuse(&corpus, &Options::default());
        assert!(report.boilerplate.is_empty(), "{:?}", report.boilerplate);
        // Every copy is linked to every other: 45 pairs of reuse.
        let reuse = report.passages.iter().filter(|p| p.is_reuse()).count();
        assert_eq!(reuse, 45);
    }

    #[test]
    fn a_long_footer_in_many_of_one_outlets_articles_stays_boilerplate() {
        let footer = (0..70)
            .map(|k| format!("sign{k}"))
            .collect::<Vec<_>>()
            .join(" ");
        let sources: Vec<Source> = (0..100)
            .map(|i| {
                let tail = if i < 30 { footer.as_str() } else { "" };
                source("planet", i, format!("Title {i}\n{} {tail}", filler(i)))
            })
            .collect();
        let corpus = Corpus::from_sources(sources);
        let report = find_reuse(&corpus, &Options::default());
        assert_eq!(report.boilerplate.len(), 30);
        assert!(report.passages.iter().all(|p| !p.is_reuse()));
    }

    #[test]
    fn a_story_an_outlet_republishes_a_few_times_is_not_boilerplate() {
        let sources: Vec<Source> = (0..20)
            .map(|i| {
                let story = if i < 3 { STORY } else { "" };
                source("planet", i, format!("Title {i}\n{} {story}", filler(i)))
            })
            .collect();
        assert!(texts_marked(sources).is_empty());
    }

    #[test]
    fn a_short_phrase_in_a_few_of_one_outlets_articles_is_a_stock_phrase_a_long_story_is_not() {
        const BIO: &str = "The writer is a senior editorial consultant for the Daily Planet UK.";
        let story = (0..60)
            .map(|k| format!("story{k}"))
            .collect::<Vec<_>>()
            .join(" ");
        let sources: Vec<Source> = (0..60)
            .map(|i| {
                let bio = if i < 6 { BIO } else { "" };
                let again = if (10..16).contains(&i) {
                    story.as_str()
                } else {
                    ""
                };
                source(
                    "planet",
                    i,
                    format!("Title {i}\n{} {bio} {again}", filler(i)),
                )
            })
            .collect();
        let marked = texts_marked(sources);
        assert_eq!(marked.len(), 6, "{marked:?}");
        assert!(
            marked
                .iter()
                .all(|(_, text)| BIO.starts_with(text.as_str()))
        );
    }

    #[test]
    fn a_passage_is_boilerplate_when_too_few_of_its_words_lie_outside_it() {
        let text = format!("Crews worked through the night to clear the harbour. {FOOTER}");
        let corpus = Corpus::from_sources(vec![
            Source::new("a", text.clone()),
            Source::new("b", text.clone()),
        ]);
        let d = &corpus.documents[0];
        let footer_start = text.find("The views").unwrap_or(0);
        let footer = d.map().span(footer_start, d.chars());
        let whole = d.map().span(0, d.chars());
        let side = |doc: usize, span: Span| Side { doc, span };
        let sides = (side(0, whole), side(1, whole));
        let verbatim = crate::reuse::Kind::Verbatim;
        let mut passages = vec![Passage::linking(verbatim, sides, 20, 1.0)];
        let boilerplate = [side(0, footer), side(1, footer)];
        // Nine words of its own: under ten, boilerplate; over nine, reuse with a footer.
        mark(&corpus, &mut passages, &boilerplate, 10);
        assert!(passages[0].boilerplate);
        mark(&corpus, &mut passages, &boilerplate, 9);
        assert!(!passages[0].boilerplate);
    }

    #[test]
    fn passages_inside_boilerplate_are_marked_and_seed_nothing() {
        let sources: Vec<Source> = (0..10)
            .map(|i| source("planet", i, format!("Title {i}\n{} {FOOTER}", filler(i))))
            .collect();
        let corpus = Corpus::from_sources(sources);
        let report = find_reuse(&corpus, &Options::default());
        assert_eq!(report.boilerplate.len(), 10);
        assert!(report.passages.is_empty(), "{:?}", report.passages);
        assert!((0..10).all(|doc| report.partners(doc).is_empty()));
    }
}
