//! 正面清单 tables: batches, entries, criteria results, reviews, trigger events and the state history.
//! Entries are always read joined with their enterprise and batch, so screens and exports need one query.

use crate::domain::time::{Day, Instant};
use crate::store::db::{Result, StoreError};
use crate::store::enterprise::Scope;
use crate::store::sql::Where;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Batch {
    pub id: i64,
    pub uid: String,
    pub name: String,
    pub year: i64,
    pub note: String,
    pub created_at: Instant,
    /// Entries per state code, for the batches screen.
    #[serde(skip)]
    pub counts: Vec<(String, i64)>,
}

/// An entry with what every screen shows of its enterprise and batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: i64,
    pub uid: String,
    pub enterprise_id: i64,
    pub batch_id: i64,
    pub state: String,
    pub origin: String,
    pub notice_start: String,
    pub notice_end: String,
    pub listed_on: String,
    pub review_due: String,
    pub override_reason: String,
    pub removal_cause: String,
    pub removal_reason: String,
    pub removal_proposal: String,
    pub reapply_from: String,
    pub offsite_means: String,
    pub row_version: i64,
    pub created_at: Instant,
    pub updated_at: Instant,
    pub enterprise_name: String,
    pub uscc: String,
    pub region_code: String,
    pub batch_name: String,
}

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

pub use crate::store::history::Row as HistoryRow;

/// Which entries a list shows; empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub batch_id: Option<i64>,
    pub state: Option<String>,
    pub region: Option<String>,
    pub enterprise_id: Option<i64>,
    /// Listed entries whose review is due on or before this date (YYYY-MM-DD).
    pub review_due_by: Option<String>,
    /// Entries under notice whose notice ends on or before this date.
    pub notice_ends_by: Option<String>,
    /// Entries with a removal proposal awaiting a supervisor (not yet removed).
    pub pending_removal: bool,
    /// The `/` find: the enterprise's name, pinyin initials or USCC (as the register searches).
    pub find: String,
}

const ENTRY_COLS: &str = "x.id, x.uid, x.enterprise_id, x.batch_id, x.state, x.origin, x.notice_start, \
    x.notice_end, x.listed_on, x.review_due, x.override_reason, x.removal_cause, x.removal_reason, x.removal_proposal, x.reapply_from, \
    x.offsite_means, x.row_version, x.created_at, x.updated_at, e.name, e.uscc, e.region_code, b.name";

fn entry_row(r: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: r.get(0)?,
        uid: r.get(1)?,
        enterprise_id: r.get(2)?,
        batch_id: r.get(3)?,
        state: r.get(4)?,
        origin: r.get(5)?,
        notice_start: r.get(6)?,
        notice_end: r.get(7)?,
        listed_on: r.get(8)?,
        review_due: r.get(9)?,
        override_reason: r.get(10)?,
        removal_cause: r.get(11)?,
        removal_reason: r.get(12)?,
        removal_proposal: r.get(13)?,
        reapply_from: r.get(14)?,
        offsite_means: r.get(15)?,
        row_version: r.get(16)?,
        created_at: r.get(17)?,
        updated_at: r.get(18)?,
        enterprise_name: r.get(19)?,
        uscc: r.get(20)?,
        region_code: r.get(21)?,
        batch_name: r.get(22)?,
    })
}

pub fn insert_batch(
    conn: &Connection,
    uid: &str,
    name: &str,
    year: i64,
    note: &str,
    by: &str,
    at: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO pl_batch (uid, name, year, note, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![uid, name, year, note, at, by],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn batch_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM pl_batch WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Every batch, newest first, with its entries counted per state within `scope`.
pub fn batches(conn: &Connection, scope: &Scope) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, uid, name, year, note, created_at FROM pl_batch ORDER BY year DESC, name DESC, id DESC",
    )?;
    let mut out: Vec<Batch> = stmt
        .query_map([], |r| {
            Ok(Batch {
                id: r.get(0)?,
                uid: r.get(1)?,
                name: r.get(2)?,
                year: r.get(3)?,
                note: r.get(4)?,
                created_at: r.get(5)?,
                counts: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (wh, args) = scope_terms(scope).finish();
    let sql = format!(
        "SELECT x.batch_id, x.state, count(*) FROM pl_entry x JOIN enterprise e ON e.id = x.enterprise_id \
         WHERE {wh} GROUP BY x.batch_id, x.state"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (batch, state, n) in rows {
        if let Some(b) = out.iter_mut().find(|b| b.id == batch) {
            b.counts.push((state, n));
        }
    }
    Ok(out)
}

pub fn batch(conn: &Connection, id: i64) -> Result<Batch> {
    conn.query_row(
        "SELECT id, uid, name, year, note, created_at FROM pl_batch WHERE id = ?1",
        [id],
        |r| {
            Ok(Batch {
                id: r.get(0)?,
                uid: r.get(1)?,
                name: r.get(2)?,
                year: r.get(3)?,
                note: r.get(4)?,
                created_at: r.get(5)?,
                counts: Vec::new(),
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound)
}

/// The live enterprises in scope.
fn scope_terms(scope: &Scope) -> Where {
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
    if let Some(d) = &f.review_due_by {
        w.and(
            "x.state = 'listed' AND x.review_due <> '' AND x.review_due <= ?",
            [SqlValue::Text(d.clone())],
        );
    }
    if let Some(d) = &f.notice_ends_by {
        w.and(
            "x.state = 'notice' AND x.notice_end <= ?",
            [SqlValue::Text(d.clone())],
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
}

pub fn insert_entry(conn: &Connection, e: &NewEntry<'_>, by: &str, at: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO pl_entry (uid, enterprise_id, batch_id, state, origin, offsite_means, created_at, \
         created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, 'candidate', ?4, ?5, ?6, ?7, ?6, ?7)",
        params![e.uid, e.enterprise_id, e.batch_id, e.origin, e.offsite_means, at, by],
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
            x.notice_start,
            x.notice_end,
            x.listed_on,
            x.review_due,
            x.override_reason,
            x.removal_reason,
            x.reapply_from,
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

/// Every state change of an enterprise's entries, oldest first, with the batch of each.
pub fn history_of_enterprise(
    conn: &Connection,
    enterprise_id: i64,
) -> Result<Vec<(String, HistoryRow)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.name, '', h.from_state, h.to_state, h.reason, h.at, h.by_name FROM pl_history h
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

pub struct NewTrigger<'a> {
    pub uid: &'a str,
    pub entry_id: i64,
    pub kind: &'a str,
    pub reference: &'a str,
    pub occurred_on: &'a str,
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

pub fn start_review(conn: &Connection, entry_id: i64, due: &str, by: &str, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO pl_review (entry_id, due, started_at, started_by) VALUES (?1, ?2, ?3, ?4)",
        params![entry_id, due, at, by],
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
