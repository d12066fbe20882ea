//! The engine on a generated corpus against its ground truth: every planted copy, rewrite and
//! rewritten section found, outlet templates marked, same-event articles kept apart, and
//! clusters that never mix paragraphs planted apart.
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

/// A planted span: article, start, end.
type Span = (String, u64, u64);

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_rehash"))
        .env(
            "REHASH_CONFIG",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/empty.toml"),
        )
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn span(v: &Value) -> Span {
    let doc = v["doc"].as_str().unwrap().to_owned();
    (
        doc,
        v["start"].as_u64().unwrap(),
        v["end"].as_u64().unwrap(),
    )
}

fn overlaps(x: &Span, y: &Span) -> bool {
    x.0 == y.0 && x.1 < y.2 && y.1 < x.2
}

/// The generated corpus and its scan: the truth's planted spans and the scan's JSON.
struct Generated {
    planted: Vec<Value>,
    scan: Value,
}

impl Generated {
    /// The corpus both tests read, generated and scanned once: 600 articles, or as many as
    /// `REHASH_GENERATED_ARTICLES` says (to measure the figures at scale by hand).
    fn shared() -> &'static Self {
        static GENERATED: OnceLock<Generated> = OnceLock::new();
        let articles = std::env::var("REHASH_GENERATED_ARTICLES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(600);
        GENERATED.get_or_init(|| Self::new(articles))
    }

    fn new(articles: usize) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let truth = dir.path().join("truth.json");
        let n = articles.to_string();
        let (corpus_arg, truth_arg) = (corpus.to_str().unwrap(), truth.to_str().unwrap());
        run(&[
            "generate",
            corpus_arg,
            "--articles",
            &n,
            "--seed",
            "11",
            "--truth",
            truth_arg,
        ]);
        let scan = serde_json::from_slice(&run(&["scan", corpus_arg])).unwrap();
        let truth: Value = serde_json::from_slice(&std::fs::read(&truth).unwrap()).unwrap();
        Self {
            planted: truth["planted"].as_array().unwrap().clone(),
            scan,
        }
    }

    /// Occurrences of each pool paragraph: copies, rewrites and the paragraphs of sections.
    fn occurrences(&self) -> BTreeMap<u64, Vec<Span>> {
        let mut by_source: BTreeMap<u64, Vec<Span>> = BTreeMap::new();
        for p in &self.planted {
            if matches!(p["kind"].as_str(), Some("copy" | "rewrite" | "section")) {
                let source = p["source"].as_u64().unwrap();
                by_source.entry(source).or_default().push(span(p));
            }
        }
        by_source
    }

    fn spans_of(&self, kind: &str) -> Vec<(u64, Span)> {
        let planted = self.planted.iter().filter(|p| p["kind"] == kind);
        planted
            .map(|p| (p["source"].as_u64().unwrap(), span(p)))
            .collect()
    }

    /// The passages the reader shows as reuse, as their two sides.
    fn reuse(&self) -> Vec<(Span, Span)> {
        let passages = self.scan["passages"].as_array().unwrap();
        let shown = passages.iter().filter(|p| {
            p["boilerplate"] == false && p["duplicate"] == false && p["kind"] != "related"
        });
        shown.map(|p| (span(&p["a"]), span(&p["b"]))).collect()
    }
}

fn linked(reuse: &[(Span, Span)], x: &Span, y: &Span) -> bool {
    reuse
        .iter()
        .any(|(a, b)| (overlaps(a, x) && overlaps(b, y)) || (overlaps(a, y) && overlaps(b, x)))
}

#[test]
fn a_generated_corpus_is_found_as_planted() {
    let g = Generated::shared();
    let reuse = g.reuse();
    let occurrences = g.occurrences();
    let (mut planted, mut found) = (0, 0);
    for spans in occurrences.values() {
        for (i, x) in spans.iter().enumerate() {
            for y in spans[i + 1..].iter().filter(|y| y.0 != x.0) {
                planted += 1;
                found += usize::from(linked(&reuse, x, y));
            }
        }
    }
    let recall = rehash::diff::ratio(found, planted);
    assert!(
        planted > 1000 && recall >= 0.99,
        "planted recall {found}/{planted}"
    );

    // Every reuse link joins two occurrences of one pool paragraph.
    let source_of = |side: &Span| -> BTreeSet<u64> {
        let planted = occurrences
            .iter()
            .filter(|(_, spans)| spans.iter().any(|s| overlaps(s, side)));
        planted.map(|(&source, _)| source).collect()
    };
    let unplanted = reuse
        .iter()
        .filter(|(a, b)| source_of(a).is_disjoint(&source_of(b)))
        .count();
    println!(
        "generated: planted recall {found}/{planted} = {recall:.3}, {unplanted} of {} links unplanted",
        reuse.len()
    );
    assert!(
        rehash::diff::ratio(unplanted, reuse.len()) < 0.02,
        "{unplanted} of {} links unplanted",
        reuse.len()
    );

    // No cluster mixes paragraphs planted apart.
    for cluster in g.scan["clusters"].as_array().unwrap() {
        let members: Vec<BTreeSet<u64>> = cluster["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| source_of(&span(m)))
            .collect();
        let common = members
            .iter()
            .skip(1)
            .fold(members[0].clone(), |all, m| &all & m);
        assert!(
            !common.is_empty(),
            "cluster {} mixes {members:?}",
            cluster["id"]
        );
    }
}

#[test]
fn generated_templates_are_boilerplate_and_same_event_articles_are_not_reuse() {
    let g = Generated::shared();
    let marked: Vec<Span> = g.scan["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(span)
        .collect();
    let templates = g.spans_of("template");
    let covered = |t: &Span| {
        let inside: u64 = marked
            .iter()
            .filter(|m| overlaps(m, t))
            .map(|m| m.2.min(t.2) - m.1.max(t.1))
            .sum();
        2 * inside >= t.2 - t.1
    };
    let hit = templates.iter().filter(|(_, t)| covered(t)).count();
    assert!(
        templates.len() > 50 && rehash::diff::ratio(hit, templates.len()) >= 0.95,
        "templates marked {hit}/{}",
        templates.len()
    );

    let reuse = g.reuse();
    let events = g.spans_of("event");
    let mut pairs = 0;
    for (i, (e, x)) in events.iter().enumerate() {
        for (_, y) in events[i + 1..].iter().filter(|(f, y)| f == e && y.0 != x.0) {
            pairs += 1;
            assert!(
                !linked(&reuse, x, y),
                "same-event articles shown as reuse: {x:?} {y:?}"
            );
        }
    }
    assert!(pairs > 30, "{pairs} same-event pairs");
}
