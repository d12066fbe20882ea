//! Boilerplate: lines repeated across a large share of the corpus (bylines, footers, "Select
//! Page"). They are reported, and passages inside them are kept out of the headlines.

use rayon::prelude::*;

use super::{Options, Passage, Side};
use crate::corpus::Corpus;
use crate::text::hash_tokens;

/// Longest line, in words, counted as boilerplate at `Options::boilerplate_share`; longer lines
/// must be in half the corpus.
const SHORT_LINE: usize = 30;

/// The lines (paragraphs) present, word for word, in a large share of the documents.
pub fn find(corpus: &Corpus, options: &Options) -> Vec<Side> {
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
    found.sort_unstable_by(|x, y| {
        let key = |s: &Side| {
            (
                corpus.documents[s.doc].id.as_str(),
                s.span.start,
                s.span.end,
            )
        };
        key(x).cmp(&key(y))
    });
    found
}

/// Marks passages lying mostly inside boilerplate lines.
pub fn mark(passages: &mut [Passage], boilerplate: &[Side]) {
    let inside = |side: &Side| {
        let first = boilerplate.partition_point(|b| b.doc < side.doc);
        let last = boilerplate.partition_point(|b| b.doc <= side.doc);
        let covered: usize = boilerplate[first..last]
            .iter()
            .map(|b| b.span.overlap(&side.span))
            .sum();
        2 * covered >= side.span.len()
    };
    for p in passages {
        p.boilerplate = inside(&p.a) || inside(&p.b);
    }
}
