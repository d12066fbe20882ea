//! `rehash scan`: the engine's findings as one JSON object (a contract other tools rely on) or
//! as a readable summary.

mod html;
mod indented;
mod pan;

pub use crate::files::write_atomic;
pub use html::{corpus_html, pair_html, pair_markdown};
pub use pan::write_pan_xml;

use std::fmt::Write as _;
use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::{Corpus, Document};
use crate::diff::Change;
use crate::reuse::{Options, Passage, Report, Side};
use crate::text::{count, printable};
use indented::Indented;

/// Version of the JSON layout.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    path: Option<String>,
    title: &'a str,
    series: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    /// True for a saved web page: the offsets are those of its extracted article text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    extracted: bool,
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
    cluster: Option<usize>,
    boilerplate: bool,
    quote: bool,
    duplicate: bool,
    /// Which side was published first, by the documents' dates: "a", "b", "same", or none.
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<&'static str>,
    shared_words: &'a crate::reuse::SharedWords,
    edits: Vec<EditOut<'a>>,
    parts: Vec<PartOut<'a>>,
}

#[derive(Serialize)]
struct PartOut<'a> {
    kind: &'static str,
    score: f64,
    a: Place<'a>,
    b: Place<'a>,
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
    representative: Option<Place<'a>>,
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
    mut out: impl Write,
    corpus: &Corpus,
    report: &Report,
    options: &Options,
) -> std::io::Result<()> {
    write!(out, "{{\n  \"version\": {JSON_VERSION},\n  \"options\": ")?;
    write_nested(&mut out, options, 1)?;
    out.write_all(b",\n  \"documents\": ")?;
    write_nested(&mut out, &documents_by_id(corpus), 1)?;
    out.write_all(b",\n  \"passages\": ")?;
    write_passages(&mut out, corpus, &report.passages)?;
    out.write_all(b",\n  \"clusters\": ")?;
    write_nested(&mut out, &clusters_out(corpus, report), 1)?;
    out.write_all(b",\n  \"boilerplate\": ")?;
    write_nested(&mut out, &boilerplate_out(corpus, report), 1)?;
    out.write_all(b",\n  \"duplicates\": ")?;
    write_nested(&mut out, &duplicates_out(corpus, report), 1)?;
    out.write_all(b"\n}")
}

fn clusters_out<'a>(corpus: &'a Corpus, report: &'a Report) -> Vec<ClusterOut<'a>> {
    report
        .clusters
        .iter()
        .map(|c| ClusterOut {
            id: c.id,
            docs: c.docs,
            members: c.members.iter().map(|m| place(corpus, m)).collect(),
            representative: c.members.get(c.representative).map(|m| place(corpus, m)),
            passages: &c.passages,
        })
        .collect()
}

/// Each group of duplicate documents as the list of their ids, sorted.
fn duplicates_out<'a>(corpus: &'a Corpus, report: &Report) -> Vec<Vec<&'a str>> {
    let mut groups: Vec<Vec<&str>> = report
        .duplicates
        .iter()
        .map(|g| {
            let mut ids: Vec<&str> = g.iter().map(|&d| corpus.documents[d].id.as_str()).collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    groups.sort_unstable();
    groups
}

fn boilerplate_out<'a>(corpus: &'a Corpus, report: &Report) -> Vec<Place<'a>> {
    report
        .boilerplate
        .iter()
        .map(|b| place(corpus, b))
        .collect()
}

/// Most passages held rendered in memory before they are written out.
const RENDER_BATCH: usize = 4096;
/// Passages one core renders in one go.
const PASSAGES_PER_TASK: usize = 64;
/// Bytes a typical passage takes in the JSON, with its edits.
const BYTES_PER_PASSAGE: usize = 2048;

/// Writes the passages as the pretty-printed JSON array they are, one level deep in the
/// `scan` object. They are the bulk of the output, so they are rendered in parallel.
fn write_passages(
    out: &mut impl Write,
    corpus: &Corpus,
    passages: &[Passage],
) -> std::io::Result<()> {
    if passages.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (k, batch) in passages.chunks(RENDER_BATCH).enumerate() {
        let rendered: Vec<Vec<u8>> = batch
            .par_chunks(PASSAGES_PER_TASK)
            .enumerate()
            .map(|(j, part)| {
                let mut buf = Vec::with_capacity(part.len() * BYTES_PER_PASSAGE);
                for (i, p) in part.iter().enumerate() {
                    let first = k == 0 && j == 0 && i == 0;
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    write_nested(&mut buf, &passage_out(corpus, p), 2)?;
                }
                Ok(buf)
            })
            .collect::<std::io::Result<_>>()?;
        for part in rendered {
            out.write_all(&part)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// Writes `value` pretty-printed as it stands `depth` levels deep in the `scan` object: each
/// line after the first indented further.
fn write_nested(out: &mut impl Write, value: &impl Serialize, depth: usize) -> std::io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Indented::at(depth));
    value
        .serialize(&mut serializer)
        .map_err(std::io::Error::from)
}

/// The documents in order of id, whatever the order they were given in.
fn documents_by_id(corpus: &Corpus) -> Vec<DocumentOut<'_>> {
    let mut documents: Vec<DocumentOut<'_>> = corpus.documents.iter().map(document_out).collect();
    documents.sort_by(|x, y| x.id.cmp(y.id));
    documents
}

fn document_out(d: &Document) -> DocumentOut<'_> {
    DocumentOut {
        id: &d.id,
        path: d.path.as_ref().map(|p| p.to_string_lossy().into_owned()),
        title: &d.title,
        series: &d.group,
        date: d.date.as_deref(),
        extracted: crate::corpus::page::is_page(d.path.as_deref()),
        chars: d.chars(),
        words: d.words(),
    }
}

/// Which of two documents was published first, when both dates can be read.
fn first_side(a: &crate::corpus::Document, b: &crate::corpus::Document) -> Option<&'static str> {
    use crate::corpus::dates::{First, first_of};
    first_of(a.date.as_deref(), b.date.as_deref()).map(|first| match first {
        First::This => "a",
        First::That => "b",
        First::Same => "same",
    })
}

/// A score to three decimals, as the JSON gives it.
fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

fn passage_out<'a>(corpus: &'a Corpus, p: &'a Passage) -> PassageOut<'a> {
    let (da, db) = (&corpus.documents[p.a.doc], &corpus.documents[p.b.doc]);
    PassageOut {
        id: p.id,
        kind: p.kind.name(),
        score: rounded(p.score),
        words: p.words,
        a: place(corpus, &p.a),
        b: place(corpus, &p.b),
        cluster: p.cluster,
        boilerplate: p.boilerplate,
        quote: p.quote,
        duplicate: p.duplicate,
        first: first_side(da, db),
        shared_words: &p.shared_words,
        parts: p
            .parts
            .iter()
            .map(|part| PartOut {
                kind: part.kind.name(),
                score: rounded(part.score),
                a: place(corpus, &part.a),
                b: place(corpus, &part.b),
            })
            .collect(),
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

/// The report as a readable summary: document pairs ranked by the text they share, each
/// passage with a short excerpt of both sides.
pub fn to_text(corpus: &Corpus, report: &Report) -> String {
    let headline: Vec<&Passage> = report.passages.iter().filter(|p| p.is_reuse()).collect();
    let quotes = headline.iter().filter(|p| p.quote).count();
    let quotes = match quotes {
        0 => String::new(),
        n => format!(
            " (of them {}, listed but not counted)",
            count(n, "shared quotation")
        ),
    };
    let mut out = format!(
        "{}, {}{quotes} in {}, {}\n\n",
        count(corpus.len(), "document"),
        count(headline.len(), "shared passage"),
        count(report.clusters.len(), "cluster"),
        count(report.boilerplate.len(), "boilerplate span")
    );
    for (words, pair) in ranked_pairs(corpus, &headline) {
        write_pair(&mut out, corpus, report, &pair, words);
    }
    write_duplicates(&mut out, corpus, report);
    write_boilerplate(&mut out, corpus, report);
    out
}

/// The groups of duplicate articles, one line each.
fn write_duplicates(out: &mut String, corpus: &Corpus, report: &Report) {
    if report.duplicates.is_empty() {
        return;
    }
    out.push_str("Duplicate articles (the same text as a whole), counted once above:\n");
    for group in duplicates_out(corpus, report) {
        let ids: Vec<String> = group.iter().map(|id| printable(id)).collect();
        let _ = writeln!(out, "  {}", ids.join(" = "));
    }
    out.push('\n');
}

/// Most boilerplate texts listed for one outlet.
const BOILERPLATE_SHOWN: usize = 8;

/// The boilerplate of each outlet (series): how many articles carry it, and its most frequent
/// texts.
fn write_boilerplate(out: &mut String, corpus: &Corpus, report: &Report) {
    if report.boilerplate.is_empty() {
        return;
    }
    out.push_str("Boilerplate by outlet, kept out of the results above:\n");
    let mut by_series: std::collections::BTreeMap<&str, Vec<&Side>> =
        std::collections::BTreeMap::new();
    for side in &report.boilerplate {
        by_series
            .entry(corpus.documents[side.doc].group.as_str())
            .or_default()
            .push(side);
    }
    for (series, sides) in by_series {
        let articles = corpus
            .documents
            .iter()
            .filter(|d| d.group == series)
            .count();
        let mut carrying: Vec<usize> = sides.iter().map(|s| s.doc).collect();
        carrying.sort_unstable();
        carrying.dedup();
        let name = if series.is_empty() {
            "(no outlet)".to_owned()
        } else {
            printable(series)
        };
        let _ = writeln!(
            out,
            "  {name}: {} in {} of {}",
            count(sides.len(), "span"),
            carrying.len(),
            count(articles, "article")
        );
        let mut texts: std::collections::BTreeMap<String, usize> =
            std::collections::BTreeMap::new();
        for side in &sides {
            let text = corpus.documents[side.doc].slice(side.span);
            *texts.entry(excerpt(text)).or_default() += 1;
        }
        let mut texts: Vec<(String, usize)> = texts.into_iter().collect();
        texts.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        for (text, times) in texts.iter().take(BOILERPLATE_SHOWN) {
            let _ = writeln!(out, "    {times}× {text}");
        }
    }
}

/// One side of a passage in the summary: its offsets and the start of its text.
fn write_side(out: &mut String, name: &str, doc: &Document, span: crate::text::Span) {
    let _ = writeln!(
        out,
        "    {name} {}..{}  {}",
        span.start,
        span.end,
        excerpt(doc.slice(span))
    );
}

/// The word edits of a near passage on one line: `a→b` for a change, `+b` and `-a`.
fn edits_line(da: &Document, db: &Document, p: &Passage) -> Option<String> {
    let edits: Vec<String> = p
        .diff
        .iter()
        .filter(|op| op.change != Change::Equal)
        .map(|op| {
            let (a, b) = (printable(da.slice(op.a)), printable(db.slice(op.b)));
            match op.change {
                Change::Inserted => format!("+{b}"),
                Change::Deleted => format!("-{a}"),
                _ => format!("{a}→{b}"),
            }
        })
        .collect();
    (!edits.is_empty()).then(|| edits.join(", "))
}

/// Headline passages grouped by document pair, with the words they share (counted once where
/// passages overlap, on the side where they cover more), the pairs sharing most first, ties
/// by ids.
fn ranked_pairs<'r>(corpus: &Corpus, headline: &[&'r Passage]) -> Vec<(usize, Vec<&'r Passage>)> {
    let mut pairs: std::collections::BTreeMap<(&str, &str), Vec<&Passage>> =
        std::collections::BTreeMap::new();
    for p in headline {
        let ids = (
            corpus.documents[p.a.doc].id.as_str(),
            corpus.documents[p.b.doc].id.as_str(),
        );
        pairs.entry(ids).or_default().push(p);
    }
    let mut ranked: Vec<(usize, Vec<&Passage>)> = pairs
        .into_values()
        .map(|ps| {
            // A shared quotation is listed with its pair, but its words are not counted.
            let counted: Vec<&Passage> = ps.iter().copied().filter(|p| p.counts()).collect();
            (shared_words(corpus, &counted), ps)
        })
        .collect();
    ranked.sort_by_key(|(words, _)| std::cmp::Reverse(*words));
    ranked
}

/// Words the passages between one document pair cover, each counted once, on the side where
/// they cover more (none for no passage).
fn shared_words(corpus: &Corpus, passages: &[&Passage]) -> usize {
    if passages.is_empty() {
        return 0;
    }
    let covered = |side: fn(&Passage) -> Side| {
        let doc = &corpus.documents[side(passages[0]).doc];
        let mut ranges: Vec<std::ops::Range<usize>> = passages
            .iter()
            .map(|p| doc.token_range(side(p).span))
            .collect();
        ranges.sort_unstable_by_key(|r| (r.start, r.end));
        let (mut total, mut reach) = (0, 0);
        for r in ranges {
            total += r.end.saturating_sub(r.start.max(reach));
            reach = reach.max(r.end);
        }
        total
    };
    covered(|p| p.a).max(covered(|p| p.b))
}

/// One document pair of the summary: a header, then each passage with both excerpts.
fn write_pair(
    out: &mut String,
    corpus: &Corpus,
    report: &Report,
    passages: &[&Passage],
    words: usize,
) {
    let (da, db) = (
        &corpus.documents[passages[0].a.doc],
        &corpus.documents[passages[0].b.doc],
    );
    let (ida, idb) = (printable(&da.id), printable(&db.id));
    let (found, shared) = (count(passages.len(), "passage"), count(words, "word"));
    let quotes = passages.iter().filter(|p| p.quote).count();
    let uncounted = match quotes {
        0 => String::new(),
        n => format!(" (of them {}, not counted)", count(n, "shared quotation")),
    };
    let _ = writeln!(out, "{ida} <> {idb}: {found}{uncounted}, {shared} shared");
    for p in passages {
        let kind = p.label();
        let size = count(report.cluster_size(p.id), "document");
        let length = count(p.words, "word");
        let _ = writeln!(
            out,
            "  #{} {kind} score {:.2}, {length}, in {size}",
            p.id, p.score
        );
        write_side(out, "a", da, p.a.span);
        write_side(out, "b", db, p.b.span);
        if let Some(edits) = edits_line(da, db, p) {
            let _ = writeln!(out, "    edits: {edits}");
        }
        if !p.shared_words.is_empty() {
            let _ = writeln!(
                out,
                "    shared words: {}",
                printable(&p.shared_words.join(", "))
            );
        }
    }
    out.push('\n');
}

/// The first words of a passage on one line, with no control characters.
fn excerpt(text: &str) -> String {
    const WIDTH: usize = 90;
    let line = printable(text);
    match line.char_indices().nth(WIDTH) {
        Some((cut, _)) => format!("“{}…”", &line[..cut]),
        None => format!("“{line}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::demo_corpus;
    use crate::reuse::find_reuse;

    /// The whole object as serde's pretty printer writes it in one go.
    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        options: &'a Options,
        documents: Vec<DocumentOut<'a>>,
        passages: Vec<PassageOut<'a>>,
        clusters: Vec<ClusterOut<'a>>,
        boilerplate: Vec<Place<'a>>,
        duplicates: Vec<Vec<&'a str>>,
    }

    fn in_one_go(corpus: &Corpus, report: &Report, options: &Options) -> String {
        let whole = Whole {
            version: JSON_VERSION,
            options,
            documents: documents_by_id(corpus),
            passages: report
                .passages
                .iter()
                .map(|p| passage_out(corpus, p))
                .collect(),
            clusters: clusters_out(corpus, report),
            boilerplate: boilerplate_out(corpus, report),
            duplicates: duplicates_out(corpus, report),
        };
        serde_json::to_string_pretty(&whole).unwrap()
    }

    fn written(corpus: &Corpus, report: &Report, options: &Options) -> String {
        let mut out = Vec::new();
        write_json(&mut out, corpus, report, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn parts_written_on_all_cores_read_as_one_pretty_object() {
        let (corpus, options) = (demo_corpus(), Options::default());
        let report = find_reuse(&corpus, &options);
        assert!(report.passages.len() > 10);
        assert_eq!(
            written(&corpus, &report, &options),
            in_one_go(&corpus, &report, &options)
        );
        // Enough passages for several batches and many parts in each.
        let many: Vec<Passage> = (0..=RENDER_BATCH * 2 / report.passages.len())
            .flat_map(|_| report.passages.iter().cloned())
            .collect();
        assert!(many.len() > RENDER_BATCH * 2);
        let many = Report::new(many, Vec::new(), Vec::new(), corpus.len());
        assert_eq!(
            written(&corpus, &many, &options),
            in_one_go(&corpus, &many, &options)
        );
        let empty = Report::new(Vec::new(), Vec::new(), Vec::new(), corpus.len());
        assert_eq!(
            written(&corpus, &empty, &options),
            in_one_go(&corpus, &empty, &options)
        );
    }
}

#[cfg(test)]
mod summary_tests {
    use super::*;
    use crate::corpus::{Source, demo_corpus};
    use crate::reuse::find_reuse;

    /// The words figure of each pair header of the summary, in order.
    fn pair_words(text: &str) -> Vec<usize> {
        text.lines()
            .filter(|l| l.contains(" <> "))
            .filter_map(|l| l.rsplit(", ").next())
            .filter_map(|w| w.split(' ').next()?.parse().ok())
            .collect()
    }

    #[test]
    fn pairs_are_ranked_by_the_words_they_share_in_the_order_printed() {
        let corpus = demo_corpus();
        let report = find_reuse(&corpus, &Options::default());
        let words = pair_words(&to_text(&corpus, &report));
        assert!(words.len() > 3, "{words:?}");
        assert!(words.windows(2).all(|w| w[0] >= w[1]), "{words:?}");
    }

    #[test]
    fn words_shared_twice_by_overlapping_passages_count_once() {
        let story = "The harbour wall collapsed late on Tuesday as a storm surge pushed seawater \
                     into the lower district, forcing the evacuation of thirty homes.";
        let corpus = Corpus::from_sources(vec![
            Source::new("a", format!("{story} Officials blamed the council.")),
            Source::new("b", format!("Readers wrote in. {story}")),
        ]);
        let report = find_reuse(&corpus, &Options::default());
        let headline: Vec<&Passage> = report.passages.iter().filter(|p| p.is_reuse()).collect();
        // Counted twice, the same words would be more than either side holds.
        let shared = shared_words(&corpus, &[headline[0], headline[0]]);
        assert_eq!(
            shared,
            corpus.documents[0].token_range(headline[0].a.span).len()
        );
    }

    #[test]
    fn a_pair_sharing_a_quotation_only_says_why_it_counts_no_word() {
        let quoted = "\"We will finish the new bridge across the river before the winter floods \
                      reach the lower valley, whatever the council decides,\"";
        let corpus = Corpus::from_sources(vec![
            Source::new(
                "a",
                format!("Bridge\nThe mayor spoke on Monday. {quoted} she said."),
            ),
            Source::new(
                "b",
                format!("Floods\nAt the meeting, {quoted} the mayor told us."),
            ),
        ]);
        let report = find_reuse(&corpus, &Options::default());
        let text = to_text(&corpus, &report);
        assert!(
            text.contains("(of them 1 shared quotation, listed but not counted)"),
            "{text}"
        );
        assert!(
            text.contains("a <> b: 1 passage (of them 1 shared quotation, not counted), 0 words"),
            "{text}"
        );
        assert_eq!(pair_words(&text), [0]);
    }
}
