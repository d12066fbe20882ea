//! The demo corpus compiled into the binary: invented articles on one invented story.

use super::{Corpus, Source};

const DEMO: &[(&str, &str)] = &[
    (
        "01-harbour-gazette.txt",
        include_str!("../../assets/demo/01-harbour-gazette.txt"),
    ),
    (
        "02-valley-courier.txt",
        include_str!("../../assets/demo/02-valley-courier.txt"),
    ),
    (
        "03-meridian-wire.txt",
        include_str!("../../assets/demo/03-meridian-wire.txt"),
    ),
    (
        "04-coastline-daily.txt",
        include_str!("../../assets/demo/04-coastline-daily.txt"),
    ),
    (
        "05-northgate-observer.txt",
        include_str!("../../assets/demo/05-northgate-observer.txt"),
    ),
    (
        "06-citizen-ledger.txt",
        include_str!("../../assets/demo/06-citizen-ledger.txt"),
    ),
    (
        "07-harbour-gazette-oped.txt",
        include_str!("../../assets/demo/07-harbour-gazette-oped.txt"),
    ),
    (
        "08-garden-notes.txt",
        include_str!("../../assets/demo/08-garden-notes.txt"),
    ),
];

/// The embedded demo corpus: eight short articles that recycle passages at every level.
pub fn demo_corpus() -> Corpus {
    let sources = DEMO
        .iter()
        .map(|(id, text)| Source {
            id: (*id).to_owned(),
            path: None,
            group: "demo".to_owned(),
            title: None,
            date: None,
            text: (*text).to_owned(),
        })
        .collect();
    Corpus::from_sources(sources)
}
