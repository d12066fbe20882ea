//! Time to the reader's first frame on 10,000 generated articles: a cold open (empty results
//! cache: load, scan, store), a warm one (the findings read from the cache), and a reopen after
//! one article was added. `cargo bench --bench open` prints the median of a few runs of each,
//! drawn on a 160×48 `TestBackend`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rehash::app::{App, Settings};
use rehash::cache::{Cache, DEFAULT_LIMIT};
use rehash::cli::GenerateArgs;
use rehash::commands::cached_findings;
use rehash::corpus::{LoadOptions, load_paths_with};
use rehash::reuse::Options;

const ARTICLES: usize = 10_000;
const RUNS: usize = 3;

/// Loads `corpus_dir`, takes the findings from `cache` (or scans), and draws the first frame.
fn open(corpus_dir: &Path, cache: &Cache) -> (Duration, Option<String>) {
    let start = Instant::now();
    let inputs = [corpus_dir.to_owned()];
    let corpus = load_paths_with(&inputs, LoadOptions::default())
        .expect("loads")
        .corpus;
    let key = rehash::cache::corpus_key(&inputs, &corpus);
    let (report, notice) =
        cached_findings(cache, &key, &corpus, &Options::default()).expect("findings");
    let app = App::new(corpus, report, Settings::default());
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal
        .draw(|frame| rehash::ui::render(&app, frame))
        .expect("drawn");
    let elapsed = start.elapsed();
    // Freeing the corpus is not part of opening it.
    std::thread::spawn(move || drop(app));
    (elapsed, notice)
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let root = tempfile::tempdir().expect("temporary folder");
    let corpus_dir: PathBuf = root.path().join("corpus");
    let generated = GenerateArgs {
        dir: corpus_dir.clone(),
        articles: ARTICLES,
        seed: 7,
        truth: None,
    };
    rehash::generate::write(&generated).expect("generated");
    let cache_dir = root.path().join("cache");
    let cache = Cache::new(&cache_dir, DEFAULT_LIMIT);

    let cold = median(
        (0..RUNS)
            .map(|_| {
                let _ = rehash::cache::clear(&cache_dir);
                open(&corpus_dir, &cache).0
            })
            .collect(),
    );
    let warm = median((0..RUNS).map(|_| open(&corpus_dir, &cache).0).collect());
    let mut notice = None;
    let added = median(
        (0..RUNS)
            .map(|run| {
                let outlet = corpus_dir.join("outlet-00");
                std::fs::write(
                    outlet.join(format!("added-{run}.txt")),
                    "An added article\nIts text is new to the corpus, and short.\n",
                )
                .expect("added");
                let (time, said) = open(&corpus_dir, &cache);
                notice = said;
                time
            })
            .collect(),
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{ARTICLES} generated articles, median of {RUNS} runs, to the first frame:\n");
    println!("| open | ms | cold / this |");
    println!("|---|---:|---:|");
    println!(
        "| cold: empty cache, load, scan, store | {:.0} | 1.0 |",
        ms(cold)
    );
    println!(
        "| warm: findings from the cache | {:.0} | {:.1} |",
        ms(warm),
        ms(cold) / ms(warm)
    );
    println!(
        "| one article added: full rescan | {:.0} | {:.1} |",
        ms(added),
        ms(cold) / ms(added)
    );
    if let Some(notice) = notice {
        println!("\nafter an addition the reader says: {notice}");
    }
}
