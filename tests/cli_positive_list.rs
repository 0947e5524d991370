//! `ecocase export positive-list` through the real binary on the demo database: CSV with BOM, XLSX read
//! back, JSON, the region filter, and the refusal for a role that may not export.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use calamine::{Data, Reader, Xlsx, open_workbook};
use cli_common::{Sandbox, text};

#[test]
fn the_current_list_exports_as_csv_xlsx_and_json() {
    let s = Sandbox::new();
    s.demo();
    let csv = s.path("list.csv");
    let r = s.run_as(
        &[
            "export",
            "positive-list",
            "-o",
            &text(&csv),
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("已导出正面清单 7 家企业"), "{}", r.stdout);
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let body = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = body.lines();
    assert_eq!(
        lines.next().unwrap(),
        "批次,企业名称,统一社会信用代码,所属区域,纳入日期,下次复核,正面清单,非现场监管手段"
    );
    // Listed and under-review entries only: 6 在册 + 1 复核中.
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows.iter().filter(|l| l.contains(",复核中,")).count(), 1);
    assert!(
        rows.iter()
            .all(|l| !l.contains("候选") && !l.contains("公示中"))
    );

    let xlsx = s.path("list.xlsx");
    let r = s.run_as(
        &[
            "--lang",
            "en",
            "export",
            "positive-list",
            "-o",
            &text(&xlsx),
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("Positive list").unwrap();
    assert_eq!(sheet.height(), 8);
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("Batch".into())));
    assert!(matches!(sheet.get((1, 4)), Some(Data::DateTime(_))));

    let r = s.run_as(
        &[
            "export",
            "positive-list",
            "-o",
            "-",
            "--format",
            "json",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 7);
    assert!(v[0]["uscc"].as_str().unwrap().len() == 18);
}

#[test]
fn the_region_filter_and_role_refusal() {
    let s = Sandbox::new();
    s.demo();
    let r = s.run_as(
        &[
            "export",
            "positive-list",
            "-o",
            "-",
            "--format",
            "json",
            "--region",
            "nowhere",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_ne!(r.code, 0);
    assert!(r.all().contains("nowhere"), "{}", r.all());
    let out = s.path("x.csv");
    let r = s.run_as(
        &[
            "export",
            "positive-list",
            "-o",
            &text(&out),
            "--as",
            "inspector",
        ],
        "demo",
    );
    assert_eq!(
        r.code,
        0,
        "inspectors are staff too in the demo: {}",
        r.all()
    );
    let r = s.run_as(
        &[
            "export",
            "positive-list",
            "-o",
            &text(&s.path("y.csv")),
            "--as",
            "admin",
        ],
        "demo",
    );
    assert_ne!(r.code, 0);
    assert!(r.all().contains("导出正面清单"), "{}", r.all());
}
