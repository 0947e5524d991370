//! The one binding table: (context, keys, command, description). Key lookup, the footer hints, the F1
//! help overlay and the command palette are all generated from it, so they cannot disagree.
//! Every F-key has a Ctrl or letter alias (some SSH clients and desktops take F-keys); no Alt bindings.

use crate::domain::account::Action;
use crate::i18n::T;

pub use crate::tui::keys::Key;

/// Where a binding applies. `Global` applies everywhere a more specific binding does not take the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ctx {
    Global,
    Setup,
    Login,
    Lock,
    Home,
    List,
    Search,
    Detail,
    Form,
    Users,
    Account,
    AdminForm,
    Settings,
    /// Typing a setting's new value in place.
    SettingEdit,
    Audit,
    AuditEntry,
    AssistanceQueue,
    AssistanceDetail,
    /// The 帮扶 form: text fields type, choices change with Left/Right, Space ticks a service.
    AssistanceForm,
    Help,
    Palette,
    Confirm,
    Picker,
    /// A picker where several values may be ticked (Space ticks; typing does not filter).
    MultiPicker,
    Filter,
    DeleteDialog,
    // 正面清单 (positive list)
    PositiveListList,
    PositiveListEntry,
    PositiveListBatches,
    // 报表 (reports)
    Report,
    // 圆桌座谈 (assistance round-tables)
    MeetingList,
    MeetingDetail,
    // 危险废物转移联单 (manifests)
    ManifestList,
    ManifestDetail,
    /// The manifest form: text fields type, choices change with Left/Right.
    ManifestForm,
    /// The waste-code picker over the manifest form: typing searches.
    ManifestPicker,
    ManifestAction,
    ManifestRef,
    // 执法检查 (inspections)
    InspectionList,
    InspectionDetail,
    /// The inspection forms: text fields type, choices change with Left/Right, Space ticks.
    InspectionForm,
    RectList,
    Draws,
    /// A row's full text (`v` in a list), in the detail pane.
    FullText,
}

impl Ctx {
    /// Contexts with a focused text field: printable keys type there instead of acting.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Ctx::Setup
                | Ctx::Login
                | Ctx::Lock
                | Ctx::Search
                | Ctx::Form
                | Ctx::AdminForm
                | Ctx::SettingEdit
                | Ctx::AssistanceForm
                | Ctx::Report
                | Ctx::ManifestForm
                | Ctx::ManifestPicker
                | Ctx::ManifestAction
                | Ctx::InspectionForm
                | Ctx::Help
                | Ctx::Palette
                | Ctx::Picker
                | Ctx::DeleteDialog
        )
    }

    /// Contexts the command palette and global commands may act from (not while a dialog is open).
    pub fn is_screen(self) -> bool {
        matches!(
            self,
            Ctx::Home
                | Ctx::List
                | Ctx::Search
                | Ctx::Detail
                | Ctx::Form
                | Ctx::Users
                | Ctx::Account
                | Ctx::AdminForm
                | Ctx::Settings
                | Ctx::SettingEdit
                | Ctx::Audit
                | Ctx::AuditEntry
                | Ctx::PositiveListList
                | Ctx::PositiveListEntry
                | Ctx::PositiveListBatches
                | Ctx::AssistanceQueue
                | Ctx::AssistanceDetail
                | Ctx::AssistanceForm
                | Ctx::Report
                | Ctx::MeetingList
                | Ctx::MeetingDetail
                | Ctx::ManifestList
                | Ctx::ManifestDetail
                | Ctx::ManifestForm
                | Ctx::ManifestAction
                | Ctx::ManifestRef
                | Ctx::InspectionList
                | Ctx::InspectionDetail
                | Ctx::InspectionForm
                | Ctx::RectList
                | Ctx::Draws
                | Ctx::FullText
        )
    }
}

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cmd {
    Help,
    Palette,
    Quit,
    Redraw,
    Back,
    Lock,
    Logout,
    GoHome,
    GoList,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Search,
    Filter,
    ClearFilter,
    Refresh,
    Sort,
    New,
    Edit,
    Delete,
    Save,
    NextField,
    PrevField,
    Pick,
    Reload,
    Toggle,
    PrevValue,
    NextValue,
    Clear,
    Submit,
    Users,
    Settings,
    Audit,
    AddUser,
    ToggleActive,
    ResetPassword,
    /// Clears an account's failed-login delay.
    UnlockUser,
    AddCertificate,
    EditValue,
    Verify,
    // 正面清单 (positive list)
    GoPlist,
    PositiveListDueOnly,
    PositiveListExport,
    PositiveListNewBatch,
    PositiveListBatches,
    PositiveListRegion,
    PositiveListTrigger,
    PositiveListPropose,
    PositiveListApply,
    /// The enterprise withdraws its application (a candidate entry).
    PositiveListWithdraw,
    PositiveListStartNotice,
    PositiveListAdmit,
    PositiveListObjection,
    PositiveListStartReview,
    PositiveListPassReview,
    PositiveListFailReview,
    PositiveListRemove,
    /// Open the 帮扶 queue.
    Assist,
    /// File a 帮扶 request.
    FileRequest,
    /// Open the summary report screen.
    Report,
    /// Write the enterprise's dossier (HTML and XLSX) from its 360° view.
    ExportDossier,
    /// Write the list as shown (filters and order) to CSV and XLSX.
    ExportList,
    /// Write the 帮扶 queue shown to CSV and XLSX.
    ExportQueue,
    /// Write the manifests of the tab shown to CSV and XLSX.
    ManifestExport,
    /// Write the inspection list as filtered to CSV and XLSX.
    InspectionExport,
    // 圆桌座谈 (assistance round-tables)
    Meetings,
    MeetingNew,
    /// Edit a positive-list entry's off-site supervision means.
    PositiveListOffsite,
    // 危险废物转移联单 (manifests)
    /// Open the manifest list.
    Manifests,
    ManifestNew,
    /// Approvals and licences.
    ManifestRef,
    ManifestAddLine,
    ManifestAddLeg,
    ManifestRemoveBlock,
    ManifestPickCode,
    /// Register a licence or an approval.
    ManifestRegister,
    // 执法检查 (inspections)
    /// Open the inspection list (enterprise accounts: their rectification orders).
    Inspect,
    NewInspection,
    Draws,
    NewDraw,
    DrawVerify,
    DrawExport,
    InspectionCategory,
    InspectionRegion,
    // inspections: officer filter and results publication (issue 6 gaps)
    InspectionOfficer,
    DrawPublish,
    DrawFormat,
    /// Record a 专项 plan (supervisors: recording it is the approval).
    SpecialPlan,
    /// `/` in a list other than the register: narrows it by enterprise or number.
    Find,
    /// Shows the selected row's full text.
    FullText,
}

impl Cmd {
    /// The permission a command needs; the palette and hints offer only what the role permits.
    pub fn needs(self) -> Option<Action> {
        match self {
            Cmd::New => Some(Action::EnterpriseCreate),
            Cmd::Edit => Some(Action::EnterpriseUpdate),
            Cmd::Delete => Some(Action::EnterpriseDelete),
            Cmd::GoList | Cmd::Search | Cmd::Filter => Some(Action::EnterpriseRead),
            Cmd::Users
            | Cmd::AddUser
            | Cmd::ToggleActive
            | Cmd::ResetPassword
            | Cmd::UnlockUser
            | Cmd::AddCertificate => Some(Action::UserManage),
            Cmd::Settings | Cmd::EditValue => Some(Action::SettingsManage),
            Cmd::Audit | Cmd::Verify => Some(Action::AuditView),
            Cmd::GoPlist
            | Cmd::PositiveListDueOnly
            | Cmd::PositiveListBatches
            | Cmd::PositiveListRegion => Some(Action::ListRead),
            Cmd::PositiveListExport => Some(Action::ListExport),
            Cmd::PositiveListPropose | Cmd::PositiveListStartReview | Cmd::PositiveListNewBatch => {
                Some(Action::ListPropose)
            }
            Cmd::PositiveListApply | Cmd::PositiveListWithdraw => Some(Action::ListApply),
            Cmd::PositiveListTrigger => Some(Action::ListTrigger),
            Cmd::PositiveListStartNotice
            | Cmd::PositiveListAdmit
            | Cmd::PositiveListObjection
            | Cmd::PositiveListPassReview
            | Cmd::PositiveListFailReview
            | Cmd::PositiveListRemove => Some(Action::ListApprove),
            Cmd::Assist => Some(Action::AssistanceRead),
            Cmd::FileRequest => Some(Action::AssistanceFile),
            Cmd::Report => Some(Action::ReportSummary),
            Cmd::ExportDossier => Some(Action::DossierExport),
            Cmd::ExportList => Some(Action::EnterpriseExport),
            Cmd::ExportQueue => Some(Action::AssistanceRead),
            Cmd::ManifestExport => Some(Action::ManifestExport),
            Cmd::InspectionExport => Some(Action::InspectionRead),
            Cmd::Meetings => Some(Action::AssistanceMeetingRead),
            Cmd::MeetingNew => Some(Action::AssistanceMeetingRecord),
            Cmd::PositiveListOffsite => Some(Action::ListPropose),
            Cmd::Manifests | Cmd::ManifestRef => Some(Action::ManifestRead),
            Cmd::ManifestNew => Some(Action::ManifestDraft),
            Cmd::ManifestRegister => Some(Action::LicenceManage),
            Cmd::Inspect | Cmd::InspectionCategory | Cmd::InspectionRegion => {
                Some(Action::InspectionRead)
            }
            Cmd::NewInspection => Some(Action::InspectionPlan),
            Cmd::Draws | Cmd::DrawVerify | Cmd::DrawExport => Some(Action::DrawRead),
            Cmd::NewDraw => Some(Action::DrawManage),
            // inspections: officer filter and results publication (issue 6 gaps)
            Cmd::InspectionOfficer => Some(Action::InspectionRead),
            Cmd::DrawFormat => Some(Action::DrawRead),
            Cmd::DrawPublish => Some(Action::DrawManage),
            Cmd::SpecialPlan => Some(Action::InspectionApprove),
            _ => None,
        }
    }
}

/// One row of the table. `hint` marks the bindings shown on the footer row.
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub cmd: Cmd,
    pub desc: T,
    pub hint: bool,
}

pub(crate) const fn b(ctx: Ctx, keys: &'static [Key], cmd: Cmd, desc: T, hint: bool) -> Binding {
    Binding {
        ctx,
        keys,
        cmd,
        desc,
        hint,
    }
}

pub use crate::tui::bindings::BINDINGS;

/// Contexts where global bindings apply; dialogs and the pre-login screens take only a few.
fn global_applies(ctx: Ctx, cmd: Cmd) -> bool {
    match ctx {
        // Home is the bottom of the stack: Esc has nowhere to go back to.
        Ctx::Home => cmd != Cmd::Back,
        c if c.is_screen() => true,
        Ctx::Setup | Ctx::Login => matches!(cmd, Cmd::Help | Cmd::Quit | Cmd::Redraw),
        Ctx::Lock => matches!(cmd, Cmd::Quit | Cmd::Redraw),
        _ => matches!(cmd, Cmd::Redraw),
    }
}

/// The command a key gives in a context, if any. In text contexts printable keys never act.
pub fn lookup(ctx: Ctx, key: Key) -> Option<Cmd> {
    if ctx.types_text() && key.is_printable() {
        return None;
    }
    let own = BINDINGS
        .iter()
        .find(|b| b.ctx == ctx && b.keys.contains(&key));
    own.or_else(|| {
        BINDINGS
            .iter()
            .find(|b| b.ctx == Ctx::Global && b.keys.contains(&key) && global_applies(ctx, b.cmd))
    })
    .map(|b| b.cmd)
}

/// The bindings that apply in a context: its own, then the global ones that reach it (without
/// duplicating a command the context already binds).
pub fn bindings_for(ctx: Ctx) -> Vec<&'static Binding> {
    let own: Vec<&Binding> = BINDINGS.iter().filter(|b| b.ctx == ctx).collect();
    let global = BINDINGS.iter().filter(|b| {
        b.ctx == Ctx::Global && global_applies(ctx, b.cmd) && !own.iter().any(|o| o.cmd == b.cmd)
    });
    own.iter().copied().chain(global).collect()
}

/// The keys of a binding as text (`F1, ?`), hiding printable aliases where keys type text.
pub fn keys_label(ctx: Ctx, b: &Binding) -> String {
    b.keys
        .iter()
        .filter(|k| !(ctx.types_text() && k.is_printable()))
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first usable key of a binding, for the footer.
pub fn first_key(ctx: Ctx, b: &Binding) -> Option<String> {
    b.keys
        .iter()
        .find(|k| !(ctx.types_text() && k.is_printable()))
        .map(|k| k.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_key_binding_has_a_non_function_alias() {
        for b in BINDINGS {
            if b.keys.iter().any(|k| matches!(k, Key::F(_))) {
                assert!(
                    b.keys.iter().any(|k| !matches!(k, Key::F(_))),
                    "{:?} in {:?} has only F-keys",
                    b.cmd,
                    b.ctx
                );
            }
        }
    }

    #[test]
    fn letters_type_text_in_forms_but_act_in_lists() {
        assert_eq!(lookup(Ctx::List, Key::Char('j')), Some(Cmd::Down));
        assert_eq!(lookup(Ctx::Form, Key::Char('j')), None);
        assert_eq!(lookup(Ctx::Form, Key::Char('?')), None);
        assert_eq!(lookup(Ctx::Form, Key::F(1)), Some(Cmd::Help));
        assert_eq!(lookup(Ctx::List, Key::Char('?')), Some(Cmd::Help));
        assert_eq!(lookup(Ctx::Form, Key::Ctrl('k')), Some(Cmd::Palette));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.ctx == b.ctx {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.ctx);
                    }
                }
            }
        }
    }
}
