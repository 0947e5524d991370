//! Carrying out effects through the service layer: each effect becomes at most one message with its
//! result. Only here (and in the runtime's login) does the interface reach the `Session`.

use crate::domain::user::Role;
use crate::service::demo::{self, Scale};
use crate::service::{ServiceError, Session, auth, setup};
use crate::tui::msg::{DetailData, Effect, Msg, PageRequest, PageStart, SaveError, SessionInfo};
use crate::tui::runtime::Runtime;
use std::time::{Duration, Instant};

/// Rows of audit history the detail view shows.
const HISTORY_ROWS: usize = 200;

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
                                actor: s.actor.clone(),
                                demo: s.is_demo(),
                                idle_lock_minutes: s.idle_lock_minutes(),
                                regions: s.regions()?,
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
            Effect::LoadHome => Some(Msg::HomeLoaded(self.session()?.home().map_err(text))),
            Effect::LoadPage(req) => {
                let s = self.session()?;
                Some(load_page(s, req))
            }
            Effect::LoadDetail { id } => {
                let s = self.session()?;
                Some(Msg::DetailLoaded {
                    id,
                    data: load_detail(s, id).map_err(text),
                })
            }
            Effect::LoadForEdit { id } => Some(Msg::EditLoaded(
                self.session()?.enterprise(id).map_err(text),
            )),
            Effect::CheckDraft {
                req,
                editing,
                mut draft,
            } => {
                let issues = self
                    .session()?
                    .check_enterprise_draft(&mut draft, editing)
                    .unwrap_or_default();
                Some(Msg::DraftChecked { req, issues })
            }
            Effect::SaveEnterprise {
                editing,
                draft,
                warnings,
            } => {
                let s = self.session()?;
                let result = match editing {
                    Some((id, version)) => s.update_enterprise(id, version, draft, warnings),
                    None => s.create_enterprise(draft, warnings),
                };
                Some(match result {
                    Ok(e) => Msg::Saved(e),
                    Err(ServiceError::Invalid(issues)) => {
                        Msg::SaveFailed(SaveError::Invalid(issues))
                    }
                    Err(ServiceError::Conflict { by, at }) => {
                        Msg::SaveFailed(SaveError::Conflict { by, at })
                    }
                    Err(e) => Msg::SaveFailed(SaveError::Other(e.text())),
                })
            }
            Effect::DeleteEnterprise {
                id,
                row_version,
                reason,
            } => {
                let s = self.session()?;
                Some(Msg::Deleted(
                    s.delete_enterprise(id, row_version, &reason).map_err(text),
                ))
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
            Effect::CheckDataVersion => {
                let v = self.session.as_ref()?.data_version().ok()?;
                let before = self.data_version.replace(v);
                (before.is_some() && before != Some(v)).then_some(Msg::DataChanged)
            }
        }
    }
}

fn load_page(s: &Session, req: PageRequest) -> Msg {
    let fetch = req.limit + 1;
    let rows = match &req.start {
        PageStart::After(c) => s.list_enterprises(&req.filter, c.as_ref(), fetch),
        PageStart::Before(c) => s.list_enterprises_before(&req.filter, c.as_ref(), fetch),
    };
    let total = if req.count {
        s.count_enterprises(&req.filter).ok()
    } else {
        None
    };
    Msg::PageLoaded {
        req: req.req,
        start: req.start,
        rows: rows.map_err(|e| e.text()),
        total,
    }
}

fn load_detail(s: &Session, id: i64) -> Result<DetailData, ServiceError> {
    let enterprise = s.enterprise(id)?;
    let former_names = s.former_names(id)?;
    let bureau = s.actor.roles.iter().any(|r| *r != Role::Enterprise);
    let history = if bureau {
        match s.enterprise_history(id, HISTORY_ROWS) {
            Ok(h) => Some(h),
            Err(ServiceError::Forbidden(_)) => None,
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    Ok(DetailData {
        enterprise,
        former_names,
        history,
    })
}
