//! A synthetic corpus for benchmarks: articles of about 800 words in invented words. A third
//! recycle paragraphs from a shared pool with typos and substituted words, and a fifth carry a
//! rewrite of a pool paragraph (its words shuffled, some replaced).

use std::fs;

use crate::cli::GenerateArgs;

/// Paragraphs per article and words per paragraph.
const PARAGRAPHS: usize = 8;
const WORDS: usize = 100;
const FILLERS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "by",
];

/// A small deterministic random generator (`SplitMix64`).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// A skewed pick in `0..n`: small numbers far more often (roughly Zipf).
    fn skewed(&mut self, n: usize) -> usize {
        let r = self.below(n) + 1;
        self.below(r)
    }
}

/// Writes `args.articles` articles under `args.dir`, in folders of 1,000.
pub fn write(args: &GenerateArgs) -> std::io::Result<()> {
    let mut rng = Rng(args.seed);
    let vocabulary: Vec<String> = (0..20_000).map(|_| invented_word(&mut rng)).collect();
    let pool: Vec<String> = (0..(args.articles / 10).max(2))
        .map(|_| paragraph(&mut rng, &vocabulary))
        .collect();
    for i in 0..args.articles {
        let folder = args.dir.join(format!("{:03}", i / 1000));
        fs::create_dir_all(&folder)?;
        let text = article(&mut rng, &vocabulary, &pool, i);
        fs::write(folder.join(format!("article-{i:06}.txt")), text)?;
    }
    Ok(())
}

fn article(rng: &mut Rng, vocabulary: &[String], pool: &[String], i: usize) -> String {
    let mut paragraphs: Vec<String> = (0..PARAGRAPHS)
        .map(|_| paragraph(rng, vocabulary))
        .collect();
    if i.is_multiple_of(3) {
        for _ in 0..=rng.below(2) {
            let source = rng.skewed(pool.len());
            let copy = edited(rng, &pool[source], vocabulary);
            let at = rng.below(PARAGRAPHS);
            paragraphs[at] = copy;
        }
    }
    if i % 5 == 1 {
        let source = rng.skewed(pool.len());
        let at = rng.below(PARAGRAPHS);
        paragraphs[at] = rewritten(rng, &pool[source], vocabulary);
    }
    format!(
        "Article {i}: {}\n\n{}\n",
        vocabulary[rng.below(vocabulary.len())],
        paragraphs.join("\n\n")
    )
}

fn paragraph(rng: &mut Rng, vocabulary: &[String]) -> String {
    let words: Vec<&str> = (0..WORDS)
        .map(|_| {
            if rng.below(3) == 0 {
                FILLERS[rng.below(FILLERS.len())]
            } else {
                vocabulary[rng.skewed(vocabulary.len())].as_str()
            }
        })
        .collect();
    sentences(&words)
}

/// Joins words into sentences of 10–20 words with capitals and full stops.
fn sentences(words: &[&str]) -> String {
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
fn edited(rng: &mut Rng, text: &str, vocabulary: &[String]) -> String {
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

/// A rewrite of a paragraph: the same words shuffled, one in five replaced, so that it keeps its
/// distinctive words but hardly any run of five.
fn rewritten(rng: &mut Rng, text: &str, vocabulary: &[String]) -> String {
    let mut words: Vec<String> = text
        .split(' ')
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .map(|w| {
            if rng.below(5) == 0 {
                vocabulary[rng.below(vocabulary.len())].clone()
            } else {
                w
            }
        })
        .collect();
    for i in (1..words.len()).rev() {
        words.swap(i, rng.below(i + 1));
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    sentences(&words)
}

fn swap_letters(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    chars.swap(1, 2);
    chars.into_iter().collect()
}

fn invented_word(rng: &mut Rng) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ner", "sta", "vu", "pel", "dor", "an", "tis", "ro", "gue", "bal", "shi",
        "mon", "ter",
    ];
    (0..2 + rng.below(3))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}
