//! Enterprise register use cases: list and search within scope, 360° detail, create, edit (former names
//! kept), soft delete with reason. Every call authorizes first; enterprise accounts reach only their own.
pub mod import;
pub mod import_csv;

use crate::domain::account::{Action, Role, Target};
use crate::domain::enterprise::{Enterprise, EnterpriseDraft, FormerName, validate_draft};
use crate::domain::pinyin::initials;
use crate::domain::validate::{FieldIssue, Severity, has_errors};
use crate::i18n::{T, Text};
use crate::service::write::json;
use crate::service::{Audited, Result, ServiceError};
use crate::store::audit::{self, AuditRow};
use crate::store::enterprise::{self as store, Cursor, Filter, Scope};
use crate::store::{db, reference};

/// Whether warnings were seen and accepted by the person saving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warnings {
    /// Refuse to save while there are warnings, and return them so the person can decide.
    Stop,
    /// Save, recording the warnings as acknowledged.
    Acknowledge,
}

impl crate::service::Enterprises<'_> {
    /// The records this actor may list: own enterprise, own region, or everything.
    pub fn scope(&self) -> Scope {
        if self.actor.roles == [Role::Enterprise] {
            // An unbound enterprise account sees nothing (id 0 never exists).
            Scope {
                region: None,
                enterprise_id: Some(self.actor.enterprise_id.unwrap_or(0)),
            }
        } else {
            Scope {
                region: self.actor.region.clone(),
                enterprise_id: None,
            }
        }
    }

    pub fn list(
        &self,
        f: &Filter,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Vec<Enterprise>> {
        self.require(Action::EnterpriseRead)?;
        Ok(store::page(&self.conn, &self.scope(), f, after, limit)?)
    }

    pub fn count(&self, f: &Filter) -> Result<i64> {
        self.require(Action::EnterpriseRead)?;
        Ok(store::count(&self.conn, &self.scope(), f)?)
    }

    /// One enterprise, if it exists and is in scope (out of scope reads as "not found").
    pub fn get(&self, id: i64) -> Result<Enterprise> {
        self.require(Action::EnterpriseRead)?;
        let e = store::get(&self.conn, id)?;
        self.check(Action::EnterpriseRead, Target::record(&e.region_code, e.id))?;
        Ok(e)
    }

    pub fn by_uscc(&self, uscc: &str) -> Result<Enterprise> {
        self.require(Action::EnterpriseRead)?;
        let code = crate::domain::text::normalize_code(uscc);
        let e = store::get_by_uscc(&self.conn, &code)?.ok_or(ServiceError::NotFound)?;
        self.check(Action::EnterpriseRead, Target::record(&e.region_code, e.id))?;
        Ok(e)
    }

    pub fn former_names(&self, id: i64) -> Result<Vec<FormerName>> {
        self.get(id)?;
        Ok(store::former_names(&self.conn, id)?)
    }

    /// The audit history of an enterprise record, newest last. Bureau roles only: the history names staff.
    pub fn history(&self, id: i64, limit: usize) -> Result<Vec<AuditRow>> {
        let e = self.get(id)?;
        if self.actor.roles.iter().all(|r| *r == Role::Enterprise) {
            return Err(ServiceError::Forbidden(Action::AuditView));
        }
        Ok(audit::history(&self.conn, "enterprise", &e.uid, limit)?)
    }

    /// Validates a draft against the register: field rules, then USCC uniqueness. Returns every issue.
    pub fn check_draft(
        &self,
        draft: &mut EnterpriseDraft,
        editing: Option<i64>,
    ) -> Result<Vec<FieldIssue>> {
        let regions = reference::regions(&self.conn)?;
        let mut issues = validate_draft(
            draft,
            |code| regions.iter().any(|r| r.code == code && r.kind != "city"),
            self.today(),
        );
        if !issues.iter().any(|i| i.field == "uscc" && i.is_error())
            && let Some(other) = store::get_by_uscc(&self.conn, &draft.uscc)?
            && Some(other.id) != editing
        {
            let visible = self
                .check(
                    Action::EnterpriseRead,
                    Target::record(&other.region_code, other.id),
                )
                .is_ok();
            let text = if visible {
                Text::new(T::ErrUsccDuplicate)
                    .arg("uscc", &draft.uscc)
                    .arg("name", &other.name)
            } else {
                Text::new(T::ErrUsccDuplicateHidden).arg("uscc", &draft.uscc)
            };
            issues.push(FieldIssue::error("uscc", "uscc_duplicate", text));
        }
        Ok(issues)
    }

    /// Refuses on errors, or on warnings not acknowledged; returns the acknowledged warning codes.
    fn gate(issues: Vec<FieldIssue>, warnings: Warnings) -> Result<Vec<FieldIssue>> {
        if has_errors(&issues) || (warnings == Warnings::Stop && !issues.is_empty()) {
            return Err(ServiceError::Invalid(issues));
        }
        Ok(issues
            .into_iter()
            .filter(|i| i.severity == Severity::Warning)
            .collect())
    }

    /// Registers a new enterprise in the actor's scope.
    pub fn create(&self, mut draft: EnterpriseDraft, warnings: Warnings) -> Result<Enterprise> {
        self.require(Action::EnterpriseCreate)?;
        let issues = self.check_draft(&mut draft, None)?;
        // Scope after validation, so the region is normalised; a branch cannot register outside its region.
        self.check(
            Action::EnterpriseCreate,
            Target {
                region: Some(&draft.region_code),
                enterprise_id: None,
            },
        )
        .map_err(|_| ServiceError::Forbidden(Action::EnterpriseCreate))?;
        let acked = Self::gate(issues, warnings)?;
        let ack_codes = acked.iter().map(|i| i.code).collect::<Vec<_>>().join(",");
        let uid = db::new_uid();
        let py = initials(&draft.name);
        self.write(|w| {
            let id = store::insert(w, &uid, &draft, &py, &w.actor().uid, w.now())?;
            store::set_warnings_ack(w, id, &ack_codes)?;
            let e = store::get(w, id)?;
            w.audit("create", None, &e)?;
            Ok(e)
        })
    }

    /// Saves an edit made from `row_version`. A renamed enterprise keeps its old name as a former name.
    pub fn update(
        &self,
        id: i64,
        row_version: i64,
        mut draft: EnterpriseDraft,
        warnings: Warnings,
    ) -> Result<Enterprise> {
        self.require(Action::EnterpriseUpdate)?;
        let before = self.get(id)?;
        self.check(
            Action::EnterpriseUpdate,
            Target::record(&before.region_code, before.id),
        )?;
        let issues = self.check_draft(&mut draft, Some(id))?;
        self.check(
            Action::EnterpriseUpdate,
            Target::record(&draft.region_code, id),
        )
        .map_err(|_| ServiceError::Forbidden(Action::EnterpriseUpdate))?;
        let acked = Self::gate(issues, warnings)?;
        let ack_codes = acked.iter().map(|i| i.code).collect::<Vec<_>>().join(",");
        let today = self.today().format("%Y-%m-%d").to_string();
        let py = initials(&draft.name);
        self.write(|w| {
            let (by, now) = (&w.actor().uid, w.now());
            if draft.name != before.name && before.row_version == row_version {
                store::add_former_name(w, id, &before.name, &today, by, now)?;
            }
            store::update(w, id, row_version, &draft, &py, by, now)?;
            store::set_warnings_ack(w, id, &ack_codes)?;
            let after = store::get(w, id)?;
            w.audit("update", Some(&before), &after)?;
            Ok(after)
        })
    }

    /// Soft-deletes with a reason; the record stays in the database and in the audit log.
    pub fn delete(&self, id: i64, row_version: i64, reason: &str) -> Result<()> {
        self.require(Action::EnterpriseDelete)?;
        let before = self.get(id)?;
        self.check(
            Action::EnterpriseDelete,
            Target::record(&before.region_code, before.id),
        )?;
        let reason = crate::domain::text::normalize_text(reason);
        if reason.is_empty() {
            return Err(ServiceError::Invalid(vec![FieldIssue::error(
                "delete_reason",
                "required",
                Text::new(T::ErrRequired).arg_key("field", T::FieldDeleteReason),
            )]));
        }
        self.write(|w| {
            store::soft_delete(w, id, row_version, &reason, &w.actor().uid, w.now())?;
            let after = serde_json::json!({ "deleted_at": w.now(), "delete_reason": reason });
            w.audit_json(
                "delete",
                Enterprise::ENTITY,
                &before.uid,
                Some(&json(&before)),
                Some(&after),
            )?;
            Ok(())
        })
    }

    /// Streams every enterprise in scope and filter to `each` (exports), after the export permission check.
    pub fn for_each(
        &self,
        f: &Filter,
        mut each: impl FnMut(&Enterprise) -> std::result::Result<(), crate::store::db::StoreError>,
    ) -> Result<()> {
        self.require(Action::EnterpriseExport)?;
        Ok(store::for_each(&self.conn, &self.scope(), f, &mut each)?)
    }
}
