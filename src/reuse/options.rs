//! The engine's thresholds, with defaults tuned on real news text.

use serde::Deserialize;

/// Thresholds of the reuse engine. Every field has a default tuned on real text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Words per seed n-gram.
    pub ngram: usize,
    /// Shortest verbatim or near passage reported, in words.
    pub min_words: usize,
    /// Seeds occurring in more documents than this are ignored (common phrases, boilerplate).
    pub max_df: usize,
    /// Largest gap, in words, bridged between two seeds of one passage.
    pub max_gap: usize,
    /// Lowest share of equal words for a near-verbatim passage.
    pub min_similarity: f64,
    /// Lowest distinctive-word score for a rewritten paragraph or sentence.
    pub min_rewrite_score: f64,
    /// Fewest distinctive words two rewritten passages must share.
    pub min_shared_words: usize,
    /// A line in at least this share of the documents (and at least 3) is boilerplate.
    pub boilerplate_share: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            ngram: 5,
            min_words: 10,
            max_df: 100,
            max_gap: 12,
            min_similarity: 0.5,
            min_rewrite_score: 0.3,
            min_shared_words: 5,
            boilerplate_share: 0.3,
        }
    }
}
