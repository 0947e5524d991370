//! Storage of what the inspection rules rest on (migration 18): the act behind a case (date, continuing,
//! five-year mark, the migration's mark), 专项 plans approved by a supervisor, the guard link of an
//! on-site check of a listed enterprise, supervisors' recusal decisions, the versions of a
//! rectification report and the draw exclusions added by this version.

use crate::domain::time::{Day, Instant};
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// The act recorded on an inspection; `on` is `None` while it is still to be filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ActRow {
    pub on: Option<Day>,
    pub continuing: bool,
    pub five_year: bool,
    /// Marked by migration 18: recorded before the act date existed.
    pub migrated: bool,
}

pub fn act(conn: &Connection, inspection_id: i64) -> Result<Option<ActRow>> {
    Ok(conn
        .query_row(
            "SELECT act_on, continuing, five_year, migrated FROM insp_act WHERE inspection_id = ?1",
            [inspection_id],
            |r| {
                Ok(ActRow {
                    on: r.get(0)?,
                    continuing: r.get(1)?,
                    five_year: r.get(2)?,
                    migrated: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Records (or corrects) the act; the migration's mark is kept.
pub fn set_act(
    conn: &Connection,
    inspection_id: i64,
    a: &ActRow,
    by: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO insp_act (inspection_id, act_on, continuing, five_year, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (inspection_id) DO UPDATE SET act_on = excluded.act_on,
             continuing = excluded.continuing, five_year = excluded.five_year,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        params![inspection_id, a.on, a.continuing, a.five_year, now, by],
    )?;
    Ok(())
}

/// A 专项 plan, approved by the supervisor who recorded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpecialPlan {
    pub id: i64,
    pub uid: String,
    pub name: String,
    pub doc_ref: String,
    pub enterprise_id: Option<i64>,
    /// `key`, `general`, `all`, or empty when the plan names one enterprise.
    pub class: String,
    pub region_code: String,
    pub approved_by: String,
    pub approved_by_name: String,
    pub approved_at: Instant,
}

const PLAN_SELECT: &str = "SELECT id, uid, name, doc_ref, enterprise_id, class, region_code,
    approved_by, approved_by_name, approved_at FROM insp_special_plan";

fn read_plan(r: &rusqlite::Row<'_>) -> rusqlite::Result<SpecialPlan> {
    Ok(SpecialPlan {
        id: r.get(0)?,
        uid: r.get(1)?,
        name: r.get(2)?,
        doc_ref: r.get(3)?,
        enterprise_id: r.get(4)?,
        class: r.get(5)?,
        region_code: r.get(6)?,
        approved_by: r.get(7)?,
        approved_by_name: r.get(8)?,
        approved_at: r.get(9)?,
    })
}

pub fn insert_special_plan(conn: &Connection, p: &SpecialPlan) -> Result<i64> {
    conn.execute(
        "INSERT INTO insp_special_plan (uid, name, doc_ref, enterprise_id, class, region_code,
            approved_by, approved_by_name, approved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            p.uid,
            p.name,
            p.doc_ref,
            p.enterprise_id,
            p.class,
            p.region_code,
            p.approved_by,
            p.approved_by_name,
            p.approved_at
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn special_plan(conn: &Connection, id: i64) -> Result<SpecialPlan> {
    let sql = format!("{PLAN_SELECT} WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], read_plan)?)
}

/// The plans that name the enterprise, or its class ('key' when it has key-discharger flags) in its
/// region or city-wide; newest first.
pub fn special_plans_for(conn: &Connection, enterprise_id: i64) -> Result<Vec<SpecialPlan>> {
    let sql = format!(
        "{PLAN_SELECT} AS p WHERE p.enterprise_id = ?1 OR (p.enterprise_id IS NULL AND EXISTS (
            SELECT 1 FROM enterprise e WHERE e.id = ?1
              AND (p.region_code = '' OR p.region_code = e.region_code)
              AND (p.class = 'all' OR (p.class = 'key' AND e.key_flags <> '')
                   OR (p.class = 'general' AND e.key_flags = ''))))
         ORDER BY p.id DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([enterprise_id], read_plan)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A recorded positive-list trigger of an enterprise, as the guard link picker offers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TriggerFact {
    pub id: i64,
    pub kind: String,
    pub reference: String,
    pub occurred_on: String,
}

/// The triggers recorded against the enterprise's list entries, newest first.
pub fn triggers_of(conn: &Connection, enterprise_id: i64) -> Result<Vec<TriggerFact>> {
    let mut stmt = conn.prepare(
        "SELECT t.id, t.kind, t.reference, t.occurred_on FROM pl_trigger t
         JOIN pl_entry x ON x.id = t.entry_id WHERE x.enterprise_id = ?1 ORDER BY t.id DESC",
    )?;
    let rows = stmt.query_map([enterprise_id], |r| {
        Ok(TriggerFact {
            id: r.get(0)?,
            kind: r.get(1)?,
            reference: r.get(2)?,
            occurred_on: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// What an on-site check of a listed enterprise rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum GuardLink {
    Trigger(TriggerFact),
    Plan(SpecialPlan),
}

pub fn insert_guard_link(conn: &Connection, inspection_id: i64, link: &GuardLink) -> Result<()> {
    let (t, p) = match link {
        GuardLink::Trigger(t) => (Some(t.id), None),
        GuardLink::Plan(p) => (None, Some(p.id)),
    };
    conn.execute(
        "INSERT INTO insp_guard_link (inspection_id, trigger_id, special_plan_id) VALUES (?1, ?2, ?3)",
        params![inspection_id, t, p],
    )?;
    Ok(())
}

pub fn guard_link(conn: &Connection, inspection_id: i64) -> Result<Option<GuardLink>> {
    let ids: Option<(Option<i64>, Option<i64>)> = conn
        .query_row(
            "SELECT trigger_id, special_plan_id FROM insp_guard_link WHERE inspection_id = ?1",
            [inspection_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match ids {
        Some((Some(t), _)) => Ok(conn
            .query_row(
                "SELECT id, kind, reference, occurred_on FROM pl_trigger WHERE id = ?1",
                [t],
                |r| {
                    Ok(TriggerFact {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        reference: r.get(2)?,
                        occurred_on: r.get(3)?,
                    })
                },
            )
            .optional()?
            .map(GuardLink::Trigger)),
        Some((None, Some(p))) => Ok(Some(GuardLink::Plan(special_plan(conn, p)?))),
        _ => Ok(None),
    }
}

/// A supervisor's recorded decision that a related officer may stay on one inspection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecusalDecision {
    pub user_id: i64,
    pub officer_name: String,
    pub reason: String,
    pub decided_by: String,
    pub decided_by_name: String,
    pub decided_at: Instant,
}

pub fn insert_recusal_decision(
    conn: &Connection,
    inspection_id: i64,
    d: &RecusalDecision,
) -> Result<()> {
    conn.execute(
        "INSERT INTO insp_recusal_decision (inspection_id, user_id, reason, decided_by, decided_by_name,
            decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            inspection_id,
            d.user_id,
            d.reason,
            d.decided_by,
            d.decided_by_name,
            d.decided_at
        ],
    )?;
    Ok(())
}

pub fn recusal_decisions(conn: &Connection, inspection_id: i64) -> Result<Vec<RecusalDecision>> {
    let mut stmt = conn.prepare(
        "SELECT d.user_id, u.display_name, d.reason, d.decided_by, d.decided_by_name, d.decided_at
         FROM insp_recusal_decision d JOIN user u ON u.id = d.user_id
         WHERE d.inspection_id = ?1 ORDER BY d.id",
    )?;
    let rows = stmt.query_map([inspection_id], |r| {
        Ok(RecusalDecision {
            user_id: r.get(0)?,
            officer_name: r.get(1)?,
            reason: r.get(2)?,
            decided_by: r.get(3)?,
            decided_by_name: r.get(4)?,
            decided_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One version of an enterprise's rectification report (append-only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportVersion {
    pub version: i64,
    pub text: String,
    pub reason: String,
    pub days_late: i64,
    pub submitted_at: Instant,
    pub submitted_by: String,
}

pub fn insert_report_version(
    conn: &Connection,
    rectification_id: i64,
    v: &ReportVersion,
) -> Result<()> {
    conn.execute(
        "INSERT INTO insp_rect_report (rectification_id, version, text, reason, days_late, submitted_at,
            submitted_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            rectification_id,
            v.version,
            v.text,
            v.reason,
            v.days_late,
            v.submitted_at,
            v.submitted_by
        ],
    )?;
    Ok(())
}

/// The versions of an order's report, oldest first.
pub fn report_versions(conn: &Connection, rectification_id: i64) -> Result<Vec<ReportVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT version, text, reason, days_late, submitted_at, submitted_by FROM insp_rect_report
         WHERE rectification_id = ?1 ORDER BY version",
    )?;
    let rows = stmt.query_map([rectification_id], |r| {
        Ok(ReportVersion {
            version: r.get(0)?,
            text: r.get(1)?,
            reason: r.get(2)?,
            days_late: r.get(3)?,
            submitted_at: r.get(4)?,
            submitted_by: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Enterprises with an open inspection (计划中 / 待检查 / 检查中), for the draw's exclusions.
pub fn open_inspection_enterprises(conn: &Connection) -> Result<std::collections::HashSet<i64>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT enterprise_id FROM inspection WHERE deleted_at IS NULL
            AND state IN ('planned', 'pending', 'in_progress')",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Enterprises drawn by a plan dated in [from, to), for the draw's exclusions.
pub fn drawn_between(
    conn: &Connection,
    from: &str,
    to: &str,
) -> Result<std::collections::HashSet<i64>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT r.enterprise_id FROM draw_result r JOIN draw d ON d.id = r.draw_id
         JOIN draw_plan p ON p.id = d.plan_id WHERE p.planned_on >= ?1 AND p.planned_on < ?2",
    )?;
    let rows = stmt.query_map([from, to], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_exclusion_rule(
    conn: &Connection,
    draw_id: i64,
    enterprise_id: i64,
    reason: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO draw_exclusion_rule (draw_id, enterprise_id, reason) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![draw_id, enterprise_id, reason])?;
    Ok(())
}

/// (reason, count) of the exclusions this version added to a draw.
pub fn exclusion_rule_counts(conn: &Connection, draw_id: i64) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT reason, COUNT(*) FROM draw_exclusion_rule WHERE draw_id = ?1 GROUP BY reason ORDER BY reason",
    )?;
    let rows = stmt.query_map([draw_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// (rank, USCC, enterprise, officer pair) of each drawn enterprise, for `draw verify`.
pub type ResultPair = (i64, String, i64, Option<(i64, i64)>);

pub fn result_pairs(conn: &Connection, draw_id: i64) -> Result<Vec<ResultPair>> {
    let mut stmt = conn.prepare(
        "SELECT rank, uscc, enterprise_id, officer1_id, officer2_id FROM draw_result
         WHERE draw_id = ?1 ORDER BY rank",
    )?;
    let rows = stmt.query_map([draw_id], |r| {
        let (a, b): (Option<i64>, Option<i64>) = (r.get(3)?, r.get(4)?);
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, a.zip(b)))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
