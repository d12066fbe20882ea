//! A synthetic corpus with planted reuse and its ground truth, for benchmarks and tests:
//! articles of about 800 invented words, one folder per outlet.
//!
//! - A third of the articles recycle one or two paragraphs of a shared pool, with typos and
//!   substituted words (near copies).
//! - A fifth carry a rewrite of a pool paragraph (no run of five words kept), and a tenth a
//!   rewritten section of two pool paragraphs in a row.
//! - Each outlet has a template sentence, which a fifth of its articles carry inside a
//!   paragraph, as scraped pages do.
//! - Some events are told by two or three articles in their own words: the same names and
//!   numbers, nothing else in common.

mod words;

use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::cli::GenerateArgs;
use words::Rng;

/// Paragraphs per article.
const PARAGRAPHS: usize = 8;
/// Articles per outlet.
const OUTLET_ARTICLES: usize = 250;
/// Names and numbers an event's articles share.
const EVENT_FACTS: usize = 8;

/// A span of one generated article, in chars (the text is ASCII).
#[derive(Debug, Clone, Serialize)]
pub struct Planted {
    /// The article's id: its path under the corpus folder.
    pub doc: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// What it was made from: the pool paragraph (copies, rewrites, each paragraph of a
    /// section) or the event (same-event paragraphs); 0 for a template.
    pub source: usize,
    /// `copy`, `rewrite`, `section` (one of a rewritten run of two pool paragraphs, 2k and
    /// 2k + 1), `template` or `event`.
    pub kind: &'static str,
}

/// Everything planted in a generated corpus.
#[derive(Debug, Default, Serialize)]
pub struct Truth {
    /// Every planted span, by article then start.
    pub planted: Vec<Planted>,
}

/// Writes `args.articles` articles under `args.dir`, one folder per outlet, and the ground
/// truth as JSON to `args.truth` if given.
pub fn write(args: &GenerateArgs) -> std::io::Result<()> {
    let mut rng = Rng(args.seed);
    // The vocabulary grows with the corpus, as real vocabularies do: its rarer words stay rare.
    let size = (args.articles * 20).max(20_000);
    let vocabulary: Vec<String> = (0..size).map(|_| words::invented_word(&mut rng)).collect();
    // At least eight pairs, so that an article can take four paragraphs of different pairs.
    let pool: Vec<String> = (0..(args.articles / 10).max(16))
        .map(|_| words::paragraph(&mut rng, &vocabulary))
        .collect();
    let outlets = args.articles.div_ceil(OUTLET_ARTICLES).max(2);
    let names: Vec<String> = (0..outlets).map(|_| words::name(&mut rng)).collect();
    let templates: Vec<String> = names
        .iter()
        .map(|n| words::template(&mut rng, n, &vocabulary))
        .collect();
    let events: Vec<Vec<String>> = (0..(args.articles / 20).max(1))
        .map(|_| facts(&mut rng))
        .collect();
    let mut truth = Truth::default();
    for i in 0..args.articles {
        // Runs of ten articles per outlet, so that every kind of planted reuse is in all.
        let outlet = (i / 10) % outlets;
        let folder = format!("outlet-{outlet:02}");
        fs::create_dir_all(args.dir.join(&folder))?;
        let id = format!("{folder}/article-{i:06}.txt");
        let plan = Plan {
            vocabulary: &vocabulary,
            pool: &pool,
            template: &templates[outlet],
            events: &events,
        };
        let (text, planted) = plan.article(&mut rng, i, &id);
        fs::write(args.dir.join(&id), text)?;
        truth.planted.extend(planted);
    }
    if let Some(path) = &args.truth {
        write_truth(path, &truth)?;
    }
    Ok(())
}

fn write_truth(path: &Path, truth: &Truth) -> std::io::Result<()> {
    let json = serde_json::to_string(truth).map_err(std::io::Error::other)?;
    fs::write(path, json)
}

/// The names and numbers of one event.
fn facts(rng: &mut Rng) -> Vec<String> {
    (0..EVENT_FACTS)
        .map(|k| {
            if k % 4 == 3 {
                format!("{}", 100 + rng.below(9_000))
            } else {
                words::name(rng)
            }
        })
        .collect()
}

/// What articles are made of.
struct Plan<'a> {
    vocabulary: &'a [String],
    pool: &'a [String],
    template: &'a str,
    events: &'a [Vec<String>],
}

impl Plan<'_> {
    /// Article `i`, with id `id`, and the spans planted in it.
    fn article(&self, rng: &mut Rng, i: usize, id: &str) -> (String, Vec<Planted>) {
        let mut paragraphs: Vec<(String, Option<(usize, &'static str)>)> = (0..PARAGRAPHS)
            .map(|_| (words::paragraph(rng, self.vocabulary), None))
            .collect();
        let pool = self.pool.len();
        // An article carries a pool paragraph once at most.
        let mut used: Vec<usize> = Vec::new();
        let mut pick = |rng: &mut Rng| loop {
            let source = rng.below(pool);
            if !used.contains(&source) && !used.contains(&(source ^ 1)) {
                used.push(source);
                break source;
            }
        };
        if i.is_multiple_of(3) {
            for _ in 0..=rng.below(2) {
                let source = pick(rng);
                let copy = words::edited(rng, &self.pool[source], self.vocabulary);
                paragraphs[rng.below(PARAGRAPHS)] = (copy, Some((source, "copy")));
            }
        }
        if i % 5 == 1 {
            let source = pick(rng);
            let rewrite = words::rewritten(rng, &self.pool[source], self.vocabulary);
            paragraphs[rng.below(PARAGRAPHS)] = (rewrite, Some((source, "rewrite")));
        }
        if i % 10 == 7 {
            // A section: pool paragraphs 2k and 2k + 1, rewritten, one after the other.
            let source = pick(rng) & !1;
            let at = rng.below(PARAGRAPHS - 1);
            for k in 0..2 {
                let rewrite = words::rewritten(rng, &self.pool[source + k], self.vocabulary);
                paragraphs[at + k] = (rewrite, Some((source + k, "section")));
            }
        }
        if i % 20 < 3 {
            // Events are told by the articles 20e, 20e + 1 and 20e + 2.
            let event = (i / 20) % self.events.len();
            let told = words::on_event(rng, &self.events[event], self.vocabulary);
            paragraphs[rng.below(PARAGRAPHS)] = (told, Some((event, "event")));
        }
        let template = rng.below(5) == 0;
        self.assemble(rng, i, id, paragraphs, template)
    }

    /// The text of the article from its paragraphs, with the template inside one of them, and
    /// the spans planted in it.
    fn assemble(
        &self,
        rng: &mut Rng,
        i: usize,
        id: &str,
        mut paragraphs: Vec<(String, Option<(usize, &'static str)>)>,
        template: bool,
    ) -> (String, Vec<Planted>) {
        let with_template = template.then(|| rng.below(PARAGRAPHS));
        let title = &self.vocabulary[rng.below(self.vocabulary.len())];
        let mut text = format!("Article {i}: {title}\n\n");
        let mut planted = Vec::new();
        let mut span = |start: usize, end: usize, (source, kind): (usize, &'static str)| {
            planted.push(Planted {
                doc: id.to_owned(),
                start,
                end,
                source,
                kind,
            });
        };
        for (k, (paragraph, origin)) in paragraphs.iter_mut().enumerate() {
            if k > 0 {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(paragraph);
            if let Some(origin) = origin {
                span(start, text.len(), *origin);
            }
            if with_template == Some(k) {
                text.push(' ');
                let at = text.len();
                text.push_str(self.template);
                span(at, text.len(), (0, "template"));
            }
        }
        text.push('\n');
        (text, planted)
    }
}
