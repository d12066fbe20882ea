//! Shared names: a short verbatim or near passage made of names, titles and function words
//! ("the Parliamentary Assembly of the Council of Europe (PACE)", "Russian Ambassador to Iran
//! Levan Dzhagaryan told TASS"). Two articles that name the same people and bodies share those
//! words without one copying the other, so such a passage is the same story, not reuse. So is
//! a name and the title a reporter gives it, set off by a comma ("Dr. William Schaffner, an
//! infectious disease expert at Vanderbilt University Medical Center,"): every story on that
//! person introduces them so.

use super::{Kind, Passage, Side};
use crate::corpus::{Corpus, Document};

/// Passages this long or longer carry enough wording to stand as reuse whatever they name.
const SHORT_WORDS: usize = 20;

/// Fewest ordinary words (lower-case words that are not function words) a short passage needs
/// on each side to be reuse rather than a shared name.
const MIN_ORDINARY: usize = 3;

/// Most words a name set before its title may have ("Lord Mark Malloch-Brown").
const MAX_NAME_WORDS: usize = 5;

/// Words that make a clause of what follows a name: it says what the person did, and is no
/// longer their title.
const VERBS: &[&str] = &[
    "added",
    "announced",
    "are",
    "be",
    "been",
    "being",
    "called",
    "can",
    "could",
    "did",
    "do",
    "does",
    "had",
    "has",
    "have",
    "is",
    "may",
    "might",
    "noted",
    "said",
    "say",
    "says",
    "stated",
    "tells",
    "told",
    "warned",
    "was",
    "were",
    "will",
    "would",
];

/// Turns the short verbatim and near passages that share little but names into
/// [`Kind::Related`] links. Sections merged from parts are left as they are.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) {
    for p in passages.iter_mut() {
        // A side of names alone is all the link can share, however long the other side.
        let names = |side: Side| names_only(corpus, side);
        let short_names = |side: Side| {
            corpus.documents[side.doc].token_range(side.span).len() < SHORT_WORDS && names(side)
        };
        let shared_names = (short_link(p) && (names(p.a) || names(p.b)))
            || (linked_as_such(p) && (short_names(p.a) || short_names(p.b)));
        if shared_names {
            p.kind = Kind::Related;
        }
    }
}

/// Turns the short verbatim and near passages that are, on both sides, a name and its title
/// into [`Kind::Related`] links; says whether it turned any. Run after the lone links are
/// found: such a passage beside a short phrase between two articles is no reuse itself, but
/// two links between them are more than the one phrase two reports of a story share.
pub fn mark_titles(corpus: &Corpus, passages: &mut [Passage]) -> bool {
    let mut changed = false;
    for p in passages.iter_mut() {
        let titled = |side: Side| name_and_title(&corpus.documents[side.doc], side);
        if short_link(p) && titled(p.a) && titled(p.b) {
            p.kind = Kind::Related;
            changed = true;
        }
    }
    changed
}

/// Whether a passage is a short verbatim or near link, not merged from parts, nor a duplicate
/// or boilerplate.
fn short_link(p: &Passage) -> bool {
    linked_as_such(p) && p.words < SHORT_WORDS
}

/// Whether a passage is a verbatim or near link, not merged from parts, nor a duplicate or
/// boilerplate.
fn linked_as_such(p: &Passage) -> bool {
    matches!(p.kind, Kind::Verbatim | Kind::Near)
        && p.parts.is_empty()
        && !p.duplicate
        && !p.boilerplate
}

/// Whether a side holds fewer than [`MIN_ORDINARY`] ordinary words.
/// A side written all in capitals (a shouted tweet, "SEE YOU IN COURT, THE SECURITY OF OUR
/// NATION IS AT STAKE!") says nothing of names by its case: it is not names only.
fn names_only(corpus: &Corpus, side: Side) -> bool {
    let doc = &corpus.documents[side.doc];
    let shouted = !doc.slice(side.span).chars().any(char::is_lowercase);
    !shouted && ordinary_words(doc, side) < MIN_ORDINARY
}

/// Whether a side is a name and its title: a run of capitalised words, a comma, then words
/// with no verb among them, up to the side's end at a comma or a stop.
fn name_and_title(doc: &Document, side: Side) -> bool {
    let tokens = doc.token_range(side.span);
    let capitalised = |i: usize| doc.word(i).chars().next().is_some_and(char::is_uppercase);
    let title = tokens
        .clone()
        .find(|&i| !capitalised(i))
        .unwrap_or(tokens.end);
    let name_words = title - tokens.start;
    if name_words == 0 || name_words > MAX_NAME_WORDS || title == tokens.end {
        return false;
    }
    let at = |i: usize| doc.tokens()[i];
    let between = doc.slice(doc.map().span(at(title - 1).end(), at(title).start()));
    let described = doc.slice(doc.map().span(at(title).start(), side.span.end));
    let ends = described.trim_end().ends_with([',', '.']);
    let clause = described.trim_end().trim_end_matches([',', '.']);
    let one_phrase =
        !clause.contains([';', ':', '!', '?', '"', '“', '(']) && !clause.contains(". ");
    let verb = (title..tokens.end).any(|i| VERBS.contains(&doc.word(i).to_lowercase().as_str()));
    between.trim() == "," && ends && one_phrase && !verb
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
        mark_titles(&corpus, &mut passages);
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
    fn a_shared_name_with_its_title_is_the_same_story() {
        let a = "Dr. William Schaffner, an infectious disease expert at Vanderbilt University \
                 Medical Center,";
        assert_eq!(kind_after(a, a, Kind::Verbatim), Kind::Related);
        let a = "Xue Rongjiu, vice-director of the Beijing-based China Society for WTO Studies.";
        let b = "Xue Rongjiu, deputy director of the Beijing-based China Society for WTO Studies,";
        assert_eq!(kind_after(a, b, Kind::Near), Kind::Related);
        let a = "Kim, the half brother of North Korean leader Kim Jong Un,";
        assert_eq!(kind_after(a, a, Kind::Near), Kind::Related);
    }

    #[test]
    fn a_name_followed_by_what_it_did_stays_reuse() {
        let said = "Sessions, then a senator, was an early Trump backer and regular surrogate.";
        assert_eq!(kind_after(said, said, Kind::Verbatim), Kind::Verbatim);
        let open = "Kim, the half brother of North Korean leader Kim Jong Un, died in the airport";
        assert_eq!(kind_after(open, open, Kind::Near), Kind::Near);
        let two =
            "Johnston, a reporter for decades. He obtained the first two pages of the return.";
        assert_eq!(kind_after(two, two, Kind::Verbatim), Kind::Verbatim);
        let one_side = "Dr. William Schaffner, an infectious disease expert at Vanderbilt,";
        let other = "said Dr. William Schaffner, an infectious disease expert at Vanderbilt,";
        assert_eq!(kind_after(one_side, other, Kind::Near), Kind::Near);
    }

    #[test]
    fn a_side_of_names_is_all_a_link_shares_however_long_the_other() {
        let names = "Nunes' White House grounds visit\nOn Monday, House Intelligence Committee \
                     Chairman Devin Nunes";
        let longer = "Nunes' White House grounds visit: 'Wouldn't have been the way I would have \
                      done things'\nAs House Intelligence Committee Chairman Devin Nunes";
        let (corpus, mut p) = pair(names, longer, Kind::Near);
        p.words = 22;
        let mut passages = [p];
        mark(&corpus, &mut passages);
        assert_eq!(passages[0].kind, Kind::Related);
    }

    #[test]
    fn a_shouted_sentence_is_not_names() {
        let tweet = "SEE YOU IN COURT, THE SECURITY OF OUR NATION IS AT STAKE!";
        assert_eq!(kind_after(tweet, tweet, Kind::Verbatim), Kind::Verbatim);
        assert_eq!(
            kind_after("UN OSCE PACE", "UN OSCE PACE", Kind::Verbatim),
            Kind::Verbatim
        );
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
