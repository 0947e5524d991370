//! 执法检查 use cases: plan an inspection (reference, annual cap, positive-list guard, officers and
//! recusal), read within scope, the keyset-paged list and the home figures. Recording (checklist,
//! findings, evidence, transitions) is in `inspection_record`, follow-up in `inspection_followup`.
pub mod draw;
mod draw_pool;
pub mod draw_verify;
pub mod followup;
pub mod guard;
pub mod publish;
pub mod record;
mod recusal;

use crate::domain::account::{Action, Actor, Role, Target};
use crate::domain::inspection::rules::{
    OfficerCandidate, check_cap, check_reference, officer_problem,
};
use crate::domain::inspection::{Category, Event, InspectionState, Mode, events_for};
use crate::domain::time::Day;
use crate::i18n::{T, Text};
pub use crate::service::inspection::guard::{GuardChoice, GuardOption};
use crate::service::inspection::recusal::record_decisions;
pub(in crate::service) use crate::service::inspection::recusal::vet_officers;
use crate::service::{Result, ServiceError};
use crate::store::account;
use crate::store::db::new_uid;
use crate::store::inspection::followup::{self as stored_followup, Case, Rectification};
use crate::store::inspection::rules::{
    self as rules_store, ActRow, GuardLink, RecusalDecision, ReportVersion,
};
use crate::store::inspection::{
    self as store, ChecklistItem, Evidence, Finding, HistoryRow, Inspection, ListFilter,
    NewInspection, Officer,
};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// What planning an inspection needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanInput {
    pub enterprise_id: i64,
    pub category: Category,
    pub mode: Mode,
    pub trigger_ref: String,
    pub place: String,
    pub planned_on: NaiveDate,
    /// The officers (user ids); empty plans the check without them (state 计划中).
    pub officers: Vec<i64>,
    /// A supervisor's recusal decision: why the related officers among `officers` may stay. Refused
    /// from anyone else.
    pub recusal_reason: String,
    /// The recorded fact an on-site check of a listed enterprise rests on (picked, not typed).
    pub guard: Option<GuardChoice>,
}

/// An officer the picker may offer: certified, active, not auxiliary, in the region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EligibleOfficer {
    pub user_id: i64,
    pub name: String,
    pub cert_number: String,
    pub cert_valid_to: Day,
    /// A recorded relation to the enterprise: offered, but only a supervisor's decision lets them stay.
    pub conflicted: bool,
}

/// Everything the detail screen shows, and the events the actor may take now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectionDetail {
    pub inspection: Inspection,
    pub officers: Vec<Officer>,
    pub representatives: Vec<(String, String)>,
    pub checklist: Vec<ChecklistItem>,
    pub answers: Vec<(String, crate::domain::inspection::Answer, String)>,
    pub findings: Vec<Finding>,
    pub evidence: Vec<Evidence>,
    pub history: Vec<HistoryRow>,
    pub rectification: Option<Rectification>,
    /// The versions of the enterprise's rectification report, oldest first.
    pub report_versions: Vec<ReportVersion>,
    pub case: Option<Case>,
    /// The act behind a case (《行政处罚法》第三十六条), when recorded or marked by the migration.
    pub act: Option<ActRow>,
    /// What an on-site check of a listed enterprise rests on.
    pub guard_link: Option<GuardLink>,
    /// Supervisors' recusal decisions on this inspection.
    pub recusal_decisions: Vec<RecusalDecision>,
    pub events: Vec<Event>,
    /// Whether the actor may add answers, findings and evidence.
    pub may_record: bool,
}

/// Home-screen figures for inspections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InspectionCounts {
    /// Pending or running checks the actor is an officer on.
    pub my_pending: i64,
    /// Re-checks past their date and not yet done, in scope.
    pub overdue_rechecks: i64,
}

/// Resolves the proposed officers with the certificate each would show on `on`.
pub(crate) fn resolve_officers(
    conn: &Connection,
    ids: &[i64],
    on: NaiveDate,
) -> Result<(Vec<OfficerCandidate>, Vec<Officer>)> {
    let mut candidates = Vec::new();
    let mut snapshots = Vec::new();
    for &id in ids {
        let u = account::get(conn, id)?;
        let certs = account::certificates(conn, id)?;
        let day = Day::new(on);
        let chosen = certs
            .iter()
            .find(|c| c.valid_from <= day && day <= c.valid_to)
            .or(certs.first());
        let candidate = OfficerCandidate {
            user_id: id,
            name: u.display_name.clone(),
            auxiliary: u.auxiliary || !u.roles.contains(&Role::Inspector),
            active: u.active,
            certificate: chosen.map(|c| (c.number.clone(), c.valid_from, c.valid_to)),
        };
        if let Some(c) = chosen {
            snapshots.push(Officer {
                user_id: id,
                name: u.display_name,
                cert_kind: c.kind.clone(),
                cert_number: c.number.clone(),
                cert_issuer: c.issuer.clone(),
                cert_valid_from: c.valid_from,
                cert_valid_to: c.valid_to,
            });
        }
        candidates.push(candidate);
    }
    Ok((candidates, snapshots))
}

pub(in crate::service) fn has_any(actor: &Actor, roles: &[Role]) -> bool {
    actor.roles.iter().any(|r| roles.contains(r))
}

pub(in crate::service) fn refused(t: Text) -> ServiceError {
    ServiceError::Refused(t)
}

impl crate::service::Inspections<'_> {
    /// An inspection in the actor's scope; enterprises see only their own, once started.
    pub fn get(&self, id: i64) -> Result<Inspection> {
        self.require(Action::InspectionRead)?;
        let x = store::get(&self.conn, id)?;
        self.check(
            Action::InspectionRead,
            Target::record(&x.region_code, x.enterprise_id),
        )?;
        if self.is_enterprise_only()
            && matches!(x.state, InspectionState::Planned | InspectionState::Pending)
        {
            return Err(ServiceError::NotFound);
        }
        Ok(x)
    }

    pub fn by_number(&self, number: &str) -> Result<Inspection> {
        let x = store::get_by_number(&self.conn, number)?.ok_or(ServiceError::NotFound)?;
        self.get(x.id)
    }

    pub(in crate::service) fn is_enterprise_only(&self) -> bool {
        self.actor.roles.iter().all(|r| *r == Role::Enterprise)
    }

    /// The published checklist (newest version of each item).
    pub fn checklist(&self) -> Result<Vec<ChecklistItem>> {
        self.require(Action::InspectionRead)?;
        Ok(store::checklist(&self.conn)?)
    }

    /// The officers the picker offers for an inspection of `enterprise_id` on `on`: inspectors with a
    /// certificate valid that day, active, not auxiliary, in the enterprise's region or city-level.
    pub fn eligible_officers(
        &self,
        enterprise_id: i64,
        on: NaiveDate,
    ) -> Result<Vec<EligibleOfficer>> {
        self.require(Action::InspectionPlan)?;
        let e = self.enterprises().get(enterprise_id)?;
        let recused = store::recused_users(&self.conn, e.id)?;
        let mut out = Vec::new();
        for u in account::list(&self.conn)? {
            if u.region.as_deref().is_some_and(|r| r != e.region_code) {
                continue;
            }
            let (cands, snaps) = resolve_officers(&self.conn, &[u.id], on)?;
            let (Some(c), Some(s)) = (cands.first(), snaps.first()) else {
                continue;
            };
            if officer_problem(c, on).is_none() {
                out.push(EligibleOfficer {
                    user_id: u.id,
                    name: u.display_name.clone(),
                    cert_number: s.cert_number.clone(),
                    cert_valid_to: s.cert_valid_to,
                    conflicted: recused.contains(&u.id),
                });
            }
        }
        Ok(out)
    }

    /// Plans an inspection. Refuses what the rules forbid: a missing reference on a case-driven check,
    /// a routine check over the annual cap, an on-site check of a listed enterprise without a link to a
    /// recorded trigger or an approved 专项 plan, officers that do not meet 《行政处罚法》第四十二条 /
    /// 第五十五条, a related officer without a supervisor's recusal decision (第四十三条).
    pub fn plan(&self, input: &PlanInput) -> Result<Inspection> {
        self.require(Action::InspectionPlan)?;
        // The annual cap counts the inspections already planned: checked under the write lock.
        self.write(|w| {
            let e = self.enterprises().get(input.enterprise_id)?;
            self.check(Action::InspectionPlan, Target::record(&e.region_code, e.id))?;
            let routine = input.category.is_routine();
            let link = self.guard_link_for(&e, input)?;
            let reference = match (&link, input.trigger_ref.trim()) {
                (Some(l), "") => guard::link_reference(l),
                (_, typed) => typed.to_string(),
            };
            check_reference(routine, &reference).map_err(refused)?;
            if routine {
                let done = store::routine_count(&self.conn, e.id, input.planned_on.year())?;
                check_cap(done, self.policy.routine_cap(&e.credit)).map_err(refused)?;
            }
            let (decided, decisions) =
                self.recusal_decisions_for(None, e.id, &input.officers, &input.recusal_reason)?;
            let officers = if input.officers.is_empty() {
                Vec::new()
            } else {
                vet_officers(
                    &self.conn,
                    e.id,
                    &input.officers,
                    input.planned_on,
                    &decided,
                )?
            };
            let state = if officers.is_empty() {
                InspectionState::Planned
            } else {
                InspectionState::Pending
            };
            let (now, actor) = (w.now(), w.actor());
            let tx = w.tx();
            let number = store::next_number(tx, &e.region_code, input.planned_on.year())?;
            let uid = new_uid();
            let id = store::insert(
                tx,
                &NewInspection {
                    uid: &uid,
                    number: &number,
                    enterprise_id: e.id,
                    region_code: &e.region_code,
                    category: input.category,
                    mode: input.mode,
                    trigger_ref: &reference,
                    place: input.place.trim(),
                    planned_on: Day::new(input.planned_on),
                    state,
                    recusal_reason: &decisions.reason,
                    parent_id: None,
                    draw_id: None,
                },
                &actor.uid,
                now,
            )?;
            store::set_officers(tx, id, &officers)?;
            if let Some(l) = &link {
                rules_store::insert_guard_link(tx, id, l)?;
            }
            record_decisions(w, id, &uid, &decisions)?;
            crate::store::history::append(
                tx,
                crate::store::history::Table::Inspection,
                &crate::store::history::NewRow {
                    id,
                    event: "plan",
                    from: state.code(),
                    to: state.code(),
                    note: "",
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            let after = store::get(tx, id)?;
            w.audit("create", None, &after)?;
            Ok(after)
        })
    }

    /// Replaces the officers of an open inspection not yet started (re-vetted on its date).
    pub fn set_officers(
        &self,
        id: i64,
        officers: &[i64],
        recusal_reason: &str,
    ) -> Result<Inspection> {
        let before = self.get(id)?;
        self.check(
            Action::InspectionRecord,
            Target::record(&before.region_code, before.enterprise_id),
        )?;
        if !matches!(
            before.state,
            InspectionState::Planned | InspectionState::Pending
        ) {
            return Err(refused(
                Text::new(T::InspectionErrTransition)
                    .arg_key("event", T::InspectionEvSchedule)
                    .arg_key("state", before.state.label()),
            ));
        }
        let on = before.planned_on.date();
        let (decided, decisions) =
            self.recusal_decisions_for(Some(id), before.enterprise_id, officers, recusal_reason)?;
        let snaps = vet_officers(&self.conn, before.enterprise_id, officers, on, &decided)?;
        self.write(|w| {
            let (tx, now, actor) = (w.tx(), w.now(), w.actor());
            store::set_officers(tx, id, &snaps)?;
            record_decisions(w, id, &before.uid, &decisions)?;
            let mut x = before.clone();
            if !decisions.users.is_empty() {
                x.recusal_reason = decisions.reason.clone();
            }
            if x.state == InspectionState::Planned {
                x.state = InspectionState::Pending;
                crate::store::history::append(
                    tx,
                    crate::store::history::Table::Inspection,
                    &crate::store::history::NewRow {
                        id,
                        event: Event::Schedule.code(),
                        from: InspectionState::Planned.code(),
                        to: InspectionState::Pending.code(),
                        note: "",
                        at: now,
                        by_uid: &actor.uid,
                        by_name: &actor.display_name,
                    },
                )?;
            }
            store::save(tx, &x, &actor.uid, now)?;
            let after = store::get(tx, id)?;
            w.audit("update", Some(&before), &after)?;
            Ok(after)
        })
    }

    /// Everything about one inspection, and what the actor may do with it now.
    pub fn detail(&self, id: i64) -> Result<InspectionDetail> {
        let x = self.get(id)?;
        let officers = store::officers(&self.conn, id)?;
        let is_officer = officers.iter().any(|o| o.user_id == self.actor.user_id);
        let supervisor = self.actor.has(Role::Supervisor);
        let bureau = !self.is_enterprise_only();
        let mut events = if bureau {
            events_for(x.state, &self.actor.roles)
        } else {
            Vec::new()
        };
        if !supervisor && !is_officer {
            events.retain(|e| matches!(e, Event::Schedule));
        }
        let may_record = (is_officer || supervisor)
            && has_any(&self.actor, &[Role::Inspector, Role::Supervisor])
            && matches!(
                x.state,
                InspectionState::InProgress | InspectionState::RecordPending
            )
            || (x.signed_at.is_some() && (is_officer || supervisor) && bureau);
        Ok(InspectionDetail {
            officers,
            representatives: store::representatives(&self.conn, id)?,
            checklist: store::checklist(&self.conn)?,
            answers: store::answers(&self.conn, id)?,
            findings: store::findings(&self.conn, id)?,
            evidence: store::evidence(&self.conn, id)?,
            history: crate::store::history::rows(
                &self.conn,
                crate::store::history::Table::Inspection,
                id,
            )?,
            report_versions: match stored_followup::of_inspection(&self.conn, id)? {
                Some(r) => rules_store::report_versions(&self.conn, r.id)?,
                None => Vec::new(),
            },
            rectification: stored_followup::of_inspection(&self.conn, id)?,
            case: stored_followup::case_of(&self.conn, id)?,
            act: if bureau {
                rules_store::act(&self.conn, id)?
            } else {
                None
            },
            guard_link: rules_store::guard_link(&self.conn, id)?,
            recusal_decisions: if bureau {
                rules_store::recusal_decisions(&self.conn, id)?
            } else {
                Vec::new()
            },
            events,
            may_record,
            inspection: x,
        })
    }

    /// One page of the list within the actor's scope, newest planned date first.
    pub fn page(
        &self,
        f: &ListFilter,
        after: Option<(&str, i64)>,
        limit: usize,
    ) -> Result<Vec<Inspection>> {
        self.require(Action::InspectionRead)?;
        let mut f = f.clone();
        f.started_only = self.is_enterprise_only();
        Ok(store::page(
            &self.conn,
            &self.enterprises().scope(),
            &f,
            after,
            limit,
        )?)
    }

    /// How many inspections match the filter, within scope.
    pub fn count(&self, f: &ListFilter) -> Result<i64> {
        self.require(Action::InspectionRead)?;
        let mut f = f.clone();
        f.started_only = self.is_enterprise_only();
        Ok(store::count(&self.conn, &self.enterprises().scope(), &f)?)
    }

    /// The filter of the home screen's "overdue re-checks".
    pub fn overdue_filter(&self) -> ListFilter {
        ListFilter {
            overdue_before: Some(self.today().format("%Y-%m-%d").to_string()),
            ..ListFilter::default()
        }
    }

    /// The filter of the home screen's "my pending checks".
    pub fn mine_filter(&self, state: InspectionState) -> ListFilter {
        ListFilter {
            officer_id: Some(self.actor.user_id),
            state: Some(state),
            ..ListFilter::default()
        }
    }

    /// The home figures: the actor's pending checks and the overdue re-checks in scope. Zero for roles
    /// without inspections.
    pub fn counts(&self) -> Result<InspectionCounts> {
        if self.is_enterprise_only()
            || !has_any(
                &self.actor,
                &[Role::Inspector, Role::Supervisor, Role::Staff],
            )
        {
            return Ok(InspectionCounts::default());
        }
        let mut my_pending = 0;
        for s in [
            InspectionState::Pending,
            InspectionState::InProgress,
            InspectionState::RecordPending,
        ] {
            my_pending += self.count(&self.mine_filter(s))?;
        }
        Ok(InspectionCounts {
            my_pending,
            overdue_rechecks: self.count(&self.overdue_filter())?,
        })
    }
}
