//! 正面清单 batches: one per year's round, with its entries counted per state.

use crate::domain::time::Instant;
use crate::store::db::{Result, StoreError};
use crate::store::enterprise::Scope;
use crate::store::positive_list::scope_terms;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
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
