//! Boilerplate: template text an outlet repeats across its articles (footers, disclaimers,
//! sign-up prompts, standard phrases), wherever it sits in a line, and lines repeated across a
//! large share of the corpus (bylines, "Select Page"). They are reported, and passages inside
//! them are kept out of the headlines.

use rayon::prelude::*;

use super::index::Frequent;
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
    let mut rank_of = vec![0; corpus.len()];
    for (rank, &doc) in ranked.iter().enumerate() {
        rank_of[doc] = rank;
    }
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

/// The spans of the runs of overlapping or touching boilerplate n-grams of `n` words.
fn phrase_runs(corpus: &Corpus, ranked: &[usize], frequent: &[Frequent], n: usize) -> Vec<Side> {
    frequent
        .chunk_by(|x, y| x.doc == y.doc)
        .flat_map(|occurrences| {
            let doc = ranked[occurrences[0].doc as usize];
            let document = &corpus.documents[doc];
            let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
            for f in occurrences {
                let (start, end) = (f.pos as usize, f.pos as usize + n);
                match runs.last_mut() {
                    Some(run) if start <= run.end => run.end = run.end.max(end),
                    _ => runs.push(start..end),
                }
            }
            runs.into_iter().map(move |tokens| Side {
                doc,
                span: document.token_span(tokens),
            })
        })
        .collect()
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
                .token_ranges(&d.paragraphs)
                .map(|words| hash_tokens(&d.tokens[words]));
            keys.zip(&d.paragraphs)
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

/// Marks passages lying mostly inside boilerplate on either side.
pub fn mark(passages: &mut [Passage], boilerplate: &[Side]) {
    let docs = boilerplate.iter().map(|b| b.doc + 1).max().unwrap_or(0);
    let mut by_doc = vec![Vec::new(); docs];
    for b in boilerplate {
        by_doc[b.doc].push(b.span);
    }
    let inside = |side: &Side| {
        let spans = by_doc.get(side.doc).map_or(&[][..], Vec::as_slice);
        let covered: usize = spans.iter().map(|b| b.overlap(&side.span)).sum();
        2 * covered >= side.span.len()
    };
    for p in passages {
        p.boilerplate = inside(&p.a) || inside(&p.b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::reuse::find_reuse;

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
            assert_eq!(
                text,
                "The views do not necessarily reflect those of the Daily Planet"
            );
        }
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
    fn passages_inside_boilerplate_are_marked_and_seed_nothing() {
        let sources: Vec<Source> = (0..10)
            .map(|i| source("planet", i, format!("Title {i}\n{} {FOOTER}", filler(i))))
            .collect();
        let corpus = Corpus::from_sources(sources);
        let report = find_reuse(&corpus, &Options::default());
        assert_eq!(report.boilerplate.len(), 10);
        assert!(report.passages.iter().all(|p| p.boilerplate));
        assert!((0..10).all(|doc| report.partners(doc).is_empty()));
    }
}
