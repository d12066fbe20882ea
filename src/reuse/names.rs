//! Shared names: a short verbatim or near passage made of names, titles and function words
//! ("the Parliamentary Assembly of the Council of Europe (PACE)", "Russian Ambassador to Iran
//! Levan Dzhagaryan told TASS"). Two articles that name the same people and bodies share those
//! words without one copying the other, so such a passage is the same story, not reuse. So is
//! a name and the title a reporter gives it, set off by a comma ("Dr. William Schaffner, an
//! infectious disease expert at Vanderbilt University Medical Center,"): every story on that
//! person introduces them so, after "said" too. And so is a near passage whose equal words are
//! names and function words, the rest reworded ("On Saturday the Department of Justice,
//! challenging Robart's ruling, turned to the powerful 9th Circuit Court of Appeals in San
//! Francisco" and "on Saturday, the Department of Justice filed an appeal … with the Ninth
//! Circuit Court of Appeals in San Francisco"): two reports tell one fact in their own words.

use super::{Kind, Passage, Side};
use crate::corpus::{Corpus, Document};
use crate::diff::Change;

/// Passages this long or longer carry enough wording to stand as reuse whatever they name.
const SHORT_WORDS: usize = 20;

/// Most words a passage that is a name and its title after "said" may have: a title is one
/// phrase with no verb, so a long one ("a professor at Hawaii Pacific University and former
/// director of operations at the US Pacific Command's Joint Intelligence Center") still says
/// nothing of the story.
const MAX_TITLE_WORDS: usize = 30;

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
/// [`Kind::Related`] links, and those with a short side of names (a side of names alone is all
/// a link can share, though the other side may say a little more), and the near passages of
/// any length whose equal words are names and function words (unless it is a name and its
/// title on both sides: [`mark_titles`] turns those, once the lone links are found). Sections
/// merged from parts are left as they are.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) {
    for p in passages.iter_mut() {
        if !linked_as_such(p) {
            continue;
        }
        let words = |side: Side| corpus.documents[side.doc].token_range(side.span).len();
        // Counting a side's ordinary words only where the link or the side is short.
        let names_side = |side: Side, other: Side| {
            let short_side = || words(side) < SHORT_WORDS && words(other) <= 2 * words(side);
            (p.words < SHORT_WORDS || short_side()) && names_only(corpus, side)
        };
        let shared_names = names_side(p.a, p.b) || names_side(p.b, p.a);
        let titled = |side: Side| name_and_title(&corpus.documents[side.doc], side);
        let retold = || equal_words_are_names(corpus, p) && !(titled(p.a) && titled(p.b));
        if shared_names || retold() {
            p.kind = Kind::Related;
        }
    }
}

/// Turns the short verbatim and near passages that are, on both sides, a name and its title
/// (under [`SHORT_WORDS`] words, or up to [`MAX_TITLE_WORDS`] after "said" on both sides)
/// into [`Kind::Related`] links; says whether it turned any. Run after the lone links are
/// found: such a passage beside a short phrase between two articles is no reuse itself, but
/// two links between them are more than the one phrase two reports of a story share. (A
/// shared name of [`mark`] is found before: it is a body's or a person's name alone, which
/// two reports of anything may share.)
pub fn mark_titles(corpus: &Corpus, passages: &mut [Passage]) -> bool {
    let mut changed = false;
    for p in passages.iter_mut() {
        let titled = |side: Side| name_and_title(&corpus.documents[side.doc], side);
        let attributed = |side: Side| {
            let doc = &corpus.documents[side.doc];
            attribution_words(doc, doc.token_range(side.span)) > 0
        };
        let short = p.words < SHORT_WORDS
            || (p.words <= MAX_TITLE_WORDS && attributed(p.a) && attributed(p.b));
        if linked_as_such(p) && short && titled(p.a) && titled(p.b) {
            p.kind = Kind::Related;
            changed = true;
        }
    }
    changed
}

/// Whether a passage is a verbatim or near link, not merged from parts, nor a duplicate or
/// boilerplate.
fn linked_as_such(p: &Passage) -> bool {
    matches!(p.kind, Kind::Verbatim | Kind::Near)
        && p.parts.is_empty()
        && !p.duplicate
        && !p.boilerplate
}

/// Whether a near passage's equal words hold fewer than [`MIN_ORDINARY`] ordinary words on
/// each side: all it keeps of one text in the other is names and function words, whatever its
/// length. A side in title case or capitals tells no names apart, so it never is.
fn equal_words_are_names(corpus: &Corpus, p: &Passage) -> bool {
    if p.kind != Kind::Near || p.diff.is_empty() {
        return false;
    }
    let names_kept = |side: Side, span: fn(&crate::diff::DiffOp) -> crate::text::Span| {
        let doc = &corpus.documents[side.doc];
        let equal = p.diff.iter().filter(|op| op.change == Change::Equal);
        let ordinary: usize = equal
            .map(|op| {
                ordinary_words(
                    doc,
                    Side {
                        doc: side.doc,
                        span: span(op),
                    },
                )
            })
            .sum();
        ordinary < MIN_ORDINARY && !capitalises_function_words(doc, side)
    };
    names_kept(p.a, |op| op.a) && names_kept(p.b, |op| op.b)
}

/// Whether a side holds fewer than [`MIN_ORDINARY`] ordinary words. A side that capitalises
/// its function words, a shouted tweet ("SEE YOU IN COURT, THE SECURITY OF OUR NATION IS AT
/// STAKE!") or a headline in title case ("Trump And Melania Arrive In Palm Beach"), says
/// nothing of names by its case: it is not names only.
fn names_only(corpus: &Corpus, side: Side) -> bool {
    let doc = &corpus.documents[side.doc];
    !capitalises_function_words(doc, side) && ordinary_words(doc, side) < MIN_ORDINARY
}

/// Whether a side writes a function word with a capital inside a sentence: a shouted tweet or
/// a headline in title case, whose capitals are no sign of names.
fn capitalises_function_words(doc: &Document, side: Side) -> bool {
    let tokens = doc.token_range(side.span);
    (tokens.start + 1..tokens.end).any(|i| {
        let word = doc.word(i);
        let gap = doc.slice(
            doc.map()
                .span(doc.tokens()[i - 1].end(), doc.tokens()[i].start()),
        );
        let starts_a_sentence = gap.contains(['\n', '.', '!', '?', ':']);
        doc.tokens()[i].is_stop()
            && word.len() > 1
            && word.starts_with(char::is_uppercase)
            && !starts_a_sentence
    })
}

/// Whether a side is a name and its title: a run of at most [`MAX_NAME_WORDS`] capitalised
/// words, not starting on a function word ("In Syria,"), a comma, then one phrase (no other
/// comma, no stop, no quotation or bracket) with no verb among its lower-case words (one of
/// [`VERBS`], or a word ending in "ed" that is not the end of a compound: "Beijing-based" is
/// fine). It must end the side at a comma, the apposition closed, or at a stop when the side
/// starts inside a sentence ("…, says Xue Rongjiu, vice-director of…."), so that a sentence
/// opening on a word and a comma ("Meanwhile, the toll rose to 247.") is not taken for one.
fn name_and_title(doc: &Document, side: Side) -> bool {
    let tokens = doc.token_range(side.span);
    let first = tokens.start + attribution_words(doc, tokens.clone());
    let capitalised = |i: usize| doc.word(i).starts_with(char::is_uppercase);
    let title = (first..tokens.end)
        .find(|&i| !capitalised(i))
        .unwrap_or(tokens.end);
    let name_words = title - first;
    if name_words == 0 || name_words > MAX_NAME_WORDS || title == tokens.end {
        return false;
    }
    let at = |i: usize| doc.tokens()[i];
    let between = doc.slice(doc.map().span(at(title - 1).end(), at(title).start()));
    let described = doc
        .slice(doc.map().span(at(title).start(), side.span.end))
        .trim_end();
    let phrase = described.trim_end_matches([',', '.']);
    let one_phrase =
        !phrase.contains([',', ';', ':', '!', '?', '"', '“', '(']) && !phrase.contains(". ");
    let verb = (title..tokens.end).any(|i| is_verb(doc, i));
    // After "said", the name ends a sentence that starts before the side.
    let inside = first > tokens.start || inside_a_sentence(doc, side);
    // A one-word "name" may be a sentence's opening word ("Meanwhile, the toll rose…"): only
    // a longer name is followed past the link's end.
    let closed = described.ends_with(',')
        || (described.ends_with('.') && inside)
        || (name_words > 1 && title_goes_on_to_its_end(doc, tokens.end));
    !at(first).is_stop() && between.trim() == "," && one_phrase && !verb && closed
}

/// Most words a title may run on past the end of a link that stops short of its comma ("Kim
/// Jong Nam, the estranged half brother of North Korea's" + "ruler,").
const MAX_TITLE_TAIL: usize = 6;

/// Whether the words of `doc` from word `next` on finish a title within [`MAX_TITLE_TAIL`]
/// words and without a verb: up to a comma, or to a relative pronoun that starts a clause on
/// the person ("North Korea's leader who had been living overseas").
fn title_goes_on_to_its_end(doc: &Document, next: usize) -> bool {
    let tokens = doc.tokens();
    for i in next..tokens.len().min(next + MAX_TITLE_TAIL) {
        let gap = doc.slice(doc.map().span(tokens[i - 1].end(), tokens[i].start()));
        if gap.contains('\n') {
            return false;
        }
        let gap = gap.trim();
        let joined = gap.is_empty() || gap == "-";
        let relative = ["who", "whose", "which"]
            .iter()
            .any(|w| doc.word(i).eq_ignore_ascii_case(w));
        if gap == "," || (joined && relative) {
            return true;
        }
        if !joined || is_verb(doc, i) {
            return false;
        }
    }
    false
}

/// How many words of attribution ("said", "says", "according to") open the words `tokens`
/// before a name: "said Carl Schuster, a professor at Hawaii Pacific University," is still a
/// name and its title.
fn attribution_words(doc: &Document, tokens: std::ops::Range<usize>) -> usize {
    let word = |k: usize| (tokens.start + k < tokens.end).then(|| doc.word(tokens.start + k));
    let is = |k: usize, w: &str| word(k).is_some_and(|x| x.eq_ignore_ascii_case(w));
    if is(0, "said") || is(0, "says") {
        1
    } else if is(0, "according") && is(1, "to") {
        2
    } else {
        0
    }
}

/// Whether word `i` is a lower-case verb: one of [`VERBS`], or a past form ("pleaded") that
/// does not end a compound ("Beijing-based") nor follow an article ("the estranged half
/// brother", "a retired general").
fn is_verb(doc: &Document, i: usize) -> bool {
    let word = doc.word(i);
    if word.starts_with(char::is_uppercase) {
        return false;
    }
    let compound = doc.tokens()[i].start() > 0
        && doc.slice(
            doc.map()
                .span(doc.tokens()[i].start() - 1, doc.tokens()[i].start()),
        ) == "-";
    let after_an_article = i > 0
        && ["the", "a", "an"]
            .iter()
            .any(|a| doc.word(i - 1).eq_ignore_ascii_case(a));
    VERBS.iter().any(|verb| word.eq_ignore_ascii_case(verb))
        || (word.len() > 4 && word.ends_with("ed") && !compound && !after_an_article)
}

/// Whether a side starts inside a sentence: after a comma or a lower-case word.
fn inside_a_sentence(doc: &Document, side: Side) -> bool {
    let before = doc.slice(doc.map().span(0, side.span.start));
    before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c == ',' || c.is_lowercase())
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

    /// The kind after both marks of a link between the parts of `a` and `b` set in `[` `]`
    /// (the brackets taken out of the articles).
    fn kind_of_bracketed(a: &str, b: &str, kind: Kind) -> Kind {
        let split = |text: &str| {
            let (before, rest) = text.split_once('[').expect("an opening bracket");
            let (part, after) = rest.split_once(']').expect("a closing bracket");
            (before.to_owned(), part.to_owned(), after.to_owned())
        };
        let (sa, sb) = (split(a), split(b));
        let texts = [&sa, &sb].map(|(before, part, after)| format!("{before}{part}{after}"));
        let corpus = Corpus::from_sources(vec![
            Source::new("a", &texts[0]),
            Source::new("b", &texts[1]),
        ]);
        let side = |doc: usize, (before, part, _): &(String, String, String)| {
            let start = before.chars().count();
            let span = corpus.documents[doc]
                .map()
                .span(start, start + part.chars().count());
            Side { doc, span }
        };
        let (a, b) = (side(0, &sa), side(1, &sb));
        let words = corpus.documents[0].words_in(a.span);
        let mut passages = [Passage::linking(kind, (a, b), words, 1.0)];
        mark(&corpus, &mut passages);
        mark_titles(&corpus, &mut passages);
        passages[0].kind
    }

    #[test]
    fn a_link_that_stops_short_of_the_end_of_a_title_is_still_a_title() {
        let a = "The attack on [Kim Jong Nam, the estranged half brother of North Korea's] ruler, \
                 officials said.";
        let b = "The victim was [Kim Jong Nam, the estranged older half-brother of North Korea's] \
                 leader who had been living overseas for years.";
        assert_eq!(kind_of_bracketed(a, b, Kind::Near), Kind::Related);
        let went_on = "The victim was [Kim Jong Nam, the estranged half brother of North Korea's] \
                       leader and he had been living overseas for years.";
        assert_eq!(kind_of_bracketed(a, went_on, Kind::Near), Kind::Near);
        let acted = "The victim was [Kim Jong Nam, the estranged half brother of North Korea's] \
                     leader travelled to Macau, officials said.";
        assert_eq!(kind_of_bracketed(a, acted, Kind::Near), Kind::Near);
        // A one-word opener is no name, and a title never runs on past a line break.
        let toll = "[Meanwhile, the death toll from the quake in central Italy] rose to 247, \
                    officials said.";
        assert_eq!(
            kind_of_bracketed(toll, toll, Kind::Verbatim),
            Kind::Verbatim
        );
        let ended = "The victim was [Kim Jong Nam, the estranged half brother of North Korea's]\n\
                     Malaysian police, who";
        assert_eq!(
            kind_of_bracketed(ended, ended, Kind::Verbatim),
            Kind::Verbatim
        );
    }

    #[test]
    fn past_twenty_words_a_title_needs_said_on_both_sides() {
        let long = "Neil Gorsuch, a federal appeals court judge from Colorado whose mother ran the \
                    environmental agency under Ronald Reagan and left in a scandal,";
        let (corpus, mut p) = pair(long, long, Kind::Verbatim);
        p.words = corpus.documents[0].words();
        let mut passages = [p];
        mark(&corpus, &mut passages);
        mark_titles(&corpus, &mut passages);
        assert_eq!(passages[0].kind, Kind::Verbatim);
    }

    /// The kind after both marks of a link between `a` and `b`, each a side after the text
    /// before it in its article.
    fn kind_after_within(
        (before_a, a): (&str, &str),
        (before_b, b): (&str, &str),
        kind: Kind,
    ) -> Kind {
        let (a, b) = (format!("{before_a}[{a}]"), format!("{before_b}[{b}]"));
        kind_of_bracketed(&a, &b, kind)
    }

    #[test]
    fn a_shared_name_with_its_title_is_the_same_story() {
        let a = "Dr. William Schaffner, an infectious disease expert at Vanderbilt University \
                 Medical Center,";
        assert_eq!(kind_after(a, a, Kind::Verbatim), Kind::Related);
        let a = "Kim, the half brother of North Korean leader Kim Jong Un,";
        assert_eq!(kind_after(a, a, Kind::Near), Kind::Related);
        // Ended by a stop, where the side starts inside a sentence.
        let a = "Xue Rongjiu, vice-director of the Beijing-based China Society for WTO Studies.";
        let b = "Xue Rongjiu, deputy director of the Beijing-based China Society for WTO Studies,";
        let said = ("Prices are three times higher,\" says ", a);
        let warns = ("The system must go. ", b);
        assert_eq!(kind_after_within(said, warns, Kind::Near), Kind::Related);
        let opening = ("The system must go. ", a);
        assert_eq!(kind_after_within(opening, warns, Kind::Near), Kind::Near);
        // After "said", and past 20 words: a title is one phrase without a verb.
        let a = "said Carl Schuster, a professor at Hawaii Pacific University and former director \
                 of operations at the US Pacific Command's Joint Intelligence Center.";
        let b = "said Carl Schuster, a Hawaii Pacific University professor and former director \
                 of operations at the US Pacific Command's Joint Intelligence Center.";
        let (quoted, reported) = (("\"We will see,\" ", a), ("It works between them, ", b));
        assert_eq!(
            kind_after_within(quoted, reported, Kind::Near),
            Kind::Related
        );
        let one_side = "Dr. William Schaffner, an infectious disease expert at Vanderbilt,";
        let other = "said Dr. William Schaffner, an infectious disease expert at Vanderbilt,";
        assert_eq!(kind_after(one_side, other, Kind::Near), Kind::Related);
    }

    /// The kind after [`mark`] of a near passage between the whole of `a` and `b`, with its
    /// word diff.
    fn near_kind_after(a: &str, b: &str) -> Kind {
        let (corpus, mut p) = pair(a, b, Kind::Near);
        let (da, db) = (&corpus.documents[0], &corpus.documents[1]);
        p.diff = crate::diff::word_diff(da, p.a.span, db, p.b.span);
        p.score = crate::diff::similarity(&p.diff);
        let mut passages = [p];
        mark(&corpus, &mut passages);
        passages[0].kind
    }

    #[test]
    fn a_fact_retold_around_the_same_names_is_the_same_story() {
        let a = "On Saturday the Department of Justice, challenging Robart's ruling, turned to the \
                 powerful 9th Circuit Court of Appeals in San Francisco";
        let b = "on Saturday, the Department of Justice filed an appeal to Judge Robart's \
                 restraining order with the Ninth Circuit Court of Appeals in San Francisco.";
        assert_eq!(near_kind_after(a, b), Kind::Related);
        // A side in title case or capitals tells no names apart.
        let title_case = "On Saturday The Department Of Justice, Challenging Robart's Ruling, \
                          Turned To The Powerful 9th Circuit Court Of Appeals In San Francisco";
        assert_eq!(near_kind_after(title_case, b), Kind::Near);
        assert_eq!(
            near_kind_after(b, title_case),
            Kind::Near,
            "whichever side is a"
        );
        // The same length of text keeping its ordinary words is reuse.
        let a = "reportedly fell out of favor with their father, the late Kim Jong Il, in 2001, \
                 when he was caught trying to enter Japan on a false passport";
        let b = "reportedly fell out of favor after he was caught trying to enter Japan on a \
                 false passport";
        assert_eq!(near_kind_after(a, b), Kind::Near);
    }

    #[test]
    fn a_name_followed_by_what_it_did_stays_reuse() {
        for clause in [
            "Sessions, then a senator, was an early Trump backer and regular surrogate.",
            "Flynn, the former national security adviser, pleaded guilty to lying to the FBI.",
            "Kim, the half brother of North Korean leader Kim Jong Un, died in the airport.",
            "Johnston, a reporter for decades. He obtained the first two pages of the return.",
            "Yesterday, police arrested two men in connection with the attack,",
            "In Syria, government forces took back the ancient town of Palmyra,",
            "Meanwhile, the death toll from the earthquake in central Italy rose to 247.",
        ] {
            assert_eq!(
                kind_after(clause, clause, Kind::Verbatim),
                Kind::Verbatim,
                "{clause}"
            );
        }
        let titled = "Dr. William Schaffner, an infectious disease expert at Vanderbilt,";
        let told = "Dr. William Schaffner told reporters the vaccine works at Vanderbilt,";
        assert_eq!(kind_after(titled, told, Kind::Near), Kind::Near);
    }

    #[test]
    fn a_name_in_a_title_is_no_verb() {
        let a = "Philip Hammond, the finance minister in the cabinet of Theresa May,";
        assert_eq!(kind_after(a, a, Kind::Verbatim), Kind::Related);
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
    fn a_shouted_sentence_or_a_headline_in_title_case_is_not_names() {
        let tweet = "SEE YOU IN COURT, THE SECURITY OF OUR NATION IS AT STAKE!";
        assert_eq!(kind_after(tweet, tweet, Kind::Verbatim), Kind::Verbatim);
        let headline = "President Trump And First Lady Melania Trump Arrive In Palm Beach";
        let lead = "President Trump and first lady Melania Trump arrived in Palm Beach on Friday";
        assert_eq!(kind_after(headline, lead, Kind::Near), Kind::Near);
        // Names in capitals are names still.
        let bodies = "the UN, the OSCE and PACE, with NATO and the EU";
        assert_eq!(kind_after(bodies, bodies, Kind::Verbatim), Kind::Related);
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

    #[test]
    fn a_name_and_title_keeps_a_short_phrase_between_the_same_two_articles_company() {
        let title = "Dr. William Schaffner, an infectious disease expert at Vanderbilt University \
                     Medical Center,";
        let phrase = "Hospitals across the state reported long waits in their emergency rooms \
                      as patients arrived in growing numbers.";
        let a = format!(
            "The flu season has hit the city hard this winter, officials said on Monday. \
             {title} said the cases were not unusual for the time of year. The health \
             department urged residents to get their shots before the holidays, and schools \
             sent letters home asking parents to keep sick children away from classrooms until \
             their fevers had passed for a full day. {phrase} Doctors expect the peak in March."
        );
        let b = format!(
            "A vaccine trial begins next month in three states across the country. {title} \
             welcomed the trial as overdue. Volunteers will be paid for each visit, and the \
             researchers hope to enrol several thousand adults of all ages, including many who \
             have never taken part in a study before, by the end of the spring. {phrase} The \
             trial's organisers declined to comment."
        );
        let corpus = Corpus::from_sources(vec![Source::new("a", a), Source::new("b", b)]);
        let report = crate::reuse::find_reuse(&corpus, &crate::reuse::Options::default());
        let kind_of = |start: &str| {
            let text = &corpus.documents[0].text;
            let at = text[..text.find(start).unwrap_or(0)].chars().count();
            report
                .passages
                .iter()
                .find(|p| p.a.doc == 0 && p.a.span.start <= at && at < p.a.span.end)
                .map(|p| p.kind)
        };
        assert_eq!(kind_of("Dr. William"), Some(Kind::Related));
        assert_eq!(kind_of("Hospitals across"), Some(Kind::Verbatim));
    }
}
