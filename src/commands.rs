//! What each command does, between the command line and the core: loading, scanning,
//! progress, and opening the reader.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{Cli, Format, ScanArgs};
use crate::config::Config;
use crate::corpus::{Corpus, demo_corpus};
use crate::reuse::{self, Options, Report};
use crate::scan;
use crate::text::{count, printable};
use crate::tui::TuiOptions;

/// Why a command failed: bad input (exit 2) or a runtime error (exit 1).
#[derive(Debug)]
pub enum Failure {
    /// Bad usage or input: a missing file, an empty folder, a bad threshold.
    Input(String),
    /// Anything else.
    Runtime(color_eyre::Report),
}

impl From<color_eyre::Report> for Failure {
    fn from(e: color_eyre::Report) -> Self {
        Self::Runtime(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Self::Runtime(e.into())
    }
}

/// Makes Ctrl-C (SIGINT) stop a command cleanly: the files it was writing removed, a word on
/// stderr, exit 130. Without it the process would die with its temporary files on disk.
pub fn stop_on_interrupt() {
    let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGINT]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("interrupt".to_owned())
        .spawn(move || {
            if signals.forever().next().is_some() {
                crate::files::remove_staged();
                eprintln!("rehash: interrupted");
                std::process::exit(130);
            }
        });
}

/// Loads the configuration (see [`Config::load`]); a bad file is an input error.
pub fn config(path: Option<&Path>) -> Result<Config, Failure> {
    Config::load(path).map_err(|e| Failure::Input(format!("{e:#}")))
}

/// Loads the paths (the demo corpus when there are none) and the dates file, if any,
/// printing warnings to stderr.
pub fn load(paths: &[PathBuf], input: &crate::cli::InputArgs) -> Result<Corpus, Failure> {
    load_with_warnings(paths, input).map(|(corpus, _)| corpus)
}

/// [`load`], also returning the warnings it printed.
pub fn load_with_warnings(
    paths: &[PathBuf],
    input: &crate::cli::InputArgs,
) -> Result<(Corpus, Vec<String>), Failure> {
    let (dates, follow) = (input.dates.as_deref(), input.follow);
    let (mut corpus, mut warnings) = if paths.is_empty() {
        (demo_corpus(), Vec::new())
    } else {
        let options = crate::corpus::LoadOptions { follow };
        let loaded = crate::corpus::load_paths_with(paths, options)
            .map_err(|e| Failure::Input(e.to_string()))?;
        (loaded.corpus, loaded.warnings)
    };
    if let Some(file) = dates {
        let more =
            crate::corpus::dates::apply_dates_file(&mut corpus, file).map_err(Failure::Input)?;
        warnings.extend(more);
    }
    let mut stderr = std::io::stderr().lock();
    for warning in &warnings {
        let _ = writeln!(stderr, "rehash: warning: {}", printable(warning));
    }
    Ok((corpus, warnings))
}

/// Corpora smaller than this are analysed without progress output.
const QUIET_BELOW: usize = 500;

/// Runs the engine, showing progress on stderr for corpora big enough to wait for.
pub fn analyse(corpus: &Corpus, options: &Options) -> Result<Report, Failure> {
    options.validate().map_err(Failure::Input)?;
    if corpus.len() < QUIET_BELOW {
        return Ok(reuse::find_reuse(corpus, options));
    }
    let stderr_is_terminal = std::io::stderr().is_terminal();
    let bar = ProgressBar::new(reuse::STAGES.len() as u64);
    if stderr_is_terminal {
        bar.set_style(
            ProgressStyle::with_template("{elapsed:>4} [{bar:24}] {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
    }
    let docs = corpus.len();
    let report = reuse::find_reuse_with_progress(corpus, options, &|stage| {
        if stderr_is_terminal {
            let done = reuse::STAGES
                .iter()
                .position(|s| *s == stage)
                .unwrap_or_default();
            bar.set_position(done as u64);
            bar.set_message(format!("{docs} documents: {stage}"));
        } else {
            eprintln!("rehash: {docs} documents: {stage}");
        }
    });
    bar.finish_and_clear();
    Ok(report)
}

/// The report of the corpus: passim's results read from `passim_out`, else the engine's.
pub fn findings(
    corpus: &Corpus,
    options: &Options,
    passim_out: Option<&Path>,
) -> Result<(Report, Vec<String>), Failure> {
    let Some(dir) = passim_out else {
        return Ok((analyse(corpus, options)?, Vec::new()));
    };
    // The engine analyses the documents in parallel; passim's alignment needs them too.
    corpus.analyse();
    let imported = crate::passim::import(corpus, dir).map_err(Failure::Input)?;
    let warnings = imported.warnings();
    let mut stderr = std::io::stderr().lock();
    let counts = &imported.counts;
    let _ = writeln!(
        stderr,
        "rehash: passim: {} of {} read from {}: {}",
        crate::text::count(counts.used, "record"),
        counts.records,
        crate::text::count(counts.files, "file"),
        crate::text::count(counts.passages, "passage")
    );
    for warning in &warnings {
        let _ = writeln!(stderr, "rehash: warning: {}", printable(warning));
    }
    Ok((imported.report, warnings))
}

/// `rehash export --passim`: the corpus as JSON lines on stdout.
pub fn export(args: &crate::cli::ExportArgs) -> Result<(), Failure> {
    let corpus = load(&args.paths, &args.input)?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = crate::passim::export(&corpus, args.series.as_deref(), &mut stdout)
        .and_then(|()| stdout.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `rehash scan`: prints the findings on stdout.
pub fn scan(args: &ScanArgs, base: &Options) -> Result<(), Failure> {
    let options = args.engine.apply(base);
    let corpus = load(&args.paths, &args.input)?;
    let (report, _) = findings(&corpus, &options, args.passim_out.as_deref())?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        Format::Json | Format::Text => {
            let json = args.format == Format::Json;
            match args.out.as_deref() {
                Some(file) => {
                    let mut bytes = Vec::new();
                    write_listing(&mut bytes, json, (&corpus, &report), &options)?;
                    scan::write_atomic(file, &bytes)
                        .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
                    eprintln!("rehash: findings written to {}", file.display());
                    Ok(())
                }
                None => write_listing(&mut stdout, json, (&corpus, &report), &options),
            }
        }
        Format::PanXml => {
            let Some(dir) = args.out.as_deref() else {
                return Err(Failure::Input(
                    "--format pan-xml writes one file per pair: name their folder with --out DIR"
                        .to_owned(),
                ));
            };
            let written = scan::write_pan_xml(dir, &corpus, &report)
                .map_err(|e| Failure::Input(format!("{}: {e}", dir.display())))?;
            eprintln!(
                "rehash: {} written to {}",
                count(written, "PAN XML file"),
                dir.display()
            );
            Ok(())
        }
        Format::Html => {
            let file = args
                .out
                .clone()
                .unwrap_or_else(|| PathBuf::from("rehash-report.html"));
            let html = scan::corpus_html(&corpus, &report);
            scan::write_atomic(&file, html.as_bytes())
                .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
            eprintln!("rehash: report written to {}", file.display());
            Ok(())
        }
    };
    let flushed = written.and_then(|()| stdout.flush());
    // Freeing a corpus's many allocations one by one takes a while, and nobody need wait for
    // it: from the command line the process is about to end; a caller in a longer process
    // gets its memory back a moment later. (Should no thread start, they are freed here.)
    let free = move || drop((corpus, report));
    let _ = std::thread::Builder::new().spawn(free);
    match flushed {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Writes the findings as JSON, else as the text summary.
fn write_listing(
    out: &mut impl Write,
    json: bool,
    (corpus, report): (&Corpus, &Report),
    options: &Options,
) -> std::io::Result<()> {
    if json {
        scan::write_json(&mut *out, corpus, report, options).and_then(|()| writeln!(out))
    } else {
        write!(out, "{}", scan::to_text(corpus, report))
    }
}

/// Opens the interactive reader on the given paths (the demo corpus when none).
pub fn read(cli: &Cli) -> Result<(), Failure> {
    let config = config(cli.config.as_deref())?;
    let options = cli.engine.apply(&config.engine);
    let (corpus, warnings) = load_with_warnings(&cli.paths, &cli.input)?;
    if !std::io::stdout().is_terminal() {
        return Err(Failure::Input(
            "stdout is not a terminal: use `rehash scan` to print the findings".into(),
        ));
    }
    let key = crate::cache::corpus_key(&cli.paths, &corpus);
    let places =
        crate::state::default_dir().map(|dir| (crate::state::Places::new(dir), key.clone()));
    let (opening, more) = if cli.passim_out.is_some() || cli.no_cache {
        let (report, more) = findings(&corpus, &options, cli.passim_out.as_deref())?;
        let opening = Opening {
            report,
            notice: None,
            rescan: None,
        };
        (opening, more)
    } else {
        let limit = config.cache_limit_mb.saturating_mul(1024 * 1024);
        let opening = match crate::cache::default_dir() {
            Some(dir) => {
                let cache = crate::cache::Cache::new(dir, limit);
                opening_findings(&cache, &key, &corpus, &options)?
            }
            None => Opening {
                report: analyse(&corpus, &options)?,
                notice: None,
                rescan: None,
            },
        };
        (opening, Vec::new())
    };
    let Opening {
        report,
        notice,
        rescan,
    } = opening;
    let mut warnings: Vec<String> = warnings.into_iter().chain(more).collect();
    let keys = config
        .key_errors
        .iter()
        .map(|e| (e, "the default keys are in use"));
    let colors = config.color_errors.iter().map(|e| (e, "left out"));
    for (error, outcome) in keys.chain(colors) {
        let text = format!("config: {error}; {outcome}");
        eprintln!("rehash: warning: {}", printable(&text));
        warnings.push(text);
    }
    let tui = TuiOptions {
        no_color: cli.no_color,
        mouse: !cli.no_mouse,
        config,
        out: cli.out.clone(),
        notice,
        places,
        fresh: cli.fresh,
        rescan,
    };
    crate::tui::run(corpus, report, tui, &warnings).map_err(Failure::Runtime)
}

/// What a hit in the results cache says.
const FROM_CACHE: &str = "findings read from the results cache (--no-cache scans again)";

/// The engine's findings for the corpus known as `key` (see [`crate::cache::corpus_key`]):
/// from `cache` when it holds them for these texts and options, else from a scan, then
/// stored. Returns a one-line notice of what happened (also printed on stderr) when there is
/// something to say.
pub fn cached_findings(
    cache: &crate::cache::Cache,
    key: &str,
    corpus: &Corpus,
    options: &Options,
) -> Result<(Report, Option<String>), Failure> {
    options.validate().map_err(Failure::Input)?;
    match cache.lookup(key, corpus, options) {
        Ok(report) => Ok((report, Some(FROM_CACHE.to_owned()))),
        Err(miss) => scan_and_store(cache, key, corpus, options, &miss),
    }
}

/// The findings the reader opens on, what to say of them, and the scan to run behind them.
#[derive(Debug)]
pub struct Opening {
    /// The findings shown first.
    pub report: Report,
    /// A one-line notice of where they came from.
    pub notice: Option<String>,
    /// When they are the last scan's of a corpus that changed since: the scan that replaces
    /// them.
    pub rescan: Option<crate::tui::Rescan>,
}

/// As [`cached_findings`], but when most articles are as they were at the last scan, their
/// last findings (none touching an added, changed or removed article) with the scan to run
/// in the background, so that the reader opens at once.
pub fn opening_findings(
    cache: &crate::cache::Cache,
    key: &str,
    corpus: &Corpus,
    options: &Options,
) -> Result<Opening, Failure> {
    use crate::cache::Lookup;
    options.validate().map_err(Failure::Input)?;
    let miss = match cache.lookup_or_previous(key, corpus, options) {
        Lookup::Hit(report) => {
            return Ok(Opening {
                report,
                notice: Some(FROM_CACHE.to_owned()),
                rescan: None,
            });
        }
        Lookup::Previous { report, miss } => {
            let notice = miss.notice_while_scanning();
            eprintln!("rehash: {notice}");
            let rescan = crate::tui::Rescan {
                cache: cache.clone(),
                key: key.to_owned(),
                options: options.clone(),
            };
            return Ok(Opening {
                report,
                notice: Some(notice),
                rescan: Some(rescan),
            });
        }
        Lookup::Miss(miss) => miss,
    };
    let (report, notice) = scan_and_store(cache, key, corpus, options, &miss)?;
    Ok(Opening {
        report,
        notice,
        rescan: None,
    })
}

/// Scans `corpus` after `miss` (said on stderr), then stores the findings in `cache`.
fn scan_and_store(
    cache: &crate::cache::Cache,
    key: &str,
    corpus: &Corpus,
    options: &Options,
    miss: &crate::cache::Miss,
) -> Result<(Report, Option<String>), Failure> {
    let mut notice = miss.notice();
    if let Some(text) = &notice {
        eprintln!("rehash: {text}");
    }
    let report = analyse(corpus, options)?;
    if let Err(e) = cache.store(key, corpus, options, &report) {
        let text = format!(
            "results cache not written ({}: {e}); the reader works without it",
            cache.dir().display()
        );
        eprintln!("rehash: {}", printable(&text));
        notice = Some(text);
    }
    Ok((report, notice))
}

/// `rehash cache`: empties the results cache, or prints its folder.
pub fn cache(args: &crate::cli::CacheArgs) -> Result<(), Failure> {
    let Some(dir) = crate::cache::default_dir() else {
        return Err(Failure::Input("no cache folder on this system".into()));
    };
    if args.path {
        println!("{}", dir.display());
        return Ok(());
    }
    let removed =
        crate::cache::clear(&dir).map_err(|e| Failure::Input(format!("{}: {e}", dir.display())))?;
    eprintln!(
        "rehash: {} removed from {}",
        count(removed, "cached result"),
        dir.display()
    );
    Ok(())
}

/// `rehash config`: prints where the configuration is looked for, or a commented default one.
pub fn show_config(args: &crate::cli::ConfigArgs, explicit: Option<&Path>) -> Result<(), Failure> {
    if args.default {
        print!("{}", crate::config::default_text());
        return Ok(());
    }
    match crate::config::path_looked_for(explicit) {
        Some(path) => println!("{}", path.display()),
        None => {
            return Err(Failure::Input(
                "no configuration folder on this system".into(),
            ));
        }
    }
    Ok(())
}
