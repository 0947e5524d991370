//! 点单式帮扶 storage: requests, their services, co-handlers, history, service records, suspensions
//! and evaluations. Codes are stored as in the schema's CHECK lists and parsed back into domain enums.
pub mod bulk;
pub mod meeting;
pub mod queue;

pub use crate::store::history::Row as HistoryRow;

use crate::domain::assistance::{
    AssistanceState, Channel, CloseKind, Outcome, Rating, ServiceMode, Urgency,
};
use crate::domain::time::{Day, Instant};
use crate::store::db::{Result, StoreError};
use crate::store::enterprise::list::Scope;
use crate::store::sql::{Where, code, required};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// A request as stored, with the names the screens show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Request {
    pub id: i64,
    pub uid: String,
    pub number: String,
    pub enterprise_id: i64,
    pub enterprise_name: String,
    pub region_code: String,
    pub channel: Channel,
    pub urgency: Urgency,
    #[serde(with = "crate::domain::time::blank_day")]
    pub wished_date: Option<Day>,
    pub description: String,
    pub state: AssistanceState,
    pub handler_id: Option<i64>,
    pub handler_name: Option<String>,
    pub outcome: Option<Outcome>,
    pub closing_opinion: String,
    pub close_kind: Option<CloseKind>,
    pub close_reason: String,
    pub rating: Option<Rating>,
    pub reopen_count: i64,
    pub submitted_at: Option<Instant>,
    pub accepted_at: Option<Instant>,
    pub assigned_at: Option<Instant>,
    pub clock_started_at: Option<Instant>,
    pub completed_at: Option<Instant>,
    pub closed_at: Option<Instant>,
    pub row_version: i64,
    pub created_at: Instant,
    pub created_by: String,
}

// Serialize the enums by their stored codes (audit JSON, CLI JSON).
macro_rules! serialize_code {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    )*};
}
serialize_code!(
    AssistanceState,
    Channel,
    Urgency,
    Outcome,
    CloseKind,
    Rating,
    ServiceMode
);

pub(crate) const SELECT: &str = "SELECT r.id, r.uid, r.number, r.enterprise_id, e.name, r.region_code, r.channel,
    r.urgency, r.wished_date, r.description, r.state, r.handler_id, u.display_name, r.result,
    r.closing_opinion, r.close_kind, r.close_reason, r.rating, r.reopen_count, r.submitted_at,
    r.accepted_at, r.assigned_at, r.completed_at, r.closed_at, r.row_version, r.created_at, r.created_by,
    r.clock_started_at
    FROM assist_request r JOIN enterprise e ON e.id = r.enterprise_id
    LEFT JOIN user u ON u.id = r.handler_id";

pub(crate) fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Request> {
    Ok(Request {
        id: r.get(0)?,
        uid: r.get(1)?,
        number: r.get(2)?,
        enterprise_id: r.get(3)?,
        enterprise_name: r.get(4)?,
        region_code: r.get(5)?,
        channel: required(r, 6, Channel::parse)?,
        urgency: required(r, 7, Urgency::parse)?,
        wished_date: crate::store::time::blank_day(r, 8)?,
        description: r.get(9)?,
        state: required(r, 10, AssistanceState::parse)?,
        handler_id: r.get(11)?,
        handler_name: r.get(12)?,
        outcome: code(r, 13, Outcome::parse)?,
        closing_opinion: r.get(14)?,
        close_kind: code(r, 15, CloseKind::parse)?,
        close_reason: r.get(16)?,
        rating: code(r, 17, Rating::parse)?,
        reopen_count: r.get(18)?,
        submitted_at: r.get(19)?,
        accepted_at: r.get(20)?,
        assigned_at: r.get(21)?,
        completed_at: r.get(22)?,
        closed_at: r.get(23)?,
        row_version: r.get(24)?,
        created_at: r.get(25)?,
        created_by: r.get(26)?,
        clock_started_at: r.get(27)?,
    })
}

/// Takes the next number for the region and year. Must run inside the IMMEDIATE transaction that
/// inserts the request: the write lock serialises concurrent filings; a rollback leaves a gap.
pub fn next_number(conn: &Connection, region: &str, year: i32) -> Result<String> {
    let seq: i64 = conn.query_row(
        "INSERT INTO assist_counter (region_code, year, next_seq) VALUES (?1, ?2, 2)
         ON CONFLICT (region_code, year) DO UPDATE SET next_seq = next_seq + 1
         RETURNING next_seq - 1",
        params![region, year],
        |r| r.get(0),
    )?;
    Ok(format!("BF-{region}-{year}-{seq:05}"))
}

/// The columns of a new request.
pub struct NewRequest<'a> {
    pub uid: &'a str,
    pub number: &'a str,
    pub enterprise_id: i64,
    pub region_code: &'a str,
    pub channel: Channel,
    pub urgency: Urgency,
    pub wished_date: &'a str,
    pub description: &'a str,
    pub state: AssistanceState,
    pub services: &'a [String],
}

pub fn insert(conn: &Connection, n: &NewRequest<'_>, actor_uid: &str, now: &str) -> Result<i64> {
    let submitted = (n.state == AssistanceState::Submitted).then_some(now);
    conn.execute(
        "INSERT INTO assist_request (uid, number, enterprise_id, region_code, channel, urgency, wished_date,
            description, state, submitted_at, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)",
        params![
            n.uid,
            n.number,
            n.enterprise_id,
            n.region_code,
            n.channel.code(),
            n.urgency.code(),
            n.wished_date,
            n.description,
            n.state.code(),
            submitted,
            now,
            actor_uid
        ],
    )?;
    let id = conn.last_insert_rowid();
    for code in n.services {
        conn.execute(
            "INSERT INTO assist_request_service (request_id, service_code) VALUES (?1, ?2)",
            params![id, code],
        )?;
    }
    Ok(id)
}

pub fn get(conn: &Connection, id: i64) -> Result<Request> {
    let sql = format!("{SELECT} WHERE r.id = ?1 AND r.deleted_at IS NULL");
    Ok(conn.query_row(&sql, [id], read)?)
}

pub fn get_by_number(conn: &Connection, number: &str) -> Result<Option<Request>> {
    let sql = format!("{SELECT} WHERE r.number = ?1 AND r.deleted_at IS NULL");
    Ok(conn.query_row(&sql, [number], read).optional()?)
}

/// What a queue shows: requests in scope, optionally in some states and one region, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub states: Vec<AssistanceState>,
    pub region: Option<String>,
    pub enterprise_id: Option<i64>,
}

pub fn list(
    conn: &Connection,
    scope: &Scope,
    f: &ListFilter,
    limit: usize,
) -> Result<Vec<Request>> {
    let mut w = Where::new("r.deleted_at IS NULL");
    queue::scope_terms(scope, &mut w);
    if let Some(r) = &f.region {
        w.and("r.region_code = ?", [r.clone().into()]);
    }
    if let Some(e) = f.enterprise_id {
        w.and("r.enterprise_id = ?", [e.into()]);
    }
    if !f.states.is_empty() {
        let codes: Vec<String> = f.states.iter().map(|s| format!("'{}'", s.code())).collect();
        // Codes are compile-time constants, never input.
        w.and(&format!("r.state IN ({})", codes.join(",")), []);
    }
    let (wh, args) = w.finish();
    let sql = format!("{SELECT} WHERE {wh} ORDER BY r.id DESC LIMIT {limit}");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Writes the mutable columns of `r` if nobody changed the row since `r.row_version` was read.
pub fn save(conn: &Connection, r: &Request, actor_uid: &str, now: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE assist_request SET state = ?3, handler_id = ?4, result = ?5, closing_opinion = ?6,
            close_kind = ?7, close_reason = ?8, rating = ?9, reopen_count = ?10, accepted_at = ?11,
            assigned_at = ?12, completed_at = ?13, closed_at = ?14, submitted_at = ?15,
            clock_started_at = ?18, row_version = row_version + 1, updated_at = ?16, updated_by = ?17
         WHERE id = ?1 AND row_version = ?2 AND deleted_at IS NULL",
        params![
            r.id,
            r.row_version,
            r.state.code(),
            r.handler_id,
            r.outcome.map(|o| o.code()).unwrap_or(""),
            r.closing_opinion,
            r.close_kind.map(|c| c.code()).unwrap_or(""),
            r.close_reason,
            r.rating.map(|c| c.code()).unwrap_or(""),
            r.reopen_count,
            r.accepted_at,
            r.assigned_at,
            r.completed_at,
            r.closed_at,
            r.submitted_at,
            now,
            actor_uid,
            r.clock_started_at
        ],
    )?;
    if n == 0 {
        let (by, at): (String, String) = conn
            .query_row(
                "SELECT updated_by, updated_at FROM assist_request WHERE id = ?1",
                [r.id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)?;
        return Err(StoreError::Conflict { by, at });
    }
    Ok(())
}

/// The chosen services as (code, name_zh, name_en).
pub fn services(conn: &Connection, id: i64) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.code, m.name_zh, m.name_en FROM assist_request_service s
         JOIN service_menu m ON m.code = s.service_code WHERE s.request_id = ?1 ORDER BY m.sort, m.code",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The active service menu as (code, name_zh, name_en), in menu order.
pub fn service_menu(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, name_zh, name_en FROM service_menu WHERE active = 1 ORDER BY sort, code",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn cohandlers(conn: &Connection, id: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.display_name FROM assist_cohandler c JOIN user u ON u.id = c.user_id
         WHERE c.request_id = ?1 ORDER BY u.id",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn set_cohandlers(conn: &Connection, id: i64, users: &[i64]) -> Result<()> {
    conn.execute("DELETE FROM assist_cohandler WHERE request_id = ?1", [id])?;
    for u in users {
        conn.execute(
            "INSERT OR IGNORE INTO assist_cohandler (request_id, user_id) VALUES (?1, ?2)",
            params![id, u],
        )?;
    }
    Ok(())
}

/// A service record: help given, never enforcement evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceRecord {
    pub service_date: String,
    pub mode: ServiceMode,
    pub participants: String,
    pub content: String,
    pub problems: String,
    pub advice: String,
}

pub fn insert_record(
    conn: &Connection,
    request_id: i64,
    uid: &str,
    s: &ServiceRecord,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO assist_record (uid, request_id, service_date, mode, participants, content, problems,
            advice, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    )?
    .execute(params![
            uid,
            request_id,
            s.service_date,
            s.mode.code(),
            s.participants,
            s.content,
            s.problems,
            s.advice,
            now,
            actor_uid
        ],
    )?;
    Ok(())
}

pub fn records(conn: &Connection, request_id: i64) -> Result<Vec<ServiceRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT service_date, mode, participants, content, problems, advice FROM assist_record
         WHERE request_id = ?1 AND deleted_at IS NULL ORDER BY service_date, id",
    )?;
    let rows = stmt.query_map([request_id], |r| {
        Ok(ServiceRecord {
            service_date: r.get(0)?,
            mode: required(r, 1, ServiceMode::parse)?,
            participants: r.get(2)?,
            content: r.get(3)?,
            problems: r.get(4)?,
            advice: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn open_suspension(
    conn: &Connection,
    request_id: i64,
    reason: &str,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO assist_suspension (request_id, suspended_at, reason, created_by) VALUES (?1, ?2, ?3, ?4)",
        params![request_id, now, reason, actor_uid],
    )?;
    Ok(())
}

pub fn close_suspension(conn: &Connection, request_id: i64, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE assist_suspension SET resumed_at = ?2 WHERE request_id = ?1 AND resumed_at IS NULL",
        params![request_id, now],
    )?;
    Ok(())
}

/// Every suspension of a request as (suspended_at, resumed_at), stored UTC times.
pub fn suspensions(conn: &Connection, request_id: i64) -> Result<Vec<(String, Option<String>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT suspended_at, resumed_at FROM assist_suspension WHERE request_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([request_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A rating, how it reached the bureau (`channel`) and the 回访 record a poor rating needs.
pub struct NewEvaluation<'a> {
    pub request_id: i64,
    pub rating: Rating,
    pub comment: &'a str,
    pub revisit: &'a str,
    pub channel: &'a str,
}

pub fn insert_evaluation(
    conn: &Connection,
    e: &NewEvaluation<'_>,
    by_uid: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO assist_evaluation (request_id, rating, comment, revisit, at, by_uid, channel)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        e.request_id,
        e.rating.code(),
        e.comment,
        e.revisit,
        now,
        by_uid,
        e.channel
    ])?;
    Ok(())
}

/// Requests awaiting a rating, in every region, with their completion times (for the automatic close).
pub fn awaiting_rating(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, completed_at FROM assist_request
         WHERE state = 'awaiting_rating' AND deleted_at IS NULL AND completed_at IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
