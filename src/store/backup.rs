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

/// The mode of a backup: owner read and write only (a copy holds the password hashes), or the
/// database's own mode where that is stricter.
fn backup_mode(conn: &Connection) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let own = conn
        .path()
        .filter(|p| !p.is_empty())
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0o600, |m| m.permissions().mode() & 0o777);
    0o600 & own
}

/// Writes a consistent copy of the database to `dest` (which must not exist) and checks the copy.
/// Returns the copy's integrity problems (empty when the backup is good).
///
/// The file is created here, new (never through a symbolic link or over an existing file) and readable
/// by its owner only, before `VACUUM INTO` fills it: SQLite would create it world-readable. It then gets
/// [`backup_mode`]. A copy that could not be written is removed.
pub fn backup(conn: &Connection, dest: &Path) -> Result<Vec<String>> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let dest_str = dest
        .to_str()
        .ok_or_else(|| StoreError::Io(std::io::Error::other("backup path is not UTF-8")))?;
    // O_CREAT | O_EXCL: fails on any existing name, a dangling symbolic link included.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dest)?;
    let written = conn
        .execute("VACUUM INTO ?1", [dest_str])
        .map_err(StoreError::from)
        .and_then(|_| {
            std::fs::set_permissions(dest, std::fs::Permissions::from_mode(backup_mode(conn)))
                .map_err(StoreError::from)
        });
    if let Err(e) = written {
        let _ = std::fs::remove_file(dest);
        return Err(e);
    }
    let copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    integrity_problems(&copy)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
    }

    #[test]
    fn a_backup_is_owner_only_or_as_strict_as_the_database() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("e.db");
        let conn = crate::store::db::create(&db).expect("create");
        let first = dir.path().join("b1.db");
        assert!(backup(&conn, &first).expect("backup").is_empty());
        assert_eq!(mode(&first), 0o600);

        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).expect("chmod");
        let second = dir.path().join("b2.db");
        assert!(backup(&conn, &second).expect("backup").is_empty());
        assert_eq!(mode(&second), 0o400);
    }
}
