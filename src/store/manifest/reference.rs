//! Manifest reference storage: receivers' licences, cross-province approvals, and the 名录 edition in
//! force on a date with its code search (code, category, description).

use crate::domain::manifest::rules::LicenceFacts;
use crate::domain::manifest::{CodeInfo, LicenceKind, Mode};
use crate::domain::time::Day;
use crate::store::db::Result;
use crate::store::sql::Where;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// A licence as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Licence {
    pub id: i64,
    pub uid: String,
    pub number: String,
    pub holder_uscc: String,
    pub holder_name: String,
    pub enterprise_id: Option<i64>,
    pub province: String,
    pub scope: String,
    pub modes: String,
    pub capacity_kg: i64,
    pub valid_from: Day,
    pub valid_to: Day,
    pub kind: LicenceKind,
}

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

impl Licence {
    pub fn facts(&self) -> LicenceFacts {
        LicenceFacts {
            number: self.number.clone(),
            province: self.province.clone(),
            scope: split(&self.scope),
            modes: split(&self.modes),
            capacity_kg: self.capacity_kg,
            valid_from: self.valid_from.date(),
            valid_to: self.valid_to.date(),
        }
    }
}

const LICENCE: &str =
    "SELECT id, uid, number, holder_uscc, holder_name, enterprise_id, province, scope,
    modes, capacity_kg, valid_from, valid_to, kind FROM hw_licence";

fn read_licence(r: &rusqlite::Row<'_>) -> rusqlite::Result<Licence> {
    Ok(Licence {
        id: r.get(0)?,
        uid: r.get(1)?,
        number: r.get(2)?,
        holder_uscc: r.get(3)?,
        holder_name: r.get(4)?,
        enterprise_id: r.get(5)?,
        province: r.get(6)?,
        scope: r.get(7)?,
        modes: r.get(8)?,
        capacity_kg: r.get(9)?,
        valid_from: r.get(10)?,
        valid_to: r.get(11)?,
        kind: crate::store::sql::required(r, 12, LicenceKind::parse)?,
    })
}

pub fn insert_licence(conn: &Connection, l: &Licence, actor_uid: &str, now: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO hw_licence (uid, number, holder_uscc, holder_name, enterprise_id, province, scope,
            modes, capacity_kg, valid_from, valid_to, created_at, created_by, updated_at, updated_by, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?12, ?13, ?14)",
    )?
    .execute(params![
        l.uid,
        l.number,
        l.holder_uscc,
        l.holder_name,
        l.enterprise_id,
        l.province,
        l.scope,
        l.modes,
        l.capacity_kg,
        l.valid_from,
        l.valid_to,
        now,
        actor_uid,
        l.kind.code()
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn licence(conn: &Connection, id: i64) -> Result<Licence> {
    Ok(conn.query_row(&format!("{LICENCE} WHERE id = ?1"), [id], read_licence)?)
}

pub fn licence_by_number(conn: &Connection, number: &str) -> Result<Option<Licence>> {
    Ok(conn
        .query_row(
            &format!("{LICENCE} WHERE number = ?1"),
            [number],
            read_licence,
        )
        .optional()?)
}

/// Licences in number order, from `after` (keyset), at most `limit`.
pub fn licences(conn: &Connection, after: &str, limit: usize) -> Result<Vec<Licence>> {
    let mut stmt = conn.prepare(&format!(
        "{LICENCE} WHERE number > ?1 ORDER BY number LIMIT {limit}"
    ))?;
    let rows = stmt.query_map([after], read_licence)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A cross-province approval as stored, with its licence number and generator name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub id: i64,
    pub uid: String,
    pub number: String,
    pub generator_id: i64,
    pub generator_name: String,
    pub region_code: String,
    pub waste_code: String,
    pub licence_id: i64,
    pub licence_number: String,
    pub receiver_name: String,
    pub approved_kg: i64,
    pub used_kg: i64,
    pub valid_from: Day,
    pub valid_to: Day,
    /// The approved handling mode (`None` for approvals recorded before it was kept).
    pub mode: Option<Mode>,
}

const APPROVAL: &str = "SELECT a.id, a.uid, a.number, a.generator_id, e.name, e.region_code, a.waste_code,
    a.licence_id, l.number, l.holder_name, a.approved_kg,
    (SELECT COALESCE(SUM(ml.quantity_kg), 0) FROM manifest m JOIN manifest_line ml ON ml.manifest_id = m.id
      WHERE m.approval_id = a.id AND m.state NOT IN ('draft', 'cancelled', 'rejected')),
    a.valid_from, a.valid_to, a.handling_mode
    FROM hw_approval a JOIN enterprise e ON e.id = a.generator_id JOIN hw_licence l ON l.id = a.licence_id";

fn read_approval(r: &rusqlite::Row<'_>) -> rusqlite::Result<Approval> {
    Ok(Approval {
        id: r.get(0)?,
        uid: r.get(1)?,
        number: r.get(2)?,
        generator_id: r.get(3)?,
        generator_name: r.get(4)?,
        region_code: r.get(5)?,
        waste_code: r.get(6)?,
        licence_id: r.get(7)?,
        licence_number: r.get(8)?,
        receiver_name: r.get(9)?,
        approved_kg: r.get(10)?,
        used_kg: r.get(11)?,
        valid_from: r.get(12)?,
        valid_to: r.get(13)?,
        mode: crate::store::sql::code(r, 14, Mode::parse)?,
    })
}

/// The columns of a new approval.
pub struct NewApproval<'a> {
    pub uid: &'a str,
    pub number: &'a str,
    pub generator_id: i64,
    pub waste_code: &'a str,
    pub licence_id: i64,
    pub approved_kg: i64,
    pub valid_from: Day,
    pub valid_to: Day,
    pub mode: Mode,
}

pub fn insert_approval(
    conn: &Connection,
    a: &NewApproval<'_>,
    actor_uid: &str,
    now: &str,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO hw_approval (uid, number, generator_id, waste_code, licence_id, approved_kg,
            valid_from, valid_to, created_at, created_by, updated_at, updated_by, handling_mode)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10, ?11)",
    )?
    .execute(params![
        a.uid,
        a.number,
        a.generator_id,
        a.waste_code,
        a.licence_id,
        a.approved_kg,
        a.valid_from,
        a.valid_to,
        now,
        actor_uid,
        a.mode.code()
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn approval(conn: &Connection, id: i64) -> Result<Approval> {
    Ok(conn.query_row(&format!("{APPROVAL} WHERE a.id = ?1"), [id], read_approval)?)
}

pub fn approval_by_number(conn: &Connection, number: &str) -> Result<Option<Approval>> {
    Ok(conn
        .query_row(
            &format!("{APPROVAL} WHERE a.number = ?1"),
            [number],
            read_approval,
        )
        .optional()?)
}

/// Approvals in scope (one generator, or one region, or all), optionally only those ending between
/// `from` and `until` (expiring soon), ordered by end date.
pub fn approvals(
    conn: &Connection,
    generator: Option<i64>,
    region: Option<&str>,
    ending: Option<(&str, &str)>,
    limit: usize,
) -> Result<Vec<Approval>> {
    let mut w = Where::new("1 = 1");
    if let Some(g) = generator {
        w.and("a.generator_id = ?", [g.into()]);
    }
    if let Some(r) = region {
        w.and("e.region_code = ?", [r.to_string().into()]);
    }
    if let Some((from, until)) = ending {
        w.and(
            "a.valid_to >= ? AND a.valid_to <= ?",
            [from.to_string().into(), until.to_string().into()],
        );
    }
    let (wh, args) = w.finish();
    let sql = format!("{APPROVAL} WHERE {wh} ORDER BY a.valid_to, a.id LIMIT {limit}");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), read_approval)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The quantity of an approval's live manifests other than `except`.
pub fn approval_used_kg(conn: &Connection, approval_id: i64, except: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(ml.quantity_kg), 0) FROM manifest m
         JOIN manifest_line ml ON ml.manifest_id = m.id
         WHERE m.approval_id = ?1 AND m.id <> ?2 AND m.state NOT IN ('draft', 'cancelled', 'rejected')",
        params![approval_id, except],
        |r| r.get(0),
    )?)
}

/// What a receiver took in under a licence in one calendar year (`YYYY`): the received quantity of
/// its accepted receipts (已接收, 已完成), except manifest `except`. (manifests gaps, mf)
pub fn licence_received_kg(
    conn: &Connection,
    licence_id: i64,
    year: &str,
    except: i64,
) -> Result<i64> {
    Ok(conn
        .prepare_cached(RECEIVED_KG_SQL)?
        .query_row(params![licence_id, except, year], |r| r.get(0))?)
}

/// A year's receipts under a licence, as a range on `received_at` (ISO text starting with the year), so
/// the sum walks `manifest_licence_received`.
const RECEIVED_KG_SQL: &str = "SELECT COALESCE(SUM(received_kg), 0) FROM manifest
     WHERE licence_id = ?1 AND id <> ?2 AND state IN ('received', 'completed')
       AND received_at >= ?3 AND received_at < CAST(CAST(?3 AS INTEGER) + 1 AS TEXT)";

/// The edition in force on `day` as (id, label): the latest effective on or before it.
pub fn edition_on(conn: &Connection, day: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, label FROM waste_edition WHERE effective_from <= ?1
             ORDER BY effective_from DESC, id DESC LIMIT 1",
            [day],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn code_info(conn: &Connection, edition: i64, code: &str) -> Result<Option<CodeInfo>> {
    Ok(conn
        .prepare_cached(
            "SELECT category, description_zh, hazard FROM waste_code WHERE edition_id = ?1 AND code = ?2",
        )?
        .query_row(params![edition, code], |r| {
            Ok(CodeInfo {
                category: r.get(0)?,
                description: r.get(1)?,
                hazard: r.get(2)?,
            })
        })
        .optional()?)
}

/// A handling-result code of the reference list: (code, kind, Chinese name), or `None`.
pub fn handling_code(conn: &Connection, code: &str) -> Result<Option<(String, String, String)>> {
    Ok(conn
        .prepare_cached("SELECT code, kind, name_zh FROM hw_handling_code WHERE code = ?1")?
        .query_row([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// The whole handling-code list as (code, kind, Chinese name, English name), in code order.
pub fn handling_codes(conn: &Connection) -> Result<Vec<(String, String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, kind, name_zh, name_en FROM hw_handling_code ORDER BY substr(code, 1, 1),
            CAST(substr(code, 2) AS INTEGER)",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Replaces the handling-code list (an administrator's import): completed manifests keep the code
/// they were completed with.
pub fn replace_handling_codes(
    conn: &Connection,
    rows: &[(String, String, String, String)],
) -> Result<()> {
    conn.execute("DELETE FROM hw_handling_code", [])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO hw_handling_code (code, kind, name_zh, name_en) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (code, kind, zh, en) in rows {
        stmt.execute(params![code, kind, zh, en])?;
    }
    Ok(())
}

/// A code offered by the picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeHit {
    pub code: String,
    pub category: String,
    pub category_name: String,
    pub description: String,
    pub hazard: String,
}

/// Codes of an edition whose code, category, category name or description contains `query`
/// (`900-2`, `HW08`, `废矿物油`), codes starting with it first.
pub fn search_codes(
    conn: &Connection,
    edition: i64,
    query: &str,
    limit: usize,
) -> Result<Vec<CodeHit>> {
    let q = query.trim();
    let mut stmt = conn.prepare_cached(
        "SELECT c.code, c.category, k.name_zh, c.description_zh, c.hazard FROM waste_code c
         JOIN waste_category k ON k.edition_id = c.edition_id AND k.category = c.category
         WHERE c.edition_id = ?1 AND (?2 = '' OR instr(c.code, ?2) > 0 OR instr(c.category, upper(?2)) > 0
            OR instr(k.name_zh, ?2) > 0 OR instr(c.description_zh, ?2) > 0)
         ORDER BY (instr(c.code, ?2) = 1) DESC, c.category, c.code LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![edition, q, i64::try_from(limit).unwrap_or(50)],
        |r| {
            Ok(CodeHit {
                code: r.get(0)?,
                category: r.get(1)?,
                category_name: r.get(2)?,
                description: r.get(3)?,
                hazard: r.get(4)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Up to `limit` operating enterprises as (id, region), for the demo generator's bulk manifests.
pub fn generator_candidates(conn: &Connection, limit: usize) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, region_code FROM enterprise WHERE status = 'operating' AND deleted_at IS NULL
         ORDER BY id LIMIT {limit}"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod plan_tests {
    use super::*;

    #[test]
    fn a_licence_year_of_receipts_is_summed_through_its_index() {
        let conn = crate::store::db::open_in_memory().expect("db");
        let plan = crate::store::db::query_plan(&conn, RECEIVED_KG_SQL, params![1, 0, "2026"]);
        assert!(
            plan.contains("manifest_licence_received") && !plan.contains("SCAN"),
            "{plan}"
        );
    }
}
