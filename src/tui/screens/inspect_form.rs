//! The 执法检查 forms: planning an inspection (officer picker offering only eligible officers), the
//! fields of each action (checklist answer, finding, evidence by file path, signature, rectification
//! order, re-check, case transfer, cancel), the enterprise's rectification report and a draw plan.
//! Text fields type; choices change with Left/Right; Space ticks an officer.

use crate::domain::inspection::{
    Answer, CaseStatus, Category, Conclusion, Event, EventInput, EvidenceKind, Mode, RecheckResult,
    Severity, Signature,
};
use crate::i18n::{Lang, T, Text};
use crate::store::inspection_followup::Rectification;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::Effect;
use crate::tui::screens::assist_form::{Choice, FieldKind, FormField};
use crate::tui::screens::inspect::{InspAction, InspDetailData};
pub use crate::tui::screens::inspect_request::{InspRequest, offer_after_record};

/// What the form is for: its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InspPurpose {
    Plan,
    Action(InspAction),
    Report,
    DrawPlan,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspFormState {
    pub purpose: InspPurpose,
    /// The inspection (or order) the form is about.
    pub id: i64,
    pub row_version: i64,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<Text>,
    pub saving: bool,
}

fn text(id: &'static str, label: T, value: &str) -> FormField {
    FormField::text(id, label, value)
}

fn choice(id: &'static str, label: T, options: Vec<Choice>) -> FormField {
    FormField {
        kind: FieldKind::Choice,
        options,
        ..text(id, label, "")
    }
}

fn multi(id: &'static str, label: T, options: Vec<Choice>) -> FormField {
    FormField {
        kind: FieldKind::Multi,
        ticked: vec![false; options.len()],
        options,
        ..text(id, label, "")
    }
}

fn labelled(code: &str, label: T) -> Choice {
    Choice {
        code: code.to_string(),
        zh: label.get(Lang::Zh).to_string(),
        en: label.get(Lang::En).to_string(),
    }
}

fn choices<E: Copy>(all: &[E], code: fn(E) -> &'static str, label: fn(E) -> T) -> Vec<Choice> {
    all.iter().map(|e| labelled(code(*e), label(*e))).collect()
}

fn people(list: &[(i64, String)]) -> Vec<Choice> {
    list.iter()
        .map(|(id, name)| Choice {
            code: id.to_string(),
            zh: name.clone(),
            en: name.clone(),
        })
        .collect()
}

impl InspFormState {
    fn push(purpose: InspPurpose, id: i64, row_version: i64, fields: Vec<FormField>) -> Out {
        let s = InspFormState {
            purpose,
            id,
            row_version,
            fields,
            focus: 0,
            error: None,
            saving: false,
        };
        Out::nav(Nav::Push(Screen::InspForm(Box::new(s))))
    }

    /// A new inspection. The officers are chosen when the check is scheduled from its detail screen,
    /// where the picker offers only officers eligible for that enterprise.
    pub fn plan(env: &mut Env<'_>, uscc: String) -> Out {
        if !env.may(crate::domain::user::Action::InspectPlan) {
            return Out::default();
        }
        let mut fields = vec![text("enterprise", T::FieldUscc, &uscc)];
        fields.extend(plan_fields());
        InspFormState::push(InspPurpose::Plan, 0, 0, fields)
    }
}

/// The fields of a new inspection after the enterprise.
fn plan_fields() -> Vec<FormField> {
    {
        vec![
            choice(
                "category",
                T::InFieldCategory,
                choices(Category::ALL, Category::code, Category::label)
                    .into_iter()
                    .filter(|c| c.code != "recheck")
                    .collect(),
            ),
            choice(
                "mode",
                T::InFieldMode,
                choices(Mode::ALL, Mode::code, Mode::label),
            ),
            text("reference", T::InFieldReference, ""),
            text("place", T::InFieldPlace, ""),
            text("date", T::InFieldDate, ""),
        ]
    }
}

impl InspFormState {
    /// A new inspection of a known enterprise (the assistance module's offer after a service record
    /// that notes problems): the enterprise is filled in; Esc skips.
    pub fn plan_for(enterprise_id: i64, name: &str) -> Out {
        let mut fields = vec![text("enterprise", T::FieldName, name)];
        fields.extend(plan_fields());
        InspFormState::push(InspPurpose::Plan, enterprise_id, 0, fields)
            .with_message(Message::info(Text::new(T::InMsgOffer)))
    }

    /// The enterprise's rectification report on one order.
    pub fn report(r: &Rectification) -> Out {
        InspFormState::push(
            InspPurpose::Report,
            r.id,
            r.row_version,
            vec![text("report", T::InFieldReport, &r.report_text)],
        )
    }

    pub fn draw_plan(_env: &mut Env<'_>) -> Out {
        let fields = vec![
            text("name", T::DrawFieldName, ""),
            text("region", T::FieldRegion, ""),
            choice(
                "class",
                T::DrawFieldClass,
                vec![
                    labelled("all", T::DrawClassAll),
                    labelled("key", T::DrawClassKey),
                    labelled("general", T::DrawClassGeneral),
                ],
            ),
            text("ratio", T::DrawFieldRatio, "5"),
            text("count", T::DrawFieldCount, ""),
            choice(
                "listed",
                T::DrawFieldListed,
                vec![
                    labelled("policy", T::DrawListedPolicy),
                    labelled("offsite", T::DrawListedOffsite),
                    labelled("exclude", T::DrawListedExclude),
                ],
            ),
            text("date", T::InFieldDate, ""),
        ];
        InspFormState::push(InspPurpose::DrawPlan, 0, 0, fields)
    }

    /// The form of one detail action, or the action itself when it needs no fields.
    pub fn for_action(d: &InspDetailData, action: InspAction) -> Out {
        let x = &d.detail.inspection;
        let officers = || multi("officers", T::InFieldOfficers, people(&d.officers));
        let fields = match action {
            InspAction::Answer => vec![
                choice(
                    "item",
                    T::InFieldItem,
                    d.detail
                        .checklist
                        .iter()
                        .map(|i| Choice {
                            code: i.code.clone(),
                            zh: i.name_zh.clone(),
                            en: i.name_en.clone(),
                        })
                        .collect(),
                ),
                choice(
                    "answer",
                    T::InFieldAnswer,
                    choices(Answer::ALL, Answer::code, Answer::label),
                ),
                text("note", T::InFieldNote, ""),
            ],
            InspAction::Finding => {
                let mut v = vec![
                    text("description", T::InFieldFinding, ""),
                    text("provision", T::InFieldProvision, ""),
                    choice(
                        "severity",
                        T::InFieldSeverity,
                        choices(Severity::ALL, Severity::code, Severity::label),
                    ),
                ];
                if x.signed_at.is_some() {
                    v.push(text("corrects", T::InFieldCorrects, ""));
                    v.push(text("reason", T::InFieldReason, ""));
                }
                v
            }
            InspAction::Evidence => {
                let mut v = vec![
                    choice(
                        "kind",
                        T::InFieldEvidenceKind,
                        choices(EvidenceKind::ALL, EvidenceKind::code, EvidenceKind::label),
                    ),
                    text("path", T::InFieldEvidencePath, ""),
                    text("description", T::InFieldNote, ""),
                ];
                if x.signed_at.is_some() {
                    v.push(text("corrects", T::InFieldCorrects, ""));
                    v.push(text("reason", T::InFieldReason, ""));
                }
                v
            }
            InspAction::Representative => vec![
                text("name", T::InFieldRepresentative, ""),
                text("position", T::InFieldPosition, ""),
            ],
            InspAction::Order => vec![
                text("doc_number", T::InFieldDocNumber, ""),
                text("served_on", T::InFieldServedOn, &d.today),
                text("deadline", T::InFieldDeadline, ""),
                text("requirements", T::InFieldRequirements, ""),
            ],
            InspAction::Event(Event::Schedule) => {
                vec![officers(), text("recusal", T::InFieldRecusal, "")]
            }
            InspAction::Event(Event::Sign) => vec![
                choice(
                    "conclusion",
                    T::InFieldConclusion,
                    choices(Conclusion::ALL, Conclusion::code, Conclusion::label),
                ),
                text("record", T::InFieldRecord, ""),
                choice(
                    "signature",
                    T::InFieldSignature,
                    choices(Signature::ALL, Signature::code, Signature::label),
                ),
                text("witness", T::InFieldWitness, ""),
            ],
            InspAction::Event(Event::Recheck) => vec![
                choice(
                    "result",
                    T::InFieldRecheckResult,
                    choices(
                        RecheckResult::ALL,
                        RecheckResult::code,
                        RecheckResult::label,
                    ),
                ),
                officers(),
                text("note", T::InFieldNote, ""),
            ],
            InspAction::Event(Event::TransferCase) => vec![
                text("case_number", T::InFieldCaseNumber, ""),
                text("discovered_on", T::InFieldDiscovered, ""),
                text("approved_on", T::InFieldApproved, &d.today),
                text("handler", T::InFieldHandler, ""),
            ],
            InspAction::Event(Event::Cancel) => vec![text("reason", T::InFieldReason, "")],
            InspAction::CaseStatus => vec![
                choice(
                    "status",
                    T::InFieldCaseStatus,
                    choices(CaseStatus::ALL, CaseStatus::code, CaseStatus::label),
                ),
                text("penalty_kind", T::InFieldPenaltyKind, ""),
                text("penalty", T::InFieldPenalty, ""),
                text("note", T::InFieldNote, ""),
            ],
            InspAction::Event(event @ (Event::Start | Event::EndVisit | Event::Archive)) => {
                return Out::effect(Effect::InspDo(InspRequest::Transition {
                    id: x.id,
                    row_version: x.row_version,
                    event,
                    input: EventInput::default(),
                }))
                .with_message(Message::progress(T::MsgLoading));
            }
        };
        InspFormState::push(InspPurpose::Action(action), x.id, x.row_version, fields)
    }

    pub fn title(&self) -> T {
        match self.purpose {
            InspPurpose::Plan => T::InScreenNew,
            InspPurpose::Action(a) => a.label(),
            InspPurpose::Report => T::InFieldReport,
            InspPurpose::DrawPlan => T::DrawScreenPlan,
        }
    }

    fn value(&self, id: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| match f.kind {
                FieldKind::Text => f.input.value().trim().to_string(),
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
    pub fn request(&self) -> InspRequest {
        let v = |id: &str| self.value(id);
        let id = self.id;
        match self.purpose {
            InspPurpose::Plan => InspRequest::Plan {
                enterprise_id: (id > 0).then_some(id),
                uscc: v("enterprise"),
                category: Category::parse(&v("category")).unwrap_or(Category::Planned),
                mode: Mode::parse(&v("mode")).unwrap_or(Mode::Onsite),
                reference: v("reference"),
                place: v("place"),
                date: v("date"),
                officers: Vec::new(),
                recusal_reason: String::new(),
            },
            InspPurpose::Report => InspRequest::Report {
                order_id: id,
                text: v("report"),
            },
            InspPurpose::DrawPlan => InspRequest::DrawPlan {
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
                date: v("date"),
            },
            InspPurpose::Action(a) => match a {
                InspAction::Answer => InspRequest::Answer {
                    id,
                    item: v("item"),
                    answer: Answer::parse(&v("answer")).unwrap_or(Answer::Pass),
                    note: v("note"),
                },
                InspAction::Finding => InspRequest::Finding {
                    id,
                    description: v("description"),
                    provision: v("provision"),
                    severity: Severity::parse(&v("severity")).unwrap_or(Severity::General),
                    corrects: v("corrects"),
                    reason: v("reason"),
                },
                InspAction::Evidence => InspRequest::Evidence {
                    id,
                    kind: EvidenceKind::parse(&v("kind")).unwrap_or(EvidenceKind::Photo),
                    path: v("path"),
                    description: v("description"),
                    corrects: v("corrects"),
                    reason: v("reason"),
                },
                InspAction::Representative => InspRequest::Representative {
                    id,
                    name: v("name"),
                    position: v("position"),
                },
                InspAction::CaseStatus => InspRequest::CaseStatus {
                    id,
                    status: CaseStatus::parse(&v("status")).unwrap_or(CaseStatus::Filed),
                    penalty_kind: v("penalty_kind"),
                    penalty_yuan: v("penalty"),
                    note: v("note"),
                },
                InspAction::Order => InspRequest::Order {
                    id,
                    doc_number: v("doc_number"),
                    served_on: v("served_on"),
                    deadline: v("deadline"),
                    requirements: v("requirements"),
                },
                InspAction::Event(Event::Schedule) => InspRequest::Officers {
                    id,
                    officers: self.ticked("officers"),
                    recusal_reason: v("recusal"),
                },
                InspAction::Event(Event::Recheck) => InspRequest::Recheck {
                    id,
                    officers: self.ticked("officers"),
                    result: RecheckResult::parse(&v("result")).unwrap_or(RecheckResult::Done),
                    note: v("note"),
                },
                InspAction::Event(Event::TransferCase) => InspRequest::Case {
                    id,
                    case_number: v("case_number"),
                    discovered_on: v("discovered_on"),
                    approved_on: v("approved_on"),
                    handler: v("handler"),
                },
                InspAction::Event(event) => InspRequest::Transition {
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

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| {
            f.kind == FieldKind::Text && !f.input.is_empty() || f.ticked.iter().any(|t| *t)
        })
    }

    /// The service's answer to a save.
    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        self.saving = false;
        match result {
            Ok(text) => Out::nav(Nav::Pop).with_message(Message::info(text)),
            Err(text) => {
                self.error = Some(text.clone());
                Out::message(Message::error(text))
            }
        }
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        let n = self.fields.len().max(1);
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Out::default();
        };
        match input {
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % n,
            Input::Cmd(Cmd::PrevField) => self.focus = (self.focus + n - 1) % n,
            Input::Cmd(Cmd::NextValue) if !f.options.is_empty() => {
                f.cursor = (f.cursor + 1) % f.options.len();
            }
            Input::Cmd(Cmd::PrevValue) if !f.options.is_empty() => {
                f.cursor = (f.cursor + f.options.len() - 1) % f.options.len();
            }
            Input::Cmd(Cmd::Save) if !self.saving => {
                self.saving = true;
                self.error = None;
                return Out::effect(Effect::InspDo(self.request()))
                    .with_message(Message::progress(T::MsgLoading));
            }
            Input::Key(Key::Char(' ')) if f.kind == FieldKind::Multi => {
                if let Some(t) = f.ticked.get_mut(f.cursor) {
                    *t = !*t;
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
