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
    let mut skipped = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str::<Record>(line) {
            Ok(record) => sources.push(Source {
                id: match record.id {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                },
                path: Some(path.to_path_buf()),
                group: record.series.unwrap_or_else(|| group.to_owned()),
                title: record.title,
                date: record.date,
                text: record.text,
            }),
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

/// A JSON error without serde's "at line 1 column N", which counts within one JSON line.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message,
    }
}
