//! Entering and leaving the full-screen terminal: what `ratatui::init` does, plus mouse
//! capture, a cursor restore and a panic hook that restores exactly once.

use std::io::stdout;
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::{cursor, execute};
use ratatui::DefaultTerminal;

/// Whether the terminal is in the reader's mode and still needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

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
    panic::set_hook(Box::new(move |info| {
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
    fn drop(&mut self) {
        restore();
    }
}
