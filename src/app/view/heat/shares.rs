//! The numbers behind the heat map: for each pair of articles (or of outlets) the share of
//! their text they have in common, kept sparse, and an order of the rows that puts related
//! ones together (single-linkage clustering of the shares).

use rustc_hash::FxHashMap;

use crate::corpus::Corpus;
use crate::reuse::{Report, Side};

/// A symmetric matrix of shares (0..=1) over `len` items, only its non-zero cells stored.
#[derive(Debug, Clone, Default)]
pub struct Shares {
    /// Number of items (rows and columns).
    pub len: usize,
    /// Whether a cell (row, column) differs from (column, row): the row's text found later in
    /// the column.
    pub directed: bool,
    /// Share per pair of items, keyed smaller index first; the diagonal for within-item reuse.
    cells: FxHashMap<(u32, u32), f32>,
}

impl Shares {
    /// The share of items `i` and `j` (0 where they have nothing in common).
    pub fn get(&self, i: usize, j: usize) -> f32 {
        let key = if i <= j || self.directed {
            (i, j)
        } else {
            (j, i)
        };
        self.cells
            .get(&(narrow(key.0), narrow(key.1)))
            .copied()
            .unwrap_or(0.0)
    }

    /// Every non-zero cell off the diagonal: items and share.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize, f32)> + '_ {
        self.cells
            .iter()
            .filter(|((i, j), _)| i != j)
            .map(|(&(i, j), &s)| (i as usize, j as usize, s))
    }

    /// Symmetric shares over `len` items from (i, j, share) cells (for tests).
    #[cfg(test)]
    pub fn from_cells(len: usize, cells: &[(usize, usize, f32)]) -> Self {
        let mut shares = Self {
            len,
            ..Self::default()
        };
        for &(i, j, share) in cells {
            shares.set(i, j, share);
        }
        shares
    }

    fn set(&mut self, i: usize, j: usize, share: f32) {
        if share > 0.0 {
            let key = if i <= j || self.directed {
                (i, j)
            } else {
                (j, i)
            };
            self.cells.insert((narrow(key.0), narrow(key.1)), share);
        }
    }
}

/// An index as stored: corpora stay far below four billion articles.
fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// `part` of `whole` as a share (0..=1), to the precision a cell shows.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // a few digits show
fn share(part: usize, whole: usize) -> f32 {
    (crate::diff::ratio(part, whole) as f32).min(1.0)
}

/// Chars covered by the union of spans `(start, end)`.
fn covered(mut spans: Vec<(usize, usize)>) -> usize {
    spans.sort_unstable();
    let (mut total, mut reach) = (0, 0);
    for (start, end) in spans {
        let from = start.max(reach);
        total += end.saturating_sub(from);
        reach = reach.max(end);
    }
    total
}

/// For every document, its reuse sides by the item (`item_of` the other document) they are
/// shared with.
fn sides_by_item(
    report: &Report,
    docs: usize,
    item_of: impl Fn(usize) -> usize,
) -> Vec<FxHashMap<usize, Vec<(usize, usize)>>> {
    let mut by_doc: Vec<FxHashMap<usize, Vec<(usize, usize)>>> = vec![FxHashMap::default(); docs];
    for p in report.passages.iter().filter(|p| p.counts()) {
        for (own, other) in [(p.a, p.b), (p.b, p.a)] {
            let Side { doc, span } = own;
            if let Some(map) = by_doc.get_mut(doc) {
                let spans = map.entry(item_of(other.doc)).or_default();
                spans.push((span.start, span.end));
            }
        }
    }
    by_doc
}

/// Share of text each pair of articles has in common: the chars of each covered by
/// passages shared with the other, over the chars of both; all of it for two copies of one
/// article.
pub fn articles(corpus: &Corpus, report: &Report) -> Shares {
    let docs = corpus.documents.len();
    let chars: Vec<usize> = corpus
        .documents
        .iter()
        .map(crate::corpus::Document::chars)
        .collect();
    let mut covered_by: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (doc, partners) in sides_by_item(report, docs, |d| d).into_iter().enumerate() {
        for (other, spans) in partners {
            let key = (doc.min(other), doc.max(other));
            *covered_by.entry(key).or_default() += covered(spans);
        }
    }
    let mut shares = Shares {
        len: docs,
        ..Shares::default()
    };
    for ((a, b), shared) in covered_by {
        shares.set(a, b, share(shared, chars[a] + chars[b]));
    }
    // Copies of one article have all their text in common (their link is no reuse).
    for group in &report.duplicates {
        for (k, &a) in group.iter().enumerate() {
            for &b in &group[k + 1..] {
                shares.set(a, b, 1.0);
            }
        }
    }
    shares
}

/// Share of text each pair of outlets has in common: the chars of each outlet's articles
/// covered by passages shared with the other outlet, over the chars of both; the diagonal is
/// the reuse inside one outlet. `outlet_of` maps a document to its outlet, of `outlets`.
pub fn outlets(corpus: &Corpus, report: &Report, outlet_of: &[usize], outlets: usize) -> Shares {
    let docs = corpus.documents.len();
    let mut chars = vec![0usize; outlets];
    for (doc, d) in corpus.documents.iter().enumerate() {
        chars[outlet_of[doc]] += d.chars();
    }
    // Chars of outlet x covered by text shared with outlet y.
    let mut covered_by: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let by_doc = sides_by_item(report, docs, |d| outlet_of[d]);
    for (doc, partners) in by_doc.into_iter().enumerate() {
        for (other, spans) in partners {
            *covered_by.entry((outlet_of[doc], other)).or_default() += covered(spans);
        }
    }
    let mut shares = Shares {
        len: outlets,
        ..Shares::default()
    };
    // A passage between two outlets covers text on both sides: both keys are there.
    for (&(x, y), &shared) in &covered_by {
        if x > y {
            continue;
        }
        let back = if x == y {
            0
        } else {
            covered_by.get(&(y, x)).copied().unwrap_or(0)
        };
        let whole = if x == y {
            chars[x]
        } else {
            chars[x] + chars[y]
        };
        shares.set(x, y, share(shared + back, whole));
    }
    shares
}

/// Share of each outlet's text that turns up later in another: cell (x, y) is the share of
/// outlet y's text covered by passages whose other side is in an earlier article of outlet x
/// (by the documents' dates; undated and same-day pairs count for neither).
pub fn outlets_directed(
    corpus: &Corpus,
    report: &Report,
    outlet_of: &[usize],
    outlets: usize,
) -> Shares {
    use crate::corpus::dates::{First, first_of};
    let mut chars = vec![0usize; outlets];
    for (doc, d) in corpus.documents.iter().enumerate() {
        chars[outlet_of[doc]] += d.chars();
    }
    // For each later document, its sides copied from each earlier outlet.
    let mut later: FxHashMap<(usize, usize), Vec<(usize, usize)>> = FxHashMap::default();
    for p in report.passages.iter().filter(|p| p.counts()) {
        let (da, db) = (&corpus.documents[p.a.doc], &corpus.documents[p.b.doc]);
        let (earlier, copy) = match first_of(da.date.as_deref(), db.date.as_deref()) {
            Some(First::This) => (p.a, p.b),
            Some(First::That) => (p.b, p.a),
            Some(First::Same) | None => continue,
        };
        later
            .entry((copy.doc, outlet_of[earlier.doc]))
            .or_default()
            .push((copy.span.start, copy.span.end));
    }
    let mut covered_by: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for ((doc, from), spans) in later {
        *covered_by.entry((from, outlet_of[doc])).or_default() += covered(spans);
    }
    let mut shares = Shares {
        len: outlets,
        directed: true,
        ..Shares::default()
    };
    for ((x, y), shared) in covered_by {
        shares.set(x, y, share(shared, chars[y]));
    }
    shares
}

/// The items in an order that keeps related ones together: single-linkage clustering, the
/// strongest shares joined first, each join putting one group's rows after the other's;
/// items in nothing come last in their given order. Deterministic.
pub fn order(shares: &Shares) -> Vec<usize> {
    let n = shares.len;
    let mut edges: Vec<(usize, usize, f32)> = shares.pairs().collect();
    if shares.directed {
        // A link either way joins two rows: keep the stronger of the two directions.
        let mut both: FxHashMap<(usize, usize), f32> = FxHashMap::default();
        for (i, j, s) in edges {
            let key = (i.min(j), i.max(j));
            let kept = both.entry(key).or_insert(0.0);
            *kept = kept.max(s);
        }
        edges = both.into_iter().map(|((i, j), s)| (i, j, s)).collect();
    }
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    // Each group is a list of items, kept at its root.
    let mut root: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let find = |root: &mut Vec<usize>, mut i: usize| {
        while root[i] != i {
            root[i] = root[root[i]];
            i = root[i];
        }
        i
    };
    let mut linked = vec![false; n];
    for (i, j, _) in edges {
        let (ri, rj) = (find(&mut root, i), find(&mut root, j));
        linked[i] = true;
        linked[j] = true;
        if ri == rj {
            continue;
        }
        let (keep, gone) = if ri < rj { (ri, rj) } else { (rj, ri) };
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        root[gone] = keep;
    }
    let mut groups: Vec<Vec<usize>> = (0..n)
        .filter(|&i| root[i] == i && linked[i])
        .map(|i| std::mem::take(&mut members[i]))
        .collect();
    // Largest groups first, then by their first item.
    groups.sort_by_key(|g| (std::cmp::Reverse(g.len()), g.first().copied()));
    let mut order: Vec<usize> = groups.into_iter().flatten().collect();
    order.extend((0..n).filter(|&i| !linked[i]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares(n: usize, cells: &[(usize, usize, f32)]) -> Shares {
        let mut s = Shares {
            len: n,
            ..Shares::default()
        };
        for &(i, j, v) in cells {
            s.set(i, j, v);
        }
        s
    }

    #[test]
    fn related_items_sit_together_and_loners_come_last() {
        // 0–3 and 1–4 are pairs; 2 shares nothing.
        let s = shares(5, &[(0, 3, 0.5), (1, 4, 0.2), (4, 1, 0.2)]);
        let order = order(&s);
        assert_eq!(order.len(), 5);
        let at = |i| order.iter().position(|&x| x == i).unwrap();
        assert_eq!(at(0).abs_diff(at(3)), 1);
        assert_eq!(at(1).abs_diff(at(4)), 1);
        assert_eq!(at(2), 4, "the loner last");
        assert!((s.get(3, 0) - 0.5).abs() < f32::EPSILON, "symmetric");
        assert!(s.get(2, 2).abs() < f32::EPSILON);
    }

    #[test]
    fn a_chain_keeps_its_strongest_links_adjacent() {
        let s = shares(4, &[(0, 2, 0.9), (2, 1, 0.1), (1, 3, 0.8)]);
        let order = order(&s);
        let at = |i| order.iter().position(|&x| x == i).unwrap();
        assert_eq!(at(0).abs_diff(at(2)), 1);
        assert_eq!(at(1).abs_diff(at(3)), 1);
    }

    #[test]
    fn covered_counts_overlaps_once() {
        assert_eq!(covered(vec![(0, 10), (5, 20), (30, 40)]), 30);
        assert_eq!(covered(Vec::new()), 0);
    }
}
