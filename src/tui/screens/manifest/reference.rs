//! Cross-province approvals (those expiring within 30 days first) and receivers' licences.

use crate::i18n::Text;
use crate::store::manifest::reference::{Approval, Licence};
use crate::tui::app::{Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::manifest::ManifestEffect;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestRefState {
    /// 0: approvals, 1: licences.
    pub tab: usize,
    pub approvals: Vec<Approval>,
    pub expiring: Vec<Approval>,
    pub licences: Vec<Licence>,
    pub selected: usize,
    pub loading: bool,
}

impl ManifestRefState {
    pub fn open() -> Out {
        let s = ManifestRefState {
            tab: 0,
            approvals: Vec::new(),
            expiring: Vec::new(),
            licences: Vec::new(),
            selected: 0,
            loading: true,
        };
        Out::nav(Nav::Push(Screen::ManifestRef(s)))
            .with_effect(Effect::Manifest(ManifestEffect::LoadRef))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Manifest(ManifestEffect::LoadRef))
    }

    pub fn loaded(&mut self, r: Result<crate::tui::screens::manifest::RefData, Text>) -> Out {
        self.loading = false;
        match r {
            Ok((approvals, expiring, licences)) => {
                self.approvals = approvals;
                self.expiring = expiring;
                self.licences = licences;
                self.selected = self.selected.min(self.rows().saturating_sub(1));
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    pub fn rows(&self) -> usize {
        if self.tab == 0 {
            self.approvals.len()
        } else {
            self.licences.len()
        }
    }

    /// Whether an approval is in the expiring-soon list.
    pub fn is_expiring(&self, a: &Approval) -> bool {
        self.expiring.iter().any(|e| e.id == a.id)
    }

    pub fn on_input(&mut self, input: Input) -> Out {
        match input {
            Input::Cmd(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                self.selected = (self.selected + 1).min(self.rows().saturating_sub(1));
            }
            Input::Cmd(Cmd::NextValue | Cmd::PrevValue) => {
                self.tab = 1 - self.tab.min(1);
                self.selected = 0;
            }
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::ManifestRegister) => {
                return crate::tui::screens::manifest::action::ManifestActionState::register(
                    self.tab == 1,
                );
            }
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            _ => {}
        }
        Out::default()
    }
}
