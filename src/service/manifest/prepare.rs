//! The checks every save and submit of a manifest runs: the 名录 edition in force and its codes, the
//! lines, the receiver's licence, the cross-province approval (with what its other manifests used),
//! the carriers, and the gate that lets acknowledged warnings through.

use crate::domain::manifest::rules::{ApprovalFacts, check_cross_province, check_licence};
use crate::domain::manifest::{CodeInfo, LegDraft, PROVINCE, validate_lines};
use crate::domain::time::Day;
use crate::domain::validate::{FieldIssue, Severity};
use crate::i18n::{T, Text};
use crate::service::manifest::{ManifestInput, Prepared};
use crate::service::{Result, ServiceError};
use crate::store::manifest::reference::{self as refs, Approval};
use chrono::NaiveDate;

fn err(field: &'static str, code: &'static str, t: Text) -> FieldIssue {
    FieldIssue::error(field, code, t)
}

impl crate::service::Manifests<'_> {
    /// The edition in force on a transfer date and a lookup of its codes.
    pub(in crate::service) fn edition_on(&self, day: NaiveDate) -> Result<(i64, String)> {
        refs::edition_on(&self.conn, &day.to_string())?.ok_or_else(|| {
            ServiceError::Invalid(vec![err(
                "transfer_date",
                "no_edition",
                Text::new(T::ManifestErrNoEdition).arg("day", day),
            )])
        })
    }

    pub(in crate::service) fn code_lookup(&self, edition: i64, code: &str) -> Option<CodeInfo> {
        refs::code_info(&self.conn, edition, code).ok().flatten()
    }

    /// Checks a manifest as typed: lines against the edition in force on the transfer date, the
    /// receiver's licence, the cross-province approval (with what its other manifests used), and,
    /// when `for_submit`, the carriers. `except` is the manifest itself when it is stored already.
    pub(in crate::service) fn prepare(
        &self,
        input: &ManifestInput,
        generator_id: i64,
        except: i64,
        for_submit: bool,
    ) -> Result<Prepared> {
        let mut issues = Vec::new();
        // An unreadable day is an error that blocks the save; today stands in for the other checks.
        let day = match crate::domain::validate::day(
            "transfer_date",
            T::ManifestFieldTransferDate,
            &input.transfer_date,
        ) {
            Ok(Some(d)) => d.date(),
            Ok(None) | Err(_) => {
                issues.push(err(
                    "transfer_date",
                    "bad_date",
                    Text::new(T::ErrDate).arg_key("field", T::ManifestFieldTransferDate),
                ));
                self.today()
            }
        };
        let (edition_id, edition) = self.edition_on(day)?;
        let (lines, line_issues) =
            validate_lines(&input.lines, &edition, |c| self.code_lookup(edition_id, c));
        issues.extend(line_issues);
        let mode = input.mode;
        if mode.is_none() {
            issues.push(err(
                "mode",
                "required",
                Text::new(T::ErrRequired).arg_key("field", T::ManifestFieldMode),
            ));
        }
        let number = crate::domain::text::normalize_code(&input.licence_number);
        let licence = refs::licence_by_number(&self.conn, &number)?;
        let Some(licence) = licence else {
            issues.push(err(
                "licence",
                "unknown_licence",
                Text::new(T::ManifestErrLicenceUnknown).arg("number", &input.licence_number),
            ));
            return Err(ServiceError::Invalid(issues));
        };
        let facts = licence.facts();
        if let Some(mode) = mode {
            issues.extend(check_licence(&facts, &lines, mode, day));
        }
        let approval_no = crate::domain::text::normalize_code(&input.approval_number);
        let approval = if approval_no.is_empty() {
            None
        } else {
            let a = refs::approval_by_number(&self.conn, &approval_no)?;
            if a.is_none() {
                issues.push(err(
                    "approval",
                    "unknown_approval",
                    Text::new(T::ManifestErrApprovalUnknown).arg("number", &approval_no),
                ));
            }
            a
        };
        if approval.is_some() || licence.province != PROVINCE {
            let facts_a = match &approval {
                Some(a) => Some(self.approval_facts(a, generator_id, except)?),
                None => None,
            };
            // The cumulative quantity counts submitted manifests: a draft is not yet a transfer.
            issues.extend(
                check_cross_province(&facts, facts_a.as_ref(), &lines, day, mode)
                    .into_iter()
                    .filter(|i| for_submit || i.code != "approval_quantity"),
            );
        }
        let mut legs = input.legs.clone();
        legs.retain(|l| *l != LegDraft::default());
        for (i, leg) in legs.iter_mut().enumerate() {
            issues.extend(leg.validate(i + 1));
        }
        if for_submit && legs.is_empty() {
            issues.push(err(
                "leg.carrier_name",
                "required",
                Text::new(T::ManifestErrLeg).arg("n", 1).arg_text(
                    "msg",
                    Text::new(T::ErrRequired).arg_key("field", T::ManifestFieldCarrier),
                ),
            ));
        }
        Ok(Prepared {
            day: Day::new(day),
            licence,
            approval,
            edition,
            lines,
            legs,
            issues,
        })
    }

    fn approval_facts(
        &self,
        a: &Approval,
        generator_id: i64,
        except: i64,
    ) -> Result<ApprovalFacts> {
        if a.generator_id != generator_id {
            return Err(ServiceError::Invalid(vec![err(
                "approval",
                "approval_generator",
                Text::new(T::ManifestErrApprovalUnknown).arg("number", &a.number),
            )]));
        }
        Ok(ApprovalFacts {
            number: a.number.clone(),
            waste_code: a.waste_code.clone(),
            licence_number: a.licence_number.clone(),
            approved_kg: a.approved_kg,
            used_kg: refs::approval_used_kg(&self.conn, a.id, except)?,
            valid_from: a.valid_from.date(),
            valid_to: a.valid_to.date(),
            mode: a.mode,
        })
    }

    /// Errors always block; warnings block until acknowledged (then their codes are recorded).
    pub(in crate::service) fn gate(issues: Vec<FieldIssue>, acknowledged: bool) -> Result<String> {
        let blocking = issues.iter().any(|i| i.severity == Severity::Error);
        if blocking || (!issues.is_empty() && !acknowledged) {
            return Err(ServiceError::Invalid(issues));
        }
        Ok(issues.iter().map(|i| i.code).collect::<Vec<_>>().join(","))
    }
}
