//! Carrying out effects through the service layer: each effect becomes at most one message with its
//! result, each feature's effects in that feature's file. Only here (and in the runtime's login)
//! does the interface reach the `Session`.
mod admin;
mod assistance;
pub mod enterprise;
pub mod inspection;
mod inspection_ask;
pub mod manifest;
pub mod positive_list;
mod report;

use crate::demo::{self, Scale};
use crate::i18n::{T, Text};
use crate::service::account::{auth, setup};
use crate::service::{ServiceError, Session};
use crate::tui::msg::{Effect, Msg, SessionInfo, Versioned};
use crate::tui::runtime::Runtime;
use std::time::{Duration, Instant};

impl Runtime {
    fn session(&mut self) -> Option<&mut Session> {
        self.session.as_mut()
    }

    pub(crate) fn execute_inner(&mut self, effect: Effect) -> Option<Msg> {
        let text = |e: ServiceError| e.text();
        match effect {
            Effect::Quit | Effect::ClearScreen => None,
            Effect::Debounce { token, ms } => {
                self.timers
                    .push((Instant::now() + Duration::from_millis(ms), token));
                None
            }
            Effect::InitDatabase { admin, password } => Some(Msg::SetupDone(
                setup::init(&self.db_path, &admin, &password, &self.clock)
                    .map(|()| admin)
                    .map_err(text),
            )),
            Effect::GenerateDemo => Some(Msg::DemoDone(
                demo::generate(&self.db_path, Scale::Small, &self.clock)
                    .map(|s| (s.enterprises, s.accounts))
                    .map_err(text),
            )),
            Effect::Login { username, password } => {
                let result =
                    auth::login_path(&self.db_path, &username, &password, self.clock.clone())
                        .and_then(|s| {
                            let info = SessionInfo {
                                actor: s.actor().clone(),
                                demo: s.is_demo(),
                                idle_lock_minutes: s.accounts().idle_lock_minutes(),
                                regions: s.regions()?,
                                must_change_password: s.must_change_password(),
                            };
                            Ok((s, info))
                        });
                Some(Msg::LoggedIn(match result {
                    Ok((s, info)) => {
                        tracing::info!(user = %info.actor.username, "logged in");
                        self.data_version = s.data_version().ok();
                        self.session = Some(s);
                        Ok(info)
                    }
                    Err(e) => Err(e.text()),
                }))
            }
            Effect::Logout => {
                self.session = None;
                None
            }
            Effect::Unlock { password } => {
                let s = self.session()?;
                Some(Msg::Unlocked(s.unlock(&password).map_err(text)))
            }
            Effect::LoadHome => {
                let s = self.session()?;
                // Requests not rated in time close as 未评价 whenever someone reaches the home screen.
                if let Err(e) = s.assistance().auto_close() {
                    tracing::warn!(error = %e, "assistance auto-close failed");
                }
                Some(Msg::HomeLoaded(s.home().map_err(text)))
            }
            Effect::LoadDraft { form } => {
                let s = self.session()?;
                Some(Msg::DraftLoaded {
                    draft: s.load_draft(&form).map_err(text),
                    form,
                })
            }
            Effect::SaveDraft { form, payload } => {
                let s = self.session()?;
                match s.save_draft(&form, &payload) {
                    Ok(()) => None,
                    Err(e) => {
                        tracing::warn!(form, "draft not kept: {e}");
                        Some(Msg::DraftSaveFailed(e.text()))
                    }
                }
            }
            Effect::DeleteDraft { form } => {
                let s = self.session()?;
                match s.delete_draft(&form) {
                    Ok(()) => None,
                    Err(e) => {
                        tracing::warn!(form, "draft not forgotten: {e}");
                        Some(Msg::DraftSaveFailed(e.text()))
                    }
                }
            }
            Effect::ReloadVersion(record) => {
                let s = self.session()?;
                let current = match record {
                    Versioned::AssistanceRequest(id) => s
                        .assistance()
                        .get(id)
                        .map(|r| (r.row_version, Text::new(r.state.label()))),
                    Versioned::PositiveListEntry(id) => s.positive_list().entry(id).map(|x| {
                        let state = crate::domain::positive_list::EntryState::parse(&x.state)
                            .map_or_else(|| Text::new(T::None_), |st| Text::new(st.label()));
                        (x.row_version, state)
                    }),
                    Versioned::Manifest(id) => s
                        .manifests()
                        .get(id)
                        .map(|m| (m.row_version, Text::new(m.state.label()))),
                    Versioned::Inspection(id) => s
                        .inspections()
                        .get(id)
                        .map(|x| (x.row_version, Text::new(x.state.label()))),
                };
                Some(Msg::VersionReloaded {
                    record,
                    current: current.map_err(text),
                })
            }
            Effect::Enterprise(e) => crate::tui::execute::enterprise::execute(self.session()?, e),
            Effect::Admin(e) => crate::tui::execute::admin::execute(self.session()?, e),
            Effect::PositiveList(e) => {
                crate::tui::execute::positive_list::execute(self.session()?, e)
            }
            Effect::Assistance(e) => crate::tui::execute::assistance::execute(self.session()?, e),
            Effect::Report(e) => self.execute_report(e),
            Effect::Manifest(e) => crate::tui::execute::manifest::execute(self.session()?, e),
            Effect::Inspection(e) => crate::tui::execute::inspection::execute(self.session()?, e),
            Effect::CheckDataVersion => {
                let v = self.session.as_ref()?.data_version().ok()?;
                let before = self.data_version.replace(v);
                (before.is_some() && before != Some(v)).then_some(Msg::DataChanged)
            }
        }
    }
}
