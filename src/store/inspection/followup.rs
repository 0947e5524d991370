//! 执法检查 follow-up storage: rectification orders (with the enterprise's report and the re-check
//! result) and filed cases with their status history.

use crate::domain::inspection::{CaseStatus, RecheckResult};
use crate::domain::time::{Day, Instant};
use crate::store::db::{Result, StoreError};
use crate::store::sql::{code, required};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

impl Serialize for RecheckResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Serialize for CaseStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A 责令改正 order with the inspection's number and the enterprise's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rectification {
    pub id: i64,
    pub uid: String,
    pub inspection_id: i64,
    pub inspection_number: String,
    pub enterprise_id: i64,
    pub enterprise_name: String,
    pub region_code: String,
    pub doc_number: String,
    pub served_on: Day,
    pub deadline: Day,
    pub requirements: String,
    pub report_text: String,
    pub report_at: Option<Instant>,
    pub recheck_id: Option<i64>,
    pub result: Option<RecheckResult>,
    pub result_note: String,
    pub row_version: i64,
}

const SELECT: &str =
    "SELECT r.id, r.uid, r.inspection_id, i.number, r.enterprise_id, e.name, i.region_code,
    r.doc_number, r.served_on, r.deadline, r.requirements, r.report_text, r.report_at, r.recheck_id,
    r.result, r.result_note, r.row_version
    FROM insp_rectification r JOIN inspection i ON i.id = r.inspection_id
    JOIN enterprise e ON e.id = r.enterprise_id";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Rectification> {
    Ok(Rectification {
        id: r.get(0)?,
        uid: r.get(1)?,
        inspection_id: r.get(2)?,
        inspection_number: r.get(3)?,
        enterprise_id: r.get(4)?,
        enterprise_name: r.get(5)?,
        region_code: r.get(6)?,
        doc_number: r.get(7)?,
        served_on: r.get(8)?,
        deadline: r.get(9)?,
        requirements: r.get(10)?,
        report_text: r.get(11)?,
        report_at: r.get(12)?,
        recheck_id: r.get(13)?,
        result: code(r, 14, RecheckResult::parse)?,
        result_note: r.get(15)?,
        row_version: r.get(16)?,
    })
}

pub fn of_inspection(conn: &Connection, inspection_id: i64) -> Result<Option<Rectification>> {
    let sql = format!("{SELECT} WHERE r.inspection_id = ?1");
    Ok(conn.query_row(&sql, [inspection_id], read).optional()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Rectification> {
    let sql = format!("{SELECT} WHERE r.id = ?1");
    Ok(conn.query_row(&sql, [id], read)?)
}

/// An enterprise's orders, newest deadline first.
pub fn of_enterprise(
    conn: &Connection,
    enterprise_id: i64,
    limit: usize,
) -> Result<Vec<Rectification>> {
    let sql = format!(
        "{SELECT} WHERE r.enterprise_id = ?1 ORDER BY r.deadline DESC, r.id DESC LIMIT {limit}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([enterprise_id], read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The columns of a new order.
pub struct NewRectification<'a> {
    pub uid: &'a str,
    pub inspection_id: i64,
    pub enterprise_id: i64,
    pub doc_number: &'a str,
    pub served_on: Day,
    pub deadline: Day,
    pub requirements: &'a str,
    pub recheck_id: Option<i64>,
}

pub fn insert(conn: &Connection, n: &NewRectification<'_>, by: &str, now: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO insp_rectification (uid, inspection_id, enterprise_id, doc_number, served_on, deadline,
            requirements, recheck_id, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
    )?
    .execute(params![
        n.uid,
        n.inspection_id,
        n.enterprise_id,
        n.doc_number,
        n.served_on,
        n.deadline,
        n.requirements,
        n.recheck_id,
        now,
        by
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Writes the report and result columns when the row version still matches.
pub fn save(conn: &Connection, r: &Rectification, by: &str, now: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE insp_rectification SET report_text = ?1, report_at = ?2, report_by = CASE WHEN ?2 IS NULL
            THEN report_by ELSE COALESCE(report_by, ?3) END, result = ?4, result_note = ?5,
            result_at = CASE WHEN ?4 = '' THEN result_at ELSE ?6 END, row_version = row_version + 1,
            updated_at = ?6, updated_by = ?3
         WHERE id = ?7 AND row_version = ?8",
        params![
            r.report_text,
            r.report_at,
            by,
            r.result.map(|x| x.code()).unwrap_or(""),
            r.result_note,
            now,
            r.id,
            r.row_version
        ],
    )?;
    if n == 0 {
        return Err(StoreError::Conflict {
            by: by.to_string(),
            at: now.to_string(),
        });
    }
    Ok(())
}

/// A filed case (立案) and its mirrored status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Case {
    pub id: i64,
    pub uid: String,
    pub inspection_id: i64,
    pub case_number: String,
    pub discovered_on: Day,
    pub approved_on: Day,
    pub handler: String,
    pub status: CaseStatus,
    pub penalty_kind: String,
    pub penalty_fen: i64,
}

const CASE_SELECT: &str =
    "SELECT id, uid, inspection_id, case_number, discovered_on, approved_on, handler,
    status, penalty_kind, penalty_fen FROM insp_case";

fn read_case(r: &rusqlite::Row<'_>) -> rusqlite::Result<Case> {
    Ok(Case {
        id: r.get(0)?,
        uid: r.get(1)?,
        inspection_id: r.get(2)?,
        case_number: r.get(3)?,
        discovered_on: r.get(4)?,
        approved_on: r.get(5)?,
        handler: r.get(6)?,
        status: required(r, 7, CaseStatus::parse)?,
        penalty_kind: r.get(8)?,
        penalty_fen: r.get(9)?,
    })
}

pub fn case_of(conn: &Connection, inspection_id: i64) -> Result<Option<Case>> {
    let sql = format!("{CASE_SELECT} WHERE inspection_id = ?1");
    Ok(conn
        .query_row(&sql, [inspection_id], read_case)
        .optional()?)
}

/// An enterprise's cases, newest first (the 360° view), of the inspections the lists show. The
/// `deleted_at IS NULL` lets the partial index `inspection_enterprise` find the enterprise's
/// inspections; without it all 500k inspections of a province were scanned (90 ms per view).
pub fn cases_of_enterprise(conn: &Connection, enterprise_id: i64) -> Result<Vec<Case>> {
    let sql = cases_of_enterprise_sql();
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([enterprise_id], read_case)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The query of [`cases_of_enterprise`], shared with its query-plan test.
fn cases_of_enterprise_sql() -> String {
    format!(
        "{CASE_SELECT} WHERE inspection_id IN
           (SELECT id FROM inspection WHERE enterprise_id = ?1 AND deleted_at IS NULL)
         ORDER BY approved_on DESC, id DESC"
    )
}

pub fn insert_case(conn: &Connection, c: &Case, by: &str, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO insp_case (uid, inspection_id, case_number, discovered_on, approved_on, handler, status,
            penalty_kind, penalty_fen, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)",
        params![
            c.uid,
            c.inspection_id,
            c.case_number,
            c.discovered_on,
            c.approved_on,
            c.handler,
            c.status.code(),
            c.penalty_kind,
            c.penalty_fen,
            now,
            by
        ],
    )?;
    let id = conn.last_insert_rowid();
    insert_case_status(conn, id, c.status, "", by, now)?;
    Ok(id)
}

pub fn update_case_status(
    conn: &Connection,
    c: &Case,
    note: &str,
    by: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE insp_case SET status = ?1, penalty_kind = ?2, penalty_fen = ?3,
            row_version = row_version + 1, updated_at = ?4, updated_by = ?5 WHERE id = ?6",
        params![
            c.status.code(),
            c.penalty_kind,
            c.penalty_fen,
            now,
            by,
            c.id
        ],
    )?;
    insert_case_status(conn, c.id, c.status, note, by, now)
}

fn insert_case_status(
    conn: &Connection,
    case_id: i64,
    status: CaseStatus,
    note: &str,
    by: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO insp_case_status (case_id, status, note, at, by_uid) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![case_id, status.code(), note, now, by],
    )?;
    Ok(())
}

/// (status, note, at) of a case, oldest first.
pub fn case_history(conn: &Connection, case_id: i64) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, note, at FROM insp_case_status WHERE case_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::enterprise::fixture::setup;

    /// The 360° view reads an enterprise's cases through its inspections' index: a scan of the
    /// inspection table costs 90 ms at province scale.
    #[test]
    fn cases_of_an_enterprise_find_its_inspections_by_index() {
        let conn = setup();
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", cases_of_enterprise_sql()))
            .expect("explain")
            .query_map([1], |r| r.get::<_, String>(3))
            .expect("plan")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        let text = plan.join(" | ");
        assert!(
            text.contains("USING INDEX inspection_enterprise")
                || text.contains("USING COVERING INDEX inspection_enterprise"),
            "{text}"
        );
        assert!(
            !text
                .split(" | ")
                .any(|step| step.trim() == "SCAN inspection"),
            "the inspections are scanned: {text}"
        );
        assert!(cases_of_enterprise(&conn, 1).expect("cases").is_empty());
    }
}
