//! The attacks of issue 21, each made on a copy of the demo database by someone with write access to
//! the file, and what `ecocase check` says about them: the table, the record, the field, the audited
//! value and the current one; a chain re-hashed after the change fails against a digest taken before.
//!
//! The tampering runs through rusqlite (the bundled SQLite, as the sqlite3 shell would run it): the
//! distribution's shell is older than the schema's FTS5 options and cannot write the enterprise table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli_common;
use cli_common::Sandbox;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

fn demo() -> Sandbox {
    let s = Sandbox::new();
    s.demo();
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("记录核对"), "{}", r.stdout);
    s
}

fn open(s: &Sandbox) -> Connection {
    Connection::open(&s.db).expect("open")
}

fn tamper(s: &Sandbox, sql: &str) {
    open(s).execute_batch(sql).expect("tamper");
}

fn one(s: &Sandbox, sql: &str) -> String {
    open(s)
        .query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Text(t) => t,
            rusqlite::types::Value::Integer(i) => i.to_string(),
            other => format!("{other:?}"),
        })
        .expect(sql)
}

/// Runs check, expects it to fail, and returns its standard output.
fn fails(s: &Sandbox, extra: &[&str]) -> String {
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    let r = s.run(&args, "");
    assert_eq!(r.code, 1, "{}", r.all());
    r.stdout
}

fn has(out: &str, parts: &[&str]) {
    assert!(
        out.lines().any(|l| parts.iter().all(|p| l.contains(p))),
        "no line with {parts:?} in:\n{out}"
    );
}

/// An audit entry's hashed fields, as the script reads them.
type Entry = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// What a 30-line script does: recompute every hash of the chain and move the head.
fn rechain(conn: &Connection) {
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;",
    )
    .expect("drop guards");
    let rows: Vec<Entry> = conn
        .prepare("SELECT seq, at, actor, actor_name, action, entity, record_uid, before_json, after_json FROM audit_log ORDER BY seq")
        .expect("prepare")
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
        })
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let mut prev = "0".repeat(64);
    let tx = conn.unchecked_transaction().expect("tx");
    for (n, row) in rows.iter().enumerate() {
        let seq = n as i64 + 1;
        let canonical = serde_json::to_vec(&(
            seq, &row.1, &row.2, &row.3, &row.4, &row.5, &row.6, &row.7, &row.8,
        ))
        .expect("json");
        let mut h = Sha256::new();
        h.update(prev.as_bytes());
        h.update(&canonical);
        let hash = hex::encode(h.finalize());
        tx.execute(
            "UPDATE audit_log SET seq = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4",
            rusqlite::params![seq, prev, hash, row.0],
        )
        .expect("update");
        prev = hash;
    }
    tx.execute(
        "INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)",
        rusqlite::params![rows.len() as i64, prev],
    )
    .expect("head");
    tx.execute_batch(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;",
    )
    .expect("guards back");
    tx.commit().expect("commit");
}

fn digest(s: &Sandbox, name: &str) -> String {
    let path = s.path(name);
    let r = s.run(&["audit", "digest", "-o", path.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.all());
    let text = std::fs::read_to_string(&path).expect("digest");
    assert!(text.contains("seq=") && text.contains("sha256="), "{text}");
    path.to_str().unwrap().to_string()
}

#[test]
fn an_enterprise_edited_in_the_file_is_named_with_both_values() {
    let s = demo();
    let uscc = one(
        &s,
        "SELECT uscc FROM enterprise WHERE credit <> 'green' ORDER BY id LIMIT 1",
    );
    let name = one(
        &s,
        &format!("SELECT name FROM enterprise WHERE uscc = '{uscc}'"),
    );
    let credit = one(
        &s,
        &format!("SELECT credit FROM enterprise WHERE uscc = '{uscc}'"),
    );
    tamper(
        &s,
        &format!("UPDATE enterprise SET name = '篡改公司', credit = 'green' WHERE uscc = '{uscc}'"),
    );
    let out = fails(&s, &[]);
    has(
        &out,
        &[
            "enterprise 表",
            &uscc,
            "name",
            &format!("审计值 {name}"),
            "当前值 篡改公司",
        ],
    );
    has(
        &out,
        &[
            "enterprise 表",
            &uscc,
            "credit",
            &format!("审计值 {credit}"),
            "当前值 green",
        ],
    );
    let r = s.run(&["--lang", "en", "check"], "");
    has(
        &r.stdout,
        &["Record altered: enterprise", &uscc, "name", "now 篡改公司"],
    );
}

#[test]
fn an_inserted_enterprise_and_an_added_admin_role_are_named() {
    let s = demo();
    tamper(
        &s,
        "INSERT INTO enterprise (uid, uscc, name, region_code, address, industry_code, status, credit,
             hw_class, permit_class, list_status, row_version, created_at, created_by, updated_at, updated_by)
         SELECT 'ghost-uid', '91371500GHOST0001X', '幽灵企业', region_code, address, industry_code, status, credit,
             hw_class, permit_class, list_status, 1, created_at, created_by, updated_at, updated_by
         FROM enterprise LIMIT 1;
         INSERT INTO user_role (user_id, role) SELECT id, 'admin' FROM user WHERE username = 'staff';",
    );
    let out = fails(&s, &[]);
    has(&out, &["记录无审计", "enterprise 表", "91371500GHOST0001X"]);
    has(
        &out,
        &[
            "user 表 staff",
            "roles",
            "审计值 staff",
            "当前值 admin,staff",
        ],
    );
}

#[test]
fn a_manifest_line_and_a_manifest_state_edited_are_named() {
    let s = demo();
    let number = one(
        &s,
        "SELECT number FROM manifest WHERE state = 'in_transit' ORDER BY id LIMIT 1",
    );
    let qty = one(
        &s,
        &format!(
            "SELECT quantity_kg FROM manifest_line WHERE seq = 1 AND manifest_id = (SELECT id FROM manifest WHERE number = '{number}')"
        ),
    );
    tamper(&s, &format!(
        "UPDATE manifest_line SET quantity_kg = quantity_kg * 10 WHERE seq = 1 AND manifest_id = (SELECT id FROM manifest WHERE number = '{number}');
         UPDATE manifest SET state = 'completed' WHERE number = '{number}';"
    ));
    let out = fails(&s, &[]);
    let ten = (qty.parse::<i64>().unwrap() * 10).to_string();
    has(
        &out,
        &[
            "manifest 表",
            &number,
            "lines[seq=1].quantity_kg",
            &format!("审计值 {qty}"),
            &format!("当前值 {ten}"),
        ],
    );
    has(
        &out,
        &[
            "manifest 表",
            &number,
            "的 state",
            "审计值 in_transit",
            "当前值 completed",
        ],
    );
}

#[test]
fn a_finding_changed_or_deleted_behind_recreated_guards_is_named() {
    let s = demo();
    let (first, second) = {
        let c = open(&s);
        let ids: Vec<i64> = c
            .prepare("SELECT id FROM insp_finding ORDER BY id LIMIT 2")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        (ids[0], ids[1])
    };
    let description = one(
        &s,
        &format!("SELECT description FROM insp_finding WHERE id = {first}"),
    );
    tamper(
        &s,
        &format!(
            "DROP TRIGGER insp_finding_no_update; DROP TRIGGER insp_finding_no_delete;
             UPDATE insp_finding SET description = '未发现问题' WHERE id = {first};
             DELETE FROM insp_finding WHERE id = {second};
             CREATE TRIGGER insp_finding_no_update BEFORE UPDATE ON insp_finding
             BEGIN SELECT RAISE(ABORT, 'insp_finding is append-only'); END;
             CREATE TRIGGER insp_finding_no_delete BEFORE DELETE ON insp_finding
             BEGIN SELECT RAISE(ABORT, 'insp_finding is append-only'); END;"
        ),
    );
    let out = fails(&s, &[]);
    has(
        &out,
        &[
            "insp_finding 表",
            &first.to_string(),
            "description",
            &format!("审计值 {description}"),
            "当前值 未发现问题",
        ],
    );
    has(&out, &["记录缺失", "insp_finding 表"]);
    // The guards are back as defined: the trigger pass has nothing to say.
    has(&out, &["保护触发器：", "逐个与结构定义一致"]);
}

#[test]
fn neutered_and_dropped_guards_are_named() {
    let s = demo();
    tamper(
        &s,
        "DROP TRIGGER audit_log_no_delete;
         CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 BEGIN SELECT 1; END;
         DROP TRIGGER insp_finding_no_update;",
    );
    let out = fails(&s, &[]);
    has(
        &out,
        &["保护触发器被改动", "audit_log", "audit_log_no_delete"],
    );
    has(
        &out,
        &["保护触发器缺失", "insp_finding", "insp_finding_no_update"],
    );
    let r = s.run(&["--lang", "en", "check"], "");
    has(
        &r.stdout,
        &["Protective trigger altered", "audit_log_no_delete"],
    );
}

#[test]
fn a_rechained_history_passes_alone_but_fails_against_an_earlier_digest() {
    let s = demo();
    let before = digest(&s, "before.digest");
    let r = s.run(&["check", "--digest", &before], "");
    assert_eq!(r.code, 0, "{}", r.all());
    has(&r.stdout, &["摘要", "before.digest", "仍在今天的审计链中"]);
    // A row in the middle edited (the audited name rewritten to the tampered one), then re-chained.
    let uscc = one(&s, "SELECT uscc FROM enterprise ORDER BY id LIMIT 1");
    let c = open(&s);
    c.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
        .unwrap();
    let uid = one(
        &s,
        &format!("SELECT uid FROM enterprise WHERE uscc = '{uscc}'"),
    );
    c.execute(
        "UPDATE audit_log SET after_json = json_set(after_json, '$.name', '篡改公司') WHERE entity = 'enterprise' AND record_uid = ?1",
        [&uid],
    )
    .unwrap();
    c.execute(
        "UPDATE enterprise SET name = '篡改公司' WHERE uid = ?1",
        [&uid],
    )
    .unwrap();
    rechain(&c);
    drop(c);
    // The chain and the rows agree again: only the digest can tell.
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "{}", r.all());
    let out = fails(&s, &["--digest", &before]);
    has(&out, &["摘要", "before.digest", "哈希已不同"]);
}

#[test]
fn a_forged_row_a_cut_tail_and_an_emptied_log_fail_against_a_digest() {
    // A forged entry credited to admin in the middle, re-chained.
    let s = demo();
    let before = digest(&s, "before.digest");
    let c = open(&s);
    c.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
         UPDATE audit_log SET seq = seq + 1000000 WHERE seq > 10;
         INSERT INTO audit_log (seq, at, actor, actor_name, action, entity, record_uid, after_json, prev_hash, hash)
         SELECT 11, at, actor, 'admin', 'update', 'setting', 'demo', '{\"key\":\"demo\",\"value\":\"0\"}', '', ''
         FROM audit_log WHERE seq = 10;",
    )
    .unwrap();
    rechain(&c);
    drop(c);
    has(
        &fails(&s, &["--digest", &before]),
        &["before.digest", "哈希已不同"],
    );

    // The tail deleted and the head moved back.
    let s = demo();
    let before = digest(&s, "before.digest");
    let c = open(&s);
    c.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
         DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 5 FROM audit_log);",
    )
    .unwrap();
    rechain(&c);
    drop(c);
    has(
        &fails(&s, &["--digest", &before]),
        &["before.digest", "审计链只到第"],
    );

    // Every audit entry deleted: fails without any digest.
    let s = demo();
    let before = digest(&s, "before.digest");
    tamper(
        &s,
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log; DELETE FROM audit_head;
         CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;",
    );
    let out = fails(&s, &[]);
    has(&out, &["审计日志为空", "业务记录"]);
    has(
        &fails(&s, &["--digest", &before]),
        &["before.digest", "审计链只到第 0 条"],
    );
}

#[test]
fn a_draw_redrawn_with_a_new_seed_is_named_by_check_and_draw_verify() {
    use ecocase::domain::inspection::draw::sample;
    let s = demo();
    let c = open(&s);
    let (id, n, k): (i64, i64, i64) = c
        .query_row(
            "SELECT id, candidate_count, drawn_count FROM draw ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let old_seed = one(&s, &format!("SELECT seed_hex FROM draw WHERE id = {id}"));
    let seed = [7u8; 32];
    let picks = sample(&seed, n as usize, k as usize);
    c.execute_batch("DROP TRIGGER draw_no_update; DROP TRIGGER draw_result_no_update;")
        .unwrap();
    c.execute(
        "UPDATE draw SET seed_hex = ?1 WHERE id = ?2",
        rusqlite::params![hex::encode(seed), id],
    )
    .unwrap();
    // Every result moved to the new sample (positions shifted first to keep the key unique).
    for (rank, p) in picks.iter().enumerate() {
        c.execute(
            "UPDATE draw_result SET position = ?1,
                 uscc = (SELECT uscc FROM draw_candidate WHERE draw_id = ?2 AND position = ?1),
                 enterprise_id = (SELECT enterprise_id FROM draw_candidate WHERE draw_id = ?2 AND position = ?1)
             WHERE draw_id = ?2 AND rank = ?3",
            rusqlite::params![*p as i64, id, rank as i64],
        )
        .unwrap();
    }
    c.execute_batch(
        "CREATE TRIGGER draw_no_update BEFORE UPDATE ON draw BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
         CREATE TRIGGER draw_result_no_update BEFORE UPDATE ON draw_result BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;",
    )
    .unwrap();
    drop(c);
    let out = fails(&s, &[]);
    has(
        &out,
        &[
            &format!("抽取 {id}"),
            "seed_hex",
            &format!("审计值 {old_seed}"),
            &hex::encode(seed),
        ],
    );
    let r = s.run(&["draw", "verify", &id.to_string()], "");
    assert_eq!(r.code, 1, "{}", r.all());
}

#[test]
fn quick_says_the_row_pass_was_skipped() {
    let s = demo();
    tamper(&s, "UPDATE enterprise SET name = '篡改公司' WHERE id = 1");
    let r = s.run(&["check", "--quick"], "");
    assert_eq!(r.code, 0, "{}", r.all());
    has(&r.stdout, &["记录核对：已跳过（--quick）"]);
}

#[test]
fn backup_writes_a_digest_and_the_digest_directory_is_proved_by_check() {
    let s = demo();
    let dir = s.path("digests");
    std::fs::create_dir(&dir).unwrap();
    let config = s.path("ecocase.conf");
    std::fs::write(&config, format!("digest_dir = \"{}\"\n", dir.display())).unwrap();
    let backup = s.path("copy.db");
    let mut cmd = s.cmd(&["backup", backup.to_str().unwrap()]);
    cmd.env("ECOCASE_CONFIG", &config);
    let r = s.run_with(cmd, "");
    assert_eq!(r.code, 0, "{}", r.all());
    let next_to_backup = std::fs::read_to_string(s.path("copy.db.digest")).expect("backup digest");
    assert!(next_to_backup.contains("sha256="), "{next_to_backup}");
    let kept = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(kept, 1);
    // The directory's digest is proved on every check; after a rebuilt chain it fails.
    let mut cmd = s.cmd(&["check"]);
    cmd.env("ECOCASE_CONFIG", &config);
    let r = s.run_with(cmd, "");
    assert_eq!(r.code, 0, "{}", r.all());
    has(&r.stdout, &["摘要", ".digests", "仍在今天的审计链中"]);
    let c = open(&s);
    c.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
         UPDATE audit_log SET actor_name = 'admin' WHERE seq = 3;",
    )
    .unwrap();
    rechain(&c);
    drop(c);
    let mut cmd = s.cmd(&["check"]);
    cmd.env("ECOCASE_CONFIG", &config);
    let r = s.run_with(cmd, "");
    assert_eq!(r.code, 1, "{}", r.all());
    has(&r.stdout, &[".digests", "哈希已不同"]);
}
