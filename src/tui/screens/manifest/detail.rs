//! A manifest's detail: header, waste lines, carriers, discrepancies, deadlines and timeline, with an
//! action bar of what the person may do now (the service's list). Actions without fields run at
//! once; a refusal that is only warnings asks for a second Enter to acknowledge them.

use crate::domain::manifest::rules::{EventInput, ManifestEvent};
use crate::i18n::{T, Text};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::manifest::action::ManifestActionState;
use crate::tui::screens::manifest::form::ManifestFormState;
use crate::tui::screens::manifest::view;
use crate::tui::screens::manifest::{ManifestDetailData, ManifestEffect, Refusal};
use crate::tui::widgets::confirm::ask;
use crate::tui::widgets::detail::{self, Scroll};

/// One thing the person may do from the detail screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManifestAction {
    Edit,
    Event(ManifestEvent),
    FollowUp,
    /// Record an approved extension of the receiver's storage (staff, supervisors).
    ExtendStock,
}

impl ManifestAction {
    pub fn label(self) -> T {
        match self {
            ManifestAction::Edit => T::ManifestActionEdit,
            ManifestAction::Event(e) => e.label(),
            ManifestAction::FollowUp => T::ManifestActionFollowUp,
            ManifestAction::ExtendStock => T::ManifestActionExtendStock,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestDetailState {
    pub id: i64,
    pub data: Option<Box<ManifestDetailData>>,
    pub scroll: Scroll,
    pub action: usize,
    pub loading: bool,
    /// An action refused only for warnings: Enter again sends it acknowledged.
    pub ack_pending: Option<ManifestEvent>,
}

impl ManifestDetailState {
    pub fn open(id: i64) -> Out {
        let s = ManifestDetailState {
            id,
            data: None,
            scroll: Scroll::default(),
            action: 0,
            loading: true,
            ack_pending: None,
        };
        Out::nav(Nav::Push(Screen::ManifestDetail(Box::new(s))))
            .with_effect(Effect::Manifest(ManifestEffect::LoadDetail { id }))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Manifest(ManifestEffect::LoadDetail { id: self.id }))
    }

    pub fn loaded(&mut self, data: Result<Box<ManifestDetailData>, crate::i18n::Text>) -> Out {
        self.loading = false;
        match data {
            Ok(d) => {
                self.data = Some(d);
                self.action = self.action.min(self.actions().len().saturating_sub(1));
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// An action taken at once came back.
    pub fn done(&mut self, result: Result<crate::i18n::Text, Refusal>) -> Out {
        match result {
            Ok(text) => {
                self.ack_pending = None;
                // The state changed, so do the actions: start again from the first.
                self.action = 0;
                self.reload().with_message(Message::info(text))
            }
            Err(r) => {
                if r.warnings_only {
                    self.ack_pending = self.actions().get(self.action).and_then(|a| match a {
                        ManifestAction::Event(e) => Some(*e),
                        _ => None,
                    });
                    return Out::message(Message::warning(
                        crate::i18n::Text::new(T::ManifestMsgAckWarnings)
                            .arg_text("warning", r.text),
                    ));
                }
                Out::message(Message::error(r.text))
            }
        }
    }

    pub fn actions(&self) -> Vec<ManifestAction> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        let mut v = Vec::new();
        if d.detail.may_edit {
            v.push(ManifestAction::Edit);
        }
        v.extend(d.detail.events.iter().map(|e| ManifestAction::Event(*e)));
        if d.detail.may_follow_up {
            v.push(ManifestAction::FollowUp);
        }
        if d.detail.may_extend_stock {
            v.push(ManifestAction::ExtendStock);
        }
        v
    }

    /// The confirmed action without fields (提交, 补录完成): sent now.
    pub fn proceed(&mut self) -> Out {
        let (Some(ManifestAction::Event(e)), Some(d)) =
            (self.actions().get(self.action).copied(), &self.data)
        else {
            return Out::default();
        };
        let m = &d.detail.manifest;
        let acknowledged = self.ack_pending == Some(e);
        Out::effect(Effect::Manifest(ManifestEffect::Transition {
            id: m.id,
            row_version: m.row_version,
            event: e,
            input: EventInput::default(),
            acknowledged,
        }))
        .with_message(Message::progress(T::MsgSaving))
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let n = self.actions().len();
        if let (Input::Cmd(cmd), Some(d)) = (&input, &self.data) {
            let pane = detail::pane_above(detail::body(env.size), 1);
            let lines = detail::height(&view::detail_items(d, env.lang), pane.width);
            if self.scroll.on_cmd(*cmd, lines, usize::from(pane.height)) {
                return Out::default();
            }
        }
        match input {
            Input::Cmd(Cmd::NextValue) if n > 0 => {
                self.action = (self.action + 1) % n;
                self.ack_pending = None;
            }
            Input::Cmd(Cmd::PrevValue) if n > 0 => {
                self.action = (self.action + n - 1) % n;
                self.ack_pending = None;
            }
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Submit) => {
                let (Some(action), Some(d)) =
                    (self.actions().get(self.action).copied(), &self.data)
                else {
                    return Out::default();
                };
                let m = &d.detail.manifest;
                return match action {
                    ManifestAction::Edit => ManifestFormState::edit(m.id, m.row_version),
                    ManifestAction::FollowUp => ManifestActionState::follow_up(d),
                    ManifestAction::ExtendStock => ManifestActionState::extend_stock(d),
                    ManifestAction::Event(
                        e @ (ManifestEvent::Submit | ManifestEvent::Backfill),
                    ) => {
                        // Irreversible: asked first (not again when acknowledging warnings).
                        if self.ack_pending == Some(e) {
                            return self.proceed();
                        }
                        let key = if e == ManifestEvent::Submit {
                            T::ConfirmManifestSubmit
                        } else {
                            T::ConfirmManifestBackfill
                        };
                        ask(Text::new(key).arg("number", &m.number), e.label())
                    }
                    ManifestAction::Event(e) => ManifestActionState::for_event(d, e),
                };
            }
            _ => {}
        }
        Out::default()
    }
}
