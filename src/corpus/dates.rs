//! Publication dates: from a Markdown front matter (`date:`), from a CSV file of `id,date`
//! (`--dates`), and how two dates compare, so that the reader can say which side of a passage
//! came first.

use std::collections::HashMap;
use std::path::Path;

use super::Corpus;

/// The `title:` and `date:` of a front matter (a block between two `---` lines at the very
/// start of a text), if it has one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Its `title:`.
    pub title: Option<String>,
    /// Its `date:`.
    pub date: Option<String>,
}

/// Lines a front matter may have before its closing `---`: more is no front matter.
const MAX_FRONT_MATTER_LINES: usize = 50;

/// The front matter of `text`, if it opens with one.
pub fn front_matter(text: &str) -> FrontMatter {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return FrontMatter::default();
    }
    let mut found = FrontMatter::default();
    for line in lines.take(MAX_FRONT_MATTER_LINES) {
        if line.trim_end() == "---" {
            return found;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim() {
            "date" => found.date = Some(value.to_owned()),
            "title" => found.title = Some(value.to_owned()),
            _ => {}
        }
    }
    FrontMatter::default()
}

/// A date's year, month and day, read from its start (`2017-03-02`, `2017-03-02T10:00Z`,
/// `2017/3/2`), for ordering; none for another form.
pub fn day_of(date: &str) -> Option<(u16, u8, u8)> {
    let head: String = date
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
        .collect();
    let mut parts = head.split(['-', '/', '.']);
    let year: u16 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    ((1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some((year, month, day))
}

/// Which of two dated things came first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum First {
    /// The first of the two.
    This,
    /// The second of the two.
    That,
    /// The same day.
    Same,
}

/// Which of dates `a` and `b` is earlier, when both can be read.
pub fn first_of(a: Option<&str>, b: Option<&str>) -> Option<First> {
    let (a, b) = (day_of(a?)?, day_of(b?)?);
    Some(match a.cmp(&b) {
        std::cmp::Ordering::Less => First::This,
        std::cmp::Ordering::Greater => First::That,
        std::cmp::Ordering::Equal => First::Same,
    })
}

/// Reads a CSV file of `id,date` lines (a header line `id,date` is passed over) and sets the
/// date of each document whose id, or file name, is listed. Returns warnings: lines that are
/// no `id,date`, dates that are no year-month-day (left out) and ids that match no document,
/// each kind counted with its first example.
pub fn apply_dates_file(corpus: &mut Corpus, path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the dates file: {e}", path.display()))?;
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (doc, d) in corpus.documents.iter().enumerate() {
        by_id.insert(d.id.clone(), doc);
        if let Some(name) = Path::new(&d.id).file_name().and_then(|n| n.to_str()) {
            by_id.entry(name.to_owned()).or_insert(doc);
        }
    }
    let (mut bad, mut unknown, mut undated) = (Vec::new(), Vec::new(), Vec::new());
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (number == 0 && line.eq_ignore_ascii_case("id,date")) {
            continue;
        }
        let Some((id, date)) = line.rsplit_once(',') else {
            bad.push(format!("line {}", number + 1));
            continue;
        };
        let (id, date) = (id.trim().trim_matches('"'), date.trim().trim_matches('"'));
        match by_id.get(id) {
            Some(_) if !date.is_empty() && day_of(date).is_none() => {
                undated.push(format!(
                    "line {}: {}",
                    number + 1,
                    crate::text::printable(date)
                ));
            }
            Some(&doc) if !date.is_empty() => corpus.documents[doc].date = Some(date.to_owned()),
            Some(_) => bad.push(format!("line {}", number + 1)),
            None => unknown.push(id.to_owned()),
        }
    }
    let mut warnings = Vec::new();
    let file = path.display();
    if let Some(first) = bad.first() {
        warnings.push(format!(
            "{file}: {} not of the form id,date (first: {first})",
            crate::text::count(bad.len(), "line")
        ));
    }
    if let Some(first) = undated.first() {
        warnings.push(format!(
            "{file}: {} no date rehash reads (year-month-day), left undated (first: {first})",
            crate::text::count(undated.len(), "line with")
        ));
    }
    if let Some(first) = unknown.first() {
        warnings.push(format!(
            "{file}: {} of no loaded document (first: {first})",
            crate::text::count(unknown.len(), "id")
        ));
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    #[test]
    fn a_front_matter_gives_its_title_and_date() {
        let text = "---\ntitle: \"Talks resume\"\ndate: 2017-03-02\ntags: [a]\n---\nBody.";
        let found = front_matter(text);
        assert_eq!(found.title.as_deref(), Some("Talks resume"));
        assert_eq!(found.date.as_deref(), Some("2017-03-02"));
        assert_eq!(
            front_matter("No front matter\n---\ndate: 1\n---"),
            FrontMatter::default()
        );
        assert_eq!(
            front_matter("---\ndate: 2017-01-01\nnever closed"),
            FrontMatter::default()
        );
    }

    #[test]
    fn dates_are_read_from_their_start_and_compared() {
        assert_eq!(day_of("2017-03-02T10:00:00Z"), Some((2017, 3, 2)));
        assert_eq!(day_of("2017/3/2"), Some((2017, 3, 2)));
        assert_eq!(day_of("March 2, 2017"), None);
        assert_eq!(day_of("2017-13-02"), None);
        assert_eq!(
            first_of(Some("2017-03-01"), Some("2017-03-02")),
            Some(First::This)
        );
        assert_eq!(
            first_of(Some("2017-03-03"), Some("2017-03-02")),
            Some(First::That)
        );
        assert_eq!(
            first_of(Some("2017-03-02"), Some("2017-03-02T23:00")),
            Some(First::Same)
        );
        assert_eq!(first_of(None, Some("2017-03-02")), None);
    }

    #[test]
    fn a_dates_file_sets_dates_by_id_or_file_name_and_reports_the_rest() {
        let mut corpus = Corpus::from_sources(vec![
            Source::new("news/a.txt", "Alpha text."),
            Source::new("news/b.txt", "Beta text."),
        ]);
        let dir = std::env::temp_dir().join(format!("rehash-dates-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let path = dir.join("dates.csv");
        std::fs::write(
            &path,
            "id,date\nnews/a.txt,2017-03-01\nb.txt,2017-03-04\nzzz.txt,2017-01-01\nbroken\n\
             a.txt,not-a-date\n",
        )
        .unwrap_or_default();
        let warnings = apply_dates_file(&mut corpus, &path).unwrap_or_default();
        assert_eq!(corpus.documents[0].date.as_deref(), Some("2017-03-01"));
        assert_eq!(corpus.documents[1].date.as_deref(), Some("2017-03-04"));
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings[1].contains("1 line with no date rehash reads"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].contains("(first: line 6: not-a-date)"),
            "{warnings:?}"
        );
        assert!(warnings[2].contains("1 id of no loaded document (first: zzz.txt)"));
        let _ = std::fs::remove_dir_all(&dir);
        let missing = apply_dates_file(&mut corpus, Path::new("/no/such/dates.csv"));
        assert!(missing.unwrap_err().contains("cannot read the dates file"));
    }
}
