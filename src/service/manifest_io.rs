//! Manifest export pages: each manifest in scope with its lines, carriers and approval number.

use crate::domain::manifest::LegDraft;
use crate::domain::manifest::Line;
use crate::domain::user::Action;
use crate::service::{Result, Session};
use crate::store::manifest::{self as store, Leg, ListFilter, Manifest};

/// A manifest with what an export row needs.
pub struct ExportItem {
    pub manifest: Manifest,
    pub lines: Vec<Line>,
    pub legs: Vec<LegDraft>,
    pub approval: String,
}

impl Session {
    /// One page of manifests in scope for export, with their lines, carriers and approval number.
    pub fn manifest_export_page(&self, f: &ListFilter, limit: usize) -> Result<Vec<ExportItem>> {
        self.require(Action::ManifestExport)?;
        self.manifest_page(f, limit)?
            .into_iter()
            .map(|r| {
                let id = r.manifest.id;
                let approval = match r.manifest.approval_id {
                    Some(a) => crate::store::manifest_ref::approval(&self.conn, a)?.number,
                    None => String::new(),
                };
                Ok(ExportItem {
                    lines: store::lines(&self.conn, id)?,
                    legs: store::legs(&self.conn, id)?
                        .into_iter()
                        .map(|l: Leg| l.carrier)
                        .collect(),
                    approval,
                    manifest: r.manifest,
                })
            })
            .collect()
    }
}
