//! The fields one manifest event asks for: departure and arrival times, the next carrier at a
//! hand-over, received quantities, the discrepancy dialog (declared vs measured, who was told when),
//! the decision, the handling code, the cancellation reason; and the follow-up of a rejected manifest.

use crate::domain::manifest::rules::{DiscrepancyInput, EventInput, ManifestEvent};
use crate::domain::manifest::{
    Decision, DiscrepancyKind, LegDraft, LicenceKind, Mode, RejectReason, format_tonnes,
};
use crate::i18n::{T, Text};
use crate::service::manifest::extension::ExtensionInput;
use crate::service::manifest::reference::{ApprovalInput, LicenceInput};
use crate::tui::app::{Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::{Effect, Versioned};
use crate::tui::screens::manifest::fields::{ManifestField, Section, value_of};
use crate::tui::screens::manifest::{ManifestDetailData, ManifestEffect, Refusal};
use crate::tui::widgets::confirm::ask;
use crate::tui::widgets::form::Baseline;

/// What the dialog does when saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionPurpose {
    Event {
        id: i64,
        row_version: i64,
        event: ManifestEvent,
    },
    FollowUp {
        id: i64,
    },
    /// An approved extension of the receiver's storage.
    ExtendStock {
        id: i64,
    },
    /// Registering a receiver's licence or a cross-province approval (staff).
    Licence,
    Approval,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestActionState {
    pub purpose: ActionPurpose,
    pub fields: Vec<ManifestField>,
    pub focus: usize,
    pub saving: bool,
    /// Refused only for warnings: the next save acknowledges them.
    pub ack_pending: bool,
    pub number: String,
    /// The values the dialog opened with (the proposed times and quantities): Esc asks only when
    /// something was typed over them.
    pub baseline: Baseline,
}

const H: Section = Section::Header;

fn line_fields(d: &ManifestDetailData, fields: &mut Vec<ManifestField>) {
    for l in &d.detail.lines {
        let s = Section::Line(usize::try_from(l.seq).unwrap_or(1));
        fields.push(ManifestField::text(
            "received",
            T::ManifestFieldReceivedQty,
            &format_tonnes(l.quantity_kg),
            s,
        ));
        fields.push(ManifestField::text(
            "received_containers",
            T::ManifestFieldReceivedContainers,
            &l.containers.to_string(),
            s,
        ));
    }
}

impl ManifestActionState {
    fn push(d: &ManifestDetailData, purpose: ActionPurpose, fields: Vec<ManifestField>) -> Out {
        let s = ManifestActionState {
            baseline: Baseline::of(&fields),
            purpose,
            fields,
            focus: 0,
            saving: false,
            ack_pending: false,
            number: d.detail.manifest.number.clone(),
        };
        Out::nav(Nav::Push(Screen::ManifestAction(Box::new(s))))
    }

    /// The dialog of one event, proposing "now" for times and the declared values for receipts.
    pub fn for_event(d: &ManifestDetailData, event: ManifestEvent) -> Out {
        let m = &d.detail.manifest;
        let now = d.now.as_str();
        let mut f = Vec::new();
        match event {
            ManifestEvent::Depart => f.push(ManifestField::text(
                "at",
                T::ManifestFieldDepartedAt,
                now,
                H,
            )),
            ManifestEvent::Arrive => {
                f.push(ManifestField::text("at", T::ManifestFieldArrivedAt, now, H))
            }
            ManifestEvent::Handover => {
                f.push(ManifestField::text(
                    "at",
                    T::ManifestFieldHandoverAt,
                    now,
                    H,
                ));
                f.push(ManifestField::text(
                    "place",
                    T::ManifestFieldHandoverPlace,
                    "",
                    H,
                ));
                let s = Section::Leg(d.detail.legs.len() + 1);
                for (id, label) in LEG_FIELDS {
                    f.push(ManifestField::text(id, label, "", s));
                }
            }
            ManifestEvent::Confirm => {
                f.push(ManifestField::text(
                    "at",
                    T::ManifestFieldReceivedAt,
                    now,
                    H,
                ));
                line_fields(d, &mut f);
            }
            ManifestEvent::ReportDiscrepancy => {
                // Who was told when, then per waste line: what arrived and, for each line that
                // differs, its kind with the declared and measured values (一致: no difference).
                f.push(ManifestField::text(
                    "at",
                    T::ManifestFieldReceivedAt,
                    now,
                    H,
                ));
                f.push(ManifestField::text(
                    "told_generator_at",
                    T::ManifestFieldToldGenerator,
                    now,
                    H,
                ));
                f.push(ManifestField::text(
                    "told_bureau_at",
                    T::ManifestFieldToldBureau,
                    now,
                    H,
                ));
                let kinds: Vec<(&str, T)> = std::iter::once(("", T::ManifestDiffNone))
                    .chain(DiscrepancyKind::ALL.iter().map(|k| (k.code(), k.label())))
                    .collect();
                let mut lines = Vec::new();
                line_fields(d, &mut lines);
                for l in &d.detail.lines {
                    let s = Section::Line(usize::try_from(l.seq).unwrap_or(1));
                    f.extend(lines.iter().filter(|x| x.section == s).cloned());
                    f.push(ManifestField::choice(
                        "kind",
                        T::ManifestFieldDiffKind,
                        &kinds,
                        s,
                    ));
                    f.push(ManifestField::text(
                        "declared",
                        T::ManifestFieldDeclared,
                        "",
                        s,
                    ));
                    f.push(ManifestField::text(
                        "measured",
                        T::ManifestFieldMeasured,
                        "",
                        s,
                    ));
                }
            }
            ManifestEvent::Decide => {
                let options: Vec<(&str, T)> = Decision::ALL
                    .iter()
                    .map(|d| (d.code(), d.label()))
                    .collect();
                f.push(ManifestField::choice(
                    "decision",
                    T::ManifestFieldDecision,
                    &options,
                    H,
                ));
                // 拒收: the generator is told why (a reason from the list and the explanation).
                let reasons: Vec<(&str, T)> = std::iter::once(("", T::None_))
                    .chain(RejectReason::ALL.iter().map(|r| (r.code(), r.label())))
                    .collect();
                f.push(ManifestField::choice(
                    "reject_reason",
                    T::ManifestFieldRejectReason,
                    &reasons,
                    H,
                ));
                f.push(ManifestField::text(
                    "reject_note",
                    T::ManifestFieldRejectNote,
                    "",
                    H,
                ));
            }
            ManifestEvent::Complete => f.push(ManifestField::text(
                "handling_code",
                T::ManifestFieldHandlingCode,
                "",
                H,
            )),
            ManifestEvent::Cancel => {
                f.push(ManifestField::text("reason", T::ManifestFieldReason, "", H))
            }
            ManifestEvent::Submit | ManifestEvent::Backfill => {}
        }
        ManifestActionState::push(
            d,
            ActionPurpose::Event {
                id: m.id,
                row_version: m.row_version,
                event,
            },
            f,
        )
    }

    /// A follow-up of a rejected manifest: the same waste, to the same or another licence.
    pub fn follow_up(d: &ManifestDetailData) -> Out {
        let m = &d.detail.manifest;
        ManifestActionState::push(
            d,
            ActionPurpose::FollowUp { id: m.id },
            vec![ManifestField::text(
                "licence",
                T::ManifestFieldLicence,
                &m.licence_number,
                H,
            )],
        )
    }

    /// An approved storage extension: document number, new date (proposed a year after receipt),
    /// who approved it.
    pub fn extend_stock(d: &ManifestDetailData) -> Out {
        let m = &d.detail.manifest;
        let proposed = m
            .received_at
            .map(|t| t.day().date())
            .and_then(|r| r.checked_add_months(chrono::Months::new(12)))
            .map(|r| r.to_string())
            .unwrap_or_default();
        ManifestActionState::push(
            d,
            ActionPurpose::ExtendStock { id: m.id },
            vec![
                ManifestField::text("approval_number", T::ManifestFieldExtendNumber, "", H),
                ManifestField::text("extended_to", T::ManifestFieldExtendTo, &proposed, H),
                ManifestField::text("approved_by", T::ManifestFieldExtendBy, "", H),
            ],
        )
    }

    pub fn title(&self) -> T {
        match self.purpose {
            ActionPurpose::Event { event, .. } => event.label(),
            ActionPurpose::FollowUp { .. } => T::ManifestActionFollowUp,
            ActionPurpose::ExtendStock { .. } => T::ManifestActionExtendStock,
            ActionPurpose::Licence => T::ManifestScreenNewLicence,
            ActionPurpose::Approval => T::ManifestScreenNewApproval,
        }
    }

    fn v(&self, id: &str) -> String {
        value_of(&self.fields, H, id)
    }

    fn per_line(&self, id: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|f| f.id == id && matches!(f.section, Section::Line(_)))
            .map(|f| f.get())
            .collect()
    }

    /// One discrepancy per waste line whose kind is not 一致, in line order.
    pub fn discrepancies(&self) -> Vec<DiscrepancyInput> {
        let mut seqs: Vec<usize> = self
            .fields
            .iter()
            .filter_map(|f| match f.section {
                Section::Line(n) if f.id == "kind" => Some(n),
                _ => None,
            })
            .collect();
        seqs.dedup();
        seqs.into_iter()
            .filter_map(|n| {
                let s = Section::Line(n);
                let kind = DiscrepancyKind::parse(&value_of(&self.fields, s, "kind"))?;
                Some(DiscrepancyInput {
                    line_seq: i64::try_from(n).unwrap_or(1),
                    kind: Some(kind),
                    declared: value_of(&self.fields, s, "declared"),
                    measured: value_of(&self.fields, s, "measured"),
                })
            })
            .collect()
    }

    fn effect(&self) -> Effect {
        match &self.purpose {
            ActionPurpose::FollowUp { id } => Effect::Manifest(ManifestEffect::FollowUp {
                id: *id,
                licence: self.v("licence"),
            }),
            ActionPurpose::ExtendStock { id } => Effect::Manifest(ManifestEffect::ExtendStock {
                id: *id,
                input: ExtensionInput {
                    approval_number: self.v("approval_number"),
                    extended_to: self.v("extended_to"),
                    approved_by: self.v("approved_by"),
                },
            }),
            ActionPurpose::Licence => {
                Effect::Manifest(ManifestEffect::CreateLicence(LicenceInput {
                    number: self.v("number"),
                    holder_uscc: self.v("holder_uscc"),
                    holder_name: self.v("holder_name"),
                    province: self.v("province"),
                    scope: self.v("scope"),
                    // 贮存,利用 or store,utilize; unknown words are dropped and an empty list is refused.
                    modes: self
                        .v("modes")
                        .split([',', '，', '、', ' '])
                        .filter_map(Mode::parse)
                        .collect(),
                    capacity: self.v("capacity"),
                    valid_from: self.v("valid_from"),
                    valid_to: self.v("valid_to"),
                    kind: LicenceKind::parse(&self.v("kind")),
                }))
            }
            ActionPurpose::Approval => {
                Effect::Manifest(ManifestEffect::CreateApproval(ApprovalInput {
                    number: self.v("number"),
                    generator_uscc: self.v("generator_uscc"),
                    waste_code: self.v("waste_code"),
                    licence_number: self.v("licence"),
                    quantity: self.v("quantity"),
                    valid_from: self.v("valid_from"),
                    valid_to: self.v("valid_to"),
                    mode: Mode::parse(&self.v("mode")),
                }))
            }
            ActionPurpose::Event {
                id,
                row_version,
                event,
            } => {
                let leg_section = self.fields.iter().find_map(|f| match f.section {
                    Section::Leg(n) => Some(Section::Leg(n)),
                    _ => None,
                });
                let leg = leg_section.map(|s| LegDraft {
                    carrier_name: value_of(&self.fields, s, "carrier_name"),
                    carrier_uscc: value_of(&self.fields, s, "carrier_uscc"),
                    transport_licence: value_of(&self.fields, s, "transport_licence"),
                    plate: value_of(&self.fields, s, "plate"),
                    driver: value_of(&self.fields, s, "driver"),
                    escort: value_of(&self.fields, s, "escort"),
                });
                let discrepancies = if *event == ManifestEvent::ReportDiscrepancy {
                    self.discrepancies()
                } else {
                    Vec::new()
                };
                Effect::Manifest(ManifestEffect::Transition {
                    id: *id,
                    row_version: *row_version,
                    event: *event,
                    input: EventInput {
                        at: self.v("at"),
                        reason: self.v("reason"),
                        leg,
                        place: self.v("place"),
                        received: self.per_line("received"),
                        received_containers: self.per_line("received_containers"),
                        discrepancies,
                        told_generator_at: self.v("told_generator_at"),
                        told_bureau_at: self.v("told_bureau_at"),
                        decision: Decision::parse(&self.v("decision")),
                        reject_reason: RejectReason::parse(&self.v("reject_reason")),
                        reject_note: self.v("reject_note"),
                        handling_code: self.v("handling_code"),
                    },
                    acknowledged: self.ack_pending,
                })
            }
        }
    }

    /// The record's current version after a conflict: what is typed is submitted against it (the
    /// service checks the event against the manifest's current state again).
    pub fn version_reloaded(
        &mut self,
        record: Versioned,
        current: Result<(i64, Text), Text>,
    ) -> Out {
        let ActionPurpose::Event {
            id, row_version, ..
        } = &mut self.purpose
        else {
            return Out::default();
        };
        if record != Versioned::Manifest(*id) {
            return Out::default();
        }
        crate::tui::screens::take_version(row_version, current)
    }

    pub fn done(&mut self, result: Result<Text, Refusal>) -> Out {
        self.saving = false;
        match result {
            Ok(text) => Out::nav(Nav::Pop).with_message(Message::info(text)),
            Err(mut r) => {
                if r.text.key == T::ErrConflict
                    && matches!(self.purpose, ActionPurpose::Event { .. })
                {
                    r.text.key = T::ErrConflictReload;
                }
                self.ack_pending = r.warnings_only;
                if r.warnings_only {
                    return Out::message(Message::warning(
                        Text::new(T::ManifestMsgAckWarnings).arg_text("warning", r.text),
                    ));
                }
                Out::message(Message::error(r.text))
            }
        }
    }

    /// Whether something was typed or chosen since the dialog opened.
    pub fn is_dirty(&self) -> bool {
        self.baseline.changed(&self.fields)
    }

    /// Saves now (after the question, for a step of the manifest).
    pub fn proceed(&mut self) -> Out {
        if self.saving {
            return Out::default();
        }
        self.saving = true;
        Out::effect(self.effect()).with_message(Message::progress(T::MsgSaving))
    }

    pub fn on_input(&mut self, input: Input) -> Out {
        let n = self.fields.len();
        if let Input::Cmd(Cmd::Save) = input {
            if self.saving {
                return Out::default();
            }
            // A step of the manifest cannot be taken back: asked first (not again when only
            // acknowledging warnings of a step already confirmed).
            if let ActionPurpose::Event { event, .. } = self.purpose
                && !self.ack_pending
            {
                let decision = Decision::parse(&self.v("decision"));
                let (key, button) = match (event, decision) {
                    (ManifestEvent::Decide, Some(Decision::Reject)) => {
                        (T::ConfirmManifestReject, Decision::Reject.label())
                    }
                    (ManifestEvent::Cancel, _) => (T::ConfirmManifestCancel, event.label()),
                    _ => (T::ConfirmManifestEvent, event.label()),
                };
                return ask(
                    Text::new(key)
                        .arg("number", &self.number)
                        .arg_key("action", event.label()),
                    button,
                );
            }
            return self.proceed();
        }
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Out::default();
        };
        match input {
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Refresh) => {
                if let ActionPurpose::Event { id, .. } = self.purpose {
                    return Out::effect(Effect::ReloadVersion(Versioned::Manifest(id)));
                }
            }
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % n,
            Input::Cmd(Cmd::PrevField) => self.focus = (self.focus + n - 1) % n,
            Input::Cmd(Cmd::NextValue) => f.next(true),
            Input::Cmd(Cmd::PrevValue) => f.next(false),
            Input::Key(k) => f.key(k),
            Input::Paste(t) => f.paste(&t),
            _ => {}
        }
        Out::default()
    }
}

/// The carrier fields of a leg, in form order.
pub const LEG_FIELDS: [(&str, T); 6] = [
    ("carrier_name", T::ManifestFieldCarrier),
    ("carrier_uscc", T::ManifestFieldCarrierUscc),
    ("transport_licence", T::ManifestFieldTransportLicence),
    ("plate", T::ManifestFieldPlate),
    ("driver", T::ManifestFieldDriver),
    ("escort", T::ManifestFieldEscort),
];
