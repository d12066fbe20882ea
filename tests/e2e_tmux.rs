//! The real binary driven in tmux as a person would: open two seed articles, step, jump,
//! switch panes, quit, and check the terminal came back. Skips with a notice when tmux or the
//! seeds are missing.

#[path = "support/notice.rs"]
mod support_notice;
use support_notice::notice;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthChar;

const WIDTH: usize = 160;
const HEIGHT: usize = 48;
const DEADLINE: Duration = Duration::from_secs(20);
const EXIT_MARK: &str = "rehash-exit=";

/// A tmux server of its own, killed when dropped.
struct Tmux {
    socket: String,
    /// The home the reader runs in, when it is this server's own: removed after the server.
    home: Option<Home>,
}

/// Folders standing for the user's config, state and cache folders (`XDG_*`), so that no test
/// reads or writes the real ones; removed when dropped.
struct Home(tempfile::TempDir);

impl Home {
    fn new() -> Home {
        Home(tempfile::tempdir().expect("a temporary home"))
    }

    /// `env` settings pointing the XDG folders inside this home.
    fn env(&self) -> String {
        let root = self.0.path().display();
        format!(
            "XDG_CONFIG_HOME='{root}/config' XDG_STATE_HOME='{root}/state' XDG_CACHE_HOME='{root}/cache'"
        )
    }
}

impl Tmux {
    fn start(name: &str, command: &str) -> Option<Tmux> {
        let home = Home::new();
        let mut tmux = Self::start_in(name, command, &home)?;
        tmux.home = Some(home);
        Some(tmux)
    }

    /// Starts `command` with the XDG folders of `home`.
    fn start_in(name: &str, command: &str, home: &Home) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            notice(&format!(
                "tmux not found, skipping the end-to-end test {name}"
            ));
            return None;
        }
        let tmux = Tmux {
            socket: format!("rehash-e2e-{name}-{}", std::process::id()),
            home: None,
        };
        // The developer's own config must not change what the tests see, nor a backtrace
        // setting push the panic message off the captured screen.
        let config = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/empty.toml");
        let shell = format!(
            "env -u RUST_BACKTRACE -u RUST_LIB_BACKTRACE REHASH_CONFIG='{config}' {} {command}; echo {EXIT_MARK}$?; exec sleep 600",
            home.env()
        );
        let (w, h) = (WIDTH.to_string(), HEIGHT.to_string());
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-e",
            "NO_COLOR=",
            "sh",
            "-c",
            &shell,
        ]);
        assert!(
            out.status.success(),
            "tmux failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend(keys);
        assert!(self.run(&args).status.success());
    }

    /// The screen, with escape sequences (`-e`) or as plain text.
    fn capture(&self, escapes: bool) -> String {
        let args: &[&str] = if escapes {
            &["capture-pane", "-p", "-e"]
        } else {
            &["capture-pane", "-p"]
        };
        String::from_utf8_lossy(&self.run(args).stdout).into_owned()
    }

    fn flag(&self, name: &str) -> String {
        let out = self.run(&["display-message", "-p", &format!("#{{{name}}}")]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// The plain screen once it shows `text`, failing if the program exits first.
    fn shows(&self, text: &str) -> String {
        let screen = self.wait_for(text, |s| s.contains(text) || s.contains(EXIT_MARK));
        assert!(screen.contains(text), "{screen}");
        screen
    }

    /// Polls the plain screen until `done` holds, failing after the deadline.
    fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(false);
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
        drop(self.home.take());
    }
}

/// The seeds' folder, or `None` with a notice naming `test` when it is absent.
fn seeds_dir(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        notice(&format!("seeds not found, skipping the {test} test"));
        None
    }
}

fn seeds() -> Option<(PathBuf, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let pair = (
        dir.join("000_21adda6a860975b9.txt"),
        dir.join("002_505feb06e4f6e5a4.txt"),
    );
    if pair.0.exists() && pair.1.exists() {
        Some(pair)
    } else {
        notice(&format!(
            "seed articles not found in {}, skipping",
            dir.display()
        ));
        None
    }
}

/// Columns of the cells drawn with a background colour or reversed, per screen row.
fn highlighted_columns(screen: &str) -> Vec<Vec<usize>> {
    screen.lines().map(highlighted_in_line).collect()
}

fn highlighted_in_line(line: &str) -> Vec<usize> {
    let (mut cols, mut col, mut on) = (Vec::new(), 0, false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            let params: String = chars
                .by_ref()
                .take_while(|c| !c.is_ascii_alphabetic())
                .collect();
            on = sgr_highlight(&params, on);
            continue;
        }
        if on && !c.is_whitespace() {
            cols.push(col);
        }
        col += c.width().unwrap_or(0);
    }
    cols
}

/// Whether a highlight (background or reverse) is on after the SGR parameters `params`.
fn sgr_highlight(params: &str, mut on: bool) -> bool {
    let codes: Vec<&str> = params.split(';').collect();
    let mut i = 0;
    while i < codes.len() {
        match codes[i] {
            "" | "0" | "49" | "27" => on = false,
            "7" => on = true,
            "48" => {
                on = true;
                i += if codes.get(i + 1) == Some(&"2") { 4 } else { 2 };
            }
            "38" => i += if codes.get(i + 1) == Some(&"2") { 4 } else { 2 },
            code if code.len() == 3 && code.starts_with("10") => on = true,
            code if code.len() == 2 && code.starts_with('4') && code != "49" => on = true,
            _ => {}
        }
        i += 1;
    }
    on
}

/// Both titles on the first line, each in its half, the left pane focused.
fn check_titles(screen: &str) {
    let top = screen.lines().next().unwrap_or_default();
    let right = top
        .char_indices()
        .nth(WIDTH / 2)
        .map_or(top.len(), |(i, _)| i);
    assert!(top[..right].contains("Sergey Lavrov"), "left title: {top}");
    assert!(top[right..].contains("Sergei Lavrov"), "right title: {top}");
    assert!(top[..right].contains('▶'), "left pane focused first");
}

/// Highlighted text in both panes (the legend and status lines left out).
fn check_highlights(tmux: &Tmux) {
    let rows = highlighted_columns(&tmux.capture(true));
    let body = &rows[1..HEIGHT - 3];
    assert!(
        body.iter().flatten().any(|&c| c < WIDTH / 2),
        "highlights in the left half"
    );
    assert!(
        body.iter().flatten().any(|&c| c > WIDTH / 2),
        "highlights in the right half"
    );
}

/// After `q`: exit status 0, the shell's screen back, cursor shown, no mouse capture.
fn check_restored(tmux: &Tmux) {
    let screen = tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
    assert!(
        screen.contains(&format!("{EXIT_MARK}0")),
        "exit status 0:\n{screen}"
    );
    assert!(
        !screen.contains("Sergey Lavrov announced"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(tmux.flag("alternate_on"), "0", "main screen back");
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown");
    assert_eq!(tmux.flag("mouse_any_flag"), "0", "mouse capture off");
}

#[test]
fn reads_two_seed_articles_and_restores_the_terminal() {
    let Some((a, b)) = seeds() else { return };
    let command = format!(
        "'{}' '{}' '{}'",
        env!("CARGO_BIN_EXE_rehash"),
        a.display(),
        b.display()
    );
    let Some(tmux) = Tmux::start("pair", &command) else {
        return;
    };
    let screen = tmux.wait_for("both titles", |s| {
        s.contains("Sergey Lavrov announced") || s.contains(EXIT_MARK)
    });
    check_titles(&screen);
    check_highlights(&tmux);
    tmux.keys(&["n"]);
    tmux.wait_for("a selected passage", |s| s.contains("passage 1/"));
    tmux.keys(&["Enter", "Tab"]);
    tmux.wait_for("focus on the right", |s| {
        let top = s.lines().next().unwrap_or_default();
        top.chars().skip(WIDTH / 2).any(|c| c == '▶')
    });
    tmux.keys(&["q"]);
    check_restored(&tmux);
}

#[test]
fn opens_the_demo_library_without_arguments() {
    let command = format!("'{}'", env!("CARGO_BIN_EXE_rehash"));
    let Some(tmux) = Tmux::start("demo", &command) else {
        return;
    };
    let screen = tmux.wait_for("the library", |s| {
        s.contains("Library") || s.contains(EXIT_MARK)
    });
    assert!(screen.contains("sorted by"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("a compare view", |s| {
        s.contains("shared passages") || s.contains("passage ")
    });
    tmux.keys(&["?"]);
    tmux.wait_for("help", |s| s.contains("Keys · compare"));
    // q closes the help, as in less; the next q quits.
    tmux.keys(&["q"]);
    tmux.wait_for("the help closed", |s| !s.contains("Keys · compare"));
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
    assert!(screen.contains(&format!("{EXIT_MARK}0")), "{screen}");
}

/// The screen rows where the gutter label `label` (e.g. `3r`) shows in the left and the
/// right pane.
fn label_rows(screen: &str, label: &str) -> (Vec<usize>, Vec<usize>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (y, line) in screen.lines().enumerate() {
        let half = line
            .char_indices()
            .nth(WIDTH / 2)
            .map_or(line.len(), |(i, _)| i);
        let tag = format!("│{label:>3} ");
        if line[..half].contains(&tag) {
            left.push(y);
        }
        if line[half..].contains(&tag) {
            right.push(y);
        }
    }
    (left, right)
}

#[test]
fn enter_levels_the_passage_in_the_demo() {
    let command = format!("'{}'", env!("CARGO_BIN_EXE_rehash"));
    let Some(tmux) = Tmux::start("level", &command) else {
        return;
    };
    tmux.wait_for("the library", |s| {
        s.contains("Library") || s.contains(EXIT_MARK)
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("a compare view", |s| s.contains("shared passages"));
    tmux.keys(&["n", "n", "n"]);
    tmux.wait_for("the third passage", |s| s.contains("passage 3/"));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("both starts level", |s| {
        let (left, right) = label_rows(s, "3r");
        !left.is_empty() && left == right
    });
    assert!(screen.contains("rewritten"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
}

/// The `panic_probe` example, if it was built.
fn panic_probe() -> Option<PathBuf> {
    let exe = std::env::current_exe().expect("test path");
    let probe = exe
        .parent()
        .and_then(|deps| deps.parent())
        .map(|dir| dir.join("examples/panic_probe"));
    let probe = probe.filter(|p| p.exists());
    if probe.is_none() {
        notice("examples/panic_probe not built, skipping");
    }
    probe
}

#[test]
fn a_panic_restores_the_terminal_before_reporting() {
    let Some(probe) = panic_probe() else {
        return;
    };
    let Some(tmux) = Tmux::start("panic", &format!("'{}'", probe.display())) else {
        return;
    };
    let screen = tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
    assert!(
        screen.contains("probe panic"),
        "the panic is reported:\n{screen}"
    );
    assert!(
        !screen.contains("probe screen"),
        "the reader's screen is gone:\n{screen}"
    );
    assert!(
        !screen.contains(&format!("{EXIT_MARK}0")),
        "a failing exit status:\n{screen}"
    );
    assert_eq!(tmux.flag("alternate_on"), "0", "main screen back");
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown");
    assert_eq!(tmux.flag("mouse_any_flag"), "0", "mouse capture off");
}

#[test]
fn a_panic_on_another_thread_leaves_the_screen_to_the_reader_and_is_told_after() {
    let Some(probe) = panic_probe() else {
        return;
    };
    let Some(tmux) = Tmux::start(
        "panic-elsewhere",
        &format!("'{}' elsewhere", probe.display()),
    ) else {
        return;
    };
    let drawing = tmux.wait_for("the probe drawing on", |s| {
        s.contains("probe still drawing") || s.contains(EXIT_MARK)
    });
    assert!(
        !drawing.contains("probe panic"),
        "nothing printed over it:\n{drawing}"
    );
    assert_eq!(tmux.flag("alternate_on"), "1", "still the reader's screen");
    let screen = tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
    assert!(
        screen.contains("rehash: a thread panicked at") && screen.contains("probe panic elsewhere"),
        "the panic is told after:\n{screen}"
    );
    assert!(screen.contains(&format!("{EXIT_MARK}0")), "{screen}");
    assert_eq!(tmux.flag("alternate_on"), "0", "main screen back");
}

#[test]
fn library_passages_compare_back_heat_map_compare_back() {
    let Some(dir) = seeds_dir("corpus-views walk") else {
        return;
    };
    let command = format!("'{}' '{}'", env!("CARGO_BIN_EXE_rehash"), dir.display());
    let Some(tmux) = Tmux::start("views", &command) else {
        return;
    };
    tmux.wait_for("the library", |s| {
        s.contains("Library") || s.contains(EXIT_MARK)
    });
    tmux.keys(&["3"]);
    // The whole frame drawn: the list and, below it, the first row's occurrences.
    tmux.wait_for("the passages, the coup paragraph first", |s| {
        s.contains("Passages ·") && s.contains("4 occurrences")
    });
    tmux.keys(&["j"]);
    tmux.wait_for("the second row", |s| s.contains(" 2/"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the occurrences", |s| s.contains("compare with the next"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("a compare view", |s| s.contains("occurrence 2/"));
    tmux.keys(&["Escape"]);
    // The whole frame drawn: the list and the status line of the occurrences.
    let screen = tmux.wait_for("the passages again", |s| {
        s.contains("Passages ·") && s.contains("compare with the next")
    });
    assert!(screen.contains(" 2/"), "the same row:\n{screen}");
    tmux.keys(&["4"]);
    tmux.wait_for("the heat map", |s| s.contains("Heat map ·"));
    tmux.keys(&["l", "Enter"]);
    tmux.wait_for("a compare view of the pair", |s| s.contains("partner "));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the heat map again", |s| s.contains("Heat map ·"));
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
    assert!(screen.contains(&format!("{EXIT_MARK}0")), "{screen}");
}

#[test]
fn e_writes_the_pair_as_html_where_out_says_and_the_status_line_says_so() {
    let out = tempfile::tempdir().unwrap();
    let command = format!(
        "'{}' --out '{}'",
        env!("CARGO_BIN_EXE_rehash"),
        out.path().display()
    );
    let Some(tmux) = Tmux::start("export", &command) else {
        return;
    };
    tmux.wait_for("the library", |s| {
        s.contains("Library") || s.contains(EXIT_MARK)
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("a compare view", |s| s.contains("shared passage"));
    tmux.keys(&["e"]);
    let screen = tmux.wait_for("the export", |s| s.contains("written to"));
    let written: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let path = std::path::Path::new(&written[0]);
    assert!(written[0].starts_with("rehash-"));
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("html"));
    assert!(screen.contains(&written[0][..20]), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        // A folder of its own names this reader, so that only it gets the signal.
        let marker = tempfile::tempdir().unwrap();
        let command = format!(
            "'{}' --out '{}'",
            env!("CARGO_BIN_EXE_rehash"),
            marker.path().display()
        );
        let Some(tmux) = Tmux::start(&format!("signal-{signal}"), &command) else {
            return;
        };
        tmux.wait_for("the library", |s| {
            s.contains("Library") || s.contains(EXIT_MARK)
        });
        // The reader's own command line, not the shell's around it.
        let pattern = format!(
            "^{} --out {}",
            env!("CARGO_BIN_EXE_rehash"),
            marker.path().display()
        );
        let sent = Command::new("pkill")
            .args([format!("-{signal}"), "-f".to_owned(), pattern])
            .status();
        if !sent.is_ok_and(|s| s.success()) {
            notice("pkill found nothing to signal; skipping the signal test");
            return;
        }
        let screen = tmux.wait_for("the exit", |s| s.contains(EXIT_MARK));
        assert!(
            screen.contains(&format!("{EXIT_MARK}{code}")),
            "{signal}: {screen}"
        );
        assert!(
            !screen.contains("Library ·"),
            "{signal}: the reader's screen is gone:\n{screen}"
        );
        assert_eq!(tmux.flag("alternate_on"), "0", "{signal}: main screen back");
    }
}

#[test]
fn a_terminal_that_goes_away_ends_the_reader() {
    let marker = tempfile::tempdir().unwrap();
    let command = format!(
        "'{}' --out '{}'",
        env!("CARGO_BIN_EXE_rehash"),
        marker.path().display()
    );
    let pattern = format!(
        "^{} --out {}",
        env!("CARGO_BIN_EXE_rehash"),
        marker.path().display()
    );
    {
        let Some(tmux) = Tmux::start("hangup", &command) else {
            return;
        };
        tmux.wait_for("the library", |s| {
            s.contains("Library") || s.contains(EXIT_MARK)
        });
        // Dropping the server closes the reader's terminal.
    }
    let start = Instant::now();
    let running = || {
        Command::new("pgrep")
            .args(["-f", &pattern])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    while running() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the reader still runs 5 s after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The panes of a compare view: the screen without its status line (notices differ).
fn panes(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(2)].join("\n")
}

/// From the library of a reader just started: opens the first pair and selects its first
/// passage; the screen then.
fn first_pair_first_passage(tmux: &Tmux) -> String {
    tmux.wait_for("the library", |s| {
        s.contains("sorted by") || s.contains(EXIT_MARK)
    });
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("a compare view", |s| {
        s.contains("shared passages") || s.contains("passage ")
    });
    tmux.keys(&["n"]);
    tmux.wait_for("a selected passage", |s| s.contains("passage 1/"))
}

#[test]
fn a_reopened_corpus_lands_on_the_pair_and_passage_left_at_quitting() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !dir.exists() {
        notice("seeds not found, skipping the reopen test");
        return;
    }
    let command = format!("'{}' '{}'", env!("CARGO_BIN_EXE_rehash"), dir.display());
    let home = Home::new();
    let Some(tmux) = Tmux::start_in("place-1", &command, &home) else {
        return;
    };
    let before = first_pair_first_passage(&tmux);
    tmux.keys(&["j", "j", "j"]);
    std::thread::sleep(Duration::from_millis(300));
    let before = panes(&tmux.wait_for("scrolled", |s| s != before));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains(&format!("{EXIT_MARK}0")));
    drop(tmux);

    // The second open reads the findings from the cache and comes back to the same place.
    let Some(tmux) = Tmux::start_in("place-2", &command, &home) else {
        return;
    };
    let after = tmux.wait_for("the same pair", |s| {
        s.contains("results cache") && panes(s) == before || s.contains(EXIT_MARK)
    });
    assert_eq!(panes(&after), before);
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains(&format!("{EXIT_MARK}0")));
    drop(tmux);

    // --fresh starts at the library.
    let fresh = format!("{command} --fresh");
    let Some(tmux) = Tmux::start_in("place-3", &fresh, &home) else {
        return;
    };
    tmux.wait_for("the library", |s| {
        s.contains("sorted by") || s.contains(EXIT_MARK)
    });
    tmux.keys(&["q"]);
}

/// The reader on the seeds, started with an `--out` folder of its own so that a signal can be
/// sent to it alone, and the `pkill`/`pgrep` pattern that finds it.
struct MarkedReader {
    _marker: tempfile::TempDir,
    command: String,
    pattern: String,
}

impl MarkedReader {
    /// `None`, with a notice naming `test`, when the seeds are absent.
    fn on_seeds(test: &str) -> Option<MarkedReader> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        if !dir.exists() {
            notice(&format!("seeds not found, skipping the {test} test"));
            return None;
        }
        let marker = tempfile::tempdir().expect("a marker folder");
        let (bin, dir, out) = (
            env!("CARGO_BIN_EXE_rehash"),
            dir.display(),
            marker.path().display(),
        );
        let command = format!("'{bin}' '{dir}' --out '{out}'");
        let pattern = format!("^{bin} {dir} --out {out}");
        Some(MarkedReader {
            _marker: marker,
            command,
            pattern,
        })
    }

    /// Opens the reader again in `home` and checks it lands on the panes `before` showed.
    fn reopens_on(&self, name: &str, home: &Home, before: &str) {
        let Some(tmux) = Tmux::start_in(name, &self.command, home) else {
            return;
        };
        let after = tmux.wait_for("the same pair", |s| {
            panes(s) == before || s.contains(EXIT_MARK)
        });
        assert_eq!(panes(&after), before);
        tmux.keys(&["q"]);
    }
}

#[test]
fn a_reader_ended_by_sigterm_remembers_its_place() {
    let Some(reader) = MarkedReader::on_seeds("signal place") else {
        return;
    };
    let home = Home::new();
    let Some(tmux) = Tmux::start_in("term-place-1", &reader.command, &home) else {
        return;
    };
    let before = panes(&first_pair_first_passage(&tmux));
    let pattern = &reader.pattern;
    let sent = Command::new("pkill")
        .args(["-TERM", "-f", pattern])
        .status();
    if !sent.is_ok_and(|s| s.success()) {
        notice("pkill found nothing to signal; skipping the signal place test");
        return;
    }
    tmux.wait_for("the exit", |s| s.contains(&format!("{EXIT_MARK}143")));
    drop(tmux);
    reader.reopens_on("term-place-2", &home, &before);
}

#[test]
fn a_reader_whose_terminal_vanishes_remembers_its_place() {
    let Some(reader) = MarkedReader::on_seeds("vanished-terminal place") else {
        return;
    };
    let home = Home::new();
    let Some(tmux) = Tmux::start_in("gone-place-1", &reader.command, &home) else {
        return;
    };
    let before = panes(&first_pair_first_passage(&tmux));
    // Killing the tmux server closes the reader's terminal and hangs it up at once.
    drop(tmux);
    let start = Instant::now();
    while Command::new("pgrep")
        .args(["-f", &reader.pattern])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        assert!(
            start.elapsed() < DEADLINE,
            "the reader outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.reopens_on("gone-place-2", &home, &before);
}

/// The reader on the demo, with the configuration file `config`.
fn reader_with_config(config: &std::path::Path) -> String {
    format!(
        "env REHASH_CONFIG='{}' '{}'",
        config.display(),
        env!("CARGO_BIN_EXE_rehash")
    )
}

#[test]
fn keys_rebound_in_the_config_work_and_a_bad_binding_falls_back_to_the_defaults() {
    let home = Home::new();
    let good = home.0.path().join("good.toml");
    std::fs::write(&good, "[keys.global]\nquit = [\"Q\"]\n").expect("config");
    let command = reader_with_config(&good);
    let Some(tmux) = Tmux::start_in("keys-good", &command, &home) else {
        return;
    };
    tmux.wait_for("the library", |s| {
        s.contains("sorted by") || s.contains(EXIT_MARK)
    });
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !tmux.capture(false).contains(EXIT_MARK),
        "q no longer quits"
    );
    let hints = tmux.capture(false);
    assert!(
        hints.contains("Q quit"),
        "the hints follow the binding:\n{hints}"
    );
    tmux.keys(&["Q"]);
    tmux.wait_for("the exit", |s| s.contains(&format!("{EXIT_MARK}0")));
    drop(tmux);

    let bad = home.0.path().join("bad.toml");
    std::fs::write(&bad, "mouse = true\n[keys.library]\nopen = [\"q\"]\n").expect("config");
    let command = reader_with_config(&bad);
    let Some(tmux) = Tmux::start_in("keys-bad", &command, &home) else {
        return;
    };
    let screen = tmux.wait_for("the warning", |s| {
        s.contains("line 3") || s.contains(EXIT_MARK)
    });
    assert!(screen.contains("default keys"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains(&format!("{EXIT_MARK}0")));
}

#[test]
fn an_article_added_since_the_last_open_is_scanned_behind_the_last_findings() {
    let Some(seeds) = seeds_dir("added-article") else {
        return;
    };
    let corpus = tempfile::tempdir().expect("a corpus folder");
    for entry in std::fs::read_dir(&seeds).expect("the seeds") {
        let path = entry.expect("a seed").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, corpus.path().join(name)).expect("copied");
    }
    let command = format!(
        "'{}' '{}'",
        env!("CARGO_BIN_EXE_rehash"),
        corpus.path().display()
    );
    let home = Home::new();
    let Some(tmux) = Tmux::start_in("added-1", &command, &home) else {
        return;
    };
    let before = first_pair_first_passage(&tmux);
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains(&format!("{EXIT_MARK}0")));
    drop(tmux);

    // A new op-ed reprinting a seed's text under its own headline.
    let seed = std::fs::read_to_string(seeds.join("001_59007568ff3b6b40.txt")).expect("a seed");
    let body = seed
        .split_once('\n')
        .map_or(seed.as_str(), |(_, body)| body);
    std::fs::write(
        corpus.path().join("added.txt"),
        format!("A reprint\n{body}"),
    )
    .expect("added");
    let Some(tmux) = Tmux::start_in("added-2", &command, &home) else {
        return;
    };
    let after = tmux.shows("scan done: the findings of all 6 articles are shown");
    // Still on the pair left at quitting: its two titles head the panes.
    assert_eq!(after.lines().next(), before.lines().next());
    tmux.keys(&["q"]);
    let said = tmux.wait_for("the exit", |s| s.contains(&format!("{EXIT_MARK}0")));
    assert!(
        said.contains("rehash: 1 article added since the last scan: the last findings"),
        "{said}"
    );
    drop(tmux);

    // The scan behind the reader stored its findings: the next open reads them.
    let Some(tmux) = Tmux::start_in("added-3", &command, &home) else {
        return;
    };
    tmux.shows("findings read from the results cache");
    tmux.keys(&["q"]);
}
