//! The whole scan on a few arbitrary documents (split at 0xFF bytes, the first byte of each
//! its outlet): the engine, the JSON and the text summary, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehash::corpus::{Corpus, Source};
use rehash::reuse::{Options, find_reuse};

fuzz_target!(|data: &[u8]| {
    let sources: Vec<Source> = data
        .split(|&b| b == 0xFF)
        .take(6)
        .enumerate()
        .map(|(i, part)| {
            let mut source = Source::new(format!("d{i}"), String::from_utf8_lossy(part));
            source.group = format!("outlet{}", part.first().map_or(0, |b| b % 2));
            source
        })
        .collect();
    let corpus = Corpus::from_sources(sources);
    let options = Options {
        min_words: 3,
        ngram: 2,
        ..Options::default()
    };
    let report = find_reuse(&corpus, &options);
    rehash::scan::write_json(std::io::sink(), &corpus, &report, &options).expect("written");
    let _ = rehash::scan::to_text(&corpus, &report);
});
