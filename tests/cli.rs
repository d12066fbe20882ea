//! The binary as a user meets it: arguments, bad input, exit codes and the scan output.
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

/// The binary, reading an empty configuration: the developer's own cannot change results.
fn rehash() -> Command {
    let mut command = Command::cargo_bin("rehash").unwrap();
    command.env(
        "REHASH_CONFIG",
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/empty.toml"),
    );
    command
}

const ARTICLE: &str = "Harbour wall falls\nThe sea wall at Kestrel Point gave way late on Sunday as a storm surge flooded the lower harbour district and forced thirty homes to empty.\nOfficials said the wall had been repaired seven years ago under a contract now facing questions from the council.\n";

fn folder_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn scan_json(args: &[&str]) -> Value {
    let out = rehash().arg("scan").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_missing_path_is_named_and_exits_2() {
    rehash()
        .args(["scan", "no/such/article.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "rehash: no such file: no/such/article.txt",
        ));
}

#[test]
fn a_folder_without_text_files_says_so_and_exits_2() {
    let empty = folder_with(&[]);
    rehash()
        .arg("scan")
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no text files in"))
        .stderr(predicate::str::contains(
            ".html and .htm pages, .docx and .pdf",
        ));
    // A file of another kind is named, with what rehash reads.
    let dir = folder_with(&[("photo.png", b"\x89PNG")]);
    rehash()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1 file of another kind (first: "))
        .stderr(predicate::str::contains("photo.png; rehash reads .txt"));
    // Beside articles, it is passed over with the same warning.
    let mixed = folder_with(&[("a.txt", ARTICLE.as_bytes()), ("notes.log", b"a log line")]);
    rehash()
        .arg("scan")
        .arg(mixed.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("1 file of another kind (first: "));
}

#[test]
fn binary_and_empty_files_are_skipped_with_a_warning() {
    let dir = folder_with(&[
        ("a.txt", ARTICLE.as_bytes()),
        ("blob", b"ab\0cd"),
        ("empty.txt", b"  \n"),
    ]);
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: skipping binary file") && stderr.contains("blob"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: skipping empty file") && stderr.contains("empty.txt"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_warning() {
    let dir = folder_with(&[("latin.txt", b"Caf\xe9 society\nThe \x93wall\x94 fell.\n")]);
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8: decoded as Windows-1252")
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["title"], "Café society");
}

#[test]
fn crlf_files_give_the_same_findings_as_lf_files() {
    let crlf = ARTICLE.replace('\n', "\r\n");
    let lf = folder_with(&[("a.txt", ARTICLE.as_bytes()), ("b.txt", ARTICLE.as_bytes())]);
    let dos = folder_with(&[("a.txt", crlf.as_bytes()), ("b.txt", crlf.as_bytes())]);
    let (x, y) = (
        scan_json(&[lf.path().to_str().unwrap()]),
        scan_json(&[dos.path().to_str().unwrap()]),
    );
    assert_eq!(x["passages"].as_array().unwrap().len(), 1);
    assert_eq!(x["passages"][0]["kind"], y["passages"][0]["kind"]);
    assert_eq!(x["passages"][0]["words"], y["passages"][0]["words"]);
    assert_eq!(y["documents"][0]["title"], "Harbour wall falls");
}

#[test]
fn json_lines_are_read_by_id_and_text_and_bad_lines_are_reported() {
    let lines = format!(
        "{}\n{}\n{{\"nope\": 1}}\n",
        serde_json::json!({"id": "one", "text": ARTICLE, "title": "First"}),
        serde_json::json!({"id": 2, "text": ARTICLE}),
    );
    let dir = folder_with(&[("corpus.jsonl", lines.as_bytes())]);
    let out = rehash()
        .arg("scan")
        .arg(dir.path().join("corpus.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped 1 line(s) (line 3: missing field `id`)"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2", "one"], "documents are listed by id");
    assert_eq!(json["documents"][1]["title"], "First");
    assert_eq!(json["passages"][0]["kind"], "verbatim");
}

#[test]
fn scanning_never_changes_the_articles() {
    let dir = folder_with(&[("a.txt", ARTICLE.as_bytes()), ("b.txt", ARTICLE.as_bytes())]);
    let before: Vec<_> = ["a.txt", "b.txt"]
        .iter()
        .map(|f| {
            fs::metadata(dir.path().join(f))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    scan_json(&[dir.path().to_str().unwrap()]);
    for (f, t) in ["a.txt", "b.txt"].iter().zip(before) {
        assert_eq!(fs::read_to_string(dir.path().join(f)).unwrap(), ARTICLE);
        assert_eq!(
            fs::metadata(dir.path().join(f))
                .unwrap()
                .modified()
                .unwrap(),
            t
        );
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn the_reader_needs_a_terminal_and_points_to_scan() {
    rehash()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rehash scan"));
}

#[test]
fn a_bad_threshold_is_a_usage_error() {
    rehash()
        .args(["scan", "--min-similarity", "1.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "min_similarity must be between 0 and 1",
        ));
    rehash().args(["scan", "--format", "xml"]).assert().code(2);
}

#[test]
fn scan_without_paths_reads_the_demo_corpus_and_follows_the_contract() {
    let json = scan_json(&[]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["documents"].as_array().unwrap().len(), 8);
    let passage = &json["passages"][0];
    for field in ["id", "kind", "score", "words", "a", "b", "cluster"] {
        assert!(!passage[field].is_null(), "passages[0].{field} missing");
    }
    for field in ["doc", "start", "end"] {
        assert!(!passage["a"][field].is_null() && !passage["b"][field].is_null());
    }
    let cluster = &json["clusters"][0];
    assert!(cluster["docs"].as_u64().unwrap() >= 4);
    assert!(cluster["members"][0]["doc"].is_string());
}

#[test]
fn text_format_ranks_pairs_and_quotes_both_sides() {
    let out = rehash()
        .args(["scan", "--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("8 documents, "), "{text}");
    assert!(text.contains(" <> ") && text.contains("    a ") && text.contains("    b "));
    assert!(!text.contains("08-garden-notes.txt"));
}

#[test]
fn help_shows_examples_and_version_prints() {
    rehash()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    rehash()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("rehash "));
}

#[test]
fn the_config_file_sets_engine_thresholds_and_flags_override_it() {
    let dir = folder_with(&[("config.toml", b"[engine]\nmin_words = 500\n")]);
    let config = dir.path().join("config.toml");
    let config = config.to_str().unwrap();
    let strict = scan_json(&["--config", config]);
    let near_or_verbatim = |json: &Value| {
        json["passages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["kind"] != "rewritten")
            .count()
    };
    assert_eq!(near_or_verbatim(&strict), 0);
    assert_eq!(strict["options"]["min_words"], 500);
    let overridden = scan_json(&["--config", config, "--min-words", "10"]);
    assert!(near_or_verbatim(&overridden) > 5);
}

#[test]
fn a_bad_config_file_is_named_and_exits_2() {
    let dir = folder_with(&[("config.toml", b"colour = \"never\"\n")]);
    rehash()
        .args(["scan", "--config"])
        .arg(dir.path().join("config.toml"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("invalid config file").and(predicate::str::contains("colour")),
        );
}

#[test]
fn escape_sequences_in_ids_and_file_names_never_reach_the_terminal() {
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "evil\u{1b}]0;pwned\u{7}\u{1b}[31m", "text": ARTICLE}),
        // Not a copy of the whole: the pair is reuse, shown with both ids.
        serde_json::json!({"id": "plain", "text": format!("{ARTICLE}\nThe council met on Monday to hear residents of the flooded streets ask who would pay for the repairs and when.")}),
    );
    let dir = folder_with(&[
        ("corpus.jsonl", lines.as_bytes()),
        ("bad\u{1b}[31m.txt", b" "),
    ]);
    let out = rehash()
        .args(["scan", "--format", "text"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        stdout.contains("evil\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[31m <> plain"),
        "{stdout}"
    );
    assert!(
        stderr.contains("skipping empty file") && stderr.contains("bad\u{FFFD}[31m.txt"),
        "{stderr}"
    );
    assert!(!stdout.contains('\u{1b}') && !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'));
}

#[test]
fn nothing_readable_says_why() {
    let dir = folder_with(&[("blob.txt", b"ab\0cd")]);
    rehash()
        .arg("scan")
        .arg(dir.path().join("blob.txt"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no readable documents")
                .and(predicate::str::contains("skipping binary file")),
        );
}

#[test]
fn a_missing_file_is_reported_before_the_terminal_check() {
    rehash()
        .arg("no/such/article.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no such file: no/such/article.txt",
        ));
}

#[test]
fn a_file_given_twice_is_read_once() {
    let dir = folder_with(&[("a.txt", ARTICLE.as_bytes())]);
    let file = dir.path().join("a.txt");
    let out = rehash()
        .arg("scan")
        .arg(&file)
        .arg(&file)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("given twice: read once"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn a_folder_of_binaries_names_what_it_skipped() {
    let dir = folder_with(&[("ls.txt", b"\x7fELF\0\0")]);
    rehash()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no readable documents in")
                .and(predicate::str::contains("skipping binary file")),
        );
}

#[test]
fn dates_come_from_a_front_matter_or_a_dates_file_and_say_which_side_came_first() {
    let front = format!("---\ntitle: The wall report\ndate: 2026-02-20\n---\n{ARTICLE}");
    let dir = folder_with(&[
        ("a.md", front.as_bytes()),
        ("b.txt", ARTICLE.as_bytes()),
        (
            "dates.csv",
            b"id,date\nb.txt,2026-02-23\nnone.txt,2026-01-01\n",
        ),
    ]);
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.txt");
    let dates = dir.path().join("dates.csv");
    let out = rehash()
        .arg("scan")
        .arg(&a)
        .arg(&b)
        .arg("--dates")
        .arg(&dates)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 id of no loaded document (first: none.txt)"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    let by_title = |t: &str| docs.iter().find(|d| d["title"] == t).unwrap();
    assert_eq!(by_title("The wall report")["date"], "2026-02-20");
    assert_eq!(by_title("Harbour wall falls")["date"], "2026-02-23");
    let passage = &json["passages"][0];
    let a_is_front = passage["a"]["doc"].as_str().unwrap().ends_with("a.md");
    assert_eq!(passage["first"], if a_is_front { "a" } else { "b" });
    rehash()
        .args(["scan", "--dates", "no/such.csv"])
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the dates file"));
}

#[test]
fn passim_round_trip_export_then_its_output_read_back_at_the_same_places() {
    let demo = scan_json(&[]);
    // The corpus as passim reads it.
    let out = rehash().args(["export", "--passim"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(exported.len(), demo["documents"].as_array().unwrap().len());
    let text_of = |id: &str| {
        exported.iter().find(|r| r["id"] == id).unwrap()["text"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // passim's pairwise output for it, written as passim writes it: verbatim passages with
    // their aligned strings, the others without (Spark drops what is null).
    let chars = |id: &str, start: u64, end: u64| -> String {
        let text = text_of(id);
        let (start, end) = (
            usize::try_from(start).unwrap(),
            usize::try_from(end).unwrap(),
        );
        text.chars().skip(start).take(end - start).collect()
    };
    let mut records = String::new();
    let engine: Vec<&Value> = demo["passages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "verbatim" || p["kind"] == "near")
        .collect();
    for p in &engine {
        let (a, b) = (&p["a"], &p["b"]);
        let mut record = serde_json::json!({
            "id": a["doc"], "id2": b["doc"],
            "begin": a["start"], "end": a["end"], "begin2": b["start"], "end2": b["end"],
        });
        if p["kind"] == "verbatim" {
            let s1 = chars(
                a["doc"].as_str().unwrap(),
                a["start"].as_u64().unwrap(),
                a["end"].as_u64().unwrap(),
            );
            let s2 = chars(
                b["doc"].as_str().unwrap(),
                b["start"].as_u64().unwrap(),
                b["end"].as_u64().unwrap(),
            );
            if s1.chars().count() == s2.chars().count() {
                record["s1"] = s1.replace('-', "\u{2010}").into();
                record["s2"] = s2.replace('-', "\u{2010}").into();
            }
        }
        records.push_str(&(record.to_string() + "\n"));
    }
    let dir = folder_with(&[]);
    fs::create_dir(dir.path().join("align.json")).unwrap();
    fs::write(dir.path().join("align.json/part-00000"), records).unwrap();
    let read = scan_json(&["--passim-out", dir.path().to_str().unwrap()]);
    let passages = read["passages"].as_array().unwrap();
    assert_eq!(passages.len(), engine.len());
    for p in &engine {
        let same = passages
            .iter()
            .find(|q| q["a"] == p["a"] && q["b"] == p["b"]);
        let q = same.unwrap_or_else(|| panic!("passage {} not read back", p["id"]));
        assert_eq!(q["kind"], "passim");
        let edits = |x: &Value| x["edits"].as_array().unwrap().len();
        assert_eq!(
            edits(q),
            edits(p),
            "the same word diffs for passage {}",
            p["id"]
        );
    }
    assert!(!read["clusters"].as_array().unwrap().is_empty());
}

#[test]
fn the_corpus_report_is_one_html_file_written_where_asked() {
    let dir = folder_with(&[]);
    let file = dir.path().join("report.html");
    rehash()
        .args(["scan", "--format", "html", "--out"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("report written to"));
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("<h2>Articles</h2>")
            && html.contains("<h2>Passages found in several articles</h2>")
    );
    assert!(
        html.matches("class=\"pair\"").count() >= 3,
        "a section per linked pair"
    );
    assert!(!html.contains("<script"), "no script");
    rehash()
        .args(["scan", "--format", "pan-xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out DIR"));
}

#[test]
fn json_and_text_go_to_the_file_out_names_instead_of_standard_output() {
    let dir = folder_with(&[]);
    for (format, starts) in [("json", "{"), ("text", "8 documents")] {
        let file = dir.path().join(format!("findings.{format}"));
        let printed = rehash()
            .args(["scan", "--format", format, "--out"])
            .arg(&file)
            .assert()
            .success()
            .stderr(predicate::str::contains("findings written to"))
            .get_output()
            .stdout
            .clone();
        assert!(printed.is_empty(), "nothing on standard output");
        let written = fs::read_to_string(&file).unwrap();
        assert!(written.starts_with(starts), "{written}");
        let stdout = rehash()
            .args(["scan", "--format", format])
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&stdout.stdout), written);
    }
}

#[test]
fn standard_input_is_read_as_text_or_json_lines() {
    let dir = folder_with(&[("b.txt", ARTICLE.as_bytes())]);
    let out = rehash()
        .args(["scan", "-"])
        .arg(dir.path().join("b.txt"))
        .write_stdin(ARTICLE)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == "-")
    );
    assert!(
        !json["passages"].as_array().unwrap().is_empty(),
        "stdin shares the article"
    );
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "x", "text": ARTICLE}),
        serde_json::json!({"id": "y", "text": ARTICLE})
    );
    let out = rehash()
        .args(["scan", "-"])
        .write_stdin(lines)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["x", "y"]);
}

#[test]
fn a_json_array_of_records_reads_like_json_lines_or_says_what_is_expected() {
    let records = serde_json::json!([{"id": "x", "text": ARTICLE}, {"id": "y", "text": ARTICLE}]);
    let dir = folder_with(&[
        ("corpus.json", records.to_string().as_bytes()),
        ("bad.json", b"[1, 2, 3]"),
    ]);
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a JSON array must hold records with \"id\" and \"text\""),
        "{stderr}"
    );
}

#[test]
fn utf8_with_one_stray_byte_stays_utf8_with_a_warning() {
    let mut bytes = "Headline “quoted” — déjà\n".as_bytes().to_vec();
    bytes.extend(b"A stray \xff byte in the body.\n");
    let dir = folder_with(&[("a.txt", &bytes)]);
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 byte sequence not valid UTF-8, replaced with"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["title"], "Headline “quoted” — déjà");
    // A file of Windows-1252 through and through is still read as such.
    let dir = folder_with(&[("w.txt", b"Caf\xe9 \x93quoted\x94 na\xefve\n")]);
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["title"], "Café “quoted” naïve");
}

#[cfg(unix)]
#[test]
fn links_fifos_and_loops_in_a_folder_are_counted_and_follow_follows_links() {
    use std::os::unix::fs::symlink;
    let real = folder_with(&[("a.txt", ARTICLE.as_bytes()), ("b.txt", ARTICLE.as_bytes())]);
    let dir = folder_with(&[]);
    symlink(real.path(), dir.path().join("linked")).unwrap();
    symlink(dir.path(), dir.path().join("loop")).unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "only links: nothing read");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "2 symbolic links not followed (--follow follows them; first: {})",
            dir.path().join("linked").display()
        )),
        "{stderr}"
    );
    if made.is_ok_and(|s| s.success()) {
        assert!(
            stderr.contains("1 entry that is no regular file"),
            "{stderr}"
        );
    }
    let out = rehash()
        .args(["scan", "--follow"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a symbolic-link loop"),
        "the loop is named: {stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["documents"].as_array().unwrap().len(),
        2,
        "the linked folder read once"
    );
}

#[test]
fn a_saved_web_page_is_read_as_its_article_and_the_scan_says_so() {
    let page = format!(
        "<html><head><meta property=\"og:site_name\" content=\"The Daily\">\
         <meta property=\"article:published_time\" content=\"2026-02-23\"><title>Wall</title></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>Harbour wall falls</h1><p>{}</p></article>\
         <footer>All rights reserved.</footer></body></html>",
        ARTICLE.lines().skip(1).collect::<Vec<_>>().join("</p><p>")
    );
    let dir = folder_with(&[("a.html", page.as_bytes()), ("b.txt", ARTICLE.as_bytes())]);
    let json = scan_json(&[dir.path().to_str().unwrap()]);
    let docs = json["documents"].as_array().unwrap();
    let page = docs.iter().find(|d| d["id"] == "a.html").unwrap();
    assert_eq!(page["extracted"], true);
    assert_eq!(page["series"], "The Daily");
    assert_eq!(page["date"], "2026-02-23");
    assert!(
        docs.iter()
            .find(|d| d["id"] == "b.txt")
            .unwrap()
            .get("extracted")
            .is_none()
    );
    assert!(
        !json["passages"].as_array().unwrap().is_empty(),
        "the page's article is linked"
    );
}

#[test]
fn a_word_file_is_read_in_reading_order_and_a_broken_one_is_a_warning() {
    use std::io::Write;
    let paragraphs: String = ARTICLE
        .lines()
        .map(|l| "<w:p><w:r><w:t>".to_owned() + l + "</w:t></w:r></w:p>")
        .collect();
    let document = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{paragraphs}<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Homes</w:t></w:r></w:p></w:tc>\
         <w:tc><w:p><w:r><w:t>30</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    let word_file = zip.finish().unwrap().into_inner();
    let dir = folder_with(&[
        ("a.docx", &word_file),
        ("b.txt", ARTICLE.as_bytes()),
        ("broken.docx", b"PK not really"),
    ]);
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.docx: not a Word file"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    let word = docs.iter().find(|d| d["id"] == "a.docx").unwrap();
    assert_eq!(word["title"], "Harbour wall falls");
    assert!(
        !json["passages"].as_array().unwrap().is_empty(),
        "the Word file's text is linked"
    );
}

#[test]
fn cache_and_config_commands_use_the_platform_folders_and_say_what_they_did() {
    let home = TempDir::new().unwrap();
    let cache = home.path().join("cache");
    let with_home = |args: &[&str]| {
        rehash()
            .env("XDG_CACHE_HOME", &cache)
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env_remove("REHASH_CONFIG")
            .args(args)
            .output()
            .unwrap()
    };
    let out = with_home(&["cache", "--path"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        cache.join("rehash").display().to_string()
    );
    fs::create_dir_all(cache.join("rehash")).unwrap();
    fs::write(cache.join("rehash/0123.findings"), b"old").unwrap();
    let out = with_home(&["cache", "--clear"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 cached result removed"));
    assert!(!cache.join("rehash/0123.findings").exists());

    let out = with_home(&["config", "--path"]);
    let path = home.path().join("config/rehash/config.toml");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        path.display().to_string()
    );
    let out = with_home(&["config", "--default"]);
    assert!(out.status.success());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, &out.stdout).unwrap();
    // The default config, saved where it is looked for, is read without complaint.
    let out = with_home(&["scan", "--format", "text"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    rehash().arg("cache").assert().failure().code(2);
}

#[test]
fn ctrl_c_during_a_scan_stops_it_with_exit_130_and_no_output_file() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    let generated = std::process::Command::new(env!("CARGO_BIN_EXE_rehash"))
        .args(["generate", "--articles", "1500"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(generated.status.success());
    let out = dir.path().join("report.html");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_rehash"))
        .env(
            "REHASH_CONFIG",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/empty.toml"),
        )
        .args(["scan", "--format", "html", "--out"])
        .arg(&out)
        .arg(&corpus)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Long enough to be scanning (the scan takes seconds), short of its end.
    std::thread::sleep(std::time::Duration::from_millis(400));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let finished = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&finished.stderr);
    assert_eq!(finished.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("rehash: interrupted"), "{stderr}");
    assert!(!out.exists(), "no output file");
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["corpus"], "no temporary file either");
}

/// A PDF of `pages`, each a list of paragraphs, each paragraph a list of lines, set in Courier.
fn pdf_of(pages: &[&[&[&str]]]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for paragraphs in pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("Td", vec![40.into(), 800.into()]),
        ];
        for lines in *paragraphs {
            for line in *lines {
                ops.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
                ops.push(Operation::new("Td", vec![0.into(), (-12).into()]));
            }
            // A blank line's worth between paragraphs.
            ops.push(Operation::new("Td", vec![0.into(), (-24).into()]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        })));
    }
    let count = i64::try_from(kids.len()).unwrap();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_two_page_pdf_is_read_in_reading_order_with_its_paragraphs_and_a_broken_one_is_a_warning() {
    let pdf = pdf_of(&[
        &[
            &["Harbour wall falls"],
            &[
                "The sea wall at Kestrel Point gave way late on Sunday as a storm surge",
                "flooded the lower harbour district and forced thirty homes to empty.",
            ],
        ],
        &[&[
            "Officials said the wall had been repaired seven years ago under a con-",
            "tract now facing questions from the council.",
        ]],
    ]);
    let dir = folder_with(&[
        ("a.pdf", &pdf),
        ("b.txt", ARTICLE.as_bytes()),
        ("broken.pdf", b"%PDF-1.4 not really"),
    ]);
    let out = rehash().arg("scan").arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("broken.pdf"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    let read = docs.iter().find(|d| d["id"] == "a.pdf").unwrap();
    assert_eq!(read["title"], "Harbour wall falls");
    // The title is a paragraph of its own, and the body, in reading order across the page
    // break, is linked word for word to the text file.
    let passages = json["passages"].as_array().unwrap();
    let whole = passages
        .iter()
        .any(|p| p["kind"] == "verbatim" && p["words"].as_u64().unwrap_or(0) >= 35);
    assert!(whole, "{passages:#?}");
}

#[test]
fn an_export_that_cannot_be_written_says_where_and_loses_nothing() {
    let dir = folder_with(&[("a.txt", ARTICLE.as_bytes()), ("b.txt", ARTICLE.as_bytes())]);
    let blocker = TempDir::new().unwrap();
    let file = blocker.path().join("file");
    fs::write(&file, "keep me").unwrap();
    let html = file.join("report.html");
    let out = rehash()
        .args(["scan", "--format", "html", "--out"])
        .arg(&html)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&html.display().to_string()), "{stderr}");
    let out = rehash()
        .args(["scan", "--format", "pan-xml", "--out"])
        .arg(&file)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "keep me",
        "nothing lost"
    );
    let left: Vec<_> = fs::read_dir(blocker.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left");
}
