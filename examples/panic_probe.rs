//! Enters the reader's terminal mode, draws, then panics: `tests/e2e_tmux.rs` runs it to check
//! that a panic restores the terminal before the message is printed. With `elsewhere`, another
//! thread panics instead, and the probe draws on: the terminal must stay the reader's, and the
//! panic be told after it.

use std::time::Duration;

fn main() -> color_eyre::Result<()> {
    color_eyre::install()?;
    let mut session = rehash::terminal::enter(true)?;
    session
        .terminal
        .draw(|frame| frame.render_widget("probe screen", frame.area()))?;
    if std::env::args().nth(1).as_deref() == Some("elsewhere") {
        let _ = std::thread::spawn(|| panic!("probe panic elsewhere")).join();
        session
            .terminal
            .draw(|frame| frame.render_widget("probe still drawing", frame.area()))?;
        std::thread::sleep(Duration::from_millis(1500));
        drop(session);
        return Ok(());
    }
    panic!("probe panic");
}
