//! The fields of each 执法检查 form: planning an inspection, each detail action (checklist answer,
//! finding, evidence by file path, signature, rectification order, re-check with the officer picker
//! offering only eligible officers, case transfer, cancel), the enterprise's rectification report and a
//! draw plan with its officer pool.

use crate::domain::inspection::{
    Answer, CaseStatus, Category, Conclusion, Event, EventInput, EvidenceKind, Mode, RecheckResult,
    Severity, Signature,
};
use crate::i18n::{Lang, T, Text};
use crate::store::inspection::followup::Rectification;
use crate::tui::app::{Env, Message, Nav, Out, Screen};
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::form::{Choice, FieldKind, FormField};
use crate::tui::screens::inspection::InspectionEffect;
use crate::tui::screens::inspection::form::{
    InspectionFormState, InspectionPurpose, InspectionRequest,
};
use crate::tui::screens::inspection::{InspectionAction, InspectionDetailData};

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

impl InspectionFormState {
    pub(in crate::tui::screens) fn push(
        purpose: InspectionPurpose,
        id: i64,
        row_version: i64,
        fields: Vec<FormField>,
    ) -> Out {
        Self::push_full(purpose, id, row_version, fields, 0, String::new())
    }

    /// A form whose cursor starts in field `focus`.
    fn push_at(
        purpose: InspectionPurpose,
        id: i64,
        row_version: i64,
        fields: Vec<FormField>,
        focus: usize,
    ) -> Out {
        Self::push_full(purpose, id, row_version, fields, focus, String::new())
    }

    /// A form about the inspection numbered `subject` (named by the confirmation of its step).
    fn push_about(
        purpose: InspectionPurpose,
        id: i64,
        row_version: i64,
        fields: Vec<FormField>,
        subject: String,
    ) -> Out {
        Self::push_full(purpose, id, row_version, fields, 0, subject)
    }

    fn push_full(
        purpose: InspectionPurpose,
        id: i64,
        row_version: i64,
        fields: Vec<FormField>,
        focus: usize,
        subject: String,
    ) -> Out {
        let baseline = crate::tui::widgets::form::Baseline::of(&fields);
        let s = InspectionFormState {
            local: Vec::new(),
            baseline,
            purpose,
            id,
            row_version,
            fields,
            focus,
            error: None,
            saving: false,
            subject,
            search_token: 0,
        };
        Out::nav(Nav::Push(Screen::InspectionForm(Box::new(s))))
    }

    /// A new inspection. The officers are chosen when the check is scheduled from its detail screen,
    /// where the picker offers only officers eligible for that enterprise. `guard` lists the facts
    /// recorded for the enterprise (triggers, approved 专项 plans) the check may rest on.
    pub fn plan(env: &mut Env<'_>, uscc: String, guard: &[(String, Text)]) -> Out {
        if !env.may(crate::domain::account::Action::InspectionPlan) {
            return Out::default();
        }
        // Picked by name, USCC or pinyin initials from the register (typing 鑫润 lists it).
        let mut enterprise = FormField::search("enterprise", T::AssistanceFieldEnterpriseQuery);
        enterprise.input = crate::tui::input::TextInput::new(&uscc);
        let mut fields = vec![enterprise];
        fields.extend(plan_fields(guard));
        InspectionFormState::push(InspectionPurpose::Plan, 0, 0, fields)
    }

    /// A 专项 plan, recorded (and so approved) by a supervisor: one enterprise or a class.
    pub fn special_plan(env: &mut Env<'_>) -> Out {
        if !env.may(crate::domain::account::Action::InspectionApprove) {
            return Out::default();
        }
        let fields = vec![
            text("name", T::InspectionFieldPlanName, ""),
            text("doc_ref", T::InspectionFieldReference, ""),
            text("uscc", T::FieldUscc, ""),
            choice(
                "class",
                T::DrawFieldClass,
                vec![
                    labelled("", T::None_),
                    labelled("key", T::DrawClassKey),
                    labelled("general", T::DrawClassGeneral),
                    labelled("all", T::DrawClassAll),
                ],
            ),
        ];
        InspectionFormState::push(InspectionPurpose::SpecialPlan, 0, 0, fields)
    }
}

/// A recorded fact as a choice.
pub(super) fn choice_of(code: &str, label: &Text) -> Choice {
    Choice {
        code: code.to_string(),
        zh: label.render(Lang::Zh),
        en: label.render(Lang::En),
    }
}

/// The recorded-basis picker: "none" first, then each recorded fact.
fn guard_field(guard: &[(String, Text)]) -> FormField {
    let mut options = vec![labelled("", T::InspectionGuardNone)];
    options.extend(guard.iter().map(|(code, label)| choice_of(code, label)));
    choice("guard", T::InspectionFieldGuard, options)
}

fn yes_no(id: &'static str, label: T) -> FormField {
    choice(
        id,
        label,
        vec![labelled("no", T::No), labelled("yes", T::Yes)],
    )
}

/// The fields of a new inspection after the enterprise.
fn plan_fields(guard: &[(String, Text)]) -> Vec<FormField> {
    {
        vec![
            choice(
                "category",
                T::InspectionFieldCategory,
                choices(Category::ALL, Category::code, Category::label)
                    .into_iter()
                    .filter(|c| c.code != "recheck")
                    .collect(),
            ),
            choice(
                "mode",
                T::InspectionFieldMode,
                choices(Mode::ALL, Mode::code, Mode::label),
            ),
            guard_field(guard),
            text("reference", T::InspectionFieldReference, ""),
            text("place", T::InspectionFieldPlace, ""),
            text("date", T::InspectionFieldDate, ""),
        ]
    }
}

impl InspectionFormState {
    /// A new inspection of a known enterprise (the assistance module's offer after a service record
    /// that notes problems): the enterprise is filled in; Esc skips.
    pub fn plan_for(enterprise_id: i64, name: &str) -> Out {
        let mut enterprise = FormField::search("enterprise", T::AssistanceFieldEnterpriseQuery);
        enterprise.input = crate::tui::input::TextInput::new(name);
        enterprise.options = vec![Choice {
            code: enterprise_id.to_string(),
            zh: name.to_string(),
            en: name.to_string(),
        }];
        let mut fields = vec![enterprise];
        fields.extend(plan_fields(&[]));
        InspectionFormState::push(InspectionPurpose::Plan, enterprise_id, 0, fields)
            .with_message(Message::info(Text::new(T::InspectionMsgOffer)))
    }

    /// The enterprise's rectification report on one order: the order it answers is shown first; a
    /// new version after the first needs its reason (earlier versions are kept).
    pub fn report(r: &Rectification) -> Out {
        let order = Text::new(T::InspectionOrderLine)
            .arg("doc", &r.doc_number)
            .arg("deadline", r.deadline)
            .arg("requirements", &r.requirements);
        // The order is shown first; the cursor starts in the report.
        InspectionFormState::push_at(
            InspectionPurpose::Report,
            r.id,
            r.row_version,
            vec![
                choice(
                    "order",
                    T::InspectionFieldOrderAnswered,
                    vec![Choice {
                        code: r.id.to_string(),
                        zh: order.render(Lang::Zh),
                        en: order.render(Lang::En),
                    }],
                ),
                text("report", T::InspectionFieldReport, &r.report_text),
                text("reason", T::InspectionFieldReportReason, ""),
            ],
            1,
        )
    }

    /// A draw plan; `pool` lists the officers the plan may name (none ticked: every eligible one).
    /// The region is picked by name, pinyin initials or code from `regions`.
    pub fn draw_plan(pool: &[(i64, String)], regions: &[crate::store::reference::Region]) -> Out {
        let fields = vec![
            text("name", T::DrawFieldName, ""),
            FormField::search("region", T::FieldRegion),
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
            multi("officers", T::DrawFieldOfficers, people(pool)),
            text("date", T::InspectionFieldDate, ""),
        ];
        let mut out = InspectionFormState::push(InspectionPurpose::DrawPlan, 0, 0, fields);
        if let Some(Nav::Push(Screen::InspectionForm(f))) = out.nav.first_mut() {
            f.local = crate::tui::widgets::picker::region_choices(regions);
        }
        out
    }

    /// The form of one detail action, or the action itself when it needs no fields.
    pub fn for_action(d: &InspectionDetailData, action: InspectionAction) -> Out {
        let x = &d.detail.inspection;
        let officers = || multi("officers", T::InspectionFieldOfficers, people(&d.officers));
        let fields = match action {
            InspectionAction::Answer => vec![
                choice(
                    "item",
                    T::InspectionFieldItem,
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
                    T::InspectionFieldAnswer,
                    choices(Answer::ALL, Answer::code, Answer::label),
                ),
                text("note", T::InspectionFieldNote, ""),
            ],
            InspectionAction::Finding => {
                let mut v = vec![
                    text("description", T::InspectionFieldFinding, ""),
                    text("provision", T::InspectionFieldProvision, ""),
                    choice(
                        "severity",
                        T::InspectionFieldSeverity,
                        choices(Severity::ALL, Severity::code, Severity::label),
                    ),
                ];
                if x.signed_at.is_some() {
                    v.push(text("corrects", T::InspectionFieldCorrects, ""));
                    v.push(text("reason", T::InspectionFieldReason, ""));
                }
                v
            }
            InspectionAction::Evidence => {
                let mut v = vec![
                    choice(
                        "kind",
                        T::InspectionFieldEvidenceKind,
                        choices(EvidenceKind::ALL, EvidenceKind::code, EvidenceKind::label),
                    ),
                    text("path", T::InspectionFieldEvidencePath, ""),
                    text("description", T::InspectionFieldNote, ""),
                    text("finding", T::InspectionFieldEvidenceFinding, ""),
                ];
                if x.signed_at.is_some() {
                    v.push(text("corrects", T::InspectionFieldCorrects, ""));
                    v.push(text("reason", T::InspectionFieldReason, ""));
                }
                v
            }
            InspectionAction::Representative => vec![
                text("name", T::InspectionFieldRepresentative, ""),
                text("position", T::InspectionFieldPosition, ""),
            ],
            InspectionAction::Order => vec![
                text("doc_number", T::InspectionFieldDocNumber, ""),
                text("served_on", T::InspectionFieldServedOn, &d.today),
                text("deadline", T::InspectionFieldDeadline, ""),
                text("requirements", T::InspectionFieldRequirements, ""),
            ],
            InspectionAction::Event(Event::Schedule) => {
                vec![
                    officers(),
                    text("recusal", T::InspectionFieldRecusalDecision, ""),
                ]
            }
            InspectionAction::Act => vec![
                text("act_on", T::InspectionFieldActOn, ""),
                yes_no("continuing", T::InspectionFieldActContinuing),
                yes_no("five_year", T::InspectionFieldFiveYear),
            ],
            InspectionAction::Event(Event::Sign) => vec![
                choice(
                    "conclusion",
                    T::InspectionFieldConclusion,
                    choices(Conclusion::ALL, Conclusion::code, Conclusion::label),
                ),
                text("record", T::InspectionFieldRecord, ""),
                choice(
                    "signature",
                    T::InspectionFieldSignature,
                    choices(Signature::ALL, Signature::code, Signature::label),
                ),
                text("witness", T::InspectionFieldWitness, ""),
            ],
            InspectionAction::Event(Event::Recheck) => vec![
                choice(
                    "result",
                    T::InspectionFieldRecheckResult,
                    choices(
                        RecheckResult::ALL,
                        RecheckResult::code,
                        RecheckResult::label,
                    ),
                ),
                officers(),
                text("note", T::InspectionFieldNote, ""),
            ],
            InspectionAction::Event(Event::TransferCase) => vec![
                text("case_number", T::InspectionFieldCaseNumber, ""),
                text("discovered_on", T::InspectionFieldDiscovered, ""),
                text("approved_on", T::InspectionFieldApproved, &d.today),
                text("handler", T::InspectionFieldHandler, ""),
            ],
            InspectionAction::Event(Event::Cancel) => {
                vec![text("reason", T::InspectionFieldReason, "")]
            }
            InspectionAction::CaseStatus => vec![
                choice(
                    "status",
                    T::InspectionFieldCaseStatus,
                    choices(CaseStatus::ALL, CaseStatus::code, CaseStatus::label),
                ),
                text("penalty_kind", T::InspectionFieldPenaltyKind, ""),
                text("penalty", T::InspectionFieldPenalty, ""),
                text("note", T::InspectionFieldNote, ""),
            ],
            InspectionAction::Event(event @ (Event::Start | Event::EndVisit | Event::Archive)) => {
                return Out::effect(Effect::Inspection(InspectionEffect::Do(
                    InspectionRequest::Transition {
                        id: x.id,
                        row_version: x.row_version,
                        event,
                        input: EventInput::default(),
                    },
                )))
                .with_message(Message::progress(T::MsgLoading));
            }
        };
        InspectionFormState::push_about(
            InspectionPurpose::Action(action),
            x.id,
            x.row_version,
            fields,
            x.number.clone(),
        )
    }
}
