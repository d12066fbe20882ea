//! The compare screen: two article panes, the colour legend and the status line.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::article_pane::ArticlePane;
use super::status_bar;
use super::theme::Theme;
use crate::app::view::Mark;
use crate::app::{App, Compare, Focus, layout};
use crate::diff::Change;

/// Draws the compare view of `compare`.
pub fn render(app: &App, compare: &Compare, theme: &Theme, frame: &mut Frame) {
    let areas = layout::panes(frame.area());
    let documents = &app.corpus().documents;
    for (which, area) in [(Focus::Left, &areas.left), (Focus::Right, &areas.right)] {
        let document = &documents[compare.pane(which).doc()];
        ArticlePane::new(compare, which, document, theme).render(area, frame.buffer_mut());
    }
    frame.render_widget(legend(theme), areas.legend);
    status_bar::render_compare(app, compare, theme, areas.status, frame.buffer_mut());
}

/// What the marks mean: colour is the passage, not a score.
fn legend(theme: &Theme) -> Line<'static> {
    let sample = |text: &'static str, mark: Mark| Span::styled(text, theme.mark(mark, None));
    let passage = |slot| Mark {
        passage: Some(slot),
        ..Mark::default()
    };
    let change = |change| Mark {
        change: Some(change),
        ..passage(0)
    };
    let rewritten = Mark {
        rewritten: true,
        shared_word: true,
        ..passage(1)
    };
    Line::from(vec![
        sample(" passage ", passage(0)),
        Span::styled(" colour = passage, not score ", theme.dim()),
        sample("changed", change(Change::Changed)),
        Span::raw(" "),
        sample("inserted", change(Change::Inserted)),
        Span::raw(" "),
        sample("deleted", change(Change::Deleted)),
        Span::raw(" "),
        Span::styled("▌", theme.gutter(1)),
        Span::raw("rewritten "),
        sample("shared", rewritten),
    ])
}
