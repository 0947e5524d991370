//! `import_manifests` through the service layer: an XLSX workbook written here (numbers and dates as
//! real spreadsheet cells), strict mode leaving the database untouched when one manifest fails, and
//! lenient mode writing the good ones in one go.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod manifest_common;

use common::*;
use ecocase::domain::manifest::columns::HEADERS;
use ecocase::domain::manifest::{ManifestState, Origin};
use ecocase::i18n::Lang;
use ecocase::store::manifest::ListFilter;
use manifest_common::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// One waste-line row: number, quantity and waste code vary; the rest is a valid oil manifest.
struct Row {
    number: f64,
    code: &'static str,
    quantity: f64,
}

/// A workbook in the export's Chinese headers; numbers, dates and quantities as typed cells.
fn workbook(rows: &[Row]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet
            .write_string(0, c as u16, h.get(Lang::Zh))
            .expect("header");
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (i, r) in rows.iter().enumerate() {
        let n = (i + 1) as u32;
        sheet.write_number(n, 0, r.number).expect("number");
        sheet.write_string(n, 1, E1_USCC).expect("uscc");
        sheet.write_string(n, 2, LOCAL_LICENCE).expect("licence");
        sheet.write_string(n, 3, "利用").expect("mode");
        sheet
            .write_datetime_with_format(n, 4, ExcelDateTime::from_ymd(2026, 3, 2).unwrap(), &date)
            .expect("date");
        sheet.write_string(n, 6, r.code).expect("code");
        sheet.write_string(n, 7, "废机油").expect("name");
        sheet.write_string(n, 8, "T,I").expect("hazard");
        sheet.write_string(n, 9, "L").expect("form");
        sheet.write_string(n, 10, "200L铁桶").expect("packaging");
        sheet.write_number(n, 11, 10).expect("containers");
        sheet.write_number(n, 12, r.quantity).expect("quantity");
        sheet
            .write_string(n, 13, "聊城顺安危货运输有限公司")
            .expect("carrier");
        sheet.write_string(n, 14, E2_USCC).expect("carrier uscc");
        sheet
            .write_string(n, 15, "鲁交运管许可聊字371500001号")
            .expect("transport licence");
        sheet.write_string(n, 16, "鲁P3A215").expect("plate");
        sheet.write_string(n, 17, "王强").expect("driver");
    }
    book.save_to_buffer().expect("xlsx")
}

fn audit_count(admin: &ecocase::service::Session) -> usize {
    admin.admin().audit_page(None, 10_000).expect("audit").len()
}

#[test]
fn xlsx_import_is_all_or_nothing_when_strict_and_keeps_good_manifests_when_lenient() {
    let clock = TestClock::at(2026, 3, 2, 1);
    let (_dir, path) = manifest_db(&clock);
    let rows = [
        Row {
            number: 20263715880001.0,
            code: "900-249-08",
            quantity: 1.25,
        },
        Row {
            number: 20263715880001.0,
            code: "900-249-08",
            quantity: 0.5,
        },
        Row {
            number: 20263715880002.0,
            code: "900-249-08",
            quantity: 2.0,
        },
        // HW41 does not exist: this manifest is refused.
        Row {
            number: 20263715880003.0,
            code: "900-041-41",
            quantity: 1.0,
        },
    ];
    let bytes = workbook(&rows);
    let staff = at(&clock, &path, "staff");
    let before = staff
        .manifests()
        .count(&ListFilter::default())
        .expect("count");
    let admin = at(&clock, &path, "admin");
    let audits = audit_count(&admin);

    let strict = staff.manifests().import(&bytes, false).expect("report");
    assert_eq!(strict.manifests, 3);
    assert!(!strict.committed);
    assert_eq!((strict.created, strict.updated), (0, 0));
    assert_eq!(strict.errors.len(), 1, "{:?}", strict.errors);
    let (line, number, reason) = &strict.errors[0];
    assert_eq!((*line, number.as_str()), (5, "20263715880003"));
    assert!(
        reason.render(Lang::Zh).contains("HW41"),
        "{}",
        reason.render(Lang::Zh)
    );
    // Nothing at all was written: no manifest, no audit entry.
    assert_eq!(
        staff
            .manifests()
            .count(&ListFilter::default())
            .expect("count"),
        before
    );
    assert_eq!(audit_count(&admin), audits);

    let lenient = staff.manifests().import(&bytes, true).expect("report");
    assert!(lenient.committed);
    assert_eq!((lenient.created, lenient.updated), (2, 0));
    assert_eq!(lenient.errors.len(), 1);
    assert_eq!(
        staff
            .manifests()
            .count(&ListFilter::default())
            .expect("count"),
        before + 2
    );
    assert_eq!(audit_count(&admin), audits + 2);
    let m = staff
        .manifests()
        .by_number("20263715880001")
        .expect("imported");
    assert_eq!(m.origin, Origin::National);
    assert_eq!(m.state, ManifestState::Draft);
    assert_eq!(m.transfer_date.to_string(), "2026-03-02");
    assert_eq!(m.total_kg, 1750);
    assert!(staff.manifests().by_number("20263715880003").is_err());

    // The same workbook again updates the drafts by number instead of duplicating them.
    let fixed = workbook(&rows[..3]);
    let again = staff.manifests().import(&fixed, false).expect("report");
    assert!(again.committed, "{:?}", again.errors);
    assert_eq!((again.created, again.updated), (0, 2));
}

#[test]
fn a_damaged_workbook_is_refused_with_a_reason() {
    let clock = TestClock::at(2026, 3, 2, 1);
    let (_dir, path) = manifest_db(&clock);
    let staff = at(&clock, &path, "staff");
    let mut bytes = workbook(&[Row {
        number: 20263715880001.0,
        code: "900-249-08",
        quantity: 1.0,
    }]);
    bytes.truncate(200);
    let err = staff
        .manifests()
        .import(&bytes, false)
        .expect_err("damaged");
    assert!(
        err.render(Lang::Zh).contains("XLSX"),
        "{}",
        err.render(Lang::Zh)
    );
    assert!(err.render(Lang::En).contains("cannot be read"));
}

/// A CSV in the export's Chinese headers: one oil line per (number, generator USCC) row.
fn csv_of(rows: &[(&str, &str)]) -> Vec<u8> {
    let mut out = HEADERS
        .iter()
        .map(|h| h.get(Lang::Zh))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for (number, generator) in rows {
        out.push_str(&format!(
            "{number},{generator},{LOCAL_LICENCE},利用,2026-03-02,,900-249-08,废机油,\"T,I\",L,200L铁桶,10,1.5,聊城顺安危货运输有限公司,{E2_USCC},鲁交运管许可聊字371500001号,鲁P3A215,王强\n"
        ));
    }
    out.into_bytes()
}

/// The reason an import gives for `number`, with the number itself taken out.
fn reason_for(
    report: &ecocase::service::manifest::import::ManifestImportReport,
    number: &str,
) -> String {
    let (_, _, t) = report
        .errors
        .iter()
        .find(|(_, n, _)| n == number)
        .unwrap_or_else(|| panic!("no reason for {number}: {:?}", report.errors));
    t.render(Lang::Zh).replace(number, "N")
}

/// Issue 22, case 1: an import names manifests the importer may not see. Whether such a number is a
/// draft or far along, of which company, the answer is the one any taken number gets, never its state;
/// as the enterprise account and as a branch outside the manifest's county.
#[test]
fn an_import_tells_nothing_about_manifests_out_of_scope() {
    let clock = TestClock::at(2026, 3, 2, 1);
    let (_dir, path) = manifest_db(&clock);
    let other_uscc = uscc("91371500MA3C0003W");
    // The third company (东昌府区) has a national draft; the enterprise `ent` (冠县) one far along.
    let other = at(&clock, &path, "other");
    let made = other
        .manifests()
        .import(&csv_of(&[("20263715990001", &other_uscc)]), false)
        .expect("own import");
    assert!(made.committed, "{:?}", made.errors);
    let far = arrived(&path, &clock, "1.5", "2026-03-02 09:00");
    let far_number = far.number.clone();
    assert!(!far_number.is_empty(), "numbered");

    // `other` names ent's manifest and a number nobody has, as its own.
    let r = other
        .manifests()
        .import(
            &csv_of(&[(&far_number, &other_uscc), ("20263715990002", &other_uscc)]),
            false,
        )
        .expect("report");
    assert!(!r.committed);
    let far_reason = reason_for(&r, &far_number);
    assert_eq!(far_reason, "联单编号 N 已存在", "no state: {far_reason}");
    assert!(
        !r.errors.iter().any(|(_, n, _)| n == "20263715990002"),
        "a new number is fine"
    );

    // `ent` names other's draft: the same answer, not "not found or not yours".
    let ent = at(&clock, &path, "ent");
    let r = ent
        .manifests()
        .import(&csv_of(&[("20263715990001", E1_USCC)]), false)
        .expect("report");
    assert_eq!(reason_for(&r, "20263715990001"), far_reason);

    // The 冠县 branch names the 东昌府区 draft: the same again.
    let branch = at(&clock, &path, "branch");
    let r = branch
        .manifests()
        .import(&csv_of(&[("20263715990001", E1_USCC)]), false)
        .expect("report");
    assert_eq!(reason_for(&r, "20263715990001"), far_reason);
    // ... while its own county's manifest is told as it is.
    let r = branch
        .manifests()
        .import(&csv_of(&[(&far_number, E1_USCC)]), false)
        .expect("report");
    assert!(
        reason_for(&r, &far_number).contains("已是"),
        "{:?}",
        r.errors
    );
}

/// Issue 22, case 8: a NUL in an imported plate number and ESC/BEL colour sequences in the driver and
/// carrier fields are gone whole (no `[31m` left), by the one rule every source goes through.
#[test]
fn imported_controls_and_escapes_are_cleaned_whole() {
    let clock = TestClock::at(2026, 3, 2, 1);
    let (_dir, path) = manifest_db(&clock);
    let staff = at(&clock, &path, "staff");
    let csv = String::from_utf8(csv_of(&[("20263715990007", E1_USCC)]))
        .expect("utf-8")
        .replace("鲁P3A215", "鲁P3\u{0}A215")
        .replace("王强", "王\u{1b}[31m强\u{7}\u{1b}[0m")
        .replace(
            "聊城顺安危货运输有限公司",
            "聊城顺安\u{1b}]0;x\u{7}危货运输有限公司",
        );
    let r = staff
        .manifests()
        .import(csv.as_bytes(), false)
        .expect("report");
    assert!(r.committed, "{:?}", r.errors);
    let m = staff
        .manifests()
        .by_number("20263715990007")
        .expect("imported");
    let d = staff.manifests().detail(m.id).expect("detail");
    let leg = &d.legs[0].carrier;
    assert_eq!(leg.plate, "鲁P3A215");
    assert_eq!(leg.driver, "王强");
    assert_eq!(leg.carrier_name, "聊城顺安危货运输有限公司");
}
