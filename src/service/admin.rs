//! Administration: policy settings and reference-data imports (working-day calendar, 名录 waste-code
//! editions, service menu), plus the audit-log view. Admin only (audit view: supervisors too), audited.

use crate::domain::account::Action;
use crate::domain::calendar::DayKind;
use crate::domain::manifest::waste::{category_of, normalize_hazard_rule};
use crate::domain::settings::DEFAULTS;
use crate::i18n::{T, Text};
use crate::service::{Result, ServiceError};
use crate::store::audit::{self, AuditRow, ChainReport};
use crate::store::reference;
use chrono::{Datelike, NaiveDate, Weekday};

/// Allowed range of each policy number: a password may not be required shorter than 8 characters
/// (NIST SP 800-63B), every other number is 1 to 3650.
fn setting_range(key: &str) -> (i64, i64) {
    match key {
        "password.min_length" => (8, 64),
        _ => (1, 3650),
    }
}

/// A setting with its value in force and its default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingRow {
    pub key: &'static str,
    pub value: i64,
    pub default: i64,
    pub description: T,
}

/// A table read from a reference file: header names and rows of fields (tab- or comma-separated).
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Parses UTF-8 text (BOM tolerated); tab-separated when the header holds a tab, else CSV.
    pub fn parse(text: &str) -> Result<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let delimiter = if text.lines().next().is_some_and(|l| l.contains('\t')) {
            b'\t'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| ServiceError::Refused(Text::new(T::ErrDatabase).arg("detail", e)))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = Vec::new();
        for rec in reader.records() {
            let rec =
                rec.map_err(|e| ServiceError::Refused(Text::new(T::ErrDatabase).arg("detail", e)))?;
            if rec.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            // Every cell through the one control-character rule (reference files are one-line fields).
            rows.push(
                rec.iter()
                    .map(crate::domain::text::normalize_text)
                    .collect(),
            );
        }
        if rows.is_empty() {
            return Err(ServiceError::Refused(Text::new(T::ErrEmptyFile)));
        }
        Ok(Table { header, rows })
    }

    /// Column indexes of the named columns, or an error naming the missing ones.
    fn columns(&self, names: &[&str]) -> Result<Vec<usize>> {
        let found: Vec<Option<usize>> = names
            .iter()
            .map(|n| self.header.iter().position(|h| h == n))
            .collect();
        let missing: Vec<&str> = names
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(n, _)| *n)
            .collect();
        if !missing.is_empty() {
            return Err(ServiceError::Refused(
                Text::new(T::ErrMissingColumns).arg("columns", missing.join(", ")),
            ));
        }
        Ok(found.into_iter().flatten().collect())
    }
}

fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map(String::as_str).unwrap_or("")
}

/// A row-level problem: 1-based data row number as in a spreadsheet (header is row 1).
fn row_error(row: usize, column: &str, reason: Text) -> Text {
    Text::new(T::ErrRowField)
        .arg("row", row + 2)
        .arg("column", column)
        .arg_text("reason", reason)
}

/// What an import did: rows written, and the row problems when it refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub written: usize,
    pub problems: Vec<Text>,
}

fn refuse_with(problems: Vec<Text>) -> ServiceError {
    ServiceError::Invalid(
        problems
            .into_iter()
            .map(|t| crate::domain::validate::FieldIssue::error("file", "row", t))
            .collect(),
    )
}

impl crate::service::Admin<'_> {
    pub fn settings(&self) -> Result<Vec<SettingRow>> {
        self.require(Action::SettingsManage)?;
        Ok(DEFAULTS
            .iter()
            .map(|(key, default, description)| SettingRow {
                key,
                value: self.policy.get(key),
                default: *default,
                description: *description,
            })
            .collect())
    }
}

impl crate::service::Session {
    /// Changes one policy number; it takes effect for sessions opened afterwards (and this one).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.require(Action::SettingsManage)?;
        let Some((key, _, _)) = DEFAULTS.iter().find(|(k, _, _)| *k == key.trim()) else {
            let keys = DEFAULTS
                .iter()
                .map(|(k, _, _)| *k)
                .collect::<Vec<_>>()
                .join(", ");
            return Err(ServiceError::Refused(
                Text::new(T::ErrSettingUnknown)
                    .arg("key", key.trim())
                    .arg("keys", keys),
            ));
        };
        let (min, max) = setting_range(key);
        let n = value
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                ServiceError::Refused(
                    Text::new(T::ErrSettingValue)
                        .arg("key", key)
                        .arg("min", min)
                        .arg("max", max),
                )
            })?;
        let before = serde_json::json!({ "value": self.policy.get(key) });
        let after = serde_json::json!({ "value": n });
        self.write(|w| {
            reference::set_setting(w, key, &n.to_string(), &w.actor().uid, w.now())?;
            w.audit_json("update", "setting", key, Some(&before), Some(&after))?;
            Ok(())
        })?;
        self.policy = reference::policy(&self.conn)?;
        Ok(())
    }
}

impl crate::service::Admin<'_> {
    /// Imports whole years of the working-day calendar (columns `date`, `kind`, `name`). The years in the
    /// file replace what was stored for them and become covered. All rows valid, or nothing changes.
    pub fn import_calendar(&self, text: &str, source: &str) -> Result<ImportReport> {
        self.require(Action::ReferenceManage)?;
        let table = Table::parse(text)?;
        let cols = table.columns(&["date", "kind", "name"])?;
        let mut problems = Vec::new();
        let mut days: Vec<(NaiveDate, DayKind, String)> = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let Ok(date) = NaiveDate::parse_from_str(cell(row, cols[0]), "%Y-%m-%d") else {
                problems.push(row_error(i, "date", Text::new(T::ReasonDate)));
                continue;
            };
            let Some(kind) = DayKind::parse(cell(row, cols[1])) else {
                problems.push(row_error(i, "kind", Text::new(T::ReasonDayKind)));
                continue;
            };
            if kind == DayKind::Workday && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                problems.push(row_error(i, "date", Text::new(T::ReasonWorkdayWeekday)));
                continue;
            }
            if let Some(other) = days.iter().position(|(d, _, _)| *d == date) {
                problems.push(row_error(
                    i,
                    "date",
                    Text::new(T::ReasonDuplicate).arg("other", other + 2),
                ));
                continue;
            }
            days.push((date, kind, cell(row, cols[2]).to_string()));
        }
        if !problems.is_empty() {
            return Err(refuse_with(problems));
        }
        let mut years: Vec<i32> = days.iter().map(|(d, _, _)| d.year()).collect();
        years.sort();
        years.dedup();
        let after = serde_json::json!({ "years": years, "days": days.len(), "source": source });
        self.write(|w| {
            for y in &years {
                reference::replace_calendar_year(w, *y, source)?;
            }
            for (d, k, name) in &days {
                reference::insert_calendar_day(
                    w,
                    &d.format("%Y-%m-%d").to_string(),
                    k.code(),
                    name,
                )?;
            }
            w.audit_json(
                "import",
                "calendar_day",
                &years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
                None,
                Some(&after),
            )?;
            Ok(())
        })?;
        Ok(ImportReport {
            written: days.len(),
            problems: Vec::new(),
        })
    }

    /// Imports a 名录 edition (columns `code`, `category`, `description_zh`, `hazard_characteristics`) with
    /// its label and effective date. Categories come from `categories` (columns `category`, `name_zh`) or,
    /// when absent, are copied from the latest edition. All rows valid, or nothing changes.
    pub fn import_waste_edition(
        &self,
        label: &str,
        effective_from: NaiveDate,
        official: bool,
        codes_text: &str,
        categories_text: Option<&str>,
    ) -> Result<ImportReport> {
        self.require(Action::ReferenceManage)?;
        let label = label.trim();
        if reference::waste_edition_exists(&self.conn, label)? {
            return Err(ServiceError::Refused(
                Text::new(T::ErrEditionExists).arg("label", label),
            ));
        }
        let categories: Vec<(String, String)> = match categories_text {
            Some(text) => {
                let t = Table::parse(text)?;
                let c = t.columns(&["category", "name_zh"])?;
                t.rows
                    .iter()
                    .map(|r| (cell(r, c[0]).to_string(), cell(r, c[1]).to_string()))
                    .collect()
            }
            None => reference::latest_waste_categories(&self.conn)?,
        };
        if categories.is_empty() {
            return Err(ServiceError::Refused(Text::new(T::ErrNoCategories)));
        }
        let table = Table::parse(codes_text)?;
        let cols = table.columns(&[
            "code",
            "category",
            "description_zh",
            "hazard_characteristics",
        ])?;
        let mut problems = Vec::new();
        let mut codes: Vec<(String, String, String, String)> = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let code = cell(row, cols[0]);
            let Ok(expected) = category_of(code) else {
                problems.push(row_error(i, "code", Text::new(T::ReasonWasteCode)));
                continue;
            };
            if cell(row, cols[1]) != expected || !categories.iter().any(|(c, _)| *c == expected) {
                problems.push(row_error(
                    i,
                    "category",
                    Text::new(T::ReasonCategoryMismatch).arg("expected", &expected),
                ));
                continue;
            }
            if cell(row, cols[2]).is_empty() {
                problems.push(row_error(i, "description_zh", Text::new(T::ReasonRequired)));
                continue;
            }
            let hazard = match normalize_hazard_rule(cell(row, cols[3])) {
                Ok(h) => h,
                Err(bad) => {
                    problems.push(row_error(
                        i,
                        "hazard_characteristics",
                        Text::new(T::ReasonHazard).arg("value", bad),
                    ));
                    continue;
                }
            };
            if let Some(other) = codes.iter().position(|(c, _, _, _)| c == code) {
                problems.push(row_error(
                    i,
                    "code",
                    Text::new(T::ReasonDuplicate).arg("other", other + 2),
                ));
                continue;
            }
            codes.push((
                code.to_string(),
                expected,
                cell(row, cols[2]).to_string(),
                hazard,
            ));
        }
        if !problems.is_empty() {
            return Err(refuse_with(problems));
        }
        let effective = effective_from.format("%Y-%m-%d").to_string();
        let after = serde_json::json!({ "label": label, "effective_from": effective, "official": official,
            "codes": codes.len(), "categories": categories.len() });
        self.write(|w| {
            let edition = reference::insert_waste_edition(w, label, &effective, official, w.now())?;
            for (c, name) in &categories {
                reference::insert_waste_category(w, edition, c, name)?;
            }
            for (code, cat, desc, hazard) in &codes {
                reference::insert_waste_code(w, edition, code, cat, desc, hazard)?;
            }
            w.audit_json("import", "waste_edition", label, None, Some(&after))?;
            Ok(())
        })?;
        Ok(ImportReport {
            written: codes.len(),
            problems: Vec::new(),
        })
    }

    /// Imports the service menu (columns `code`, `name_zh`, `name_en`): listed items are added or renamed;
    /// items missing from the file are deactivated, never deleted (requests refer to them).
    pub fn import_service_menu(&self, text: &str) -> Result<ImportReport> {
        self.require(Action::ReferenceManage)?;
        let table = Table::parse(text)?;
        let cols = table.columns(&["code", "name_zh", "name_en"])?;
        let mut problems = Vec::new();
        let mut items: Vec<(String, String, String)> = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            for (c, name) in cols.iter().zip(["code", "name_zh", "name_en"]) {
                if cell(row, *c).is_empty() {
                    problems.push(row_error(i, name, Text::new(T::ReasonRequired)));
                }
            }
            let code = cell(row, cols[0]).to_ascii_uppercase();
            if let Some(other) = items.iter().position(|(c, _, _)| *c == code) {
                problems.push(row_error(
                    i,
                    "code",
                    Text::new(T::ReasonDuplicate).arg("other", other + 2),
                ));
            }
            items.push((
                code,
                cell(row, cols[1]).to_string(),
                cell(row, cols[2]).to_string(),
            ));
        }
        if !problems.is_empty() {
            return Err(refuse_with(problems));
        }
        let after =
            serde_json::json!({ "items": items.iter().map(|(c, _, _)| c).collect::<Vec<_>>() });
        self.write(|w| {
            reference::deactivate_service_menu(w)?;
            for (sort, (code, zh, en)) in items.iter().enumerate() {
                reference::upsert_service_item(w, code, zh, en, sort as i64)?;
            }
            w.audit_json("import", "service_menu", "service_menu", None, Some(&after))?;
            Ok(())
        })?;
        Ok(ImportReport {
            written: items.len(),
            problems: Vec::new(),
        })
    }

    /// Imports the handling-result codes of a completed manifest (columns `code`, `kind` = utilize /
    /// dispose / store, `name_zh`, `name_en`): the file replaces the list; completed manifests keep
    /// their code. All rows valid, or nothing changes.
    pub fn import_handling_codes(&self, text: &str) -> Result<ImportReport> {
        self.require(Action::ReferenceManage)?;
        let table = Table::parse(text)?;
        let cols = table.columns(&["code", "kind", "name_zh", "name_en"])?;
        let mut problems = Vec::new();
        let mut rows: Vec<(String, String, String, String)> = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let code = cell(row, cols[0]).to_ascii_uppercase();
            if !crate::domain::manifest::rules::valid_handling_code(&code) {
                problems.push(row_error(i, "code", Text::new(T::ReasonHandlingCode)));
                continue;
            }
            let kind = cell(row, cols[1]);
            if !matches!(kind, "utilize" | "dispose" | "store") {
                problems.push(row_error(i, "kind", Text::new(T::ReasonHandlingKind)));
                continue;
            }
            if cell(row, cols[2]).is_empty() {
                problems.push(row_error(i, "name_zh", Text::new(T::ReasonRequired)));
                continue;
            }
            if let Some(other) = rows.iter().position(|(c, _, _, _)| *c == code) {
                problems.push(row_error(
                    i,
                    "code",
                    Text::new(T::ReasonDuplicate).arg("other", other + 2),
                ));
                continue;
            }
            rows.push((
                code,
                kind.to_string(),
                cell(row, cols[2]).to_string(),
                cell(row, cols[3]).to_string(),
            ));
        }
        if !problems.is_empty() {
            return Err(refuse_with(problems));
        }
        let after = serde_json::json!({ "codes": rows.iter().map(|r| &r.0).collect::<Vec<_>>() });
        self.write(|w| {
            crate::store::manifest::reference::replace_handling_codes(w, &rows)?;
            w.audit_json(
                "import",
                "hw_handling_code",
                "hw_handling_code",
                None,
                Some(&after),
            )?;
            Ok(())
        })?;
        Ok(ImportReport {
            written: rows.len(),
            problems: Vec::new(),
        })
    }

    /// The newest audit entries, before `before_seq` when paging back.
    pub fn audit_page(&self, before_seq: Option<i64>, limit: usize) -> Result<Vec<AuditRow>> {
        self.require(Action::AuditView)?;
        Ok(audit::page(&self.conn, before_seq, limit)?)
    }

    /// Verifies the whole audit chain.
    pub fn verify_audit_chain(&self) -> Result<ChainReport> {
        self.require(Action::AuditView)?;
        Ok(audit::verify(&self.conn)?)
    }
}
