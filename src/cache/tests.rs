use super::*;
use crate::corpus::Source;
use crate::reuse::find_reuse;

const SHARED: &str = "The river flooded the old mill town after three days of rain, and the \
                      mayor ordered everyone on the low streets to leave before nightfall.";

fn corpus_of(texts: &[(&str, String)]) -> Corpus {
    Corpus::from_sources(
        texts
            .iter()
            .map(|(id, text)| Source::new(*id, text.clone()))
            .collect(),
    )
}

fn sample() -> Corpus {
    corpus_of(&[
        ("a.txt", format!("Flood\n{SHARED} Shops closed.")),
        ("b.txt", format!("Rain\nNews today. {SHARED}")),
        (
            "c.txt",
            "Garden\nTomatoes like the sun and a little water.".to_owned(),
        ),
    ])
}

/// The miss of a corpus with one article more and one changed.
const ONE_ADDED_ONE_CHANGED: Miss = Miss::Changed {
    added: 1,
    removed: 0,
    changed: 1,
};

fn cache(dir: &Path) -> Cache {
    Cache::new(dir, DEFAULT_LIMIT)
}

/// A cache in a temporary folder holding the sample's findings under the key `k`.
fn stored() -> (
    tempfile::TempDir,
    Corpus,
    Options,
    Cache,
    crate::reuse::Report,
) {
    stored_of(sample())
}

/// A cache in a temporary folder holding the findings of `corpus` under the key `k`.
fn stored_of(
    corpus: Corpus,
) -> (
    tempfile::TempDir,
    Corpus,
    Options,
    Cache,
    crate::reuse::Report,
) {
    let dir = tempfile::tempdir().expect("folder");
    let options = Options::default();
    let cache = cache(dir.path());
    let report = find_reuse(&corpus, &options);
    cache
        .store("k", &corpus, &options, &report)
        .expect("stored");
    (dir, corpus, options, cache, report)
}

#[test]
fn a_stored_report_comes_back_whole() {
    let dir = tempfile::tempdir().expect("folder");
    let (corpus, options) = (sample(), Options::default());
    let report = find_reuse(&corpus, &options);
    assert!(!report.passages.is_empty());
    let cache = cache(dir.path());
    assert_eq!(cache.lookup("k", &corpus, &options).unwrap_err(), Miss::New);
    cache
        .store("k", &corpus, &options, &report)
        .expect("stored");
    let back = cache.lookup("k", &corpus, &options).expect("a hit");
    assert_eq!(back.passages, report.passages);
    assert_eq!(back.clusters, report.clusters);
    assert_eq!(back.boilerplate, report.boilerplate);
    assert_eq!(back.duplicates, report.duplicates);
    assert_eq!(back.partners(0), report.partners(0));
}

#[test]
fn a_changed_added_or_removed_article_is_a_miss_that_says_so() {
    let dir = tempfile::tempdir().expect("folder");
    let (corpus, options) = (sample(), Options::default());
    let cache = cache(dir.path());
    cache
        .store("k", &corpus, &options, &find_reuse(&corpus, &options))
        .expect("stored");
    let edited = corpus_of(&[
        ("a.txt", format!("Flood\n{SHARED} Shops closed.")),
        ("b.txt", format!("Rain\nNews today. {SHARED}")),
        (
            "c.txt",
            "Garden\nTomatoes like the sun and more water.".to_owned(),
        ),
        ("d.txt", "New\nA fourth article.".to_owned()),
    ]);
    let miss = cache.lookup("k", &edited, &options).unwrap_err();
    assert_eq!(miss, ONE_ADDED_ONE_CHANGED);
    let notice = miss.notice().expect("a notice");
    assert!(
        notice.contains("1 article added, 1 article changed"),
        "{notice}"
    );
    let fewer = corpus_of(&[("a.txt", "Flood".to_owned()), ("b.txt", "Rain".to_owned())]);
    assert!(matches!(
        cache.lookup("k", &fewer, &options),
        Err(Miss::Changed { removed: 1, .. })
    ));
}

#[test]
fn other_options_or_another_engine_version_are_misses() {
    // The folder lives as long as `_dir`.
    let (_dir, corpus, options, cache, report) = stored();
    let stricter = Options {
        min_words: 20,
        ..Options::default()
    };
    assert_eq!(
        cache.lookup("k", &corpus, &stricter).unwrap_err(),
        Miss::Options
    );
    // An entry an older engine wrote.
    let mut bytes = encode(&corpus, &options, &report).expect("encoded");
    let (mut header, body): (Header, &[u8]) = postcard::take_from_bytes(&bytes).expect("header");
    header.engine = "0.0.0/engine-0".into();
    let mut old = postcard::to_stdvec(&header).expect("header bytes");
    old.extend_from_slice(body);
    bytes = old;
    std::fs::write(cache.entry("k"), &bytes).expect("written");
    assert_eq!(
        cache.lookup("k", &corpus, &options).unwrap_err(),
        Miss::Version
    );
}

#[test]
fn a_truncated_or_corrupt_entry_is_ignored_and_rebuilt() {
    // The folder lives as long as `_dir`.
    let (_dir, corpus, options, cache, report) = stored();
    let bytes = std::fs::read(cache.entry("k")).expect("entry");
    for damaged in [
        bytes[..bytes.len() / 2].to_vec(),
        bytes[..10].to_vec(),
        b"not a cache file at all".to_vec(),
        {
            let mut flipped = bytes.clone();
            let last = flipped.len() - 3;
            flipped[last] ^= 0x55;
            flipped
        },
    ] {
        std::fs::write(cache.entry("k"), &damaged).expect("damaged");
        let miss = cache.lookup("k", &corpus, &options).unwrap_err();
        assert!(matches!(miss, Miss::Damaged(_)), "{miss:?}");
        assert!(miss.notice().is_some_and(|n| n.contains("rebuilt")));
    }
    cache
        .store("k", &corpus, &options, &report)
        .expect("rebuilt");
    assert!(cache.lookup("k", &corpus, &options).is_ok());
}

#[test]
fn an_entry_naming_places_outside_the_documents_is_damaged() {
    let dir = tempfile::tempdir().expect("folder");
    let (corpus, options) = (sample(), Options::default());
    let cache = cache(dir.path());
    let mut report = find_reuse(&corpus, &options);
    report.passages[0].a.span.byte_end = 1_000_000;
    cache
        .store("k", &corpus, &options, &report)
        .expect("stored");
    let miss = cache.lookup("k", &corpus, &options).unwrap_err();
    assert!(matches!(miss, Miss::Damaged(_)), "{miss:?}");
}

#[test]
fn two_writers_at_once_leave_one_whole_entry() {
    let dir = tempfile::tempdir().expect("folder");
    let (corpus, options) = (sample(), Options::default());
    let report = find_reuse(&corpus, &options);
    let cache = cache(dir.path());
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..10 {
                    cache
                        .store("k", &corpus, &options, &report)
                        .expect("stored");
                }
            });
        }
    });
    let back = cache.lookup("k", &corpus, &options).expect("a whole entry");
    assert_eq!(back.passages, report.passages);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["k.findings"], "no temporary file left behind");
}

#[test]
fn the_oldest_entries_are_evicted_past_the_limit_and_clear_empties_the_folder() {
    let dir = tempfile::tempdir().expect("folder");
    let (corpus, options) = (sample(), Options::default());
    let report = find_reuse(&corpus, &options);
    let size = encode(&corpus, &options, &report).expect("encoded").len() as u64;
    let cache = Cache::new(dir.path(), 2 * size);
    for key in ["one", "two", "three"] {
        cache
            .store(key, &corpus, &options, &report)
            .expect("stored");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        cache.lookup("one", &corpus, &options).unwrap_err(),
        Miss::New
    );
    assert!(cache.lookup("two", &corpus, &options).is_ok());
    assert!(cache.lookup("three", &corpus, &options).is_ok());
    assert_eq!(clear(dir.path()).expect("cleared"), 2);
    assert_eq!(
        cache.lookup("two", &corpus, &options).unwrap_err(),
        Miss::New
    );
    assert_eq!(
        clear(&dir.path().join("none")).expect("nothing to clear"),
        0
    );
}

#[test]
fn the_corpus_key_follows_the_inputs_not_their_contents() {
    let dir = tempfile::tempdir().expect("folder");
    let folder = dir.path().join("news");
    std::fs::create_dir(&folder).expect("made");
    let (small, big) = (sample(), corpus_of(&[("x", "y".to_owned())]));
    let by_folder = corpus_key(std::slice::from_ref(&folder), &small);
    assert_eq!(by_folder, corpus_key(std::slice::from_ref(&folder), &big));
    assert_ne!(by_folder, corpus_key(&[dir.path().to_owned()], &small));
    // Standard input and the demo are known by their documents.
    assert_ne!(corpus_key(&[], &small), corpus_key(&[], &big));
    assert_eq!(corpus_key(&["-".into()], &small), corpus_key(&[], &small));
}

const OTHER: &str = "The orchestra played the whole symphony twice on the square that night, \
                     because the first rain had drowned out every note of the slow movement.";

/// Two pairs of articles sharing a passage each, and one article alone.
fn two_pairs() -> Corpus {
    corpus_of(&[
        ("a.txt", format!("Flood\n{SHARED} Shops closed.")),
        ("b.txt", format!("Rain\nNews today. {SHARED}")),
        ("c.txt", format!("Concert\n{OTHER} Many stayed.")),
        ("e.txt", format!("Music\nIn town: {OTHER}")),
        ("g.txt", "Garden\nTomatoes like the sun.".to_owned()),
    ])
}

/// The passages of `report` between the documents `x` and `y` of `corpus`, by ids and spans.
fn between(
    corpus: &Corpus,
    report: &Report,
    x: &str,
    y: &str,
) -> Vec<(String, String, Side, Side)> {
    let id = |side: &Side| corpus.documents[side.doc].id.clone();
    let mut found: Vec<(String, String, Side, Side)> = report
        .passages
        .iter()
        .filter(|p| {
            let ids = [id(&p.a), id(&p.b)];
            ids.contains(&x.to_owned()) && ids.contains(&y.to_owned())
        })
        .map(|p| (id(&p.a), id(&p.b), p.a, p.b))
        .collect();
    found.sort_by_key(|(a, b, sa, sb)| (a.clone(), b.clone(), sa.span.start, sb.span.start));
    found
}

#[test]
fn a_changed_corpus_keeps_the_last_findings_among_the_articles_left_as_they_were() {
    let (_dir, corpus, options, cache, before) = stored_of(two_pairs());
    assert_eq!(between(&corpus, &before, "a.txt", "b.txt").len(), 1);
    assert_eq!(between(&corpus, &before, "c.txt", "e.txt").len(), 1);
    // A new article first (every index moves), c changed, the others as they were.
    let now = corpus_of(&[
        ("d.txt", "New\nA fourth article on nothing.".to_owned()),
        ("b.txt", format!("Rain\nNews today. {SHARED}")),
        ("a.txt", format!("Flood\n{SHARED} Shops closed.")),
        ("c.txt", format!("Concert\nOnly a short note now. {OTHER}")),
        ("e.txt", format!("Music\nIn town: {OTHER}")),
        ("g.txt", "Garden\nTomatoes like the sun.".to_owned()),
    ]);
    let Lookup::Previous { report, miss } = cache.lookup_or_previous("k", &now, &options) else {
        panic!("the last findings");
    };
    assert_eq!(miss, ONE_ADDED_ONE_CHANGED);
    assert!(miss.leaves_most_as_they_were(now.len()));
    assert!(
        miss.notice_while_scanning()
            .starts_with("1 article added, 1 article changed")
    );
    // The pair left as it was keeps its passage, where a scan of the corpus now finds it.
    let fresh = find_reuse(&now, &options);
    let kept = between(&now, &report, "a.txt", "b.txt");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept, between(&now, &fresh, "a.txt", "b.txt"));
    // Nothing touching the changed article is kept, though a scan finds it again.
    assert!(between(&now, &report, "c.txt", "e.txt").is_empty());
    assert_eq!(between(&now, &fresh, "c.txt", "e.txt").len(), 1);
    // Its clusters are grouped again on the documents as they are now.
    assert_eq!(report.clusters.len(), 1);
    let members: Vec<&str> = report.clusters[0]
        .members
        .iter()
        .map(|m| now.documents[m.doc].id.as_str())
        .collect();
    assert_eq!(members, ["a.txt", "b.txt"]);
    assert_eq!(
        report.passages_in(2).len(),
        1,
        "a.txt, now third, has its passage"
    );
    // With most articles changed, there is nothing worth showing first.
    let most_changed = corpus_of(&[
        ("a.txt", format!("Flood\n{SHARED} Shops closed.")),
        ("b.txt", "Rain\nOther news.".to_owned()),
        ("c.txt", "Concert\nOther music.".to_owned()),
        ("e.txt", "Music\nNo concert.".to_owned()),
    ]);
    assert!(matches!(
        cache.lookup_or_previous("k", &most_changed, &options),
        Lookup::Miss(Miss::Changed { .. })
    ));
}

#[test]
fn the_last_findings_are_shown_only_while_most_articles_are_as_they_were() {
    let changed = |added, changed| Miss::Changed {
        added,
        removed: 0,
        changed,
    };
    assert!(changed(1, 0).leaves_most_as_they_were(10_000));
    assert!(changed(2, 2).leaves_most_as_they_were(8));
    assert!(!changed(3, 2).leaves_most_as_they_were(8));
    assert!(
        !changed(0, 2).leaves_most_as_they_were(3),
        "one article alone links nothing"
    );
    for miss in [
        Miss::New,
        Miss::Options,
        Miss::Version,
        Miss::Damaged("x".into()),
    ] {
        assert!(!miss.leaves_most_as_they_were(100));
    }
}
