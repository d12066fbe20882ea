//! The engine's thresholds, with defaults tuned on real news text.

use serde::{Deserialize, Serialize};

/// Thresholds of the reuse engine. Every field has a default tuned on real text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Lowest distinctive-word score for a rewritten paragraph.
    pub min_rewrite_score: f64,
    /// Lowest distinctive-word score for a rewritten sentence outside linked paragraphs.
    pub min_sentence_score: f64,
    /// Fewest distinctive words two rewritten passages must share.
    pub min_shared_words: usize,
    /// Lowest share of the shorter side's word pairs found on the other side for a rewrite;
    /// below it, a link is the same story told independently (`related`).
    pub min_wording: f64,
    /// Text in at least this share of all the documents is boilerplate.
    pub boilerplate_share: f64,
    /// Text in at least this share of one series' documents (its outlet) is boilerplate there.
    pub series_share: f64,
    /// Fewest documents a phrase must be in to be boilerplate (never fewer than 3), so that a
    /// story an outlet republishes a few times stays reuse. A whole line found in
    /// `boilerplate_share` of the corpus needs only 3.
    pub boilerplate_min_docs: usize,
    /// Fewest articles of one series a short phrase (a stock description, a writer's bio, an
    /// interview lead-in) must be in to be boilerplate there (never fewer than 3).
    pub stock_min_docs: usize,
    /// Two documents linked by one reuse passage only, with fewer words of evidence than this
    /// (its words if verbatim, its equal words if near, half its words if rewritten), are the
    /// same story (`related`): a lone short phrase is stock wording, not copied text. 0 turns
    /// the rule off.
    pub lone_min_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            ngram: 5,
            min_words: 10,
            max_df: 100,
            max_gap: 12,
            min_similarity: 0.5,
            min_rewrite_score: 0.2,
            min_sentence_score: 0.5,
            min_shared_words: 5,
            min_wording: 0.3,
            boilerplate_share: 0.3,
            series_share: 0.03,
            boilerplate_min_docs: 8,
            stock_min_docs: 6,
            lone_min_words: 20,
        }
    }
}

impl Options {
    /// The number of documents that make up `share` (0..=1) of a corpus of `docs`, rounded up.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    pub fn docs_for_share(&self, share: f64, docs: usize) -> usize {
        (share.clamp(0.0, 1.0) * docs as f64).ceil() as usize
    }

    /// Checks that every threshold is in its range; the message names the bad one.
    pub fn validate(&self) -> Result<(), String> {
        let unit = |name: &str, x: f64| {
            if (0.0..=1.0).contains(&x) {
                Ok(())
            } else {
                Err(format!("{name} must be between 0 and 1, not {x}"))
            }
        };
        if self.ngram == 0 || self.ngram > 50 {
            return Err(format!(
                "ngram must be between 1 and 50, not {}",
                self.ngram
            ));
        }
        if self.max_df < 2 {
            return Err(format!("max_df must be at least 2, not {}", self.max_df));
        }
        unit("min_similarity", self.min_similarity)?;
        unit("min_rewrite_score", self.min_rewrite_score)?;
        unit("min_sentence_score", self.min_sentence_score)?;
        unit("min_wording", self.min_wording)?;
        unit("boilerplate_share", self.boilerplate_share)?;
        unit("series_share", self.series_share)
    }
}
