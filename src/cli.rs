//! The command line: `rehash [PATH...]` opens the reader, `rehash scan PATH...` prints findings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::reuse::Options;

const EXAMPLES: &str = "\
Examples:
  rehash                          open the embedded demo corpus
  rehash articles/                every article in a folder (recursively)
  rehash a.txt b.txt              compare two articles side by side
  rehash corpus.jsonl             JSON lines with \"id\" and \"text\" fields (passim's input)
  rehash scan articles/ --format json > reuse.json
  rehash scan a.txt b.txt --format text --min-words 8
  rehash export --passim articles/ > corpus.jsonl     for passim on Spark
  rehash --passim-out passim-out/ articles/           read passim's results

Exit codes: 0 ok, 1 runtime error, 2 usage or input error.";

/// rehash: find the passages a set of articles share and read them side by side.
#[derive(Debug, Parser)]
#[command(name = "rehash", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
#[allow(clippy::struct_excessive_bools)] // command-line switches are bools by nature
pub struct Cli {
    /// What to do (default: open the interactive reader).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files and folders of articles (.txt, .md, .text, extension-less text, .html web pages,
    /// .docx, .pdf, .jsonl/.json lines; - for standard input).
    /// With none, the embedded demo corpus opens.
    pub paths: Vec<PathBuf>,
    /// Show highlights without colour (also when `NO_COLOR` is set).
    #[arg(long)]
    pub no_color: bool,
    /// Do not capture the mouse, so the terminal's own selection and copy work.
    #[arg(long)]
    pub no_mouse: bool,
    /// Read the configuration from this TOML file.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// How the articles are read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Read passim's results from this folder (its `part-*` files) instead of running the
    /// engine.
    #[arg(long, value_name = "DIR")]
    pub passim_out: Option<PathBuf>,
    /// The folder the reader's exports (`e`, `M`) go to (default: the current folder).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Scan the corpus even if the results cache holds its findings (and do not store them).
    #[arg(long)]
    pub no_cache: bool,
    /// Open at the library, ignoring the place remembered for this corpus.
    #[arg(long)]
    pub fresh: bool,
    /// Engine thresholds.
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Arguments of `rehash cache`.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct CacheArgs {
    /// Remove every cached result.
    #[arg(long)]
    pub clear: bool,
    /// Print the cache folder.
    #[arg(long)]
    pub path: bool,
}

/// Arguments of `rehash config`.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct ConfigArgs {
    /// Print where the configuration file is looked for.
    #[arg(long)]
    pub path: bool,
    /// Print a commented configuration with every default, to start one from.
    #[arg(long)]
    pub default: bool,
}

/// How articles are read, for every command that reads them.
#[derive(Debug, Default, Args)]
pub struct InputArgs {
    /// Publication dates from a CSV file of `id,date` lines (ids or file names).
    #[arg(long, value_name = "FILE.csv")]
    pub dates: Option<PathBuf>,
    /// Follow symbolic links inside folders.
    #[arg(long)]
    pub follow: bool,
}

/// Arguments of `rehash export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Files and folders of articles (none: the embedded demo corpus).
    pub paths: Vec<PathBuf>,
    /// Write the corpus as JSON lines passim reads (`id`, `series`, `title`, `date`, `text`).
    #[arg(long, required = true)]
    pub passim: bool,
    /// The series of every document (default: its folder, or its `series` field).
    #[arg(long, value_name = "NAME")]
    pub series: Option<String>,
    /// How the articles are read.
    #[command(flatten)]
    pub input: InputArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find shared passages and print them (no interactive reader).
    Scan(ScanArgs),
    /// Write the corpus for another engine (`--passim`: JSON lines for passim on Spark).
    Export(ExportArgs),
    /// Empty the results cache (`--clear`), or print where it is (`--path`).
    Cache(CacheArgs),
    /// Print where the configuration file is looked for (`--path`), or a default one
    /// (`--default`).
    Config(ConfigArgs),
    /// Write a synthetic corpus with planted reuse, for benchmarks.
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// Arguments of `rehash scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files and folders of articles (none: the embedded demo corpus).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// How the articles are read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Read passim's results from this folder (its `part-*` files) instead of running the
    /// engine.
    #[arg(long, value_name = "DIR")]
    pub passim_out: Option<PathBuf>,
    /// Where the findings go: a file for `json`, `text` (instead of standard output) and
    /// `html`, a folder for `pan-xml`.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Engine thresholds.
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Output formats of `scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object (documented in the README).
    Json,
    /// A readable summary: document pairs ranked by shared words, with excerpts.
    Text,
    /// PAN's detection format: one XML file per pair, into the folder `--out` names.
    PanXml,
    /// A self-contained HTML report of the corpus, into the file `--out` names
    /// (default: rehash-report.html).
    Html,
}

/// Arguments of the hidden `generate` subcommand.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Folder to write the articles into (created if missing).
    pub dir: PathBuf,
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    pub articles: usize,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Where to write the ground truth (the planted spans) as JSON.
    #[arg(long, value_name = "FILE")]
    pub truth: Option<PathBuf>,
}

/// Engine thresholds that override the configuration's.
#[derive(Debug, Default, Args)]
pub struct EngineArgs {
    /// Words per seed n-gram [default: 5].
    #[arg(long, value_name = "N")]
    pub ngram: Option<usize>,
    /// Shortest verbatim or near passage, in words [default: 10].
    #[arg(long, value_name = "N")]
    pub min_words: Option<usize>,
    /// Ignore seeds found in more documents than this [default: 100].
    #[arg(long, value_name = "N")]
    pub max_df: Option<usize>,
    /// Lowest share of equal words for a near-verbatim passage, 0..1 [default: 0.5].
    #[arg(long, value_name = "X")]
    pub min_similarity: Option<f64>,
    /// Lowest distinctive-word score for a rewritten paragraph, 0..1 [default: 0.2].
    #[arg(long, value_name = "X")]
    pub min_rewrite_score: Option<f64>,
    /// Text in this share of one outlet's (series') articles is boilerplate, 0..1 [default: 0.03].
    #[arg(long, value_name = "X")]
    pub series_share: Option<f64>,
    /// Fewest articles text must be in to be boilerplate [default: 8].
    #[arg(long, value_name = "N")]
    pub boilerplate_min_docs: Option<usize>,
    /// Fewest of one outlet's articles a short stock phrase must be in to be boilerplate
    /// [default: 6].
    #[arg(long, value_name = "N")]
    pub stock_min_docs: Option<usize>,
    /// Two articles linked by one passage only, with fewer words of evidence than this (equal
    /// words if near, half if rewritten), are the same story; 0 turns it off [default: 20].
    #[arg(long, value_name = "N")]
    pub lone_min_words: Option<usize>,
}

impl EngineArgs {
    /// `base` with every threshold given on the command line replaced.
    pub fn apply(&self, base: &Options) -> Options {
        let mut options = base.clone();
        let set = |slot: &mut usize, value: Option<usize>| *slot = value.unwrap_or(*slot);
        set(&mut options.ngram, self.ngram);
        set(&mut options.min_words, self.min_words);
        set(&mut options.max_df, self.max_df);
        options.min_similarity = self.min_similarity.unwrap_or(options.min_similarity);
        options.min_rewrite_score = self.min_rewrite_score.unwrap_or(options.min_rewrite_score);
        options.series_share = self.series_share.unwrap_or(options.series_share);
        set(&mut options.boilerplate_min_docs, self.boilerplate_min_docs);
        set(&mut options.stock_min_docs, self.stock_min_docs);
        set(&mut options.lone_min_words, self.lone_min_words);
        options
    }
}
