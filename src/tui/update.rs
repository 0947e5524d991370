//! The pure state transition: one message in, the new state and the effects to carry out.

use crate::i18n::{T, Text};
use crate::tui::app::{App, Input, Message, Out, Screen};
use crate::tui::msg::{Effect, Msg};
use crate::tui::screens::admin::AdminMsg;
use crate::tui::screens::assistance::AssistanceMsg;
use crate::tui::screens::enterprise::EnterpriseMsg;
use crate::tui::screens::home::HomeState;
use crate::tui::screens::inspection::InspectionMsg;
use crate::tui::screens::positive_list::PositiveListMsg;
use crate::tui::screens::report::ReportMsg;

/// The pure state transition.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    if let Msg::Tick { idle_secs } = msg {
        return app.on_tick(idle_secs);
    }
    app.redraw = true;
    match msg {
        Msg::Tick { .. } => Vec::new(),
        Msg::Key(ev) => app.on_key(ev),
        Msg::Paste(text) => app.input(Input::Paste(text)),
        Msg::Resize(w, h) => {
            let rows_before = app.split().1.list_rows();
            app.size = (w, h);
            let mut fx = vec![Effect::ClearScreen];
            if app.split().1.list_rows() != rows_before {
                let out = app.with_each(|s, env| match s {
                    Screen::List(l) => l.reload(env),
                    _ => Out::default(),
                });
                fx.extend(out.effects);
            }
            fx
        }
        Msg::Debounced(token) => {
            let out = app.with_top(|s, env| match s {
                Screen::List(l) => l.debounced(env, token),
                Screen::AssistanceQueue(q) => q.debounced(token),
                Screen::ManifestList(l) => l.debounced(token),
                Screen::InspectionList(l) => l.debounced(token),
                Screen::PositiveList(l) => l.debounced(token),
                Screen::Users(u) => u.debounced(token),
                Screen::Draws(d) => d.debounced(token),
                Screen::Form(f) => f.autosave_due(token),
                Screen::AssistanceForm(f) => f.search_due(token),
                Screen::InspectionForm(f) => f.search_due(token),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::DraftLoaded { form, draft } => {
            let out = app.with_top(|s, _| match s {
                Screen::Form(f) if f.form_key == form => f.draft_loaded(draft),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::DraftSaveFailed(text) => {
            app.message = Some(Message::warning(
                Text::new(T::ErrDraftSave).arg_text("detail", text),
            ));
            Vec::new()
        }
        Msg::InputClosed => app.input_closed(),
        Msg::Admin(AdminMsg::AccountsLoaded(r)) => {
            let out = app.with_each(|s, _| match s {
                Screen::Users(u) => u.loaded(r.clone()),
                Screen::Account(a) => a.accounts_loaded(&r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Admin(AdminMsg::CertificatesLoaded {
            username,
            certificates,
        }) => {
            let out = app.with_each(|s, _| match s {
                Screen::Account(a) if a.account.username == username => {
                    a.certificates_loaded(certificates.clone())
                }
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Admin(AdminMsg::Done(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::AdminForm(f) => f.done(r),
                Screen::Users(u) => u.done(r),
                Screen::Account(a) => a.done(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Admin(AdminMsg::SettingsLoaded(r)) => {
            let out = app.with_each(|s, _| match s {
                Screen::Settings(st) => st.loaded(r.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Admin(AdminMsg::SettingSaved(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Settings(st) => st.saved(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Admin(AdminMsg::AuditLoaded { req, rows }) => {
            let out = app.with_each(|s, env| match s {
                Screen::Audit(a) => a.loaded(env, req, rows.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue,
            rows,
            next,
            more,
        }) => {
            let out = app.with_each(|s, _| match s {
                Screen::AssistanceQueue(q) => q.loaded(queue, rows.clone(), next.clone(), more),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Assistance(AssistanceMsg::DetailLoaded { id, data }) => {
            let out = app.with_each(|s, _| match s {
                Screen::AssistanceDetail(d) if d.id == id => d.loaded(data.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Assistance(AssistanceMsg::ServiceMenuLoaded(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::AssistanceForm(f) => f.menu_loaded(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Assistance(AssistanceMsg::Done(r)) => {
            // inspections: a service record noting problems offers to open an inspection
            let offer = crate::tui::screens::inspection::form::offer_after_record(app, &r);
            let out = app.with_top(|s, _| match s {
                Screen::AssistanceForm(f) => f.done(r),
                Screen::AssistanceDetail(d) => d.done(r),
                _ => Out::default(),
            });
            let mut fx = app.apply(out);
            if let Some(offer) = offer {
                fx.extend(app.apply(offer));
            }
            fx
        }
        Msg::Report(ReportMsg::Defaults(period)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Report(r) => r.defaults(period),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Report(ReportMsg::Done(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Report(st) => st.done(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::VersionReloaded { record, current } => {
            let out = app.with_top(|s, _| match s {
                Screen::AssistanceForm(f) => f.version_reloaded(record, current),
                Screen::ManifestAction(f) => f.version_reloaded(record, current),
                Screen::ManifestForm(f) => f.version_reloaded(record, current),
                Screen::InspectionForm(f) => f.version_reloaded(record, current),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Report(ReportMsg::Progress(p)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Report(st) => st.progress(p),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Written(r) => {
            app.message = Some(match r {
                Ok(t) => Message::info(t),
                Err(t) => Message::error(t),
            });
            Vec::new()
        }
        Msg::Assistance(AssistanceMsg::EnterprisesFound { token, rows }) => {
            let out = app.with_top(|s, _| match s {
                Screen::AssistanceForm(f) => f.found(token, rows),
                Screen::InspectionForm(f) => f.found(token, rows),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Assistance(AssistanceMsg::MeetingsLoaded(r)) => {
            let out = app.with_each(|s, _| match s {
                Screen::MeetingList(m) => m.loaded(r.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Assistance(AssistanceMsg::MeetingLoaded { id, data }) => {
            let out = app.with_each(|s, _| match s {
                Screen::MeetingDetail(m) if m.id == id => m.loaded(data.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        // 危险废物转移联单 (manifests)
        Msg::Manifest(m) => {
            // Results of forms and actions go to the top screen only; loads to whichever screen asked.
            let mut n = 0;
            let out = app.with_each(|s, _| {
                n += 1;
                crate::tui::screens::manifest::on_msg(s, &m, n == 1)
            });
            app.apply(out)
        }
        Msg::Admin(AdminMsg::AuditVerified(r)) => {
            app.message = Some(crate::tui::screens::admin::audit::chain_message(r));
            Vec::new()
        }
        Msg::PositiveList(PositiveListMsg::EntriesLoaded(r)) => {
            let out = app.with_each(|s, _| match s {
                Screen::PositiveList(l) => l.loaded(r.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::PositiveList(PositiveListMsg::BatchesLoaded(r)) => {
            let out = app.with_each(|s, _| match s {
                Screen::PositiveListBatches(b) => b.loaded(r.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::PositiveList(PositiveListMsg::EntryLoaded { id, data }) => {
            let out = app.with_each(|s, _| match s {
                Screen::PositiveListEntry(e) if e.id == id => e.loaded(data.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        // 执法检查 (inspections)
        Msg::Inspection(InspectionMsg::Loaded(data)) => {
            use crate::tui::screens::inspection::InspectionData;
            let out = app.with_each(|s, env| match (s, &data) {
                (Screen::InspectionList(l), InspectionData::Page { tab, append, rows }) => {
                    l.loaded(*tab, *append, rows.clone())
                }
                (Screen::InspectionDetail(d), InspectionData::Detail { id, data })
                    if d.id == *id =>
                {
                    d.loaded(data.clone())
                }
                (Screen::RectList(r), InspectionData::Rects(rows)) => r.loaded(rows.clone()),
                (Screen::Draws(d), InspectionData::Draws(rows)) => d.loaded(rows.clone()),
                (Screen::Draws(d), InspectionData::Draw(detail)) => d.detail_loaded(detail.clone()),
                (Screen::Draws(d), InspectionData::DrawPool(rows)) => {
                    d.pool_loaded(env, rows.clone())
                }
                (Screen::InspectionList(l), InspectionData::Officers(rows)) => {
                    l.officers_loaded(rows.clone(), env.lang)
                }
                (Screen::InspectionForm(f), InspectionData::GuardChoices { uscc, options }) => {
                    f.guard_loaded(uscc, options.clone())
                }
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Inspection(InspectionMsg::Done(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::InspectionForm(f) => f.done(r),
                Screen::InspectionDetail(d) => d.done(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Inspection(InspectionMsg::Asked(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::InspectionForm(f) => f.asked(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Inspection(InspectionMsg::DrawDone(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Draws(d) => d.done(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::PositiveList(PositiveListMsg::Done(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::AssistanceForm(f) => f.done(r),
                Screen::PositiveListEntry(e) => e.done(r),
                Screen::PositiveList(l) => l.done(r),
                Screen::PositiveListBatches(b) => b.done(r),
                Screen::Detail(d) => d.list_done(r),
                Screen::Home(h) => h.list_done(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::DataChanged => {
            if app.locked.is_some() || app.session.is_none() {
                return Vec::new();
            }
            app.on_return()
        }
        Msg::SetupDone(r) => {
            let out = app.with_top(|s, _| match s {
                Screen::Setup(st) => st.setup_done(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::DemoDone(r) => {
            let out = app.with_top(|s, _| match s {
                Screen::Setup(st) => st.demo_done(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::LoggedIn(Ok(info)) => {
            let forced = info.must_change_password.then(|| {
                crate::tui::screens::admin::form::AdminFormState::forced_password(
                    &info.actor.username,
                )
            });
            app.session = Some(info);
            app.screens = vec![Screen::Home(HomeState::default())];
            app.message = None;
            if let Some(form) = forced {
                app.screens.push(Screen::AdminForm(Box::new(form)));
                app.message = Some(Message::error(T::MsgPasswordMustChange));
            }
            vec![Effect::LoadHome]
        }
        Msg::LoggedIn(Err(text)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Login(st) => st.failed(text),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Unlocked(r) => match (r, app.locked.as_mut()) {
            (Ok(()), _) => {
                app.locked = None;
                app.message = None;
                app.on_return()
            }
            (Err(text), Some(lock)) => {
                let out = lock.failed(text);
                app.apply(out)
            }
            (Err(_), None) => Vec::new(),
        },
        Msg::HomeLoaded(r) => {
            let out = app.with_each(|s, _| match s {
                Screen::Home(h) => h.loaded(r.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req,
            start,
            rows,
            total,
        }) => {
            let out = app.with_each(|s, env| match s {
                Screen::List(l) => l.loaded(env, req, &start, rows.clone(), total),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Enterprise(EnterpriseMsg::DetailLoaded { id, data }) => {
            let out = app.with_each(|s, _| match s {
                Screen::Detail(d) if d.id == id => d.loaded(data.clone()),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Enterprise(EnterpriseMsg::EditLoaded(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Form(f) => f.reloaded(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Enterprise(EnterpriseMsg::DraftChecked { req, issues }) => {
            let out = app.with_top(|s, _| match s {
                Screen::Form(f) => f.checked(req, issues),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Enterprise(EnterpriseMsg::Saved(e)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Form(f) => f.saved(e),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Enterprise(EnterpriseMsg::SaveFailed(err)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Form(f) => f.save_failed(err),
                _ => Out::default(),
            });
            app.apply(out)
        }
        Msg::Enterprise(EnterpriseMsg::Deleted(r)) => {
            let out = app.with_top(|s, _| match s {
                Screen::Detail(d) => d.deleted(r),
                _ => Out::default(),
            });
            app.apply(out)
        }
    }
}
