//! The terminal interface (ratatui + crossterm), built as The Elm Architecture: `app::update` is a
//! pure state transition returning effects, `runtime` carries them out through the service layer,
//! `render::draw` only draws. Keys come from one binding table (`keymap`).

pub mod app;
pub mod bindings;
pub mod draw;
pub mod execute;
pub mod input;
pub mod keymap;
pub mod keys;
pub mod msg;
pub mod outcome;
pub mod overlays;
pub mod render;
pub mod runtime;
pub mod screen;
pub mod screens;
pub mod text;
pub mod theme;
pub mod update;
pub mod widgets;

use crate::i18n::Lang;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::stdout;
use std::path::PathBuf;

/// How the TUI was asked to start (from the command line, environment and config file).
#[derive(Clone, Debug)]
pub struct TuiOptions {
    pub db_path: PathBuf,
    pub lang: Lang,
    pub ascii: bool,
    pub mono: bool,
}

/// Puts the terminal back as it was: normal screen, cooked mode, no bracketed paste, visible cursor.
/// Safe to call more than once (normal exit and the panic hook).
pub fn restore_terminal() {
    let _ = crossterm::execute!(
        stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Runs the TUI until the person quits. Returns a message for the terminal on failure.
pub fn run(opts: TuiOptions) -> Result<(), String> {
    // NO_COLOR and --theme are resolved by the caller (an explicit --theme wins over NO_COLOR).
    let theme = theme::Theme {
        mono: opts.mono,
        ascii: opts.ascii,
    };
    let first_run = !opts.db_path.exists();

    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        tracing::error!("panic: {info}");
        previous(info);
    }));

    enable_raw_mode().map_err(|e| runtime::startup_error(&e))?;
    if let Err(e) = crossterm::execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste) {
        restore_terminal();
        return Err(runtime::startup_error(&e));
    }
    let result = (|| {
        let backend = ratatui::backend::CrosstermBackend::new(stdout());
        let mut terminal =
            ratatui::Terminal::new(backend).map_err(|e| runtime::startup_error(&e))?;
        runtime::clear(&mut terminal).map_err(|e| runtime::startup_error(&e))?;
        let size = terminal.size().map_err(|e| runtime::startup_error(&e))?;
        let mut app = app::App::new(opts.lang, theme, (size.width, size.height), first_run);
        let (tx, rx) = std::sync::mpsc::channel();
        runtime::spawn_signals(tx.clone());
        runtime::spawn_input(tx.clone());
        tracing::info!(db = %opts.db_path.display(), first_run, "tui started");
        let mut rt = runtime::Runtime::new(opts.db_path.clone(), crate::service::system_clock())
            .with_sender(tx);
        rt.run(&mut terminal, &mut app, &rx)
    })();
    restore_terminal();
    tracing::info!("tui stopped");
    result
}
