//! Staff workflows through the service layer: reassigning the handler with a reason (audited), more
//! than one co-handler, a rating taken by phone on the enterprise's behalf, and filing for an
//! enterprise found by name or pinyin initials.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::assistance::{
    AssistanceState, Channel, Event, EventInput, Outcome, Rating, RequestDraft, Urgency,
};
use ecocase::service::{ServiceError, Session};
use ecocase::store::assistance::Request;

fn draft(enterprise_id: Option<i64>) -> RequestDraft {
    RequestDraft {
        enterprise_id,
        services: vec!["EIA".into()],
        description: "环评手续咨询".into(),
        urgency: Urgency::Normal,
        channel: Channel::Phone,
        wished_date: String::new(),
    }
}

fn handler(s: &Session, name: &str) -> i64 {
    s.assistance()
        .handlers(GUAN)
        .unwrap()
        .into_iter()
        .find(|(_, n)| n == name)
        .unwrap()
        .0
}

fn go(
    s: &mut Session,
    r: &Request,
    event: Event,
    input: EventInput,
) -> Result<Request, ServiceError> {
    s.assistance().transition(r.id, r.row_version, event, input)
}

/// Filed for E1, accepted and assigned to `branch` with `staff` and `inspector` as co-handlers.
fn assigned(sup: &mut Session) -> Request {
    let e1 = sup.enterprises().by_uscc(E1_USCC).unwrap().id;
    let r = sup.assistance().file(draft(Some(e1)), true).unwrap();
    let r = go(sup, &r, Event::Accept, EventInput::default()).unwrap();
    let (branch, staff, inspector) = (
        handler(sup, "branch"),
        handler(sup, "staff"),
        handler(sup, "inspector"),
    );
    go(
        sup,
        &r,
        Event::Assign,
        EventInput {
            handler: Some(branch),
            cohandlers: vec![staff, inspector],
            ..EventInput::default()
        },
    )
    .unwrap()
}

#[test]
fn several_co_handlers_each_may_handle_and_reassigning_needs_a_reason() {
    let (_dir, path) = fresh_db();
    let mut sup = login(&path, "supervisor");
    let r = assigned(&mut sup);
    let d = sup.assistance().detail(r.id).unwrap();
    let names: Vec<&str> = d.cohandlers.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["staff", "inspector"]);
    // The inspector, a co-handler, may suspend.
    let mut inspector = login(&path, "inspector");
    let r = go(
        &mut inspector,
        &r,
        Event::Suspend,
        EventInput {
            reason: "等待检测报告".into(),
            ..EventInput::default()
        },
    )
    .unwrap();
    // Reassigning: the reason is required; the inspector may not (triage is staff's).
    let staff_id = handler(&sup, "staff");
    let to_staff = EventInput {
        handler: Some(staff_id),
        cohandlers: vec![],
        ..EventInput::default()
    };
    let err = go(&mut sup, &r, Event::Reassign, to_staff.clone()).unwrap_err();
    assert!(
        matches!(err, ServiceError::Invalid(ref i) if i[0].field == "reason"),
        "{err:?}"
    );
    assert!(matches!(
        go(
            &mut inspector,
            &r,
            Event::Reassign,
            EventInput {
                reason: "x".into(),
                ..to_staff.clone()
            }
        ),
        Err(ServiceError::Forbidden(_))
    ));
    let r = go(
        &mut sup,
        &r,
        Event::Reassign,
        EventInput {
            reason: "原承办人外出培训".into(),
            ..to_staff
        },
    )
    .unwrap();
    assert_eq!(
        r.state,
        AssistanceState::Suspended,
        "the state and clock stay"
    );
    assert_eq!(r.handler_id, Some(staff_id));
    let d = sup.assistance().detail(r.id).unwrap();
    assert!(d.cohandlers.is_empty());
    let last = d.history.last().unwrap();
    // The line names who handles it now; the reason is internal by default.
    assert_eq!(last.event, "reassign");
    assert!(last.note.ends_with("：原承办人外出培训"), "{}", last.note);
    assert!(last.is_internal());
    // The inspector is no longer on it.
    assert!(go(&mut inspector, &r, Event::Resume, EventInput::default()).is_err());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let audited: String = conn
        .query_row(
            "SELECT after_json FROM audit_log WHERE entity = 'assist_request' ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        audited.contains(&format!("\"handler_id\":{staff_id}")),
        "{audited}"
    );
    // The handler ticked as a co-handler too is kept once, as the handler.
    let inspector_id = handler(&sup, "inspector");
    go(
        &mut sup,
        &r,
        Event::Reassign,
        EventInput {
            handler: Some(staff_id),
            cohandlers: vec![staff_id, inspector_id],
            reason: "增加协办".into(),
            ..EventInput::default()
        },
    )
    .unwrap();
    let names: Vec<String> = sup
        .assistance()
        .detail(r.id)
        .unwrap()
        .cohandlers
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(names, ["inspector"]);
}

#[test]
fn staff_record_a_rating_given_by_phone_and_a_poor_one_reopens() {
    let (_dir, path) = fresh_db();
    let mut sup = login(&path, "supervisor");
    let r = assigned(&mut sup);
    let r = go(
        &mut sup,
        &r,
        Event::Complete,
        EventInput {
            opinion: "已现场指导".into(),
            outcome: Some(Outcome::Solved),
            ..EventInput::default()
        },
    )
    .unwrap();
    let mut staff = login(&path, "staff");
    let poor = EventInput {
        rating: Some(Rating::Dissatisfied),
        comment: "电话回访：企业认为未解决".into(),
        ..EventInput::default()
    };
    let err = go(&mut staff, &r, Event::PhoneRate, poor.clone()).unwrap_err();
    assert!(matches!(err, ServiceError::Invalid(ref i) if i[0].field == "revisit"));
    let r = go(
        &mut staff,
        &r,
        Event::PhoneRate,
        EventInput {
            revisit: "约定下周再次上门".into(),
            ..poor
        },
    )
    .unwrap();
    assert_eq!((r.state, r.reopen_count), (AssistanceState::InProgress, 1));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (channel, by): (String, String) = conn
        .query_row(
            "SELECT e.channel, u.username FROM assist_evaluation e JOIN user u ON u.uid = e.by_uid
             WHERE e.request_id = ?1",
            [r.id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!((channel.as_str(), by.as_str()), ("phone", "staff"));
    // Enterprises rate themselves: the phone event is not theirs.
    let mut ent = login(&path, "ent");
    assert!(matches!(
        go(&mut ent, &r, Event::PhoneRate, EventInput::default()),
        Err(ServiceError::Forbidden(_))
    ));
}

#[test]
fn the_enterprise_is_found_by_name_or_initials_and_an_ambiguous_query_is_refused() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    assert_eq!(
        staff
            .assistance()
            .resolve_enterprise("gxxh")
            .unwrap()
            .unwrap()
            .name,
        E1_NAME
    );
    assert_eq!(
        staff
            .assistance()
            .resolve_enterprise(E2_NAME)
            .unwrap()
            .unwrap()
            .name,
        E2_NAME
    );
    assert_eq!(staff.assistance().resolve_enterprise(" ").unwrap(), None);
    let err = staff
        .assistance()
        .resolve_enterprise("有限公司")
        .unwrap_err();
    let ServiceError::Invalid(issues) = err else {
        panic!("field issue")
    };
    assert_eq!(issues[0].field, "enterprise");
    assert_eq!(
        issues[0].text.render(ecocase::i18n::Lang::Zh),
        "“有限公司”匹配 2 家企业：请输入更完整的名称或信用代码"
    );
    // The branch's search stays in its region.
    let branch = login(&path, "branch");
    assert!(branch.assistance().resolve_enterprise(E2_NAME).is_err());
}
