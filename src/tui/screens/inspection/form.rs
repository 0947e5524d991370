//! The 执法检查 forms: their state, input and the request each saves. The fields of each form (planning,
//! each detail action, the rectification report, a draw plan) are built in `form_fields`.
//! Text fields type; choices change with Left/Right; Space ticks an officer.

use crate::domain::inspection::{
    Answer, CaseStatus, Category, Conclusion, Event, EventInput, EvidenceKind, Mode, RecheckResult,
    Severity, Signature,
};
use crate::i18n::{T, Text};
use crate::tui::app::{Env, Input, Message, Nav, Out};
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::{Effect, Versioned};
use crate::tui::screens::assistance::form::{FieldKind, FormField};
use crate::tui::screens::inspection::InspectionAction;
use crate::tui::screens::inspection::InspectionEffect;
pub use crate::tui::screens::inspection::request::{InspectionRequest, offer_after_record};
use crate::tui::widgets::confirm::ask;
use crate::tui::widgets::form::{Baseline, refusal};

/// What the form is for: its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InspectionPurpose {
    Plan,
    Action(InspectionAction),
    Report,
    DrawPlan,
    SpecialPlan,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectionFormState {
    pub purpose: InspectionPurpose,
    /// The inspection (or order) the form is about.
    pub id: i64,
    pub row_version: i64,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<Text>,
    pub saving: bool,
    /// The inspection's number, for the question before an irreversible step.
    pub subject: String,
    /// The latest enterprise search asked for (the plan's enterprise picker).
    pub search_token: u64,
    /// The values the form opened with: Esc asks only when they changed.
    pub baseline: Baseline,
    /// The options a search field filters as typed (a draw plan's regions); empty: the field
    /// searches the register.
    pub local: Vec<crate::tui::screens::assistance::form::Choice>,
}

impl InspectionFormState {
    pub fn title(&self) -> T {
        match self.purpose {
            InspectionPurpose::Plan => T::InspectionScreenNew,
            InspectionPurpose::Action(a) => a.label(),
            InspectionPurpose::Report => T::InspectionFieldReport,
            InspectionPurpose::DrawPlan => T::DrawScreenPlan,
            InspectionPurpose::SpecialPlan => T::InspectionScreenSpecialPlan,
        }
    }

    fn value(&self, id: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| match f.kind {
                FieldKind::Text => f.input.value().trim().to_string(),
                // A search field: the picked code, or else the typed name or code.
                FieldKind::Search => match crate::tui::widgets::picker::picked(f) {
                    (Some(code), _) => code,
                    (None, typed) => typed,
                },
                _ => f.code().unwrap_or("").to_string(),
            })
            .unwrap_or_default()
    }

    fn ticked(&self, id: &str) -> Vec<i64> {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| {
                f.options
                    .iter()
                    .zip(&f.ticked)
                    .filter(|(_, t)| **t)
                    .filter_map(|(c, _)| c.code.parse().ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The request that saves the form.
    pub fn request(&self) -> InspectionRequest {
        let v = |id: &str| self.value(id);
        let id = self.id;
        match self.purpose {
            InspectionPurpose::Plan => InspectionRequest::Plan {
                enterprise_id: self.picked_enterprise(),
                uscc: v("enterprise"),
                category: Category::parse(&v("category")).unwrap_or(Category::Planned),
                mode: Mode::parse(&v("mode")).unwrap_or(Mode::Onsite),
                reference: v("reference"),
                place: v("place"),
                date: v("date"),
                officers: Vec::new(),
                recusal_reason: String::new(),
                guard: v("guard"),
            },
            InspectionPurpose::Report => InspectionRequest::Report {
                order_id: id,
                text: v("report"),
                reason: v("reason"),
            },
            InspectionPurpose::SpecialPlan => InspectionRequest::SpecialPlan {
                name: v("name"),
                doc_ref: v("doc_ref"),
                uscc: v("uscc"),
                class: v("class"),
            },
            InspectionPurpose::DrawPlan => InspectionRequest::DrawPlan {
                name: v("name"),
                region: v("region"),
                class: v("class"),
                ratio: v("ratio"),
                count: v("count"),
                listed_offsite: match v("listed").as_str() {
                    "offsite" => Some(true),
                    "exclude" => Some(false),
                    _ => None,
                },
                officers: self.ticked("officers"),
                date: v("date"),
            },
            InspectionPurpose::Action(a) => match a {
                InspectionAction::Answer => InspectionRequest::Answer {
                    id,
                    item: v("item"),
                    answer: Answer::parse(&v("answer")).unwrap_or(Answer::Pass),
                    note: v("note"),
                },
                InspectionAction::Finding => InspectionRequest::Finding {
                    id,
                    description: v("description"),
                    provision: v("provision"),
                    severity: Severity::parse(&v("severity")).unwrap_or(Severity::General),
                    corrects: v("corrects"),
                    reason: v("reason"),
                },
                InspectionAction::Evidence => InspectionRequest::Evidence {
                    id,
                    kind: EvidenceKind::parse(&v("kind")).unwrap_or(EvidenceKind::Photo),
                    path: v("path"),
                    description: v("description"),
                    corrects: v("corrects"),
                    reason: v("reason"),
                    finding: v("finding"),
                },
                InspectionAction::Act => InspectionRequest::Act {
                    id,
                    on: v("act_on"),
                    continuing: v("continuing") == "yes",
                    five_year: v("five_year") == "yes",
                },
                InspectionAction::Representative => InspectionRequest::Representative {
                    id,
                    name: v("name"),
                    position: v("position"),
                },
                InspectionAction::CaseStatus => InspectionRequest::CaseStatus {
                    id,
                    status: CaseStatus::parse(&v("status")).unwrap_or(CaseStatus::Filed),
                    penalty_kind: v("penalty_kind"),
                    penalty_yuan: v("penalty"),
                    note: v("note"),
                },
                InspectionAction::Order => InspectionRequest::Order {
                    id,
                    doc_number: v("doc_number"),
                    served_on: v("served_on"),
                    deadline: v("deadline"),
                    requirements: v("requirements"),
                },
                InspectionAction::Event(Event::Schedule) => InspectionRequest::Officers {
                    id,
                    officers: self.ticked("officers"),
                    recusal_reason: v("recusal"),
                },
                InspectionAction::Event(Event::Recheck) => InspectionRequest::Recheck {
                    id,
                    officers: self.ticked("officers"),
                    result: RecheckResult::parse(&v("result")).unwrap_or(RecheckResult::Done),
                    note: v("note"),
                },
                InspectionAction::Event(Event::TransferCase) => InspectionRequest::Case {
                    id,
                    case_number: v("case_number"),
                    discovered_on: v("discovered_on"),
                    approved_on: v("approved_on"),
                    handler: v("handler"),
                },
                InspectionAction::Event(event) => InspectionRequest::Transition {
                    id,
                    row_version: self.row_version,
                    event,
                    input: EventInput {
                        conclusion: Conclusion::parse(&v("conclusion")),
                        signature: Signature::parse(&v("signature")),
                        witness: v("witness"),
                        record_text: v("record"),
                        recheck: None,
                        reason: v("reason"),
                    },
                },
            },
        }
    }

    /// Whether saving asks first (签署笔录, a draw).
    pub fn asks_first(&self) -> bool {
        matches!(
            self.purpose,
            InspectionPurpose::DrawPlan
                | InspectionPurpose::Action(InspectionAction::Event(Event::Sign))
        )
    }

    /// The service's statement of what saving will do: the question is asked; a refusal is shown.
    pub fn asked(&mut self, answer: Result<(InspectionRequest, Vec<Text>), Text>) -> Out {
        self.saving = false;
        match answer {
            Ok((request, lines)) => Out::nav(Nav::Open(crate::tui::overlays::Overlay::Confirm(
                crate::tui::overlays::confirm::ConfirmState::new(
                    crate::tui::overlays::confirm::ConfirmKind::Inspection {
                        request: Box::new(request),
                        lines,
                    },
                ),
            ))),
            Err(text) => {
                self.error = Some(text.clone());
                Out::message(Message::error(text))
            }
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.baseline.changed(&self.fields)
    }

    /// The inspection a step on it changes at a version.
    fn versioned(&self) -> Option<Versioned> {
        matches!(self.purpose, InspectionPurpose::Action(_))
            .then_some(Versioned::Inspection(self.id))
    }

    /// The inspection's current version after a conflict: the typed step is sent against it (the
    /// service checks the step against the inspection's current state again).
    pub fn version_reloaded(
        &mut self,
        record: Versioned,
        current: Result<(i64, Text), Text>,
    ) -> Out {
        if self.versioned() != Some(record) {
            return Out::default();
        }
        self.error = None;
        crate::tui::screens::take_version(&mut self.row_version, current)
    }

    /// The service's answer to a save.
    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        self.saving = false;
        match result {
            Ok(text) => Out::nav(Nav::Pop).with_message(Message::info(text)),
            Err(mut text) => {
                if text.key == T::ErrConflict && self.versioned().is_some() {
                    text.key = T::ErrConflictReload;
                }
                let out = refusal(&text, self.fields.iter().map(|f| f.label));
                self.error = Some(text);
                out
            }
        }
    }

    /// Leaving the enterprise of a new inspection asks for the facts recorded for that enterprise
    /// (the picked one, or else the typed USCC, name or initials).
    fn guard_query(&self) -> Option<Effect> {
        let f = self.fields.get(self.focus)?;
        let uscc = self.value("enterprise");
        (self.purpose == InspectionPurpose::Plan && f.id == "enterprise" && self.id == 0)
            .then_some(())
            .filter(|()| !uscc.is_empty())
            .map(|()| {
                Effect::Inspection(InspectionEffect::Load(
                    crate::tui::screens::inspection::InspectionQuery::GuardChoices { uscc },
                ))
            })
    }

    /// The facts recorded for the typed enterprise came back: the basis picker offers them.
    pub fn guard_loaded(&mut self, uscc: &str, options: Result<Vec<(String, Text)>, Text>) -> Out {
        if self.value("enterprise") != uscc.trim() {
            return Out::default();
        }
        match options {
            Ok(options) => {
                if let Some(f) = self.fields.iter_mut().find(|f| f.id == "guard") {
                    let none = f.options.first().cloned();
                    f.options = none.into_iter().collect();
                    f.options.extend(
                        options
                            .iter()
                            .map(|(code, label)| super::form_fields::choice_of(code, label)),
                    );
                    f.cursor = 0;
                }
                Out::default()
            }
            // An unknown USCC is reported when the form is saved.
            Err(_) => Out::default(),
        }
    }

    /// The enterprise picked in the plan's search field (none: the typed text is resolved).
    fn picked_enterprise(&self) -> Option<i64> {
        let f = self.fields.iter().find(|f| f.id == "enterprise")?;
        crate::tui::widgets::picker::picked(f).0?.parse().ok()
    }

    /// The debounce ran out: search the register for what the enterprise field holds.
    pub fn search_due(&mut self, token: u64) -> Out {
        let Some(f) = self.fields.iter().find(|f| f.kind == FieldKind::Search) else {
            return Out::default();
        };
        let query = f.typed().trim().to_string();
        if token != self.search_token || query.is_empty() || !self.local.is_empty() {
            return Out::default();
        }
        Out::effect(Effect::Assistance(
            crate::tui::screens::assistance::AssistanceEffect::FindEnterprises { token, query },
        ))
    }

    /// The matches of a search, unless a newer one was asked for.
    pub fn found(
        &mut self,
        token: u64,
        rows: Result<Vec<crate::tui::widgets::picker::EnterpriseMatch>, Text>,
    ) -> Out {
        if token != self.search_token {
            return Out::default();
        }
        crate::tui::screens::assistance::form_search::found_in(&mut self.fields, rows)
    }

    /// The question before a save that cannot be taken back: cancelling or transferring the
    /// inspection.
    fn question(&self) -> Option<Out> {
        let event = |e: Event| {
            ask(
                Text::new(T::ConfirmInspectionEvent)
                    .arg("number", &self.subject)
                    .arg_key("action", e.label()),
                e.label(),
            )
        };
        match self.purpose {
            // Signing and a draw are asked with the service's statement instead (`asks_first`).
            InspectionPurpose::Action(InspectionAction::Event(
                e @ (Event::Cancel | Event::TransferCase),
            )) => Some(event(e)),
            _ => None,
        }
    }

    /// Saves now (after the question, when there is one).
    pub fn proceed(&mut self) -> Out {
        if self.saving {
            return Out::default();
        }
        self.saving = true;
        self.error = None;
        Out::effect(Effect::Inspection(InspectionEffect::Do(self.request())))
            .with_message(Message::progress(T::MsgLoading))
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        let guard = match input {
            Input::Cmd(Cmd::NextField | Cmd::PrevField) => self.guard_query(),
            _ => None,
        };
        let out = self.on_field_input(input);
        match guard {
            Some(effect) => out.with_effect(effect),
            None => out,
        }
    }

    fn on_field_input(&mut self, input: Input) -> Out {
        let n = self.fields.len().max(1);
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Out::default();
        };
        match input {
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % n,
            Input::Cmd(Cmd::PrevField) => self.focus = (self.focus + n - 1) % n,
            Input::Cmd(Cmd::Down) => {
                crate::tui::widgets::form::down(&mut self.fields, &mut self.focus)
            }
            Input::Cmd(Cmd::Up) => crate::tui::widgets::form::up(&mut self.fields, &mut self.focus),
            // Left/Right go through a choice's options; a checklist moves with Up/Down.
            Input::Cmd(Cmd::NextValue) if f.kind != FieldKind::Multi && !f.options.is_empty() => {
                f.cursor = (f.cursor + 1) % f.options.len();
            }
            Input::Cmd(Cmd::PrevValue) if f.kind != FieldKind::Multi && !f.options.is_empty() => {
                f.cursor = (f.cursor + f.options.len() - 1) % f.options.len();
            }
            Input::Cmd(Cmd::Refresh) if !self.saving => {
                if let Some(record) = self.versioned() {
                    return Out::effect(Effect::ReloadVersion(record));
                }
            }
            Input::Cmd(Cmd::Save) if !self.saving => {
                // Signing and drawing are permanent: the service states what will happen and the
                // person confirms before it is done.
                if self.asks_first() {
                    self.saving = true;
                    self.error = None;
                    return Out::effect(Effect::Inspection(InspectionEffect::Ask(self.request())))
                        .with_message(Message::progress(T::MsgLoading));
                }
                // Other steps that cannot be taken back are asked here; "yes" comes back as
                // `proceed`.
                return match self.question() {
                    Some(out) => out,
                    None => self.proceed(),
                };
            }
            Input::Key(Key::Char(' ')) if f.kind == FieldKind::Multi => {
                if let Some(t) = f.ticked.get_mut(f.cursor) {
                    *t = !*t;
                }
            }
            Input::Key(_) | Input::Paste(_) if f.kind == FieldKind::Search => {
                if let Some(out) = crate::tui::widgets::picker::search_input(
                    f,
                    &input,
                    &mut self.search_token,
                    &self.local,
                ) {
                    return out;
                }
            }
            Input::Key(k) if f.kind == FieldKind::Text => {
                crate::tui::screens::edit_text(&mut f.input, k)
            }
            Input::Paste(text) if f.kind == FieldKind::Text => {
                return crate::tui::screens::paste_into(&mut f.input, &text);
            }
            _ => {}
        }
        Out::default()
    }
}
