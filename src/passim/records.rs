//! Reading passim's output: every `part-*` file of a folder (JSON lines, plain or gzip), each
//! record a cluster member or a pairwise alignment. Spark drops null fields, so any field may
//! be missing; what cannot be used is counted with a few examples, never fatal.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

use serde_json::Value;

use crate::corpus::Corpus;
use crate::reuse::Side;

/// Examples kept per reason a record was left out.
const EXAMPLES: usize = 3;

/// What was read, used and left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// `part-*` files read.
    pub files: usize,
    /// Records (non-empty lines) read.
    pub records: usize,
    /// Records used.
    pub used: usize,
    /// Passages built from them.
    pub passages: usize,
    /// Per reason a record was left out: how many, and the first examples.
    pub left: BTreeMap<String, (usize, Vec<String>)>,
}

impl Counts {
    /// Counts a record left out for `reason`, keeping `example` among the first few.
    pub fn left_out(&mut self, reason: &str, example: &str) {
        let entry = self.left.entry(reason.to_owned()).or_default();
        entry.0 += 1;
        if entry.1.len() < EXAMPLES {
            entry.1.push(example.chars().take(80).collect());
        }
    }

    /// One line per reason records were left out.
    pub fn warnings(&self) -> Vec<String> {
        self.left
            .iter()
            .map(|(reason, (n, examples))| {
                format!(
                    "passim: {} left out, {reason} (first: {})",
                    crate::text::count(*n, "record"),
                    examples.join("; ")
                )
            })
            .collect()
    }
}

/// A member of a passim cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Where it is.
    pub side: Side,
    /// Whether passim flagged it as boilerplate (`boiler`, or `pboiler` over one half).
    pub boilerplate: bool,
}

/// A pairwise alignment of passim's.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The side in `id`.
    pub a: Side,
    /// The side in `id2`.
    pub b: Side,
    /// The aligned text of side a, gaps as `-` (real hyphens are U+2010).
    pub s1: Option<String>,
    /// The aligned text of side b.
    pub s2: Option<String>,
    /// Matching characters of the alignment.
    pub matches: Option<f64>,
}

/// Every usable record of a folder.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Pairwise alignments.
    pub pairs: Vec<Pair>,
    /// Cluster members, by cluster.
    pub clusters: BTreeMap<String, Vec<Member>>,
}

/// Reads every `part-*` file under `dir`.
pub fn read_dir(corpus: &Corpus, dir: &Path) -> Result<(Parsed, Counts), String> {
    if !dir.is_dir() {
        return Err(format!("{}: not a folder of passim output", dir.display()));
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (doc, d) in corpus.documents.iter().enumerate() {
        ids.insert(d.id.as_str(), doc);
    }
    let mut files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name().to_string_lossy().starts_with("part-"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    let (mut parsed, mut counts) = (Parsed::default(), Counts::default());
    for file in &files {
        let shown = file.display().to_string();
        let text = match read_part(file) {
            Ok(text) => text,
            Err(reason) => {
                counts.left_out(&reason, &shown);
                continue;
            }
        };
        counts.files += 1;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            counts.records += 1;
            match record(corpus, &ids, line, &mut parsed) {
                Ok(()) => counts.used += 1,
                Err(reason) => counts.left_out(reason, line),
            }
        }
    }
    if counts.files == 0 {
        return Err(format!(
            "{}: no part-* file of passim output in it",
            dir.display()
        ));
    }
    Ok((parsed, counts))
}

/// The text of one `part-*` file: gzip by its name, else plain.
fn read_part(path: &Path) -> Result<String, String> {
    let name = path.to_string_lossy();
    let bytes = std::fs::read(path).map_err(|e| format!("unreadable file ({e})"))?;
    if name.ends_with(".bz2") {
        return Err("bzip2 file (decompress it with bunzip2 first)".to_owned());
    }
    if name.ends_with(".gz") {
        let mut text = String::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .map_err(|e| format!("bad gzip file ({e})"))?;
        return Ok(text);
    }
    String::from_utf8(bytes).map_err(|_| "file not in UTF-8".to_owned())
}

/// Reads one record into `parsed`; why not, if it cannot be used.
fn record(
    corpus: &Corpus,
    ids: &HashMap<&str, usize>,
    line: &str,
    parsed: &mut Parsed,
) -> Result<(), &'static str> {
    let value: Value = serde_json::from_str(line).map_err(|_| "not JSON")?;
    let side = |id: &str, begin: &str, end: &str| -> Result<Side, &'static str> {
        let id = text_of(&value[id]).ok_or("no id")?;
        let doc = *ids.get(id.as_str()).ok_or("of no loaded document")?;
        let (begin, end) = (number(&value[begin]), number(&value[end]));
        let (Some(begin), Some(end)) = (begin, end) else {
            return Err("no begin or end");
        };
        let document = &corpus.documents[doc];
        if begin >= end || end > document.chars() {
            return Err("offsets outside the document");
        }
        Ok(Side {
            doc,
            span: document.map().span(begin, end),
        })
    };
    if value.get("id2").is_some() {
        let (a, b) = (side("id", "begin", "end")?, side("id2", "begin2", "end2")?);
        if a.doc == b.doc {
            return Err("linking a document to itself");
        }
        parsed.pairs.push(Pair {
            a,
            b,
            s1: value["s1"].as_str().map(str::to_owned),
            s2: value["s2"].as_str().map(str::to_owned),
            matches: value["matches"].as_f64(),
        });
        return Ok(());
    }
    let cluster = text_of(&value["cluster"]).ok_or("neither a cluster member nor a pair")?;
    let boilerplate = value["boiler"].as_bool().unwrap_or(false)
        || value["pboiler"].as_f64().is_some_and(|p| p > 0.5);
    let side = side("id", "begin", "end")?;
    parsed
        .clusters
        .entry(cluster)
        .or_default()
        .push(Member { side, boilerplate });
    Ok(())
}

/// A JSON string, or a number as its text (passim's ids and clusters may be either).
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A non-negative whole number.
fn number(value: &Value) -> Option<usize> {
    value.as_u64().and_then(|n| usize::try_from(n).ok())
}
