//! Filters of the library and the passages screen, typed after `f`: words of the title,
//! `outlet:NAME`, `reuse:N` (at least N% of the article found elsewhere) and `size:N` (a
//! passage in at least N articles). Words are folded like search.

use crate::text::search_fold;

/// A parsed filter; the empty filter keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Words the title must hold, folded.
    pub words: Vec<String>,
    /// Part of the outlet's name, folded.
    pub outlet: Option<String>,
    /// Least share (0..=1) of an article found elsewhere.
    pub min_reuse: Option<f64>,
    /// Fewest articles a passage must be in.
    pub min_articles: Option<usize>,
}

/// What a filter narrows: the terms it takes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filtered {
    /// The library's articles: words, `outlet:`, `reuse:`.
    Articles,
    /// The passages screen's rows: words, `outlet:`, `size:`.
    Passages,
}

/// Folds `text` for matching, char by char.
fn fold(text: &str) -> String {
    text.chars().map(search_fold).collect()
}

impl Filter {
    /// The library's filters.
    pub const ARTICLES: Filtered = Filtered::Articles;
    /// The passages screen's filters.
    pub const PASSAGES: Filtered = Filtered::Passages;

    /// Parses what was typed for `filtered`: `outlet:` and `reuse:` (articles) or `size:`
    /// (passages) terms, and title words.
    pub fn parse(input: &str, filtered: Filtered) -> Result<Filter, String> {
        let mut filter = Filter::default();
        for term in input.split_whitespace() {
            let (key, value) = term.split_once(':').unwrap_or(("", term));
            let number = || {
                value
                    .trim_end_matches('%')
                    .parse::<usize>()
                    .map_err(|_| format!("“{term}”: {key}: takes a whole number"))
            };
            match (key, filtered) {
                ("reuse", Filtered::Passages) => {
                    return Err("reuse: filters the library's articles; here use size:".to_owned());
                }
                ("size", Filtered::Articles) => {
                    return Err("size: filters the passages screen; here use reuse:".to_owned());
                }
                _ => {}
            }
            match key {
                "outlet" => filter.outlet = Some(fold(value)),
                "reuse" => {
                    let percent = number()?.min(100);
                    filter.min_reuse =
                        Some(f64::from(u32::try_from(percent).unwrap_or(100)) / 100.0);
                }
                "size" => filter.min_articles = Some(number()?),
                "" => filter.words.push(fold(term)),
                other => {
                    return Err(format!(
                        "unknown filter “{other}:”; use outlet:, reuse: (articles), size: (passages) or words"
                    ));
                }
            }
        }
        Ok(filter)
    }

    /// Whether it keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether an article with `title`, `outlet` and `reused` share passes.
    pub fn keeps_article(&self, title: &str, outlet: &str, reused: f64) -> bool {
        let title = fold(title);
        self.words.iter().all(|w| title.contains(w.as_str()))
            && self
                .outlet
                .as_ref()
                .is_none_or(|o| fold(outlet).contains(o.as_str()))
            && self.min_reuse.is_none_or(|min| reused + 1e-9 >= min)
    }

    /// Whether a passage in `articles` articles, of `outlets`, with these article `titles`
    /// and `text`, passes: its text or one of its titles holds every word.
    pub fn keeps_passage<'a>(
        &self,
        articles: usize,
        outlets: &[String],
        titles: impl Iterator<Item = &'a str>,
        text: &str,
    ) -> bool {
        if self.min_articles.is_some_and(|min| articles < min) {
            return false;
        }
        let outlet_kept = |o: &String| outlets.iter().any(|name| fold(name).contains(o.as_str()));
        if !self.outlet.as_ref().is_none_or(outlet_kept) {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let holds = |haystack: &str| {
            let folded = fold(haystack);
            self.words.iter().all(|w| folded.contains(w.as_str()))
        };
        holds(text) || titles.into_iter().any(holds)
    }

    /// The filter as the border shows it.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.words.is_empty() {
            parts.push(format!("“{}”", self.words.join(" ")));
        }
        if let Some(o) = &self.outlet {
            parts.push(format!("outlet {o}"));
        }
        if let Some(min) = self.min_reuse {
            parts.push(format!("reused ≥ {:.0}%", min * 100.0));
        }
        if let Some(min) = self.min_articles {
            parts.push(format!("in ≥ {min} articles"));
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_words_are_parsed_and_folded() {
        let f = Filter::parse("outlet:CNN reuse:20% Kyïv talks", Filter::ARTICLES).unwrap();
        assert_eq!(f.words, ["kyiv", "talks"]);
        assert_eq!(f.outlet.as_deref(), Some("cnn"));
        assert_eq!(f.min_reuse, Some(0.2));
        assert_eq!(f.describe(), "“kyiv talks” · outlet cnn · reused ≥ 20%");
        let g = Filter::parse("size:3", Filter::PASSAGES).unwrap();
        assert_eq!(g.min_articles, Some(3));
        assert_eq!(g.describe(), "in ≥ 3 articles");
        assert!(Filter::parse("", Filter::ARTICLES).unwrap().is_empty());
        let error = |input, filtered| Filter::parse(input, filtered).unwrap_err();
        assert!(error("colour:red", Filter::ARTICLES).contains("unknown filter"));
        assert!(error("size:many", Filter::PASSAGES).contains("whole number"));
        assert!(error("size:3", Filter::ARTICLES).contains("filters the passages screen"));
        assert!(error("reuse:3", Filter::PASSAGES).contains("filters the library"));
    }

    #[test]
    fn articles_and_passages_pass_or_not() {
        let f = Filter::parse("outlet:cnn reuse:20 talks", Filter::ARTICLES).unwrap();
        assert!(f.keeps_article("Peace TALKS resume", "cnn_com", 0.25));
        assert!(!f.keeps_article("Peace talks resume", "tass_com", 0.25));
        assert!(!f.keeps_article("Peace talks resume", "cnn_com", 0.1));
        assert!(!f.keeps_article("Markets rally", "cnn_com", 0.5));
        let g = Filter::parse("size:3 sea wall", Filter::PASSAGES).unwrap();
        let outlets = ["demo".to_owned()];
        let titles = || ["Harbour news"].into_iter();
        assert!(g.keeps_passage(4, &outlets, titles(), "The sea wall collapsed"));
        assert!(!g.keeps_passage(2, &outlets, titles(), "The sea wall collapsed"));
        assert!(!g.keeps_passage(4, &outlets, titles(), "The harbour flooded"));
        assert!(g.keeps_passage(4, &outlets, ["Sea wall gives way"].into_iter(), "x"));
    }
}
