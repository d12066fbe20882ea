//! One document: its text and title at once, and its structure (paragraphs, sentences and
//! tokens with offsets) analysed the first time it is asked for, so that a reader opened on
//! cached findings shows its first screen without tokenising the whole corpus.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use super::Source;
use crate::text::{self, CharMap, Span, Token};

/// An article with its structure. Every span is an offset into `text`, which is exactly the
/// decoded file.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable identifier: relative path, path as given, or JSON `id`.
    pub id: String,
    /// The file it was read from (none for the demo corpus and JSON lines).
    pub path: Option<PathBuf>,
    /// Folder, outlet or series.
    pub group: String,
    /// The first non-empty line, trimmed, or an explicit title.
    pub title: String,
    /// Its publication date, as the input gives it, if any.
    pub date: Option<String>,
    /// The decoded text, unchanged.
    pub text: String,
    /// Its structure, analysed on first use.
    analysis: OnceLock<Analysis>,
    /// Its length in chars.
    chars: usize,
    /// Its number of words, when known without analysing it (from the results cache).
    known_words: OnceLock<usize>,
}

/// The structure of a text.
#[derive(Debug, Clone)]
struct Analysis {
    map: CharMap,
    paragraphs: Vec<Span>,
    sentences: Vec<Span>,
    tokens: Vec<Token>,
}

impl Analysis {
    fn of(text: &str) -> Self {
        let map = CharMap::new(text);
        let paragraphs = text::paragraphs(text, &map);
        // Room for sentences of typical prose at once, rather than growing by doubling.
        let mut sentences = Vec::with_capacity(text.len() / BYTES_PER_SENTENCE);
        for paragraph in &paragraphs {
            text::push_sentences(text, *paragraph, &map, &mut sentences);
        }
        sentences.shrink_to_fit();
        let tokens = text::tokenize(text, &map);
        Self {
            map,
            paragraphs,
            sentences,
            tokens,
        }
    }
}

/// Bytes a sentence of prose takes on average, rounded down.
const BYTES_PER_SENTENCE: usize = 100;

impl Document {
    /// A document of a source, analysed at once.
    pub fn new(source: Source) -> Self {
        let document = Self::unanalysed(source);
        document.analyse();
        document
    }

    /// A document of a source whose structure is analysed the first time it is asked for.
    pub fn unanalysed(source: Source) -> Self {
        let title = source.title.unwrap_or_else(|| title_of(&source.text));
        Self {
            id: source.id,
            path: source.path,
            group: source.group,
            title,
            date: source.date,
            chars: source.text.chars().count(),
            text: source.text,
            analysis: OnceLock::new(),
            known_words: OnceLock::new(),
        }
    }

    /// Analyses the structure now, if it is not yet.
    pub fn analyse(&self) {
        self.analysis();
    }

    fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| Analysis::of(&self.text))
    }

    /// Char/byte conversion for `text`.
    pub fn map(&self) -> &CharMap {
        &self.analysis().map
    }

    /// Paragraphs: non-blank lines, trimmed.
    pub fn paragraphs(&self) -> &[Span] {
        &self.analysis().paragraphs
    }

    /// Sentences, in order, none crossing a paragraph.
    pub fn sentences(&self) -> &[Span] {
        &self.analysis().sentences
    }

    /// Words, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.analysis().tokens
    }

    /// Length of the text in chars.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// Number of words.
    pub fn words(&self) -> usize {
        match self.known_words.get() {
            Some(&words) => words,
            None => self.tokens().len(),
        }
    }

    /// Records the number of words of this very text, counted before (the results cache
    /// keeps it), so that [`Document::words`] need not analyse it.
    pub fn remember_words(&self, words: usize) {
        let _ = self.known_words.set(words);
    }

    /// The part of the text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The number of words inside `span`: from the analysis when there is one, else from the
    /// span's own text, so that a list of passages need not analyse whole articles.
    pub fn words_in(&self, span: Span) -> usize {
        if self.analysis.get().is_some() {
            return self.token_range(span).len();
        }
        let slice = self.slice(span);
        text::tokenize(slice, &CharMap::new(slice)).len()
    }

    /// Indices of the tokens that lie inside `span`.
    pub fn token_range(&self, span: Span) -> Range<usize> {
        let first = self.tokens().partition_point(|t| t.start() < span.start);
        let last = self.tokens().partition_point(|t| t.end() <= span.end);
        first..last.max(first)
    }

    /// [`Document::token_range`] of each of `spans`, which must be in order and not overlap,
    /// found in one walk over the tokens.
    pub fn token_ranges<'a>(
        &'a self,
        spans: impl IntoIterator<Item = &'a Span> + 'a,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut at = 0;
        let tokens = self.tokens();
        let mut previous_end = 0;
        spans.into_iter().map(move |span| {
            debug_assert!(
                span.start >= previous_end,
                "spans out of order or overlapping"
            );
            previous_end = span.end;
            while at < tokens.len() && tokens[at].start() < span.start {
                at += 1;
            }
            let first = at;
            while at < tokens.len() && tokens[at].end() <= span.end {
                at += 1;
            }
            first..at
        })
    }

    /// The span from the start of token `tokens.start` to the end of token `tokens.end - 1`.
    pub fn token_span(&self, tokens: Range<usize>) -> Span {
        let (first, last) = (self.tokens()[tokens.start], self.tokens()[tokens.end - 1]);
        self.map().span(first.start(), last.end())
    }

    /// The span of word `i`.
    pub fn word_span(&self, i: usize) -> Span {
        self.token_span(i..i + 1)
    }

    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        self.slice(self.word_span(i))
    }

    /// Where the headline lies in the text, in bytes: the line the title was taken from,
    /// when the title is that line (not one given apart from the text).
    pub fn headline(&self) -> Option<Range<usize>> {
        title_line(&self.text)
            .filter(|line| without_heading_marks(&self.text[line.clone()]) == self.title)
    }
}

/// Lines that web pages put before an article's headline, as they read in lower case.
const WEB_FURNITURE: &[&str] = &[
    "select page",
    "skip to content",
    "skip to main content",
    "menu",
    "main menu",
    "home",
    "search",
    "toggle navigation",
    "navigation",
    "advertisement",
    "sign in",
    "log in",
    "subscribe",
    "share",
    "close",
];

/// The first non-empty line of a text, trimmed, passing over web furniture ("Select Page",
/// "Skip to content") when a real line follows.
fn title_of(text: &str) -> String {
    title_line(text).map_or_else(String::new, |line| {
        without_heading_marks(&text[line]).to_owned()
    })
}

/// Where the line [`title_of`] takes the title from lies in `text`, trimmed, in bytes. Only
/// the lines up to the first that is not furniture are read.
fn title_line(text: &str) -> Option<Range<usize>> {
    let mut at = 0;
    let mut lines = text.split_inclusive('\n').filter_map(|line| {
        let start = at + (line.len() - line.trim_start().len());
        at += line.len();
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| start..start + trimmed.len())
    });
    // A line longer than every entry is no furniture: it need not be lowered.
    let longest = WEB_FURNITURE.iter().map(|f| f.len()).max().unwrap_or(0);
    let furniture = |line: &Range<usize>| {
        let text = &text[line.clone()];
        text.len() <= longest && WEB_FURNITURE.contains(&text.to_lowercase().as_str())
    };
    let first = lines.next()?;
    if !furniture(&first) {
        return Some(first);
    }
    lines.find(|l| !furniture(l)).or(Some(first))
}

/// A Markdown heading's text without its `#` marks (`## Title ##` is `Title`); any other line
/// as it is.
fn without_heading_marks(line: &str) -> &str {
    let text = line.trim_start_matches('#');
    let marks = line.len() - text.len();
    if (1..=6).contains(&marks) && (text.is_empty() || text.starts_with([' ', '\t'])) {
        let text = text.trim();
        let text = text.trim_end_matches('#').trim_end();
        if text.is_empty() { line } else { text }
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new(Source::new("t", text))
    }

    #[test]
    fn web_furniture_before_the_headline_is_not_the_title() {
        assert_eq!(
            doc("Select Page\nRussia and NATO agree to talk\nBody.").title,
            "Russia and NATO agree to talk"
        );
        assert_eq!(doc("Opinion\n\nOK").title, "Opinion");
    }

    #[test]
    fn markdown_titles_lose_their_heading_marks() {
        assert_eq!(doc("# Big news\n\nBody.").title, "Big news");
        assert_eq!(doc("## Talks resume ##\nBody.").title, "Talks resume");
        assert_eq!(
            doc("#hashtag day\nBody.").title,
            "#hashtag day",
            "no heading"
        );
        assert_eq!(doc("#\nBody.").title, "#");
    }

    #[test]
    fn the_headline_is_the_title_s_line_unless_the_title_was_given_apart() {
        let text = "Menu\n## Big news ##\nBody one.";
        let d = doc(text);
        assert_eq!(d.headline().map(|line| &text[line]), Some("## Big news ##"));
        let given = Document::new(Source {
            title: Some("Another title".into()),
            ..Source::new("t", text)
        });
        assert_eq!(given.headline(), None);
    }

    #[test]
    fn title_is_the_first_non_empty_line() {
        let d = doc("\n\n  Big news  \nBody one. Body two.\n");
        assert_eq!(d.title, "Big news");
        assert_eq!(d.paragraphs().len(), 2);
        assert_eq!(d.sentences().len(), 3);
    }

    #[test]
    fn words_in_a_span_are_counted_alike_before_and_after_analysis() {
        let text = "Title\nOne two, three—four. Five six-seven «eight» 9.5 nine!\nTen";
        let lazy = Document::unanalysed(Source::new("t", text));
        let eager = doc(text);
        // Passages start and end on words.
        let words = eager.words();
        for (first, last) in [(0, 1), (1, 5), (1, words), (3, words - 1)] {
            let span = eager.token_span(first..last);
            let counted = lazy.words_in(span);
            assert!(lazy.analysis.get().is_none(), "counting analysed nothing");
            assert_eq!(counted, last - first, "{first}..{last}");
        }
    }

    #[test]
    fn token_ranges_round_trip() {
        let d = doc("alpha beta gamma delta");
        let span = d.token_span(1..3);
        assert_eq!(d.slice(span), "beta gamma");
        assert_eq!(d.token_range(span), 1..3);
    }

    #[test]
    fn token_ranges_in_one_walk_match_one_at_a_time() {
        let d = doc("One two. Three four five.\n\nSix, seven! Eight");
        for spans in [d.paragraphs(), d.sentences()] {
            let each: Vec<_> = spans.iter().map(|s| d.token_range(*s)).collect();
            assert_eq!(d.token_ranges(spans).collect::<Vec<_>>(), each);
        }
    }
}
