//! First run (no database file yet): create the first administrator, or load demo data; then log in.

use crate::i18n::{T, Text};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::Effect;
use crate::tui::screens::login::LoginState;
use crate::tui::screens::{edit_text, paste_into};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SetupStep {
    /// Choosing between the two ways to start.
    #[default]
    Choose,
    /// Typing the administrator's name and password (twice).
    Admin,
    /// Waiting for the database to be made.
    Working,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetupState {
    pub step: SetupStep,
    /// 0: create the administrator; 1: demo data.
    pub choice: usize,
    /// Username, password, password again.
    pub fields: [TextInput; 3],
    pub focus: usize,
}

impl Default for SetupState {
    fn default() -> SetupState {
        SetupState {
            step: SetupStep::Choose,
            choice: 0,
            fields: [
                TextInput::new("admin"),
                TextInput::masked(),
                TextInput::masked(),
            ],
            focus: 0,
        }
    }
}

impl SetupState {
    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        match self.step {
            SetupStep::Working => Out::default(),
            SetupStep::Choose => self.choose(input),
            SetupStep::Admin => self.admin(input),
        }
    }

    fn choose(&mut self, input: Input) -> Out {
        match input {
            Input::Cmd(Cmd::NextField) => self.choice = 1 - self.choice.min(1),
            Input::Cmd(Cmd::PrevField) => self.choice = 1 - self.choice.min(1),
            Input::Key(Key::Char('1')) => return self.pick(0),
            Input::Key(Key::Char('2')) => return self.pick(1),
            Input::Cmd(Cmd::Submit) => return self.pick(self.choice),
            _ => {}
        }
        Out::default()
    }

    fn pick(&mut self, choice: usize) -> Out {
        self.choice = choice;
        if choice == 0 {
            self.step = SetupStep::Admin;
            self.focus = 1;
            Out::default()
        } else {
            self.step = SetupStep::Working;
            Out::effect(Effect::GenerateDemo).with_message(Message::progress(T::MsgDemoWorking))
        }
    }

    fn admin(&mut self, input: Input) -> Out {
        match input {
            Input::Cmd(Cmd::Back) => self.step = SetupStep::Choose,
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % 3,
            Input::Cmd(Cmd::PrevField) => self.focus = (self.focus + 2) % 3,
            Input::Cmd(Cmd::Submit) if self.focus < 2 => self.focus += 1,
            Input::Cmd(Cmd::Submit) => return self.submit(),
            Input::Key(k) => edit_text(&mut self.fields[self.focus], k),
            Input::Paste(p) => return paste_into(&mut self.fields[self.focus], &p),
            Input::Cmd(_) => {}
        }
        Out::default()
    }

    fn submit(&mut self) -> Out {
        let admin = self.fields[0].value().trim().to_string();
        let password = self.fields[1].value().to_string();
        if admin.is_empty() {
            self.focus = 0;
            return Out::message(Message::error(
                Text::new(T::ErrRequired).arg_key("field", T::FieldUsername),
            ));
        }
        if password.is_empty() {
            self.focus = 1;
            return Out::message(Message::error(
                Text::new(T::ErrRequired).arg_key("field", T::FieldPassword),
            ));
        }
        if password != self.fields[2].value() {
            self.fields[2].clear();
            self.focus = 2;
            return Out::message(Message::error(T::ErrPasswordsDiffer));
        }
        self.step = SetupStep::Working;
        Out::effect(Effect::InitDatabase { admin, password })
            .with_message(Message::progress(T::MsgCreatingDatabase))
    }

    pub fn setup_done(&mut self, result: Result<String, Text>) -> Out {
        match result {
            Ok(admin) => {
                let login = LoginState::for_user(&admin, Vec::new());
                Out::nav(Nav::Replace(Screen::Login(login)))
                    .with_message(Message::info(T::MsgDatabaseCreated))
            }
            Err(text) => {
                self.step = SetupStep::Admin;
                Out::message(Message::error(text))
            }
        }
    }

    pub fn demo_done(&mut self, result: Result<(u64, Vec<(String, Text)>), Text>) -> Out {
        match result {
            Ok((enterprises, accounts)) => {
                let mut notice = vec![Text::new(T::MsgDemoMade).arg("n", enterprises)];
                notice.extend(accounts.iter().map(|(user, role)| {
                    Text::new(T::MsgDemoAccount)
                        .arg("user", user)
                        .arg_text("role", role.clone())
                }));
                let login = LoginState::for_user("", notice);
                Out::nav(Nav::Replace(Screen::Login(login)))
                    .with_message(Message::info(T::MsgDemoReady))
            }
            Err(text) => {
                self.step = SetupStep::Choose;
                Out::message(Message::error(text))
            }
        }
    }
}
