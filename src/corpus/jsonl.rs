//! JSON lines as passim reads them: one object a line with `id` and `text` (and optionally
//! `title`, `series` and `date`).

use std::path::Path;

use serde::Deserialize;

use super::Source;

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    title: Option<String>,
    series: Option<String>,
    date: Option<String>,
}

/// Reads the documents of a JSON lines file into `sources`, with one warning for the lines
/// that are not documents.
pub(super) fn read_json_lines(
    text: &str,
    path: &Path,
    group: &str,
    sources: &mut Vec<Source>,
    warnings: &mut Vec<String>,
) {
    if text.trim_start().starts_with('[') {
        read_json_array(text, path, group, sources, warnings);
        return;
    }
    let mut skipped = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str::<Record>(line) {
            Ok(record) => sources.push(source(record, path, group)),
            Err(e) => skipped.push(format!("line {}: {}", n + 1, without_position(&e))),
        }
    }
    let Some(first) = skipped.first() else { return };
    let count = skipped.len();
    let shown = path.display();
    if sources.is_empty() {
        warnings.push(format!(
            "no documents in {shown}: each JSON line needs \"id\" and \"text\" ({count} line(s) skipped; {first})"
        ));
    } else {
        warnings.push(format!("{shown}: skipped {count} line(s) ({first})"));
    }
}

/// Reads a JSON array of records (`[{"id": …, "text": …}, …]`) as JSON lines would be read,
/// or says what is expected.
fn read_json_array(
    text: &str,
    path: &Path,
    group: &str,
    sources: &mut Vec<Source>,
    warnings: &mut Vec<String>,
) {
    match serde_json::from_str::<Vec<Record>>(text) {
        Ok(records) => sources.extend(records.into_iter().map(|r| source(r, path, group))),
        Err(e) => warnings.push(format!(
            "no documents in {}: a JSON array must hold records with \"id\" and \"text\" ({e})",
            path.display()
        )),
    }
}

/// The document of a record.
fn source(record: Record, path: &Path, group: &str) -> Source {
    Source {
        id: match record.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        },
        path: Some(path.to_path_buf()),
        group: record.series.unwrap_or_else(|| group.to_owned()),
        title: record.title,
        date: record.date,
        text: record.text,
    }
}

/// A JSON error without serde's "at line 1 column N", which counts within one JSON line.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message,
    }
}
