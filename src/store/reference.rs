//! Reference data: regions, organisation units, the working-day calendar, settings, waste codes and
//! the service menu.

use crate::domain::calendar::{Calendar, DayKind};
use crate::domain::settings::Policy;
use crate::store::db::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: String,
}

pub fn regions(conn: &Connection) -> Result<Vec<Region>> {
    let mut stmt =
        conn.prepare_cached("SELECT code, name_zh, name_en, kind FROM region ORDER BY code")?;
    let rows = stmt.query_map([], |r| {
        Ok(Region {
            code: r.get(0)?,
            name_zh: r.get(1)?,
            name_en: r.get(2)?,
            kind: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn calendar(conn: &Connection) -> Result<Calendar> {
    let mut stmt = conn.prepare_cached("SELECT day, kind FROM calendar_day")?;
    let days = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let exceptions = days.into_iter().filter_map(|(d, k)| {
        Some((
            NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()?,
            DayKind::parse(&k)?,
        ))
    });
    let mut stmt = conn.prepare_cached("SELECT year FROM calendar_year")?;
    let years = stmt
        .query_map([], |r| r.get::<_, i32>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Calendar::new(exceptions, years))
}

pub fn policy(conn: &Connection) -> Result<Policy> {
    let mut stmt = conn.prepare_cached("SELECT key, value FROM setting")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Policy::from_stored(rows))
}

pub fn set_setting(
    conn: &Connection,
    key: &str,
    value: &str,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
            updated_by = excluded.updated_by",
        params![key, value, now, actor_uid],
    )?;
    Ok(())
}

/// A stored free-form setting (e.g. the demo marker), if present.
pub fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Counts rows of the reference tables, for `check` and the admin screen.
pub fn counts(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    let mut out = Vec::new();
    for table in [
        "region",
        "org_unit",
        "calendar_day",
        "waste_code",
        "waste_category",
        "service_menu",
        "setting",
    ] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        out.push((table, n));
    }
    Ok(out)
}
