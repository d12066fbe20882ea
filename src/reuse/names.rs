//! Shared names: a short verbatim or near passage made of names, titles and function words
//! ("the Parliamentary Assembly of the Council of Europe (PACE)", "Russian Ambassador to Iran
//! Levan Dzhagaryan told TASS"). Two articles that name the same people and bodies share those
//! words without one copying the other, so such a passage is the same story, not reuse.

use super::{Kind, Passage, Side};
use crate::corpus::{Corpus, Document};

/// Passages this long or longer carry enough wording to stand as reuse whatever they name.
const SHORT_WORDS: usize = 20;

/// Fewest ordinary words (lower-case words that are not function words) a short passage needs
/// on each side to be reuse rather than a shared name.
const MIN_ORDINARY: usize = 3;

/// Turns the short verbatim and near passages that share little but names into
/// [`Kind::Related`] links. Sections merged from parts are left as they are.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) {
    for p in passages.iter_mut() {
        let candidate = matches!(p.kind, Kind::Verbatim | Kind::Near)
            && p.parts.is_empty()
            && !p.duplicate
            && !p.boilerplate
            && p.words < SHORT_WORDS;
        if candidate && (names_only(corpus, p.a) || names_only(corpus, p.b)) {
            p.kind = Kind::Related;
        }
    }
}

/// Whether a side holds fewer than [`MIN_ORDINARY`] ordinary words.
fn names_only(corpus: &Corpus, side: Side) -> bool {
    ordinary_words(&corpus.documents[side.doc], side) < MIN_ORDINARY
}

/// The words of a side that are not names nor function words: they start with a letter
/// that is not upper case (so that scripts without case, Arabic or Chinese, count whole).
fn ordinary_words(doc: &Document, side: Side) -> usize {
    doc.token_range(side.span)
        .filter(|&i| {
            let first = doc.word(i).chars().next();
            !doc.tokens()[i].is_stop()
                && first.is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn pair(a: &str, b: &str, kind: Kind) -> (Corpus, Passage) {
        let corpus = Corpus::from_sources(vec![Source::new("a", a), Source::new("b", b)]);
        let side = |doc: usize, text: &str| Side {
            doc,
            span: corpus.documents[doc].map().span(0, text.chars().count()),
        };
        let words = corpus.documents[0].words();
        let p = Passage::linking(kind, (side(0, a), side(1, b)), words, 1.0);
        (corpus, p)
    }

    fn kind_after(a: &str, b: &str, kind: Kind) -> Kind {
        let (corpus, p) = pair(a, b, kind);
        let mut passages = [p];
        mark(&corpus, &mut passages);
        passages[0].kind
    }

    #[test]
    fn a_shared_name_and_title_is_the_same_story() {
        let text =
            "Russian Ambassador to Iran Levan Dzhagaryan told TASS in an interview on Wednesday.";
        assert_eq!(kind_after(text, text, Kind::Verbatim), Kind::Related);
        let a = "of the Parliamentary Assembly of the Council of Europe (PACE)";
        assert_eq!(kind_after(a, a, Kind::Near), Kind::Related);
    }

    #[test]
    fn a_short_passage_of_ordinary_words_stays_reuse() {
        let text = "Obama-era guidance directing schools to allow transgender students to use the bathroom";
        assert_eq!(kind_after(text, text, Kind::Verbatim), Kind::Verbatim);
    }

    #[test]
    fn a_short_passage_in_a_script_without_case_stays_reuse() {
        let arabic =
            "قال وزير الخارجية إن المحادثات ستستأنف في جنيف بعد أسبوع من التوتر على الحدود";
        assert_eq!(kind_after(arabic, arabic, Kind::Verbatim), Kind::Verbatim);
    }

    #[test]
    fn long_passages_and_rewrites_are_left_alone() {
        let long = "The Parliamentary Assembly of the Council of Europe (PACE) and the Organization \
                    for Security and Co-operation in Europe (OSCE) met Russian Foreign Minister \
                    Sergei Lavrov and United Nations Secretary General Antonio Guterres in Geneva";
        assert_eq!(kind_after(long, long, Kind::Verbatim), Kind::Verbatim);
        let short = "the Russian Center for Reconciliation of the Warring Parties in Syria";
        assert_eq!(kind_after(short, short, Kind::Rewritten), Kind::Rewritten);
    }
}
