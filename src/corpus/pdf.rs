//! PDF files: their text in reading order, page after page, each paragraph on one line (the
//! lines of a paragraph joined, a word hyphenated across two lines made whole again).

use std::cell::Cell;

thread_local! {
    /// Whether this thread is inside the extractor, whose panics are caught.
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the panic hook (the crash report) quiet for panics inside the PDF extractor, which
/// [`read`] catches and reports as an unreadable file. Call once, after installing the hook.
pub fn quiet_extraction_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !EXTRACTING.with(Cell::get) {
            report(info);
        }
    }));
}

/// The text of a PDF, or why it cannot be read. The extractor is a third party's parser of a
/// complex format: a panic inside it is caught and reported as an unreadable file.
pub fn read(bytes: &[u8]) -> Result<String, String> {
    EXTRACTING.with(|e| e.set(true));
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    EXTRACTING.with(|e| e.set(false));
    let pages = extracted
        .map_err(|_| "not a PDF rehash can read".to_owned())?
        .map_err(|e| format!("not a readable PDF ({e})"))?;
    let paragraphs: Vec<String> = pages.iter().flat_map(|page| paragraphs(page)).collect();
    Ok(paragraphs.join("\n"))
}

/// The paragraphs of a page: blocks of lines between blank lines, each joined into one line.
fn paragraphs(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    for line in page.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                found.push(std::mem::take(&mut current));
            }
            continue;
        }
        join_line(&mut current, line);
    }
    if !current.is_empty() {
        found.push(current);
    }
    found
}

/// Appends `line` to a paragraph: after a space, or straight on where the paragraph ends in a
/// hyphen between two letters' worth of a word (`recy-` `cled`).
fn join_line(paragraph: &mut String, line: &str) {
    let hyphenated = paragraph
        .strip_suffix('-')
        .is_some_and(|rest| rest.ends_with(char::is_alphabetic))
        && line.starts_with(char::is_lowercase);
    if hyphenated {
        paragraph.pop();
    } else if !paragraph.is_empty() {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_a_paragraph_are_joined_and_hyphenated_words_made_whole() {
        let page = "The talking point was recy-\ncled in five op-eds\nby one author.\n\nA second paragraph.\n";
        assert_eq!(
            paragraphs(page),
            [
                "The talking point was recycled in five op-eds by one author.",
                "A second paragraph."
            ]
        );
        // A hyphen that ends a line before a capital or a number stays.
        assert_eq!(paragraphs("Trump-\nRussia ties"), ["Trump- Russia ties"]);
    }

    #[test]
    fn bytes_that_are_no_pdf_are_an_error_not_a_panic() {
        for bytes in [&b"not a pdf"[..], b"%PDF-1.4\n%garbage", b""] {
            assert!(read(bytes).is_err());
        }
    }
}
