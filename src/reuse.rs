//! The reuse engine: finds the passages documents share (verbatim, near-verbatim, rewritten),
//! marks boilerplate and groups occurrences into clusters. Never imports the terminal.

mod align;
mod boiler;
mod candidates;
mod cluster;
mod duplicate;
mod extend;
mod footer;
mod headline;
mod index;
mod linked;
mod lone;
mod merge;
mod names;
mod options;
mod post;
mod question;
mod quote;
mod report;
mod rewrite;
mod teaser;
mod template;
mod term;
mod transcript;
mod wording;
mod words;

pub use options::Options;
pub use words::SharedWords;

/// Groups reuse passages into clusters, as the engine does (for passages found elsewhere:
/// passim's pairwise alignments). `article_of` gives each document's article.
pub fn cluster_passages(
    corpus: &Corpus,
    passages: &mut [Passage],
    article_of: &[usize],
) -> Vec<Cluster> {
    cluster::cluster(corpus, passages, article_of)
}
pub use report::Partner;
pub use term::term;

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::diff::DiffOp;
use crate::text::Span;

/// How a passage was reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Word for word (after case, quote and dash folding).
    Verbatim,
    /// The same words with small edits: typos, changed numbers or names, a word in or out.
    Near,
    /// The same point in other words, linked by the distinctive words both share and by
    /// runs of ordinary words kept from one to the other.
    Rewritten,
    /// The same story told independently: shared names, numbers and topic words, but not the
    /// wording. Not reuse: it counts for nothing, joins no cluster and the reader hides it.
    Related,
    /// Found by passim (read from its output), aligned letter by letter.
    Passim,
}

impl Kind {
    /// Whether passages of this kind are reuse (a related link is the same story told apart).
    pub fn is_reuse(self) -> bool {
        match self {
            Self::Verbatim | Self::Near | Self::Rewritten | Self::Passim => true,
            Self::Related => false,
        }
    }

    /// The letter the reader and the exports show beside a passage's number: `v`, `n`, `r`,
    /// `s` for the same story, `p` for passim's.
    pub fn letter(self) -> &'static str {
        match self {
            Self::Verbatim => "v",
            Self::Near => "n",
            Self::Rewritten => "r",
            Self::Related => "s",
            Self::Passim => "p",
        }
    }

    /// The kind's name as `scan` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Verbatim => "verbatim",
            Self::Near => "near",
            Self::Passim => "passim",
            Self::Rewritten => "rewritten",
            Self::Related => "related",
        }
    }
}

/// One occurrence of a passage: a document (its index in the corpus) and a span of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Side {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Where the passage is, in chars and bytes of the original text.
    pub span: Span,
}

/// A passage two documents share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Position in [`Report::passages`].
    pub id: usize,
    /// Verbatim, near or rewritten.
    pub kind: Kind,
    /// Similarity in 0..=1 (share of equal words, or weighted overlap of distinctive words).
    pub score: f64,
    /// Length in words (the longer side).
    pub words: usize,
    /// The occurrence in the document with the smaller id.
    pub a: Side,
    /// The occurrence in the other document.
    pub b: Side,
    /// Whether the passage is boilerplate (bylines, footers): kept, but out of the headlines.
    pub boilerplate: bool,
    /// Whether its text lies inside quotation marks (on one side at least): a shared quotation.
    pub quote: bool,
    /// Whether it links two duplicates (the same article, posted twice): not reuse.
    pub duplicate: bool,
    /// The cluster the passage belongs to (none for boilerplate and related links).
    pub cluster: Option<usize>,
    /// Why the two sides are linked: the distinctive words they share (rewritten passages).
    pub shared_words: SharedWords,
    /// Word-level differences, a to b: empty for a rewritten passage; for a rewritten
    /// section, those of its aligned parts.
    pub diff: Vec<DiffOp>,
    /// The passages a section was merged from, in order (empty for a passage of one part).
    pub parts: Vec<Part>,
}

/// One of the passages a section was merged from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Its kind.
    pub kind: Kind,
    /// Its score.
    pub score: f64,
    /// Its side in the document with the smaller id.
    pub a: Side,
    /// Its side in the other document.
    pub b: Side,
}

impl Passage {
    /// A passage of `kind` linking sides `a` and `b`, of `words` words, scored `score`, with
    /// no word diff, shared words or parts yet, and no flag: the later stages set those.
    pub(crate) fn linking(kind: Kind, (a, b): (Side, Side), words: usize, score: f64) -> Self {
        Self {
            id: 0,
            kind,
            score,
            words,
            a,
            b,
            boilerplate: false,
            quote: false,
            duplicate: false,
            cluster: None,
            shared_words: SharedWords::default(),
            diff: Vec::new(),
            parts: Vec::new(),
        }
    }

    /// Whether the passage is reuse: neither boilerplate, nor the same story told apart, nor
    /// the link between two copies of one article.
    pub fn is_reuse(&self) -> bool {
        !self.boilerplate && !self.duplicate && self.kind.is_reuse()
    }

    /// Whether the passage counts in the figures of its articles (their reused share, their
    /// partners, the heat map, the ranking): reuse, and not a shared quotation (two articles
    /// quoting one speaker have not taken the words from each other).
    pub fn counts(&self) -> bool {
        self.is_reuse() && !self.quote
    }

    /// Its kind as the reader and the summary name it: "near", "near quote" for a shared
    /// quotation, "verbatim duplicate" for the link between two copies of one article.
    pub fn label(&self) -> String {
        let mut label = match self.kind {
            Kind::Related => "same story".to_owned(),
            kind => kind.name().to_owned(),
        };
        if self.quote {
            label.push_str(" quote");
        }
        if self.duplicate {
            label.push_str(" duplicate");
        }
        label
    }

    /// The sides in document `doc` of the parts of a rewritten section that were copied
    /// (verbatim or near) rather than rewritten: the reader and the HTML export draw them as
    /// a copied passage would be. None for any other passage, or a document it is not in.
    pub fn copied_parts_in(&self, doc: usize) -> impl Iterator<Item = Side> + '_ {
        let touched = self.kind == Kind::Rewritten && self.sides_for(doc).is_some();
        let is_a = self.a.doc == doc;
        self.parts
            .iter()
            .filter(move |part| touched && matches!(part.kind, Kind::Verbatim | Kind::Near))
            .map(move |part| if is_a { part.a } else { part.b })
    }

    /// The side in document `doc`, and the other side, if the passage touches `doc`.
    pub fn sides_for(&self, doc: usize) -> Option<(Side, Side)> {
        if self.a.doc == doc {
            Some((self.a, self.b))
        } else if self.b.doc == doc {
            Some((self.b, self.a))
        } else {
            None
        }
    }
}

/// Occurrences of one passage across the corpus: connected components of sides that are the
/// same text of their document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Position in [`Report::clusters`].
    pub id: usize,
    /// Number of distinct articles among the members (copies of one article count once).
    pub docs: usize,
    /// One span per run of overlapping sides (sorted by document id, then start).
    pub members: Vec<Side>,
    /// The member a list shows: an index into `members`.
    pub representative: usize,
    /// The passages linking the members.
    pub passages: Vec<usize>,
}

/// Everything the engine found in a corpus.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Every passage, headline ones first, deterministic order.
    pub passages: Vec<Passage>,
    /// Every cluster, largest first.
    pub clusters: Vec<Cluster>,
    /// Boilerplate spans (template text of a series or of the corpus), by document id.
    pub boilerplate: Vec<Side>,
    /// Groups of duplicate documents (the same article as a whole), each by document id.
    pub duplicates: Vec<Vec<usize>>,
    /// For each document, the index of its group in `duplicates`.
    duplicate_of: Vec<Option<usize>>,
    /// For each document, its related links (kept apart from the headline ones), in order.
    related_by_doc: Vec<Vec<usize>>,
    /// For each document, its boilerplate spans in order.
    boilerplate_by_doc: Vec<Vec<Span>>,
    /// For each document, its headline passages in order of position (see [`Report::new`]).
    by_doc: Vec<Vec<usize>>,
}

/// Finds every passage the documents of `corpus` share, marks boilerplate and builds clusters.
/// The result depends only on the documents' ids and texts, not on their order.
pub fn find_reuse(corpus: &Corpus, options: &Options) -> Report {
    find_reuse_with_progress(corpus, options, &|_| {})
}

/// The stages [`find_reuse_with_progress`] goes through, in order.
pub const STAGES: [&str; 4] = [
    "indexing word n-grams",
    "aligning passages",
    "comparing paragraphs for rewrites",
    "clustering",
];

/// [`find_reuse`], telling `progress` the name of each of its [`STAGES`] as it starts.
pub fn find_reuse_with_progress(
    corpus: &Corpus,
    options: &Options,
    progress: &(dyn Fn(&str) + Sync),
) -> Report {
    progress(STAGES[0]);
    corpus.analyse();
    let mut ranked: Vec<usize> = (0..corpus.len()).collect();
    ranked.sort_by(|&x, &y| corpus.documents[x].id.cmp(&corpus.documents[y].id));
    let found = index::seeds(corpus, &ranked, options);
    let boilerplate = boiler::find(corpus, &ranked, &found.frequent, options);
    progress(STAGES[1]);
    let mut passages = align::passages(corpus, &ranked, &found.seeds, options);
    drop(found);
    progress(STAGES[2]);
    let rewritten = rewrite::passages(corpus, &ranked, &passages, &boilerplate, options);
    passages.extend(rewritten);
    progress(STAGES[3]);
    boiler::mark(corpus, &mut passages, &boilerplate, options.min_words);
    let mut passages = merge::sections(corpus, passages);
    let duplicates = duplicate::find(corpus, &mut passages);
    quote::mark(corpus, &mut passages);
    names::mark(corpus, &mut passages);
    let questions = question::mark(corpus, &mut passages);
    headline::mark(corpus, &mut passages);
    let teasers = teaser::mark(corpus, &mut passages);
    number_in_order(corpus, &mut passages);
    let mut article_of: Vec<usize> = (0..corpus.len()).collect();
    for group in &duplicates {
        for &doc in group {
            article_of[doc] = group[0];
        }
    }
    let mut clusters = cluster::cluster(corpus, &mut passages, &article_of);
    // An outlet's sign-off at the end of its articles is boilerplate: cluster without it.
    let footers = footer::mark(corpus, &mut passages, &clusters);
    let mut boilerplate = boilerplate;
    boilerplate.extend(questions);
    boilerplate.extend(teasers);
    let found_footers = !footers.is_empty();
    boilerplate.extend(footers);
    // Lone links after footers: a pair sharing only a sign-off still makes the footer's cluster.
    let lone = lone::mark(corpus, &mut passages, options.lone_min_words);
    let titled = names::mark_titles(corpus, &mut passages);
    if found_footers || lone || titled {
        number_in_order(corpus, &mut passages);
        clusters = cluster::cluster(corpus, &mut passages, &article_of);
    }
    let mut report = Report::new(passages, clusters, boilerplate, corpus.len());
    report.set_duplicates(duplicates);
    report
}

/// For each corpus index, its rank in `ranked` (the corpus indices in order of document id).
fn ranks(ranked: &[usize]) -> Vec<usize> {
    let mut rank_of = vec![0; ranked.len()];
    for (rank, &doc) in ranked.iter().enumerate() {
        rank_of[doc] = rank;
    }
    rank_of
}

/// An index as the engine stores it, in 32 bits (indices past `u32::MAX` saturate).
fn saturating_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Sorts passages (reuse first, then related and duplicate ones, then boilerplate, each by the ids and
/// offsets of their sides) and numbers them in that order.
fn number_in_order(corpus: &Corpus, passages: &mut [Passage]) {
    let key = |p: &Passage| {
        let side = |s: &Side| (corpus.documents[s.doc].id.clone(), s.span.start, s.span.end);
        let rank = u8::from(p.boilerplate) * 2 + u8::from(!p.kind.is_reuse() || p.duplicate);
        (rank, side(&p.a), side(&p.b), p.kind)
    };
    passages.sort_by_cached_key(key);
    for (i, p) in passages.iter_mut().enumerate() {
        p.id = i;
    }
}
