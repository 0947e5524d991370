//! Issue-6 additions through the service layer: filing a case and the positive-list removal proposal in
//! one transaction (a failure of either leaves neither), the inspection list filtered by any officer,
//! the publication of a draw's results (file and audit), and a draw plan's officer pool (officers left
//! out are never paired).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::account::Role;
use ecocase::domain::inspection::{
    Category, Conclusion, Event, EventInput, InspectionState, Mode, RecheckResult, Severity,
    Signature,
};
use ecocase::export::{Format, Output};
use ecocase::i18n::Lang;
use ecocase::service::account::NewAccount;
use ecocase::service::account::auth;
use ecocase::service::inspection::draw::PlanDraft;
use ecocase::service::inspection::followup::{CaseInput, OrderInput};
use ecocase::service::inspection::record::FindingInput;
use ecocase::service::inspection::{GuardChoice, PlanInput};
use ecocase::service::{ServiceError, Session};
use ecocase::store::inspection::ListFilter;
use inspect_common::*;
use std::path::Path;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn june() -> TestClock {
    TestClock::at(2026, 6, 1, 2)
}

fn refusal<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> String {
    match r {
        Err(e) => e.render(Lang::Zh),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

/// A complaint check of the (listed) enterprise, visited and signed with the conclusion 立案.
fn case_proposed(path: &Path, clock: &TestClock, i1: i64, i2: i64) -> (i64, i64) {
    let s = login_at(path, "inspector", clock);
    let e = enterprise_id(&s, E2_USCC);
    let x = s
        .inspections()
        .plan(&PlanInput {
            enterprise_id: e,
            category: Category::Complaint,
            mode: Mode::Onsite,
            trigger_ref: "12369-2026-0601".into(),
            place: "厂区".into(),
            planned_on: d("2026-06-01"),
            officers: vec![i1, i2],
            recusal_reason: String::new(),
            guard: Some(GuardChoice::Trigger(record_trigger(
                path,
                E2_USCC,
                "12369-2026-0601",
            ))),
        })
        .unwrap();
    let x = s
        .inspections()
        .transition(x.id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    ready_to_sign(&s, x.id);
    let x = s
        .inspections()
        .transition(x.id, x.row_version, Event::EndVisit, &EventInput::default())
        .unwrap();
    let x = s
        .inspections()
        .sign(
            x.id,
            x.row_version,
            Conclusion::Case,
            "暗管偷排",
            Signature::Signed,
            "",
        )
        .unwrap();
    assert_eq!(x.state, InspectionState::CaseProposed);
    s.inspections()
        .set_act(
            x.id,
            &ecocase::service::inspection::guard::ActInput {
                on: d("2026-05-30"),
                continuing: false,
                five_year: false,
            },
        )
        .unwrap();
    (x.id, e)
}

fn case() -> CaseInput {
    CaseInput {
        case_number: "聊环罚立〔2026〕21号".into(),
        discovered_on: d("2026-06-01"),
        approved_on: d("2026-06-01"),
        handler: "李明".into(),
    }
}

fn proposal(path: &Path, e: i64) -> String {
    raw(path)
        .query_row(
            "SELECT removal_proposal FROM pl_entry WHERE enterprise_id = ?1",
            [e],
            |r| r.get(0),
        )
        .unwrap()
}

fn cases(path: &Path) -> i64 {
    raw(path)
        .query_row("SELECT COUNT(*) FROM insp_case", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_case_and_the_removal_proposal_are_written_together_or_not_at_all() {
    let (_dir, path) = fresh_db();
    let clock = june();
    list_enterprise(&path, E2_USCC);
    let (i1, i2, _) = officers(&path, &clock);
    let (id, e) = case_proposed(&path, &clock, i1, i2);
    let sup = login_at(&path, "supervisor", &clock);

    // The removal proposal fails: the case is not filed either.
    raw(&path)
        .execute_batch(
            "CREATE TRIGGER fail_entry BEFORE UPDATE ON pl_entry
             BEGIN SELECT RAISE(ABORT, 'injected entry failure'); END;",
        )
        .unwrap();
    assert!(sup.inspections().transfer_case(id, &case()).is_err());
    assert_eq!(cases(&path), 0);
    assert_eq!(
        sup.inspections().get(id).unwrap().state,
        InspectionState::CaseProposed
    );
    assert_eq!(proposal(&path, e), "");

    // The case fails: no removal proposal is left behind.
    raw(&path)
        .execute_batch(
            "DROP TRIGGER fail_entry;
             CREATE TRIGGER fail_case BEFORE INSERT ON insp_case
             BEGIN SELECT RAISE(ABORT, 'injected case failure'); END;",
        )
        .unwrap();
    assert!(sup.inspections().transfer_case(id, &case()).is_err());
    assert_eq!(proposal(&path, e), "");
    assert_eq!(
        sup.inspections().get(id).unwrap().state,
        InspectionState::CaseProposed
    );

    // Both succeed together.
    raw(&path).execute_batch("DROP TRIGGER fail_case;").unwrap();
    let x = sup.inspections().transfer_case(id, &case()).unwrap();
    assert_eq!(x.state, InspectionState::CaseTransferred);
    assert_eq!(cases(&path), 1);
    assert!(proposal(&path, e).contains("聊环罚立〔2026〕21号"));
}

/// Adds `inspector4` with a certificate valid 2024-2027; returns its id.
fn fourth_officer(path: &Path, clock: &TestClock) -> i64 {
    let admin = auth::login_path(path, "admin", PASSWORD, clock.clock()).unwrap();
    admin
        .accounts()
        .add(&NewAccount {
            username: "inspector4".into(),
            display_name: "执法员inspector4".into(),
            roles: vec![Role::Inspector],
            unit: Some("CITY".into()),
            password: PASSWORD.into(),
            ..Default::default()
        })
        .unwrap();
    admin
        .accounts()
        .add_certificate(
            "inspector4",
            cert("37150000004", "2024-01-01", "2027-12-31"),
        )
        .unwrap();
    raw(path)
        .query_row(
            "SELECT id FROM user WHERE username = 'inspector4'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Five more enterprises in 冠县 (six with E1).
fn guan_enterprises(path: &Path) {
    let staff = login(path, "staff");
    for i in 0..5 {
        let first = format!("91371525MA3D{:05}", 20_000 + i);
        let uscc = format!(
            "{first}{}",
            ecocase::domain::uscc::check_char(&first).unwrap()
        );
        staff
            .enterprises()
            .create(
                draft(&uscc, &format!("冠县公示测试企业{i:02}有限公司"), GUAN),
                ecocase::service::enterprise::Warnings::Stop,
            )
            .unwrap();
    }
}

fn guan_plan(name: &str) -> PlanDraft {
    PlanDraft {
        name: name.into(),
        regions: vec![GUAN.into()],
        class: "all".into(),
        ratio_pct: 100,
        count: 0,
        listed_offsite: Some(true),
        planned_on: d("2026-06-15"),
    }
}

fn officer_ids(s: &Session, inspection_id: i64) -> Vec<i64> {
    s.inspections()
        .detail(inspection_id)
        .unwrap()
        .officers
        .iter()
        .map(|o| o.user_id)
        .collect()
}

#[test]
fn a_plan_pairs_only_the_officers_of_its_pool() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (i1, i2, i3) = officers(&path, &clock);
    let i4 = fourth_officer(&path, &clock);
    guan_enterprises(&path);
    let sup = login_at(&path, "supervisor", &clock);

    // The picker offers the officers certified on the day, not the expired one.
    let offered: Vec<i64> = sup
        .draws()
        .pool_choices(d("2026-06-15"))
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(offered.contains(&i1) && offered.contains(&i2) && offered.contains(&i4));
    assert!(!offered.contains(&i3));
    // One officer is not a pool; an expired certificate cannot join one.
    let m = refusal(sup.draws().create_plan_with_pool(&guan_plan("一人"), &[i1]));
    assert!(m.contains("至少两名"), "{m}");
    let m = refusal(
        sup.draws()
            .create_plan_with_pool(&guan_plan("过期"), &[i1, i3]),
    );
    assert!(m.contains("执法员inspector3"), "{m}");
    // Only inspector and inspector4 take part: inspector2 is never paired.
    let plan = sup
        .draws()
        .create_plan_with_pool(&guan_plan("冠县双随机（指定人员）"), &[i4, i1, i4])
        .unwrap();
    let detail = sup.draws().run_seeded(plan.id, [5; 32]).unwrap();
    assert_eq!(detail.results.len(), 6);
    for r in &detail.results {
        let mut ids = officer_ids(&sup, r.inspection_id.unwrap());
        ids.sort_unstable();
        assert_eq!(ids, {
            let mut want = vec![i1, i4];
            want.sort_unstable();
            want
        });
    }
    let stored: i64 = raw(&path)
        .query_row(
            "SELECT COUNT(*) FROM draw_plan_officer WHERE plan_id = ?1",
            [plan.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 2);
    // A plan without a pool takes every eligible officer: inspector2 is paired again. (The first draw's
    // checks are done, and the plan is for the next quarter: otherwise its enterprises are excluded.)
    raw(&path)
        .execute("UPDATE inspection SET state = 'completed'", [])
        .unwrap();
    audit_fixture(&path, "inspection", "state = 'completed'");
    let plan = sup
        .draws()
        .create_plan(&PlanDraft {
            planned_on: d("2026-07-15"),
            ..guan_plan("冠县双随机")
        })
        .unwrap();
    let detail = sup.draws().run_seeded(plan.id, [6; 32]).unwrap();
    let paired: Vec<i64> = detail
        .results
        .iter()
        .flat_map(|r| officer_ids(&sup, r.inspection_id.unwrap()))
        .collect();
    assert!(paired.contains(&i2), "{paired:?}");
}

#[test]
fn the_list_filters_by_any_officer_in_scope() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (i1, i2, _) = officers(&path, &clock);
    let i4 = fourth_officer(&path, &clock);
    guan_enterprises(&path);
    let sup = login_at(&path, "supervisor", &clock);
    let plan = sup
        .draws()
        .create_plan_with_pool(&guan_plan("冠县"), &[i1, i4])
        .unwrap();
    sup.draws().run_seeded(plan.id, [5; 32]).unwrap();
    let by = |s: &Session, officer: i64| {
        s.inspections()
            .page(
                &ListFilter {
                    officer_id: Some(officer),
                    ..ListFilter::default()
                },
                None,
                100,
            )
            .unwrap()
            .len()
    };
    assert_eq!(by(&sup, i4), 6);
    assert_eq!(by(&sup, i2), 0);
    let choices = sup.draws().officer_choices().unwrap();
    assert!(
        choices
            .iter()
            .any(|(id, label)| *id == i4 && label.contains("inspector4"))
    );
    let ent = login_at(&path, "ent", &clock);
    assert!(ent.draws().officer_choices().unwrap().is_empty());
}

#[test]
fn a_draws_results_are_published_with_their_outcome_and_audited() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (i1, i2, _) = officers(&path, &clock);
    guan_enterprises(&path);
    let mut sup = login_at(&path, "supervisor", &clock);
    let plan = sup.draws().create_plan(&guan_plan("冠县第二季度")).unwrap();
    let detail = sup.draws().run_seeded(plan.id, [7; 32]).unwrap();
    let draw_id = detail.draw.id;
    // The first drawn enterprise is visited: one finding, an order to rectify.
    let id = detail.results[0].inspection_id.unwrap();
    let s = login_at(&path, "inspector", &clock);
    let x = s.inspections().get(id).unwrap();
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    s.inspections()
        .add_finding(
            id,
            &FindingInput {
                description: "危废贮存库未设置识别标志".into(),
                provision: "《固体废物污染环境防治法》第七十七条".into(),
                severity: Some(Severity::General),
                ..FindingInput::default()
            },
        )
        .unwrap();
    ready_to_sign(&s, id);
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::EndVisit, &EventInput::default())
        .unwrap();
    s.inspections()
        .sign(
            id,
            x.row_version,
            Conclusion::Order,
            "责令改正",
            Signature::Signed,
            "",
        )
        .unwrap();
    s.inspections()
        .order_rectification(
            id,
            &OrderInput {
                doc_number: "聊环责改〔2026〕8号".into(),
                served_on: d("2026-06-01"),
                deadline: d("2026-06-19"),
                requirements: "设置识别标志".into(),
            },
        )
        .unwrap();

    // Nothing finished yet: the results are not published (the plan and counts may be, with `e`).
    let m = refusal(sup.draws().results(draw_id));
    assert!(m.contains("尚未办结"), "{m}");
    // The re-check finds it rectified: the inspection is finished and its result may be published.
    let done = s
        .inspections()
        .record_recheck(id, &[i1, i2], RecheckResult::Done, "已设置识别标志")
        .unwrap();
    assert_eq!(done.state, InspectionState::Completed);
    // Inspectors do not publish; the supervisor does, and the publication is audited.
    assert!(matches!(
        s.draws().results(draw_id),
        Err(ServiceError::Forbidden(_))
    ));
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("公示.csv");
    let done = ecocase::export::draw_results::results(
        &mut sup,
        draw_id,
        Format::Csv,
        Output::File(&csv),
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(done.rows, 1, "the finished inspection only");
    assert_eq!(done.still_open, 5);
    let text = std::fs::read_to_string(&csv).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.contains("发现问题数") && header.contains("责令改正文书"),
        "{header}"
    );
    let row = text
        .lines()
        .find(|l| l.contains("聊环责改〔2026〕8号"))
        .expect("the ordered enterprise's row");
    assert!(
        row.contains("已完成") && row.contains("2026-06-19"),
        "{row}"
    );
    assert!(row.contains(",1,"), "one finding: {row}");
    let xlsx = dir.path().join("公示.xlsx");
    ecocase::export::draw_results::results(
        &mut sup,
        draw_id,
        Format::Xlsx,
        Output::File(&xlsx),
        Lang::En,
    )
    .unwrap();
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
    let (by, after): (String, String) = raw(&path)
        .query_row(
            "SELECT u.username, a.after_json FROM audit_log a JOIN user u ON u.uid = a.actor
             WHERE a.entity = 'draw' AND a.action = 'publish_results' ORDER BY a.seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(by, "supervisor");
    assert!(
        after.contains("公示.csv") && after.contains("\"rows\":1"),
        "{after}"
    );
}
