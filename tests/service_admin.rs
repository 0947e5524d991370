//! Administration through the service layer: policy settings and reference-data imports.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use chrono::NaiveDate;
use common::*;
use ecocase::i18n::Lang;
use ecocase::service::ServiceError;

fn problems(err: ServiceError) -> Vec<String> {
    match err {
        ServiceError::Invalid(issues) => issues.iter().map(|i| i.render(Lang::Zh)).collect(),
        other => panic!("expected row problems, got {other}"),
    }
}

#[test]
fn settings_are_validated_and_take_effect() {
    let (_dir, path) = fresh_db();
    let mut admin = login(&path, "admin");
    let err = admin
        .set_setting("login.max_failure", "3")
        .expect_err("unknown key");
    assert!(
        err.render(Lang::Zh)
            .starts_with("参数“login.max_failure”不存在"),
        "{}",
        err.render(Lang::Zh)
    );
    let err = admin
        .set_setting("session.idle_lock_minutes", "0")
        .expect_err("out of range");
    assert_eq!(
        err.render(Lang::Zh),
        "参数 session.idle_lock_minutes 应为 1 到 3650 之间的整数"
    );
    admin
        .set_setting("session.idle_lock_minutes", "30")
        .expect("set");
    assert_eq!(login(&path, "staff").accounts().idle_lock_minutes(), 30);
    let row = admin
        .admin()
        .settings()
        .expect("settings")
        .into_iter()
        .find(|r| r.key == "session.idle_lock_minutes");
    assert_eq!(row.map(|r| (r.value, r.default)), Some((30, 15)));
}

#[test]
fn a_new_calendar_year_is_imported_whole_and_then_covered() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    assert!(!admin.calendar().expect("cal").covers(d("2027-01-01")));
    let text = "date\tkind\tname\n2027-01-01\tholiday\t元旦\n2027-02-06\tworkday\t春节调休上班\n";
    let report = admin
        .admin()
        .import_calendar(text, "国办发明电〔2026〕测试")
        .expect("import");
    assert_eq!(report.written, 2);
    let cal = admin.calendar().expect("cal");
    assert!(cal.covers(d("2027-06-01")));
    assert!(!cal.is_working_day(d("2027-01-01")));
    assert!(
        cal.is_working_day(d("2027-02-06")),
        "a Saturday made a working day"
    );
}

#[test]
fn bad_calendar_rows_are_each_named_and_nothing_changes() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    let text = "date,kind,name\n2027-01-01,holiday,元旦\n2027/01/02,holiday,x\n2027-01-04,workday,周一不能调休\n2027-01-01,holiday,重复\n2027-01-05,rest,x\n";
    let p = problems(
        admin
            .admin()
            .import_calendar(text, "x")
            .expect_err("refused"),
    );
    assert_eq!(
        p,
        vec![
            "第 3 行“date”：应为日期 YYYY-MM-DD",
            "第 4 行“date”：调休上班日应为周六或周日",
            "第 5 行“date”：与第 2 行重复",
            "第 6 行“kind”：应为 holiday（放假）或 workday（调休上班）",
        ]
    );
    let cal = admin.calendar().expect("cal");
    assert!(!cal.covers(NaiveDate::from_ymd_opt(2027, 1, 1).expect("date")));
}

#[test]
fn a_waste_code_edition_imports_with_label_and_date_and_refuses_bad_codes() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    let bad = "code,category,description_zh,hazard_characteristics\n900-041-49,HW49,废电路板,T\n900-000-42,HW42,不存在类别,T\n900-249-08,HW09,类别不符,T\n900-210-08,HW08,油泥,X\n";
    let p = problems(
        admin
            .admin()
            .import_waste_edition(
                "2025 官方版",
                NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
                true,
                bad,
                None,
            )
            .expect_err("refused"),
    );
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].starts_with("第 3 行“code”"), "{p:?}");
    assert_eq!(p[1], "第 4 行“category”：类别应为 HW08（代码末两位）");
    assert_eq!(
        p[2],
        "第 5 行“hazard_characteristics”：危险特性“X”无效：可选 T、C、I、R、In"
    );
    let good = "code,category,description_zh,hazard_characteristics\n900-041-49,HW49,废电路板,T\n900-249-08,HW08,废矿物油,\"T,I\"\n";
    let r = admin
        .admin()
        .import_waste_edition(
            "2025 官方版",
            NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
            true,
            good,
            None,
        )
        .expect("import");
    assert_eq!(r.written, 2);
    let err = admin
        .admin()
        .import_waste_edition(
            "2025 官方版",
            NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
            true,
            good,
            None,
        )
        .expect_err("same label");
    assert_eq!(err.render(Lang::Zh), "名录版本“2025 官方版”已存在");
}

#[test]
fn service_menu_import_renames_adds_and_deactivates() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    let r = admin
        .admin().import_service_menu("code,name_zh,name_en\nEIA,环评手续指导,EIA guidance\nNEWONE,碳排放核算指导,Carbon accounting\n")
        .expect("import");
    assert_eq!(r.written, 2);
    let p = problems(
        admin
            .admin()
            .import_service_menu("code,name_zh,name_en\nEIA,,x\n")
            .expect_err("refused"),
    );
    assert_eq!(p, vec!["第 2 行“name_zh”：不能为空"]);
}
