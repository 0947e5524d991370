//! Faults a bureau will meet: a killed process in the middle of a bulk write, a full disk, a damaged
//! or foreign file, a read-only file, a missing directory, and a lock held by another user past the
//! timeout. Each must end with a clear message and exit code, no panic, and nothing half-saved.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli_common;
mod common;

use cli_common::{Sandbox, count_enterprises, text};
use ecocase::domain::uscc::check_char;
use ecocase::service::ServiceError;
use ecocase::service::account::auth;
use ecocase::service::enterprise::Warnings;
use ecocase::store::db::{self, StoreError};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A valid USCC for row `i` of a generated file.
fn uscc(i: usize) -> String {
    let first17 = format!("91371500MA{i:07}");
    format!("{first17}{}", check_char(&first17).expect("valid code"))
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// Waits until `ready` holds while the child still runs, then kills it with SIGKILL. Fails when the
/// child ended first: the test would not have interrupted anything.
fn kill_when(child: &mut Child, what: &str, ready: impl Fn() -> bool) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("poll child") {
            panic!("{what} ended ({status}) before it could be interrupted: make the job bigger");
        }
        if ready() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{what} never reached the point to interrupt"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("reap");
    assert!(!status.success(), "{what} was killed, not finished");
}

fn no_panic(r: &cli_common::Run) {
    assert!(!r.all().contains("panicked"), "{}", r.all());
}

#[test]
fn sigkill_during_an_import_leaves_nothing_of_it() {
    let s = Sandbox::new();
    s.init_with_staff();
    let mut csv = String::from("统一社会信用代码,企业名称,所属区域,法定代表人,地址\n");
    for i in 0..40_000 {
        csv.push_str(&format!(
            "{},聊城市东昌府区测试化工有限公司{i},东昌府区,王强,聊城市东昌府区柳园街道{i}号\n",
            uscc(i)
        ));
    }
    let file = s.write("big.csv", csv.as_bytes());
    let mut c = s.cmd(&["import", "enterprises", &text(&file), "--as", "staff"]);
    c.env("ECOCASE_PASSWORD", "Yellow-river-bend-88")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = c.spawn().expect("start import");
    let wal = s.db.with_extension("db-wal");
    // Rows spill into the write-ahead log once the page cache is full: the transaction is under way.
    kill_when(&mut child, "the import", || file_size(&wal) > 4 << 20);

    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "integrity and chain after the kill: {}", r.all());
    assert_eq!(count_enterprises(&s.db), 0, "all or nothing");
    // The same file imports completely afterwards.
    let r = s.run_as(
        &["import", "enterprises", &text(&file), "--as", "staff"],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert_eq!(count_enterprises(&s.db), 40_000);
}

#[test]
fn sigkill_during_demo_generation_leaves_no_database() {
    let s = Sandbox::new();
    let mut c = s.cmd(&["demo", "--scale", "city"]);
    c.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = c.spawn().expect("start demo");
    let pid = child.id();
    let temp = s.path(&format!(".ecocase.db.demo-{pid}.tmp"));
    kill_when(&mut child, "demo generation", || file_size(&temp) > 2 << 20);

    assert!(
        !s.db.exists(),
        "a half-built demo must never appear as the database"
    );
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 2, "{}", r.all());
    no_panic(&r);
    // A new run builds it completely.
    s.demo();
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "{}", r.all());
}

#[test]
fn a_full_disk_saves_nothing_says_so_and_the_session_goes_on() {
    let (_dir, path) = common::fresh_db();
    let conn = db::open(&path).expect("open");
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("page count");
    // The file may not grow: the login fits in free space, a few enterprises do not.
    conn.pragma_update(None, "max_page_count", pages)
        .expect("cap");
    let staff = auth::login(conn, "staff", common::PASSWORD, common::fixed_clock()).expect("login");
    let before = count_enterprises(&path);
    let mut failure = None;
    for i in 0..200 {
        let mut d = common::draft(
            &uscc(i),
            &format!("聊城市东昌府区磁盘测试有限公司{i}"),
            common::DONGCHANGFU,
        );
        d.address = "聊城市东昌府区".repeat(25);
        match staff.enterprises().create(d, Warnings::Acknowledge) {
            Ok(_) => {}
            Err(e) => {
                failure = Some((i, e));
                break;
            }
        }
    }
    let (saved, err) = failure.expect("the capped file fills up");
    assert!(
        matches!(err, ServiceError::Store(StoreError::DiskFull(_))),
        "{err:?}"
    );
    assert!(
        err.render(ecocase::i18n::Lang::Zh)
            .contains("磁盘已满，未保存任何内容"),
        "{}",
        err.render(ecocase::i18n::Lang::Zh)
    );
    assert!(
        err.render(ecocase::i18n::Lang::En)
            .contains("Disk full, nothing was saved"),
    );
    // Nothing of the failed save: the count grew only by the saves that succeeded, and the chain holds.
    assert_eq!(count_enterprises(&path), before + saved as i64);
    assert!(
        staff.enterprises().by_uscc(&uscc(saved)).is_err(),
        "the failed enterprise is not there"
    );
    // The session goes on: reads work, and the audit chain verifies.
    assert_eq!(
        staff
            .enterprises()
            .by_uscc(common::E1_USCC)
            .expect("read after the failure")
            .uscc,
        common::E1_USCC
    );
    let check = db::open(&path).expect("reopen");
    let report = ecocase::store::audit::verify(&check).expect("verify");
    assert_eq!(report.first_broken, None);
}

#[test]
fn a_damaged_file_is_named_and_refused() {
    let s = Sandbox::new();
    s.demo();
    // Overwrite pages in the middle of the file, leaving the header intact.
    let mut bytes = std::fs::read(&s.db).expect("read");
    assert!(bytes.len() > 200 * 1024, "demo file is large enough");
    for b in &mut bytes[40 * 4096..48 * 4096] {
        *b = 0xde;
    }
    std::fs::write(&s.db, bytes).expect("write");
    for args in [&["check"][..], &["user", "list", "--as", "admin"][..]] {
        let r = s.run_as(args, "demo");
        assert_eq!(r.code, 2, "{args:?}: {}", r.all());
        assert!(
            r.stderr.contains("不是 ecocase 数据库或已损坏"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains(&text(&s.db)), "names the file");
        no_panic(&r);
    }
}

#[test]
fn a_foreign_file_is_refused_without_being_changed() {
    let s = Sandbox::new();
    let content = "这不是数据库\n".repeat(500);
    std::fs::write(&s.db, &content).expect("write");
    let r = s.run_as(&["--lang", "en", "user", "list", "--as", "admin"], "x");
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.contains("is not an ecocase database"),
        "{}",
        r.stderr
    );
    no_panic(&r);
    assert_eq!(std::fs::read_to_string(&s.db).expect("read"), content);
}

#[test]
fn a_missing_directory_or_file_is_named() {
    let s = Sandbox::new();
    let missing = s.path("没有这个目录/ecocase.db");
    let r = s.run_with(s.bare(&["--db", &text(&missing), "check"]), "");
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("不存在"), "{}", r.stderr);
    assert!(r.stderr.contains(&text(&missing)), "{}", r.stderr);
    // A database cannot be created under a path whose "directory" is a file.
    let blocker = s.write("a-file", b"x");
    let under_file = blocker.join("ecocase.db");
    let r = s.run_with(
        s.bare(&[
            "--db",
            &text(&under_file),
            "init",
            "--admin",
            "admin",
            "--password-stdin",
        ]),
        "Guancheng-tower-2026\n",
    );
    assert_eq!(r.code, 4, "{}", r.all());
    assert!(r.stderr.contains(&text(&blocker)), "{}", r.stderr);
    no_panic(&r);
}

/// Root ignores file modes, so as root the program is run as `nobody` (setpriv) to meet a read-only
/// file the way an ordinary account would.
#[test]
fn a_read_only_file_refuses_writes_with_a_clear_message() {
    let s = Sandbox::new();
    s.init();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(s.dir.path(), std::fs::Permissions::from_mode(0o777))
        .expect("chmod dir");
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let args = ["user", "list", "--as", "admin"];
    let mut c = if is_root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_ecocase"))
            .arg("--db")
            .arg(&s.db)
            .args(args)
            .env_remove("ECOCASE_DB")
            .env("HOME", s.dir.path())
            .env("XDG_CONFIG_HOME", s.dir.path());
        c
    } else {
        s.cmd(&args)
    };
    c.env("ECOCASE_PASSWORD", "Guancheng-tower-2026");
    let r = s.run_with(c, "");
    assert_eq!(r.code, 4, "{}", r.all());
    assert!(
        r.stderr.contains("数据库文件只读，无法保存"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains(&text(&s.db)), "{}", r.stderr);
    no_panic(&r);
}

#[test]
fn a_lock_held_past_the_timeout_is_reported_as_busy() {
    let s = Sandbox::new();
    s.init();
    let holder = rusqlite::Connection::open(&s.db).expect("open");
    holder
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    let started = Instant::now();
    // Logging in never waits for the lock (issue 22, case 6); the write itself does, then gives up.
    let write = [
        "setting",
        "set",
        "session.idle_lock_minutes",
        "20",
        "--as",
        "admin",
    ];
    let r = s.run_as(&write, "Guancheng-tower-2026");
    let waited = started.elapsed();
    holder.execute_batch("ROLLBACK").expect("release");
    assert_eq!(r.code, 3, "{}", r.all());
    assert!(r.stderr.contains("数据库正忙"), "{}", r.stderr);
    assert!(
        waited >= Duration::from_secs(7),
        "waited the busy timeout first: {waited:?}"
    );
    no_panic(&r);
    // Once the lock is gone the same command works.
    let r = s.run_as(&write, "Guancheng-tower-2026");
    assert_eq!(r.code, 0, "{}", r.all());
}
