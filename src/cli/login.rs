//! Passwords on the command line, never as arguments (they would show in `ps` and shell history):
//! the `--as` user's password from `ECOCASE_PASSWORD`, else the first line of standard input; a new
//! password (`--password-stdin`) from the next line. On a terminal both are asked for without echo.

use crate::cli::{CliError, Context};
use ecocase::i18n::{T, Text};
use ecocase::service::account::auth;
use ecocase::service::{Session, system_clock};
use std::io::{BufRead, IsTerminal, Write};

/// Reads secrets in order from the environment and standard input.
pub struct Secrets {
    env_password: Option<String>,
    interactive: bool,
}

impl Secrets {
    pub fn new(env_password: Option<String>) -> Secrets {
        Secrets {
            env_password,
            interactive: std::io::stdin().is_terminal(),
        }
    }

    /// The next line of standard input, without its line end; `None` at end of input.
    fn next_line(&mut self) -> Option<String> {
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_string()),
        }
    }

    /// The password of the `--as` user.
    fn actor_password(&mut self, ctx: &Context, username: &str) -> Result<String, CliError> {
        if let Some(p) = self.env_password.clone() {
            return Ok(p);
        }
        let lang = ctx.lang;
        let secret = if self.interactive {
            let prompt = Text::new(T::CliPasswordPrompt)
                .arg("user", username)
                .render(lang);
            read_hidden(&prompt, lang)?
        } else {
            self.next_line()
        };
        secret.ok_or_else(|| CliError::usage(T::CliNoPassword.get(lang)))
    }

    /// A new password for `--password-stdin`: the next line of input, or asked twice on a terminal.
    pub fn new_password(&mut self, ctx: &Context) -> Result<String, CliError> {
        let lang = ctx.lang;
        let password = if self.interactive {
            let first = read_hidden(T::CliNewPasswordPrompt.get(lang), lang)?;
            let again = read_hidden(T::CliRepeatPasswordPrompt.get(lang), lang)?;
            if first != again {
                return Err(CliError::usage(T::CliPasswordMismatch.get(lang)));
            }
            first
        } else {
            self.next_line()
        };
        match password {
            Some(p) if !p.is_empty() => Ok(p),
            Some(_) => Err(CliError::usage(T::CliPasswordEmpty.get(lang))),
            None => Err(CliError::usage(T::CliNoNewPassword.get(lang))),
        }
    }

    /// Logs `username` in through the service layer, so lockout and audit apply as in the TUI.
    pub fn login(&mut self, ctx: &Context, username: &str) -> Result<Session, CliError> {
        // A missing database is reported before asking for a password that could not be checked.
        if !ctx.db.exists() {
            return Err(CliError::store(
                ecocase::store::db::StoreError::Missing(ctx.db.clone()),
                ctx.lang,
            ));
        }
        let password = self.actor_password(ctx, username)?;
        let s = auth::login_path(&ctx.db, username, &password, system_clock())
            .map_err(|e| ctx.fail(e))?;
        if s.must_change_password() {
            crate::cli::output::warn(&format!(
                "{} (ecocase user passwd {} --password-stdin --as {})",
                T::MsgPasswordMustChange.get(ctx.lang),
                s.actor().username,
                s.actor().username
            ));
        }
        Ok(s)
    }
}

/// Reads a line from the terminal without echoing it. `None` when input ends (Ctrl-D).
fn read_hidden(prompt: &str, lang: ecocase::i18n::Lang) -> Result<Option<String>, CliError> {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
    use crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    let mut err = std::io::stderr();
    let _ = write!(err, "{prompt}");
    let _ = err.flush();
    let raw = |e: std::io::Error| CliError::usage(format!("{}: {e}", T::CliNoPassword.get(lang)));
    enable_raw_mode().map_err(raw)?;
    let mut secret = String::new();
    let outcome = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(Some(secret)),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(CliError::usage(T::CliCancelled.get(lang)));
                }
                KeyCode::Char('d') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Ok(None);
                }
                KeyCode::Backspace => {
                    secret.pop();
                }
                KeyCode::Char(c) => secret.push(c),
                _ => {}
            },
            Ok(Event::Paste(text)) => secret.push_str(text.trim_end_matches(['\r', '\n'])),
            Ok(_) => {}
            Err(e) => break Err(raw(e)),
        }
    };
    let _ = disable_raw_mode();
    let _ = writeln!(err);
    outcome
}
