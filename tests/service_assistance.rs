//! 点单式帮扶 through the service layer: the end-to-end workflow, every legal transition and illegal
//! ones, SLA figures across the 2026 Spring Festival, enterprise and region scoping, unique numbers
//! under concurrent filing, and the automatic close of unrated requests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::assistance::sla::Level;
use ecocase::domain::assistance::{
    AssistanceState, Channel, Event, EventInput, Outcome, Rating, RequestDraft, Urgency,
};
use ecocase::i18n::Lang;
use ecocase::service::account::auth;
use ecocase::service::assistance::Queue;
use ecocase::service::{ServiceError, Session};
use ecocase::store::assistance::{ListFilter, Request, ServiceRecord};
use std::path::Path;

fn login_at(path: &Path, user: &str, clock: &TestClock) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

fn request(services: &[&str], urgency: Urgency) -> RequestDraft {
    RequestDraft {
        enterprise_id: None,
        services: services.iter().map(|s| s.to_string()).collect(),
        description: "申请排污许可证变更指导".into(),
        urgency,
        channel: Channel::Phone,
        wished_date: String::new(),
    }
}

fn enterprise_id(s: &Session, uscc: &str) -> i64 {
    s.enterprises().by_uscc(uscc).expect("enterprise").id
}

fn user_id(s: &Session, region: &str, name: &str) -> i64 {
    s.assistance()
        .handlers(region)
        .expect("handlers")
        .into_iter()
        .find(|(_, n)| n == name)
        .map(|(id, _)| id)
        .unwrap_or_else(|| panic!("no handler {name}"))
}

fn go(s: &mut Session, r: &Request, event: Event, input: EventInput) -> Request {
    s.assistance()
        .transition(r.id, r.row_version, event, input)
        .unwrap_or_else(|e| panic!("{event:?}: {e}"))
}

fn reason(text: &str) -> EventInput {
    EventInput {
        reason: text.into(),
        ..EventInput::default()
    }
}

fn assign(handler: i64) -> EventInput {
    EventInput {
        handler: Some(handler),
        ..EventInput::default()
    }
}

fn completion() -> EventInput {
    EventInput {
        opinion: "已现场指导完成变更申请".into(),
        outcome: Some(Outcome::Solved),
        ..EventInput::default()
    }
}

fn message(e: ServiceError) -> String {
    e.render(Lang::Zh)
}

#[test]
fn a_service_date_lies_between_filing_and_now() {
    let (_dir, path) = fresh_db();
    // 2026-12-08 10:00 in Beijing.
    let clock = TestClock::at(2026, 12, 8, 2);
    let ent = login_at(&path, "ent", &clock);
    let filed = ent
        .assistance()
        .file(request(&["PERMIT"], Urgency::Normal), true)
        .expect("filed");
    let mut branch = login_at(&path, "branch", &clock);
    let r = go(&mut branch, &filed, Event::Accept, EventInput::default());
    let me = user_id(&branch, GUAN, "branch");
    let r = go(&mut branch, &r, Event::Assign, assign(me));
    let record = |date: &str| ServiceRecord {
        service_date: date.into(),
        mode: ecocase::domain::assistance::ServiceMode::Onsite,
        participants: "张工".into(),
        content: "上门核对许可证变更材料".into(),
        problems: String::new(),
        advice: String::new(),
    };
    for (date, want) in [
        (
            "2026-12-20",
            "服务日期 2026-12-20 晚于当前时间 2026-12-08 10:00",
        ),
        ("2030-01-01", "服务日期 2030-01-01 晚于当前时间"),
        (
            "2026-12-07",
            "服务日期 2026-12-07 早于申请提交日期 2026-12-08",
        ),
    ] {
        let e = branch
            .assistance()
            .record_service(r.id, record(date))
            .unwrap_err();
        assert!(message(e).contains(want), "{date}");
    }
    branch
        .assistance()
        .record_service(r.id, record("2026-12-08"))
        .expect("today is fine");
}

#[test]
fn enterprise_files_staff_assign_handler_closes_poor_rating_reopens() {
    let (_dir, path) = fresh_db();
    let mut ent = login(&path, "ent");
    let filed = ent
        .assistance()
        .file(request(&["PERMIT", "EIA"], Urgency::Urgent), true)
        .expect("filed");
    assert_eq!(filed.state, AssistanceState::Submitted);
    assert_eq!(filed.number, "BF-371525-2026-00001");
    assert_eq!(
        filed.channel,
        Channel::SelfService,
        "self-service is forced"
    );
    assert_eq!(filed.enterprise_name, E1_NAME);

    let mut branch = login(&path, "branch");
    let r = go(&mut branch, &filed, Event::Accept, EventInput::default());
    assert_eq!(r.state, AssistanceState::Accepted);
    let me = user_id(&branch, GUAN, "branch");
    let r = go(&mut branch, &r, Event::Assign, assign(me));
    assert_eq!(
        (r.state, r.handler_name.as_deref()),
        (AssistanceState::InProgress, Some("branch"))
    );
    branch
        .assistance()
        .record_service(
            r.id,
            ServiceRecord {
                service_date: "2026-11-29".into(),
                mode: ecocase::domain::assistance::ServiceMode::Onsite,
                participants: "张工".into(),
                content: "上门核对许可证变更材料".into(),
                problems: String::new(),
                advice: "补充监测报告".into(),
            },
        )
        .expect("service record");
    let r = go(&mut branch, &r, Event::Complete, completion());
    assert_eq!(r.state, AssistanceState::AwaitingRating);
    assert_eq!(r.outcome, Some(Outcome::Solved));

    // A poor rating needs the enterprise's own reason (不满意的原因), then reopens the request.
    let poor = EventInput {
        rating: Some(Rating::Dissatisfied),
        ..EventInput::default()
    };
    let refused = ent
        .assistance()
        .transition(r.id, r.row_version, Event::Rate, poor.clone());
    assert_eq!(
        message(refused.expect_err("reason required")),
        "评价为不满意时，请填写不满意的原因"
    );
    let r = go(
        &mut ent,
        &r,
        Event::Rate,
        EventInput {
            comment: "变更后仍未拿到新证".into(),
            ..poor
        },
    );
    assert_eq!(r.state, AssistanceState::InProgress);
    assert_eq!(r.reopen_count, 1);
    assert_eq!(r.rating, Some(Rating::Dissatisfied));

    let detail = ent.assistance().detail(r.id).expect("detail");
    let events: Vec<&str> = detail.history.iter().map(|h| h.event.as_str()).collect();
    assert_eq!(events, ["submit", "accept", "assign", "complete", "rate"]);
    assert_eq!(detail.records.len(), 1);
    assert_eq!(detail.services.len(), 2);
    assert_eq!(
        detail.events,
        [Event::Withdraw],
        "the enterprise may only withdraw now"
    );

    // Handled again and rated well: closed.
    let r = go(&mut branch, &r, Event::Complete, completion());
    let r = go(
        &mut ent,
        &r,
        Event::Rate,
        EventInput {
            rating: Some(Rating::Satisfied),
            ..EventInput::default()
        },
    );
    assert_eq!(r.state, AssistanceState::Closed);
    let sup = login(&path, "supervisor");
    assert!(
        sup.admin()
            .verify_audit_chain()
            .expect("chain")
            .first_broken
            .is_none()
    );
}

#[test]
fn refuse_forward_withdraw_and_suspend_resume() {
    let (_dir, path) = fresh_db();
    let mut ent = login(&path, "ent");
    let mut staff = login(&path, "staff");
    let a = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("a");
    let b = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("b");
    let c = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("c");
    assert_eq!(c.number, "BF-371525-2026-00003");

    let missing =
        staff
            .assistance()
            .transition(a.id, a.row_version, Event::Refuse, EventInput::default());
    assert_eq!(message(missing.expect_err("reason")), "原因不能为空");
    let a = go(&mut staff, &a, Event::Refuse, reason("不属于本局职责"));
    assert_eq!(
        (a.state, a.close_reason.as_str()),
        (AssistanceState::Closed, "不属于本局职责")
    );
    let b = go(&mut staff, &b, Event::Forward, reason("转交应急管理局"));
    assert_eq!(b.close_kind.map(|k| k.code()), Some("forwarded"));

    let c = go(&mut staff, &c, Event::Accept, EventInput::default());
    let staff_id = user_id(&staff, GUAN, "staff");
    let c = go(&mut staff, &c, Event::Assign, assign(staff_id));
    let c = go(&mut staff, &c, Event::Suspend, reason("等待企业补充材料"));
    assert_eq!(c.state, AssistanceState::Suspended);
    let c = go(&mut staff, &c, Event::Resume, EventInput::default());
    assert_eq!(c.state, AssistanceState::InProgress);
    let c = go(&mut ent, &c, Event::Withdraw, reason("问题已自行解决"));
    assert_eq!(c.state, AssistanceState::Closed);
    assert_eq!(c.close_kind.map(|k| k.code()), Some("withdrawn"));
}

#[test]
fn illegal_transitions_and_roles_are_refused() {
    let (_dir, path) = fresh_db();
    let ent = login(&path, "ent");
    let mut staff = login(&path, "staff");
    let inspector = login(&path, "inspector");
    let r = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("filed");

    // The enterprise cannot triage; staff cannot rate or withdraw.
    assert!(matches!(
        ent.assistance()
            .transition(r.id, r.row_version, Event::Accept, EventInput::default()),
        Err(ServiceError::Forbidden(_))
    ));
    assert!(matches!(
        staff
            .assistance()
            .transition(r.id, r.row_version, Event::Withdraw, reason("x")),
        Err(ServiceError::Forbidden(_))
    ));
    // Completing what was never accepted names the state and the event.
    let err = staff
        .assistance()
        .transition(r.id, r.row_version, Event::Complete, completion())
        .expect_err("wrong state");
    assert_eq!(message(err), "当前状态为“待受理”，不能执行“办结”");

    let r = go(&mut staff, &r, Event::Accept, EventInput::default());
    let staff_id = user_id(&staff, GUAN, "staff");
    let r = go(&mut staff, &r, Event::Assign, assign(staff_id));
    // An inspector who is not the handler cannot work on it.
    let err = inspector
        .assistance()
        .transition(r.id, r.row_version, Event::Complete, completion())
        .expect_err("not handler");
    assert_eq!(message(err), "只有承办人或协办人可以办理此请求");
    // Completion needs the opinion and the result.
    let Err(ServiceError::Invalid(issues)) =
        staff
            .assistance()
            .transition(r.id, r.row_version, Event::Complete, EventInput::default())
    else {
        panic!("fields required");
    };
    let fields: Vec<_> = issues.iter().map(|i| i.field).collect();
    assert_eq!(fields, ["opinion", "outcome"]);
    // A stale row version is a conflict, not a silent overwrite.
    assert!(matches!(
        staff
            .assistance()
            .transition(r.id, r.row_version - 1, Event::Suspend, reason("等待")),
        Err(ServiceError::Conflict { .. })
    ));
    // An auxiliary or unknown user cannot be assigned.
    let r2 = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("filed");
    let r2 = go(&mut staff, &r2, Event::Accept, EventInput::default());
    let Err(ServiceError::Invalid(issues)) =
        staff
            .assistance()
            .transition(r2.id, r2.row_version, Event::Assign, assign(9999))
    else {
        panic!("bad handler");
    };
    assert_eq!(issues[0].code, "bad_handler");
    // A request without services or description is refused with both fields named.
    let Err(ServiceError::Invalid(issues)) = ent.assistance().file(
        RequestDraft {
            services: vec![],
            description: " ".into(),
            ..request(&[], Urgency::Normal)
        },
        true,
    ) else {
        panic!("invalid draft");
    };
    let fields: Vec<_> = issues.iter().map(|i| i.field).collect();
    assert_eq!(fields, ["services", "description"]);
}

#[test]
fn enterprises_see_only_their_own_and_branches_only_their_region() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    let e2 = enterprise_id(&staff, E2_USCC);
    let other = staff
        .assistance()
        .file(
            RequestDraft {
                enterprise_id: Some(e2),
                ..request(&["TECH"], Urgency::Normal)
            },
            true,
        )
        .expect("filed for E2");
    assert_eq!(other.number, "BF-371502-2026-00001");
    assert_eq!(other.channel, Channel::Phone);
    let ent = login(&path, "ent");
    let own = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("own");

    let listed: Vec<i64> = ent
        .assistance()
        .list(&ListFilter::default(), 100)
        .expect("list")
        .iter()
        .map(|r| r.request.id)
        .collect();
    assert_eq!(listed, [own.id]);
    assert!(matches!(
        ent.assistance().detail(other.id),
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        ent.assistance().by_number(&other.number),
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        ent.assistance()
            .transition(other.id, other.row_version, Event::Withdraw, reason("x")),
        Err(ServiceError::NotFound)
    ));
    let err = ent
        .assistance()
        .file(
            RequestDraft {
                enterprise_id: Some(e2),
                ..request(&["EIA"], Urgency::Normal)
            },
            true,
        )
        .expect_err("not for another enterprise");
    assert_eq!(message(err), "企业账户只能为本企业提交请求");

    let branch = login(&path, "branch");
    assert!(matches!(
        branch.assistance().detail(other.id),
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        branch.assistance().transition(
            other.id,
            other.row_version,
            Event::Accept,
            EventInput::default()
        ),
        Err(ServiceError::NotFound)
    ));
    let counts = branch.assistance().counts().expect("counts");
    assert_eq!(counts.by_state[0], (AssistanceState::Submitted, 1));
    let city = staff.assistance().counts().expect("counts");
    assert_eq!(city.by_state[0], (AssistanceState::Submitted, 2));
}

/// Filed Thu 2026-02-12, accepted Fri 02-13 (Shanghai 10:00). Hand count: working days after 02-13 are
/// 02-14 (调休 Saturday), 02-24, 02-25, 02-26, 02-27, 02-28 (调休 Saturday), 03-02 ...
#[test]
fn sla_figures_across_the_spring_festival_with_suspension() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 2, 12, 2);
    let ent = login_at(&path, "ent", &clock);
    let critical = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Critical), true)
        .expect("c");
    let normal = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("n");
    let mut staff = login_at(&path, "staff", &clock);
    let row = staff
        .assistance()
        .queue(Queue::State(AssistanceState::Submitted), 10)
        .expect("q");
    let s = row[0].sla.clone().expect("response clock");
    assert_eq!(
        s.due.date.to_string(),
        "2026-02-14",
        "2 working days: 02-13, 02-14 (调休)"
    );

    clock.advance_minutes(24 * 60);
    let staff_id = user_id(&staff, GUAN, "staff");
    let critical = go(&mut staff, &critical, Event::Accept, EventInput::default());
    let critical = go(&mut staff, &critical, Event::Assign, assign(staff_id));
    let normal = go(&mut staff, &normal, Event::Accept, EventInput::default());
    let normal = go(&mut staff, &normal, Event::Assign, assign(staff_id));

    // 02-24: the critical request (2 days: 02-14, 02-24) is due today, at 100%: near due.
    clock.advance_minutes(11 * 24 * 60);
    let near = staff.assistance().queue(Queue::NearDue, 10).expect("near");
    assert_eq!(
        near.iter().map(|r| r.request.id).collect::<Vec<_>>(),
        [critical.id]
    );
    // Suspend the normal one on 02-24, resume on 02-27: 3 working days paused.
    let normal = go(
        &mut staff,
        &normal,
        Event::Suspend,
        reason("等待企业检测报告"),
    );
    clock.advance_minutes(24 * 60);
    let overdue = staff
        .assistance()
        .queue(Queue::Overdue, 10)
        .expect("overdue");
    assert_eq!(
        overdue.iter().map(|r| r.request.id).collect::<Vec<_>>(),
        [critical.id]
    );
    clock.advance_minutes(2 * 24 * 60);
    let normal = go(&mut staff, &normal, Event::Resume, EventInput::default());
    // 03-06: 10 days from 02-13 was 03-05; moved by 3 paused days to 03-10. 8 used of 10: near due.
    clock.advance_minutes(7 * 24 * 60);
    let detail = staff.assistance().detail(normal.id).expect("detail");
    let s = detail.sla.expect("completion clock");
    assert_eq!(s.due.date.to_string(), "2026-03-10");
    assert_eq!((s.elapsed, s.paused, s.level), (8, 3, Level::NearDue));
}

#[test]
fn unrated_requests_close_after_ten_working_days() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 2, 12, 2);
    let ent = login_at(&path, "ent", &clock);
    let r = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("filed");
    let mut staff = login_at(&path, "staff", &clock);
    let staff_id = user_id(&staff, GUAN, "staff");
    let r = go(&mut staff, &r, Event::Accept, EventInput::default());
    let r = go(&mut staff, &r, Event::Assign, assign(staff_id));
    clock.advance_minutes(24 * 60);
    let r = go(&mut staff, &r, Event::Complete, completion());
    // Completed 02-13: the 10th working day after is 03-05; still open that day, closed the next.
    clock.advance_minutes(20 * 24 * 60);
    assert_eq!(staff.assistance().auto_close().expect("auto close"), 0);
    clock.advance_minutes(24 * 60);
    assert_eq!(ent.assistance().auto_close().expect("auto close"), 1);
    let closed = ent.assistance().get(r.id).expect("read");
    assert_eq!(closed.state, AssistanceState::Closed);
    assert_eq!(closed.rating, Some(Rating::Unrated));
    let detail = ent.assistance().detail(r.id).expect("detail");
    assert_eq!(
        detail.history.last().map(|h| h.by_name.as_str()),
        Some("system")
    );
}

#[test]
fn numbers_stay_unique_under_concurrent_filing() {
    let (_dir, path) = fresh_db();
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                let ent = login(&path, "ent");
                (0..8)
                    .map(|_| {
                        ent.assistance()
                            .file(request(&["EIA"], Urgency::Normal), true)
                            .expect("filed")
                            .number
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut numbers: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("thread"))
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=16).map(|n| format!("BF-371525-2026-{n:05}")).collect();
    assert_eq!(numbers, expected);
}

/// Filed Thu 02-12; A accepted Fri 02-13 (1 working day), completed Tue 02-24 (02-14 调休 and 02-24: 2
/// working days, on time), rated 满意; B refused. Both are in 冠县 and ask for EIA.
#[test]
fn statistics_from_stored_times_over_the_calendar() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 2, 12, 2);
    let mut ent = login_at(&path, "ent", &clock);
    let a = ent
        .assistance()
        .file(request(&["EIA", "TECH"], Urgency::Normal), true)
        .expect("a");
    let b = ent
        .assistance()
        .file(request(&["EIA"], Urgency::Normal), true)
        .expect("b");
    let mut staff = login_at(&path, "staff", &clock);
    clock.advance_minutes(24 * 60);
    let staff_id = user_id(&staff, GUAN, "staff");
    let a = go(&mut staff, &a, Event::Accept, EventInput::default());
    let a = go(&mut staff, &a, Event::Assign, assign(staff_id));
    go(&mut staff, &b, Event::Refuse, reason("不属于帮扶事项"));
    clock.advance_minutes(11 * 24 * 60);
    let a = go(&mut staff, &a, Event::Complete, completion());
    go(
        &mut ent,
        &a,
        Event::Rate,
        EventInput {
            rating: Some(Rating::Satisfied),
            ..EventInput::default()
        },
    );
    let s = staff.assistance().stats().expect("stats");
    assert_eq!(s.total, 2);
    assert_eq!(s.by_state, [(AssistanceState::Closed, 2)]);
    assert_eq!(s.by_region, [(GUAN.to_string(), 2)]);
    assert_eq!(
        s.by_service,
        [("EIA".to_string(), 2), ("TECH".to_string(), 1)]
    );
    assert_eq!(s.mean_response_days, Some(1.0));
    assert_eq!(s.mean_completion_days, Some(2.0));
    assert_eq!(s.on_time_rate, Some(1.0));
    assert_eq!(s.satisfaction_rate, Some(1.0));
    assert_eq!(s.reopen_rate, Some(0.0));
    // The 冠县 branch sees the same requests (its region).
    let branch = login(&path, "branch")
        .assistance()
        .stats()
        .expect("branch stats");
    assert_eq!(branch.total, 2);
}
