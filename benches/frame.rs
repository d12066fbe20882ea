//! Frame time of the compare view on two 1 MB articles sharing a few hundred passages, of the
//! library on 10,000 articles, and of the corpus views (passages, heat map) on a generated
//! corpus of 10,000 articles: `cargo bench --bench frame` prints mean and p95 per step on a
//! 160×48 `TestBackend`.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rehash::app::{Action, App, ColorMode, Settings, View};
use rehash::corpus::{Corpus, Source};
use rehash::diff::{similarity, word_diff};
use rehash::reuse::{Kind, Passage, Report, Side};

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "resume",
    "in",
    "Geneva",
    "after",
    "a",
    "week",
    "of",
    "tension",
    "along",
    "border",
    "officials",
    "confirmed",
    "that",
    "troops",
    "had",
    "withdrawn",
    "from",
    "positions",
    "near",
    "river",
    "while",
    "analysts",
    "warned",
    "sanctions",
    "could",
    "follow",
    "漢字",
    "café",
    "naïve",
    "👍🏽",
];
const PARAGRAPH_WORDS: usize = 80;
const TARGET_BYTES: usize = 1 << 20;

/// A deterministic pseudo-random paragraph.
fn paragraph(seed: &mut u64) -> String {
    let mut words = Vec::with_capacity(PARAGRAPH_WORDS);
    for _ in 0..PARAGRAPH_WORDS {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        words.push(WORDS[usize::try_from(*seed >> 33).unwrap_or(0) % WORDS.len()]);
    }
    words.join(" ") + ".\n"
}

/// Two ~1 MB articles; every tenth paragraph of the first reappears in the second with one
/// word changed. Returns the texts and the shared paragraphs (text in a, text in b).
fn articles() -> (String, String, Vec<(String, String)>) {
    let (mut a, mut b, mut shared) = (String::new(), String::new(), Vec::new());
    let mut seed = 7;
    let mut i = 0;
    while a.len() < TARGET_BYTES {
        let para = paragraph(&mut seed);
        a.push_str(&para);
        if i % 10 == 0 {
            let edited = para.replacen("the", "thee", 1);
            b.push_str(&edited);
            shared.push((para.trim_end().to_owned(), edited.trim_end().to_owned()));
        } else {
            b.push_str(&paragraph(&mut seed));
        }
        i += 1;
    }
    (a, b, shared)
}

fn side(corpus: &Corpus, doc: usize, from: usize, needle: &str) -> (Side, usize) {
    let d = &corpus.documents[doc];
    let at = from
        + d.text[from..]
            .find(needle)
            .expect("shared paragraph present");
    (
        Side {
            doc,
            span: d.map().span_of_bytes(at, at + needle.len()),
        },
        at + needle.len(),
    )
}

fn report(corpus: &Corpus, shared: &[(String, String)]) -> Report {
    let (mut from_a, mut from_b) = (0, 0);
    let mut passages = Vec::new();
    for (id, (in_a, in_b)) in shared.iter().enumerate() {
        let (a, next_a) = side(corpus, 0, from_a, in_a);
        let (b, next_b) = side(corpus, 1, from_b, in_b);
        (from_a, from_b) = (next_a, next_b);
        let diff = word_diff(&corpus.documents[0], a.span, &corpus.documents[1], b.span);
        let score = similarity(&diff);
        let (words, boilerplate, cluster) = (PARAGRAPH_WORDS, false, Some(0));
        passages.push(Passage {
            id,
            kind: Kind::Near,
            score,
            words,
            a,
            b,
            boilerplate,
            quote: false,
            duplicate: false,
            cluster,
            shared_words: rehash::reuse::SharedWords::default(),
            diff,
            parts: Vec::new(),
        });
    }
    Report::new(passages, Vec::new(), Vec::new(), corpus.len())
}

fn stats(name: &str, mut times: Vec<Duration>) {
    times.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean =
        ms(times.iter().sum::<Duration>()) / f64::from(u32::try_from(times.len()).unwrap_or(1));
    let p95 = ms(times[times.len() * 95 / 100]);
    println!("{name:<44} {:>6} {mean:>10.3} {p95:>10.3}", times.len());
}

fn timed(step: impl FnOnce()) -> Duration {
    let start = Instant::now();
    step();
    start.elapsed()
}

fn corpus_and_report() -> (Corpus, Report) {
    let (a, b, shared) = articles();
    let sources = [("a.txt", a), ("b.txt", b)].map(|(id, text)| Source {
        id: id.into(),
        path: None,
        group: "bench".into(),
        title: None,
        date: None,
        text,
    });
    let corpus = Corpus::from_sources(sources.to_vec());
    let report = report(&corpus, &shared);
    let bytes: Vec<usize> = corpus.documents.iter().map(|d| d.text.len()).collect();
    println!(
        "articles: {bytes:?} bytes, {} shared passages\n",
        report.passages.len()
    );
    (corpus, report)
}

/// Times `runs` rounds of `action` and the draw after it: what a key press costs.
fn frames(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    action: Action,
    runs: usize,
) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            timed(|| {
                app.update(action);
                let _ = terminal.draw(|frame| rehash::ui::render(app, frame));
            })
        })
        .collect()
}

/// Frame time of the library on 10,000 short articles: only the rows on screen are built.
fn library_frames() {
    let sources = (0..10_000u64)
        .map(|i| Source {
            id: format!("article-{i:05}.txt"),
            path: None,
            group: "bench".into(),
            title: None,
            date: None,
            text: format!("Headline {i}\n{}", paragraph(&mut (i + 1))),
        })
        .collect();
    let corpus = Corpus::from_sources(sources);
    let report = Report::new(Vec::new(), Vec::new(), Vec::new(), corpus.len());
    let settings = Settings {
        color: ColorMode::TrueColor,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = App::new(corpus, report, settings);
    app.update(Action::Resize(160, 48));
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test backend");
    stats(
        "library of 10,000: next article, draw",
        frames(&mut app, &mut terminal, Action::ScrollBy(1), 300),
    );
}

/// The corpus views on a generated corpus of 10,000 articles: building each screen's state,
/// opening it (the first draw), and a key press with its redraw.
fn corpus_view_frames() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    rehash::generate::write(&rehash::cli::GenerateArgs {
        dir: dir.path().to_owned(),
        articles: 10_000,
        seed: 7,
        truth: None,
    })
    .expect("a generated corpus");
    let corpus = rehash::corpus::load_paths(&[dir.path().to_owned()])
        .expect("the generated corpus loads")
        .corpus;
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    println!(
        "generated: {} articles, {} passages, {} clusters",
        corpus.len(),
        report.passages.len(),
        report.clusters.len()
    );
    let settings = Settings {
        color: ColorMode::TrueColor,
        mouse: true,
        sync_scroll: false,
    };
    let ctx = rehash::app::Context {
        corpus: std::sync::Arc::new(corpus),
        report,
        settings,
        area: ratatui::layout::Rect::new(0, 0, 160, 48),
    };
    let mut passages = None;
    stats(
        "passages of 10,000: build the rows",
        vec![timed(|| passages = Some(rehash::app::Passages::new(&ctx)))],
    );
    let mut heat = None;
    stats(
        "heat map of 10,000: shares and order",
        vec![timed(|| heat = Some(rehash::app::Heat::new(&ctx)))],
    );
    drop((passages, heat));
    let rehash::app::Context { corpus, report, .. } = ctx;
    let mut app = App::on_shared(corpus, report, settings);
    app.update(Action::Resize(160, 48));
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test backend");
    for (name, view) in [
        ("passages of 10,000: open (first draw)", View::Passages),
        ("heat map of 10,000: open (first draw)", View::Heat),
    ] {
        stats(name, frames(&mut app, &mut terminal, Action::Show(view), 1));
        let keys: &[(&str, Action)] = match view {
            View::Passages => &[
                ("next row", Action::ScrollBy(1)),
                ("Tab between the lists", Action::SwitchFocus),
            ],
            View::Heat => &[
                ("cursor down", Action::ScrollBy(1)),
                ("cursor right", Action::ColumnBy(1)),
                ("fold by outlet", Action::FoldOutlets),
            ],
            View::Library | View::Compare | View::Find => &[],
        };
        for &(key, action) in keys {
            let prefix = name.split(':').next().unwrap_or(name);
            let runs = if action == Action::FoldOutlets {
                20
            } else {
                300
            };
            stats(
                &format!("{prefix}: {key}, draw"),
                frames(&mut app, &mut terminal, action, runs),
            );
        }
        app.update(Action::Back);
    }
    // The compare view of the first passage's first occurrence, and the corpus search.
    app.update(Action::Show(View::Passages));
    app.update(Action::Open);
    stats(
        "compare of 10,000: open from a passage, draw",
        frames(&mut app, &mut terminal, Action::Open, 1),
    );
    stats(
        "compare of 10,000: next passage, draw",
        frames(&mut app, &mut terminal, Action::NextPassage, 300),
    );
    app.update(Action::Show(View::Library));
    app.update(Action::StartSearch);
    for c in "the council".chars() {
        app.update(Action::SearchInput(c));
    }
    stats(
        "search of 10,000: run a phrase, draw",
        frames(&mut app, &mut terminal, Action::SearchSubmit, 1),
    );
    stats(
        "search of 10,000: next hit, draw",
        frames(&mut app, &mut terminal, Action::ScrollBy(1), 300),
    );
}

fn main() {
    corpus_view_frames();
    library_frames();
    let (corpus, report) = corpus_and_report();
    println!(
        "{:<44} {:>6} {:>10} {:>10}",
        "step (160×48 TestBackend)", "runs", "mean ms", "p95 ms"
    );
    let settings = Settings {
        color: ColorMode::TrueColor,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = None;
    let open = timed(|| app = Some(App::new(corpus, report, settings)));
    stats("open pair (library figures, wrap, marks)", vec![open]);
    let mut app = app.expect("app built");
    let resizes = (0..10).map(|i| timed(|| drop(app.update(Action::Resize(160 - (i % 2), 48)))));
    stats("resize: rewrap + re-mark both panes", resizes.collect());
    app.update(Action::Resize(160, 48));
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test backend");
    stats(
        "frame: page down, draw",
        frames(&mut app, &mut terminal, Action::Page(1), 300),
    );
    stats(
        "frame: next passage, draw",
        frames(&mut app, &mut terminal, Action::NextPassage, 300),
    );
    app.update(Action::ToggleSync);
    stats(
        "frame: synchronised scroll, draw",
        frames(&mut app, &mut terminal, Action::ScrollBy(-7), 300),
    );
    let updates = (0..300).map(|_| timed(|| drop(app.update(Action::ScrollBy(3)))));
    stats("update only: synchronised scroll", updates.collect());
}
