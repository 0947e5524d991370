//! Aggregates for supervisors' summaries over a period: grouped counts and the timing facts the
//! service turns into working days. Times are compared as stored UTC RFC 3339 text with `[from, to)`
//! bounds the service computes from local dates; a region of `None` means every region.

use crate::domain::time::Instant;
use crate::store::db::Result;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

/// A period as stored UTC stamps (`from` inclusive, `to` exclusive) and as local dates (inclusive),
/// for the columns that hold dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub from: String,
    pub to: String,
    pub first_day: String,
    pub last_day: String,
}

fn text(s: &str) -> SqlValue {
    SqlValue::Text(s.to_string())
}

fn region_args(region: Option<&str>, mut args: Vec<SqlValue>) -> Vec<SqlValue> {
    args.push(region.map_or(SqlValue::Null, text));
    args
}

fn scalar(conn: &Connection, sql: &str, args: Vec<SqlValue>) -> Result<i64> {
    let mut stmt = conn.prepare_cached(sql)?;
    Ok(stmt.query_row(params_from_iter(args), |r| r.get(0))?)
}

fn grouped(conn: &Connection, sql: &str, args: Vec<SqlValue>) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

// ---- enterprise register

/// Enterprises registered at the instant `at` (created before it and not deleted by then).
pub fn enterprises_at(conn: &Connection, region: Option<&str>, at: &str) -> Result<i64> {
    scalar(
        conn,
        "SELECT count(*) FROM enterprise
         WHERE created_at < ?1 AND (deleted_at IS NULL OR deleted_at >= ?1)
           AND (?2 IS NULL OR region_code = ?2)",
        region_args(region, vec![text(at)]),
    )
}

pub fn enterprises_created(conn: &Connection, region: Option<&str>, b: &Bounds) -> Result<i64> {
    scalar(
        conn,
        "SELECT count(*) FROM enterprise
         WHERE created_at >= ?1 AND created_at < ?2 AND (?3 IS NULL OR region_code = ?3)",
        region_args(region, vec![text(&b.from), text(&b.to)]),
    )
}

// ---- 点单式帮扶

const ASSIST_SUBMITTED: &str =
    "r.deleted_at IS NULL AND r.submitted_at >= ?1 AND r.submitted_at < ?2
    AND (?3 IS NULL OR r.region_code = ?3)";

fn period_args(region: Option<&str>, b: &Bounds) -> Vec<SqlValue> {
    region_args(region, vec![text(&b.from), text(&b.to)])
}

/// Requests submitted in the period.
pub fn assist_submitted(conn: &Connection, region: Option<&str>, b: &Bounds) -> Result<i64> {
    scalar(
        conn,
        &format!("SELECT count(*) FROM assist_request r WHERE {ASSIST_SUBMITTED}"),
        period_args(region, b),
    )
}

/// Requests submitted in the period, by their current state.
pub fn assist_submitted_by_state(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        &format!(
            "SELECT r.state, count(*) FROM assist_request r WHERE {ASSIST_SUBMITTED} GROUP BY r.state"
        ),
        period_args(region, b),
    )
}

pub fn assist_submitted_by_channel(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        &format!(
            "SELECT r.channel, count(*) FROM assist_request r WHERE {ASSIST_SUBMITTED} GROUP BY r.channel"
        ),
        period_args(region, b),
    )
}

/// Requests submitted in the period by service (a request with two services counts for both).
pub fn assist_submitted_by_service(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        &format!(
            "SELECT s.service_code, count(*) FROM assist_request r
             JOIN assist_request_service s ON s.request_id = r.id
             WHERE {ASSIST_SUBMITTED} GROUP BY s.service_code"
        ),
        period_args(region, b),
    )
}

/// The stored times of one request, for response and completion in working days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssistanceTimes {
    pub id: i64,
    pub urgency: String,
    pub submitted_at: Option<Instant>,
    pub accepted_at: Option<Instant>,
    pub clock_started_at: Option<Instant>,
    pub completed_at: Option<Instant>,
    pub reopen_count: i64,
}

/// Calls `each` for every request whose `column` (`accepted_at` or `completed_at`) falls in the
/// period, streaming.
pub fn assist_times_in(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
    column: AssistanceMoment,
    mut each: impl FnMut(AssistanceTimes) -> Result<()>,
) -> Result<()> {
    let col = match column {
        AssistanceMoment::Accepted => "accepted_at",
        AssistanceMoment::Completed => "completed_at",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, urgency, submitted_at, accepted_at, clock_started_at, completed_at, reopen_count
         FROM assist_request
         WHERE deleted_at IS NULL AND {col} >= ?1 AND {col} < ?2 AND (?3 IS NULL OR region_code = ?3)"
    ))?;
    let mut rows = stmt.query(params_from_iter(period_args(region, b)))?;
    while let Some(r) = rows.next()? {
        each(AssistanceTimes {
            id: r.get(0)?,
            urgency: r.get(1)?,
            submitted_at: r.get(2)?,
            accepted_at: r.get(3)?,
            clock_started_at: r.get(4)?,
            completed_at: r.get(5)?,
            reopen_count: r.get(6)?,
        })?;
    }
    Ok(())
}

/// Which stored moment selects the requests of [`assist_times_in`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssistanceMoment {
    Accepted,
    Completed,
}

/// Ratings given in the period (automatic 未评价 closes excluded), by rating.
pub fn assist_ratings(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        "SELECT v.rating, count(*) FROM assist_evaluation v
         JOIN assist_request r ON r.id = v.request_id
         WHERE r.deleted_at IS NULL AND v.rating <> 'unrated' AND v.at >= ?1 AND v.at < ?2
           AND (?3 IS NULL OR r.region_code = ?3)
         GROUP BY v.rating",
        period_args(region, b),
    )
}

// ---- 正面清单

/// Entries by their current state.
pub fn pl_states(conn: &Connection, region: Option<&str>) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        "SELECT p.state, count(*) FROM pl_entry p JOIN enterprise e ON e.id = p.enterprise_id
         WHERE (?1 IS NULL OR e.region_code = ?1) GROUP BY p.state",
        region_args(region, Vec::new()),
    )
}

/// Entries that reached `to_state` (from `from_state`, when given) in the period.
pub fn pl_reached(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
    from_state: Option<&str>,
    to_state: &str,
) -> Result<i64> {
    scalar(
        conn,
        "SELECT count(*) FROM pl_history h
         JOIN pl_entry p ON p.id = h.entry_id JOIN enterprise e ON e.id = p.enterprise_id
         WHERE h.at >= ?1 AND h.at < ?2 AND (?3 IS NULL OR e.region_code = ?3)
           AND h.to_state = ?4 AND (?5 IS NULL OR h.from_state = ?5)",
        vec![
            text(&b.from),
            text(&b.to),
            region.map_or(SqlValue::Null, text),
            text(to_state),
            from_state.map_or(SqlValue::Null, text),
        ],
    )
}

/// Entries removed in the period, by the cause recorded on the entry.
pub fn pl_removals_by_cause(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        "SELECT p.removal_cause, count(*) FROM pl_history h
         JOIN pl_entry p ON p.id = h.entry_id JOIN enterprise e ON e.id = p.enterprise_id
         WHERE h.at >= ?1 AND h.at < ?2 AND (?3 IS NULL OR e.region_code = ?3) AND h.to_state = 'removed'
         GROUP BY p.removal_cause",
        period_args(region, b),
    )
}

/// Trigger events recorded on listed enterprises that occurred in the period, by kind.
pub fn pl_triggers_by_kind(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        "SELECT t.kind, count(*) FROM pl_trigger t
         JOIN pl_entry p ON p.id = t.entry_id JOIN enterprise e ON e.id = p.enterprise_id
         WHERE t.occurred_on >= ?1 AND t.occurred_on <= ?2 AND (?3 IS NULL OR e.region_code = ?3)
         GROUP BY t.kind",
        day_args(region, b),
    )
}

/// On-site inspections that took place in the period (started, not cancelled) at enterprises that were
/// on the positive list that day, by inspection category: what brought inspectors to a listed site.
pub fn pl_onsite_inspections_by_category(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        "SELECT i.category, count(*) FROM inspection i
         WHERE i.deleted_at IS NULL AND i.mode = 'onsite'
           AND i.planned_on >= ?1 AND i.planned_on <= ?2 AND (?3 IS NULL OR i.region_code = ?3)
           AND i.state NOT IN ('planned', 'pending', 'cancelled')
           AND EXISTS (SELECT 1 FROM pl_entry p
               WHERE p.enterprise_id = i.enterprise_id AND p.listed_on != ''
                 AND p.listed_on <= i.planned_on
                 AND NOT EXISTS (SELECT 1 FROM pl_history h
                     WHERE h.entry_id = p.id AND h.to_state = 'removed'
                       AND date(h.at, '+8 hours') <= i.planned_on))
         GROUP BY i.category",
        day_args(region, b),
    )
}

// ---- 危险废物转移联单 (period by transfer date; drafts and cancelled manifests are not transfers)

const MANIFEST_IN: &str =
    "m.transfer_date >= ?1 AND m.transfer_date <= ?2 AND (?3 IS NULL OR m.region_code = ?3)
    AND m.state NOT IN ('draft', 'cancelled')";

fn day_args(region: Option<&str>, b: &Bounds) -> Vec<SqlValue> {
    region_args(region, vec![text(&b.first_day), text(&b.last_day)])
}

/// Manifests transferred in the period: count, declared kilograms, cross-province count.
pub fn manifest_totals(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<(i64, i64, i64)> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT count(*),
                COALESCE(sum((SELECT sum(quantity_kg) FROM manifest_line l WHERE l.manifest_id = m.id)), 0),
                COALESCE(sum(m.receiver_province <> '37'), 0)
         FROM manifest m WHERE {MANIFEST_IN}"
    ))?;
    Ok(stmt.query_row(params_from_iter(day_args(region, b)), |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?)
}

/// Manifests transferred in the period with at least one recorded discrepancy.
pub fn manifest_discrepancies(conn: &Connection, region: Option<&str>, b: &Bounds) -> Result<i64> {
    scalar(
        conn,
        &format!(
            "SELECT count(*) FROM manifest m WHERE {MANIFEST_IN}
             AND EXISTS (SELECT 1 FROM manifest_discrepancy d WHERE d.manifest_id = m.id)"
        ),
        day_args(region, b),
    )
}

/// Declared kilograms transferred in the period by HW category.
pub fn manifest_kg_by_category(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        &format!(
            "SELECT l.category, sum(l.quantity_kg) FROM manifest m JOIN manifest_line l ON l.manifest_id = m.id
             WHERE {MANIFEST_IN} GROUP BY l.category"
        ),
        day_args(region, b),
    )
}

/// Manifests transferred in the period by their current state.
pub fn manifest_states(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<Vec<(String, i64)>> {
    grouped(
        conn,
        &format!("SELECT m.state, count(*) FROM manifest m WHERE {MANIFEST_IN} GROUP BY m.state"),
        day_args(region, b),
    )
}

// ---- 执法检查 (period by the inspection date; cancelled inspections are not inspections)

const INSPECTION_IN: &str = "i.deleted_at IS NULL AND i.started_at IS NOT NULL
    AND i.planned_on >= ?1 AND i.planned_on <= ?2 AND (?3 IS NULL OR i.region_code = ?3)";

/// Inspections carried out in the period by category and by mode.
pub fn inspections_by(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
    column: InspectionColumn,
) -> Result<Vec<(String, i64)>> {
    let col = match column {
        InspectionColumn::Category => "i.category",
        InspectionColumn::Mode => "i.mode",
    };
    grouped(
        conn,
        &format!("SELECT {col}, count(*) FROM inspection i WHERE {INSPECTION_IN} GROUP BY {col}"),
        day_args(region, b),
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InspectionColumn {
    Category,
    Mode,
}

/// Inspections carried out in the period that recorded at least one finding.
pub fn inspections_with_findings(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
) -> Result<i64> {
    scalar(
        conn,
        &format!(
            "SELECT count(*) FROM inspection i WHERE {INSPECTION_IN}
             AND EXISTS (SELECT 1 FROM insp_finding f WHERE f.inspection_id = i.id)"
        ),
        day_args(region, b),
    )
}

/// Rectification orders served in the period, and of those still without a result after their deadline
/// as of `today`.
pub fn rectifications(
    conn: &Connection,
    region: Option<&str>,
    b: &Bounds,
    today: &str,
) -> Result<(i64, i64)> {
    let mut args = day_args(region, b);
    args.push(text(today));
    let mut stmt = conn.prepare_cached(
        "SELECT count(*), COALESCE(sum(r.result = '' AND r.deadline < ?4), 0)
         FROM insp_rectification r JOIN inspection i ON i.id = r.inspection_id
         WHERE r.served_on >= ?1 AND r.served_on <= ?2 AND (?3 IS NULL OR i.region_code = ?3)",
    )?;
    Ok(stmt.query_row(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// Cases transferred (立案 approved) in the period, and the penalties decided on them, in fen.
pub fn cases(conn: &Connection, region: Option<&str>, b: &Bounds) -> Result<(i64, i64)> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*), COALESCE(sum(c.penalty_fen), 0)
         FROM insp_case c JOIN inspection i ON i.id = c.inspection_id
         WHERE c.approved_on >= ?1 AND c.approved_on <= ?2 AND (?3 IS NULL OR i.region_code = ?3)",
    )?;
    Ok(stmt.query_row(params_from_iter(day_args(region, b)), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?)
}
