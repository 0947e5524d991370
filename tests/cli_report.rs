//! `ecocase export summary` and `ecocase export dossier` through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli_common;
use cli_common::{Sandbox, text};

#[test]
fn a_supervisor_writes_last_quarters_county_summary_as_xlsx() {
    let s = Sandbox::new();
    s.demo();
    let out = s.path("冠县-2026Q3.xlsx");
    let r = s.run_as(
        &[
            "export",
            "summary",
            "--from",
            "2026-07-01",
            "--to",
            "2026-09-30",
            "--region",
            "冠县",
            "-o",
            &text(&out),
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stdout
            .contains("已写入 冠县 2026-07-01 至 2026-09-30 的汇总报表"),
        "{}",
        r.stdout
    );
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"PK"), "an XLSX (zip) file");
    // A bad period and a region the branch may not see are refused before anything is written.
    let r = s.run_as(
        &[
            "export",
            "summary",
            "--period",
            "2026-Q5",
            "-o",
            &text(&s.path("x.csv")),
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(r.code, 64, "{}", r.all());
    assert!(r.stderr.contains("报表期间“2026-Q5”无效"), "{}", r.stderr);
    let r = s.run_as(
        &[
            "export",
            "summary",
            "--period",
            "2026-Q3",
            "--region",
            "371502",
            "-o",
            &text(&s.path("y.csv")),
            "--as",
            "branch",
        ],
        "demo",
    );
    assert_eq!(r.code, 5, "{}", r.all());
    assert!(!s.path("y.csv").exists());
    let r = s.run_as(
        &[
            "export",
            "summary",
            "--period",
            "2026-Q3",
            "-o",
            &text(&s.path("e.csv")),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 5, "{}", r.all());
}

#[test]
fn the_summary_goes_to_standard_output_as_json() {
    let s = Sandbox::new();
    s.demo();
    let r = s.run_as(
        &[
            "export", "summary", "--period", "2026-11", "--format", "json", "-o", "-", "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["period"]["kind"], "month");
    assert_eq!(v["sections"][0]["key"], "register");
}

#[test]
fn an_enterprise_exports_its_own_dossier_and_no_other() {
    let s = Sandbox::new();
    s.demo();
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let (own, other): (String, String) = conn
        .query_row(
            "SELECT e.uscc, (SELECT uscc FROM enterprise WHERE id <> e.id LIMIT 1)
             FROM user u JOIN enterprise e ON e.id = u.enterprise_id WHERE u.username = 'enterprise'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the demo enterprise account's enterprise");
    let out = s.path("own.html");
    let r = s.run_as(
        &[
            "export",
            "dossier",
            &own,
            "-o",
            &text(&out),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(std::fs::read_to_string(&out).expect("html").contains(&own));
    let r = s.run_as(
        &[
            "export",
            "dossier",
            &other,
            "-o",
            &text(&s.path("other.xlsx")),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stderr.contains("记录不存在或无权查看"), "{}", r.stderr);
    assert!(!s.path("other.xlsx").exists());
}
