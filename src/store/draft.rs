//! Form drafts: what a person typed into a form, autosaved per user and form so a dropped terminal
//! session loses at most a few seconds of work. Drafts are not records: they are not audited.

use crate::domain::time::Instant;
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension, params};

/// A saved draft: the form's fields as JSON text and when they were saved (UTC RFC 3339).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredDraft {
    pub payload: String,
    pub saved_at: Instant,
}

/// Saves (or replaces) a person's draft of a form.
pub fn save(conn: &Connection, user_id: i64, form: &str, payload: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO draft (user_id, form, payload, saved_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(user_id, form) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at",
        params![user_id, form, payload, now],
    )?;
    Ok(())
}

pub fn load(conn: &Connection, user_id: i64, form: &str) -> Result<Option<StoredDraft>> {
    let mut stmt = conn
        .prepare_cached("SELECT payload, saved_at FROM draft WHERE user_id = ?1 AND form = ?2")?;
    Ok(stmt
        .query_row(params![user_id, form], |r| {
            Ok(StoredDraft {
                payload: r.get(0)?,
                saved_at: r.get(1)?,
            })
        })
        .optional()?)
}

pub fn delete(conn: &Connection, user_id: i64, form: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM draft WHERE user_id = ?1 AND form = ?2",
        params![user_id, form],
    )?;
    Ok(())
}
