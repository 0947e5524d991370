//! The writes the inspection screens ask for, and the assistance module's offer to open an inspection.

use crate::domain::inspection::{
    Answer, CaseStatus, Category, Event, EventInput, EvidenceKind, Mode, RecheckResult, Severity,
};
use crate::i18n::Text;
use crate::tui::app::{Out, Screen};
use crate::tui::screens::inspection::form::InspectionFormState;

/// A write the forms and screens ask for; dates and numbers are checked where it is carried out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InspectionRequest {
    Plan {
        /// Set when the form was opened for a known enterprise; otherwise the USCC typed.
        enterprise_id: Option<i64>,
        uscc: String,
        category: Category,
        mode: Mode,
        reference: String,
        place: String,
        date: String,
        officers: Vec<i64>,
        recusal_reason: String,
        /// The recorded basis picked (`t:ID` trigger, `p:ID` 专项 plan); empty for none.
        guard: String,
    },
    Officers {
        id: i64,
        officers: Vec<i64>,
        recusal_reason: String,
    },
    Transition {
        id: i64,
        row_version: i64,
        event: Event,
        input: EventInput,
    },
    Answer {
        id: i64,
        item: String,
        answer: Answer,
        note: String,
    },
    Finding {
        id: i64,
        description: String,
        provision: String,
        severity: Severity,
        corrects: String,
        reason: String,
    },
    Evidence {
        id: i64,
        kind: EvidenceKind,
        path: String,
        description: String,
        corrects: String,
        reason: String,
        /// The number (#) of the finding it supports; empty for none.
        finding: String,
    },
    Representative {
        id: i64,
        name: String,
        position: String,
    },
    Order {
        id: i64,
        doc_number: String,
        served_on: String,
        deadline: String,
        requirements: String,
    },
    Recheck {
        id: i64,
        officers: Vec<i64>,
        result: RecheckResult,
        note: String,
    },
    Case {
        id: i64,
        case_number: String,
        discovered_on: String,
        approved_on: String,
        handler: String,
    },
    Report {
        order_id: i64,
        text: String,
        /// Why a new version replaces the last one (required after the first).
        reason: String,
    },
    /// The act behind a case (《行政处罚法》第三十六条).
    Act {
        id: i64,
        on: String,
        continuing: bool,
        five_year: bool,
    },
    /// A 专项 plan recorded (and so approved) by a supervisor.
    SpecialPlan {
        name: String,
        doc_ref: String,
        uscc: String,
        class: String,
    },
    CaseStatus {
        id: i64,
        status: CaseStatus,
        penalty_kind: String,
        penalty_yuan: String,
        note: String,
    },
    DrawPlan {
        /// The officer pool (none: every eligible officer).
        officers: Vec<i64>,
        name: String,
        region: String,
        class: String,
        ratio: String,
        count: String,
        listed_offsite: Option<bool>,
        date: String,
    },
    Verify {
        id: i64,
    },
    Export {
        id: i64,
        format: crate::export::Format,
    },
    /// 一公开 of the drawn inspections' results, recorded in the audit.
    Publish {
        id: i64,
        format: crate::export::Format,
    },
}

/// The assistance module's offer: after a service record noting problems is saved, by someone who may
/// plan inspections, the inspection form opens with the request's enterprise filled in.
pub fn offer_after_record(app: &crate::tui::app::App, result: &Result<Text, Text>) -> Option<Out> {
    use crate::tui::screens::assistance::Purpose;
    if result.is_err() || !app.may(crate::domain::account::Action::InspectionPlan) {
        return None;
    }
    let Screen::AssistanceForm(f) = app.screen() else {
        return None;
    };
    let problems = f
        .fields
        .iter()
        .any(|x| x.id == "problems" && !x.input.value().trim().is_empty());
    if !matches!(f.purpose, Purpose::Record { .. }) || !problems {
        return None;
    }
    app.screens.iter().rev().find_map(|s| match s {
        Screen::AssistanceDetail(d) => d.data.as_ref().map(|d| {
            let r = &d.detail.request;
            InspectionFormState::plan_for(r.enterprise_id, &r.enterprise_name)
        }),
        _ => None,
    })
}
