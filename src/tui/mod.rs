//! The terminal interface (ratatui + crossterm). PLACEHOLDER: replaced by the TUI work.

use crate::i18n::Lang;
use std::path::PathBuf;

/// How the TUI was asked to start (from the command line, environment and config file).
#[derive(Clone, Debug)]
pub struct TuiOptions {
    pub db_path: PathBuf,
    pub lang: Lang,
    pub ascii: bool,
    pub mono: bool,
}

/// Runs the TUI until the person quits. Returns a message for the terminal on failure.
pub fn run(_opts: TuiOptions) -> Result<(), String> {
    Err("TUI not built yet".to_string())
}
