//! The engine on real text: the demo corpus against its ground truth, and the sample op-eds in
//! `../shared/seeds` (skipped with a notice when absent).
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

#[path = "support/notice.rs"]
mod support_notice;
use support_notice::notice;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rehash::corpus::{Corpus, demo_corpus, load_paths};
use rehash::reuse::{Kind, Options, Report, find_reuse};
use serde_json::Value;

/// Char positions per (document pair, document), the pair unordered.
type Coverage = BTreeMap<(String, String, String), BTreeSet<usize>>;

fn pair_key(a: &str, b: &str, side: &str) -> (String, String, String) {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    (x.to_owned(), y.to_owned(), side.to_owned())
}

fn truth(corpus: &Corpus) -> Coverage {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/demo_truth.json"
    ))
    .unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let mut cover = Coverage::new();
    for p in json["passages"].as_array().unwrap() {
        let (a, b) = (
            p["a"]["doc"].as_str().unwrap(),
            p["b"]["doc"].as_str().unwrap(),
        );
        for side in ["a", "b"] {
            let id = p[side]["doc"].as_str().unwrap();
            let doc = &corpus.documents[corpus.position(id).unwrap()];
            let para =
                doc.paragraphs()[usize::try_from(p[side]["paragraph"].as_u64().unwrap()).unwrap()];
            cover
                .entry(pair_key(a, b, id))
                .or_default()
                .extend(para.start..para.end);
        }
    }
    cover
}

fn detected(corpus: &Corpus, report: &Report) -> Coverage {
    let mut cover = Coverage::new();
    for p in report.passages.iter().filter(|p| p.is_reuse()) {
        let (a, b) = (&corpus.documents[p.a.doc].id, &corpus.documents[p.b.doc].id);
        for side in [p.a, p.b] {
            let id = &corpus.documents[side.doc].id;
            cover
                .entry(pair_key(a, b, id))
                .or_default()
                .extend(side.span.start..side.span.end);
        }
    }
    cover
}

fn overlap(x: &Coverage, y: &Coverage) -> usize {
    x.iter()
        .map(|(k, set)| y.get(k).map_or(0, |other| set.intersection(other).count()))
        .sum()
}

fn size(x: &Coverage) -> usize {
    x.values().map(BTreeSet::len).sum()
}

#[test]
fn demo_corpus_matches_its_ground_truth() {
    let corpus = demo_corpus();
    let report = find_reuse(&corpus, &Options::default());
    let (truth, found) = (truth(&corpus), detected(&corpus, &report));
    let hit = overlap(&truth, &found);
    let precision = rehash::diff::ratio(hit, size(&found));
    let recall = rehash::diff::ratio(hit, size(&truth));
    println!("demo corpus: char precision {precision:.3}, recall {recall:.3}");
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}

#[test]
fn demo_boilerplate_is_marked_and_kept_out_of_headlines() {
    let corpus = demo_corpus();
    let report = find_reuse(&corpus, &Options::default());
    let footer: Vec<_> = report
        .boilerplate
        .iter()
        .map(|b| corpus.documents[b.doc].slice(b.span))
        .collect();
    assert_eq!(footer.len(), 4, "{footer:?}");
    assert!(
        footer.iter().all(|l| l.contains("Meridian Wire Service")),
        "{footer:?}"
    );
    for p in report.passages.iter().filter(|p| p.is_reuse()) {
        for side in [p.a, p.b] {
            let inside = report
                .boilerplate
                .iter()
                .any(|b| b.doc == side.doc && b.span.overlap(&side.span) > 0);
            assert!(!inside, "headline passage {} touches boilerplate", p.id);
        }
    }
}

#[test]
fn passages_inside_boilerplate_are_marked_and_listed_last() {
    let footer = "Subscribe to the Harbour Gazette for daily news from the coast, the quays and the town hall.";
    let bodies = [
        "Tides rose over the quay wall at dawn and the ferry stayed in port all morning.",
        "Council members argued late into the night about the budget for the new library.",
        "A rare seabird was seen on the cliffs by three walkers from the northern villages.",
        "Bakers on Chandler's Lane sold out of bread before nine as the storm closed roads.",
        "The regatta was postponed for the first time in forty years because of high winds.",
    ];
    let sources = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let text = if i < 4 {
                format!("Title {i}\n{body}\n{footer}\n")
            } else {
                format!("Title {i}\n{body}\n")
            };
            rehash::corpus::Source::new(format!("{i}.txt"), text)
        })
        .collect();
    let corpus = Corpus::from_sources(sources);
    let report = find_reuse(&corpus, &Options::default());
    assert_eq!(report.boilerplate.len(), 4);
    assert_eq!(report.passages.len(), 6, "each pair of the four footers");
    assert!(report.passages.iter().all(|p| p.boilerplate));
    assert!(
        report.passages_in(0).is_empty(),
        "boilerplate stays out of the headlines"
    );
}

#[test]
fn demo_key_paragraph_is_one_cluster_across_four_articles() {
    let corpus = demo_corpus();
    let report = find_reuse(&corpus, &Options::default());
    let biggest = &report.clusters[0];
    let docs: BTreeSet<&str> = biggest
        .members
        .iter()
        .map(|m| corpus.documents[m.doc].id.as_str())
        .collect();
    for id in [
        "02-valley-courier.txt",
        "03-meridian-wire.txt",
        "04-coastline-daily.txt",
        "06-citizen-ledger.txt",
    ] {
        assert!(docs.contains(id), "{id} missing from {docs:?}");
    }
    let unrelated = corpus.position("08-garden-notes.txt").unwrap();
    assert!(
        report
            .passages
            .iter()
            .all(|p| p.a.doc != unrelated && p.b.doc != unrelated)
    );
}

fn seeds() -> Option<Corpus> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if !dir.is_dir() {
        notice("../shared/seeds is absent; skipping the seed-corpus checks");
        return None;
    }
    Some(load_paths(&[dir]).unwrap().corpus)
}

fn paragraph_with(corpus: &Corpus, id_prefix: &str, needle: &str) -> (usize, rehash::text::Span) {
    let doc = corpus
        .documents
        .iter()
        .position(|d| d.id.starts_with(id_prefix))
        .unwrap();
    let d = &corpus.documents[doc];
    let para = d
        .paragraphs()
        .iter()
        .find(|p| d.slice(**p).contains(needle))
        .unwrap();
    (doc, *para)
}

/// The one cluster the Klitschko paragraphs of seeds 000–003 belong to.
fn coup_cluster<'a>(
    corpus: &Corpus,
    report: &'a rehash::reuse::Report,
) -> &'a rehash::reuse::Cluster {
    let coup: Vec<_> = ["000", "001", "002", "003"]
        .iter()
        .map(|id| paragraph_with(corpus, id, "Klitschko"))
        .collect();
    let cluster_of = |(doc, span): (usize, rehash::text::Span)| {
        report
            .passages
            .iter()
            .filter_map(|p| p.sides_for(doc).map(|(own, _)| (own, p.cluster)))
            .find(|(own, _)| own.span.overlap(&span) * 2 >= span.len().min(own.span.len()))
            .and_then(|(_, c)| c)
    };
    let clusters: BTreeSet<Option<usize>> = coup.iter().map(|&c| cluster_of(c)).collect();
    assert_eq!(clusters.len(), 1, "{clusters:?}");
    &report.clusters[clusters.into_iter().next().flatten().unwrap()]
}

#[test]
fn seeds_coup_paragraph_is_one_cluster_of_four_and_004_is_alone() {
    let Some(corpus) = seeds() else { return };
    let report = find_reuse(&corpus, &Options::default());
    assert_eq!(coup_cluster(&corpus, &report).docs, 4);
    let other = corpus
        .documents
        .iter()
        .position(|d| d.id.starts_with("004"))
        .unwrap();
    assert!(
        report
            .passages
            .iter()
            .all(|p| p.a.doc != other && p.b.doc != other)
    );
}

#[test]
fn seeds_klitschko_sentences_are_linked_with_word_differences_marked() {
    let Some(corpus) = seeds() else { return };
    let report = find_reuse(&corpus, &Options::default());
    let sentence = |prefix: &str, needle: &str| {
        let doc = corpus
            .documents
            .iter()
            .position(|d| d.id.starts_with(prefix))
            .unwrap();
        let d = &corpus.documents[doc];
        (
            doc,
            *d.sentences()
                .iter()
                .find(|s| d.slice(**s).contains(needle))
                .unwrap(),
        )
    };
    let (a, sa) = sentence(
        "000",
        "Led by anti-Russian former heavyweight boxer Vitali Klitschko",
    );
    let (b, sb) = sentence("002", "led by former heavyweight boxer Vitali Klitschko");
    let linked = report.passages.iter().any(|p| {
        p.sides_for(a).is_some_and(|(own, other)| {
            other.doc == b
                && own.span.overlap(&sa) == sa.len()
                && other.span.overlap(&sb) == sb.len()
        })
    });
    assert!(
        linked,
        "the Klitschko sentences of 000 and 002 are not linked"
    );
    // A near copy: a passage of its own, or a part of the rewritten section around it.
    let holds_near = |p: &&rehash::reuse::Passage| {
        p.kind == Kind::Near || p.parts.iter().any(|part| part.kind == Kind::Near)
    };
    let near = report
        .passages
        .iter()
        .filter(holds_near)
        .find(|p| p.sides_for(a).is_some_and(|(_, o)| o.doc == b));
    let near = near.expect("a near-verbatim passage between 000 and 002");
    let (da, db) = (&corpus.documents[near.a.doc], &corpus.documents[near.b.doc]);
    let changes: Vec<(&str, &str)> = near
        .diff
        .iter()
        .filter(|op| op.change == rehash::diff::Change::Changed)
        .map(|op| (da.slice(op.a), db.slice(op.b)))
        .collect();
    assert!(changes.contains(&("Western", "Westren")), "{changes:?}");
    assert!(
        changes.contains(&("Yanukovych", "Yanukovich")),
        "{changes:?}"
    );
}

#[test]
fn pan13_plagdet_is_at_least_0_96() {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let (pan, scorer) = (shared.join("pan13"), shared.join("tools/pan_score.py"));
    if !pan.is_dir() || !scorer.is_file() {
        notice("../shared/pan13 is absent; skipping the PAN 2013 evaluation");
        return;
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rehash"))
        .env(
            "REHASH_CONFIG",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/empty.toml"),
        )
        .arg("scan")
        .arg(&pan)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let detections = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(detections.path(), &out.stdout).unwrap();
    let Ok(score) = std::process::Command::new("python3")
        .arg(&scorer)
        .arg(pan.join("gold.jsonl"))
        .arg(detections.path())
        .output()
    else {
        notice("python3 is absent; skipping the PAN 2013 evaluation");
        return;
    };
    let report = String::from_utf8_lossy(&score.stdout);
    println!("PAN 2013: {report}");
    let plagdet: f64 = report
        .split_whitespace()
        .skip_while(|w| *w != "plagdet")
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no plagdet in {report}"));
    assert!(plagdet >= 0.96, "plagdet {plagdet}");
}

#[test]
fn seeds_load_with_titles_paragraphs_and_exact_offsets() {
    let Some(corpus) = seeds() else { return };
    assert_eq!(corpus.len(), 5);
    for doc in &corpus.documents {
        let lines: Vec<&str> = doc
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        // 001 opens with the web page's "Select Page" link, which is not its title.
        let title = if lines[0] == "Select Page" {
            lines[1]
        } else {
            lines[0]
        };
        assert_eq!(doc.title, title, "{}", doc.id);
        assert_eq!(doc.paragraphs().len(), lines.len(), "{}", doc.id);
        for (para, line) in doc.paragraphs().iter().zip(&lines) {
            let by_chars: String = doc
                .text
                .chars()
                .skip(para.start)
                .take(para.end - para.start)
                .collect();
            assert_eq!(
                &by_chars, line,
                "{} chars {}..{}",
                doc.id, para.start, para.end
            );
            assert_eq!(doc.slice(*para), *line);
        }
    }
    let ids: Vec<&str> = corpus.documents.iter().map(|d| &d.id[..3]).collect();
    assert_eq!(ids, ["000", "001", "002", "003", "004"]);
}

#[test]
fn paragraphs_in_swapped_order_are_both_found() {
    let corpus = demo_corpus();
    let report = find_reuse(&corpus, &Options::default());
    let (gazette, oped) = (
        corpus.position("01-harbour-gazette.txt").unwrap(),
        corpus.position("07-harbour-gazette-oped.txt").unwrap(),
    );
    let para = |doc: usize, i: usize| corpus.documents[doc].paragraphs()[i];
    // 01 has paragraphs 3 then 4; the op-ed has them as 4 then 3.
    for (mine, theirs) in [(3, 4), (4, 3)] {
        let (a, b) = (para(gazette, mine), para(oped, theirs));
        let found = report.passages_between(gazette, oped).iter().any(|p| {
            p.sides_for(gazette).is_some_and(|(own, other)| {
                own.span.mostly_covers(&a) && other.span.mostly_covers(&b)
            })
        });
        assert!(
            found,
            "paragraph {mine} of 01 and {theirs} of 07 are not linked"
        );
    }
}

fn two(a: &str, b: &str) -> (Corpus, Report) {
    let source = rehash::corpus::Source::new;
    let corpus = Corpus::from_sources(vec![source("a", a), source("b", b)]);
    let report = find_reuse(&corpus, &Options::default());
    (corpus, report)
}

#[test]
fn a_paragraph_repeated_in_one_article_is_still_one_verbatim_passage() {
    let line = "The harbour commission approved the contract for the sea wall repair after a long debate about the cost of the work.";
    for copies in [1, 2, 5, 10] {
        let a = format!(
            "Intro line of the first article.\n{}\nClosing line.\n",
            vec![line; copies].join("\n")
        );
        let b = format!("Another opening.\n{line}\nA different ending.\n");
        let (_, report) = two(&a, &b);
        let kinds: Vec<Kind> = report.passages.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Kind::Verbatim], "{copies} copies");
    }
}

#[test]
fn texts_of_one_repeated_word_or_few_words_align_whole() {
    let words = "word ".repeat(2000);
    let (corpus, report) = two(
        &words,
        &format!("{}CHANGED {}", "word ".repeat(1000), "word ".repeat(1000)),
    );
    assert_eq!(report.passages.len(), 1);
    let p = &report.passages[0];
    let inserted: Vec<&str> = p
        .diff
        .iter()
        .filter(|op| op.change == rehash::diff::Change::Inserted)
        .map(|op| corpus.documents[p.b.doc].slice(op.b))
        .collect();
    assert_eq!(inserted, ["CHANGED"]);
    // Ten words in random order: every 5-gram repeats, yet the pair aligns as one passage.
    let mut state = 7u64;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        format!("w{}", (state >> 33) % 10)
    };
    let few: Vec<String> = (0..20_000).map(|_| next()).collect();
    let mut edited = few.clone();
    edited[10_000] = "other".into();
    let (_, report) = two(&few.join(" "), &edited.join(" "));
    assert_eq!(report.passages.len(), 1);
    assert!(report.passages[0].words >= 19_990);
}

/// plagdet as `pan_score.py` prints it for `detections` (scan JSON, or JSON lines with the
/// gold's fields); none when python3 is absent.
fn pan_plagdet(scorer: &std::path::Path, gold: &std::path::Path, detections: &[u8]) -> Option<f64> {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), detections).unwrap();
    let score = std::process::Command::new("python3")
        .arg(scorer)
        .arg(gold)
        .arg(file.path())
        .output()
        .ok()?;
    let report = String::from_utf8_lossy(&score.stdout).into_owned();
    report
        .split_whitespace()
        .skip_while(|w| *w != "plagdet")
        .nth(1)
        .and_then(|v| v.parse().ok())
}

/// The detections of a folder of PAN XML files as JSON lines with the gold's fields: a small
/// reader of the attributes PAN's format has, and nothing else.
fn pan_xml_as_json_lines(dir: &std::path::Path) -> String {
    let attribute = |tag: &str, name: &str| -> String {
        let key = format!("{name}=\"");
        let start = tag.find(&key).unwrap() + key.len();
        tag[start..].split('"').next().unwrap().to_owned()
    };
    let mut lines = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let xml = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let document = xml.split("<document ").nth(1).unwrap();
        let susp = attribute(document, "reference");
        for feature in xml.split("<feature ").skip(1) {
            let number = |name| attribute(feature, name).parse::<u64>().unwrap();
            let record = serde_json::json!({
                "susp": susp,
                "src": attribute(feature, "source_reference"),
                "this_offset": number("this_offset"),
                "this_length": number("this_length"),
                "source_offset": number("source_offset"),
                "source_length": number("source_length"),
            });
            lines.push_str(&(record.to_string() + "\n"));
        }
    }
    lines
}

#[test]
fn pan13_scored_from_its_pan_xml_gives_the_plagdet_of_the_scan_json() {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let (pan, scorer) = (shared.join("pan13"), shared.join("tools/pan_score.py"));
    if !pan.is_dir() || !scorer.is_file() {
        notice("../shared/pan13 is absent; skipping the PAN XML check");
        return;
    }
    let rehash = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rehash"));
        command.env(
            "REHASH_CONFIG",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/empty.toml"),
        );
        command
    };
    let json = rehash().arg("scan").arg(&pan).output().unwrap();
    assert!(json.status.success());
    let dir = tempfile::tempdir().unwrap();
    let xml = rehash()
        .args(["scan", "--format", "pan-xml", "--out"])
        .arg(dir.path())
        .arg(&pan)
        .output()
        .unwrap();
    assert!(
        xml.status.success(),
        "{}",
        String::from_utf8_lossy(&xml.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // Pairs of a suspicious and a source document name the suspicious one first; two
    // suspicious (or two source) documents may share text too.
    let mixed: Vec<&String> = names
        .iter()
        .filter(|n| n.contains("suspicious-document") && n.contains("source-document"))
        .collect();
    assert!(
        mixed.len() > 100,
        "{} of {} files",
        mixed.len(),
        names.len()
    );
    assert!(
        mixed.iter().all(|n| n.starts_with("suspicious-document")),
        "{mixed:?}"
    );
    let gold = pan.join("gold.jsonl");
    let Some(from_json) = pan_plagdet(&scorer, &gold, &json.stdout) else {
        notice("python3 is absent; skipping the PAN XML check");
        return;
    };
    // The XML holds what the scan calls reuse: no boilerplate, no same story.
    let mut scan: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    scan["passages"]
        .as_array_mut()
        .unwrap()
        .retain(|p| p["boilerplate"] == false && p["kind"] != "related");
    let reuse = serde_json::to_vec(&scan).unwrap();
    let from_reuse = pan_plagdet(&scorer, &gold, &reuse).unwrap();
    let from_xml =
        pan_plagdet(&scorer, &gold, pan_xml_as_json_lines(dir.path()).as_bytes()).unwrap();
    println!(
        "PAN 2013 plagdet: scan JSON {from_json} (reuse only {from_reuse}), PAN XML {from_xml}"
    );
    assert!(
        (from_reuse - from_xml).abs() < 0.0001,
        "JSON {from_reuse}, XML {from_xml}"
    );
    assert!(
        from_xml >= from_json,
        "leaving out what is no reuse costs nothing"
    );
}

/// A seed article as a saved web page: a menu, share buttons and a footer around it, each
/// paragraph a `<p>`.
fn as_web_page(title: &str, text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let paragraphs: String = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| "<p>".to_owned() + &escape(l) + "</p>\n")
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>{t}</title>\
         <meta property=\"og:site_name\" content=\"Seeds Weekly\"></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/politics\">Politics</a></li>\
         <li><a href=\"/world\">World affairs and diplomacy</a></li><li><a href=\"/subscribe\">\
         Subscribe to our newsletter for the latest analysis</a></li></ul></nav>\
         <div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> \
         <a href=\"#\">Email this article to a friend</a></div>\
         <article><h1>{t}</h1>\n{paragraphs}</article>\
         <aside class=\"related\"><h3>Related stories</h3><ul><li><a href=\"/a\">Markets rally as \
         talks resume in Geneva over the weekend</a></li></ul></aside>\
         <footer><p>Copyright 2026 Seeds Weekly Media Group. All rights reserved. Reproduction \
         without written permission of the publisher is prohibited.</p></footer></body></html>",
        t = escape(title)
    )
}

#[test]
fn seeds_saved_as_web_pages_give_the_same_coup_cluster_and_link_no_furniture() {
    let Some(corpus) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    for d in &corpus.documents {
        let name = std::path::Path::new(&d.id).with_extension("html");
        std::fs::write(
            dir.path().join(name.file_name().unwrap()),
            as_web_page(&d.title, &d.text),
        )
        .unwrap();
    }
    let pages = load_paths(&[dir.path().to_owned()]).unwrap().corpus;
    assert_eq!(pages.len(), 5);
    assert!(
        pages.documents.iter().all(|d| d.group == "Seeds Weekly"),
        "the outlet from the page"
    );
    let report = find_reuse(&pages, &Options::default());
    let cluster = coup_cluster(&pages, &report);
    assert_eq!(
        cluster.docs, 4,
        "the same coup cluster as on the text files"
    );
    for p in &report.passages {
        let text = pages.documents[p.a.doc].slice(p.a.span);
        for furniture in [
            "Subscribe",
            "Share on",
            "All rights reserved",
            "Related stories",
        ] {
            assert!(!text.contains(furniture), "{furniture} linked: {text}");
        }
    }
    let other = pages
        .documents
        .iter()
        .position(|d| d.id.starts_with("004"))
        .unwrap();
    assert!(
        report
            .passages
            .iter()
            .filter(|p| p.is_reuse())
            .all(|p| p.a.doc != other && p.b.doc != other)
    );
}
