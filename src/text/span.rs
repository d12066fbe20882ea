//! Half-open ranges over a text, in Unicode scalar (char) offsets and in byte offsets.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` over a text, in chars and in bytes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First char (Unicode scalar) of the range.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Byte offset of `start`, for slicing the text.
    pub byte_start: usize,
    /// Byte offset of `end`.
    pub byte_end: usize,
}

impl Span {
    /// The span's length in chars.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no char.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The part of `text` the span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }

    /// Number of chars the two spans have in common.
    pub fn overlap(&self, other: &Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// Whether at least half of `other` lies inside this span.
    pub fn mostly_covers(&self, other: &Span) -> bool {
        2 * self.overlap(other) >= other.len()
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn union(&self, other: &Span) -> Span {
        let (first, last) = (self.min_by_start(other), self.max_by_end(other));
        Span {
            start: first.start,
            byte_start: first.byte_start,
            end: last.end,
            byte_end: last.byte_end,
        }
    }

    fn min_by_start<'a>(&'a self, other: &'a Span) -> &'a Span {
        if other.start < self.start {
            other
        } else {
            self
        }
    }

    fn max_by_end<'a>(&'a self, other: &'a Span) -> &'a Span {
        if other.end > self.end { other } else { self }
    }
}

/// Converts between char and byte offsets of one text in O(log n).
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    /// Byte offset of every char, plus the text's length at the end; empty for ASCII text.
    bytes: Vec<u32>,
    len_chars: usize,
}

impl CharMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                bytes: Vec::new(),
                len_chars: text.len(),
            };
        }
        let mut bytes: Vec<u32> = text.char_indices().map(|(i, _)| offset32(i)).collect();
        bytes.push(offset32(text.len()));
        let len_chars = bytes.len() - 1;
        Self { bytes, len_chars }
    }

    /// Byte offset of the char at `char_offset` (the text length for `len_chars`).
    pub fn byte_of(&self, char_offset: usize) -> usize {
        if self.bytes.is_empty() {
            char_offset
        } else {
            self.bytes[char_offset.min(self.len_chars)] as usize
        }
    }

    /// Char offset of the char starting at `byte_offset` (or containing it).
    pub fn char_of(&self, byte_offset: usize) -> usize {
        if self.bytes.is_empty() {
            return byte_offset;
        }
        let wanted = offset32(byte_offset);
        match self.bytes.binary_search(&wanted) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// A span from char offsets.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            byte_start: self.byte_of(start),
            byte_end: self.byte_of(end),
        }
    }

    /// A span from byte offsets.
    pub fn span_of_bytes(&self, byte_start: usize, byte_end: usize) -> Span {
        Span {
            start: self.char_of(byte_start),
            end: self.char_of(byte_end),
            byte_start,
            byte_end,
        }
    }

    /// Length of the text in chars.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

fn offset32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_chars_and_bytes_both_ways() {
        let text = "a’b é";
        let map = CharMap::new(text);
        assert_eq!(map.len_chars(), 5);
        assert_eq!(map.byte_of(2), 4);
        assert_eq!(map.char_of(4), 2);
        let span = map.span(1, 3);
        assert_eq!(span.slice(text), "’b");
        assert_eq!(map.byte_of(5), text.len());
    }

    #[test]
    fn union_and_overlap() {
        let map = CharMap::new("abcdefghij");
        let (a, b) = (map.span(1, 4), map.span(3, 8));
        assert_eq!(a.overlap(&b), 1);
        assert_eq!(a.union(&b), map.span(1, 8));
    }
}
