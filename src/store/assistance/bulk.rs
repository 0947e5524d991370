//! Bulk writes of 帮扶 requests for generated data: a request inserted as it stands at the end of its
//! life in one statement (the service inserts, then saves each transition), and the yearly number
//! counters set once after the load.

use crate::store::assistance::Request;
use crate::store::db::Result;
use rusqlite::{Connection, params};

/// Inserts `r` with every column it has reached, its alert dates (open requests) and its services;
/// returns the new id.
pub fn insert_settled(
    conn: &Connection,
    r: &Request,
    services: &[&str],
    alert: Option<(String, String)>,
    updated_at: &str,
) -> Result<i64> {
    let (warn, due) = alert.unzip();
    conn.prepare_cached(
        "INSERT INTO assist_request (uid, number, enterprise_id, region_code, channel, urgency, wished_date,
            description, state, handler_id, result, closing_opinion, close_kind, close_reason, rating,
            reopen_count, submitted_at, accepted_at, assigned_at, clock_started_at, completed_at, closed_at,
            row_version, created_at, created_by, updated_at, updated_by, sla_warn_on, sla_due_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?23, ?24, ?25, ?26, ?25, ?27, ?28)",
    )?
    .execute(params![
        r.uid,
        r.number,
        r.enterprise_id,
        r.region_code,
        r.channel.code(),
        r.urgency.code(),
        crate::store::time::BlankDay(r.wished_date),
        r.description,
        r.state.code(),
        r.handler_id,
        r.outcome.map_or("", |o| o.code()),
        r.closing_opinion,
        r.close_kind.map_or("", |c| c.code()),
        r.close_reason,
        r.rating.map_or("", |c| c.code()),
        r.reopen_count,
        r.submitted_at,
        r.accepted_at,
        r.assigned_at,
        r.clock_started_at,
        r.completed_at,
        r.closed_at,
        r.row_version,
        r.created_at,
        r.created_by,
        updated_at,
        warn,
        due,
    ])?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO assist_request_service (request_id, service_code) VALUES (?1, ?2)",
    )?;
    for code in services {
        stmt.execute(params![id, code])?;
    }
    Ok(id)
}

/// The next sequence number of a region's year (1 when none was taken).
pub fn next_seq(conn: &Connection, region: &str, year: i32) -> Result<i64> {
    let mut stmt = conn.prepare_cached(
        "SELECT next_seq FROM assist_counter WHERE region_code = ?1 AND year = ?2",
    )?;
    let mut rows = stmt.query(params![region, year])?;
    Ok(match rows.next()? {
        Some(row) => row.get(0)?,
        None => 1,
    })
}

/// Stores where a region's year continues after a bulk load.
pub fn set_next_seq(conn: &Connection, region: &str, year: i32, next: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO assist_counter (region_code, year, next_seq) VALUES (?1, ?2, ?3)
         ON CONFLICT (region_code, year) DO UPDATE SET next_seq = excluded.next_seq",
    )?
    .execute(params![region, year, next])?;
    Ok(())
}

/// Live operating enterprises as (id, region, name), in id order: who the generated requests are for.
pub fn operating_enterprises(conn: &Connection) -> Result<Vec<(i64, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT id, region_code, name FROM enterprise
         WHERE status = 'operating' AND deleted_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
