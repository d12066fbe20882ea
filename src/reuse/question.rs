//! Interview questions: an outlet's interview series asks its guests the same questions ("In
//! your view, what is the secret of your business's success in China?", "What are your
//! hobbies?"). Two interviews of one series share those words because the interviewer reads
//! from one list, not because one story copies the other: the series' template, boilerplate.

use super::{Passage, Side};
use crate::corpus::{Corpus, Document};
use crate::text::Span;

/// Most words a side of a stock question may have: a question or two, not a paragraph.
const MAX_WORDS: usize = 30;
/// Fewest questions an article must ask to be an interview.
const MIN_QUESTIONS: usize = 4;
/// Most words of its first and last sentences a side may leave out and still be those
/// questions whole (a near link may stop a word short).
const SLACK_WORDS: usize = 2;

/// Marks as boilerplate the short links between two interviews of one outlet that are, on
/// both sides, only whole questions, outside quotation marks; returns their sides, to be
/// listed and drawn dimmed with the rest of the outlets' boilerplate.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) -> Vec<Side> {
    let mut spans = Vec::new();
    for p in passages.iter_mut() {
        let candidate = p.kind.is_reuse() && p.parts.is_empty() && !p.boilerplate && !p.quote;
        let doc = |side: Side| &corpus.documents[side.doc];
        let series = |side: Side| doc(side).group.as_str();
        let one_series = !series(p.a).is_empty() && series(p.a) == series(p.b);
        let asked = |side: Side| interview(doc(side)) && questions_only(doc(side), side.span);
        if candidate && one_series && asked(p.a) && asked(p.b) {
            p.boilerplate = true;
            p.cluster = None;
            spans.extend([p.a, p.b]);
        }
    }
    spans
}

/// Whether `doc` asks at least [`MIN_QUESTIONS`] questions.
fn interview(doc: &Document) -> bool {
    let asks = |s: &&Span| is_question(doc, **s);
    doc.sentences().iter().filter(asks).count() >= MIN_QUESTIONS
}

/// Whether `span` is, but for [`SLACK_WORDS`] at either end, whole questions and nothing
/// else, of fewer than [`MAX_WORDS`] words.
fn questions_only(doc: &Document, span: Span) -> bool {
    let touched: Vec<Span> = doc
        .sentences()
        .iter()
        .copied()
        .filter(|s| s.start < span.end && span.start < s.end)
        .collect();
    let (Some(&first), Some(&last)) = (touched.first(), touched.last()) else {
        return false;
    };
    let words_between = |start: usize, end: usize| {
        if start >= end {
            return 0;
        }
        doc.token_range(doc.map().span(start, end)).len()
    };
    let whole = words_between(first.start, span.start) <= SLACK_WORDS
        && words_between(span.end, last.end) <= SLACK_WORDS;
    let short = doc.token_range(span).len() < MAX_WORDS;
    whole && short && touched.iter().all(|&s| is_question(doc, s))
}

/// Whether sentence `s` ends in a question mark (before any closing quote or bracket).
fn is_question(doc: &Document, s: Span) -> bool {
    doc.slice(s)
        .trim_end_matches(['"', '\'', ')', ']', '’', '”', '»'])
        .ends_with('?')
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Corpus, Source};
    use crate::reuse::{Options, find_reuse};

    /// An interview of `guest`, who runs `firm`: the series' stock questions, each followed by
    /// the guest's own answer.
    fn interview(guest: &str, firm: &str, answers: [&str; 4]) -> String {
        format!(
            "{guest}, {firm}\n\
             What essential leadership qualities do you consider important when leading your \
             team to grow in the Chinese market? {}\n\
             In your view, what is the secret of {firm}'s success in China? {}\n\
             What are your hobbies? How do you spend your time outside of work when you are in \
             China? {}\n\
             What are the dreams you have for your company? {}\n",
            answers[0], answers[1], answers[2], answers[3]
        )
    }

    fn corpus(texts: &[String; 2], group: &str) -> Corpus {
        let source = |id: &str, text: &String| {
            let mut source = Source::new(id, text);
            source.group = group.to_owned();
            source
        };
        Corpus::from_sources(vec![source("one", &texts[0]), source("two", &texts[1])])
    }

    fn two_interviews() -> [String; 2] {
        [
            interview(
                "Mei Lin",
                "Harbor Motors",
                [
                    "Listening closely to every dealer we appoint, and visiting each showroom \
                     twice a year without fail. We learned that from our first importer, a \
                     retired rally driver who still phones me every month about tyres.",
                    "Patience with our partners and a range built for city streets and long \
                     winter drives alike. Our engineers tested the suspension on frozen lakes \
                     near Harbin for three seasons before the first delivery left port.",
                    "I sail on weekends off the coast near Qingdao with my two daughters and \
                     an old friend. The boat is older than I am, and it has taught me more \
                     about calm decisions than any business school could.",
                    "To open a design studio in Shanghai that hires local engineers by the \
                     hundred within five years. We have signed a lease on a former textile \
                     warehouse beside the river and ordered the first wind tunnel.",
                ],
            ),
            interview(
                "Paolo Ricci",
                "Vela Tailoring",
                [
                    "Trust in young designers, and the courage to let them fail early while \
                     the stakes remain small. A mistake made in a sketchbook costs nothing, \
                     whereas one made on the runway costs a whole season of orders.",
                    "Our family's fourth generation keeps the cloth mills close to the cutting \
                     rooms, so quality never slips. My grandfather walked between the looms \
                     every morning, and I still do whenever I visit our mill in Biella.",
                    "Mostly I cook for friends, and on Sundays I hike the hills west of Beijing \
                     with a camera. Photographing old temple roofs has become a quiet \
                     obsession, and my albums now fill two shelves of the apartment.",
                    "That every city of a million people has a store of ours within a short \
                     walk of its station. Commuters should order a jacket at breakfast and \
                     collect it, altered to fit, on their way home.",
                ],
            ),
        ]
    }

    #[test]
    fn an_interview_series_stock_questions_are_its_boilerplate() {
        let corpus = corpus(&two_interviews(), "daily");
        let report = find_reuse(&corpus, &Options::default());
        let shown: Vec<&str> = report
            .passages
            .iter()
            .filter(|p| p.kind.is_reuse() && !p.boilerplate)
            .map(|p| corpus.documents[p.a.doc].slice(p.a.span))
            .collect();
        assert!(shown.is_empty(), "questions shown as reuse: {shown:?}");
        let listed = report.boilerplate.iter().any(|side| {
            corpus.documents[side.doc]
                .slice(side.span)
                .contains("What essential leadership qualities")
        });
        assert!(listed, "the question is not listed as boilerplate");
    }

    #[test]
    fn the_same_questions_in_two_outlets_are_left_as_they_are() {
        let texts = two_interviews();
        let source = |id: &str, text: &String, group: &str| {
            let mut source = Source::new(id, text);
            source.group = group.to_owned();
            source
        };
        let corpus = Corpus::from_sources(vec![
            source("one", &texts[0], "daily"),
            source("two", &texts[1], "weekly"),
        ]);
        let report = find_reuse(&corpus, &Options::default());
        let question_shown = report.passages.iter().any(|p| {
            p.kind.is_reuse()
                && !p.boilerplate
                && corpus.documents[p.a.doc]
                    .slice(p.a.span)
                    .contains("What essential leadership qualities")
        });
        assert!(question_shown, "a question two outlets share was hidden");
    }

    #[test]
    fn a_question_with_its_copied_answer_is_reuse() {
        let mut texts = two_interviews();
        let copied = "We learned that from our first importer, a retired rally driver who still \
                      phones me every month about tyres.";
        texts[1] = texts[1].replacen(
            "A mistake made in a sketchbook costs nothing, whereas one made on the runway costs \
             a whole season of orders.",
            copied,
            1,
        );
        let corpus = corpus(&texts, "daily");
        let report = find_reuse(&corpus, &Options::default());
        let answer_shown = report.passages.iter().any(|p| {
            p.kind.is_reuse()
                && !p.boilerplate
                && corpus.documents[p.a.doc]
                    .slice(p.a.span)
                    .contains("retired rally driver")
        });
        assert!(answer_shown, "a copied answer was hidden with its question");
    }
}
