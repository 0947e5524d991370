//! Demo 正面清单: three batches with entries in every state, dated relative to today, so a supervisor
//! finds notices to close, reviews coming due, triggers and removals. Written directly (the demo actor
//! is the system), with history and audit entries as the service would write them.

use crate::domain::account::Actor;
use crate::domain::calendar::Calendar;
use crate::domain::positive_list::{self as pl, EntryState, ListPolicy};
use crate::domain::time::{Day, Instant};
use crate::service::positive_list::facts_of;
use crate::store::positive_list::{self as store, CriterionRow, NewEntry, NewTrigger};
use crate::store::{audit, db, enterprise as enterprises, history};
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Transaction;

/// One demo entry: batch index, state, days since the notice started (entries that reached the list:
/// days since listing).
struct Spec {
    batch: usize,
    state: EntryState,
    days_ago: i64,
    applied: bool,
}

const SPECS: &[Spec] = &[
    // Last year's batch: reviews coming due, one under review, one removed.
    spec(0, EntryState::Listed, 352, false),
    spec(0, EntryState::Listed, 342, true),
    spec(0, EntryState::Listed, 300, false),
    spec(0, EntryState::Review, 366, false),
    spec(0, EntryState::Removed, 330, false),
    // This year's first batch: listed.
    spec(1, EntryState::Listed, 100, false),
    spec(1, EntryState::Listed, 100, false),
    spec(1, EntryState::Listed, 98, true),
    // This year's second batch: notices over or running, a rejection, candidates.
    spec(2, EntryState::Notice, 12, false),
    spec(2, EntryState::Notice, 11, false),
    spec(2, EntryState::Notice, 1, true),
    spec(2, EntryState::Rejected, 12, false),
    spec(2, EntryState::Candidate, 0, false),
    spec(2, EntryState::Candidate, 0, true),
    spec(2, EntryState::Candidate, 0, false),
];

const fn spec(batch: usize, state: EntryState, days_ago: i64, applied: bool) -> Spec {
    Spec {
        batch,
        state,
        days_ago,
        applied,
    }
}

const MEANS: &str = "自动监控、用电监控、视频监控";

fn d(day: NaiveDate) -> Option<Day> {
    Some(Day::new(day))
}

/// Appends the audit entry of a row written here below the record types: its image as `check` reads it.
fn audit_row(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: &str,
    action: &str,
    entity: &str,
    uid: &str,
) -> db::Result<()> {
    let after = crate::store::check::rows::row_image(tx, entity, uid)?;
    audit::append(
        tx,
        actor,
        now,
        audit::Change {
            action,
            entity,
            record_uid: uid,
            before: None,
            after: after.as_ref(),
        },
    )?;
    Ok(())
}

/// Writes the demo list into `tx`, using operating enterprises after the hand-made ones (the demo
/// enterprise account keeps its enterprise off the list, so it can apply itself).
pub fn write(
    tx: &Transaction<'_>,
    actor: &Actor,
    (now, at): (&str, Instant),
    today: NaiveDate,
    cal: &Calendar,
    skip: usize,
) -> db::Result<()> {
    let p = ListPolicy::default();
    let y = today.year();
    let names = [
        format!("{}年第1批", y - 1),
        format!("{y}年第1批"),
        format!("{y}年第2批"),
    ];
    let mut batch_ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let uid = db::new_uid();
        let year = if i == 0 { y - 1 } else { y };
        batch_ids.push(store::insert_batch(
            tx,
            &uid,
            name,
            i64::from(year),
            "",
            &actor.uid,
            now,
        )?);
        audit_row(tx, actor, now, "create", "pl_batch", &uid)?;
    }
    let ids = store::operating_enterprise_ids(tx, skip, SPECS.len())?;
    for (s, enterprise_id) in SPECS.iter().zip(ids) {
        let uid = db::new_uid();
        let origin = if s.applied { "applied" } else { "proposed" };
        let new = NewEntry {
            uid: &uid,
            enterprise_id,
            batch_id: batch_ids[s.batch],
            origin,
            offsite_means: MEANS,
            apply_note: "",
            apply_contact: "",
        };
        let id = store::insert_entry(tx, &new, &actor.uid, now)?;
        let mut x = store::entry(tx, id)?;
        let reached_list = matches!(
            s.state,
            EntryState::Listed | EntryState::Review | EntryState::Removed
        );
        // Listed entries had their notice about two weeks before listing.
        let listed = today - Duration::days(s.days_ago);
        let start = if reached_list {
            listed - Duration::days(14)
        } else {
            listed
        };
        let mut steps = vec![("", EntryState::Candidate, String::new())];
        if s.state != EntryState::Candidate {
            let e = enterprises::get(tx, enterprise_id)?;
            let since = crate::service::positive_list::period_start(start, p.lookback_years);
            let results = pl::evaluate(&facts_of(tx, &e, since)?, start, &p);
            let rows: Vec<CriterionRow> = results
                .iter()
                .map(|r| CriterionRow {
                    criterion: r.criterion.code().to_string(),
                    result: r.verdict.code().to_string(),
                    evidence: r.evidence.bilingual(),
                    checked_at: at,
                })
                .collect();
            store::replace_criteria(tx, id, &rows)?;
            if pl::has_failure(&results) {
                x.override_reason = "已现场核实，条件满足".to_string();
            }
            x.notice_start = d(start);
            x.notice_end = d(pl::notice_end(cal, start, &p).date);
            steps.push(("candidate", EntryState::Notice, x.override_reason.clone()));
        }
        match s.state {
            EntryState::Rejected => {
                x.removal_reason = "公示期间收到群众异议，经核实成立".to_string();
                steps.push(("notice", EntryState::Rejected, x.removal_reason.clone()));
            }
            EntryState::Listed | EntryState::Review | EntryState::Removed => {
                x.listed_on = d(listed);
                x.review_due = d(pl::review_due(cal, listed, &p).date);
                steps.push(("notice", EntryState::Listed, String::new()));
            }
            _ => {}
        }
        if s.state == EntryState::Review {
            store::start_review(tx, id, x.review_due, &actor.uid, now)?;
            steps.push(("listed", EntryState::Review, String::new()));
        }
        if s.state == EntryState::Removed {
            let t = NewTrigger {
                uid: &db::new_uid(),
                entry_id: id,
                kind: "complaint",
                reference: "12369-2026-0815",
                occurred_on: Day::new(today - Duration::days(40)),
                handling: "removal",
                note: "夜间异味投诉，经核查属实",
            };
            store::insert_trigger(tx, &t, &actor.uid, now)?;
            audit_row(tx, actor, now, "create", "pl_trigger", t.uid)?;
            x.removal_cause = "complaint".to_string();
            x.removal_reason = "投诉举报查实，超标排放".to_string();
            x.reapply_from = d(pl::reapply_from(today - Duration::days(30), &p));
            steps.push(("listed", EntryState::Removed, x.removal_reason.clone()));
        } else if s.state == EntryState::Listed && s.days_ago == 300 {
            let t = NewTrigger {
                uid: &db::new_uid(),
                entry_id: id,
                kind: "monitoring_alarm",
                reference: "ALM-371500-0932",
                occurred_on: Day::new(today - Duration::days(20)),
                handling: "offsite",
                note: "非现场核查：仪表校准期间数据异常，已排除",
            };
            store::insert_trigger(tx, &t, &actor.uid, now)?;
            audit_row(tx, actor, now, "create", "pl_trigger", t.uid)?;
        }
        x.state = s.state.code().to_string();
        store::save_entry(tx, &x, &actor.uid, now)?;
        store::set_list_status(tx, enterprise_id, s.state.code())?;
        let enterprise_uid: String = tx.query_row(
            "SELECT uid FROM enterprise WHERE id = ?1",
            [enterprise_id],
            |r| r.get(0),
        )?;
        audit_row(tx, actor, now, "list_status", "enterprise", &enterprise_uid)?;
        for (from, to, reason) in steps {
            history::append(
                tx,
                history::Table::PositiveList,
                &history::NewRow {
                    id,
                    // The creation names how the entry came about.
                    event: if from.is_empty() { origin } else { "" },
                    from,
                    to: to.code(),
                    note: &reason,
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
        }
        let after = serde_json::to_value(store::entry(tx, id)?).unwrap_or_default();
        audit::append(
            tx,
            actor,
            now,
            audit::Change {
                action: "create",
                entity: "pl_entry",
                record_uid: &uid,
                before: None,
                after: Some(&after),
            },
        )?;
    }
    Ok(())
}
