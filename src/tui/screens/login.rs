//! The login screen and the idle lock (the same password check, with the session kept behind it).

use crate::i18n::{T, Text};
use crate::tui::app::{Input, Message, Out};
use crate::tui::input::TextInput;
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::{edit_text, paste_into};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginState {
    pub username: TextInput,
    pub password: TextInput,
    /// 0: username, 1: password.
    pub focus: usize,
    pub busy: bool,
    /// Lines shown under the form (the demo accounts after demo data was made).
    pub notice: Vec<Text>,
}

impl Default for LoginState {
    fn default() -> LoginState {
        LoginState {
            username: TextInput::default(),
            password: TextInput::masked(),
            focus: 0,
            busy: false,
            notice: Vec::new(),
        }
    }
}

impl LoginState {
    /// A login form with the username filled in (after setup), focused on the password.
    pub fn for_user(username: &str, notice: Vec<Text>) -> LoginState {
        LoginState {
            username: TextInput::new(username),
            focus: usize::from(!username.is_empty()),
            notice,
            ..LoginState::default()
        }
    }

    fn field(&mut self) -> &mut TextInput {
        if self.focus == 0 {
            &mut self.username
        } else {
            &mut self.password
        }
    }

    pub fn on_input(&mut self, input: Input) -> Out {
        if self.busy {
            return Out::default();
        }
        match input {
            Input::Cmd(Cmd::NextField | Cmd::PrevField) => self.focus = 1 - self.focus,
            Input::Cmd(Cmd::Submit) => return self.submit(),
            Input::Key(k) => edit_text(self.field(), k),
            Input::Paste(p) => return paste_into(self.field(), &p),
            Input::Cmd(_) => {}
        }
        Out::default()
    }

    fn submit(&mut self) -> Out {
        let username = self.username.value().trim().to_string();
        if username.is_empty() {
            self.focus = 0;
            return Out::message(Message::error(
                Text::new(T::ErrRequired).arg_key("field", T::FieldUsername),
            ));
        }
        if self.focus == 0 && self.password.is_empty() {
            self.focus = 1;
            return Out::default();
        }
        self.busy = true;
        Out::effect(Effect::Login {
            username,
            password: self.password.value().to_string(),
        })
        .with_message(Message::progress(T::MsgLoggingIn))
    }

    /// A refused login: the reason (wrong password, locked until, disabled) and a fresh password field.
    pub fn failed(&mut self, text: Text) -> Out {
        self.busy = false;
        self.password.clear();
        self.focus = 1;
        Out::message(Message::error(text))
    }
}

/// The idle lock: asks for the password again; everything behind it stays as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockState {
    pub password: TextInput,
    pub busy: bool,
}

impl Default for LockState {
    fn default() -> LockState {
        LockState {
            password: TextInput::masked(),
            busy: false,
        }
    }
}

impl LockState {
    pub fn on_input(&mut self, input: Input) -> Out {
        if self.busy {
            return Out::default();
        }
        match input {
            Input::Cmd(Cmd::Submit) if !self.password.is_empty() => {
                self.busy = true;
                return Out::effect(Effect::Unlock {
                    password: self.password.value().to_string(),
                })
                .with_message(Message::progress(T::MsgLoggingIn));
            }
            Input::Key(k) => edit_text(&mut self.password, k),
            Input::Paste(p) => return paste_into(&mut self.password, &p),
            _ => {}
        }
        Out::default()
    }

    pub fn failed(&mut self, text: Text) -> Out {
        self.busy = false;
        self.password.clear();
        Out::message(Message::error(text))
    }
}
