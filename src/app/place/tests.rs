use super::*;
use crate::app::Settings;
use crate::corpus::{Corpus, Source};
use crate::reuse::{Options, find_reuse};

const SHARED: &str = "The council voted on Tuesday to close the old harbour bridge to lorries \
                      after engineers found cracks in two of its steel supports.";
const OTHER: &str = "Fishermen said the closure would add an hour to every delivery of the \
                     morning catch to the market on the far side of the estuary.";

fn app(ids: &[&str]) -> App {
    let texts = [
        format!("Bridge closed\n{SHARED}\n{OTHER}\nMore to follow."),
        format!("Harbour news\nIn brief.\n{SHARED}\nWeather: rain."),
        format!("Catch\n{OTHER}\nPrices rose."),
        "Garden\nTomatoes like the sun.".to_owned(),
    ];
    let sources = ids
        .iter()
        .zip(texts)
        .map(|(id, text)| Source::new(*id, text))
        .collect();
    let corpus = Corpus::from_sources(sources);
    let report = find_reuse(&corpus, &Options::default());
    let mut app = App::new(corpus, report, Settings::default());
    app.update(Action::Resize(100, 30));
    app
}

/// Opens a prompt with `start`, types `text` and submits it.
fn type_in(app: &mut App, start: Action, text: &str) {
    app.update(start);
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchSubmit);
}

#[test]
fn a_compare_view_left_mid_passage_is_restored_on_the_same_pair_and_passage() {
    let mut first = app(&["a", "b", "c", "d"]);
    first.update(Action::Open);
    first.update(Action::NextPassage);
    let compare = first.compare().expect("open");
    let selected = compare.selected;
    assert!(selected.is_some());
    let pair = (compare.left.doc(), compare.right.doc());
    let place = first.place();
    assert_eq!(place.view, "compare");
    assert!(place.pair.as_ref().is_some_and(|p| p.passage.is_some()));

    let mut again = app(&["a", "b", "c", "d"]);
    again.restore(&place);
    assert_eq!(again.view(), View::Compare);
    let compare = again.compare().expect("reopened");
    assert_eq!((compare.left.doc(), compare.right.doc()), pair);
    assert_eq!(compare.selected, selected);
    assert_eq!(again.place(), place);
    // Esc still leads back to the library.
    again.update(Action::Back);
    assert_eq!(again.view(), View::Library);
}

#[test]
fn esc_leads_to_the_library_after_a_restore_and_a_search_view_is_not_restored() {
    // Two articles open on their compare view; the place says library.
    let mut two = app(&["a", "b"]);
    assert_eq!(two.view(), View::Compare);
    let library = Place {
        view: "library".into(),
        ..Place::default()
    };
    two.restore(&library);
    assert_eq!(two.stack(), [View::Library]);
    let mut again = app(&["a", "b", "c", "d"]);
    let heat = Place {
        view: "heat".into(),
        ..Place::default()
    };
    again.restore(&heat);
    assert_eq!(again.stack(), [View::Library, View::Heat]);
    again.update(Action::Back);
    assert_eq!(again.view(), View::Library);
    let find = Place {
        view: "find".into(),
        ..Place::default()
    };
    again.restore(&find);
    assert_eq!(again.view(), View::Library, "no empty search view");
}

#[test]
fn library_sort_filter_and_selection_come_back() {
    let mut first = app(&["a", "b", "c", "d"]);
    first.update(Action::CycleSort);
    type_in(&mut first, Action::StartFilter, "harbour");
    let place = first.place();
    assert_eq!(place.library_filter, "harbour");
    assert_eq!(place.sort, "partners");

    let mut again = app(&["a", "b", "c", "d"]);
    again.restore(&place);
    assert_eq!(again.place(), place);
    assert_eq!(again.library().entries.len(), first.library().entries.len());
    assert_eq!(again.view(), View::Library);
}

#[test]
fn a_place_whose_articles_are_gone_is_passed_over_without_fuss() {
    let mut first = app(&["a", "b", "c", "d"]);
    first.update(Action::Open);
    let place = first.place();
    // The same texts under other names: the remembered pair is gone.
    let mut again = app(&["w", "x", "y", "z"]);
    again.restore(&place);
    assert_eq!(again.view(), View::Library);
    assert!(again.compare().is_none());
    // Nonsense from a damaged or future file is passed over too.
    let odd = Place {
        view: "timeline".into(),
        sort: "colour".into(),
        selected: Some("nope".into()),
        library_filter: "size:".into(),
        ..Place::default()
    };
    again.restore(&odd);
    assert_eq!(again.view(), View::Library);
}

#[test]
fn new_findings_keep_the_reader_on_its_pair_passage_and_keys() {
    // The reader opens on the last findings, without those of the article that changed.
    let full = app(&["a", "b", "c", "d"]);
    let corpus = full.shared_corpus();
    let report = full.report();
    let without_c: Vec<_> = report
        .passages
        .iter()
        .filter(|p| p.a.doc != 2 && p.b.doc != 2)
        .cloned()
        .enumerate()
        .map(|(id, p)| crate::reuse::Passage { id, ..p })
        .collect();
    let last = crate::reuse::Report::new(without_c, Vec::new(), Vec::new(), corpus.len());
    let mut reader = App::on_shared(corpus, last, Settings::default());
    let config = crate::config::Config::parse("[keys.compare]\nnext_passage = [\"z\"]\n");
    let keys = config.expect("a config").keymap;
    assert_ne!(keys, crate::app::keymap::Keymap::default());
    reader.set_keys(keys.clone());
    reader.update(Action::Resize(100, 30));
    reader.update(Action::Open);
    reader.update(Action::NextPassage);
    let place = reader.place();
    assert!(place.pair.as_ref().is_some_and(|p| p.passage.is_some()));
    assert!(reader.report().passages_in(2).is_empty());

    let fresh = find_reuse(reader.corpus(), &Options::default());
    reader.replace_report(fresh);
    assert_eq!(reader.place(), place, "the same pair, panes and passage");
    assert_eq!(reader.view(), View::Compare);
    assert_eq!(reader.keys(), &keys);
    assert!(
        !reader.report().passages_in(2).is_empty(),
        "the new findings are shown"
    );
    reader.update(Action::Back);
    assert_eq!(reader.view(), View::Library);
}

#[test]
fn new_findings_wait_for_a_prompt_to_be_done_and_for_a_search_to_be_left() {
    let mut reader = app(&["a", "b", "c", "d"]);
    assert!(reader.takes_new_findings());
    reader.update(Action::StartFilter);
    assert!(
        !reader.takes_new_findings(),
        "the library's filter is being typed"
    );
    reader.update(Action::SearchInput('b'));
    reader.update(Action::SearchSubmit);
    assert!(reader.takes_new_findings());
    reader.update(Action::StartSearch);
    assert!(!reader.takes_new_findings(), "a search is being typed");
    for c in "harbour".chars() {
        reader.update(Action::SearchInput(c));
    }
    reader.update(Action::SearchSubmit);
    assert_eq!(reader.view(), View::Find);
    assert!(!reader.takes_new_findings(), "its hits are shown");
    reader.update(Action::Back);
    assert!(reader.takes_new_findings());
}

#[test]
fn the_passages_row_and_occurrence_and_the_heat_cursor_come_back() {
    let mut first = app(&["a", "b", "c", "d"]);
    first.update(Action::Show(View::Passages));
    let rows = first.passages().listed.len();
    assert!(rows >= 2, "{rows} rows");
    first.update(Action::ScrollBy(1));
    first.update(Action::SwitchFocus);
    first.update(Action::ScrollBy(1));
    let (row, occurrence) = (first.passages().selected, first.passages().occurrence);
    assert_eq!((row, occurrence), (1, 1));
    first.update(Action::Show(View::Heat));
    first.update(Action::ScrollBy(2));
    first.update(Action::ColumnBy(1));
    let cursor = first.heat().map().cursor;
    assert_eq!(cursor, (2, 1));
    let place = first.place();

    let mut again = app(&["a", "b", "c", "d"]);
    again.restore(&place);
    assert_eq!(again.view(), View::Heat);
    assert_eq!(again.heat().map().cursor, cursor);
    let passages = again.passages();
    assert_eq!((passages.selected, passages.occurrence), (row, occurrence));
    assert_eq!(
        passages.focus,
        crate::app::view::passages::Focus::Occurrences
    );
    assert_eq!(again.place(), place);
}

#[test]
fn new_findings_keep_the_views_come_through_and_the_modes() {
    let mut reader = app(&["a", "b", "c", "d"]);
    reader.update(Action::Show(View::Passages));
    reader.update(Action::ToggleBoilerplate);
    assert!(reader.passages().apart_hidden);
    reader.update(Action::Show(View::Library));
    reader.update(Action::Open);
    reader.update(Action::ToggleSync);
    reader.update(Action::ToggleRelated);
    let stack = reader.stack().to_vec();
    let fresh = find_reuse(reader.corpus(), &Options::default());
    reader.replace_report(fresh);
    assert_eq!(
        reader.stack(),
        stack.as_slice(),
        "Esc goes back the same way"
    );
    let compare = reader.compare().expect("still comparing");
    assert!(compare.sync && compare.related_shown);
    assert!(reader.passages().apart_hidden);
}

#[test]
fn new_findings_wait_while_the_compare_view_holds_more_than_its_place() {
    // Walking a passage's occurrences from the passages screen.
    let mut walking = app(&["a", "b", "c", "d"]);
    walking.update(Action::Show(View::Passages));
    walking.update(Action::Open);
    walking.update(Action::Open);
    assert!(walking.compare().is_some_and(|c| c.walk.is_some()));
    assert!(!walking.takes_new_findings());
    walking.update(Action::Back);
    assert!(walking.takes_new_findings(), "back on the passages screen");
    // Searching the text of the pair.
    let mut searching = app(&["a", "b", "c", "d"]);
    searching.update(Action::Open);
    type_in(&mut searching, Action::StartSearch, "bridge");
    assert!(!searching.takes_new_findings());
}
