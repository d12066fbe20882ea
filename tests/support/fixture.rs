//! A small corpus and a hand-built report for the reader's tests, with the seeds' coup
//! paragraph in two spellings, a rewritten paragraph with a near passage nested in it, CJK, emoji and an escape sequence.

use rehash::corpus::{Corpus, Source};
use rehash::diff::{similarity, word_diff};
use rehash::reuse::{Cluster, Kind, Passage, Report, Side};

const COUP_A: &str = "Ukraine lost the Crimean Peninsula to Russia after a CIA-backed, pro-Western coup toppled the duly elected, Kremlin-backed government of Viktor Yanukovych, chasing him out of Kiev Feb. 22, 2014.";
const COUP_B: &str = "Ukraine lost the Crimean Peninsula to Russia after a CIA-backed, pro-Westren coup toppled the duly elected, Kremlin-backed government of Viktor Yanukovich, chasing him out of old Kiev Feb. 22, 2014.";
const QUOTE: &str = "Putin put the West on notice that he has red lines when it comes to NATO encroachment close to the Russian border.";
const REWRITE_A: &str = "The talks in Geneva will cover missile deployments, troop exercises and the future of the naval base at Sevastopol.";
const NESTED_A: &str = "missile deployments, troop exercises";
const NESTED_B: &str = "Missile deployments and exercises by troops";
const REWRITE_B: &str = "Missile deployments and exercises by troops are on the Geneva agenda, as is the Sevastopol naval base.";

fn filler(topic: &str, count: usize) -> String {
    let line =
        |i| format!("Paragraph {i} on {topic} adds local colour and quotes from officials.\n");
    (1..=count).map(line).collect::<Vec<_>>().concat()
}

fn texts() -> [(String, String, String); 3] {
    let a = format!(
        "Talks over Ukraine\n{}{COUP_A}\n{}{QUOTE}\n{REWRITE_A}\n{}",
        filler("diplomacy", 3),
        filler("history", 4),
        filler("markets", 12)
    );
    let b = format!(
        "Security talks agreed\n{QUOTE}\n{}{COUP_B}\n{REWRITE_B}\n漢字のテキストと絵文字 👍🏽 e\u{301}\u{1b}[31m\t{}",
        filler("the region", 2),
        filler("energy", 10)
    );
    let c = format!(
        "Weekly digest\n{}{QUOTE}\n{}",
        filler("sports", 2),
        filler("culture", 3)
    );
    [
        ("a.txt".into(), "wire".into(), a),
        ("b.txt".into(), "daily".into(), b),
        ("c.txt".into(), "weekly".into(), c),
    ]
}

/// The three test articles.
pub fn corpus() -> Corpus {
    let sources = texts()
        .into_iter()
        .map(|(id, group, text)| Source {
            id,
            path: None,
            group,
            title: None,
            date: None,
            text,
        })
        .collect();
    Corpus::from_sources(sources)
}

/// The first two articles only (what `rehash A B` opens).
pub fn pair_corpus() -> Corpus {
    let mut corpus = corpus();
    corpus.documents.truncate(2);
    corpus
}

fn side(corpus: &Corpus, doc: usize, needle: &str) -> Side {
    let d = &corpus.documents[doc];
    let at = d.text.find(needle).expect("needle in text");
    Side {
        doc,
        span: d.map().span_of_bytes(at, at + needle.len()),
    }
}

fn passage(corpus: &Corpus, id: usize, kind: Kind, a: (usize, &str), b: (usize, &str)) -> Passage {
    let (sa, sb) = (side(corpus, a.0, a.1), side(corpus, b.0, b.1));
    let (da, db) = (&corpus.documents[a.0], &corpus.documents[b.0]);
    let diff = if kind == Kind::Rewritten {
        Vec::new()
    } else {
        word_diff(da, sa.span, db, sb.span)
    };
    let shared_words = if kind == Kind::Rewritten {
        [
            "geneva",
            "missile",
            "deployments",
            "sevastopol",
            "naval",
            "exercises",
        ]
        .map(String::from)
        .to_vec()
    } else {
        Vec::new()
    };
    let score = if diff.is_empty() {
        0.6
    } else {
        similarity(&diff)
    };
    Passage {
        id,
        kind,
        score,
        words: da
            .token_range(sa.span)
            .len()
            .max(db.token_range(sb.span).len()),
        a: sa,
        b: sb,
        boilerplate: false,
        quote: false,
        duplicate: false,
        cluster: Some(usize::from(id != 1)),
        shared_words: shared_words.into_iter().collect(),
        diff,
        parts: Vec::new(),
    }
}

/// What the engine would find in [`corpus`] or [`pair_corpus`].
pub fn report(corpus: &Corpus) -> Report {
    let mut passages = vec![
        passage(corpus, 0, Kind::Near, (0, COUP_A), (1, COUP_B)),
        passage(corpus, 1, Kind::Verbatim, (0, QUOTE), (1, QUOTE)),
        passage(corpus, 2, Kind::Rewritten, (0, REWRITE_A), (1, REWRITE_B)),
        // Nested in the rewritten paragraph, from its first word on the right.
        passage(corpus, 3, Kind::Near, (0, NESTED_A), (1, NESTED_B)),
    ];
    if corpus.len() > 2 {
        passages.push(passage(corpus, 4, Kind::Verbatim, (0, QUOTE), (2, QUOTE)));
    }
    let quote = Cluster {
        id: 0,
        docs: corpus.len(),
        members: Vec::new(),
        representative: 0,
        passages: vec![1],
    };
    let other = Cluster {
        id: 1,
        docs: 2,
        members: Vec::new(),
        representative: 0,
        passages: vec![0, 2, 3],
    };
    for p in &mut passages {
        p.cluster = Some(usize::from(matches!(p.id, 0 | 2 | 3)));
    }
    Report::new(passages, vec![quote, other], Vec::new(), corpus.len())
}

/// Seed articles 000 and 002 of `../shared/seeds` and what the engine finds in them; `None`
/// (after a notice on stderr) when the seeds are absent. The including test declares the
/// `support_notice` module.
#[allow(dead_code)] // each test binary uses a part of the fixture
pub fn seed_pair() -> Option<(Corpus, Report)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let paths = ["000_21adda6a860975b9.txt", "002_505feb06e4f6e5a4.txt"].map(|f| dir.join(f));
    if !paths.iter().all(|p| p.exists()) {
        let missing = format!("seed articles not found in {}, skipping", dir.display());
        crate::support_notice::notice(&missing);
        return None;
    }
    let corpus = rehash::corpus::load_paths(&paths).ok()?.corpus;
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    Some((corpus, report))
}
