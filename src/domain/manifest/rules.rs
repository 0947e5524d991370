//! The manifest state machine of domain.md §3 with the fields each event requires, the receiver's
//! licence check, the cross-province approval rules, and the discrepancy tolerance. Pure: the service
//! loads the facts and asks here.

use crate::domain::account::Action;
use crate::domain::codes::code_enum;
use crate::domain::manifest::{
    Decision, DiscrepancyKind, LegDraft, Line, ManifestState, RejectReason, parse_time,
    parse_tonnes,
};
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};

code_enum! {
    /// Every transition of the state machine.
    ManifestEvent {
        Submit => "submit", ManifestEventSubmit;
        Depart => "depart", ManifestEventDepart;
        Handover => "handover", ManifestEventHandover;
        Arrive => "arrive", ManifestEventArrive;
        Confirm => "confirm", ManifestEventConfirm;
        ReportDiscrepancy => "discrepancy", ManifestEventDiscrepancy;
        Decide => "decide", ManifestEventDecide;
        Complete => "complete", ManifestEventComplete;
        Cancel => "cancel", ManifestEventCancel;
        Backfill => "backfill", ManifestEventBackfill;
    }
}

/// Which party of a manifest an enterprise account must be to take an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    Generator,
    Receiver,
}

impl ManifestEvent {
    /// The permission an event needs.
    pub fn action(self) -> Action {
        match self {
            ManifestEvent::Submit | ManifestEvent::Cancel => Action::ManifestDraft,
            ManifestEvent::Depart | ManifestEvent::Handover | ManifestEvent::Arrive => {
                Action::ManifestTransport
            }
            ManifestEvent::Confirm
            | ManifestEvent::ReportDiscrepancy
            | ManifestEvent::Decide
            | ManifestEvent::Complete => Action::ManifestReceive,
            ManifestEvent::Backfill => Action::ManifestOversee,
        }
    }

    /// The generator fills, submits, cancels and reports the departure and hand-overs; the receiver
    /// reports arrival, confirms, records discrepancies and the handling result.
    pub fn party(self) -> Party {
        match self {
            ManifestEvent::Submit
            | ManifestEvent::Cancel
            | ManifestEvent::Depart
            | ManifestEvent::Handover
            | ManifestEvent::Backfill => Party::Generator,
            ManifestEvent::Arrive
            | ManifestEvent::Confirm
            | ManifestEvent::ReportDiscrepancy
            | ManifestEvent::Decide
            | ManifestEvent::Complete => Party::Receiver,
        }
    }
}

/// The state an event leads to, or why it may not be taken now.
pub fn next_state(
    from: ManifestState,
    event: ManifestEvent,
    decision: Option<Decision>,
) -> Result<ManifestState, Text> {
    use ManifestEvent as E;
    use ManifestState as S;
    let to = match (from, event) {
        (S::Draft, E::Submit) => S::PendingTransport,
        (S::PendingTransport, E::Depart) => S::InTransit,
        (S::InTransit, E::Handover) => S::InTransit,
        (S::InTransit, E::Arrive) => S::AwaitingReceipt,
        (S::AwaitingReceipt, E::Confirm) => S::Received,
        (S::AwaitingReceipt, E::ReportDiscrepancy) => S::Discrepancy,
        (S::Discrepancy, E::Decide) => match decision {
            Some(Decision::Reject) => S::Rejected,
            Some(_) => S::Received,
            None => return Err(Text::new(T::ManifestErrDecisionRequired)),
        },
        (S::Received, E::Complete) => S::Completed,
        (S::Draft | S::PendingTransport, E::Cancel) => S::Cancelled,
        (S::InTransit | S::AwaitingReceipt | S::Discrepancy | S::Received, E::Cancel) => {
            return Err(Text::new(T::ManifestErrCancelAfterDeparture));
        }
        (S::PendingBackfill, E::Backfill) => S::Backfilled,
        _ => {
            return Err(Text::new(T::ManifestErrBadTransition)
                .arg_key("event", event.label())
                .arg_key("state", from.label()));
        }
    };
    Ok(to)
}

/// One difference the receiver found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscrepancyInput {
    pub line_seq: i64,
    pub kind: Option<DiscrepancyKind>,
    pub declared: String,
    pub measured: String,
}

/// What a person typed for an event; each event reads the fields it needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventInput {
    /// When it happened (departure, hand-over, arrival, receipt): `YYYY-MM-DD HH:MM`.
    pub at: String,
    pub reason: String,
    /// The next carrier at a hand-over.
    pub leg: Option<LegDraft>,
    pub place: String,
    /// Received quantity (tonnes) per line, by line order.
    pub received: Vec<String>,
    /// Received container count per line (empty: as declared).
    pub received_containers: Vec<String>,
    pub discrepancies: Vec<DiscrepancyInput>,
    pub told_generator_at: String,
    pub told_bureau_at: String,
    pub decision: Option<Decision>,
    /// A rejection's reason from the list and the receiver's explanation (both required).
    pub reject_reason: Option<RejectReason>,
    pub reject_note: String,
    pub handling_code: String,
}

fn req(field: &'static str, label: T) -> FieldIssue {
    FieldIssue::error(
        field,
        "required",
        Text::new(T::ErrRequired).arg_key("field", label),
    )
}

/// Normalises an entered time in place; an issue when it is missing or malformed.
fn time_field(value: &mut String, field: &'static str, label: T) -> Option<FieldIssue> {
    if value.trim().is_empty() {
        return Some(req(field, label));
    }
    match parse_time(value) {
        Some(t) => {
            *value = t;
            None
        }
        None => Some(FieldIssue::error(
            field,
            "bad_time",
            Text::new(T::ManifestErrTime)
                .arg_key("field", label)
                .arg("value", value.trim()),
        )),
    }
}

/// Handling method codes of the receiver's report: R1-R15, D1-D16, C1-C9 style (a letter and 1-2 digits).
pub fn valid_handling_code(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.first(), Some(b'R' | b'D' | b'C'))
        && (2..=3).contains(&b.len())
        && b[1..].iter().all(u8::is_ascii_digit)
        && b[1] != b'0'
}

/// The fields an event requires, normalised in place. `lines` are the manifest's waste lines.
pub fn check_input(
    event: ManifestEvent,
    input: &mut EventInput,
    lines: &[Line],
) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let at_label = match event {
        ManifestEvent::Depart => T::ManifestFieldDepartedAt,
        ManifestEvent::Handover => T::ManifestFieldHandoverAt,
        ManifestEvent::Arrive => T::ManifestFieldArrivedAt,
        _ => T::ManifestFieldReceivedAt,
    };
    match event {
        ManifestEvent::Depart
        | ManifestEvent::Arrive
        | ManifestEvent::Confirm
        | ManifestEvent::ReportDiscrepancy => {
            issues.extend(time_field(&mut input.at, "at", at_label));
        }
        ManifestEvent::Handover => {
            issues.extend(time_field(&mut input.at, "at", at_label));
            input.place = crate::domain::text::normalize_text(&input.place);
            if input.place.is_empty() {
                issues.push(req("place", T::ManifestFieldHandoverPlace));
            }
            match &mut input.leg {
                Some(leg) => issues.extend(leg.validate(0)),
                None => issues.push(req("leg.carrier_name", T::ManifestFieldCarrier)),
            }
        }
        ManifestEvent::Cancel => {
            input.reason = crate::domain::text::normalize_text(&input.reason);
            if input.reason.is_empty() {
                issues.push(req("reason", T::ManifestFieldReason));
            }
        }
        ManifestEvent::Complete => {
            input.handling_code = crate::domain::text::normalize_code(&input.handling_code);
            if input.handling_code.is_empty() {
                issues.push(req("handling_code", T::ManifestFieldHandlingCode));
            } else if !valid_handling_code(&input.handling_code) {
                issues.push(FieldIssue::error(
                    "handling_code",
                    "bad_handling_code",
                    Text::new(T::ManifestErrHandlingCode).arg("value", &input.handling_code),
                ));
            }
        }
        ManifestEvent::Decide => {
            input.reject_note = crate::domain::text::normalize_text(&input.reject_note);
            if input.decision.is_none() {
                issues.push(req("decision", T::ManifestFieldDecision));
            }
            if input.decision == Some(Decision::Reject)
                && (input.reject_reason.is_none() || input.reject_note.is_empty())
            {
                issues.push(FieldIssue::error(
                    "reject_reason",
                    "reject_reason",
                    Text::new(T::ManifestErrRejectReason),
                ));
            }
        }
        ManifestEvent::Submit | ManifestEvent::Backfill => {}
    }
    if matches!(
        event,
        ManifestEvent::Confirm | ManifestEvent::ReportDiscrepancy
    ) {
        for (i, line) in lines.iter().enumerate() {
            let raw = input.received.get(i).map(String::as_str).unwrap_or("");
            if let Err(t) = parse_tonnes(raw) {
                issues.push(FieldIssue::error(
                    "received",
                    "bad_quantity",
                    Text::new(T::ManifestErrLine)
                        .arg("n", line.seq)
                        .arg_text("msg", t),
                ));
            }
            let c = input
                .received_containers
                .get(i)
                .map(|s| s.trim())
                .unwrap_or("");
            if !c.is_empty() && c.parse::<i64>().map_or(true, |n| n < 0) {
                issues.push(FieldIssue::error(
                    "received_containers",
                    "bad_containers",
                    Text::new(T::ManifestErrLine)
                        .arg("n", line.seq)
                        .arg_text("msg", Text::new(T::ManifestErrContainers).arg("value", c)),
                ));
            }
        }
    }
    if event == ManifestEvent::ReportDiscrepancy {
        issues.extend(time_field(
            &mut input.told_generator_at,
            "told_generator_at",
            T::ManifestFieldToldGenerator,
        ));
        issues.extend(time_field(
            &mut input.told_bureau_at,
            "told_bureau_at",
            T::ManifestFieldToldBureau,
        ));
        if input.discrepancies.is_empty() {
            issues.push(req("discrepancy", T::ManifestFieldDiffKind));
        }
        for d in &mut input.discrepancies {
            d.declared = crate::domain::text::normalize_text(&d.declared);
            d.measured = crate::domain::text::normalize_text(&d.measured);
            // Several lines may differ: each message names its line.
            let on_line = |mut i: FieldIssue| {
                i.text = Text::new(T::ManifestErrLine)
                    .arg("n", d.line_seq)
                    .arg_text("msg", i.text);
                i
            };
            if d.kind.is_none() {
                issues.push(on_line(req("discrepancy.kind", T::ManifestFieldDiffKind)));
            }
            if d.declared.is_empty() {
                issues.push(on_line(req(
                    "discrepancy.declared",
                    T::ManifestFieldDeclared,
                )));
            }
            if d.measured.is_empty() {
                issues.push(on_line(req(
                    "discrepancy.measured",
                    T::ManifestFieldMeasured,
                )));
            }
        }
    }
    issues
}

/// Whether a measured line differs from its declaration beyond the policy tolerance: bulk weight by
/// more than `tolerance_pct` percent, or any difference in the container count.
pub fn is_discrepant(
    declared_kg: i64,
    measured_kg: i64,
    declared_containers: i64,
    measured_containers: Option<i64>,
    tolerance_pct: i64,
) -> bool {
    let diff = (declared_kg - measured_kg).abs();
    diff * 100 > declared_kg * tolerance_pct
        || measured_containers.is_some_and(|c| c != declared_containers)
}

pub use crate::domain::manifest::cross::{
    ADJACENT, ApprovalFacts, LicenceFacts, check_approval_validity, check_cross_province,
    check_licence,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_transition_and_its_refusals() {
        use ManifestEvent as E;
        use ManifestState as S;
        let legal = [
            (S::Draft, E::Submit, None, S::PendingTransport),
            (S::PendingTransport, E::Depart, None, S::InTransit),
            (S::InTransit, E::Handover, None, S::InTransit),
            (S::InTransit, E::Arrive, None, S::AwaitingReceipt),
            (S::AwaitingReceipt, E::Confirm, None, S::Received),
            (
                S::AwaitingReceipt,
                E::ReportDiscrepancy,
                None,
                S::Discrepancy,
            ),
            (
                S::Discrepancy,
                E::Decide,
                Some(Decision::Accept),
                S::Received,
            ),
            (
                S::Discrepancy,
                E::Decide,
                Some(Decision::Partial),
                S::Received,
            ),
            (
                S::Discrepancy,
                E::Decide,
                Some(Decision::Reject),
                S::Rejected,
            ),
            (S::Received, E::Complete, None, S::Completed),
            (S::Draft, E::Cancel, None, S::Cancelled),
            (S::PendingTransport, E::Cancel, None, S::Cancelled),
            (S::PendingBackfill, E::Backfill, None, S::Backfilled),
        ];
        for (from, e, dec, to) in legal {
            assert_eq!(next_state(from, e, dec), Ok(to), "{from:?} {e:?}");
        }
        let msg = next_state(S::InTransit, E::Cancel, None)
            .err()
            .map(|t| t.render(Lang::Zh))
            .unwrap_or_default();
        assert!(msg.contains("起运"), "{msg}");
        let msg = next_state(S::Completed, E::Confirm, None)
            .err()
            .map(|t| t.render(Lang::Zh))
            .unwrap_or_default();
        assert!(msg.contains("已完成"), "{msg}");
        assert!(next_state(S::Discrepancy, E::Decide, None).is_err());
    }

    fn line(code: &str, kg: i64) -> Line {
        Line {
            seq: 1,
            code: code.into(),
            category: format!("HW{}", &code[8..]),
            name: "废机油".into(),
            hazard: "T,I".into(),
            form: "L".into(),
            components: String::new(),
            harmful: String::new(),
            packaging: "铁桶".into(),
            containers: 10,
            quantity_kg: kg,
            received_kg: None,
            received_containers: None,
        }
    }

    #[test]
    fn required_fields_per_event() {
        let lines = [line("900-249-08", 2000)];
        let mut empty = EventInput::default();
        let fields = |e: ManifestEvent, i: &mut EventInput| -> Vec<&'static str> {
            check_input(e, i, &lines).iter().map(|x| x.field).collect()
        };
        assert_eq!(fields(ManifestEvent::Depart, &mut empty), vec!["at"]);
        assert_eq!(fields(ManifestEvent::Cancel, &mut empty), vec!["reason"]);
        assert_eq!(
            fields(ManifestEvent::Complete, &mut empty),
            vec!["handling_code"]
        );
        assert_eq!(fields(ManifestEvent::Decide, &mut empty), vec!["decision"]);
        // 拒收 needs a reason from the list and an explanation.
        let mut reject = EventInput {
            decision: Some(Decision::Reject),
            ..EventInput::default()
        };
        assert_eq!(
            fields(ManifestEvent::Decide, &mut reject),
            vec!["reject_reason"]
        );
        reject.reject_reason = Some(RejectReason::Packaging);
        assert_eq!(
            fields(ManifestEvent::Decide, &mut reject),
            vec!["reject_reason"]
        );
        reject.reject_note = " 3 桶渗漏 ".into();
        assert!(fields(ManifestEvent::Decide, &mut reject).is_empty());
        assert_eq!(reject.reject_note, "3 桶渗漏");
        assert_eq!(
            fields(ManifestEvent::Confirm, &mut empty),
            vec!["at", "received"]
        );
        assert_eq!(
            fields(ManifestEvent::Handover, &mut empty),
            vec!["at", "place", "leg.carrier_name"]
        );
        assert_eq!(
            fields(ManifestEvent::ReportDiscrepancy, &mut empty),
            vec![
                "at",
                "received",
                "told_generator_at",
                "told_bureau_at",
                "discrepancy"
            ]
        );
        let mut ok = EventInput {
            at: "2026-03-02 9:05".into(),
            received: vec!["2".into()],
            ..EventInput::default()
        };
        // 9:05 is not HH:MM but chrono accepts one-digit hours; stored normalised.
        assert!(fields(ManifestEvent::Confirm, &mut ok).is_empty());
        assert_eq!(ok.at, "2026-03-02 09:05");
        let mut bad = EventInput {
            handling_code: "X9".into(),
            ..EventInput::default()
        };
        assert_eq!(
            fields(ManifestEvent::Complete, &mut bad),
            vec!["handling_code"]
        );
        assert!(
            valid_handling_code("R9") && valid_handling_code("D10") && valid_handling_code("C1")
        );
        assert!(
            !valid_handling_code("R0") && !valid_handling_code("R") && !valid_handling_code("R100")
        );
    }

    #[test]
    fn tolerance_is_ten_percent_of_bulk_weight_or_any_container() {
        assert!(!is_discrepant(10_000, 9_000, 10, None, 10));
        assert!(is_discrepant(10_000, 8_999, 10, None, 10));
        assert!(!is_discrepant(10_000, 11_000, 10, Some(10), 10));
        assert!(is_discrepant(10_000, 11_001, 10, None, 10));
        assert!(is_discrepant(10_000, 10_000, 10, Some(9), 10));
    }
}
