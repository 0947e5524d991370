//! `ecocase export manifests` and `ecocase import manifests` through the real binary on the demo
//! database: scope of the export, filters, formats, bad arguments, and a strict and a lenient import.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::Sandbox;

fn read(p: &std::path::Path) -> String {
    std::fs::read_to_string(p).expect("exported file")
}

#[test]
fn export_scope_filters_and_formats() {
    let s = Sandbox::new();
    s.demo();
    let out = s.path("ent.csv");
    let r = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            out.to_str().unwrap(),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let csv = read(&out);
    assert!(csv.starts_with("\u{feff}联单编号,移出人信用代码"), "{csv}");
    // The generator account sees its own thirteen manifests only (one has two lines, one has two).
    let generators: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .collect();
    assert!(!generators.is_empty());
    assert!(generators.windows(2).all(|w| w[0] == w[1]), "{csv}");
    assert!(
        csv.contains("900-249-08") && csv.contains("已拒收"),
        "{csv}"
    );

    let json = s.path("await.json");
    let r = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            json.to_str().unwrap(),
            "--state",
            "awaiting_receipt",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let v: serde_json::Value = serde_json::from_str(&read(&json)).expect("json");
    let rows = v.as_array().expect("array");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["state"] == "awaiting_receipt"), "{v}");

    let xlsx = s.path("all.xlsx");
    let r = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            xlsx.to_str().unwrap(),
            "--from",
            "2026-01-01",
            "--as",
            "supervisor",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert_eq!(&std::fs::read(&xlsx).expect("xlsx")[..2], b"PK");

    let bad = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            "-",
            "--from",
            "2026-02-30",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(bad.code, 64, "{}", bad.all());
    assert!(
        bad.stderr.contains("--from") && bad.stderr.contains("YYYY-MM-DD"),
        "{}",
        bad.all()
    );
    let bad = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            "-",
            "--state",
            "lost",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(bad.code, 64, "{}", bad.all());
    assert!(bad.stderr.contains("awaiting_receipt"), "{}", bad.all());
    // A reversed range is refused rather than silently exporting nothing.
    let bad = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            "-",
            "--from",
            "2026-12-01",
            "--to",
            "2026-01-01",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(bad.code, 64, "{}", bad.all());
    assert!(bad.stderr.contains("--from 2026-12-01"), "{}", bad.all());
    // A file named .xlsx never receives CSV.
    let named = s.path("named.xlsx");
    let bad = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            named.to_str().unwrap(),
            "--format",
            "csv",
            "--as",
            "staff",
        ],
        "demo",
    );
    assert_eq!(bad.code, 64, "{}", bad.all());
    assert!(bad.stderr.contains("--format csv"), "{}", bad.all());
    assert!(!named.exists());
    // The import's help says what it reads.
    let help = s.run_as(&["import", "manifests", "--help"], "demo");
    assert!(help.stdout.contains("XLSX"), "{}", help.all());
}

#[test]
fn import_is_strict_unless_lenient_and_updates_drafts_by_number() {
    let s = Sandbox::new();
    s.demo();
    let out = s.path("ent.csv");
    let r = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            out.to_str().unwrap(),
            "--state",
            "draft",
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let exported = read(&out);
    let header = exported.lines().next().expect("header").to_string();
    let row = exported.lines().nth(1).expect("a draft").to_string();
    let number = row.split(',').next().expect("number").to_string();
    // A new national number, the existing draft with 3.5 t, and a row with a bad quantity.
    // Quantity is the 13th column; the quoted hazard list before it ("T,I") splits in two here.
    assert!(row.contains("\"T,I\""), "{row}");
    let with = |number: &str, qty: &str| {
        let mut cells: Vec<String> = row.split(',').map(str::to_string).collect();
        cells[0] = number.to_string();
        cells[13] = qty.to_string();
        cells.join(",")
    };
    let new_row = with("20263715880001", "1.25");
    let updated = with(&number, "3.5");
    let bad_row = with("20263715880002", "0");
    let file = s.write(
        "in.csv",
        format!("{header}\n{new_row}\n{updated}\n{bad_row}\n").as_bytes(),
    );
    let strict = s.run_as(
        &[
            "import",
            "manifests",
            file.to_str().unwrap(),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_ne!(strict.code, 0, "{}", strict.all());
    assert!(strict.all().contains("20263715880002"), "{}", strict.all());
    assert!(strict.all().contains("大于 0"), "{}", strict.all());
    let lenient = s.run_as(
        &[
            "import",
            "manifests",
            file.to_str().unwrap(),
            "--lenient",
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(lenient.code, 0, "{}", lenient.all());
    assert!(
        lenient.stdout.contains("新建 1，更新 1，拒绝 1"),
        "{}",
        lenient.all()
    );
    let again = s.path("again.csv");
    s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            again.to_str().unwrap(),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert!(read(&again).contains("20263715880001"));
    // An import never touches a submitted manifest.
    let done = s.path("done.csv");
    s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            done.to_str().unwrap(),
            "--state",
            "completed",
            "--as",
            "enterprise",
        ],
        "demo",
    );
    let r = s.run_as(
        &[
            "import",
            "manifests",
            done.to_str().unwrap(),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_ne!(r.code, 0);
    assert!(r.all().contains("已完成"), "{}", r.all());
    // Imported and updated drafts verify against their after-images.
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "{}", r.all());
}

#[test]
fn an_exported_workbook_imports_back_and_updates_the_drafts() {
    let s = Sandbox::new();
    s.demo();
    let xlsx = s.path("drafts.xlsx");
    let r = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            xlsx.to_str().unwrap(),
            "--state",
            "draft",
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let r = s.run_as(
        &[
            "import",
            "manifests",
            xlsx.to_str().unwrap(),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("新建 0，更新"), "{}", r.all());
    assert!(r.stdout.contains("拒绝 0"), "{}", r.all());
    // A damaged workbook is refused with a reason, not read as text.
    let broken = s.write("broken.xlsx", b"PK\x03\x04 not really a workbook");
    let r = s.run_as(
        &[
            "import",
            "manifests",
            broken.to_str().unwrap(),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_ne!(r.code, 0);
    assert!(r.all().contains("XLSX"), "{}", r.all());
}
