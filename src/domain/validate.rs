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
    fn dates_must_be_iso() {
        assert!(date("d", T::FieldPermitExpiry, "2026/03/01").is_some());
        assert!(date("d", T::FieldPermitExpiry, "2026-02-30").is_some());
        assert!(date("d", T::FieldPermitExpiry, "2026-03-01").is_none());
        assert!(date("d", T::FieldPermitExpiry, "").is_none());
    }
}
