//! 企业档案: everything the actor may see about one enterprise, gathered for the dossier export.
//! Each part is read through the module's own service function, so its permission and scope rules
//! apply; parts a role may not read are left out rather than refusing the whole dossier.

use crate::domain::account::{Action, Target};
use crate::domain::enterprise::{Enterprise, FormerName};
use crate::domain::time::{local_time, stamp};
use crate::service::assistance::RequestDetail;
use crate::service::positive_list::EntryDetail;
use crate::service::{Result, ServiceError};
use crate::store::audit::AuditRow;

/// More history than any enterprise has; the dossier is meant to be complete.
const AUDIT_ROWS: usize = 100_000;

pub struct DossierFacts {
    pub enterprise: Enterprise,
    pub former_names: Vec<FormerName>,
    pub list_entries: Vec<EntryDetail>,
    pub requests: Vec<RequestDetail>,
    /// Manifests it generated or received (empty for roles without manifests).
    pub manifests: Vec<crate::service::manifest::ManifestRow>,
    pub inspections: crate::service::inspection::followup::EnterpriseInspections,
    /// The record's change history; `None` for roles that may not see it (enterprise accounts).
    pub audit: Option<Vec<AuditRow>>,
    /// Local time, `YYYY-MM-DD HH:MM`.
    pub generated_at: String,
    pub generated_by: String,
}

/// A part the role may not read is empty, not an error.
fn optional<T: Default>(r: Result<T>) -> Result<T> {
    match r {
        Err(ServiceError::Forbidden(_)) => Ok(T::default()),
        other => other,
    }
}

impl crate::service::Reports<'_> {
    pub fn dossier(&self, enterprise_id: i64) -> Result<DossierFacts> {
        self.require(Action::DossierExport)?;
        let enterprise = self.enterprises().get(enterprise_id)?;
        self.check(
            Action::DossierExport,
            Target::record(&enterprise.region_code, enterprise.id),
        )?;
        let list_entries = optional(self.positive_list().entries_of(enterprise_id))?
            .into_iter()
            .map(|e| self.positive_list().entry_detail(e.id))
            .collect::<Result<Vec<_>>>()?;
        let requests = if self.require(Action::AssistanceRead).is_ok() {
            let f = crate::store::assistance::ListFilter {
                enterprise_id: Some(enterprise_id),
                ..Default::default()
            };
            self.assistance()
                .list(&f, usize::MAX >> 1)?
                .into_iter()
                .map(|r| self.assistance().detail(r.request.id))
                .collect::<Result<Vec<_>>>()?
        } else {
            Vec::new()
        };
        let manifests = if self.require(Action::ManifestRead).is_ok() {
            let f = crate::store::manifest::ListFilter {
                enterprise_id: Some(enterprise_id),
                ..Default::default()
            };
            self.manifests().page(&f, AUDIT_ROWS)?
        } else {
            Vec::new()
        };
        let inspections = self.inspections().all_of_enterprise(enterprise_id)?;
        let audit = match self.enterprises().history(enterprise_id, AUDIT_ROWS) {
            Ok(rows) => Some(rows),
            Err(ServiceError::Forbidden(_)) => None,
            Err(e) => return Err(e),
        };
        Ok(DossierFacts {
            former_names: self.enterprises().former_names(enterprise_id)?,
            enterprise,
            list_entries,
            requests,
            manifests,
            inspections,
            audit,
            generated_at: local_time(&stamp(self.now())),
            generated_by: self.actor.display_name.clone(),
        })
    }
}
