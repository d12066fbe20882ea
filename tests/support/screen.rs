//! What a reader draws, read back as text: for the checks of a line on a `TestBackend`.

use rehash::app::App;

/// Row `y` of `app` drawn on a `width` × `height` screen, as text.
pub fn line(app: &App, (width, height): (u16, u16), y: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("a test terminal");
    terminal
        .draw(|frame| rehash::ui::render(app, frame))
        .expect("drawn");
    (0..width)
        .map(|x| terminal.backend().buffer()[(x, y)].symbol().to_owned())
        .collect()
}
