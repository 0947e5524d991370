//! `import calendar|waste-codes|service-menu` and `setting list|set` through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::Sandbox;

#[test]
fn a_gbk_calendar_file_imports_and_a_bad_row_refuses_the_whole_file() {
    let s = Sandbox::new();
    s.init_with_staff();
    let (gbk, _, _) = encoding_rs::GBK
        .encode("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休上班\n");
    let good = s.write("cal2027.csv", &gbk);
    let r = s.run_as(
        &[
            "import",
            "calendar",
            good.to_str().unwrap(),
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("2 行"), "{}", r.stdout);
    let bad = s.write(
        "cal2028.tsv",
        "date\tkind\tname\n2028-01-03\tworkday\t周一\n".as_bytes(),
    );
    let r = s.run_as(
        &["import", "calendar", bad.to_str().unwrap(), "--as", "admin"],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(
        r.stdout.contains("第 2 行“date”：调休上班日应为周六或周日"),
        "{}",
        r.stdout
    );
    let r = s.run_as(
        &[
            "import",
            "calendar",
            good.to_str().unwrap(),
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(
        r.code,
        5,
        "staff may not import reference data: {}",
        r.all()
    );
}

#[test]
fn a_waste_code_edition_needs_a_real_effective_date() {
    let s = Sandbox::new();
    s.init();
    let codes = s.write(
        "codes.csv",
        "code,category,description_zh,hazard_characteristics\n900-041-49,HW49,废电路板,T\n"
            .as_bytes(),
    );
    let file = codes.to_str().unwrap();
    let r = s.run_as(
        &[
            "import",
            "waste-codes",
            file,
            "--edition",
            "2025 官方",
            "--effective",
            "2025-02-30",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 64, "{}", r.all());
    assert!(
        r.stderr.contains("--effective 应为日期 YYYY-MM-DD"),
        "{}",
        r.stderr
    );
    let r = s.run_as(
        &[
            "import",
            "waste-codes",
            file,
            "--edition",
            "2025 官方",
            "--effective",
            "2025-01-01",
            "--official",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("1 行"), "{}", r.stdout);
}

#[test]
fn settings_list_and_set_in_both_languages() {
    let s = Sandbox::new();
    s.init();
    let r = s.run_as(
        &["setting", "list", "--as", "admin"],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stdout.contains("连续登录失败几次后开始延时"),
        "{}",
        r.stdout
    );
    let r = s.run_as(
        &[
            "setting",
            "set",
            "login.max_delay_seconds",
            "30",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let r = s.run_as(
        &["setting", "list", "--lang", "en", "--as", "admin"],
        "Guancheng-tower-2026",
    );
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("login.max_delay_seconds"))
        .unwrap_or_default()
        .to_string();
    assert!(
        line.contains("30") && line.contains("Longest wait after failed logins (s)"),
        "{line}"
    );
    let r = s.run_as(
        &[
            "setting",
            "set",
            "login.max_delay_seconds",
            "-1",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(
        r.stderr.contains("应为 1 到 3650 之间的整数"),
        "{}",
        r.stderr
    );
}
