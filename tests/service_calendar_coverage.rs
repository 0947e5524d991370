//! Calendar coverage: a 帮扶 deadline reaching a year the working-day calendar does not cover carries
//! the warning (detail, queue, export), staff and administrators are told from 1 December, and
//! importing the year moves the stored due date and clears the warning.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::assistance::{Channel, Event, EventInput, RequestDraft, Urgency};
use ecocase::i18n::Lang;
use ecocase::service::Session;
use ecocase::service::account::auth;
use ecocase::service::assistance::Queue;

fn login_at(path: &std::path::Path, user: &str, clock: &TestClock) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

#[test]
fn a_request_accepted_on_20_december_shows_the_warning_until_2027_is_imported() {
    let (_dir, path) = fresh_db();
    // 2026-12-20 10:00 in Beijing (a Sunday).
    let clock = TestClock::at(2026, 12, 20, 2);
    let ent = login_at(&path, "ent", &clock);
    let filed = ent
        .assistance()
        .file(
            RequestDraft {
                enterprise_id: None,
                services: vec!["PERMIT".into()],
                description: "申请排污许可证变更指导".into(),
                urgency: Urgency::Normal,
                channel: Channel::Phone,
                wished_date: String::new(),
            },
            true,
        )
        .expect("filed");
    let branch = login_at(&path, "branch", &clock);
    let r = branch
        .assistance()
        .transition(
            filed.id,
            filed.row_version,
            Event::Accept,
            EventInput::default(),
        )
        .expect("accepted");

    let sla = branch.assistance().detail(r.id).unwrap().sla.expect("sla");
    // Ten weekdays from Sunday 12-20: 2027-01-01 counted as a working day, and said so.
    assert_eq!(sla.due.date.to_string(), "2027-01-01");
    assert_eq!(sla.due.uncovered_years, vec![2027]);
    assert_eq!(
        sla.due.warning().expect("warning").render(Lang::Zh),
        "2027 年工作日历未导入，期限按周一至周五估算"
    );
    let row = branch.assistance().queue(Queue::All, 10).unwrap().remove(0);
    assert_eq!(row.sla.expect("sla").due.short(Lang::Zh), "2027-01-01(估)");
    let staff = login_at(&path, "staff", &clock);
    assert_eq!(staff.next_year_calendar_missing().unwrap(), Some(2027));
    assert_eq!(
        ent.home().unwrap().calendar_missing,
        None,
        "not for enterprises"
    );

    let admin = login_at(&path, "admin", &clock);
    admin
        .admin()
        .import_calendar(
            "date\tkind\tname\n2027-01-01\tholiday\t元旦\n",
            "国办发明电〔2026〕测试",
        )
        .expect("import");
    let branch = login_at(&path, "branch", &clock);
    let sla = branch.assistance().detail(r.id).unwrap().sla.expect("sla");
    assert_eq!(sla.due.date.to_string(), "2027-01-04");
    assert!(sla.due.warning().is_none());
    let row = branch.assistance().queue(Queue::All, 10).unwrap().remove(0);
    assert_eq!(row.sla.expect("sla").due.short(Lang::Zh), "2027-01-04");
    assert_eq!(admin.next_year_calendar_missing().unwrap(), None);
}
