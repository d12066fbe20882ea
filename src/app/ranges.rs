//! Finding the marks that touch a row among start-sorted char ranges that may nest, by
//! bisection on the running maximum of their ends.

use std::ops::Range;

use super::article::Marks;

/// For each list of start-sorted ranges in `Marks`, the furthest end reached so far: with
/// it, the ranges touching a row are found by bisection even when ranges nest.
pub(super) struct Reach {
    pub(super) passages: Vec<usize>,
    pub(super) changes: Vec<usize>,
    pub(super) shared: Vec<usize>,
    pub(super) copied: Vec<usize>,
    pub(super) search: Vec<usize>,
    pub(super) boilerplate: Vec<usize>,
}

impl Reach {
    pub(super) fn new(marks: &Marks) -> Self {
        Self {
            passages: reach(&marks.passages, |h| &h.chars),
            changes: reach(&marks.changes, |c| &c.0),
            shared: reach(&marks.shared_words, |r| r),
            copied: reach(&marks.copied, |c| &c.0),
            search: reach(&marks.search, |r| r),
            boilerplate: reach(&marks.boilerplate, |r| r),
        }
    }
}

/// The running maximum of the ends of `items`.
fn reach<T>(items: &[T], range: impl Fn(&T) -> &Range<usize>) -> Vec<usize> {
    items
        .iter()
        .scan(0, |end, item| {
            *end = (*end).max(range(item).end);
            Some(*end)
        })
        .collect()
}

/// The run of a start-sorted list of ranges that holds every range overlapping `chars`
/// (and maybe a few nested ranges that end before it, which match no char of it); `reach`
/// is the running maximum of the ends.
pub(super) fn overlapping<'m, T>(
    items: &'m [T],
    reach: &[usize],
    chars: &Range<usize>,
    range: impl Fn(&T) -> &Range<usize>,
) -> &'m [T] {
    let last = items.partition_point(|t| range(t).start < chars.end);
    let first = reach[..last].partition_point(|&end| end <= chars.start);
    &items[first..last]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::article::minimap_rows;

    #[test]
    fn nested_ranges_are_found() {
        let items = [0..100, 5..10, 20..30, 40..50, 120..130];
        let reach = reach(&items, |r| r);
        let touching = |chars: Range<usize>| -> Vec<Range<usize>> {
            overlapping(&items, &reach, &chars, |r| r)
                .iter()
                .filter(|r| r.start < chars.end && r.end > chars.start)
                .cloned()
                .collect()
        };
        assert_eq!(
            touching(60..70),
            vec![items[0].clone()],
            "the outer range of a nest"
        );
        assert_eq!(touching(25..45), [0..100, 20..30, 40..50]);
        assert_eq!(touching(110..125), vec![items[4].clone()]);
        assert!(overlapping(&items, &reach, &(100..110), |r| r).is_empty());
        assert_eq!(minimap_rows(10, 5, 4), 8..10);
        assert_eq!(minimap_rows(3, 5, 4), 4..5);
    }
}
