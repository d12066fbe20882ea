//! Every screen drawn into a `TestBackend` and pinned with insta, with colours: text snapshots,
//! buffer debug snapshots (styles included) and explicit style checks of the highlights.

#[path = "support/notice.rs"]
mod support_notice;

#[path = "support/fixture.rs"]
mod fixture;

use insta::{assert_debug_snapshot, assert_snapshot};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use rehash::app::{Action, App, ColorMode, Settings};

fn app(color: ColorMode, pair: bool, size: (u16, u16), actions: &[Action]) -> App {
    let corpus = if pair {
        fixture::pair_corpus()
    } else {
        fixture::corpus()
    };
    let report = fixture::report(&corpus);
    let mut app = App::new(
        corpus,
        report,
        Settings {
            color,
            mouse: true,
            sync_scroll: false,
        },
    );
    app.update(Action::Resize(size.0, size.1));
    for action in actions {
        app.update(*action);
    }
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|frame| rehash::ui::render(app, frame))
        .unwrap();
    terminal
}

/// The cell where `word` first appears on screen, searching from the left or from `min_x`.
fn cell_of(buffer: &Buffer, word: &str, min_x: u16) -> (u16, u16) {
    let area = buffer.area;
    for y in 0..area.height {
        let (mut line, mut xs) = (String::new(), Vec::new());
        for x in min_x..area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            xs.extend(std::iter::repeat_n(x, symbol.len()));
        }
        if let Some(at) = line.find(word) {
            return (xs[at], y);
        }
    }
    panic!("{word} not on screen");
}

const STEP: [Action; 1] = [Action::NextPassage];

#[test]
fn compare_80x24() {
    let terminal = draw(&app(ColorMode::Indexed, true, (80, 24), &STEP));
    assert_snapshot!(terminal.backend());
    assert_debug_snapshot!(terminal.backend().buffer());
}

#[test]
fn compare_160x48() {
    let terminal = draw(&app(
        ColorMode::TrueColor,
        true,
        (160, 48),
        &[Action::NextPassage, Action::Jump],
    ));
    assert_snapshot!(terminal.backend());
    assert_debug_snapshot!(terminal.backend().buffer());
}

#[test]
fn word_differences_are_marked_on_both_sides() {
    let terminal = draw(&app(ColorMode::Indexed, true, (160, 48), &STEP));
    let buffer = terminal.backend().buffer();
    let passage_bg = Color::Indexed(223);
    for (word, min_x) in [
        ("Yanukovych", 0),
        ("Western", 0),
        ("Yanukovich", 80),
        ("Westren", 80),
    ] {
        let cell = &buffer[cell_of(buffer, word, min_x)];
        assert_eq!(cell.bg, passage_bg, "{word} lies in the passage colour");
        assert_eq!(cell.fg, Color::Indexed(124), "{word} is marked changed");
        assert!(
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD),
            "{word}"
        );
    }
    let inserted = &buffer[cell_of(buffer, "old Kiev", 80)];
    assert!(
        inserted
            .modifier
            .contains(Modifier::ITALIC | Modifier::UNDERLINED)
    );
    let plain = &buffer[cell_of(buffer, "Crimean", 0)];
    assert_eq!(
        (plain.bg, plain.modifier.contains(Modifier::UNDERLINED)),
        (Color::Indexed(223), false)
    );
    let shared = &buffer[cell_of(buffer, "Sevastopol", 80)];
    assert!(
        shared
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED),
        "shared word emphasised"
    );
    let (x, y) = cell_of(buffer, "Missile", 80);
    assert_eq!(
        buffer[(x - 2, y)].symbol(),
        "r",
        "a rewritten paragraph's first row shows its kind"
    );
}

#[test]
fn no_color_still_shows_every_highlight() {
    let terminal = draw(&app(ColorMode::Monochrome, true, (80, 24), &STEP));
    assert_snapshot!(terminal.backend());
    assert_debug_snapshot!(terminal.backend().buffer());
    let buffer = terminal.backend().buffer();
    let colored = buffer
        .content
        .iter()
        .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
        .count();
    assert_eq!(colored, 0, "no colour at all");
    let passage = &buffer[cell_of(buffer, "Crimean", 0)];
    assert!(passage.modifier.contains(Modifier::REVERSED));
    let changed = &buffer[cell_of(buffer, "Western", 0)];
    assert!(
        changed
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert!(!changed.modifier.contains(Modifier::REVERSED));
}

#[test]
fn library() {
    let terminal = draw(&app(ColorMode::Indexed, false, (100, 30), &[]));
    assert_snapshot!(terminal.backend());
    assert_debug_snapshot!(terminal.backend().buffer());
}

#[test]
fn library_80x24_sorted_by_title() {
    let sort = [Action::CycleSort, Action::CycleSort, Action::CycleSort];
    let terminal = draw(&app(ColorMode::Indexed, false, (80, 24), &sort));
    assert_snapshot!(terminal.backend());
}

#[test]
fn help_over_compare() {
    let terminal = draw(&app(
        ColorMode::Indexed,
        true,
        (80, 24),
        &[Action::ToggleHelp],
    ));
    assert_snapshot!(terminal.backend());
}

#[test]
fn help_over_library() {
    let terminal = draw(&app(
        ColorMode::Indexed,
        false,
        (80, 24),
        &[Action::ToggleHelp],
    ));
    assert_snapshot!(terminal.backend());
}

#[test]
fn too_small() {
    let terminal = draw(&app(ColorMode::Indexed, true, (40, 10), &[]));
    assert_snapshot!(terminal.backend());
    let terminal = draw(&app(ColorMode::Indexed, true, (20, 5), &[]));
    assert_snapshot!(terminal.backend());
}

#[test]
fn search_prompt_and_matches() {
    let typing: Vec<Action> = "kiev".chars().map(Action::SearchInput).collect();
    let mut actions = vec![Action::StartSearch];
    actions.extend(&typing);
    let terminal = draw(&app(ColorMode::Indexed, true, (80, 24), &actions));
    assert_snapshot!("search_prompt", terminal.backend());
    actions.push(Action::SearchSubmit);
    let terminal = draw(&app(ColorMode::Indexed, true, (80, 24), &actions));
    let buffer = terminal.backend().buffer();
    let kiev = &buffer[cell_of(buffer, "Kiev", 0)];
    assert_eq!(kiev.bg, Color::Indexed(203), "the current match stands out");
    let mut actions = vec![Action::StartSearch];
    actions.extend("officials".chars().map(Action::SearchInput));
    actions.extend([Action::SearchSubmit, Action::NextMatch]);
    let terminal = draw(&app(ColorMode::Indexed, true, (80, 24), &actions));
    let buffer = terminal.backend().buffer();
    let first = &buffer[cell_of(buffer, "officials", 0)];
    assert_eq!(first.bg, Color::Indexed(214), "another match");
    let current = |bg| buffer.content.iter().filter(|c| c.bg == bg).count();
    assert_eq!(
        current(Color::Indexed(203)),
        "officials".len(),
        "the current (second) match is drawn apart"
    );
    let terminal = draw(&app(ColorMode::Monochrome, true, (80, 24), &actions));
    let buffer = terminal.backend().buffer();
    let current = buffer
        .content
        .iter()
        .filter(|c| {
            c.modifier
                .contains(Modifier::REVERSED | Modifier::UNDERLINED)
        })
        .count();
    assert_eq!(current, "officials".len(), "without colour too");
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let terminal = draw(&app(ColorMode::Indexed, true, (160, 48), &[]));
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| !c.symbol().chars().any(char::is_control))
    );
    let (x, y) = cell_of(buffer, "[31m", 80);
    assert_eq!(buffer[(x - 1, y)].symbol(), "\u{FFFD}");
}

#[test]
fn seeds_coup_paragraph_shows_its_word_differences() {
    let Some((corpus, report)) = fixture::seed_pair() else {
        return;
    };
    let settings = Settings {
        color: ColorMode::Indexed,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = App::new(corpus, report, settings);
    app.update(Action::Resize(160, 48));
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let changed = |word: &str, offset: u16, right: bool| {
        let (x, y) = cell_of(buffer, word, if right { 80 } else { 0 });
        assert_eq!(x >= 80, right, "{word} in the expected pane");
        let cell = &buffer[(x + offset, y)];
        assert_eq!(cell.fg, Color::Indexed(124), "{word} marked as changed");
        assert_ne!(cell.bg, Color::Reset, "{word} inside a highlighted passage");
    };
    changed("Yanukovych", 0, false);
    changed("pro-Western", 4, false);
    changed("Yanukovich", 0, true);
    changed("pro-Westren", 4, true);
    let (x, y) = cell_of(buffer, "Ukraine lost the Crimean", 0);
    let block = buffer[(x - 1, y)].symbol() == "▌" || buffer[(x, y)].bg != Color::Reset;
    assert!(block, "the coup paragraph is highlighted");
}

#[test]
fn help_at_60x15_scrolls_to_every_key() {
    let terminal = draw(&app(
        ColorMode::Indexed,
        true,
        (60, 15),
        &[Action::ToggleHelp, Action::Bottom],
    ));
    assert_snapshot!(terminal.backend());
}

#[test]
fn library_120_wide_lists_ids() {
    let terminal = draw(&app(
        ColorMode::Indexed,
        false,
        (120, 24),
        &[Action::ScrollBy(1)],
    ));
    assert_snapshot!(terminal.backend());
}

#[test]
fn no_color_numbers_pair_the_passages() {
    let terminal = draw(&app(ColorMode::Monochrome, true, (80, 24), &[Action::Jump]));
    let buffer = terminal.backend().buffer();
    let (left, right) = (cell_of(buffer, " 1n", 0), cell_of(buffer, " 1n", 40));
    assert_eq!(left.1, right.1, "passage 1 numbered level on both sides");
    assert!(
        buffer[(left.0 + 1, left.1)]
            .modifier
            .contains(Modifier::REVERSED),
        "selected"
    );
}

#[test]
fn compare_60x15() {
    let terminal = draw(&app(
        ColorMode::Indexed,
        true,
        (60, 15),
        &[Action::NextPassage, Action::NextPassage],
    ));
    assert_snapshot!(terminal.backend());
}

/// The text of screen row `y`.
fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

#[test]
fn no_color_tells_passages_apart_and_says_numbers_pair_them() {
    let terminal = draw(&app(ColorMode::Monochrome, true, (160, 48), &[]));
    let buffer = terminal.backend().buffer();
    let first = &buffer[cell_of(buffer, "Crimean", 0)].modifier;
    let second = &buffer[cell_of(buffer, "encroachment", 0)].modifier;
    assert!(first.contains(Modifier::REVERSED) && !first.contains(Modifier::UNDERLINED));
    assert!(second.contains(Modifier::UNDERLINED) && !second.contains(Modifier::REVERSED));
    let legend = row_text(buffer, 46);
    assert!(legend.contains("numbers pair"), "{legend}");
    assert!(!legend.contains("colour"), "{legend}");
    let terminal = draw(&app(ColorMode::Monochrome, true, (160, 48), &STEP));
    let buffer = terminal.backend().buffer();
    let selected = buffer[cell_of(buffer, "Crimean", 0)].modifier;
    assert!(
        selected.contains(Modifier::REVERSED | Modifier::BOLD),
        "selected"
    );
}

#[test]
fn nested_passages_are_numbered_on_both_sides() {
    let terminal = draw(&app(ColorMode::Indexed, true, (160, 48), &[]));
    assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let left = (0..48).any(|y| {
        row_text(buffer, y)[..]
            .split('│')
            .nth(1)
            .is_some_and(|l| l.starts_with(" 4n"))
    });
    let right = cell_of(buffer, " 4n", 80);
    assert!(left, "passage 4 labelled in the left pane");
    let outer = cell_of(buffer, " 3r", 80);
    assert_eq!(outer.1 + 1, right.1, "below the enclosing passage's label");
}

#[test]
fn library_preview_marks_reused_text_and_fills_its_box() {
    for color in [ColorMode::Indexed, ColorMode::Monochrome] {
        let terminal = draw(&app(color, false, (100, 30), &[]));
        let buffer = terminal.backend().buffer();
        let preview = rehash::app::view::library::layout(buffer.area).preview;
        let (x, y) = cell_of(buffer, "encroachment", 0);
        assert!(y > preview.y, "in the preview");
        let cell = &buffer[(x, y)];
        let marked = cell.bg != Color::Reset || cell.modifier.contains(Modifier::REVERSED);
        assert!(marked, "reused text marked in {color:?}");
        let bottom = preview.y + preview.height - 2;
        let filled =
            (bottom - 1..=bottom).any(|y| !row_text(buffer, y).trim_matches([' ', '│']).is_empty());
        assert!(filled, "text down to the bottom of the box");
    }
}

#[test]
fn the_minimap_thumb_shows_over_passages() {
    for (color, symbol) in [(ColorMode::Indexed, "▌"), (ColorMode::Monochrome, "█")] {
        let terminal = draw(&app(color, true, (80, 24), &STEP));
        let buffer = terminal.backend().buffer();
        let minimap = rehash::app::view::compare::layout::panes(buffer.area)
            .left
            .minimap;
        let both = minimap.rows().any(|row| {
            let cell = &buffer[(row.x, row.y)];
            cell.symbol() == symbol
                && (color == ColorMode::Monochrome || cell.bg == Color::DarkGray)
        });
        assert!(
            both,
            "a passage cell on screen shows the thumb in {color:?}"
        );
    }
}

#[test]
fn status_lines_keep_the_help_key_and_cut_messages() {
    let terminal = draw(&app(
        ColorMode::Indexed,
        false,
        (80, 24),
        &[Action::Open, Action::NextPassage],
    ));
    let status = row_text(terminal.backend().buffer(), 23);
    assert!(status.contains("partner 1/1 · ? help"), "{status}");
    let mut long = app(ColorMode::Indexed, true, (100, 30), &[]);
    long.show_warnings(&["a.txt: this file is not valid UTF-8 and was read with replacement characters in many places".to_owned()]);
    let status = row_text(draw(&long).backend().buffer(), 29);
    assert!(status.trim_end().ends_with("? help"), "{status}");
    assert!(status.contains("… "), "cut with an ellipsis: {status}");
    for width in [60, 80] {
        let library = draw(&app(ColorMode::Indexed, false, (width, 24), &[]));
        let status = row_text(library.backend().buffer(), 23);
        assert!(status.trim_end().ends_with("? help"), "{status}");
    }
}

#[test]
fn library_of_one_article_60x15() {
    let mut corpus = fixture::corpus();
    corpus.documents.truncate(1);
    let report = rehash::reuse::Report::new(Vec::new(), Vec::new(), Vec::new(), 1);
    let settings = Settings {
        color: ColorMode::Indexed,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = App::new(corpus, report, settings);
    app.update(Action::Resize(60, 15));
    let terminal = draw(&app);
    assert_snapshot!(terminal.backend());
    let title = row_text(terminal.backend().buffer(), 0);
    assert!(title.contains("Library · 1 article ·"), "{title}");
}

#[test]
fn an_article_posted_twice_is_one_library_row_with_its_count() {
    let story = "The harbour wall collapsed late on Tuesday as a storm surge pushed seawater \
                 into the lower district, forcing the evacuation of thirty homes. Emergency \
                 crews said nobody was killed, but one man was taken to hospital.";
    let sources = vec![
        rehash::corpus::Source::new("a.txt", format!("Wall falls\n{story}")),
        rehash::corpus::Source::new("a-again.txt", format!("Wall falls\n{story}")),
        rehash::corpus::Source::new("b.txt", "Gardens\nThe roses bloomed early this spring."),
    ];
    let corpus = rehash::corpus::Corpus::from_sources(sources);
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let mut app = App::new(
        corpus,
        report,
        Settings {
            color: ColorMode::Monochrome,
            mouse: true,
            sync_scroll: false,
        },
    );
    app.update(Action::Resize(80, 24));
    let entries = &app.library().entries;
    assert_eq!(entries.len(), 2);
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains("×2 Wall falls"), "{screen}");
    assert!(screen.contains("2 articles"), "{screen}");
    // The copies are no partners of each other: the article is not shown as reused.
    assert!(entries.iter().all(|e| e.partners == 0 && e.reused < 0.01));
}

/// The reader on the demo corpus at `size`, after `actions`.
fn demo(size: (u16, u16), actions: &[Action]) -> App {
    let corpus = rehash::corpus::demo_corpus();
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let settings = Settings {
        color: ColorMode::Indexed,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = App::new(corpus, report, settings);
    app.update(Action::Resize(size.0, size.1));
    for action in actions {
        app.update(*action);
    }
    app
}

#[test]
fn passages_of_the_demo() {
    use rehash::app::View;
    let app = demo((100, 30), &[Action::Show(View::Passages)]);
    assert_snapshot!("passages_of_the_demo", draw(&app).backend());
    let app = demo(
        (100, 30),
        &[
            Action::Show(View::Passages),
            Action::ScrollBy(1),
            Action::Open,
        ],
    );
    assert_snapshot!("passages_occurrences_focused", draw(&app).backend());
}

#[test]
fn passages_rows_that_are_no_reuse_are_dimmed() {
    use rehash::app::View;
    let app = demo((100, 30), &[Action::Show(View::Passages)]);
    let reuse = app.passages().reuse_rows();
    let apart = app.passages().listed.len() - reuse;
    assert!(apart > 0, "the demo's wire footer is listed apart");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    // Rows start below the border and the header; the first apart row follows the reuse ones.
    let y = u16::try_from(2 + reuse).unwrap();
    let cell = &buffer[(12, y)];
    assert!(
        cell.modifier.contains(Modifier::DIM) || cell.fg == Color::DarkGray,
        "{cell:?}"
    );
}

#[test]
fn heat_map_of_the_demo() {
    use rehash::app::View;
    let app = demo((100, 20), &[Action::Show(View::Heat)]);
    assert_snapshot!("heat_map_of_the_demo", draw(&app).backend());
    let app = demo((100, 20), &[Action::Show(View::Heat), Action::FoldOutlets]);
    assert_snapshot!("heat_map_of_the_demo_by_outlet", draw(&app).backend());
}

#[test]
fn long_titles_end_with_an_ellipsis_and_outlets_are_not_cut_short() {
    let app = demo((80, 24), &[]);
    let terminal = draw(&app);
    let rows: Vec<String> = (2..8)
        .map(|y| {
            let buffer = terminal.backend().buffer();
            (0..80)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect();
    assert!(rows.iter().any(|r| r.contains('…')), "{rows:#?}");
    let corpus = rehash::corpus::Corpus::from_sources(vec![rehash::corpus::Source {
        group: "a_rather_long_outlet_name_com".into(),
        ..rehash::corpus::Source::new("x.txt", "Headline\nSome text.")
    }]);
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let settings = Settings {
        color: ColorMode::Indexed,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = App::new(corpus, report, settings);
    app.update(Action::Resize(200, 20));
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let row: String = (0..200)
        .map(|x| buffer[(x, 2)].symbol().to_owned())
        .collect();
    assert!(row.contains("a_rather_long_outlet_name_com"), "{row}");
}

#[test]
fn corpus_search_of_the_demo() {
    let mut app = demo((100, 16), &[Action::StartSearch]);
    for c in "harbour wall".chars() {
        app.update(Action::SearchInput(c));
    }
    assert_snapshot!("corpus_search_prompt", draw(&app).backend());
    app.update(Action::SearchSubmit);
    assert_snapshot!("corpus_search_hits", draw(&app).backend());
}

#[test]
fn the_compare_view_says_which_article_came_first() {
    let story = "The harbour commission said the sea wall had been inspected twice in the \
                 last decade and that both reports had found cracks near the eastern end.";
    let source = |id: &str, date: &str, text: String| rehash::corpus::Source {
        group: "news".into(),
        date: Some(date.into()),
        ..rehash::corpus::Source::new(id, &text)
    };
    let corpus = rehash::corpus::Corpus::from_sources(vec![
        source("a.txt", "2026-02-23", format!("Late\n\n{story}")),
        source("b.txt", "2026-02-20", format!("Early\n\n{story}")),
    ]);
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let settings = Settings {
        color: ColorMode::Indexed,
        mouse: true,
        sync_scroll: false,
    };
    let mut app = App::new(corpus, report, settings);
    app.update(Action::Resize(160, 30));
    app.update(Action::NextPassage);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let status: String = (0..160)
        .map(|x| buffer[(x, 29)].symbol().to_owned())
        .collect();
    assert!(status.contains("right first (2026-02-20)"), "{status}");
    let border: String = (0..160)
        .map(|x| buffer[(x, 27)].symbol().to_owned())
        .collect();
    assert!(border.contains("news · 2026-02-23 · a.txt"), "{border}");
}

#[test]
fn the_dark_palette_and_colours_set_by_name_reach_the_screen() {
    use rehash::app::{ColorOverrides, Palette, Shade};
    let cell_bg = |palette: Palette| {
        let mut app = app(ColorMode::TrueColor, false, (100, 30), &[]);
        app.set_palette(palette);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let (x, y) = cell_of(buffer, "encroachment", 0);
        (buffer[(x, y)].bg, buffer[(x, y)].fg)
    };
    let (light_bg, light_ink) = cell_bg(Palette::default());
    let (dark_bg, dark_ink) = cell_bg(Palette {
        shade: Shade::Dark,
        overrides: ColorOverrides::default(),
    });
    assert_eq!(
        light_ink,
        Color::Rgb(0, 0, 0),
        "dark ink on a pale highlight"
    );
    assert_eq!(
        dark_ink,
        Color::Rgb(238, 238, 238),
        "light ink on a deep one"
    );
    assert_ne!(light_bg, dark_bg);
    let mut overrides = ColorOverrides::default();
    overrides.passages[0] = Some(Color::Rgb(1, 2, 3));
    overrides.ink = Some(Color::Rgb(250, 250, 0));
    let (set_bg, set_ink) = cell_bg(Palette {
        shade: Shade::Light,
        overrides,
    });
    assert_eq!(
        (set_bg, set_ink),
        (Color::Rgb(1, 2, 3), Color::Rgb(250, 250, 0))
    );
}
