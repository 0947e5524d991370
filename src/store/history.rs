//! The state timelines of requests, list entries, manifests and inspections: four tables of one shape
//! (a parent id, the event, the states before and after, a note, when and by whom), read and appended
//! by the same code.

use crate::domain::visibility::Visibility;
use crate::store::db::Result;
use rusqlite::{Connection, Row as SqlRow, params};
use serde::Serialize;

/// Which timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Assistance,
    /// Calls its note the reason; its events mark only a few steps.
    PositiveList,
    Manifest,
    Inspection,
}

impl Table {
    /// The table and the column of its parent's id.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Table::Assistance => ("assist_history", "request_id"),
            Table::PositiveList => ("pl_history", "entry_id"),
            Table::Manifest => ("manifest_history", "manifest_id"),
            Table::Inspection => ("insp_history", "inspection_id"),
        }
    }

    /// The positive list calls its note a reason.
    fn note_column(self) -> &'static str {
        match self {
            Table::PositiveList => "reason",
            Table::Assistance | Table::Manifest | Table::Inspection => "note",
        }
    }

    /// Only 帮扶 and 正面清单 entries are marked 对企业公开 or 内部.
    fn keeps_visibility(self) -> bool {
        matches!(self, Table::PositiveList | Table::Assistance)
    }
}

/// One transition in a timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The event's code; in the positive list only for the entry's creation (`proposed`, `applied`)
    /// and a few marked steps (`late_objection`, `withdraw`), else empty.
    pub event: String,
    pub from_state: String,
    pub to_state: String,
    pub note: String,
    pub at: crate::domain::time::Instant,
    pub by_name: String,
    /// 对企业公开 or 内部 (manifest and inspection timelines are all public to whoever may read them).
    #[serde(serialize_with = "visibility_code")]
    pub visibility: Visibility,
}

fn visibility_code<S: serde::Serializer>(
    v: &Visibility,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(v.code())
}

impl Row {
    /// Reads the seven columns from `first` on, in field order.
    pub(crate) fn read(r: &SqlRow<'_>, first: usize) -> rusqlite::Result<Row> {
        Ok(Row {
            event: r.get(first)?,
            from_state: r.get(first + 1)?,
            to_state: r.get(first + 2)?,
            note: r.get(first + 3)?,
            at: r.get(first + 4)?,
            by_name: r.get(first + 5)?,
            visibility: Visibility::of_code(&r.get::<_, String>(first + 6)?),
        })
    }

    pub fn is_internal(&self) -> bool {
        self.visibility.is_internal()
    }
}

/// A transition to append; states are stored codes.
pub struct NewRow<'a> {
    /// The request, entry, manifest or inspection.
    pub id: i64,
    /// Not stored for the positive list.
    pub event: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub note: &'a str,
    pub at: &'a str,
    pub by_uid: &'a str,
    pub by_name: &'a str,
}

/// Appends a public entry.
pub fn append(conn: &Connection, table: Table, h: &NewRow<'_>) -> Result<()> {
    append_as(conn, table, h, Visibility::Public)
}

/// Appends an entry 对企业公开 or 内部 (manifest and inspection timelines keep no visibility).
pub fn append_as(conn: &Connection, table: Table, h: &NewRow<'_>, v: Visibility) -> Result<()> {
    let (name, parent) = table.names();
    let note = table.note_column();
    if table.keeps_visibility() {
        conn.prepare_cached(&format!(
            "INSERT INTO {name} ({parent}, event, from_state, to_state, {note}, at, by_uid, by_name, \
             visibility) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        ))?
        .execute(params![
            h.id,
            h.event,
            h.from,
            h.to,
            h.note,
            h.at,
            h.by_uid,
            h.by_name,
            v.code()
        ])?;
    } else {
        conn.prepare_cached(&format!(
            "INSERT INTO {name} ({parent}, event, from_state, to_state, {note}, at, by_uid, by_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        ))?
        .execute(params![
            h.id, h.event, h.from, h.to, h.note, h.at, h.by_uid, h.by_name
        ])?;
    }
    Ok(())
}

/// The timeline of one request, entry, manifest or inspection, oldest first.
pub fn rows(conn: &Connection, table: Table, id: i64) -> Result<Vec<Row>> {
    let (name, parent) = table.names();
    let note = table.note_column();
    let visibility = if table.keeps_visibility() {
        "visibility"
    } else {
        "'public'"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT event, from_state, to_state, {note}, at, by_name, {visibility} FROM {name}
         WHERE {parent} = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([id], |r| Row::read(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
