//! One passage per reused section: passages between the same two documents that follow each
//! other in the same order on both sides, a sentence or less apart, become one passage, which
//! keeps its parts.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Kind, Part, Passage, Side};
use crate::corpus::{Corpus, Document};
use crate::diff;

/// Most words between two passages that still make one section: about a sentence.
const MAX_GAP_WORDS: usize = 30;

/// The passages with every run of consecutive reuse passages of one document pair merged into
/// one passage. Boilerplate and related links are left as they are.
pub fn sections(corpus: &Corpus, passages: Vec<Passage>) -> Vec<Passage> {
    let (reuse, mut kept): (Vec<Passage>, Vec<Passage>) =
        passages.into_iter().partition(Passage::is_reuse);
    let mut by_pair: FxHashMap<(usize, usize), Vec<Passage>> = FxHashMap::default();
    for p in reuse {
        by_pair.entry((p.a.doc, p.b.doc)).or_default().push(p);
    }
    // In any order: the passages are numbered in order of their sides afterwards.
    let pairs: Vec<Vec<Passage>> = by_pair.into_values().collect();
    let sections: Vec<Passage> = pairs
        .into_par_iter()
        .flat_map_iter(|pair| sections_of_pair(corpus, pair))
        .collect();
    kept.extend(sections);
    kept
}

/// The sections of the reuse passages of one document pair.
fn sections_of_pair(corpus: &Corpus, mut pair: Vec<Passage>) -> Vec<Passage> {
    pair.sort_by_key(|p| (p.a.span.start, p.b.span.start, p.a.span.end));
    let mut out = Vec::new();
    let mut run: Vec<Passage> = Vec::new();
    // What the run covers on each side, from its first passage to the furthest end.
    let mut extent: Option<(Side, Side)> = None;
    for p in pair {
        if extent.is_some_and(|sides| !follows(corpus, sides, &p)) {
            out.push(merged(corpus, std::mem::take(&mut run)));
            extent = None;
        }
        extent = Some(match extent {
            Some((a, b)) => (joined(a, p.a), joined(b, p.b)),
            None => (p.a, p.b),
        });
        run.push(p);
    }
    if !run.is_empty() {
        out.push(merged(corpus, run));
    }
    out
}

/// Whether passage `next` belongs to the section whose sides are `(a, b)` so far: it comes
/// after them on both sides, a sentence or less further on, or it overlaps them on both sides
/// (one section found twice: a copied clause aligned, and the paragraph around it found as a
/// rewrite).
fn follows(corpus: &Corpus, (a, b): (Side, Side), next: &Passage) -> bool {
    if a.span.overlap(&next.a.span) > 0 && b.span.overlap(&next.b.span) > 0 {
        return true;
    }
    let close = |doc: &Document, before: &Side, after: &Side| {
        let overlap = before.span.overlap(&after.span);
        if after.span.start < before.span.start || 4 * overlap > after.span.len() {
            return false;
        }
        let between = doc
            .map()
            .span(before.span.end.min(after.span.start), after.span.start);
        doc.token_range(between).len() <= MAX_GAP_WORDS
    };
    close(&corpus.documents[a.doc], &a, &next.a) && close(&corpus.documents[b.doc], &b, &next.b)
}

/// The side covering both sides `x` and `y` of one document.
fn joined(x: Side, y: Side) -> Side {
    Side {
        doc: x.doc,
        span: x.span.union(&y.span),
    }
}

/// One passage from a run of consecutive passages (a run of one is returned as it is).
fn merged(corpus: &Corpus, mut run: Vec<Passage>) -> Passage {
    if run.len() == 1
        && let Some(only) = run.pop()
    {
        return only;
    }
    let (a, b) = run.iter().skip(1).fold((run[0].a, run[0].b), |(a, b), p| {
        (joined(a, p.a), joined(b, p.b))
    });
    let (da, db) = (&corpus.documents[a.doc], &corpus.documents[b.doc]);
    let words = da
        .token_range(a.span)
        .len()
        .max(db.token_range(b.span).len());
    let parts: Vec<Part> = run
        .iter()
        .map(|p| Part {
            kind: p.kind,
            score: p.score,
            a: p.a,
            b: p.b,
        })
        .collect();
    let rewritten = run.iter().any(|p| p.kind == Kind::Rewritten);
    let (kind, score, diff) = if rewritten {
        // Rewritten parts have no word diff: the whole keeps its aligned parts' diffs.
        let weight = |p: &Passage| f64::from(u32::try_from(p.words).unwrap_or(u32::MAX));
        let total: f64 = run.iter().map(weight).sum();
        let score = run.iter().map(|p| p.score * weight(p)).sum::<f64>() / total.max(1.0);
        let diff = run.iter().flat_map(|p| p.diff.iter().copied()).collect();
        (Kind::Rewritten, score, diff)
    } else {
        // Aligned parts: the diff of the whole shows what lies between them as edits.
        let ops = diff::word_diff(da, a.span, db, b.span);
        let exact = ops.iter().all(|op| op.change == diff::Change::Equal);
        let kind = if exact { Kind::Verbatim } else { Kind::Near };
        (kind, diff::similarity(&ops), ops)
    };
    let mut shared_words = super::SharedWords::default();
    for word in run.iter().flat_map(|p| p.shared_words.iter()) {
        if !shared_words.contains(word) {
            shared_words.push(word);
        }
    }
    Passage {
        shared_words,
        diff,
        parts,
        ..Passage::linking(kind, (a, b), words, score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::reuse::{Options, find_reuse};

    fn corpus() -> Corpus {
        let text = (0..300)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        Corpus::from_sources(vec![Source::new("a", text.clone()), Source::new("b", text)])
    }

    /// A rewritten passage between word ranges of the two documents.
    fn rewrite(c: &Corpus, a: (usize, usize), b: (usize, usize)) -> Passage {
        let side = |doc: usize, (first, end): (usize, usize)| Side {
            doc,
            span: c.documents[doc].token_span(first..end),
        };
        Passage {
            shared_words: [format!("w{}", a.0)].into_iter().collect(),
            ..Passage::linking(Kind::Rewritten, (side(0, a), side(1, b)), a.1 - a.0, 0.5)
        }
    }

    #[test]
    fn rewritten_sentences_in_a_row_are_one_section_with_its_parts() {
        let c = corpus();
        let run = vec![
            rewrite(&c, (100, 120), (10, 30)),
            rewrite(&c, (0, 20), (200, 220)),
            rewrite(&c, (40, 60), (40, 62)),
            rewrite(&c, (20, 40), (30, 40)),
        ];
        let mut found = sections(&c, run);
        found.sort_by_key(|p| p.a.span.start);
        let parts: Vec<usize> = found.iter().map(|p| p.parts.len()).collect();
        // 20..40 follows 0..20 on side a but comes before it on side b: its own passage.
        assert_eq!(parts, [0, 2, 0], "{found:?}");
        let section = &found[1];
        assert_eq!(section.kind, Kind::Rewritten);
        assert_eq!(c.documents[0].token_range(section.a.span), 20..60);
        assert_eq!(c.documents[1].token_range(section.b.span), 30..62);
        assert_eq!(section.shared_words, ["w20", "w40"]);
    }

    #[test]
    fn a_copied_clause_inside_a_rewritten_paragraph_is_one_section() {
        let c = corpus();
        let clause = Passage {
            kind: Kind::Verbatim,
            score: 1.0,
            ..rewrite(&c, (110, 122), (18, 30))
        };
        let found = sections(&c, vec![clause, rewrite(&c, (100, 140), (10, 48))]);
        assert_eq!(found.len(), 1, "{found:?}");
        let section = &found[0];
        assert_eq!((section.kind, section.parts.len()), (Kind::Rewritten, 2));
        assert_eq!(c.documents[0].token_range(section.a.span), 100..140);
        assert_eq!(c.documents[1].token_range(section.b.span), 10..48);
        // Overlapping on one side only (one clause of a aligned twice in b): two passages.
        let twice = vec![
            rewrite(&c, (100, 140), (10, 48)),
            rewrite(&c, (120, 150), (200, 230)),
        ];
        assert_eq!(sections(&c, twice).len(), 2);
    }

    #[test]
    fn copies_a_sentence_apart_are_one_near_passage_whose_diff_shows_the_gap() {
        let shared_1 = "The harbour wall collapsed late on Tuesday as a storm surge pushed \
                        seawater into the lower district of the old fishing town.";
        let shared_2 = "Emergency crews said nobody was killed, but one man was taken to \
                        hospital and several fishing boats were torn from their moorings.";
        let a = format!(
            "{shared_1} Officials at the county office blamed years of delayed repairs and a \
             budget that never covered the work. {shared_2}"
        );
        let b = format!(
            "{shared_1} Residents of Quay Street told reporters they had warned everyone about \
             cracks since the spring. {shared_2}"
        );
        let c = Corpus::from_sources(vec![Source::new("a", a), Source::new("b", b)]);
        let report = find_reuse(&c, &Options::default());
        assert_eq!(report.passages.len(), 1, "{:?}", report.passages);
        let p = &report.passages[0];
        assert_eq!((p.kind, p.parts.len()), (Kind::Near, 2));
        assert_eq!(p.a.span.len(), c.documents[0].chars());
        assert!(p.diff.iter().any(|op| op.change == diff::Change::Changed));
    }
}
