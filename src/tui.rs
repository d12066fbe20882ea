//! The reader's event loop: draw, read input, turn it into actions, update. The only place,
//! with `terminal`, that touches the terminal.

use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGTERM};

use crossterm::event;
use ratatui::DefaultTerminal;

use crate::app::{App, ColorMode, Effect, Scan, Settings};
use crate::config::{ColorChoice, Config};
use crate::corpus::Corpus;
use crate::reuse::Report;
use crate::{terminal, ui};

/// Options of the interactive reader chosen on the command line.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// Draw without colour (as with `NO_COLOR`).
    pub no_color: bool,
    /// Capture the mouse at start (both this and the config's `mouse` must allow it).
    pub mouse: bool,
    /// The loaded config file.
    pub config: Config,
    /// The folder exports go to (the current folder when none).
    pub out: Option<std::path::PathBuf>,
    /// A notice for the status line (where the findings came from), shown unless there are
    /// warnings.
    pub notice: Option<String>,
    /// Where this corpus's place is remembered, and its key there: restored at start (unless
    /// `fresh`) and saved on quitting.
    pub places: Option<(crate::state::Places, String)>,
    /// Start at the library, ignoring the remembered place.
    pub fresh: bool,
    /// The findings given are the last scan's of a corpus that changed since: scan it again
    /// in the background, store the findings there, and show them when they are ready.
    pub rescan: Option<Rescan>,
}

/// A scan the reader runs in the background while it shows the last findings.
#[derive(Debug, Clone)]
pub struct Rescan {
    /// Where the new findings are stored.
    pub cache: crate::cache::Cache,
    /// The corpus's key there.
    pub key: String,
    /// The engine options.
    pub options: crate::reuse::Options,
}

/// What a scan in the background hands the reader: its findings, and what to say.
type Scanned = (Report, String);

/// Runs the reader on an analysed corpus until the user quits, restoring the terminal on every
/// exit path: a panic, and a SIGTERM or SIGHUP (which end the process, exit 128 + the signal). `warnings` (from loading the corpus, already printed on stderr,
/// which the alternate screen hides) show in the status line when the reader opens.
pub fn run(
    corpus: Corpus,
    report: Report,
    options: TuiOptions,
    warnings: &[String],
) -> color_eyre::Result<()> {
    let TuiOptions {
        no_color,
        mouse,
        config,
        out,
        notice,
        places,
        fresh,
        rescan,
    } = options;
    let settings = Settings {
        color: color_mode(no_color || config.color == ColorChoice::Never),
        mouse: mouse && config.mouse,
        sync_scroll: config.sync_scroll,
    };
    let mut app = App::new(corpus, report, settings);
    app.set_keys(config.keymap.clone());
    // Without colour there is no palette to choose: the terminal is not asked.
    let monochrome = settings.color == ColorMode::Monochrome;
    app.set_palette(crate::app::Palette {
        shade: if monochrome {
            crate::app::Shade::Light
        } else {
            shade(config.theme)
        },
        overrides: config.color_overrides,
    });
    let (place, place_notice) = match &places {
        Some((places, key)) if !fresh => places.load(key),
        _ => (None, None),
    };
    if let Some(text) = &place_notice {
        eprintln!("rehash: {}", crate::text::printable(text));
    }
    let notices: Vec<String> = notice.into_iter().chain(place_notice).collect();
    if !notices.is_empty() {
        app.show_notice(&notices.join(" · "));
    }
    app.show_warnings(warnings);
    let latest: LatestPlace = Arc::new(Mutex::new(None));
    watch_signals(places.clone(), Arc::clone(&latest))?;
    let mut scan = match rescan {
        Some(rescan) => {
            app.set_scan(Scan::Running);
            Some(Behind {
                receiver: scan_in_background(app.shared_corpus(), rescan)?,
                ready: None,
            })
        }
        None => None,
    };
    let mut session = terminal::enter(app.mouse())?;
    let result = event_loop(
        &mut session.terminal,
        &mut app,
        out.as_deref(),
        (place.as_ref(), &latest),
        &mut scan,
    );
    drop(session);
    // A scan that ended stored its findings, though they were not shown.
    if let Some(Behind { ready: None, .. }) = &scan {
        terminal::say("the scan behind the reader was stopped: the next open scans again");
    }
    // Also when the loop failed (a terminal that vanished is no reason to forget the place),
    // then the place after the last input handled, if the loop got that far.
    let last_place = if result.is_ok() {
        Some(app.place())
    } else {
        terminal::lock(&latest).clone()
    };
    if let (Some((places, key)), Some(last_place)) = (&places, last_place)
        && let Err(e) = places.save(key, &last_place)
    {
        terminal::say(&format!("the place in this corpus was not remembered: {e}"));
    }
    result
}

/// The reader's place after the last input it handled, for the signal thread to remember.
type LatestPlace = Arc<Mutex<Option<crate::app::Place>>>;

/// SIGTERM and SIGHUP (a closed terminal window, a killed tmux server) end the reader from a
/// thread of their own, the terminal given back first and the latest place remembered, exit
/// 128 + the signal: the event loop may be waiting on a terminal that is gone, where no key
/// will ever come.
fn watch_signals(
    places: Option<(crate::state::Places, String)>,
    latest: LatestPlace,
) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                terminal::restore();
                // The place first: once staged files are removed, no file may be written.
                let place = terminal::lock(&latest).take();
                if let (Some((places, key)), Some(place)) = (&places, place)
                    && let Err(e) = places.save(key, &place)
                {
                    terminal::say(&format!("the place in this corpus was not remembered: {e}"));
                }
                crate::files::remove_staged();
                terminal::say(&format!("stopped by signal {signal}"));
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// The palette's shade: as the config says, or after the terminal's background when it
/// answers (quickly) the query for it; light when it does not.
fn shade(choice: crate::config::ThemeChoice) -> crate::app::Shade {
    use crate::app::Shade;
    use crate::config::ThemeChoice;
    match choice {
        ThemeChoice::Dark => Shade::Dark,
        ThemeChoice::Light => Shade::Light,
        ThemeChoice::Auto => {
            let mut query = terminal_colorsaurus::QueryOptions::default();
            query.timeout = Duration::from_millis(300);
            match terminal_colorsaurus::theme_mode(query) {
                Ok(terminal_colorsaurus::ThemeMode::Dark) => Shade::Dark,
                Ok(terminal_colorsaurus::ThemeMode::Light) | Err(_) => Shade::Light,
            }
        }
    }
}

/// The colour depth: none if asked for (`--no-color`, config) or `NO_COLOR` is set, else
/// truecolour if `COLORTERM` says so, else 256 colours.
fn color_mode(no_color: bool) -> ColorMode {
    if no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return ColorMode::Monochrome;
    }
    match std::env::var("COLORTERM").as_deref() {
        Ok("truecolor" | "24bit") => ColorMode::TrueColor,
        _ => ColorMode::Indexed,
    }
}

/// Scans `corpus` again on a thread of its own and stores the findings; the receiver gets them
/// (none if the scan failed).
fn scan_in_background(
    corpus: Arc<Corpus>,
    rescan: Rescan,
) -> std::io::Result<mpsc::Receiver<Scanned>> {
    let (send, receive) = mpsc::channel();
    std::thread::Builder::new()
        .name("rescan".into())
        .spawn(move || {
            let Rescan {
                cache,
                key,
                options,
            } = rescan;
            let scanned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::reuse::find_reuse(&corpus, &options)
            }));
            // A panic is said after the reader; the receiver hears nothing.
            let Ok(report) = scanned else { return };
            let said = match cache.store(&key, &corpus, &options, &report) {
                Ok(()) => format!(
                    "scan done: the findings of all {} are shown",
                    crate::text::count(corpus.len(), "article")
                ),
                Err(e) => format!(
                    "scan done, but the results cache was not written ({}: {e})",
                    cache.dir().display()
                ),
            };
            // The reader may have quit meanwhile: nobody to tell.
            let _ = send.send((report, said));
        })?;
    Ok(receive)
}

/// A scan behind the reader: where its findings come, and those come already, waiting.
struct Behind {
    receiver: mpsc::Receiver<Scanned>,
    ready: Option<Scanned>,
}

/// The next input; while a scan runs behind the reader, none when the scan ends first. Its
/// findings then take the place of the last ones at once, or once the reader holds nothing
/// they would lose ([`App::takes_new_findings`]).
fn next_event(
    app: &mut App,
    pending: &mut Option<Behind>,
) -> std::io::Result<Option<event::Event>> {
    let Some(behind) = pending else {
        return event::read().map(Some);
    };
    loop {
        if event::poll(SCAN_POLL)? {
            return event::read().map(Some);
        }
        if behind.ready.is_some() {
            if !app.takes_new_findings() {
                continue;
            }
            if let Some(Behind {
                ready: Some((report, said)),
                ..
            }) = pending.take()
            {
                app.replace_report(report);
                app.set_scan(Scan::Done);
                app.notify(said);
            }
            return Ok(None);
        }
        match behind.receiver.try_recv() {
            Err(mpsc::TryRecvError::Empty) => {}
            Ok(scanned) => {
                behind.ready = Some(scanned);
                app.set_scan(Scan::Ready);
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                app.set_scan(Scan::Done);
                app.notify("the scan stopped before its end: the last findings stay".into());
                *pending = None;
                return Ok(None);
            }
        }
    }
}

/// How often the reader looks whether a scan in the background is done.
const SCAN_POLL: Duration = Duration::from_millis(50);

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    out: Option<&std::path::Path>,
    (place, latest): (Option<&crate::app::Place>, &LatestPlace),
    scan: &mut Option<Behind>,
) -> color_eyre::Result<()> {
    let size = terminal.size()?;
    app.update(crate::app::Action::Resize(size.width, size.height));
    if let Some(place) = place {
        // The notice of the start stays: restoring is not news.
        let message = app.message().map(str::to_owned);
        app.restore(place);
        if let Some(message) = message {
            app.show_notice(&message);
        }
    }
    remember(latest, app);
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        let mut effects = match next_event(app, scan)? {
            Some(event) => handle(app, &event),
            None => Vec::new(),
        };
        // Take what is already queued before drawing again, so fast scrolling never lags.
        while !app.should_quit() && event::poll(Duration::ZERO)? {
            effects.extend(handle(app, &event::read()?));
        }
        remember(latest, app);
        for effect in effects {
            match effect {
                Effect::SetMouse(on) => terminal::set_mouse(on)?,
                Effect::Export {
                    left,
                    right,
                    markdown,
                } => {
                    let said = export(app, (left.0, right.0), markdown, out);
                    app.notify(said);
                }
                Effect::Quit => return Ok(()),
            }
        }
    }
}

/// Keeps the reader's place for the signal thread (computed before the lock is taken).
fn remember(latest: &LatestPlace, app: &App) {
    let place = app.place();
    *terminal::lock(latest) = Some(place);
}

/// Writes a pair to a file in `out`, else the current folder (never beside the articles, unless
/// asked); what to say.
fn export(
    app: &App,
    (left, right): (usize, usize),
    markdown: bool,
    out: Option<&std::path::Path>,
) -> String {
    let (corpus, report) = (app.corpus(), app.report());
    let stem = |doc: usize| {
        let id = &corpus.documents[doc].id;
        let name = std::path::Path::new(id)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(id);
        name.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>()
    };
    let (text, extension) = if markdown {
        (
            crate::scan::pair_markdown(corpus, report, left, right),
            "md",
        )
    } else {
        (crate::scan::pair_html(corpus, report, left, right), "html")
    };
    let name = format!("rehash-{}-{}.{extension}", stem(left), stem(right));
    let path = out.map_or_else(|| std::path::PathBuf::from(&name), |dir| dir.join(&name));
    match crate::scan::write_atomic(&path, text.as_bytes()) {
        Ok(()) => format!("written to {}", path.display()),
        Err(e) => format!("could not write {}: {e}", path.display()),
    }
}

fn handle(app: &mut App, event: &event::Event) -> Vec<Effect> {
    app.keys()
        .action_for(event, app.mode())
        .map_or_else(Vec::new, |action| app.update(action))
}
