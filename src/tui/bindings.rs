//! The binding table itself: every key of every context, in footer-priority order within a context.
//! `keymap` looks keys up in it and generates the footer, help and palette from it.

use crate::i18n::T;
use crate::tui::keymap::{self, Binding, Cmd, Ctx, Key};

use Key::*;

/// A row of the table: one binding, or the shared list moves a context takes at that place.
enum Row {
    One(Binding),
    Nav(Ctx, u8),
}

const fn b(ctx: Ctx, keys: &'static [Key], cmd: Cmd, desc: T, hint: bool) -> Row {
    Row::One(keymap::b(ctx, keys, cmd, desc, hint))
}

const fn nav(ctx: Ctx, moves: u8) -> Row {
    Row::Nav(ctx, moves)
}

/// Which of the shared moves a context takes (`NAV`).
const LINES: u8 = 1;
const PAGES: u8 = 2;
const FIRST: u8 = 4;
const LAST: u8 = 8;
const ENDS: u8 = FIRST | LAST;
const ALL: u8 = LINES | PAGES | ENDS;

/// The moves every list repeats, with their vi aliases, in the order the help shows them. None is a hint.
const NAV: &[(u8, &[Key], Cmd, T)] = &[
    (LINES, &[Up, Char('k')], Cmd::Up, T::KeyUp),
    (LINES, &[Down, Char('j')], Cmd::Down, T::KeyDown),
    (PAGES, &[PageUp], Cmd::PageUp, T::KeyPageUp),
    (PAGES, &[PageDown], Cmd::PageDown, T::KeyPageDown),
    (FIRST, &[Home, Char('g')], Cmd::First, T::KeyFirst),
    (LAST, &[End, Char('G')], Cmd::Last, T::KeyLast),
];

/// Every binding of the application. Order decides the footer's priority within a context.
pub const BINDINGS: &[Binding] = &expand::<{ count(TABLE) }>(TABLE);

/// One row per binding, so that the table reads as a table.
#[rustfmt::skip]
const TABLE: &[Row] = &[
    // Screens
    b(Ctx::Setup, &[Enter], Cmd::Submit, T::KeySubmit, true),
    b(Ctx::Setup, &[Tab, Down], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::Setup, &[BackTab, Up], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::Setup, &[Esc], Cmd::Back, T::KeyBack, true),
    b(Ctx::Login, &[Enter], Cmd::Submit, T::KeyLogin, true),
    b(Ctx::Login, &[Tab, Down, BackTab, Up], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::Lock, &[Enter], Cmd::Submit, T::KeyUnlock, true),
    nav(Ctx::Home, LINES),
    b(Ctx::Home, &[Enter], Cmd::Open, T::KeyOpenTask, true),
    b(Ctx::Home, &[Char('l'), F(6)], Cmd::GoList, T::KeyGoList, true),
    b(Ctx::Home, &[Insert, F(7), Ctrl('n')], Cmd::New, T::KeyNew, true),
    b(Ctx::Home, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    nav(Ctx::List, ALL),
    b(Ctx::List, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::List, &[Char('/'), F(3), Ctrl('f')], Cmd::Search, T::KeySearch, true),
    b(Ctx::List, &[F(4), Ctrl('t')], Cmd::Filter, T::KeyFilter, true),
    b(Ctx::List, &[Char('s'), F(6), Ctrl('o')], Cmd::Sort, T::KeySort, true),
    b(Ctx::List, &[Char('x'), Ctrl('x')], Cmd::ClearFilter, T::KeyClearFilter, false),
    b(Ctx::List, &[Insert, F(7), Ctrl('n')], Cmd::New, T::KeyNew, true),
    b(Ctx::List, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::Search, &[Enter], Cmd::Submit, T::KeySearchApply, true),
    b(Ctx::Search, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::Search, &[Down, Tab], Cmd::Down, T::KeyToList, true),
    b(Ctx::Search, &[Esc], Cmd::Back, T::KeySearchLeave, true),
    b(Ctx::Detail, &[Up], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::Detail, &[Down], Cmd::Down, T::KeyScrollDown, false),
    nav(Ctx::Detail, PAGES),
    b(Ctx::Detail, &[Home], Cmd::First, T::KeyTop, false),
    b(Ctx::Detail, &[End], Cmd::Last, T::KeyBottom, false),
    b(Ctx::Detail, &[F(8), Ctrl('e')], Cmd::Edit, T::KeyEdit, true),
    b(Ctx::Detail, &[Delete, F(9), Ctrl('d')], Cmd::Delete, T::KeyDelete, true),
    b(Ctx::Detail, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::Form, &[F(2), Ctrl('s')], Cmd::Save, T::KeySave, true),
    b(Ctx::Form, &[Tab, Down, Enter], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::Form, &[BackTab, Up], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::Form, &[F(4), Ctrl('p')], Cmd::Pick, T::KeyPick, true),
    b(Ctx::Form, &[F(5), Ctrl('r')], Cmd::Reload, T::KeyReload, false),
    // Administration
    nav(Ctx::Users, ALL),
    b(Ctx::Users, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::Users, &[Insert, F(7), Ctrl('n')], Cmd::AddUser, T::KeyAddUser, true),
    b(Ctx::Users, &[F(8), Ctrl('e')], Cmd::ResetPassword, T::KeyResetPassword, true),
    b(Ctx::Users, &[F(9), Ctrl('d')], Cmd::ToggleActive, T::KeyToggleActive, true),
    b(Ctx::Users, &[F(6), Ctrl('u')], Cmd::UnlockUser, T::KeyUnlockUser, false),
    b(Ctx::Users, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::Account, &[Up], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::Account, &[Down], Cmd::Down, T::KeyScrollDown, false),
    b(Ctx::Account, &[Insert, F(7), Ctrl('n')], Cmd::AddCertificate, T::KeyAddCertificate, true),
    b(Ctx::Account, &[F(8), Ctrl('e')], Cmd::ResetPassword, T::KeyResetPassword, true),
    b(Ctx::Account, &[F(9), Ctrl('d')], Cmd::ToggleActive, T::KeyToggleActive, true),
    b(Ctx::Account, &[F(6), Ctrl('u')], Cmd::UnlockUser, T::KeyUnlockUser, false),
    b(Ctx::Account, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::AdminForm, &[F(2), Ctrl('s')], Cmd::Save, T::KeySave, true),
    b(Ctx::AdminForm, &[Tab, Down, Enter], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::AdminForm, &[BackTab, Up], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::AdminForm, &[F(4), Ctrl('p')], Cmd::Pick, T::KeyPick, true),
    nav(Ctx::Settings, LINES),
    b(Ctx::Settings, &[Enter, F(8), Ctrl('e')], Cmd::EditValue, T::KeyEditValue, true),
    b(Ctx::Settings, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::SettingEdit, &[Enter], Cmd::Submit, T::KeySubmit, true),
    b(Ctx::SettingEdit, &[Esc], Cmd::Back, T::KeyCancel, true),
    nav(Ctx::Audit, LINES | PAGES),
    b(Ctx::Audit, &[Home, Char('g')], Cmd::First, T::KeyNewest, false),
    b(Ctx::Audit, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::Audit, &[Char('v'), F(6)], Cmd::Verify, T::KeyVerifyChain, true),
    b(Ctx::Audit, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::AuditEntry, &[Up], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::AuditEntry, &[Down], Cmd::Down, T::KeyScrollDown, false),
    nav(Ctx::AuditEntry, PAGES),
    b(Ctx::AuditEntry, &[Home], Cmd::First, T::KeyTop, false),
    b(Ctx::AuditEntry, &[End], Cmd::Last, T::KeyBottom, false),
    // Dialogs
    b(Ctx::Help, &[Up], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::Help, &[Down], Cmd::Down, T::KeyScrollDown, false),
    b(Ctx::Help, &[Esc, F(1)], Cmd::Back, T::KeyClose, true),
    b(Ctx::Palette, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::Palette, &[Down], Cmd::Down, T::KeyDown, false),
    b(Ctx::Palette, &[Enter], Cmd::Submit, T::KeyRun, true),
    b(Ctx::Palette, &[Esc], Cmd::Back, T::KeyClose, true),
    b(Ctx::Confirm, &[Left, Right, Tab, BackTab], Cmd::Toggle, T::KeyToggleChoice, true),
    b(Ctx::Confirm, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::Confirm, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(Ctx::Picker, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::Picker, &[Down], Cmd::Down, T::KeyDown, false),
    b(Ctx::Picker, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::Picker, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(Ctx::MultiPicker, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::MultiPicker, &[Down], Cmd::Down, T::KeyDown, false),
    b(Ctx::MultiPicker, &[Char(' '), Ctrl(' '), Insert], Cmd::Toggle, T::KeyToggleFlag, true),
    b(Ctx::MultiPicker, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::MultiPicker, &[Esc], Cmd::Back, T::KeyCancel, true),
    nav(Ctx::Filter, LINES),
    b(Ctx::Filter, &[Right, Char(' ')], Cmd::NextValue, T::KeyCycleValue, true),
    b(Ctx::Filter, &[Left], Cmd::PrevValue, T::KeyCycleBack, false),
    b(Ctx::Filter, &[Delete, Backspace], Cmd::Clear, T::KeyClearValue, true),
    b(Ctx::Filter, &[Enter], Cmd::Submit, T::KeyApply, true),
    b(Ctx::Filter, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(Ctx::DeleteDialog, &[Tab, BackTab], Cmd::Toggle, T::KeyNextField, true),
    // 点单式帮扶 (assistance)
    b(Ctx::Home, &[Char('b'), F(8)], Cmd::Assist, T::KeyAssist, false),
    nav(Ctx::AssistanceQueue, LINES),
    b(Ctx::AssistanceQueue, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::AssistanceQueue, &[Right, Tab], Cmd::NextValue, T::KeyAssistNextTab, true),
    b(Ctx::AssistanceQueue, &[Left, BackTab], Cmd::PrevValue, T::KeyAssistPrevTab, false),
    b(Ctx::AssistanceQueue, &[Insert, F(7), Ctrl('n')], Cmd::FileRequest, T::KeyAssistNew, true),
    b(Ctx::AssistanceQueue, &[Char('e')], Cmd::ExportQueue, T::KeyExportList, false),
    b(Ctx::AssistanceQueue, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::AssistanceDetail, &[Up, Char('k')], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::AssistanceDetail, &[Down, Char('j')], Cmd::Down, T::KeyScrollDown, false),
    b(Ctx::AssistanceDetail, &[Right, Tab], Cmd::NextValue, T::KeyAssistNextAction, true),
    b(Ctx::AssistanceDetail, &[Left, BackTab], Cmd::PrevValue, T::KeyAssistPrevAction, false),
    b(Ctx::AssistanceDetail, &[Enter], Cmd::Submit, T::KeyAssistDo, true),
    b(Ctx::AssistanceDetail, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::AssistanceForm, &[F(2), Ctrl('s')], Cmd::Save, T::KeySave, true),
    b(Ctx::AssistanceForm, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyReloadKeep, false),
    b(Ctx::AssistanceForm, &[Tab, Enter], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::AssistanceForm, &[BackTab], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::AssistanceForm, &[Down], Cmd::Down, T::KeyFormDown, false),
    b(Ctx::AssistanceForm, &[Up], Cmd::Up, T::KeyFormUp, false),
    b(Ctx::AssistanceForm, &[Right], Cmd::NextValue, T::KeyAssistNextChoice, true),
    b(Ctx::AssistanceForm, &[Left], Cmd::PrevValue, T::KeyAssistPrevChoice, false),
    b(Ctx::DeleteDialog, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::DeleteDialog, &[Esc], Cmd::Back, T::KeyCancel, true),
    // 正面清单 (positive list)
    nav(Ctx::PositiveListList, ALL),
    b(Ctx::PositiveListList, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::PositiveListList, &[Char('f'), F(4), Ctrl('t')], Cmd::Filter, T::KeyPlCycleState, true),
    b(Ctx::PositiveListList, &[Char('d')], Cmd::PositiveListDueOnly, T::KeyPlDueOnly, true),
    b(Ctx::PositiveListList, &[Char('e')], Cmd::PositiveListExport, T::KeyPlExport, true),
    b(Ctx::PositiveListList, &[Char('b')], Cmd::PositiveListNewBatch, T::KeyPlNewBatch, false),
    b(Ctx::PositiveListList, &[Char('B')], Cmd::PositiveListBatches, T::KeyPlBatches, false),
    b(Ctx::PositiveListList, &[Char('r')], Cmd::PositiveListRegion, T::KeyPlRegion, false),
    nav(Ctx::PositiveListBatches, LINES | ENDS),
    b(Ctx::PositiveListBatches, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::PositiveListBatches, &[Char('b')], Cmd::PositiveListNewBatch, T::KeyPlNewBatch, true),
    b(Ctx::PositiveListBatches, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::PositiveListList, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::PositiveListEntry, &[Up], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::PositiveListEntry, &[Down], Cmd::Down, T::KeyScrollDown, false),
    nav(Ctx::PositiveListEntry, PAGES),
    b(Ctx::PositiveListEntry, &[Home], Cmd::First, T::KeyTop, false),
    b(Ctx::PositiveListEntry, &[Char('n')], Cmd::PositiveListStartNotice, T::KeyPlNotice, true),
    b(Ctx::PositiveListEntry, &[Char('a')], Cmd::PositiveListAdmit, T::KeyPlAdmit, true),
    b(Ctx::PositiveListEntry, &[Char('o')], Cmd::PositiveListObjection, T::KeyPlObjection, false),
    b(Ctx::PositiveListEntry, &[Char('r')], Cmd::PositiveListStartReview, T::KeyPlReview, true),
    b(Ctx::PositiveListEntry, &[Char('p')], Cmd::PositiveListPassReview, T::KeyPlPass, false),
    b(Ctx::PositiveListEntry, &[Char('f')], Cmd::PositiveListFailReview, T::KeyPlFail, false),
    b(Ctx::PositiveListEntry, &[Char('x')], Cmd::PositiveListRemove, T::KeyPlRemove, true),
    b(Ctx::PositiveListEntry, &[Char('t')], Cmd::PositiveListTrigger, T::KeyPlTrigger, false),
    b(Ctx::PositiveListEntry, &[Char('w')], Cmd::PositiveListWithdraw, T::KeyPlWithdraw, true),
    b(Ctx::PositiveListEntry, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::Home, &[Char('p')], Cmd::GoPlist, T::KeyGoPlist, true),
    b(Ctx::Home, &[Char('a')], Cmd::PositiveListApply, T::KeyPlApply, true),
    b(Ctx::Detail, &[Char('p')], Cmd::PositiveListPropose, T::KeyPlPropose, true),
    // 报表 (reports)
    b(Ctx::Home, &[Char('r')], Cmd::Report, T::KeyReport, false),
    b(Ctx::Detail, &[Char('x')], Cmd::ExportDossier, T::KeyDossier, false),
    b(Ctx::List, &[Char('e')], Cmd::ExportList, T::KeyExportList, false),
    b(Ctx::Report, &[Enter, F(2), Ctrl('s')], Cmd::Save, T::KeyReportWrite, true),
    b(Ctx::Report, &[Tab, Down], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::Report, &[BackTab, Up], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::Report, &[Right], Cmd::NextValue, T::KeyAssistNextChoice, true),
    b(Ctx::Report, &[Left], Cmd::PrevValue, T::KeyAssistPrevChoice, false),
    // 危险废物转移联单 (manifests)
    b(Ctx::Home, &[Char('m')], Cmd::Manifests, T::KeyManifests, false),
    b(Ctx::ManifestList, &[Up, Char('k')], Cmd::Up, T::KeyUp, false),
    b(Ctx::ManifestList, &[Char('e')], Cmd::ManifestExport, T::KeyExportList, false),
    b(Ctx::ManifestList, &[Down, Char('j')], Cmd::Down, T::KeyDown, false),
    nav(Ctx::ManifestList, PAGES | FIRST),
    b(Ctx::ManifestList, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::ManifestList, &[Right, Tab], Cmd::NextValue, T::KeyMfNextFilter, true),
    b(Ctx::ManifestList, &[Left, BackTab], Cmd::PrevValue, T::KeyMfPrevFilter, false),
    b(Ctx::ManifestList, &[Insert, F(7), Ctrl('n')], Cmd::ManifestNew, T::KeyMfNew, true),
    b(Ctx::ManifestList, &[Char('a'), F(6)], Cmd::ManifestRef, T::KeyMfRef, true),
    b(Ctx::ManifestList, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::ManifestDetail, &[Up, Char('k')], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::ManifestDetail, &[Down, Char('j')], Cmd::Down, T::KeyScrollDown, false),
    nav(Ctx::ManifestDetail, PAGES),
    b(Ctx::ManifestDetail, &[Right, Tab], Cmd::NextValue, T::KeyAssistNextAction, true),
    b(Ctx::ManifestDetail, &[Left, BackTab], Cmd::PrevValue, T::KeyAssistPrevAction, false),
    b(Ctx::ManifestDetail, &[Enter], Cmd::Submit, T::KeyAssistDo, true),
    b(Ctx::ManifestDetail, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::ManifestForm, &[F(2), Ctrl('s')], Cmd::Save, T::KeySave, true),
    b(Ctx::ManifestForm, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyReloadKeep, false),
    b(Ctx::ManifestForm, &[Tab, Down, Enter], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::ManifestForm, &[BackTab, Up], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::ManifestForm, &[Right], Cmd::NextValue, T::KeyAssistNextChoice, false),
    b(Ctx::ManifestForm, &[Left], Cmd::PrevValue, T::KeyAssistPrevChoice, false),
    b(Ctx::ManifestForm, &[F(4), Ctrl('o')], Cmd::ManifestPickCode, T::KeyMfPickCode, true),
    b(Ctx::ManifestForm, &[Ctrl('n')], Cmd::ManifestAddLine, T::KeyMfAddLine, true),
    b(Ctx::ManifestForm, &[Ctrl('t')], Cmd::ManifestAddLeg, T::KeyMfAddLeg, true),
    b(Ctx::ManifestForm, &[Ctrl('d')], Cmd::ManifestRemoveBlock, T::KeyMfRemoveBlock, false),
    b(Ctx::ManifestPicker, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::ManifestPicker, &[Down], Cmd::Down, T::KeyDown, false),
    b(Ctx::ManifestPicker, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::ManifestPicker, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(Ctx::ManifestAction, &[F(2), Ctrl('s')], Cmd::Save, T::KeySave, true),
    b(Ctx::ManifestAction, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyReloadKeep, false),
    b(Ctx::ManifestAction, &[Tab, Down, Enter], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::ManifestAction, &[BackTab, Up], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::ManifestAction, &[Right], Cmd::NextValue, T::KeyAssistNextChoice, true),
    b(Ctx::ManifestAction, &[Left], Cmd::PrevValue, T::KeyAssistPrevChoice, false),
    nav(Ctx::ManifestRef, LINES),
    b(Ctx::ManifestRef, &[Right, Left, Tab], Cmd::NextValue, T::KeyMfRefTab, true),
    b(Ctx::ManifestRef, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::ManifestRef, &[Insert, F(7), Ctrl('n')], Cmd::ManifestRegister, T::KeyMfRegister, true),
    // Everywhere (after the context's own keys). Bindings without keys are palette-only.
    b(Ctx::Global, &[F(1), Char('?')], Cmd::Help, T::KeyHelp, true),
    b(Ctx::Global, &[F(10), Ctrl('q')], Cmd::Quit, T::KeyQuit, true),
    b(Ctx::Global, &[Ctrl('k'), Char(':')], Cmd::Palette, T::KeyPalette, true),
    b(Ctx::Global, &[Esc], Cmd::Back, T::KeyBack, true),
    b(Ctx::Global, &[Ctrl('l')], Cmd::Redraw, T::KeyRedraw, false),
    b(Ctx::Global, &[], Cmd::GoHome, T::KeyGoHome, false),
    b(Ctx::Global, &[], Cmd::GoList, T::KeyGoList, false),
    b(Ctx::Global, &[], Cmd::New, T::KeyNew, false),
    b(Ctx::Global, &[], Cmd::Users, T::KeyUsers, false),
    b(Ctx::Global, &[], Cmd::Settings, T::KeySettings, false),
    b(Ctx::Global, &[], Cmd::Audit, T::KeyAudit, false),
    b(Ctx::Global, &[], Cmd::GoPlist, T::KeyGoPlist, false),
    b(Ctx::Global, &[Ctrl('g')], Cmd::Assist, T::KeyAssist, false),
    b(Ctx::Global, &[], Cmd::Lock, T::KeyLock, false),
    b(Ctx::Global, &[], Cmd::Logout, T::KeyLogout, false),
    b(Ctx::Global, &[], Cmd::Report, T::KeyReport, false),
    // 圆桌座谈 (assistance round-tables)
    b(Ctx::AssistanceQueue, &[Char('m'), F(9)], Cmd::Meetings, T::KeyMeetings, true),
    b(Ctx::Global, &[], Cmd::Meetings, T::KeyMeetings, false),
    // 正面清单 fixes (assistfix)
    b(Ctx::PositiveListEntry, &[Char('m')], Cmd::PositiveListOffsite, T::KeyPlOffsite, false),
    nav(Ctx::MeetingList, LINES),
    b(Ctx::MeetingList, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::MeetingList, &[Insert, F(7), Ctrl('n')], Cmd::MeetingNew, T::KeyMeetingNew, true),
    b(Ctx::MeetingList, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    nav(Ctx::MeetingDetail, LINES),
    b(Ctx::MeetingDetail, &[Right, Tab], Cmd::NextValue, T::KeyAssistNextAction, true),
    b(Ctx::MeetingDetail, &[Left, BackTab], Cmd::PrevValue, T::KeyAssistPrevAction, false),
    b(Ctx::MeetingDetail, &[Enter], Cmd::Submit, T::KeyAssistDo, true),
    b(Ctx::MeetingDetail, &[Char('o'), F(4)], Cmd::Open, T::KeyMeetingOpenRequest, true),
    b(Ctx::MeetingDetail, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    // 危险废物转移联单 (manifests)
    b(Ctx::Global, &[Ctrl('w')], Cmd::Manifests, T::KeyManifests, false),
    // 执法检查 (inspections)
    b(Ctx::Home, &[Char('i'), F(9)], Cmd::Inspect, T::KeyInspect, true),
    b(Ctx::Global, &[], Cmd::Inspect, T::KeyInspect, false),
    b(Ctx::Global, &[], Cmd::Draws, T::KeyDraws, false),
    nav(Ctx::InspectionList, LINES | PAGES),
    b(Ctx::InspectionList, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(Ctx::InspectionList, &[Right, Tab], Cmd::NextValue, T::KeyAssistNextTab, true),
    b(Ctx::InspectionList, &[Left, BackTab], Cmd::PrevValue, T::KeyAssistPrevTab, false),
    b(Ctx::InspectionList, &[Insert, F(7), Ctrl('n')], Cmd::NewInspection, T::KeyInspectNew, true),
    b(Ctx::InspectionList, &[Char('r')], Cmd::Draws, T::KeyDraws, true),
    b(Ctx::InspectionList, &[Char('e')], Cmd::InspectionExport, T::KeyExportList, false),
    b(Ctx::InspectionList, &[Char('c')], Cmd::InspectionCategory, T::KeyInspCategory, false),
    b(Ctx::InspectionList, &[Char('a')], Cmd::InspectionRegion, T::KeyInspRegion, false),
    b(Ctx::InspectionList, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::InspectionDetail, &[Up, Char('k')], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::InspectionDetail, &[Down, Char('j')], Cmd::Down, T::KeyScrollDown, false),
    b(Ctx::InspectionDetail, &[Right, Tab], Cmd::NextValue, T::KeyAssistNextAction, true),
    b(Ctx::InspectionDetail, &[Left, BackTab], Cmd::PrevValue, T::KeyAssistPrevAction, false),
    b(Ctx::InspectionDetail, &[Enter], Cmd::Submit, T::KeyAssistDo, true),
    b(Ctx::InspectionDetail, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    b(Ctx::InspectionForm, &[F(2), Ctrl('s')], Cmd::Save, T::KeySave, true),
    b(Ctx::InspectionForm, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyReloadKeep, false),
    b(Ctx::InspectionForm, &[Tab, Enter], Cmd::NextField, T::KeyNextField, true),
    b(Ctx::InspectionForm, &[BackTab], Cmd::PrevField, T::KeyPrevField, false),
    b(Ctx::InspectionForm, &[Down], Cmd::Down, T::KeyFormDown, false),
    b(Ctx::InspectionForm, &[Up], Cmd::Up, T::KeyFormUp, false),
    b(Ctx::InspectionForm, &[Right], Cmd::NextValue, T::KeyAssistNextChoice, true),
    b(Ctx::InspectionForm, &[Left], Cmd::PrevValue, T::KeyAssistPrevChoice, false),
    nav(Ctx::RectList, LINES),
    b(Ctx::RectList, &[Enter], Cmd::Open, T::KeyInspectReport, true),
    b(Ctx::RectList, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    nav(Ctx::Draws, LINES),
    b(Ctx::Draws, &[Insert, F(7), Ctrl('n')], Cmd::NewDraw, T::KeyDrawNew, true),
    b(Ctx::Draws, &[Char('v')], Cmd::DrawVerify, T::KeyDrawVerify, true),
    b(Ctx::Draws, &[Char('e')], Cmd::DrawExport, T::KeyDrawExport, true),
    b(Ctx::Draws, &[F(5), Ctrl('r')], Cmd::Refresh, T::KeyRefresh, false),
    // inspections: officer filter and results publication (issue 6 gaps)
    b(Ctx::InspectionList, &[Char('o')], Cmd::InspectionOfficer, T::KeyInspOfficer, false),
    b(Ctx::Draws, &[Char('p')], Cmd::DrawPublish, T::KeyDrawPublish, true),
    b(Ctx::Draws, &[Char('x')], Cmd::DrawFormat, T::KeyDrawFormat, false),
    // inspection rules (issue 18): 专项 plans approved by a supervisor
    b(Ctx::InspectionList, &[Char('s')], Cmd::SpecialPlan, T::KeySpecialPlan, false),
    // Shared list moves, find and full text (issue 16a)
    nav(Ctx::AssistanceQueue, PAGES | ENDS),
    b(Ctx::AssistanceQueue, &[Char('/'), F(3), Ctrl('f')], Cmd::Find, T::KeySearch, true),
    b(Ctx::AssistanceQueue, &[Char('v')], Cmd::FullText, T::KeyFullText, false),
    nav(Ctx::ManifestList, LAST),
    b(Ctx::ManifestList, &[Char('/'), F(3), Ctrl('f')], Cmd::Find, T::KeySearch, true),
    b(Ctx::ManifestList, &[Char('v')], Cmd::FullText, T::KeyFullText, false),
    nav(Ctx::InspectionList, ENDS),
    b(Ctx::InspectionList, &[Char('/'), F(3), Ctrl('f')], Cmd::Find, T::KeySearch, true),
    b(Ctx::InspectionList, &[Char('v')], Cmd::FullText, T::KeyFullText, false),
    b(Ctx::PositiveListList, &[Char('/'), F(3), Ctrl('f')], Cmd::Find, T::KeySearch, true),
    b(Ctx::PositiveListList, &[Char('v')], Cmd::FullText, T::KeyFullText, false),
    b(Ctx::Users, &[Char('/'), F(3), Ctrl('f')], Cmd::Find, T::KeySearch, true),
    b(Ctx::Users, &[Char('v')], Cmd::FullText, T::KeyFullText, false),
    nav(Ctx::Draws, PAGES | ENDS),
    b(Ctx::Draws, &[Char('/'), F(3), Ctrl('f')], Cmd::Find, T::KeySearch, true),
    b(Ctx::ManifestDetail, &[Home], Cmd::First, T::KeyTop, false),
    b(Ctx::ManifestDetail, &[End], Cmd::Last, T::KeyBottom, false),
    nav(Ctx::AssistanceDetail, PAGES),
    b(Ctx::AssistanceDetail, &[Home], Cmd::First, T::KeyTop, false),
    b(Ctx::AssistanceDetail, &[End], Cmd::Last, T::KeyBottom, false),
    nav(Ctx::FullText, ALL),
    b(Ctx::FullText, &[Enter, Char('v')], Cmd::FullText, T::KeyClose, true),
];

/// How many bindings the rows stand for.
const fn count(rows: &[Row]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < rows.len() {
        n += match rows[i] {
            Row::One(_) => 1,
            Row::Nav(_, moves) => {
                let mut m = 0;
                let mut j = 0;
                while j < NAV.len() {
                    if NAV[j].0 & moves != 0 {
                        m += 1;
                    }
                    j += 1;
                }
                m
            }
        };
        i += 1;
    }
    n
}

/// The rows with each `nav` replaced by its moves, at compile time.
const fn expand<const N: usize>(rows: &[Row]) -> [Binding; N] {
    const BLANK: Binding = keymap::b(Ctx::Global, &[], Cmd::Redraw, T::AppName, false);
    let mut out = [BLANK; N];
    let mut n = 0;
    let mut i = 0;
    while i < rows.len() {
        match &rows[i] {
            Row::One(x) => {
                out[n] = keymap::b(x.ctx, x.keys, x.cmd, x.desc, x.hint);
                n += 1;
            }
            Row::Nav(ctx, moves) => {
                let mut j = 0;
                while j < NAV.len() {
                    let (set, keys, cmd, desc) = NAV[j];
                    if set & *moves != 0 {
                        out[n] = keymap::b(*ctx, keys, cmd, desc, false);
                        n += 1;
                    }
                    j += 1;
                }
            }
        }
        i += 1;
    }
    out
}
