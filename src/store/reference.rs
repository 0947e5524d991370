//! Reference data: regions, organisation units, the working-day calendar, settings, waste codes and
//! the service menu.

use crate::domain::calendar::{Calendar, DayKind};
use crate::domain::settings::Policy;
use crate::domain::time::Day;
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

/// Forgets the stored exceptions of a year and marks it covered by `source` (an import replaces it whole).
pub fn replace_calendar_year(conn: &Connection, year: i32, source: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM calendar_day WHERE day LIKE ?1",
        [format!("{year:04}-%")],
    )?;
    conn.execute(
        "INSERT INTO calendar_year (year, source) VALUES (?1, ?2)
         ON CONFLICT(year) DO UPDATE SET source = excluded.source",
        params![year, source],
    )?;
    Ok(())
}

pub fn insert_calendar_day(conn: &Connection, day: &str, kind: &str, name: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO calendar_day (day, kind, name) VALUES (?1, ?2, ?3)",
        params![day, kind, name],
    )?;
    Ok(())
}

pub fn waste_edition_exists(conn: &Connection, label: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM waste_edition WHERE label = ?1)",
        [label],
        |r| r.get(0),
    )?)
}

/// The categories of the edition with the latest effective date.
pub fn latest_waste_categories(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT category, name_zh FROM waste_category WHERE edition_id =
            (SELECT id FROM waste_edition ORDER BY effective_from DESC, id DESC LIMIT 1) ORDER BY category",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert_waste_edition(
    conn: &Connection,
    label: &str,
    effective: &str,
    official: bool,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO waste_edition (label, effective_from, official, imported_at) VALUES (?1, ?2, ?3, ?4)",
        params![label, effective, official, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn insert_waste_category(
    conn: &Connection,
    edition: i64,
    category: &str,
    name: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO waste_category (edition_id, category, name_zh) VALUES (?1, ?2, ?3)",
        params![edition, category, name],
    )?;
    Ok(())
}

pub fn insert_waste_code(
    conn: &Connection,
    edition: i64,
    code: &str,
    category: &str,
    desc: &str,
    hazard: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO waste_code (edition_id, code, category, description_zh, hazard) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![edition, code, category, desc, hazard],
    )?;
    Ok(())
}

/// A waste-code edition as listed to administrators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WasteEdition {
    pub label: String,
    pub effective_from: Day,
    pub official: bool,
    pub codes: i64,
}

pub fn waste_editions(conn: &Connection) -> Result<Vec<WasteEdition>> {
    let mut stmt = conn.prepare(
        "SELECT e.label, e.effective_from, e.official, (SELECT count(*) FROM waste_code c WHERE c.edition_id = e.id)
         FROM waste_edition e ORDER BY e.effective_from, e.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(WasteEdition {
            label: r.get(0)?,
            effective_from: r.get(1)?,
            official: r.get(2)?,
            codes: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn deactivate_service_menu(conn: &Connection) -> Result<()> {
    conn.execute("UPDATE service_menu SET active = 0", [])?;
    Ok(())
}

pub fn upsert_service_item(
    conn: &Connection,
    code: &str,
    zh: &str,
    en: &str,
    sort: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO service_menu (code, name_zh, name_en, active, sort) VALUES (?1, ?2, ?3, 1, ?4)
         ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, active = 1,
            sort = excluded.sort",
        params![code, zh, en, sort],
    )?;
    Ok(())
}
