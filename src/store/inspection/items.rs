//! 执法检查 storage of what is recorded during a visit: representatives present, answers to the
//! published checklist, and the append-only findings and evidence (the schema's triggers refuse changes).

use crate::domain::inspection::{Answer, EvidenceKind, Severity};
use crate::domain::time::Instant;
use crate::store::db::Result;
use crate::store::sql::required;
use rusqlite::{Connection, params};
use serde::Serialize;

pub fn representatives(conn: &Connection, inspection_id: i64) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, position FROM insp_representative WHERE inspection_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([inspection_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn add_representative(
    conn: &Connection,
    inspection_id: i64,
    name: &str,
    position: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO insp_representative (inspection_id, name, position) VALUES (?1, ?2, ?3)",
        params![inspection_id, name, position],
    )?;
    Ok(())
}

/// A published checklist item (the newest active version of each code).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    pub code: String,
    pub version: i64,
    pub name_zh: String,
    pub name_en: String,
}

pub fn checklist(conn: &Connection) -> Result<Vec<ChecklistItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.code, c.version, c.name_zh, c.name_en FROM insp_checklist_item c
         WHERE c.active = 1 AND c.version = (SELECT MAX(version) FROM insp_checklist_item
             WHERE code = c.code AND active = 1)
         ORDER BY c.ordinal, c.code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ChecklistItem {
            code: r.get(0)?,
            version: r.get(1)?,
            name_zh: r.get(2)?,
            name_en: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// (item code, answer, note) of an inspection.
pub fn answers(conn: &Connection, inspection_id: i64) -> Result<Vec<(String, Answer, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_code, answer, note FROM insp_answer WHERE inspection_id = ?1",
    )?;
    let rows = stmt.query_map([inspection_id], |r| {
        Ok((r.get(0)?, required(r, 1, Answer::parse)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn set_answer(
    conn: &Connection,
    inspection_id: i64,
    item: &ChecklistItem,
    answer: Answer,
    note: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO insp_answer (inspection_id, item_code, item_version, answer, note)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (inspection_id, item_code) DO UPDATE SET item_version = excluded.item_version,
             answer = excluded.answer, note = excluded.note",
    )?
    .execute(params![
        inspection_id,
        item.code,
        item.version,
        answer.code(),
        note
    ])?;
    Ok(())
}

/// A finding (append-only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: i64,
    /// Its number within the inspection (#1, #2 …), in the order recorded; not stored.
    pub no: i64,
    pub uid: String,
    pub description: String,
    pub provision: String,
    pub severity: Severity,
    pub minor_no_penalty: bool,
    pub evidence_refs: String,
    pub corrects_id: Option<i64>,
    pub correction_reason: String,
    pub created_at: Instant,
    pub created_by: String,
}

pub fn findings(conn: &Connection, inspection_id: i64) -> Result<Vec<Finding>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, uid, description, provision, severity, minor_no_penalty, evidence_refs, corrects_id,
            correction_reason, created_at, created_by FROM insp_finding WHERE inspection_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([inspection_id], |r| {
        Ok(Finding {
            id: r.get(0)?,
            no: 0,
            uid: r.get(1)?,
            description: r.get(2)?,
            provision: r.get(3)?,
            severity: required(r, 4, Severity::parse)?,
            minor_no_penalty: r.get(5)?,
            evidence_refs: r.get(6)?,
            corrects_id: r.get(7)?,
            correction_reason: r.get(8)?,
            created_at: r.get(9)?,
            created_by: r.get(10)?,
        })
    })?;
    let mut v = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for (i, f) in v.iter_mut().enumerate() {
        f.no = i as i64 + 1;
    }
    Ok(v)
}

pub fn insert_finding(conn: &Connection, inspection_id: i64, f: &Finding) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO insp_finding (uid, inspection_id, description, provision, severity, minor_no_penalty,
            evidence_refs, corrects_id, correction_reason, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        f.uid,
        inspection_id,
        f.description,
        f.provision,
        f.severity.code(),
        f.minor_no_penalty,
        f.evidence_refs,
        f.corrects_id,
        f.correction_reason,
        f.created_at,
        f.created_by
    ])?;
    Ok(conn.last_insert_rowid())
}

/// An evidence item (append-only): the file's path and SHA-256 when recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub id: i64,
    pub uid: String,
    pub kind: EvidenceKind,
    pub path: String,
    pub sha256: String,
    pub collected_at: Instant,
    pub collected_by: String,
    pub description: String,
    pub corrects_id: Option<i64>,
    pub correction_reason: String,
    pub created_at: Instant,
    pub created_by: String,
    /// The number (within the inspection) of the finding it supports, when linked.
    pub finding_no: Option<i64>,
}

pub fn evidence(conn: &Connection, inspection_id: i64) -> Result<Vec<Evidence>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.uid, e.kind, e.path, e.sha256, e.collected_at, e.collected_by, e.description,
            e.corrects_id, e.correction_reason, e.created_at, e.created_by,
            CASE WHEN l.finding_id IS NULL THEN NULL ELSE (SELECT COUNT(*) FROM insp_finding f
                WHERE f.inspection_id = e.inspection_id AND f.id <= l.finding_id) END
         FROM insp_evidence e LEFT JOIN insp_evidence_finding l ON l.evidence_id = e.id
         WHERE e.inspection_id = ?1 ORDER BY e.id",
    )?;
    let rows = stmt.query_map([inspection_id], |r| {
        Ok(Evidence {
            id: r.get(0)?,
            uid: r.get(1)?,
            kind: required(r, 2, EvidenceKind::parse)?,
            path: r.get(3)?,
            sha256: r.get(4)?,
            collected_at: r.get(5)?,
            collected_by: r.get(6)?,
            description: r.get(7)?,
            corrects_id: r.get(8)?,
            correction_reason: r.get(9)?,
            created_at: r.get(10)?,
            created_by: r.get(11)?,
            finding_no: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert_evidence(conn: &Connection, inspection_id: i64, e: &Evidence) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO insp_evidence (uid, inspection_id, kind, path, sha256, collected_at, collected_by,
            description, corrects_id, correction_reason, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        e.uid,
        inspection_id,
        e.kind.code(),
        e.path,
        e.sha256,
        e.collected_at,
        e.collected_by,
        e.description,
        e.corrects_id,
        e.correction_reason,
        e.created_at,
        e.created_by
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Links an evidence item to the finding it supports (set when the item is recorded).
pub fn link_evidence(conn: &Connection, evidence_id: i64, finding_id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO insp_evidence_finding (evidence_id, finding_id) VALUES (?1, ?2)",
        params![evidence_id, finding_id],
    )?;
    Ok(())
}
