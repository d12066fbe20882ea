//! The raw material of a synthetic corpus: a small deterministic random generator, invented
//! words and names, and paragraphs built, copied with edits or rewritten from them.

/// Words per generated paragraph.
pub const WORDS: usize = 100;
/// Function words mixed into the invented ones, a third of all words.
const FILLERS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "by",
];

/// A small deterministic random generator (`SplitMix64`).
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// A skewed pick in `0..n`: small numbers far more often (roughly Zipf).
    pub fn skewed(&mut self, n: usize) -> usize {
        let r = self.below(n) + 1;
        self.below(r)
    }
}

/// An invented lower-case word of two to five syllables.
pub fn invented_word(rng: &mut Rng) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ner", "sta", "vu", "pel", "dor", "an", "tis", "ro", "gue", "bal", "shi",
        "mon", "ter",
    ];
    (0..2 + rng.below(4))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// An invented name: a capitalised invented word.
pub fn name(rng: &mut Rng) -> String {
    capitalised(&invented_word(rng))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A paragraph of [`WORDS`] words of `vocabulary` and fillers, in sentences.
pub fn paragraph(rng: &mut Rng, vocabulary: &[String]) -> String {
    let words: Vec<&str> = (0..WORDS).map(|_| word(rng, vocabulary)).collect();
    sentences(&words)
}

/// A word: a filler, a common word (a skewed pick) or a rarer one, a third each, as prose has
/// function words, everyday words and the names and terms of its subject.
fn word<'v>(rng: &mut Rng, vocabulary: &'v [String]) -> &'v str {
    match rng.below(3) {
        0 => FILLERS[rng.below(FILLERS.len())],
        1 => vocabulary[rng.skewed(vocabulary.len())].as_str(),
        _ => vocabulary[rng.below(vocabulary.len())].as_str(),
    }
}

/// Joins words into sentences of 15 words with capitals and full stops.
pub fn sentences(words: &[&str]) -> String {
    let mut out = String::new();
    for (k, chunk) in words.chunks(15).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let text = chunk.join(" ");
        let mut chars = text.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
        out.push('.');
    }
    out
}

/// A copy of a paragraph with about one word in twelve substituted or misspelt.
pub fn edited(rng: &mut Rng, text: &str, vocabulary: &[String]) -> String {
    let words: Vec<String> = text
        .split(' ')
        .map(|w| match rng.below(24) {
            0 => vocabulary[rng.below(vocabulary.len())].clone(),
            1 if w.len() > 4 => swap_letters(w),
            _ => w.to_owned(),
        })
        .collect();
    words.join(" ")
}

/// A rewrite of a paragraph: one word in five replaced, a word dropped or added here and
/// there, and each sentence's two halves swapped. No run of five words survives, so no seed
/// finds it, but most of its distinctive words and many of its word pairs do.
pub fn rewritten(rng: &mut Rng, text: &str, vocabulary: &[String]) -> String {
    let source: Vec<String> = text
        .split(' ')
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let mut words: Vec<String> = Vec::with_capacity(source.len() + 8);
    for (k, w) in source.into_iter().enumerate() {
        if k % 5 == 4 {
            words.push(vocabulary[rng.below(vocabulary.len())].clone());
        } else if rng.below(12) != 0 {
            words.push(w);
        }
        if rng.below(15) == 0 {
            words.push(FILLERS[rng.below(FILLERS.len())].to_owned());
        }
    }
    let mut swapped: Vec<&str> = Vec::with_capacity(words.len());
    for chunk in words.chunks(15) {
        let (first, second) = chunk.split_at(chunk.len() / 2);
        swapped.extend(second.iter().chain(first).map(String::as_str));
    }
    sentences(&swapped)
}

/// A paragraph on an event, told in its own words: the event's names and numbers, in an
/// order of its own, among words of its own.
pub fn on_event(rng: &mut Rng, facts: &[String], vocabulary: &[String]) -> String {
    let mut words: Vec<&str> = (0..WORDS).map(|_| word(rng, vocabulary)).collect();
    for fact in facts {
        let at = rng.below(words.len());
        words[at] = fact.as_str();
    }
    sentences(&words)
}

/// A template sentence of an outlet: its name and a dozen words, the same in every article.
pub fn template(rng: &mut Rng, outlet: &str, vocabulary: &[String]) -> String {
    let mut words: Vec<&str> = vec!["Subscribe", "to", "the", outlet, "briefing", "for"];
    words.extend((0..8).map(|_| vocabulary[rng.below(vocabulary.len())].as_str()));
    format!("{}.", words.join(" "))
}

fn swap_letters(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    chars.swap(1, 2);
    chars.into_iter().collect()
}
