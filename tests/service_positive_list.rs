//! 正面清单 through the service layer: a batch run from candidates to 在册, the criteria override, notice
//! dates on the calendar, reviews, triggers, removal with cool-down, the on-site guard and the removal
//! proposal for an inspection that ends in 立案.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::positive_list::{
    CheckCategory, Handling, RemovalCause, Transition, TriggerKind, TriggerRef,
};
use ecocase::domain::time::day_text;
use ecocase::i18n::Lang;
use ecocase::service::account::auth;
use ecocase::service::positive_list::{TransitionInput, TriggerInput};
use ecocase::service::{ServiceError, Session};
use ecocase::store::positive_list::EntryFilter;
use std::path::Path;

fn login_at(path: &Path, user: &str, clock: &TestClock) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

fn e1(s: &Session) -> i64 {
    s.enterprises().by_uscc(E1_USCC).expect("e1").id
}

fn reason(r: &str) -> TransitionInput {
    TransitionInput {
        reason: r.into(),
        cause: None,
    }
}

fn refused_text(r: Result<impl std::fmt::Debug, ServiceError>) -> String {
    match r {
        Err(e) => e.render(Lang::En),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

#[test]
fn a_batch_runs_from_candidates_to_listed_with_notice_across_the_national_day() {
    let (_dir, path) = fresh_db();
    // Monday 2026-09-28, 10:00 Beijing time.
    let clock = TestClock::at(2026, 9, 28, 2);
    let staff = login_at(&path, "staff", &clock);
    let batch = staff
        .positive_list()
        .create_batch("2026年第3批", 2026, "")
        .expect("batch");
    let e = e1(&staff);
    let cand = staff
        .positive_list()
        .propose(batch.id, e, "在线监控、用电监控")
        .expect("propose");
    assert_eq!(cand.state, "candidate");
    assert_eq!(staff.enterprises().get(e).unwrap().list_status, "candidate");
    // Staff cannot approve admission.
    assert!(matches!(
        staff.positive_list().transition(
            cand.id,
            cand.row_version,
            Transition::StartNotice,
            &reason("x")
        ),
        Err(ServiceError::Forbidden(_))
    ));

    let sup = login_at(&path, "supervisor", &clock);
    // E1 has no permit on record: the permit criterion fails, so approval needs a reason.
    let msg = refused_text(sup.positive_list().transition(
        cand.id,
        cand.row_version,
        Transition::StartNotice,
        &reason(""),
    ));
    assert!(msg.contains("approval reason"), "{msg}");
    let notice = sup
        .positive_list()
        .transition(
            cand.id,
            cand.row_version,
            Transition::StartNotice,
            &reason("许可证正在延续，已核实"),
        )
        .expect("notice");
    assert_eq!(notice.state, "notice");
    assert_eq!(day_text(notice.notice_start), "2026-09-28");
    // 5 working days: 29, 30, (Oct 1-7 rest), 8, 9, 10 (调休 Saturday).
    assert_eq!(day_text(notice.notice_end), "2026-10-10");
    assert_eq!(notice.override_reason, "许可证正在延续，已核实");
    let detail = sup.positive_list().entry_detail(cand.id).expect("detail");
    assert_eq!(detail.recorded.len(), 6);
    assert!(
        detail
            .recorded
            .iter()
            .any(|c| c.criterion == "permit" && c.result == "fail")
    );

    // Not before the notice is over.
    let msg = refused_text(sup.positive_list().transition(
        notice.id,
        notice.row_version,
        Transition::Admit,
        &reason(""),
    ));
    assert!(msg.contains("2026-10-10"), "{msg}");
    clock.advance_minutes(60 * 24 * 13); // 2026-10-11
    let sup = login_at(&path, "supervisor", &clock);
    let listed = sup
        .positive_list()
        .transition(
            notice.id,
            notice.row_version,
            Transition::Admit,
            &reason(""),
        )
        .expect("admit");
    assert_eq!(listed.state, "listed");
    assert_eq!(day_text(listed.listed_on), "2026-10-11");
    assert_eq!(day_text(listed.review_due), "2027-10-11");
    assert_eq!(sup.enterprises().get(e).unwrap().list_status, "listed");
    let history = sup.positive_list().entry_detail(listed.id).unwrap().history;
    let states: Vec<_> = history.iter().map(|h| h.to_state.as_str()).collect();
    assert_eq!(states, ["candidate", "notice", "listed"]);
    // Every change is in the audit log.
    assert!(
        sup.positive_list()
            .entries(
                &EntryFilter {
                    state: Some("listed".into()),
                    ..EntryFilter::default()
                },
                10
            )
            .unwrap()
            .iter()
            .any(|x| x.id == listed.id)
    );
}

/// Proposes E1 and runs it to 在册 at `clock`, returning the entry id.
fn listed_entry(path: &Path, clock: &TestClock) -> i64 {
    let staff = login_at(path, "staff", clock);
    let batch = staff
        .positive_list()
        .create_batch("2026年第1批", 2026, "")
        .expect("batch");
    let x = staff
        .positive_list()
        .propose(batch.id, e1(&staff), "")
        .expect("propose");
    let sup = login_at(path, "supervisor", clock);
    let x = sup
        .positive_list()
        .transition(
            x.id,
            x.row_version,
            Transition::StartNotice,
            &reason("已核实"),
        )
        .expect("notice");
    clock.advance_minutes(60 * 24 * 10);
    let sup = login_at(path, "supervisor", clock);
    sup.positive_list()
        .transition(x.id, x.row_version, Transition::Admit, &reason(""))
        .expect("admit")
        .id
}

#[test]
fn the_guard_refuses_routine_on_site_checks_of_a_listed_enterprise() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 2, 2);
    let e = {
        let s = login_at(&path, "inspector", &clock);
        e1(&s)
    };
    let insp = login_at(&path, "inspector", &clock);
    // Not listed yet: a routine check is fine.
    assert!(
        insp.positive_list()
            .check_on_site_allowed(e, CheckCategory::Routine, None)
            .is_ok()
    );
    listed_entry(&path, &clock);
    let insp = login_at(&path, "inspector", &clock);
    let msg = refused_text(insp.positive_list().check_on_site_allowed(
        e,
        CheckCategory::Routine,
        None,
    ));
    assert!(msg.contains("no routine on-site checks"), "{msg}");
    assert!(
        insp.positive_list()
            .check_on_site_allowed(e, CheckCategory::Random, None)
            .is_err()
    );
    assert!(
        insp.positive_list()
            .check_on_site_allowed(e, CheckCategory::Offsite, None)
            .is_ok()
    );
    let t = TriggerRef {
        kind: TriggerKind::MonitoringAlarm,
        reference: "ALM-2026-118",
    };
    assert!(
        insp.positive_list()
            .check_on_site_allowed(e, CheckCategory::Triggered, Some(t))
            .is_ok()
    );
    let msg = refused_text(insp.positive_list().check_on_site_allowed(
        e,
        CheckCategory::Triggered,
        None,
    ));
    assert!(msg.contains("needs a trigger event"), "{msg}");
}

#[test]
fn review_trigger_and_removal_with_cool_down() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 2, 2);
    let id = listed_entry(&path, &clock);
    let staff = login_at(&path, "staff", &clock);
    let x = staff.positive_list().entry(id).unwrap();
    let x = staff
        .positive_list()
        .transition(id, x.row_version, Transition::StartReview, &reason(""))
        .expect("review");
    assert_eq!(x.state, "review");
    assert_eq!(
        staff
            .enterprises()
            .get(x.enterprise_id)
            .unwrap()
            .list_status,
        "review"
    );
    // A trigger needs its reference.
    let mut input = TriggerInput {
        kind: TriggerKind::Complaint,
        reference: " ".into(),
        occurred_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        handling: Handling::Offsite,
        note: String::new(),
    };
    assert!(matches!(
        staff.positive_list().record_trigger(id, &input),
        Err(ServiceError::Invalid(_))
    ));
    input.reference = "12369-2026-0042".into();
    // A trigger cannot be dated in the future (2026-11-12 10:00 now).
    input.occurred_on = NaiveDate::from_ymd_opt(2026, 12, 30).unwrap();
    let msg = refused_text(staff.positive_list().record_trigger(id, &input));
    assert!(
        msg.contains("Trigger date 2026-12-30 is later than now (2026-11-12 10:00)"),
        "{msg}"
    );
    input.occurred_on = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let t = staff
        .positive_list()
        .record_trigger(id, &input)
        .expect("trigger");
    assert_eq!(t.kind, "complaint");
    assert_eq!(t.reference, "12369-2026-0042");

    // Removal needs a supervisor and a reason.
    assert!(matches!(
        staff
            .positive_list()
            .transition(id, x.row_version, Transition::FailReview, &reason("x")),
        Err(ServiceError::Forbidden(_))
    ));
    let sup = login_at(&path, "supervisor", &clock);
    assert!(matches!(
        sup.positive_list()
            .transition(id, x.row_version, Transition::FailReview, &reason(" ")),
        Err(ServiceError::Invalid(_))
    ));
    // A stale version is a conflict.
    assert!(matches!(
        sup.positive_list()
            .transition(id, x.row_version - 1, Transition::FailReview, &reason("x")),
        Err(ServiceError::Conflict { .. })
    ));
    let removed = sup
        .positive_list()
        .transition(
            id,
            x.row_version,
            Transition::FailReview,
            &TransitionInput {
                reason: "投诉查实，超标排放".into(),
                cause: Some(RemovalCause::Complaint),
            },
        )
        .expect("remove");
    assert_eq!(removed.state, "removed");
    assert_eq!(removed.removal_cause, "complaint");
    assert_eq!(day_text(removed.reapply_from), "2027-11-12");
    assert_eq!(
        sup.enterprises()
            .get(removed.enterprise_id)
            .unwrap()
            .list_status,
        "removed"
    );
    // Closed entries take no further transitions.
    assert!(
        sup.positive_list()
            .transition(id, removed.row_version, Transition::Remove, &reason("x"))
            .is_err()
    );
    // Cool-down: no new candidate before 2027-11-12.
    let batch = sup.positive_list().batches().unwrap()[0].id;
    let msg = refused_text(
        sup.positive_list()
            .propose(batch, removed.enterprise_id, ""),
    );
    assert!(msg.contains("2027-11-12"), "{msg}");
}

#[test]
fn an_enterprise_applies_for_itself_only() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 2, 2);
    let staff = login_at(&path, "staff", &clock);
    let batch = staff
        .positive_list()
        .create_batch("2026年第4批", 2026, "")
        .unwrap();
    let e2 = staff.enterprises().by_uscc(E2_USCC).unwrap().id;
    let ent = login_at(&path, "ent", &clock);
    let x = ent
        .positive_list()
        .apply(
            batch.id,
            &ecocase::service::positive_list::Application {
                note: "近三年无处罚，在线监控已联网".into(),
                contact: "李红 0635-8888888".into(),
                offsite: "视频监控".into(),
            },
        )
        .expect("apply");
    assert_eq!(x.origin, "applied");
    assert_eq!(x.uscc, E1_USCC);
    // The enterprise sees its own entry only, and cannot propose others.
    assert!(matches!(
        ent.positive_list().propose(batch.id, e2, ""),
        Err(ServiceError::Forbidden(_))
    ));
    staff.positive_list().propose(batch.id, e2, "").expect("e2");
    let seen = ent
        .positive_list()
        .entries(&EntryFilter::default(), 50)
        .unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].uscc, E1_USCC);
    // A second open entry is refused.
    let msg = refused_text(ent.positive_list().apply(
        batch.id,
        &ecocase::service::positive_list::Application {
            contact: "李红 0635-8888888".into(),
            ..Default::default()
        },
    ));
    assert!(msg.contains("open list entry"), "{msg}");
}

#[test]
fn an_objection_rejects_and_a_filed_case_proposes_removal() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 2, 2);
    let staff = login_at(&path, "staff", &clock);
    let batch = staff
        .positive_list()
        .create_batch("2026年第5批", 2026, "")
        .unwrap();
    let e2 = staff.enterprises().by_uscc(E2_USCC).unwrap().id;
    let x = staff.positive_list().propose(batch.id, e2, "").unwrap();
    let sup = login_at(&path, "supervisor", &clock);
    let x = sup
        .positive_list()
        .transition(
            x.id,
            x.row_version,
            Transition::StartNotice,
            &reason("核实"),
        )
        .unwrap();
    let rejected = sup
        .positive_list()
        .transition(
            x.id,
            x.row_version,
            Transition::UpholdObjection,
            &reason("群众异议：夜间异味"),
        )
        .expect("objection");
    assert_eq!(rejected.state, "rejected");
    assert_eq!(sup.enterprises().get(e2).unwrap().list_status, "rejected");

    // A filed case on a non-listed enterprise proposes nothing.
    let insp = login_at(&path, "inspector", &clock);
    assert_eq!(
        insp.positive_list()
            .propose_removal_for_case(e2, "聊环罚〔2026〕1号")
            .unwrap(),
        None
    );
    let id = listed_entry(&path, &clock);
    let insp = login_at(&path, "inspector", &clock);
    let e = e1(&insp);
    let proposed = insp
        .positive_list()
        .propose_removal_for_case(e, "聊环立〔2026〕12号")
        .unwrap()
        .expect("proposal");
    assert_eq!(proposed.id, id);
    assert!(proposed.removal_proposal.contains("聊环立〔2026〕12号"));
    assert_eq!(
        proposed.state, "listed",
        "a supervisor confirms the removal"
    );
    let sup = login_at(&path, "supervisor", &clock);
    assert_eq!(sup.positive_list().counts().unwrap().removal_proposals, 1);
    // The home line opens exactly the entries awaiting that confirmation.
    let pending = sup
        .positive_list()
        .entries(
            &ecocase::store::positive_list::EntryFilter {
                pending_removal: true,
                ..Default::default()
            },
            100,
        )
        .unwrap();
    assert_eq!(pending.iter().map(|x| x.id).collect::<Vec<_>>(), [id]);
}

#[test]
fn home_counts_reviews_due_and_notices_ending() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2025, 11, 10, 2);
    listed_entry(&path, &clock); // listed 2025-11-20, review due 2026-11-20
    let sup = login_at(&path, "supervisor", &clock);
    assert_eq!(sup.positive_list().counts().unwrap().reviews_due, 0);
    clock.advance_minutes(60 * 24 * 350); // 2026-11-05
    let sup = login_at(&path, "supervisor", &clock);
    let c = sup.positive_list().counts().unwrap();
    assert_eq!(c.reviews_due, 1);
    assert_eq!(c.notices_ending, 0);
    let ent = login_at(&path, "ent", &clock);
    assert_eq!(ent.positive_list().counts().unwrap().reviews_due, 0);
}

#[test]
fn batches_are_numbered_within_the_year_and_names_are_unique() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 2, 2);
    let staff = login_at(&path, "staff", &clock);
    assert_eq!(
        staff.positive_list().create_next_batch().unwrap().name,
        "2026年第1批"
    );
    assert_eq!(
        staff.positive_list().create_next_batch().unwrap().name,
        "2026年第2批"
    );
    let msg = refused_text(staff.positive_list().create_batch("2026年第2批", 2026, ""));
    assert!(msg.contains("already exists"), "{msg}");
    assert!(matches!(
        staff.positive_list().create_batch("  ", 2026, ""),
        Err(ServiceError::Invalid(_))
    ));
    let insp = login_at(&path, "inspector", &clock);
    assert!(matches!(
        insp.positive_list().create_next_batch(),
        Err(ServiceError::Forbidden(_))
    ));
}
