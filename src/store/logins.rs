//! The login log: a small SQLite file next to the database (`<db>-logins`) holding every login attempt
//! and the failure count of each name tried. Logging in writes only here, so it never waits for the
//! database's write lock (a long import holds it for minutes); the count is shared by every process on
//! the server, like the database. The attempts are copied into the audit chain as soon as the
//! database's lock is free (`service::account::auth`), and marked as copied.

use crate::domain::time::Instant;
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Attempts and counters; created on first use, so older databases gain it without a migration.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS login_throttle (
    name          TEXT PRIMARY KEY,         -- the name tried, lower case (known or not)
    failures      INTEGER NOT NULL,         -- consecutive failures
    blocked_until TEXT                      -- no attempt is checked before this instant
);
CREATE TABLE IF NOT EXISTS login_event (
    id      INTEGER PRIMARY KEY,
    uid     TEXT NOT NULL UNIQUE,
    at      TEXT NOT NULL,
    name    TEXT NOT NULL,                  -- as typed (cleaned), known or not
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'password', 'waiting', 'disabled')),
    client  TEXT NOT NULL DEFAULT '',       -- SSH client address when there is one
    folded  INTEGER NOT NULL DEFAULT 0      -- copied into the audit chain
);
CREATE INDEX IF NOT EXISTS login_event_pending ON login_event (id) WHERE folded = 0;
";

/// The login log's file for the database at `db`.
pub fn path_for(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-logins");
    PathBuf::from(p)
}

/// Opens (creating when missing, with the database's own mode) the login log of the database `conn`
/// has open; an in-memory database gets an in-memory log.
pub fn open_for(conn: &Connection) -> Result<Connection> {
    let log = match conn.path().filter(|p| !p.is_empty()) {
        Some(db) => {
            let db = Path::new(db);
            let path = path_for(db);
            if std::fs::symlink_metadata(&path).is_err() {
                create_file(db, &path)?;
            }
            Connection::open(&path)?
        }
        None => Connection::open_in_memory()?,
    };
    // Every write here is a few rows: a short wait is enough, and a login never waits long.
    log.busy_timeout(Duration::from_secs(2))?;
    let _: String = log.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    log.pragma_update(None, "synchronous", "NORMAL")?;
    log.execute_batch(SCHEMA)?;
    Ok(log)
}

/// Creates the log file new with the database file's permissions (owner and group, as set up).
fn create_file(db: &Path, path: &Path) -> Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mode = std::fs::metadata(db).map_or(0o660, |m| m.permissions().mode() & 0o666);
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
    {
        Ok(_) => Ok(()),
        // Another process made it at the same moment.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// One login attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginEvent {
    pub id: i64,
    pub uid: String,
    pub at: Instant,
    pub name: String,
    /// `ok`, `password` (wrong password or unknown name), `waiting` (tried during the delay),
    /// `disabled` (right password, disabled account).
    pub outcome: String,
    pub client: String,
}

/// Until when attempts for `name` are not checked, if a delay is running.
pub fn blocked_until(log: &Connection, name: &str) -> Result<Option<Instant>> {
    Ok(log
        .query_row(
            "SELECT blocked_until FROM login_throttle WHERE name = ?1",
            [name.to_lowercase()],
            |r| r.get::<_, Option<Instant>>(0),
        )
        .optional()?
        .flatten())
}

/// Records an attempt.
pub fn record(
    log: &Connection,
    at: Instant,
    name: &str,
    outcome: &str,
    client: &str,
) -> Result<()> {
    log.execute(
        "INSERT INTO login_event (uid, at, name, outcome, client) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![crate::store::db::new_uid(), at, name, outcome, client],
    )?;
    Ok(())
}

/// Records a failed attempt and counts it; from the `free`-th failure in a row on, the next attempt is
/// held off for 1, 2, 4 … seconds, never more than `max_delay_seconds`. Returns the hold, if any.
pub fn record_failure(
    log: &Connection,
    at: Instant,
    name: &str,
    client: &str,
    free: i64,
    max_delay_seconds: i64,
) -> Result<Option<Instant>> {
    let tx = rusqlite::Transaction::new_unchecked(log, TransactionBehavior::Immediate)?;
    record(&tx, at, name, "password", client)?;
    let key = name.to_lowercase();
    let failures: i64 = tx
        .query_row(
            "SELECT failures FROM login_throttle WHERE name = ?1",
            [&key],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0)
        + 1;
    let over = failures - free.max(1);
    let until = (over >= 0).then(|| {
        let seconds = 1i64
            .checked_shl(u32::try_from(over.min(62)).unwrap_or(62))
            .unwrap_or(i64::MAX)
            .min(max_delay_seconds.max(1));
        Instant::new(at_time(at) + chrono::Duration::seconds(seconds))
    });
    tx.execute(
        "INSERT INTO login_throttle (name, failures, blocked_until) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until",
        params![key, failures, until],
    )?;
    tx.commit()?;
    Ok(until)
}

fn at_time(at: Instant) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(&at.to_string())
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default()
}

/// The names whose next login attempt is held off at `now`, with until when.
pub fn running_delays(log: &Connection, now: Instant) -> Result<Vec<(String, Instant)>> {
    let mut stmt = log.prepare_cached(
        "SELECT name, blocked_until FROM login_throttle WHERE blocked_until > ?1 ORDER BY name",
    )?;
    let rows = stmt.query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Forgets the failures of `name` (a successful login, `user unlock`, `user enable`).
pub fn clear(log: &Connection, name: &str) -> Result<bool> {
    Ok(log.execute(
        "DELETE FROM login_throttle WHERE name = ?1",
        [name.to_lowercase()],
    )? > 0)
}

/// The consecutive failures counted for `name`.
pub fn failures(log: &Connection, name: &str) -> Result<i64> {
    Ok(log
        .query_row(
            "SELECT failures FROM login_throttle WHERE name = ?1",
            [name.to_lowercase()],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// Takes the log's write lock (an IMMEDIATE transaction) while attempts are copied into the audit chain,
/// so two processes never copy the same one.
pub fn begin(log: &Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(rusqlite::Transaction::new_unchecked(
        log,
        TransactionBehavior::Immediate,
    )?)
}

/// Attempts not yet copied into the audit chain, oldest first.
pub fn pending(log: &Connection, limit: i64) -> Result<Vec<LoginEvent>> {
    let mut stmt = log.prepare_cached(
        "SELECT id, uid, at, name, outcome, client FROM login_event WHERE folded = 0 ORDER BY id LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(LoginEvent {
            id: r.get(0)?,
            uid: r.get(1)?,
            at: r.get(2)?,
            name: r.get(3)?,
            outcome: r.get(4)?,
            client: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Marks an attempt as copied into the audit chain.
pub fn mark_folded(log: &Connection, id: i64) -> Result<()> {
    log.execute("UPDATE login_event SET folded = 1 WHERE id = ?1", [id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use chrono::TimeZone;

    fn at(s: i64) -> Instant {
        Instant::new(
            chrono::Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).unwrap()
                + chrono::Duration::seconds(s),
        )
    }

    #[test]
    fn the_delay_doubles_from_the_free_failures_on_and_is_capped() {
        let db = Connection::open_in_memory().unwrap();
        let log = open_for(&db).unwrap();
        let mut holds = Vec::new();
        for i in 0..10 {
            holds.push(record_failure(&log, at(0), "Staff", "", 3, 60).unwrap());
            assert_eq!(failures(&log, "staff").unwrap(), i + 1);
        }
        assert_eq!(&holds[..2], &[None, None]);
        assert_eq!(holds[2], Some(at(1)));
        assert_eq!(holds[3], Some(at(2)));
        assert_eq!(holds[4], Some(at(4)));
        assert_eq!(holds[9], Some(at(60)), "capped at a minute");
        assert_eq!(blocked_until(&log, "STAFF").unwrap(), Some(at(60)));
        assert!(clear(&log, "staff").unwrap());
        assert_eq!(blocked_until(&log, "staff").unwrap(), None);
        assert_eq!(pending(&log, 100).unwrap().len(), 10);
    }
}
