//! Tampering with the audit log from outside the program, as someone with the sqlite3 shell would:
//! `ecocase check` must name the first bad link for a changed, a deleted (middle and end) and an
//! inserted row. The sqlite3 shell is used when installed (CI installs it); otherwise the same SQL
//! runs through rusqlite.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli_common;
use cli_common::Sandbox;
use std::process::Command;

/// Runs `sql` against the database as an outsider: the sqlite3 shell if present, else rusqlite.
fn tamper(s: &Sandbox, sql: &str) {
    let shell = Command::new("sqlite3").arg(&s.db).arg(sql).output();
    match shell {
        Ok(out) => assert!(
            out.status.success(),
            "sqlite3: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => rusqlite::Connection::open(&s.db)
            .expect("open")
            .execute_batch(sql)
            .expect("tamper"),
    }
}

fn demo_sandbox() -> Sandbox {
    let s = Sandbox::new();
    s.demo();
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "{}", r.all());
    s
}

fn last_seq(s: &Sandbox) -> i64 {
    rusqlite::Connection::open(&s.db)
        .expect("open")
        .query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))
        .expect("max seq")
}

fn check_fails_with(s: &Sandbox, zh: &str, en: &str) {
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stdout.contains(zh), "{}", r.stdout);
    let r = s.run(&["--lang", "en", "check"], "");
    assert!(r.stdout.contains(en), "{}", r.stdout);
}

#[test]
fn the_append_only_guards_refuse_plain_changes() {
    let s = demo_sandbox();
    for sql in [
        "UPDATE audit_log SET actor_name = 'x' WHERE seq = 2",
        "DELETE FROM audit_log WHERE seq = 2",
    ] {
        let conn = rusqlite::Connection::open(&s.db).expect("open");
        let err = conn.execute_batch(sql).expect_err("the trigger refuses");
        assert!(err.to_string().contains("append-only"), "{err}");
    }
}

#[test]
fn a_changed_row_is_named() {
    let s = demo_sandbox();
    tamper(
        &s,
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after_json = '{}' WHERE seq = 7;",
    );
    check_fails_with(&s, "审计链断裂于第 7 条：内容与哈希不符", "broken at seq 7");
    assert!(
        s.run(&["check"], "")
            .stdout
            .contains("触发器 audit_log_no_update 不存在")
    );
}

#[test]
fn a_row_deleted_in_the_middle_is_named() {
    let s = demo_sandbox();
    tamper(
        &s,
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 12;",
    );
    check_fails_with(
        &s,
        "审计链断裂于第 12 条：该条缺失（下一条是第 13 条）",
        "broken at seq 12: missing (next is seq 13)",
    );
}

#[test]
fn rows_deleted_from_the_end_are_detected_by_the_head() {
    let s = demo_sandbox();
    let last = last_seq(&s);
    tamper(
        &s,
        &format!(
            "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > {};",
            last - 3
        ),
    );
    check_fails_with(
        &s,
        &format!("链头记录第 {last} 条，但最后一条是第 {} 条", last - 3),
        "entries were deleted from the end",
    );
}

#[test]
fn an_inserted_row_is_named() {
    let s = demo_sandbox();
    // Shift the later rows up by one to make room, then forge a row in the gap with a made-up hash.
    let last = last_seq(&s);
    tamper(
        &s,
        &format!(
            "DROP TRIGGER audit_log_no_update; \
             UPDATE audit_log SET seq = seq + 100000 WHERE seq >= 20; \
             UPDATE audit_log SET seq = seq - 100000 + 1 WHERE seq >= 100000; \
             INSERT INTO audit_log (seq, at, actor, actor_name, action, entity, record_uid, \
                before_json, after_json, prev_hash, hash) \
             SELECT 20, at, actor, actor_name, 'update', entity, record_uid, NULL, '{{}}', hash, \
                '{}' FROM audit_log WHERE seq = 19; \
             UPDATE audit_head SET seq = {};",
            "ab".repeat(32),
            last + 1
        ),
    );
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stdout.contains("审计链断裂于第 20 条"), "{}", r.stdout);
}
