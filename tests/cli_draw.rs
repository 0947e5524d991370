//! `ecocase draw list`, `draw verify`, `draw export` and `draw publish` through the real binary on the
//! demo database: the demo's draws verify, a result row changed behind the triggers makes `verify` exit
//! non-zero, the publication export carries the seed and the candidate hash, and the results are
//! published (CSV, XLSX) by supervisors only, with the publication in the audit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::Sandbox;

#[test]
fn draws_are_listed_verified_and_exported_and_a_changed_result_is_detected() {
    let s = Sandbox::new();
    s.demo();
    let list = s.run_as(&["draw", "list", "--as", "supervisor"], "demo");
    assert_eq!(list.code, 0, "{}", list.all());
    assert!(list.stdout.starts_with("编号"), "{}", list.stdout);
    assert!(
        list.stdout.contains("冠县一般企业 双随机"),
        "{}",
        list.stdout
    );
    // Enterprise accounts never see draws.
    let denied = s.run_as(&["draw", "list", "--as", "enterprise"], "demo");
    assert_ne!(denied.code, 0, "{}", denied.all());

    let ok = s.run(&["draw", "verify", "1"], "");
    assert_eq!(ok.code, 0, "{}", ok.all());
    assert!(ok.stdout.contains("复核通过"), "{}", ok.stdout);

    let out = s.path("draw-1.csv");
    let export = s.run_as(
        &[
            "draw",
            "export",
            "1",
            "--out",
            out.to_str().unwrap(),
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(export.code, 0, "{}", export.all());
    let csv = std::fs::read_to_string(&out).unwrap();
    let seed: String = rusqlite::Connection::open(&s.db)
        .unwrap()
        .query_row("SELECT seed_hex FROM draw WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert!(csv.contains(&seed), "{csv}");
    assert!(csv.contains("JC-371525-"), "{csv}");

    // 一公开 of the results: supervisors publish (CSV or XLSX), the publication is audited; inspectors
    // may not.
    let results = s.path("draw-1-results.csv");
    let publish = s.run_as(
        &[
            "draw",
            "publish",
            "1",
            "-o",
            results.to_str().unwrap(),
            "--as",
            "supervisor",
        ],
        "demo",
    );
    // The demo's drawn checks are still pending: nothing is published before they finish.
    assert_ne!(publish.code, 0, "{}", publish.all());
    assert!(publish.all().contains("尚未办结"), "{}", publish.all());
    rusqlite::Connection::open(&s.db)
        .unwrap()
        .execute(
            "UPDATE inspection SET state = 'completed', conclusion = 'no_issue' WHERE draw_id = 1",
            [],
        )
        .unwrap();
    let publish = s.run_as(
        &[
            "draw",
            "publish",
            "1",
            "-o",
            results.to_str().unwrap(),
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(publish.code, 0, "{}", publish.all());
    assert!(publish.stdout.contains("已公示"), "{}", publish.stdout);
    let csv = std::fs::read_to_string(&results).unwrap();
    assert!(
        csv.contains("发现问题数") && csv.contains("JC-371525-"),
        "{csv}"
    );
    let xlsx = s.path("draw-1-results.bin");
    let publish = s.run_as(
        &[
            "draw",
            "publish",
            "1",
            "-o",
            xlsx.to_str().unwrap(),
            "--format",
            "xlsx",
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(publish.code, 0, "{}", publish.all());
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
    let audited: i64 = rusqlite::Connection::open(&s.db)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'draw' AND action = 'publish_results'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 2);
    let denied = s.run_as(&["draw", "publish", "1", "--as", "inspector"], "demo");
    assert_eq!(denied.code, 5, "{}", denied.all());

    // Someone with the sqlite3 shell drops the trigger and swaps the drawn enterprise.
    let c = rusqlite::Connection::open(&s.db).unwrap();
    c.execute_batch(
        "DROP TRIGGER draw_result_no_update;
         UPDATE draw_result SET position = (position + 1) % (SELECT candidate_count FROM draw WHERE id = 1),
             uscc = 'X' WHERE draw_id = 1 AND rank = 0;",
    )
    .unwrap();
    let bad = s.run(&["draw", "verify", "1"], "");
    assert_eq!(bad.code, 1, "{}", bad.all());
    assert!(bad.all().contains("复核失败"), "{}", bad.all());
    assert!(bad.stdout.contains("抽取结果 不一致"), "{}", bad.stdout);
}
