//! Clusters: the occurrences of one passage across documents, as connected components of
//! passage sides that are the same text of a document: each covers most of the other. Only
//! reuse clusters: boilerplate and related links join none.

use std::collections::BTreeMap;

use super::{Cluster, Passage, Side};
use crate::corpus::Corpus;
use crate::text::Span;

/// Groups the reuse passages into clusters and sets each passage's `cluster` (none for
/// boilerplate and related links). Two sides in one document join when each covers most of
/// the other, so that a long section never glues the short passages inside it together.
/// `article_of` gives each document's article: itself, or the first of its duplicates, so that
/// copies of one article count once in a cluster's `docs`.
pub fn cluster(corpus: &Corpus, passages: &mut [Passage], article_of: &[usize]) -> Vec<Cluster> {
    let mut sets = DisjointSets::new(passages.len());
    let mut sides: Vec<(Side, usize)> = passages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_reuse())
        .flat_map(|(i, p)| [(p.a, i), (p.b, i)])
        .collect();
    sides.sort_unstable_by_key(|(s, i)| (s.doc, s.span.start, s.span.end, *i));
    for (k, (side, i)) in sides.iter().enumerate() {
        for (other, j) in sides[k + 1..]
            .iter()
            .take_while(|(o, _)| o.doc == side.doc && o.span.start < side.span.end)
        {
            if same_text(&side.span, &other.span) {
                sets.join(*i, *j);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in (0..passages.len()).filter(|&i| passages[i].is_reuse()) {
        groups.entry(sets.root(i)).or_default().push(i);
    }
    for p in passages.iter_mut() {
        p.cluster = None;
    }
    let mut clusters: Vec<Cluster> = groups
        .into_values()
        .map(|members| build(corpus, passages, members, article_of))
        .collect();
    let total = |c: &Cluster| c.members.iter().map(|m| m.span.len()).sum::<usize>();
    clusters.sort_by(|x, y| {
        (y.docs, total(y))
            .cmp(&(x.docs, total(x)))
            .then_with(|| x.passages.cmp(&y.passages))
    });
    for (id, c) in clusters.iter_mut().enumerate() {
        c.id = id;
        for &p in &c.passages {
            passages[p].cluster = Some(id);
        }
    }
    clusters
}

/// Whether two spans of one document are the same text: each covers most of the other, at
/// least two thirds (a paragraph is not the same text as the section of two it starts).
fn same_text(x: &Span, y: &Span) -> bool {
    3 * x.overlap(y) >= 2 * x.len().max(y.len())
}

/// A cluster from the passages of one component: one merged span per document.
fn build(corpus: &Corpus, passages: &[Passage], ids: Vec<usize>, article_of: &[usize]) -> Cluster {
    let mut by_doc: BTreeMap<(&str, usize), Vec<Side>> = BTreeMap::new();
    for &i in &ids {
        for side in [passages[i].a, passages[i].b] {
            by_doc
                .entry((corpus.documents[side.doc].id.as_str(), side.doc))
                .or_default()
                .push(side);
        }
    }
    let mut articles: Vec<usize> = by_doc.keys().map(|&(_, doc)| article_of[doc]).collect();
    articles.sort_unstable();
    articles.dedup();
    let docs = articles.len();
    let members: Vec<Side> = by_doc
        .into_values()
        .flat_map(|mut sides| {
            sides.sort_unstable();
            sides.into_iter().fold(Vec::<Side>::new(), |mut merged, s| {
                match merged.last_mut() {
                    Some(last) if s.span.start <= last.span.end => {
                        last.span = last.span.union(&s.span);
                    }
                    _ => merged.push(s),
                }
                merged
            })
        })
        .collect();
    let representative = representative(&members, passages, &ids);
    Cluster {
        id: 0,
        docs,
        members,
        representative,
        passages: ids,
    }
}

/// The member a list shows for a cluster: the one most of its passages touch, then the
/// longest, then the first.
fn representative(members: &[Side], passages: &[Passage], ids: &[usize]) -> usize {
    let touching = |m: &Side| {
        ids.iter()
            .filter(|&&i| {
                let p = &passages[i];
                [p.a, p.b]
                    .iter()
                    .any(|s| s.doc == m.doc && s.span.overlap(&m.span) > 0)
            })
            .count()
    };
    let mut best = 0;
    let mut best_key = (0, 0);
    for (k, m) in members.iter().enumerate() {
        let key = (touching(m), m.span.len());
        if key > best_key {
            (best, best_key) = (k, key);
        }
    }
    best
}

/// Union–find over indices (of passages, or of documents).
pub(super) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub(super) fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    pub(super) fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub(super) fn join(&mut self, i: usize, j: usize) {
        let (ri, rj) = (self.root(i), self.root(j));
        if ri != rj {
            self.parent[ri.max(rj)] = ri.min(rj);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;
    use crate::reuse::Kind;

    fn corpus(docs: usize) -> Corpus {
        let text = "word ".repeat(400);
        Corpus::from_sources(
            (0..docs)
                .map(|i| Source::new(format!("{i}"), text.clone()))
                .collect(),
        )
    }

    fn passage(
        corpus: &Corpus,
        kind: Kind,
        a: (usize, usize, usize),
        b: (usize, usize, usize),
    ) -> Passage {
        let side = |(doc, start, end): (usize, usize, usize)| Side {
            doc,
            span: corpus.documents[doc].map().span(start, end),
        };
        Passage::linking(kind, (side(a), side(b)), 10, 1.0)
    }

    #[test]
    fn a_long_section_never_glues_the_short_passages_inside_it() {
        let c = corpus(4);
        // Doc 0 shares 0..1000 with doc 1, and two short passages inside it with 2 and 3.
        let mut passages = vec![
            passage(&c, Kind::Near, (0, 0, 1000), (1, 0, 1000)),
            passage(&c, Kind::Verbatim, (0, 100, 200), (2, 0, 100)),
            passage(&c, Kind::Verbatim, (0, 600, 700), (3, 0, 100)),
        ];
        let articles: Vec<usize> = (0..c.len()).collect();
        let clusters = cluster(&c, &mut passages, &articles);
        assert_eq!(clusters.len(), 3);
        assert!(clusters.iter().all(|c| c.docs == 2));
    }

    #[test]
    fn occurrences_that_are_the_same_text_join_and_name_a_representative() {
        let c = corpus(4);
        let mut passages = vec![
            passage(&c, Kind::Verbatim, (0, 100, 300), (1, 0, 200)),
            passage(&c, Kind::Near, (0, 110, 300), (2, 50, 240)),
            passage(&c, Kind::Near, (1, 0, 190), (3, 10, 200)),
        ];
        let articles: Vec<usize> = (0..c.len()).collect();
        let clusters = cluster(&c, &mut passages, &articles);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].docs, 4);
        assert!(passages.iter().all(|p| p.cluster == Some(0)));
        // Doc 0 and doc 1 each carry two of the three passages; doc 0's copy is the longer.
        let rep = clusters[0].members[clusters[0].representative];
        assert_eq!((rep.doc, rep.span.start, rep.span.end), (0, 100, 300));
    }

    #[test]
    fn boilerplate_and_related_links_join_no_cluster() {
        let c = corpus(3);
        let mut footer = passage(&c, Kind::Verbatim, (0, 0, 100), (1, 0, 100));
        footer.boilerplate = true;
        let mut passages = vec![
            footer,
            passage(&c, Kind::Related, (0, 0, 100), (2, 0, 100)),
            passage(&c, Kind::Verbatim, (1, 0, 100), (2, 0, 100)),
        ];
        let articles: Vec<usize> = (0..c.len()).collect();
        let clusters = cluster(&c, &mut passages, &articles);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].passages, [2]);
        assert_eq!(passages[0].cluster, None);
        assert_eq!(passages[1].cluster, None);
    }
}
