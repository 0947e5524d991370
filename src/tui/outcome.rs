//! What screens receive and decide: inputs, their environment, navigation and messages.

use crate::domain::account::{Action, Target, authorize};
use crate::i18n::{Lang, Text};
use crate::tui::app::Screen;
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::{Effect, SessionInfo};
use crate::tui::overlays::Overlay;

/// How serious a message-row text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Progress,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub level: Level,
    pub text: Text,
}

impl Message {
    pub fn info(text: impl Into<Text>) -> Message {
        Message {
            level: Level::Info,
            text: text.into(),
        }
    }
    pub fn progress(text: impl Into<Text>) -> Message {
        Message {
            level: Level::Progress,
            text: text.into(),
        }
    }
    pub fn warning(text: impl Into<Text>) -> Message {
        Message {
            level: Level::Warning,
            text: text.into(),
        }
    }
    pub fn error(text: impl Into<Text>) -> Message {
        Message {
            level: Level::Error,
            text: text.into(),
        }
    }
}

/// Whether a command is offered to this person: their roles permit it, and commands about a session
/// need one. The palette, the help and the footer all ask this.
pub fn offered(session: Option<&SessionInfo>, cmd: Cmd) -> bool {
    let may = |a: Action| session.is_some_and(|s| authorize(&s.actor, a, Target::any()).is_ok());
    cmd.needs().is_none_or(may)
        && (session.is_some()
            || !matches!(
                cmd,
                Cmd::GoHome | Cmd::GoList | Cmd::Lock | Cmd::Logout | Cmd::New
            ))
}

/// What a screen receives: a command from the binding table, a key that types, or pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Cmd(Cmd),
    Key(Key),
    Paste(String),
}

/// What screens may read and the request counter they draw ids from.
pub struct Env<'a> {
    pub lang: Lang,
    pub session: Option<&'a SessionInfo>,
    pub size: (u16, u16),
    pub next_req: &'a mut u64,
}

impl Env<'_> {
    pub fn req(&mut self) -> u64 {
        *self.next_req += 1;
        *self.next_req
    }

    /// Whether the person's roles permit an action at all (the service checks scope and refuses too).
    pub fn may(&self, action: Action) -> bool {
        self.session
            .is_some_and(|s| authorize(&s.actor, action, Target::any()).is_ok())
    }

    /// Rows of a list page at the current size: the body less the search line and the header.
    pub fn list_rows(&self) -> usize {
        usize::from(self.size.1.max(24)).saturating_sub(5).max(1)
    }
}

/// A change of screen asked for by a handler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Nav {
    Push(Screen),
    Pop,
    Replace(Screen),
    Open(Overlay),
}

/// What a handler decided.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Out {
    pub effects: Vec<Effect>,
    pub nav: Vec<Nav>,
    pub message: Option<Message>,
}

impl Out {
    pub fn effect(e: Effect) -> Out {
        Out {
            effects: vec![e],
            ..Out::default()
        }
    }
    pub fn nav(n: Nav) -> Out {
        Out {
            nav: vec![n],
            ..Out::default()
        }
    }
    pub fn message(m: Message) -> Out {
        Out {
            message: Some(m),
            ..Out::default()
        }
    }
    pub fn with_effect(mut self, e: Effect) -> Out {
        self.effects.push(e);
        self
    }
    pub fn with_message(mut self, m: Message) -> Out {
        self.message = Some(m);
        self
    }
}
