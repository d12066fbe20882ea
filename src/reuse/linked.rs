//! The spans already linked between documents, looked up by document pair.

use rustc_hash::FxHashMap;

use super::{Passage, Side};
use crate::text::Span;

/// The spans already linked between two documents, by document pair (sides in the order of
/// the passages: the document with the smaller id first).
pub(super) struct Linked {
    by_pair: FxHashMap<(usize, usize), Vec<(Span, Span)>>,
}

impl Linked {
    pub(super) fn new<'p>(passages: impl Iterator<Item = &'p Passage>) -> Self {
        let mut by_pair: FxHashMap<(usize, usize), Vec<(Span, Span)>> = FxHashMap::default();
        for p in passages {
            by_pair
                .entry((p.a.doc, p.b.doc))
                .or_default()
                .push((p.a.span, p.b.span));
        }
        Self { by_pair }
    }

    /// The spans linked between documents `a` and `b`.
    pub(super) fn between(&self, a: usize, b: usize) -> &[(Span, Span)] {
        self.by_pair.get(&(a, b)).map_or(&[], Vec::as_slice)
    }

    /// Whether most of either side of a would-be passage from `a` to `b` is already linked.
    pub(super) fn covers(&self, a: &Side, b: &Side) -> bool {
        self.between(a.doc, b.doc)
            .iter()
            .any(|(x, y)| x.mostly_covers(&a.span) || y.mostly_covers(&b.span))
    }

    /// Whether char `at_a` of one document or char `at_b` of the other lies in one of the
    /// spans linked `between` the two.
    pub(super) fn explains(between: &[(Span, Span)], at_a: usize, at_b: usize) -> bool {
        let inside = |span: &Span, at: usize| span.start <= at && at < span.end;
        between
            .iter()
            .any(|(x, y)| inside(x, at_a) || inside(y, at_b))
    }
}
