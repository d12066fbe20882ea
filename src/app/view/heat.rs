//! The heat map: articles × articles (or, folded with `o`, outlets × outlets), each cell
//! shaded by the share of text the two have in common, rows ordered so that related ones sit
//! together; a cursor, and Enter into the compare view of its pair.

mod shares;

use crossterm::event::KeyCode::{Down, End, Enter, Home, Left, PageDown, PageUp, Right, Up};
use ratatui::layout::{Constraint, Layout, Rect};

use super::{Opening, Outcome};
use crate::app::context::Context;
use crate::app::ids::DocId;
use crate::app::keymap::{Binding, bind, ch};
use crate::app::{Action, signed};
use crate::text::printable;
pub use shares::Shares;

/// Keys of the heat map.
pub const KEYS: &[Binding] = &[
    bind(&[ch('j'), Down], Action::ScrollBy(1), "cursor down"),
    bind(&[ch('k'), Up], Action::ScrollBy(-1), "cursor up"),
    bind(&[ch('l'), Right], Action::ColumnBy(1), "cursor right"),
    bind(&[ch('h'), Left], Action::ColumnBy(-1), "cursor left"),
    bind(
        &[ch('0')],
        Action::ColumnBy(Action::FIRST_COLUMN),
        "first column",
    ),
    bind(
        &[ch('$')],
        Action::ColumnBy(Action::LAST_COLUMN),
        "last column",
    ),
    bind(&[PageDown, ch(' ')], Action::Page(1), "page down"),
    bind(&[PageUp], Action::Page(-1), "page up"),
    bind(&[ch('g'), Home], Action::Top, "first row and column"),
    bind(&[ch('G'), End], Action::Bottom, "last row"),
    bind(&[Enter], Action::Open, "compare the pair under the cursor"),
    bind(&[ch('o')], Action::FoldOutlets, "fold by outlet / unfold"),
];

/// The help's lines after the keys.
pub const NOTES: &[(&str, &str)] = &[
    ("shade", "share of the two texts in common"),
    ("order", "related rows sit together"),
    ("outlets", "the diagonal is reuse inside one outlet;"),
    ("", "with dates, the row's text found later in"),
    ("", "the column's articles"),
];

/// Lower bounds of the shades, as shares: below the first, a cell is blank.
pub const SHADES: [f32; 4] = [f32::MIN_POSITIVE, 0.05, 0.15, 0.40];

/// The shade (0 for none, 1 to 4) of a share.
pub fn shade(share: f32) -> usize {
    SHADES.iter().filter(|&&bound| share >= bound).count()
}

/// Widest label column.
const MAX_LABEL: u16 = 40;

/// The parts of the heat map screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HeatArea {
    /// The map, border included.
    pub block: Rect,
    /// The row labels, inside the border below the header row.
    pub labels: Rect,
    /// The column header row, above the cells.
    pub header: Rect,
    /// The cells.
    pub cells: Rect,
    /// The legend line.
    pub legend: Rect,
    /// The status line.
    pub status: Rect,
}

/// Splits the screen into the map of `n` items (labels, header, cells), the legend and the
/// status line. Labels get a third of the width, or what the cells leave, up to a limit.
pub fn layout(area: Rect, n: usize) -> HeatArea {
    let [block, legend, status] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let inner = crate::app::layout::inside(block);
    let cells = u16::try_from(n.saturating_mul(5)).unwrap_or(u16::MAX);
    let label = (inner.width / 3)
        .max(inner.width.saturating_sub(cells))
        .min(MAX_LABEL);
    let [header, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let [labels, cells] =
        Layout::horizontal([Constraint::Length(label), Constraint::Fill(1)]).areas(body);
    let header = Rect {
        x: cells.x,
        width: cells.width,
        ..header
    };
    HeatArea {
        block,
        labels,
        header,
        cells,
        legend,
        status,
    }
}

/// Cells of the map: columns per cell for `n` items in `cells`, at least 2, at most 5 (wide
/// enough, from 4, for a number).
pub fn cell_width(cells: Rect, n: usize) -> usize {
    (usize::from(cells.width) / n.max(1)).clamp(2, 5)
}

/// One row (and column) of a map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What the row is called (safe to show).
    pub label: String,
    /// Its outlet (for an article), or its number of articles (for an outlet), safe to show.
    pub detail: String,
    /// The article, for an article map.
    pub doc: Option<DocId>,
}

/// One map: its items, their shares, the display order and the cursor.
#[derive(Debug, Clone, Default)]
pub struct Map {
    /// The items, by index.
    pub items: Vec<Item>,
    /// Shares between items, by index.
    pub shares: Shares,
    /// Display position → item index.
    pub order: Vec<usize>,
    /// The cursor's row and column, as display positions.
    pub cursor: (usize, usize),
    /// The first row and column shown.
    pub offset: (usize, usize),
}

impl Map {
    /// A map of `n` unnamed articles with these shares (for tests of the drawing).
    #[cfg(test)]
    pub fn for_test(cells: &[(usize, usize, f32)], n: usize) -> Self {
        let items = (0..n)
            .map(|i| Item {
                label: format!("article {i}"),
                detail: String::new(),
                doc: Some(DocId(i)),
            })
            .collect();
        let mut map = Self::new(items, Shares::from_cells(n, cells));
        map.order = (0..n).collect();
        map
    }

    fn new(items: Vec<Item>, shares: Shares) -> Self {
        let order = shares::order(&shares);
        Self {
            items,
            shares,
            order,
            ..Self::default()
        }
    }

    /// The share at display positions `row`, `col`.
    pub fn share_at(&self, row: usize, col: usize) -> f32 {
        match (self.order.get(row), self.order.get(col)) {
            (Some(&i), Some(&j)) => self.shares.get(i, j),
            _ => 0.0,
        }
    }

    /// The item at display position `at`.
    pub fn item_at(&self, at: usize) -> Option<&Item> {
        self.order.get(at).map(|&i| &self.items[i])
    }

    /// Moves the cursor by rows and columns, clamped, and keeps it in the `rows` × `cols`
    /// cells shown.
    fn move_by(&mut self, (down, right): (isize, isize), (rows, cols): (usize, usize)) {
        let last = self.order.len().saturating_sub(1);
        self.cursor.0 = self.cursor.0.saturating_add_signed(down).min(last);
        self.cursor.1 = self.cursor.1.saturating_add_signed(right).min(last);
        self.keep_visible(rows, cols);
    }

    fn keep_visible(&mut self, rows: usize, cols: usize) {
        super::keep_in_view(self.cursor.0, &mut self.offset.0, rows);
        super::keep_in_view(self.cursor.1, &mut self.offset.1, cols);
    }
}

/// The heat map's state: the article map and the outlet map.
#[derive(Debug, Clone, Default)]
pub struct Heat {
    /// Articles × articles.
    pub articles: Map,
    /// Outlets × outlets.
    pub outlets: Map,
    /// Whether the outlet map is shown.
    pub folded: bool,
    /// For each document, its outlet's index in the outlet map.
    outlet_of: Vec<usize>,
}

impl Heat {
    /// Both maps of a corpus and its report.
    pub fn new(ctx: &Context) -> Self {
        let corpus = &ctx.corpus;
        let mut names: Vec<String> = corpus.documents.iter().map(|d| d.group.clone()).collect();
        names.sort();
        names.dedup();
        let outlet_of: Vec<usize> = corpus
            .documents
            .iter()
            .map(|d| names.binary_search(&d.group).unwrap_or(0))
            .collect();
        let items = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(doc, d)| Item {
                label: printable(&d.title),
                detail: printable(&d.group),
                doc: Some(DocId(doc)),
            })
            .collect();
        let articles = Map::new(items, shares::articles(corpus, &ctx.report));
        let counts = outlet_of
            .iter()
            .fold(vec![0usize; names.len()], |mut c, &o| {
                c[o] += 1;
                c
            });
        let outlet_items = names
            .iter()
            .zip(&counts)
            .map(|(name, n)| Item {
                label: printable(name),
                detail: crate::text::count(*n, "article"),
                doc: None,
            })
            .collect();
        let dated = corpus.documents.iter().any(|d| d.date.is_some());
        let shares = if dated {
            shares::outlets_directed(corpus, &ctx.report, &outlet_of, names.len())
        } else {
            shares::outlets(corpus, &ctx.report, &outlet_of, names.len())
        };
        let outlets = Map::new(outlet_items, shares);
        Self {
            articles,
            outlets,
            folded: false,
            outlet_of,
        }
    }

    /// The map shown.
    pub fn map(&self) -> &Map {
        if self.folded {
            &self.outlets
        } else {
            &self.articles
        }
    }

    fn map_mut(&mut self) -> &mut Map {
        if self.folded {
            &mut self.outlets
        } else {
            &mut self.articles
        }
    }

    /// Rows and columns of cells shown at once.
    pub fn shown(&self, area: Rect) -> (usize, usize) {
        let n = self.map().order.len();
        let cells = layout(area, n).cells;
        let width = cell_width(cells, n);
        (usize::from(cells.height), usize::from(cells.width) / width)
    }

    /// Answers `action`.
    pub fn update(&mut self, ctx: &Context, action: Action) -> Outcome {
        let shown = self.shown(ctx.area);
        let page = isize::try_from(shown.0.max(1)).unwrap_or(1);
        let map = self.map_mut();
        match action {
            Action::ScrollBy(rows) => map.move_by((signed(rows), 0), shown),
            Action::ColumnBy(cols) => map.move_by((0, signed(cols)), shown),
            Action::Page(pages) => map.move_by((signed(pages) * page, 0), shown),
            Action::Top => map.move_by((isize::MIN / 2, isize::MIN / 2), shown),
            Action::Bottom => map.move_by((isize::MAX / 2, 0), shown),
            Action::Wheel { down, .. } => map.move_by((if down { 1 } else { -1 }, 0), shown),
            Action::Open => return self.open(),
            Action::FoldOutlets => {
                self.folded = !self.folded;
                let what = if self.folded { "outlet" } else { "article" };
                return Outcome::Message(format!("{what} × {what}"));
            }
            _ => {}
        }
        Outcome::Done
    }

    /// Keeps the cursor on screen after a resize.
    pub fn resize(&mut self, ctx: &Context) {
        for folded in [false, true] {
            let map = if folded {
                &self.outlets
            } else {
                &self.articles
            };
            let n = map.order.len();
            let cells = layout(ctx.area, n).cells;
            let shown = (
                usize::from(cells.height),
                usize::from(cells.width) / cell_width(cells, n),
            );
            let map = if folded {
                &mut self.outlets
            } else {
                &mut self.articles
            };
            map.move_by((0, 0), shown);
        }
    }

    /// The compare view of the pair under the cursor: two articles, or the two articles of
    /// the two outlets that have most in common.
    fn open(&self) -> Outcome {
        let map = self.map();
        let (row, col) = map.cursor;
        let (Some(&x), Some(&y)) = (map.order.get(row), map.order.get(col)) else {
            return Outcome::Done;
        };
        let pair = if self.folded {
            self.strongest_between(x, y)
        } else if x == y {
            return Outcome::Message(
                "that is the article itself: pick a cell off the diagonal".to_owned(),
            );
        } else {
            (map.shares.get(x, y) > 0.0).then_some((x, y))
        };
        match pair {
            Some((a, b)) => Outcome::Open(Opening::pair(DocId(a), DocId(b))),
            None => Outcome::Message("these two have no text in common".to_owned()),
        }
    }

    /// The pair of articles, one of outlet `x` and one of outlet `y`, with the highest share.
    fn strongest_between(&self, x: usize, y: usize) -> Option<(usize, usize)> {
        let of = &self.outlet_of;
        self.articles
            .shares
            .pairs()
            .filter(|&(a, b, _)| (of[a], of[b]) == (x, y) || (of[a], of[b]) == (y, x))
            .max_by(|p, q| p.2.total_cmp(&q.2).then((q.0, q.1).cmp(&(p.0, p.1))))
            .map(|(a, b, _)| if of[a] == x { (a, b) } else { (b, a) })
    }
}
