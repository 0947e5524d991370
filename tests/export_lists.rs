//! Lists exported as the screen shows them: the 帮扶 queue (and the manifest list) as CSV and XLSX,
//! read back, in the screen's order, within the account's scope.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;
use ecocase::domain::assistance::{AssistanceState, Channel, RequestDraft, Urgency};
use ecocase::export::Output;
use ecocase::export::assistance::assist_queue;
use ecocase::export::table::TableFormat;
use ecocase::i18n::Lang;
use ecocase::service::Session;
use ecocase::service::assistance::Queue;

fn file(s: &mut Session, enterprise_id: Option<i64>, text: &str) -> String {
    s.assistance()
        .file(
            RequestDraft {
                enterprise_id,
                services: vec!["EIA".into()],
                description: text.into(),
                urgency: Urgency::Normal,
                channel: if enterprise_id.is_some() {
                    Channel::Phone
                } else {
                    Channel::SelfService
                },
                wished_date: String::new(),
            },
            true,
        )
        .expect("request")
        .number
}

#[test]
fn the_assistance_queue_exports_as_shown_and_within_scope() {
    let (dir, path) = fresh_db();
    let mut ent = login(&path, "ent");
    let first = file(&mut ent, None, "排污许可证变更指导");
    let second = file(&mut ent, None, "=HYPERLINK(\"x\")");
    let mut staff = login(&path, "staff");
    let e2 = staff.enterprises().by_uscc(E2_USCC).expect("e2").id;
    let other = file(&mut staff, Some(e2), "东昌府区企业的申请");

    // Staff: the 待受理 queue, every request, in the order the screen lists them.
    let shown: Vec<String> = staff
        .assistance()
        .queue(Queue::State(AssistanceState::Submitted), 100)
        .expect("queue")
        .into_iter()
        .map(|r| r.request.number)
        .collect();
    assert_eq!(shown.len(), 3);
    let csv = dir.path().join("queue.csv");
    let n = assist_queue(
        &staff,
        Queue::State(AssistanceState::Submitted),
        TableFormat::Csv,
        Output::File(&csv),
        Lang::Zh,
    )
    .expect("csv");
    assert_eq!(n, 3);
    let text = std::fs::read_to_string(&csv).expect("read");
    assert!(text.starts_with('\u{feff}'), "BOM");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("编号,企业,所属区域,状态,紧急程度"),
        "{}",
        lines[0]
    );
    let numbers: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().expect("number"))
        .collect();
    assert_eq!(
        numbers,
        shown.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert!(text.contains("待受理"));

    let xlsx = dir.path().join("queue.xlsx");
    assist_queue(
        &staff,
        Queue::All,
        TableFormat::Xlsx,
        Output::File(&xlsx),
        Lang::En,
    )
    .expect("xlsx");
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("open");
    let range = book.worksheet_range("Assistance requests").expect("sheet");
    assert_eq!(range.height(), 4);
    assert_eq!(range.get((0, 0)), Some(&Data::String("Number".into())));
    // Submitted is a real date-time; the time limit's due date a real date.
    assert!(
        matches!(range.get((1, 7)), Some(Data::DateTime(_))),
        "{:?}",
        range.get((1, 7))
    );
    assert!(
        matches!(range.get((1, 9)), Some(Data::DateTime(_))),
        "{:?}",
        range.get((1, 9))
    );

    // The enterprise: its own two requests only, and nothing else named anywhere in the file.
    let own = dir.path().join("own.csv");
    let n = assist_queue(
        &ent,
        Queue::All,
        TableFormat::Csv,
        Output::File(&own),
        Lang::Zh,
    )
    .expect("own");
    assert_eq!(n, 2);
    let text = std::fs::read_to_string(&own).expect("read");
    assert!(text.contains(&first) && text.contains(&second));
    assert!(!text.contains(&other) && !text.contains(E2_NAME), "{text}");
}

#[test]
fn the_inspection_list_exports_as_filtered_and_an_enterprise_sees_only_its_started_checks() {
    use ecocase::domain::inspection::{Category, Event, EventInput, Mode};
    use ecocase::export::inspection::inspections;
    use ecocase::service::inspection::PlanInput;
    use ecocase::store::inspection::ListFilter;
    let (dir, path) = fresh_db();
    let clock = TestClock::at(2026, 3, 2, 1);
    let (i1, i2, _) = inspect_common::officers(&path, &clock);
    let insp = inspect_common::login_at(&path, "inspector", &clock);
    let e1 = insp.enterprises().by_uscc(E1_USCC).expect("e1").id;
    let e2 = insp.enterprises().by_uscc(E2_USCC).expect("e2").id;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let mut numbers = Vec::new();
    for (enterprise, category) in [
        (e1, Category::Complaint),
        (e1, Category::Special),
        (e2, Category::Complaint),
    ] {
        let x = insp
            .inspections()
            .plan(&PlanInput {
                enterprise_id: enterprise,
                category,
                mode: Mode::Offsite,
                trigger_ref: "12369-2026-0101".into(),
                place: String::new(),
                planned_on: day,
                officers: vec![i1, i2],
                recusal_reason: String::new(),
                guard: None,
            })
            .expect("plan");
        numbers.push(x.number.clone());
        if numbers.len() == 1 {
            insp.inspections()
                .transition(x.id, x.row_version, Event::Start, &EventInput::default())
                .expect("start");
        }
    }
    // Staff, complaint checks only: two rows, the category shown in Chinese.
    let staff = login(&path, "staff");
    let csv = dir.path().join("insp.csv");
    let filter = ListFilter {
        category: Some(Category::Complaint),
        ..ListFilter::default()
    };
    let n = inspections(
        &staff,
        &filter,
        false,
        TableFormat::Csv,
        Output::File(&csv),
        Lang::Zh,
    )
    .expect("csv");
    assert_eq!(n, 2);
    let text = std::fs::read_to_string(&csv).expect("read");
    assert!(text.contains(&numbers[0]) && text.contains(&numbers[2]));
    assert!(
        !text.contains(&numbers[1]),
        "the special check is filtered out"
    );
    assert!(text.contains("投诉举报") || text.contains("投诉"), "{text}");
    // XLSX: the inspection date is a real date.
    let xlsx = dir.path().join("insp.xlsx");
    inspections(
        &staff,
        &ListFilter::default(),
        false,
        TableFormat::Xlsx,
        Output::File(&xlsx),
        Lang::En,
    )
    .expect("xlsx");
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("open");
    let range = book.worksheet_range("Inspections").expect("sheet");
    assert_eq!(range.height(), 4);
    assert!(
        matches!(range.get((1, 6)), Some(Data::DateTime(_))),
        "{:?}",
        range.get((1, 6))
    );
    // The enterprise: only its own check that has started.
    let ent = login(&path, "ent");
    let own = dir.path().join("own.csv");
    let n = inspections(
        &ent,
        &ListFilter::default(),
        false,
        TableFormat::Csv,
        Output::File(&own),
        Lang::Zh,
    )
    .expect("own");
    assert_eq!(n, 1);
    let text = std::fs::read_to_string(&own).expect("read");
    assert!(text.contains(&numbers[0]));
    assert!(!text.contains(&numbers[1]) && !text.contains(&numbers[2]) && !text.contains(E2_NAME));
}
