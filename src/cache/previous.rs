//! The last findings of a corpus that changed since: the passages, boilerplate and duplicate
//! groups among the documents left as they were, moved to where those documents are now.
//! Nothing touching an added, changed or removed document is kept, and the clusters are
//! grouped again from what is left. They are what the reader shows while it scans again.

use rustc_hash::FxHashMap;

use super::{Findings, Miss, fits};
use crate::corpus::Corpus;
use crate::reuse::{Passage, Report, Side};

/// The findings of an entry written for the documents `before` (id and content hash, in the
/// corpus order of then), among those of `now` that kept their id and content.
pub(super) fn project(
    findings: Findings,
    passages: Vec<Passage>,
    before: &[(String, u64)],
    now: &[(String, u64)],
    corpus: &Corpus,
) -> Result<Report, Miss> {
    let here: FxHashMap<(&str, u64), usize> = now
        .iter()
        .enumerate()
        .map(|(doc, (id, hash))| ((id.as_str(), *hash), doc))
        .collect();
    let now_of: Vec<Option<usize>> = before
        .iter()
        .map(|(id, hash)| here.get(&(id.as_str(), *hash)).copied())
        .collect();
    for (old, &words) in findings.words.iter().enumerate() {
        if let Some(doc) = now_of[old] {
            corpus.documents[doc].remember_words(words);
        }
    }
    let moved = |side: Side| {
        let doc = now_of.get(side.doc).copied().flatten()?;
        Some(Side { doc, ..side })
    };
    let mut kept: Vec<Passage> = passages
        .into_iter()
        .filter_map(|p| moved_passage(p, &moved))
        .collect();
    for (id, p) in kept.iter_mut().enumerate() {
        p.id = id;
    }
    let boilerplate: Vec<Side> = findings.boilerplate.into_iter().filter_map(moved).collect();
    let duplicates: Vec<Vec<usize>> = findings
        .duplicates
        .into_iter()
        .map(|group| {
            let mut docs: Vec<usize> = group
                .into_iter()
                .filter_map(|doc| now_of.get(doc).copied().flatten())
                .collect();
            docs.sort_unstable();
            docs
        })
        .filter(|group| group.len() > 1)
        .collect();
    if !fits(corpus, &kept, &[], &boilerplate) {
        return Err(Miss::Damaged("places outside the documents".into()));
    }
    let mut article_of: Vec<usize> = (0..corpus.len()).collect();
    for group in &duplicates {
        for &doc in group {
            article_of[doc] = group[0];
        }
    }
    let clusters = crate::reuse::cluster_passages(corpus, &mut kept, &article_of);
    let mut report = Report::new(kept, clusters, boilerplate, corpus.len());
    report.set_duplicates(duplicates);
    Ok(report)
}

/// `p` with its sides (and those of its parts) moved, if every one of them is still there.
fn moved_passage(mut p: Passage, moved: &impl Fn(Side) -> Option<Side>) -> Option<Passage> {
    p.a = moved(p.a)?;
    p.b = moved(p.b)?;
    for part in &mut p.parts {
        part.a = moved(part.a)?;
        part.b = moved(part.b)?;
    }
    Some(p)
}
