//! The screens of the stack and how input, dialog choices and returns reach each of them.

use crate::tui::app::{Env, Input, Out};
use crate::tui::keymap::Ctx;
use crate::tui::overlays::Chosen;
use crate::tui::screens::admin::audit::{AuditEntryState, AuditState};
use crate::tui::screens::admin::form::AdminFormState;
use crate::tui::screens::admin::settings::SettingsState;
use crate::tui::screens::admin::users::{AccountState, UsersState};
use crate::tui::screens::assistance::meeting::{MeetingDetailState, MeetingListState};
use crate::tui::screens::assistance::{AssistDetailState, AssistFormState, AssistQueueState};
use crate::tui::screens::enterprise::detail::DetailState;
use crate::tui::screens::enterprise::form::FormState;
use crate::tui::screens::enterprise::list::ListState;
use crate::tui::screens::home::HomeState;
use crate::tui::screens::inspection::{
    DrawsState, InspDetailState, InspFormState, InspListState, RectListState,
};
use crate::tui::screens::login::LoginState;
use crate::tui::screens::positive_list::{PlBatchesState, PlEntryState, PlListState};
use crate::tui::screens::report::ReportState;
use crate::tui::screens::setup::SetupState;
// 危险废物转移联单 (manifests)
use crate::tui::screens::manifest::action::MfActionState;
use crate::tui::screens::manifest::{MfDetailState, MfFormState, MfListState, MfRefState};

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
    PlList(PlListState),
    PlEntry(PlEntryState),
    PlBatches(PlBatchesState),
    AssistQueue(AssistQueueState),
    AssistDetail(AssistDetailState),
    AssistForm(Box<AssistFormState>),
    Report(Box<ReportState>),
    // 圆桌座谈 (assistance round-tables)
    MeetingList(MeetingListState),
    MeetingDetail(MeetingDetailState),
    // 危险废物转移联单 (manifests)
    MfList(MfListState),
    MfDetail(Box<MfDetailState>),
    MfForm(Box<MfFormState>),
    MfAction(Box<MfActionState>),
    MfRef(MfRefState),
    // 执法检查 (inspections)
    InspList(InspListState),
    InspDetail(InspDetailState),
    InspForm(Box<InspFormState>),
    RectList(RectListState),
    Draws(DrawsState),
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
            Screen::Users(_) => Ctx::Users,
            Screen::Account(_) => Ctx::Account,
            Screen::AdminForm(_) => Ctx::AdminForm,
            Screen::Settings(s) if s.editing.is_some() => Ctx::SettingEdit,
            Screen::Settings(_) => Ctx::Settings,
            Screen::Audit(_) => Ctx::Audit,
            Screen::AuditEntry(_) => Ctx::AuditEntry,
            Screen::PlList(_) => Ctx::PlList,
            Screen::PlEntry(_) => Ctx::PlEntry,
            Screen::PlBatches(_) => Ctx::PlBatches,
            Screen::AssistQueue(_) => Ctx::AssistQueue,
            Screen::AssistDetail(_) => Ctx::AssistDetail,
            Screen::AssistForm(_) => Ctx::AssistForm,
            Screen::Report(_) => Ctx::Report,
            Screen::MeetingList(_) => Ctx::MeetingList,
            Screen::MeetingDetail(_) => Ctx::MeetingDetail,
            Screen::MfList(_) => Ctx::MfList,
            Screen::MfDetail(_) => Ctx::MfDetail,
            Screen::MfForm(f) if f.picker.is_some() => Ctx::MfPicker,
            Screen::MfForm(_) => Ctx::MfForm,
            Screen::MfAction(_) => Ctx::MfAction,
            Screen::MfRef(_) => Ctx::MfRef,
            Screen::InspList(_) => Ctx::InspList,
            Screen::InspDetail(_) => Ctx::InspDetail,
            Screen::InspForm(_) => Ctx::InspForm,
            Screen::RectList(_) => Ctx::RectList,
            Screen::Draws(_) => Ctx::Draws,
        }
    }

    /// Whether leaving would lose typed work (asked before discarding).
    pub fn is_dirty(&self) -> bool {
        match self {
            Screen::Form(f) => f.is_dirty(),
            Screen::AdminForm(f) => f.is_dirty(),
            Screen::AssistForm(f) => f.is_dirty(),
            Screen::MfForm(f) => f.is_dirty(),
            Screen::InspForm(f) => f.is_dirty(),
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
            Screen::PlList(st) => st.on_input(env, input),
            Screen::PlEntry(st) => st.on_input(env, input),
            Screen::PlBatches(st) => st.on_input(env, input),
            Screen::AssistQueue(st) => st.on_input(env, input),
            Screen::AssistDetail(st) => st.on_input(env, input),
            Screen::AssistForm(st) => st.on_input(env, input),
            Screen::Report(st) => st.on_input(env, input),
            Screen::MeetingList(st) => st.on_input(env, input),
            Screen::MeetingDetail(st) => st.on_input(env, input),
            Screen::MfList(st) => st.on_input(env, input),
            Screen::MfDetail(st) => st.on_input(input),
            Screen::MfForm(st) => st.on_input(env, input),
            Screen::MfAction(st) => st.on_input(input),
            Screen::MfRef(st) => st.on_input(input),
            Screen::InspList(st) => st.on_input(env, input),
            Screen::InspDetail(st) => st.on_input(env, input),
            Screen::InspForm(st) => st.on_input(env, input),
            Screen::RectList(st) => st.on_input(env, input),
            Screen::Draws(st) => st.on_input(env, input),
        }
    }

    /// What a dialog opened from this screen chose.
    pub fn from_overlay(&mut self, env: &mut Env<'_>, chosen: Chosen) -> Out {
        match self {
            Screen::List(l) => l.from_overlay(env, chosen),
            Screen::Form(f) => f.from_overlay(env, chosen),
            Screen::Detail(d) => d.from_overlay(env, chosen),
            Screen::AdminForm(f) => f.from_overlay(chosen),
            Screen::PlEntry(p) => p.from_overlay(chosen),
            // inspections: the list's officer filter
            Screen::InspList(l) => l.from_overlay(chosen),
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
            Screen::PlList(p) => p.reload(),
            Screen::PlEntry(p) => p.reload(),
            Screen::PlBatches(p) => p.reload(),
            Screen::AssistQueue(q) => q.reload(),
            Screen::AssistDetail(d) => d.reload(),
            Screen::MeetingList(m) => m.reload(),
            Screen::MeetingDetail(m) => m.reload(),
            Screen::MfList(l) => l.reload(),
            Screen::MfDetail(d) => d.reload(),
            Screen::MfRef(r) => r.reload(),
            Screen::InspList(l) => l.reload(),
            Screen::InspDetail(d) => d.reload(),
            Screen::RectList(r) => r.reload(),
            Screen::Draws(d) => d.reload(),
            _ => Out::default(),
        }
    }
}
