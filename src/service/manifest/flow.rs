//! Manifest transitions: submit (re-checking everything, including the approval's cumulative
//! quantity), departure and multi-leg hand-over, arrival, receipt within tolerance, discrepancy and
//! its decision, handling result, cancellation before departure, back-fill of paper manifests, and the
//! follow-up manifest of a rejected one. Each authorizes, validates, writes and audits in one transaction.

use crate::domain::account::Action;
use crate::domain::manifest::rules::{
    EventInput, ManifestEvent, Party, check_input, check_licence, is_discrepant, next_state,
};
use crate::domain::manifest::{Decision, LineDraft, ManifestState, format_tonnes, parse_tonnes};
use crate::domain::time::Minute;
use crate::domain::time_rules::{Stamp, in_order};
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use crate::service::manifest::{ManifestImage, ManifestInput, new_leg};
use crate::service::{Result, ServiceError};
use crate::store::manifest::{self as store, Discrepancy, LegStamp, Manifest};

/// A time field `check_input` has already normalised to `YYYY-MM-DD HH:MM`; anything else is refused
/// as the input error it is, never replaced by another time.
fn entered(value: &str, field: &'static str, label: T) -> Result<Minute> {
    Minute::parse(value).map_err(|_| {
        ServiceError::Invalid(vec![FieldIssue::error(
            field,
            "bad_time",
            Text::new(T::ManifestErrTime)
                .arg_key("field", label)
                .arg("value", value),
        )])
    })
}

impl crate::service::Manifests<'_> {
    /// The stored manifest as the form's input (to re-check it at submit, or to copy it).
    pub fn input(&self, id: i64) -> Result<ManifestInput> {
        let m = self.get(id)?;
        let lines = store::lines(&self.conn, id)?;
        let approval = match m.approval_id {
            Some(a) => crate::store::manifest::reference::approval(&self.conn, a)?.number,
            None => String::new(),
        };
        Ok(ManifestInput {
            number: m.number.clone(),
            origin: Some(m.origin),
            generator_id: Some(m.generator_id),
            licence_number: m.licence_number.clone(),
            mode: Some(m.handling_mode),
            transfer_date: m.transfer_date.to_string(),
            approval_number: approval,
            lines: lines
                .iter()
                .map(|l| LineDraft {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    hazard: l.hazard.clone(),
                    form: l.form.clone(),
                    components: l.components.clone(),
                    harmful: l.harmful.clone(),
                    packaging: l.packaging.clone(),
                    containers: l.containers.to_string(),
                    quantity: format_tonnes(l.quantity_kg),
                })
                .collect(),
            legs: store::legs(&self.conn, id)?
                .into_iter()
                .map(|l| l.carrier)
                .collect(),
            paper_completed_on: m
                .paper_completed_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
        })
    }

    /// Takes one event on a manifest read at `row_version`. `acknowledged` accepts the warnings of a
    /// submit (hazards narrower than the 名录, a non-adjacent province).
    pub fn transition(
        &self,
        id: i64,
        row_version: i64,
        event: ManifestEvent,
        mut input: EventInput,
        acknowledged: bool,
    ) -> Result<Manifest> {
        // The write lock is taken before anything is read: the checks below depend on other
        // manifests (the approval's cumulative quantity at submit, the licence's received total at
        // receipt), and no other submit or receipt may slip in between those checks and this write.
        self.write(|w| {
            let before = self.get(id)?;
            // Role and party/scope first (nothing leaks), then the state, then the fields.
            self.may(event.action(), &before, Some(event.party()))?;
            let to =
                next_state(before.state, event, input.decision).map_err(ServiceError::Refused)?;
            let mut lines = store::lines(&self.conn, id)?;
            let mut issues = check_input(event, &mut input, &lines);
            if issues.is_empty() {
                issues = self.event_time_issues(&before, event, &input)?;
            }
            if !issues.is_empty() {
                return Err(ServiceError::Invalid(issues));
            }
            let mut m = before.clone();
            m.row_version = row_version;
            m.state = to;
            let now = w.now().to_string();
            let written = w.at();
            let mut note = String::new();
            let mut new_leg_row = None;
            let mut stamp_leg = None;
            let mut diffs = Vec::new();
            match event {
                ManifestEvent::Submit => {
                    let typed = self.input(id)?;
                    let mut p = self.prepare(&typed, before.generator_id, id, true)?;
                    let warnings = self.plausibility(&p, id)?;
                    p.issues.extend(warnings);
                    m.warnings = crate::service::Manifests::gate(
                        std::mem::take(&mut p.issues),
                        acknowledged,
                    )?;
                    m.submitted_at = Some(written);
                }
                ManifestEvent::Depart => {
                    let at = entered(&input.at, "at", T::ManifestFieldDepartedAt)?;
                    m.departed_at = Some(at);
                    stamp_leg = Some((LegStamp::Departed, at, String::new()));
                }
                ManifestEvent::Handover => {
                    let legs = store::legs(&self.conn, id)?;
                    let leg = input.leg.clone().unwrap_or_default();
                    note = format!("{} {}", input.place, leg.carrier_name);
                    let at = entered(&input.at, "at", T::ManifestFieldHandoverAt)?;
                    stamp_leg = Some((LegStamp::HandedOver, at, input.place.clone()));
                    let mut row = new_leg(legs.len(), &leg);
                    row.departed_at = Some(at);
                    new_leg_row = Some(row);
                }
                ManifestEvent::Arrive => {
                    let at = entered(&input.at, "at", T::ManifestFieldArrivedAt)?;
                    m.arrived_at = Some(at);
                    stamp_leg = Some((LegStamp::Arrived, at, String::new()));
                }
                ManifestEvent::Confirm | ManifestEvent::ReportDiscrepancy => {
                    let tolerance = self.policy().tolerance_pct;
                    for (i, l) in lines.iter_mut().enumerate() {
                        l.received_kg = input.received.get(i).and_then(|q| parse_tonnes(q).ok());
                        l.received_containers = input
                            .received_containers
                            .get(i)
                            .and_then(|c| c.trim().parse::<i64>().ok());
                        let measured = l.received_kg.unwrap_or(0);
                        if event == ManifestEvent::Confirm
                            && is_discrepant(
                                l.quantity_kg,
                                measured,
                                l.containers,
                                l.received_containers,
                                tolerance,
                            )
                        {
                            return Err(ServiceError::Refused(
                                Text::new(T::ManifestErrMustDiscrepancy)
                                    .arg("n", l.seq)
                                    .arg("declared", format_tonnes(l.quantity_kg))
                                    .arg("dc", l.containers)
                                    .arg("measured", format_tonnes(measured))
                                    .arg("mc", l.received_containers.unwrap_or(l.containers)),
                            ));
                        }
                    }
                    m.received_at = Some(entered(&input.at, "at", T::ManifestFieldReceivedAt)?);
                    m.received_kg = Some(lines.iter().filter_map(|l| l.received_kg).sum());
                    if event == ManifestEvent::Confirm {
                        self.check_receipt_licence(&m, &lines)?;
                        m.decision = Some(Decision::Accept);
                        m.confirmed_at = Some(written);
                    } else {
                        for d in &input.discrepancies {
                            if !lines.iter().any(|l| l.seq == d.line_seq) {
                                return Err(ServiceError::Refused(
                                    Text::new(T::ManifestErrDiffLine)
                                        .arg("n", d.line_seq)
                                        .arg("lines", lines.len()),
                                ));
                            }
                            let Some(kind) = d.kind else { continue };
                            diffs.push(Discrepancy {
                                line_seq: d.line_seq,
                                kind,
                                declared: d.declared.clone(),
                                measured: d.measured.clone(),
                                told_generator_at: entered(
                                    &input.told_generator_at,
                                    "told_generator_at",
                                    T::ManifestFieldToldGenerator,
                                )?,
                                told_bureau_at: entered(
                                    &input.told_bureau_at,
                                    "told_bureau_at",
                                    T::ManifestFieldToldBureau,
                                )?,
                            });
                        }
                    }
                }
                ManifestEvent::Decide => {
                    m.decision = input.decision;
                    if input.decision == Some(Decision::Reject) {
                        // The generator is told why (the detail shows it) and may send a follow-up.
                        m.reject_reason = input.reject_reason;
                        m.reject_note = input.reject_note.clone();
                    }
                    if to == ManifestState::Received {
                        self.check_receipt_licence(&m, &lines)?;
                        m.confirmed_at = Some(written);
                    }
                    note = input
                        .decision
                        .map(|d| d.code().to_string())
                        .unwrap_or_default();
                }
                ManifestEvent::Complete => {
                    // The code must be one of the reference list (R99 is no handling method).
                    if crate::store::manifest::reference::handling_code(
                        &self.conn,
                        &input.handling_code,
                    )?
                    .is_none()
                    {
                        return Err(ServiceError::Invalid(vec![FieldIssue::error(
                            "handling_code",
                            "handling_code_unknown",
                            Text::new(T::ManifestErrHandlingCodeUnknown)
                                .arg("value", &input.handling_code),
                        )]));
                    }
                    m.handling_code = input.handling_code.clone();
                    m.completed_at = Some(written);
                    note = input.handling_code.clone();
                }
                ManifestEvent::Cancel => {
                    m.cancel_reason = input.reason.clone();
                    note = input.reason.clone();
                }
                ManifestEvent::Backfill => m.backfilled_at = Some(written),
            }
            let actor = w.actor();
            let snapshot = ManifestImage::of(w, id)?;
            let lines_changed = matches!(
                event,
                ManifestEvent::Confirm | ManifestEvent::ReportDiscrepancy
            );
            store::save(w, &m, &actor.uid, &now)?;
            if lines_changed {
                store::set_lines(w, id, &lines)?;
            }
            if let Some((which, at, place)) = &stamp_leg {
                store::stamp_leg(w, id, *which, *at, place)?;
            }
            if let Some(row) = &new_leg_row {
                store::add_leg(w, id, row)?;
            }
            for d in &diffs {
                store::add_discrepancy(w, id, d, &actor.uid, &now)?;
            }
            crate::store::history::append(
                w,
                crate::store::history::Table::Manifest,
                &crate::store::history::NewRow {
                    id,
                    event: event.code(),
                    from: before.state.code(),
                    to: to.code(),
                    note: &note,
                    at: &now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            let after = ManifestImage::of(w, id)?;
            w.audit("transition", Some(&snapshot), &after)?;
            Ok(after.manifest)
        })
    }

    /// The time rules for the time an event records: not in the future, and not before the times the
    /// manifest already has (transfer date, departure, hand-overs, arrival). Only the new time is judged,
    /// so a legacy problem elsewhere in the record (listed by `ecocase check`) does not block the flow.
    fn event_time_issues(
        &self,
        m: &Manifest,
        event: ManifestEvent,
        input: &EventInput,
    ) -> Result<Vec<FieldIssue>> {
        let (label, keep) = match event {
            ManifestEvent::Depart => (T::ManifestFieldDepartedAt, 1),
            ManifestEvent::Handover => (T::ManifestFieldHandoverAt, 3),
            ManifestEvent::Arrive => (T::ManifestFieldArrivedAt, 3),
            ManifestEvent::Confirm | ManifestEvent::ReportDiscrepancy => {
                (T::ManifestFieldReceivedAt, 4)
            }
            _ => return Ok(Vec::new()),
        };
        let Ok(at) = Minute::parse(&input.at) else {
            return Ok(Vec::new());
        };
        let legs = store::legs(&self.conn, m.id)?;
        // The times this one follows, in their order: transfer date, departure, hand-overs, arrival.
        let mut earlier = vec![Stamp::new(
            "transfer_date",
            T::ManifestFieldTransferDate,
            m.transfer_date,
        )];
        if keep >= 3 {
            earlier.extend(
                m.departed_at
                    .map(|d| Stamp::new("departed_at", T::ManifestFieldDepartedAt, d)),
            );
            earlier.extend(
                legs.iter()
                    .filter_map(|l| l.handover_at)
                    .map(|h| Stamp::new("handover_at", T::ManifestFieldHandoverAt, h)),
            );
        }
        if keep >= 4 {
            earlier.extend(
                m.arrived_at
                    .map(|a| Stamp::new("arrived_at", T::ManifestFieldArrivedAt, a)),
            );
        }
        let new = Stamp::new("at", label, at);
        let mut chain: Vec<Option<Stamp>> = earlier.into_iter().map(Some).collect();
        chain.push(Some(new));
        let mut issues: Vec<FieldIssue> = in_order(&chain)
            .into_iter()
            .filter(|i| i.field == "at")
            .collect();
        issues.extend(self.time_now().happened(new));
        Ok(issues)
    }

    /// The licence must be valid on the receipt date, cover the codes and the mode, and have room in
    /// its annual capacity for what is received now.
    fn check_receipt_licence(
        &self,
        m: &Manifest,
        lines: &[crate::domain::manifest::Line],
    ) -> Result<()> {
        let Some(lid) = m.licence_id else {
            return Ok(());
        };
        let facts = crate::store::manifest::reference::licence(&self.conn, lid)?.facts();
        let day = m
            .received_at
            .map(|t| t.day().date())
            .unwrap_or_else(|| self.today());
        let mut issues = check_licence(&facts, lines, m.handling_mode, day);
        let year = chrono::Datelike::year(&day);
        let used = crate::store::manifest::reference::licence_received_kg(
            &self.conn,
            lid,
            &year.to_string(),
            m.id,
        )?;
        let this: i64 = lines
            .iter()
            .map(|l| l.received_kg.unwrap_or(l.quantity_kg))
            .sum();
        issues.extend(crate::domain::manifest::cross::check_capacity(
            &facts, year, used, this,
        ));
        if issues.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::Invalid(issues))
        }
    }

    /// A new draft that returns or re-sends the waste of a rejected manifest, linked to it.
    pub fn follow_up(&self, id: i64, licence_number: &str) -> Result<Manifest> {
        let rejected = self.get(id)?;
        self.may(Action::ManifestDraft, &rejected, Some(Party::Generator))?;
        if rejected.state != ManifestState::Rejected {
            return Err(ServiceError::Refused(
                Text::new(T::ManifestErrBadTransition)
                    .arg_key("event", T::KeyMfFollowUp)
                    .arg_key("state", rejected.state.label()),
            ));
        }
        let mut input = self.input(id)?;
        input.number = String::new();
        input.origin = None;
        if !licence_number.trim().is_empty() {
            input.licence_number = licence_number.to_string();
        }
        let today = self.today();
        if rejected.transfer_date.date() < today {
            input.transfer_date = today.to_string();
        }
        let created = self.create(input, true)?;
        self.write(|w| {
            let snapshot = ManifestImage::of(w, created.id)?;
            store::set_follow_up(w, created.id, id)?;
            let after = ManifestImage::of(w, created.id)?;
            w.audit("update", Some(&snapshot), &after)?;
            Ok(after.manifest)
        })
    }
}
