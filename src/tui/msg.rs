//! Messages into `update` and the effects it asks the runtime to carry out. Results from the service
//! layer come back as messages carrying plain data and message texts, never database handles.

use crate::domain::account::Actor;
use crate::i18n::Text;
use crate::service::home::Home;
use crate::store::reference::Region;
use crate::tui::screens::admin::{AdminEffect, AdminMsg};
use crate::tui::screens::assistance::{AssistanceEffect, AssistanceMsg};
use crate::tui::screens::enterprise::{EnterpriseEffect, EnterpriseMsg};
use crate::tui::screens::inspection::{InspectionEffect, InspectionMsg};
use crate::tui::screens::manifest::{ManifestEffect, ManifestMsg};
use crate::tui::screens::positive_list::{PositiveListEffect, PositiveListMsg};
use crate::tui::screens::report::{ReportEffect, ReportMsg};
use crossterm::event::KeyEvent;

pub use crate::store::draft::StoredDraft;

/// Who is logged in, and what the screens need to know about the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionInfo {
    pub actor: Actor,
    pub demo: bool,
    pub idle_lock_minutes: i64,
    pub regions: Vec<Region>,
    /// The password given at login is below the policy now in force: a new one is asked for first.
    pub must_change_password: bool,
}

/// Messages into `update`: the generic ones here, each feature's results in its own enum.
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
    /// The person's kept draft of a form (`None`: there is none).
    DraftLoaded {
        form: String,
        draft: Result<Option<StoredDraft>, Text>,
    },
    /// Autosaving a draft failed (the form keeps its input).
    DraftSaveFailed(Text),
    /// The terminal went away (hang-up, SIGTERM, input closed): keep what can be kept, then stop.
    InputClosed,
    /// A record's current version and state label (after `Effect::ReloadVersion`), or why not.
    VersionReloaded {
        record: Versioned,
        current: Result<(i64, Text), Text>,
    },
    /// A file was written from a screen (dossier, list export), or why not: shown in the message row.
    Written(Result<Text, Text>),
    Enterprise(EnterpriseMsg),
    Admin(AdminMsg),
    // 正面清单 (positive list)
    PositiveList(PositiveListMsg),
    // 帮扶 and 圆桌座谈 (assistance)
    Assistance(AssistanceMsg),
    Report(ReportMsg),
    // 危险废物转移联单 (manifests)
    Manifest(ManifestMsg),
    // 执法检查 and 双随机 (inspections)
    Inspection(InspectionMsg),
}

/// What `update` asks the runtime to do: the generic effects here, each feature's in its own enum.
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
    /// Read a record's current version, for a form to re-apply what was typed after a conflict.
    ReloadVersion(Versioned),
    Enterprise(EnterpriseEffect),
    Admin(AdminEffect),
    // 正面清单 (positive list)
    PositiveList(PositiveListEffect),
    // 帮扶 and 圆桌座谈 (assistance)
    Assistance(AssistanceEffect),
    Report(ReportEffect),
    // 危险废物转移联单 (manifests)
    Manifest(ManifestEffect),
    // 执法检查 and 双随机 (inspections)
    Inspection(InspectionEffect),
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
                | Effect::Enterprise(EnterpriseEffect::CheckDraft { .. })
                | Effect::SaveDraft { .. }
                | Effect::DeleteDraft { .. }
                | Effect::Report(ReportEffect::Cancel)
        )
    }
}

/// A record a form edits at a version: which kind and its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versioned {
    AssistanceRequest(i64),
    PositiveListEntry(i64),
    Manifest(i64),
    Inspection(i64),
}
