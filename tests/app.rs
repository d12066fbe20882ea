//! `App::update` driven headless: every action, on the fixture corpus.

#[path = "support/notice.rs"]
mod support_notice;
#[path = "support/screen.rs"]
mod support_screen;

#[path = "support/fixture.rs"]
mod fixture;

use rehash::app::view::compare::layout::panes;
use rehash::app::{Action, App, ColorMode, Compare, DocId, Focus, Pane, Settings, SortKey, View};

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
    assert_eq!(pair_app().view(), View::Compare);
    let app = library_app();
    assert_eq!(app.view(), View::Library);
    assert!(app.compare().is_none());
}

#[test]
fn passage_stepping_follows_the_focused_article_and_wraps() {
    let mut app = pair_app();
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.update(Action::NextPassage);
        seen.push(compare(&app).selected.unwrap());
    }
    assert_eq!(
        seen,
        [0, 1, 2, 3, 0],
        "left order: coup, quote, rewrite, the near passage inside it, then wrap"
    );
    app.update(Action::PrevPassage);
    assert_eq!(
        compare(&app).selected,
        Some(3),
        "previous from the first wraps to the last"
    );
    assert_eq!(compare(&app).selected_position(), Some((4, 4)));
    run(&mut app, &[Action::SwitchFocus, Action::NextPassage]);
    assert_eq!(compare(&app).focus, Focus::Right);
    assert_eq!(
        compare(&app).selected,
        Some(1),
        "right order: quote, coup, rewrite, nested; wraps after the last"
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

/// Whether passage `slot` starts on the same screen row in both panes, on screen.
fn level(app: &App, slot: usize) -> bool {
    let c = compare(app);
    let (left, right) = (screen_row(&c.left, slot), screen_row(&c.right, slot));
    left == right && (0..c.left.height.cast_signed()).contains(&left)
}

/// Both starts of passage `slot` on screen.
fn both_visible(app: &App, slot: usize) -> bool {
    let c = compare(app);
    [&c.left, &c.right]
        .iter()
        .all(|p| (0..p.height.cast_signed()).contains(&screen_row(p, slot)))
}

#[test]
fn jump_brings_the_counterpart_level_from_anywhere() {
    for (width, height) in [(80, 24), (60, 15), (160, 48)] {
        for focus_right in [false, true] {
            for start in [Action::Top, Action::Bottom, Action::ScrollBy(7)] {
                let mut app = pair_app();
                app.update(Action::Resize(width, height));
                if focus_right {
                    app.update(Action::SwitchFocus);
                }
                for _ in 0..3 {
                    run(&mut app, &[Action::NextPassage, start, Action::Jump]);
                    let slot = compare(&app).selected.unwrap();
                    let at = format!("{width}×{height}, right {focus_right}, {start:?}");
                    assert!(level(&app, slot), "slot {slot} level after Enter ({at})");
                }
            }
        }
    }
    let mut app = pair_app();
    run(&mut app, &[Action::NextPassage, Action::Jump]);
    let c = compare(&app);
    assert_eq!(screen_row(&c.left, 0), screen_row(&c.right, 0));
    assert!(c.right.scroll > 0, "the coup sits lower on the right");
}

#[test]
fn enter_may_scroll_past_the_bottom_but_keys_never_push_further() {
    let mut app = pair_app();
    app.update(Action::Resize(160, 48));
    run(&mut app, &[Action::NextPassage, Action::NextPassage]);
    assert!(
        !level(&app, 1),
        "both articles fit: n stays within the limit"
    );
    let max = compare(&app).left.max_scroll();
    app.update(Action::Jump);
    assert!(level(&app, 1), "Enter levels the quote");
    let past = compare(&app).left.scroll;
    assert!(
        past > max,
        "by scrolling the left pane past its bottom limit"
    );
    run(&mut app, &[Action::ScrollBy(1), Action::Page(1)]);
    assert_eq!(compare(&app).left.scroll, past, "no further down");
    app.update(Action::ScrollBy(-1));
    assert_eq!(
        compare(&app).left.scroll,
        past - 1,
        "and one row up is one row"
    );
}

#[test]
fn jump_keeps_the_focused_pane_still_when_the_other_can_follow() {
    let mut app = pair_app();
    run(&mut app, &[Action::NextPassage, Action::NextPassage]);
    let before = compare(&app).left.scroll;
    app.update(Action::Jump);
    assert!(level(&app, 1));
    assert_eq!(
        compare(&app).left.scroll,
        before,
        "the quote on the left stays"
    );
}

#[test]
fn stepping_shows_the_passage_and_its_counterpart() {
    for (width, height) in [(80, 24), (60, 15)] {
        for focus_right in [false, true] {
            let mut app = pair_app();
            app.update(Action::Resize(width, height));
            if focus_right {
                app.update(Action::SwitchFocus);
            }
            for step in [Action::NextPassage, Action::PrevPassage] {
                for _ in 0..4 {
                    app.update(step);
                    let slot = compare(&app).selected.unwrap();
                    assert!(
                        level(&app, slot),
                        "{step:?} to slot {slot} at {width}×{height}"
                    );
                }
            }
        }
    }
    let mut app = pair_app();
    app.update(Action::Resize(160, 48));
    for _ in 0..4 {
        app.update(Action::NextPassage);
        let slot = compare(&app).selected.unwrap();
        assert!(
            both_visible(&app, slot),
            "slot {slot}: both starts on screen"
        );
    }
}

#[test]
fn scrolling_stops_where_the_last_row_meets_the_bottom() {
    let mut app = pair_app();
    let bottom = |app: &App| {
        let pane = &compare(app).left;
        pane.view.rows.len() - pane.height
    };
    app.update(Action::Bottom);
    let end = bottom(&app);
    assert_eq!(compare(&app).left.scroll, end);
    for action in [
        Action::ScrollBy(10_000),
        Action::Page(5),
        Action::Top,
        Action::Page(1),
        Action::Page(1),
        Action::Page(1),
        Action::Page(1),
    ] {
        app.update(action);
        assert!(compare(&app).left.scroll <= end, "{action:?}");
    }
    assert_eq!(compare(&app).left.scroll, end, "pages stop at the bottom");
    let text = panes(app.area()).left.text;
    for _ in 0..40 {
        app.update(Action::Wheel {
            column: text.x,
            row: text.y,
            down: true,
        });
    }
    assert_eq!(compare(&app).left.scroll, end, "the wheel stops there too");
    for _ in 0..6 {
        app.update(Action::NextPassage);
        assert!(compare(&app).left.scroll <= bottom(&app));
        assert!(compare(&app).right.scroll <= compare(&app).right.max_scroll());
    }
    run(&mut app, &[Action::Bottom, Action::Resize(80, 40)]);
    assert_eq!(
        compare(&app).left.scroll,
        bottom(&app),
        "a taller screen re-clamps"
    );
}

#[test]
fn synchronised_scrolling_follows_the_row_map_and_keeps_passages_level() {
    let mut app = pair_app();
    app.update(Action::ScrollBy(5));
    assert_eq!(
        compare(&app).right.scroll,
        0,
        "without sync the right pane stays"
    );
    app.update(Action::ToggleSync);
    assert!(compare(&app).sync);
    assert_eq!(
        (compare(&app).left.scroll, compare(&app).right.scroll),
        (5, 0),
        "turning sync on moves nothing"
    );
    let right = |app: &App| compare(app).right.scroll;
    let before = right(&app);
    app.update(Action::ScrollBy(3));
    assert!(
        right(&app) >= before,
        "down on the left is never up on the right"
    );
    let before = right(&app);
    app.update(Action::ScrollBy(-2));
    assert!(right(&app) <= before, "and up is never down");
    run(
        &mut app,
        &[Action::NextPassage, Action::NextPassage, Action::Jump],
    );
    let slot = compare(&app).selected.unwrap();
    assert!(level(&app, slot));
    // Each keeps the passage's start on screen (it starts two rows down).
    for delta in [1, 1, -1, -1, 2] {
        app.update(Action::ScrollBy(delta));
        assert!(
            level(&app, slot),
            "a scroll of {delta} after Enter keeps the passage level"
        );
    }
    app.update(Action::SwitchFocus);
    app.update(Action::ScrollBy(-1));
    assert!(level(&app, slot), "led from the right too");
    run(&mut app, &[Action::ToggleSync, Action::Top]);
    assert_eq!(compare(&app).right.scroll, 0);
    assert!(
        compare(&app).left.scroll > 0,
        "sync off: the other pane stays"
    );
}

#[test]
fn resizing_keeps_the_selected_passage_in_place() {
    let mut app = pair_app();
    run(
        &mut app,
        &[
            Action::NextPassage,
            Action::NextPassage,
            Action::NextPassage,
        ],
    );
    let slot = compare(&app).selected.unwrap();
    assert!(level(&app, slot));
    for (width, height) in [(60, 15), (100, 30), (70, 20), (80, 24)] {
        app.update(Action::Resize(width, height));
        assert!(
            level(&app, slot),
            "slot {slot} level and on screen at {width}×{height}"
        );
    }
}

#[test]
fn resizing_keeps_the_first_line_on_screen() {
    let mut app = pair_app();
    app.update(Action::ScrollBy(12));
    let top = compare(&app).left.view.rows[12].chars.start;
    app.update(Action::Resize(70, 20));
    let c = compare(&app);
    assert!(
        c.left.view.rows[c.left.scroll].chars.contains(&top),
        "the top line stays on top"
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
    app.update(Action::Top);
    assert_eq!(compare(&app).left.scroll, 0);
}

fn open_first_article(app: &mut App) {
    let index = app
        .library()
        .entries
        .iter()
        .position(|e| e.doc == DocId(0))
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
    assert_eq!(app.view(), View::Compare);
    let doc = |app: &App| (compare(app).left.doc().0, compare(app).right.doc().0);
    assert_eq!(doc(&app), (0, 1));
    assert_eq!(compare(&app).partners, [DocId(1), DocId(2)]);
    app.update(Action::NextPartner);
    assert_eq!(doc(&app), (0, 2));
    assert_eq!(compare(&app).passages.len(), 1);
    app.update(Action::NextPartner);
    assert_eq!(doc(&app), (0, 1), "wraps");
    app.update(Action::PrevPartner);
    assert_eq!(doc(&app), (0, 2));
    assert_eq!(compare(&app).partner, Some(1));
    assert_eq!(
        app.message(),
        None,
        "the partner shows once, in the status flags"
    );
}

#[test]
fn library_sorts_and_selects() {
    let mut app = library_app();
    assert_eq!(app.library().sort, SortKey::Reused);
    app.update(Action::Bottom);
    app.update(Action::CycleSort);
    assert_eq!(app.library().sort, SortKey::Partners);
    assert_eq!(
        (app.library().selected, app.library().offset),
        (0, 0),
        "a new order shows its top"
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
    let table = rehash::app::view::library::layout(app.area()).table;
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
    let search = &compare(&app).search;
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
        compare(&app).search.current,
        Some(1),
        "an empty prompt repeats the last query"
    );
    let row = compare(&app)
        .left
        .view
        .row_of(compare(&app).search.matches[1].start);
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
    run(&mut app, &[Action::Show(View::Library)]);
    assert_eq!(app.view(), View::Library);
    run(
        &mut app,
        &[Action::Show(View::Compare), Action::ToggleMouse],
    );
    assert_eq!(app.view(), View::Compare);
    assert!(!app.mouse());
    app.update(Action::Resize(160, 48));
    let c = compare(&app);
    assert_eq!(
        c.left.view.width,
        usize::from(panes(app.area()).left.text.width)
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

#[test]
fn clicks_on_borders_select_nothing_and_overlays_block_the_mouse() {
    let mut app = pair_app();
    let areas = panes(app.area());
    let title = Action::Click {
        column: areas.left.text.x + 2,
        row: areas.left.block.y,
    };
    run(&mut app, &[Action::SwitchFocus, title]);
    assert_eq!(
        compare(&app).focus,
        Focus::Left,
        "a click on the title focuses"
    );
    assert_eq!(compare(&app).selected, None, "but selects nothing");
    let row = compare(&app).left.view.rows_of_slot(0).unwrap().start;
    let on_passage = Action::Click {
        column: areas.left.text.x + 2,
        row: areas.left.text.y + u16::try_from(row).unwrap(),
    };
    let wheel = Action::Wheel {
        column: areas.left.text.x,
        row: areas.left.text.y,
        down: true,
    };
    for overlay in [Action::ToggleHelp, Action::StartSearch] {
        run(&mut app, &[overlay, on_passage, wheel]);
        let c = compare(&app);
        assert_eq!(
            (c.selected, c.left.scroll),
            (None, 0),
            "{overlay:?} blocks the mouse"
        );
        app.update(Action::CloseOverlay);
    }
    app.update(on_passage);
    assert_eq!(compare(&app).selected, Some(0));
}

#[test]
fn a_resize_keeps_the_message_and_a_key_clears_it() {
    let mut app = pair_app();
    app.show_warnings(&[
        "a.txt: not\u{1b}[31m UTF-8".to_owned(),
        "b.txt: empty".to_owned(),
    ]);
    let message = app.message().unwrap();
    assert!(message.starts_with("2 warnings"), "{message}");
    assert!(!message.contains('\u{1b}'), "made safe to show: {message}");
    app.update(Action::Resize(100, 30));
    assert!(app.message().is_some(), "a resize is not the user's doing");
    app.update(Action::ScrollBy(1));
    assert_eq!(app.message(), None);
}

#[test]
fn help_scrolls_on_a_small_screen() {
    let mut app = pair_app();
    run(&mut app, &[Action::Resize(60, 15), Action::ToggleHelp]);
    let lines = app.keys().help(View::Compare).len();
    app.update(Action::Bottom);
    let shown = usize::from(rehash::app::layout::help(app.area(), 100).height) - 2;
    assert_eq!(
        app.help_scroll(),
        lines - shown,
        "the last line is reachable"
    );
    run(&mut app, &[Action::ScrollBy(-1), Action::ScrollBy(5)]);
    assert_eq!(app.help_scroll(), lines - shown, "clamped");
    assert_eq!(compare(&app).left.scroll, 0, "the pane below does not move");
    run(&mut app, &[Action::ToggleHelp, Action::ToggleHelp]);
    assert_eq!(app.help_scroll(), 0);
}

#[test]
fn search_folds_case_and_steps_both_ways() {
    let mut app = pair_app();
    app.update(Action::NextMatch);
    assert!(app.message().unwrap().starts_with("no search yet"));
    app.update(Action::StartSearch);
    for c in "PARAGRAPH 2 ON".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchSubmit);
    let n = compare(&app).search.matches.len();
    assert_eq!(n, 3, "history, diplomacy, markets");
    run(
        &mut app,
        &[Action::NextMatch, Action::NextMatch, Action::NextMatch],
    );
    assert_eq!(compare(&app).search.current, Some(0), "wraps");
    app.update(Action::PrevMatch);
    assert_eq!(compare(&app).search.current, Some(2));
    assert!(app.message().unwrap().contains("^N next"));
    let current = compare(&app).search.current_bytes.clone().unwrap();
    let text = &app.corpus().documents[0].text;
    assert_eq!(&text[current], "Paragraph 2 on");
}

/// The reader on the demo corpus as `rehash` shows it, at `width`×`height`.
fn demo_app(width: u16, height: u16) -> App {
    let corpus = rehash::corpus::demo_corpus();
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(width, height));
    app
}

/// Whether every row of passage `slot` is on screen in `pane`.
fn whole(pane: &Pane, slot: usize) -> bool {
    let rows = pane.view.rows_of_slot(slot).expect("slot in pane");
    rows.start >= pane.scroll && rows.end <= pane.scroll + pane.height
}

#[test]
fn resizing_shows_the_selected_passage_whole_when_it_fits() {
    let mut app = demo_app(160, 48);
    run(
        &mut app,
        &[
            Action::Open,
            Action::NextPassage,
            Action::NextPassage,
            Action::Jump,
        ],
    );
    let slot = compare(&app).selected.expect("a passage selected");
    for (width, height) in [(80, 24), (100, 30), (60, 15), (160, 48)] {
        app.update(Action::Resize(width, height));
        let pane = &compare(&app).left;
        let rows = pane.view.rows_of_slot(slot).unwrap();
        if rows.len() <= pane.height {
            assert!(whole(pane, slot), "passage whole at {width}×{height}");
            if width == 80 {
                let third = (pane.height / 3).cast_signed();
                assert!(screen_row(pane, slot) <= third, "moved to the upper third");
            }
        } else {
            assert_eq!(
                screen_row(pane, slot),
                0,
                "starts on top at {width}×{height}"
            );
        }
    }
}

#[test]
fn bottom_never_scrolls_up_from_past_the_limit() {
    let mut app = demo_app(160, 48);
    run(&mut app, &[Action::Open, Action::PrevPassage, Action::Jump]);
    let pane = &compare(&app).left;
    let past = pane.scroll;
    assert!(past > pane.max_scroll(), "Enter went past the bottom limit");
    app.update(Action::Bottom);
    assert_eq!(compare(&app).left.scroll, past, "G stays put");
    run(&mut app, &[Action::Top, Action::Bottom]);
    let pane = &compare(&app).left;
    assert_eq!(
        pane.scroll,
        pane.max_scroll(),
        "from the top, G goes to the limit"
    );
}

#[test]
fn a_new_partner_shows_its_first_passage_level() {
    let mut app = demo_app(120, 40);
    app.update(Action::Open);
    for action in [
        Action::NextPartner,
        Action::NextPartner,
        Action::PrevPartner,
    ] {
        app.update(action);
        let c = compare(&app);
        let first = c.left.view.passage_rows.first().map(|(slot, _)| *slot);
        assert_eq!(c.selected, first, "the first passage of the new pair");
        let slot = first.expect("partners share a passage");
        assert!(level(&app, slot), "level in both panes");
        assert!(whole(&c.left, slot) || screen_row(&c.left, slot) == 0);
    }
}

#[test]
fn nested_passages_are_numbered_on_both_sides() {
    let Some((corpus, report)) = fixture::seed_pair() else {
        return;
    };
    let mut app = App::new(corpus, report, SETTINGS);
    for (width, height) in [(160, 48), (80, 24), (60, 15)] {
        app.update(Action::Resize(width, height));
        let c = compare(&app);
        for slot in 0..c.passages.len() {
            for pane in [&c.left, &c.right] {
                assert!(
                    pane.view.labels.contains(&Some(slot)),
                    "passage {} labelled in both panes at {width}×{height}",
                    slot + 1
                );
            }
        }
    }
}

#[test]
fn library_titles_ids_and_outlets_are_one_safe_line() {
    let source = |id: &str, title: &str| rehash::corpus::Source {
        id: id.into(),
        path: None,
        group: "wire\ndesk".into(),
        title: Some(title.into()),
        date: None,
        text: "Some text of an article.\n".into(),
    };
    let corpus = rehash::corpus::Corpus::from_sources(vec![
        source("a\u{1b}.txt", "Two\nlines \u{202E}here"),
        source("b.txt", "Plain"),
        source("c.txt", "Other"),
    ]);
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let app = App::new(corpus, report, SETTINGS);
    let entry = app
        .library()
        .entries
        .iter()
        .find(|e| e.doc == DocId(0))
        .expect("an entry");
    assert_eq!(entry.title, "Two lines \u{FFFD}here");
    assert_eq!(entry.group, "wire desk");
    assert_eq!(entry.id, "a\u{FFFD}.txt");
}

#[test]
fn boilerplate_is_drawn_dimmed_and_b_leaves_it_unmarked() {
    let mut app = demo_app(120, 40);
    // The strongest partner of the Valley Courier, whose footer line is boilerplate.
    let courier = app
        .library()
        .entries
        .iter()
        .position(|e| e.title.contains("Valley Courier") || e.id.starts_with("02-"))
        .expect("the courier is listed");
    run(&mut app, &[Action::Top]);
    for _ in 0..courier {
        app.update(Action::ScrollBy(1));
    }
    app.update(Action::Open);
    let dimmed = |app: &App| {
        let pane = &compare(app).left;
        pane.view
            .segments
            .iter()
            .flatten()
            .filter(|s| s.mark.boilerplate)
            .count()
    };
    assert_eq!(compare(&app).left.doc(), app.library().entries[courier].doc);
    assert!(dimmed(&app) > 0, "the footer is marked");
    app.update(Action::ToggleBoilerplate);
    assert_eq!(dimmed(&app), 0);
    app.update(Action::ToggleBoilerplate);
    assert!(dimmed(&app) > 0);
}

#[test]
fn two_copies_of_one_article_compared_show_their_link_as_a_duplicate() {
    let story = "The harbour wall collapsed late on Tuesday as a storm surge pushed seawater \
                 into the lower district, forcing the evacuation of thirty homes. Emergency \
                 crews said nobody was killed, but one man was taken to hospital.";
    let corpus = rehash::corpus::Corpus::from_sources(vec![
        rehash::corpus::Source::new("a.txt", format!("Wall falls\n{story}")),
        rehash::corpus::Source::new("b.txt", format!("Wall falls\n{story}")),
    ]);
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    assert_eq!(report.duplicates, [vec![0, 1]]);
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(100, 30));
    app.update(Action::NextPassage);
    let compare = compare(&app);
    assert_eq!(compare.passages.len(), 1);
    let passage = app.context().passage(compare.passages[0]);
    assert_eq!(passage.label(), "verbatim duplicate");
    // Shown, but no reuse: the copies are no partners of each other.
    assert!(app.report().partners(0).is_empty());
    assert!(app.report().reused_share(app.corpus(), 0) < 0.01);
}

#[test]
fn r_shows_the_same_story_told_apart_and_hides_it_again() {
    let x = "Sanctions on oligarchs froze their yachts and banks across Europe after the Kremlin \
             ordered the invasion, officials in Brussels said on Monday evening.";
    let y = "Brussels officials said the bank accounts and the yacht of every oligarch named in the \
             sanction list were frozen once the Kremlin began its invasion.";
    let corpus = rehash::corpus::Corpus::from_sources(vec![
        rehash::corpus::Source::new("x.txt", x),
        rehash::corpus::Source::new("y.txt", y),
    ]);
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let related = report
        .passages
        .iter()
        .filter(|p| p.kind == rehash::reuse::Kind::Related);
    assert_eq!(
        related.count(),
        1,
        "the two tell one story in their own words"
    );
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(100, 30));
    assert!(compare(&app).passages.is_empty(), "hidden by default");
    app.update(Action::ToggleRelated);
    assert_eq!(compare(&app).passages.len(), 1);
    app.update(Action::NextPassage);
    let id = compare(&app).passages[0];
    assert_eq!(app.context().passage(id).label(), "same story");
    app.update(Action::ToggleRelated);
    assert!(compare(&app).passages.is_empty());
    assert_eq!(compare(&app).selected, None);
}

#[test]
fn esc_goes_back_to_the_same_row_and_digits_jump() {
    let mut app = library_app();
    run(&mut app, &[Action::Bottom]);
    let row = app.library().selected;
    app.update(Action::Open);
    assert_eq!(app.stack(), [View::Library, View::Compare]);
    app.update(Action::Back);
    assert_eq!(app.view(), View::Library);
    assert_eq!(app.library().selected, row, "the row left");
    app.update(Action::Back);
    assert_eq!(app.stack(), [View::Library], "the first view stays");
    app.update(Action::Show(View::Compare));
    assert_eq!(app.view(), View::Compare, "the last pair again");
    app.update(Action::Show(View::Library));
    assert_eq!(
        app.stack(),
        [View::Compare, View::Library],
        "a view is on the stack once"
    );
    app.update(Action::Back);
    assert_eq!(app.view(), View::Compare);
}

#[test]
fn update_returns_the_effects_for_the_event_loop() {
    use rehash::app::Effect;
    let mut app = pair_app();
    assert_eq!(app.update(Action::NextPassage), []);
    assert_eq!(app.update(Action::ToggleMouse), [Effect::SetMouse(false)]);
    assert_eq!(app.update(Action::ToggleMouse), [Effect::SetMouse(true)]);
    assert_eq!(app.update(Action::ToggleHelp), []);
    assert_eq!(app.update(Action::Quit), [Effect::Quit]);
}

#[test]
fn q_in_the_help_closes_it_and_esc_leaves_compare() {
    let mut app = pair_app();
    app.update(Action::ToggleHelp);
    let q = app.keys().action_for(
        &crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('q'),
            crossterm::event::KeyModifiers::NONE,
        )),
        app.mode(),
    );
    assert_eq!(q, Some(Action::CloseOverlay));
    app.update(Action::CloseOverlay);
    assert!(!app.help_open() && !app.should_quit());
    app.update(Action::Back);
    assert_eq!(
        app.view(),
        View::Library,
        "two articles open on a pair, Esc shows all"
    );
}

#[test]
fn the_status_line_and_the_gutter_give_the_selected_passage_one_number() {
    let mut app = demo_app(120, 40);
    let index = app
        .library()
        .entries
        .iter()
        .position(|e| e.title.starts_with("A wall, a contract"))
        .expect("the demo's op-ed");
    run(
        &mut app,
        &[
            Action::ScrollBy(i32::try_from(index).unwrap()),
            Action::Open,
            Action::SwitchFocus,
            Action::NextPassage,
        ],
    );
    let compare = compare(&app);
    let slot = compare.selected.expect("a passage selected");
    assert_eq!(
        compare.selected_position(),
        Some((slot + 1, compare.passages.len())),
        "the number its label shows on both sides"
    );
}

#[test]
fn the_partner_picker_puts_the_chosen_partner_on_the_right() {
    let mut app = library_app();
    open_first_article(&mut app);
    assert_eq!(compare(&app).partners, [DocId(1), DocId(2)]);
    app.update(Action::PickPartner);
    assert_eq!(compare(&app).picker().map(|p| p.selected), Some(0));
    run(&mut app, &[Action::ScrollBy(1), Action::Jump]);
    assert!(compare(&app).picker().is_none());
    assert_eq!(compare(&app).right.doc(), DocId(2));
    assert_eq!(compare(&app).partner, Some(1));
    // Esc closes an open picker before it leaves the view.
    run(&mut app, &[Action::PickPartner, Action::Back]);
    assert!(compare(&app).picker().is_none());
    assert_eq!(app.view(), View::Compare);
}

#[test]
fn x_swaps_the_articles_and_keeps_the_selected_passage() {
    let mut app = library_app();
    open_first_article(&mut app);
    app.update(Action::NextPassage);
    let before = compare(&app).selected.map(|s| compare(&app).passages[s]);
    app.update(Action::SwapPanes);
    let c = compare(&app);
    assert_eq!((c.left.doc(), c.right.doc()), (DocId(1), DocId(0)));
    assert_eq!(c.selected.map(|s| c.passages[s]), before);
    assert_eq!(c.focus, Focus::Right, "the focus follows its article");
    assert!(c.partners.contains(&DocId(0)));
}

#[test]
fn braces_step_through_the_word_edits() {
    let mut app = demo_app(120, 30);
    let index = app
        .library()
        .entries
        .iter()
        .position(|e| e.title.starts_with("Questions mount"))
        .expect("the demo article with a near copy");
    run(
        &mut app,
        &[
            Action::ScrollBy(i32::try_from(index).unwrap()),
            Action::Open,
        ],
    );
    let edited_rows = |app: &App| -> Vec<usize> {
        let pane = &compare(app).left;
        (0..pane.view.rows.len())
            .filter(|&r| {
                pane.view.segments[r].iter().any(|s| {
                    s.mark
                        .change
                        .is_some_and(|c| c != rehash::diff::Change::Equal)
                })
            })
            .collect()
    };
    let rows = edited_rows(&app);
    assert!(!rows.is_empty(), "the near copy has edits");
    // From the top, each step goes to the next edited row, on screen, and wraps round.
    let mut visited = Vec::new();
    for _ in 0..=rows.len() {
        app.update(Action::NextEdit);
        let c = compare(&app);
        let row = c.edit_row().expect("an edit gone to");
        let on_screen = c.left.screen_row(row).expect("the edit on screen");
        visited.push(row);
        // Its passage is selected, and the other side stands level with it.
        let slot = c.left.view.segments[row]
            .iter()
            .find(|s| {
                s.mark
                    .change
                    .is_some_and(|c| c != rehash::diff::Change::Equal)
            })
            .and_then(|s| s.mark.passage);
        assert_eq!(c.selected, slot, "row {row}");
        let level = c.right.scroll + on_screen;
        let near = level.saturating_sub(1)..=level + 1;
        assert!(
            near.clone().any(|r| c
                .right
                .view
                .segments
                .get(r)
                .is_some_and(|segments| { segments.iter().any(|s| s.mark.passage == slot) })),
            "the other side of row {row} level with it, rows {near:?} of the right pane"
        );
    }
    let mut expected = rows.clone();
    expected.push(rows[0]);
    assert_eq!(visited, expected);
    app.update(Action::PrevEdit);
    assert_eq!(compare(&app).edit_row(), rows.last().copied(), "back round");
}

#[test]
fn aligned_sync_brings_the_next_passage_level_as_it_scrolls_by() {
    let mut app = demo_app(120, 30);
    let index = app
        .library()
        .entries
        .iter()
        .position(|e| e.title.starts_with("A wall, a contract"))
        .expect("the demo's op-ed");
    run(
        &mut app,
        &[
            Action::ScrollBy(i32::try_from(index).unwrap()),
            Action::Open,
        ],
    );
    let c = compare(&app);
    // Two passages in the same order on both sides, the second far below the first.
    let both: Vec<usize> = (0..c.passages.len())
        .filter(|&s| {
            c.left.view.rows_of_slot(s).is_some() && c.right.view.rows_of_slot(s).is_some()
        })
        .collect();
    assert!(both.len() >= 2, "{both:?}");
    let start = |pane: &Pane, slot: usize| pane.view.rows_of_slot(slot).unwrap().start;
    let (first, second) = (both[0], both[1]);
    run(&mut app, &[Action::ToggleSync, Action::Top]);
    let mut level_seen = false;
    for _ in 0..200 {
        app.update(Action::ScrollBy(1));
        let c = compare(&app);
        let third = c.left.scroll + c.left.height / 3;
        if start(&c.left, second) == third {
            level_seen = screen_row(&c.left, second) == screen_row(&c.right, second);
            break;
        }
    }
    assert!(
        level_seen,
        "passage {second} level when it reaches the matched row"
    );
    let _ = first;
}

#[test]
fn d_lists_the_copies_of_a_duplicated_article_and_folds_them() {
    let story = "The harbour wall collapsed late on Tuesday as a storm surge pushed seawater \
                 into the lower district, forcing the evacuation of thirty homes. Emergency \
                 crews said nobody was killed, but one man was taken to hospital.";
    let corpus = rehash::corpus::Corpus::from_sources(vec![
        rehash::corpus::Source::new("a.txt", format!("Wall falls\n{story}")),
        rehash::corpus::Source::new("b.txt", format!("Wall falls\n{story}")),
        rehash::corpus::Source::new("c.txt", "Dahlias\nLifting dahlias before the frost."),
    ]);
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(100, 30));
    assert_eq!(app.library().entries.len(), 2, "the copies are one row");
    let row = app
        .library()
        .entries
        .iter()
        .position(|e| e.copies == 2)
        .unwrap();
    run(
        &mut app,
        &[
            Action::ScrollBy(i32::try_from(row).unwrap()),
            Action::ToggleCopies,
        ],
    );
    let entries = &app.library().entries;
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[row + 1].copy_of, Some(entries[row].doc));
    assert_eq!(app.message(), Some("1 other copy listed under it"));
    // Its copy's row is no other article.
    let top = support_screen::line(&app, (100, 30), 0);
    assert!(top.contains("Library · 2 articles ·"), "{top}");
    run(&mut app, &[Action::ScrollBy(1), Action::ToggleCopies]);
    assert_eq!(
        app.library().entries.len(),
        2,
        "d on a copy folds its article"
    );
    assert_eq!(app.library().current().unwrap().copies, 2);
}

#[test]
fn the_wheel_over_the_library_preview_scrolls_it() {
    let mut app = demo_app(100, 30);
    let preview = rehash::app::view::library::layout(app.area()).preview;
    let selected = app.library().selected;
    let wheel = |down| Action::Wheel {
        column: preview.x + 5,
        row: preview.y + 2,
        down,
    };
    run(&mut app, &[wheel(true), wheel(true)]);
    assert_eq!(app.library().selected, selected, "the selection stays");
    assert_eq!(app.library().preview.scroll, 6);
    let rows = app.library().preview.view.rows.len();
    assert!(
        rows >= 6 + usize::from(preview.height) - 2,
        "{rows} rows wrapped"
    );
    app.update(wheel(false));
    assert_eq!(app.library().preview.scroll, 3);
    app.update(Action::ScrollBy(1));
    assert_eq!(
        app.library().preview.scroll,
        0,
        "another article shows its top"
    );
}

#[test]
fn e_and_m_ask_the_event_loop_to_write_the_pair() {
    use rehash::app::Effect;
    let mut app = pair_app();
    assert_eq!(
        app.update(Action::ExportHtml),
        [Effect::Export {
            left: DocId(0),
            right: DocId(1),
            markdown: false
        }]
    );
    app.update(Action::SwapPanes);
    assert_eq!(
        app.update(Action::ExportMarkdown),
        [Effect::Export {
            left: DocId(1),
            right: DocId(0),
            markdown: true
        }]
    );
    app.update(Action::Show(View::Library));
    assert!(
        app.update(Action::ExportHtml).is_empty(),
        "the compare view's keys only"
    );
}

#[test]
fn the_markdown_of_a_pair_quotes_each_passage_from_both_sides_with_its_edits() {
    let corpus = rehash::corpus::demo_corpus();
    let report = rehash::reuse::find_reuse(&corpus, &rehash::reuse::Options::default());
    let near = report
        .passages
        .iter()
        .find(|p| p.kind == rehash::reuse::Kind::Near && p.is_reuse())
        .expect("a near passage in the demo");
    let md = rehash::scan::pair_markdown(&corpus, &report, near.a.doc, near.b.doc);
    assert!(md.starts_with("# "));
    assert!(md.contains("## Passage 1 · "));
    assert!(md.contains("\nLeft:\n\n> "));
    assert!(md.contains("\nRight:\n\n> "));
    assert!(md.contains("Edits: "), "{md}");
}
