//! Carrying out effects through the service layer: each effect becomes at most one message with its
//! result. Only here (and in the runtime's login) does the interface reach the `Session`.
pub mod inspection;
pub mod manifest;
mod meeting;
pub mod positive_list;
mod report;

use crate::demo::{self, Scale};
use crate::domain::account::Role;
use crate::i18n::{T, Text};
use crate::service::account::{auth, setup};
use crate::service::{ServiceError, Session};
use crate::store::account::OrgUnit;
use crate::tui::msg::{
    Account, DetailData, Effect, Msg, PageRequest, PageStart, SaveError, SessionInfo, Versioned,
};
use crate::tui::runtime::Runtime;
use std::time::{Duration, Instant};

/// Rows of audit history the detail view shows.
const HISTORY_ROWS: usize = 200;

/// 帮扶 requests the enterprise's 360° view lists.
const ASSIST_IN_DETAIL: usize = 50;

/// Requests a page of a 帮扶 queue holds; scrolling past the last loads the next.
const ASSIST_ROWS: usize = 100;

fn queue_loaded(
    queue: crate::service::assistance::Queue,
    page: crate::service::Result<crate::service::assistance::queue::QueuePage>,
    more: bool,
) -> Msg {
    let (rows, next) = match page {
        Ok(p) => (Ok(p.rows), p.next),
        Err(e) => (Err(e.text()), None),
    };
    Msg::AssistQueueLoaded {
        queue,
        rows,
        next,
        more,
    }
}
/// 转移联单 the enterprise's 360° view lists.
const MANIFESTS_IN_DETAIL: usize = 30;

/// The 帮扶 detail with the handlers a triage person may assign.
fn assist_detail(
    s: &Session,
    id: i64,
) -> crate::service::Result<crate::tui::screens::assistance::AssistDetailData> {
    let detail = s.assist_detail(id)?;
    use crate::domain::assistance::Event;
    let handlers =
        if detail.events.contains(&Event::Assign) || detail.events.contains(&Event::Reassign) {
            s.assist_handlers(&detail.request.region_code)?
        } else {
            Vec::new()
        };
    Ok(crate::tui::screens::assistance::AssistDetailData {
        detail,
        handlers,
        today: s.today().format("%Y-%m-%d").to_string(),
    })
}

/// A refused 帮扶 change: every field message, so the person sees what to fix.
fn assist_error(e: ServiceError) -> Text {
    match &e {
        ServiceError::Invalid(issues) if issues.len() > 1 => Text::new(T::AssistMsgIssues)
            .arg_text("first", issues[0].text.clone())
            .arg_text("second", issues[1].text.clone()),
        _ => e.text(),
    }
}

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
            Effect::LoadHome => {
                let s = self.session()?;
                // Requests not rated in time close as 未评价 whenever someone reaches the home screen.
                if let Err(e) = s.assist_auto_close() {
                    tracing::warn!(error = %e, "assistance auto-close failed");
                }
                Some(Msg::HomeLoaded(s.home().map_err(text)))
            }
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
            Effect::LoadAccounts => Some(Msg::AccountsLoaded(
                load_accounts(self.session()?).map_err(text),
            )),
            Effect::LoadCertificates { username } => Some(Msg::CertificatesLoaded {
                certificates: self.session()?.certificates(&username).map_err(text),
                username,
            }),
            Effect::AddUser(account) => {
                let done = self
                    .session()?
                    .add_user(&account)
                    .map(|_| Text::new(T::MsgUserAdded).arg("name", account.username.trim()));
                Some(Msg::AdminDone(done.map_err(text)))
            }
            Effect::SetUserActive { username, active } => {
                let done = self
                    .session()?
                    .set_user_active(&username, active)
                    .map(|()| {
                        let t = if active {
                            T::MsgUserEnabled
                        } else {
                            T::MsgUserDisabled
                        };
                        Text::new(t).arg("name", &username)
                    });
                Some(Msg::AdminDone(done.map_err(text)))
            }
            Effect::SetPassword { username, password } => {
                let done = self
                    .session()?
                    .set_password(&username, &password)
                    .map(|()| Text::new(T::MsgPasswordReset).arg("name", &username));
                Some(Msg::AdminDone(done.map_err(text)))
            }
            Effect::AddCertificate {
                username,
                certificate,
            } => {
                let number = certificate.number.trim().to_string();
                let done = self
                    .session()?
                    .add_certificate(&username, certificate)
                    .map(|()| {
                        Text::new(T::MsgCertificateAdded)
                            .arg("name", &username)
                            .arg("number", &number)
                    });
                Some(Msg::AdminDone(done.map_err(text)))
            }
            Effect::LoadSettings => Some(Msg::SettingsLoaded(
                self.session()?.settings().map_err(text),
            )),
            Effect::SetSetting { key, value } => {
                let done = self.session()?.set_setting(&key, &value).map(|()| {
                    Text::new(T::MsgSettingSaved)
                        .arg("key", &key)
                        .arg("value", value.trim())
                });
                Some(Msg::SettingSaved(done.map_err(text)))
            }
            Effect::LoadAudit { req, before, limit } => Some(Msg::AuditLoaded {
                req,
                rows: self.session()?.audit_page(before, limit + 1).map_err(text),
            }),
            Effect::LoadAssistQueue { queue } => {
                let page = self.session()?.assist_queue_page(queue, None, ASSIST_ROWS);
                Some(queue_loaded(queue, page, false))
            }
            Effect::LoadAssistQueueMore { queue, after } => {
                let page = self
                    .session()?
                    .assist_queue_page(queue, Some(&after), ASSIST_ROWS);
                Some(queue_loaded(queue, page, true))
            }
            Effect::LoadAssistDetail { id } => Some(Msg::AssistDetailLoaded {
                id,
                data: assist_detail(self.session()?, id).map_err(text),
            }),
            Effect::LoadServiceMenu => Some(Msg::ServiceMenuLoaded(
                self.session()?.service_menu().map_err(text),
            )),
            Effect::FileRequest {
                enterprise_uscc,
                mut draft,
            } => {
                let s = self.session()?;
                let filed = (|| {
                    if let Some(query) = &enterprise_uscc {
                        draft.enterprise_id = s.resolve_enterprise(query)?.map(|e| e.id);
                    }
                    s.file_request(draft, true)
                })();
                Some(Msg::AssistDone(
                    filed
                        .map(|r| Text::new(T::AssistMsgFiled).arg("number", r.number))
                        .map_err(assist_error),
                ))
            }
            Effect::AssistTransition {
                id,
                row_version,
                event,
                input,
            } => Some(Msg::AssistDone(
                self.session()?
                    .assist_transition(id, row_version, event, input)
                    .map(|r| {
                        Text::new(T::AssistMsgDone)
                            .arg_key("event", event.label())
                            .arg("number", r.number)
                            .arg_key("state", r.state.label())
                    })
                    .map_err(assist_error),
            )),
            Effect::AssistRecord { id, record } => Some(Msg::AssistDone(
                self.session()?
                    .assist_record_service(id, record)
                    .map(|()| Text::new(T::AssistMsgRecorded))
                    .map_err(assist_error),
            )),
            Effect::ReportDefaults => {
                let today = self.session()?.today();
                let p = crate::domain::report::Period::last_quarter(today);
                Some(Msg::ReportDefaults(p.code()))
            }
            Effect::ExportSummary {
                period,
                region,
                format,
                file,
                lang,
            } => {
                let job = crate::tui::execute::report::SummaryJob {
                    period,
                    region,
                    format,
                    file,
                    lang,
                };
                self.start_summary(job)
            }
            Effect::ReloadVersion(record) => {
                let s = self.session()?;
                let current = match record {
                    Versioned::AssistRequest(id) => s
                        .assist_request(id)
                        .map(|r| (r.row_version, Text::new(r.state.label()))),
                    Versioned::PlEntry(id) => s.pl_entry(id).map(|x| {
                        let state = crate::domain::positive_list::EntryState::parse(&x.state)
                            .map_or_else(|| Text::new(T::None_), |st| Text::new(st.label()));
                        (x.row_version, state)
                    }),
                    Versioned::Manifest(id) => s
                        .manifest(id)
                        .map(|m| (m.row_version, Text::new(m.state.label()))),
                    Versioned::Inspection(id) => s
                        .inspection(id)
                        .map(|x| (x.row_version, Text::new(x.state.label()))),
                };
                Some(Msg::VersionReloaded {
                    record,
                    current: current.map_err(text),
                })
            }
            Effect::CancelReport => {
                if let Some((cancel, _)) = &self.report_job {
                    cancel.cancel();
                }
                None
            }
            Effect::ExportDossier { id, lang } => Some(Msg::Written(
                crate::tui::execute::report::export_dossier(self.session()?, id, lang),
            )),
            Effect::ExportEnterprises { filter, lang } => Some(Msg::Written(
                crate::tui::execute::report::export_list(self.session()?, &filter, lang),
            )),
            Effect::ExportAssistQueue { queue, lang } => Some(Msg::Written(
                crate::tui::execute::report::export_queue(self.session()?, queue, lang),
            )),
            Effect::ExportInspections { query, lang } => Some(Msg::Written(
                crate::tui::execute::report::export_inspections(self.session()?, query, lang),
            )),
            Effect::ExportManifests { filter, lang } => Some(Msg::Written(
                crate::tui::execute::report::export_manifests(self.session()?, &filter, lang),
            )),
            Effect::LoadMeetings
            | Effect::LoadMeeting { .. }
            | Effect::RecordMeeting(_)
            | Effect::MeetingParticipant { .. }
            | Effect::MeetingProblem { .. }
            | Effect::MeetingLink { .. }
            | Effect::FindEnterprises { .. } => {
                crate::tui::execute::meeting::execute(self.session()?, effect)
            }
            // 危险废物转移联单 (manifests)
            Effect::Mf(e) => crate::tui::execute::manifest::execute(self.session()?, e),
            Effect::VerifyAudit => Some(Msg::AuditVerified(
                self.session()?.verify_audit_chain().map_err(text),
            )),
            Effect::PlLoadEntries(_)
            | Effect::PlLoadEntry { .. }
            | Effect::PlTransition { .. }
            | Effect::PlPropose { .. }
            | Effect::PlApply
            | Effect::PlExport { .. }
            | Effect::PlNewBatch { .. }
            | Effect::PlSetOffsite { .. }
            | Effect::PlLoadBatches
            | Effect::PlTrigger { .. } => {
                crate::tui::execute::positive_list::execute(self.session()?, effect)
            }
            Effect::InspLoad(_) | Effect::InspDo(_) => {
                crate::tui::execute::inspection::execute(self.session()?, effect)
            }
            Effect::CheckDataVersion => {
                let v = self.session.as_ref()?.data_version().ok()?;
                let before = self.data_version.replace(v);
                (before.is_some() && before != Some(v)).then_some(Msg::DataChanged)
            }
        }
    }
}

/// One page of the register (and its count when the filter changed); public for the benchmark.
pub fn load_page(s: &Session, req: PageRequest) -> Msg {
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

/// Everything the 360° view shows of one enterprise; public for the benchmark.
pub fn load_detail(s: &Session, id: i64) -> Result<DetailData, ServiceError> {
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
    // Roles without the positive list simply see no entries.
    let list_entries = s.pl_entries_of(id).unwrap_or_default();
    let list_history = s.pl_history_of(id).unwrap_or_default();
    let assist = if s
        .require(crate::domain::account::Action::AssistRead)
        .is_ok()
    {
        let f = crate::store::assistance::ListFilter {
            enterprise_id: Some(id),
            ..Default::default()
        };
        s.assist_list(&f, ASSIST_IN_DETAIL)?
    } else {
        Vec::new()
    };
    // 危险废物转移联单 (manifests)
    let manifests = if s
        .require(crate::domain::account::Action::ManifestRead)
        .is_ok()
    {
        let f = crate::store::manifest::ListFilter {
            enterprise_id: Some(id),
            ..Default::default()
        };
        s.manifest_page(&f, MANIFESTS_IN_DETAIL)?
    } else {
        Vec::new()
    };
    Ok(DetailData {
        enterprise,
        former_names,
        history,
        list_entries,
        list_history,
        assist,
        manifests,
        inspections: s.insp_of_enterprise(id).unwrap_or_default(),
    })
}

/// Every account as the administration screens show it (never the password hash), and the units.
fn load_accounts(s: &Session) -> Result<(Vec<Account>, Vec<OrgUnit>), ServiceError> {
    let accounts = s
        .list_users()?
        .into_iter()
        .map(|u| Account {
            username: u.username,
            display_name: u.display_name,
            roles: u.roles,
            unit_code: u.unit_code,
            enterprise_uscc: u.enterprise_uscc,
            active: u.active,
            locked_until: u.locked_until.map(|t| t.to_string()),
            last_login_at: u.last_login_at.map(|t| t.to_string()),
        })
        .collect();
    Ok((accounts, s.org_units()?))
}
