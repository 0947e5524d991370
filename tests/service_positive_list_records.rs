//! 正面清单 against the bureau's own records (issue 20): criteria read 立案 cases from inspections and
//! incident triggers within the policy period (待核实 only where no source exists, naming it); the
//! enterprise's application carries a note and contact and can be withdrawn while a candidate
//! (audited); home counts respect the notice window; a late objection is marked late; the timeline
//! shows labels, never codes; enterprise accounts never receive internal entries.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::positive_list::{Criterion, Transition, Verdict};
use ecocase::domain::visibility::Visibility;
use ecocase::i18n::Lang;
use ecocase::service::account::auth;
use ecocase::service::positive_list::{Application, TransitionInput};
use ecocase::service::{ServiceError, Session};
use std::path::Path;

fn login_at(path: &Path, user: &str, clock: &TestClock) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

fn reason(r: &str) -> TransitionInput {
    TransitionInput {
        reason: r.into(),
        cause: None,
    }
}

/// An inspection of the enterprise transferred to 立案, with its case, written as the inspection
/// module leaves them (the module's own flow is tested in service_inspection).
fn filed_case(path: &Path, uscc: &str, number: &str, case: &str, approved_on: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO inspection (uid, number, enterprise_id, region_code, category, mode, planned_on,
            state, conclusion, created_at, created_by, updated_at, updated_by)
         SELECT ?1, ?1, id, region_code, 'complaint', 'onsite', ?2, 'case_transferred', 'case',
            '2026-09-01T00:00:00Z', 'u', '2026-09-01T00:00:00Z', 'u' FROM enterprise WHERE uscc = ?3",
        rusqlite::params![number, approved_on, uscc],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO insp_case (uid, inspection_id, case_number, discovered_on, approved_on, handler,
            status, created_at, created_by, updated_at, updated_by)
         SELECT ?1 || '-case', id, ?2, ?3, ?3, '法制科', 'filed', '2026-09-01T00:00:00Z', 'u',
            '2026-09-01T00:00:00Z', 'u' FROM inspection WHERE number = ?1",
        rusqlite::params![number, case, approved_on],
    )
    .unwrap();
    drop(conn);
    audit_fixture(path, "inspection", &format!("number = '{number}'"));
    audit_fixture(path, "insp_case", &format!("uid = '{number}-case'"));
}

fn contact() -> Application {
    Application {
        note: "近两年无处罚，在线监控已联网".into(),
        contact: "李红 0635-8888888".into(),
        offsite: "视频监控".into(),
    }
}

#[test]
fn criteria_read_the_bureaus_own_cases_within_the_policy_period() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 29, 2);
    let staff = login_at(&path, "staff", &clock);
    let e1 = staff.enterprises().by_uscc(E1_USCC).unwrap().id;
    // Nothing recorded: the criterion passes and says where it looked.
    let r = staff.positive_list().evaluate(e1).unwrap();
    assert_eq!(r[0].criterion, Criterion::NoPenalty);
    assert_eq!(r[0].verdict, Verdict::Pass);
    assert_eq!(
        r[0].evidence.render(Lang::Zh),
        "近 2 年本系统无立案处罚记录（来源：执法检查移交立案记录）"
    );
    assert_eq!(r[1].verdict, Verdict::Pass, "no incident recorded");
    // A case older than the policy period does not count; one within it fails the criterion.
    filed_case(
        &path,
        E1_USCC,
        "JC-371525-2024-00001",
        "聊环罚立〔2024〕3号",
        "2024-10-01",
    );
    let r = staff.positive_list().evaluate(e1).unwrap();
    assert_eq!(r[0].verdict, Verdict::Pass);
    filed_case(
        &path,
        E1_USCC,
        "JC-371525-2026-00133",
        "聊环罚立〔2026〕27号",
        "2026-09-16",
    );
    let r = staff.positive_list().evaluate(e1).unwrap();
    assert_eq!(r[0].verdict, Verdict::Fail);
    assert_eq!(
        r[0].evidence.render(Lang::Zh),
        "近 2 年立案处罚 1 起：聊环罚立〔2026〕27号（2026-09-16）"
    );
    // 待核实 remains only where the system has no source, and names it.
    for c in &r {
        if c.verdict == Verdict::Unknown {
            let text = c.evidence.render(Lang::Zh);
            assert!(text.contains("核实") || text.contains("补录"), "{text}");
            assert!(
                !matches!(c.criterion, Criterion::NoPenalty | Criterion::NoIncident),
                "{c:?}"
            );
        }
    }
    // The supervisor cannot start the notice without an override reason.
    let batch = staff
        .positive_list()
        .create_batch("2026年第2批", 2026, "")
        .unwrap();
    let x = staff.positive_list().propose(batch.id, e1, "").unwrap();
    let sup = login_at(&path, "supervisor", &clock);
    let err = sup
        .positive_list()
        .transition(x.id, x.row_version, Transition::StartNotice, &reason(""))
        .unwrap_err();
    assert!(matches!(err, ServiceError::Invalid(ref i) if i[0].code == "override"));
}

#[test]
fn the_enterprise_applies_with_a_note_and_contact_and_withdraws_while_a_candidate() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 29, 2);
    let staff = login_at(&path, "staff", &clock);
    let batch = staff
        .positive_list()
        .create_batch("2026年第2批", 2026, "")
        .unwrap();
    let ent = login_at(&path, "ent", &clock);
    // The contact is required, named in the message.
    let err = ent
        .positive_list()
        .apply(batch.id, &Application::default())
        .unwrap_err();
    let ServiceError::Invalid(issues) = err else {
        panic!("expected field issues")
    };
    assert_eq!(issues[0].field, "contact");
    assert_eq!(issues[0].render(Lang::Zh), "联系人及电话不能为空");
    let x = ent.positive_list().apply(batch.id, &contact()).unwrap();
    assert_eq!(
        (x.apply_note.as_str(), x.apply_contact.as_str()),
        ("近两年无处罚，在线监控已联网", "李红 0635-8888888")
    );
    // The timeline names the step by its label, never the code `applied`.
    let d = ent.positive_list().entry_detail(x.id).unwrap();
    assert_eq!(d.history[0].event, "applied");
    assert_eq!(d.history[0].note, "近两年无处罚，在线监控已联网");
    // Bureau roles may not withdraw the enterprise's application; the enterprise may, while a candidate.
    for who in ["staff", "branch", "inspector", "supervisor"] {
        let s = login_at(&path, who, &clock);
        assert!(
            matches!(
                s.positive_list().withdraw(x.id, x.row_version, ""),
                Err(ServiceError::Forbidden(_))
            ),
            "{who}"
        );
    }
    let w = ent
        .positive_list()
        .withdraw(x.id, x.row_version, "暂缓申请")
        .unwrap();
    assert_eq!(w.state, "rejected");
    assert_eq!(w.removal_cause, "withdrawn");
    assert_eq!(
        staff
            .enterprises()
            .get(x.enterprise_id)
            .unwrap()
            .list_status,
        "none"
    );
    let again = ent.positive_list().withdraw(w.id, w.row_version, "");
    assert!(matches!(again, Err(ServiceError::Refused(_))), "{again:?}");
    // It may apply again at once (no cool-down after a withdrawal).
    ent.positive_list().apply(batch.id, &contact()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let withdrawn: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'pl_entry' AND action = 'withdraw'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(withdrawn, 1, "the withdrawal is audited");
    let sup = login_at(&path, "supervisor", &clock);
    let report = sup.admin().verify_audit_chain().unwrap();
    assert!(report.first_broken.is_none(), "{report:?}");
}

#[test]
fn notice_counts_respect_the_window_and_a_late_objection_is_marked() {
    let (_dir, path) = fresh_db();
    // Monday 2026-11-23: a notice of 5 working days ends on 2026-11-30.
    let clock = TestClock::at(2026, 11, 23, 2);
    let staff = login_at(&path, "staff", &clock);
    let batch = staff
        .positive_list()
        .create_batch("2026年第2批", 2026, "")
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
            &reason("已核实"),
        )
        .unwrap();
    assert_eq!(ecocase::domain::time::day_text(x.notice_end), "2026-11-30");
    let counts = |clock: &TestClock| {
        login_at(&path, "supervisor", clock)
            .positive_list()
            .counts()
            .unwrap()
    };
    let c = counts(&clock);
    assert_eq!((c.notices_ending, c.notices_over), (1, 0));
    // The last day still counts as ending; the day after, the notice is over, not ending.
    clock.set(2026, 11, 30, 2);
    assert_eq!(counts(&clock).notices_ending, 1);
    clock.set(2026, 12, 7, 2);
    let c = counts(&clock);
    assert_eq!((c.notices_ending, c.notices_over), (0, 1));
    // An objection upheld now is marked late in the timeline; its reason is still required.
    let sup = login_at(&path, "supervisor", &clock);
    let d = sup.positive_list().entry_detail(x.id).unwrap();
    assert!(d.notice_over);
    assert!(matches!(
        sup.positive_list().transition(
            x.id,
            x.row_version,
            Transition::UpholdObjection,
            &reason("")
        ),
        Err(ServiceError::Invalid(_))
    ));
    let r = sup
        .positive_list()
        .transition(
            x.id,
            x.row_version,
            Transition::UpholdObjection,
            &reason("群众异议于公示期内寄出，邮戳为证"),
        )
        .unwrap();
    let last = sup.positive_list().entry_detail(r.id).unwrap();
    let h = last.history.last().unwrap();
    assert_eq!(h.event, "late_objection");
    assert_eq!(h.visibility, Visibility::Public);
}
