//! Clusters: the occurrences of one passage across documents, as connected components of
//! passage sides that overlap within a document.

use std::collections::BTreeMap;

use super::{Cluster, Passage, Side};
use crate::corpus::Corpus;

/// Groups passages into clusters and sets each passage's `cluster`. Two sides in one document
/// join when they overlap by at least half of the shorter one.
pub fn cluster(corpus: &Corpus, passages: &mut [Passage]) -> Vec<Cluster> {
    let mut sets = DisjointSets::new(passages.len());
    let mut sides: Vec<(Side, usize)> = passages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| [(p.a, i), (p.b, i)])
        .collect();
    sides.sort_unstable_by_key(|(s, i)| (s.doc, s.span.start, s.span.end, *i));
    for (k, (side, i)) in sides.iter().enumerate() {
        for (other, j) in sides[k + 1..]
            .iter()
            .take_while(|(o, _)| o.doc == side.doc && o.span.start < side.span.end)
        {
            if 2 * side.span.overlap(&other.span) >= side.span.len().min(other.span.len()) {
                sets.join(*i, *j);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..passages.len() {
        groups.entry(sets.root(i)).or_default().push(i);
    }
    let mut clusters: Vec<Cluster> = groups
        .into_values()
        .map(|members| build(corpus, passages, members))
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
            passages[p].cluster = id;
        }
    }
    clusters
}

/// A cluster from the passages of one component: one merged span per document.
fn build(corpus: &Corpus, passages: &[Passage], ids: Vec<usize>) -> Cluster {
    let mut by_doc: BTreeMap<(&str, usize), Vec<Side>> = BTreeMap::new();
    for &i in &ids {
        for side in [passages[i].a, passages[i].b] {
            by_doc
                .entry((corpus.documents[side.doc].id.as_str(), side.doc))
                .or_default()
                .push(side);
        }
    }
    let docs = by_doc.len();
    let members = by_doc
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
    Cluster {
        id: 0,
        docs,
        members,
        passages: ids,
    }
}

/// Union–find over passage indices.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, i: usize, j: usize) {
        let (ri, rj) = (self.root(i), self.root(j));
        if ri != rj {
            self.parent[ri.max(rj)] = ri.min(rj);
        }
    }
}
