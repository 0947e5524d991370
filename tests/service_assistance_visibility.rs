//! 对企业公开 / 内部 (issue 20): every 帮扶 and 正面清单 history entry is one or the other; reassignment
//! reasons, ratings taken by phone and an admission override are internal by default; bureau staff
//! choose for the notes they write; enterprise accounts never receive an internal entry, from the
//! request screen, the 360° view, the entry screen, or the dossier (facts and the HTML file). Also:
//! the 派单 line names the handler, and filing for a 注销 enterprise is refused while 停产 asks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::assistance::{
    AssistanceState, Channel, Event, EventInput, RequestDraft, Urgency,
};
use ecocase::domain::positive_list::Transition;
use ecocase::domain::visibility::Visibility;
use ecocase::export::Output;
use ecocase::export::dossier::{DossierFormat, write_dossier};
use ecocase::i18n::Lang;
use ecocase::service::positive_list::TransitionInput;
use ecocase::service::{ServiceError, Session};
use ecocase::store::assistance::Request;

const REASSIGN: &str = "李强出差，改由王磊承办";
const INTERNAL_NOTE: &str = "企业负责人态度消极，内部掌握";
const OVERRIDE: &str = "许可证延续已受理，内部同意先行公示";

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

fn go(s: &Session, r: &Request, event: Event, input: EventInput) -> Request {
    s.assistance()
        .transition(r.id, r.row_version, event, input)
        .unwrap_or_else(|e| panic!("{event:?}: {e}"))
}

fn set_status(path: &std::path::Path, uscc: &str, status: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute(
        "UPDATE enterprise SET status = ?1 WHERE uscc = ?2",
        [status, uscc],
    )
    .unwrap();
    drop(conn);
    audit_fixture(path, "enterprise", &format!("uscc = '{uscc}'"));
}

/// A request of E1 assigned, reassigned (internal by default), suspended with a note the staff marked
/// internal, and resumed; plus E1's list entry started despite a failed criterion (internal override).
fn story(path: &std::path::Path) -> Request {
    let sup = login(path, "supervisor");
    let e1 = sup.enterprises().by_uscc(E1_USCC).unwrap().id;
    let r = sup.assistance().file(draft(Some(e1)), true).unwrap();
    let r = go(&sup, &r, Event::Accept, EventInput::default());
    let r = go(
        &sup,
        &r,
        Event::Assign,
        EventInput {
            handler: Some(handler(&sup, "branch")),
            ..EventInput::default()
        },
    );
    let r = go(
        &sup,
        &r,
        Event::Reassign,
        EventInput {
            handler: Some(handler(&sup, "staff")),
            reason: REASSIGN.into(),
            ..EventInput::default()
        },
    );
    let r = go(
        &sup,
        &r,
        Event::Suspend,
        EventInput {
            reason: INTERNAL_NOTE.into(),
            visibility: Some(Visibility::Internal),
            ..EventInput::default()
        },
    );
    let r = go(&sup, &r, Event::Resume, EventInput::default());
    let batch = sup
        .positive_list()
        .create_batch("2026年第2批", 2026, "")
        .unwrap();
    let x = sup.positive_list().propose(batch.id, e1, "").unwrap();
    sup.positive_list()
        .transition(
            x.id,
            x.row_version,
            Transition::StartNotice,
            &TransitionInput {
                reason: OVERRIDE.into(),
                cause: None,
            },
        )
        .unwrap();
    r
}

#[test]
fn the_bureau_sees_every_entry_marked_and_the_assignment_names_the_handler() {
    let (_dir, path) = fresh_db();
    let r = story(&path);
    let staff = login(&path, "staff");
    let d = staff.assistance().detail(r.id).unwrap();
    let lines: Vec<(&str, Visibility)> = d
        .history
        .iter()
        .map(|h| (h.event.as_str(), h.visibility))
        .collect();
    assert_eq!(
        lines,
        [
            ("submit", Visibility::Public),
            ("accept", Visibility::Public),
            ("assign", Visibility::Public),
            ("reassign", Visibility::Internal),
            ("suspend", Visibility::Internal),
            ("resume", Visibility::Public),
        ]
    );
    // 派单 names the handler; 改派 names the new one before its reason.
    assert_eq!(d.history[2].note, "branch");
    assert_eq!(d.history[3].note, format!("staff：{REASSIGN}"));
    assert_eq!(d.request.state, AssistanceState::InProgress);
}

#[test]
fn enterprise_accounts_never_receive_internal_entries() {
    let (dir, path) = fresh_db();
    let r = story(&path);
    let ent = login(&path, "ent");
    let e1 = ent.enterprises().by_uscc(E1_USCC).unwrap().id;
    // The request screen (and the CLI, which reads the same detail).
    let d = ent.assistance().detail(r.id).unwrap();
    assert!(d.history.iter().all(|h| !h.is_internal()));
    let events: Vec<&str> = d.history.iter().map(|h| h.event.as_str()).collect();
    assert_eq!(events, ["submit", "accept", "assign", "resume"]);
    assert!(d.history.iter().all(|h| !h.note.contains("出差")));
    // The list entry screen and the 360° view's list history.
    let x = ent.positive_list().entries_of(e1).unwrap()[0].clone();
    let entry = ent.positive_list().entry_detail(x.id).unwrap();
    assert!(entry.history.iter().all(|h| !h.note.contains("内部同意")));
    assert_eq!(entry.entry.override_reason, "");
    let list = ent.positive_list().history_of(e1).unwrap();
    assert_eq!(list.len(), 1, "the internal start of notice is left out");
    // The dossier: its facts and the file written from them.
    let facts = ent.reports().dossier(e1).unwrap();
    let notes: Vec<&str> = facts
        .requests
        .iter()
        .flat_map(|d| d.history.iter().map(|h| h.note.as_str()))
        .chain(
            facts
                .list_entries
                .iter()
                .flat_map(|d| d.history.iter().map(|h| h.note.as_str())),
        )
        .collect();
    assert!(
        !notes
            .iter()
            .any(|n| n.contains("出差") || n.contains("消极")),
        "{notes:?}"
    );
    let out = dir.path().join("ent.html");
    write_dossier(&ent, e1, DossierFormat::Html, Output::File(&out), Lang::Zh).unwrap();
    let page = std::fs::read_to_string(&out).unwrap();
    for secret in [REASSIGN, INTERNAL_NOTE, OVERRIDE] {
        assert!(!page.contains(secret), "{secret} leaked into the dossier");
    }
    // Staff's dossier of the same enterprise holds them.
    let staff = login(&path, "staff");
    let out = dir.path().join("staff.html");
    write_dossier(
        &staff,
        e1,
        DossierFormat::Html,
        Output::File(&out),
        Lang::Zh,
    )
    .unwrap();
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains(INTERNAL_NOTE) && page.contains(OVERRIDE));
}

#[test]
fn the_enterprises_own_notes_are_public_whatever_it_asks() {
    let (_dir, path) = fresh_db();
    let ent = login(&path, "ent");
    let r = ent.assistance().file(draft(None), true).unwrap();
    let r = go(
        &ent,
        &r,
        Event::Withdraw,
        EventInput {
            reason: "已自行解决".into(),
            visibility: Some(Visibility::Internal),
            ..EventInput::default()
        },
    );
    let d = ent.assistance().detail(r.id).unwrap();
    assert_eq!(d.history.last().unwrap().event, "withdraw");
    assert_eq!(d.history.last().unwrap().visibility, Visibility::Public);
}

#[test]
fn a_closed_enterprise_is_refused_and_a_suspended_one_asks_first() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    let e1 = staff.enterprises().by_uscc(E1_USCC).unwrap().id;
    set_status(&path, E1_USCC, "closed");
    for who in ["staff", "branch"] {
        let s = login(&path, who);
        let err = s.assistance().file(draft(Some(e1)), true).unwrap_err();
        assert_eq!(
            err.render(Lang::Zh),
            format!("{E1_NAME} 已注销，不能提出帮扶请求"),
            "{who}"
        );
        assert!(matches!(
            s.assistance().file_confirmed(draft(Some(e1)), true),
            Err(ServiceError::Refused(_))
        ));
    }
    let ent = login(&path, "ent");
    assert!(matches!(
        ent.assistance().file(draft(None), true),
        Err(ServiceError::Refused(_))
    ));
    set_status(&path, E1_USCC, "suspended");
    let err = staff.assistance().file(draft(Some(e1)), true).unwrap_err();
    let ServiceError::Invalid(issues) = err else {
        panic!("a warning, not a refusal")
    };
    assert!(issues.iter().all(|i| !i.is_error()));
    assert_eq!(issues[0].code, "suspended_enterprise");
    let r = staff
        .assistance()
        .file_confirmed(draft(Some(e1)), true)
        .unwrap();
    assert_eq!(r.state, AssistanceState::Submitted);
    // The picker shows each match's business status.
    let found = staff.assistance().find_enterprises(E1_USCC, 5).unwrap();
    assert_eq!(found[0].status, "suspended");
}
