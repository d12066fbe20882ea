//! Lone short links: two articles whose only reuse passage is one short phrase ("on condition
//! of anonymity because he was not authorized to", "of the Contact Group on settling the
//! situation in eastern Ukraine"). A phrase of a dozen words is what two reporters on one
//! story, or one outlet's stock wording, share without one text being copied from the other;
//! copied text brings more with it. Such a link is the same story, not reuse. A rewrite
//! carries less evidence of copying per word than a verbatim run, so a lone rewritten link
//! must be twice as long to stand, and a lone near passage counts its equal words only.
//! Between two outlets (or folders, or series) a lone reworded link (a rewrite, or a near
//! passage with more than a tenth of it changed) must be twice as long again: two reports of
//! one event quote, name and number the same way and differ in the words between, where an
//! outlet that copies another's text keeps it nearly as it was.

use std::collections::HashMap;

use super::{Kind, Passage};
use crate::corpus::Corpus;

/// Turns every reuse passage that is the only one between its two documents, and holds fewer
/// than `min_words` words of [`evidence`], into a [`Kind::Related`] link. A quotation both
/// articles print is no sign that one text was copied from the other, but it shows them
/// following one source: beside quotations, a phrase needs three quarters of `min_words`.
/// Then a short link alone between two articles, a quotation among them, is the same story
/// too, so a short quotation beside a short phrase goes with it. A reworded link between
/// articles of two groups (both known) needs twice the words it would need in one. Says
/// whether it changed any.
pub fn mark(corpus: &Corpus, passages: &mut [Passage], min_words: usize) -> bool {
    // Articles of no known group (a JSON line without `series`) are not apart.
    let apart = |p: &Passage| {
        let (a, b) = (
            &corpus.documents[p.a.doc].group,
            &corpus.documents[p.b.doc].group,
        );
        !a.is_empty() && !b.is_empty() && a != b
    };
    let needed = |p: &Passage, words: usize| {
        if apart(p) && reworded(p) {
            2 * words
        } else {
            words
        }
    };
    let beside_quotes = mark_lone(passages, |p| needed(p, min_words * 3 / 4), |p| !p.quote);
    // A short quotation alone between two articles is the same story too.
    let alone = mark_lone(passages, |p| needed(p, min_words), |_| true);
    beside_quotes || alone
}

/// [`mark`] among the reuse passages `counted` keeps, a lone passage `p` needing
/// `min_words(p)` words of evidence.
fn mark_lone(
    passages: &mut [Passage],
    min_words: impl Fn(&Passage) -> usize,
    counted: impl Fn(&Passage) -> bool,
) -> bool {
    let mut links: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for (i, p) in passages.iter().enumerate() {
        if p.is_reuse() && counted(p) {
            let pair = (p.a.doc.min(p.b.doc), p.a.doc.max(p.b.doc));
            links.entry(pair).or_insert((i, 0)).1 += 1;
        }
    }
    let mut changed = false;
    for (i, count) in links.into_values() {
        let p = &mut passages[i];
        if count == 1 && p.parts.is_empty() && evidence(p) < min_words(p) {
            p.kind = Kind::Related;
            changed = true;
        }
    }
    changed
}

/// Least share of equal words of a near passage copied as it was, not reworded.
const KEPT_AS_IT_WAS: f64 = 0.9;

/// Whether a passage is a rewrite, or a near passage with more than a tenth of it changed.
fn reworded(p: &Passage) -> bool {
    match p.kind {
        Kind::Rewritten => true,
        Kind::Near => p.score < KEPT_AS_IT_WAS,
        Kind::Verbatim | Kind::Related | Kind::Passim => false,
    }
}

/// The words of a passage that count as evidence of copying: its equal words for a near
/// passage (its length times its share of equal words), half its length for a rewrite.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
fn evidence(p: &Passage) -> usize {
    match p.kind {
        Kind::Rewritten => p.words / 2,
        Kind::Near => (p.words as f64 * p.score.clamp(0.0, 1.0)).round() as usize,
        Kind::Verbatim | Kind::Related | Kind::Passim => p.words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::reuse::Side;
    use crate::text::Span;

    fn link(a: usize, b: usize, words: usize) -> Passage {
        let side = |doc: usize| Side {
            doc,
            span: Span::default(),
        };
        Passage::linking(Kind::Verbatim, (side(a), side(b)), words, 1.0)
    }

    /// Six articles of one group: the links of these tests are between them.
    fn corpus() -> Corpus {
        grouped(&[""; 6])
    }

    fn grouped(groups: &[&str]) -> Corpus {
        let sources = groups.iter().enumerate().map(|(i, group)| {
            let mut source = Source::new(format!("{i}"), "text");
            source.group = (*group).to_string();
            source
        });
        Corpus::from_sources_unanalysed(sources.collect())
    }

    fn kinds(passages: &[Passage]) -> Vec<Kind> {
        passages.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn a_lone_short_phrase_is_the_same_story() {
        let mut passages = [link(0, 1, 12), link(1, 2, 12), link(1, 2, 14)];
        assert!(mark(&corpus(), &mut passages, 20));
        assert_eq!(
            kinds(&passages),
            [Kind::Related, Kind::Verbatim, Kind::Verbatim]
        );
    }

    #[test]
    fn a_lone_long_passage_stays_reuse() {
        let mut passages = [link(0, 1, 20), link(2, 3, 60)];
        assert!(!mark(&corpus(), &mut passages, 20));
        assert_eq!(kinds(&passages), [Kind::Verbatim, Kind::Verbatim]);
    }

    #[test]
    fn boilerplate_and_same_story_links_do_not_keep_a_phrase_company() {
        let mut footer = link(0, 1, 30);
        footer.boilerplate = true;
        let mut story = link(0, 1, 30);
        story.kind = Kind::Related;
        let mut passages = [footer, story, link(1, 0, 12)];
        assert!(mark(&corpus(), &mut passages, 20));
        assert_eq!(passages[2].kind, Kind::Related);
        assert_eq!(kinds(&passages[..2]), [Kind::Verbatim, Kind::Related]);
    }

    #[test]
    fn a_shared_quotation_keeps_a_phrase_less_company() {
        let mut quote = link(0, 1, 40);
        quote.quote = true;
        let mut passages = [quote.clone(), link(1, 0, 14)];
        assert!(mark(&corpus(), &mut passages, 20));
        assert_eq!(kinds(&passages), [Kind::Verbatim, Kind::Related]);
        // Three quarters of the words a lone phrase needs stand beside a quotation.
        let mut passages = [quote, link(1, 0, 15)];
        assert!(!mark(&corpus(), &mut passages, 20));
        assert_eq!(kinds(&passages), [Kind::Verbatim, Kind::Verbatim]);
        // A short quotation alone is the same story; a long one stays a quote.
        let mut short = link(2, 3, 12);
        short.quote = true;
        let mut passages = [short];
        assert!(mark(&corpus(), &mut passages, 20));
        assert_eq!(passages[0].kind, Kind::Related);
        assert!(!mark(&corpus(), &mut [quote_of(40)], 20));
    }

    fn quote_of(words: usize) -> Passage {
        let mut p = link(4, 5, words);
        p.quote = true;
        p
    }

    #[test]
    fn a_lone_rewrite_needs_twice_the_words() {
        let rewrite = |words| {
            let mut p = link(0, 1, words);
            p.kind = Kind::Rewritten;
            p
        };
        let mut passages = [rewrite(39)];
        assert!(mark(&corpus(), &mut passages, 20));
        assert_eq!(passages[0].kind, Kind::Related);
        let mut passages = [rewrite(40)];
        assert!(!mark(&corpus(), &mut passages, 20));
        assert_eq!(passages[0].kind, Kind::Rewritten);
    }

    #[test]
    fn a_lone_near_passage_counts_its_equal_words() {
        let near = |words, score| {
            let mut p = link(0, 1, words);
            p.kind = Kind::Near;
            p.score = score;
            p
        };
        let mut passages = [near(24, 0.75)];
        assert!(mark(&corpus(), &mut passages, 20));
        assert_eq!(passages[0].kind, Kind::Related);
        let mut passages = [near(24, 0.9)];
        assert!(!mark(&corpus(), &mut passages, 20));
        assert_eq!(passages[0].kind, Kind::Near);
    }

    #[test]
    fn a_lone_reworded_link_between_two_outlets_needs_twice_the_words() {
        let outlets = grouped(&["abc", "abc", "cnn", "cnn"]);
        let near = |a, b, words, score| {
            let mut p = link(a, b, words);
            p.kind = Kind::Near;
            p.score = score;
            p
        };
        // 39 × 0.8 = 31 equal words: enough in one outlet, not between two.
        let mut passages = [near(0, 2, 39, 0.8), near(0, 1, 39, 0.8)];
        assert!(mark(&outlets, &mut passages, 20));
        assert_eq!(kinds(&passages), [Kind::Related, Kind::Near]);
        let mut passages = [near(1, 3, 50, 0.8)];
        assert!(!mark(&outlets, &mut passages, 20));
        // Copied as it was, the words one outlet's link needs are enough.
        let mut passages = [link(1, 3, 20), near(0, 3, 24, 0.95)];
        assert!(!mark(&outlets, &mut passages, 20));
        assert_eq!(kinds(&passages), [Kind::Verbatim, Kind::Near]);
        // No known group is no second outlet.
        let unknown = grouped(&["", "cnn"]);
        let mut passages = [near(0, 1, 39, 0.8)];
        assert!(!mark(&unknown, &mut passages, 20));
        // Beside a quotation, three quarters of it: 36 × 0.8 rounds to 29 words, under 30.
        let mut quote = link(0, 2, 40);
        quote.quote = true;
        let mut passages = [quote, near(2, 0, 36, 0.8)];
        assert!(mark(&outlets, &mut passages, 20));
        assert_eq!(kinds(&passages), [Kind::Verbatim, Kind::Related]);
    }

    #[test]
    fn zero_turns_the_rule_off() {
        let mut passages = [link(0, 1, 12)];
        assert!(!mark(&corpus(), &mut passages, 0));
        assert_eq!(passages[0].kind, Kind::Verbatim);
    }
}
