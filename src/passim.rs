//! passim, the text-reuse engine that runs on Spark clusters, as rehash's engine for archives
//! too big for one machine: the corpus written as passim reads it, and passim's results (its
//! cluster output and its pairwise alignments) read back into a [`Report`], so that the reader
//! and `scan` show them as they show rehash's own.

mod align;
mod records;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::corpus::Corpus;
use crate::reuse::{Cluster, Kind, Passage, Report, Side};
pub use records::{Counts, read_dir};

/// One document as passim reads it.
#[derive(Serialize)]
struct Exported<'a> {
    id: &'a str,
    series: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    text: &'a str,
}

/// Writes `corpus` as JSON lines passim reads: `id`, `series` (the outlet, or `series` when
/// given), `title`, `date` when known, and `text`. Ids are the corpus's, unique and stable.
pub fn export(corpus: &Corpus, series: Option<&str>, out: &mut impl Write) -> std::io::Result<()> {
    for d in &corpus.documents {
        let record = Exported {
            id: &d.id,
            series: series.unwrap_or(&d.group),
            title: &d.title,
            date: d.date.as_deref(),
            text: &d.text,
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// What was read from a passim output folder: the report, and what could not be used.
#[derive(Debug)]
pub struct Imported {
    /// passim's passages and clusters, as a report of the corpus.
    pub report: Report,
    /// Records read, used, and left out (with the first few examples of each reason).
    pub counts: Counts,
}

impl Imported {
    /// One warning per kind of record left out, with its first examples.
    pub fn warnings(&self) -> Vec<String> {
        self.counts.warnings()
    }
}

/// Reads every `part-*` file under `dir` (JSON lines, plain or gzip) as passim output for
/// `corpus`: cluster records (`cluster`, `id`, `begin`, `end`) or pairwise alignments (`id`,
/// `id2`, `begin`, `end`, `begin2`, `end2`, `s1`, `s2`, `matches`). Records that match no
/// loaded document, or are malformed, are counted, not fatal.
pub fn import(corpus: &Corpus, dir: &Path) -> Result<Imported, String> {
    let (parsed, mut counts) = read_dir(corpus, dir)?;
    let mut passages = Vec::new();
    for pair in parsed.pairs {
        passages.push(align::passage(corpus, &pair));
    }
    let mut clusters = Vec::new();
    // passim's boilerplate flags mark spans as rehash's own boilerplate does.
    let mut boilerplate: Vec<Side> = Vec::new();
    for (cluster, members) in parsed.clusters {
        let mut members: Vec<records::Member> = members;
        members.sort_by_key(|m| (m.side.doc, m.side.span.start, m.side.span.end));
        members.dedup_by_key(|m| m.side);
        if members.len() < 2 {
            counts.left_out("a cluster of one passage", &cluster);
            continue;
        }
        boilerplate.extend(members.iter().filter(|m| m.boilerplate).map(|m| m.side));
        let first = passages.len();
        let representative = members[0].side;
        for member in &members[1..] {
            let mut p = align::linking(corpus, representative, member.side);
            p.boilerplate = members[0].boilerplate || member.boilerplate;
            passages.push(p);
        }
        clusters.push((members, first..passages.len()));
    }
    for (id, p) in passages.iter_mut().enumerate() {
        p.id = id;
    }
    counts.passages = passages.len();
    let clusters = build_clusters(corpus, &mut passages, clusters);
    let mut report = Report::new(passages, clusters, boilerplate, corpus.len());
    report.set_duplicates(Vec::new());
    Ok(Imported { report, counts })
}

/// passim's clusters as the report's, largest first, each passage told its cluster; pairwise
/// passages (in no passim cluster) are grouped as rehash groups its own.
fn build_clusters(
    corpus: &Corpus,
    passages: &mut [Passage],
    from_clusters: Vec<(Vec<records::Member>, std::ops::Range<usize>)>,
) -> Vec<Cluster> {
    let in_cluster: usize = from_clusters.iter().map(|(_, r)| r.len()).sum();
    let article_of: Vec<usize> = (0..corpus.len()).collect();
    let mut clusters = if in_cluster == 0 {
        crate::reuse::cluster_passages(corpus, passages, &article_of)
    } else {
        Vec::new()
    };
    let mut by_size: Vec<(Vec<records::Member>, std::ops::Range<usize>)> = from_clusters;
    by_size.sort_by_key(|(members, range)| (std::cmp::Reverse(members.len()), range.start));
    for (members, range) in by_size {
        let id = clusters.len();
        let docs: BTreeSet<usize> = members.iter().map(|m| m.side.doc).collect();
        for p in &mut passages[range.clone()] {
            p.cluster = (!p.boilerplate).then_some(id);
        }
        clusters.push(Cluster {
            id,
            docs: docs.len(),
            members: members.iter().map(|m| m.side).collect(),
            representative: 0,
            passages: range.collect(),
        });
    }
    clusters
}

/// The kind of every passage passim found.
pub const KIND: Kind = Kind::Passim;

/// A passage of passim's linking sides `a` and `b`, ordered as rehash orders its own (the
/// side in the document with the smaller index first).
fn ordered(a: Side, b: Side) -> (Side, Side) {
    if (a.doc, a.span.start) <= (b.doc, b.span.start) {
        (a, b)
    } else {
        (b, a)
    }
}

#[cfg(test)]
mod tests;
