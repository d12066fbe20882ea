//! The results cache: the engine's findings for a corpus, kept in the platform cache folder so
//! that reopening an unchanged corpus skips detection. An entry is keyed by the corpus's
//! identity (see [`corpus_key`]) and holds, besides the findings, the content hash of each
//! document, the engine options and the engine version: any difference is a miss, and the
//! corpus is scanned again. Entries are written atomically, and the oldest are evicted past a
//! size limit. Knows nothing of the terminal.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::corpus::{Corpus, Document};
use crate::files::{TEMPORARY_SUFFIX, write_atomic};
use crate::reuse::{Cluster, Options, Passage, Report, Side};

mod previous;

/// Bumped whenever the engine finds something else in the same input, or the entry's layout
/// changes: older entries are then misses.
pub const ENGINE_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/engine-5");

/// The first bytes of every entry.
const MAGIC: [u8; 8] = *b"rehash\0\x02";

/// File name extension of an entry.
const EXTENSION: &str = "findings";

/// Chunks the passages are encoded in.
const PASSAGE_CHUNKS: usize = 16;

/// Default size limit of the cache folder, in bytes.
pub const DEFAULT_LIMIT: u64 = 512 * 1024 * 1024;

/// What identifies an entry's corpus and what its findings were computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    magic: [u8; 8],
    engine: String,
    options: Options,
    /// Each document's id and content hash, in corpus order.
    documents: Vec<(String, u64)>,
    /// Hash of the encoded findings that follow, to catch a damaged file.
    checksum: u64,
}

/// The findings, as [`Report::new`] rebuilds a report from them. The passages, most of the
/// bytes, are encoded in chunks that decode in parallel.
#[derive(Debug, Serialize, Deserialize)]
struct Findings {
    passages: Vec<Vec<u8>>,
    clusters: Vec<Cluster>,
    boilerplate: Vec<Side>,
    duplicates: Vec<Vec<usize>>,
    /// Each document's number of words, so that the reader's library need not tokenise.
    words: Vec<usize>,
}

/// What the cache holds for a corpus.
#[derive(Debug)]
pub enum Lookup {
    /// The findings for these very texts, options and engine.
    Hit(Report),
    /// The corpus changed since the entry was written (`miss` says how): the findings it holds
    /// among the documents left as they were, none touching an added, changed or removed one.
    Previous {
        /// Those findings, on the documents as they are now.
        report: Report,
        /// What changed.
        miss: Miss,
    },
    /// Nothing to show, and why.
    Miss(Miss),
}

/// Why the cache could not give the findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// No entry for this corpus yet.
    New,
    /// The corpus changed since the entry was written.
    Changed {
        /// Documents now present that were not.
        added: usize,
        /// Documents gone.
        removed: usize,
        /// Documents whose text (or series) changed.
        changed: usize,
    },
    /// The entry was computed with other engine options.
    Options,
    /// The entry was written by another version of the engine.
    Version,
    /// The entry is damaged (truncated, corrupt): it is ignored and rebuilt.
    Damaged(String),
}

impl Miss {
    /// A one-line notice of the miss, or none for a corpus never seen.
    pub fn notice(&self) -> Option<String> {
        let text = match self {
            Self::New => return None,
            Self::Changed { .. } => {
                format!(
                    "{} since the last scan: scanning the whole corpus again",
                    self.changes()
                )
            }
            Self::Options => "engine options changed since the last scan: scanning again".into(),
            Self::Version => "cached findings are from another version: scanning again".into(),
            Self::Damaged(why) => format!("cached findings unreadable ({why}): rebuilt"),
        };
        Some(text)
    }

    /// The notice of a change shown while the whole corpus is scanned again behind the last
    /// findings of the articles left as they were.
    pub fn notice_while_scanning(&self) -> String {
        format!(
            "{} since the last scan: the last findings, while all is scanned again",
            self.changes()
        )
    }

    /// Whether the last findings are worth showing while the corpus is scanned again: at
    /// least half of its `articles` are as they were.
    pub fn leaves_most_as_they_were(&self, articles: usize) -> bool {
        match self {
            Self::Changed { added, changed, .. } => {
                let same = articles.saturating_sub(added + changed);
                same >= 2 && same * 2 >= articles
            }
            Self::New | Self::Options | Self::Version | Self::Damaged(_) => false,
        }
    }

    /// "2 articles added, 1 changed": what changed, for a [`Miss::Changed`].
    fn changes(&self) -> String {
        let Self::Changed {
            added,
            removed,
            changed,
        } = self
        else {
            return String::new();
        };
        let parts: Vec<String> = [(added, "added"), (removed, "removed"), (changed, "changed")]
            .into_iter()
            .filter(|(n, _)| **n > 0)
            .map(|(n, what)| format!("{} {what}", crate::text::count(*n, "article")))
            .collect();
        if parts.is_empty() {
            "the articles' order changed".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// A cache folder and its size limit.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    limit: u64,
}

/// The platform cache folder of rehash (`$XDG_CACHE_HOME/rehash` on Linux), if there is one.
pub fn default_dir() -> Option<PathBuf> {
    crate::config::project_dirs().map(|d| d.cache_dir().to_owned())
}

/// The identity of a corpus: the inputs it was read from (folders and files, made absolute),
/// else (standard input, the demo) the ids of its documents. Adding a file to a folder keeps
/// the identity, so the cache can say what changed.
pub fn corpus_key(inputs: &[PathBuf], corpus: &Corpus) -> String {
    let mut hasher = Xxh3::new();
    let files: Vec<PathBuf> = inputs
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    if files.is_empty() || files.len() < inputs.len() {
        let mut ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        for id in ids {
            hasher.update(id.as_bytes());
            hasher.update(b"\0");
        }
    }
    let mut files = files;
    files.sort();
    for file in files {
        hasher.update(file.as_os_str().as_encoded_bytes());
        hasher.update(b"\0");
    }
    format!("{:016x}", hasher.digest())
}

/// Each document's id and the hash of what the engine reads of it: its series and its text.
fn fingerprints(corpus: &Corpus) -> Vec<(String, u64)> {
    corpus
        .documents
        .par_iter()
        .map(|d| {
            let mut hasher = Xxh3::new();
            hasher.update(d.group.as_bytes());
            hasher.update(b"\0");
            hasher.update(d.text.as_bytes());
            (d.id.clone(), hasher.digest())
        })
        .collect()
}

impl Cache {
    /// The cache in `dir`, holding at most `limit` bytes.
    pub fn new(dir: impl Into<PathBuf>, limit: u64) -> Self {
        Self {
            dir: dir.into(),
            limit,
        }
    }

    /// Its folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.{EXTENSION}"))
    }

    /// The findings cached for `corpus` (identified by `key`) with `options`, or why not.
    pub fn lookup(&self, key: &str, corpus: &Corpus, options: &Options) -> Result<Report, Miss> {
        match self.find(key, corpus, options, false) {
            Lookup::Hit(report) => Ok(report),
            Lookup::Previous { miss, .. } | Lookup::Miss(miss) => Err(miss),
        }
    }

    /// As [`Cache::lookup`], but when the corpus changed since the entry was written and most
    /// of its documents are as they were ([`Miss::leaves_most_as_they_were`]), the findings it
    /// holds among those, to show while scanning again.
    pub fn lookup_or_previous(&self, key: &str, corpus: &Corpus, options: &Options) -> Lookup {
        self.find(key, corpus, options, true)
    }

    fn find(&self, key: &str, corpus: &Corpus, options: &Options, previous: bool) -> Lookup {
        let path = self.entry(key);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lookup::Miss(Miss::New),
            Err(e) => return Lookup::Miss(Miss::Damaged(e.to_string())),
        };
        let found = decode(&bytes, corpus, options, previous);
        if matches!(found, Lookup::Hit(_)) {
            // A hit is a use: the entry is evicted last.
            let _ = std::fs::File::options()
                .append(true)
                .open(&path)
                .and_then(|f| f.set_modified(SystemTime::now()));
        }
        found
    }

    /// Writes the findings for `corpus` (identified by `key`) with `options`, then evicts the
    /// oldest entries past the size limit.
    pub fn store(
        &self,
        key: &str,
        corpus: &Corpus,
        options: &Options,
        report: &Report,
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let bytes = encode(corpus, options, report)?;
        write_atomic(&self.entry(key), &bytes)?;
        self.evict(key)
    }

    /// Removes the oldest entries (and temporary files a crash left) until the folder holds
    /// no more than the limit; the entry `keep` stays whatever its size.
    fn evict(&self, keep: &str) -> std::io::Result<()> {
        let mut entries: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in std::fs::read_dir(&self.dir)? {
            let path = entry?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let Some(name) = name else { continue };
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            if name.ends_with(TEMPORARY_SUFFIX) {
                let stale = modified.elapsed().is_ok_and(|age| age.as_secs() > 3600);
                if stale {
                    let _ = std::fs::remove_file(&path);
                }
            } else if name.ends_with(EXTENSION) && name != format!("{keep}.{EXTENSION}") {
                entries.push((modified, meta.len(), path));
            }
        }
        let kept = std::fs::metadata(self.entry(keep)).map_or(0, |m| m.len());
        let mut total: u64 = kept + entries.iter().map(|e| e.1).sum::<u64>();
        entries.sort();
        for (_, size, path) in entries {
            if total <= self.limit {
                break;
            }
            // Another reader (or `rehash cache --clear`) may have removed it first.
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => total -= size,
            }
        }
        Ok(())
    }
}

/// Empties the cache folder `dir` of its entries; returns how many were removed.
pub fn clear(dir: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| n.ends_with(EXTENSION) || n.ends_with(TEMPORARY_SUFFIX)) {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn encode(corpus: &Corpus, options: &Options, report: &Report) -> std::io::Result<Vec<u8>> {
    let chunk = report.passages.len().div_ceil(PASSAGE_CHUNKS).max(1);
    let passages: Result<Vec<Vec<u8>>, postcard::Error> = report
        .passages
        .par_chunks(chunk)
        .map(postcard::to_stdvec)
        .collect();
    let findings = Findings {
        passages: passages.map_err(std::io::Error::other)?,
        clusters: report.clusters.clone(),
        boilerplate: report.boilerplate.clone(),
        duplicates: report.duplicates.clone(),
        words: corpus.documents.iter().map(Document::words).collect(),
    };
    let body = postcard::to_stdvec(&findings).map_err(std::io::Error::other)?;
    let header = Header {
        magic: MAGIC,
        engine: ENGINE_VERSION.to_owned(),
        options: options.clone(),
        documents: fingerprints(corpus),
        checksum: xxh3_64(&body),
    };
    let mut bytes = postcard::to_stdvec(&header).map_err(std::io::Error::other)?;
    bytes.extend_from_slice(&body);
    Ok(bytes)
}

/// Reads an entry for `corpus` with `options`: a hit when its documents are the same; else,
/// when `previous` is asked for, the findings among the documents left unchanged.
fn decode(bytes: &[u8], corpus: &Corpus, options: &Options, previous: bool) -> Lookup {
    match read_entry(bytes, corpus, options, previous) {
        Ok(found) => found,
        Err(miss) => Lookup::Miss(miss),
    }
}

fn read_entry(
    bytes: &[u8],
    corpus: &Corpus,
    options: &Options,
    previous: bool,
) -> Result<Lookup, Miss> {
    if !bytes.starts_with(&MAGIC) {
        return Err(Miss::Damaged("not a findings file".into()));
    }
    let (header, body): (Header, &[u8]) =
        postcard::take_from_bytes(bytes).map_err(|e| Miss::Damaged(e.to_string()))?;
    if header.engine != ENGINE_VERSION {
        return Err(Miss::Version);
    }
    if header.options != *options {
        return Err(Miss::Options);
    }
    let now = fingerprints(corpus);
    // What changed, if anything: the last findings are worth showing only while most
    // articles are as they were.
    let changed = (header.documents != now).then(|| changes(&header.documents, &now));
    if let Some(miss) = &changed
        && (!previous || !miss.leaves_most_as_they_were(corpus.len()))
    {
        return Err(miss.clone());
    }
    if xxh3_64(body) != header.checksum {
        return Err(Miss::Damaged("checksum mismatch".into()));
    }
    let findings: Findings =
        postcard::from_bytes(body).map_err(|e| Miss::Damaged(e.to_string()))?;
    if findings.words.len() != header.documents.len() {
        return Err(Miss::Damaged("word counts do not fit".into()));
    }
    let passages = decode_passages(&findings.passages)?;
    if let Some(miss) = changed {
        let report = previous::project(findings, passages, &header.documents, &now, corpus)?;
        return Ok(Lookup::Previous { report, miss });
    }
    for (document, &words) in corpus.documents.iter().zip(&findings.words) {
        document.remember_words(words);
    }
    let duplicates_fit = findings
        .duplicates
        .iter()
        .flatten()
        .all(|&d| d < corpus.len());
    if !duplicates_fit || !fits(corpus, &passages, &findings.clusters, &findings.boilerplate) {
        return Err(Miss::Damaged("places outside the documents".into()));
    }
    let mut report = Report::new(
        passages,
        findings.clusters,
        findings.boilerplate,
        corpus.len(),
    );
    report.set_duplicates(findings.duplicates);
    Ok(Lookup::Hit(report))
}

/// The passages of an entry, decoded chunk by chunk in parallel.
fn decode_passages(chunks: &[Vec<u8>]) -> Result<Vec<Passage>, Miss> {
    let decoded: Result<Vec<Vec<Passage>>, postcard::Error> = chunks
        .par_iter()
        .map(|chunk| postcard::from_bytes(chunk))
        .collect();
    Ok(decoded
        .map_err(|e| Miss::Damaged(e.to_string()))?
        .into_iter()
        .flatten()
        .collect())
}

/// Whether every place the findings name lies in its document, on char boundaries: a damaged
/// entry that passed the checksum must not make the reader slice outside a text.
fn fits(corpus: &Corpus, passages: &[Passage], clusters: &[Cluster], boilerplate: &[Side]) -> bool {
    let side_fits = |side: &Side| {
        corpus.documents.get(side.doc).is_some_and(|d| {
            let span = side.span;
            span.start <= span.end
                && span.byte_start <= span.byte_end
                && span.end <= d.chars()
                && d.text.get(span.byte_start..span.byte_end).is_some()
        })
    };
    let passage_fits = |p: &Passage| {
        side_fits(&p.a)
            && side_fits(&p.b)
            && p.parts
                .iter()
                .all(|part| side_fits(&part.a) && side_fits(&part.b))
            && p.diff.iter().all(|op| {
                side_fits(&Side {
                    doc: p.a.doc,
                    span: op.a,
                }) && side_fits(&Side {
                    doc: p.b.doc,
                    span: op.b,
                })
            })
    };
    passages.iter().all(passage_fits)
        && clusters.iter().all(|c| {
            c.members.iter().all(side_fits)
                && c.representative < c.members.len().max(1)
                && c.passages.iter().all(|&p| p < passages.len())
        })
        && boilerplate.iter().all(side_fits)
}

/// How the documents changed between the cached list and the current one.
fn changes(before: &[(String, u64)], now: &[(String, u64)]) -> Miss {
    let old: rustc_hash::FxHashMap<&str, u64> =
        before.iter().map(|(id, h)| (id.as_str(), *h)).collect();
    let new: rustc_hash::FxHashMap<&str, u64> =
        now.iter().map(|(id, h)| (id.as_str(), *h)).collect();
    let added = new.keys().filter(|id| !old.contains_key(*id)).count();
    let removed = old.keys().filter(|id| !new.contains_key(*id)).count();
    let changed = new
        .iter()
        .filter(|(id, h)| old.get(*id).is_some_and(|o| o != *h))
        .count();
    Miss::Changed {
        added,
        removed,
        changed,
    }
}

#[cfg(test)]
mod tests;
