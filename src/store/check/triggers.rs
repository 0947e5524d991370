//! The protective triggers compared by content: each trigger the migrations create must be in the file
//! with the same SQL (whitespace aside), and the file must hold no trigger they do not create. A guard
//! recreated under its own name as `WHEN 0`, or one dropped, or a new trigger that rewrites rows, shows.

use crate::store::db::{self, Result};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// What is wrong with one trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TriggerFinding {
    /// The schema defines it; the file does not have it.
    Missing { name: String, table: String },
    /// The file's definition differs from the schema's.
    Changed { name: String, table: String },
    /// The file has a trigger the schema does not define.
    Unknown { name: String, table: String },
}

/// Whitespace runs become one space, so a definition re-indented by the shell still matches.
pub fn normalise(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn triggers(conn: &Connection) -> Result<BTreeMap<String, (String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, tbl_name, coalesce(sql, '') FROM sqlite_schema WHERE type = 'trigger'",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            (r.get::<_, String>(1)?, normalise(&r.get::<_, String>(2)?)),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<BTreeMap<_, _>>>()?)
}

/// The file's triggers against those the migrations up to its version create.
pub fn verify(conn: &Connection, version: i64) -> Result<(usize, Vec<TriggerFinding>)> {
    let reference = triggers(&db::schema_at(version.min(db::SCHEMA_VERSION))?)?;
    let found = triggers(conn)?;
    let mut findings = Vec::new();
    for (name, (table, sql)) in &reference {
        match found.get(name) {
            None => findings.push(TriggerFinding::Missing {
                name: name.clone(),
                table: table.clone(),
            }),
            Some((t, s)) if t != table || s != sql => findings.push(TriggerFinding::Changed {
                name: name.clone(),
                table: table.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, (table, _)) in &found {
        if !reference.contains_key(name) {
            findings.push(TriggerFinding::Unknown {
                name: name.clone(),
                table: table.clone(),
            });
        }
    }
    Ok((reference.len(), findings))
}
