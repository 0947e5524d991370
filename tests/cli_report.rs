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
    let page = std::fs::read_to_string(&out).expect("html");
    assert!(page.contains(&own));
    // The demo enterprise generates manifests and has been inspected: both parts hold rows.
    let number: String = conn
        .query_row(
            "SELECT m.number FROM manifest m JOIN enterprise e ON e.id = m.generator_id
             WHERE e.uscc = ?1 AND m.state <> 'draft' LIMIT 1",
            [&own],
            |r| r.get(0),
        )
        .expect("a manifest of the demo enterprise");
    assert!(page.contains(&number), "manifest {number} in the dossier");
    let inspection: String = conn
        .query_row(
            "SELECT i.number FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id
             WHERE e.uscc = ?1 LIMIT 1",
            [&own],
            |r| r.get(0),
        )
        .expect("an inspection of the demo enterprise");
    assert!(
        page.contains(&inspection),
        "inspection {inspection} in the dossier"
    );
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

/// The manifest and inspection figures of a demo quarter equal counts taken straight from the tables.
#[test]
fn manifest_and_inspection_figures_match_the_tables() {
    let s = Sandbox::new();
    s.demo();
    let r = s.run_as(
        &[
            "export",
            "summary",
            "--period",
            "2026-Q3",
            "--format",
            "json",
            "-o",
            "-",
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let section = |key: &str| {
        v["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .find(|s| s["key"] == key)
            .unwrap_or_else(|| panic!("section {key}"))
            .clone()
    };
    let figure = |sec: &serde_json::Value, key: &str| {
        sec["figures"]
            .as_array()
            .expect("figures")
            .iter()
            .find(|f| f["key"] == key)
            .unwrap_or_else(|| panic!("figure {key}"))["value"]
            .clone()
    };
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let mf = section("manifests");
    assert_eq!(
        figure(&mf, "manifests"),
        count(
            "SELECT count(*) FROM manifest WHERE transfer_date BETWEEN '2026-07-01' AND '2026-09-30'
             AND state NOT IN ('draft', 'cancelled')"
        )
    );
    let kg = count(
        "SELECT COALESCE(sum(l.quantity_kg), 0) FROM manifest_line l JOIN manifest m ON m.id = l.manifest_id
         WHERE m.transfer_date BETWEEN '2026-07-01' AND '2026-09-30' AND m.state NOT IN ('draft', 'cancelled')",
    );
    assert_eq!(figure(&mf, "tonnes").as_f64(), Some(kg as f64 / 1000.0));
    let insp = section("inspections");
    let done = count(
        "SELECT count(*) FROM inspection WHERE deleted_at IS NULL AND started_at IS NOT NULL
         AND planned_on BETWEEN '2026-07-01' AND '2026-09-30'",
    );
    assert!(done > 0, "the demo has a year of inspections");
    assert_eq!(figure(&insp, "inspections"), done);
    assert_eq!(
        figure(&insp, "cases"),
        count(
            "SELECT count(*) FROM insp_case WHERE approved_on BETWEEN '2026-07-01' AND '2026-09-30'"
        )
    );
}
