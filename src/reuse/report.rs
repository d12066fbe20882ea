//! Questions the reader asks of a report: a document's passages, partners and reused share.

use super::{Cluster, Kind, Passage, Report, Side};
use crate::corpus::Corpus;

/// Another document that shares passages with a given one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    /// Index of the partner document.
    pub doc: usize,
    /// Chars of the given document shared with the partner (headline passages only).
    pub shared_chars: usize,
    /// Number of passages linking the two.
    pub passages: usize,
}

impl Report {
    /// A report over a corpus of `docs` documents, indexing each document's headline passages
    /// once so that the questions below cost what they return, not the whole report.
    pub fn new(
        passages: Vec<Passage>,
        clusters: Vec<Cluster>,
        boilerplate: Vec<Side>,
        docs: usize,
    ) -> Self {
        let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); docs];
        // Reuse, and the links between copies of one article: the reader shows both.
        let shown = |p: &Passage| p.is_reuse() || (p.duplicate && !p.boilerplate);
        for (i, p) in passages.iter().enumerate().filter(|(_, p)| shown(p)) {
            for doc in [p.a.doc, p.b.doc] {
                if let Some(list) = by_doc.get_mut(doc) {
                    list.push(i);
                }
            }
        }
        let mut related_by_doc: Vec<Vec<usize>> = vec![Vec::new(); docs];
        let related = |p: &Passage| p.kind == Kind::Related && !p.boilerplate;
        for (i, p) in passages.iter().enumerate().filter(|(_, p)| related(p)) {
            for doc in [p.a.doc, p.b.doc] {
                if let Some(list) = related_by_doc.get_mut(doc) {
                    list.push(i);
                }
            }
        }
        sort_by_position(&mut by_doc, &passages);
        sort_by_position(&mut related_by_doc, &passages);
        let mut boilerplate_by_doc = vec![Vec::new(); docs];
        for side in &boilerplate {
            if let Some(list) = boilerplate_by_doc.get_mut(side.doc) {
                list.push(side.span);
            }
        }
        for list in &mut boilerplate_by_doc {
            list.sort_unstable();
        }
        Self {
            passages,
            clusters,
            boilerplate,
            duplicates: Vec::new(),
            duplicate_of: vec![None; docs],
            related_by_doc,
            boilerplate_by_doc,
            by_doc,
        }
    }

    /// The boilerplate spans of `doc`, in order.
    pub fn boilerplate_in(&self, doc: usize) -> &[crate::text::Span] {
        self.boilerplate_by_doc.get(doc).map_or(&[], Vec::as_slice)
    }

    /// Sets the groups of duplicate documents (each by document id, no document in two).
    pub fn set_duplicates(&mut self, groups: Vec<Vec<usize>>) {
        for (g, group) in groups.iter().enumerate() {
            for &doc in group {
                if let Some(slot) = self.duplicate_of.get_mut(doc) {
                    *slot = Some(g);
                }
            }
        }
        self.duplicates = groups;
    }

    /// The duplicate group of `doc` (the documents that are the same article), if it has one.
    pub fn duplicates_of(&self, doc: usize) -> Option<&[usize]> {
        let group = self.duplicate_of.get(doc).copied().flatten()?;
        self.duplicates.get(group).map(Vec::as_slice)
    }

    /// The passages the reader shows touching `doc` (reuse, and links to copies of the same
    /// article; no boilerplate, no related story), in order of their position in it.
    pub fn passages_in(&self, doc: usize) -> Vec<&Passage> {
        self.by_doc.get(doc).map_or_else(Vec::new, |ids| {
            ids.iter().map(|&id| &self.passages[id]).collect()
        })
    }

    /// The related links (the same story told apart) between `doc` and `other`, in order of
    /// their position in `doc`: the reader shows them on request only.
    pub fn related_between(&self, doc: usize, other: usize) -> Vec<&Passage> {
        let ids = self.related_by_doc.get(doc).map_or(&[][..], Vec::as_slice);
        ids.iter()
            .map(|&id| &self.passages[id])
            .filter(|p| p.sides_for(doc).is_some_and(|(_, o)| o.doc == other))
            .collect()
    }

    /// Headline passages linking `doc` and `other`, in order of their position in `doc`.
    pub fn passages_between(&self, doc: usize, other: usize) -> Vec<&Passage> {
        self.passages_in(doc)
            .into_iter()
            .filter(|p| p.sides_for(doc).is_some_and(|(_, o)| o.doc == other))
            .collect()
    }

    /// The documents sharing text with `doc`, most shared text first: reuse alone counts (see
    /// [`Passage::counts`]), not a shared quotation.
    pub fn partners(&self, doc: usize) -> Vec<Partner> {
        self.partners_by(doc, Passage::counts)
    }

    /// The documents to read beside `doc`: its [`Report::partners`], then those it shares
    /// only quotations with, most quoted first.
    pub fn partners_to_read(&self, doc: usize) -> Vec<Partner> {
        let mut partners = self.partners(doc);
        let quoting = self.partners_by(doc, |p| p.is_reuse() && p.quote);
        let counted: Vec<usize> = partners.iter().map(|p| p.doc).collect();
        partners.extend(quoting.into_iter().filter(|q| !counted.contains(&q.doc)));
        partners
    }

    /// The documents linked to `doc` by the passages `counted` keeps, most shared text first,
    /// copies of one article as one.
    fn partners_by(&self, doc: usize, counted: fn(&Passage) -> bool) -> Vec<Partner> {
        let mut by_doc: std::collections::BTreeMap<usize, Vec<Side>> =
            std::collections::BTreeMap::new();
        for p in self.passages_in(doc).into_iter().filter(|p| counted(p)) {
            if let Some((own, other)) = p.sides_for(doc) {
                by_doc.entry(other.doc).or_default().push(own);
            }
        }
        let mut partners: Vec<Partner> = by_doc
            .into_iter()
            .map(|(other, sides)| Partner {
                doc: other,
                shared_chars: covered_chars(&sides),
                passages: sides.len(),
            })
            .collect();
        partners.sort_by(|x, y| y.shared_chars.cmp(&x.shared_chars).then(x.doc.cmp(&y.doc)));
        // Copies of one article are one partner: the copy sharing most stands for them.
        let mut seen_groups = Vec::new();
        partners.retain(|p| match self.duplicate_of.get(p.doc).copied().flatten() {
            Some(group) if seen_groups.contains(&group) => false,
            Some(group) => {
                seen_groups.push(group);
                true
            }
            None => true,
        });
        partners
    }

    /// Share (0..=1) of `doc`'s text found in some other document.
    pub fn reused_share(&self, corpus: &Corpus, doc: usize) -> f64 {
        let sides: Vec<Side> = self
            .passages_in(doc)
            .into_iter()
            .filter(|p| p.counts())
            .filter_map(|p| p.sides_for(doc).map(|(own, _)| own))
            .collect();
        crate::diff::ratio(covered_chars(&sides), corpus.documents[doc].chars())
    }

    /// Number of documents in the cluster of passage `id` (2 for a plain pair).
    pub fn cluster_size(&self, id: usize) -> usize {
        let cluster = self.passages.get(id).and_then(|p| p.cluster);
        cluster
            .and_then(|c| self.clusters.get(c))
            .map_or(2, |c| c.docs)
    }
}

/// Sorts each document's list of passage ids by the passages' position in it.
fn sort_by_position(by_doc: &mut [Vec<usize>], passages: &[Passage]) {
    for (doc, list) in by_doc.iter_mut().enumerate() {
        list.sort_by_key(|&id| {
            passages[id]
                .sides_for(doc)
                .map(|(own, _)| (own.span.start, own.span.end, id))
        });
    }
}

/// Chars covered by the union of the spans (all in one document).
pub(super) fn covered_chars(sides: &[Side]) -> usize {
    let mut spans: Vec<(usize, usize)> = sides.iter().map(|s| (s.span.start, s.span.end)).collect();
    spans.sort_unstable();
    let (mut total, mut reach) = (0, 0);
    for (start, end) in spans {
        let from = start.max(reach);
        if end > from {
            total += end - from;
        }
        reach = reach.max(end);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::CharMap;

    #[test]
    fn overlapping_spans_count_once() {
        let map = CharMap::new(&"x".repeat(100));
        let side = |s, e| Side {
            doc: 0,
            span: map.span(s, e),
        };
        assert_eq!(covered_chars(&[side(0, 10), side(5, 20), side(30, 40)]), 30);
    }

    const QUOTED: &str = "\"We will finish the new bridge across the river before the winter \
                          floods reach the lower valley, whatever the council decides,\"";
    const COPIED: &str = "Engineers found deep cracks in two of the steel supports of the old \
                          harbour bridge during a routine inspection last month.";

    #[test]
    fn a_shared_quotation_counts_for_no_share_and_no_partner() {
        use crate::corpus::Source;
        let corpus = Corpus::from_sources(vec![
            Source::new(
                "a",
                format!("Bridge\nThe mayor spoke on Monday. {QUOTED} she said."),
            ),
            Source::new(
                "b",
                format!("Floods\nAt the meeting, {QUOTED} the mayor told us."),
            ),
            Source::new(
                "c",
                format!("Cracks\nNews in brief. {COPIED} Work starts soon."),
            ),
            Source::new("d", format!("Harbour\n{COPIED} The road is closed.")),
        ]);
        let report = crate::reuse::find_reuse(&corpus, &crate::reuse::Options::default());
        let quote = report.passages_between(0, 1);
        assert_eq!(quote.len(), 1, "{:?}", report.passages);
        assert!(quote[0].quote && quote[0].is_reuse() && !quote[0].counts());
        assert!(report.partners(0).is_empty());
        // The reader still opens it beside the article quoting the same words.
        let to_read: Vec<usize> = report.partners_to_read(0).iter().map(|p| p.doc).collect();
        assert_eq!(to_read, [1]);
        assert!(report.reused_share(&corpus, 0) < 1e-9);
        // Text taken from the other article counts.
        assert!(report.passages_between(2, 3)[0].counts());
        assert_eq!(report.partners(2).len(), 1);
        assert_eq!(report.partners_to_read(2).len(), 1);
        assert!(report.reused_share(&corpus, 2) > 0.5);
    }
}
