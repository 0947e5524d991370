//! 执法检查 through the service layer: the officer rules (one officer, same person, duplicated and
//! expired certificates, auxiliary staff), the annual cap, references, the positive-list guard, the lock
//! after signature, re-check scheduling across the 2026 National Day holiday, and a run from planning
//! through rectification, re-check and 立案 transfer (with the positive-list removal proposal).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::inspection::{
    Answer, CaseStatus, Category, Conclusion, Event, EventInput, EvidenceKind, InspectionState,
    Mode, RecheckResult, Severity, Signature,
};
use ecocase::i18n::Lang;
use ecocase::service::inspection::followup::{CaseInput, OrderInput};
use ecocase::service::inspection::record::{EvidenceInput, FindingInput, file_sha256};
use ecocase::service::inspection::{GuardChoice, PlanInput};
use ecocase::service::{ServiceError, Session};
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

/// 2026-06-01 10:00 Beijing time (a Monday).
fn june() -> TestClock {
    TestClock::at(2026, 6, 1, 2)
}

#[test]
fn officer_rules_refuse_what_the_law_forbids() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (i1, i2, i3) = officers(&path, &clock);
    let s = login_at(&path, "inspector", &clock);
    let e = enterprise_id(&s, E1_USCC);
    let p = |o: Vec<i64>| plan(e, Category::Planned, Mode::Onsite, o);

    let one = refusal(s.inspections().plan(&p(vec![i1])));
    assert!(
        one.contains("不得少于两人") && one.contains("第四十二条"),
        "{one}"
    );
    let same = refusal(s.inspections().plan(&p(vec![i1, i1])));
    assert!(same.contains("同一人"), "{same}");
    let expired = refusal(s.inspections().plan(&p(vec![i1, i3])));
    assert!(
        expired.contains("37150000003") && expired.contains("2026-06-01"),
        "{expired}"
    );
    // The supervisor holds no inspector role and no certificate: not an officer.
    let sup: i64 = raw(&path)
        .query_row(
            "SELECT id FROM user WHERE username = 'supervisor'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(refusal(s.inspections().plan(&p(vec![i1, sup]))).contains("辅助人员"));
    // Auxiliary staff are never officers, even holding a certificate.
    raw(&path)
        .execute("UPDATE user SET auxiliary = 1 WHERE id = ?1", [i2])
        .unwrap();
    assert!(refusal(s.inspections().plan(&p(vec![i1, i2]))).contains("辅助人员"));
    raw(&path)
        .execute("UPDATE user SET auxiliary = 0 WHERE id = ?1", [i2])
        .unwrap();
    // A duplicated certificate number (legacy data the unique index would now refuse).
    raw(&path)
        .execute_batch(
            "DROP INDEX certificate_number_live;
             UPDATE certificate SET number = '37150000001' WHERE number = '37150000002';",
        )
        .unwrap();
    let dup = refusal(s.inspections().plan(&p(vec![i1, i2])));
    assert!(dup.contains("执法证号重复"), "{dup}");
    raw(&path)
        .execute(
            "UPDATE certificate SET number = '37150000002' WHERE user_id = ?1",
            [i2],
        )
        .unwrap();
    let ok = s
        .inspections()
        .plan(&p(vec![i1, i2]))
        .expect("two valid officers");
    assert_eq!(ok.state, InspectionState::Pending);
    assert!(ok.number.starts_with("JC-371525-2026-"), "{}", ok.number);
    let detail = s.inspections().detail(ok.id).unwrap();
    assert_eq!(detail.officers.len(), 2);
    assert_eq!(detail.officers[1].cert_number, "37150000002");
    // The picker offers only the eligible officers.
    let offered: Vec<i64> = s
        .inspections()
        .eligible_officers(e, d("2026-06-01"))
        .unwrap()
        .iter()
        .map(|o| o.user_id)
        .collect();
    assert_eq!(offered, vec![i1, i2]);
}

#[test]
fn recusal_needs_a_recorded_reason() {
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
    let msg = refusal(s.inspections().plan(&input));
    assert!(msg.contains("回避") && msg.contains("第四十三条"), "{msg}");
    // The planner's own reason does not clear it; a supervisor's recorded decision does.
    input.recusal_reason = "经局长批准，无其他持证人员".into();
    assert!(refusal(s.inspections().plan(&input)).contains("只有监管负责人"));
    let x = sup.inspections().plan(&input).expect("with a decision");
    assert_eq!(x.recusal_reason, "经局长批准，无其他持证人员");
}

#[test]
fn routine_checks_are_capped_and_case_checks_need_a_reference() {
    let (_dir, path) = fresh_db();
    let clock = june();
    officers(&path, &clock);
    let s = login_at(&path, "inspector", &clock);
    let e = enterprise_id(&s, E1_USCC);
    let routine = plan(e, Category::Planned, Mode::Offsite, vec![]);
    for _ in 0..3 {
        assert_eq!(
            s.inspections().plan(&routine).unwrap().state,
            InspectionState::Planned
        );
    }
    let cap = refusal(s.inspections().plan(&routine));
    assert!(
        cap.contains("上限 3 次") && cap.contains("已 3 次"),
        "{cap}"
    );
    // Complaint-driven checks are not capped, but need their reference.
    let mut complaint = plan(e, Category::Complaint, Mode::Offsite, vec![]);
    assert!(refusal(s.inspections().plan(&complaint)).contains("依据文号"));
    complaint.trigger_ref = "12369-2026-0815".into();
    assert!(s.inspections().plan(&complaint).is_ok());
    // A blue-credit enterprise gets one routine check a year.
    let e2 = enterprise_id(&s, E2_USCC);
    raw(&path)
        .execute("UPDATE enterprise SET credit = 'blue' WHERE id = ?1", [e2])
        .unwrap();
    audit_fixture(&path, "enterprise", &format!("id = {e2}"));
    let s = login_at(&path, "inspector", &clock);
    let blue = plan(e2, Category::Random, Mode::Offsite, vec![]);
    s.inspections().plan(&blue).unwrap();
    assert!(refusal(s.inspections().plan(&blue)).contains("上限 1 次"));
}

#[test]
fn the_positive_list_guard_refuses_routine_on_site_checks() {
    let (_dir, path) = fresh_db();
    let clock = june();
    let (i1, i2, _) = officers(&path, &clock);
    list_enterprise(&path, E1_USCC);
    let s = login_at(&path, "inspector", &clock);
    let e = enterprise_id(&s, E1_USCC);
    let refused =
        refusal(
            s.inspections()
                .plan(&plan(e, Category::Planned, Mode::Onsite, vec![i1, i2])),
        );
    assert!(
        refused.contains("正面清单") || refused.contains("在册"),
        "{refused}"
    );
    assert!(
        s.inspections()
            .plan(&plan(e, Category::Planned, Mode::Offsite, vec![]))
            .is_ok()
    );
    let mut complaint = plan(e, Category::Complaint, Mode::Onsite, vec![i1, i2]);
    complaint.trigger_ref = "12369-2026-0001".into();
    assert!(refusal(s.inspections().plan(&complaint)).contains("触发事件"));
    complaint.guard = Some(GuardChoice::Trigger(record_trigger(
        &path,
        E1_USCC,
        "12369-2026-0001",
    )));
    assert_eq!(s.inspections().plan(&complaint).unwrap().mode, Mode::Onsite);
}

/// Plans, starts and ends a visit by inspector and inspector2; returns the session and the id.
fn visited(path: &std::path::Path, clock: &TestClock, uscc: &str) -> (Session, i64) {
    let (i1, i2, _) = officers(path, clock);
    let s = login_at(path, "inspector", clock);
    let e = enterprise_id(&s, uscc);
    let x = s
        .inspections()
        .plan(&plan(e, Category::Planned, Mode::Onsite, vec![i1, i2]))
        .unwrap();
    let x = s
        .inspections()
        .transition(x.id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    assert_eq!(x.state, InspectionState::InProgress);
    assert!(x.started_at.is_some());
    (s, x.id)
}

#[test]
fn findings_and_evidence_lock_once_the_record_is_signed() {
    let (dir, path) = fresh_db();
    let clock = june();
    let (s, id) = visited(&path, &clock, E1_USCC);
    let photo = dir.path().join("IMG_0001.jpg");
    std::fs::write(&photo, b"photo bytes").unwrap();
    let ev = s
        .inspections()
        .add_evidence(
            id,
            &EvidenceInput {
                kind: EvidenceKind::Photo,
                path: photo.display().to_string(),
                description: "废水排放口".into(),
                corrects: None,
                reason: String::new(),
                finding_no: None,
            },
        )
        .unwrap();
    assert_eq!(ev.sha256, file_sha256(&photo).unwrap());
    assert_eq!(ev.sha256.len(), 64);
    let finding = s
        .inspections()
        .add_finding(
            id,
            &FindingInput {
                description: "危废贮存间未设置标识".into(),
                provision: "《固体废物污染环境防治法》第七十七条".into(),
                severity: Some(Severity::General),
                ..FindingInput::default()
            },
        )
        .unwrap();
    s.inspections()
        .answer(id, "waste", Answer::Fail, "标识缺失")
        .unwrap();
    ready_to_sign(&s, id);
    let x = s.inspections().get(id).unwrap();
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::EndVisit, &EventInput::default())
        .unwrap();
    let x = s
        .inspections()
        .sign(
            id,
            x.row_version,
            Conclusion::FixedOnSpot,
            "现场已补设标识",
            Signature::Signed,
            "",
        )
        .unwrap();
    assert_eq!(x.state, InspectionState::Completed);
    assert!(x.signed_at.is_some());
    // Locked: a new finding, new evidence and answers are refused.
    let new = FindingInput {
        description: "补充问题".into(),
        severity: Some(Severity::Minor),
        ..FindingInput::default()
    };
    assert!(refusal(s.inspections().add_finding(id, &new)).contains("已锁定"));
    assert!(refusal(s.inspections().answer(id, "soil", Answer::Pass, "")).contains("已锁定"));
    // A correction names the item and gives a reason.
    let no_reason = FindingInput {
        corrects: Some(finding.id),
        ..new.clone()
    };
    assert!(refusal(s.inspections().add_finding(id, &no_reason)).contains("原因"));
    let correction = FindingInput {
        corrects: Some(finding.id),
        reason: "条款引用有误".into(),
        provision: "《固体废物污染环境防治法》第八十一条".into(),
        ..new
    };
    let fixed = s.inspections().add_finding(id, &correction).unwrap();
    assert_eq!(fixed.corrects_id, Some(finding.id));
    // The original row cannot be changed, even from the database shell.
    let r = raw(&path).execute(
        "UPDATE insp_finding SET description = 'x' WHERE id = ?1",
        [finding.id],
    );
    assert!(r.unwrap_err().to_string().contains("append-only"));
    assert_eq!(s.inspections().detail(id).unwrap().findings.len(), 2);
}

#[test]
fn recheck_is_scheduled_at_the_deadline_after_the_national_day() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 9, 21, 2);
    let (s, id) = visited(&path, &clock, E1_USCC);
    ready_to_sign(&s, id);
    let x = s.inspections().get(id).unwrap();
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::EndVisit, &EventInput::default())
        .unwrap();
    let x = s
        .inspections()
        .sign(
            id,
            x.row_version,
            Conclusion::Order,
            "责令限期改正",
            Signature::Refused,
            "",
        )
        .err()
        .map(|e| e.render(Lang::Zh))
        .map(|m| {
            assert!(m.contains("见证人"), "{m}");
            s.inspections()
                .sign(
                    id,
                    x.row_version,
                    Conclusion::Order,
                    "责令限期改正",
                    Signature::Refused,
                    "村委会 李某",
                )
                .unwrap()
        })
        .unwrap();
    assert_eq!(x.state, InspectionState::Rectifying);
    let order = |served: &str, deadline: &str| OrderInput {
        doc_number: "聊环责改〔2026〕15号".into(),
        served_on: d(served),
        deadline: d(deadline),
        requirements: "完善危废台账".into(),
    };
    let m = refusal(
        s.inspections()
            .order_rectification(id, &order("2026-09-21", "2026-09-21")),
    );
    assert!(m.contains("必须晚于送达日期"), "{m}");
    // Deadline on 10-01, a holiday through 10-07: the re-check falls on Thursday 10-08.
    let (rect, recheck) = s
        .inspections()
        .order_rectification(id, &order("2026-09-21", "2026-10-01"))
        .unwrap();
    assert_eq!(rect.deadline.to_string(), "2026-10-01");
    assert_eq!(recheck.planned_on.to_string(), "2026-10-08");
    assert_eq!(recheck.category, Category::Recheck);
    assert_eq!(recheck.state, InspectionState::Pending);
    assert_eq!(recheck.parent_id, Some(id));
    assert!(
        refusal(
            s.inspections()
                .order_rectification(id, &order("2026-09-21", "2026-10-09"))
        )
        .contains("已下达")
    );
}

#[test]
fn a_visit_runs_to_rectification_recheck_and_case_transfer() {
    let (_dir, path) = fresh_db();
    let clock = june();
    list_enterprise(&path, E2_USCC);
    let (i1, i2, _) = officers(&path, &clock);
    let s = login_at(&path, "inspector", &clock);
    let e = enterprise_id(&s, E2_USCC);
    let mut p = plan(e, Category::Complaint, Mode::Onsite, vec![i1, i2]);
    p.trigger_ref = "12369-2026-0420".into();
    p.guard = Some(GuardChoice::Trigger(record_trigger(
        &path,
        E2_USCC,
        "12369-2026-0420",
    )));
    let x = s.inspections().plan(&p).unwrap();
    let id = x.id;
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    s.inspections()
        .add_representative(id, "王建国", "环保负责人")
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
            "废气处理设施未运行",
            Signature::Signed,
            "",
        )
        .unwrap();
    let (rect, _) = s
        .inspections()
        .order_rectification(
            id,
            &OrderInput {
                doc_number: "聊环责改〔2026〕3号".into(),
                served_on: d("2026-06-01"),
                deadline: d("2026-06-15"),
                requirements: "恢复废气处理设施运行".into(),
            },
        )
        .unwrap();

    // The enterprise sees its order and reports.
    let ent_id: i64 = raw(&path)
        .query_row(
            "SELECT id FROM enterprise WHERE uscc = ?1",
            [E2_USCC],
            |r| r.get(0),
        )
        .unwrap();
    raw(&path)
        .execute(
            "UPDATE user SET enterprise_id = ?1 WHERE username = 'ent'",
            [ent_id],
        )
        .unwrap();
    audit_fixture(&path, "user", "username = 'ent'");
    let ent = login_at(&path, "ent", &clock);
    let mine = ent.inspections().rectification_orders(None).unwrap();
    assert_eq!(mine.len(), 1);
    let reported = ent
        .inspections()
        .rectification_report(rect.id, "已恢复运行，附运行记录", "")
        .unwrap();
    assert_eq!(reported.report_text, "已恢复运行，附运行记录");

    // The re-check finds it not done: 拟立案.
    let after = s
        .inspections()
        .record_recheck(id, &[i1, i2], RecheckResult::NotDone, "设施仍未运行")
        .unwrap();
    assert_eq!(after.state, InspectionState::CaseProposed);
    let history: Vec<String> = s
        .inspections()
        .detail(id)
        .unwrap()
        .history
        .iter()
        .map(|h| h.to_state.clone())
        .collect();
    assert!(history.ends_with(&["recheck".to_string(), "case_proposed".to_string()]));
    assert!(
        refusal(
            ent.inspections()
                .rectification_report(rect.id, "再次报告", "")
        )
        .contains("复查")
    );

    // Only a supervisor transfers, and only for an act discovered within two years (第三十六条).
    let case = CaseInput {
        case_number: "聊环罚立〔2026〕9号".into(),
        discovered_on: d("2026-05-31"),
        approved_on: d("2026-06-01"),
        handler: "李明".into(),
    };
    let act = |on: &str| ecocase::service::inspection::guard::ActInput {
        on: d(on),
        continuing: false,
        five_year: false,
    };
    s.inspections().set_act(id, &act("2024-03-01")).unwrap();
    assert!(matches!(
        s.inspections().transfer_case(id, &case),
        Err(ServiceError::Forbidden(_))
    ));
    let sup = login_at(&path, "supervisor", &clock);
    let m = refusal(sup.inspections().transfer_case(id, &case));
    assert!(m.contains("2年") && m.contains("第三十六条"), "{m}");
    s.inspections().set_act(id, &act("2026-05-20")).unwrap();
    let done = sup.inspections().transfer_case(id, &case).unwrap();
    assert_eq!(done.state, InspectionState::CaseTransferred);
    // The listed enterprise now carries a removal proposal.
    let proposal: String = raw(&path)
        .query_row(
            "SELECT removal_proposal FROM pl_entry WHERE enterprise_id = ?1",
            [e],
            |r| r.get(0),
        )
        .unwrap();
    assert!(proposal.contains("聊环罚立〔2026〕9号"), "{proposal}");
    // The case's status is mirrored with the penalty in integer 分.
    let c = sup
        .inspections()
        .case_status(id, CaseStatus::Decided, "罚款", 5_000_000, "决定书已送达")
        .unwrap();
    assert_eq!((c.status, c.penalty_fen), (CaseStatus::Decided, 5_000_000));
    assert!(
        refusal(
            sup.inspections()
                .case_status(id, CaseStatus::Decided, "罚款", -1, "")
        )
        .contains("负数")
    );
    // Every change is in the audit chain, and the chain verifies.
    let audited: i64 = raw(&path)
        .query_row(
            "SELECT COUNT(*) FROM audit_log WHERE entity IN ('inspection', 'insp_case', 'insp_rectification')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(audited >= 8, "{audited}");
}
