//! 双随机 storage: plans, draws with their candidates, exclusions and results (append-only: triggers
//! in the schema refuse any update or delete), and the candidate query.

use crate::domain::time::{Day, Instant};
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// A draw plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub id: i64,
    pub uid: String,
    pub name: String,
    /// Region codes; empty means every region in the operator's scope.
    pub regions: Vec<String>,
    /// `all`, `key` (重点排污单位: any supervision flag) or `general`.
    pub class: String,
    pub ratio_pct: u32,
    pub count: u32,
    /// `exclude` or `offsite`: what happens to listed enterprises.
    pub listed_policy: String,
    pub planned_on: Day,
    pub created_at: Instant,
    pub created_by: String,
}

fn read_plan(r: &rusqlite::Row<'_>) -> rusqlite::Result<Plan> {
    let regions: String = r.get(3)?;
    Ok(Plan {
        id: r.get(0)?,
        uid: r.get(1)?,
        name: r.get(2)?,
        regions: regions
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        class: r.get(4)?,
        ratio_pct: r.get(5)?,
        count: r.get(6)?,
        listed_policy: r.get(7)?,
        planned_on: r.get(8)?,
        created_at: r.get(9)?,
        created_by: r.get(10)?,
    })
}

const PLAN_SELECT: &str =
    "SELECT id, uid, name, regions, class, ratio_pct, count, listed_policy, planned_on,
    created_at, created_by FROM draw_plan";

pub fn insert_plan(conn: &Connection, p: &Plan) -> Result<i64> {
    conn.execute(
        "INSERT INTO draw_plan (uid, name, regions, class, ratio_pct, count, listed_policy, planned_on,
            created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            p.uid,
            p.name,
            p.regions.join(","),
            p.class,
            p.ratio_pct,
            p.count,
            p.listed_policy,
            p.planned_on,
            p.created_at,
            p.created_by
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn plan(conn: &Connection, id: i64) -> Result<Plan> {
    Ok(conn.query_row(&format!("{PLAN_SELECT} WHERE id = ?1"), [id], read_plan)?)
}

pub fn plans(conn: &Connection) -> Result<Vec<Plan>> {
    let mut stmt = conn.prepare(&format!("{PLAN_SELECT} ORDER BY id DESC"))?;
    let rows = stmt.query_map([], read_plan)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Records the officers a plan's pairing may use (none: every eligible officer).
pub fn insert_plan_officers(conn: &Connection, plan_id: i64, officers: &[i64]) -> Result<()> {
    let mut stmt =
        conn.prepare_cached("INSERT INTO draw_plan_officer (plan_id, user_id) VALUES (?1, ?2)")?;
    for o in officers {
        stmt.execute(params![plan_id, o])?;
    }
    Ok(())
}

/// The officers a plan's pairing may use; empty when the plan takes every eligible officer.
pub fn plan_officers(conn: &Connection, plan_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id FROM draw_plan_officer WHERE plan_id = ?1 ORDER BY user_id",
    )?;
    let rows = stmt.query_map([plan_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A draw as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Draw {
    pub id: i64,
    pub uid: String,
    pub plan_id: i64,
    pub plan_name: String,
    pub algorithm: String,
    pub seed_hex: String,
    pub candidate_count: i64,
    pub candidate_sha256: String,
    pub drawn_count: i64,
    pub operator_uid: String,
    pub operator_name: String,
    pub at: Instant,
}

const DRAW_SELECT: &str =
    "SELECT d.id, d.uid, d.plan_id, p.name, d.algorithm, d.seed_hex, d.candidate_count,
    d.candidate_sha256, d.drawn_count, d.operator_uid, d.operator_name, d.at
    FROM draw d JOIN draw_plan p ON p.id = d.plan_id";

fn read_draw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Draw> {
    Ok(Draw {
        id: r.get(0)?,
        uid: r.get(1)?,
        plan_id: r.get(2)?,
        plan_name: r.get(3)?,
        algorithm: r.get(4)?,
        seed_hex: r.get(5)?,
        candidate_count: r.get(6)?,
        candidate_sha256: r.get(7)?,
        drawn_count: r.get(8)?,
        operator_uid: r.get(9)?,
        operator_name: r.get(10)?,
        at: r.get(11)?,
    })
}

pub fn insert_draw(conn: &Connection, d: &Draw) -> Result<i64> {
    conn.execute(
        "INSERT INTO draw (uid, plan_id, algorithm, seed_hex, candidate_count, candidate_sha256, drawn_count,
            operator_uid, operator_name, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            d.uid,
            d.plan_id,
            d.algorithm,
            d.seed_hex,
            d.candidate_count,
            d.candidate_sha256,
            d.drawn_count,
            d.operator_uid,
            d.operator_name,
            d.at
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn draw(conn: &Connection, id: i64) -> Result<Option<Draw>> {
    Ok(conn
        .query_row(&format!("{DRAW_SELECT} WHERE d.id = ?1"), [id], read_draw)
        .optional()?)
}

pub fn draws(conn: &Connection) -> Result<Vec<Draw>> {
    let mut stmt = conn.prepare(&format!("{DRAW_SELECT} ORDER BY d.id DESC"))?;
    let rows = stmt.query_map([], read_draw)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A candidate of the draw: enterprise id, USCC, region, credit, list status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateRow {
    pub enterprise_id: i64,
    pub uscc: String,
    pub region_code: String,
    pub credit: String,
    pub listed: bool,
    pub closed: bool,
}

/// The live enterprises of the plan's regions and class, in canonical order (by USCC).
pub fn eligible_enterprises(
    conn: &Connection,
    regions: &[String],
    class: &str,
) -> Result<Vec<CandidateRow>> {
    let class_sql = match class {
        "key" => " AND key_flags <> ''",
        "general" => " AND key_flags = ''",
        _ => "",
    };
    let region_sql = if regions.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = regions
            .iter()
            .map(|r| format!("'{}'", r.replace('\'', "''")))
            .collect();
        format!(" AND region_code IN ({})", quoted.join(","))
    };
    let sql = format!(
        "SELECT id, uscc, region_code, credit, list_status IN ('listed', 'review'), status <> 'operating'
         FROM enterprise WHERE deleted_at IS NULL{region_sql}{class_sql} ORDER BY uscc"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(CandidateRow {
            enterprise_id: r.get(0)?,
            uscc: r.get(1)?,
            region_code: r.get(2)?,
            credit: r.get(3)?,
            listed: r.get(4)?,
            closed: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Routine inspections per enterprise in a year, for the cap exclusion.
pub fn routine_counts(conn: &Connection, year: i32) -> Result<std::collections::HashMap<i64, i64>> {
    let mut stmt = conn.prepare(
        "SELECT enterprise_id, COUNT(*) FROM inspection WHERE deleted_at IS NULL
            AND category IN ('random', 'planned') AND state <> 'cancelled'
            AND planned_on >= ?1 AND planned_on < ?2 GROUP BY enterprise_id",
    )?;
    let rows = stmt.query_map(
        params![format!("{year}-01-01"), format!("{}-01-01", year + 1)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_candidates(conn: &Connection, draw_id: i64, list: &[(i64, String)]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO draw_candidate (draw_id, position, enterprise_id, uscc) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, (id, uscc)) in list.iter().enumerate() {
        stmt.execute(params![draw_id, pos as i64, id, uscc])?;
    }
    Ok(())
}

/// The stored candidate USCCs in position order.
pub fn candidates(conn: &Connection, draw_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT uscc FROM draw_candidate WHERE draw_id = ?1 ORDER BY position")?;
    let rows = stmt.query_map([draw_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert_exclusion(
    conn: &Connection,
    draw_id: i64,
    enterprise_id: i64,
    reason: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO draw_exclusion (draw_id, enterprise_id, reason) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![draw_id, enterprise_id, reason])?;
    Ok(())
}

/// (reason, count) of a draw's exclusions.
pub fn exclusion_counts(conn: &Connection, draw_id: i64) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT reason, COUNT(*) FROM (SELECT reason FROM draw_exclusion WHERE draw_id = ?1
            UNION ALL SELECT reason FROM draw_exclusion_rule WHERE draw_id = ?1)
         GROUP BY reason ORDER BY reason",
    )?;
    let rows = stmt.query_map([draw_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A drawn enterprise with its officers and inspection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResultRow {
    pub rank: i64,
    pub position: i64,
    pub enterprise_id: i64,
    pub uscc: String,
    pub enterprise_name: String,
    pub region_code: String,
    pub mode: String,
    pub officers: String,
    pub inspection_id: Option<i64>,
    pub inspection_number: String,
    pub inspection_state: String,
    pub conclusion: String,
}

pub fn insert_result(
    conn: &Connection,
    draw_id: i64,
    r: &ResultRow,
    officers: Option<(i64, i64)>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO draw_result (draw_id, rank, position, enterprise_id, uscc, mode, officer1_id, officer2_id,
            inspection_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        draw_id,
        r.rank,
        r.position,
        r.enterprise_id,
        r.uscc,
        r.mode,
        officers.map(|o| o.0),
        officers.map(|o| o.1),
        r.inspection_id
    ])?;
    Ok(())
}

pub fn results(conn: &Connection, draw_id: i64) -> Result<Vec<ResultRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.rank, r.position, r.enterprise_id, r.uscc, e.name, e.region_code, r.mode,
            COALESCE(u1.display_name, '') || CASE WHEN u2.id IS NULL THEN '' ELSE ',' || u2.display_name END,
            r.inspection_id, COALESCE(i.number, ''), COALESCE(i.state, ''), COALESCE(i.conclusion, '')
         FROM draw_result r JOIN enterprise e ON e.id = r.enterprise_id
         LEFT JOIN user u1 ON u1.id = r.officer1_id LEFT JOIN user u2 ON u2.id = r.officer2_id
         LEFT JOIN inspection i ON i.id = r.inspection_id
         WHERE r.draw_id = ?1 ORDER BY r.rank",
    )?;
    let rows = stmt.query_map([draw_id], |r| {
        Ok(ResultRow {
            rank: r.get(0)?,
            position: r.get(1)?,
            enterprise_id: r.get(2)?,
            uscc: r.get(3)?,
            enterprise_name: r.get(4)?,
            region_code: r.get(5)?,
            mode: r.get(6)?,
            officers: r.get(7)?,
            inspection_id: r.get(8)?,
            inspection_number: r.get(9)?,
            inspection_state: r.get(10)?,
            conclusion: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
