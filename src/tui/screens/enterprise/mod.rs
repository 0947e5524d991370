//! The enterprise register screens: list, 360° view and the create/edit form with its drafts.

pub mod detail;
pub mod detail_view;
pub mod fields;
pub mod form;
pub mod form_draft;
pub mod form_view;
pub mod list;
pub mod list_view;

use crate::domain::enterprise::{Enterprise, EnterpriseDraft, FormerName};
use crate::domain::validate::FieldIssue;
use crate::i18n::{Lang, Text};
use crate::service::enterprise::Warnings;
use crate::store::audit::AuditRow;
use crate::store::enterprise::{Cursor, Filter};

/// Where a page starts: after a row (forwards) or before one (backwards, for the end of the list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageStart {
    After(Option<Cursor>),
    Before(Option<Cursor>),
}

/// A page request; `req` lets a late answer to an older request be ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub req: u64,
    pub filter: Filter,
    pub start: PageStart,
    /// Rows wanted; the runtime fetches one more to learn whether another page follows.
    pub limit: usize,
    /// Whether to count the matching rows too (only when the filter changed).
    pub count: bool,
}

/// The 360° view's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailData {
    pub enterprise: Enterprise,
    pub former_names: Vec<FormerName>,
    /// `None` when the role may not see the audit history.
    pub history: Option<Vec<AuditRow>>,
    /// The enterprise's positive-list entries, newest first.
    pub list_entries: Vec<crate::store::positive_list::Entry>,
    /// Their state changes, oldest first, with the batch of each.
    pub list_history: Vec<(String, crate::store::positive_list::HistoryRow)>,
    /// The enterprise's 帮扶 requests, newest first (empty when none or not visible to the role).
    pub assistance: Vec<crate::service::assistance::QueueRow>,
    /// 转移联单 the enterprise sent or received, newest first, with their alerts.
    pub manifests: Vec<crate::service::manifest::ManifestRow>,
    /// The enterprise's inspections, rectification orders and cases (inspections; empty when not visible).
    pub inspections: crate::service::inspection::followup::EnterpriseInspections,
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Invalid(Vec<FieldIssue>),
    Conflict { by: String, at: String },
    Other(Text),
}

/// What the register screens ask the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnterpriseEffect {
    LoadPage(PageRequest),
    LoadDetail {
        id: i64,
    },
    LoadForEdit {
        id: i64,
    },
    CheckDraft {
        req: u64,
        editing: Option<i64>,
        draft: EnterpriseDraft,
    },
    Save {
        /// (id, row_version) of the record being edited; `None` for a new one.
        editing: Option<(i64, i64)>,
        draft: EnterpriseDraft,
        warnings: Warnings,
    },
    Delete {
        id: i64,
        row_version: i64,
        reason: String,
    },
    /// Write the enterprise's dossier as HTML and XLSX in the working directory.
    ExportDossier {
        id: i64,
        lang: Lang,
    },
    /// Write the register as filtered and sorted on screen, as CSV and XLSX in the working directory.
    Export {
        filter: Filter,
        lang: Lang,
    },
}

/// What the runtime answers the register screens.
// Moved once per message, like the flat `Msg` it came from: the detail variant stays unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnterpriseMsg {
    PageLoaded {
        req: u64,
        start: PageStart,
        rows: Result<Vec<Enterprise>, Text>,
        total: Option<i64>,
    },
    DetailLoaded {
        id: i64,
        data: Result<DetailData, Text>,
    },
    EditLoaded(Result<Enterprise, Text>),
    DraftChecked {
        req: u64,
        issues: Vec<FieldIssue>,
    },
    Saved(Enterprise),
    SaveFailed(SaveError),
    Deleted(Result<(), Text>),
}
