//! Saved web pages (`.html`, `.htm`): the article's text, as Mozilla's Readability finds it
//! (through `dom_smoothie`), leaving menus, share bars, footers and related-story lists behind;
//! and the title, outlet and publication date from the page's metadata where it gives them.
//! Offsets then refer to the extracted text.

use dom_smoothie::{Config, Readability, TextMode};

/// What a page gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The article's title.
    pub title: Option<String>,
    /// The outlet (`og:site_name`), if the page names it.
    pub outlet: Option<String>,
    /// The publication date (`article:published_time`…), if the page gives it.
    pub date: Option<String>,
    /// The byline, if any.
    pub byline: Option<String>,
    /// The article's text, a paragraph a line.
    pub text: String,
}

/// Whether a file is a saved web page, read as its extracted article (by its extension).
pub fn is_page(path: Option<&std::path::Path>) -> bool {
    path.and_then(|p| p.extension()).is_some_and(|e| {
        matches!(
            e.to_string_lossy().to_lowercase().as_str(),
            "html" | "htm" | "xhtml"
        )
    })
}

/// The article of a web page; why not, when none can be found.
pub fn read(html: &str) -> Result<Page, String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config)).map_err(|e| e.to_string())?;
    let article = readability.parse().map_err(|e| e.to_string())?;
    let text = paragraphs(&article.text_content);
    if text.trim().is_empty() {
        return Err("no article text in the page".to_owned());
    }
    let given = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    Ok(Page {
        title: given(Some(article.title)),
        outlet: given(article.site_name),
        date: given(article.published_time),
        byline: given(article.byline),
        text,
    })
}

/// The extracted text with one paragraph a line: blank lines between paragraphs become one
/// line break, runs of spaces one space.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let line: Vec<&str> = line.split_whitespace().collect();
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_is_kept_and_the_furniture_left_behind() {
        let html = r#"<html><head><title>Wall falls | Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta property="article:published_time" content="2026-02-23T08:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <div class="share">Share on Facebook · Share on X · Email</div>
            <article><h1>Wall falls</h1>
            <p>The sea wall at Kestrel Point gave way late on Sunday as a storm surge flooded the
            lower harbour district and forced thirty homes to empty overnight.</p>
            <p>Officials said the wall had been repaired seven years ago under a contract now
            facing questions from the council, which meets on Thursday.</p></article>
            <footer>© 2026 The Daily. All rights reserved. Privacy · Terms</footer></body></html>"#;
        let page = read(html).unwrap_or_else(|e| panic!("{e}"));
        assert!(page.text.contains("The sea wall at Kestrel Point gave way"));
        assert!(
            page.text.contains("\nOfficials said"),
            "paragraphs kept: {}",
            page.text
        );
        for furniture in ["Share on Facebook", "All rights reserved", "Sport"] {
            assert!(
                !page.text.contains(furniture),
                "{furniture} left in: {}",
                page.text
            );
        }
        assert_eq!(page.outlet.as_deref(), Some("The Daily"));
        assert_eq!(page.date.as_deref(), Some("2026-02-23T08:00:00Z"));
        assert!(page.title.is_some_and(|t| t.contains("Wall falls")));
    }

    #[test]
    fn a_page_without_an_article_says_so() {
        assert!(read("<html><body></body></html>").is_err());
    }
}
