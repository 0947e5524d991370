//! Validation and normalisation of an enterprise draft: USCC, permit number, key-supervision flags,
//! dates and choices, each issue naming its field.

use crate::domain::enterprise::*;
use crate::domain::text::{normalize_code, normalize_text};
use crate::domain::uscc::{self, UsccError};
use crate::domain::validate::{self, FieldIssue};
use crate::i18n::{T, Text};
use chrono::NaiveDate;

/// Validates and normalises a draft. `region_exists` answers whether a region code is in the register;
/// `today` decides whether the permit has expired. Returns all issues, errors and warnings alike.
pub fn validate_draft(
    draft: &mut EnterpriseDraft,
    region_exists: impl Fn(&str) -> bool,
    today: NaiveDate,
) -> Vec<FieldIssue> {
    let mut issues = Vec::new();

    for (field, label, value, max) in [
        ("name", T::FieldName, &mut draft.name, MAX_NAME),
        ("legal_rep", T::FieldLegalRep, &mut draft.legal_rep, 50),
        ("contact", T::FieldContact, &mut draft.contact, 50),
        ("address", T::FieldAddress, &mut draft.address, MAX_TEXT),
        (
            "uscc_reason",
            T::FieldUsccReason,
            &mut draft.uscc_reason,
            MAX_TEXT,
        ),
    ] {
        issues.extend(validate::no_control_chars(field, label, value));
        *value = normalize_text(value);
        issues.extend(validate::max_chars(field, label, value, max));
    }
    issues.extend(validate::required("name", T::FieldName, &draft.name));

    // USCC: a wrong check character is an error unless a reason for a pre-standard code is given.
    match uscc::parse(&draft.uscc) {
        Ok(code) => {
            draft.uscc = code;
            draft.uscc_reason.clear();
        }
        Err(err) => {
            draft.uscc = normalize_code(&draft.uscc);
            issues.push(uscc_issue(
                err,
                !draft.uscc_reason.is_empty(),
                draft.uscc.is_empty(),
            ));
        }
    }

    draft.region_code = normalize_code(&draft.region_code);
    if draft.region_code.is_empty() {
        issues.extend(validate::required("region_code", T::FieldRegion, ""));
    } else if !region_exists(&draft.region_code) {
        issues.push(FieldIssue::error(
            "region_code",
            "region_unknown",
            Text::new(T::ErrRegionUnknown).arg("code", &draft.region_code),
        ));
    }

    draft.industry_code = normalize_code(&draft.industry_code);
    let industry_ok =
        draft.industry_code.len() == 4 && draft.industry_code.chars().all(|c| c.is_ascii_digit());
    if !draft.industry_code.is_empty() && !industry_ok {
        issues.push(FieldIssue::error(
            "industry_code",
            "industry",
            Text::new(T::ErrIndustry),
        ));
    }

    draft.phone = normalize_text(&crate::domain::text::halfwidth(&draft.phone));
    if !draft
        .phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        issues.push(FieldIssue::error("phone", "phone", Text::new(T::ErrPhone)));
    }

    draft.permit_no = normalize_code(&draft.permit_no);
    if !draft.permit_no.is_empty() {
        if !permit_format_ok(&draft.permit_no) {
            issues.push(FieldIssue::error(
                "permit_no",
                "permit_format",
                Text::new(T::ErrPermitFormat),
            ));
        } else if !draft.permit_no.starts_with(&draft.uscc) {
            issues.push(FieldIssue::warning(
                "permit_no",
                "permit_other_uscc",
                Text::new(T::WarnPermitOtherUscc),
            ));
        }
    }

    choice(
        "permit_class",
        T::FieldPermitClass,
        &mut draft.permit_class,
        PermitClass::parse,
        PermitClass::code,
        PermitClass::ALL,
        &mut issues,
    );
    if !draft.permit_class.is_empty() && draft.permit_no.is_empty() {
        issues.push(FieldIssue::error(
            "permit_no",
            "permit_needs_no",
            Text::new(T::ErrPermitClassNeedsNo),
        ));
    }

    draft.permit_expiry = crate::domain::text::halfwidth(draft.permit_expiry.trim());
    if let Some(issue) = validate::date("permit_expiry", T::FieldPermitExpiry, &draft.permit_expiry)
    {
        issues.push(issue);
    } else if let Ok(expiry) = NaiveDate::parse_from_str(&draft.permit_expiry, "%Y-%m-%d") {
        // Stored as the one day form (`2026-1-5` is read as `2026-01-05`), so it reads back as a day.
        draft.permit_expiry = Day::new(expiry).to_string();
    }
    if let Ok(expiry) = NaiveDate::parse_from_str(&draft.permit_expiry, "%Y-%m-%d")
        && expiry < today
    {
        issues.push(FieldIssue::warning(
            "permit_expiry",
            "permit_expired",
            Text::new(T::WarnPermitExpired).arg("date", &draft.permit_expiry),
        ));
    }

    draft.key_flags = normalize_key_flags(&draft.key_flags, &mut issues);
    choice(
        "hw_class",
        T::FieldHwClass,
        &mut draft.hw_class,
        HwClass::parse,
        HwClass::code,
        HwClass::ALL,
        &mut issues,
    );
    choice(
        "credit",
        T::FieldCredit,
        &mut draft.credit,
        Credit::parse,
        Credit::code,
        Credit::ALL,
        &mut issues,
    );
    choice(
        "perf_grade",
        T::FieldPerfGrade,
        &mut draft.perf_grade,
        PerfGrade::parse,
        PerfGrade::code,
        PerfGrade::ALL,
        &mut issues,
    );
    if draft.status.trim().is_empty() {
        draft.status = Status::Operating.code().to_string();
    }
    choice(
        "status",
        T::FieldStatus,
        &mut draft.status,
        Status::parse,
        Status::code,
        Status::ALL,
        &mut issues,
    );

    issues
}

fn uscc_issue(err: UsccError, reason_given: bool, empty: bool) -> FieldIssue {
    match err {
        UsccError::Length(_) if empty => FieldIssue::error(
            "uscc",
            "required",
            Text::new(T::ErrRequired).arg_key("field", T::FieldUscc),
        ),
        UsccError::Length(len) => FieldIssue::error(
            "uscc",
            "uscc_length",
            Text::new(T::ErrUsccLength).arg("len", len),
        ),
        UsccError::BadChar { pos, ch } => FieldIssue::error(
            "uscc",
            "uscc_char",
            Text::new(T::ErrUsccChar).arg("pos", pos).arg("ch", ch),
        ),
        UsccError::Checksum { expected } if reason_given => FieldIssue::warning(
            "uscc",
            "uscc_checksum",
            Text::new(T::WarnUsccCheck).arg("expected", expected),
        ),
        UsccError::Checksum { expected } => FieldIssue::error(
            "uscc",
            "uscc_checksum",
            Text::new(T::ErrUsccCheck).arg("expected", expected),
        ),
    }
}

/// Permit number: 18 USCC-alphabet characters + 3 digits + 1 letter.
fn permit_format_ok(p: &str) -> bool {
    let chars: Vec<char> = p.chars().collect();
    chars.len() == 22
        && chars[..18].iter().all(|c| c.is_ascii_alphanumeric())
        && chars[18..21].iter().all(char::is_ascii_digit)
        && chars[21].is_ascii_uppercase()
}

/// Accepts codes or labels separated by commas, 、 or spaces; stores them as sorted codes.
fn normalize_key_flags(raw: &str, issues: &mut Vec<FieldIssue>) -> String {
    let mut flags: Vec<KeyFlag> = Vec::new();
    for part in raw
        .split([',', '，', '、', ';', '；', ' ', '/'])
        .filter(|p| !p.trim().is_empty())
    {
        match KeyFlag::parse(part) {
            Some(f) if !flags.contains(&f) => flags.push(f),
            Some(_) => {}
            None => issues.push(FieldIssue::error(
                "key_flags",
                "choice",
                Text::new(T::ErrChoice)
                    .arg_key("field", T::FieldKeyFlags)
                    .arg("value", part.trim())
                    .arg("choices", choices(KeyFlag::ALL, KeyFlag::code)),
            )),
        }
    }
    flags.sort_by_key(|f| KeyFlag::ALL.iter().position(|x| x == f));
    flags.iter().map(|f| f.code()).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate::{Severity, has_errors};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
    }

    fn good() -> EnterpriseDraft {
        EnterpriseDraft {
            uscc: "91130200699229617X".into(),
            name: "聊城市东昌府区绿源化工有限公司".into(),
            region_code: "371502".into(),
            ..Default::default()
        }
    }

    fn check(d: &mut EnterpriseDraft) -> Vec<FieldIssue> {
        validate_draft(d, |c| c == "371502" || c == "371525", today())
    }

    #[test]
    fn a_good_draft_has_no_issues_and_defaults_to_operating() {
        let mut d = good();
        assert_eq!(check(&mut d), vec![]);
        assert_eq!(d.status, "operating");
    }

    #[test]
    fn wrong_check_character_is_an_error_naming_the_expected_one() {
        let mut d = EnterpriseDraft {
            uscc: "91130200699229617A".into(),
            ..good()
        };
        let issues = check(&mut d);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].severity, Severity::Error);
        assert_eq!(issues[0].render(Lang::Zh), "校验码不符，应为 X");
    }

    #[test]
    fn pre_standard_code_with_reason_is_a_warning() {
        let mut d = EnterpriseDraft {
            uscc: "91130200699229617A".into(),
            uscc_reason: "2015年前颁发的旧证".into(),
            ..good()
        };
        let issues = check(&mut d);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].severity, Severity::Warning);
        assert!(!has_errors(&issues));
        assert_eq!(d.uscc_reason, "2015年前颁发的旧证");
    }

    #[test]
    fn choices_accept_chinese_labels_and_store_codes() {
        let mut d = EnterpriseDraft {
            credit: "蓝".into(),
            perf_grade: "引领性".into(),
            key_flags: "水、大气，环境风险".into(),
            status: "停产".into(),
            ..good()
        };
        assert_eq!(check(&mut d), vec![]);
        assert_eq!(
            (d.credit.as_str(), d.perf_grade.as_str()),
            ("blue", "leading")
        );
        assert_eq!(d.key_flags, "water,air,risk");
        assert_eq!(d.status, "suspended");
        assert_eq!(
            key_flags_label(&d.key_flags, Lang::Zh),
            "水、大气、环境风险"
        );
    }

    #[test]
    fn bad_fields_are_named() {
        let mut d = EnterpriseDraft {
            name: " ".into(),
            region_code: "999999".into(),
            industry_code: "26A".into(),
            permit_no: "91130200699229617X01P".into(),
            permit_expiry: "2026/1/1".into(),
            credit: "紫".into(),
            phone: "0635-电话".into(),
            ..good()
        };
        let fields: Vec<&str> = check(&mut d).iter().map(|i| i.field).collect();
        assert_eq!(
            fields,
            vec![
                "name",
                "region_code",
                "industry_code",
                "phone",
                "permit_no",
                "permit_expiry",
                "credit"
            ]
        );
    }

    #[test]
    fn permit_number_checks() {
        let mut d = EnterpriseDraft {
            permit_no: "91130200699229617x001p".into(),
            permit_class: "重点管理".into(),
            ..good()
        };
        assert_eq!(check(&mut d), vec![]);
        assert_eq!(d.permit_no, "91130200699229617X001P");
        let mut other = EnterpriseDraft {
            permit_no: "911302307808371268001P".into(),
            ..good()
        };
        let issues = check(&mut other);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, "permit_other_uscc");
        let mut missing = EnterpriseDraft {
            permit_class: "key".into(),
            ..good()
        };
        assert_eq!(check(&mut missing)[0].code, "permit_needs_no");
    }

    #[test]
    fn expired_permit_is_a_warning() {
        let mut d = EnterpriseDraft {
            permit_expiry: "2025-12-31".into(),
            ..good()
        };
        let issues = check(&mut d);
        assert_eq!(issues[0].severity, Severity::Warning);
        assert_eq!(issues[0].render(Lang::Zh), "排污许可证已于 2025-12-31 过期");
    }

    #[test]
    fn names_are_normalised_and_control_characters_refused() {
        let mut d = EnterpriseDraft {
            name: "  聊城\u{3000}化工 ".into(),
            ..good()
        };
        assert_eq!(check(&mut d), vec![]);
        assert_eq!(d.name, "聊城 化工");
        let mut bad = EnterpriseDraft {
            name: "evil\u{1b}[2J".into(),
            ..good()
        };
        assert_eq!(check(&mut bad)[0].code, "control_chars");
    }
}
