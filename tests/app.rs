//! `App::update` driven headless: every action, on the fixture corpus.

#[path = "support/fixture.rs"]
mod fixture;

use rehash::app::layout::panes;
use rehash::app::{Action, App, ColorMode, Compare, Focus, Pane, Screen, Settings, SortKey};

const SETTINGS: Settings = Settings {
    color: ColorMode::Indexed,
    mouse: true,
    sync_scroll: false,
};

fn pair_app() -> App {
    let corpus = fixture::pair_corpus();
    let report = fixture::report(&corpus);
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(80, 24));
    app
}

fn library_app() -> App {
    let corpus = fixture::corpus();
    let report = fixture::report(&corpus);
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(120, 40));
    app
}

fn compare(app: &App) -> &Compare {
    app.compare().expect("a pair is open")
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

/// The screen row (from the pane's top) where passage `slot` starts.
fn screen_row(pane: &Pane, slot: usize) -> isize {
    let row = pane.view.rows_of_slot(slot).expect("slot in pane").start;
    row.cast_signed() - pane.scroll.cast_signed()
}

#[test]
fn first_screen_depends_on_the_number_of_documents() {
    assert_eq!(pair_app().screen(), Screen::Compare);
    let app = library_app();
    assert_eq!(app.screen(), Screen::Library);
    assert!(app.compare().is_none());
}

#[test]
fn passage_stepping_follows_the_focused_article_and_wraps() {
    let mut app = pair_app();
    let mut seen = Vec::new();
    for _ in 0..4 {
        app.update(Action::NextPassage);
        seen.push(compare(&app).selected.unwrap());
    }
    assert_eq!(
        seen,
        [0, 1, 2, 0],
        "left order: coup, quote, rewrite, then wrap"
    );
    app.update(Action::PrevPassage);
    assert_eq!(
        compare(&app).selected,
        Some(2),
        "previous from the first wraps to the last"
    );
    assert_eq!(compare(&app).selected_position(), Some((3, 3)));
    run(&mut app, &[Action::SwitchFocus, Action::NextPassage]);
    assert_eq!(compare(&app).focus, Focus::Right);
    assert_eq!(
        compare(&app).selected,
        Some(1),
        "right order: quote, coup, rewrite; wraps after rewrite"
    );
}

#[test]
fn stepping_scrolls_the_passage_into_view() {
    let mut app = pair_app();
    run(
        &mut app,
        &[
            Action::NextPassage,
            Action::NextPassage,
            Action::NextPassage,
        ],
    );
    let pane = &compare(&app).left;
    let row = screen_row(pane, 2);
    assert!((0..pane.height.cast_signed()).contains(&row), "row {row}");
}

#[test]
fn jump_brings_the_counterpart_level() {
    for (width, height) in [(80, 24), (160, 48)] {
        let mut app = pair_app();
        app.update(Action::Resize(width, height));
        for _ in 0..3 {
            run(&mut app, &[Action::NextPassage, Action::Jump]);
            let c = compare(&app);
            let slot = c.selected.unwrap();
            let (left, right) = (screen_row(&c.left, slot), screen_row(&c.right, slot));
            assert!(
                left == right || c.right.scroll == 0,
                "slot {slot}: {left} vs {right}"
            );
        }
    }
    let mut app = pair_app();
    run(&mut app, &[Action::NextPassage, Action::Jump]);
    let c = compare(&app);
    assert_eq!(screen_row(&c.left, 0), screen_row(&c.right, 0));
    assert!(c.right.scroll > 0, "the coup sits lower on the right");
}

#[test]
fn synchronised_scrolling_keeps_aligned_passages_level() {
    let mut app = pair_app();
    app.update(Action::ScrollBy(5));
    assert_eq!(
        compare(&app).right.scroll,
        0,
        "without sync the right pane stays"
    );
    app.update(Action::ToggleSync);
    assert!(compare(&app).sync);
    let c = compare(&app);
    let rows = c.left.view.rows_of_slot(2).unwrap();
    let target = rows.start - c.left.height / 2;
    run(
        &mut app,
        &[
            Action::Top,
            Action::ScrollBy(i32::try_from(target).unwrap()),
        ],
    );
    let c = compare(&app);
    assert_eq!(
        screen_row(&c.left, 2),
        screen_row(&c.right, 2),
        "rewrite level at mid-pane"
    );
    let before = c.right.scroll;
    app.update(Action::ScrollBy(3));
    assert!(
        compare(&app).right.scroll > before,
        "the right pane follows"
    );
    run(&mut app, &[Action::ToggleSync, Action::Top]);
    assert_eq!(compare(&app).left.scroll, 0);
    assert!(
        compare(&app).right.scroll > 0,
        "sync off: the right pane stays"
    );
}

#[test]
fn scrolling_is_clamped_and_paged() {
    let mut app = pair_app();
    app.update(Action::ScrollBy(-3));
    assert_eq!(compare(&app).left.scroll, 0);
    app.update(Action::Page(1));
    let height = compare(&app).left.height;
    assert_eq!(compare(&app).left.scroll, height - 1);
    app.update(Action::Bottom);
    let pane = &compare(&app).left;
    assert_eq!(pane.scroll, pane.view.rows.len() - pane.height);
    app.update(Action::ScrollBy(10_000));
    assert_eq!(
        compare(&app).left.scroll,
        compare(&app).left.view.rows.len() - 1
    );
    app.update(Action::Top);
    assert_eq!(compare(&app).left.scroll, 0);
}

fn open_first_article(app: &mut App) {
    let index = app
        .library()
        .entries
        .iter()
        .position(|e| e.doc == 0)
        .expect("article 0 listed");
    run(
        app,
        &[
            Action::Top,
            Action::ScrollBy(i32::try_from(index).expect("few articles")),
            Action::Open,
        ],
    );
}

#[test]
fn library_opens_the_strongest_partner_and_partners_cycle() {
    let mut app = library_app();
    open_first_article(&mut app);
    assert_eq!(app.screen(), Screen::Compare);
    let doc = |app: &App| (compare(app).left.doc(), compare(app).right.doc());
    assert_eq!(doc(&app), (0, 1));
    assert_eq!(compare(&app).partners, [1, 2]);
    app.update(Action::NextPartner);
    assert_eq!(doc(&app), (0, 2));
    assert_eq!(compare(&app).passages.len(), 1);
    app.update(Action::NextPartner);
    assert_eq!(doc(&app), (0, 1), "wraps");
    app.update(Action::PrevPartner);
    assert_eq!(doc(&app), (0, 2));
    assert_eq!(app.message(), Some("partner 2/2"));
}

#[test]
fn library_sorts_and_selects() {
    let mut app = library_app();
    assert_eq!(app.library().sort, SortKey::Reused);
    app.update(Action::Bottom);
    let doc = app.library().current().unwrap().doc;
    app.update(Action::CycleSort);
    assert_eq!(app.library().sort, SortKey::Partners);
    assert_eq!(
        app.library().current().unwrap().doc,
        doc,
        "the selection follows the article"
    );
    run(&mut app, &[Action::CycleSort, Action::CycleSort]);
    let titles: Vec<&str> = app
        .library()
        .entries
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Security talks agreed",
            "Talks over Ukraine",
            "Weekly digest"
        ]
    );
    run(
        &mut app,
        &[Action::Top, Action::ScrollBy(1), Action::Page(1)],
    );
    assert_eq!(app.library().selected, 2);
    let table = rehash::app::layout::library(app.area()).table;
    app.update(Action::Click {
        column: 5,
        row: table.y + 3,
    });
    assert_eq!(
        app.library().selected,
        1,
        "a click selects the row under it"
    );
    app.update(Action::Click {
        column: 5,
        row: table.y + 9,
    });
    assert_eq!(
        app.library().selected,
        1,
        "a click below the last row changes nothing"
    );
    app.update(Action::Wheel {
        column: 5,
        row: 5,
        down: true,
    });
    assert_eq!(app.library().selected, 2);
}

#[test]
fn search_marks_matches_and_steps_through_them() {
    let mut app = pair_app();
    app.update(Action::StartSearch);
    assert!(app.mode().typing);
    for c in "OFFICIALSx".chars() {
        app.update(Action::SearchInput(c));
    }
    run(&mut app, &[Action::SearchBackspace, Action::SearchSubmit]);
    assert!(!app.mode().typing);
    let search = app.search();
    assert_eq!(
        (search.query.as_str(), search.matches.len(), search.current),
        ("OFFICIALS", 19, Some(0))
    );
    let marked = compare(&app)
        .left
        .view
        .segments
        .iter()
        .flatten()
        .filter(|s| s.mark.search)
        .count();
    assert_eq!(marked, 19);
    run(&mut app, &[Action::StartSearch, Action::SearchSubmit]);
    assert_eq!(
        app.search().current,
        Some(1),
        "an empty prompt repeats the last query"
    );
    let row = compare(&app)
        .left
        .view
        .row_of(app.search().matches[1].start);
    assert!(
        row >= compare(&app).left.scroll
            && row < compare(&app).left.scroll + compare(&app).left.height
    );
    run(
        &mut app,
        &[
            Action::StartSearch,
            Action::SearchInput('z'),
            Action::SearchInput('q'),
            Action::SearchSubmit,
        ],
    );
    assert_eq!(app.message(), Some("no match for “zq”"));
}

#[test]
fn overlays_close_before_quitting() {
    let mut app = pair_app();
    run(&mut app, &[Action::ToggleHelp, Action::StartSearch]);
    assert!(app.help_open() && app.mode().typing);
    app.update(Action::CloseOverlay);
    assert!(
        app.help_open() && !app.mode().typing,
        "Esc closes the prompt first"
    );
    app.update(Action::CloseOverlay);
    assert!(!app.help_open());
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn screens_mouse_and_resize() {
    let mut app = pair_app();
    run(&mut app, &[Action::ShowLibrary]);
    assert_eq!(app.screen(), Screen::Library);
    run(&mut app, &[Action::ShowCompare, Action::ToggleMouse]);
    assert_eq!(app.screen(), Screen::Compare);
    assert!(!app.mouse());
    app.update(Action::ScrollBy(12));
    let top = compare(&app).left.view.rows[12].chars.start;
    app.update(Action::Resize(160, 48));
    let c = compare(&app);
    assert_eq!(
        c.left.view.width,
        usize::from(panes(app.area()).left.text.width)
    );
    assert!(
        c.left.view.rows[c.left.scroll].chars.contains(&top),
        "the top line stays on top"
    );
    assert_eq!(c.left.height, 44);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_clicks_jump() {
    let mut app = pair_app();
    let areas = panes(app.area());
    app.update(Action::Wheel {
        column: areas.right.text.x + 3,
        row: 5,
        down: true,
    });
    assert_eq!(
        (compare(&app).left.scroll, compare(&app).right.scroll),
        (0, 3)
    );
    app.update(Action::Wheel {
        column: areas.right.text.x + 3,
        row: 5,
        down: false,
    });
    let row = compare(&app).left.view.rows_of_slot(0).unwrap().start;
    let y = areas.left.text.y + u16::try_from(row).unwrap();
    app.update(Action::Click {
        column: areas.left.text.x + 2,
        row: y,
    });
    let c = compare(&app);
    assert_eq!((c.focus, c.selected), (Focus::Left, Some(0)));
    assert_eq!(screen_row(&c.left, 0), screen_row(&c.right, 0));
    app.update(Action::Click {
        column: areas.right.text.x + 1,
        row: areas.right.text.y,
    });
    assert_eq!(compare(&app).focus, Focus::Right);
}

#[test]
fn a_too_small_terminal_keeps_the_last_wrapping_until_it_grows() {
    let mut app = pair_app();
    let width = compare(&app).left.view.width;
    app.update(Action::Resize(20, 5));
    assert_eq!(compare(&app).left.view.width, width, "no rewrap at 20×5");
    run(
        &mut app,
        &[Action::NextPartner, Action::NextPassage, Action::Jump],
    );
    app.update(Action::Resize(100, 30));
    let c = compare(&app);
    assert_eq!(
        c.left.view.width,
        usize::from(panes(app.area()).left.text.width)
    );
    assert!(!c.right.view.rows.is_empty());
}
