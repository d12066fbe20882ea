//! The results cache as the reader uses it: a miss scans and stores, a hit skips the scan, a
//! changed article is a miss that says so, and a cache folder that cannot be written leaves
//! the reader working.

use std::path::PathBuf;

use rehash::cache::{Cache, DEFAULT_LIMIT};
use rehash::commands::cached_findings;
use rehash::corpus::{LoadOptions, load_paths_with};
use rehash::reuse::{Options, find_reuse};

const SHARED: &str = "The council voted on Tuesday to close the old harbour bridge to lorries \
                      after engineers found cracks in two of its steel supports.";

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("folder");
    let news = dir.path().join("news");
    std::fs::create_dir(&news).expect("made");
    std::fs::write(news.join("a.txt"), format!("Bridge\n{SHARED} More later.")).expect("a");
    std::fs::write(news.join("b.txt"), format!("Harbour\nToday. {SHARED}")).expect("b");
    (dir, news)
}

fn key(news: &PathBuf, corpus: &rehash::corpus::Corpus) -> String {
    rehash::cache::corpus_key(std::slice::from_ref(news), corpus)
}

fn load(news: &PathBuf) -> rehash::corpus::Corpus {
    load_paths_with(std::slice::from_ref(news), LoadOptions::default())
        .expect("loaded")
        .corpus
}

#[test]
fn a_second_open_reads_the_findings_from_the_cache_until_an_article_changes() {
    let (dir, news) = folder();
    let cache = Cache::new(dir.path().join("cache"), DEFAULT_LIMIT);
    let options = Options::default();
    let corpus = load(&news);
    let (first, notice) =
        cached_findings(&cache, &key(&news, &corpus), &corpus, &options).expect("ok");
    assert_eq!(
        notice, None,
        "a corpus never seen is scanned without a word"
    );
    assert_eq!(first.passages, find_reuse(&corpus, &options).passages);

    let corpus = load(&news);
    let (again, notice) =
        cached_findings(&cache, &key(&news, &corpus), &corpus, &options).expect("ok");
    assert!(notice.is_some_and(|n| n.contains("results cache")));
    assert_eq!(again.passages, first.passages);

    std::fs::write(news.join("b.txt"), "Harbour\nNothing in common now.").expect("edited");
    let corpus = load(&news);
    let (changed, notice) =
        cached_findings(&cache, &key(&news, &corpus), &corpus, &options).expect("ok");
    let notice = notice.expect("a notice");
    assert!(notice.contains("1 article changed"), "{notice}");
    assert!(changed.passages.is_empty());
}

#[test]
fn an_unwritable_cache_folder_gives_a_notice_and_the_findings() {
    let (dir, news) = folder();
    // A file where the cache folder should be: nothing can be written there.
    let blocked = dir.path().join("cache");
    std::fs::write(&blocked, "not a folder").expect("file");
    let cache = Cache::new(&blocked, DEFAULT_LIMIT);
    let corpus = load(&news);
    let (report, notice) =
        cached_findings(&cache, &key(&news, &corpus), &corpus, &Options::default())
            .expect("still works");
    assert!(!report.passages.is_empty());
    let notice = notice.expect("a notice");
    assert!(notice.contains("results cache not written"), "{notice}");
    assert_eq!(
        std::fs::read_to_string(&blocked).expect("kept"),
        "not a folder"
    );
}
