//! Runs the reader on the test fixture (temporary, until main.rs lands).
#[path = "../tests/support/fixture.rs"]
mod fixture;

fn main() -> color_eyre::Result<()> {
    color_eyre::install()?;
    let pair = std::env::args().nth(1).is_some();
    let corpus = if pair {
        fixture::pair_corpus()
    } else {
        fixture::corpus()
    };
    let report = fixture::report(&corpus);
    let options = rehash::tui::TuiOptions {
        no_color: false,
        mouse: true,
        config: rehash::config::Config::default(),
    };
    rehash::tui::run(corpus, report, options)
}
