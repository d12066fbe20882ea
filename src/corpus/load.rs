//! Reading articles from files, folders and JSON lines. Never writes to what it reads.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::jsonl::read_json_lines;
use super::{Corpus, Source};

/// Why a set of paths could not be loaded. Shown to the user as it is.
#[derive(Debug)]
pub enum LoadError {
    /// A path given on the command line does not exist.
    Missing(PathBuf),
    /// A folder holds no file rehash can read; the warnings say what was skipped.
    EmptyFolder(PathBuf, Vec<String>),
    /// Nothing at all could be loaded from the paths; the warnings say why.
    NoDocuments(Vec<String>),
    /// A file exists but could not be read.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing(p) => write!(f, "no such file: {}", p.display()),
            Self::EmptyFolder(p, skipped) if skipped.is_empty() => write!(
                f,
                "no text files in {} (rehash reads .txt, .md, .text, extension-less text, .jsonl and .json)",
                p.display()
            ),
            Self::EmptyFolder(p, skipped) => {
                write!(
                    f,
                    "no readable documents in {} ({})",
                    p.display(),
                    skipped.join("; ")
                )
            }
            Self::NoDocuments(why) if why.is_empty() => {
                write!(f, "no readable documents in the given paths")
            }
            Self::NoDocuments(why) => write!(
                f,
                "no readable documents in the given paths ({})",
                why.join("; ")
            ),
            Self::Io(p, e) => write!(f, "cannot read {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// A loaded corpus and the warnings met on the way (skipped files, re-decoded text).
#[derive(Debug)]
pub struct Loaded {
    /// The documents.
    pub corpus: Corpus,
    /// One line per problem that did not stop the load.
    pub warnings: Vec<String>,
}

/// Loads files and folders (recursively) into a corpus.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(LoadError::Missing(path.clone()));
            }
            Err(e) => return Err(LoadError::Io(path.clone(), e)),
            Ok(_) => {}
        }
        let before = sources.len();
        let files = if path.is_dir() {
            folder_files(path)?
        } else {
            vec![File {
                path: path.clone(),
                id: path.to_string_lossy().into_owned(),
                group: parent_name(path),
            }]
        };
        let listed = files.len();
        let root = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let files = first_sightings(files, path, &root, &mut seen, &mut warnings);
        let all_read_before = listed > 0 && files.is_empty();
        let warned = warnings.len();
        let read: Vec<Result<Found, LoadError>> = files.par_iter().map(load_file).collect();
        for found in read {
            let found = found?;
            sources.extend(found.sources);
            warnings.extend(found.warnings);
        }
        if path.is_dir() && sources.len() == before && !all_read_before {
            return Err(LoadError::EmptyFolder(
                path.clone(),
                warnings.split_off(warned),
            ));
        }
    }
    dedupe_ids(&mut sources, &mut warnings);
    if sources.is_empty() {
        return Err(LoadError::NoDocuments(warnings));
    }
    Ok(Loaded {
        corpus: Corpus::from_sources(sources),
        warnings,
    })
}

/// The files not already read from an earlier path (the same file given twice, or inside two
/// folders given), with a warning for each one left out.
/// A file is known by its place under the canonical form of the path given (one system call
/// per argument, not per file).
fn first_sightings(
    files: Vec<File>,
    given: &Path,
    root: &Path,
    seen: &mut HashSet<PathBuf>,
    warnings: &mut Vec<String>,
) -> Vec<File> {
    files
        .into_iter()
        .filter(|file| {
            let real = match file.path.strip_prefix(given) {
                Ok(relative) if !relative.as_os_str().is_empty() => root.join(relative),
                _ => root.to_path_buf(),
            };
            let first = seen.insert(real);
            if !first {
                warnings.push(format!("{} given twice: read once", file.path.display()));
            }
            first
        })
        .collect()
}

/// A file to read, with the id and group its document will have.
struct File {
    path: PathBuf,
    id: String,
    group: String,
}

/// What one file gave: documents (none, one, or many for JSON lines) and warnings.
#[derive(Default)]
struct Found {
    sources: Vec<Source>,
    warnings: Vec<String>,
}

/// The readable files under `dir`, recursively, in file-name order, hidden ones left out.
fn folder_files(dir: &Path) -> Result<Vec<File>, LoadError> {
    let walk = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut files = Vec::new();
    for entry in walk {
        let entry = entry.map_err(|e| {
            let at = e.path().unwrap_or(dir).to_path_buf();
            LoadError::Io(at, e.into())
        })?;
        let path = entry.path();
        if !entry.file_type().is_file() || kind_of(path) == Kind::Other {
            continue;
        }
        let relative = path.strip_prefix(dir).unwrap_or(path);
        let group = relative
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .filter(|g| !g.is_empty())
            .unwrap_or_else(|| parent_name(path));
        files.push(File {
            path: path.to_path_buf(),
            id: relative.to_string_lossy().replace('\\', "/"),
            group,
        });
    }
    Ok(files)
}

#[derive(PartialEq, Eq)]
enum Kind {
    Text,
    JsonLines,
    Other,
}

fn kind_of(path: &Path) -> Kind {
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("jsonl" | "json") => Kind::JsonLines,
        Some("txt" | "md" | "text") | None => Kind::Text,
        Some(_) => Kind::Other,
    }
}

fn load_file(file: &File) -> Result<Found, LoadError> {
    let path = &file.path;
    let bytes = fs::read(path).map_err(|e| LoadError::Io(path.clone(), e))?;
    let shown = path.display();
    let mut found = Found::default();
    if u32::try_from(bytes.len()).is_err() {
        found
            .warnings
            .push(format!("skipping {shown}: larger than 4 GiB"));
        return Ok(found);
    }
    if bytes.contains(&0) {
        found.warnings.push(format!("skipping binary file {shown}"));
        return Ok(found);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        found.warnings.push(format!("skipping empty file {shown}"));
        return Ok(found);
    }
    let text = decode(bytes, &shown.to_string(), &mut found.warnings);
    if kind_of(path) == Kind::JsonLines {
        read_json_lines(
            &text,
            path,
            &file.group,
            &mut found.sources,
            &mut found.warnings,
        );
        return Ok(found);
    }
    // A Markdown front matter gives the title and the date; the text stays as it is, so
    // that offsets are the file's.
    let front = super::dates::front_matter(&text);
    found.sources.push(Source {
        id: file.id.clone(),
        path: Some(path.clone()),
        group: file.group.clone(),
        title: front.title,
        date: front.date,
        text,
    });
    Ok(found)
}

/// UTF-8 if valid (a BOM is dropped), else Windows-1252 with a warning.
fn decode(mut bytes: Vec<u8>, shown: &str, warnings: &mut Vec<String>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return text,
        Err(e) => e.into_bytes(),
    };
    warnings.push(format!(
        "{shown} is not valid UTF-8: decoded as Windows-1252"
    ));
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(&bytes)
        .0
        .into_owned()
}

fn parent_name(path: &Path) -> String {
    path.parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Renames documents that share an id (`a.txt` in two folders) to `a.txt#2`, `a.txt#3`, … in
/// the order of their paths, so that the names do not depend on the order of the arguments.
fn dedupe_ids(sources: &mut [Source], warnings: &mut Vec<String>) {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&x, &y| {
        let key = |s: &Source| (s.id.clone(), s.path.clone());
        key(&sources[x]).cmp(&key(&sources[y])).then(x.cmp(&y))
    });
    let mut seen = HashSet::new();
    for i in order {
        let source = &mut sources[i];
        if !seen.insert(source.id.clone()) {
            let mut n = 2;
            while !seen.insert(format!("{}#{n}", source.id)) {
                n += 1;
            }
            let renamed = format!("{}#{n}", source.id);
            warnings.push(format!("duplicate id {}: renamed {renamed}", source.id));
            source.id = renamed;
        }
    }
}
