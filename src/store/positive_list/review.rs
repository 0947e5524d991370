//! 正面清单 criteria results, reviews and trigger events of an entry.

use crate::domain::time::{Day, Instant};
use crate::store::db::Result;
use crate::store::time::BlankDay;
use rusqlite::{Connection, params};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionRow {
    pub criterion: String,
    pub result: String,
    pub evidence: String,
    pub checked_at: Instant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TriggerRow {
    pub id: i64,
    pub uid: String,
    pub kind: String,
    pub reference: String,
    pub occurred_on: Day,
    pub handling: String,
    pub note: String,
    pub recorded_at: Instant,
    pub recorded_by: String,
}

pub fn replace_criteria(conn: &Connection, entry_id: i64, rows: &[CriterionRow]) -> Result<()> {
    conn.execute("DELETE FROM pl_criterion WHERE entry_id = ?1", [entry_id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO pl_criterion (entry_id, criterion, result, evidence, checked_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in rows {
        stmt.execute(params![
            entry_id,
            r.criterion,
            r.result,
            r.evidence,
            r.checked_at
        ])?;
    }
    Ok(())
}

pub fn criteria(conn: &Connection, entry_id: i64) -> Result<Vec<CriterionRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT criterion, result, evidence, checked_at FROM pl_criterion WHERE entry_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([entry_id], |r| {
            Ok(CriterionRow {
                criterion: r.get(0)?,
                result: r.get(1)?,
                evidence: r.get(2)?,
                checked_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub struct NewTrigger<'a> {
    pub uid: &'a str,
    pub entry_id: i64,
    pub kind: &'a str,
    pub reference: &'a str,
    pub occurred_on: Day,
    pub handling: &'a str,
    pub note: &'a str,
}

pub fn insert_trigger(conn: &Connection, t: &NewTrigger<'_>, by: &str, at: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO pl_trigger (uid, entry_id, kind, reference, occurred_on, handling, note, recorded_at, \
         recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![t.uid, t.entry_id, t.kind, t.reference, t.occurred_on, t.handling, t.note, at, by],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn triggers(conn: &Connection, entry_id: i64) -> Result<Vec<TriggerRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, uid, kind, reference, occurred_on, handling, note, recorded_at, recorded_by \
         FROM pl_trigger WHERE entry_id = ?1 ORDER BY occurred_on, id",
    )?;
    let rows = stmt
        .query_map([entry_id], |r| {
            Ok(TriggerRow {
                id: r.get(0)?,
                uid: r.get(1)?,
                kind: r.get(2)?,
                reference: r.get(3)?,
                occurred_on: r.get(4)?,
                handling: r.get(5)?,
                note: r.get(6)?,
                recorded_at: r.get(7)?,
                recorded_by: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Opens a review of the entry, due on the entry's review day (`''` when it has none).
pub fn start_review(
    conn: &Connection,
    entry_id: i64,
    due: Option<Day>,
    by: &str,
    at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO pl_review (entry_id, due, started_at, started_by) VALUES (?1, ?2, ?3, ?4)",
        params![entry_id, BlankDay(due), at, by],
    )?;
    Ok(())
}

/// Records the outcome of the entry's open review.
pub fn decide_review(
    conn: &Connection,
    entry_id: i64,
    outcome: &str,
    note: &str,
    by: &str,
    at: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE pl_review SET outcome = ?2, note = ?3, decided_at = ?4, decided_by = ?5 \
         WHERE entry_id = ?1 AND outcome = ''",
        params![entry_id, outcome, note, at, by],
    )?;
    Ok(())
}
