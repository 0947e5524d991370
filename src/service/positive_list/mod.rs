//! 正面清单 use cases: batches, candidates (staff proposal or the enterprise's own application), the
//! lifecycle transitions, criteria evaluation from the register, trigger events, the on-site guard the
//! inspection module calls, and the removal proposal for an inspection that ends in 立案.
mod edit;
mod trigger;

use crate::domain::account::{Action, Role, Target};
use crate::domain::enterprise::{Credit, Enterprise, PerfGrade};
use crate::domain::positive_list::{
    self as pl, CriterionResult, EntryState, Facts, Handling, Origin, RemovalCause, Transition,
    TriggerKind,
};
use crate::domain::time::Day;
use crate::domain::validate::{FieldIssue, max_chars, no_control_chars};
use crate::i18n::{T, Text};
use crate::service::{Result, ServiceError};
use crate::store::db;
use crate::store::positive_list::{
    self as store, Batch, CriterionRow, Entry, EntryFilter, HistoryRow, NewEntry, TriggerRow,
};
use chrono::NaiveDate;

/// Days ahead in which a due review is shown on the home screen.
pub const REVIEW_WARNING_DAYS: i64 = 30;
/// Days ahead in which an ending notice is shown on the home screen.
pub const NOTICE_WARNING_DAYS: i64 = 7;

/// Everything the entry detail screen shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDetail {
    pub entry: Entry,
    /// The criteria as recorded when the notice started (empty for candidates).
    pub recorded: Vec<CriterionRow>,
    /// The criteria evaluated now from the register.
    pub current: Vec<CriterionResult>,
    pub history: Vec<HistoryRow>,
    pub triggers: Vec<TriggerRow>,
    /// The notice is over (today is after its last day): an objection now is late.
    pub notice_over: bool,
    /// The transitions this person may take now (state, role and, for 纳入, the notice being
    /// over): what the record's action bar offers.
    pub offered: Vec<Transition>,
}

/// What a transition needs besides the entry: a reason (objection, removal, override) and a cause.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TransitionInput {
    pub reason: String,
    pub cause: Option<RemovalCause>,
}

/// A trigger event as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriggerInput {
    pub kind: TriggerKind,
    pub reference: String,
    pub occurred_on: NaiveDate,
    pub handling: Handling,
    pub note: String,
}

/// Home screen counts of the positive list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListCounts {
    pub reviews_due: i64,
    /// Notices whose last day is today or within the next 7 days.
    pub notices_ending: i64,
    /// Notices already over, awaiting 纳入 or a decision on an objection.
    pub notices_over: i64,
    pub removal_proposals: i64,
}

fn state_of(e: &Entry) -> Result<EntryState> {
    EntryState::parse(&e.state).ok_or(ServiceError::NotFound)
}

pub(in crate::service) fn text_field(
    field: &'static str,
    label: T,
    value: &str,
    max: usize,
) -> Vec<FieldIssue> {
    [
        max_chars(field, label, value, max),
        no_control_chars(field, label, value),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What the register holds about an enterprise, as criteria facts, with the bureau's own records of
/// 立案 cases and incidents since `since` (the start of the policy period). Online monitoring has no
/// source here: it stays unknown for key dischargers.
pub fn facts_of(
    conn: &rusqlite::Connection,
    e: &Enterprise,
    since: NaiveDate,
) -> crate::store::db::Result<Facts> {
    let since = Day::new(since).to_string();
    Ok(Facts {
        penalties: Some(store::cases_since(conn, e.id, &since)?),
        incidents: Some(store::incidents_since(conn, e.id, &since)?),
        permit_no: e.permit_no.clone(),
        permit_expiry: e.permit_expiry.map(crate::domain::time::Day::date),
        monitoring_required: !e.key_flags.trim().is_empty(),
        monitoring_connected: None,
        credit: Credit::parse(&e.credit).filter(|_| !e.credit.is_empty()),
        grade: PerfGrade::parse(&e.perf_grade).filter(|_| !e.perf_grade.is_empty()),
    })
}

/// The first day of the policy period that ends `today`: `years` calendar years back.
pub fn period_start(today: NaiveDate, years: u32) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(years.saturating_mul(12)))
        .unwrap_or(today)
}

/// What an enterprise writes when it applies for the list itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Application {
    /// 申请说明: why it considers itself eligible.
    pub note: String,
    /// 联系人及电话.
    pub contact: String,
    /// 非现场监管手段 it offers (optional).
    pub offsite: String,
}

impl crate::service::PositiveList<'_> {
    fn entry_target(e: &Entry) -> Target<'_> {
        Target::record(&e.region_code, e.enterprise_id)
    }

    pub fn batches(&self) -> Result<Vec<Batch>> {
        self.require(Action::ListRead)?;
        Ok(store::batches(&self.conn, &self.enterprises().scope())?)
    }

    /// Opens a batch, e.g. 2026年第1批. Staff and supervisors.
    pub fn create_batch(&self, name: &str, year: i32, note: &str) -> Result<Batch> {
        self.require(Action::ListPropose)?;
        let name = name.trim().to_string();
        let mut issues = text_field("name", T::FieldName, &name, 40);
        issues.extend(text_field("note", T::FieldName, note, 200));
        if name.is_empty() {
            issues.push(FieldIssue::error(
                "name",
                "required",
                Text::new(T::ErrPlBatchName),
            ));
        } else if store::batch_by_name(&self.conn, &name)?.is_some() {
            issues.push(FieldIssue::error(
                "name",
                "duplicate",
                Text::new(T::ErrPlBatchExists).arg("name", &name),
            ));
        }
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        let uid = db::new_uid();
        let note = note.trim().to_string();
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let id = store::insert_batch(w, &uid, &name, i64::from(year), &note, &actor.uid, now)?;
            let b = store::batch(w, id)?;
            w.audit("create", None, &b)?;
            Ok(b)
        })
    }

    /// Opens the next batch of this year: 2026年第1批, 2026年第2批, …
    pub fn create_next_batch(&self) -> Result<Batch> {
        self.require(Action::ListPropose)?;
        let year = chrono::Datelike::year(&self.today());
        let name = self.next_batch_name()?;
        self.create_batch(&name, year, "")
    }

    /// The name the next batch of this year takes: 2026年第N批.
    pub(in crate::service) fn next_batch_name(&self) -> Result<String> {
        let year = chrono::Datelike::year(&self.today());
        let taken = store::batches(&self.conn, &self.enterprises().scope())?
            .iter()
            .filter(|b| b.year == i64::from(year))
            .count();
        Ok(Text::new(T::PositiveListBatchName)
            .arg("year", year)
            .arg("n", taken + 1)
            .render(crate::i18n::Lang::Zh))
    }

    pub fn entries(&self, f: &EntryFilter, limit: usize) -> Result<Vec<Entry>> {
        self.require(Action::ListRead)?;
        Ok(store::entries(
            &self.conn,
            &self.enterprises().scope(),
            f,
            limit,
        )?)
    }

    /// One entry, if in scope (out of scope reads as "not found").
    pub fn entry(&self, id: i64) -> Result<Entry> {
        self.require(Action::ListRead)?;
        let e = store::entry(&self.conn, id)?;
        self.check(Action::ListRead, Self::entry_target(&e))?;
        Ok(e)
    }

    /// An enterprise account reads its entry without the bureau's internal notes (the override
    /// reason and internal timeline entries).
    pub fn entry_detail(&self, id: i64) -> Result<EntryDetail> {
        let mut entry = self.entry(id)?;
        if !self.sees_internal() {
            entry.override_reason.clear();
        }
        let current = self.evaluate(entry.enterprise_id)?;
        let offered = self.offered(&entry);
        Ok(EntryDetail {
            offered,
            recorded: store::criteria(&self.conn, id)?,
            history: self.visible_history(crate::store::history::rows(
                &self.conn,
                crate::store::history::Table::PositiveList,
                id,
            )?),
            triggers: store::triggers(&self.conn, id)?,
            notice_over: entry
                .notice_end
                .is_some_and(|end| pl::notice_over(end.date(), self.today())),
            current,
            entry,
        })
    }

    /// The transitions `transition` would accept now from this person (short of a reason).
    fn offered(&self, e: &Entry) -> Vec<Transition> {
        let Ok(from) = state_of(e) else {
            return Vec::new();
        };
        let today = self.today();
        Transition::ALL
            .into_iter()
            .filter(|t| {
                let action = if t.needs_supervisor() {
                    Action::ListApprove
                } else {
                    Action::ListPropose
                };
                self.check(action, Self::entry_target(e)).is_ok()
                    && t.apply(from).is_some()
                    && (*t != Transition::Admit
                        || e.notice_end
                            .is_some_and(|end| pl::notice_over(end.date(), today)))
            })
            .collect()
    }

    /// The enterprise's entries, newest first: the 360° view's list status and history.
    pub fn entries_of(&self, enterprise_id: i64) -> Result<Vec<Entry>> {
        self.require(Action::ListRead)?;
        let e = self.enterprises().get(enterprise_id)?;
        self.check(Action::ListRead, Target::record(&e.region_code, e.id))?;
        Ok(store::entries_of(&self.conn, enterprise_id)?)
    }

    /// The admission criteria evaluated now from what the register and the bureau's own records
    /// (立案 cases, incidents) hold within the policy period.
    pub fn evaluate(&self, enterprise_id: i64) -> Result<Vec<CriterionResult>> {
        let e = self.enterprises().get(enterprise_id)?;
        let policy = self.policy.positive_list();
        let today = self.today();
        let since = period_start(today, policy.lookback_years);
        Ok(pl::evaluate(
            &facts_of(&self.conn, &e, since)?,
            today,
            &policy,
        ))
    }

    /// Staff propose an enterprise as a candidate of a batch.
    pub fn propose(&self, batch_id: i64, enterprise_id: i64, offsite: &str) -> Result<Entry> {
        self.require(Action::ListPropose)?;
        let e = self.enterprises().get(enterprise_id)?;
        self.check(Action::ListPropose, Target::record(&e.region_code, e.id))?;
        let app = Application {
            offsite: offsite.to_string(),
            ..Application::default()
        };
        self.add_candidate(batch_id, &e, Origin::Proposed, &app)
    }

    /// An enterprise account applies for its own enterprise (self-service), with a note and whom to
    /// contact (required).
    pub fn apply(&self, batch_id: i64, app: &Application) -> Result<Entry> {
        self.require(Action::ListApply)?;
        let own = self.actor.enterprise_id.ok_or(ServiceError::NotFound)?;
        let e = self.enterprises().get(own)?;
        self.check(Action::ListApply, Target::record(&e.region_code, e.id))?;
        let app = Application {
            note: crate::domain::text::normalize_text(&app.note),
            contact: crate::domain::text::normalize_text(&app.contact),
            offsite: crate::domain::text::normalize_text(&app.offsite),
        };
        let mut issues = text_field("note", T::PositiveListFieldApplyNote, &app.note, 500);
        issues.extend(text_field(
            "contact",
            T::PositiveListFieldApplyContact,
            &app.contact,
            100,
        ));
        if app.contact.is_empty() {
            issues.push(FieldIssue::error(
                "contact",
                "required",
                Text::new(T::ErrRequired).arg_key("field", T::PositiveListFieldApplyContact),
            ));
        }
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        self.add_candidate(batch_id, &e, Origin::Applied, &app)
    }

    /// The enterprise withdraws its own application while it is still a candidate. The entry closes
    /// (未纳入, cause 企业撤回申请) without a cool-down; the register shows the enterprise as not listed.
    pub fn withdraw(&self, entry_id: i64, row_version: i64, reason: &str) -> Result<Entry> {
        self.require(Action::ListApply)?;
        let before = self.entry(entry_id)?;
        self.check(Action::ListApply, Self::entry_target(&before))?;
        if self.actor.enterprise_id != Some(before.enterprise_id) {
            return Err(ServiceError::NotFound);
        }
        let state = state_of(&before)?;
        if state != EntryState::Candidate || before.origin != Origin::Applied.code() {
            return Err(ServiceError::Refused(
                Text::new(T::ErrPlWithdrawState).arg_key("state", state.label()),
            ));
        }
        let reason = crate::domain::text::normalize_text(reason);
        let issues = text_field("reason", T::PositiveListFieldReason, &reason, 500);
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let mut x = before.clone();
            x.row_version = row_version;
            x.state = EntryState::Rejected.code().to_string();
            x.removal_cause = RemovalCause::Withdrawn.code().to_string();
            x.removal_reason = reason.clone();
            store::save_entry(w, &x, &actor.uid, now)?;
            store::set_list_status(w, x.enterprise_id, "none")?;
            crate::store::history::append(
                w,
                crate::store::history::Table::PositiveList,
                &crate::store::history::NewRow {
                    id: x.id,
                    event: pl::HistoryEvent::Withdraw.code(),
                    from: &before.state,
                    to: &x.state,
                    note: &reason,
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            let after = store::entry(w, x.id)?;
            w.audit("withdraw", Some(&before), &after)?;
            Ok(after)
        })
    }

    fn add_candidate(
        &self,
        batch_id: i64,
        e: &Enterprise,
        origin: Origin,
        app: &Application,
    ) -> Result<Entry> {
        store::batch(&self.conn, batch_id)?;
        let offsite = app.offsite.as_str();
        let issues = text_field("offsite_means", T::PositiveListFieldOffsite, offsite, 200);
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        if e.status == "closed" {
            return Err(ServiceError::Refused(Text::new(T::ErrPlClosedEnterprise)));
        }
        let today = self.today();
        for old in store::entries_of(&self.conn, e.id)? {
            let state = state_of(&old)?;
            if !state.is_closed() {
                return Err(ServiceError::Refused(
                    Text::new(T::ErrPlOpenEntry).arg_key("state", state.label()),
                ));
            }
            if state == EntryState::Removed
                && let Some(from) = old.reapply_from.filter(|d| d.date() > today)
            {
                return Err(ServiceError::Refused(
                    Text::new(T::ErrPlCooldown).arg("date", from),
                ));
            }
        }
        let uid = db::new_uid();
        let new = NewEntry {
            uid: &uid,
            enterprise_id: e.id,
            batch_id,
            origin: origin.code(),
            offsite_means: offsite.trim(),
            apply_note: &app.note,
            apply_contact: &app.contact,
        };
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let id = store::insert_entry(w, &new, &actor.uid, now)?;
            let code = EntryState::Candidate.code();
            store::set_list_status(w, new.enterprise_id, code)?;
            // The register's list status changed with it: its after-image keeps `check` whole.
            let e = crate::store::enterprise::get(w, new.enterprise_id)?;
            w.audit("list_status", None, &e)?;
            crate::store::history::append(
                w,
                crate::store::history::Table::PositiveList,
                &crate::store::history::NewRow {
                    id,
                    event: origin.code(),
                    from: "",
                    to: code,
                    note: &app.note,
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            let x = store::entry(w, id)?;
            w.audit("create", None, &x)?;
            Ok(x)
        })
    }

    /// Moves an entry along its lifecycle. Roles, reasons, the criteria override and the notice period
    /// are enforced here; the register's list status follows in the same transaction.
    pub fn transition(
        &self,
        entry_id: i64,
        row_version: i64,
        t: Transition,
        input: &TransitionInput,
    ) -> Result<Entry> {
        let action = if t.needs_supervisor() {
            Action::ListApprove
        } else {
            Action::ListPropose
        };
        self.require(action)?;
        let before = self.entry(entry_id)?;
        self.check(action, Self::entry_target(&before))?;
        let from = state_of(&before)?;
        let to = t.apply(from).ok_or_else(|| {
            ServiceError::Refused(
                Text::new(T::ErrPlTransition)
                    .arg_key("state", from.label())
                    .arg_key("action", t.label()),
            )
        })?;
        let reason = input.reason.trim().to_string();
        let mut issues = text_field("reason", T::PositiveListFieldReason, &reason, 500);
        if t.needs_reason() && reason.is_empty() {
            issues.push(FieldIssue::error(
                "reason",
                "required",
                Text::new(T::ErrPlReasonNeeded),
            ));
        }
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        let today = self.today();
        // An objection upheld after the notice ended is marked late in the timeline (its reason is
        // required like every objection's).
        let late = t == Transition::UpholdObjection
            && before
                .notice_end
                .is_some_and(|end| pl::notice_over(end.date(), today));
        let event = if late {
            pl::HistoryEvent::LateObjection.code()
        } else {
            ""
        };
        let policy = self.policy.positive_list();
        let cal = self.calendar()?;
        let mut x = before.clone();
        // Saved from the version the person saw: a change in between is a conflict.
        x.row_version = row_version;
        x.state = to.code().to_string();
        let mut criteria: Vec<CriterionRow> = Vec::new();
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            match t {
                Transition::StartNotice => {
                    let results = self.evaluate(before.enterprise_id)?;
                    if pl::has_failure(&results) && reason.is_empty() {
                        return Err(ServiceError::Invalid(vec![FieldIssue::error(
                            "reason",
                            "override",
                            Text::new(T::ErrPlOverrideNeeded),
                        )]));
                    }
                    criteria = results
                        .iter()
                        .map(|r| CriterionRow {
                            criterion: r.criterion.code().to_string(),
                            result: r.verdict.code().to_string(),
                            evidence: r.evidence.bilingual(),
                            checked_at: w.at(),
                        })
                        .collect();
                    x.override_reason = reason.clone();
                    x.notice_start = Some(Day::new(today));
                    x.notice_end = Some(Day::new(pl::notice_end(&cal, today, &policy).date));
                }
                Transition::Admit => {
                    let end = before.notice_end.ok_or(ServiceError::NotFound)?;
                    if !pl::notice_over(end.date(), today) {
                        return Err(ServiceError::Refused(
                            Text::new(T::ErrPlNoticeRunning).arg("date", end),
                        ));
                    }
                    x.listed_on = Some(Day::new(today));
                    x.review_due = Some(Day::new(pl::review_due(&cal, today, &policy).date));
                }
                Transition::UpholdObjection => x.removal_reason = reason.clone(),
                Transition::StartReview => {}
                Transition::PassReview => {
                    x.review_due = Some(Day::new(pl::review_due(&cal, today, &policy).date));
                }
                Transition::FailReview | Transition::Remove => {
                    x.removal_cause = input
                        .cause
                        .unwrap_or(RemovalCause::CriteriaLost)
                        .code()
                        .to_string();
                    x.removal_reason = reason.clone();
                    x.removal_proposal = String::new();
                    x.reapply_from = Some(Day::new(pl::reapply_from(today, &policy)));
                }
            }
            store::save_entry(w, &x, &actor.uid, now)?;
            store::set_list_status(w, x.enterprise_id, &x.state)?;
            let e = crate::store::enterprise::get(w, x.enterprise_id)?;
            w.audit("list_status", None, &e)?;
            if !criteria.is_empty() {
                store::replace_criteria(w, x.id, &criteria)?;
            }
            match t {
                Transition::StartReview => {
                    store::start_review(w, x.id, before.review_due, &actor.uid, now)?
                }
                Transition::PassReview => {
                    store::decide_review(w, x.id, "pass", &reason, &actor.uid, now)?
                }
                Transition::FailReview => {
                    store::decide_review(w, x.id, "fail", &reason, &actor.uid, now)?
                }
                _ => {}
            }
            // A supervisor's reason to start the notice despite failed criteria is the bureau's own.
            let visibility = if t == Transition::StartNotice && !reason.is_empty() {
                crate::domain::visibility::Visibility::Internal
            } else {
                crate::domain::visibility::Visibility::Public
            };
            crate::store::history::append_as(
                w,
                crate::store::history::Table::PositiveList,
                &crate::store::history::NewRow {
                    id: x.id,
                    event,
                    from: &before.state,
                    to: &x.state,
                    note: &reason,
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
                visibility,
            )?;
            let after = store::entry(w, x.id)?;
            w.audit("transition", Some(&before), &after)?;
            Ok(after)
        })
    }

    /// Hands `each` the current list for public notice as it is read: entries in the list or under
    /// review (unless `f` names a state), within the actor's scope.
    pub fn export_rows(
        &self,
        f: &EntryFilter,
        mut each: impl FnMut(&Entry) -> std::result::Result<(), db::StoreError>,
    ) -> Result<()> {
        self.require(Action::ListExport)?;
        let listed = |x: &Entry| {
            f.state.is_some() || EntryState::parse(&x.state).is_some_and(EntryState::is_listed)
        };
        store::for_each_entry(&self.conn, &self.enterprises().scope(), f, 1_000_000, |x| {
            if listed(&x) { each(&x) } else { Ok(()) }
        })?;
        Ok(())
    }

    /// Reviews due within 30 days, notices ending within 7 days (today included, ended ones not),
    /// notices over and awaiting a decision, and open removal proposals, within the actor's scope. Bureau roles only; enterprise accounts get zeros.
    pub fn counts(&self) -> Result<ListCounts> {
        self.require(Action::ListRead)?;
        if self.actor.roles.iter().all(|r| *r == Role::Enterprise) {
            return Ok(ListCounts::default());
        }
        let today = self.today();
        let scope = self.enterprises().scope();
        let n = |f: EntryFilter| -> Result<i64> {
            Ok(store::entries(&self.conn, &scope, &f, 100_000)?.len() as i64)
        };
        Ok(ListCounts {
            reviews_due: n(EntryFilter {
                review_due_by: Some(Day::new(
                    today + chrono::Duration::days(REVIEW_WARNING_DAYS),
                )),
                ..EntryFilter::default()
            })?,
            notices_ending: n(EntryFilter {
                notice_ends_from: Some(Day::new(today)),
                notice_ends_by: Some(Day::new(
                    today + chrono::Duration::days(NOTICE_WARNING_DAYS),
                )),
                ..EntryFilter::default()
            })?,
            notices_over: n(EntryFilter {
                notice_ends_by: Some(Day::new(today - chrono::Duration::days(1))),
                ..EntryFilter::default()
            })?,
            removal_proposals: n(EntryFilter {
                pending_removal: true,
                ..EntryFilter::default()
            })?,
        })
    }
}
