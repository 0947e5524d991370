//! The 点单式帮扶 cells of the permission matrix (docs/permissions.md), walked through the service
//! layer: each role's outcome for reading in and out of region, filing, triage, handling a request
//! assigned to someone else, rating and withdrawing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::assistance::{
    Channel, Event, EventInput, Outcome, Rating, RequestDraft, Urgency,
};
use ecocase::service::{ServiceError, Session};
use ecocase::store::assistance::Request;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Allow,
    /// Refused for the role.
    Forbidden,
    /// Out of scope: reported as not found.
    Hidden,
    /// Allowed for the role, but only the assigned handler may act.
    NotHandler,
}
use Want::*;

fn outcome<T>(r: Result<T, ServiceError>) -> Want {
    match r {
        Ok(_) => Allow,
        Err(ServiceError::Forbidden(_)) => Forbidden,
        Err(ServiceError::NotFound) => Hidden,
        Err(ServiceError::Refused(t)) if t.key == ecocase::i18n::T::ErrAssistNotHandler => {
            NotHandler
        }
        Err(other) => panic!("unexpected error: {other}"),
    }
}

/// user, read in E1's region (冠县), read E2's (东昌府区), file for E1, accept, suspend a request
/// assigned to `branch`, rate, withdraw.
const MATRIX: &[(&str, [Want; 7])] = &[
    (
        "admin",
        [
            Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden,
        ],
    ),
    (
        "staff",
        [Allow, Allow, Allow, Allow, NotHandler, Forbidden, Forbidden],
    ),
    // The branch account is the assigned handler.
    (
        "branch",
        [Allow, Hidden, Allow, Allow, Allow, Forbidden, Forbidden],
    ),
    (
        "inspector",
        [
            Allow, Allow, Forbidden, Forbidden, NotHandler, Forbidden, Forbidden,
        ],
    ),
    (
        "supervisor",
        [Allow, Allow, Allow, Allow, Allow, Forbidden, Forbidden],
    ),
    (
        "ent",
        [Allow, Hidden, Allow, Forbidden, Forbidden, Allow, Allow],
    ),
];

fn draft(enterprise_id: Option<i64>) -> RequestDraft {
    RequestDraft {
        enterprise_id,
        services: vec!["EIA".into()],
        description: "环评手续咨询".into(),
        urgency: Urgency::Normal,
        channel: Channel::Window,
        wished_date: String::new(),
    }
}

/// A request of `enterprise` taken by the supervisor to `until` (an event sequence).
fn prepared(sup: &mut Session, enterprise: i64, handler: i64, until: &[Event]) -> Request {
    let mut r = sup
        .assistance()
        .file(draft(Some(enterprise)), true)
        .expect("filed");
    for event in until {
        let input = EventInput {
            handler: Some(handler),
            opinion: "已办结".into(),
            outcome: Some(Outcome::Solved),
            ..EventInput::default()
        };
        r = sup
            .assistance()
            .transition(r.id, r.row_version, *event, input)
            .expect("prepared");
    }
    r
}

#[test]
fn the_assistance_cells_of_the_matrix() {
    let (_dir, path) = fresh_db();
    let mut sup = login(&path, "supervisor");
    let e1 = sup.enterprises().by_uscc(E1_USCC).expect("e1").id;
    let e2 = sup.enterprises().by_uscc(E2_USCC).expect("e2").id;
    let handler = sup
        .assistance()
        .handlers(GUAN)
        .expect("handlers")
        .into_iter()
        .find(|(_, n)| n == "branch")
        .expect("branch")
        .0;
    let in_guan = prepared(&mut sup, e1, handler, &[]);
    let in_dcf = prepared(&mut sup, e2, handler, &[]);
    for (user, want) in MATRIX {
        let s = login(&path, user);
        let submitted = prepared(&mut sup, e1, handler, &[]);
        let working = prepared(&mut sup, e1, handler, &[Event::Accept, Event::Assign]);
        let done = prepared(
            &mut sup,
            e1,
            handler,
            &[Event::Accept, Event::Assign, Event::Complete],
        );
        let got = [
            outcome(s.assistance().detail(in_guan.id)),
            outcome(s.assistance().detail(in_dcf.id)),
            outcome(s.assistance().file(draft(Some(e1)), true)),
            outcome(s.assistance().transition(
                submitted.id,
                submitted.row_version,
                Event::Accept,
                EventInput::default(),
            )),
            outcome(s.assistance().transition(
                working.id,
                working.row_version,
                Event::Suspend,
                EventInput {
                    reason: "等待材料".into(),
                    ..EventInput::default()
                },
            )),
            outcome(s.assistance().transition(
                done.id,
                done.row_version,
                Event::Rate,
                EventInput {
                    rating: Some(Rating::Satisfied),
                    ..EventInput::default()
                },
            )),
            outcome(s.assistance().transition(
                submitted.id,
                submitted.row_version,
                Event::Withdraw,
                EventInput {
                    reason: "已解决".into(),
                    ..EventInput::default()
                },
            )),
        ];
        assert_eq!(&got, want, "{user}");
    }
}
