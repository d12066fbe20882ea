//! The heat map: row labels, column numbers, the visible cells shaded (numbers when cells are
//! wide enough), the cursor, a legend and the status line. Only the cells on screen are drawn.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::view::heat::{Map, cell_width, layout, shade};
use crate::app::{Action, App, View};
use crate::ui::fit::cut;
use crate::ui::status_bar;
use crate::ui::theme::Theme;

/// The glyph of each shade, for cells too narrow for a number.
const GLYPHS: [&str; 5] = [" ", "░", "▒", "▓", "█"];

/// Draws the heat map.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let heat = app.heat();
    let map = heat.map();
    let areas = layout(area, map.order.len());
    let buf = frame.buffer_mut();
    let (what, other) = if heat.folded {
        ("outlet", "by article")
    } else {
        ("article", "by outlet")
    };
    let shown = if map.shares.directed {
        "row's text found later in the column"
    } else {
        "text in common"
    };
    let title = format!(
        " Heat map · {} · {shown} · o: {other} ",
        crate::text::count(map.order.len(), what)
    );
    let column = map
        .item_at(map.cursor.1)
        .map(|item| format!(" column {}: {} ", map.cursor.1 + 1, item.label));
    let mut block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(title, theme.title()));
    if let Some(column) = column {
        let room = usize::from(areas.block.width.saturating_sub(4));
        block = block.title_bottom(Line::styled(cut(&column, room), theme.dim()));
    }
    block.render(areas.block, buf);
    let width = cell_width(areas.cells, map.order.len());
    let rows = usize::from(areas.cells.height);
    let cols = usize::from(areas.cells.width) / width;
    header(map, width, cols, theme, areas.header, buf);
    labels(map, rows, theme, areas.labels, buf);
    cells(map, (rows, cols), width, theme, areas.cells, buf);
    legend(theme, areas.legend.width).render(areas.legend, buf);
    status_bar::render_hints(
        app,
        &hints(app.keys(), map, heat.folded),
        theme,
        areas.status,
        buf,
    );
}

/// Column numbers (display positions) over the cells, the cursor's highlighted.
fn header(map: &Map, width: usize, cols: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if width < 3 {
        return;
    }
    let mut spans = Vec::new();
    for col in map.offset.1..(map.offset.1 + cols).min(map.order.len()) {
        let number = (col + 1) % 10_usize.pow(u32::try_from(width - 1).unwrap_or(1));
        let style = if col == map.cursor.1 {
            theme.selected_row()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!("{number:>w$} ", w = width - 1), style));
    }
    Line::from(spans).render(area, buf);
}

/// Row labels: position and name, the cursor's row highlighted.
fn labels(map: &Map, rows: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let room = usize::from(area.width.saturating_sub(1));
    for (row, y) in (map.offset.0..(map.offset.0 + rows).min(map.order.len())).zip(area.rows()) {
        let Some(item) = map.item_at(row) else {
            continue;
        };
        let text = cut(&format!("{:>3} {}", row + 1, item.label), room);
        let style = if row == map.cursor.0 {
            theme.selected_row()
        } else {
            Style::new()
        };
        Line::styled(text, style).render(y, buf);
    }
}

/// The visible cells.
fn cells(
    map: &Map,
    (rows, cols): (usize, usize),
    width: usize,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let last = map.order.len();
    for (row, y) in (map.offset.0..(map.offset.0 + rows).min(last)).zip(area.rows()) {
        let spans: Vec<Span> = (map.offset.1..(map.offset.1 + cols).min(last))
            .map(|col| cell(map, (row, col), width, theme))
            .collect();
        Line::from(spans).render(y, buf);
    }
}

/// One cell: a number when wide enough, else a shade glyph; the cursor reversed.
fn cell(map: &Map, (row, col): (usize, usize), width: usize, theme: &Theme) -> Span<'static> {
    let share = map.share_at(row, col);
    let level = shade(share);
    let diagonal = row == col && map.items.first().is_some_and(|i| i.doc.is_some());
    let text = if diagonal {
        format!("{:>w$} ", "·", w = width - 1)
    } else if level == 0 {
        format!("{:>w$} ", "", w = width - 1)
    } else if width >= 4 && share < 0.005 {
        format!("{:>w$} ", "<1", w = width - 1)
    } else if width >= 4 {
        let percent = (share * 100.0).round();
        format!("{percent:>w$.0} ", w = width - 1)
    } else {
        format!("{} ", GLYPHS[level].repeat(width - 1))
    };
    let mut style = if level == 0 || diagonal {
        theme.dim()
    } else {
        theme.heat(level)
    };
    if level >= 3 && !diagonal {
        style = style.add_modifier(Modifier::BOLD);
    }
    if (row, col) == map.cursor {
        style = style.add_modifier(Modifier::REVERSED);
    }
    Span::styled(text, style)
}

/// What the shades mean, as much as fits `width`.
fn legend(theme: &Theme, width: u16) -> Line<'static> {
    let (names, note) = match width {
        110.. => (
            ["under 5%", "5–15%", "15–40%", "40% or more"],
            "of the two texts in common (numbers in % when cells are wide)",
        ),
        66..110 => (
            ["<5%", "5–15%", "15–40%", "≥40%"],
            "of the two texts in common",
        ),
        _ => (["<5%", "5–15%", "15–40%", "≥40%"], "in common"),
    };
    let mut spans = vec![Span::raw(" ")];
    for (level, name) in names.iter().enumerate() {
        spans.push(Span::styled(GLYPHS[level + 1], theme.heat(level + 1)));
        spans.push(Span::raw(format!(" {name}  ")));
    }
    spans.push(Span::styled(note, theme.dim()));
    Line::from(spans)
}

/// The status line: the cursor's pair and its share, then the keys.
fn hints(keys: &crate::app::keymap::Keymap, map: &Map, folded: bool) -> Vec<String> {
    let view = View::Heat;
    let (row, col) = map.cursor;
    let share = map.share_at(row, col);
    let name = |at: usize| {
        map.item_at(at)
            .map(|i| format!("{} ({})", cut(&i.label, 36), cut(&i.detail, 24)))
            .unwrap_or_default()
    };
    let percent = (share * 100.0).round();
    let pair = if row == col && !folded {
        format!("{} · the article itself", name(row))
    } else if map.shares.directed {
        format!(
            "{} → {} · {percent:.0}% of the column's text found earlier in the row",
            name(row),
            name(col)
        )
    } else {
        format!("{} × {} · {percent:.0}% in common", name(row), name(col))
    };
    let enter = keys.hint(view, &[Action::Open], "compare");
    let fold = keys.hint(
        view,
        &[Action::FoldOutlets],
        if folded { "articles" } else { "outlets" },
    );
    let back = keys.hint(view, &[Action::Back], "back");
    // The shortest form still says what the figure is.
    let figure = if row == col && !folded {
        "the article itself".to_owned()
    } else if map.shares.directed {
        format!("{percent:.0}% found earlier")
    } else {
        format!("{percent:.0}% in common")
    };
    vec![
        format!(" {pair} · {enter} · {fold} · {back}"),
        format!(" {pair}"),
        format!(" {figure} · {enter} · {fold}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ColorMode;

    #[test]
    fn the_shortest_status_says_what_its_figure_is() {
        let keys = crate::app::keymap::Keymap::default();
        let mut map = Map::for_test(&[(0, 1, 0.25)], 2);
        let shortest = |map: &Map| hints(&keys, map, false).last().cloned().unwrap_or_default();
        assert!(
            shortest(&map).starts_with(" the article itself ·"),
            "{}",
            shortest(&map)
        );
        map.cursor = (0, 1);
        assert!(
            shortest(&map).starts_with(" 25% in common ·"),
            "{}",
            shortest(&map)
        );
    }

    fn text(buffer: &Buffer) -> Vec<String> {
        let area = buffer.area;
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn the_legend_fits_its_width() {
        let theme = Theme::new(ColorMode::Monochrome);
        let mut buffer = Buffer::empty(Rect::new(0, 0, 60, 1));
        legend(&theme, 60).render(buffer.area, &mut buffer);
        let expected =
            Buffer::with_lines([" ░ <5%  ▒ 5–15%  ▓ 15–40%  █ ≥40%  in common                "]);
        assert_eq!(text(&buffer), text(&expected));
    }

    #[test]
    fn cells_show_numbers_when_wide_and_shades_when_narrow() {
        use crate::app::view::heat::Map;
        let theme = Theme::new(ColorMode::Monochrome);
        let mut map = Map::for_test(&[(0, 1, 0.37), (1, 2, 0.02)], 3);
        let number = cell(&map, (0, 1), 4, &theme);
        let shade = cell(&map, (0, 1), 2, &theme);
        let small = cell(&map, (1, 2), 4, &theme);
        let none = cell(&map, (0, 2), 4, &theme);
        assert_eq!(number.content, " 37 ");
        assert_eq!(shade.content, "▓ ");
        assert_eq!(small.content, "  2 ");
        assert_eq!(none.content, "    ");
        assert!(!number.style.add_modifier.contains(Modifier::REVERSED));
        map.cursor = (0, 1);
        let under_cursor = cell(&map, (0, 1), 4, &theme);
        assert!(under_cursor.style.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(
            cell(&map, (2, 2), 4, &theme).content,
            "  · ",
            "the diagonal"
        );
    }
}
