//! Backup with `VACUUM INTO` (a consistent copy of a live database), then an integrity check of the copy.

use crate::store::db::{Result, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// `PRAGMA integrity_check` and `foreign_key_check`: the list of problems, empty when sound.
pub fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = row?;
        if line != "ok" {
            problems.push(line);
        }
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let fk = stmt.query_map([], |r| {
        Ok(format!(
            "foreign key: {} row {:?} -> {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?
        ))
    })?;
    for row in fk {
        problems.push(row?);
    }
    Ok(problems)
}

/// Writes a consistent copy of the database to `dest` (which must not exist) and checks the copy.
/// Returns the copy's integrity problems (empty when the backup is good).
pub fn backup(conn: &Connection, dest: &Path) -> Result<Vec<String>> {
    if dest.exists() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            dest.display().to_string(),
        )));
    }
    let dest_str = dest
        .to_str()
        .ok_or_else(|| StoreError::Io(std::io::Error::other("backup path is not UTF-8")))?;
    conn.execute("VACUUM INTO ?1", [dest_str])?;
    let copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    integrity_problems(&copy)
}
