//! The screens of the stack and how input, dialog choices and returns reach each of them.

use crate::tui::app::{Env, Input, Out};
use crate::tui::keymap::Ctx;
use crate::tui::overlays::Chosen;
use crate::tui::screens::admin::audit::{AuditEntryState, AuditState};
use crate::tui::screens::admin::form::AdminFormState;
use crate::tui::screens::admin::settings::SettingsState;
use crate::tui::screens::admin::users::{AccountState, UsersState};
use crate::tui::screens::assistance::meeting::{MeetingDetailState, MeetingListState};
use crate::tui::screens::assistance::{
    AssistanceDetailState, AssistanceFormState, AssistanceQueueState,
};
use crate::tui::screens::enterprise::detail::DetailState;
use crate::tui::screens::enterprise::form::FormState;
use crate::tui::screens::enterprise::list::ListState;
use crate::tui::screens::home::HomeState;
use crate::tui::screens::inspection::{
    DrawsState, InspectionDetailState, InspectionFormState, InspectionListState, RectListState,
};
use crate::tui::screens::login::LoginState;
use crate::tui::screens::positive_list::{
    PositiveListBatchesState, PositiveListEntryState, PositiveListState,
};
use crate::tui::screens::report::ReportState;
use crate::tui::screens::setup::SetupState;
// 危险废物转移联单 (manifests)
use crate::tui::screens::manifest::action::ManifestActionState;
use crate::tui::screens::manifest::{
    ManifestDetailState, ManifestFormState, ManifestListState, ManifestRefState,
};

/// The screens, kept as a stack: going back pops, so the list keeps its page and selection behind
/// the detail view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Setup(SetupState),
    Login(LoginState),
    Home(HomeState),
    List(ListState),
    Detail(DetailState),
    Form(Box<FormState>),
    Users(UsersState),
    Account(AccountState),
    AdminForm(Box<AdminFormState>),
    Settings(SettingsState),
    Audit(AuditState),
    AuditEntry(AuditEntryState),
    PositiveList(PositiveListState),
    PositiveListEntry(PositiveListEntryState),
    PositiveListBatches(PositiveListBatchesState),
    AssistanceQueue(AssistanceQueueState),
    AssistanceDetail(AssistanceDetailState),
    AssistanceForm(Box<AssistanceFormState>),
    Report(Box<ReportState>),
    // 圆桌座谈 (assistance round-tables)
    MeetingList(MeetingListState),
    MeetingDetail(MeetingDetailState),
    // 危险废物转移联单 (manifests)
    ManifestList(ManifestListState),
    ManifestDetail(Box<ManifestDetailState>),
    ManifestForm(Box<ManifestFormState>),
    ManifestAction(Box<ManifestActionState>),
    ManifestRef(ManifestRefState),
    // 执法检查 (inspections)
    InspectionList(InspectionListState),
    InspectionDetail(InspectionDetailState),
    InspectionForm(Box<InspectionFormState>),
    RectList(RectListState),
    Draws(DrawsState),
    /// A list row's full text.
    FullText(crate::tui::screens::full_text::FullTextState),
}

impl Screen {
    pub fn ctx(&self) -> Ctx {
        match self {
            Screen::Setup(_) => Ctx::Setup,
            Screen::Login(_) => Ctx::Login,
            Screen::Home(_) => Ctx::Home,
            Screen::List(l) if l.searching => Ctx::Search,
            Screen::List(_) => Ctx::List,
            Screen::Detail(_) => Ctx::Detail,
            Screen::Form(_) => Ctx::Form,
            Screen::Users(u) if u.find.active => Ctx::Search,
            Screen::Users(_) => Ctx::Users,
            Screen::Account(_) => Ctx::Account,
            Screen::AdminForm(_) => Ctx::AdminForm,
            Screen::Settings(s) if s.editing.is_some() => Ctx::SettingEdit,
            Screen::Settings(_) => Ctx::Settings,
            Screen::Audit(_) => Ctx::Audit,
            Screen::AuditEntry(_) => Ctx::AuditEntry,
            Screen::PositiveList(l) if l.find.active => Ctx::Search,
            Screen::PositiveList(_) => Ctx::PositiveListList,
            Screen::PositiveListEntry(_) => Ctx::PositiveListEntry,
            Screen::PositiveListBatches(_) => Ctx::PositiveListBatches,
            Screen::AssistanceQueue(q) if q.find.active => Ctx::Search,
            Screen::AssistanceQueue(_) => Ctx::AssistanceQueue,
            Screen::AssistanceDetail(_) => Ctx::AssistanceDetail,
            Screen::AssistanceForm(_) => Ctx::AssistanceForm,
            Screen::Report(_) => Ctx::Report,
            Screen::MeetingList(_) => Ctx::MeetingList,
            Screen::MeetingDetail(_) => Ctx::MeetingDetail,
            Screen::ManifestList(l) if l.find.active => Ctx::Search,
            Screen::ManifestList(_) => Ctx::ManifestList,
            Screen::ManifestDetail(_) => Ctx::ManifestDetail,
            Screen::ManifestForm(f) if f.picker.is_some() => Ctx::ManifestPicker,
            Screen::ManifestForm(_) => Ctx::ManifestForm,
            Screen::ManifestAction(_) => Ctx::ManifestAction,
            Screen::ManifestRef(_) => Ctx::ManifestRef,
            Screen::InspectionList(l) if l.find.active => Ctx::Search,
            Screen::InspectionList(_) => Ctx::InspectionList,
            Screen::InspectionDetail(_) => Ctx::InspectionDetail,
            Screen::InspectionForm(_) => Ctx::InspectionForm,
            Screen::RectList(_) => Ctx::RectList,
            Screen::Draws(d) if d.find.active => Ctx::Search,
            Screen::Draws(_) => Ctx::Draws,
            Screen::FullText(_) => Ctx::FullText,
        }
    }

    /// The record counter of a list for the title row (`37 / 1,000+`).
    pub fn position(&self) -> Option<String> {
        use crate::tui::widgets::list_state::{Total, position};
        match self {
            Screen::AssistanceQueue(q) => Some(position(
                q.selected,
                q.rows.len(),
                Total::loaded(q.rows.len(), q.next.is_some()),
            )),
            Screen::ManifestList(l) => Some(position(
                l.selected,
                l.rows.len(),
                if l.complete {
                    Total::Exact(l.rows.len() as u64)
                } else {
                    Total::capped(l.total, crate::service::manifest::MF_LIST_COUNT_CAP + 1)
                },
            )),
            Screen::InspectionList(l) => Some(position(
                l.selected,
                l.rows.len(),
                Total::loaded(l.rows.len(), l.more),
            )),
            Screen::PositiveList(l) => Some(position(
                l.selected,
                l.rows.len(),
                Total::Exact(l.rows.len() as u64),
            )),
            Screen::Users(u) => Some(position(
                u.selected,
                u.rows.len(),
                Total::Exact(u.rows.len() as u64),
            )),
            Screen::Draws(d) => Some(position(
                d.selected,
                d.rows.len(),
                Total::Exact(d.rows.len() as u64),
            )),
            _ => None,
        }
    }

    /// Whether the current record's state and the person's role permit a command now (the
    /// footer offers only these).
    pub fn permits(&self, cmd: crate::tui::keymap::Cmd) -> bool {
        match self {
            Screen::PositiveListEntry(p) => p.permits(cmd),
            _ => true,
        }
    }

    /// Whether leaving would lose typed work (asked before discarding).
    pub fn is_dirty(&self) -> bool {
        match self {
            Screen::Form(f) => f.is_dirty(),
            Screen::AdminForm(f) => f.is_dirty(),
            Screen::AssistanceForm(f) => f.is_dirty(),
            Screen::ManifestForm(f) => f.is_dirty(),
            Screen::ManifestAction(f) => f.is_dirty(),
            Screen::InspectionForm(f) => f.is_dirty(),
            _ => false,
        }
    }

    /// A command or typed key for this screen.
    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        match self {
            Screen::Setup(st) => st.on_input(env, input),
            Screen::Login(st) => st.on_input(input),
            Screen::Home(st) => st.on_input(env, input),
            Screen::List(st) => st.on_input(env, input),
            Screen::Detail(st) => st.on_input(env, input),
            Screen::Form(st) => st.on_input(env, input),
            Screen::Users(st) => st.on_input(env, input),
            Screen::Account(st) => st.on_input(env, input),
            Screen::AdminForm(st) => st.on_input(env, input),
            Screen::Settings(st) => st.on_input(env, input),
            Screen::Audit(st) => st.on_input(env, input),
            Screen::AuditEntry(st) => st.on_input(env, input),
            Screen::PositiveList(st) => st.on_input(env, input),
            Screen::PositiveListEntry(st) => st.on_input(env, input),
            Screen::PositiveListBatches(st) => st.on_input(env, input),
            Screen::AssistanceQueue(st) => st.on_input(env, input),
            Screen::AssistanceDetail(st) => st.on_input(env, input),
            Screen::AssistanceForm(st) => st.on_input(env, input),
            Screen::Report(st) => st.on_input(env, input),
            Screen::MeetingList(st) => st.on_input(env, input),
            Screen::MeetingDetail(st) => st.on_input(env, input),
            Screen::ManifestList(st) => st.on_input(env, input),
            Screen::ManifestDetail(st) => st.on_input(env, input),
            Screen::ManifestForm(st) => st.on_input(env, input),
            Screen::ManifestAction(st) => st.on_input(input),
            Screen::ManifestRef(st) => st.on_input(input),
            Screen::InspectionList(st) => st.on_input(env, input),
            Screen::InspectionDetail(st) => st.on_input(env, input),
            Screen::InspectionForm(st) => st.on_input(env, input),
            Screen::RectList(st) => st.on_input(env, input),
            Screen::Draws(st) => st.on_input(env, input),
            Screen::FullText(st) => st.on_input(env, input),
        }
    }

    /// What a dialog opened from this screen chose.
    pub fn from_overlay(&mut self, env: &mut Env<'_>, chosen: Chosen) -> Out {
        // "Yes" to an irreversible action the screen asked about (widgets::confirm).
        if chosen == Chosen::Proceed {
            return match self {
                Screen::ManifestDetail(d) => d.proceed(),
                Screen::ManifestAction(a) => a.proceed(),
                Screen::InspectionDetail(d) => d.proceed(),
                Screen::InspectionForm(f) => f.proceed(),
                Screen::Draws(d) => d.proceed(),
                Screen::AssistanceForm(f) => f.proceed(),
                _ => Out::default(),
            };
        }
        match self {
            Screen::List(l) => l.from_overlay(env, chosen),
            Screen::Form(f) => f.from_overlay(env, chosen),
            Screen::Detail(d) => d.from_overlay(env, chosen),
            Screen::AdminForm(f) => f.from_overlay(chosen),
            Screen::PositiveListEntry(p) => p.from_overlay(chosen),
            // inspections: the list's officer filter
            Screen::InspectionList(l) => l.from_overlay(chosen),
            _ => Out::default(),
        }
    }

    /// Back on top (or the data changed elsewhere): refresh what may have changed meanwhile.
    pub fn on_return(&mut self, env: &mut Env<'_>) -> Out {
        match self {
            Screen::Home(h) => h.reload(),
            Screen::List(l) => l.reload(env),
            Screen::Detail(d) => d.reload(),
            Screen::Users(u) => u.reload(),
            Screen::Account(a) => a.reload(),
            Screen::Settings(s) if s.editing.is_none() => s.reload(),
            Screen::Audit(a) => a.reload(env),
            Screen::PositiveList(p) => p.reload(),
            Screen::PositiveListEntry(p) => p.reload(),
            Screen::PositiveListBatches(p) => p.reload(),
            Screen::AssistanceQueue(q) => q.reload(),
            Screen::AssistanceDetail(d) => d.reload(),
            Screen::MeetingList(m) => m.reload(),
            Screen::MeetingDetail(m) => m.reload(),
            Screen::ManifestList(l) => l.reload(),
            Screen::ManifestDetail(d) => d.reload(),
            Screen::ManifestRef(r) => r.reload(),
            Screen::InspectionList(l) => l.reload(),
            Screen::InspectionDetail(d) => d.reload(),
            Screen::RectList(r) => r.reload(),
            Screen::Draws(d) => d.reload(),
            _ => Out::default(),
        }
    }
}
