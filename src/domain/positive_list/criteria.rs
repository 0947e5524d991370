//! The admission criteria of §2, checked against the facts the bureau holds, each with its evidence.

use crate::domain::codes::code_enum;
use crate::domain::enterprise::{Credit, PerfGrade};
use crate::domain::positive_list::*;
use crate::i18n::{T, Text};
use chrono::NaiveDate;

code_enum!(
    /// The admission criteria of §2.
    Criterion {
        NoPenalty => "no_penalty", PositiveListCritNoPenalty;
        NoIncident => "no_incident", PositiveListCritNoIncident;
        Permit => "permit", PositiveListCritPermit;
        Monitoring => "monitoring", PositiveListCritMonitoring;
        Credit => "credit", PositiveListCritCredit;
        Grade => "grade", PositiveListCritGrade;
    }
);

code_enum!(
    /// The outcome of one criterion.
    Verdict {
        Pass => "pass", PositiveListPass;
        Fail => "fail", PositiveListFail;
        Unknown => "unknown", PositiveListUnknown;
    }
);

/// One criterion's outcome with the evidence it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    pub criterion: Criterion,
    pub verdict: Verdict,
    pub evidence: Text,
}

/// What the app knows about a candidate. `None` means "no source here": the criterion is unknown
/// (待核实, naming where to verify), never passed. Penalties and incidents are the bureau's own records
/// within the policy period, each as (number or source reference, day).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub penalties: Option<Vec<(String, String)>>,
    pub incidents: Option<Vec<(String, String)>>,
    pub permit_no: String,
    pub permit_expiry: Option<NaiveDate>,
    /// 重点排污单位 must have online monitoring connected.
    pub monitoring_required: bool,
    pub monitoring_connected: Option<bool>,
    pub credit: Option<Credit>,
    pub grade: Option<PerfGrade>,
}

fn count_verdict(
    records: Option<&[(String, String)]>,
    years: u32,
    none: T,
    found: T,
    source: T,
) -> (Verdict, Text) {
    match records {
        None => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvNoSource).arg_key("source", source),
        ),
        Some([]) => (
            Verdict::Pass,
            Text::new(none)
                .arg("years", years)
                .arg_key("source", source),
        ),
        Some(list) => {
            let refs: Vec<String> = list
                .iter()
                .map(|(no, day)| format!("{no}（{day}）"))
                .collect();
            (
                Verdict::Fail,
                Text::new(found)
                    .arg("n", list.len())
                    .arg("years", years)
                    .arg("refs", refs.join("、")),
            )
        }
    }
}

/// Evaluates every criterion. The performance grade only counts in favour: a grade other than A/引领性
/// is `Unknown` ("not in favour"), never a failure.
pub fn evaluate(f: &Facts, today: NaiveDate, p: &ListPolicy) -> Vec<CriterionResult> {
    let y = p.lookback_years;
    let (pv, pe) = count_verdict(
        f.penalties.as_deref(),
        y,
        T::PositiveListEvNoPenalties,
        T::PositiveListEvPenalties,
        T::PositiveListSourceCases,
    );
    let (iv, ie) = count_verdict(
        f.incidents.as_deref(),
        y,
        T::PositiveListEvNoIncidents,
        T::PositiveListEvIncidents,
        T::PositiveListSourceIncidents,
    );
    let (permit_v, permit_e) = match (f.permit_no.trim(), f.permit_expiry) {
        ("", _) => (Verdict::Fail, Text::new(T::PositiveListEvNoPermit)),
        (no, None) => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvPermitNoExpiry)
                .arg("no", no)
                .arg_key("source", T::PositiveListSourcePermit),
        ),
        (no, Some(exp)) if exp < today => (
            Verdict::Fail,
            Text::new(T::PositiveListEvPermitExpired)
                .arg("no", no)
                .arg("date", exp),
        ),
        (no, Some(exp)) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvPermitValid)
                .arg("no", no)
                .arg("date", exp),
        ),
    };
    let (mon_v, mon_e) = match (f.monitoring_required, f.monitoring_connected) {
        (false, _) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvMonitoringNotRequired),
        ),
        (true, Some(true)) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvMonitoringConnected),
        ),
        (true, Some(false)) => (Verdict::Fail, Text::new(T::PositiveListEvMonitoringMissing)),
        (true, None) => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvMonitoringUnknown)
                .arg_key("source", T::PositiveListSourceMonitoring),
        ),
    };
    let (credit_v, credit_e) = match f.credit {
        None => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvCreditNone).arg_key("source", T::PositiveListSourceCredit),
        ),
        Some(c) => (
            if matches!(c, Credit::Green | Credit::Blue) {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
            Text::new(T::PositiveListEvCredit).arg_key("level", c.label()),
        ),
    };
    let (grade_v, grade_e) = match f.grade {
        None => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvGradeNone).arg_key("source", T::PositiveListSourceGrade),
        ),
        Some(g @ (PerfGrade::A | PerfGrade::Leading)) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvGradeFavour).arg_key("grade", g.label()),
        ),
        Some(g) => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvGradeNeutral).arg_key("grade", g.label()),
        ),
    };
    [
        (Criterion::NoPenalty, pv, pe),
        (Criterion::NoIncident, iv, ie),
        (Criterion::Permit, permit_v, permit_e),
        (Criterion::Monitoring, mon_v, mon_e),
        (Criterion::Credit, credit_v, credit_e),
        (Criterion::Grade, grade_v, grade_e),
    ]
    .into_iter()
    .map(|(criterion, verdict, evidence)| CriterionResult {
        criterion,
        verdict,
        evidence,
    })
    .collect()
}

/// A failed criterion blocks admission unless a supervisor records an override reason.
pub fn has_failure(results: &[CriterionResult]) -> bool {
    results.iter().any(|r| r.verdict == Verdict::Fail)
}
