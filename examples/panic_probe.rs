//! Enters the reader's terminal mode, draws, then panics: `tests/e2e_tmux.rs` runs it to check
//! that a panic restores the terminal before the message is printed.

fn main() -> color_eyre::Result<()> {
    color_eyre::install()?;
    let mut session = rehash::terminal::enter(true)?;
    session
        .terminal
        .draw(|frame| frame.render_widget("probe screen", frame.area()))?;
    panic!("probe panic");
}
