//! `ecocase assist list` and `assist auto-close` through the real binary, on the demo database.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::Sandbox;

#[test]
fn list_shows_the_queue_within_scope_in_every_format() {
    let s = Sandbox::new();
    s.demo();
    let all = s.run_as(&["assist", "list", "--as", "supervisor"], "demo");
    assert_eq!(all.code, 0, "{}", all.all());
    assert!(all.stdout.starts_with("编号"), "{}", all.stdout);
    assert!(
        all.stdout.contains("BF-371525-2026-00001"),
        "{}",
        all.stdout
    );
    assert!(
        !all.stdout.contains("草稿"),
        "drafts stay the enterprise's: {}",
        all.stdout
    );

    // The branch account sees only 冠县.
    let branch = s.run_as(&["assist", "list", "--as", "branch"], "demo");
    let numbers: Vec<&str> = branch
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split(' ').next())
        .collect();
    // The branch's own request and the one raised at its demo round-table.
    assert_eq!(numbers.len(), 2, "{}", branch.stdout);
    assert!(
        numbers.iter().all(|n| n.starts_with("BF-371525-")),
        "{}",
        branch.stdout
    );

    // Overdue, as CSV: the urgent request past its completion date and the unaccepted urgent one.
    let overdue = s.run_as(
        &[
            "assist",
            "list",
            "--overdue",
            "--format",
            "csv",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(overdue.code, 0, "{}", overdue.all());
    let rows: Vec<&str> = overdue.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{}", overdue.stdout);
    assert!(
        rows.iter().all(|r| r.contains(",超期,")),
        "{}",
        overdue.stdout
    );

    // JSON by state name in Chinese; the enterprise sees its own requests only.
    let json = s.run_as(
        &[
            "assist",
            "list",
            "--state",
            "待评价",
            "--format",
            "json",
            "--as",
            "enterprise",
        ],
        "demo",
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["state"], "awaiting_rating");
    let receiver = s.run_as(
        &["assist", "list", "--format", "json", "--as", "receiver"],
        "demo",
    );
    assert_eq!(receiver.stdout.trim(), "[]");

    let bad = s.run_as(
        &["assist", "list", "--state", "done", "--as", "staff"],
        "demo",
    );
    assert_eq!(bad.code, 64, "{}", bad.all());
    assert!(
        bad.stderr.contains("状态“done”不是有效选项"),
        "{}",
        bad.stderr
    );
}

#[test]
fn auto_close_reports_nothing_to_close_on_fresh_demo_data() {
    let s = Sandbox::new();
    s.demo();
    let r = s.run_as(&["assist", "auto-close", "--as", "staff"], "demo");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stdout.contains("已关闭超期未评价的请求 0 件"),
        "{}",
        r.stdout
    );
}
