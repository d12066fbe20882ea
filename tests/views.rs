//! The corpus views driven headless: the passages screen (and the heat map) on the seeds, on
//! an empty corpus, on one article and on a 300-article generated corpus, and the way into the
//! compare view and back.
#![allow(clippy::unwrap_used)] // a test fails loudly on the first unexpected error

#[path = "support/notice.rs"]
mod support_notice;
#[path = "support/screen.rs"]
mod support_screen;

use std::path::PathBuf;

use rehash::app::view::passages::{Focus, GroupKind};
use rehash::app::{Action, App, ColorMode, DocId, Settings, View};
use rehash::corpus::{Corpus, Source, load_paths};
use rehash::reuse::{Options, find_reuse};
use support_notice::notice;

const SETTINGS: Settings = Settings {
    color: ColorMode::Indexed,
    mouse: true,
    sync_scroll: false,
};

fn app_of(corpus: Corpus) -> App {
    let report = find_reuse(&corpus, &Options::default());
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(120, 40));
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

fn seeds() -> Option<App> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if !dir.is_dir() {
        notice("../shared/seeds is absent; skipping the seed views");
        return None;
    }
    Some(app_of(load_paths(&[dir]).unwrap().corpus))
}

fn generated(articles: usize) -> App {
    let dir = tempfile::tempdir().unwrap();
    rehash::generate::write(&rehash::cli::GenerateArgs {
        dir: dir.path().to_owned(),
        articles,
        seed: 3,
        truth: None,
    })
    .unwrap();
    app_of(load_paths(&[dir.path().to_owned()]).unwrap().corpus)
}

/// The id prefixes (`000`…) of the articles of the selected passage's occurrences.
fn occurrence_ids(app: &App) -> Vec<String> {
    let mut ids: Vec<String> = app
        .passages()
        .occurrences
        .iter()
        .map(|o| app.corpus().documents[o.doc.0].id[..3].to_owned())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_seeds_first_passage_is_the_coup_paragraph_in_four_articles() {
    let Some(mut app) = seeds() else { return };
    app.update(Action::Show(View::Passages));
    assert_eq!(app.view(), View::Passages);
    let first = app.passages().current().unwrap();
    assert_eq!(first.kind, GroupKind::Reuse);
    assert_eq!(first.docs, 4);
    let text = app.corpus().documents[first.shown().doc].slice(first.shown().span);
    assert!(text.contains("coup"), "{text}");
    assert_eq!(occurrence_ids(&app), ["000", "001", "002", "003"]);
    // Enter: the occurrences; Enter again: the compare view, the passage selected and level.
    run(&mut app, &[Action::Open, Action::Open]);
    assert_eq!(app.view(), View::Compare);
    let compare = app.compare().unwrap();
    let slot = compare.selected.expect("the passage selected");
    let rows = |pane: &rehash::app::Pane| pane.view.rows_of_slot(slot).unwrap().start;
    let (left, right) = (&compare.left, &compare.right);
    assert_eq!(
        rows(left) - left.scroll,
        rows(right) - right.scroll,
        "level on screen"
    );
    let walked = compare.partners.len();
    assert_eq!(walked, 3, "] walks the three other occurrences");
    let first_right = compare.right.doc();
    app.update(Action::NextPartner);
    let compare = app.compare().unwrap();
    assert_ne!(compare.right.doc(), first_right);
    assert!(compare.selected.is_some(), "the walk selects the passage");
    // Esc: back to the occurrence left, then to the list, then to the library.
    app.update(Action::Back);
    assert_eq!(app.view(), View::Passages);
    assert_eq!(app.passages().focus, Focus::Occurrences);
    assert_eq!(app.passages().occurrence, 0);
    app.update(Action::Back);
    assert_eq!(app.passages().focus, Focus::List);
    app.update(Action::Back);
    assert_eq!(app.view(), View::Library);
}

#[test]
fn nothing_links_to_the_seed_by_another_author() {
    let Some(mut app) = seeds() else { return };
    app.update(Action::Show(View::Passages));
    let other = app
        .corpus()
        .documents
        .iter()
        .position(|d| d.id.starts_with("004"))
        .unwrap();
    let passages = app.passages();
    for group in passages.groups.iter().filter(|g| !g.apart()) {
        assert!(group.members.iter().all(|m| m.doc != other));
    }
}

#[test]
fn b_hides_the_rows_that_are_no_reuse_and_shows_them_again() {
    let mut app = generated(300);
    app.update(Action::Show(View::Passages));
    let all = app.passages().listed.len();
    let reuse = app.passages().reuse_rows();
    assert!(reuse > 10 && all > reuse, "{reuse} of {all}");
    let groups = &app.passages().groups;
    assert!(
        groups[..reuse].iter().all(|g| !g.apart()),
        "reuse rows come first"
    );
    let docs: Vec<usize> = groups[..reuse].iter().map(|g| g.docs).collect();
    assert!(docs.windows(2).all(|w| w[0] >= w[1]), "most articles first");
    app.update(Action::ToggleBoilerplate);
    assert_eq!(app.passages().listed.len(), reuse);
    app.update(Action::Bottom);
    assert_eq!(app.passages().selected, reuse - 1, "clamped at the end");
    app.update(Action::ToggleBoilerplate);
    assert_eq!(app.passages().listed.len(), all);
    assert_eq!(app.passages().selected, reuse - 1, "the same row");
}

#[test]
fn every_row_of_a_generated_corpus_opens_a_compare_view_of_its_occurrences() {
    let mut app = generated(300);
    app.update(Action::Show(View::Passages));
    for row in 0..app.passages().listed.len().min(40) {
        run(
            &mut app,
            &[Action::Top, Action::ScrollBy(i32::try_from(row).unwrap())],
        );
        let group = app.passages().current().unwrap().clone();
        run(&mut app, &[Action::Open, Action::Open]);
        assert_eq!(app.view(), View::Compare, "row {row}");
        let compare = app.compare().unwrap();
        let docs: Vec<DocId> = group.members.iter().map(|m| DocId(m.doc)).collect();
        assert!(docs.contains(&compare.left.doc()) && docs.contains(&compare.right.doc()));
        run(&mut app, &[Action::Back, Action::Back]);
        assert_eq!(app.view(), View::Passages);
        assert_eq!(app.passages().selected, row, "Esc returns to the same row");
    }
}

#[test]
fn an_empty_corpus_and_a_single_article_have_an_empty_passages_screen() {
    for corpus in [
        Corpus::from_sources(Vec::new()),
        Corpus::from_sources(vec![Source::new(
            "a.txt",
            "One article alone, said nobody.",
        )]),
    ] {
        let mut app = app_of(corpus);
        app.update(Action::Show(View::Passages));
        assert_eq!(app.view(), View::Passages);
        assert!(app.passages().listed.is_empty());
        run(
            &mut app,
            &[
                Action::ScrollBy(1),
                Action::Bottom,
                Action::Open,
                Action::SwitchFocus,
                Action::ToggleBoilerplate,
                Action::Page(-1),
            ],
        );
        assert_eq!(app.view(), View::Passages, "nothing to open");
        assert_eq!(app.passages().focus, Focus::List);
    }
}

#[test]
fn the_seeds_heat_map_is_one_warm_block_and_004_is_cold() {
    let Some(mut app) = seeds() else { return };
    app.update(Action::Show(View::Heat));
    let map = app.heat().map();
    let prefix = |at: usize| {
        let doc = map.item_at(at).unwrap().doc.unwrap();
        app.corpus().documents[doc.0].id[..3].to_owned()
    };
    let order: Vec<String> = (0..5).map(prefix).collect();
    assert_eq!(order[4], "004", "the cold one last: {order:?}");
    for (row, id) in order.iter().enumerate().take(4) {
        assert!(map.share_at(row, 4) <= 0.0, "{id} shares with 004");
        let warm = (0..4).filter(|&col| col != row && map.share_at(row, col) > 0.1);
        assert!(warm.count() >= 2, "{id} shares with the block");
    }
}

#[test]
fn the_heat_map_cursor_opens_its_pair_and_esc_returns() {
    let Some(mut app) = seeds() else { return };
    run(&mut app, &[Action::Show(View::Heat), Action::ColumnBy(1)]);
    assert_eq!(app.heat().map().cursor, (0, 1));
    app.update(Action::Open);
    assert_eq!(app.view(), View::Compare);
    let map = app.heat().map();
    let (a, b) = (map.item_at(0).unwrap().doc, map.item_at(1).unwrap().doc);
    let compare = app.compare().unwrap();
    assert_eq!(
        (Some(compare.left.doc()), Some(compare.right.doc())),
        (a, b)
    );
    app.update(Action::Back);
    assert_eq!(app.view(), View::Heat);
    assert_eq!(app.heat().map().cursor, (0, 1), "where it was");
    // The diagonal and the cold article open nothing.
    run(&mut app, &[Action::ColumnBy(-1), Action::Open]);
    assert_eq!(app.view(), View::Heat);
    run(&mut app, &[Action::ColumnBy(4), Action::Open]);
    assert_eq!(app.view(), View::Heat);
    assert!(app.message().unwrap().contains("no text in common"));
    app.update(Action::FoldOutlets);
    assert!(app.heat().folded);
    assert_eq!(app.heat().map().order.len(), 1, "one outlet");
    app.update(Action::Open);
    assert_eq!(app.view(), View::Compare, "its strongest pair");
}

#[test]
fn the_heat_map_scrolls_a_large_corpus_and_keeps_the_cursor_shown() {
    let mut app = generated(300);
    app.update(Action::Show(View::Heat));
    let (rows, cols) = app.heat().shown(app.area());
    assert!(rows < 300 && cols < 300);
    run(&mut app, &[Action::Bottom, Action::ColumnBy(250)]);
    let map = app.heat().map();
    assert_eq!(map.cursor, (299, 250));
    assert!(map.offset.0 <= 299 && 299 < map.offset.0 + rows);
    assert!(map.offset.1 <= 250 && 250 < map.offset.1 + cols);
    app.update(Action::Top);
    assert_eq!(app.heat().map().offset, (0, 0));
    app.update(Action::FoldOutlets);
    let outlets = app.heat().map();
    assert!(outlets.order.len() >= 2);
    let within = (0..outlets.order.len()).map(|i| outlets.share_at(i, i));
    assert!(
        within.into_iter().any(|s| s > 0.0),
        "an outlet reuses its own text"
    );
}

#[test]
fn an_empty_corpus_and_a_single_article_have_an_empty_heat_map() {
    for corpus in [
        Corpus::from_sources(Vec::new()),
        Corpus::from_sources(vec![Source::new(
            "a.txt",
            "One article alone, said nobody.",
        )]),
    ] {
        let n = corpus.len();
        let mut app = app_of(corpus);
        run(
            &mut app,
            &[
                Action::Show(View::Heat),
                Action::ScrollBy(1),
                Action::ColumnBy(1),
                Action::Bottom,
                Action::Open,
                Action::FoldOutlets,
                Action::Open,
            ],
        );
        assert_eq!(app.view(), View::Heat);
        assert_eq!(app.heat().articles.order.len(), n);
    }
}

/// The bottom line of `app` drawn at 120×40, the size `app_of` gives it.
fn status_line(app: &App) -> String {
    support_screen::line(app, (120, 40), 39)
}

fn demo() -> App {
    app_of(rehash::corpus::demo_corpus())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

#[test]
fn slash_searches_the_whole_corpus_and_enter_jumps_to_a_hit() {
    let mut app = demo();
    app.update(Action::StartSearch);
    assert_eq!(app.view(), View::Find);
    assert!(app.mode().typing);
    type_text(&mut app, "KESTREL point");
    app.update(Action::SearchSubmit);
    assert!(!app.mode().typing);
    let find = app.find();
    assert!(find.hits.len() >= 4, "{} hits", find.hits.len());
    assert!(find.articles >= 4);
    assert!(app.message().unwrap().contains("hits in"));
    assert!(
        find.hits
            .iter()
            .all(|h| h.context.1.eq_ignore_ascii_case("Kestrel Point"))
    );
    let shared = find.hits.iter().position(|h| h.passage.is_some());
    let index = shared.expect("a hit inside a shared passage");
    let hit = find.hits[index].clone();
    run(
        &mut app,
        &[
            Action::ScrollBy(i32::try_from(index).unwrap()),
            Action::Open,
        ],
    );
    assert_eq!(app.view(), View::Compare);
    let compare = app.compare().unwrap();
    assert_eq!(compare.left.doc(), hit.doc);
    let current = compare
        .search
        .current
        .map(|i| compare.search.matches[i].clone());
    assert_eq!(
        current,
        Some(hit.chars.clone()),
        "the hit is the current match"
    );
    let row = compare.left.view.row_of(hit.chars.start);
    assert!(row >= compare.left.scroll && row < compare.left.scroll + compare.left.height);
    app.update(Action::Back);
    assert_eq!(app.view(), View::Find);
    assert_eq!(app.find().selected, index, "the same hit");
    app.update(Action::Back);
    assert_eq!(app.view(), View::Library);
}

#[test]
fn a_search_cancelled_before_it_ran_goes_back_and_a_miss_says_so() {
    let mut app = demo();
    run(
        &mut app,
        &[Action::Show(View::Passages), Action::StartSearch],
    );
    assert_eq!(app.view(), View::Find);
    app.update(Action::CloseOverlay);
    assert_eq!(app.view(), View::Passages, "nothing searched: back");
    app.update(Action::StartSearch);
    type_text(&mut app, "zebra crossing");
    app.update(Action::SearchSubmit);
    assert!(app.find().hits.is_empty());
    assert_eq!(app.message(), Some("no article contains “zebra crossing”"));
    run(
        &mut app,
        &[Action::Open, Action::ScrollBy(1), Action::Bottom],
    );
    assert_eq!(app.view(), View::Find);
}

fn filter(app: &mut App, text: &str) {
    app.update(Action::StartFilter);
    assert!(app.mode().typing);
    // The prompt starts with the last filter: clear it first.
    for _ in 0..40 {
        app.update(Action::SearchBackspace);
    }
    type_text(app, text);
    app.update(Action::SearchSubmit);
}

#[test]
fn filters_narrow_the_library_and_the_passages_and_one_key_clears_them() {
    let mut app = generated(300);
    let all = app.library().entries.len();
    let outlet = app.library().entries[0].group.clone();
    filter(&mut app, &format!("outlet:{outlet}"));
    let kept = &app.library().entries;
    assert!(
        !kept.is_empty() && kept.len() < all,
        "{} of {all}",
        kept.len()
    );
    assert!(kept.iter().all(|e| e.group == outlet));
    assert_eq!(app.library().selected, 0);
    filter(&mut app, "reuse:30");
    assert!(app.library().entries.iter().all(|e| e.reused >= 0.3));
    filter(&mut app, "colour:red");
    assert!(app.message().unwrap().contains("unknown filter"));
    assert!(
        app.library().entries.iter().all(|e| e.reused >= 0.3),
        "kept"
    );
    app.update(Action::ClearFilter);
    assert_eq!(app.library().entries.len(), all);

    app.update(Action::Show(View::Passages));
    let listed = app.passages().listed.len();
    filter(&mut app, "size:3");
    let passages = app.passages();
    assert!(passages.listed.len() < listed);
    assert!(
        passages
            .listed
            .iter()
            .all(|&g| passages.groups[g].docs >= 3)
    );
    app.update(Action::ClearFilter);
    assert_eq!(app.passages().listed.len(), listed);
}

/// Two outlets: `early` publishes a story that `late` copies three days later.
fn dated_pair() -> App {
    let story = "The harbour commission said the sea wall had been inspected twice in the \
                 last decade and that both reports had found cracks near the eastern end.";
    let source = |id: &str, group: &str, date: &str, text: String| Source {
        group: group.into(),
        date: Some(date.into()),
        ..Source::new(id, &text)
    };
    app_of(Corpus::from_sources(vec![
        source(
            "early/a.txt",
            "early",
            "2026-02-20",
            format!("Wall report\n\n{story}\n\nMore on other things entirely."),
        ),
        source(
            "late/b.txt",
            "late",
            "2026-02-23",
            format!("Wall again\n\nA different opening.\n\n{story}"),
        ),
    ]))
}

#[test]
fn dates_show_in_the_library_say_which_side_came_first_and_direct_the_outlet_map() {
    let mut app = dated_pair();
    assert!(app.library().dated());
    app.update(Action::Show(View::Library));
    run(
        &mut app,
        &[Action::CycleSort, Action::CycleSort, Action::CycleSort],
    );
    assert_eq!(app.library().sort, rehash::app::SortKey::Date);
    let first = &app.library().entries[0];
    assert_eq!(first.date.as_deref(), Some("2026-02-20"), "oldest first");
    app.update(Action::Show(View::Heat));
    app.update(Action::FoldOutlets);
    let map = app.heat().map();
    assert!(map.shares.directed);
    let at = |name: &str| {
        (0..2)
            .find(|&i| map.item_at(i).unwrap().label == name)
            .unwrap()
    };
    let (early, late) = (at("early"), at("late"));
    assert!(
        map.share_at(early, late) > 0.1,
        "the early outlet's text turns up later"
    );
    assert!(map.share_at(late, early) <= 0.0, "not the other way round");
}

#[test]
fn every_view_takes_every_key_on_small_corpora() {
    use rehash::app::keymap::{COMMON, Keymap};
    let keymap = Keymap::default();
    let two = || {
        let text = "The harbour commission said the sea wall had been inspected twice in the last \
                    decade and both reports found cracks near its eastern end.";
        Corpus::from_sources(vec![Source::new("a.txt", text), Source::new("b.txt", text)])
    };
    for corpus in [
        Corpus::from_sources(Vec::new()),
        Corpus::from_sources(vec![Source::new(
            "a.txt",
            "One article alone, said nobody.",
        )]),
        two(),
    ] {
        let n = corpus.len();
        let mut app = app_of(corpus);
        for view in View::ALL {
            // Reach the view as a user would: the search through its prompt.
            match view {
                View::Find => {
                    run(
                        &mut app,
                        &[Action::Show(View::Library), Action::StartSearch],
                    );
                    type_text(&mut app, "a");
                    app.update(Action::SearchSubmit);
                }
                View::Library | View::Compare | View::Passages | View::Heat => {
                    app.update(Action::Show(view));
                }
            }
            let reached = app.view() == view;
            assert!(
                reached || (view == View::Compare && n < 2),
                "{view:?} with {n}"
            );
            if !reached {
                continue;
            }
            let own = keymap
                .bindings(view)
                .into_iter()
                .flatten()
                .map(|b| b.action);
            for action in own.filter(|a| !COMMON.iter().any(|c| c.action == *a)) {
                app.update(action);
                app.update(Action::CloseOverlay);
                if app.view() != view {
                    app.update(Action::Back);
                }
            }
            let area = app.area();
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(area.width, area.height))
                    .unwrap();
            terminal
                .draw(|frame| rehash::ui::render(&app, frame))
                .unwrap();
        }
        assert!(!app.should_quit());
    }
}

#[test]
fn passim_results_fill_every_view_as_the_engine_s_do() {
    let corpus = rehash::corpus::demo_corpus();
    let engine = find_reuse(&corpus, &Options::default());
    // passim's cluster output for the engine's largest cluster.
    let cluster = &engine.clusters[0];
    let lines: String = cluster
        .members
        .iter()
        .map(|m| {
            let d = &corpus.documents[m.doc];
            let record = serde_json::json!({
                "cluster": 1, "id": d.id, "begin": m.span.start, "end": m.span.end
            });
            record.to_string() + "\n"
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("part-00000"), lines).unwrap();
    let imported = rehash::passim::import(&corpus, dir.path()).unwrap();
    assert!(imported.warnings().is_empty(), "{:?}", imported.warnings());
    let mut app = App::new(corpus, imported.report, SETTINGS);
    app.update(Action::Resize(120, 40));
    app.update(Action::Show(View::Passages));
    let first = app.passages().current().unwrap();
    assert_eq!(first.docs, cluster.docs);
    assert_eq!(first.label, "passim");
    run(&mut app, &[Action::Open, Action::Open]);
    assert_eq!(app.view(), View::Compare);
    assert!(app.compare().unwrap().selected.is_some());
    app.update(Action::Show(View::Heat));
    let map = app.heat().map();
    assert!((0..map.order.len()).any(|r| (0..map.order.len()).any(|c| map.share_at(r, c) > 0.0)));
}

#[test]
fn every_occurrence_opens_beside_one_a_passage_links_it_to() {
    let Some(mut app) = seeds() else { return };
    app.update(Action::Show(View::Passages));
    run(&mut app, &[Action::Open]);
    let n = app.passages().occurrences.len();
    for k in 0..n {
        run(
            &mut app,
            &[
                Action::Top,
                Action::ScrollBy(i32::try_from(k).unwrap()),
                Action::Open,
            ],
        );
        let compare = app.compare().unwrap();
        assert!(
            !compare.passages.is_empty(),
            "occurrence {k}: the pair opened shares a passage"
        );
        assert!(compare.selected.is_some(), "occurrence {k}: it is selected");
        app.update(Action::Back);
    }
}

#[test]
fn clearing_a_filter_keeps_the_selection_on_screen_and_on_its_row() {
    let mut app = generated(300);
    app.update(Action::Show(View::Passages));
    filter(&mut app, "size:3");
    run(&mut app, &[Action::Bottom, Action::ClearFilter]);
    let p = app.passages();
    let rows = rehash::app::view::passages::list_rows(app.area());
    assert!(
        p.selected >= p.offset && p.selected < p.offset + rows,
        "{} {}",
        p.selected,
        p.offset
    );

    app.update(Action::Show(View::Library));
    let outlet = app.library().entries[0].group.clone();
    filter(&mut app, &format!("outlet:{outlet}"));
    run(&mut app, &[Action::ScrollBy(3)]);
    let doc = app.library().current().unwrap().doc;
    app.update(Action::ClearFilter);
    assert_eq!(
        app.library().current().unwrap().doc,
        doc,
        "the same article"
    );
    let l = app.library();
    let rows = rehash::app::view::library::table_rows(app.area());
    assert!(l.selected >= l.offset && l.selected < l.offset + rows);
}

#[test]
fn a_new_search_from_another_view_starts_afresh_and_a_resize_keeps_the_hit_shown() {
    let mut app = demo();
    app.update(Action::StartSearch);
    type_text(&mut app, "the");
    app.update(Action::SearchSubmit);
    assert!(app.find().hits.len() > 20);
    app.update(Action::Bottom);
    app.update(Action::Resize(80, 20));
    let f = app.find();
    let rows = rehash::app::view::find::shown_hits(app.area());
    assert!(f.selected >= f.offset && f.selected < f.offset + rows);
    run(
        &mut app,
        &[Action::Back, Action::StartSearch, Action::CloseOverlay],
    );
    assert_eq!(app.view(), View::Library, "Esc on a fresh prompt goes back");
}

#[test]
fn a_hit_in_an_article_sharing_nothing_opens_it_alone_and_says_so() {
    let corpus = Corpus::from_sources(vec![
        Source::new(
            "a",
            "Bridge\nThe council closed the harbour bridge on Tuesday.",
        ),
        Source::new("b", "Garden\nTomatoes like the sun and a little water."),
    ]);
    let mut app = app_of(corpus);
    run(&mut app, &[Action::Back, Action::StartSearch]);
    type_text(&mut app, "tomatoes");
    run(&mut app, &[Action::SearchSubmit, Action::Open]);
    assert_eq!(app.view(), View::Compare);
    let compare = app.compare().unwrap();
    assert_eq!(
        (compare.left.doc(), compare.right.doc()),
        (DocId(1), DocId(1))
    );
    app.update(Action::ScrollBy(1)); // the search's notice goes with the first key
    let status = status_line(&app);
    assert!(
        status.contains("this article alone: it shares no passage with another"),
        "{status}"
    );
}

/// The row of the passages screen whose group is `kind`, and the screen's occurrences then.
fn select_group(app: &mut App, kind: GroupKind) {
    app.update(Action::Show(View::Passages));
    let listed = app.passages().listed.clone();
    let row = listed
        .iter()
        .position(|&g| app.passages().groups[g].kind == kind)
        .expect("a row of that kind");
    run(
        app,
        &[Action::Top, Action::ScrollBy(i32::try_from(row).unwrap())],
    );
}

#[test]
fn a_boilerplate_occurrence_opens_level_on_both_sides() {
    let mut app = demo();
    select_group(&mut app, GroupKind::Boilerplate);
    let group = app.passages().current().unwrap().clone();
    run(&mut app, &[Action::Open, Action::Open]);
    assert_eq!(app.view(), View::Compare);
    let compare = app.compare().unwrap();
    for pane in [&compare.left, &compare.right] {
        let side = group
            .members
            .iter()
            .find(|m| m.doc == pane.doc().0)
            .expect("an occurrence in each pane");
        let row = pane.view.row_of(side.span.start);
        assert!(
            row >= pane.scroll && row < pane.scroll + pane.height,
            "the footer is on screen: row {row}, rows {}..{}",
            pane.scroll,
            pane.scroll + pane.height
        );
    }
}

#[test]
fn an_occurrence_is_numbered_as_the_passages_screen_lists_it() {
    let mut app = demo();
    select_group(&mut app, GroupKind::Reuse);
    app.update(Action::Open);
    let last = app.passages().occurrences.len() - 1;
    let listed: Vec<DocId> = app.passages().occurrences.iter().map(|o| o.doc).collect();
    run(
        &mut app,
        &[Action::ScrollBy(i32::try_from(last).unwrap()), Action::Open],
    );
    let right = app.compare().unwrap().right.doc();
    let number = listed.iter().position(|&d| d == right).unwrap() + 1;
    let status = status_line(&app);
    let want = format!("occurrence {number}/{}", listed.len());
    assert!(status.contains(&want), "{want} in {status}");
}

#[test]
fn two_copies_of_one_article_have_all_their_text_in_common_on_the_heat_map() {
    let mut sources: Vec<Source> = rehash::corpus::demo_corpus()
        .documents
        .iter()
        .map(|d| Source::new(d.id.clone(), d.text.clone()))
        .collect();
    let copied = sources[2].text.clone();
    sources.push(Source::new("copy.txt", copied));
    let mut app = app_of(Corpus::from_sources(sources));
    assert_eq!(app.report().duplicates.len(), 1, "one duplicate group");
    app.update(Action::Show(View::Heat));
    let map = app.heat().map();
    let at = |doc: usize| {
        (0..map.order.len())
            .find(|&i| map.item_at(i).unwrap().doc == Some(DocId(doc)))
            .unwrap()
    };
    let (row, col) = (at(2), at(8));
    assert!((map.share_at(row, col) - 1.0).abs() < 1e-6, "all in common");
    let (from_row, from_col) = map.cursor;
    run(
        &mut app,
        &[
            Action::ScrollBy(i32::try_from(row).unwrap() - i32::try_from(from_row).unwrap()),
            Action::ColumnBy(i32::try_from(col).unwrap() - i32::try_from(from_col).unwrap()),
            Action::Open,
        ],
    );
    assert_eq!(app.view(), View::Compare, "the two copies side by side");
}

#[test]
fn which_side_came_first_stays_when_the_status_line_shortens() {
    let story = "The harbour wall collapsed late on Tuesday as a storm surge pushed seawater \
                 into the lower district, forcing the evacuation of thirty homes overnight.";
    let dated = |id: &str, date: &str, text: String| Source {
        date: Some(date.to_owned()),
        ..Source::new(id, text)
    };
    let corpus = Corpus::from_sources(vec![
        dated(
            "a.txt",
            "2017-03-01",
            format!("Wall\nNews today. {story} More soon."),
        ),
        dated(
            "b.txt",
            "2017-03-04",
            format!("Storm\n{story} Crews worked late."),
        ),
    ]);
    let report = find_reuse(&corpus, &Options::default());
    let mut app = App::new(corpus, report, SETTINGS);
    run(&mut app, &[Action::Resize(100, 30), Action::NextPassage]);
    let status = support_screen::line(&app, (100, 30), 29);
    assert!(!status.contains("n/N step"), "the short form: {status}");
    assert!(status.contains("left first (2017-03-01)"), "{status}");
    // With a mode to show, the mode shortens before the date goes.
    run(&mut app, &[Action::ToggleMouse, Action::ScrollBy(0)]);
    for width in 100..=106 {
        app.update(Action::Resize(width, 30));
        let status = support_screen::line(&app, (width, 30), 29);
        assert!(
            status.contains("left first") && status.contains("no mouse"),
            "{status}"
        );
    }
}

#[test]
fn a_narrow_screen_cuts_long_titles_and_outlets_with_an_ellipsis() {
    let story = "The harbour wall collapsed late on Tuesday as a storm surge pushed seawater \
                 into the lower district, forcing the evacuation of thirty homes overnight.";
    let long = "Harbour wall gives way in the night as the storm surge floods the lower district";
    let corpus = Corpus::from_sources(vec![
        Source {
            group: "a_very_long_outlet_name_com".to_owned(),
            ..Source::new(
                "a.txt",
                format!(
                    "{long}\n{story} The mayor promised a new wall by the spring, paid for by \
                         the regional fund, and asked residents to stay away from the quay."
                ),
            )
        },
        Source::new(
            "b.txt",
            format!(
                "{long} again\n{story} Fishermen said their boats were safe, though the \
                     market on the far side of the estuary will stay closed until Friday."
            ),
        ),
        Source::new("c.txt", "Garden\nTomatoes like the sun.".to_owned()),
    ]);
    let report = find_reuse(&corpus, &Options::default());
    let mut app = App::new(corpus, report, SETTINGS);
    app.update(Action::Resize(70, 20));
    let top = |app: &App, rows: u16| {
        (0..rows)
            .map(|y| support_screen::line(app, (70, 20), y))
            .collect::<Vec<String>>()
            .join("\n")
    };
    let library = top(&app, 5);
    // The outlet column gets a fifth of the width: 14 cells.
    assert!(library.contains("a_very_long_o… "), "{library}");
    app.update(Action::Open);
    let compare = top(&app, 1);
    assert!(
        compare.contains("▶ Harbour wall gives way in…"),
        "{compare}"
    );
}

#[test]
fn the_status_line_says_where_a_scan_behind_the_reader_stands() {
    let mut app = demo();
    assert!(status_line(&app).ends_with("? help "));
    app.set_scan(rehash::app::Scan::Running);
    app.update(Action::ScrollBy(1));
    assert!(status_line(&app).contains("scanning… · ? help"));
    app.set_scan(rehash::app::Scan::Ready);
    assert!(status_line(&app).contains("new findings when you leave this · ? help"));
}
