//! `ecocase check`: integrity, foreign keys, the audit chain, its protective triggers by content,
//! every live row against its last audited after-image, every draw recomputed, and digests kept
//! outside the file proved against the chain. Read-only.
pub mod digest;
pub mod draws;
pub mod rows;
mod specs;
pub mod triggers;

use crate::store::audit::{self, ChainReport};
use crate::store::backup::integrity_problems;
use crate::store::db::{self, Result, StoreError};
use draws::DrawCheck;
use rows::RowReport;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use triggers::TriggerFinding;

/// Tables whose row counts the check prints, so an operator sees what was looked at.
const COUNTED: [&str; 4] = ["enterprise", "user", "certificate", "audit_log"];

/// What to check besides the always-run checks.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Skip the row pass (the slow part); the report says it was skipped.
    pub quick: bool,
    /// Digests to prove: (where it came from, seq, hash).
    pub digests: Vec<(String, i64, String)>,
}

/// Everything `check` found. Sound when every list is empty and the chain has no broken link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckReport {
    pub schema_version: i64,
    /// `PRAGMA integrity_check` and `foreign_key_check` findings.
    pub problems: Vec<String>,
    pub chain: ChainReport,
    /// Triggers the schema defines, and what differs in the file.
    pub triggers_checked: usize,
    pub triggers: Vec<TriggerFinding>,
    /// The row pass; `None` when skipped (`--quick`).
    pub rows: Option<RowReport>,
    /// Business rows in a database whose audit log is empty.
    pub unaudited_rows: Option<i64>,
    pub draws_checked: usize,
    pub draws: Vec<DrawCheck>,
    /// Each digest proved: where it came from and the outcome.
    pub digests: Vec<(String, digest::Proof)>,
    pub counts: Vec<(&'static str, i64)>,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
            && self.chain.first_broken.is_none()
            && self.triggers.is_empty()
            && self.rows.as_ref().is_none_or(|r| r.total == 0)
            && self.unaudited_rows.is_none()
            && self.draws.is_empty()
            && self.digests.iter().all(|(_, p)| p.holds())
            && self.schema_version <= db::SCHEMA_VERSION
    }
}

/// Opens a database read-only, without migrating it: checking must not change the file.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(StoreError::Missing(path.to_path_buf()));
    }
    let classify = |e: rusqlite::Error| match StoreError::from(e) {
        StoreError::NotADatabase(_, cause) => StoreError::NotADatabase(path.to_path_buf(), cause),
        other => other,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(classify)?;
    conn.busy_timeout(std::time::Duration::from_secs(8))
        .map_err(classify)?;
    // The first read tells a database from any other file.
    let version = db::user_version(&conn).map_err(|e| match e {
        StoreError::NotADatabase(_, cause) => StoreError::NotADatabase(path.to_path_buf(), cause),
        other => other,
    })?;
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'",
            [],
            |r| r.get(0),
        )
        .map_err(classify)?;
    if version == 0 || tables == 0 {
        return Err(StoreError::NotADatabase(path.to_path_buf(), None));
    }
    Ok(conn)
}

/// Runs every check; reading errors (not findings) are returned as errors. `progress` hears of the
/// row pass table by table.
pub fn run(
    conn: &Connection,
    options: &Options,
    progress: rows::Progress<'_>,
) -> Result<CheckReport> {
    let schema_version = db::user_version(conn)?;
    let problems = integrity_problems(conn)?;
    let chain = audit::verify(conn)?;
    let (triggers_checked, triggers) = triggers::verify(conn, schema_version)?;
    let business = rows::business_rows(conn)?;
    let unaudited_rows = (chain.rows == 0 && business > 0).then_some(business);
    let rows = if options.quick {
        None
    } else {
        Some(rows::verify(conn, progress)?)
    };
    let (draws_checked, draws) = draws::verify(conn)?;
    let mut digests = Vec::new();
    for (source, seq, hash) in &options.digests {
        digests.push((source.clone(), digest::prove(conn, *seq, hash)?));
    }
    let mut counts = Vec::new();
    for table in COUNTED {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        counts.push((table, n));
    }
    Ok(CheckReport {
        schema_version,
        problems,
        chain,
        triggers_checked,
        triggers,
        rows,
        unaudited_rows,
        draws_checked,
        draws,
        digests,
        counts,
    })
}

/// Every manifest whose stored times break the time rules (see `domain::manifest::times`), by number:
/// legacy records a bureau should look at. Warnings, not faults: the check does not fail on them.
pub fn manifest_time_warnings(
    conn: &Connection,
    now: &crate::domain::time_rules::Now,
) -> Result<Vec<(String, crate::domain::validate::FieldIssue)>> {
    use crate::domain::manifest::times::{Times, check};
    let mut stmt = conn.prepare(
        "SELECT m.id, m.number, m.transfer_date, m.departed_at, m.arrived_at, m.received_at,
            m.paper_completed_on FROM manifest m ORDER BY m.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let times = Times {
                transfer: Some(r.get(2)?),
                departed: r.get(3)?,
                handovers: Vec::new(),
                arrived: r.get(4)?,
                received: r.get(5)?,
                paper_completed: r.get(6)?,
            };
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, times))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (id, number, mut times) in rows {
        times.handovers = crate::store::manifest::legs(conn, id)?
            .into_iter()
            .filter_map(|l| l.handover_at)
            .collect();
        out.extend(
            check(&times, Some(now))
                .into_iter()
                .map(|i| (number.clone(), i)),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::audit::BrokenLink;

    fn fresh(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("e.db");
        let conn = db::create(&path).expect("create");
        let actor = crate::domain::account::Actor::system();
        for i in 0..3 {
            audit::append(
                &conn,
                &actor,
                "2026-11-29T00:00:00Z",
                audit::Change {
                    action: "create",
                    entity: "enterprise",
                    record_uid: &format!("r{i}"),
                    before: None,
                    after: None,
                },
            )
            .expect("append");
        }
        path
    }

    #[test]
    fn a_fresh_database_is_sound() {
        let dir = tempfile::tempdir().expect("dir");
        let path = fresh(dir.path());
        let report = run(
            &open_read_only(&path).expect("open"),
            &Options::default(),
            &mut |_, _, _| {},
        )
        .expect("check");
        assert!(report.is_sound(), "{report:?}");
        assert_eq!(report.chain.rows, 3);
    }

    #[test]
    fn a_dropped_trigger_and_a_changed_row_are_both_reported() {
        let dir = tempfile::tempdir().expect("dir");
        let path = fresh(dir.path());
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch(
            "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'x' WHERE seq = 3;",
        )
        .expect("tamper");
        drop(conn);
        let report = run(
            &open_read_only(&path).expect("open"),
            &Options::default(),
            &mut |_, _, _| {},
        )
        .expect("check");
        assert!(!report.is_sound());
        assert_eq!(
            report.triggers,
            vec![triggers::TriggerFinding::Missing {
                name: "audit_log_no_update".into(),
                table: "audit_log".into()
            }]
        );
        assert_eq!(report.chain.first_broken, Some(BrokenLink::Hash { seq: 3 }));
    }

    #[test]
    fn a_database_migrated_from_every_earlier_version_is_sound() {
        for version in 1..db::SCHEMA_VERSION {
            let conn = db::schema_at(version).expect("old schema");
            conn.pragma_update(None, "user_version", version)
                .expect("version");
            db::migrate(&conn).expect("migrate");
            let report = run(&conn, &Options::default(), &mut |_, _, _| {}).expect("check");
            assert!(report.is_sound(), "from version {version}: {report:?}");
            assert!(report.triggers_checked >= 20, "{report:?}");
        }
    }

    #[test]
    fn missing_and_foreign_files_are_classified() {
        let dir = tempfile::tempdir().expect("dir");
        let missing = dir.path().join("nope.db");
        assert!(matches!(
            open_read_only(&missing),
            Err(StoreError::Missing(_))
        ));
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, b"name,uscc\n").expect("write");
        assert!(matches!(open_read_only(&junk), Err(StoreError::NotADatabase(p, _)) if p == junk));
        let empty_sqlite = dir.path().join("empty.db");
        Connection::open(&empty_sqlite)
            .expect("open")
            .execute_batch("CREATE TABLE t (x)")
            .expect("table");
        assert!(matches!(
            open_read_only(&empty_sqlite),
            Err(StoreError::NotADatabase(..))
        ));
    }
}
