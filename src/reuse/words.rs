//! The distinctive words a rewritten passage's two sides share, most distinctive first, kept
//! in one string: a corpus holds a million of them, and one allocation per passage (not per
//! word) makes the engine, the results cache and the reader lighter.

use std::fmt;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Words, in order, none empty and none holding a space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedWords {
    /// The words, each followed by a space.
    text: String,
}

impl SharedWords {
    /// Whether there is no word.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.text.split_terminator(' ')
    }

    /// Whether `word` is among them.
    pub fn contains(&self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }

    /// Adds `word` at the end (a word with spaces is taken as the words between them).
    pub fn push(&mut self, word: &str) {
        for part in word.split(' ').filter(|p| !p.is_empty()) {
            self.text.push_str(part);
            self.text.push(' ');
        }
    }

    /// The words joined by `separator`.
    pub fn join(&self, separator: &str) -> String {
        self.iter().collect::<Vec<_>>().join(separator)
    }
}

impl<S: AsRef<str>> FromIterator<S> for SharedWords {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> Self {
        let mut shared = Self::default();
        for word in words {
            shared.push(word.as_ref());
        }
        shared
    }
}

impl<const N: usize> PartialEq<[&str; N]> for SharedWords {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

/// Written as a list of words, as JSON readers expect.
impl Serialize for SharedWords {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Formats such as postcard need the length first.
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for word in self.iter() {
            seq.serialize_element(word)?;
        }
        seq.end()
    }
}

/// Read from a list of words, each appended to the one string: no allocation per word.
impl<'de> Deserialize<'de> for SharedWords {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(WordsVisitor)
    }
}

struct WordsVisitor;

impl<'de> Visitor<'de> for WordsVisitor {
    type Value = SharedWords;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of words")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SharedWords, A::Error> {
        let mut words = SharedWords {
            // Room for words of typical length at once.
            text: String::with_capacity(seq.size_hint().unwrap_or(0).min(4096) * 8),
        };
        while seq.next_element_seed(Append(&mut words))?.is_some() {}
        Ok(words)
    }
}

/// Appends the word read to the words.
struct Append<'a>(&'a mut SharedWords);

impl<'de> DeserializeSeed<'de> for Append<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Append<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a word")
    }

    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<(), E> {
        // Words written by `Serialize` hold no space: appended as they are, unsplit.
        if !word.is_empty() {
            self.0.text.push_str(word);
            self.0.text.push(' ');
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_order_and_round_trip_as_a_list() {
        let words: SharedWords = ["crimea", "coup", "2014"].into_iter().collect();
        assert_eq!(words, ["crimea", "coup", "2014"]);
        assert_eq!(words.len(), 3);
        assert!(words.contains("coup") && !words.contains("cou"));
        assert_eq!(words.join(", "), "crimea, coup, 2014");
        let json = serde_json::to_string(&words).expect("serialised");
        assert_eq!(json, r#"["crimea","coup","2014"]"#);
        let back: SharedWords = serde_json::from_str(&json).expect("read back");
        assert_eq!(back, words);
        let bytes = postcard::to_stdvec(&words).expect("encoded");
        let back: SharedWords = postcard::from_bytes(&bytes).expect("decoded");
        assert_eq!(back, words);
        assert!(SharedWords::default().is_empty());
        assert_eq!(SharedWords::default().len(), 0);
    }
}
