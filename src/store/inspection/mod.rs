//! 执法检查 storage: inspections with their officers (certificate snapshots), representatives, checklist
//! answers, append-only findings and evidence, history and recusal relations. The keyset-paged list is
//! in `inspection_list`, rectification orders and cases in `inspection_followup`.
pub mod draw;
pub mod draw_publish;
pub mod followup;
pub mod items;
pub mod list;
pub mod rules;

use crate::domain::inspection::{
    Answer, Category, Conclusion, EvidenceKind, InspectionState, Mode, Severity, Signature,
};
use crate::domain::time::{Day, Instant};
use crate::store::db::{Result, StoreError};
use crate::store::sql::{code, required};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

pub use crate::store::history::Row as HistoryRow;
pub use crate::store::inspection::list::{ListFilter, count, page};

pub use crate::store::inspection::items::{
    ChecklistItem, Evidence, Finding, add_representative, answers, checklist, evidence, findings,
    insert_evidence, insert_finding, link_evidence, representatives, set_answer,
};

/// Serialize the enums by their stored codes (audit JSON, CLI JSON).
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
    Category,
    Mode,
    InspectionState,
    Conclusion,
    Signature,
    Answer,
    Severity,
    EvidenceKind
);

/// An inspection as stored, with the enterprise's name and USCC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Inspection {
    pub id: i64,
    pub uid: String,
    pub number: String,
    pub enterprise_id: i64,
    pub enterprise_name: String,
    pub uscc: String,
    pub region_code: String,
    pub category: Category,
    pub mode: Mode,
    pub trigger_ref: String,
    pub place: String,
    pub planned_on: Day,
    pub started_at: Option<Instant>,
    pub ended_at: Option<Instant>,
    pub state: InspectionState,
    pub conclusion: Option<Conclusion>,
    pub record_text: String,
    pub signature: Option<Signature>,
    pub witness: String,
    pub signed_at: Option<Instant>,
    pub recusal_reason: String,
    pub cancel_reason: String,
    pub parent_id: Option<i64>,
    pub draw_id: Option<i64>,
    pub row_version: i64,
    pub updated_at: Instant,
    pub updated_by: String,
}

pub(crate) const SELECT: &str = "SELECT i.id, i.uid, i.number, i.enterprise_id, e.name, e.uscc, i.region_code,
    i.category, i.mode, i.trigger_ref, i.place, i.planned_on, i.started_at, i.ended_at, i.state,
    i.conclusion, i.record_text, i.signature, i.witness, i.signed_at, i.recusal_reason, i.cancel_reason,
    i.parent_id, i.draw_id, i.row_version, i.updated_at, i.updated_by
    FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id";

pub(crate) fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Inspection> {
    Ok(Inspection {
        id: r.get(0)?,
        uid: r.get(1)?,
        number: r.get(2)?,
        enterprise_id: r.get(3)?,
        enterprise_name: r.get(4)?,
        uscc: r.get(5)?,
        region_code: r.get(6)?,
        category: required(r, 7, Category::parse)?,
        mode: required(r, 8, Mode::parse)?,
        trigger_ref: r.get(9)?,
        place: r.get(10)?,
        planned_on: r.get(11)?,
        started_at: r.get(12)?,
        ended_at: r.get(13)?,
        state: required(r, 14, InspectionState::parse)?,
        conclusion: code(r, 15, Conclusion::parse)?,
        record_text: r.get(16)?,
        signature: code(r, 17, Signature::parse)?,
        witness: r.get(18)?,
        signed_at: r.get(19)?,
        recusal_reason: r.get(20)?,
        cancel_reason: r.get(21)?,
        parent_id: r.get(22)?,
        draw_id: r.get(23)?,
        row_version: r.get(24)?,
        updated_at: r.get(25)?,
        updated_by: r.get(26)?,
    })
}

/// Takes the next number for the region and year, inside the IMMEDIATE transaction that inserts.
pub fn next_number(conn: &Connection, region: &str, year: i32) -> Result<String> {
    // Cached, as the other per-record statements here: the demo generator runs them 500k times.
    let seq: i64 = conn
        .prepare_cached(
            "INSERT INTO insp_counter (region_code, year, next_seq) VALUES (?1, ?2, 2)
             ON CONFLICT (region_code, year) DO UPDATE SET next_seq = next_seq + 1
             RETURNING next_seq - 1",
        )?
        .query_row(params![region, year], |r| r.get(0))?;
    Ok(format!("JC-{region}-{year}-{seq:05}"))
}

/// The columns of a new inspection.
pub struct NewInspection<'a> {
    pub uid: &'a str,
    pub number: &'a str,
    pub enterprise_id: i64,
    pub region_code: &'a str,
    pub category: Category,
    pub mode: Mode,
    pub trigger_ref: &'a str,
    pub place: &'a str,
    pub planned_on: Day,
    pub state: InspectionState,
    pub recusal_reason: &'a str,
    pub parent_id: Option<i64>,
    pub draw_id: Option<i64>,
}

pub fn insert(conn: &Connection, n: &NewInspection<'_>, actor_uid: &str, now: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO inspection (uid, number, enterprise_id, region_code, category, mode, trigger_ref, place,
            planned_on, state, recusal_reason, parent_id, draw_id, created_at, created_by, updated_at,
            updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?14, ?15)",
    )?
    .execute(params![
        n.uid,
        n.number,
        n.enterprise_id,
        n.region_code,
        n.category.code(),
        n.mode.code(),
        n.trigger_ref,
        n.place,
        n.planned_on,
        n.state.code(),
        n.recusal_reason,
        n.parent_id,
        n.draw_id,
        now,
        actor_uid
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Inspection> {
    let sql = format!("{SELECT} WHERE i.id = ?1 AND i.deleted_at IS NULL");
    Ok(conn.prepare_cached(&sql)?.query_row([id], read)?)
}

pub fn get_by_number(conn: &Connection, number: &str) -> Result<Option<Inspection>> {
    let sql = format!("{SELECT} WHERE i.number = ?1 AND i.deleted_at IS NULL");
    Ok(conn.query_row(&sql, [number.trim()], read).optional()?)
}

/// Writes the mutable columns when the row version still matches (optimistic concurrency).
pub fn save(conn: &Connection, x: &Inspection, by: &str, now: &str) -> Result<()> {
    let n = conn.prepare_cached(
        "UPDATE inspection SET mode = ?1, trigger_ref = ?2, place = ?3, planned_on = ?4, started_at = ?5,
            ended_at = ?6, state = ?7, conclusion = ?8, record_text = ?9, signature = ?10, witness = ?11,
            signed_at = ?12, recusal_reason = ?13, cancel_reason = ?14, row_version = row_version + 1,
            updated_at = ?15, updated_by = ?16
         WHERE id = ?17 AND row_version = ?18 AND deleted_at IS NULL",
    )?
    .execute(params![
            x.mode.code(),
            x.trigger_ref,
            x.place,
            x.planned_on,
            x.started_at,
            x.ended_at,
            x.state.code(),
            x.conclusion.map(|c| c.code()).unwrap_or(""),
            x.record_text,
            x.signature.map(|c| c.code()).unwrap_or(""),
            x.witness,
            x.signed_at,
            x.recusal_reason,
            x.cancel_reason,
            now,
            by,
            x.id,
            x.row_version
        ])?;
    if n == 0 {
        let current = get(conn, x.id)?;
        return Err(StoreError::Conflict {
            by: current.updated_by,
            at: current.updated_at.to_string(),
        });
    }
    Ok(())
}

/// An officer on an inspection, with the certificate shown on the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Officer {
    pub user_id: i64,
    pub name: String,
    pub cert_kind: String,
    pub cert_number: String,
    pub cert_issuer: String,
    pub cert_valid_from: Day,
    pub cert_valid_to: Day,
}

pub fn officers(conn: &Connection, inspection_id: i64) -> Result<Vec<Officer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id, name, cert_kind, cert_number, cert_issuer, cert_valid_from, cert_valid_to
         FROM insp_officer WHERE inspection_id = ?1 ORDER BY rowid",
    )?;
    let rows = stmt.query_map([inspection_id], |r| {
        Ok(Officer {
            user_id: r.get(0)?,
            name: r.get(1)?,
            cert_kind: r.get(2)?,
            cert_number: r.get(3)?,
            cert_issuer: r.get(4)?,
            cert_valid_from: r.get(5)?,
            cert_valid_to: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Replaces the officers of an inspection.
pub fn set_officers(conn: &Connection, inspection_id: i64, list: &[Officer]) -> Result<()> {
    conn.prepare_cached("DELETE FROM insp_officer WHERE inspection_id = ?1")?
        .execute([inspection_id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO insp_officer (inspection_id, user_id, name, cert_kind, cert_number, cert_issuer,
            cert_valid_from, cert_valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for o in list {
        stmt.execute(params![
            inspection_id,
            o.user_id,
            o.name,
            o.cert_kind,
            o.cert_number,
            o.cert_issuer,
            o.cert_valid_from,
            o.cert_valid_to
        ])?;
    }
    Ok(())
}

/// The ids of the users with a recorded relation to the enterprise (回避).
pub fn recused_users(conn: &Connection, enterprise_id: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT user_id FROM insp_recusal WHERE enterprise_id = ?1")?;
    let rows = stmt.query_map([enterprise_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every (user, enterprise) relation, for the draw's pairing.
pub fn all_recusals(conn: &Connection) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare_cached("SELECT user_id, enterprise_id FROM insp_recusal")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert_recusal(
    conn: &Connection,
    user_id: i64,
    enterprise_id: i64,
    relation: &str,
    by: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO insp_recusal (user_id, enterprise_id, relation, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (user_id, enterprise_id) DO UPDATE SET relation = excluded.relation",
        params![user_id, enterprise_id, relation, now, by],
    )?;
    Ok(())
}

/// Routine (random or planned), not cancelled inspections of the enterprise in the year.
pub fn routine_count(conn: &Connection, enterprise_id: i64, year: i32) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM inspection WHERE enterprise_id = ?1 AND deleted_at IS NULL
            AND category IN ('random', 'planned') AND state <> 'cancelled'
            AND planned_on >= ?2 AND planned_on < ?3",
        params![
            enterprise_id,
            format!("{year}-01-01"),
            format!("{}-01-01", year + 1)
        ],
        |r| r.get(0),
    )?)
}

/// Open inspections per officer: the load the draw balances.
pub fn open_load(conn: &Connection, user_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM insp_officer o JOIN inspection i ON i.id = o.inspection_id
         WHERE o.user_id = ?1 AND i.deleted_at IS NULL
           AND i.state IN ('planned', 'pending', 'in_progress', 'record_pending', 'rectifying', 'recheck')",
        [user_id],
        |r| r.get(0),
    )?)
}
