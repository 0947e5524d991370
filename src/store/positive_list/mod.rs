//! 正面清单 tables: entries and the state history here; batches in `batch`, criteria results, reviews and
//! trigger events in `review`.
//! Entries are always read joined with their enterprise and batch, so screens and exports need one query.

use crate::domain::time::{Day, Instant};
use crate::store::db::{Result, StoreError};
use crate::store::enterprise::Scope;
use crate::store::sql::Where;
use crate::store::time::{BlankDay, blank_day};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};
use serde::Serialize;

mod batch;
mod review;

pub use batch::{Batch, batch, batch_by_name, batches, insert_batch};
pub use review::{
    CriterionRow, NewTrigger, TriggerRow, criteria, decide_review, insert_trigger,
    replace_criteria, start_review, triggers,
};

/// An entry with what every screen shows of its enterprise and batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: i64,
    pub uid: String,
    pub enterprise_id: i64,
    pub batch_id: i64,
    pub state: String,
    pub origin: String,
    #[serde(with = "crate::domain::time::blank_day")]
    pub notice_start: Option<Day>,
    #[serde(with = "crate::domain::time::blank_day")]
    pub notice_end: Option<Day>,
    #[serde(with = "crate::domain::time::blank_day")]
    pub listed_on: Option<Day>,
    #[serde(with = "crate::domain::time::blank_day")]
    pub review_due: Option<Day>,
    pub override_reason: String,
    pub removal_cause: String,
    pub removal_reason: String,
    pub removal_proposal: String,
    #[serde(with = "crate::domain::time::blank_day")]
    pub reapply_from: Option<Day>,
    pub offsite_means: String,
    /// What the enterprise wrote when it applied itself, and whom to contact about it.
    pub apply_note: String,
    pub apply_contact: String,
    pub row_version: i64,
    pub created_at: Instant,
    pub updated_at: Instant,
    pub enterprise_name: String,
    pub uscc: String,
    pub region_code: String,
    pub batch_name: String,
}

pub use crate::store::history::Row as HistoryRow;

/// Which entries a list shows; empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub batch_id: Option<i64>,
    pub state: Option<String>,
    pub region: Option<String>,
    pub enterprise_id: Option<i64>,
    /// Listed entries whose review is due on or before this day.
    pub review_due_by: Option<Day>,
    /// Entries under notice whose notice ends on or before this date.
    pub notice_ends_by: Option<Day>,
    /// Entries under notice whose notice ends on or after this date (not yet over).
    pub notice_ends_from: Option<Day>,
    /// Entries with a removal proposal awaiting a supervisor (not yet removed).
    pub pending_removal: bool,
    /// The `/` find: the enterprise's name, pinyin initials or USCC (as the register searches).
    pub find: String,
}

const ENTRY_COLS: &str = "x.id, x.uid, x.enterprise_id, x.batch_id, x.state, x.origin, x.notice_start, \
    x.notice_end, x.listed_on, x.review_due, x.override_reason, x.removal_cause, x.removal_reason, x.removal_proposal, x.reapply_from, \
    x.offsite_means, x.row_version, x.created_at, x.updated_at, e.name, e.uscc, e.region_code, b.name, \
    x.apply_note, x.apply_contact";

fn entry_row(r: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: r.get(0)?,
        uid: r.get(1)?,
        enterprise_id: r.get(2)?,
        batch_id: r.get(3)?,
        state: r.get(4)?,
        origin: r.get(5)?,
        notice_start: blank_day(r, 6)?,
        notice_end: blank_day(r, 7)?,
        listed_on: blank_day(r, 8)?,
        review_due: blank_day(r, 9)?,
        override_reason: r.get(10)?,
        removal_cause: r.get(11)?,
        removal_reason: r.get(12)?,
        removal_proposal: r.get(13)?,
        reapply_from: blank_day(r, 14)?,
        offsite_means: r.get(15)?,
        row_version: r.get(16)?,
        created_at: r.get(17)?,
        updated_at: r.get(18)?,
        enterprise_name: r.get(19)?,
        uscc: r.get(20)?,
        region_code: r.get(21)?,
        batch_name: r.get(22)?,
        apply_note: r.get(23)?,
        apply_contact: r.get(24)?,
    })
}

/// The live enterprises in scope.
pub(super) fn scope_terms(scope: &Scope) -> Where {
    let mut w = Where::new("e.deleted_at IS NULL");
    if let Some(r) = &scope.region {
        w.and("e.region_code = ?", [SqlValue::Text(r.clone())]);
    }
    if let Some(id) = scope.enterprise_id {
        w.and("e.id = ?", [SqlValue::Integer(id)]);
    }
    w
}

/// Entries in `scope` matching `f`, by batch (newest first), then region and enterprise name.
pub fn entries(
    conn: &Connection,
    scope: &Scope,
    f: &EntryFilter,
    limit: usize,
) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for_each_entry(conn, scope, f, limit, |x| {
        out.push(x);
        Ok(())
    })?;
    Ok(out)
}

/// Hands each entry of `entries` to `each` as it is read, so an export holds one row at a time.
pub fn for_each_entry(
    conn: &Connection,
    scope: &Scope,
    f: &EntryFilter,
    limit: usize,
    mut each: impl FnMut(Entry) -> Result<()>,
) -> Result<()> {
    let mut w = scope_terms(scope);
    if let Some(b) = f.batch_id {
        w.and("x.batch_id = ?", [SqlValue::Integer(b)]);
    }
    if let Some(s) = &f.state {
        w.and("x.state = ?", [SqlValue::Text(s.clone())]);
    }
    if let Some(r) = &f.region {
        w.and("e.region_code = ?", [SqlValue::Text(r.clone())]);
    }
    if let Some(id) = f.enterprise_id {
        w.and("x.enterprise_id = ?", [SqlValue::Integer(id)]);
    }
    if let Some(d) = f.review_due_by {
        w.and(
            "x.state = 'listed' AND x.review_due <> '' AND x.review_due <= ?",
            [SqlValue::Text(d.to_string())],
        );
    }
    if let Some(d) = f.notice_ends_by {
        w.and(
            "x.state = 'notice' AND x.notice_end <= ?",
            [SqlValue::Text(d.to_string())],
        );
    }
    if let Some(d) = &f.notice_ends_from {
        w.and(
            "x.state = 'notice' AND x.notice_end >= ?",
            [SqlValue::Text(d.to_string())],
        );
    }
    if f.pending_removal {
        w.and("x.removal_proposal <> '' AND x.state <> 'removed'", []);
    }
    if let Some((cond, v)) =
        crate::store::enterprise::list::enterprise_match("x.enterprise_id", &f.find)
    {
        w.and(&cond, [v]);
    }
    let limit = w.param(SqlValue::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let (wh, args) = w.finish();
    let sql = format!(
        "SELECT {ENTRY_COLS} FROM pl_entry x JOIN enterprise e ON e.id = x.enterprise_id \
         JOIN pl_batch b ON b.id = x.batch_id WHERE {wh} \
         ORDER BY b.year DESC, b.name DESC, e.region_code, e.name, x.id LIMIT {limit}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        each(entry_row(r)?)?;
    }
    Ok(())
}

pub fn entry(conn: &Connection, id: i64) -> Result<Entry> {
    let sql = format!(
        "SELECT {ENTRY_COLS} FROM pl_entry x JOIN enterprise e ON e.id = x.enterprise_id \
         JOIN pl_batch b ON b.id = x.batch_id WHERE x.id = ?1"
    );
    conn.query_row(&sql, [id], entry_row)
        .optional()?
        .ok_or(StoreError::NotFound)
}

/// The enterprise's entries, newest first (the 360° view and the open-entry and cool-down rules).
pub fn entries_of(conn: &Connection, enterprise_id: i64) -> Result<Vec<Entry>> {
    let sql = format!(
        "SELECT {ENTRY_COLS} FROM pl_entry x JOIN enterprise e ON e.id = x.enterprise_id \
         JOIN pl_batch b ON b.id = x.batch_id WHERE x.enterprise_id = ?1 ORDER BY x.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map([enterprise_id], entry_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A new candidate entry.
pub struct NewEntry<'a> {
    pub uid: &'a str,
    pub enterprise_id: i64,
    pub batch_id: i64,
    pub origin: &'a str,
    pub offsite_means: &'a str,
    pub apply_note: &'a str,
    pub apply_contact: &'a str,
}

pub fn insert_entry(conn: &Connection, e: &NewEntry<'_>, by: &str, at: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO pl_entry (uid, enterprise_id, batch_id, state, origin, offsite_means, created_at, \
         created_by, updated_at, updated_by, apply_note, apply_contact) \
         VALUES (?1, ?2, ?3, 'candidate', ?4, ?5, ?6, ?7, ?6, ?7, ?8, ?9)",
        params![
            e.uid,
            e.enterprise_id,
            e.batch_id,
            e.origin,
            e.offsite_means,
            at,
            by,
            e.apply_note,
            e.apply_contact
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes an entry's changed fields from `row_version`; a concurrent change is a conflict.
pub fn save_entry(conn: &Connection, x: &Entry, by: &str, at: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE pl_entry SET state = ?3, notice_start = ?4, notice_end = ?5, listed_on = ?6, \
         review_due = ?7, override_reason = ?8, removal_reason = ?9, reapply_from = ?10, \
         offsite_means = ?11, row_version = row_version + 1, updated_at = ?12, updated_by = ?13, \
         removal_cause = ?14, removal_proposal = ?15 \
         WHERE id = ?1 AND row_version = ?2",
        params![
            x.id,
            x.row_version,
            x.state,
            BlankDay(x.notice_start),
            BlankDay(x.notice_end),
            BlankDay(x.listed_on),
            BlankDay(x.review_due),
            x.override_reason,
            x.removal_reason,
            BlankDay(x.reapply_from),
            x.offsite_means,
            at,
            by,
            x.removal_cause,
            x.removal_proposal
        ],
    )?;
    if n == 0 {
        let (by, at): (String, String) = conn.query_row(
            "SELECT updated_by, updated_at FROM pl_entry WHERE id = ?1",
            [x.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        return Err(StoreError::Conflict { by, at });
    }
    Ok(())
}

/// Keeps the register's `list_status` in step with the entry state.
pub fn set_list_status(conn: &Connection, enterprise_id: i64, code: &str) -> Result<()> {
    conn.execute(
        "UPDATE enterprise SET list_status = ?2 WHERE id = ?1",
        params![enterprise_id, code],
    )?;
    Ok(())
}

/// Every state change of an enterprise's entries, oldest first, with the batch of each.
pub fn history_of_enterprise(
    conn: &Connection,
    enterprise_id: i64,
) -> Result<Vec<(String, HistoryRow)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.name, h.event, h.from_state, h.to_state, h.reason, h.at, h.by_name, h.visibility FROM pl_history h
         JOIN pl_entry x ON x.id = h.entry_id JOIN pl_batch b ON b.id = x.batch_id
         WHERE x.enterprise_id = ?1 ORDER BY h.id",
    )?;
    let rows = stmt
        .query_map([enterprise_id], |r| {
            Ok((r.get(0)?, HistoryRow::read(r, 1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Operating enterprises in id order, after the first `skip` (the demo's hand-made ones).
pub fn operating_enterprise_ids(conn: &Connection, skip: usize, limit: usize) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM enterprise WHERE deleted_at IS NULL AND status = 'operating' \
         ORDER BY id LIMIT ?1 OFFSET ?2",
    )?;
    let rows = stmt
        .query_map(
            params![
                i64::try_from(limit).unwrap_or(0),
                i64::try_from(skip).unwrap_or(0)
            ],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The enterprise's 立案 records on or after `since` (`YYYY-MM-DD`), oldest first, as (number, day):
/// cases transferred from its inspections (the case number and the day the case was approved), and
/// inspections proposed for 立案 and not transferred yet (the inspection number and its day).
pub fn cases_since(
    conn: &Connection,
    enterprise_id: i64,
    since: &str,
) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.case_number, c.approved_on FROM insp_case c JOIN inspection i ON i.id = c.inspection_id
         WHERE i.enterprise_id = ?1 AND i.deleted_at IS NULL AND c.approved_on >= ?2
         UNION ALL
         SELECT i.number, i.planned_on FROM inspection i
         WHERE i.enterprise_id = ?1 AND i.deleted_at IS NULL AND i.state = 'case_proposed'
           AND i.planned_on >= ?2 AND NOT EXISTS (SELECT 1 FROM insp_case c WHERE c.inspection_id = i.id)
         ORDER BY 2, 1",
    )?;
    let rows = stmt.query_map(params![enterprise_id, since], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The enterprise's environmental incidents (突发事件 trigger events recorded against any of its
/// entries) on or after `since`, oldest first, as (source reference, day).
pub fn incidents_since(
    conn: &Connection,
    enterprise_id: i64,
    since: &str,
) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.reference, t.occurred_on FROM pl_trigger t JOIN pl_entry x ON x.id = t.entry_id
         WHERE x.enterprise_id = ?1 AND t.kind = 'emergency' AND t.occurred_on >= ?2
         ORDER BY t.occurred_on, t.id",
    )?;
    let rows = stmt.query_map(params![enterprise_id, since], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
