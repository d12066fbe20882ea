//! The rows of the passages screen: every cluster of reused text, then, apart, the outlets'
//! boilerplate and the same-story links; and the occurrences of one row with their word
//! differences against its representative.

use std::collections::BTreeMap;

use crate::app::ids::{ClusterId, DocId, PassageId};
use crate::corpus::{Corpus, Document};
use crate::diff::{Change, word_diff};
use crate::reuse::{Kind, Report, Side};
use crate::text::printable;

/// What a group of occurrences is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// Reused text: a cluster of the engine.
    Reuse,
    /// A cluster whose text lies inside quotation marks: a shared quotation, not reuse.
    Quote,
    /// Template text of one outlet, repeated across its articles.
    Boilerplate,
    /// The same story told apart in two articles: not reuse.
    Related,
}

/// One row of the passages screen: a passage and where it occurs.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Reuse, boilerplate or same story.
    pub kind: GroupKind,
    /// The engine's cluster, for reuse.
    pub cluster: Option<ClusterId>,
    /// Its occurrences, by document then position.
    pub members: Vec<Side>,
    /// The occurrence a list shows: an index into `members`.
    pub representative: usize,
    /// Number of distinct articles it is in.
    pub docs: usize,
    /// The outlets it is in, sorted, each once (safe to show).
    pub outlets: Vec<String>,
    /// Length of the representative occurrence, in words.
    pub words: usize,
    /// Its kind as the reader names it ("near", "verbatim quote", "boilerplate"…).
    pub label: String,
    /// The passages linking its occurrences.
    pub passages: Vec<PassageId>,
}

impl Group {
    /// The representative occurrence.
    pub fn shown(&self) -> Side {
        self.members[self.representative]
    }

    /// Whether it is listed apart (dimmed): not reuse.
    pub fn apart(&self) -> bool {
        match self.kind {
            GroupKind::Reuse => false,
            GroupKind::Quote | GroupKind::Boilerplate | GroupKind::Related => true,
        }
    }
}

/// Every group of the report: reuse clusters ranked by articles then length, then, apart,
/// shared quotations, the boilerplate of each outlet and the same-story links.
pub fn groups(corpus: &Corpus, report: &Report) -> Vec<Group> {
    let (mut reuse, mut quotes): (Vec<Group>, Vec<Group>) = report
        .clusters
        .iter()
        .filter_map(|c| {
            let passages: Vec<PassageId> = c.passages.iter().map(|&p| PassageId(p)).collect();
            let quote = most_are_quotes(report, &passages);
            let kind = if quote {
                GroupKind::Quote
            } else {
                GroupKind::Reuse
            };
            let label = common_label(report, &passages);
            group(corpus, kind, c.members.clone(), c.representative, label)
                .map(|g| g.with(Some(ClusterId(c.id)), passages, c.docs))
        })
        .partition(|g| g.kind == GroupKind::Reuse);
    let rank = |g: &Group| (std::cmp::Reverse(g.docs), std::cmp::Reverse(g.words));
    reuse.sort_by_key(|g| (rank(g), g.cluster));
    quotes.sort_by_key(|g| (rank(g), g.cluster));
    let mut boilerplate = boilerplate(corpus, report);
    boilerplate.sort_by_key(|g| (rank(g), g.members.first().copied()));
    reuse.extend(quotes);
    reuse.extend(boilerplate);
    reuse.extend(related(corpus, report));
    reuse
}

/// Whether most of `passages` are shared quotations.
fn most_are_quotes(report: &Report, passages: &[PassageId]) -> bool {
    let quotes = passages
        .iter()
        .filter(|id| report.passages[id.0].quote)
        .count();
    quotes * 2 > passages.len()
}

impl Group {
    fn with(mut self, cluster: Option<ClusterId>, passages: Vec<PassageId>, docs: usize) -> Self {
        self.cluster = cluster;
        self.passages = passages;
        self.docs = docs;
        self
    }
}

/// A group of `members`, `representative` among them, its figures filled in; none without
/// members.
fn group(
    corpus: &Corpus,
    kind: GroupKind,
    members: Vec<Side>,
    representative: usize,
    label: String,
) -> Option<Group> {
    let representative = representative.min(members.len().checked_sub(1)?);
    let mut outlets: Vec<String> = members
        .iter()
        .map(|m| printable(&corpus.documents[m.doc].group))
        .collect();
    outlets.sort();
    outlets.dedup();
    let mut docs: Vec<usize> = members.iter().map(|m| m.doc).collect();
    docs.dedup();
    let rep = members[representative];
    let words = corpus.documents[rep.doc].words_in(rep.span);
    Some(Group {
        kind,
        cluster: None,
        representative,
        docs: docs.len(),
        outlets,
        words,
        label,
        passages: Vec::new(),
        members,
    })
}

/// The label most of `passages` have (ties to the first in order).
fn common_label(report: &Report, passages: &[PassageId]) -> String {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (order, id) in passages.iter().enumerate() {
        let entry = counts
            .entry(report.passages[id.0].label())
            .or_insert((0, order));
        entry.0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(label, _)| label)
        .unwrap_or_default()
}

/// Words that key a boilerplate span: enough to tell one template from another.
const KEY_WORDS: usize = 6;

/// The boilerplate spans of each outlet grouped by their first words: one group per template,
/// kept when it is in two articles or more. The words are read off the text itself, so that
/// listing them needs no article's analysis (a reader opened on cached findings).
fn boilerplate(corpus: &Corpus, report: &Report) -> Vec<Group> {
    let mut by_key: BTreeMap<(String, Vec<String>), Vec<Side>> = BTreeMap::new();
    for side in &report.boilerplate {
        let document = &corpus.documents[side.doc];
        let key: Vec<String> = document
            .slice(side.span)
            .split_whitespace()
            .map(|w| crate::text::normalize_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .filter(|w| !w.is_empty())
            .take(KEY_WORDS)
            .collect();
        by_key
            .entry((document.group.clone(), key))
            .or_default()
            .push(*side);
    }
    by_key
        .into_values()
        .filter_map(|mut members| {
            members.sort_unstable();
            let docs = members.windows(2).filter(|w| w[0].doc != w[1].doc).count() + 1;
            let label = "boilerplate".to_owned();
            (docs >= 2)
                .then(|| group(corpus, GroupKind::Boilerplate, members, 0, label))
                .flatten()
        })
        .collect()
}

/// One group per same-story link.
fn related(corpus: &Corpus, report: &Report) -> Vec<Group> {
    report
        .passages
        .iter()
        .filter(|p| p.kind == Kind::Related && !p.boilerplate)
        .filter_map(|p| {
            let label = "same story".to_owned();
            let group = group(corpus, GroupKind::Related, vec![p.a, p.b], 0, label)?;
            Some(group.with(None, vec![PassageId(p.id)], 2))
        })
        .collect()
}

/// A run of an excerpt and how it differs from the representative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text, safe to show, white space collapsed, with what stands after its last word up
    /// to the next piece (a space, a hyphen, the side's closing full stop).
    pub text: String,
    /// How it differs (`Equal` for the same words).
    pub change: Change,
}

/// One occurrence of a group as its detail pane lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    /// The article.
    pub doc: DocId,
    /// Where it is in the article.
    pub side: Side,
    /// Its title (safe to show).
    pub title: String,
    /// Its outlet (safe to show).
    pub outlet: String,
    /// Where the occurrence starts, as a share (0..=1) of the article.
    pub at: f64,
    /// Whether it is the representative.
    pub representative: bool,
    /// Words of its text from a little before its first difference with the representative,
    /// the differing ones marked.
    pub excerpt: Vec<Piece>,
    /// Number of differing runs.
    pub edits: usize,
}

/// Words of context shown before the first difference.
const CONTEXT_WORDS: usize = 4;
/// Most words an excerpt keeps: a line or two.
const EXCERPT_WORDS: usize = 40;

/// The occurrences of `group`, the representative first, each with its word differences
/// against the representative.
pub fn occurrences(corpus: &Corpus, group: &Group) -> Vec<Occurrence> {
    let rep = group.shown();
    let rep_doc = &corpus.documents[rep.doc];
    let mut order: Vec<usize> = (0..group.members.len()).collect();
    order.sort_by_key(|&i| (i != group.representative, i));
    order
        .into_iter()
        .map(|i| {
            let side = group.members[i];
            let document = &corpus.documents[side.doc];
            let (excerpt, edits) = if i == group.representative {
                (plain_excerpt(document, side), 0)
            } else {
                diff_excerpt(rep_doc, rep, document, side)
            };
            Occurrence {
                doc: DocId(side.doc),
                side,
                title: printable(&document.title),
                outlet: printable(&document.group),
                at: crate::diff::ratio(side.span.start, document.chars()),
                representative: i == group.representative,
                excerpt,
                edits,
            }
        })
        .collect()
}

/// The first words of `side`, unmarked.
fn plain_excerpt(document: &Document, side: Side) -> Vec<Piece> {
    let tokens = document.token_range(side.span);
    let end = tokens.start + tokens.len().min(EXCERPT_WORDS);
    vec![Piece {
        text: piece_text(document, side, tokens.start..end),
        change: Change::Equal,
    }]
}

/// The words of `side` from a little before its first difference with `rep`, the runs that
/// differ marked; and the number of differing runs.
fn diff_excerpt(
    rep_doc: &Document,
    rep: Side,
    document: &Document,
    side: Side,
) -> (Vec<Piece>, usize) {
    let ops = word_diff(rep_doc, rep.span, document, side.span);
    let edits = ops.iter().filter(|op| op.change != Change::Equal).count();
    let tokens = document.token_range(side.span);
    let first_edit = ops
        .iter()
        .find(|op| op.change != Change::Equal)
        .map_or(tokens.start, |op| {
            document.token_range(op.b).start.min(tokens.end)
        });
    let mut from = first_edit.saturating_sub(CONTEXT_WORDS).max(tokens.start);
    let end = (from + EXCERPT_WORDS).min(tokens.end);
    let mut pieces = Vec::new();
    for op in &ops {
        let range = document.token_range(op.b);
        let (start, stop) = (range.start.max(from), range.end.min(end));
        if op.change == Change::Deleted && range.start >= from && range.start <= end {
            // Words only the representative has: shown from its side, struck.
            let gone = rep_doc.token_range(op.a);
            let cut = gone.start..gone.end.min(gone.start + 6);
            pieces.push(Piece {
                text: format!("{} ", words_text(rep_doc, cut)),
                change: Change::Deleted,
            });
        } else if start < stop {
            pieces.push(Piece {
                text: piece_text(document, side, start..stop),
                change: op.change,
            });
            from = stop;
        }
    }
    (pieces, edits)
}

/// The text of `side` of `document` from word `range.start` up to word `range.end` (what
/// stands between the last word and the next kept: a hyphen, a space), from the side's start
/// at its first word and to its end at its last (a sign before, a full stop after); white
/// space collapsed and made safe to show. Pieces of one side put end to end give its text.
fn piece_text(document: &Document, side: Side, range: std::ops::Range<usize>) -> String {
    if range.is_empty() {
        return String::new();
    }
    let tokens = document.token_range(side.span);
    let start = if range.start <= tokens.start {
        side.span.start
    } else {
        document.word_span(range.start).start
    };
    let end = if range.end >= tokens.end {
        side.span.end
    } else {
        document.word_span(range.end).start
    };
    let text = printable(document.slice(document.map().span(start, end.max(start))));
    let mut collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.ends_with(char::is_whitespace) {
        collapsed.push(' ');
    }
    collapsed
}

/// The text of tokens `range` of `document`, from the first one's start to the last one's
/// end, white space collapsed and made safe to show.
fn words_text(document: &Document, range: std::ops::Range<usize>) -> String {
    if range.is_empty() {
        return String::new();
    }
    let span = document.token_span(range);
    let text = printable(document.slice(span));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::reuse::{Options, find_reuse};

    const BEFORE: &str = "The storm surge pushed water over the Kestrel Point sea wall late on \
                          Monday, and a";
    const AFTER: &str = "section of it collapsed into the harbour while the lower streets of \
                         the town were flooded.";

    #[test]
    fn an_occurrence_reads_as_the_article_writes_it() {
        let corpus = Corpus::from_sources(vec![
            Source::new(
                "a",
                format!("Wall\nNews. {BEFORE} 60-metre {AFTER} More soon."),
            ),
            Source::new(
                "b",
                format!("Flood\nToday. {BEFORE} 65-metre {AFTER} Later."),
            ),
        ]);
        let report = find_reuse(&corpus, &Options::default());
        let group = groups(&corpus, &report)
            .into_iter()
            .find(|g| g.kind == GroupKind::Reuse)
            .expect("the shared passage");
        let texts: Vec<String> = occurrences(&corpus, &group)
            .iter()
            .map(|o| o.excerpt.iter().map(|p| p.text.as_str()).collect())
            .collect();
        assert_eq!(texts.len(), 2);
        for text in &texts {
            let written = [&corpus.documents[0].text, &corpus.documents[1].text];
            assert!(
                written.iter().any(|w| w.contains(text.trim_end())),
                "{text}"
            );
        }
        assert!(
            texts[1].contains("a 65-metre section of it"),
            "{}",
            texts[1]
        );
    }
}
