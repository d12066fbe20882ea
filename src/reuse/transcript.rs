//! Transcripts: an article that prints a speech or an interview whole ("Donald Trump's Congress
//! speech (full text)") is the speaker's words, not the outlet's. What another article shares
//! with it is the speaker's words too, quoted, or set in its own sentence without quotation
//! marks ("…by implying that the vast majority of individuals convicted…"): a quotation of a
//! common source, not one article copying the other.

use crate::corpus::Document;

/// Words of a title that say the article is a transcript.
const TITLE_WORDS: &[&str] = &["full text", "transcript"];
/// Fewest words a transcript has: a speech, not a short item about one.
const MIN_WORDS: usize = 300;
/// Most reporting verbs ("said", "told") per thousand words a transcript may hold: a report
/// on a transcript ("Transcript shows Flynn discussed sanctions") attributes what it tells.
const MAX_ATTRIBUTIONS_PER_THOUSAND: usize = 3;
/// Reporting verbs, in the lower case a report writes them.
const ATTRIBUTIONS: &[&str] = &["said", "says", "told", "according"];

/// Whether `doc` is a transcript: its title says so, it is long, and it reports almost
/// nothing in the third person.
pub fn is_transcript(doc: &Document) -> bool {
    let title = doc.title.to_lowercase();
    if !TITLE_WORDS.iter().any(|w| title.contains(w)) {
        return false;
    }
    let words = doc.tokens().len();
    let attributions = (0..words)
        .filter(|&i| ATTRIBUTIONS.contains(&doc.word(i)))
        .count();
    words >= MIN_WORDS && attributions * 1000 <= MAX_ATTRIBUTIONS_PER_THOUSAND * words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    /// A text of `sentences` distinct sentences of ten words each.
    fn body(sentences: usize, said_every: usize) -> String {
        let mut text = String::new();
        for k in 0..sentences {
            let said = said_every > 0 && k % said_every == 0;
            let verb = if said { "said" } else { "built" };
            let sentence = format!("We {verb} bridge number {k} across the river near town {k}. ");
            text.push_str(&sentence);
        }
        text
    }

    fn doc(title: &str, text: &str) -> Document {
        Document::new(Source::new("d", format!("{title}\n{text}")))
    }

    #[test]
    fn a_speech_printed_whole_is_a_transcript() {
        assert!(is_transcript(&doc(
            "The governor's address (full text)",
            &body(40, 0)
        )));
        assert!(is_transcript(&doc(
            "Transcript: the mayor on housing",
            &body(40, 0)
        )));
    }

    #[test]
    fn a_report_about_a_transcript_a_short_item_or_another_title_is_not() {
        let report = body(40, 2);
        assert!(!is_transcript(&doc("Transcript shows the deal", &report)));
        assert!(!is_transcript(&doc("Full text released", &body(5, 0))));
        assert!(!is_transcript(&doc("The governor's address", &body(40, 0))));
    }

    #[test]
    fn what_an_article_shares_with_a_transcript_is_a_quote() {
        let line = "the vast majority of people who crossed the old stone bridge last winter \
                    came from villages outside our county";
        let speech = format!("{}We know that {line}. {}", body(20, 0), body(20, 0));
        let comment = format!(
            "The mayor claimed that {line}, when in fact most of them lived in town. Critics \
             said the figures were wrong, and the council said it would publish its own."
        );
        let sources = |title: &str| {
            vec![
                Source::new("speech", format!("{title}\n{speech}")),
                Source::new("comment", format!("Fact check\n{comment}")),
            ]
        };
        let flagged = |title: &str| {
            crate::reuse::quote::flags_of(sources(title))
                .iter()
                .all(|&quote| quote)
        };
        assert!(flagged("The mayor's speech (full text)"));
        assert!(!flagged("The mayor's speech"));
    }
}
