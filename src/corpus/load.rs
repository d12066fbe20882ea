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
            Self::EmptyFolder(p, skipped) if skipped.is_empty() => {
                write!(f, "no text files in {} (rehash reads {READS})", p.display())
            }
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

/// How folders are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Follow symbolic links inside folders (as `--follow` asks; off by default, as in
    /// ripgrep). Links named on the command line are always followed.
    pub follow: bool,
}

/// Loads files and folders (recursively) into a corpus, not following links inside folders.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_paths_with(paths, LoadOptions::default())
}

/// Loads files and folders (recursively) into a corpus; `-` is standard input (text, or JSON
/// lines).
pub fn load_paths_with(paths: &[PathBuf], options: LoadOptions) -> Result<Loaded, LoadError> {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            read_stdin(&mut sources, &mut warnings)?;
            continue;
        }
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(LoadError::Missing(path.clone()));
            }
            Err(e) => return Err(LoadError::Io(path.clone(), e)),
            Ok(_) => {}
        }
        let before = sources.len();
        let warned = warnings.len();
        let files = if path.is_dir() {
            let (files, skipped) = folder_files(path, options.follow);
            warnings.extend(skipped.warning(path));
            files
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
        corpus: Corpus::from_sources_unanalysed(sources),
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

/// The kinds of file a folder walk reads, as messages name them.
const READS: &str = ".txt, .md, .text and extension-less text, .jsonl and .json lines, \
                     .html and .htm pages, .docx and .pdf";

/// What a folder walk passed over, and why.
#[derive(Debug, Default)]
struct Skipped {
    /// Symbolic links not followed (without `--follow`).
    links: usize,
    /// The first of them.
    first_link: Option<PathBuf>,
    /// Files of a kind rehash does not read (`.log`, `.csv`, images…).
    other: Vec<PathBuf>,
    /// FIFOs, sockets and devices: no file to read.
    special: Vec<PathBuf>,
    /// Entries that could not be read, or link loops, with the reason.
    failed: Vec<String>,
}

impl Skipped {
    /// One warning for what the walk of `dir` passed over, if anything.
    fn warning(&self, dir: &Path) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(first) = &self.first_link {
            parts.push(format!(
                "{} not followed (--follow follows them; first: {})",
                crate::text::count(self.links, "symbolic link"),
                first.display()
            ));
        }
        if let Some(first) = self.other.first() {
            parts.push(format!(
                "{} of another kind (first: {}; rehash reads {READS})",
                crate::text::count(self.other.len(), "file"),
                first.display()
            ));
        }
        if let Some(first) = self.special.first() {
            parts.push(format!(
                "{} that {} no regular file (first: {})",
                crate::text::count(self.special.len(), "entry"),
                if self.special.len() == 1 { "is" } else { "are" },
                first.display()
            ));
        }
        if let Some(first) = self.failed.first() {
            parts.push(format!(
                "{} unreadable (first: {first})",
                crate::text::count(self.failed.len(), "entry")
            ));
        }
        (!parts.is_empty()).then(|| format!("in {}: {}", dir.display(), parts.join("; ")))
    }
}

/// The readable files under `dir`, recursively, in file-name order, hidden ones left out;
/// links followed only with `follow`. What it passes over is counted, with the reason.
fn folder_files(dir: &Path, follow: bool) -> (Vec<File>, Skipped) {
    let walk = WalkDir::new(dir)
        .follow_links(follow)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let (mut files, mut skipped) = (Vec::new(), Skipped::default());
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(dir).display().to_string();
                let why = if e.loop_ancestor().is_some() {
                    "a symbolic-link loop".to_owned()
                } else {
                    e.io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string)
                };
                skipped.failed.push(format!("{at}: {why}"));
                continue;
            }
        };
        let path = entry.path();
        let kind = entry.file_type();
        if kind.is_symlink() {
            skipped.links += 1;
            skipped.first_link.get_or_insert_with(|| path.to_path_buf());
            continue;
        }
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            skipped.special.push(path.to_path_buf());
            continue;
        }
        if kind_of(path) == Kind::Other {
            skipped.other.push(path.to_path_buf());
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
    (files, skipped)
}

/// Reads standard input as one document (`-`), or as JSON lines when it holds them.
fn read_stdin(sources: &mut Vec<Source>, warnings: &mut Vec<String>) -> Result<(), LoadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io(PathBuf::from("-"), e))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        warnings.push("standard input is empty".to_owned());
        return Ok(());
    }
    let text = decode(bytes, "standard input", warnings);
    let path = Path::new("-");
    let json = text.trim_start().starts_with(['{', '[']);
    if json {
        read_json_lines(&text, path, "", sources, warnings);
    } else {
        sources.push(Source {
            path: None,
            ..Source::new("-", text)
        });
    }
    Ok(())
}

#[derive(PartialEq, Eq)]
enum Kind {
    Text,
    JsonLines,
    /// A saved web page: its article is extracted.
    Page,
    /// A Word file: its text is extracted.
    Docx,
    /// A PDF: its text is extracted.
    Pdf,
    Other,
}

fn kind_of(path: &Path) -> Kind {
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("jsonl" | "json") => Kind::JsonLines,
        _ if super::page::is_page(Some(path)) => Kind::Page,
        Some("docx") => Kind::Docx,
        Some("pdf") => Kind::Pdf,
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
    let extracted = match kind_of(path) {
        Kind::Docx => Some(super::docx::read(&bytes)),
        Kind::Pdf => Some(super::pdf::read(&bytes)),
        Kind::Text | Kind::JsonLines | Kind::Page | Kind::Other => None,
    };
    if let Some(extracted) = extracted {
        match extracted {
            Ok(text) if !text.trim().is_empty() => found.sources.push(Source {
                id: file.id.clone(),
                path: Some(path.clone()),
                group: file.group.clone(),
                title: None,
                date: None,
                text,
            }),
            Ok(_) => found
                .warnings
                .push(format!("skipping {shown}: no text in it")),
            Err(why) => found.warnings.push(format!("skipping {shown}: {why}")),
        }
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
    if kind_of(path) == Kind::Page {
        match super::page::read(&text) {
            Ok(page) => found.sources.push(Source {
                id: file.id.clone(),
                path: Some(path.clone()),
                group: page.outlet.unwrap_or_else(|| file.group.clone()),
                title: page.title,
                date: page.date,
                text: page.text,
            }),
            Err(why) => found
                .warnings
                .push(format!("skipping web page {shown}: {why}")),
        }
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

/// UTF-8 if valid (a BOM is dropped). Text that is UTF-8 but for a few stray bytes (it holds
/// more valid multi-byte characters than bad bytes) is read as UTF-8, each bad byte replaced
/// (U+FFFD), with a warning; else the text is Windows-1252, with a warning.
fn decode(mut bytes: Vec<u8>, shown: &str, warnings: &mut Vec<String>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return text,
        Err(e) => e.into_bytes(),
    };
    let (valid_multibyte, bad) = utf8_evidence(&bytes);
    if valid_multibyte > bad {
        warnings.push(format!(
            "{shown}: {} not valid UTF-8, replaced with �",
            crate::text::count(bad, "byte sequence")
        ));
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    warnings.push(format!(
        "{shown} is not valid UTF-8: decoded as Windows-1252"
    ));
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(&bytes)
        .0
        .into_owned()
}

/// How many valid multi-byte UTF-8 characters `bytes` holds, and how many invalid sequences.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut bad) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    (valid, bad)
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
