//! The inspection rules of issue 18 through the service layer: limitation from the act to its discovery
//! (第三十六条), the 无事不扰 guard resting on recorded facts, signing checked against the record,
//! recusal only by a supervisor's recorded decision, draws that exclude open and already drawn
//! enterprises and refuse a short count until confirmed, publication of finished results only, `draw
//! verify` of the officer pairs, versioned rectification reports, evidence linked to findings and
//! findings numbered within their inspection.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::inspection::{
    Answer, Category, Conclusion, Event, EventInput, EvidenceKind, InspectionState, Mode, Severity,
    Signature,
};
use ecocase::i18n::Lang;
use ecocase::service::inspection::draw::PlanDraft;
use ecocase::service::inspection::followup::{CaseInput, OrderInput};
use ecocase::service::inspection::guard::{ActInput, SpecialPlanInput};
use ecocase::service::inspection::record::{EvidenceInput, FindingInput};
use ecocase::service::inspection::{GuardChoice, PlanInput};
use ecocase::service::{ServiceError, Session};
use ecocase::store::inspection::rules::GuardLink;
use inspect_common::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn plan(enterprise_id: i64, category: Category, mode: Mode, officers: Vec<i64>) -> PlanInput {
    PlanInput {
        enterprise_id,
        category,
        mode,
        trigger_ref: String::new(),
        place: "厂区".into(),
        planned_on: d("2026-06-01"),
        officers,
        recusal_reason: String::new(),
        guard: None,
    }
}

fn refusal<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> String {
    match r {
        Err(e) => e.render(Lang::Zh),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

fn june() -> TestClock {
    TestClock::at(2026, 6, 1, 2)
}

/// Plans and starts a visit by inspector and inspector2 of `uscc`; returns the session and the id.
fn started(path: &std::path::Path, clock: &TestClock, uscc: &str) -> (Session, i64) {
    let (i1, i2, _) = officers(path, clock);
    let s = login_at(path, "inspector", clock);
    let e = enterprise_id(&s, uscc);
    let x = s
        .inspections()
        .plan(&plan(e, Category::Planned, Mode::Onsite, vec![i1, i2]))
        .unwrap();
    s.inspections()
        .transition(x.id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    (s, x.id)
}

fn end_visit(s: &Session, id: i64) -> i64 {
    let x = s.inspections().get(id).unwrap();
    s.inspections()
        .transition(id, x.row_version, Event::EndVisit, &EventInput::default())
        .unwrap()
        .row_version
}

fn finding(s: &Session, id: i64, text: &str) -> i64 {
    s.inspections()
        .add_finding(
            id,
            &FindingInput {
                description: text.into(),
                severity: Some(Severity::General),
                ..FindingInput::default()
            },
        )
        .unwrap()
        .id
}

#[test]
fn signing_is_checked_against_the_record() {
    // The issue's JC-371502-2026-00138: one item 不符合, a finding, 1 of 7 answered, nobody present.
    let (_dir, path) = fresh_db();
    let clock = june();
    let (s, id) = started(&path, &clock, E1_USCC);
    s.inspections()
        .answer(id, "waste", Answer::Fail, "标识缺失")
        .unwrap();
    finding(&s, id, "危废贮存库未设置识别标志");
    let v = end_visit(&s, id);
    let sign = |c: Conclusion, sig: Signature, witness: &str| {
        let v = s.inspections().get(id).unwrap().row_version;
        s.inspections().sign(id, v, c, "笔录", sig, witness)
    };
    let m = refusal(sign(Conclusion::NoIssue, Signature::Signed, ""));
    assert!(m.contains("6 项未作答"), "{m}");
    complete_record_without_people(&s, id);
    let m = refusal(sign(Conclusion::NoIssue, Signature::Signed, ""));
    assert!(m.contains("未发现问题") && m.contains("1 项不符合"), "{m}");
    let m = refusal(sign(Conclusion::Order, Signature::Signed, ""));
    assert!(m.contains("在场人员"), "{m}");
    // A refusal to sign with its witness stands in for the people present.
    let facts = s.inspections().sign_facts(id).unwrap();
    assert_eq!((facts.items, facts.answered, facts.failed), (7, 7, 1));
    let x = sign(Conclusion::Order, Signature::Refused, "村委会 王某").unwrap();
    assert_eq!(x.state, InspectionState::Rectifying);
    assert!(v > 0);
    // A clean record cannot conclude 责令改正 without a finding.
    let (s2, id2) = started_again(&path, &clock);
    complete_record(&s2, id2);
    end_visit(&s2, id2);
    let v2 = s2.inspections().get(id2).unwrap().row_version;
    let m =
        refusal(
            s2.inspections()
                .sign(id2, v2, Conclusion::Order, "笔录", Signature::Signed, ""),
        );
    assert!(m.contains("至少一条问题"), "{m}");
    assert_eq!(
        s2.inspections()
            .sign(id2, v2, Conclusion::NoIssue, "笔录", Signature::Signed, "")
            .unwrap()
            .state,
        InspectionState::Completed
    );
}

fn complete_record_without_people(s: &Session, id: i64) {
    for item in s.inspections().checklist().unwrap() {
        if item.code != "waste" {
            s.inspections()
                .answer(id, &item.code, Answer::Pass, "")
                .unwrap();
        }
    }
}

fn started_again(path: &std::path::Path, clock: &TestClock) -> (Session, i64) {
    let s = login_at(path, "inspector", clock);
    let ids: Vec<i64> = ["inspector", "inspector2"]
        .iter()
        .map(|n| {
            raw(path)
                .query_row("SELECT id FROM user WHERE username = ?1", [n], |r| r.get(0))
                .unwrap()
        })
        .collect();
    let e = enterprise_id(&s, E2_USCC);
    let x = s
        .inspections()
        .plan(&plan(e, Category::Planned, Mode::Onsite, ids))
        .unwrap();
    s.inspections()
        .transition(x.id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    (s, x.id)
}

/// An inspection signed 立案 (拟立案), ready for the transfer.
fn proposed_case(path: &std::path::Path, clock: &TestClock) -> (Session, i64) {
    let (s, id) = started(path, clock, E1_USCC);
    finding(&s, id, "废水超标排放");
    complete_record(&s, id);
    let v = end_visit(&s, id);
    let x = s
        .inspections()
        .sign(id, v, Conclusion::Case, "拟立案", Signature::Signed, "")
        .unwrap();
    assert_eq!(x.state, InspectionState::CaseProposed);
    (s, id)
}

fn case(discovered: &str, approved: &str) -> CaseInput {
    CaseInput {
        case_number: "聊环罚立〔2026〕9号".into(),
        discovered_on: d(discovered),
        approved_on: d(approved),
        handler: "执法支队".into(),
    }
}

#[test]
fn limitation_runs_from_the_act_to_its_discovery() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (s, id) = proposed_case(&path, &clock);
    let sup = login_at(&path, "supervisor", &clock);
    // No act date: refused until it is filled in.
    let m = refusal(
        sup.inspections()
            .transfer_case(id, &case("2026-06-01", "2026-06-01")),
    );
    assert!(
        m.contains("违法行为日期") && m.contains("第三十六条"),
        "{m}"
    );
    // An act of 2023 discovered 2026-06-01 is barred although filed nine days later.
    let act = |on: &str, continuing: bool, five_year: bool| ActInput {
        on: d(on),
        continuing,
        five_year,
    };
    s.inspections()
        .set_act(id, &act("2023-03-01", false, false))
        .unwrap();
    let m = refusal(
        sup.inspections()
            .transfer_case(id, &case("2026-06-01", "2026-06-01")),
    );
    assert!(
        m.contains("第三十六条") && m.contains("2年") && m.contains("2023-03-01"),
        "{m}"
    );
    // Five years where it harms life and health with harmful consequences.
    s.inspections()
        .set_act(id, &act("2023-03-01", false, true))
        .unwrap();
    let detail = s.inspections().detail(id).unwrap();
    assert!(detail.act.as_ref().is_some_and(|a| a.five_year));
    // Discovered 2024-05-01 and filed 2026-05-02: not barred (the period runs to discovery).
    s.inspections()
        .set_act(id, &act("2024-04-01", false, false))
        .unwrap();
    let x = sup
        .inspections()
        .transfer_case(id, &case("2024-05-01", "2026-05-02"))
        .unwrap();
    assert_eq!(x.state, InspectionState::CaseTransferred);
    // After the transfer the act is fixed.
    assert!(
        s.inspections()
            .set_act(id, &act("2024-04-02", false, false))
            .is_err()
    );
}

#[test]
fn the_migration_marks_open_records_without_an_act_date() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (s, id) = proposed_case(&path, &clock);
    // As migration 16 leaves an inspection recorded before it: marked, no date.
    raw(&path)
        .execute(
            "INSERT INTO insp_act (inspection_id, migrated) VALUES (?1, 1)",
            [id],
        )
        .unwrap();
    let act = s.inspections().detail(id).unwrap().act.unwrap();
    assert!(act.migrated && act.on.is_none());
    let sup = login_at(&path, "supervisor", &clock);
    let m = refusal(
        sup.inspections()
            .transfer_case(id, &case("2026-06-01", "2026-06-01")),
    );
    assert!(m.contains("违法行为日期"), "{m}");
    let act = ActInput {
        on: d("2026-05-20"),
        continuing: true,
        five_year: false,
    };
    let row = s.inspections().set_act(id, &act).unwrap();
    assert!(row.migrated, "the mark is kept");
    assert!(
        sup.inspections()
            .transfer_case(id, &case("2026-06-01", "2026-06-01"))
            .is_ok()
    );
}

#[test]
fn on_site_checks_of_listed_enterprises_rest_on_recorded_facts() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (i1, i2, _) = officers(&path, &clock);
    list_enterprise(&path, E1_USCC);
    list_enterprise(&path, E2_USCC);
    let own = record_trigger(&path, E1_USCC, "12369-2026-0520");
    let other = record_trigger(&path, E2_USCC, "12369-2026-0521");
    let s = login_at(&path, "inspector", &clock);
    let e = enterprise_id(&s, E1_USCC);
    // Typed text is not a recorded trigger.
    let mut p = plan(e, Category::ListTrigger, Mode::Onsite, vec![i1, i2]);
    p.trigger_ref = "XYZ-无此触发".into();
    let m = refusal(s.inspections().plan(&p));
    assert!(m.contains("正面清单") && m.contains("触发事件"), "{m}");
    // Another enterprise's trigger is not this one's.
    p.guard = Some(GuardChoice::Trigger(other));
    assert!(refusal(s.inspections().plan(&p)).contains("不是该企业"));
    // The picker offers exactly the enterprise's own trigger.
    let offered = s.inspections().guard_choices(e).unwrap();
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].choice, GuardChoice::Trigger(own));
    p.guard = Some(GuardChoice::Trigger(own));
    p.trigger_ref.clear();
    let x = s.inspections().plan(&p).unwrap();
    assert_eq!(
        x.trigger_ref, "12369-2026-0520",
        "the reference comes from the trigger"
    );
    let detail = s.inspections().detail(x.id).unwrap();
    assert!(matches!(detail.guard_link, Some(GuardLink::Trigger(ref t)) if t.id == own));
    let view = s.inspections().of_enterprise(e).unwrap();
    assert!(
        view.guard_links.iter().any(|(id, _)| *id == x.id),
        "360° view"
    );

    // 专项 with free text: refused; a supervisor's approved plan naming the class is the basis.
    let mut special = plan(e, Category::Special, Mode::Onsite, vec![i1, i2]);
    special.trigger_ref = "专项行动".into();
    let m = refusal(s.inspections().plan(&special));
    assert!(m.contains("专项计划"), "{m}");
    let plan_input = SpecialPlanInput {
        name: "2026年危废专项".into(),
        doc_ref: "聊环发〔2026〕12号".into(),
        uscc: String::new(),
        class: "all".into(),
    };
    assert!(matches!(
        s.inspections().create_special_plan(&plan_input),
        Err(ServiceError::Forbidden(_))
    ));
    let sup = login_at(&path, "supervisor", &clock);
    let approved = sup.inspections().create_special_plan(&plan_input).unwrap();
    assert_eq!(approved.approved_by_name, sup.actor().display_name);
    special.guard = Some(GuardChoice::Plan(approved.id));
    let x = s.inspections().plan(&special).unwrap();
    let detail = s.inspections().detail(x.id).unwrap();
    assert!(matches!(detail.guard_link, Some(GuardLink::Plan(ref p)) if p.id == approved.id));
    // A plan naming another enterprise is not this one's basis.
    let narrow = sup
        .inspections()
        .create_special_plan(&SpecialPlanInput {
            uscc: E2_USCC.into(),
            class: String::new(),
            ..plan_input
        })
        .unwrap();
    special.guard = Some(GuardChoice::Plan(narrow.id));
    assert!(refusal(s.inspections().plan(&special)).contains("不是该企业"));
}

#[test]
fn recusal_is_a_supervisors_recorded_decision() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (i1, i2, _) = officers(&path, &clock);
    let sup = login_at(&path, "supervisor", &clock);
    let e = enterprise_id(&sup, E1_USCC);
    sup.inspections()
        .add_recusal("inspector2", e, "配偶在该企业任职")
        .unwrap();
    let s = login_at(&path, "inspector", &clock);
    let mut input = plan(e, Category::Planned, Mode::Onsite, vec![i1, i2]);
    let m = refusal(s.inspections().plan(&input));
    assert!(m.contains("第四十三条") && m.contains("另选"), "{m}");
    // The planner's own text does not clear it.
    input.recusal_reason = "我认为没问题".into();
    assert!(refusal(s.inspections().plan(&input)).contains("只有监管负责人"));
    // Planned without officers, then the supervisor decides while assigning them.
    input.recusal_reason.clear();
    input.officers.clear();
    let x = s.inspections().plan(&input).unwrap();
    assert!(refusal(s.inspections().set_officers(x.id, &[i1, i2], "")).contains("第四十三条"));
    sup.inspections()
        .set_officers(x.id, &[i1, i2], "无其他持证人员，经局长批准")
        .unwrap();
    let detail = s.inspections().detail(x.id).unwrap();
    let decision = &detail.recusal_decisions[0];
    assert_eq!(decision.user_id, i2);
    assert_eq!(decision.reason, "无其他持证人员，经局长批准");
    assert_eq!(decision.decided_by_name, sup.actor().display_name);
    let audited: i64 = raw(&path)
        .query_row(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'insp_recusal_decision'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
    // The decision holds for this inspection when the visit starts.
    let x = s.inspections().get(x.id).unwrap();
    assert!(
        s.inspections()
            .transition(x.id, x.row_version, Event::Start, &EventInput::default())
            .is_ok()
    );
}

#[test]
fn rectification_reports_are_versions_with_lateness() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (s, id) = started(&path, &clock, E1_USCC);
    finding(&s, id, "危废台账不全");
    complete_record(&s, id);
    let v = end_visit(&s, id);
    s.inspections()
        .sign(id, v, Conclusion::Order, "责令改正", Signature::Signed, "")
        .unwrap();
    let (order, _) = s
        .inspections()
        .order_rectification(
            id,
            &OrderInput {
                doc_number: "聊环责改〔2026〕21号".into(),
                served_on: d("2026-06-01"),
                deadline: d("2026-06-05"),
                requirements: "完善台账".into(),
            },
        )
        .unwrap();
    clock.set(2026, 6, 9, 2);
    let company = enterprise_account(&path, &clock, E1_USCC);
    let first = company
        .inspections()
        .rectification_report(order.id, "已完善台账", "")
        .unwrap();
    assert_eq!(first.report_text, "已完善台账");
    let m = refusal(
        company
            .inspections()
            .rectification_report(order.id, "已完善台账并培训", ""),
    );
    assert!(m.contains("修改原因"), "{m}");
    company
        .inspections()
        .rectification_report(order.id, "已完善台账并培训", "补充培训记录")
        .unwrap();
    let versions = company.inspections().report_versions(order.id).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].text, "已完善台账", "the first version is kept");
    assert_eq!(versions[1].reason, "补充培训记录");
    // Deadline 06-05, submitted 06-09: four days late.
    assert_eq!(versions[1].days_late, 4);
    let r = raw(&path).execute("UPDATE insp_rect_report SET text = 'x'", []);
    assert!(r.unwrap_err().to_string().contains("append-only"));
    assert_eq!(s.inspections().detail(id).unwrap().report_versions.len(), 2);
}

/// The enterprise account of `uscc` (the fixture's `ent` is bound to E1).
fn enterprise_account(path: &std::path::Path, clock: &TestClock, uscc: &str) -> Session {
    assert_eq!(uscc, E1_USCC);
    login_at(path, "ent", clock)
}

#[test]
fn findings_are_numbered_per_inspection_and_evidence_names_one() {
    let (dir, path) = fresh_db();
    let clock = june();
    let (s, a) = started(&path, &clock, E1_USCC);
    let (s2, b) = started_again(&path, &clock);
    finding(&s, a, "甲1");
    finding(&s2, b, "乙1");
    finding(&s2, b, "乙2");
    finding(&s, a, "甲2");
    let nos = |id| -> Vec<i64> {
        s.inspections()
            .detail(id)
            .unwrap()
            .findings
            .iter()
            .map(|f| f.no)
            .collect()
    };
    assert_eq!(nos(a), vec![1, 2]);
    assert_eq!(nos(b), vec![1, 2]);
    let photo = dir.path().join("IMG_2.jpg");
    std::fs::write(&photo, b"x").unwrap();
    let ev = |finding_no| EvidenceInput {
        kind: EvidenceKind::Photo,
        path: photo.display().to_string(),
        description: String::new(),
        corrects: None,
        reason: String::new(),
        finding_no,
    };
    assert!(refusal(s.inspections().add_evidence(a, &ev(Some(3)))).contains("#3"));
    s.inspections().add_evidence(a, &ev(Some(2))).unwrap();
    let detail = s.inspections().detail(a).unwrap();
    assert_eq!(detail.evidence[0].finding_no, Some(2));
}

fn draft(count: u32, planned_on: &str) -> PlanDraft {
    PlanDraft {
        name: "东昌府区 双随机".into(),
        regions: vec![],
        class: "all".into(),
        ratio_pct: 0,
        count,
        listed_offsite: Some(true),
        planned_on: d(planned_on),
    }
}

#[test]
fn draws_exclude_open_and_drawn_enterprises_and_ask_about_a_short_count() {
    let (mut dir, path) = fresh_db();
    // The end of this test tampers with a draw on purpose (a dropped trigger, a changed pair).
    dir.skip_check();
    let clock = june();
    officers(&path, &clock);
    let sup = login_at(&path, "supervisor", &clock);
    // An open inspection of E1 keeps it out of the draw.
    let s = login_at(&path, "inspector", &clock);
    let e1 = enterprise_id(&s, E1_USCC);
    s.inspections()
        .plan(&plan(e1, Category::Planned, Mode::Offsite, vec![]))
        .unwrap();
    let p = sup.draws().create_plan(&draft(500, "2026-06-20")).unwrap();
    let preview = sup.draws().preview(p.id).unwrap();
    assert!(preview.short);
    assert!(preview.exclusions.contains(&("open".to_string(), 1)));
    let n = preview.candidates;
    assert!(n > 0);
    // Above the candidates: refused until confirmed, then all candidates are drawn.
    let m = refusal(sup.draws().run(p.id));
    assert!(m.contains("超过候选企业数"), "{m}");
    let d1 = sup.draws().run_confirmed(p.id).unwrap();
    assert_eq!(d1.draw.drawn_count as usize, n);
    assert!(d1.exclusions.contains(&("open".to_string(), 1)));
    // The same quarter: everyone drawn already (or with an open inspection) is excluded.
    let p2 = sup.draws().create_plan(&draft(1, "2026-06-25")).unwrap();
    let preview = sup.draws().preview(p2.id).unwrap();
    assert_eq!(preview.candidates, 0, "{preview:?}");
    assert!(
        preview
            .question()
            .render(Lang::Zh)
            .contains("超过候选企业数")
    );
    // Nothing finished: the results are not published yet.
    let m = refusal(sup.draws().results(d1.draw.id));
    assert!(m.contains("尚未办结"), "{m}");
    // `draw verify` holds; a tampered pair is found.
    let report = sup.draws().verify(d1.draw.id).unwrap();
    assert!(report.ok(), "{report:?}");
    let sup_id: i64 = raw(&path)
        .query_row(
            "SELECT id FROM user WHERE username = 'supervisor'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let c = raw(&path);
    c.execute_batch("DROP TRIGGER draw_result_no_update")
        .unwrap();
    c.execute(
        "UPDATE draw_result SET officer2_id = ?1 WHERE draw_id = ?2 AND rank = 0
             AND officer1_id IS NOT NULL",
        rusqlite::params![sup_id, d1.draw.id],
    )
    .unwrap();
    let report = sup.draws().verify(d1.draw.id).unwrap();
    assert!(!report.ok());
    let problem = report.pair_problems[0].render(Lang::Zh);
    assert!(
        problem.contains("第 1 位") && problem.contains("执法人员库"),
        "{problem}"
    );
}
