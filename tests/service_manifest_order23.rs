//! The manifest rules of issue 19, checked against 部令第23号 and the 固废法: the receipt clock through
//! 差异处理中, number rules, approval modes and their 12 months, licence kinds and handling codes, the
//! 名录's any-of hazard sets, plausibility at submit, what receivers see, and the XLSX export's cells.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod manifest_common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;
use ecocase::domain::manifest::deadlines::ManifestAlert;
use ecocase::domain::manifest::rules::{DiscrepancyInput, EventInput, ManifestEvent};
use ecocase::domain::manifest::{DiscrepancyKind, LicenceKind, ManifestState, Mode, Origin};
use ecocase::export::{Format, Output};
use ecocase::i18n::Lang;
use ecocase::service::ServiceError;
use ecocase::service::manifest::reference::{ApprovalInput, LicenceInput};
use ecocase::store::manifest::ListFilter;
use manifest_common::*;

fn discrepancy(
    rec: &mut ecocase::service::Session,
    m: &ecocase::store::manifest::Manifest,
) -> ecocase::store::manifest::Manifest {
    let mut i = receipt("2026-03-02 12:00", &["0.8"]);
    i.told_generator_at = "2026-03-02 12:10".into();
    i.told_bureau_at = "2026-03-02 12:20".into();
    i.discrepancies = vec![DiscrepancyInput {
        line_seq: 1,
        kind: Some(DiscrepancyKind::Quantity),
        declared: "1.000".into(),
        measured: "0.800".into(),
    }];
    step(rec, m, ManifestEvent::ReportDiscrepancy, i)
}

#[test]
fn the_receipt_clock_runs_on_in_the_discrepancy_state() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    // Arrived Mon 2026-03-02: five working days end Mon 2026-03-09.
    let m = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    let m = discrepancy(&mut rec, &m);
    assert_eq!(m.state, ManifestState::Discrepancy);
    let overdue = ListFilter {
        alert: Some(ManifestAlert::ReceiptOverdue),
        ..ListFilter::default()
    };
    clock.set(2026, 3, 9, 14);
    let staff = at(&clock, &path, "staff");
    assert_eq!(staff.manifests().count(&overdue).expect("count"), 0);
    let d = staff.manifests().detail(m.id).expect("detail");
    assert_eq!(
        d.receipt_due.map(|x| x.date.to_string()),
        Some("2026-03-09".into())
    );
    clock.set(2026, 3, 10, 14);
    let staff = at(&clock, &path, "staff");
    assert_eq!(staff.manifests().count(&overdue).expect("count"), 1);
    assert_eq!(
        staff.manifests().detail(m.id).expect("detail").alerts,
        vec![ManifestAlert::ReceiptOverdue]
    );
    // The decision stops the clock.
    let mut rec = at(&clock, &path, "rec");
    step(
        &mut rec,
        &m,
        ManifestEvent::Decide,
        EventInput {
            decision: Some(ecocase::domain::manifest::Decision::Accept),
            ..EventInput::default()
        },
    );
    assert_eq!(staff.manifests().count(&overdue).expect("count"), 0);
}

#[test]
fn national_and_paper_numbers_carry_a_real_year_province_and_the_generators_city() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let ent = at(&clock, &path, "ent");
    let with = |number: &str, origin: Origin| {
        let mut i = input(LOCAL_LICENCE, "1", "2026-03-02");
        i.number = number.into();
        i.origin = Some(origin);
        if origin == Origin::Paper {
            i.paper_completed_on = "2026-03-02".into();
        }
        ent.manifests().create(i, true)
    };
    // The 20999915000001: year 2099, area 99.
    let e = with("20999915000001", Origin::National).unwrap_err();
    assert_eq!(codes(e), vec!["bad_number"]);
    let e = with("20269915000001", Origin::National).unwrap_err();
    assert!(zh(&e).contains("GB/T 2260"), "{}", zh(&e));
    // 济南 (3701) is not the generator's city (冠县 is in 聊城, 3715): Art. 15.
    let e = with("20263701000001", Origin::National).unwrap_err();
    assert!(
        zh(&e).contains("第十五条") && zh(&e).contains("3715"),
        "{}",
        zh(&e)
    );
    let e = with("20263701000002", Origin::Paper).unwrap_err();
    assert_eq!(codes(e), vec!["bad_number"]);
    assert!(with("20263715900001", Origin::National).is_ok());
    assert!(with("20273715900002", Origin::Paper).is_ok());
}

#[test]
fn approvals_keep_their_mode_and_twelve_months_end_the_day_before() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let staff = at(&clock, &path, "staff");
    let approval = |number: &str, to: &str, mode: Option<Mode>| {
        staff.manifests().create_approval(ApprovalInput {
            number: number.into(),
            generator_uscc: E1_USCC.into(),
            waste_code: "900-249-08".into(),
            licence_number: HEBEI_LICENCE.into(),
            quantity: "100".into(),
            valid_from: "2026-01-01".into(),
            valid_to: to.into(),
            mode,
        })
    };
    let e = approval("冀审-1", "2027-01-01", Some(Mode::Dispose)).unwrap_err();
    assert_eq!(codes(e), vec!["approval_12_months"]);
    let e = approval("冀审-2", "2026-12-31", None).unwrap_err();
    assert_eq!(codes(e), vec!["required"]);
    let a = approval("冀审-3", "2026-12-31", Some(Mode::Dispose)).expect("approval");
    assert_eq!(a.mode, Some(Mode::Dispose));
    // The manifest says 利用 where the approval says 处置: refused, citing Art. 28.
    let ent = at(&clock, &path, "ent");
    let mut i = input(HEBEI_LICENCE, "1", "2026-03-02");
    i.approval_number = "冀审-3".into();
    let e = ent.manifests().create(i.clone(), true).unwrap_err();
    assert!(zh(&e).contains("第二十八条"), "{}", zh(&e));
    // Under the mode approved it passes that check (the Hebei licence covers store and utilize only).
    i.mode = Some(Mode::Dispose);
    let e = ent.manifests().create(i, true).unwrap_err();
    assert_eq!(codes(e), vec!["licence_mode"]);
}

#[test]
fn licences_are_bounded_by_kind_and_handling_codes_come_from_the_list() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let staff = at(&clock, &path, "staff");
    let licence = |number: &str, to: &str, kind: LicenceKind, modes: Vec<Mode>| {
        staff.manifests().create_licence(LicenceInput {
            number: number.into(),
            holder_uscc: rec_uscc(),
            holder_name: REC_NAME.into(),
            province: "37".into(),
            scope: "HW08".into(),
            modes,
            capacity: "100".into(),
            valid_from: "2026-01-01".into(),
            valid_to: to.into(),
            kind: Some(kind),
        })
    };
    // The 6 years 2 months.
    let e = licence(
        "鲁危证9001号",
        "2032-03-01",
        LicenceKind::Comprehensive,
        vec![Mode::Utilize],
    );
    assert!(zh(&e.unwrap_err()).contains("5 年"));
    assert!(
        licence(
            "鲁危证9002号",
            "2030-12-31",
            LicenceKind::Comprehensive,
            vec![Mode::Utilize]
        )
        .is_ok()
    );
    let e = licence(
        "鲁危证9003号",
        "2029-01-01",
        LicenceKind::Collect,
        vec![Mode::Collect],
    );
    assert_eq!(codes(e.unwrap_err()), vec!["licence_term"]);
    let e = licence(
        "鲁危证9004号",
        "2028-12-31",
        LicenceKind::Collect,
        vec![Mode::Utilize],
    );
    assert_eq!(codes(e.unwrap_err()), vec!["licence_kind_modes"]);
    // R99 is no handling method: completing with it is refused; R9 is on the shipped list.
    let m = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-03-02 12:00", &["1"]),
    );
    let complete = |code: &str| EventInput {
        handling_code: code.into(),
        ..EventInput::default()
    };
    let e = rec
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Complete,
            complete("R99"),
            false,
        )
        .unwrap_err();
    assert_eq!(codes(e), vec!["handling_code_unknown"]);
    assert!(
        rec.manifests()
            .handling_codes()
            .expect("list")
            .iter()
            .any(|c| c.0 == "R9")
    );
    let done = step(&mut rec, &m, ManifestEvent::Complete, complete("R9"));
    assert_eq!(done.state, ManifestState::Completed);
    // An administrator replaces the list; what is not on it is refused from then on.
    let admin = at(&clock, &path, "admin");
    let n = admin
        .admin()
        .import_handling_codes("code,kind,name_zh,name_en\nD10,dispose,焚烧,Incineration\n")
        .expect("import");
    assert_eq!(n.written, 1);
    assert!(
        admin
            .admin()
            .import_handling_codes("code,kind,name_zh,name_en\nR99x,utilize,x,x\n")
            .is_err()
    );
    assert_eq!(rec.manifests().handling_codes().expect("list").len(), 1);
}

#[test]
fn an_any_of_hazard_set_accepts_a_legal_subset() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let ent = at(&clock, &path, "ent");
    let mut i = input(LOCAL_LICENCE, "1", "2026-03-02");
    i.lines[0].code = "900-041-49".into();
    i.lines[0].name = "废包装桶".into();
    i.lines[0].hazard = "T".into();
    i.lines[0].form = "S".into();
    // 900-041-49 is `T/In` in the 名录: T alone is legal, no warning to confirm.
    let m = ent
        .manifests()
        .create(i.clone(), false)
        .expect("no warning");
    assert_eq!(m.warnings, "");
    i.lines[0].hazard = "C".into();
    let e = ent.manifests().create(i, false).unwrap_err();
    assert_eq!(codes(e), vec!["hazard_narrower"]);
    // The seed edition says what it is.
    assert!(m.edition_label.contains("非官方") && m.edition_label.contains("待确认"));
}

#[test]
fn submit_asks_about_implausible_lines_and_checks_plate_and_driver() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    // The line: 1,000,000 t in 10 drums, against a licence of 50,000 t a year.
    let m = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "1000000", "2026-03-02"), false)
        .expect("draft");
    let e = ent
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Submit,
            EventInput::default(),
            false,
        )
        .unwrap_err();
    assert_eq!(
        codes(e),
        vec!["container_plausible", "licence_capacity_left"]
    );
    let done = ent
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Submit,
            EventInput::default(),
            true,
        )
        .expect("confirmed");
    assert_eq!(done.warnings, "container_plausible,licence_capacity_left");
    // An ordinary line needs no confirmation.
    let ok = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "2", "2026-03-02"), false)
        .expect("draft");
    step(&mut ent, &ok, ManifestEvent::Submit, EventInput::default());
    // Plate `ABC` and a missing driver are named.
    let mut i = input(LOCAL_LICENCE, "1", "2026-03-02");
    i.legs[0].plate = "ABC".into();
    i.legs[0].driver = String::new();
    let e = ent.manifests().create(i, true).unwrap_err();
    assert_eq!(codes(e), vec!["required", "bad_plate"]);
    let mut i = input(LOCAL_LICENCE, "1", "2026-03-02");
    i.legs[0].plate = "鲁PD12345".into();
    assert!(
        ent.manifests().create(i, false).is_ok(),
        "a new-energy plate"
    );
}

#[test]
fn receivers_never_see_a_manifest_not_submitted_to_them() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    let m = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
        .expect("draft");
    let cancel = EventInput {
        reason: "计划取消".into(),
        ..EventInput::default()
    };
    let never_sent = step(&mut ent, &m, ManifestEvent::Cancel, cancel.clone());
    let sent = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
        .expect("draft");
    let sent = step(
        &mut ent,
        &sent,
        ManifestEvent::Submit,
        EventInput::default(),
    );
    let sent = step(&mut ent, &sent, ManifestEvent::Cancel, cancel);
    let rec = at(&clock, &path, "rec");
    assert!(matches!(
        rec.manifests().get(never_sent.id),
        Err(ServiceError::NotFound)
    ));
    assert!(
        rec.manifests().get(sent.id).is_ok(),
        "submitted, then cancelled: it was sent"
    );
    let all = rec
        .manifests()
        .page(&ListFilter::default(), 50)
        .expect("page");
    let ids: Vec<i64> = all.iter().map(|r| r.manifest.id).collect();
    assert_eq!(ids, vec![sent.id]);
    let mut exported = Vec::new();
    rec.manifests()
        .export_rows(&ListFilter::default(), |r| {
            exported.push(r.number.clone());
            true
        })
        .expect("export");
    assert_eq!(exported, vec![sent.number.clone()]);
}

#[test]
fn the_xlsx_export_has_numbers_dates_and_labels() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (dir, path) = manifest_db(&clock);
    let m = arrived(&path, &clock, "2.5", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    step(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-03-02 12:00", &["2.5"]),
    );
    let staff = at(&clock, &path, "staff");
    let out = dir.path().join("mf.xlsx");
    let n = ecocase::export::manifest::manifests(
        &staff,
        &ListFilter::default(),
        Format::Xlsx,
        Output::File(&out),
        Lang::Zh,
    )
    .expect("export");
    assert_eq!(n, 1);
    let mut book: Xlsx<_> = open_workbook(&out).expect("xlsx");
    let sheet = book.worksheet_range_at(0).expect("sheet").expect("range");
    let header: Vec<String> = sheet
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let row: Vec<&Data> = sheet.rows().nth(1).expect("row").iter().collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {header:?}"))
    };
    assert_eq!(row[col("容器数")], &Data::Float(10.0));
    assert_eq!(row[col("数量（吨）")], &Data::Float(2.5));
    assert!(
        matches!(row[col("转移日期")], Data::DateTime(_)),
        "{:?}",
        row[col("转移日期")]
    );
    let date = match row[col("转移日期")] {
        Data::DateTime(d) => d.as_datetime().map(|t| t.date().to_string()),
        _ => None,
    };
    assert_eq!(date.as_deref(), Some("2026-03-02"));
    assert!(matches!(row[col("接收时间")], Data::DateTime(_)));
    assert_eq!(row[col("经营方式")], &Data::String("利用".into()));
    assert_eq!(row[col("形态")], &Data::String("液态".into()));
    // CSV writes the same labels, so both files read the same to people.
    let csv_out = dir.path().join("mf.csv");
    ecocase::export::manifest::manifests(
        &staff,
        &ListFilter::default(),
        Format::Csv,
        Output::File(&csv_out),
        Lang::Zh,
    )
    .expect("csv");
    let text = std::fs::read_to_string(&csv_out).expect("read");
    assert!(
        text.contains(",利用,") && text.contains(",液态,") && text.contains(",2.500,"),
        "{text}"
    );
    // The XLSX reads back through the import (labels and numeric cells alike) as the same manifest.
    let ent = at(&clock, &path, "ent");
    let bytes = std::fs::read(&out).expect("bytes");
    let report = ent.manifests().import(&bytes, true).expect("import");
    assert_eq!(report.errors.len(), 1, "past its draft: left alone");
}

#[test]
fn an_import_names_why_a_registered_generator_is_refused() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let rec = at(&clock, &path, "rec");
    let file = format!(
        "联单编号,移出人信用代码,经营许可证,经营方式,转移日期,跨省审批编号,废物代码,废物名称,危险特性,形态,包装方式,容器数,数量（吨）\n\
         20263715000077,{E1_USCC},{LOCAL_LICENCE},利用,2026-03-02,,900-249-08,废机油,\"T,I\",液态,铁桶,10,1\n"
    );
    let report = rec
        .manifests()
        .import(file.as_bytes(), true)
        .expect("report");
    let reason = report.errors[0].2.render(Lang::Zh);
    assert!(reason.contains("不是本企业"), "{reason}");
    assert!(!reason.contains("请先在企业名录中登记"), "{reason}");
}
