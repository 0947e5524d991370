//! Messages into `update` and the effects it asks the runtime to carry out. Results from the service
//! layer come back as messages carrying plain data and message texts, never database handles.

use crate::domain::account::Actor;
use crate::domain::enterprise::{Enterprise, EnterpriseDraft, FormerName};
use crate::domain::validate::FieldIssue;
use crate::i18n::Text;
use crate::service::enterprise::Warnings;
use crate::service::home::Home;
use crate::store::audit::AuditRow;
use crate::store::enterprise::{Cursor, Filter};
use crate::store::reference::Region;
use crossterm::event::KeyEvent;

use crate::domain::account::Role;
use crate::service::account::NewAccount;
use crate::service::admin::SettingRow;
use crate::store::account::{Certificate, OrgUnit};
use crate::store::audit::ChainReport;
pub use crate::store::draft::StoredDraft;

/// An account as the administration screens show it (never its password hash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub unit_code: Option<String>,
    pub enterprise_uscc: Option<String>,
    pub active: bool,
    pub locked_until: Option<String>,
    pub last_login_at: Option<String>,
}

/// Who is logged in, and what the screens need to know about the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionInfo {
    pub actor: Actor,
    pub demo: bool,
    pub idle_lock_minutes: i64,
    pub regions: Vec<Region>,
}

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
    pub assist: Vec<crate::service::assistance::QueueRow>,
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    /// Sent while idle: seconds since the last key.
    Tick {
        idle_secs: u64,
    },
    /// A debounce timer set with `Effect::Debounce` ran out.
    Debounced(u64),
    /// Another process committed to the database.
    DataChanged,
    SetupDone(Result<String, Text>),
    /// Demo data made: enterprises, and (username, role) of each demo account.
    DemoDone(Result<(u64, Vec<(String, Text)>), Text>),
    LoggedIn(Result<SessionInfo, Text>),
    Unlocked(Result<(), Text>),
    HomeLoaded(Result<Home, Text>),
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
    /// The person's kept draft of a form (`None`: there is none).
    DraftLoaded {
        form: String,
        draft: Result<Option<StoredDraft>, Text>,
    },
    /// Autosaving a draft failed (the form keeps its input).
    DraftSaveFailed(Text),
    /// The terminal went away (hang-up, SIGTERM, input closed): keep what can be kept, then stop.
    InputClosed,
    AccountsLoaded(Result<(Vec<Account>, Vec<OrgUnit>), Text>),
    CertificatesLoaded {
        username: String,
        certificates: Result<Vec<Certificate>, Text>,
    },
    /// An administration change was made (with its message) or refused (with the reason).
    AdminDone(Result<Text, Text>),
    SettingsLoaded(Result<Vec<SettingRow>, Text>),
    SettingSaved(Result<Text, Text>),
    AuditLoaded {
        req: u64,
        rows: Result<Vec<AuditRow>, Text>,
    },
    AuditVerified(Result<ChainReport, Text>),
    // 正面清单 (positive list)
    PlEntriesLoaded(Result<Vec<crate::store::positive_list::Entry>, Text>),
    PlEntryLoaded {
        id: i64,
        data: Result<crate::service::positive_list::EntryDetail, Text>,
    },
    PlBatchesLoaded(Result<Vec<crate::store::positive_list::Batch>, Text>),
    /// A positive-list change was made (with its message) or refused (with the reason).
    PlDone(Result<Text, Text>),
    AssistQueueLoaded {
        queue: crate::service::assistance::Queue,
        rows: Result<Vec<crate::service::assistance::QueueRow>, Text>,
        /// Where the next page starts (`None`: no more rows).
        next: Option<crate::store::assistance::queue::QueueCursor>,
        /// Whether the rows continue those shown (a further page) or replace them.
        more: bool,
    },
    AssistDetailLoaded {
        id: i64,
        data: Result<crate::tui::screens::assistance::AssistDetailData, Text>,
    },
    ServiceMenuLoaded(Result<Vec<(String, String, String)>, Text>),
    /// A 帮扶 change was made (with its message) or refused (with the reason).
    AssistDone(Result<Text, Text>),
    /// The report screen's default period (last quarter), as typed in the period field.
    ReportDefaults(String),
    /// The summary was written (naming the file) or refused (with the reason).
    ReportDone(Result<Text, Text>),
    /// A record's current version and state label (after `Effect::ReloadVersion`), or why not.
    VersionReloaded {
        record: Versioned,
        current: Result<(i64, Text), Text>,
    },
    /// How far the summary running in the background has got.
    ReportProgress(crate::service::report::job::SummaryProgress),
    /// A file was written from a screen (dossier, list export), or why not: shown in the message row.
    Written(Result<Text, Text>),
    // 圆桌座谈 (assistance round-tables); their writes answer with `AssistDone`.
    MeetingsLoaded(Result<crate::tui::screens::assistance::meeting::MeetingListData, Text>),
    MeetingLoaded {
        id: i64,
        data: Result<crate::tui::screens::assistance::meeting::MeetingDetailData, Text>,
    },
    // 危险废物转移联单 (manifests)
    Mf(crate::tui::screens::manifest::MfMsg),
    /// Enterprises matching a picker's search as (id, name, USCC).
    EnterprisesFound {
        token: u64,
        rows: Result<Vec<(i64, String, String)>, Text>,
    },
    // 执法检查 (inspections)
    InspLoaded(crate::tui::screens::inspection::InspData),
    /// An inspection change was made (with its message) or refused (with the reason).
    InspDone(Result<Text, Text>),
    /// A draw was verified or exported.
    DrawDone(Result<Text, Text>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Clear and redraw the whole screen (Ctrl-L, resize).
    ClearScreen,
    InitDatabase {
        admin: String,
        password: String,
    },
    GenerateDemo,
    Login {
        username: String,
        password: String,
    },
    Unlock {
        password: String,
    },
    Logout,
    LoadHome,
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
    SaveEnterprise {
        /// (id, row_version) of the record being edited; `None` for a new one.
        editing: Option<(i64, i64)>,
        draft: EnterpriseDraft,
        warnings: Warnings,
    },
    DeleteEnterprise {
        id: i64,
        row_version: i64,
        reason: String,
    },
    /// Send `Msg::Debounced(token)` after `ms` milliseconds without being replaced.
    Debounce {
        token: u64,
        ms: u64,
    },
    CheckDataVersion,
    LoadDraft {
        form: String,
    },
    /// Keep the person's draft of a form (JSON of its fields).
    SaveDraft {
        form: String,
        payload: serde_json::Value,
    },
    DeleteDraft {
        form: String,
    },
    LoadAccounts,
    LoadCertificates {
        username: String,
    },
    AddUser(NewAccount),
    SetUserActive {
        username: String,
        active: bool,
    },
    SetPassword {
        username: String,
        password: String,
    },
    AddCertificate {
        username: String,
        certificate: Certificate,
    },
    LoadSettings,
    SetSetting {
        key: String,
        value: String,
    },
    /// The audit page of `limit` rows (newest first) before `before` (the newest page when `None`);
    /// the runtime reads one more to learn whether older rows follow.
    LoadAudit {
        req: u64,
        before: Option<i64>,
        limit: usize,
    },
    VerifyAudit,
    // 正面清单 (positive list)
    PlLoadEntries(crate::tui::screens::positive_list::PlFilter),
    PlLoadEntry {
        id: i64,
    },
    PlTransition {
        id: i64,
        row_version: i64,
        transition: crate::domain::positive_list::Transition,
        reason: String,
        /// Why an entry leaves the list (removals and failed reviews).
        cause: Option<crate::domain::positive_list::RemovalCause>,
    },
    /// Record a trigger event against a listed entry.
    PlTrigger {
        id: i64,
        kind: crate::domain::positive_list::TriggerKind,
        reference: String,
        /// YYYY-MM-DD as typed; empty means today.
        occurred_on: String,
        handling: crate::domain::positive_list::Handling,
        note: String,
    },
    /// Propose the enterprise as a candidate of the newest batch.
    PlPropose {
        enterprise_id: i64,
    },
    /// The enterprise account applies itself to the newest batch.
    PlApply,
    /// Export the current list to a CSV file in the working directory.
    /// Writes the list as shown (its filter) for public notice, as CSV and XLSX side by side.
    PlExport {
        filter: crate::tui::screens::positive_list::PlFilter,
        lang: crate::i18n::Lang,
    },
    /// Open a batch with the name and note typed (an empty name: the next of this year).
    PlNewBatch {
        name: String,
        note: String,
    },
    /// Set an entry's off-site supervision means.
    PlSetOffsite {
        id: i64,
        row_version: i64,
        means: String,
    },
    PlLoadBatches,
    LoadAssistQueue {
        queue: crate::service::assistance::Queue,
    },
    /// The page of a queue after the rows shown.
    LoadAssistQueueMore {
        queue: crate::service::assistance::Queue,
        after: crate::store::assistance::queue::QueueCursor,
    },
    LoadAssistDetail {
        id: i64,
    },
    LoadServiceMenu,
    FileRequest {
        /// The enterprise bureau staff typed (name, USCC or pinyin initials); enterprise accounts
        /// file for their own.
        enterprise_uscc: Option<String>,
        draft: crate::domain::assistance::RequestDraft,
    },
    AssistTransition {
        id: i64,
        row_version: i64,
        event: crate::domain::assistance::Event,
        input: crate::domain::assistance::EventInput,
    },
    AssistRecord {
        id: i64,
        record: crate::store::assistance::ServiceRecord,
    },
    /// The default period of the report screen from the session's clock.
    ReportDefaults,
    /// Compute the summary and write it to `file`.
    ExportSummary {
        period: crate::domain::report::Period,
        region: Option<String>,
        format: crate::export::summary::SummaryFormat,
        file: std::path::PathBuf,
        lang: crate::i18n::Lang,
    },
    /// Stop the summary running in the background (Esc on the report screen).
    CancelReport,
    /// Read a record's current version, for a form to re-apply what was typed after a conflict.
    ReloadVersion(Versioned),
    /// Write the enterprise's dossier as HTML and XLSX in the working directory.
    ExportDossier {
        id: i64,
        lang: crate::i18n::Lang,
    },
    /// Write the register as filtered and sorted on screen, as CSV and XLSX in the working directory.
    ExportEnterprises {
        filter: crate::store::enterprise::Filter,
        lang: crate::i18n::Lang,
    },
    /// Write the 帮扶 queue shown, in its order, as CSV and XLSX in the working directory.
    ExportAssistQueue {
        queue: crate::service::assistance::Queue,
        lang: crate::i18n::Lang,
    },
    /// Write the inspection list as filtered on screen as CSV and XLSX.
    ExportInspections {
        query: InspListQuery,
        lang: crate::i18n::Lang,
    },
    /// Write the manifests of the list's tab (one row per waste line) as CSV and XLSX.
    ExportManifests {
        filter: crate::store::manifest::ListFilter,
        lang: crate::i18n::Lang,
    },
    // 圆桌座谈 (assistance round-tables)
    LoadMeetings,
    LoadMeeting {
        id: i64,
    },
    RecordMeeting(crate::domain::assistance::meeting::MeetingDraft),
    /// Adds a participant; the enterprise is found by name, USCC or pinyin initials (empty: a guest).
    MeetingParticipant {
        meeting: i64,
        enterprise_query: String,
        participant: crate::domain::assistance::meeting::ParticipantDraft,
    },
    MeetingProblem {
        meeting: i64,
        draft: crate::domain::assistance::RequestDraft,
    },
    MeetingLink {
        meeting: i64,
        number: String,
    },
    // 危险废物转移联单 (manifests)
    Mf(crate::tui::screens::manifest::MfEffect),
    /// The enterprises in scope matching a picker's typed name, USCC or pinyin initials.
    FindEnterprises {
        token: u64,
        query: String,
    },
    // 执法检查 (inspections)
    InspLoad(crate::tui::screens::inspection::InspQuery),
    InspDo(crate::tui::screens::inspection::form::InspRequest),
}

impl Effect {
    /// Effects that take no noticeable time: the screen need not be drawn before them.
    pub fn is_instant(&self) -> bool {
        matches!(
            self,
            Effect::Quit
                | Effect::ClearScreen
                | Effect::Logout
                | Effect::Debounce { .. }
                | Effect::CheckDataVersion
                | Effect::CheckDraft { .. }
                | Effect::SaveDraft { .. }
                | Effect::DeleteDraft { .. }
                | Effect::CancelReport
        )
    }
}

/// A record a form edits at a version: which kind and its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versioned {
    AssistRequest(i64),
    PlEntry(i64),
    Manifest(i64),
    Inspection(i64),
}

/// The inspection list's filters as shown: its tab, category, region and officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspListQuery {
    pub tab: crate::tui::screens::inspection::InspTab,
    pub category: Option<crate::domain::inspection::Category>,
    pub region: Option<String>,
    pub officer: Option<i64>,
}
