//! Aligned synchronised scrolling, as meld does it: the rows of the two panes are matched at
//! the starts and ends of their shared passages, and between two matches one pane's rows map
//! onto the other's in proportion. Scrolling one pane puts the other where the map says, so
//! matched passages stay level where equal offsets would drift apart.

use super::{Compare, Focus};

/// Matched rows (left, right): the starts and ends of the passages both panes show, rising on
/// both sides. Passages out of order leave the fewest matches out (the longest rising chain),
/// and never those of passage `kept`.
pub fn anchors(compare: &Compare, kept: Option<usize>) -> Vec<(usize, usize)> {
    let (left, right) = (&compare.left.view, &compare.right.view);
    let rows = |slot: usize| Some((left.rows_of_slot(slot)?, right.rows_of_slot(slot)?));
    let selected = kept.and_then(rows);
    let mut pairs: Vec<(usize, usize)> = (0..compare.passages.len())
        .filter_map(rows)
        .flat_map(|(l, r)| [(l.start, r.start), (l.end, r.end)])
        // Nothing that crosses the selected passage.
        .filter(|&(l, r)| {
            selected.as_ref().is_none_or(|(sl, sr)| {
                (l <= sl.start && r <= sr.start)
                    || (l >= sl.end && r >= sr.end)
                    || (sl.contains(&l) && sr.contains(&r))
                    || (l, r) == (sl.end, sr.end)
            })
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    longest_rising(&pairs)
}

/// The longest chain of `pairs` (sorted by their first) rising strictly in both.
fn longest_rising(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let n = pairs.len();
    let (mut length, mut previous) = (vec![1usize; n], vec![usize::MAX; n]);
    for i in 0..n {
        for j in 0..i {
            let rises = pairs[j].0 < pairs[i].0 && pairs[j].1 < pairs[i].1;
            if rises && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (length[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut chain = vec![pairs[at]];
    while previous[at] != usize::MAX {
        at = previous[at];
        chain.push(pairs[at]);
    }
    chain.reverse();
    chain
}

/// Row `x` of one pane mapped onto the other, through `anchors` given as (this, other): one
/// row for one before the first match and after the last, in proportion between two.
#[allow(clippy::cast_precision_loss)] // rows of an article: far below 2^52
pub fn map(anchors: &[(usize, usize)], x: f64) -> f64 {
    let at = |i: usize| (anchors[i].0 as f64, anchors[i].1 as f64);
    let Some(last) = anchors.len().checked_sub(1) else {
        return x;
    };
    let after = anchors.partition_point(|&(a, _)| (a as f64) <= x);
    match after {
        0 => {
            let (a, b) = at(0);
            x - a + b
        }
        n if n > last => {
            let (a, b) = at(last);
            x - a + b
        }
        n => {
            let ((a0, b0), (a1, b1)) = (at(n - 1), at(n));
            b0 + (x - a0) * (b1 - b0) / (a1 - a0)
        }
    }
}

impl Compare {
    /// With sync on, scrolls the pane other than `leader` to where the row map puts it: the
    /// leader's matched row (the selected passage's start while it is on screen, else the row
    /// a third down) level with its counterpart. When the leader could not move as far as
    /// `asked`, the other takes the rest, so that one pane reaching its end never stops the
    /// other.
    pub(super) fn follow(&mut self, leader: Focus, before: usize, asked: Option<isize>) {
        if !self.sync {
            return;
        }
        let pane = self.pane(leader);
        let height = pane.height.max(1);
        let now = pane.scroll;
        let moved = now.cast_signed() - before.cast_signed();
        if let Some(asked) = asked.filter(|&a| moved != a && moved == 0) {
            // The leader is at its end: the other goes on alone.
            self.pane_mut(leader.other()).scroll_by(asked);
            return;
        }
        let on_screen = |rows: &std::ops::Range<usize>| rows.end > now && rows.start < now + height;
        let selected = self
            .selected
            .and_then(|slot| Some((slot, pane.view.rows_of_slot(slot)?)))
            .filter(|(_, rows)| on_screen(rows));
        // The passage kept level: the selected one while it is on screen, matched at its
        // start (above the screen, maybe); else the one at or below the row a third down,
        // matched at that row.
        let third = now + height / 3;
        let (kept, point) = if let Some((slot, rows)) = selected {
            (Some(slot), rows.start)
        } else {
            let other = &self.pane(leader.other()).view;
            let below = pane.view.passage_rows.iter().find(|(slot, rows)| {
                rows.end > third && rows.start < now + height && other.rows_of_slot(*slot).is_some()
            });
            (below.map(|(slot, _)| *slot), third)
        };
        let mut anchors = anchors(self, kept);
        if leader == Focus::Right {
            for pair in &mut anchors {
                *pair = (pair.1, pair.0);
            }
        }
        #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // rows
        let target = map(&anchors, point as f64).round() as isize;
        let other = self.pane_mut(leader.other());
        let scroll = target - (point.cast_signed() - now.cast_signed());
        let scroll = scroll.max(0).cast_unsigned();
        // As far as keys go (the end at the bottom), or further if Enter took it there.
        other.scroll = scroll.min(other.max_scroll().max(other.scroll));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_rising_chain_leaves_the_fewest_out() {
        let pairs = [(1, 50), (2, 3), (4, 5), (6, 7), (8, 1)];
        assert_eq!(longest_rising(&pairs), [(2, 3), (4, 5), (6, 7)]);
        assert!(longest_rising(&[]).is_empty());
    }

    #[test]
    fn rows_map_one_for_one_outside_and_in_proportion_between_matches() {
        let anchors = [(10, 20), (30, 30)];
        assert!((map(&anchors, 5.0) - 15.0).abs() < 1e-9, "before: shifted");
        assert!((map(&anchors, 20.0) - 25.0).abs() < 1e-9, "half way");
        assert!((map(&anchors, 40.0) - 40.0).abs() < 1e-9, "after: shifted");
        assert!((map(&[], 7.0) - 7.0).abs() < 1e-9);
    }
}
