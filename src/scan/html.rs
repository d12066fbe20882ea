//! Reports to keep or send: a pair of articles as a self-contained HTML page (both side by
//! side, passages coloured as on screen with their numbers, word diffs, a legend) or as
//! Markdown for an editor's note, and the whole corpus as one HTML page. No script, no
//! network; every piece of article text is escaped.

use std::fmt::Write as _;

use crate::corpus::{Corpus, Document};
use crate::diff::Change;
use crate::reuse::{Kind, Passage, Report};
use crate::text::count;

/// Passage backgrounds, the reader's palette.
const COLOURS: [&str; 8] = [
    "#ffd7af", "#afd7d7", "#ffd7ff", "#d7ffd7", "#d7d7ff", "#ffffaf", "#afd7ff", "#ffafaf",
];

/// Text safe inside HTML, elements and attributes alike; control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The page's style: two columns, passage colours by slot, word diffs as on screen.
fn style() -> String {
    let mut css = String::from(
        "body{font:15px/1.5 Georgia,serif;margin:1.5em;color:#111}\
         h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}\
         .pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}\
         .article{white-space:pre-wrap;border:1px solid #bbb;padding:1em}\
         .article h3{white-space:normal;font-size:1em;margin:0 0 .5em}\
         .meta{color:#666;font-size:.85em}\
         .label{font:bold .75em monospace;background:#333;color:#fff;padding:0 .25em;margin-right:.2em}\
         .rewritten{border-bottom:2px solid #888}\
         .changed{color:#af0000;font-weight:bold;text-decoration:underline}\
         .inserted{color:#005f00;font-style:italic;text-decoration:underline}\
         .deleted{text-decoration:line-through}\
         .boilerplate{color:#888}\
         .legend span{margin-right:1em}\
         table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}",
    );
    for (slot, colour) in COLOURS.iter().enumerate() {
        let _ = write!(css, ".p{slot}{{background:{colour}}}");
    }
    css
}

/// A whole page of `title` around `body`.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"generator\" content=\"rehash\"><title>{}</title><style>{}</style></head>\
         <body>\n{body}</body></html>\n",
        escape(title),
        style()
    )
}

/// What a run of one article's text shows.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Marked {
    slot: Option<usize>,
    rewritten: bool,
    change: Option<Change>,
    boilerplate: bool,
}

/// The HTML of one article of a pair: its text, each passage in its colour with its number,
/// the word edits of near passages (and of the copied parts of a rewritten section, drawn in
/// its colour), boilerplate greyed.
fn article(document: &Document, doc: usize, report: &Report, passages: &[&Passage]) -> String {
    let chars: Vec<(usize, char)> = document.text.char_indices().collect();
    let n = chars.len();
    let mut marks = vec![
        Marked {
            slot: None,
            rewritten: false,
            change: None,
            boilerplate: false,
        };
        n
    ];
    let mut labels: Vec<(usize, String)> = Vec::new();
    for span in report.boilerplate_in(doc) {
        for m in &mut marks[span.start.min(n)..span.end.min(n)] {
            m.boilerplate = true;
        }
    }
    // Larger passages first, so that one inside another keeps its own colour.
    let mut order: Vec<(usize, &&Passage)> = passages.iter().enumerate().collect();
    order.sort_by_key(|(_, p)| std::cmp::Reverse(p.words));
    for (slot, p) in order {
        let Some((own, _)) = p.sides_for(doc) else {
            continue;
        };
        let rewritten = matches!(p.kind, Kind::Rewritten | Kind::Related);
        for m in &mut marks[own.span.start.min(n)..own.span.end.min(n)] {
            m.slot = Some(slot);
            m.rewritten = rewritten;
        }
        // The copied parts of a rewritten section take its colour, as a copied passage would.
        for side in p.copied_parts_in(doc) {
            for m in &mut marks[side.span.start.min(n)..side.span.end.min(n)] {
                m.rewritten = false;
            }
        }
        labels.push((own.span.start, format!("{}{}", slot + 1, p.kind.letter())));
        for op in p.diff.iter().filter(|op| op.change != Change::Equal) {
            let side = if p.a.doc == doc { op.a } else { op.b };
            for m in &mut marks[side.start.min(n)..side.end.min(n)] {
                m.change = Some(op.change);
            }
        }
    }
    labels.sort();
    let mut html = String::new();
    let (mut at, mut label) = (0, 0);
    while at < n {
        let mark = marks[at];
        let mut end = at + 1;
        while end < n && marks[end] == mark && labels.get(label).is_none_or(|(s, _)| *s != end) {
            end += 1;
        }
        while let Some((start, text)) = labels.get(label).filter(|(s, _)| *s <= at) {
            if *start == at {
                let _ = write!(html, "<span class=\"label\">{}</span>", escape(text));
            }
            label += 1;
        }
        let byte = |i: usize| chars.get(i).map_or(document.text.len(), |(b, _)| *b);
        let text = escape(&document.text[byte(at)..byte(end)]);
        let mut classes = Vec::new();
        if let Some(slot) = mark.slot {
            classes.push(if mark.rewritten {
                "rewritten".to_owned()
            } else {
                format!("p{}", slot % COLOURS.len())
            });
        }
        if let Some(change) = mark.change {
            classes.push(change_class(change).to_owned());
        }
        if mark.boilerplate && mark.slot.is_none() {
            classes.push("boilerplate".to_owned());
        }
        if classes.is_empty() {
            html.push_str(&text);
        } else {
            let _ = write!(html, "<span class=\"{}\">{text}</span>", classes.join(" "));
        }
        at = end;
    }
    html
}

fn change_class(change: Change) -> &'static str {
    match change {
        Change::Changed => "changed",
        Change::Inserted => "inserted",
        Change::Deleted => "deleted",
        Change::Equal => "",
    }
}

/// Where an article comes from: outlet, date and id.
fn meta(document: &Document) -> String {
    let mut parts = Vec::new();
    if !document.group.is_empty() {
        parts.push(escape(&document.group));
    }
    if let Some(date) = &document.date {
        parts.push(escape(date));
    }
    parts.push(escape(&document.id));
    parts.join(" · ")
}

/// The section of a pair: its two articles side by side with the legend.
fn pair_section(corpus: &Corpus, report: &Report, left: usize, right: usize) -> String {
    let passages = report.passages_between(left, right);
    let (dl, dr) = (&corpus.documents[left], &corpus.documents[right]);
    let column = |doc: usize, d: &Document| {
        format!(
            "<div class=\"article\"><h3>{}</h3><div class=\"meta\">{}</div>\n{}</div>",
            escape(&d.title),
            meta(d),
            article(d, doc, report, &passages)
        )
    };
    format!(
        "<p class=\"legend\"><span class=\"p0\">shared passage</span>\
         <span class=\"changed\">changed</span><span class=\"inserted\">inserted</span>\
         <span class=\"deleted\">deleted</span><span class=\"rewritten\">rewritten</span>\
         <span class=\"boilerplate\">boilerplate</span>\
         <span><span class=\"label\">1v</span>passage number and kind \
         (v verbatim, n near, r rewritten)</span> · {}</p>\n<div class=\"pair\">{}{}</div>\n",
        count(passages.len(), "shared passage"),
        column(left, dl),
        column(right, dr)
    )
}

/// A self-contained HTML page of articles `left` and `right` side by side.
pub fn pair_html(corpus: &Corpus, report: &Report, left: usize, right: usize) -> String {
    let (dl, dr) = (&corpus.documents[left], &corpus.documents[right]);
    let title = format!("{} ↔ {}", dl.title, dr.title);
    let body = format!(
        "<h1>{}</h1>\n{}",
        escape(&title),
        pair_section(corpus, report, left, right)
    );
    page(&title, &body)
}

/// The pair as Markdown: each passage quoted from both sides, with its edits.
pub fn pair_markdown(corpus: &Corpus, report: &Report, left: usize, right: usize) -> String {
    let (dl, dr) = (&corpus.documents[left], &corpus.documents[right]);
    let quote = |text: &str| {
        let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        format!("> {}\n", crate::text::printable(&one))
    };
    let mut md = format!(
        "# {} ↔ {}\n\n- Left: {} ({})\n- Right: {} ({})\n",
        crate::text::printable(&dl.title),
        crate::text::printable(&dr.title),
        crate::text::printable(&dl.title),
        crate::text::printable(&dl.id),
        crate::text::printable(&dr.title),
        crate::text::printable(&dr.id)
    );
    for (slot, p) in report.passages_between(left, right).iter().enumerate() {
        let Some((own, other)) = p.sides_for(left) else {
            continue;
        };
        let _ = write!(
            md,
            "\n## Passage {} · {} · {} · score {:.2}\n\nLeft:\n\n{}\nRight:\n\n{}",
            slot + 1,
            p.label(),
            count(p.words, "word"),
            p.score,
            quote(dl.slice(own.span)),
            quote(dr.slice(other.span))
        );
        let edits: Vec<String> = p
            .diff
            .iter()
            .filter(|op| op.change != Change::Equal)
            .map(|op| {
                let (l, r) = if p.a.doc == left {
                    (op.a, op.b)
                } else {
                    (op.b, op.a)
                };
                let (l, r) = (dl.slice(l), dr.slice(r));
                match op.change {
                    Change::Changed => format!("“{l}” → “{r}”"),
                    Change::Inserted if p.a.doc == left => format!("+ “{r}”"),
                    Change::Deleted if p.a.doc == left => format!("− “{l}”"),
                    Change::Inserted => format!("− “{l}”"),
                    Change::Deleted => format!("+ “{r}”"),
                    Change::Equal => String::new(),
                }
            })
            .collect();
        if !edits.is_empty() {
            let _ = writeln!(md, "\nEdits: {}", crate::text::printable(&edits.join("; ")));
        }
        if !p.shared_words.is_empty() {
            let _ = writeln!(md, "\nShared words: {}", p.shared_words.join(", "));
        }
    }
    md
}

/// The whole corpus as one page: the articles with their figures, the clusters, and a section
/// per pair of articles that share reuse.
pub fn corpus_html(corpus: &Corpus, report: &Report) -> String {
    let mut body = format!(
        "<h1>rehash report: {}</h1>\n<h2>Articles</h2>\n<table><tr><th>Title</th><th>Outlet</th>\
         <th>Words</th><th>Reused</th><th>Partners</th></tr>\n",
        count(corpus.len(), "article")
    );
    for (doc, d) in corpus.documents.iter().enumerate() {
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.0}%</td><td>{}</td></tr>",
            escape(&d.title),
            escape(&d.group),
            d.words(),
            report.reused_share(corpus, doc) * 100.0,
            report.partners(doc).len()
        );
    }
    body.push_str("</table>\n<h2>Passages found in several articles</h2>\n<ol>\n");
    for c in &report.clusters {
        let Some(rep) = c.members.get(c.representative) else {
            continue;
        };
        let text = corpus.documents[rep.doc].slice(rep.span);
        let excerpt: String = text.chars().take(240).collect();
        let _ = writeln!(
            body,
            "<li>{} · {}</li>",
            count(c.docs, "article"),
            escape(&excerpt)
        );
    }
    body.push_str("</ol>\n");
    let mut pairs: Vec<(usize, usize)> = report
        .passages
        .iter()
        .filter(|p| p.is_reuse())
        .map(|p| (p.a.doc, p.b.doc))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    for (left, right) in pairs {
        let (dl, dr) = (&corpus.documents[left], &corpus.documents[right]);
        let _ = write!(
            body,
            "<h2>{} ↔ {}</h2>\n{}",
            escape(&dl.title),
            escape(&dr.title),
            pair_section(corpus, report, left, right)
        );
    }
    page("rehash report", &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    #[test]
    fn markup_in_an_article_is_text() {
        assert_eq!(
            escape("<script>alert(1)</script> & </div>"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/div&gt;"
        );
        let text = "Headline <script>x</script>\nThe harbour commission said the sea wall had been inspected twice in the last decade and both reports found cracks </div> near its eastern end.";
        let corpus =
            Corpus::from_sources(vec![Source::new("a.txt", text), Source::new("b.txt", text)]);
        let report = crate::reuse::find_reuse(&corpus, &crate::reuse::Options::default());
        let html = pair_html(&corpus, &report, 0, 1);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert_eq!(html.matches("</div>").count(), html.matches("<div").count());
        assert!(html.contains("<span class=\"label\">1v</span>"));
    }
}
