//! Fitting text into a number of cells: cut with an ellipsis, never mid-character.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;

/// A list row: `▶ ` when selected, the title, then its details dimmed, within `width` cells:
/// the details get what the title leaves, or half the row when the title would take more.
pub fn titled_row(
    selected: bool,
    title: &str,
    details: &str,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let marker = if selected { "▶ " } else { "  " };
    let room = width.saturating_sub(2);
    let details = cut(
        details,
        room.saturating_sub(room.min(title.width())).max(room / 2),
    );
    let title = cut(title, room.saturating_sub(details.width()));
    let style = if selected {
        theme.selected_row()
    } else {
        theme.title()
    };
    Line::from(vec![
        Span::styled(marker, style),
        Span::styled(title, style),
        Span::styled(details, theme.dim()),
    ])
}

/// `text` cut to `room` cells, ending with `…` if anything was cut: after the last whole word
/// when that keeps most of the room, else mid-word.
pub fn cut(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > room {
            break;
        }
        out.push(c);
    }
    let word_end = out
        .trim_end()
        .rfind(' ')
        .filter(|&at| at * 3 >= out.len() * 2);
    if text[out.len()..].starts_with(' ') {
        out.truncate(out.trim_end().len());
    } else if let Some(at) = word_end {
        out.truncate(out[..at].trim_end().len());
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn messages_are_cut_after_a_word_with_an_ellipsis() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(
            cut("shares no passage with another", 20),
            "shares no passage…"
        );
        assert_eq!(cut("a verylongwordindeed", 10), "a verylon…");
    }
}
