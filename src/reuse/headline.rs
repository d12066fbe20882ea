//! Headlines: a rewrite linking an article's headline to another article's sentence ("White
//! House: Trump paid $38 million in income tax in 2005" against "…which state that Trump paid
//! $38 million in federal taxes…"). A headline sums up its story in the fewest words, so two
//! reports of one event meet there without one copying the other: the same story, not reuse.

use super::{Kind, Passage, Side};
use crate::corpus::{Corpus, Document};

/// Turns the rewritten passages one side of which lies within its article's headline (the
/// title line at the head of its text) into [`Kind::Related`] links. Sections merged from
/// parts, boilerplate and duplicates are left as they are.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) {
    for p in passages.iter_mut() {
        let candidate =
            p.kind == Kind::Rewritten && p.parts.is_empty() && !p.duplicate && !p.boilerplate;
        let in_headline = |side: Side| in_title_line(&corpus.documents[side.doc], side);
        if candidate && (in_headline(p.a) || in_headline(p.b)) {
            p.kind = Kind::Related;
        }
    }
}

/// Whether `side` lies within `doc`'s headline, the line its title was taken from.
fn in_title_line(doc: &Document, side: Side) -> bool {
    doc.headline()
        .is_some_and(|line| side.span.byte_start >= line.start && side.span.byte_end <= line.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn kind_after(a: &str, a_part: &str, b: &str, b_part: &str) -> Kind {
        let corpus = Corpus::from_sources(vec![Source::new("a", a), Source::new("b", b)]);
        let side = |doc: usize, text: &str, part: &str| {
            let start = text[..text.find(part).unwrap()].chars().count();
            Side {
                doc,
                span: corpus.documents[doc]
                    .map()
                    .span(start, start + part.chars().count()),
            }
        };
        let p = Passage::linking(
            Kind::Rewritten,
            (side(0, a, a_part), side(1, b, b_part)),
            20,
            0.5,
        );
        let mut passages = [p];
        mark(&corpus, &mut passages);
        passages[0].kind
    }

    const HEADLINE: &str = "White House: Trump paid $38 million in income tax in 2005";
    const SENTENCE: &str = "The figures state that Trump paid $38 million in federal taxes on \
                            income of more than $150 million in 2005.";

    #[test]
    fn a_headline_against_a_sentence_is_the_same_story() {
        let a = format!("{HEADLINE}\nThe White House confirmed the figures on Tuesday.");
        let b = format!("Tax return leaked\nA journalist obtained two pages. {SENTENCE}");
        assert_eq!(kind_after(&a, HEADLINE, &b, SENTENCE), Kind::Related);
        assert_eq!(kind_after(&b, SENTENCE, &a, HEADLINE), Kind::Related);
    }

    #[test]
    fn a_headline_after_web_furniture_is_still_the_headline() {
        let a = format!("Skip to content\nMenu\n{HEADLINE}\nThe White House confirmed it.");
        let b = format!("Tax return leaked\nA journalist obtained two pages. {SENTENCE}");
        assert_eq!(kind_after(&a, HEADLINE, &b, SENTENCE), Kind::Related);
    }

    #[test]
    fn the_same_words_in_the_body_stay_a_rewrite() {
        let a = format!("Taxes\nThe White House said so. {HEADLINE}. It was confirmed.");
        let b = format!("Tax return leaked\nA journalist obtained two pages. {SENTENCE}");
        assert_eq!(kind_after(&a, HEADLINE, &b, SENTENCE), Kind::Rewritten);
    }
}
