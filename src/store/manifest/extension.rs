//! Approved extensions of a receiver's storage (migration 9): appended, never changed; the latest
//! date silences the stock-aging alert of its manifest until that day.

use crate::domain::time::{Day, Instant};
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// One approved extension as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockExtension {
    pub uid: String,
    pub approval_number: String,
    pub extended_to: Day,
    pub approved_by: String,
    pub created_at: Instant,
    pub created_by: String,
}

pub fn add_extension(conn: &Connection, manifest_id: i64, e: &StockExtension) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO manifest_stock_extension (uid, manifest_id, approval_number, extended_to,
            approved_by, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        e.uid,
        manifest_id,
        e.approval_number,
        e.extended_to,
        e.approved_by,
        e.created_at,
        e.created_by
    ])?;
    Ok(())
}

/// The extensions of a manifest, oldest first.
pub fn extensions(conn: &Connection, manifest_id: i64) -> Result<Vec<StockExtension>> {
    let mut stmt = conn.prepare_cached(
        "SELECT uid, approval_number, extended_to, approved_by, created_at, created_by
         FROM manifest_stock_extension WHERE manifest_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([manifest_id], |r| {
        Ok(StockExtension {
            uid: r.get(0)?,
            approval_number: r.get(1)?,
            extended_to: r.get(2)?,
            approved_by: r.get(3)?,
            created_at: r.get(4)?,
            created_by: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The latest day storage is extended to, if ever.
pub fn extended_to(conn: &Connection, manifest_id: i64) -> Result<Option<Day>> {
    Ok(conn
        .prepare_cached(
            "SELECT MAX(extended_to) FROM manifest_stock_extension WHERE manifest_id = ?1",
        )?
        .query_row([manifest_id], |r| r.get::<_, Option<Day>>(0))
        .optional()?
        .flatten())
}
