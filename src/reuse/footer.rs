//! Footers: a short passage that one outlet puts at the very end of several of its articles
//! ("The author is editor-at-large of China Daily. Contact the writer at …", "X contributed to
//! this report. Follow her on Twitter", "This is a developing story") is the outlet's sign-off,
//! not reuse, even where it varies too much, or is in too few articles, to be a template.

use super::{Cluster, Passage, Side};
use crate::corpus::Corpus;

/// Fewest articles of one outlet a footer is in.
const MIN_DOCS: usize = 4;
/// Most words a footer has: a sign-off, not a paragraph of news.
const MAX_WORDS: usize = 40;
/// Most chars of text that may follow a footer in its article (a date, a share line).
const MAX_AFTER: usize = 100;

/// The clusters that are footers: in at least [`MIN_DOCS`] articles, all of one outlet, short,
/// and at the very end of every article they are in.
fn footers<'a>(corpus: &Corpus, clusters: &'a [Cluster]) -> impl Iterator<Item = &'a Cluster> {
    clusters.iter().filter(|c| {
        let series = |side: &Side| corpus.documents[side.doc].group.as_str();
        let Some(first) = c.members.first() else {
            return false;
        };
        let one_outlet =
            !series(first).is_empty() && c.members.iter().all(|m| series(m) == series(first));
        let short = c
            .members
            .iter()
            .all(|m| corpus.documents[m.doc].token_range(m.span).len() <= MAX_WORDS);
        let at_the_end = c.members.iter().all(|m| {
            let text = &corpus.documents[m.doc].text;
            let end = corpus.documents[m.doc].map().byte_of(m.span.end);
            text[end..].trim().chars().count() <= MAX_AFTER
        });
        c.docs >= MIN_DOCS && one_outlet && short && at_the_end
    })
}

/// Marks the passages of footer clusters as boilerplate, and returns the footers' spans, to be
/// drawn dimmed like the rest of the outlets' boilerplate; whether any was found.
pub fn mark(corpus: &Corpus, passages: &mut [Passage], clusters: &[Cluster]) -> Vec<Side> {
    let mut spans = Vec::new();
    for cluster in footers(corpus, clusters) {
        for &p in &cluster.passages {
            passages[p].boilerplate = true;
            passages[p].cluster = None;
        }
        spans.extend(cluster.members.iter().copied());
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Corpus, Source};
    use crate::reuse::{Options, find_reuse};

    const FOOTER: &str = "Chris Peterson is managing editor of the European Bureau. Contact the \
                          writer at chris@example.com.";

    /// Stories that share nothing but the footer.
    const STORIES: [&str; 4] = [
        "Harbour wall falls\nThe sea wall at Kestrel Point gave way late on Sunday as a storm \
         surge flooded the lower district and forced thirty homes to empty overnight.",
        "Budget approved\nCouncillors voted by nine to four for a spending plan that doubles \
         the grant for libraries while cutting road repairs in every ward next spring.",
        "Orchestra tours\nThe city's chamber orchestra leaves on Friday for a month of concerts \
         in six countries, carrying two new commissions and a borrowed cello.",
        "School reopens\nPupils returned to the rebuilt primary school on Monday, eighteen \
         months after a fire destroyed its hall, kitchen and most classrooms.",
    ];

    fn article(i: usize, footer_at_end: bool) -> Source {
        let body = STORIES[i];
        let text = if footer_at_end {
            format!("{body}\n{FOOTER}\n")
        } else {
            // A paragraph of the article's own after it.
            let own: Vec<String> = (0..25).map(|k| format!("note{}x{k}", i * 97 + k)).collect();
            format!("{body}\n{FOOTER}\n{}.\n", own.join(" "))
        };
        Source {
            group: "daily".into(),
            ..Source::new(format!("daily/{i}.txt"), text)
        }
    }

    /// Twenty articles of another outlet, each of its own words, so that the footer is in
    /// too few of the corpus's articles to be the corpus's template text.
    fn others() -> Vec<Source> {
        const WORDS: [&str; 12] = [
            "river", "market", "bridge", "festival", "station", "garden", "factory", "museum",
            "harvest", "airport", "theatre", "stadium",
        ];
        (0..20)
            .map(|i| {
                let words: Vec<String> = (0..30)
                    .map(|k| format!("{}{}", WORDS[(i * 7 + k * 5) % 12], i * 31 + k))
                    .collect();
                Source {
                    group: "weekly".into(),
                    ..Source::new(
                        format!("weekly/{i}.txt"),
                        format!("Item {i}\n{}.", words.join(" ")),
                    )
                }
            })
            .collect()
    }

    /// The sign-off passages found, and how many are reuse, with or without the lone-link rule.
    fn footer_passages(mut sources: Vec<Source>, lone: bool) -> (usize, usize) {
        sources.extend(others());
        let corpus = Corpus::from_sources(sources);
        let options = Options {
            lone_min_words: if lone {
                Options::default().lone_min_words
            } else {
                0
            },
            ..Options::default()
        };
        let report = find_reuse(&corpus, &options);
        let about = |p: &&crate::reuse::Passage| {
            corpus.documents[p.a.doc]
                .slice(p.a.span)
                .contains("Contact the writer")
        };
        let all: Vec<_> = report.passages.iter().filter(about).collect();
        (all.len(), all.iter().filter(|p| p.is_reuse()).count())
    }

    #[test]
    fn a_sign_off_at_the_end_of_four_articles_of_one_outlet_is_boilerplate() {
        for lone in [false, true] {
            let (found, reuse) = footer_passages((0..4).map(|i| article(i, true)).collect(), lone);
            assert!(found > 0);
            assert_eq!(reuse, 0, "a footer is no reuse (lone-link rule: {lone})");
        }
        // Each pair shares the sign-off alone, yet the footer's spans are marked.
        let mut sources: Vec<Source> = (0..4).map(|i| article(i, true)).collect();
        sources.extend(others());
        let corpus = Corpus::from_sources(sources);
        let report = find_reuse(&corpus, &Options::default());
        assert!(
            !report.boilerplate.is_empty(),
            "the sign-offs are boilerplate spans"
        );
    }

    #[test]
    fn the_same_words_in_three_articles_or_inside_the_text_stay_reuse() {
        // The footer rule alone: a lone sign-off would be the same story anyway.
        let (found, reuse) = footer_passages((0..3).map(|i| article(i, true)).collect(), false);
        assert!(
            found > 0 && reuse == found,
            "three articles: {reuse} of {found}"
        );
        let (found, reuse) = footer_passages((0..4).map(|i| article(i, false)).collect(), false);
        assert!(
            found > 0 && reuse == found,
            "not at the end: {reuse} of {found}"
        );
    }
}
