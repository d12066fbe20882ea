//! PAN's plagiarism-detection format: one XML file per pair of documents, named
//! `suspicious-documentXYZ-source-documentABC.xml`, each detection a `detected-plagiarism`
//! feature in char offsets; PAN's evaluation tools score it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::html::escape;
use crate::corpus::{Corpus, Document};
use crate::files::write_atomic;
use crate::reuse::{Report, Side};

/// Writes one XML file per pair of documents that share reuse into `dir` (created if
/// missing); returns how many. For PAN's file names the suspicious document is `this` and
/// the source is `source`; otherwise the document whose id sorts first is `this`.
pub fn write_pan_xml(dir: &Path, corpus: &Corpus, report: &Report) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut pairs: BTreeMap<(usize, usize), Vec<(Side, Side)>> = BTreeMap::new();
    // Reuse, and copies of one article (plagiarism too): no boilerplate, no same story.
    for p in report
        .passages
        .iter()
        .filter(|p| !p.boilerplate && p.kind.is_reuse())
    {
        let (this, source) = oriented(corpus, p.a, p.b);
        pairs
            .entry((this.doc, source.doc))
            .or_default()
            .push((this, source));
    }
    for ((this, source), detections) in &pairs {
        let (dt, ds) = (&corpus.documents[*this], &corpus.documents[*source]);
        let xml = document(dt, ds, detections);
        let name = format!("{}-{}.xml", stem(dt), stem(ds));
        write_atomic(&dir.join(name), xml.as_bytes())?;
    }
    Ok(pairs.len())
}

/// The sides of a passage as (this, source).
fn oriented(corpus: &Corpus, a: Side, b: Side) -> (Side, Side) {
    let named =
        |side: Side, prefix: &str| file_name(&corpus.documents[side.doc]).starts_with(prefix);
    if named(b, "suspicious-document") && named(a, "source-document") {
        (b, a)
    } else {
        (a, b)
    }
}

/// The XML of one pair.
fn document(this: &Document, source: &Document, detections: &[(Side, Side)]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(xml, "<document reference=\"{}\">", escape(file_name(this)));
    for (t, s) in detections {
        let _ = writeln!(
            xml,
            "<feature name=\"detected-plagiarism\" this_offset=\"{}\" this_length=\"{}\" \
             source_reference=\"{}\" source_offset=\"{}\" source_length=\"{}\"/>",
            t.span.start,
            t.span.len(),
            escape(file_name(source)),
            s.span.start,
            s.span.len()
        );
    }
    xml.push_str("</document>\n");
    xml
}

/// A document's file name (its id's last part).
fn file_name(document: &Document) -> &str {
    Path::new(&document.id)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(&document.id)
}

/// A file name without its extension, made safe for a file name of our own.
fn stem(document: &Document) -> String {
    let name = file_name(document);
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    stem.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    #[test]
    fn pan_names_set_the_orientation_and_text_is_escaped() {
        let corpus = Corpus::from_sources(vec![
            Source::new("src/source-document00002.txt", "x"),
            Source::new("susp/suspicious-document00001.txt", "x"),
            Source::new("b&\"c<d>.txt", "x"),
        ]);
        let side = |doc: usize| Side {
            doc,
            span: corpus.documents[doc].map().span(0, 1),
        };
        let (this, source) = oriented(&corpus, side(0), side(1));
        assert_eq!(
            (this.doc, source.doc),
            (1, 0),
            "the suspicious document is this"
        );
        assert_eq!(
            oriented(&corpus, side(2), side(0)).0.doc,
            2,
            "else the id order"
        );
        assert_eq!(escape("b&\"c<d>"), "b&amp;&quot;c&lt;d&gt;", "XML-safe too");
        assert_eq!(stem(&corpus.documents[2]), "b__c_d_");
        let xml = document(
            &corpus.documents[1],
            &corpus.documents[0],
            &[(side(1), side(0))],
        );
        assert!(xml.contains("<document reference=\"suspicious-document00001.txt\">"));
        assert!(xml.contains(
            "this_offset=\"0\" this_length=\"1\" source_reference=\"source-document00002.txt\""
        ));
    }
}
