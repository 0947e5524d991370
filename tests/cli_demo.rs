//! `demo`, `check` and `backup` through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::{Sandbox, count_enterprises, text};
use ecocase::service::account::auth;
use ecocase::service::system_clock;

const ACCOUNTS: [&str; 8] = [
    "admin",
    "staff",
    "inspector",
    "inspector2",
    "supervisor",
    "branch",
    "enterprise",
    "receiver",
];

#[test]
fn demo_small_creates_the_eight_accounts_who_all_log_in_with_demo() {
    let s = Sandbox::new();
    let r = s.run(&["demo"], "");
    assert_eq!(r.code, 0, "{}", r.all());
    for name in ACCOUNTS {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(&format!("{name} "))),
            "{name} not printed:\n{}",
            r.stdout
        );
        let session = auth::login_path(&s.db, name, "demo", system_clock())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(session.is_demo());
    }
    assert!(r.stdout.contains("密码均为 demo"), "{}", r.stdout);
    let n = count_enterprises(&s.db);
    assert!((200..=500).contains(&n), "{n}");
    // Both inspectors hold a certificate valid today; the branch account is scoped to 冠县.
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let certified: i64 = conn
        .query_row(
            "SELECT count(DISTINCT u.username) FROM certificate c JOIN user u ON u.id = c.user_id
             WHERE c.valid_from <= date('now') AND c.valid_to >= date('now')",
            [],
            |r| r.get(0),
        )
        .expect("certificates");
    assert_eq!(certified, 2);
    let branch_unit: String = conn
        .query_row(
            "SELECT o.code FROM user u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = 'branch'",
            [],
            |r| r.get(0),
        )
        .expect("branch");
    assert_eq!(branch_unit, "371525");
    // Every created enterprise has its audit entry.
    let audited: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'enterprise' AND action = 'create'",
            [],
            |r| r.get(0),
        )
        .expect("audit");
    assert_eq!(audited, n);
}

#[test]
fn a_killed_runs_temporary_file_is_removed_by_the_next_run() {
    let s = Sandbox::new();
    let dir = s.db.parent().expect("dir");
    let name =
        s.db.file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
    // No process has this id (above the kernel's pid limit); another run's live file stays.
    let stale = dir.join(format!(".{name}.demo-4194399.tmp"));
    let stale_wal = dir.join(format!(".{name}.demo-4194399.tmp-wal"));
    let live = dir.join(format!(".{name}.demo-{}.tmp", std::process::id()));
    for f in [&stale, &stale_wal, &live] {
        std::fs::write(f, b"partial").expect("temp");
    }
    let r = s.run(&["demo"], "");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        !stale.exists() && !stale_wal.exists(),
        "the killed run's files are gone"
    );
    assert!(live.exists(), "a running process's file is left alone");
}

#[test]
fn demo_refuses_an_existing_file() {
    let s = Sandbox::new();
    std::fs::write(&s.db, b"precious").expect("write");
    let r = s.run(&["demo"], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("已存在，未做任何修改"), "{}", r.stderr);
    assert_eq!(std::fs::read(&s.db).expect("read"), b"precious");
    let leftovers: Vec<_> = std::fs::read_dir(s.dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn check_passes_on_a_fresh_demo_and_fails_naming_the_changed_row() {
    let s = Sandbox::new();
    s.demo();
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("检查通过"), "{}", r.stdout);
    assert!(r.stdout.contains("哈希链完整"), "{}", r.stdout);
    // The demo obeys every time rule: no record is listed as a time warning.
    assert!(!r.stdout.contains("警告：联单"), "{}", r.stdout);
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let now = ecocase::domain::time_rules::Now::new(
        ecocase::domain::time::Instant::new(chrono::Utc::now()),
        10,
    );
    let warnings = ecocase::store::check::manifest_time_warnings(&conn, &now).expect("rules");
    assert!(warnings.is_empty(), "{warnings:?}");
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name='x' WHERE seq=3",
    )
    .expect("tamper");
    drop(conn);
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stdout.contains("审计链断裂于第 3 条"), "{}", r.stdout);
    assert!(r.stdout.contains("audit_log_no_update"), "{}", r.stdout);
    let r = s.run(&["--lang", "en", "check"], "");
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("broken at seq 3"), "{}", r.stdout);
}

#[test]
fn check_says_when_the_database_cannot_be_opened() {
    let s = Sandbox::new();
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("不存在"), "{}", r.stderr);
    std::fs::write(&s.db, "统一社会信用代码,企业名称\n").expect("write");
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("不是 ecocase 数据库"), "{}", r.stderr);
}

#[test]
fn backup_makes_a_copy_that_opens_and_refuses_an_existing_target() {
    let s = Sandbox::new();
    s.demo();
    let target = s.path("backup.db");
    let r = s.run(&["backup", &text(&target)], "");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("副本完整性检查通过"), "{}", r.stdout);
    assert_eq!(count_enterprises(&target), count_enterprises(&s.db));
    let session = auth::login_path(&target, "staff", "demo", system_clock()).expect("login");
    assert!(session.is_demo());
    let r = s.run(&["backup", &text(&target)], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("已存在"), "{}", r.stderr);
}

/// A backup holds the password hashes: owner read and write only, whatever the umask (issue 22, case 3).
#[test]
fn backup_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    s.demo();
    let target = s.path("backup.db");
    let r = s.run(&["backup", &text(&target)], "");
    assert_eq!(r.code, 0, "{}", r.all());
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "backup mode {mode:o}");
}

/// A dangling symbolic link as the backup path is refused, not followed: nothing is created at its
/// target (issue 22, case 2).
#[test]
fn backup_refuses_a_symbolic_link_as_its_path() {
    let s = Sandbox::new();
    s.demo();
    let elsewhere = s.path("elsewhere.db");
    let link = s.path("backup.db");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let r = s.run(&["backup", &text(&link)], "");
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stderr.contains("是符号链接"), "{}", r.stderr);
    assert!(!elsewhere.exists(), "the link was followed");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let r = s.run(&["--lang", "en", "backup", &text(&link)], "");
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stderr.contains("is a symbolic link"), "{}", r.stderr);
    assert!(!elsewhere.exists(), "the link was followed");
}
