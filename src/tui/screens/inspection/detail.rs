//! The inspection detail screen's state: its data, the actions offered now (as the service would allow
//! them) and its input.

use crate::domain::inspection::{Event, InspectionState};
use crate::i18n::{T, Text};
use crate::service::inspection::InspectionDetail;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::inspection::form::InspectionFormState;
use crate::tui::screens::inspection::{InspectionEffect, InspectionQuery};
use crate::tui::widgets::confirm::ask;

/// The detail screen's data: the inspection, and who the officer pickers may offer today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectionDetailData {
    pub detail: InspectionDetail,
    /// (user id, name and certificate) of the officers eligible today; empty without permission.
    pub officers: Vec<(i64, String)>,
    pub today: String,
}

/// One thing the person may do from the detail screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InspectionAction {
    Event(Event),
    Answer,
    Finding,
    Evidence,
    Representative,
    Order,
    /// Mirror the filed case's status (supervisors).
    CaseStatus,
    /// Record the act's date (《行政处罚法》第三十六条), before a transfer to 立案.
    Act,
}

impl InspectionAction {
    pub fn label(self) -> T {
        match self {
            InspectionAction::Event(e) => e.label(),
            InspectionAction::Answer => T::InspectionActAnswer,
            InspectionAction::Finding => T::InspectionActFinding,
            InspectionAction::Evidence => T::InspectionActEvidence,
            InspectionAction::Representative => T::InspectionActRepresentative,
            InspectionAction::Order => T::InspectionActOrder,
            InspectionAction::CaseStatus => T::InspectionActCaseStatus,
            InspectionAction::Act => T::InspectionActAct,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectionDetailState {
    pub id: i64,
    pub data: Option<Box<InspectionDetailData>>,
    pub scroll: u16,
    pub action: usize,
    pub loading: bool,
}

impl InspectionDetailState {
    pub fn open(id: i64) -> Out {
        let s = InspectionDetailState {
            id,
            data: None,
            scroll: 0,
            action: 0,
            loading: true,
        };
        Out::nav(Nav::Push(Screen::InspectionDetail(s))).with_effect(Effect::Inspection(
            InspectionEffect::Load(InspectionQuery::Detail { id }),
        ))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Detail { id: self.id },
        )))
    }

    pub fn loaded(&mut self, data: Result<Box<InspectionDetailData>, Text>) -> Out {
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

    /// An action done at once came back: its message, and the inspection as it is now.
    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }

    /// The actions offered now, as the service would allow them.
    pub fn actions(&self) -> Vec<InspectionAction> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        let x = &d.detail.inspection;
        let mut v: Vec<InspectionAction> = Vec::new();
        if d.detail.may_record {
            if x.signed_at.is_none() {
                v.push(InspectionAction::Answer);
                v.push(InspectionAction::Representative);
            }
            v.push(InspectionAction::Finding);
            v.push(InspectionAction::Evidence);
        }
        let officer_or_supervisor = !d.detail.events.is_empty() || d.detail.may_record;
        if x.state == InspectionState::Rectifying
            && d.detail.rectification.is_none()
            && officer_or_supervisor
        {
            v.push(InspectionAction::Order);
        }
        if d.detail.case.is_some() && d.detail.events.contains(&Event::Archive) {
            v.push(InspectionAction::CaseStatus);
        }
        // The re-check needs the order first.
        v.extend(
            d.detail
                .events
                .iter()
                .filter(|e| **e != Event::Recheck || d.detail.rectification.is_some())
                .map(|e| InspectionAction::Event(*e)),
        );
        if x.state == InspectionState::Rectifying
            && d.detail.rectification.is_some()
            && !v.contains(&InspectionAction::Event(Event::Recheck))
            && officer_or_supervisor
        {
            v.push(InspectionAction::Event(Event::Recheck));
        }
        // The act's date, before a transfer to 立案 (《行政处罚法》第三十六条).
        if officer_or_supervisor
            && matches!(
                x.state,
                InspectionState::RecordPending
                    | InspectionState::Rectifying
                    | InspectionState::Recheck
                    | InspectionState::CaseProposed
            )
        {
            v.push(InspectionAction::Act);
        }
        v
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        let n = self.actions().len();
        match input {
            Input::Cmd(Cmd::Up) => self.scroll = self.scroll.saturating_sub(1),
            Input::Cmd(Cmd::Down) => self.scroll = self.scroll.saturating_add(1),
            Input::Cmd(Cmd::NextValue) if n > 0 => self.action = (self.action + 1) % n,
            Input::Cmd(Cmd::PrevValue) if n > 0 => self.action = (self.action + n - 1) % n,
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Submit) => {
                let (Some(action), Some(d)) =
                    (self.actions().get(self.action).copied(), &self.data)
                else {
                    return Out::default();
                };
                // Steps taken at once that cannot be taken back are asked first.
                if let InspectionAction::Event(e @ (Event::EndVisit | Event::Archive)) = action {
                    return ask(
                        Text::new(T::ConfirmInspectionEvent)
                            .arg("number", &d.detail.inspection.number)
                            .arg_key("action", e.label()),
                        e.label(),
                    );
                }
                return InspectionFormState::for_action(d, action);
            }
            _ => {}
        }
        Out::default()
    }

    /// The confirmed step: taken now.
    pub fn proceed(&mut self) -> Out {
        match (self.actions().get(self.action).copied(), &self.data) {
            (Some(action), Some(d)) => InspectionFormState::for_action(d, action),
            _ => Out::default(),
        }
    }
}
