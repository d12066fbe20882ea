//! Candidate pairs for the rewrite detector: posting lists of rare terms, and a tally of the
//! lists two units share.

use std::ops::Range;

use rayon::prelude::*;

use super::saturating_u32;

/// For each term id, the units (ascending) it is in, for the terms rare enough to index; one
/// flat array cut at `starts`.
pub(super) struct Postings {
    starts: Vec<usize>,
    units: Vec<u32>,
}

impl Postings {
    /// Lists the units under each term `indexed` picks: `terms_of(unit)` gives the sorted term
    /// ids of each of `units` units, and `df` how many units each term id is in.
    pub(super) fn new<'a>(
        df: &[u32],
        indexed: impl Fn(u32) -> bool,
        units: usize,
        terms_of: impl Fn(usize) -> &'a [(u32, u32)] + Sync,
    ) -> Self {
        let mut starts = Vec::with_capacity(df.len() + 1);
        let mut total = 0;
        starts.push(0);
        for &count in df {
            if indexed(count) {
                total += count as usize;
            }
            starts.push(total);
        }
        let mut lists = vec![0; total];
        // Each core fills the lists of a range of term ids holding about an equal share.
        let mut rest = &mut lists[..];
        let mut tasks = Vec::new();
        for terms in shares(&starts, rayon::current_num_threads()) {
            let len = starts[terms.end] - starts[terms.start];
            let (part, tail) = std::mem::take(&mut rest).split_at_mut(len);
            tasks.push((terms, part));
            rest = tail;
        }
        tasks.into_par_iter().for_each(|(terms, part)| {
            fill(&starts, terms, part, units, &terms_of);
        });
        Self {
            starts,
            units: lists,
        }
    }

    /// The units term `term` is in, if it is indexed (empty otherwise).
    pub(super) fn list(&self, term: u32) -> &[u32] {
        let term = term as usize;
        &self.units[self.starts[term]..self.starts[term + 1]]
    }
}

/// The term ids cut into `count` (at least one) consecutive ranges holding about equal
/// shares of the postings, given where each term's list starts (and, last, where they end):
/// the k-th range ends at the first list starting at or past k shares.
fn shares(starts: &[usize], count: usize) -> Vec<Range<usize>> {
    let (terms, total) = (starts.len() - 1, starts[starts.len() - 1]);
    let count = count.max(1);
    let mut first = 0;
    (1..=count)
        .map(|share| {
            let end = if share == count {
                terms
            } else {
                let end = starts.partition_point(|&s| s < total * share / count);
                end.clamp(first, terms)
            };
            let range = first..end;
            first = end;
            range
        })
        .collect()
}

/// Fills `part`, the lists of the term ids in `terms`, with the units whose terms `terms_of`
/// gives, in unit order.
fn fill<'a>(
    starts: &[usize],
    terms: Range<usize>,
    part: &mut [u32],
    units: usize,
    terms_of: &impl Fn(usize) -> &'a [(u32, u32)],
) {
    let base = starts[terms.start];
    let mut next: Vec<usize> = starts[terms.clone()].iter().map(|s| s - base).collect();
    for unit in 0..units {
        let unit_terms = terms_of(unit);
        let from = unit_terms.partition_point(|&(t, _)| (t as usize) < terms.start);
        for &(term, _) in &unit_terms[from..] {
            let term = term as usize;
            if term >= terms.end {
                break;
            }
            // A term's list has room for every unit it is in, or none if it is not indexed.
            let slot = &mut next[term - terms.start];
            if *slot < starts[term + 1] - base {
                part[*slot] = saturating_u32(unit);
                *slot += 1;
            }
        }
    }
}

/// Counts, for one unit at a time, how many posting lists each other unit is in.
pub(super) struct Tally {
    counts: Vec<u8>,
    touched: Vec<u32>,
}

impl Tally {
    /// A tally for `units` units.
    pub(super) fn new(units: usize) -> Self {
        Self {
            counts: vec![0; units],
            touched: Vec::new(),
        }
    }

    /// Units from `from` on that are in at least `least` of the sorted `lists`, ascending.
    pub(super) fn shared_at_least<'a>(
        &mut self,
        lists: impl Iterator<Item = &'a [u32]>,
        from: u32,
        least: usize,
    ) -> Vec<usize> {
        for list in lists {
            let tail = &list[list.partition_point(|&j| j < from)..];
            for &j in tail {
                let count = &mut self.counts[j as usize];
                if *count == 0 {
                    self.touched.push(j);
                }
                *count = count.saturating_add(1);
            }
        }
        let mut found: Vec<usize> = Vec::new();
        for j in self.touched.drain(..) {
            if usize::from(self.counts[j as usize]) >= least {
                found.push(j as usize);
            }
            self.counts[j as usize] = 0;
        }
        found.sort_unstable();
        found
    }
}

/// The terms of one unit as a bitmap over term ids, to count another unit's terms among them
/// in one pass with no branch on order.
pub(super) struct TermSet {
    words: Vec<u64>,
}

impl TermSet {
    /// An empty set for term ids below `term_count`.
    pub(super) fn new(term_count: usize) -> Self {
        Self {
            words: vec![0; term_count.div_ceil(64)],
        }
    }

    /// Adds the terms of `unit_terms`.
    pub(super) fn insert(&mut self, unit_terms: &[(u32, u32)]) {
        for &(term, _) in unit_terms {
            self.words[term as usize / 64] |= 1 << (term % 64);
        }
    }

    /// How many of the terms of `unit_terms` are in the set.
    pub(super) fn count(&self, unit_terms: &[(u32, u32)]) -> usize {
        unit_terms
            .iter()
            .filter(|&&(term, _)| self.words[term as usize / 64] >> (term % 64) & 1 == 1)
            .count()
    }

    /// Empties the set, which holds at most the terms of `unit_terms`.
    pub(super) fn remove(&mut self, unit_terms: &[(u32, u32)]) {
        for &(term, _) in unit_terms {
            self.words[term as usize / 64] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_list_the_units_of_indexed_terms_in_order() {
        // Units' terms: (term id, token); term 1 is in three units, 2 in two, 3 in one.
        let units: [&[(u32, u32)]; 3] = [&[(1, 0), (2, 4)], &[(1, 2)], &[(1, 7), (2, 1), (3, 0)]];
        let df = [0, 3, 2, 1];
        let terms_of = |unit: usize| units[unit];
        let postings = Postings::new(&df, |count| (2..=2).contains(&count), 3, terms_of);
        assert_eq!(postings.list(1), [] as [u32; 0]);
        assert_eq!(postings.list(2), [0, 2]);
        assert_eq!(postings.list(3), [] as [u32; 0]);
        let all = Postings::new(&df, |_| true, 3, terms_of);
        assert_eq!(all.list(1), [0, 1, 2]);
        assert_eq!(all.list(3), [2]);
    }

    proptest::proptest! {
        #[test]
        fn postings_list_every_unit_of_every_indexed_term(
            units in proptest::collection::vec(
                proptest::collection::btree_set(0u32..30, 0..12), 0..40),
            cap in 1u32..6,
        ) {
            let units: Vec<Vec<(u32, u32)>> =
                units.into_iter().map(|terms| terms.into_iter().map(|t| (t, 0)).collect()).collect();
            let mut df = vec![0u32; 30];
            for &(term, _) in units.iter().flatten() {
                df[term as usize] += 1;
            }
            let indexed = |count: u32| count <= cap;
            let postings = Postings::new(&df, indexed, units.len(), |unit| &units[unit][..]);
            for term in 0..30u32 {
                let has = |terms: &Vec<(u32, u32)>| terms.iter().any(|&(t, _)| t == term);
                let expected: Vec<u32> = (0u32..)
                    .zip(&units)
                    .filter(|(_, terms)| indexed(df[term as usize]) && has(terms))
                    .map(|(unit, _)| unit)
                    .collect();
                proptest::prop_assert_eq!(postings.list(term), &expected[..]);
            }
        }
    }

    #[test]
    fn shares_cut_the_term_ids_into_consecutive_ranges_of_about_equal_postings() {
        // Terms 0..4 with lists of 4, 0, 4 and 2 units.
        let starts = [0, 4, 4, 8, 10];
        let whole = |ranges: Vec<Range<usize>>| ranges.len() == 1 && ranges[0] == (0..4);
        assert!(whole(shares(&starts, 1)));
        // The first range ends at the first list that starts at or past half the postings.
        assert_eq!(shares(&starts, 2), [0..3, 3..4]);
        // More shares than terms: some are empty, all are in order and cover every term.
        let many = shares(&starts, 7);
        assert_eq!(many.len(), 7);
        assert_eq!(many.first().map(|r| r.start), Some(0));
        assert_eq!(many.last().map(|r| r.end), Some(4));
        assert!(many.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(shares(&[0], 2), [0..0, 0..0]);
        assert!(whole(shares(&starts, 0)));
    }

    #[test]
    fn the_tally_keeps_units_in_enough_lists_from_a_bound_on() {
        let lists: [&[u32]; 3] = [&[0, 2, 5, 7], &[2, 3, 7], &[1, 5, 7]];
        let mut tally = Tally::new(8);
        assert_eq!(tally.shared_at_least(lists.into_iter(), 0, 2), [2, 5, 7]);
        assert_eq!(tally.shared_at_least(lists.into_iter(), 3, 2), [5, 7]);
        assert_eq!(tally.shared_at_least(lists.into_iter(), 0, 3), [7]);
        // Nothing is left over from the calls before.
        assert_eq!(
            tally.shared_at_least(lists[..1].iter().copied(), 0, 1),
            [0, 2, 5, 7]
        );
    }

    #[test]
    fn a_term_set_counts_the_terms_two_units_share() {
        let x = [(1, 9), (64, 0), (130, 4)];
        let y = [(1, 0), (2, 2), (130, 1)];
        let mut set = TermSet::new(131);
        set.insert(&x);
        assert_eq!(set.count(&y), 2);
        assert_eq!(set.count(&x), 3);
        set.remove(&x);
        assert_eq!(set.count(&x), 0);
        set.insert(&y);
        assert_eq!(set.count(&x), 2);
    }
}
