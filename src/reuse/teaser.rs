//! Teasers: the headline of another story that a page sets among an article's paragraphs, a
//! link to read next ("Sharapova tops Forbes list of world's highest-paid female athletes").
//! Two articles of one outlet that point to one story share its headline through the page's
//! template, not because one copies the other: boilerplate.

use super::{Passage, Side};
use crate::corpus::{Corpus, Document};

/// Most words a teaser may have: a headline, not a paragraph.
const MAX_WORDS: usize = 20;
/// Fewest words a teaser has (a shorter block is a caption or a label).
const MIN_WORDS: usize = 4;

/// Marks as boilerplate the short links between two articles of one outlet that are, on both
/// sides, a teaser: a block of its own, below the headline, that ends as a headline does,
/// without a stop; returns their sides, to be listed and drawn dimmed with the rest of the
/// outlets' boilerplate.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) -> Vec<Side> {
    let mut spans = Vec::new();
    for p in passages.iter_mut() {
        let candidate = p.kind.is_reuse()
            && p.parts.is_empty()
            && !p.boilerplate
            && !p.quote
            && !p.duplicate
            && p.words <= MAX_WORDS;
        let doc = |side: Side| &corpus.documents[side.doc];
        let series = |side: Side| doc(side).group.as_str();
        let one_series = !series(p.a).is_empty() && series(p.a) == series(p.b);
        if candidate && one_series && teaser(doc(p.a), p.a) && teaser(doc(p.b), p.b) {
            p.boilerplate = true;
            spans.extend([p.a, p.b]);
        }
    }
    spans
}

/// Whether `side` is most of a block set off on its own, after the article's first line, of
/// [`MIN_WORDS`] to [`MAX_WORDS`] words, that ends in a letter or a digit.
fn teaser(doc: &Document, side: Side) -> bool {
    let Some((start, end)) = super::post::set_off_block(doc, side.span) else {
        return false;
    };
    let body = &doc.text[start..end];
    let words = body.split_whitespace().count();
    let after_the_head = doc.text[..start].contains('\n');
    let unstopped = body.chars().next_back().is_some_and(char::is_alphanumeric);
    after_the_head && unstopped && (MIN_WORDS..=MAX_WORDS).contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::reuse::Kind;

    const TEASER: &str = "Sharapova tops Forbes list of world's highest-paid female athletes";

    /// Whether the verbatim link between `part` of `a` and of `b` (both of outlet `series`
    /// and `other`) is marked as boilerplate.
    fn marked(a: &str, b: &str, part: &str, (series, other): (&str, &str)) -> bool {
        let source = |id: &str, text: &str, group: &str| {
            let mut source = Source::new(id, text);
            source.group = group.to_owned();
            source
        };
        let corpus = Corpus::from_sources(vec![source("a", a, series), source("b", b, other)]);
        let side = |doc: usize, text: &str| {
            let byte = text.find(part).expect("part in text");
            let span = corpus.documents[doc]
                .map()
                .span_of_bytes(byte, byte + part.len());
            Side { doc, span }
        };
        let words = part.split_whitespace().count();
        let p = Passage::linking(Kind::Verbatim, (side(0, a), side(1, b)), words, 1.0);
        let mut passages = [p];
        let spans = mark(&corpus, &mut passages);
        assert_eq!(spans.len(), if passages[0].boilerplate { 2 } else { 0 });
        passages[0].boilerplate
    }

    #[test]
    fn a_headline_set_among_paragraphs_is_a_teaser() {
        let a = format!(
            "Madrid grants Sharapova a wildcard\nShe may play from April 26.  {TEASER}  Last \
             March she announced a positive test."
        );
        let b = format!("Rome grants Sharapova a wildcard\nShe won five Grand Slams.  {TEASER}\n");
        assert!(marked(&a, &b, TEASER, ("tass", "tass")));
        assert!(!marked(&a, &b, TEASER, ("tass", "cnn")), "two outlets");
    }

    #[test]
    fn a_sentence_a_paragraph_or_a_headline_is_not() {
        let sentence = "Sharapova tops the Forbes list of the highest-paid female athletes.";
        let a = format!("Madrid wildcard\nShe may play.  {sentence}  Last March she tested.");
        let b = format!("Rome wildcard\nShe won five Grand Slams.  {sentence}\n");
        assert!(
            !marked(&a, &b, sentence, ("tass", "tass")),
            "it ends as a sentence"
        );
        let a = format!("Madrid wildcard\nShe may play. {TEASER} and more. Last March she tested.");
        let b = format!("Rome wildcard\nShe won five Grand Slams.  {TEASER}\n");
        assert!(
            !marked(&a, &b, TEASER, ("tass", "tass")),
            "inside a paragraph"
        );
        let a = format!("{TEASER}\nShe may play from April 26.");
        let b = format!("{TEASER}\nShe won five Grand Slams.");
        assert!(
            !marked(&a, &b, TEASER, ("tass", "tass")),
            "the articles' own headlines"
        );
    }
}
