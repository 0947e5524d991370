//! The enterprise register: fields of spec/domain.md §0 and their validation.
pub mod columns;
mod draft;

pub use draft::validate_draft;

use crate::domain::codes::code_enum;
use crate::domain::time::{Day, Instant};
use crate::domain::validate::FieldIssue;
use crate::i18n::{Lang, T, Text};
use serde::{Deserialize, Serialize};

code_enum!(
    /// 排污许可管理类别.
    PermitClass {
        Key => "key", PermitKey;
        Simplified => "simplified", PermitSimplified;
        Registration => "registration", PermitRegistration;
    }
);

code_enum!(
    /// 危险废物管理类别.
    HwClass {
        Key => "key", HwKey;
        Simplified => "simplified", PermitSimplified;
        Registration => "registration", PermitRegistration;
    }
);

code_enum!(
    /// 重点排污单位 categories (an enterprise may carry several).
    KeyFlag {
        Water => "water", FlagWater;
        Air => "air", FlagAir;
        Groundwater => "groundwater", FlagGroundwater;
        Noise => "noise", FlagNoise;
        Soil => "soil", FlagSoil;
        Risk => "risk", FlagRisk;
    }
);

code_enum!(
    /// 山东省环境信用评价.
    Credit {
        Green => "green", CreditGreen;
        Blue => "blue", CreditBlue;
        Yellow => "yellow", CreditYellow;
        Black => "black", CreditBlack;
    }
);

code_enum!(
    /// 重污染天气绩效分级.
    PerfGrade {
        A => "A", GradeA;
        B => "B", GradeB;
        BMinus => "B-", GradeBMinus;
        C => "C", GradeC;
        D => "D", GradeD;
        Leading => "leading", GradeLeading;
    }
);

code_enum!(
    /// 经营状态.
    Status {
        Operating => "operating", StatusOperating;
        Suspended => "suspended", StatusSuspended;
        Closed => "closed", StatusClosed;
    }
);

code_enum!(
    /// 正面清单 status as shown on the register (derived from the positive-list module).
    ListStatus {
        None => "none", ListNone;
        Candidate => "candidate", ListCandidate;
        Notice => "notice", ListNotice;
        Listed => "listed", ListListed;
        Review => "review", ListReview;
        Removed => "removed", ListRemoved;
        Rejected => "rejected", ListRejected;
    }
);

/// A stored enterprise as the service layer returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enterprise {
    pub id: i64,
    pub uid: String,
    pub uscc: String,
    /// Set when a pre-standard code that fails the checksum was accepted; the record is flagged.
    pub uscc_nonstandard_reason: Option<String>,
    pub name: String,
    pub legal_rep: String,
    pub contact: String,
    pub phone: String,
    pub address: String,
    pub region_code: String,
    pub industry_code: String,
    pub permit_no: String,
    pub permit_class: String,
    #[serde(with = "crate::domain::time::blank_day")]
    pub permit_expiry: Option<Day>,
    pub key_flags: String,
    pub hw_class: String,
    pub credit: String,
    pub perf_grade: String,
    pub list_status: String,
    pub status: String,
    pub row_version: i64,
    pub created_at: Instant,
    pub updated_at: Instant,
    pub updated_by: String,
}

/// A former name and the day it stopped being used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerName {
    pub name: String,
    pub valid_to: Day,
}

/// What a form or an import row supplies: text as typed, validated and normalised by [`validate_draft`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseDraft {
    pub uscc: String,
    /// Reason for accepting a code that fails the checksum (pre-standard codes). Empty: not accepted.
    pub uscc_reason: String,
    pub name: String,
    pub legal_rep: String,
    pub contact: String,
    pub phone: String,
    pub address: String,
    pub region_code: String,
    pub industry_code: String,
    pub permit_no: String,
    pub permit_class: String,
    pub permit_expiry: String,
    pub key_flags: String,
    pub hw_class: String,
    pub credit: String,
    pub perf_grade: String,
    pub status: String,
}

impl EnterpriseDraft {
    /// The draft of an existing record, for editing.
    pub fn from_enterprise(e: &Enterprise) -> EnterpriseDraft {
        EnterpriseDraft {
            uscc: e.uscc.clone(),
            uscc_reason: e.uscc_nonstandard_reason.clone().unwrap_or_default(),
            name: e.name.clone(),
            legal_rep: e.legal_rep.clone(),
            contact: e.contact.clone(),
            phone: e.phone.clone(),
            address: e.address.clone(),
            region_code: e.region_code.clone(),
            industry_code: e.industry_code.clone(),
            permit_no: e.permit_no.clone(),
            permit_class: e.permit_class.clone(),
            permit_expiry: crate::domain::time::day_text(e.permit_expiry),
            key_flags: e.key_flags.clone(),
            hw_class: e.hw_class.clone(),
            credit: e.credit.clone(),
            perf_grade: e.perf_grade.clone(),
            status: e.status.clone(),
        }
    }
}

/// Field length limits, in characters.
const MAX_NAME: usize = 100;
const MAX_TEXT: usize = 200;

fn choices<E: Copy>(all: &[E], code: impl Fn(E) -> &'static str) -> String {
    all.iter().map(|v| code(*v)).collect::<Vec<_>>().join("/")
}

/// Normalises a choice field to its stored code; an unknown value is an error listing the choices.
fn choice<E: Copy>(
    field: &'static str,
    label: T,
    value: &mut String,
    parse: impl Fn(&str) -> Option<E>,
    code: impl Fn(E) -> &'static str,
    all: &[E],
    issues: &mut Vec<FieldIssue>,
) {
    let v = value.trim();
    if v.is_empty() {
        value.clear();
        return;
    }
    match parse(v) {
        Some(e) => *value = code(e).to_string(),
        None => issues.push(FieldIssue::error(
            field,
            "choice",
            Text::new(T::ErrChoice)
                .arg_key("field", label)
                .arg("value", v)
                .arg("choices", choices(all, &code)),
        )),
    }
}

/// Shows a stored comma-separated flag list in the chosen language.
pub fn key_flags_label(codes: &str, lang: Lang) -> String {
    codes
        .split(',')
        .filter_map(KeyFlag::parse)
        .map(|f| f.label().get(lang))
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " })
}

/// Shows a stored code through its enum's label, or the code itself if unknown.
pub fn label_of<E: Copy>(
    code: &str,
    parse: impl Fn(&str) -> Option<E>,
    label: impl Fn(E) -> T,
    lang: Lang,
) -> String {
    if code.is_empty() {
        return String::new();
    }
    parse(code)
        .map(|e| label(e).get(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}
