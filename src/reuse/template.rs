//! Template text: the rule that makes an n-gram boilerplate of its series (outlet) or of the
//! corpus, and the runs its occurrences make in a document. The seed index applies the rule
//! to each n-gram it meets; the boilerplate stage turns the runs into spans.

use std::ops::Range;

use super::Options;
use super::index::Posting;
use crate::corpus::Corpus;

/// An occurrence of an n-gram frequent enough to be boilerplate: the document's rank and the
/// token index where the n-gram starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Frequent {
    /// Rank of the document.
    pub(super) doc: u32,
    /// Token index of the n-gram.
    pub(super) pos: u32,
    /// Whether it is only a stock phrase: in a few of its series' articles, too few to be
    /// template text; boilerplate only where its run of such n-grams is short.
    pub(super) stock: bool,
    /// How many documents the n-gram is in.
    pub(super) docs: u32,
}

/// Most words a run of template n-grams may have: a longer one is a story republished, unless
/// it is in more than [`MAX_REPUBLISHED`] documents (a long footer).
const MAX_TEMPLATE_WORDS: usize = 60;
/// Most documents a long run of template n-grams may be in and still be a story republished.
const MAX_REPUBLISHED: u32 = 20;

/// The runs of `occurrences` (one document's, sorted by position) of n-grams of `n` words:
/// occurrences overlapping, or at most `gap` tokens apart, make one run. Each run is given as
/// its tokens and the indices of its occurrences.
pub(super) fn runs(
    occurrences: &[&Frequent],
    n: usize,
    gap: usize,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (k, f) in occurrences.iter().enumerate() {
        let (start, end) = (f.pos as usize, f.pos as usize + n);
        match found.last_mut() {
            Some((tokens, members)) if start <= tokens.end + gap => {
                tokens.end = tokens.end.max(end);
                members.end = k + 1;
            }
            _ => found.push((start..end, k..k + 1)),
        }
    }
    found
}

/// Takes out of `frequent` (sorted) the template occurrences in runs of more than
/// [`MAX_TEMPLATE_WORDS`] words found in at most [`MAX_REPUBLISHED`] documents, and returns
/// them as sorted (document, position) pairs.
pub(super) fn take_long_runs(frequent: &mut Vec<Frequent>, n: usize) -> Vec<(u32, u32)> {
    let mut long = Vec::new();
    for occurrences in frequent.chunk_by(|x, y| x.doc == y.doc) {
        let template: Vec<&Frequent> = occurrences.iter().filter(|f| !f.stock).collect();
        for (tokens, members) in runs(&template, n, 0) {
            let run = &template[members];
            let docs = run.iter().map(|f| f.docs).max().unwrap_or(0);
            if tokens.len() > MAX_TEMPLATE_WORDS && docs <= MAX_REPUBLISHED {
                long.extend(run.iter().map(|f| (f.doc, f.pos)));
            }
        }
    }
    if !long.is_empty() {
        frequent.retain(|f| f.stock || long.binary_search(&(f.doc, f.pos)).is_err());
    }
    long
}

/// When an n-gram is template text: found in at least `per_series[s]` documents of series
/// `s`, or in at least `corpus` documents in all.
pub(super) struct BoilerRule {
    /// The series of each document, by rank.
    series_of: Vec<u32>,
    /// Fewest documents of each series that make an n-gram boilerplate there.
    per_series: Vec<usize>,
    /// Fewest documents of the corpus that make an n-gram boilerplate everywhere.
    corpus: usize,
    /// Fewest documents of a series that make an n-gram a stock phrase there.
    stock: usize,
    /// The smallest of all the thresholds: groups of fewer documents are never boilerplate.
    fewest: usize,
}

impl BoilerRule {
    /// The thresholds of `options` for the series of the documents of `corpus`, by rank.
    pub(super) fn new(corpus: &Corpus, ranked: &[usize], options: &Options) -> Self {
        let mut names: Vec<&str> = ranked
            .iter()
            .map(|&doc| corpus.documents[doc].group.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        let series_of: Vec<u32> = ranked
            .iter()
            .map(|&doc| {
                let name = corpus.documents[doc].group.as_str();
                u32::try_from(names.binary_search(&name).unwrap_or(0)).unwrap_or(u32::MAX)
            })
            .collect();
        let mut sizes = vec![0usize; names.len()];
        for &s in &series_of {
            sizes[s as usize] += 1;
        }
        let least = options.boilerplate_min_docs.max(3);
        let per_series: Vec<usize> = sizes
            .iter()
            .map(|&size| least.max(options.docs_for_share(options.series_share, size)))
            .collect();
        let corpus_min = least.max(options.docs_for_share(options.boilerplate_share, ranked.len()));
        let stock = options.stock_min_docs.max(3);
        let fewest = per_series
            .iter()
            .copied()
            .fold(corpus_min.min(stock), usize::min);
        Self {
            series_of,
            per_series,
            corpus: corpus_min,
            stock,
            fewest,
        }
    }

    /// Appends the occurrences of one n-gram (its postings, sorted by document) that are
    /// boilerplate to `out`, and says whether any was: the n-gram then seeds no passage.
    pub(super) fn push_frequent(&self, group: &[Posting], out: &mut Vec<Frequent>) -> bool {
        if group.len() < self.fewest {
            return false;
        }
        let mut docs: Vec<u32> = group.iter().map(|p| p.doc).collect();
        docs.dedup();
        if docs.len() < self.fewest {
            return false;
        }
        let everywhere = docs.len() >= self.corpus;
        let mut series: Vec<u32> = docs.iter().map(|&d| self.series_of[d as usize]).collect();
        series.sort_unstable();
        // For each series the n-gram is frequent in: whether it is template text there.
        let frequent_in: Vec<(u32, bool)> = series
            .chunk_by(|x, y| x == y)
            .filter(|run| run.len() >= self.stock.min(self.per_series[run[0] as usize]))
            .map(|run| (run[0], run.len() >= self.per_series[run[0] as usize]))
            .collect();
        let template = everywhere || frequent_in.iter().any(|&(_, template)| template);
        if !everywhere && frequent_in.is_empty() {
            return false;
        }
        let kind = |p: &Posting| {
            let series = self.series_of[p.doc as usize];
            let found = frequent_in.iter().find(|&&(s, _)| s == series);
            match (everywhere, found) {
                (true, _) | (false, Some((_, true))) => Some(false),
                (false, Some((_, false))) => Some(true),
                (false, None) => None,
            }
        };
        out.extend(group.iter().filter_map(|p| {
            kind(p).map(|stock| Frequent {
                doc: p.doc,
                pos: p.pos,
                stock,
                docs: u32::try_from(docs.len()).unwrap_or(u32::MAX),
            })
        }));
        template
    }
}
