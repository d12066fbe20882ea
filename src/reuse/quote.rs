//! Shared quotations: passages whose text lies inside quotation marks, on both sides (two
//! articles quoting one speaker) or on one (an article quoting a speech or a post that the
//! other prints whole), where one side is an embedded post (see [`super::post`]), or where
//! one side is a transcript (see [`super::transcript`]). They share words without one copying
//! the other.

use std::ops::Range;

use rayon::prelude::*;

use super::{Kind, Passage, Side};
use crate::corpus::{Corpus, Document};
use crate::text::Span;

/// Least share of a side's chars (or, for a rewrite, of its shared words) inside quotation
/// marks for it to be a quote.
const QUOTED_SHARE: f64 = 0.6;

/// Fewest shared words that are not names a rewrite's quote test counts alone; with fewer,
/// names count too.
const MIN_WORDS_BUT_NAMES: usize = 3;

/// The chars that may open or close a quotation.
const QUOTE_MARKS: [char; 8] = ['"', '“', '”', '«', '»', '„', '\'', '‘'];
/// How far into a paragraph (in chars) its first mark may close a quotation whose opening
/// mark the text lost (a column of quotations scraped from its second mark: `Quotable / I
/// think the EU will recognize…" Pascal Lamy, …`).
const LOST_OPENING_CHARS: usize = 600;

/// Flags the passages with a side that lies mostly inside quotation marks, that is an embedded
/// post, or that lies in a transcript.
pub fn mark(corpus: &Corpus, passages: &mut [Passage]) {
    let mut touched = vec![false; corpus.len()];
    for p in passages.iter() {
        touched[p.a.doc] = true;
        touched[p.b.doc] = true;
    }
    let quoted: Vec<Vec<Range<usize>>> = corpus
        .documents
        .par_iter()
        .zip(touched)
        .map(|(d, touched)| if touched { quotations(d) } else { Vec::new() })
        .collect();
    let transcript: Vec<bool> = corpus
        .documents
        .par_iter()
        .map(super::transcript::is_transcript)
        .collect();
    passages.par_iter_mut().for_each(|p| {
        let quoted_side = |side: Side| {
            let quotations = &quoted[side.doc];
            inside(quotations, &side.span)
                || super::post::is_post(&corpus.documents[side.doc], side.span)
                || (p.kind == Kind::Rewritten
                    && shared_words_quoted(&corpus.documents[side.doc], quotations, side, p))
        };
        let spoken = transcript[p.a.doc] || transcript[p.b.doc];
        p.quote = spoken || quoted_side(p.a) || quoted_side(p.b);
    });
}

/// Whether most of the words a rewrite is linked by (its shared words, where they stand in
/// `side`, names left out when [`MIN_WORDS_BUT_NAMES`] words remain) lie inside quotation
/// marks: two reports quoting one statement each in their own frame ("Ryan said, but later
/// commented "it is so fundamentally flawed"…").
fn shared_words_quoted(
    doc: &Document,
    quotations: &[Range<usize>],
    side: Side,
    p: &Passage,
) -> bool {
    if quotations.is_empty() || p.shared_words.is_empty() {
        return false;
    }
    // Shared words are kept as side a writes them: compare stems, as the marks do.
    let terms: Vec<u64> = p.shared_words.iter().filter_map(super::term).collect();
    // (shared, quoted) over all the shared words, and over those that are not names.
    let (mut all, mut but_names) = ((0, 0), (0, 0));
    for i in doc.token_range(side.span) {
        if !super::term(doc.word(i)).is_some_and(|t| terms.contains(&t)) {
            continue;
        }
        let at = doc.tokens()[i].start();
        let first = quotations.partition_point(|q| q.end <= at);
        let quoted = usize::from(quotations.get(first).is_some_and(|q| q.start <= at));
        all = (all.0 + 1, all.1 + quoted);
        if !doc.word(i).starts_with(char::is_uppercase) {
            but_names = (but_names.0 + 1, but_names.1 + quoted);
        }
    }
    // Names say who spoke and where, outside the quotation in any report of it: the other
    // shared words tell whose wording is shared, when there are enough of them.
    let (shared, quoted) = if but_names.0 >= MIN_WORDS_BUT_NAMES {
        but_names
    } else {
        all
    };
    shared > 0 && crate::diff::ratio(quoted, shared) >= QUOTED_SHARE
}

/// Whether most of `span` lies inside the quotations.
fn inside(quotations: &[Range<usize>], span: &Span) -> bool {
    // Quotations come in order and do not overlap: only those from the first ending past
    // the span's start can cover it.
    let first = quotations.partition_point(|q| q.end <= span.start);
    let covered: usize = quotations[first..]
        .iter()
        .take_while(|q| q.start < span.end)
        .map(|q| q.end.min(span.end).saturating_sub(q.start.max(span.start)))
        .sum();
    !span.is_empty() && crate::diff::ratio(covered, span.len()) >= QUOTED_SHARE
}

/// The char ranges of a document inside quotation marks: from an opening mark to its closing
/// one, within a paragraph, the outermost quotation only. Curly quotes and guillemets say which
/// way they go. A straight quote (double, or single as headlines use it) opens after a space,
/// a bracket or a dash and before a word, and closes after a word; any other (a stray or
/// garbled mark, common in scraped text, or an apostrophe) is passed over. A quotation never
/// closed is not counted: in text scraped without paragraph breaks, it would run on to the end
/// of the article.
pub(super) fn quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for paragraph in doc.paragraphs() {
        let text = doc.slice(*paragraph);
        // Most paragraphs hold no quotation mark at all: skip them without decoding.
        if text.contains(QUOTE_MARKS) {
            found.extend(
                quoted_in(text)
                    .into_iter()
                    .map(|r| paragraph.start + r.start..paragraph.start + r.end),
            );
        }
    }
    found
}

/// An open quotation: where its text starts, and the marks that may close it.
#[derive(Clone, Copy)]
struct Open {
    start: usize,
    closers: &'static str,
}

/// The outermost quotations of one paragraph, in chars from its start.
fn quoted_in(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Whether a mark before this char opened or closed a quotation.
    let mut marked = false;
    let mut before: Option<char> = None;
    // The last char before this one that is not a space.
    let mut visible: Option<char> = None;
    let chars = with_paired_apostrophes_as_quotes(&text.chars().collect::<Vec<_>>());
    for (k, &c) in chars.iter().enumerate() {
        let mark = Mark {
            c,
            before,
            after: chars.get(k + 1).copied(),
            then: chars.get(k + 2).copied(),
        };
        if mark.is_stray() {
            // Passed over.
        } else if !marked && k <= LOST_OPENING_CHARS && closes_unopened(mark) {
            // The paragraph's first mark closes a quotation that opened before the text does.
            found.push(0..k);
        } else if let Some(depth) = closing(&stack, mark) {
            marked = true;
            let outer = stack[0].start;
            stack.truncate(depth);
            if stack.is_empty() {
                found.push(outer..k);
            }
        } else if let Some(closers) = opening(mark) {
            marked = true;
            // A quoted paragraph that goes on opens again without closing: with the paragraph
            // breaks lost, `end. "Next` closes the quotation before it.
            let straight = |closers: &str| closers == "\"";
            if straight(closers)
                && stack.len() == 1
                && straight(stack[0].closers)
                && visible.is_some_and(|v| ".!?".contains(v))
            {
                found.push(stack[0].start..k);
                stack.clear();
            }
            // A runaway stack means the marks are garbled: keep only the outermost.
            if stack.len() < 4 {
                stack.push(Open {
                    start: k + 1,
                    closers,
                });
            }
        }
        // A scraper writes a lost space after a closing quote as `?` (`"ill-explained."?"the
        // opinion…`): the next mark is read as coming after a space.
        let garbled_space = c == '?' && before == Some('"');
        before = Some(if garbled_space { ' ' } else { c });
        if !c.is_whitespace() {
            visible = Some(c);
        }
    }
    found
}

/// Whether the mark can only close a quotation: a closing curly quote or guillemet, or a
/// straight double quote, after a word and before a space or the end (`reformulated." Pascal`;
/// not a scraper's garbled apostrophe, `states"?ambassadors`).
fn closes_unopened(mark: Mark) -> bool {
    let after_word = mark.before.is_some_and(|b| !b.is_whitespace());
    let before_space = mark.after.is_none_or(char::is_whitespace);
    matches!(mark.c, '"' | '”' | '»') && after_word && before_space
}

/// Two apostrophes in a row stand for a straight double quote in some scraped text
/// (`''We will work with our allies''`): such a pair is read as one `"` and a space, the
/// space on the side that faces away from its quotation, so that every char keeps its place.
/// A pair opens where a straight quote would (after a space, a bracket, a dash or a colon,
/// and before a word) and closes after a word and before no letter; any other pair (`it''s`)
/// and runs of three or more are left as they are.
fn with_paired_apostrophes_as_quotes(text: &[char]) -> Vec<char> {
    let mut chars = text.to_owned();
    let apostrophe = |k: usize| text.get(k) == Some(&'\'');
    for k in 1..text.len() {
        let lone_pair = apostrophe(k - 1)
            && apostrophe(k)
            && !(k >= 2 && apostrophe(k - 2))
            && !apostrophe(k + 1);
        if !lone_pair {
            continue;
        }
        let before = k.checked_sub(2).map(|b| text[b]);
        let after = text.get(k + 1).copied();
        let opens = before.is_none_or(|b| b.is_whitespace() || "([{—–-:".contains(b))
            && after.is_some_and(|a| a.is_alphanumeric() || "(.…$£€#@".contains(a));
        let closes =
            before.is_some_and(|b| !b.is_whitespace()) && !after.is_some_and(char::is_alphanumeric);
        if opens {
            (chars[k - 1], chars[k]) = (' ', '"');
        } else if closes {
            (chars[k - 1], chars[k]) = ('"', ' ');
        }
    }
    chars
}

/// A quotation mark candidate in its context.
#[derive(Clone, Copy)]
struct Mark {
    c: char,
    before: Option<char>,
    after: Option<char>,
    /// The char after `after`.
    then: Option<char>,
}

impl Mark {
    /// Whether the mark stands where a quotation opens: after a space, a bracket or a dash
    /// and before a word (or a tweet's hashtag or handle: `"#FDNY mourns…`).
    fn opens_here(self) -> bool {
        self.before
            .is_none_or(|b| b.is_whitespace() || "([{—–-:".contains(b))
            && self
                .after
                .is_some_and(|a| a.is_alphanumeric() || "‘'\"(.…$£€#@".contains(a))
    }

    /// A straight quote between a space and a `?` or a replacement char: an em dash garbled
    /// by a scraper (`alone "? and`), not a quotation mark.
    fn is_stray(self) -> bool {
        self.c == '"'
            && self.before.is_some_and(char::is_whitespace)
            && self.after.is_some_and(|a| a == '?' || a == '\u{fffd}')
    }
}

/// The marks that close a quotation the mark opens, if it opens one.
fn opening(mark: Mark) -> Option<&'static str> {
    match mark.c {
        '“' => Some("”"),
        '«' => Some("»"),
        '„' => Some("“”"),
        '‘' if !mark.before.is_some_and(char::is_alphanumeric) => Some("’"),
        '"' if mark.opens_here() => Some("\""),
        // A single quote quotes before a capital ('At least…'); before a digit or a small
        // letter it is more often an elision ('90s, 'n').
        '\'' if mark.opens_here() && mark.after.is_some_and(char::is_uppercase) => Some("'"),
        _ => None,
    }
}

/// The depth the stack falls back to when the mark closes one of its quotations, if it does.
/// A straight quote closes where it could not open (scraped text often has `cards, " says`);
/// a single one closes only after a word and before a non-letter (so that "don't" and
/// "Trump’s" close nothing), and only the innermost quotation: it is more often an apostrophe.
fn closing(stack: &[Open], mark: Mark) -> Option<usize> {
    let after_word = mark.before.is_some_and(|b| !b.is_whitespace());
    let single = matches!(mark.c, '\'' | '’');
    let fits = match mark.c {
        '"' => after_word || !mark.opens_here(),
        '\'' | '’' => {
            // `workers' union`: a plural's possessive, not the end of a quotation.
            let possessive = mark.before == Some('s')
                && mark.after.is_some_and(char::is_whitespace)
                && mark.then.is_some_and(char::is_lowercase);
            after_word && !possessive && !mark.after.is_some_and(char::is_alphanumeric)
        }
        _ => true,
    };
    if !fits {
        return None;
    }
    let depth = stack
        .iter()
        .rposition(|open| open.closers.contains(mark.c))?;
    (!single || depth + 1 == stack.len()).then_some(depth)
}

/// The quote flag of every reuse-kind passage found between `sources`, for the tests of the
/// rules that set it. Panics when no such passage is found.
#[cfg(test)]
pub(super) fn flags_of(sources: Vec<crate::corpus::Source>) -> Vec<bool> {
    let corpus = Corpus::from_sources(sources);
    let report = super::find_reuse(&corpus, &super::Options::default());
    let linked: Vec<bool> = report
        .passages
        .iter()
        .filter(|p| p.kind.is_reuse())
        .map(|p| p.quote)
        .collect();
    assert!(!linked.is_empty(), "the shared text is not found");
    linked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn quoted(text: &str) -> Vec<String> {
        let d = Document::new(Source::new("q", text));
        quotations(&d)
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    #[test]
    fn quotations_run_between_their_marks_within_a_paragraph() {
        assert_eq!(
            quoted("He said “we will rebuild” and \"soon\".\nShe said: “it is over"),
            ["we will rebuild", "soon"]
        );
        assert!(quoted("No quotes here.").is_empty());
    }

    #[test]
    fn a_first_mark_that_only_closes_quotes_the_text_before_it() {
        // A column of quotations scraped without its first opening mark.
        assert_eq!(
            quoted("Quotable\nI think the harbour will reopen in May.\" Ann Lee, mayor. \"Next.\""),
            ["I think the harbour will reopen in May.", "Next."]
        );
        // An apostrophe is no mark, and a garbled one (`states"?ambassadors`) closes nothing.
        assert_eq!(
            quoted("Quotable\nThe city's port will reopen.\" Ann Lee, mayor."),
            ["The city's port will reopen."]
        );
        assert!(quoted("Port news\nMember states\"?envoys met on Monday.").is_empty());
        // Past the first few sentences, a lone closing mark is garbled, not a quotation.
        let long = format!(
            "Port news\n{} it ends.\" Then more.",
            "The port reopened. ".repeat(40)
        );
        assert!(quoted(&long).is_empty());
    }

    #[test]
    fn a_quotation_inside_a_quotation_does_not_close_it() {
        assert_eq!(
            quoted("He said “they gave «a promise» to us” then left."),
            ["they gave «a promise» to us"]
        );
        assert_eq!(quoted("Sie sagte „wir kommen“ gestern."), ["wir kommen"]);
    }

    #[test]
    fn a_quoted_tweet_may_open_on_a_hashtag_or_a_handle() {
        let text = "It wrote \"#FDNY mourns the loss of EMT Yadira Arroyo,\" and \"@POTUS came\".";
        assert_eq!(
            quoted(text),
            ["#FDNY mourns the loss of EMT Yadira Arroyo,", "@POTUS came"]
        );
    }

    #[test]
    fn two_apostrophes_quote_as_a_double_quote_does() {
        let text = "the ride over.  ''We will work with our allies.\" Trump in car: ''We are \
                    also taking steps.'' Then";
        assert_eq!(
            quoted(text),
            ["We will work with our allies.", "We are also taking steps."]
        );
        assert!(quoted("It's the '' mark alone, and rock 'n' roll.").is_empty());
        assert_eq!(
            quoted("(''We will win'') and said:''Soon''"),
            ["We will win", "Soon"]
        );
        // Inside a quotation, a doubled apostrophe in a word closes nothing.
        assert_eq!(quoted("He said \"it''s over\" then."), ["it''s over"]);
        assert!(quoted("x''''y and '''Bold''' text").is_empty());
    }

    #[test]
    fn a_stray_straight_quote_opens_nothing() {
        // A garbled dash after a word, then a real quotation.
        let text = "the residents\"?freedom to travel, said \"irreparable harm\" was done.";
        assert_eq!(quoted(text), ["irreparable harm"]);
    }

    #[test]
    fn a_straight_quote_inside_a_straight_quotation_nests() {
        let text = "He wrote: \"Obama had my \"wires tapped\" in the Tower. Sad!\" and left.";
        assert_eq!(
            quoted(text),
            ["Obama had my \"wires tapped\" in the Tower. Sad!"]
        );
    }

    #[test]
    fn a_garbled_dash_neither_opens_nor_closes_a_quotation() {
        // Scraped text turns an em dash into `"?`.
        let text = "Trump said, \"In Chicago \"? and elsewhere \"? it is not acceptable.\" Then";
        assert_eq!(
            quoted(text),
            ["In Chicago \"? and elsewhere \"? it is not acceptable."]
        );
        assert_eq!(
            quoted("got him elected \"? and he knows it. \"Americans first,\" he said."),
            ["Americans first,"]
        );
    }

    #[test]
    fn a_space_garbled_after_a_closing_quote_still_lets_the_next_quotation_open() {
        let text = "the order was \"ill-explained.\"?\"the opinion of this so-called judge is \
                    ridiculous!\"?Trump tweeted.";
        assert_eq!(
            quoted(text),
            [
                "ill-explained.",
                "the opinion of this so-called judge is ridiculous!"
            ]
        );
    }

    #[test]
    fn elisions_and_possessives_do_not_open_or_close_single_quotations() {
        assert_eq!(
            quoted("In the '90s we said 'It was fine' again, rock 'n' roll."),
            ["It was fine"]
        );
        assert_eq!(
            quoted("He wrote: 'The workers' union will strike' and left."),
            ["The workers' union will strike"]
        );
        // A straight quote after a stop does not end a curly quotation.
        assert_eq!(
            quoted("“It ended. \"Fake news\" is what they call it, and more” he said."),
            ["It ended. \"Fake news\" is what they call it, and more"]
        );
    }

    #[test]
    fn a_quote_closes_after_a_space_and_a_quoted_paragraph_may_go_on() {
        assert_eq!(
            quoted("Daily  \"Europe is key to us, \" says Wu. Then \"more\" came."),
            ["Europe is key to us, ", "more"]
        );
        // The scrape lost the break between two quoted paragraphs of one speaker.
        assert_eq!(
            quoted("He said \"we need our allies to pay. \"Many nations owe money,\" he said."),
            ["we need our allies to pay. ", "Many nations owe money,"]
        );
    }

    #[test]
    fn single_quotes_quote_as_headlines_use_them_but_apostrophes_do_not() {
        assert_eq!(
            quoted("Trump tells Merkel: 'At least we have something in common' in nod"),
            ["At least we have something in common"]
        );
        assert_eq!(
            quoted("Comey: 'You're stuck with me for another 6 years'"),
            ["You're stuck with me for another 6 years"]
        );
        assert!(quoted("The workers' union said it's Trump’s plan, rock ’n’ roll.").is_empty());
        assert_eq!(
            quoted("She said “it was ‘unlikely’ at best” and left."),
            ["it was ‘unlikely’ at best"]
        );
    }

    #[test]
    fn a_rewrite_is_a_quote_when_its_shared_words_are_quoted() {
        let a = "He said \"I'm really proud of the bill we produced,\" but later called it a \
                 \"fundamentally flawed\" piece of legislation.";
        let b = "\"I'm really proud of the bills we produce,\" Ryan said, but later commented \
                 \"it is so fundamentally flawed\" that he could not prop it up.";
        let corpus = Corpus::from_sources(vec![Source::new("a", a), Source::new("b", b)]);
        let whole = |doc: usize, text: &str| Side {
            doc,
            span: corpus.documents[doc].map().span(0, text.chars().count()),
        };
        let quoted_after = |kind: Kind, shared: &[&str]| {
            let mut p = Passage::linking(kind, (whole(0, a), whole(1, b)), 20, 0.6);
            for word in shared {
                p.shared_words.push(word);
            }
            let mut passages = [p];
            mark(&corpus, &mut passages);
            passages[0].quote
        };
        let quoted_words = ["proud", "bill", "produced", "fundamentally", "flawed"];
        assert!(quoted_after(Kind::Rewritten, &quoted_words));
        assert!(!quoted_after(Kind::Rewritten, &["later", "said", "bill"]));
        assert!(
            !quoted_after(Kind::Near, &quoted_words),
            "a near passage counts its chars"
        );
    }

    #[test]
    fn names_outside_the_quotation_do_not_make_a_quoted_rewrite_reuse() {
        let a = "The committee's chairman, Rep. Devin Nunes, R-Calif., said, \"I don't think \
                 there was an actual tap of Trump Tower.\"";
        let b = "\"I don't think there was an actual tap of Trump Tower,\" House Intelligence \
                 Committee chairman Rep. Devin Nunes, R-Calif., said at a news conference.";
        let corpus = Corpus::from_sources(vec![Source::new("a", a), Source::new("b", b)]);
        let whole = |doc: usize, text: &str| Side {
            doc,
            span: corpus.documents[doc].map().span(0, text.chars().count()),
        };
        let quoted_after = |shared: &[&str]| {
            let mut p = Passage::linking(Kind::Rewritten, (whole(0, a), whole(1, b)), 30, 0.7);
            for word in shared {
                p.shared_words.push(word);
            }
            let mut passages = [p];
            mark(&corpus, &mut passages);
            passages[0].quote
        };
        let names = ["devin", "nunes", "calif", "rep", "trump", "tower"];
        let spoken = ["don't", "think", "actual", "tap", "chairman"];
        assert!(quoted_after(&[&names[..], &spoken[..]].concat()));
        // With fewer than three shared words that are not names, the names count too.
        assert!(!quoted_after(&[&names[..], &["actual"][..]].concat()));
        // The reporter's own words shared outside the quotation keep it reuse.
        let framed = ["chairman", "committee's", "conference", "said", "think"];
        assert!(!quoted_after(&[&names[..], &framed[..]].concat()));
    }

    #[test]
    fn a_side_is_a_quote_when_most_of_it_is_quoted() {
        let text = "Officials said \"the wall will stand for fifty more years\" on Monday.";
        let d = Document::new(Source::new("q", text));
        let q = quotations(&d);
        let start = text.find("the wall").unwrap_or(0);
        assert!(inside(&q, &d.map().span(start, start + 40)));
        assert!(!inside(&q, &d.map().span(0, text.chars().count())));
    }
}
