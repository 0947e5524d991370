//! Field-level validation results. `Error` blocks saving; `Warning` allows saving with a recorded
//! acknowledgement and flags the record (the e-Manifest "save with warnings" model).

use crate::i18n::{Lang, T, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about one field: which field, how serious, a stable code and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// Stable field id (`uscc`, `name`, ...), used by forms to place the message.
    pub field: &'static str,
    pub severity: Severity,
    /// Stable code of the rule, stored when a warning is acknowledged.
    pub code: &'static str,
    pub text: Text,
}

impl FieldIssue {
    pub fn error(field: &'static str, code: &'static str, text: Text) -> FieldIssue {
        FieldIssue {
            field,
            severity: Severity::Error,
            code,
            text,
        }
    }

    pub fn warning(field: &'static str, code: &'static str, text: Text) -> FieldIssue {
        FieldIssue {
            field,
            severity: Severity::Warning,
            code,
            text,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn render(&self, lang: Lang) -> String {
        self.text.render(lang)
    }
}

/// True when any issue blocks saving.
pub fn has_errors(issues: &[FieldIssue]) -> bool {
    issues.iter().any(FieldIssue::is_error)
}

/// "{field}不能为空" for an empty required field.
pub fn required(field: &'static str, label: T, value: &str) -> Option<FieldIssue> {
    value.trim().is_empty().then(|| {
        FieldIssue::error(
            field,
            "required",
            Text::new(T::ErrRequired).arg_key("field", label),
        )
    })
}

/// Length limit in characters (not bytes), so Chinese names are not cut short.
pub fn max_chars(field: &'static str, label: T, value: &str, max: usize) -> Option<FieldIssue> {
    (value.chars().count() > max).then(|| {
        FieldIssue::error(
            field,
            "too_long",
            Text::new(T::ErrTooLong)
                .arg_key("field", label)
                .arg("max", max),
        )
    })
}

/// Control characters are refused in stored text: they would reach terminals and exports raw.
pub fn no_control_chars(field: &'static str, label: T, value: &str) -> Option<FieldIssue> {
    value.chars().any(char::is_control).then(|| {
        FieldIssue::error(
            field,
            "control_chars",
            Text::new(T::ErrControlChars).arg_key("field", label),
        )
    })
}

/// Checks a `YYYY-MM-DD` date field (empty allowed; use [`required`] for mandatory dates).
pub fn date(field: &'static str, label: T, value: &str) -> Option<FieldIssue> {
    let v = value.trim();
    (!v.is_empty() && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err())
        .then(|| FieldIssue::error(field, "date", Text::new(T::ErrDate).arg_key("field", label)))
}

/// Reads a day as people type it: blanks trimmed, full-width digits and dashes accepted, `2026-1-5`
/// read as `2026-01-05`. Empty is `Ok(None)`; anything else that is not a day is the field's error.
pub fn day(
    field: &'static str,
    label: T,
    value: &str,
) -> Result<Option<crate::domain::time::Day>, FieldIssue> {
    let v = crate::domain::text::halfwidth(value);
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map(|d| Some(crate::domain::time::Day::new(d)))
        .map_err(|_| {
            FieldIssue::error(field, "date", Text::new(T::ErrDate).arg_key("field", label))
        })
}

/// A day that must be given: [`day`], with empty the field's "required" error.
pub fn required_day(
    field: &'static str,
    label: T,
    value: &str,
) -> Result<crate::domain::time::Day, FieldIssue> {
    day(field, label, value)?.ok_or_else(|| {
        FieldIssue::error(
            field,
            "required",
            Text::new(T::ErrRequired).arg_key("field", label),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_names_the_field_in_both_languages() {
        let issue = required("name", T::FieldName, "  ").expect("empty is an error");
        assert_eq!(issue.render(Lang::Zh), "企业名称不能为空");
        assert_eq!(issue.render(Lang::En), "Name is required");
        assert!(required("name", T::FieldName, "聊城").is_none());
    }

    #[test]
    fn max_chars_counts_characters_not_bytes() {
        assert!(max_chars("name", T::FieldName, "聊城市东昌府区", 7).is_none());
        assert!(max_chars("name", T::FieldName, "聊城市东昌府区X", 7).is_some());
    }

    #[test]
    fn control_characters_are_refused() {
        assert!(no_control_chars("name", T::FieldName, "a\u{1b}[31m").is_some());
        assert!(no_control_chars("name", T::FieldName, "正常名称").is_none());
    }

    #[test]
    fn typed_days_are_read_in_full_form_and_named_when_wrong() {
        let d = |v: &str| day("d", T::FieldPermitExpiry, v).map(|d| d.map(|d| d.to_string()));
        assert_eq!(d(" 2026-1-5 "), Ok(Some("2026-01-05".to_string())));
        assert_eq!(
            d("２０２６－０３－０１"),
            Ok(Some("2026-03-01".to_string()))
        );
        assert_eq!(d(""), Ok(None));
        let bad = d("2026-02-30").expect_err("no such day");
        assert_eq!(bad.field, "d");
        assert!(
            bad.render(Lang::Zh).contains("许可证有效期"),
            "{}",
            bad.render(Lang::Zh)
        );
        let missing = required_day("d", T::FieldPermitExpiry, " ").expect_err("required");
        assert_eq!(missing.code, "required");
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(date("d", T::FieldPermitExpiry, "2026/03/01").is_some());
        assert!(date("d", T::FieldPermitExpiry, "2026-02-30").is_some());
        assert!(date("d", T::FieldPermitExpiry, "2026-03-01").is_none());
        assert!(date("d", T::FieldPermitExpiry, "").is_none());
    }
}
