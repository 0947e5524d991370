//! Importing enterprises from a file: every row checked with the same rules as the form, duplicates in the
//! file found, branch scope enforced per row, and everything written in one IMMEDIATE transaction with one
//! audit entry per record. Strict by default: one bad row and nothing is saved.

use crate::domain::account::{Action, Target, authorize};
use crate::domain::enterprise::columns::draft_field;
use crate::domain::enterprise::{Enterprise, EnterpriseDraft, KeyFlag};
use crate::domain::pinyin::initials;
use crate::domain::text::normalize_code;
use crate::domain::validate::{FieldIssue, Severity};
use crate::i18n::{T, Text};
use crate::service::Result;
use crate::service::enterprise::import_csv::{ImportTable, RowIssue};
use crate::store::db;
use crate::store::enterprise as store;
use crate::store::reference::Region;
use chrono::NaiveDate;
use std::collections::HashMap;

/// How an import treats bad rows and enterprises already in the register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Import the good rows and report the rest (default: any bad row, nothing imported).
    pub lenient: bool,
    /// Update enterprises whose USCC is already registered (default: such rows are errors).
    pub update: bool,
}

/// What an import did, row by row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows read from the file.
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    /// Rows naming a registered enterprise whose data already matches the file (with `update`).
    pub unchanged: usize,
    /// Rows refused, with every reason.
    pub errors: Vec<RowIssue>,
    /// Warnings acknowledged on import (the rows were saved and flagged).
    pub warnings: Vec<RowIssue>,
    /// Rows refused because their USCC is already registered (and `update` was not asked for).
    pub already_registered: usize,
    /// Whether anything was written.
    pub committed: bool,
}

impl ImportReport {
    /// Distinct rows with errors.
    pub fn rejected_rows(&self) -> usize {
        let mut lines: Vec<u64> = self.errors.iter().map(|i| i.line).collect();
        lines.sort_unstable();
        lines.dedup();
        lines.len()
    }
}

/// A row that passed every check, ready to write.
struct Plan {
    draft: EnterpriseDraft,
    existing: Option<Enterprise>,
    ack_codes: String,
}

/// An update: the stored record with the file's columns laid over it. Columns the file does not have
/// keep their values; empty cells in columns it has clear the field.
fn overlay(
    e: &Enterprise,
    row: &EnterpriseDraft,
    present: &[(&'static str, String)],
) -> EnterpriseDraft {
    let mut draft = EnterpriseDraft::from_enterprise(e);
    let mut from_file = row.clone();
    for (id, _) in present {
        if let (Some(to), Some(value)) =
            (draft_field(&mut draft, id), draft_field(&mut from_file, id))
        {
            *to = std::mem::take(value);
        }
    }
    draft
}

/// Accepts a region code, its Chinese name (with or without 聊城市) or its English name.
fn resolve_region(raw: &str, regions: &[Region]) -> String {
    let v = raw.trim();
    let short = v
        .strip_prefix("聊城市")
        .filter(|s| !s.is_empty())
        .unwrap_or(v);
    regions
        .iter()
        .find(|r| {
            r.code.eq_ignore_ascii_case(v)
                || r.name_zh == v
                || r.name_zh == short
                || r.name_en.eq_ignore_ascii_case(v)
        })
        .map(|r| r.code.clone())
        .unwrap_or_else(|| v.to_string())
}

/// Dates as spreadsheets write them (2026/3/1, 2026.3.1, 2026年3月1日) become YYYY-MM-DD; anything else
/// stays as typed so validation can name it.
fn normalize_date(raw: &str) -> String {
    let v = raw.trim();
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"] {
        if let Ok(d) = NaiveDate::parse_from_str(v, format) {
            return d.format("%Y-%m-%d").to_string();
        }
    }
    v.to_string()
}

/// Key flags as codes, splitting only on list separators so labels with spaces ("environmental risk")
/// survive; unknown parts are kept for validation to name.
fn normalize_flags(raw: &str) -> String {
    raw.split([',', '，', '、', ';', '；', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| KeyFlag::parse(p).map_or(p.to_string(), |f| f.code().to_string()))
        .collect::<Vec<_>>()
        .join(",")
}

/// An 18-digit code that Excel turned into a number (9.11302E+17) has lost its digits for good.
fn is_scientific(raw: &str) -> bool {
    let v = raw.trim().to_ascii_uppercase();
    v.contains("E+")
        && v.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'E' | '+'))
}

impl crate::service::Enterprises<'_> {
    /// Imports the rows of a file read by [`crate::service::enterprise::import_csv::read_csv`].
    pub fn import(&self, table: &ImportTable, opts: ImportOptions) -> Result<ImportReport> {
        self.require(Action::EnterpriseImport)?;
        let regions = self.regions()?;
        let mut report = ImportReport {
            rows: table.data_rows(),
            errors: table.bad_rows.clone(),
            ..Default::default()
        };
        self.write(|w| {
            let mut seen: HashMap<String, u64> = HashMap::new();
            let mut plans: Vec<Plan> = Vec::new();
            for row in &table.rows {
                let line = row.line;
                let issue = |i: &FieldIssue| RowIssue {
                    line,
                    column: table.column_of(i.field),
                    severity: i.severity,
                    text: i.text.clone(),
                };
                if is_scientific(&row.draft.uscc) {
                    report.errors.push(RowIssue {
                        line,
                        column: table.column_of("uscc"),
                        severity: Severity::Error,
                        text: Text::new(T::ImportUsccScientific),
                    });
                    continue;
                }
                let existing = store::get_by_uscc(&self.conn, &normalize_code(&row.draft.uscc))?;
                let editing = existing.as_ref().filter(|e| {
                    opts.update
                        && self
                            .check(
                                Action::EnterpriseUpdate,
                                Target::record(&e.region_code, e.id),
                            )
                            .is_ok()
                });
                let mut draft = match editing {
                    Some(e) => overlay(e, &row.draft, &table.columns),
                    None => row.draft.clone(),
                };
                draft.region_code = resolve_region(&draft.region_code, &regions);
                draft.permit_expiry = normalize_date(&draft.permit_expiry);
                draft.key_flags = normalize_flags(&draft.key_flags);
                let issues = self.check_draft(&mut draft, editing.map(|e| e.id))?;
                let mut errors: Vec<RowIssue> =
                    issues.iter().filter(|i| i.is_error()).map(&issue).collect();
                let region_ok = !issues.iter().any(|i| i.field == "region_code");
                if region_ok
                    && authorize(
                        &self.actor,
                        Action::EnterpriseImport,
                        Target {
                            region: Some(&draft.region_code),
                            enterprise_id: None,
                        },
                    )
                    .is_err()
                {
                    errors.push(RowIssue {
                        line,
                        column: table.column_of("region_code"),
                        severity: Severity::Error,
                        text: Text::new(T::ImportOutOfScope).arg(
                            "region",
                            regions
                                .iter()
                                .find(|r| r.code == draft.region_code)
                                .map_or(draft.region_code.clone(), |r| {
                                    format!("{} {}", r.name_zh, r.code)
                                }),
                        ),
                    });
                }
                if !draft.uscc.is_empty() {
                    if let Some(first) = seen.get(&draft.uscc) {
                        errors.push(RowIssue {
                            line,
                            column: table.column_of("uscc"),
                            severity: Severity::Error,
                            text: Text::new(T::ImportDuplicateInFile)
                                .arg("uscc", &draft.uscc)
                                .arg("line", first),
                        });
                    } else {
                        seen.insert(draft.uscc.clone(), line);
                    }
                }
                if issues.iter().any(|i| i.code == "uscc_duplicate") {
                    report.already_registered += 1;
                }
                if !errors.is_empty() {
                    report.errors.extend(errors);
                    continue;
                }
                if editing.is_some_and(|e| EnterpriseDraft::from_enterprise(e) == draft) {
                    // Nothing to write, and nothing to audit.
                    report.unchanged += 1;
                    continue;
                }
                let warnings: Vec<&FieldIssue> = issues.iter().filter(|i| !i.is_error()).collect();
                report.warnings.extend(warnings.iter().map(|i| issue(i)));
                plans.push(Plan {
                    ack_codes: warnings
                        .iter()
                        .map(|i| i.code)
                        .collect::<Vec<_>>()
                        .join(","),
                    existing: editing.cloned(),
                    draft,
                });
            }
            // Rows that could not be read come first from the reader; report in file order.
            report.errors.sort_by_key(|i| i.line);
            if plans.is_empty() || (!opts.lenient && !report.errors.is_empty()) {
                // Nothing was written.
                return Ok(report);
            }
            let today = self.today().format("%Y-%m-%d").to_string();
            let (by, now) = (&w.actor().uid, w.now());
            for plan in &plans {
                let py = initials(&plan.draft.name);
                let (id, before) = match &plan.existing {
                    None => {
                        let uid = db::new_uid();
                        let id = store::insert(w, &uid, &plan.draft, &py, by, now)?;
                        report.created += 1;
                        (id, None)
                    }
                    Some(old) => {
                        if plan.draft.name != old.name {
                            store::add_former_name(w, old.id, &old.name, &today, by, now)?;
                        }
                        store::update(w, old.id, old.row_version, &plan.draft, &py, by, now)?;
                        report.updated += 1;
                        (old.id, Some(old))
                    }
                };
                crate::store::enterprise::set_warnings_ack(w, id, &plan.ack_codes)?;
                let after = store::get(w, id)?;
                w.audit(
                    if before.is_some() { "update" } else { "create" },
                    before,
                    &after,
                )?;
            }
            report.committed = true;
            Ok(report)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Vec<Region> {
        vec![Region {
            code: "371525".into(),
            name_zh: "冠县".into(),
            name_en: "Guan County".into(),
            kind: "county".into(),
        }]
    }

    #[test]
    fn regions_by_code_or_name() {
        let r = regions();
        assert_eq!(resolve_region("冠县", &r), "371525");
        assert_eq!(resolve_region("聊城市冠县", &r), "371525");
        assert_eq!(resolve_region("guan county", &r), "371525");
        assert_eq!(resolve_region(" 371525 ", &r), "371525");
        assert_eq!(resolve_region("莘县", &r), "莘县");
    }

    #[test]
    fn spreadsheet_dates_become_iso() {
        assert_eq!(normalize_date("2026/3/1"), "2026-03-01");
        assert_eq!(normalize_date("2026年3月1日"), "2026-03-01");
        assert_eq!(normalize_date("2026-03-01"), "2026-03-01");
        assert_eq!(normalize_date("明年"), "明年");
    }

    #[test]
    fn key_flags_in_english_labels_keep_their_spaces() {
        assert_eq!(normalize_flags("water, environmental risk"), "water,risk");
        assert_eq!(normalize_flags("水、大气"), "water,air");
        assert_eq!(normalize_flags("水、火"), "water,火");
    }

    #[test]
    fn excel_scientific_notation_is_recognised() {
        assert!(is_scientific("9.11302E+17"));
        assert!(!is_scientific("91130200699229617X"));
    }
}
