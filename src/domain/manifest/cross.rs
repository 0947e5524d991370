//! The receiver's licence check and the cross-province rules of domain.md §3: an approval is mandatory
//! outside Shandong, valid at most 12 months and not beyond the licence, for the manifest's code and
//! receiver, and the cumulative quantity may not exceed it; non-adjacent provinces are warned.

use crate::domain::manifest::{LicenceKind, Line, Mode, PROVINCE, format_tonnes};
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use chrono::{Months, NaiveDate};

/// A receiver's licence as far as the rules need it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LicenceFacts {
    pub number: String,
    pub province: String,
    /// Categories (`HW08`) or codes (`900-249-08`).
    pub scope: Vec<String>,
    pub modes: Vec<String>,
    pub capacity_kg: i64,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
}

impl LicenceFacts {
    pub fn covers(&self, code: &str, category: &str) -> bool {
        self.scope.iter().any(|s| s == code || s == category)
    }

    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && day <= self.valid_to
    }
}

/// The licence's annual capacity: refused when what the receiver already accepted under it in the
/// receipt's year (`used_kg`) plus this receipt (`this_kg`) would exceed it.
pub fn check_capacity(
    l: &LicenceFacts,
    year: i32,
    used_kg: i64,
    this_kg: i64,
) -> Option<FieldIssue> {
    let total = used_kg.saturating_add(this_kg);
    (total > l.capacity_kg).then(|| {
        FieldIssue::error(
            "received",
            "licence_capacity",
            Text::new(T::ManifestErrLicenceCapacity)
                .arg("number", &l.number)
                .arg("capacity", format_tonnes(l.capacity_kg))
                .arg("year", year)
                .arg("used", format_tonnes(used_kg))
                .arg("this", format_tonnes(this_kg)),
        )
    })
}

/// The licence must be valid on `day` and cover every line's code and the handling mode.
pub fn check_licence(
    l: &LicenceFacts,
    lines: &[Line],
    mode: Mode,
    day: NaiveDate,
) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    if !l.valid_on(day) {
        issues.push(FieldIssue::error(
            "licence",
            "licence_expired",
            Text::new(T::ManifestErrLicenceValidity)
                .arg("number", &l.number)
                .arg("day", day)
                .arg("from", l.valid_from)
                .arg("to", l.valid_to),
        ));
    }
    if !l.modes.iter().any(|m| m == mode.code()) {
        issues.push(FieldIssue::error(
            "mode",
            "licence_mode",
            Text::new(T::ManifestErrLicenceMode)
                .arg("number", &l.number)
                .arg_key("mode", mode.label()),
        ));
    }
    for line in lines {
        if !l.covers(&line.code, &line.category) {
            issues.push(FieldIssue::error(
                "licence",
                "licence_scope",
                Text::new(T::ManifestErrLicenceScope)
                    .arg("number", &l.number)
                    .arg("code", &line.code),
            ));
        }
    }
    issues
}

/// A cross-province approval and what its other manifests already carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApprovalFacts {
    pub number: String,
    pub waste_code: String,
    pub licence_number: String,
    pub approved_kg: i64,
    /// The quantity of the approval's other live manifests (not cancelled, not rejected).
    pub used_kg: i64,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// The handling mode approved (贮存/利用/处置, Art. 27); `None` for approvals recorded before
    /// ecocase kept it.
    pub mode: Option<Mode>,
}

/// Provinces adjacent to Shandong: 河北, 河南, 江苏, 安徽.
pub const ADJACENT: [&str; 4] = ["13", "41", "32", "34"];

/// The last day of a term of `months` starting on `from`: the day before the anniversary
/// (2026-01-01 + 12 months ends 2026-12-31).
pub fn term_end(from: NaiveDate, months: u32) -> NaiveDate {
    from.checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(from)
}

/// A licence's term: a 危险废物经营许可证 (综合) runs at most five years, a 收集 licence three
/// (危险废物经营许可证管理办法 第十二条); the day before the anniversary is the last day.
pub fn check_licence_term(kind: LicenceKind, from: NaiveDate, to: NaiveDate) -> Option<FieldIssue> {
    let years = match kind {
        LicenceKind::Comprehensive => 5,
        LicenceKind::Collect => 3,
    };
    let limit = term_end(from, years * 12);
    (to > limit).then(|| {
        FieldIssue::error(
            "valid_to",
            "licence_term",
            Text::new(T::ManifestErrLicenceTerm)
                .arg_key("kind", kind.label())
                .arg("years", years)
                .arg("from", from)
                .arg("to", to)
                .arg("limit", limit),
        )
    })
}

/// An approval's own validity: at most 12 months (ending the day before the anniversary) and not
/// beyond the receiver's licence.
pub fn check_approval_validity(
    from: NaiveDate,
    to: NaiveDate,
    licence: &LicenceFacts,
) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let limit = term_end(from, 12);
    if to < from {
        issues.push(FieldIssue::error(
            "approval.valid_to",
            "approval_order",
            Text::new(T::ManifestErrApprovalOrder),
        ));
    } else if to > limit {
        issues.push(FieldIssue::error(
            "approval.valid_to",
            "approval_12_months",
            Text::new(T::ManifestErrApproval12Months)
                .arg("from", from)
                .arg("to", to)
                .arg("limit", limit),
        ));
    }
    if to > licence.valid_to {
        issues.push(FieldIssue::error(
            "approval.valid_to",
            "approval_beyond_licence",
            Text::new(T::ManifestErrApprovalBeyondLicence)
                .arg("to", to)
                .arg("licence", &licence.number)
                .arg("licence_to", licence.valid_to),
        ));
    }
    issues
}

/// The cross-province rules for a manifest to a receiver in `licence.province`, handled in `mode`.
pub fn check_cross_province(
    licence: &LicenceFacts,
    approval: Option<&ApprovalFacts>,
    lines: &[Line],
    transfer_date: NaiveDate,
    mode: Option<Mode>,
) -> Vec<FieldIssue> {
    if licence.province == PROVINCE {
        return Vec::new();
    }
    let mut issues = Vec::new();
    if !ADJACENT.contains(&licence.province.as_str()) {
        issues.push(FieldIssue::warning(
            "licence",
            "not_adjacent",
            Text::new(T::ManifestWarnNotAdjacent).arg("province", &licence.province),
        ));
    }
    let Some(a) = approval else {
        issues.push(FieldIssue::error(
            "approval",
            "approval_required",
            Text::new(T::ManifestErrApprovalRequired).arg("province", &licence.province),
        ));
        return issues;
    };
    issues.extend(check_approval_validity(a.valid_from, a.valid_to, licence));
    if transfer_date < a.valid_from || transfer_date > a.valid_to {
        issues.push(FieldIssue::error(
            "approval",
            "approval_not_valid",
            Text::new(T::ManifestErrApprovalDate)
                .arg("number", &a.number)
                .arg("day", transfer_date)
                .arg("from", a.valid_from)
                .arg("to", a.valid_to),
        ));
    }
    if a.licence_number != licence.number {
        issues.push(FieldIssue::error(
            "approval",
            "approval_receiver",
            Text::new(T::ManifestErrApprovalReceiver)
                .arg("number", &a.number)
                .arg("licence", &a.licence_number),
        ));
    }
    // Art. 28: a change of the approved handling mode needs a new application.
    if let (Some(approved), Some(m)) = (a.mode, mode)
        && approved != m
    {
        issues.push(FieldIssue::error(
            "mode",
            "approval_mode",
            Text::new(T::ManifestErrApprovalMode)
                .arg("number", &a.number)
                .arg_key("approved", approved.label())
                .arg_key("mode", m.label()),
        ));
    }
    for line in lines.iter().filter(|l| l.code != a.waste_code) {
        issues.push(FieldIssue::error(
            "approval",
            "approval_code",
            Text::new(T::ManifestErrApprovalCode)
                .arg("number", &a.number)
                .arg("approved", &a.waste_code)
                .arg("code", &line.code),
        ));
    }
    let this: i64 = lines.iter().map(|l| l.quantity_kg).sum();
    if a.used_kg + this > a.approved_kg {
        issues.push(FieldIssue::error(
            "approval",
            "approval_quantity",
            Text::new(T::ManifestErrApprovalQuantity)
                .arg("number", &a.number)
                .arg(
                    "approved",
                    crate::domain::manifest::format_tonnes(a.approved_kg),
                )
                .arg("used", crate::domain::manifest::format_tonnes(a.used_kg))
                .arg("this", crate::domain::manifest::format_tonnes(this)),
        ));
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
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

    fn licence(province: &str) -> LicenceFacts {
        LicenceFacts {
            number: "鲁危证15号".into(),
            province: province.into(),
            scope: vec!["HW08".into(), "900-041-49".into()],
            modes: vec!["store".into(), "utilize".into()],
            capacity_kg: 50_000_000,
            valid_from: d("2025-01-01"),
            valid_to: d("2026-12-31"),
        }
    }

    #[test]
    fn licence_validity_scope_and_mode() {
        let l = licence("37");
        let lines = [line("900-249-08", 1000), line("900-041-49", 1000)];
        assert!(check_licence(&l, &lines, Mode::Utilize, d("2026-06-01")).is_empty());
        let codes = |v: Vec<FieldIssue>| v.iter().map(|i| i.code).collect::<Vec<_>>();
        assert_eq!(
            codes(check_licence(&l, &lines, Mode::Dispose, d("2027-01-01"))),
            vec!["licence_expired", "licence_mode"]
        );
        assert_eq!(
            codes(check_licence(
                &l,
                &[line("900-039-49", 1)],
                Mode::Store,
                d("2026-01-01")
            )),
            vec!["licence_scope"]
        );
    }

    fn approval(used: i64) -> ApprovalFacts {
        ApprovalFacts {
            number: "冀危转审2026-001".into(),
            waste_code: "900-249-08".into(),
            licence_number: "鲁危证15号".into(),
            approved_kg: 100_000,
            used_kg: used,
            valid_from: d("2026-01-01"),
            valid_to: d("2026-12-31"),
            mode: Some(Mode::Utilize),
        }
    }

    #[test]
    fn a_changed_handling_mode_is_refused_citing_article_28() {
        let lines = [line("900-249-08", 10_000)];
        let day = d("2026-05-01");
        let a = approval(0);
        assert!(
            check_cross_province(&licence("13"), Some(&a), &lines, day, Some(Mode::Utilize))
                .is_empty()
        );
        let issues =
            check_cross_province(&licence("13"), Some(&a), &lines, day, Some(Mode::Dispose));
        assert_eq!(issues[0].code, "approval_mode");
        let zh = issues[0].text.render(crate::i18n::Lang::Zh);
        assert!(
            zh.contains("第二十八条") && zh.contains("利用") && zh.contains("处置"),
            "{zh}"
        );
        // An approval recorded before modes were kept is not refused for it.
        let old = ApprovalFacts { mode: None, ..a };
        assert!(
            check_cross_province(&licence("13"), Some(&old), &lines, day, Some(Mode::Dispose))
                .is_empty()
        );
    }

    #[test]
    fn licence_terms_by_kind() {
        let from = d("2026-01-01");
        assert!(check_licence_term(LicenceKind::Comprehensive, from, d("2030-12-31")).is_none());
        // The issue's 6 years 2 months.
        let too_long = check_licence_term(LicenceKind::Comprehensive, from, d("2032-03-01"));
        assert_eq!(too_long.map(|i| i.code), Some("licence_term"));
        assert!(check_licence_term(LicenceKind::Comprehensive, from, d("2031-01-01")).is_some());
        assert!(check_licence_term(LicenceKind::Collect, from, d("2028-12-31")).is_none());
        assert!(check_licence_term(LicenceKind::Collect, from, d("2029-01-01")).is_some());
    }

    #[test]
    fn cross_province_rules() {
        let codes = |v: Vec<FieldIssue>| v.iter().map(|i| i.code).collect::<Vec<_>>();
        let lines = [line("900-249-08", 10_000)];
        let day = d("2026-05-01");
        assert!(check_cross_province(&licence("37"), None, &lines, day, None).is_empty());
        assert_eq!(
            codes(check_cross_province(
                &licence("13"),
                None,
                &lines,
                day,
                None
            )),
            vec!["approval_required"]
        );
        assert!(
            check_cross_province(&licence("13"), Some(&approval(0)), &lines, day, None).is_empty()
        );
        // 90 t used + 10 t is exactly the approved 100 t; one kilogram more is refused.
        assert!(
            check_cross_province(&licence("13"), Some(&approval(90_000)), &lines, day, None)
                .is_empty()
        );
        assert_eq!(
            codes(check_cross_province(
                &licence("13"),
                Some(&approval(90_001)),
                &lines,
                day,
                None
            )),
            vec!["approval_quantity"]
        );
        assert_eq!(
            codes(check_cross_province(
                &licence("44"),
                Some(&approval(0)),
                &lines,
                day,
                None
            )),
            vec!["not_adjacent"]
        );
        assert_eq!(
            codes(check_cross_province(
                &licence("32"),
                Some(&approval(0)),
                &[line("900-041-49", 1)],
                d("2027-01-05"),
                None
            )),
            vec!["approval_not_valid", "approval_code"]
        );
        let mut other = approval(0);
        other.licence_number = "苏危证9号".into();
        assert_eq!(
            codes(check_cross_province(
                &licence("32"),
                Some(&other),
                &lines,
                day,
                None
            )),
            vec!["approval_receiver"]
        );
    }

    #[test]
    fn approval_at_most_twelve_months_and_within_the_licence() {
        let codes = |v: Vec<FieldIssue>| v.iter().map(|i| i.code).collect::<Vec<_>>();
        let l = licence("13");
        assert!(check_approval_validity(d("2026-01-01"), d("2026-12-31"), &l).is_empty());
        // The issue's 2026-01-01..2027-01-01 is one day too many (12 months end 2026-12-31).
        assert_eq!(
            codes(check_approval_validity(
                d("2026-01-01"),
                d("2027-01-01"),
                &l
            )),
            vec!["approval_12_months", "approval_beyond_licence"]
        );
        assert_eq!(
            codes(check_approval_validity(
                d("2025-06-01"),
                d("2026-06-02"),
                &l
            )),
            vec!["approval_12_months"]
        );
        assert_eq!(
            codes(check_approval_validity(
                d("2026-06-01"),
                d("2027-05-31"),
                &l
            )),
            vec!["approval_beyond_licence"]
        );
        assert_eq!(
            codes(check_approval_validity(
                d("2026-06-01"),
                d("2026-05-31"),
                &l
            )),
            vec!["approval_order"]
        );
    }

    #[test]
    fn capacity_counts_the_year_so_far_and_this_receipt() {
        let l = licence("37");
        assert_eq!(check_capacity(&l, 2026, 49_000_000, 1_000_000), None);
        let issue = check_capacity(&l, 2026, 49_000_000, 1_000_001).expect("over");
        assert_eq!(issue.code, "licence_capacity");
        let zh = issue.text.render(crate::i18n::Lang::Zh);
        assert!(zh.contains("50000.000") && zh.contains("49000.000"), "{zh}");
        assert!(
            issue
                .text
                .render(crate::i18n::Lang::En)
                .contains("annual capacity")
        );
    }
}
