//! Every live row against its last audited after-image. For each table whose rows carry a `uid`, the
//! rows (in `uid` order) and the audit log's images of that entity (in `record_uid, seq` order, through
//! the `audit_log_record` index) are read side by side, so memory stays constant whatever the size.
//!
//! One serialisation per table: a row is read as its columns (`id` excepted: the record is named by its
//! uid) plus the fields its image holds in other tables or under other names ([`Spec::extra`], SQL
//! returning JSON). Every field of the image that the row has must be equal; a live row without any
//! image, and an image whose record is gone, are findings too.

use super::specs::{SPECS, Spec, spec};
use crate::store::db::Result;
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use serde_json::{Map, Value};

/// What differs between a live row and its audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowFinding {
    /// A field differs from the last after-image.
    Changed {
        table: String,
        record: String,
        field: String,
        audited: String,
        current: String,
    },
    /// A live row that no audit entry ever recorded.
    Unaudited { table: String, record: String },
    /// An audited record that is no longer in its table.
    Missing { table: String, record: String },
}

/// Findings kept in full; past this only the count grows, so memory stays bounded.
pub const KEPT: usize = 50;

/// The row pass's result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowReport {
    /// Rows and images compared.
    pub rows: u64,
    pub findings: Vec<RowFinding>,
    /// All findings, including those past [`KEPT`].
    pub total: u64,
}

impl RowReport {
    fn push(&mut self, f: RowFinding) {
        self.total += 1;
        if self.findings.len() < KEPT {
            self.findings.push(f);
        }
    }
}

/// Progress of a long pass: the table at hand, rows done in it and its size.
pub type Progress<'a> = &'a mut dyn FnMut(&str, u64, u64);

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

fn leaf_equal(audited: &Value, current: &Value) -> bool {
    match (audited, current) {
        // An absent code is stored as empty text.
        (Value::Null, Value::String(s)) | (Value::String(s), Value::Null) => s.is_empty(),
        (Value::Bool(b), Value::Number(n)) => n.as_i64() == Some(i64::from(*b)),
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => audited == current,
    }
}

/// The first difference between an image's value and the current one: (path, audited, current).
/// Arrays of plain strings are sets (roles); other arrays compare by position.
fn diff(path: &str, audited: &Value, current: &Value) -> Option<(String, String, String)> {
    match (audited, current) {
        (Value::Object(a), Value::Object(c)) => a.iter().find_map(|(k, av)| {
            let cv = c.get(k).unwrap_or(&Value::Null);
            diff(&format!("{path}.{k}"), av, cv)
        }),
        // A list stored as comma-separated text (a plan's regions).
        (Value::Array(a), Value::String(c)) if a.iter().all(Value::is_string) => {
            let joined: Vec<String> = a.iter().map(text).collect();
            (joined.join(",") != *c).then(|| (path.to_string(), joined.join(","), c.clone()))
        }
        (Value::Array(a), Value::Array(c)) => {
            if a.iter().chain(c).all(Value::is_string) {
                let mut sa: Vec<String> = a.iter().map(text).collect();
                let mut sc: Vec<String> = c.iter().map(text).collect();
                sa.sort();
                sc.sort();
                return (sa != sc).then(|| (path.to_string(), sa.join(","), sc.join(",")));
            }
            if a.len() != c.len() {
                return Some((
                    format!("{path}.len"),
                    a.len().to_string(),
                    c.len().to_string(),
                ));
            }
            a.iter().zip(c).enumerate().find_map(|(i, (av, cv))| {
                let at = av
                    .get("seq")
                    .map_or_else(|| i.to_string(), |s| format!("seq={}", text(s)));
                diff(&format!("{path}[{at}]"), av, cv)
            })
        }
        _ => (!leaf_equal(audited, current))
            .then(|| (path.to_string(), text(audited), text(current))),
    }
}

fn json_of(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::String(hex::encode(b)),
    }
}

/// A name for an audited record that is gone: its number, USCC or user name when the image has one.
fn image_label(image: &Value, uid: &str) -> String {
    ["number", "uscc", "username", "case_number", "doc_number"]
        .iter()
        .find_map(|k| image.get(*k).and_then(Value::as_str))
        .map_or_else(|| uid.to_string(), |l| format!("{l} ({uid})"))
}

/// One table's live rows, as (uid, label, fields): all of them in uid order, or the one `?1` names.
fn row_sql(spec: &Spec<'_>, one: bool) -> String {
    let mut sql = format!("SELECT t.*, {} AS \"__label\"", spec.label);
    for (key, expr) in spec.extra {
        sql.push_str(&format!(", {expr} AS \"__x_{key}\""));
    }
    if one {
        sql.push_str(&format!(" FROM \"{}\" t WHERE t.uid = ?1", spec.table));
    } else {
        sql.push_str(&format!(" FROM \"{}\" t ORDER BY t.uid", spec.table));
    }
    sql
}

/// The after-image `check` compares a row with, built from the row itself: for writers that insert
/// rows in bulk (the demo) or below the record types (a row with no `Audited` type). `None` when
/// there is no such row.
pub fn row_image(conn: &Connection, table: &str, uid: &str) -> Result<Option<Value>> {
    let default = spec(table, "t.uid");
    let spec = SPECS.iter().find(|s| s.table == table).unwrap_or(&default);
    let mut stmt = conn.prepare_cached(&row_sql(spec, true))?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([uid])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let live = read_live(r, &names, spec.skip)?;
    let fields = Value::Object(live.fields);
    Ok(Some(match spec.nested {
        Some(k) => {
            let mut outer = Map::new();
            let mut fields = fields;
            for (key, _) in spec.extra {
                if let Some(v) = fields.as_object_mut().and_then(|o| o.remove(*key)) {
                    outer.insert((*key).to_string(), v);
                }
            }
            outer.insert(k.to_string(), fields);
            Value::Object(outer)
        }
        None => fields,
    }))
}

fn audit_sql(spec: &Spec<'_>) -> String {
    let mut sql = String::from(
        "SELECT record_uid, after_json FROM audit_log WHERE entity = ?1 AND after_json IS NOT NULL",
    );
    if !spec.partial.is_empty() {
        let list: Vec<String> = spec.partial.iter().map(|a| format!("'{a}'")).collect();
        sql.push_str(&format!(" AND action NOT IN ({})", list.join(", ")));
    }
    sql.push_str(" ORDER BY record_uid, seq");
    sql
}

/// The last image of each record, in record order, from a stream ordered by (record, seq).
struct LastImages<'s> {
    rows: rusqlite::Rows<'s>,
    pending: Option<(String, String)>,
    done: bool,
}

impl<'s> LastImages<'s> {
    fn new(rows: rusqlite::Rows<'s>) -> LastImages<'s> {
        LastImages {
            rows,
            pending: None,
            done: false,
        }
    }

    fn next(&mut self) -> Result<Option<(String, String)>> {
        let mut current = self.pending.take();
        while !self.done {
            match self.rows.next()? {
                None => self.done = true,
                Some(r) => {
                    let uid: String = r.get(0)?;
                    let json: String = r.get(1)?;
                    match &mut current {
                        Some((u, j)) if *u == uid => *j = json,
                        Some(_) => {
                            self.pending = Some((uid, json));
                            return Ok(current);
                        }
                        None => current = Some((uid, json)),
                    }
                }
            }
        }
        Ok(current)
    }
}

/// A live row read for comparison.
struct Live {
    uid: String,
    label: String,
    fields: Map<String, Value>,
}

fn read_live(r: &rusqlite::Row<'_>, names: &[String], skip: &[&str]) -> Result<Live> {
    let mut fields = Map::new();
    let mut uid = String::new();
    let mut label = String::new();
    for (i, name) in names.iter().enumerate() {
        let v = r.get_ref(i)?;
        if name == "uid" {
            uid = text(&json_of(v));
        }
        if name == "__label" {
            label = text(&json_of(v));
        } else if let Some(key) = name.strip_prefix("__x_") {
            let parsed = match v {
                ValueRef::Text(t) => serde_json::from_slice(t).unwrap_or(Value::Null),
                _ => Value::Null,
            };
            fields.insert(key.to_string(), parsed);
        } else if name != "id" && !skip.contains(&name.as_str()) {
            fields.insert(name.clone(), json_of(v));
        }
    }
    Ok(Live { uid, label, fields })
}

fn compare(spec: &Spec<'_>, live: &Live, image_json: &str, report: &mut RowReport) {
    let outer: Value = serde_json::from_str(image_json).unwrap_or(Value::Null);
    let image = match spec.nested {
        Some(k) => {
            // The record's object, with the extras that sit beside it (`lines`) brought in.
            let mut inner = outer.get(k).cloned().unwrap_or(Value::Null);
            if let Value::Object(o) = &mut inner {
                for (key, _) in spec.extra {
                    if let Some(v) = outer.get(*key) {
                        o.insert((*key).to_string(), v.clone());
                    }
                }
            }
            inner
        }
        None => outer,
    };
    let Value::Object(image) = image else {
        report.push(RowFinding::Changed {
            table: spec.table.into(),
            record: live.label.clone(),
            field: "*".into(),
            audited: image_json.chars().take(80).collect(),
            current: String::new(),
        });
        return;
    };
    // Only the image's own fields that the row holds: joined names (enterprise_name) are not the row's.
    for (key, audited) in &image {
        if key == "id" {
            continue;
        }
        let Some(current) = live.fields.get(key) else {
            continue;
        };
        if let Some((field, audited, current)) = diff(key, audited, current) {
            report.push(RowFinding::Changed {
                table: spec.table.into(),
                record: live.label.clone(),
                field,
                audited,
                current,
            });
        }
    }
}

/// Compares one table's rows with its entity's images.
fn check_table(
    conn: &Connection,
    spec: &Spec<'_>,
    report: &mut RowReport,
    progress: Progress<'_>,
) -> Result<()> {
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM \"{}\"", spec.table),
        [],
        |r| r.get(0),
    )?;
    let total = u64::try_from(total).unwrap_or(0);
    let mut rows_stmt = conn.prepare(&row_sql(spec, false))?;
    let names: Vec<String> = rows_stmt.column_names().map(|s| s.to_string()).collect();
    let mut audit_stmt = conn.prepare(&audit_sql(spec))?;
    let mut images = LastImages::new(audit_stmt.query([spec.entity])?);
    let mut rows = rows_stmt.query([])?;
    let mut image = images.next()?;
    let mut done = 0u64;
    progress(spec.table, 0, total);
    while let Some(r) = rows.next()? {
        let live = read_live(r, &names, spec.skip)?;
        // Images of records before this one have no row.
        while let Some((uid, json)) = image.as_ref().filter(|(u, _)| *u < live.uid) {
            let label = image_label(
                &match spec.nested {
                    Some(k) => serde_json::from_str::<Value>(json)
                        .ok()
                        .and_then(|v| v.get(k).cloned())
                        .unwrap_or(Value::Null),
                    None => serde_json::from_str(json).unwrap_or(Value::Null),
                },
                uid,
            );
            report.push(RowFinding::Missing {
                table: spec.table.into(),
                record: label,
            });
            image = images.next()?;
        }
        match image.as_ref().filter(|(u, _)| *u == live.uid) {
            Some((_, json)) => {
                compare(spec, &live, json, report);
                image = images.next()?;
            }
            None => report.push(RowFinding::Unaudited {
                table: spec.table.into(),
                record: live.label.clone(),
            }),
        }
        report.rows += 1;
        done += 1;
        if done.is_multiple_of(4096) {
            progress(spec.table, done, total);
        }
    }
    while let Some((uid, json)) = image {
        let parsed: Value = serde_json::from_str(&json).unwrap_or(Value::Null);
        let parsed = match spec.nested {
            Some(k) => parsed.get(k).cloned().unwrap_or(Value::Null),
            None => parsed,
        };
        report.push(RowFinding::Missing {
            table: spec.table.into(),
            record: image_label(&parsed, &uid),
        });
        image = images.next()?;
    }
    progress(spec.table, done, total);
    Ok(())
}

/// The tables of the database with a `uid` column: the records the audit log names.
pub(super) fn uid_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'uid') ORDER BY m.name",
    )?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Compares every audited table's live rows with their last after-images.
pub fn verify(conn: &Connection, progress: Progress<'_>) -> Result<RowReport> {
    let mut report = RowReport::default();
    for table in uid_tables(conn)? {
        match SPECS.iter().find(|s| s.table == table) {
            Some(spec) => check_table(conn, spec, &mut report, progress)?,
            None => {
                // Not known to this build: compared as its own entity, named by uid.
                check_table(conn, &spec(&table, "t.uid"), &mut report, progress)?;
            }
        }
    }
    Ok(report)
}

/// Rows of the business tables: a database holding any has an audit trail.
pub fn business_rows(conn: &Connection) -> Result<i64> {
    let mut n = 0;
    for table in uid_tables(conn)? {
        n += conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get::<_, i64>(0)
        })?;
    }
    Ok(n)
}
