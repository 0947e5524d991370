//! 帮扶 queues paged in SQL: pages of a queue join up without gaps or repeats; near due and overdue
//! follow the stored alert dates, which follow a change of the budgets; home counts equal the queues.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::assistance::{
    AssistanceState, Channel, Event, EventInput, RequestDraft, Urgency,
};
use ecocase::service::Session;
use ecocase::service::account::auth;
use ecocase::service::assistance::Queue;
use std::path::Path;

fn login_at(path: &Path, user: &str, clock: &TestClock) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

fn request(urgency: Urgency) -> RequestDraft {
    RequestDraft {
        enterprise_id: None,
        services: vec!["EIA".into()],
        description: "环评手续咨询".into(),
        urgency,
        channel: Channel::Phone,
        wished_date: String::new(),
    }
}

fn ids(s: &Session, queue: Queue) -> Vec<i64> {
    s.assistance()
        .queue(queue, 100)
        .unwrap()
        .into_iter()
        .map(|r| r.request.id)
        .collect()
}

#[test]
fn pages_join_up_and_counts_match_the_queues() {
    let (_dir, path) = fresh_db();
    let ent = login(&path, "ent");
    let filed: Vec<i64> = (0..7)
        .map(|_| {
            ent.assistance()
                .file(request(Urgency::Normal), true)
                .unwrap()
                .id
        })
        .collect();
    let staff = login(&path, "staff");
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = staff
            .assistance()
            .queue_page(Queue::State(AssistanceState::Submitted), after.as_ref(), 3)
            .unwrap();
        assert!(page.rows.len() <= 3);
        seen.extend(page.rows.iter().map(|r| r.request.id));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let mut newest_first = filed.clone();
    newest_first.reverse();
    assert_eq!(seen, newest_first, "every row once, newest first");
    let counts = staff.assistance().counts().unwrap();
    assert_eq!(counts.by_state[0], (AssistanceState::Submitted, 7));
    assert_eq!((counts.near_due, counts.overdue), (0, 0));
    // The branch counts its region only; the other region has none.
    let branch = login(&path, "branch");
    assert_eq!(branch.assistance().counts().unwrap().by_state[0].1, 7);
}

/// Filed and assigned on Mon 2026-11-02 as 紧急 (2 working days: due 11-04).
#[test]
fn near_due_and_overdue_follow_the_budgets_when_an_administrator_changes_them() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 2, 2);
    let ent = login_at(&path, "ent", &clock);
    let r = ent
        .assistance()
        .file(request(Urgency::Critical), true)
        .unwrap();
    let other = ent
        .assistance()
        .file(request(Urgency::Normal), true)
        .unwrap();
    let staff = login_at(&path, "staff", &clock);
    let me = staff
        .assistance()
        .handlers(GUAN)
        .unwrap()
        .into_iter()
        .find(|(_, n)| n == "staff")
        .unwrap()
        .0;
    let r = staff
        .assistance()
        .transition(r.id, r.row_version, Event::Accept, EventInput::default())
        .unwrap();
    staff
        .assistance()
        .transition(
            r.id,
            r.row_version,
            Event::Assign,
            EventInput {
                handler: Some(me),
                ..EventInput::default()
            },
        )
        .unwrap();
    // 11-04: both are due today (the critical one to finish, the other to be accepted): near due.
    clock.advance_minutes(2 * 24 * 60);
    let staff = login_at(&path, "staff", &clock);
    assert_eq!(ids(&staff, Queue::NearDue), [r.id, other.id]);
    assert_eq!(ids(&staff, Queue::Overdue), Vec::<i64>::new());
    assert_eq!(staff.assistance().counts().unwrap().near_due, 2);
    clock.advance_minutes(24 * 60);
    let staff = login_at(&path, "staff", &clock);
    assert_eq!(ids(&staff, Queue::Overdue), [r.id, other.id]);
    assert_eq!(ids(&staff, Queue::NearDue), Vec::<i64>::new());
    // Back to 11-04, and 紧急 becomes 1 working day: due 11-03, so overdue now.
    let clock = TestClock::at(2026, 11, 4, 2);
    let mut admin = login_at(&path, "admin", &clock);
    admin
        .set_setting("assist.complete_days.critical", "1")
        .unwrap();
    let staff = login_at(&path, "staff", &clock);
    assert_eq!(ids(&staff, Queue::Overdue), [r.id]);
    assert_eq!(ids(&staff, Queue::NearDue), [other.id]);
    let counts = staff.assistance().counts().unwrap();
    assert_eq!((counts.near_due, counts.overdue), (1, 1));
    // The detail's counted SLA agrees with the queue.
    let sla = staff.assistance().detail(r.id).unwrap().sla.unwrap();
    assert_eq!(sla.due.date.to_string(), "2026-11-03");
}

/// The queue's `/` find narrows it in SQL: part of the request number, the enterprise's name (short
/// and long queries take the two search paths) or its pinyin initials; nothing else matches.
#[test]
fn the_find_narrows_a_queue_by_number_or_enterprise() {
    let (_dir, path) = fresh_db();
    let ent = login(&path, "ent");
    let first = ent
        .assistance()
        .file(request(Urgency::Normal), true)
        .unwrap();
    ent.assistance()
        .file(request(Urgency::Normal), true)
        .unwrap();
    let staff = login(&path, "staff");
    let queue = Queue::State(AssistanceState::Submitted);
    let found = |q: &str| -> Vec<i64> {
        staff
            .assistance()
            .queue_find(queue, q, None, 50)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.request.id)
            .collect()
    };
    assert_eq!(found("").len(), 2);
    let tail = &first.number[first.number.len() - 5..];
    assert_eq!(found(tail), vec![first.id], "by the number's tail {tail}");
    assert_eq!(found(&first.number.to_lowercase()), vec![first.id]);
    let name: String = first.enterprise_name.chars().take(2).collect();
    assert_eq!(found(&name).len(), 2, "two characters of the name: {name}");
    let long: String = first.enterprise_name.chars().take(4).collect();
    assert_eq!(found(&long).len(), 2, "four characters of the name: {long}");
    let initials = ecocase::domain::pinyin::initials(&first.enterprise_name);
    assert_eq!(found(&initials[..3]).len(), 2, "pinyin initials {initials}");
    assert!(found("不存在的企业名").is_empty());
}
