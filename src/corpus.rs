//! Documents and the corpus that holds them: loading files, folders and JSON lines, and the
//! embedded demo corpus. Builds on `text`; knows nothing of reuse or the terminal.

pub mod dates;
mod demo;
mod document;
mod docx;
mod jsonl;
mod load;
pub mod page;
pub mod pdf;

pub use demo::demo_corpus;
pub use document::Document;
pub use load::{LoadError, LoadOptions, Loaded, load_paths, load_paths_with};

use rayon::prelude::*;

/// A set of documents, in the order they were given.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The documents; a document's index here is its handle everywhere else.
    pub documents: Vec<Document>,
}

/// A document before analysis: where it came from and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable identifier (relative path, path as given, or the JSON `id`).
    pub id: String,
    /// The file it was read from, if any.
    pub path: Option<std::path::PathBuf>,
    /// Folder, outlet or series it belongs to (may be empty).
    pub group: String,
    /// An explicit title (JSON `title`), else the first line is used.
    pub title: Option<String>,
    /// Its publication date, as the input gives it (JSON `date`), if any.
    pub date: Option<String>,
    /// The decoded text.
    pub text: String,
}

impl Source {
    /// A source of text alone: no file, group or explicit title.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            path: None,
            group: String::new(),
            title: None,
            date: None,
            text: text.into(),
        }
    }
}

impl Corpus {
    /// Analyses every source (in parallel) into a corpus.
    pub fn from_sources(sources: Vec<Source>) -> Self {
        let documents = sources.into_par_iter().map(Document::new).collect();
        Self { documents }
    }

    /// A corpus of the sources whose documents are analysed when first used (see
    /// [`Corpus::analyse`]): reading findings from a cache needs only their texts.
    pub fn from_sources_unanalysed(sources: Vec<Source>) -> Self {
        let documents = sources.into_par_iter().map(Document::unanalysed).collect();
        Self { documents }
    }

    /// Analyses every document not analysed yet, in parallel.
    pub fn analyse(&self) {
        self.documents.par_iter().for_each(Document::analyse);
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// Whether the corpus has no document.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// The index of the document with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }
}
