#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

use std::io::Write;

use super::*;
use crate::corpus::Source;
use crate::diff::Change;

/// Three articles; the first two share a sentence after non-ASCII text, with one word
/// changed and a hyphenated word; the third shares a sentence with the first.
fn corpus() -> Corpus {
    Corpus::from_sources(vec![
        Source::new(
            "wire/a.txt",
            "Café “déjà vu” — The well-known harbour wall collapsed late on Tuesday night. Other news.",
        ),
        Source::new(
            "daily/b.txt",
            "Über alles: The well-known harbour wall crumbled late on Tuesday night. Weather.",
        ),
        Source::new(
            "weekly/c.txt",
            "Digest. The well-known harbour wall collapsed late on Tuesday night.",
        ),
    ])
}

/// The char offsets of `needle` in document `doc`.
fn chars_of(corpus: &Corpus, doc: usize, needle: &str) -> (usize, usize) {
    let d = &corpus.documents[doc];
    let byte = d.text.find(needle).unwrap();
    let start = d.text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// A folder with `files` (name, bytes).
fn folder(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

const A: &str = "The well-known harbour wall collapsed late on Tuesday night.";
const B: &str = "The well-known harbour wall crumbled late on Tuesday night.";

/// passim's aligned strings of A and B: real hyphens as U+2010, gaps as `-`.
fn aligned() -> (String, String) {
    let s1 = "The well\u{2010}known harbour wall collapsed late on Tuesday night.";
    let s2 = "The well\u{2010}known harbour wall crumbl--ed late on Tuesday night.";
    // `collapsed` (9) against `crumbl--ed` (8 letters and two gaps): pad the first too.
    (
        s1.replace("collapsed", "collapsed-"),
        s2.replace("crumbl--ed", "crumbled--"),
    )
}

#[test]
fn the_export_is_json_lines_passim_reads() {
    let corpus = corpus();
    let mut out = Vec::new();
    export(&corpus, None, &mut out).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "wire/a.txt");
    assert_eq!(lines[0]["series"], "");
    assert_eq!(lines[1]["text"], corpus.documents[1].text);
    let mut out = Vec::new();
    export(&corpus, Some("archive"), &mut out).unwrap();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("\"series\":\"archive\"")
    );
}

#[test]
fn a_pairwise_record_gets_its_word_diff_from_the_alignment() {
    let corpus = corpus();
    let (a0, a1) = chars_of(&corpus, 0, A);
    let (b0, b1) = chars_of(&corpus, 1, B);
    let (s1, s2) = aligned();
    let record = serde_json::json!({
        "id": "wire/a.txt", "id2": "daily/b.txt",
        "begin": a0, "end": a1, "begin2": b0, "end2": b1,
        "s1": s1, "s2": s2, "matches": 50, "extra": "passes through"
    });
    let dir = folder(&[("align.json/part-00000", format!("{record}\n").into_bytes())]);
    let imported = import(&corpus, dir.path()).unwrap();
    assert_eq!(imported.counts.used, 1);
    let p = &imported.report.passages[0];
    assert_eq!(p.kind, Kind::Passim);
    assert_eq!((p.a.doc, p.b.doc), (0, 1));
    assert_eq!(
        corpus.documents[0].slice(p.a.span),
        A,
        "non-ASCII before it counts as chars"
    );
    assert_eq!(corpus.documents[1].slice(p.b.span), B);
    let changed: Vec<(&str, &str)> = p
        .diff
        .iter()
        .filter(|op| op.change != Change::Equal)
        .map(|op| {
            (
                corpus.documents[0].slice(op.a),
                corpus.documents[1].slice(op.b),
            )
        })
        .collect();
    assert_eq!(
        changed,
        [("collapsed", "crumbled")],
        "the hyphenated word stays equal"
    );
    assert!((p.score - 50.0 / 60.0).abs() < 0.01, "{}", p.score);
}

#[test]
fn cluster_output_makes_one_cluster_with_its_boilerplate_and_counts_what_it_cannot_use() {
    let corpus = corpus();
    let (a0, a1) = chars_of(&corpus, 0, A);
    let (b0, b1) = chars_of(&corpus, 1, B);
    let (c0, c1) = chars_of(&corpus, 2, A);
    let lines = [
        serde_json::json!({"cluster": 7, "size": 3, "id": "wire/a.txt", "begin": a0, "end": a1, "uid": 1}),
        // Spark drops nulls: no size, no uid.
        serde_json::json!({"cluster": 7, "id": "daily/b.txt", "begin": b0, "end": b1}),
        serde_json::json!({"cluster": 7, "id": "weekly/c.txt", "begin": c0, "end": c1, "pboiler": 0.1}),
        serde_json::json!({"cluster": 8, "id": "gone/x.txt", "begin": 0, "end": 5}),
        serde_json::json!({"cluster": 9, "id": "wire/a.txt", "begin": 5}),
    ];
    let mut text: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    text.push_str("{not json\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let dir = folder(&[
        ("out.json/part-00000.gz", gz.finish().unwrap()),
        ("out.json/_SUCCESS", Vec::new()),
    ]);
    let imported = import(&corpus, dir.path()).unwrap();
    let report = &imported.report;
    assert_eq!(imported.counts.records, 6);
    assert_eq!(imported.counts.used, 3, "the three members of cluster 7");
    assert_eq!(report.clusters.len(), 1);
    assert_eq!(report.clusters[0].docs, 3);
    assert_eq!(report.passages.len(), 2, "each member linked to the first");
    assert!(report.passages.iter().all(|p| p.cluster == Some(0)));
    let warnings = imported.warnings().join("\n");
    assert!(
        warnings.contains("of no loaded document (first: {\"begin\":0"),
        "{warnings}"
    );
    assert!(warnings.contains("not JSON"), "{warnings}");
    assert!(warnings.contains("no begin or end"), "{warnings}");
    // A member passim calls boilerplate is marked, and its link is no reuse.
    let flagged = serde_json::json!({"cluster": 10, "id": "daily/b.txt", "begin": b0, "end": b1, "boiler": true});
    let other = serde_json::json!({"cluster": 10, "id": "weekly/c.txt", "begin": c0, "end": c1});
    let dir2 = folder(&[("part-00000", format!("{flagged}\n{other}\n").into_bytes())]);
    let boiler = import(&corpus, dir2.path()).unwrap().report;
    assert_eq!(boiler.boilerplate_in(1).len(), 1, "dimmed as rehash's own");
    assert!(
        boiler
            .passages
            .iter()
            .all(|p| p.boilerplate && !p.is_reuse())
    );
    // The reader's questions work on them as on rehash's own.
    assert_eq!(report.partners(0).len(), 2);
    assert!(report.reused_share(&corpus, 2) > 0.5);
}

#[test]
fn a_folder_without_passim_output_is_an_error() {
    let corpus = corpus();
    let dir = folder(&[("notes.txt", b"hello".to_vec())]);
    assert!(
        import(&corpus, dir.path())
            .unwrap_err()
            .contains("no part-* file")
    );
    let missing = import(&corpus, Path::new("/no/such/passim/output"));
    assert!(missing.unwrap_err().contains("not a folder"));
}

#[test]
fn the_alignment_is_read_letter_by_letter_or_not_at_all() {
    let corpus = corpus();
    let side = |doc: usize, needle: &str| {
        let (start, end) = chars_of(&corpus, doc, needle);
        Side {
            doc,
            span: corpus.documents[doc].map().span(start, end),
        }
    };
    let (a, b) = (side(0, A), side(1, B));
    let (da, db) = (&corpus.documents[0], &corpus.documents[1]);
    let (s1, s2) = aligned();
    let matches = super::align::recover(da, a, &s1, db, b, &s2).unwrap();
    let words = |d: &crate::corpus::Document, t: usize| d.word(t).to_owned();
    let pairs: Vec<(String, String)> = matches
        .iter()
        .map(|&(x, y)| (words(da, x), words(db, y)))
        .collect();
    assert_eq!(
        pairs.len(),
        9,
        "every word but collapsed/crumbled: {pairs:?}"
    );
    assert!(pairs.iter().all(|(x, y)| x.eq_ignore_ascii_case(y)));
    // Strings that do not spell the spans give nothing to trust: rehash diffs them itself.
    assert!(super::align::recover(da, a, "The wall", db, b, "The wall").is_none());
}
