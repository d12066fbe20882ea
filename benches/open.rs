//! Time to the reader's first frame on 10,000 generated articles: a cold open (empty results
//! cache: load, scan, store), a warm one (the findings read from the cache), and a reopen after
//! one article was added. `cargo bench --bench open` prints the median of a few runs of each,
//! drawn on a 160×48 `TestBackend`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rehash::app::{App, Settings};
use rehash::cache::{Cache, DEFAULT_LIMIT};
use rehash::cli::GenerateArgs;
use rehash::commands::opening_findings;
use rehash::corpus::{LoadOptions, load_paths_with};
use rehash::reuse::Options;

const ARTICLES: usize = 10_000;
const RUNS: usize = 3;

/// Times of an open: to the first frame, and to the findings of every article (later when
/// the first frame shows the last findings while the corpus is scanned again).
struct Timed {
    first_frame: Duration,
    all_findings: Duration,
    notice: Option<String>,
}

/// Loads `corpus_dir`, takes the findings from `cache` (or scans), and draws the first frame;
/// then, if the reader would scan again in the background, does so.
fn open(corpus_dir: &Path, cache: &Cache) -> Timed {
    let start = Instant::now();
    let inputs = [corpus_dir.to_owned()];
    let corpus = load_paths_with(&inputs, LoadOptions::default())
        .expect("loads")
        .corpus;
    let key = rehash::cache::corpus_key(&inputs, &corpus);
    let opening = opening_findings(cache, &key, &corpus, &Options::default()).expect("findings");
    let app = App::on_shared(Arc::new(corpus), opening.report, Settings::default());
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal
        .draw(|frame| rehash::ui::render(&app, frame))
        .expect("drawn");
    let first_frame = start.elapsed();
    if let Some(rescan) = opening.rescan {
        let corpus = app.shared_corpus();
        let report = rehash::reuse::find_reuse(&corpus, &rescan.options);
        rescan
            .cache
            .store(&rescan.key, &corpus, &rescan.options, &report)
            .expect("stored");
    }
    let all_findings = start.elapsed();
    // Freeing the corpus is not part of opening it.
    std::thread::spawn(move || drop(app));
    Timed {
        first_frame,
        all_findings,
        notice: opening.notice,
    }
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

    let cold = median_of(RUNS, || {
        let _ = rehash::cache::clear(&cache_dir);
        open(&corpus_dir, &cache)
    });
    let warm = median_of(RUNS, || open(&corpus_dir, &cache));
    // An article copying most of another, as a new one in a folder of news would.
    let copied = first_article(&corpus_dir.join("outlet-01"));
    let mut run = 0;
    let added = median_of(RUNS, || {
        run += 1;
        let text = format!("An added article\nNews today. {copied}\n");
        std::fs::write(
            corpus_dir
                .join("outlet-00")
                .join(format!("added-{run}.txt")),
            text,
        )
        .expect("added");
        open(&corpus_dir, &cache)
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{ARTICLES} generated articles, median of {RUNS} runs:\n");
    println!("| open | first frame, ms | cold / this | all findings, ms |");
    println!("|---|---:|---:|---:|");
    let rows = [
        ("cold: empty cache, load, scan, store", &cold),
        ("warm: findings from the cache", &warm),
        ("one article added: last findings, then a full scan", &added),
    ];
    for (what, timed) in rows {
        println!(
            "| {what} | {:.0} | {:.1} | {:.0} |",
            ms(timed.first_frame),
            ms(cold.first_frame) / ms(timed.first_frame),
            ms(timed.all_findings),
        );
    }
    if let Some(notice) = &added.notice {
        println!("\nafter an addition the reader says: {notice}");
    }
}

/// The text of the first article (by name) in `dir`, without its headline.
fn first_article(dir: &Path) -> String {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("outlet folder")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let text = std::fs::read_to_string(&names[0]).expect("article");
    text.split_once('\n')
        .map_or(text.clone(), |(_, body)| body.to_owned())
}

/// The run of `runs` with the median time to the first frame.
fn median_of(runs: usize, mut open: impl FnMut() -> Timed) -> Timed {
    let mut timed: Vec<Timed> = (0..runs).map(|_| open()).collect();
    timed.sort_by_key(|t| t.first_frame);
    timed.swap_remove(runs / 2)
}
