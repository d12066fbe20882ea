//! Hostile article text never reaches the terminal as control: every view drawn through the
//! real terminal backend, on articles full of escape sequences, C0 and C1 controls, bidi
//! overrides, zero-width and combining characters and an endless word, writes only the escape
//! sequences the drawing itself makes (CSI with parameters), asserted on the exact bytes.
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use rehash::app::{Action, App, ColorMode, Settings, View};
use rehash::corpus::{Corpus, Source};
use rehash::reuse::{Options, find_reuse};

/// The bytes a terminal backend writes, kept for the test to read.
#[derive(Clone, Default)]
struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything an article may hide.
const HOSTILE: &str = "\u{1b}]52;c;SGVsbG8=\u{7} clipboard \u{1b}]0;pwned\u{7} title \
    \u{1b}[2J\u{1b}[H cleared \u{1b}[31mred\u{1b}[0m \u{9b}31m c1 \u{85} nel \
    \u{202e}evil override\u{202c} \u{2066}isolate\u{2069} \u{1b}]8;;http://example.com\u{1b}\\link\u{1b}]8;;\u{1b}\\ \
    zero\u{200b}width e\u{301}\u{301}\u{301} combining \u{8}\u{8}back \u{0}nul";

fn corpus() -> Corpus {
    let shared = "The harbour commission said the sea wall had been inspected twice in the last \
                  decade and both reports had found cracks near its eastern end, officials said.";
    let long_word = "x".repeat(5_000);
    // Each article its own words too, so that no two are copies of one article.
    let own = |n: usize| {
        (0..80)
            .map(|k| format!("own{}x{k}", n * 71 + k))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = |n: usize| {
        format!(
            "{HOSTILE} headline {n}\n{}\n{HOSTILE}\n{shared} {HOSTILE}\n{long_word}\n{}\n",
            own(n),
            own(n + 1000)
        )
    };
    Corpus::from_sources(
        [
            Source {
                group: format!("outlet\u{1b}]0;x\u{7}{}", 1),
                ..Source::new("a\u{1b}[31m.txt", text(1))
            },
            Source::new("b\u{202e}.txt", text(2)),
            Source::new("c.txt", text(3)),
        ]
        .into_iter()
        // Articles of their own, so that the shared text is in too few to be the corpus's template.
        .chain((0..12).map(|i| {
            let words: Vec<String> = (0..40).map(|k| format!("word{}x{k}", i * 53 + k)).collect();
            Source::new(
                format!("other{i}.txt"),
                format!("Other {i}\n{}.", words.join(" ")),
            )
        }))
        .collect(),
    )
}

/// Whether the bytes written hold any escape sequence but a CSI with parameters, or any raw
/// control, C1 or bidi character; the offending part if so.
fn unsafe_part(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}' {
            // ESC [ params final: what ratatui and crossterm write.
            if chars.get(i + 1) != Some(&'[') {
                return Some(chars[i..(i + 12).min(chars.len())].iter().collect());
            }
            let mut j = i + 2;
            while j < chars.len()
                && (chars[j].is_ascii_digit() || matches!(chars[j], ';' | '?' | ':'))
            {
                j += 1;
            }
            match chars.get(j) {
                Some(f) if ('@'..='~').contains(f) => i = j + 1,
                _ => return Some(chars[i..(j + 1).min(chars.len())].iter().collect()),
            }
            continue;
        }
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && c != '\n' && c != '\r') || bidi {
            return Some(format!("U+{:04X}", c as u32));
        }
        i += 1;
    }
    None
}

#[test]
fn every_view_writes_only_its_own_escape_sequences() {
    let corpus = corpus();
    let report = find_reuse(&corpus, &Options::default());
    let settings = Settings {
        color: ColorMode::TrueColor,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = App::new(corpus, report, settings);
    app.update(Action::Resize(120, 40));
    let steps: Vec<Vec<Action>> = vec![
        vec![Action::Show(View::Library)],
        vec![Action::Open, Action::NextPassage],
        vec![Action::ToggleHelp],
        vec![
            Action::ToggleHelp,
            Action::Show(View::Passages),
            Action::Open,
        ],
        vec![Action::Show(View::Heat), Action::ColumnBy(1)],
        vec![Action::Show(View::Library), Action::StartSearch]
            .into_iter()
            .chain("link".chars().map(Action::SearchInput))
            .chain([Action::SearchSubmit])
            .collect(),
        vec![Action::Open],
    ];
    for (n, actions) in steps.into_iter().enumerate() {
        for action in actions {
            app.update(action);
        }
        let written = Written::default();
        let mut terminal = Terminal::new(CrosstermBackend::new(written.clone())).unwrap();
        terminal
            .resize(ratatui::layout::Rect::new(0, 0, 120, 40))
            .unwrap();
        terminal
            .draw(|frame| rehash::ui::render(&app, frame))
            .unwrap();
        let bytes = written.0.borrow().clone();
        assert!(bytes.len() > 1_000, "step {n} drew something");
        let shown = String::from_utf8_lossy(&bytes);
        let hostile_on_screen = shown.contains("clipboard") || shown.contains("isolate");
        if !(hostile_on_screen || app.help_open()) {
            let mut t = Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
            t.draw(|frame| rehash::ui::render(&app, frame)).unwrap();
            panic!("step {n} shows no hostile text:\n{}", t.backend());
        }
        if let Some(part) = unsafe_part(&bytes) {
            panic!("step {n} ({:?}) wrote {part:?}", app.view());
        }
    }
}

#[test]
fn the_checker_catches_what_it_must() {
    assert!(unsafe_part(b"\x1b[31mred\x1b[0m\x1b[2;3H").is_none());
    assert!(unsafe_part(b"\x1b]0;title\x07").is_some());
    assert!(unsafe_part("\u{9b}31m".as_bytes()).is_some());
    assert!(unsafe_part("\u{202e}".as_bytes()).is_some());
    assert!(unsafe_part(b"\x07").is_some());
}
