//! 点单式帮扶 writes beyond the transitions: service records, the automatic close of unrated requests,
//! and `apply`, the columns and side records each event changes (shared with `assist_transition`).

use crate::domain::account::{Action, Actor, Target};
use crate::domain::assistance::sla::rating_lapsed;
use crate::domain::assistance::{AssistanceState, CloseKind, Event, EventInput, Rating};
use crate::domain::time::Instant;
use crate::domain::time_rules::{Stamp, not_before};
use crate::domain::validate::{FieldIssue, required};
use crate::i18n::{T, Text};
use crate::service::assistance::local_date;
use crate::service::{Result, ServiceError, Writer};
use crate::store::assistance::{self as store, Request, ServiceRecord};
use crate::store::db;
use chrono::NaiveDate;
use rusqlite::Transaction;

impl crate::service::Assistance<'_> {
    /// Records a service given (help, never enforcement evidence) on a request being handled.
    pub fn record_service(&self, id: i64, mut rec: ServiceRecord) -> Result<()> {
        let r = self.get(id)?;
        let cohandlers = store::cohandlers(&self.conn, id)?;
        self.may(Event::Complete, &r, &cohandlers)?;
        if !matches!(
            r.state,
            AssistanceState::InProgress | AssistanceState::Suspended
        ) {
            return Err(ServiceError::Refused(
                Text::new(T::ErrAssistTransition)
                    .arg_key("event", T::AssistanceActionRecord)
                    .arg_key("state", r.state.label()),
            ));
        }
        rec.content = crate::domain::text::normalize_text(&rec.content);
        rec.service_date = rec.service_date.trim().to_string();
        let mut issues: Vec<FieldIssue> =
            required("content", T::AssistanceFieldContent, &rec.content)
                .into_iter()
                .collect();
        match NaiveDate::parse_from_str(&rec.service_date, "%Y-%m-%d") {
            Err(_) => issues.push(FieldIssue::error(
                "service_date",
                "date_format",
                Text::new(T::ErrAssistDateFormat).arg_key("field", T::AssistanceFieldServiceDate),
            )),
            // Between the filing of the request and now.
            Ok(d) => {
                let served = Stamp::new(
                    "service_date",
                    T::AssistanceFieldServiceDate,
                    crate::domain::time::Day::new(d),
                );
                issues.extend(self.time_now().happened(served));
                if let Some(filed) = r.submitted_at {
                    issues.extend(not_before(
                        served,
                        Stamp::new("submitted_at", T::AssistanceFieldFiledOn, filed.local_day()),
                    ));
                }
            }
        }
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        let uid = db::new_uid();
        self.write(|w| {
            store::insert_record(w, id, &uid, &rec, &w.actor().uid, w.now())?;
            let after = serde_json::json!({ "request": r.uid, "record": rec });
            w.audit_json("create", "assist_record", &uid, None, Some(&after))?;
            Ok(())
        })
    }

    /// Closes, as 未评价, every request whose rating period has lapsed. Policy enforcement, not a
    /// decision of the person logged in: the history and audit name the system. Returns how many of the
    /// closed requests are in the actor's scope.
    pub fn auto_close(&self) -> Result<usize> {
        let cal = self.calendar()?;
        let today = self.today();
        let budgets = self.budgets();
        let lapsed = |conn: &rusqlite::Connection| -> db::Result<Vec<i64>> {
            Ok(store::awaiting_rating(conn)?
                .into_iter()
                .filter(|(_, at)| {
                    local_date(at).is_some_and(|d| rating_lapsed(d, &budgets, &cal, today))
                })
                .map(|(id, _)| id)
                .collect())
        };
        // Read once without the write lock, so the usual nothing-to-do costs no lock.
        if lapsed(&self.conn)?.is_empty() {
            return Ok(0);
        }
        let system = Actor::system();
        let closed = Writer::run(&self.conn, &system, Instant::new(self.now()), |w| {
            let (tx, now) = (w.tx(), w.now());
            let mut closed = Vec::new();
            for id in &lapsed(tx)? {
                let before = store::get(tx, *id)?;
                let mut r = before.clone();
                r.state = AssistanceState::Closed;
                apply(
                    tx,
                    &mut r,
                    Event::AutoClose,
                    &EventInput::default(),
                    &system.uid,
                    w.at(),
                )?;
                store::save(tx, &r, &system.uid, now)?;
                crate::service::assistance::queue::refresh_alert_dates(tx, *id, &budgets, &cal)?;
                crate::store::history::append(
                    tx,
                    crate::store::history::Table::Assistance,
                    &crate::store::history::NewRow {
                        id: *id,
                        event: Event::AutoClose.code(),
                        from: before.state.code(),
                        to: AssistanceState::Closed.code(),
                        note: "",
                        at: now,
                        by_uid: &system.uid,
                        by_name: &system.display_name,
                    },
                )?;
                let after = store::get(tx, *id)?;
                w.audit("transition", Some(&before), &after)?;
                closed.push(after);
            }
            Ok(closed)
        })?;
        Ok(closed
            .iter()
            .filter(|r| {
                self.check(
                    Action::AssistanceRead,
                    Target::record(&r.region_code, r.enterprise_id),
                )
                .is_ok()
            })
            .count())
    }
}

/// Sets the columns an event changes and writes its side records; returns the history note.
pub(in crate::service) fn apply(
    tx: &Transaction<'_>,
    r: &mut Request,
    event: Event,
    input: &EventInput,
    actor_uid: &str,
    at: Instant,
) -> crate::store::db::Result<String> {
    let now_s = Some(at);
    let now = &at.to_string();
    let close = |r: &mut Request, kind: CloseKind, reason: &str| {
        r.close_kind = Some(kind);
        r.close_reason = reason.to_string();
        r.closed_at = now_s;
    };
    Ok(match event {
        Event::Submit => {
            r.submitted_at = now_s;
            String::new()
        }
        Event::Accept => {
            r.accepted_at = now_s;
            r.clock_started_at = now_s;
            String::new()
        }
        Event::Refuse => {
            close(r, CloseKind::Refused, &input.reason);
            input.reason.clone()
        }
        Event::Forward => {
            close(r, CloseKind::Forwarded, &input.reason);
            input.reason.clone()
        }
        Event::Withdraw => {
            store::close_suspension(tx, r.id, now)?;
            close(r, CloseKind::Withdrawn, &input.reason);
            input.reason.clone()
        }
        Event::Assign => {
            r.handler_id = input.handler;
            r.assigned_at = now_s;
            store::set_cohandlers(tx, r.id, &cohandlers(input))?;
            String::new()
        }
        Event::Suspend => {
            store::open_suspension(tx, r.id, &input.reason, actor_uid, now)?;
            input.reason.clone()
        }
        Event::Resume => {
            store::close_suspension(tx, r.id, now)?;
            String::new()
        }
        Event::Complete => {
            r.outcome = input.outcome;
            r.closing_opinion = input.opinion.clone();
            r.completed_at = now_s;
            input.opinion.clone()
        }
        Event::Reassign => {
            r.handler_id = input.handler;
            store::set_cohandlers(tx, r.id, &cohandlers(input))?;
            input.reason.clone()
        }
        Event::Rate | Event::PhoneRate => {
            let rating = input.rating.unwrap_or(Rating::Unrated);
            r.rating = Some(rating);
            let channel = if event == Event::PhoneRate {
                "phone"
            } else {
                "self"
            };
            store::insert_evaluation(
                tx,
                &store::NewEvaluation {
                    request_id: r.id,
                    rating,
                    comment: &input.comment,
                    revisit: &input.revisit,
                    channel,
                },
                actor_uid,
                now,
            )?;
            if rating.is_poor() {
                // Reopened: the completion clock starts again.
                r.reopen_count += 1;
                r.clock_started_at = now_s;
                r.completed_at = None;
                // The earlier result and opinion stay in the timeline; the request is open again.
                r.outcome = None;
                r.closing_opinion = String::new();
                format!("{} {}", input.comment, input.revisit)
                    .trim()
                    .to_string()
            } else {
                close(r, CloseKind::Rated, "");
                input.comment.clone()
            }
        }
        Event::AutoClose => {
            r.rating = Some(Rating::Unrated);
            close(r, CloseKind::Unrated, "");
            String::new()
        }
    })
}

/// The co-handlers chosen, without the handler (ticked twice by mistake).
fn cohandlers(input: &EventInput) -> Vec<i64> {
    input
        .cohandlers
        .iter()
        .copied()
        .filter(|c| Some(*c) != input.handler)
        .collect()
}
