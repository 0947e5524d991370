//! `ecocase export enterprises` through the real binary: CSV with BOM and formula guard, XLSX read back
//! with calamine, JSON, scope for enterprise accounts, and the round trip back through import.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use calamine::{Data, Reader, Xlsx, open_workbook};
use cli_common::{Sandbox, text};

/// One enterprise whose name and legal representative look like spreadsheet formulas.
fn with_formula_enterprise() -> Sandbox {
    let s = Sandbox::new();
    s.init_with_staff();
    let csv = "统一社会信用代码,企业名称,法定代表人,所属区域,许可管理类别,排污许可证编号,许可证有效期至,重点排污单位类别\n\
               91130200699229617X,=cmd|' /C calc'!A0,@SUM(1),冠县,重点管理,91130200699229617X001P,2030-06-30,水、环境风险\n";
    let file = s.write("in.csv", csv.as_bytes());
    let r = s.run_as(
        &["import", "enterprises", &text(&file), "--as", "staff"],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    s
}

#[test]
fn csv_starts_with_a_bom_and_neutralises_formula_cells() {
    let s = with_formula_enterprise();
    let out = s.path("out.csv");
    let r = s.run_as(
        &["export", "enterprises", "-o", &text(&out), "--as", "staff"],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("已导出 1 家企业"), "{}", r.stdout);
    let bytes = std::fs::read(&out).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let body = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let mut lines = body.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .starts_with("统一社会信用代码,企业名称,法定代表人")
    );
    let row = lines.next().expect("row");
    assert!(
        row.starts_with("91130200699229617X,'=cmd|' /C calc'!A0,'@SUM(1),"),
        "{row}"
    );
    assert!(row.contains(",冠县,"), "{row}");
    assert!(row.contains(",重点管理,2030-06-30,水、环境风险,"), "{row}");
    assert!(!body.contains(",=cmd") && !body.contains(",@SUM"));
}

#[test]
fn an_exported_csv_imports_back_unchanged() {
    let s = with_formula_enterprise();
    let out = s.path("out.csv");
    assert_eq!(
        s.run_as(
            &["export", "enterprises", "-o", &text(&out), "--as", "staff"],
            "Yellow-river-bend-88"
        )
        .code,
        0
    );
    let r = s.run_as(
        &[
            "import",
            "enterprises",
            &text(&out),
            "--update",
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("无变化 1 家"), "{}", r.stdout);
    assert!(
        r.stdout.contains("已忽略的列：正面清单、更新时间"),
        "{}",
        r.stdout
    );
    let again = s.path("again.csv");
    assert_eq!(
        s.run_as(
            &[
                "export",
                "enterprises",
                "-o",
                &text(&again),
                "--as",
                "staff"
            ],
            "Yellow-river-bend-88"
        )
        .code,
        0
    );
    let strip_time = |p: &std::path::Path| {
        let t = std::fs::read_to_string(p).expect("read");
        t.lines()
            .map(|l| l.rsplit_once(',').map_or(l, |(head, _)| head).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(strip_time(&out), strip_time(&again));
}

#[test]
fn xlsx_has_headers_values_and_real_dates() {
    let s = with_formula_enterprise();
    let out = s.path("out.xlsx");
    let r = s.run_as(
        &["export", "enterprises", "-o", &text(&out), "--as", "staff"],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let mut book: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    let sheet = book.worksheet_range("企业名录").expect("sheet");
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 2);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        &header[..4],
        ["统一社会信用代码", "企业名称", "法定代表人", "环保联系人"]
    );
    assert!(header.contains(&"许可证有效期至".to_string()));
    let cell = |name: &str| {
        let i = header.iter().position(|h| h == name).expect("column");
        rows[1][i].clone()
    };
    assert_eq!(
        cell("统一社会信用代码"),
        Data::String("91130200699229617X".into())
    );
    // Strings are cells of text in XLSX, never formulas, so they need no guard.
    assert_eq!(cell("企业名称"), Data::String("=cmd|' /C calc'!A0".into()));
    assert_eq!(cell("所属区域"), Data::String("冠县".into()));
    assert_eq!(cell("许可管理类别"), Data::String("重点管理".into()));
    match cell("许可证有效期至") {
        // 2030-06-30 is day 47664 counted from 1899-12-30.
        Data::DateTime(d) => assert_eq!(d.as_f64(), 47664.0),
        other => panic!("expiry is not a date: {other:?}"),
    }
    let en = s.path("en.xlsx");
    let r = s.run_as(
        &[
            "--lang",
            "en",
            "export",
            "enterprises",
            "-o",
            &text(&en),
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let mut book: Xlsx<_> = open_workbook(&en).expect("open xlsx");
    let sheet = book.worksheet_range("Enterprises").expect("sheet");
    let first: Vec<String> = sheet
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&first[..2], ["USCC", "Name"]);
    let row: Vec<String> = sheet
        .rows()
        .nth(1)
        .expect("row")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(row.contains(&"Guan County".to_string()), "{row:?}");
}

#[test]
fn json_is_an_array_of_objects_with_codes() {
    let s = with_formula_enterprise();
    let r = s.run_as(
        &[
            "export",
            "enterprises",
            "-o",
            "-",
            "--format",
            "json",
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["uscc"], "91130200699229617X");
    assert_eq!(list[0]["region_code"], "371525");
    assert_eq!(list[0]["permit_class"], "key");
    assert_eq!(list[0]["key_flags"], serde_json::json!(["water", "risk"]));
}

#[test]
fn an_enterprise_account_exports_only_its_own_enterprise() {
    let s = Sandbox::new();
    s.demo();
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let own: String = conn
        .query_row(
            "SELECT e.uscc FROM user u JOIN enterprise e ON e.id = u.enterprise_id WHERE u.username = 'enterprise'",
            [],
            |r| r.get(0),
        )
        .expect("own");
    for format in ["csv", "json"] {
        let out = s.path(&format!("own.{format}"));
        let r = s.run_as(
            &[
                "export",
                "enterprises",
                "-o",
                &text(&out),
                "--as",
                "enterprise",
            ],
            "demo",
        );
        assert_eq!(r.code, 0, "{}", r.all());
        assert!(r.stdout.contains("已导出 1 家企业"), "{}", r.stdout);
        let body = std::fs::read_to_string(&out).expect("read");
        assert!(body.contains(&own));
        let usccs = body.matches("913715").count();
        // The USCC appears in its own column and in the permit number, nothing else.
        assert!(usccs <= 2, "{usccs} codes in {body}");
    }
    let r = s.run_as(
        &["export", "enterprises", "-o", "-", "--as", "branch"],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let rows: Vec<&str> = r.stdout.lines().skip(1).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|l| l.contains(",冠县,")), "{rows:?}");
}

#[test]
fn export_failures_leave_no_file_and_say_why() {
    let s = with_formula_enterprise();
    let r = s.run_as(
        &[
            "export",
            "enterprises",
            "-o",
            &text(&s.path("no/such/dir/x.csv")),
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 4);
    assert!(r.stderr.contains("文件或目录不存在"), "{}", r.stderr);
    let r = s.run_as(
        &[
            "export",
            "enterprises",
            "-o",
            "-",
            "--format",
            "xlsx",
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 64);
    let r = s.run_as(
        &[
            "export",
            "enterprises",
            "-o",
            "-",
            "--region",
            "火星",
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 64);
    assert!(r.stderr.contains("所属区域“火星”不存在"), "{}", r.stderr);
    let r = s.run_as(
        &[
            "export",
            "enterprises",
            "-o",
            &text(&s.path("x.csv")),
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 5);
    assert!(!s.path("x.csv").exists());
}

#[test]
fn xlsx_rows_past_a_sheet_continue_on_numbered_sheets_with_the_header() {
    use ecocase::export::columns::Cell;
    use ecocase::export::xlsx::{SHEET_ROWS, XlsxSink};
    assert_eq!(
        SHEET_ROWS, 1_048_576,
        "the spreadsheet limit, header included"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let headers = vec!["企业名称".to_string(), "成立日期".to_string()];
    let mut sink = XlsxSink::new("企业名录", &headers, dir.path())
        .expect("sink")
        .with_rows_per_sheet(4);
    for n in 1..=8 {
        sink.row(&[
            Cell::Text(format!("聊城市第{n}化工有限公司")),
            Cell::Date(chrono::NaiveDate::from_ymd_opt(2020, 1, n).expect("date")),
        ])
        .expect("row");
    }
    let path = dir.path().join("long.xlsx");
    sink.finish(std::fs::File::create(&path).expect("create"))
        .expect("finish");
    let mut book: Xlsx<_> = open_workbook(&path).expect("open");
    assert_eq!(
        book.sheet_names(),
        vec!["企业名录", "企业名录 (2)", "企业名录 (3)"]
    );
    let mut names = Vec::new();
    for (sheet, rows) in [("企业名录", 3), ("企业名录 (2)", 3), ("企业名录 (3)", 2)] {
        let range = book.worksheet_range(sheet).expect("sheet");
        assert_eq!(range.height(), rows + 1, "{sheet}");
        assert_eq!(range.get((0, 0)), Some(&Data::String("企业名称".into())));
        for r in 1..=rows {
            names.push(range.get((r, 0)).expect("cell").to_string());
            assert!(
                matches!(range.get((r, 1)), Some(Data::DateTime(_))),
                "{sheet}"
            );
        }
    }
    let expected: Vec<String> = (1..=8)
        .map(|n| format!("聊城市第{n}化工有限公司"))
        .collect();
    assert_eq!(names, expected, "every row once, in order");
}

/// Issue 22, cases 2 and 10 through the binary: an existing file needs `--force`; a planted symbolic
/// link is replaced, never written through; a named pipe is streamed into and stays a pipe.
#[test]
fn an_existing_target_needs_force_and_a_pipe_is_streamed_into() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let s = with_formula_enterprise();
    let out = s.path("out.csv");
    std::fs::write(&out, "old").expect("write");
    let args = ["export", "enterprises", "-o", &text(&out), "--as", "staff"];
    let r = s.run_as(&args, "Yellow-river-bend-88");
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "old");
    let forced = [&args[..], &["--force"]].concat();
    let r = s.run_as(&forced, "Yellow-river-bend-88");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .contains("统一社会信用代码")
    );
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "exports are the owner's only");

    let victim = s.write("victim.txt", b"keep");
    let link = s.path("link.csv");
    std::os::unix::fs::symlink(&victim, &link).expect("symlink");
    let args = [
        "export",
        "enterprises",
        "-o",
        &text(&link),
        "--as",
        "staff",
        "--force",
    ];
    let r = s.run_as(&args, "Yellow-river-bend-88");
    assert_eq!(r.code, 0, "{}", r.all());
    assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "keep");
    assert!(std::fs::symlink_metadata(&link).expect("meta").is_file());

    let fifo = s.path("stream.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(&fifo).expect("read the pipe"))
    };
    let r = s.run_as(
        &["export", "enterprises", "-o", &text(&fifo), "--as", "staff"],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let streamed = reader.join().expect("reader");
    assert!(streamed.starts_with(b"\xEF\xBB\xBF"));
    let meta = std::fs::symlink_metadata(&fifo).expect("meta");
    assert!(meta.file_type().is_fifo(), "still a pipe");
}
