//! Receivers' licences and cross-province approvals (bureau records), and the waste-code search of
//! the manifest form. Approvals are limited to 12 months and to the receiver licence's validity.

use crate::domain::account::{Action, Target};
use crate::domain::manifest::cross::check_licence_term;
use crate::domain::manifest::rules::check_approval_validity;
use crate::domain::manifest::{LicenceKind, Mode, parse_tonnes};
use crate::domain::time::Day;
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use crate::service::{Result, ServiceError};
use crate::store::db;
use crate::store::manifest::reference::{self as refs, Approval, CodeHit, Licence, NewApproval};
use chrono::NaiveDate;

/// A licence as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LicenceInput {
    pub number: String,
    pub holder_uscc: String,
    pub holder_name: String,
    pub province: String,
    pub scope: String,
    pub modes: Vec<Mode>,
    pub capacity: String,
    pub valid_from: String,
    pub valid_to: String,
    /// 综合 or 收集: bounds the term (5 or 3 years); required.
    pub kind: Option<LicenceKind>,
}

/// An approval as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApprovalInput {
    pub number: String,
    pub generator_uscc: String,
    pub waste_code: String,
    pub licence_number: String,
    pub quantity: String,
    pub valid_from: String,
    pub valid_to: String,
    /// The approved handling mode (贮存/利用/处置, Art. 27); required.
    pub mode: Option<Mode>,
}

fn date(field: &'static str, label: T, s: &str, issues: &mut Vec<FieldIssue>) -> NaiveDate {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
        issues.push(FieldIssue::error(
            field,
            "bad_date",
            Text::new(T::ErrDate).arg_key("field", label),
        ));
        NaiveDate::default()
    })
}

fn need(field: &'static str, label: T, v: &str, issues: &mut Vec<FieldIssue>) {
    if v.trim().is_empty() {
        issues.push(FieldIssue::error(
            field,
            "required",
            Text::new(T::ErrRequired).arg_key("field", label),
        ));
    }
}

impl crate::service::Manifests<'_> {
    /// Licences in number order after `after`.
    pub fn licences(&self, after: &str, limit: usize) -> Result<Vec<Licence>> {
        self.require(Action::ManifestRead)?;
        Ok(refs::licences(&self.conn, after, limit)?)
    }

    /// Registers a receiver's licence; the holder is linked to the register by USCC when it is there.
    pub fn create_licence(&self, input: LicenceInput) -> Result<Licence> {
        self.require(Action::LicenceManage)?;
        let mut issues = Vec::new();
        let number = crate::domain::text::normalize_code(&input.number);
        need("number", T::ManifestFieldLicence, &number, &mut issues);
        need(
            "holder_name",
            T::ManifestFieldReceiver,
            &input.holder_name,
            &mut issues,
        );
        let uscc = crate::domain::uscc::parse(&input.holder_uscc)
            .map_err(|e| {
                issues.push(FieldIssue::error(
                    "holder_uscc",
                    "bad_uscc",
                    crate::domain::manifest::uscc_text(e),
                ))
            })
            .unwrap_or_default();
        let province = crate::domain::text::normalize_code(&input.province);
        if province.len() != 2 || !province.bytes().all(|b| b.is_ascii_digit()) {
            issues.push(FieldIssue::error(
                "province",
                "bad_province",
                Text::new(T::ManifestErrProvince).arg("value", &province),
            ));
        }
        let scope: Vec<String> = crate::domain::text::normalize_code(&input.scope)
            .replace('，', ",")
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let bad_scope = scope.iter().find(|s| {
            crate::domain::manifest::waste::category_of(s).is_err()
                && !(s.len() == 4 && s.starts_with("HW") && s[2..].parse::<u8>().is_ok())
        });
        if scope.is_empty() || bad_scope.is_some() {
            issues.push(FieldIssue::error(
                "scope",
                "bad_scope",
                Text::new(T::ManifestErrScope).arg("value", bad_scope.cloned().unwrap_or_default()),
            ));
        }
        if input.modes.is_empty() {
            need("modes", T::ManifestFieldMode, "", &mut issues);
        }
        let capacity = parse_tonnes(&input.capacity)
            .map_err(|t| issues.push(FieldIssue::error("capacity", "bad_quantity", t)))
            .unwrap_or(0);
        let from = date(
            "valid_from",
            T::ManifestFieldValidFrom,
            &input.valid_from,
            &mut issues,
        );
        let to = date(
            "valid_to",
            T::ManifestFieldValidTo,
            &input.valid_to,
            &mut issues,
        );
        if to < from {
            issues.push(FieldIssue::error(
                "valid_to",
                "order",
                Text::new(T::ManifestErrApprovalOrder),
            ));
        }
        match input.kind {
            None => need("kind", T::ManifestFieldLicenceKind, "", &mut issues),
            Some(kind) => {
                if issues.iter().all(|i| !i.field.starts_with("valid")) {
                    issues.extend(check_licence_term(kind, from, to));
                }
                if kind == LicenceKind::Collect && input.modes.iter().any(|m| *m != Mode::Collect) {
                    issues.push(FieldIssue::error(
                        "modes",
                        "licence_kind_modes",
                        Text::new(T::ManifestErrLicenceKindModes),
                    ));
                }
            }
        }
        if !number.is_empty() && refs::licence_by_number(&self.conn, &number)?.is_some() {
            issues.push(FieldIssue::error(
                "number",
                "taken",
                Text::new(T::ManifestErrLicenceTaken).arg("number", &number),
            ));
        }
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        let enterprise_id = crate::store::enterprise::get_by_uscc(&self.conn, &uscc)?.map(|e| e.id);
        let mut l = Licence {
            id: 0,
            uid: db::new_uid(),
            number,
            holder_uscc: uscc,
            holder_name: crate::domain::text::normalize_text(&input.holder_name),
            enterprise_id,
            province,
            scope: scope.join(","),
            modes: input
                .modes
                .iter()
                .map(|m| m.code())
                .collect::<Vec<_>>()
                .join(","),
            capacity_kg: capacity,
            valid_from: Day::new(from),
            valid_to: Day::new(to),
            kind: input.kind.unwrap_or(LicenceKind::Comprehensive),
        };
        self.write(|w| {
            l.id = refs::insert_licence(w, &l, &w.actor().uid, w.now())?;
            w.audit("create", None, &l)?;
            Ok(())
        })?;
        Ok(l)
    }

    /// Approvals in scope: an enterprise's own, a branch's region, or all.
    pub fn approvals(&self, limit: usize) -> Result<Vec<Approval>> {
        self.require(Action::ManifestRead)?;
        let scope = self.enterprises().scope();
        Ok(refs::approvals(
            &self.conn,
            scope.enterprise_id,
            scope.region.as_deref(),
            None,
            limit,
        )?)
    }

    /// Approvals in scope ending within the warning period (30 days) from today.
    pub fn approvals_expiring(&self, limit: usize) -> Result<Vec<Approval>> {
        self.require(Action::ManifestRead)?;
        let scope = self.enterprises().scope();
        let cut = self.cutoffs()?;
        let today = self.today().to_string();
        let until = cut.approval_until.to_string();
        Ok(refs::approvals(
            &self.conn,
            scope.enterprise_id,
            scope.region.as_deref(),
            Some((&today, &until)),
            limit,
        )?)
    }

    /// Registers a cross-province approval: at most 12 months, within the receiver's licence.
    pub fn create_approval(&self, input: ApprovalInput) -> Result<Approval> {
        self.require(Action::LicenceManage)?;
        let mut issues = Vec::new();
        let number = crate::domain::text::normalize_code(&input.number);
        need("number", T::ManifestFieldApproval, &number, &mut issues);
        let g = self
            .enterprises()
            .by_uscc(&input.generator_uscc)
            .map_err(|_| {
                ServiceError::Invalid(vec![FieldIssue::error(
                    "generator",
                    "unknown",
                    Text::new(T::ManifestErrGeneratorUnknown)
                        .arg("uscc", input.generator_uscc.trim()),
                )])
            })?;
        self.check(Action::LicenceManage, Target::record(&g.region_code, g.id))?;
        let code = crate::domain::text::normalize_code(&input.waste_code);
        if let Err(t) = crate::domain::manifest::check_code(
            &code,
            "",
            Some(&crate::domain::manifest::CodeInfo {
                category: crate::domain::manifest::waste::category_of(&code).unwrap_or_default(),
                description: String::new(),
                hazard: String::new(),
            }),
        ) {
            issues.push(FieldIssue::error("waste_code", "bad_code", t));
        }
        let licence_no = crate::domain::text::normalize_code(&input.licence_number);
        let licence = refs::licence_by_number(&self.conn, &licence_no)?;
        if licence.is_none() {
            issues.push(FieldIssue::error(
                "licence",
                "unknown_licence",
                Text::new(T::ManifestErrLicenceUnknown).arg("number", &licence_no),
            ));
        }
        let kg = parse_tonnes(&input.quantity)
            .map_err(|t| issues.push(FieldIssue::error("quantity", "bad_quantity", t)))
            .unwrap_or(0);
        // Art. 27: the application names 贮存, 利用 or 处置 (collection is not a cross-province mode).
        let mode = input.mode.filter(|m| *m != Mode::Collect);
        if mode.is_none() {
            need("mode", T::ManifestFieldApprovalMode, "", &mut issues);
        }
        let from = date(
            "valid_from",
            T::ManifestFieldValidFrom,
            &input.valid_from,
            &mut issues,
        );
        let to = date(
            "valid_to",
            T::ManifestFieldValidTo,
            &input.valid_to,
            &mut issues,
        );
        if let Some(l) = &licence {
            if issues.iter().all(|i| !i.field.starts_with("valid")) {
                issues.extend(check_approval_validity(from, to, &l.facts()));
            }
            if !l.facts().covers(
                &code,
                &crate::domain::manifest::waste::category_of(&code).unwrap_or_default(),
            ) {
                issues.push(FieldIssue::error(
                    "waste_code",
                    "licence_scope",
                    Text::new(T::ManifestErrLicenceScope)
                        .arg("number", &l.number)
                        .arg("code", &code),
                ));
            }
        }
        if refs::approval_by_number(&self.conn, &number)?.is_some() {
            issues.push(FieldIssue::error(
                "number",
                "taken",
                Text::new(T::ManifestErrApprovalTaken).arg("number", &number),
            ));
        }
        let (Some(licence), Some(mode), true) = (licence, mode, issues.is_empty()) else {
            return Err(ServiceError::Invalid(issues));
        };
        let uid = db::new_uid();
        self.write(|w| {
            let id = refs::insert_approval(
                w,
                &NewApproval {
                    uid: &uid,
                    number: &number,
                    generator_id: g.id,
                    waste_code: &code,
                    licence_id: licence.id,
                    approved_kg: kg,
                    valid_from: Day::new(from),
                    valid_to: Day::new(to),
                    mode,
                },
                &w.actor().uid,
                w.now(),
            )?;
            let a = refs::approval(w, id)?;
            w.audit("create", None, &a)?;
            Ok(a)
        })
    }

    /// The handling-result codes the receiver chooses from (code, kind, Chinese and English names).
    pub fn handling_codes(&self) -> Result<Vec<(String, String, String, String)>> {
        self.require(Action::ManifestRead)?;
        Ok(refs::handling_codes(&self.conn)?)
    }

    /// Codes of the edition in force on `day` matching `query` (code, category or Chinese text).
    pub fn search_waste_codes(&self, day: &str, query: &str, limit: usize) -> Result<Vec<CodeHit>> {
        self.require(Action::ManifestRead)?;
        let day =
            NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").unwrap_or_else(|_| self.today());
        let (edition, _) = self.edition_on(day)?;
        Ok(refs::search_codes(&self.conn, edition, query, limit)?)
    }
}
