//! Word files (`.docx`): the text of `word/document.xml`, in reading order, a paragraph a line;
//! a table's cells one after the other in a row, separated by ` | `, a row a line.

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

/// Most bytes `word/document.xml` may unpack to: a zip bomb stops here.
const MAX_XML: u64 = 256 << 20;

/// The text of a Word file's bytes; why not, when it cannot be read.
pub fn read(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word file ({e})"))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "not a Word file (no word/document.xml)".to_owned())?;
    let mut xml = String::new();
    entry
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| format!("unreadable document.xml ({e})"))?;
    text_of(&xml)
}

/// The text of a `document.xml`.
fn text_of(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut paragraph, mut cells) = (String::new(), String::new(), Vec::<String>::new());
    let (mut in_text, mut table_depth) = (false, 0usize);
    loop {
        match reader
            .read_event()
            .map_err(|e| format!("bad document.xml ({e})"))?
        {
            Event::Start(e) => match e.local_name().into_inner() {
                "t" => in_text = true,
                "tbl" => table_depth += 1,
                "tc" => cells.push(String::new()),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                // A tab or a line break inside a paragraph: a space between its words.
                "tab" | "br" | "cr" => paragraph.push(' '),
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.push_str(&t.xml10_content()),
            // Entities come apart from the text around them.
            Event::GeneralRef(r) if in_text => {
                let named = match r.xml10_content().as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                };
                let c = named.or_else(|| r.resolve_char_ref().ok().flatten());
                paragraph.extend(c);
            }
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "p" if table_depth > 0 => {
                    if let Some(cell) = cells.last_mut() {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(paragraph.trim());
                    }
                    paragraph.clear();
                }
                "p" => {
                    let line = paragraph.trim();
                    if !line.is_empty() {
                        out.push_str(line);
                        out.push('\n');
                    }
                    paragraph.clear();
                }
                "tr" => {
                    let row: Vec<&str> = cells
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect();
                    if !row.is_empty() {
                        out.push_str(&row.join(" | "));
                        out.push('\n');
                    }
                    cells.clear();
                }
                "tbl" => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A Word file holding `document.xml` (the test builds it; no file is shipped).
    pub(crate) fn docx(document: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options)
            .unwrap_or_default();
        zip.write_all(b"<Types/>").unwrap_or_default();
        zip.start_file("word/document.xml", options)
            .unwrap_or_default();
        zip.write_all(document.as_bytes()).unwrap_or_default();
        zip.finish()
            .map(std::io::Cursor::into_inner)
            .unwrap_or_default()
    }

    const TWO_PARAGRAPHS_AND_A_TABLE: &str = r#"<?xml version="1.0"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>The sea wall gave way</w:t></w:r><w:r><w:t xml:space="preserve"> on Sunday &amp; flooded homes.</w:t></w:r></w:p>
        <w:p><w:r><w:t>Officials said</w:t><w:tab/><w:t>repairs were late.</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cost</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>2019</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4.2 million</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        </w:body></w:document>"#;

    #[test]
    fn paragraphs_and_a_table_in_reading_order() {
        let text = read(&docx(TWO_PARAGRAPHS_AND_A_TABLE)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            text,
            "The sea wall gave way on Sunday & flooded homes.\nOfficials said repairs were late.\nYear | Cost\n2019 | 4.2 million\n"
        );
    }

    #[test]
    fn a_file_that_is_no_word_file_says_so() {
        assert!(read(b"not a zip").unwrap_err().contains("not a Word file"));
        let no_document = {
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            zip.start_file("other.xml", zip::write::SimpleFileOptions::default())
                .unwrap_or_default();
            zip.finish()
                .map(std::io::Cursor::into_inner)
                .unwrap_or_default()
        };
        assert!(
            read(&no_document)
                .unwrap_err()
                .contains("no word/document.xml")
        );
    }
}
