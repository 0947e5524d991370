//! The time rules in 执法检查: a rectification order is not served in the future nor before the visit,
//! a re-check is not recorded before the order was served, a case's dates are not in the future, and
//! a draw's inspection date is not in the past.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::inspection::{
    Category, Conclusion, Event, EventInput, Mode, RecheckResult, Signature,
};
use ecocase::i18n::Lang;
use ecocase::service::ServiceError;
use ecocase::service::inspection::PlanInput;
use ecocase::service::inspection::draw::PlanDraft;
use ecocase::service::inspection::followup::{CaseInput, OrderInput};
use inspect_common::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn refusal<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> String {
    match r {
        Err(e) => e.render(Lang::Zh),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

#[test]
fn inspection_times_are_not_in_the_future_and_keep_their_order() {
    let (_dir, path) = fresh_db();
    // 2026-12-08 10:00 in Beijing.
    let clock = TestClock::at(2026, 12, 8, 2);
    let (i1, i2, _) = officers(&path, &clock);
    let s = login_at(&path, "inspector", &clock);
    let e = enterprise_id(&s, E1_USCC);
    let x = s
        .inspections()
        .plan(&PlanInput {
            enterprise_id: e,
            category: Category::Planned,
            mode: Mode::Onsite,
            trigger_ref: String::new(),
            place: "厂区".into(),
            planned_on: d("2026-12-08"),
            officers: vec![i1, i2],
            recusal_reason: String::new(),
            guard: None,
        })
        .unwrap();
    let id = x.id;
    s.inspections()
        .transition(id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    s.inspections()
        .add_finding(
            id,
            &ecocase::service::inspection::record::FindingInput {
                description: "危废台账不全".into(),
                severity: Some(ecocase::domain::inspection::Severity::General),
                ..Default::default()
            },
        )
        .unwrap();
    complete_record(&s, id);
    let x = s.inspections().get(id).unwrap();
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::EndVisit, &EventInput::default())
        .unwrap();
    s.inspections()
        .sign(
            id,
            x.row_version,
            Conclusion::Order,
            "台账不全",
            Signature::Signed,
            "",
        )
        .unwrap();
    let order = |served: &str, deadline: &str| OrderInput {
        doc_number: "聊环责改〔2026〕21号".into(),
        served_on: d(served),
        deadline: d(deadline),
        requirements: "完善危废台账".into(),
    };
    let m = refusal(
        s.inspections()
            .order_rectification(id, &order("2027-06-01", "2027-06-15")),
    );
    assert!(
        m.contains("送达日期 2027-06-01 晚于当前时间 2026-12-08 10:00"),
        "{m}"
    );
    let m = refusal(
        s.inspections()
            .order_rectification(id, &order("2026-12-07", "2026-12-15")),
    );
    assert!(
        m.contains("送达日期 2026-12-07 早于检查日期 2026-12-08"),
        "{m}"
    );
    s.inspections()
        .order_rectification(id, &order("2026-12-08", "2026-12-15"))
        .unwrap();
    s.inspections()
        .record_recheck(id, &[i1, i2], RecheckResult::NotDone, "台账仍不全")
        .unwrap();

    let sup = login_at(&path, "supervisor", &clock);
    let m = refusal(sup.inspections().transfer_case(
        id,
        &CaseInput {
            case_number: "聊环罚立〔2027〕1号".into(),
            discovered_on: d("2026-12-08"),
            approved_on: d("2027-01-05"),
            handler: "李明".into(),
        },
    ));
    assert!(m.contains("立案日期 2027-01-05 晚于当前时间"), "{m}");

    let m = refusal(sup.draws().create_plan(&PlanDraft {
        name: "过去的抽查".into(),
        regions: vec![],
        class: "all".into(),
        ratio_pct: 50,
        count: 0,
        listed_offsite: Some(false),
        planned_on: d("2026-11-01"),
    }));
    assert!(m.contains("检查日期 2026-11-01 早于今天 2026-12-08"), "{m}");
}
