//! `rehash scan`: the engine's findings as one JSON object (a contract other tools rely on) or
//! as a readable summary.

use std::fmt::Write as _;

use serde::Serialize;

use crate::corpus::{Corpus, Document};
use crate::diff::Change;
use crate::reuse::{Options, Passage, Report, Side};
use crate::text::display_safe;

/// Version of the JSON layout.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    options: &'a Options,
    documents: Vec<DocumentOut<'a>>,
    passages: Vec<PassageOut<'a>>,
    clusters: Vec<ClusterOut<'a>>,
    boilerplate: Vec<Place<'a>>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    path: Option<String>,
    title: &'a str,
    chars: usize,
    words: usize,
}

#[derive(Serialize)]
struct Place<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct PassageOut<'a> {
    id: usize,
    kind: &'static str,
    score: f64,
    words: usize,
    a: Place<'a>,
    b: Place<'a>,
    cluster: usize,
    boilerplate: bool,
    shared_words: &'a [String],
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    change: Change,
    a: Place<'a>,
    b: Place<'a>,
    a_text: &'a str,
    b_text: &'a str,
}

#[derive(Serialize)]
struct ClusterOut<'a> {
    id: usize,
    docs: usize,
    members: Vec<Place<'a>>,
    passages: &'a [usize],
}

fn place<'a>(corpus: &'a Corpus, side: &Side) -> Place<'a> {
    Place {
        doc: &corpus.documents[side.doc].id,
        start: side.span.start,
        end: side.span.end,
    }
}

/// Writes the report as the `scan` JSON object (pretty-printed).
pub fn write_json(
    out: impl std::io::Write,
    corpus: &Corpus,
    report: &Report,
    options: &Options,
) -> std::io::Result<()> {
    let output = Output {
        version: JSON_VERSION,
        options,
        documents: corpus.documents.iter().map(document_out).collect(),
        passages: report
            .passages
            .iter()
            .map(|p| passage_out(corpus, p))
            .collect(),
        clusters: report
            .clusters
            .iter()
            .map(|c| ClusterOut {
                id: c.id,
                docs: c.docs,
                members: c.members.iter().map(|m| place(corpus, m)).collect(),
                passages: &c.passages,
            })
            .collect(),
        boilerplate: report
            .boilerplate
            .iter()
            .map(|b| place(corpus, b))
            .collect(),
    };
    serde_json::to_writer_pretty(out, &output).map_err(std::io::Error::from)
}

fn document_out(d: &Document) -> DocumentOut<'_> {
    DocumentOut {
        id: &d.id,
        path: d.path.as_ref().map(|p| p.to_string_lossy().into_owned()),
        title: &d.title,
        chars: d.chars(),
        words: d.words(),
    }
}

fn passage_out<'a>(corpus: &'a Corpus, p: &'a Passage) -> PassageOut<'a> {
    let (da, db) = (&corpus.documents[p.a.doc], &corpus.documents[p.b.doc]);
    PassageOut {
        id: p.id,
        kind: p.kind.name(),
        score: (p.score * 1000.0).round() / 1000.0,
        words: p.words,
        a: place(corpus, &p.a),
        b: place(corpus, &p.b),
        cluster: p.cluster,
        boilerplate: p.boilerplate,
        shared_words: &p.shared_words,
        edits: p
            .diff
            .iter()
            .filter(|op| op.change != Change::Equal)
            .map(|op| EditOut {
                change: op.change,
                a: place(
                    corpus,
                    &Side {
                        doc: p.a.doc,
                        span: op.a,
                    },
                ),
                b: place(
                    corpus,
                    &Side {
                        doc: p.b.doc,
                        span: op.b,
                    },
                ),
                a_text: da.slice(op.a),
                b_text: db.slice(op.b),
            })
            .collect(),
    }
}

/// The report as a readable summary: document pairs ranked by shared words, each passage with
/// a short excerpt of both sides.
pub fn to_text(corpus: &Corpus, report: &Report) -> String {
    let mut pairs: std::collections::BTreeMap<(usize, usize), Vec<&Passage>> =
        std::collections::BTreeMap::new();
    for p in report.passages.iter().filter(|p| !p.boilerplate) {
        pairs.entry((p.a.doc, p.b.doc)).or_default().push(p);
    }
    let mut ranked: Vec<_> = pairs.into_iter().collect();
    ranked.sort_by_key(|(_, ps)| std::cmp::Reverse(ps.iter().map(|p| p.words).sum::<usize>()));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} documents, {} shared passages in {} clusters, {} boilerplate lines\n",
        corpus.len(),
        report.passages.iter().filter(|p| !p.boilerplate).count(),
        report.clusters.len(),
        report.boilerplate.len()
    );
    for ((a, b), passages) in ranked {
        let words: usize = passages.iter().map(|p| p.words).sum();
        let (da, db) = (&corpus.documents[a], &corpus.documents[b]);
        let _ = writeln!(
            out,
            "{} <> {}: {} passages, {words} words",
            da.id,
            db.id,
            passages.len()
        );
        for p in passages {
            let _ = writeln!(
                out,
                "  #{} {} score {:.2}, {} words, in {} documents",
                p.id,
                p.kind.name(),
                p.score,
                p.words,
                report.cluster_size(p.id)
            );
            let _ = writeln!(
                out,
                "    a {}..{}  {}",
                p.a.span.start,
                p.a.span.end,
                excerpt(da.slice(p.a.span))
            );
            let _ = writeln!(
                out,
                "    b {}..{}  {}",
                p.b.span.start,
                p.b.span.end,
                excerpt(db.slice(p.b.span))
            );
        }
        out.push('\n');
    }
    out
}

/// The first words of a passage on one line, with no control characters.
fn excerpt(text: &str) -> String {
    const WIDTH: usize = 90;
    let mut out = String::new();
    for c in text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
    {
        if out.chars().count() >= WIDTH {
            out.push('…');
            break;
        }
        match display_safe(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    format!("“{out}”")
}
