//! 圆桌座谈 screens: the list of meetings (newest first) and one meeting with its participants, the
//! problems raised and each problem's request state. Problems open the request's own detail. Only
//! what the service would allow is offered.

use crate::i18n::{Lang, T, Text};
use crate::service::assistance::meeting::MeetingDetail;
use crate::store::assistance::meeting::Meeting;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::AssistanceDetailState;
use crate::tui::screens::assistance::AssistanceEffect;
use crate::tui::screens::assistance::form::{AssistanceFormState, Choice};

/// The meetings in the person's scope, and today (the default date of a new meeting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingListData {
    pub rows: Vec<Meeting>,
    pub today: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingListState {
    pub data: Option<MeetingListData>,
    pub selected: usize,
    pub loading: bool,
}

impl MeetingListState {
    pub fn open() -> Out {
        let s = MeetingListState {
            data: None,
            selected: 0,
            loading: true,
        };
        Out::nav(Nav::Push(Screen::MeetingList(s)))
            .with_effect(Effect::Assistance(AssistanceEffect::LoadMeetings))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Assistance(AssistanceEffect::LoadMeetings))
    }

    pub fn loaded(&mut self, data: Result<MeetingListData, Text>) -> Out {
        self.loading = false;
        match data {
            Ok(d) => {
                self.selected = self.selected.min(d.rows.len().saturating_sub(1));
                self.data = Some(d);
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    fn rows(&self) -> &[Meeting] {
        self.data.as_ref().map_or(&[], |d| d.rows.as_slice())
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        match input {
            Input::Cmd(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                self.selected = (self.selected + 1).min(self.rows().len().saturating_sub(1));
            }
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Open) => {
                if let Some(m) = self.rows().get(self.selected) {
                    return MeetingDetailState::open(m.id);
                }
            }
            Input::Cmd(Cmd::MeetingNew) => {
                let Some(session) = env.session else {
                    return Out::default();
                };
                // Branch accounts record for their own region; city accounts choose.
                let regions: Vec<Choice> = session
                    .regions
                    .iter()
                    .filter(|r| {
                        session
                            .actor
                            .region
                            .as_ref()
                            .is_none_or(|own| *own == r.code)
                    })
                    .map(|r| Choice {
                        code: r.code.clone(),
                        zh: r.name_zh.clone(),
                        en: r.name_en.clone(),
                    })
                    .collect();
                let today = self.data.as_ref().map_or("", |d| d.today.as_str());
                return AssistanceFormState::new_meeting(today, regions);
            }
            _ => {}
        }
        Out::default()
    }
}

/// The meeting screen's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingDetailData {
    pub detail: MeetingDetail,
}

/// What can be added to a meeting from its screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingAction {
    Participant,
    Problem,
    Link,
}

impl MeetingAction {
    pub const ALL: [MeetingAction; 3] = [
        MeetingAction::Participant,
        MeetingAction::Problem,
        MeetingAction::Link,
    ];

    pub fn label(self) -> T {
        match self {
            MeetingAction::Participant => T::MeetingActionParticipant,
            MeetingAction::Problem => T::MeetingActionProblem,
            MeetingAction::Link => T::MeetingActionLink,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingDetailState {
    pub id: i64,
    pub data: Option<MeetingDetailData>,
    /// The problem under the cursor (opened with `o`).
    pub problem: usize,
    pub action: usize,
    pub loading: bool,
}

impl MeetingDetailState {
    pub fn open(id: i64) -> Out {
        let s = MeetingDetailState {
            id,
            data: None,
            problem: 0,
            action: 0,
            loading: true,
        };
        Out::nav(Nav::Push(Screen::MeetingDetail(s)))
            .with_effect(Effect::Assistance(AssistanceEffect::LoadMeeting { id }))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Assistance(AssistanceEffect::LoadMeeting {
            id: self.id,
        }))
    }

    pub fn loaded(&mut self, data: Result<MeetingDetailData, Text>) -> Out {
        self.loading = false;
        match data {
            Ok(d) => {
                self.problem = self.problem.min(d.detail.problems.len().saturating_sub(1));
                self.data = Some(d);
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// The actions offered: all three to those who may record in the meeting's region, else none.
    pub fn actions(&self) -> &'static [MeetingAction] {
        match &self.data {
            Some(d) if d.detail.may_record => &MeetingAction::ALL,
            _ => &[],
        }
    }

    pub fn title(&self, lang: Lang) -> String {
        self.data.as_ref().map_or_else(
            || T::MeetingScreenList.get(lang).to_string(),
            |d| d.detail.meeting.topic.clone(),
        )
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        let n = self.actions().len();
        let problems = self.data.as_ref().map_or(0, |d| d.detail.problems.len());
        match input {
            Input::Cmd(Cmd::Up) => self.problem = self.problem.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                self.problem = (self.problem + 1).min(problems.saturating_sub(1));
            }
            Input::Cmd(Cmd::NextValue) if n > 0 => self.action = (self.action + 1) % n,
            Input::Cmd(Cmd::PrevValue) if n > 0 => self.action = (self.action + n - 1) % n,
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Open) => {
                if let Some(p) = self
                    .data
                    .as_ref()
                    .and_then(|d| d.detail.problems.get(self.problem))
                {
                    return AssistanceDetailState::open(p.request_id);
                }
            }
            Input::Cmd(Cmd::Submit) => {
                let (Some(action), Some(d)) = (self.actions().get(self.action), &self.data) else {
                    return Out::default();
                };
                return match action {
                    MeetingAction::Participant => AssistanceFormState::meeting_participant(self.id),
                    MeetingAction::Problem => AssistanceFormState::meeting_problem(d),
                    MeetingAction::Link => AssistanceFormState::meeting_link(self.id),
                };
            }
            _ => {}
        }
        Out::default()
    }
}
