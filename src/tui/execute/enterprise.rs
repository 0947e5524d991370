//! Carrying out the enterprise register's effects through the service layer.

use crate::domain::account::Role;
use crate::service::{ServiceError, Session};
use crate::tui::msg::Msg;
use crate::tui::screens::enterprise::{DetailData, PageRequest, PageStart, SaveError};
use crate::tui::screens::enterprise::{EnterpriseEffect, EnterpriseMsg};

/// Rows of audit history the detail view shows.
const HISTORY_ROWS: usize = 200;

/// 帮扶 requests the enterprise's 360° view lists.
const ASSISTANCE_IN_DETAIL: usize = 50;

/// 转移联单 the enterprise's 360° view lists.
const MANIFESTS_IN_DETAIL: usize = 30;

pub(in crate::tui) fn execute(s: &mut Session, effect: EnterpriseEffect) -> Option<Msg> {
    let text = |e: ServiceError| e.text();
    let msg = match effect {
        EnterpriseEffect::LoadPage(req) => return Some(load_page(s, req)),
        EnterpriseEffect::LoadDetail { id } => EnterpriseMsg::DetailLoaded {
            id,
            data: load_detail(s, id).map_err(text),
        },
        EnterpriseEffect::LoadForEdit { id } => {
            EnterpriseMsg::EditLoaded(s.enterprises().get(id).map_err(text))
        }
        EnterpriseEffect::CheckDraft {
            req,
            editing,
            mut draft,
        } => {
            let issues = s
                .enterprises()
                .check_draft(&mut draft, editing)
                .unwrap_or_default();
            EnterpriseMsg::DraftChecked { req, issues }
        }
        EnterpriseEffect::Save {
            editing,
            draft,
            warnings,
        } => {
            let result = match editing {
                Some((id, version)) => s.enterprises().update(id, version, draft, warnings),
                None => s.enterprises().create(draft, warnings),
            };
            match result {
                Ok(e) => EnterpriseMsg::Saved(e),
                Err(ServiceError::Invalid(issues)) => {
                    EnterpriseMsg::SaveFailed(SaveError::Invalid(issues))
                }
                Err(ServiceError::Conflict { by, at }) => {
                    EnterpriseMsg::SaveFailed(SaveError::Conflict { by, at })
                }
                Err(e) => EnterpriseMsg::SaveFailed(SaveError::Other(e.text())),
            }
        }
        EnterpriseEffect::Delete {
            id,
            row_version,
            reason,
        } => EnterpriseMsg::Deleted(
            s.enterprises()
                .delete(id, row_version, &reason)
                .map_err(text),
        ),
        EnterpriseEffect::ExportDossier { id, lang } => {
            return Some(Msg::Written(crate::tui::execute::report::export_dossier(
                s, id, lang,
            )));
        }
        EnterpriseEffect::Export { filter, lang } => {
            return Some(Msg::Written(crate::tui::execute::report::export_list(
                s, &filter, lang,
            )));
        }
    };
    Some(Msg::Enterprise(msg))
}

/// One page of the register (and its count when the filter changed); public for the benchmark.
pub fn load_page(s: &Session, req: PageRequest) -> Msg {
    let fetch = req.limit + 1;
    let rows = match &req.start {
        PageStart::After(c) => s.enterprises().list(&req.filter, c.as_ref(), fetch),
        PageStart::Before(c) => s.list_enterprises_before(&req.filter, c.as_ref(), fetch),
    };
    let total = if req.count {
        s.enterprises().count(&req.filter).ok()
    } else {
        None
    };
    Msg::Enterprise(EnterpriseMsg::PageLoaded {
        req: req.req,
        start: req.start,
        rows: rows.map_err(|e| e.text()),
        total,
    })
}

/// Everything the 360° view shows of one enterprise; public for the benchmark.
pub fn load_detail(s: &Session, id: i64) -> Result<DetailData, ServiceError> {
    let enterprise = s.enterprises().get(id)?;
    let former_names = s.enterprises().former_names(id)?;
    let bureau = s.actor.roles.iter().any(|r| *r != Role::Enterprise);
    let history = if bureau {
        match s.enterprises().history(id, HISTORY_ROWS) {
            Ok(h) => Some(h),
            Err(ServiceError::Forbidden(_)) => None,
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    // Roles without the positive list simply see no entries.
    let list_entries = s.positive_list().entries_of(id).unwrap_or_default();
    let list_history = s.positive_list().history_of(id).unwrap_or_default();
    let assistance = if s
        .require(crate::domain::account::Action::AssistanceRead)
        .is_ok()
    {
        let f = crate::store::assistance::ListFilter {
            enterprise_id: Some(id),
            ..Default::default()
        };
        s.assistance().list(&f, ASSISTANCE_IN_DETAIL)?
    } else {
        Vec::new()
    };
    // 危险废物转移联单 (manifests)
    let manifests = if s
        .require(crate::domain::account::Action::ManifestRead)
        .is_ok()
    {
        let f = crate::store::manifest::ListFilter {
            enterprise_id: Some(id),
            ..Default::default()
        };
        s.manifests().page(&f, MANIFESTS_IN_DETAIL)?
    } else {
        Vec::new()
    };
    Ok(DetailData {
        enterprise,
        former_names,
        history,
        list_entries,
        list_history,
        assistance,
        manifests,
        inspections: s.inspections().of_enterprise(id).unwrap_or_default(),
    })
}
