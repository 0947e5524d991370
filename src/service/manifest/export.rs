//! Manifest exports: every waste line in scope with its manifest, generator, approval and first carrier.

use crate::domain::account::Action;
use crate::service::Result;
use crate::store::manifest::ListFilter;
use crate::store::manifest::export::{self as manifest_export, ExportRow};

impl crate::service::Manifests<'_> {
    /// Hands every exported waste line in scope matching `f` to `emit` (newest manifest first) until it
    /// answers false; returns how many it took. One streamed query, however many manifests there are.
    pub fn export_rows(&self, f: &ListFilter, emit: impl FnMut(&ExportRow) -> bool) -> Result<u64> {
        self.require(Action::ManifestExport)?;
        self.require(Action::ManifestRead)?;
        let cut = self.cutoffs()?;
        Ok(manifest_export::for_each(
            &self.conn,
            &self.enterprises().scope(),
            f,
            &cut,
            emit,
        )?)
    }
}
