//! The compare screen: two article panes, the colour legend and the status line.

use ratatui::Frame;
use ratatui::text::{Line, Span};

mod article_pane;
mod picker;

use crate::app::article::Mark;
use crate::app::view::compare::layout;
use crate::app::{App, Compare, Focus};
use crate::diff::Change;
use crate::ui::status_bar;
use crate::ui::theme::Theme;
use article_pane::ArticlePane;

/// Draws the compare view of `compare`.
pub fn render(app: &App, compare: &Compare, theme: &Theme, frame: &mut Frame) {
    let areas = layout::panes(frame.area());
    let documents = &app.corpus().documents;
    for (which, area) in [(Focus::Left, &areas.left), (Focus::Right, &areas.right)] {
        let document = &documents[compare.pane(which).doc().0];
        ArticlePane::new(compare, which, &compare.search, document, theme)
            .render(area, frame.buffer_mut());
    }
    frame.render_widget(legend(theme, areas.legend.width), areas.legend);
    status_bar::render_compare(app, compare, theme, areas.status, frame.buffer_mut());
    if let Some(open) = compare.picker() {
        let area = frame.area();
        picker::render(app, compare, open, theme, area, frame.buffer_mut());
    }
}

/// What the marks mean, as long as fits `width`: colour is which passage, not a score.
fn legend(theme: &Theme, width: u16) -> Line<'static> {
    let change = |change| sample_change(theme, change);
    let dot = || Span::styled(" · ", theme.dim());
    let (intro, note, word) = legend_words(width, theme.monochrome());
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(intro, theme.legend_passage()),
        Span::styled(note, theme.dim()),
        dot(),
        change(Change::Changed),
        Span::raw(" "),
        change(Change::Inserted),
        Span::raw(" "),
        change(Change::Deleted),
        dot(),
        Span::styled("▌", theme.dim()),
        Span::raw("rewritten"),
        dot(),
        Span::styled(word, theme.legend_word()),
    ];
    if width >= LABELS_FROM {
        spans.extend([
            dot(),
            Span::styled("1v/2n/3r", theme.label(0, false)),
            Span::styled(
                ": passage number and kind (verbatim/near/rewritten)",
                theme.dim(),
            ),
        ]);
    }
    Line::from(spans)
}

/// Screens at least this wide explain the gutter labels in the legend.
const LABELS_FROM: u16 = 155;

/// The legend's words for a screen `width` wide: the passage sample, its note and the
/// shared-word sample. Without colour, the gutter numbers are what pairs the passages.
fn legend_words(width: u16, monochrome: bool) -> (&'static str, &'static str, &'static str) {
    let note = match (width, monochrome) {
        (0..80, _) => "",
        (80..130, false) => " (colour = which one)",
        (80..130, true) => " numbers pair them",
        (130..LABELS_FROM, false) => " (colour = which passage, not how similar)",
        (130..LABELS_FROM, true) => " (gutter numbers pair the two sides)",
        (_, false) => " (colour = which one)",
        (_, true) => " (numbers pair sides)",
    };
    match width {
        0..130 => ("■ passage", note, "shared"),
        _ => ("■ shared passage", note, "shared word"),
    }
}

/// A sample word for a kind of word difference, outside any passage colour.
fn sample_change(theme: &Theme, change: Change) -> Span<'static> {
    let text = match change {
        Change::Changed => "changed",
        Change::Inserted => "inserted",
        Change::Deleted => "deleted",
        Change::Equal => "same",
    };
    let mark = Mark {
        change: Some(change),
        ..Mark::default()
    };
    Span::styled(text, theme.mark(mark, None))
}
