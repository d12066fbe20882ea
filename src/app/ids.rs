//! Typed ids: a document, a passage and a cluster are all numbered from 0, and a bare `usize`
//! would let one stand for another.

/// A document: its index in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DocId(pub usize);

/// A passage: its index in the report's passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PassageId(pub usize);

/// A cluster: its index in the report's clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ClusterId(pub usize);
