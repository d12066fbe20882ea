//! The HTML export of a pair, opened in a real headless browser: both articles and the
//! coloured passages render, and markup inside an article shows as text. Skips with a notice
//! when Chromium or the seeds are absent.
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

#[path = "support/notice.rs"]
mod support_notice;

use std::path::{Path, PathBuf};
use std::process::Command;

use rehash::corpus::{Corpus, Source, load_paths};
use rehash::reuse::{Options, find_reuse};
use support_notice::notice;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

fn headless(browser: &str, args: &[&str], page: &Path) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
}

/// Pixels of the colour `rgb` in a PNG screenshot.
fn pixels_of(png_path: &Path, rgb: [u8; 3]) -> usize {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    buffer[..info.buffer_size()]
        .chunks(channels)
        .filter(|p| p[..3] == rgb)
        .count()
}

#[test]
fn a_seeds_pair_renders_side_by_side_with_its_passages_coloured() {
    let Some(browser) = chromium() else {
        notice("Chromium is absent; skipping the HTML export check");
        return;
    };
    let seeds = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if !seeds.is_dir() {
        notice("../shared/seeds is absent; skipping the HTML export check");
        return;
    }
    let corpus = load_paths(&[seeds]).unwrap().corpus;
    let report = find_reuse(&corpus, &Options::default());
    let index = |prefix: &str| {
        corpus
            .documents
            .iter()
            .position(|d| d.id.contains(prefix))
            .unwrap()
    };
    let (left, right) = (index("000_"), index("002_"));
    let html = rehash::scan::pair_html(&corpus, &report, left, right);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pair.html");
    std::fs::write(&page, &html).unwrap();
    let dom = String::from_utf8(headless(browser, &["--dump-dom"], &page).stdout).unwrap();
    assert_eq!(dom.matches("class=\"article\"").count(), 2, "both articles");
    let in_articles = dom.split("class=\"article\"").skip(1).collect::<String>();
    // One passage: a rewritten section (underlined) holding a near copy (in its colour).
    assert!(
        in_articles.contains("class=\"rewritten\"") && in_articles.contains("class=\"p0\""),
        "a rewritten section and its coloured copied part in the articles"
    );
    assert!(
        in_articles.contains("class=\"label\">1r<"),
        "its number and kind"
    );
    let screenshot = dir.path().join("pair.png");
    let shot = format!("--screenshot={}", screenshot.display());
    headless(browser, &[&shot, "--window-size=1400,1800"], &page);
    // The first two passage colours: the section's copied part is drawn in the first.
    let coloured =
        pixels_of(&screenshot, [0xff, 0xd7, 0xaf]) + pixels_of(&screenshot, [0xaf, 0xd7, 0xd7]);
    assert!(
        coloured > 5_000,
        "{coloured} pixels of the passages' colours"
    );
    // For a look by a person: `REHASH_KEEP_SCREENSHOT=path cargo test --test html_export`.
    if let Some(keep) = std::env::var_os("REHASH_KEEP_SCREENSHOT") {
        std::fs::copy(&screenshot, keep).unwrap();
    }
}

#[test]
fn markup_inside_an_article_shows_as_text() {
    let Some(browser) = chromium() else {
        notice("Chromium is absent; skipping the HTML escaping check");
        return;
    };
    let text = "Harbour <script>document.title='pwned'</script> news\nThe harbour commission \
                said the sea wall had been inspected twice in the last decade and both reports \
                found cracks </div> near its eastern end.";
    let corpus = Corpus::from_sources(vec![Source::new("a.txt", text), Source::new("b.txt", text)]);
    let report = find_reuse(&corpus, &Options::default());
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pair.html");
    std::fs::write(&page, rehash::scan::pair_html(&corpus, &report, 0, 1)).unwrap();
    let dom = String::from_utf8(headless(browser, &["--dump-dom"], &page).stdout).unwrap();
    assert!(
        dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
        "{dom}"
    );
    assert!(dom.contains("&lt;/div&gt; near"), "the closing tag is text");
    assert!(!dom.contains("<title>pwned</title>"), "no script ran");
    assert_eq!(
        dom.matches("class=\"article\"").count(),
        2,
        "the layout held"
    );
}
