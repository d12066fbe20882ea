//! Duplicate articles: documents that are the same text, or nearly so, as a whole (an article
//! an outlet posted twice). Their link is not reuse, and they count once as a partner.

use rustc_hash::FxHashMap;

use super::cluster::DisjointSets;
use super::report::covered_chars;
use super::{Kind, Passage, Side};
use crate::corpus::Corpus;

/// Least share of each document's text the passages between two documents must cover for the
/// two to be duplicates.
const DUPLICATE_SHARE: f64 = 0.9;
/// Least share of equal words of those passages: the same text, not the same story retold.
const DUPLICATE_SIMILARITY: f64 = 0.9;

/// The groups of duplicate documents (each by document id, the groups by their first id), with
/// the passages between two members of one group flagged `duplicate`.
/// Only aligned passages of nearly equal words make duplicates: a rewrite is another text.
pub fn find(corpus: &Corpus, passages: &mut [Passage]) -> Vec<Vec<usize>> {
    let mut by_pair: FxHashMap<(usize, usize), (Vec<Side>, Vec<Side>)> = FxHashMap::default();
    let same_words = |p: &&Passage| {
        matches!(p.kind, Kind::Verbatim | Kind::Near) && p.score >= DUPLICATE_SIMILARITY
    };
    for p in passages.iter().filter(|p| p.is_reuse()).filter(same_words) {
        let sides = by_pair.entry((p.a.doc, p.b.doc)).or_default();
        sides.0.push(p.a);
        sides.1.push(p.b);
    }
    let whole = |sides: &[Side]| {
        let doc = sides[0].doc;
        let share = crate::diff::ratio(covered_chars(sides), corpus.documents[doc].chars());
        share >= DUPLICATE_SHARE
    };
    let mut sets = DisjointSets::new(corpus.len());
    let mut pairs: Vec<(usize, usize)> = by_pair
        .iter()
        .filter(|(_, (a, b))| whole(a) && whole(b))
        .map(|(&pair, _)| pair)
        .collect();
    pairs.sort_unstable();
    for &(a, b) in &pairs {
        sets.join(a, b);
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &(a, b) in &pairs {
        let r = sets.root(a);
        groups.entry(r).or_default().extend([a, b]);
    }
    // Members in order of id, and groups in order of their first member: the first copy of an
    // article is the same whatever the order the documents were given in.
    let id = |doc: &usize| corpus.documents[*doc].id.as_str();
    let mut groups: Vec<Vec<usize>> = groups
        .into_values()
        .map(|mut g| {
            g.sort_unstable_by_key(id);
            g.dedup();
            g
        })
        .collect();
    groups.sort_unstable_by(|x, y| id(&x[0]).cmp(id(&y[0])));
    for p in passages.iter_mut() {
        p.duplicate = sets.root(p.a.doc) == sets.root(p.b.doc);
    }
    groups
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Corpus, Source};
    use crate::reuse::{Options, find_reuse};

    const STORY: &str = "The harbour wall collapsed late on Tuesday as a storm surge pushed \
        seawater into the lower district, forcing the evacuation of thirty homes. Emergency \
        crews said nobody was killed, but one man was taken to hospital with a broken leg.";

    #[test]
    fn an_article_posted_twice_is_a_duplicate_not_reuse_and_one_partner() {
        let other = format!(
            "Readers wrote in all week. {STORY} The council meets on Friday \
            to decide who pays for the repairs, and residents plan a protest outside."
        );
        let corpus = Corpus::from_sources(vec![
            Source::new("a", format!("Wall falls\n{STORY}")),
            Source::new("a-again", format!("Wall falls!\n{STORY}")),
            Source::new("b", other),
        ]);
        let report = find_reuse(&corpus, &Options::default());
        assert_eq!(report.duplicates, [vec![0, 1]]);
        let twin = report
            .passages
            .iter()
            .find(|p| p.a.doc == 0 && p.b.doc == 1);
        assert!(twin.is_some_and(|p| p.duplicate && !p.is_reuse()));
        // The twin is no partner, and "b" counts the pair once.
        assert_eq!(
            report.partners(0).iter().map(|p| p.doc).collect::<Vec<_>>(),
            [2]
        );
        assert_eq!(report.partners(2).len(), 1);
        assert!(report.reused_share(&corpus, 0) > 0.5);
    }
}
