//! 点单式帮扶 use cases: file, read within scope, every transition of the state machine, service
//! records, queues with SLA figures, and the automatic close of unrated requests. Each write authorizes,
//! validates, writes in one IMMEDIATE transaction and audits in that same transaction.
mod apply;
pub mod meeting;
pub mod queue;
pub mod stats;

use crate::domain::account::{Action, Role, Target};
use crate::domain::assistance::sla::{Budgets, Sla, SlaFacts, sla};
use crate::domain::assistance::{
    AssistanceState, Channel, Event, EventInput, RequestDraft, check_input, next_state,
    validate_request,
};
use crate::domain::calendar::Calendar;
use crate::domain::time::shanghai;
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use crate::service::assistance::queue::refresh_alert_dates;
use crate::service::{Result, ServiceError, Writer};
use crate::store::assistance::{
    self as store, HistoryRow, ListFilter, NewRequest, Request, ServiceRecord,
};
use crate::store::{account as user, db};
use chrono::{DateTime, NaiveDate};

/// A queue of the 帮扶 screen: requests in one state, or those near or past their due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queue {
    State(AssistanceState),
    NearDue,
    Overdue,
    All,
}

impl Queue {
    /// The queues in the order the screen shows them.
    pub const TABS: [Queue; 8] = [
        Queue::State(AssistanceState::Submitted),
        Queue::State(AssistanceState::Accepted),
        Queue::State(AssistanceState::InProgress),
        Queue::State(AssistanceState::Suspended),
        Queue::State(AssistanceState::AwaitingRating),
        Queue::NearDue,
        Queue::Overdue,
        Queue::All,
    ];
}

/// A request with its running SLA (none once no clock runs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueRow {
    pub request: Request,
    pub sla: Option<Sla>,
}

/// Everything the detail screen shows, and the events the actor may take now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestDetail {
    pub request: Request,
    pub services: Vec<(String, String, String)>,
    pub cohandlers: Vec<(i64, String)>,
    pub history: Vec<HistoryRow>,
    pub records: Vec<ServiceRecord>,
    pub sla: Option<Sla>,
    pub events: Vec<Event>,
    pub may_record: bool,
}

/// Counts for the home screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueueCounts {
    pub by_state: Vec<(AssistanceState, usize)>,
    pub near_due: usize,
    pub overdue: usize,
}

/// A stored UTC time as the Asia/Shanghai date it fell on.
pub(in crate::service) fn local_date(stored: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(stored)
        .ok()
        .map(|t| t.with_timezone(&shanghai()).date_naive())
}

impl crate::service::Assistance<'_> {
    pub fn budgets(&self) -> Budgets {
        Budgets::from_policy(&self.policy)
    }

    /// The active service menu as (code, name_zh, name_en).
    pub fn service_menu(&self) -> Result<Vec<(String, String, String)>> {
        Ok(store::service_menu(&self.conn)?)
    }

    /// One request, if it exists and is in the actor's scope (out of scope reads as "not found").
    pub fn get(&self, id: i64) -> Result<Request> {
        self.require(Action::AssistanceRead)?;
        let r = store::get(&self.conn, id)?;
        // A draft is the enterprise's own until submitted.
        if r.state == AssistanceState::Draft && !self.actor.has(Role::Enterprise) {
            return Err(ServiceError::NotFound);
        }
        self.check(
            Action::AssistanceRead,
            Target::record(&r.region_code, r.enterprise_id),
        )?;
        Ok(r)
    }

    pub fn by_number(&self, number: &str) -> Result<Request> {
        self.require(Action::AssistanceRead)?;
        let r = store::get_by_number(&self.conn, number.trim())?.ok_or(ServiceError::NotFound)?;
        self.get(r.id)
    }

    /// The SLA of a request now, from its stored facts.
    fn sla(&self, r: &Request, cal: &Calendar, today: NaiveDate) -> Result<Option<Sla>> {
        let facts = sla_facts(r, store::suspensions(&self.conn, r.id)?);
        Ok(sla(&facts, &self.budgets(), cal, today))
    }

    /// Requests in scope matching `f`, newest first.
    pub fn list(&self, f: &ListFilter, limit: usize) -> Result<Vec<QueueRow>> {
        self.require(Action::AssistanceRead)?;
        let rows = store::list(&self.conn, &self.enterprises().scope(), f, limit)?;
        self.with_sla(rows)
    }

    /// Each request with its SLA now; the suspensions of all of them read in one query.
    pub(in crate::service) fn with_sla(&self, rows: Vec<Request>) -> Result<Vec<QueueRow>> {
        let cal = self.calendar()?;
        let today = self.today();
        let budgets = self.budgets();
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut suspensions = crate::store::assistance::queue::suspensions_of(&self.conn, &ids)?;
        Ok(rows
            .into_iter()
            .map(|request| {
                let facts = sla_facts(
                    &request,
                    suspensions.remove(&request.id).unwrap_or_default(),
                );
                QueueRow {
                    sla: sla(&facts, &budgets, &cal, today),
                    request,
                }
            })
            .collect())
    }

    /// The request with its services, people, timeline, service records, SLA and the actor's options.
    pub fn detail(&self, id: i64) -> Result<RequestDetail> {
        let request = self.get(id)?;
        let cal = self.calendar()?;
        let sla = self.sla(&request, &cal, self.today())?;
        let cohandlers = store::cohandlers(&self.conn, id)?;
        let events = Event::ALL
            .iter()
            .copied()
            .filter(|e| *e != Event::AutoClose)
            .filter(|e| next_state(request.state, *e, None).is_ok())
            .filter(|e| self.may(*e, &request, &cohandlers).is_ok())
            .collect();
        let may_record = matches!(
            request.state,
            AssistanceState::InProgress | AssistanceState::Suspended
        ) && self.may(Event::Complete, &request, &cohandlers).is_ok();
        Ok(RequestDetail {
            services: store::services(&self.conn, id)?,
            history: self.visible_history(crate::store::history::rows(
                &self.conn,
                crate::store::history::Table::Assistance,
                id,
            )?),
            records: store::records(&self.conn, id)?,
            cohandlers,
            sla,
            events,
            may_record,
            request,
        })
    }

    /// Role, scope and (for handling) assignment check of one event on one request.
    pub(in crate::service) fn may(
        &self,
        event: Event,
        r: &Request,
        cohandlers: &[(i64, String)],
    ) -> Result<()> {
        let action = event.action();
        self.check(action, Target::record(&r.region_code, r.enterprise_id))?;
        if action == Action::AssistanceHandle && !self.actor.has(Role::Supervisor) {
            let me = self.actor.user_id;
            let assigned = r.handler_id == Some(me) || cohandlers.iter().any(|(id, _)| *id == me);
            if !assigned {
                return Err(ServiceError::Refused(Text::new(T::ErrAssistNotHandler)));
            }
        }
        Ok(())
    }

    /// Staff and inspectors (not auxiliary) of the region, or city-level: who may be assigned.
    pub fn handlers(&self, region: &str) -> Result<Vec<(i64, String)>> {
        self.require(Action::AssistanceTriage)?;
        Ok(user::list(&self.conn)?
            .into_iter()
            .filter(|u| u.active && !u.auxiliary)
            .filter(|u| {
                u.roles
                    .iter()
                    .any(|r| matches!(r, Role::Staff | Role::Inspector))
            })
            .filter(|u| u.region.as_deref().is_none_or(|own| own == region))
            .map(|u| (u.id, u.display_name))
            .collect())
    }

    /// Files a request: submitted at once, or kept as a draft. Enterprise accounts file for their own
    /// enterprise only, through the self-service channel; staff record the channel it came by. A
    /// 注销 enterprise is refused; a 停产 one answers with a warning (`Invalid` holding only a warning
    /// on `enterprise`) until the person confirms with [`Self::file_confirmed`].
    pub fn file(&self, draft: RequestDraft, submit: bool) -> Result<Request> {
        self.file_checked(draft, submit, false)
    }

    /// Files a request the person confirmed after the 停产 warning.
    pub fn file_confirmed(&self, draft: RequestDraft, submit: bool) -> Result<Request> {
        self.file_checked(draft, submit, true)
    }

    fn file_checked(&self, draft: RequestDraft, submit: bool, confirmed: bool) -> Result<Request> {
        let filing = self.prepare_filing(draft, submit, confirmed)?;
        self.write(|w| {
            let r = insert_filing(w, &filing)?;
            refresh_alert_dates(w, r.id, &self.budgets(), &self.calendar()?)?;
            w.audit("create", None, &r)?;
            Ok(r)
        })
    }

    /// Authorizes and validates a filing; what is left is to insert it (see [`insert_filing`]).
    pub(in crate::service) fn prepare_filing(
        &self,
        mut draft: RequestDraft,
        submit: bool,
        suspended_confirmed: bool,
    ) -> Result<Filing> {
        self.require(Action::AssistanceFile)?;
        let is_enterprise = self.actor.roles == [Role::Enterprise];
        if is_enterprise {
            if draft.enterprise_id.is_some() && draft.enterprise_id != self.actor.enterprise_id {
                return Err(ServiceError::Refused(Text::new(T::ErrAssistEnterpriseOnly)));
            }
            draft.enterprise_id = self.actor.enterprise_id;
            draft.channel = Channel::SelfService;
        }
        let menu = self.service_menu()?;
        let issues = validate_request(
            &mut draft,
            |c| menu.iter().any(|(code, _, _)| code == c),
            self.today(),
        );
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        let enterprise_id = draft.enterprise_id.ok_or(ServiceError::NotFound)?;
        let e = self.enterprises().get(enterprise_id)?;
        self.check(Action::AssistanceFile, Target::record(&e.region_code, e.id))?;
        match crate::domain::enterprise::Status::parse(&e.status) {
            Some(crate::domain::enterprise::Status::Closed) => {
                return Err(ServiceError::Refused(
                    Text::new(T::ErrAssistClosedEnterprise).arg("name", &e.name),
                ));
            }
            Some(crate::domain::enterprise::Status::Suspended) if !suspended_confirmed => {
                return Err(ServiceError::Invalid(vec![FieldIssue::warning(
                    "enterprise",
                    "suspended_enterprise",
                    Text::new(T::WarnAssistSuspendedEnterprise).arg("name", &e.name),
                )]));
            }
            _ => {}
        }
        Ok(Filing {
            enterprise_id: e.id,
            region_code: e.region_code,
            year: chrono::Datelike::year(&self.today()),
            state: if submit {
                AssistanceState::Submitted
            } else {
                AssistanceState::Draft
            },
            draft,
        })
    }

    /// Takes one event of the state machine on a request read at `row_version`.
    pub fn transition(
        &self,
        id: i64,
        row_version: i64,
        event: Event,
        mut input: EventInput,
    ) -> Result<Request> {
        if event == Event::AutoClose {
            return Err(ServiceError::Forbidden(Action::AssistanceTriage));
        }
        let before = self.get(id)?;
        let cohandlers = store::cohandlers(&self.conn, id)?;
        // Role and scope first (nothing leaks), then the state, then the assignment.
        self.check(
            event.action(),
            Target::record(&before.region_code, before.enterprise_id),
        )?;
        let to = next_state(before.state, event, input.rating).map_err(ServiceError::Refused)?;
        self.may(event, &before, &cohandlers)?;
        for s in [
            &mut input.reason,
            &mut input.opinion,
            &mut input.comment,
            &mut input.revisit,
        ] {
            *s = crate::domain::text::normalize_text(s);
        }
        let issues = check_input(event, &input);
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        if event == Event::Assign {
            let allowed = self.handlers(&before.region_code)?;
            let chosen = input.handler.iter().chain(&input.cohandlers);
            if chosen
                .clone()
                .any(|u| !allowed.iter().any(|(id, _)| id == u))
            {
                return Err(ServiceError::Invalid(vec![FieldIssue::error(
                    "handler",
                    "bad_handler",
                    Text::new(T::ErrAssistBadHandler),
                )]));
            }
        }
        // What the enterprise itself writes is its own and public; the bureau chooses for its notes.
        let visibility = if self.actor.has(Role::Enterprise) || !event.has_visibility_choice() {
            event.default_visibility()
        } else {
            input.visibility.unwrap_or(event.default_visibility())
        };
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let mut r = before.clone();
            // Saved only if the row is still at the version the person saw (optimistic concurrency).
            r.row_version = row_version;
            r.state = to;
            let mut note = crate::service::assistance::apply::apply(
                w,
                &mut r,
                event,
                &input,
                &actor.uid,
                w.at(),
            )?;
            // 派单 and 改派 name who handles it now (and who helps), before any reason.
            if matches!(event, Event::Assign | Event::Reassign)
                && let Some(h) = input.handler
            {
                let mut names = vec![user::get(w, h)?.display_name];
                names.extend(store::cohandlers(w, id)?.into_iter().map(|(_, n)| n));
                let people = names.join("、");
                note = if note.is_empty() {
                    people
                } else {
                    format!("{people}：{note}")
                };
            }
            store::save(w, &r, &actor.uid, now)?;
            refresh_alert_dates(w, id, &self.budgets(), &self.calendar()?)?;
            crate::store::history::append_as(
                w,
                crate::store::history::Table::Assistance,
                &crate::store::history::NewRow {
                    id,
                    event: event.code(),
                    from: before.state.code(),
                    to: to.code(),
                    note: &note,
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
                visibility,
            )?;
            let after = store::get(w, id)?;
            w.audit("transition", Some(&before), &after)?;
            Ok(after)
        })
    }
}

/// A filing that passed the permission and field checks.
pub(in crate::service) struct Filing {
    enterprise_id: i64,
    region_code: String,
    year: i32,
    state: AssistanceState,
    draft: RequestDraft,
}

/// Inserts a prepared filing inside the caller's IMMEDIATE transaction: the number, the row, its
/// services and (when submitted) the first history row. The caller audits.
pub(in crate::service) fn insert_filing(
    w: &Writer<'_>,
    f: &Filing,
) -> crate::store::db::Result<Request> {
    let (tx, actor, now) = (w.tx(), w.actor(), w.now());
    let number = store::next_number(tx, &f.region_code, f.year)?;
    let uid = db::new_uid();
    let id = store::insert(
        tx,
        &NewRequest {
            uid: &uid,
            number: &number,
            enterprise_id: f.enterprise_id,
            region_code: &f.region_code,
            channel: f.draft.channel,
            urgency: f.draft.urgency,
            wished_date: &f.draft.wished_date,
            description: &f.draft.description,
            state: f.state,
            services: &f.draft.services,
        },
        &actor.uid,
        now,
    )?;
    if f.state == AssistanceState::Submitted {
        crate::store::history::append(
            tx,
            crate::store::history::Table::Assistance,
            &crate::store::history::NewRow {
                id,
                event: Event::Submit.code(),
                from: AssistanceState::Draft.code(),
                to: AssistanceState::Submitted.code(),
                note: "",
                at: now,
                by_uid: &actor.uid,
                by_name: &actor.display_name,
            },
        )?;
    }
    store::get(tx, id)
}

/// The SLA facts of a request as Asia/Shanghai dates: its suspensions since the clock last started.
pub(in crate::service) fn sla_facts(
    r: &Request,
    suspensions: Vec<(String, Option<String>)>,
) -> SlaFacts {
    let start = r.clock_started_at.map(|t| t.local_day().date());
    let suspensions = suspensions
        .into_iter()
        .filter_map(|(from, to)| {
            let from = local_date(&from)?;
            Some((from, to.as_deref().and_then(local_date)))
        })
        .filter(|(from, _)| start.is_none_or(|s| *from >= s))
        .collect();
    SlaFacts {
        state: r.state,
        urgency: r.urgency,
        submitted: r.submitted_at.map(|t| t.local_day().date()),
        accepted: start,
        suspensions,
    }
}
