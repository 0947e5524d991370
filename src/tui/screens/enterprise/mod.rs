//! The enterprise register screens: list, 360° view and the create/edit form with its drafts.

pub mod detail;
pub mod detail_view;
pub mod fields;
pub mod form;
pub mod form_draft;
pub mod form_view;
pub mod list;
pub mod list_view;

use crate::domain::enterprise::{Enterprise, EnterpriseDraft};
use crate::domain::validate::FieldIssue;
use crate::i18n::{Lang, Text};
use crate::service::enterprise::Warnings;
use crate::store::enterprise::Filter;
use crate::tui::msg::{DetailData, PageRequest, PageStart, SaveError};

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
