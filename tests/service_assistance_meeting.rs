//! 企业圆桌座谈 through the service layer: recording a meeting, its participants and problems (new
//! requests with channel 圆桌座谈, or links to requests already filed), the problems' states as the
//! requests move on, the audit trail, and the permission cells of docs/permissions.md.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::assistance::meeting::{MeetingDraft, ParticipantDraft};
use ecocase::domain::assistance::{
    AssistanceState, Channel, Event, EventInput, RequestDraft, Urgency,
};
use ecocase::service::ServiceError;

fn meeting(region: &str) -> MeetingDraft {
    MeetingDraft {
        date: "2026-11-27".into(),
        place: "冠县分局三楼会议室".into(),
        host: "王建国".into(),
        region_code: region.into(),
        topic: "涉VOCs企业治理设施提升座谈".into(),
        note: "邀请省厅专家两名".into(),
    }
}

fn problem(enterprise_id: i64) -> RequestDraft {
    RequestDraft {
        enterprise_id: Some(enterprise_id),
        services: vec!["EIA".into()],
        description: "活性炭更换周期不清楚".into(),
        urgency: Urgency::Urgent,
        channel: Channel::Phone,
        wished_date: String::new(),
    }
}

#[test]
fn a_meeting_records_participants_and_problems_and_shows_their_state() {
    let (_dir, path) = fresh_db();
    let branch = login(&path, "branch");
    let e1 = branch.enterprises().by_uscc(E1_USCC).unwrap().id;
    // A branch account's meeting is in its own region even when none is given.
    let m = branch.assistance().record_meeting(meeting("")).unwrap();
    assert_eq!(m.region_code, GUAN);
    branch
        .assistance()
        .add_participant(
            m.id,
            ParticipantDraft {
                enterprise_id: Some(e1),
                guest: false,
                person: "李红".into(),
                role: "环保专员".into(),
            },
        )
        .unwrap();
    branch
        .assistance()
        .add_participant(
            m.id,
            ParticipantDraft {
                enterprise_id: None,
                guest: true,
                person: "张教授".into(),
                role: "省厅专家".into(),
            },
        )
        .unwrap();
    // A new problem becomes a submitted request whose channel is 圆桌座谈, whatever the draft said.
    let raised = branch
        .assistance()
        .raise_problem(m.id, problem(e1))
        .unwrap();
    assert_eq!(raised.channel, Channel::Roundtable);
    assert_eq!(raised.state, AssistanceState::Submitted);
    assert!(raised.number.starts_with("BF-371525-2026-"));
    // An existing request is linked once.
    let filed = branch.assistance().file(problem(e1), true).unwrap();
    branch
        .assistance()
        .link_request(m.id, &filed.number)
        .unwrap();
    let again = branch.assistance().link_request(m.id, &filed.number);
    assert!(matches!(again, Err(ServiceError::Refused(_))), "{again:?}");
    let unknown = branch
        .assistance()
        .link_request(m.id, "BF-371525-2026-99999");
    assert!(matches!(unknown, Err(ServiceError::Invalid(ref i)) if i[0].field == "number"));
    // The request moves on; the meeting shows its state as it is now.
    branch
        .assistance()
        .transition(
            raised.id,
            raised.row_version,
            Event::Accept,
            EventInput::default(),
        )
        .unwrap();
    let d = branch.assistance().meeting_detail(m.id).unwrap();
    assert!(d.may_record);
    assert_eq!(d.meeting.participants, 2);
    assert_eq!(d.meeting.problems, 2);
    assert_eq!(d.meeting.open_problems, 2);
    assert_eq!(d.participants[0].enterprise_name.as_deref(), Some(E1_NAME));
    assert_eq!(d.participants[1].enterprise_name, None);
    let states: Vec<(String, AssistanceState, bool)> = d
        .problems
        .iter()
        .map(|p| (p.number.clone(), p.state, p.linked))
        .collect();
    assert_eq!(
        states,
        vec![
            (raised.number.clone(), AssistanceState::Accepted, false),
            (filed.number.clone(), AssistanceState::Submitted, true),
        ]
    );
    // Withdrawn by the enterprise: the meeting counts one problem still open.
    let ent = login(&path, "ent");
    ent.assistance()
        .transition(
            filed.id,
            filed.row_version,
            Event::Withdraw,
            EventInput {
                reason: "已自行解决".into(),
                ..EventInput::default()
            },
        )
        .unwrap();
    assert_eq!(branch.assistance().meeting(m.id).unwrap().open_problems, 1);
    // Every write is in the audit chain, and the chain verifies.
    let sup = login(&path, "supervisor");
    let report = sup.admin().verify_audit_chain().unwrap();
    assert!(report.first_broken.is_none(), "{report:?}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let actions: Vec<String> = conn
        .prepare("SELECT action FROM audit_log WHERE entity = 'assist_meeting' ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        actions,
        ["create", "participant", "participant", "problem", "problem"]
    );
}

#[test]
fn bad_meeting_input_is_refused_with_the_field_named() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    let err = staff
        .assistance()
        .record_meeting(MeetingDraft {
            date: "2026-12-05".into(),
            region_code: "999999".into(),
            ..meeting("")
        })
        .unwrap_err();
    let ServiceError::Invalid(issues) = err else {
        panic!("expected field issues")
    };
    let fields: Vec<&str> = issues.iter().map(|i| i.field).collect();
    assert_eq!(fields, ["date", "region"]);
    // A city account must say which region's meeting it is.
    let err = staff.assistance().record_meeting(meeting("")).unwrap_err();
    assert!(matches!(err, ServiceError::Invalid(ref i) if i[0].field == "region"));
    assert!(staff.assistance().meetings(10).unwrap().is_empty());
}

#[derive(Debug, PartialEq, Eq)]
enum Want {
    Allow,
    Forbidden,
    Hidden,
}
use Want::*;

fn outcome<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> Want {
    match r {
        Ok(_) => Allow,
        Err(ServiceError::Forbidden(_)) => Forbidden,
        Err(ServiceError::NotFound) => Hidden,
        Err(other) => panic!("unexpected error: {other:?}"),
    }
}

/// user: record in 冠县, read the 冠县 meeting, read the 东昌府区 meeting, add a participant to the
/// 东昌府区 meeting, raise a problem at the 冠县 meeting.
#[test]
fn the_round_table_cells_of_the_matrix() {
    let (_dir, path) = fresh_db();
    let sup = login(&path, "supervisor");
    let e1 = sup.enterprises().by_uscc(E1_USCC).unwrap().id;
    let guan = sup.assistance().record_meeting(meeting(GUAN)).unwrap();
    // Problems are raised by an enterprise that took part.
    sup.assistance()
        .add_participant(
            guan.id,
            ParticipantDraft {
                enterprise_id: Some(e1),
                person: "李红".into(),
                ..ParticipantDraft::default()
            },
        )
        .unwrap();
    let dcf = sup
        .assistance()
        .record_meeting(meeting(DONGCHANGFU))
        .unwrap();
    let matrix: &[(&str, [Want; 5])] = &[
        (
            "admin",
            [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        ("staff", [Allow, Allow, Allow, Allow, Allow]),
        ("branch", [Allow, Allow, Hidden, Hidden, Allow]),
        ("inspector", [Forbidden, Allow, Allow, Forbidden, Forbidden]),
        ("supervisor", [Allow, Allow, Allow, Allow, Allow]),
        (
            "ent",
            [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
    ];
    for (user, want) in matrix {
        let s = login(&path, user);
        let got = [
            outcome(s.assistance().record_meeting(meeting(GUAN))),
            outcome(s.assistance().meeting_detail(guan.id)),
            outcome(s.assistance().meeting_detail(dcf.id)),
            outcome(s.assistance().add_participant(
                dcf.id,
                ParticipantDraft {
                    enterprise_id: None,
                    guest: true,
                    person: format!("赵科长（{user}）"),
                    role: String::new(),
                },
            )),
            outcome(s.assistance().raise_problem(guan.id, problem(e1))),
        ];
        assert_eq!(&got, want, "{user}");
    }
}

#[test]
fn branch_lists_only_its_region_and_the_picker_search_finds_by_initials() {
    let (_dir, path) = fresh_db();
    let sup = login(&path, "supervisor");
    sup.assistance().record_meeting(meeting(GUAN)).unwrap();
    sup.assistance()
        .record_meeting(MeetingDraft {
            date: "2026-11-28".into(),
            ..meeting(DONGCHANGFU)
        })
        .unwrap();
    let all: Vec<String> = sup
        .assistance()
        .meetings(10)
        .unwrap()
        .into_iter()
        .map(|m| m.region_code)
        .collect();
    assert_eq!(all, [DONGCHANGFU, GUAN], "newest meeting first");
    let branch = login(&path, "branch");
    let own: Vec<String> = branch
        .assistance()
        .meetings(10)
        .unwrap()
        .into_iter()
        .map(|m| m.region_code)
        .collect();
    assert_eq!(own, [GUAN]);
    let found: Vec<String> = sup
        .assistance()
        .find_enterprises("gxxh", 5)
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(found, [E1_NAME]);
    // The branch's search never reaches another region's enterprise.
    assert!(
        branch
            .assistance()
            .find_enterprises("绿源", 5)
            .unwrap()
            .is_empty()
    );
}

fn person(enterprise_id: Option<i64>, name: &str) -> ParticipantDraft {
    ParticipantDraft {
        enterprise_id,
        guest: enterprise_id.is_none(),
        person: name.into(),
        role: "环保负责人".into(),
    }
}

#[test]
fn participants_carry_their_enterprise_or_are_guests_and_are_listed_once() {
    let (_dir, path) = fresh_db();
    let branch = login(&path, "branch");
    let e1 = branch.enterprises().by_uscc(E1_USCC).unwrap().id;
    let m = branch.assistance().record_meeting(meeting("")).unwrap();
    // Neither an enterprise nor marked a guest: refused, naming the field and the fix.
    let err = branch
        .assistance()
        .add_participant(
            m.id,
            ParticipantDraft {
                person: "唐辉刚".into(),
                ..ParticipantDraft::default()
            },
        )
        .unwrap_err();
    let ServiceError::Invalid(issues) = err else {
        panic!("field issues")
    };
    assert_eq!(issues[0].field, "enterprise");
    // Found by pinyin initials, the participant keeps its enterprise.
    let found = branch.assistance().resolve_enterprise("gxxh").unwrap();
    assert_eq!(found.map(|e| e.id), Some(e1));
    branch
        .assistance()
        .add_participant(m.id, person(Some(e1), "唐辉刚"))
        .unwrap();
    let again = branch
        .assistance()
        .add_participant(m.id, person(Some(e1), "唐辉刚"));
    assert!(
        matches!(&again, Err(ServiceError::Refused(t)) if t.render(ecocase::i18n::Lang::Zh) == "唐辉刚 已在本次座谈的参会名单中"),
        "{again:?}"
    );
    branch
        .assistance()
        .add_participant(m.id, person(None, "张教授"))
        .unwrap();
    let d = branch.assistance().meeting_detail(m.id).unwrap();
    let who: Vec<(Option<&str>, &str)> = d
        .participants
        .iter()
        .map(|p| (p.enterprise_name.as_deref(), p.person.as_str()))
        .collect();
    assert_eq!(who, [(Some(E1_NAME), "唐辉刚"), (None, "张教授")]);
}

#[test]
fn problems_come_from_participants_and_links_check_region_participation_and_earlier_links() {
    let (_dir, path) = fresh_db();
    let sup = login(&path, "supervisor");
    let e1 = sup.enterprises().by_uscc(E1_USCC).unwrap().id;
    let e2 = sup.enterprises().by_uscc(E2_USCC).unwrap().id;
    let guan = sup.assistance().record_meeting(meeting(GUAN)).unwrap();
    let dcf = sup
        .assistance()
        .record_meeting(meeting(DONGCHANGFU))
        .unwrap();
    // No participant yet: a problem of E1 is refused at the service, not only on screen.
    let err = sup
        .assistance()
        .raise_problem(guan.id, problem(e1))
        .unwrap_err();
    assert!(matches!(err, ServiceError::Invalid(ref i) if i[0].field == "enterprise"));
    sup.assistance()
        .add_participant(guan.id, person(Some(e1), "李红"))
        .unwrap();
    let raised = sup
        .assistance()
        .raise_problem(guan.id, problem(e1))
        .unwrap();
    // A 冠县 request, already a problem of the 冠县 meeting, is not linked to the 东昌府区 one.
    sup.assistance()
        .add_participant(dcf.id, person(Some(e2), "王强"))
        .unwrap();
    let err = sup
        .assistance()
        .link_request(dcf.id, &raised.number)
        .unwrap_err();
    assert_eq!(
        err.render(ecocase::i18n::Lang::Zh),
        format!("{} 属于冠县，不能关联到东昌府区的座谈", raised.number)
    );
    // Another 冠县 meeting: the request is already a problem of the first one.
    let second = sup
        .assistance()
        .record_meeting(MeetingDraft {
            date: "2026-11-28".into(),
            ..meeting(GUAN)
        })
        .unwrap();
    sup.assistance()
        .add_participant(second.id, person(Some(e1), "李红"))
        .unwrap();
    let err = sup
        .assistance()
        .link_request(second.id, &raised.number)
        .unwrap_err();
    assert!(
        err.render(ecocase::i18n::Lang::Zh)
            .contains("已是 2026-11-27"),
        "{err:?}"
    );
    // An enterprise that did not take part: its request is not linked.
    let e2_request = sup.assistance().file(problem(e2), true).unwrap();
    let err = sup
        .assistance()
        .link_request(guan.id, &e2_request.number)
        .unwrap_err();
    assert!(matches!(err, ServiceError::Refused(_)), "{err:?}");
    // The number as typed: without its prefix, or with it typed twice.
    let filed = sup.assistance().file(problem(e1), true).unwrap();
    let bare = filed.number.trim_start_matches("BF-").to_string();
    let linked = sup.assistance().link_request(guan.id, &bare).unwrap();
    assert_eq!(linked.number, filed.number);
    let filed2 = sup.assistance().file(problem(e1), true).unwrap();
    let twice = format!("BF-{}", filed2.number);
    assert_eq!(
        sup.assistance()
            .link_request(guan.id, &twice)
            .unwrap()
            .number,
        filed2.number
    );
    let d = sup.assistance().meeting_detail(guan.id).unwrap();
    assert_eq!(d.problems.len(), 3);
}
