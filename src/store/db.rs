//! Opening the database: pragmas, migrations, IMMEDIATE write transactions, error mapping.

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Migrations by target `user_version`: entry `i` brings a database from version `i` to `i + 1`.
/// An empty database runs them all. A shipped migration never changes; later work appends new ones
/// and updates `schema.sql`, the documented current shape (a test checks the two agree).
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_sort_indexes.sql"),
    include_str!("migrations/0003_assistance.sql"),
    include_str!("migrations/0004_positive_list.sql"),
    include_str!("migrations/0005_list_performance.sql"),
    // round-table meetings and queue paging (assistance fixes)
    include_str!("migrations/0006_roundtable.sql"),
    // 危险废物转移联单 (manifests)
    include_str!("migrations/0007_manifests.sql"),
    // 执法检查 and 双随机 (inspections)
    include_str!("migrations/0008_inspections.sql"),
    // manifests extension: approved stock extensions (mf)
    include_str!("migrations/0009_manifest_extensions.sql"),
    // inspections publication: the draw plan's officer pool
    include_str!("migrations/0010_draw_officer_pool.sql"),
    // performance at province scale (issue 9): partial indexes for the home counts
    include_str!("migrations/0011_performance.sql"),
    // performance at province scale (issue 9): region + filter indexes for the enterprise list
    include_str!("migrations/0012_region_filters.sql"),
    // the licence capacity check sums a year's receipts through an index
    include_str!("migrations/0013_licence_received.sql"),
    // lists at province scale
    include_str!("migrations/0014_inspection_list_filters.sql"),
    include_str!("migrations/0015_branch_home_counts.sql"),
    // typed time (issue 15): manifest moments in UTC, short-form days in full (data only)
    include_str!("migrations/0016_typed_time.sql"),
    // issue 20: 对企业公开 / 内部 history entries, the enterprise's positive-list application
    include_str!("migrations/0017_note_visibility.sql"),
    // 执法检查 and 双随机 rules (issue 18): act date, guard links, recusal decisions, report versions
    include_str!("migrations/0018_inspection_rules.sql"),
    // manifest gaps against 部令第23号 (issue 19): rejection reasons, approval modes, licence kinds,
    // handling codes, the 名录's any-of hazard sets
    include_str!("migrations/0019_manifest_gaps.sql"),
    // security hardening (issue 22): password policy defaults, login delays instead of locks
    include_str!("migrations/0020_password_policy.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Everything that can go wrong below the service layer, classified so people get a specific message.
#[derive(Debug)]
pub enum StoreError {
    /// The database file does not exist (and was not to be created).
    Missing(PathBuf),
    /// Not a SQLite file, or damaged; SQLite's error when it told so.
    NotADatabase(PathBuf, Option<rusqlite::Error>),
    /// Made by a newer ecocase.
    TooNew {
        found: i64,
        supported: i64,
    },
    ReadOnly(PathBuf, Option<rusqlite::Error>),
    /// Another process held the write lock past the busy timeout.
    Busy(rusqlite::Error),
    DiskFull(rusqlite::Error),
    /// Optimistic concurrency: the record changed since it was read.
    Conflict {
        by: String,
        at: String,
    },
    /// The record does not exist (or is deleted).
    NotFound,
    /// A uniqueness rule in the schema refused the row.
    Unique(rusqlite::Error),
    Io(std::io::Error),
    Sqlite(rusqlite::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Missing(p) => write!(f, "missing database {}", p.display()),
            StoreError::NotADatabase(p, _) => write!(f, "not a database: {}", p.display()),
            StoreError::TooNew { found, supported } => {
                write!(f, "schema {found} newer than {supported}")
            }
            StoreError::ReadOnly(p, _) => write!(f, "read-only: {}", p.display()),
            StoreError::Busy(_) => write!(f, "database busy"),
            StoreError::DiskFull(d) => write!(f, "disk full: {d}"),
            StoreError::Conflict { by, at } => write!(f, "changed by {by} at {at}"),
            StoreError::NotFound => write!(f, "not found"),
            StoreError::Unique(d) => write!(f, "unique constraint: {d}"),
            StoreError::Io(e) => write!(f, "{e}"),
            StoreError::Sqlite(e) => write!(f, "{e}"),
        }
    }
}

/// The SQLite or I/O error behind a classified one, so a log or a report can show the whole chain.
impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io(e) => Some(e),
            StoreError::Sqlite(e)
            | StoreError::Busy(e)
            | StoreError::DiskFull(e)
            | StoreError::Unique(e)
            | StoreError::NotADatabase(_, Some(e))
            | StoreError::ReadOnly(_, Some(e)) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        if let rusqlite::Error::SqliteFailure(fe, ref msg) = e {
            match fe.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return StoreError::Busy(e),
                ErrorCode::DiskFull => return StoreError::DiskFull(e),
                ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
                    return StoreError::NotADatabase(PathBuf::new(), Some(e));
                }
                ErrorCode::ReadOnly => return StoreError::ReadOnly(PathBuf::new(), Some(e)),
                ErrorCode::ConstraintViolation
                    if msg.as_deref().is_some_and(|m| m.starts_with("UNIQUE")) =>
                {
                    return StoreError::Unique(e);
                }
                _ => {}
            }
        }
        if let rusqlite::Error::QueryReturnedNoRows = e {
            return StoreError::NotFound;
        }
        StoreError::Sqlite(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> StoreError {
        StoreError::Io(e)
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long a connection waits for another's write lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(8);

/// Sets the pragmas every connection needs: WAL, foreign keys, full sync, a busy timeout.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(mode, "journal_mode is not WAL");
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Attaches the path to errors that name a file, so messages can say which.
fn with_path(e: StoreError, path: &Path) -> StoreError {
    match e {
        StoreError::NotADatabase(_, cause) => StoreError::NotADatabase(path.to_path_buf(), cause),
        StoreError::ReadOnly(_, cause) => StoreError::ReadOnly(path.to_path_buf(), cause),
        other => other,
    }
}

/// Opens an existing database and brings its schema up to date. A missing file is an error.
pub fn open(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(StoreError::Missing(path.to_path_buf()));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| with_path(e.into(), path))?;
    let check = (|| {
        configure(&conn)?;
        migrate(&conn)
    })();
    check.map_err(|e| with_path(e, path))?;
    Ok(conn)
}

/// Creates a new database file readable by its owner and group only, with the current schema.
/// Refuses to touch an existing file.
pub fn create(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o660)
            .open(path)?;
    }
    let conn = Connection::open(path).map_err(|e| with_path(e.into(), path))?;
    configure(&conn)?;
    migrate(&conn)?;
    Ok(conn)
}

/// An in-memory database with the current schema, for tests.
pub fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrate(&conn)?;
    Ok(conn)
}

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Applies the migrations a database lacks, each in its own IMMEDIATE transaction with the version bump.
pub fn migrate(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        if user_version(&tx)? > i as i64 {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// An empty in-memory database built by the first `version` migrations: the reference `check`
/// compares a file's triggers with.
pub fn schema_at(version: i64) -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    for sql in MIGRATIONS
        .iter()
        .take(usize::try_from(version).unwrap_or(0))
    {
        conn.execute_batch(sql)?;
    }
    Ok(conn)
}

/// Opens an IMMEDIATE transaction on a shared connection, so that reads made through the same
/// connection (validation, uniqueness checks) happen inside it. Rolled back when dropped uncommitted.
pub fn begin_immediate(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Immediate,
    )?)
}

/// A new UUIDv7 (time-ordered, so index inserts stay local) as a lowercase hyphenated string.
pub fn new_uid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// `PRAGMA data_version`: changes when another connection commits; the UI polls it while idle.
pub fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
}

/// The `EXPLAIN QUERY PLAN` of a statement as one line (`detail | detail ...`), for the tests that
/// guard the hot queries' index use.
#[cfg(test)]
pub(crate) fn query_plan(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> String {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("explain");
    let rows: Vec<String> = stmt
        .query_map(params, |r| r.get::<_, String>(3))
        .expect("plan")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    rows.join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documented current shape.
    const SCHEMA_SQL: &str = include_str!("../../schema.sql");

    /// Every table, index, trigger and view with its SQL, in a stable order.
    fn shape(conn: &Connection) -> Vec<(String, String, Option<String>)> {
        let mut stmt = conn
            .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    }

    #[test]
    fn the_migrations_build_exactly_the_documented_schema() {
        let migrated = open_in_memory().expect("migrated");
        let documented = Connection::open_in_memory().expect("db");
        documented.execute_batch(SCHEMA_SQL).expect("schema.sql");
        let (a, b) = (shape(&migrated), shape(&documented));
        let names = |v: &[(String, String, Option<String>)]| {
            v.iter().map(|(_, n, _)| n.clone()).collect::<Vec<_>>()
        };
        assert_eq!(names(&a), names(&b), "the same objects");
        for (m, d) in a.iter().zip(&b) {
            assert_eq!(m, d, "the same SQL for {}", m.1);
        }
        assert!(a.iter().any(|(_, n, _)| n == "enterprise_status_page"));
    }

    #[test]
    fn a_version_1_database_with_a_row_migrates_to_the_current_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("v1.db");
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch(MIGRATIONS[0]).expect("v1 schema");
            conn.pragma_update(None, "user_version", 1)
                .expect("version");
            conn.execute_batch(
                "INSERT INTO region (code, name_zh, name_en, kind) VALUES ('371525', '冠县', 'Guan County', 'county');
                 INSERT INTO enterprise (uid, uscc, name, region_code, created_at, created_by, updated_at, updated_by)
                 VALUES ('u1', '911302307808371268', '冠县兴华纺织有限公司', '371525', '2026-11-29T00:00:00Z', 'system', '2026-11-29T00:00:00Z', 'system');",
            )
            .expect("a v1 row");
        }
        let conn = open(&path).expect("migrate");
        assert_eq!(user_version(&conn).expect("version"), SCHEMA_VERSION);
        assert_eq!(SCHEMA_VERSION, 20);
        let name: String = conn
            .query_row("SELECT name FROM enterprise WHERE uid = 'u1'", [], |r| {
                r.get(0)
            })
            .expect("the row is kept");
        assert_eq!(name, "冠县兴华纺织有限公司");
        let indexes: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'enterprise_%_page'",
                [],
                |r| r.get(0),
            )
            .expect("indexes");
        assert_eq!(indexes, 5);
        // Searching still finds the row (the FTS triggers came with version 1).
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM enterprise_fts WHERE enterprise_fts MATCH '\"兴华纺\"'",
                [],
                |r| r.get(0),
            )
            .expect("fts");
        assert_eq!(found, 1);
    }

    #[test]
    fn version_15_history_gains_visibility_and_events() {
        let conn = Connection::open_in_memory().expect("db");
        conn.pragma_update(None, "foreign_keys", false)
            .expect("fk off");
        for sql in &MIGRATIONS[..15] {
            conn.execute_batch(sql).expect("older migration");
        }
        conn.pragma_update(None, "user_version", 15)
            .expect("version");
        conn.execute_batch(
            "INSERT INTO assist_history (request_id, event, from_state, to_state, note, at, by_uid, by_name)
             VALUES (1, 'reassign', 'in_progress', 'in_progress', '李强出差', '2026-11-29T00:00:00Z', 'u', '张敏'),
                    (1, 'suspend', 'in_progress', 'suspended', '等待检测报告', '2026-11-29T00:00:00Z', 'u', '张敏');
             INSERT INTO pl_history (entry_id, from_state, to_state, reason, at, by_uid, by_name)
             VALUES (1, '', 'candidate', 'applied', '2026-11-29T00:00:00Z', 'u', '企业'),
                    (1, 'notice', 'rejected', '群众异议属实', '2026-11-29T00:00:00Z', 'u', '主管');",
        )
        .expect("v15 rows");
        migrate(&conn).expect("migrate");
        let vis: Vec<String> = conn
            .prepare("SELECT visibility FROM assist_history ORDER BY id")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert_eq!(vis, ["internal", "public"]);
        let pl: Vec<(String, String)> = conn
            .prepare("SELECT event, reason FROM pl_history ORDER BY id")
            .expect("prepare")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert_eq!(
            pl,
            [
                ("applied".to_string(), String::new()),
                (String::new(), "群众异议属实".to_string())
            ]
        );
    }

    #[test]
    fn migrates_an_empty_file_to_the_current_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/ecocase.db");
        let conn = create(&path).expect("create");
        assert_eq!(user_version(&conn).expect("version"), SCHEMA_VERSION);
        drop(conn);
        let conn = open(&path).expect("reopen");
        assert_eq!(user_version(&conn).expect("version"), SCHEMA_VERSION);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .expect("fk");
        assert_eq!(fk, 1);
    }

    #[test]
    fn new_database_file_is_owner_and_group_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("e.db");
        create(&path).expect("create");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode & 0o007, 0, "no access for others: {mode:o}");
    }

    #[test]
    fn missing_and_foreign_files_are_classified() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(matches!(
            open(&dir.path().join("nope.db")),
            Err(StoreError::Missing(_))
        ));
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, vec![b'x'; 4096]).expect("write");
        assert!(matches!(open(&junk), Err(StoreError::NotADatabase(p, _)) if p == junk));
    }

    #[test]
    fn a_classified_error_keeps_sqlites_error_as_its_source() {
        use std::error::Error;
        let conn = Connection::open_in_memory().expect("open");
        conn.execute_batch("CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1);")
            .expect("schema");
        let e = StoreError::from(
            conn.execute("INSERT INTO t VALUES (1)", [])
                .expect_err("duplicate"),
        );
        assert!(matches!(e, StoreError::Unique(_)));
        let cause = e.source().expect("source");
        assert!(cause.downcast_ref::<rusqlite::Error>().is_some());
        assert!(cause.to_string().starts_with("UNIQUE"), "{cause}");
        let io = StoreError::from(std::io::Error::other("gone"));
        assert_eq!(io.source().map(ToString::to_string), Some("gone".into()));
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("e.db");
        let conn = create(&path).expect("create");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump");
        drop(conn);
        assert!(matches!(open(&path), Err(StoreError::TooNew { .. })));
    }

    #[test]
    fn create_refuses_an_existing_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("e.db");
        create(&path).expect("create");
        assert!(matches!(create(&path), Err(StoreError::Io(_))));
    }
}
