//! Seed data shipped in the binary (copied from the specification's reference folder into `seed/`):
//! regions, organisation units, the 2025-2026 working-day calendar, waste codes and categories
//! (an unofficial compilation until an administrator imports the official 名录), the service menu and
//! the default policy settings.

use crate::domain::settings::DEFAULTS;
use crate::store::db::Result;
use rusqlite::{Connection, params};

pub const REGIONS_TSV: &str = include_str!("../../seed/regions.tsv");
pub const CALENDAR_TSV: &str = include_str!("../../seed/calendar.tsv");
pub const WASTE_CATEGORIES_TSV: &str = include_str!("../../seed/waste_categories.tsv");
pub const WASTE_CODES_TSV: &str = include_str!("../../seed/waste_codes.tsv");
pub const SERVICE_MENU_TSV: &str = include_str!("../../seed/service_menu.tsv");
/// The handling-code list as shipped (migration 19 inserts the same rows), for administrators to edit.
pub const HANDLING_CODES_TSV: &str = include_str!("../../seed/handling_codes.tsv");

/// The label of the shipped waste-code edition: a best-effort compilation of uncertain edition, so the
/// label says so until an administrator imports an official edition with its own label.
pub const SEED_WASTE_EDITION: &str = "危险废物名录（非官方整理，版本待确认）";
const SEED_WASTE_EFFECTIVE: &str = "2025-01-01";

/// The calendar's covered years: a year is covered when the shipped file lists it.
const SEED_CALENDAR_YEARS: [i32; 2] = [2025, 2026];

/// Rows of a TSV with a header, split into fields.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn field<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("").trim()
}

/// Loads every reference table and the default settings into an empty database.
pub fn reference_data(conn: &Connection, now: &str) -> Result<()> {
    for r in rows(REGIONS_TSV) {
        conn.execute(
            "INSERT INTO region (code, name_zh, name_en, kind, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                field(&r, 0),
                field(&r, 1),
                field(&r, 2),
                field(&r, 3),
                field(&r, 4)
            ],
        )?;
        let (code, zh, en, kind) = (field(&r, 0), field(&r, 1), field(&r, 2), field(&r, 3));
        if kind == "city" {
            conn.execute(
                "INSERT INTO org_unit (code, name_zh, name_en, region_code) VALUES ('CITY', ?1, ?2, NULL)",
                params![format!("{zh}生态环境局"), format!("{en} Ecology and Environment Bureau")],
            )?;
        } else {
            let short = zh.strip_prefix("聊城").unwrap_or(zh);
            conn.execute(
                "INSERT INTO org_unit (code, name_zh, name_en, region_code) VALUES (?1, ?2, ?3, ?1)",
                params![code, format!("聊城市生态环境局{short}分局"), format!("{en} Branch")],
            )?;
        }
    }
    for r in rows(CALENDAR_TSV) {
        conn.execute(
            "INSERT INTO calendar_day (day, kind, name) VALUES (?1, ?2, ?3)",
            params![field(&r, 0), field(&r, 1), field(&r, 2)],
        )?;
    }
    for year in SEED_CALENDAR_YEARS {
        conn.execute(
            "INSERT INTO calendar_year (year, source) VALUES (?1, '国务院办公厅通知 (seed)')",
            [year],
        )?;
    }
    conn.execute(
        "INSERT INTO waste_edition (label, effective_from, official, imported_at) VALUES (?1, ?2, 0, ?3)",
        params![SEED_WASTE_EDITION, SEED_WASTE_EFFECTIVE, now],
    )?;
    let edition = conn.last_insert_rowid();
    for r in rows(WASTE_CATEGORIES_TSV) {
        conn.execute(
            "INSERT INTO waste_category (edition_id, category, name_zh) VALUES (?1, ?2, ?3)",
            params![edition, field(&r, 0), field(&r, 1)],
        )?;
    }
    for r in rows(WASTE_CODES_TSV) {
        conn.execute(
            "INSERT OR IGNORE INTO waste_code (edition_id, code, category, description_zh, hazard) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![edition, field(&r, 0), field(&r, 1), field(&r, 2), crate::domain::manifest::waste::normalize_hazard_rule(field(&r, 3)).unwrap_or_default()],
        )?;
    }
    for (i, r) in rows(SERVICE_MENU_TSV).enumerate() {
        conn.execute(
            "INSERT INTO service_menu (code, name_zh, name_en, sort) VALUES (?1, ?2, ?3, ?4)",
            params![field(&r, 0), field(&r, 1), field(&r, 2), i as i64],
        )?;
    }
    for (key, value, _) in DEFAULTS {
        conn.execute(
            "INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, 'system')",
            params![key, value.to_string(), now],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{db, reference};

    #[test]
    fn seeds_every_reference_table() {
        let conn = db::open_in_memory().expect("db");
        reference_data(&conn, "2026-11-29T00:00:00Z").expect("seed");
        let counts: std::collections::HashMap<_, _> = reference::counts(&conn)
            .expect("counts")
            .into_iter()
            .collect();
        assert_eq!(counts["region"], 12);
        assert_eq!(counts["org_unit"], 12);
        assert_eq!(counts["calendar_day"], 72);
        assert_eq!(counts["waste_category"], 46);
        assert!(counts["waste_code"] >= 467, "{}", counts["waste_code"]);
        assert_eq!(counts["service_menu"], 11);
        let cal = reference::calendar(&conn).expect("calendar");
        assert!(cal.covers(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")));
        let guan: String = conn
            .query_row(
                "SELECT name_zh FROM org_unit WHERE code = '371525'",
                [],
                |r| r.get(0),
            )
            .expect("unit");
        assert_eq!(guan, "聊城市生态环境局冠县分局");
    }

    /// Migration 19 ships the handling-code list; it is the same list as `seed/handling_codes.tsv`.
    #[test]
    fn the_migrated_handling_codes_are_the_shipped_file() {
        let conn = db::open_in_memory().expect("db");
        let stored = crate::store::manifest::reference::handling_codes(&conn).expect("codes");
        let mut shipped: Vec<(String, String, String, String)> = rows(HANDLING_CODES_TSV)
            .map(|r| {
                (
                    field(&r, 0).to_string(),
                    field(&r, 1).to_string(),
                    field(&r, 2).to_string(),
                    field(&r, 3).to_string(),
                )
            })
            .collect();
        let mut got = stored.clone();
        got.sort();
        shipped.sort();
        assert_eq!(got, shipped);
        assert!(stored.iter().any(|c| c.0 == "R9"));
    }

    #[test]
    fn every_shipped_waste_code_is_well_formed() {
        for r in rows(WASTE_CODES_TSV) {
            let code = field(&r, 0);
            let category = crate::domain::manifest::waste::category_of(code).expect("code form");
            assert_eq!(category, field(&r, 1), "{code}");
            crate::domain::manifest::waste::normalize_hazards(field(&r, 3)).expect("hazards");
        }
    }
}
