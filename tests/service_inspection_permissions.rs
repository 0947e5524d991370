//! 执法检查 and 双随机 permissions: every role x action cell of the inspection actions through
//! `authorize`, and the scoping the service adds: enterprise accounts see only their own inspections once
//! started and their own rectification orders, never a draw; branch accounts only their region.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::account::{Action, Actor, Role, Target, authorize};
use ecocase::domain::inspection::{Category, Event, EventInput, InspectionState, Mode};
use ecocase::service::ServiceError;
use ecocase::service::inspection::PlanInput;
use ecocase::service::inspection::draw::PlanDraft;
use ecocase::store::inspection::ListFilter;
use inspect_common::*;

fn actor(role: Role) -> Actor {
    Actor {
        user_id: 1,
        uid: "u".into(),
        username: "u".into(),
        display_name: "u".into(),
        roles: vec![role],
        region: None,
        enterprise_id: (role == Role::Enterprise).then_some(7),
    }
}

#[test]
fn every_role_action_cell() {
    use Role::*;
    let actions = [
        Action::InspectionRead,
        Action::InspectionPlan,
        Action::InspectionRecord,
        Action::InspectionApprove,
        Action::RectifyReport,
        Action::DrawRead,
        Action::DrawManage,
    ];
    // Rows: Enterprise, Staff, Inspector, Supervisor, Admin.
    let table: [(Role, [bool; 7]); 5] = [
        (Enterprise, [true, false, false, false, true, false, false]),
        (Staff, [true, false, false, false, false, true, false]),
        (Inspector, [true, true, true, false, false, true, false]),
        (Supervisor, [true, true, true, true, false, true, true]),
        (Admin, [false, false, false, false, false, false, false]),
    ];
    for (role, row) in table {
        for (action, allowed) in actions.iter().zip(row) {
            let got = authorize(&actor(role), *action, Target::record("371525", 7)).is_ok();
            assert_eq!(got, allowed, "{role:?} {action:?}");
        }
    }
}

#[test]
fn enterprises_see_only_their_own_started_inspections_and_no_draws() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 6, 1, 2);
    let (i1, i2, _) = officers(&path, &clock);
    let s = login_at(&path, "inspector", &clock);
    let e1 = enterprise_id(&s, E1_USCC);
    let e2 = enterprise_id(&s, E2_USCC);
    let plan = |e: i64| PlanInput {
        enterprise_id: e,
        category: Category::Planned,
        mode: Mode::Onsite,
        trigger_ref: String::new(),
        place: String::new(),
        planned_on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        officers: vec![i1, i2],
        recusal_reason: String::new(),
        guard: None,
    };
    let own = s.inspections().plan(&plan(e1)).unwrap();
    let other = s.inspections().plan(&plan(e2)).unwrap();
    let other = s
        .inspections()
        .transition(
            other.id,
            other.row_version,
            Event::Start,
            &EventInput::default(),
        )
        .unwrap();

    let ent = login_at(&path, "ent", &clock);
    // Pending: not visible before it starts, not in the list, not counted.
    assert!(matches!(
        ent.inspections().get(own.id),
        Err(ServiceError::NotFound)
    ));
    assert!(
        ent.inspections()
            .page(&ListFilter::default(), None, 50)
            .unwrap()
            .is_empty()
    );
    assert_eq!(ent.inspections().count(&ListFilter::default()).unwrap(), 0);
    // Another enterprise's started inspection: "not found", never "forbidden".
    assert!(matches!(
        ent.inspections().get(other.id),
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        ent.inspections().detail(other.id),
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        ent.draws().list(),
        Err(ServiceError::Forbidden(_))
    ));
    assert!(matches!(
        ent.draws().detail(1),
        Err(ServiceError::Forbidden(_))
    ));
    // Once started, its own is visible, without actions.
    let own = s
        .inspections()
        .transition(
            own.id,
            own.row_version,
            Event::Start,
            &EventInput::default(),
        )
        .unwrap();
    let seen = ent.inspections().detail(own.id).unwrap();
    assert_eq!(seen.inspection.state, InspectionState::InProgress);
    assert!(seen.events.is_empty() && !seen.may_record);
    let listed = ent
        .inspections()
        .page(&ListFilter::default(), None, 50)
        .unwrap();
    assert_eq!(
        listed.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![own.id]
    );
    // Asking for another enterprise by filter still shows only its own.
    let f = ListFilter {
        enterprise_id: Some(e2),
        ..ListFilter::default()
    };
    assert!(
        ent.inspections()
            .page(&f, None, 50)
            .unwrap()
            .iter()
            .all(|x| x.enterprise_id == e1)
    );
}

#[test]
fn roles_and_regions_limit_what_each_account_does() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 6, 1, 2);
    let (i1, i2, _) = officers(&path, &clock);
    let s = login_at(&path, "inspector", &clock);
    let e2 = enterprise_id(&s, E2_USCC);
    let x = s
        .inspections()
        .plan(&PlanInput {
            enterprise_id: e2,
            category: Category::Planned,
            mode: Mode::Onsite,
            trigger_ref: String::new(),
            place: String::new(),
            planned_on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            officers: vec![i1, i2],
            recusal_reason: String::new(),
            guard: None,
        })
        .unwrap();
    // Staff read but do not plan or record; branch staff (冠县) do not see 东昌府 records.
    let staff = login_at(&path, "staff", &clock);
    assert!(staff.inspections().get(x.id).is_ok());
    assert!(matches!(
        staff
            .inspections()
            .transition(x.id, x.row_version, Event::Start, &EventInput::default()),
        Err(ServiceError::Forbidden(_))
    ));
    let branch = login_at(&path, "branch", &clock);
    assert!(matches!(
        branch.inspections().get(x.id),
        Err(ServiceError::NotFound)
    ));
    assert_eq!(
        branch.inspections().count(&ListFilter::default()).unwrap(),
        0
    );
    // Inspectors do not cancel; supervisors do, with a reason.
    assert!(
        s.inspections()
            .transition(
                x.id,
                x.row_version,
                Event::Cancel,
                &EventInput {
                    reason: "企业停产".into(),
                    ..EventInput::default()
                }
            )
            .is_err()
    );
    let sup = login_at(&path, "supervisor", &clock);
    let cancelled = sup
        .inspections()
        .transition(
            x.id,
            x.row_version,
            Event::Cancel,
            &EventInput {
                reason: "企业停产".into(),
                ..EventInput::default()
            },
        )
        .unwrap();
    assert_eq!(cancelled.state, InspectionState::Cancelled);
    // Inspectors do not run draws.
    assert!(matches!(
        s.draws().create_plan(&PlanDraft {
            name: "x".into(),
            regions: vec![],
            class: "all".into(),
            ratio_pct: 10,
            count: 0,
            listed_offsite: Some(true),
            planned_on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        }),
        Err(ServiceError::Forbidden(_))
    ));
    // A stale row version is a conflict.
    let sup2 = login_at(&path, "supervisor", &clock);
    assert!(matches!(
        sup2.inspections()
            .transition(x.id, x.row_version, Event::Archive, &EventInput::default()),
        Err(ServiceError::Conflict { .. })
    ));
}
