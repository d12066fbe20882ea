//! Entering and leaving the full-screen terminal: what `ratatui::init` does, plus mouse
//! capture, a cursor restore and a panic hook that restores exactly once.

use std::io::stdout;
use std::panic;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::ThreadId;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::{cursor, execute};
use ratatui::DefaultTerminal;

/// Whether the terminal is in the reader's mode and still needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The thread that draws the reader: a panic anywhere else (a scan behind the reader) leaves
/// the terminal to it.
static DRAWING: Mutex<Option<ThreadId>> = Mutex::new(None);

/// What panics on other threads said while the reader held the terminal.
static ELSEWHERE: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The terminal in raw mode on the alternate screen; restores it when dropped.
pub struct Session {
    /// The terminal to draw on.
    pub terminal: DefaultTerminal,
}

/// Switches the terminal to raw mode and the alternate screen, with mouse capture if `mouse`,
/// and installs a panic hook that restores it before the previous hook reports the panic.
pub fn enter(mouse: bool) -> std::io::Result<Session> {
    let previous = panic::take_hook();
    let terminal = ratatui::try_init();
    drop(panic::take_hook()); // ratatui's own hook: ours below restores once, then reports.
    *lock(&DRAWING) = Some(std::thread::current().id());
    panic::set_hook(Box::new(move |info| {
        let drawing = *lock(&DRAWING);
        if ACTIVE.load(Ordering::SeqCst) && drawing != Some(std::thread::current().id()) {
            // Printed now, it would land on the reader's screen; it is said after it.
            lock(&ELSEWHERE).push(info.to_string());
            return;
        }
        restore();
        previous(info);
    }));
    ACTIVE.store(true, Ordering::SeqCst);
    let session = Session {
        terminal: terminal.inspect_err(|_| restore())?,
    };
    set_mouse(mouse)?;
    Ok(session)
}

/// `mutex` locked, even if a thread panicked holding it: what it guards stays usable.
pub fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Turns mouse capture on or off.
pub fn set_mouse(on: bool) -> std::io::Result<()> {
    if on {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    }
}

/// Writes `rehash: message` to standard error, if it still takes it: `eprintln!` panics when
/// the terminal has gone, and a reader ending for that reason must still remember its place
/// and exit with a code that says why.
pub fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "rehash: {message}");
}

/// Gives the terminal back: mouse capture off, raw mode off, main screen, cursor shown. Does
/// nothing the second time.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(stdout(), DisableMouseCapture);
        // Not `ratatui::restore`: it prints its error, and printing to a terminal that is gone
        // panics, before the place could be remembered.
        let _ = ratatui::try_restore();
        let _ = execute!(stdout(), cursor::Show);
    }
}

impl Drop for Session {
    /// Restores the terminal, then says what panicked on other threads meanwhile (a scan
    /// behind the reader; a worker of the reader's, whose panic it is unwinding from now).
    fn drop(&mut self) {
        restore();
        for panic in std::mem::take(&mut *lock(&ELSEWHERE)) {
            // A panic's message may quote an article's text.
            say(&crate::text::printable(&format!("a thread {panic}")));
        }
    }
}
