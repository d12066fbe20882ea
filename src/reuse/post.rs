//! Embedded posts: a page that embeds a tweet keeps, once scraped, the post's words as a block
//! of their own, set off by a line break or a run of spaces, with no quotation marks ("Trump
//! alleged in a series of tweets that Obama had his phones tapped.  How low has President Obama
//! gone to tapp my phones…!   Terrible!…"). Two articles that embed one post quote its author:
//! a side that is such a block is a quotation.

use crate::corpus::Document;
use crate::text::Span;

/// Most words a post block may have.
const MAX_WORDS: usize = 60;
/// Least share of its block a side must cover to be the post, not a passage inside a
/// paragraph.
const MIN_COVER: f64 = 0.8;
/// How far before a block (in bytes) the article may say it shows a post.
const LEAD_BYTES: usize = 250;
/// Words of a lead that say a post follows, in lower case.
const LEAD_WORDS: &[&str] = &["tweet", "twitter", "instagram", "facebook", "posted"];

/// Whether `span` of `doc` is most of a short block set off by line breaks or runs of spaces
/// that is a post: it holds a handle, a hashtag or a short link, or the text just before it
/// says a post follows.
pub fn is_post(doc: &Document, span: Span) -> bool {
    if doc.token_range(span).len() > MAX_WORDS {
        return false;
    }
    let text = doc.text.as_str();
    let Some((start, end)) = set_off_block(doc, span) else {
        return false;
    };
    let body = &text[start..end];
    let words = body.split_whitespace().count();
    if words == 0 || words > MAX_WORDS {
        return false;
    }
    let lead_start = floor_boundary(text, start.saturating_sub(LEAD_BYTES));
    let lead = text[lead_start..start].to_lowercase();
    has_post_marks(body) || LEAD_WORDS.iter().any(|w| lead.contains(w))
}

/// The bytes of the block set off by line breaks or runs of spaces that `span` of `doc` is
/// most of (at least [`MIN_COVER`]), if it is most of one.
pub(super) fn set_off_block(doc: &Document, span: Span) -> Option<(usize, usize)> {
    let (start, end) = block(&doc.text, span.byte_start, span.byte_end)?;
    let cover = crate::diff::ratio(span.byte_end - span.byte_start, end - start);
    (cover >= MIN_COVER).then_some((start, end))
}

/// The block around bytes `start..end` of `text`: from just after the last line break or run
/// of two spaces before it to the first one after it, its ends trimmed. Only a block the span
/// could cover [`MIN_COVER`] of is looked for, so the search reaches a quarter of the span's
/// length to each side: `None` when no break lies that near.
fn block(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let reach = (end - start) / 4 + 2;
    let window_start = floor_boundary(text, start.saturating_sub(reach));
    let window_end = ceil_boundary(text, (end + reach).min(text.len()));
    let before = &text[window_start..start];
    let last_break = [before.rfind('\n'), before.rfind("  ")]
        .into_iter()
        .flatten()
        .max();
    let from = match last_break {
        Some(at) => window_start + at + 1,
        None if window_start == 0 => 0,
        None => return None,
    };
    let after = &text[end..window_end];
    let next_break = [after.find('\n'), after.find("  ")]
        .into_iter()
        .flatten()
        .min();
    let to = match next_break {
        Some(at) => end + at,
        None if window_end == text.len() => text.len(),
        None => return None,
    };
    let lead = text[from..start].len() - text[from..start].trim_start().len();
    let tail = text[end..to].len() - text[end..to].trim_end().len();
    Some((from + lead, to - tail))
}

/// Whether `body` holds a handle (`@POTUS`), a hashtag (`#sisterlove`) or a short link.
fn has_post_marks(body: &str) -> bool {
    let tagged = body.split_whitespace().any(|w| {
        let mut chars = w.chars();
        matches!(chars.next(), Some('@' | '#')) && chars.next().is_some_and(char::is_alphabetic)
    });
    tagged || body.contains("t.co/") || body.contains("pic.twitter.com")
}

/// The smallest char boundary of `text` at or after `at`.
fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    /// Whether `part` of `text` is a post.
    fn post(text: &str, part: &str) -> bool {
        let doc = Document::new(Source::new("d", text));
        let byte = text.find(part).expect("part in text");
        let span = doc.map().span_of_bytes(byte, byte + part.len());
        is_post(&doc, span)
    }

    const TWEET: &str = "How low has the mayor gone to close the harbour during the sacred \
                         festival week. Bad (or sick) guy!";

    #[test]
    fn a_tweet_set_off_after_its_lead_is_a_post() {
        let text = format!(
            "Harbour row\nThe governor replied in a series of tweets on Sunday.  {TWEET}   \
             The mayor's office did not answer calls about the closure, which began on Friday."
        );
        assert!(post(&text, TWEET));
    }

    #[test]
    fn a_block_with_a_handle_or_hashtag_is_a_post() {
        let tagged = "So disappointed in the @CityHall decision on the harbour. #sailors";
        let text =
            format!("Harbour row\nThe closure angered many.  {tagged}  The port stays shut.");
        assert!(post(&text, tagged));
    }

    #[test]
    fn a_sentence_inside_a_paragraph_or_a_plain_short_paragraph_is_not() {
        let inside = format!(
            "Harbour row\nThe governor replied on Twitter. {TWEET} The mayor's office did not \
             answer calls about the closure, which began on Friday."
        );
        assert!(!post(&inside, TWEET));
        let plain = format!(
            "Harbour row\nThe closure began on Friday.  {TWEET}  The mayor's office did not \
             answer."
        );
        assert!(!post(&plain, TWEET));
    }

    #[test]
    fn two_articles_embedding_one_post_quote_it_and_a_shared_paragraph_stays_reuse() {
        let post = "So disappointed in the @CityHall decision to close the old harbour to the \
                    fishing boats during the whole festival week and for the market days after \
                    it. #sailors";
        let first = format!(
            "Harbour row\nFishermen protested on Monday after the council voted to close the \
             harbour. The singer wrote:  {post}  The council said the vote was final and that \
             the harbour would open again on the first day of next month."
        );
        let second = format!(
            "Singer joins harbour protest\nThe folk singer, who grew up in the port, joined the \
             protest online.  {post}  Her concert in the square on Saturday is still planned, \
             her agent said, and tickets are on sale."
        );
        let quotes = |a: &str, b: &str| {
            crate::reuse::quote::flags_of(vec![Source::new("a", a), Source::new("b", b)])
        };
        assert!(quotes(&first, &second).iter().all(|&quote| quote));
        let plain = post
            .replace("@CityHall", "council's")
            .replace(" #sailors", "");
        let (first, second) = (first.replace(post, &plain), second.replace(post, &plain));
        assert!(quotes(&first, &second).iter().all(|&quote| !quote));
    }
}
