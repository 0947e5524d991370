//! The 圆桌座谈 screens driven through `update` with canned service results: open the meetings from the
//! 帮扶 queue, record a meeting in Chinese, add a participant, raise a problem for a participating
//! enterprise, link a request, open a problem's request, Esc back; snapshots at 80x24 in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::account::Role;
use ecocase::domain::assistance::{AssistanceState, Channel, Urgency};
use ecocase::i18n::{Lang, Text};
use ecocase::service::assistance::Queue;
use ecocase::service::assistance::meeting::MeetingDetail;
use ecocase::store::assistance::meeting::{Meeting, Participant, Problem};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::assistance::AssistanceEffect;
use ecocase::tui::screens::assistance::AssistanceMsg;
use ecocase::tui::screens::assistance::meeting::{MeetingDetailData, MeetingListData};
use tui_common::*;

fn snap(app: &App) -> String {
    let (text, cursor) = screen(app, 80, 24);
    match cursor {
        Some((x, y)) => format!("{text}cursor: {x},{y}\n"),
        None => format!("{text}cursor: hidden\n"),
    }
}

fn meeting(id: i64, date: &str, topic: &str) -> Meeting {
    Meeting {
        id,
        uid: format!("m{id}"),
        date: date.parse().expect("day"),
        place: "冠县分局三楼会议室".into(),
        host: "赵伟".into(),
        region_code: "371525".into(),
        topic: topic.into(),
        note: "邀请省环科院专家现场答疑".into(),
        participants: 2,
        problems: 2,
        open_problems: 1,
        created_at: "2026-11-27T02:00:00Z".parse().expect("time"),
        created_by: "uid-branch".into(),
    }
}

fn list_data() -> MeetingListData {
    MeetingListData {
        rows: vec![
            meeting(2, "2026-11-27", "涉VOCs企业治理设施提升座谈"),
            meeting(1, "2026-10-15", "危险废物规范化管理圆桌会"),
        ],
        today: "2026-11-30".into(),
    }
}

fn detail_data(may_record: bool) -> MeetingDetailData {
    MeetingDetailData {
        detail: MeetingDetail {
            meeting: meeting(2, "2026-11-27", "涉VOCs企业治理设施提升座谈"),
            participants: vec![
                Participant {
                    enterprise_id: Some(5),
                    enterprise_name: Some("聊城市东昌府区绿源精细化工科技有限公司".into()),
                    person: "孙丽".into(),
                    role: "环保专员".into(),
                },
                Participant {
                    enterprise_id: None,
                    enterprise_name: None,
                    person: "周教授".into(),
                    role: "省环科院专家".into(),
                },
            ],
            problems: vec![
                Problem {
                    request_id: 31,
                    number: "BF-371525-2026-00031".into(),
                    enterprise_name: "聊城市东昌府区绿源精细化工科技有限公司".into(),
                    description: "活性炭吸附装置更换周期如何确定".into(),
                    state: AssistanceState::InProgress,
                    linked: false,
                },
                Problem {
                    request_id: 12,
                    number: "BF-371525-2026-00012".into(),
                    enterprise_name: "聊城市东昌府区绿源精细化工科技有限公司".into(),
                    description: "除尘设施布袋破损更换指导".into(),
                    state: AssistanceState::Closed,
                    linked: true,
                },
            ],
            may_record,
        },
    }
}

fn branch() -> ecocase::tui::msg::SessionInfo {
    let mut s = session("branch", &[Role::Staff], None);
    s.actor.region = Some("371525".into());
    s
}

/// The branch account on the meetings list, opened from the 帮扶 queue.
fn meetings(lang: Lang) -> App {
    let mut app = logged_in(branch(), lang);
    update(&mut app, key(KeyCode::Char('b')));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue: Queue::State(AssistanceState::Submitted),
            rows: Ok(Vec::new()),
            next: None,
            more: false,
        }),
    );
    let fx = update(&mut app, key(KeyCode::Char('m')));
    assert_eq!(fx, [Effect::Assistance(AssistanceEffect::LoadMeetings)]);
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::MeetingsLoaded(Ok(list_data()))),
    );
    app
}

fn opened(lang: Lang, may_record: bool) -> App {
    let mut app = meetings(lang);
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadMeeting { id: 2 })]
    );
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::MeetingLoaded {
            id: 2,
            data: Ok(detail_data(may_record)),
        }),
    );
    app
}

#[test]
fn recording_a_meeting_sends_the_typed_chinese_fields_and_the_branch_region() {
    let mut app = meetings(Lang::Zh);
    update(&mut app, ctrl('n'));
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(f.fields[0].typed(), "2026-11-30", "dated today");
    assert_eq!(
        f.fields[3].options.len(),
        1,
        "a branch records for its region"
    );
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "冠县政务服务中心");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "赵伟");
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "危废规范化管理座谈");
    let fx = update(&mut app, ctrl('s'));
    let [Effect::Assistance(AssistanceEffect::RecordMeeting(d))] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(d.place, "冠县政务服务中心");
    assert_eq!(d.host, "赵伟");
    assert_eq!(d.region_code, "371525");
    assert_eq!(d.topic, "危废规范化管理座谈");
    assert_eq!(d.date, "2026-11-30");
    // Saved: back on the list, which reloads.
    let fx = update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Ok(Text::new(
            ecocase::i18n::T::MeetingMsgRecorded,
        )
        .arg("topic", "x")))),
    );
    assert!(matches!(app.screen(), Screen::MeetingList(_)));
    assert_eq!(fx, [Effect::Assistance(AssistanceEffect::LoadMeetings)]);
}

#[test]
fn a_city_account_chooses_the_region() {
    let mut app = logged_in(staff(), Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Char('b')));
    assert_eq!(fx.len(), 1);
    update(&mut app, key(KeyCode::Char('m')));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::MeetingsLoaded(Ok(list_data()))),
    );
    update(&mut app, ctrl('n'));
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(f.fields[3].options.len(), regions().len());
}

#[test]
fn participants_problems_and_links_are_added_from_the_meeting() {
    let mut app = opened(Lang::Zh, true);
    // 添加参会人: an enterprise person (the kind comes first); the enterprise is typed as a name,
    // USCC or pinyin initials.
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "绿源");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "王强");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "总经理");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Assistance(AssistanceEffect::MeetingParticipant {
            meeting,
            enterprise_query,
            participant,
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!((*meeting, enterprise_query.as_deref()), (2, Some("绿源")));
    assert!(!participant.guest);
    assert_eq!(
        (participant.person.as_str(), participant.role.as_str()),
        ("王强", "总经理")
    );
    // Refused: the form stays with the reason.
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Err(Text::new(
            ecocase::i18n::T::ErrMeetingNoEnterprise,
        )
        .arg("query", "绿源")))),
    );
    assert!(matches!(app.screen(), Screen::AssistanceForm(_)));
    // Esc on a typed form asks first; confirming goes back to the meeting.
    update(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_some(), "asks before discarding");
    update(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(app.screen(), Screen::AssistanceForm(_)),
        "keeping is the default"
    );
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(app.screen(), Screen::MeetingDetail(_)),
        "{:?}",
        app.screen()
    );
    // 登记问题: the participating enterprises are offered; the service menu is loaded.
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(fx, [Effect::Assistance(AssistanceEffect::LoadServiceMenu)]);
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::ServiceMenuLoaded(Ok(vec![(
            "EIA".into(),
            "环评".into(),
            "EIA".into(),
        )]))),
    );
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(
        f.fields[0].options.len(),
        1,
        "only enterprises that took part"
    );
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "废气排放口规范化设置");
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, ctrl('s'));
    let [Effect::Assistance(AssistanceEffect::MeetingProblem { meeting, draft })] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(*meeting, 2);
    assert_eq!(draft.enterprise_id, Some(5));
    assert_eq!(draft.services, ["EIA"]);
    assert_eq!(draft.description, "废气排放口规范化设置");
    assert_eq!(draft.urgency, Urgency::Urgent);
    assert_eq!(draft.channel, Channel::Roundtable);
    let fx = update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Ok(Text::new(
            ecocase::i18n::T::MeetingMsgProblem,
        )
        .arg("number", "BF")))),
    );
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadMeeting { id: 2 })],
        "the meeting reloads"
    );
    // 关联请求: the number is taken as typed (the field starts empty: no "BF-BF-").
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "BF-371525-2026-00012");
    let fx = update(&mut app, ctrl('s'));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::MeetingLink {
            meeting: 2,
            number: "BF-371525-2026-00012".into()
        })]
    );
}

#[test]
fn a_problem_opens_its_request_and_readers_get_no_actions() {
    let mut app = opened(Lang::Zh, false);
    let Screen::MeetingDetail(m) = app.screen() else {
        panic!("meeting")
    };
    assert!(m.actions().is_empty());
    update(&mut app, key(KeyCode::Down));
    let fx = update(&mut app, key(KeyCode::Char('o')));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadDetail { id: 12 })]
    );
    update(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen(), Screen::MeetingDetail(_)));
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, key(KeyCode::Esc));
    assert!(
        matches!(app.screen(), Screen::AssistanceQueue(_)),
        "back to the queue"
    );
}

#[test]
fn enterprises_are_not_offered_meetings() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    update(&mut app, key(KeyCode::Char('b')));
    let fx = update(&mut app, key(KeyCode::Char('m')));
    assert!(fx.is_empty());
    assert!(matches!(app.screen(), Screen::AssistanceQueue(_)));
    let (text, _) = screen(&app, 80, 24);
    let footer = text.lines().nth(23).unwrap_or_default();
    assert!(!footer.contains("圆桌座谈"), "{footer}");
    assert!(text.contains("无权"), "the refusal is said: {text}");
}

#[test]
fn snapshots() {
    for (lang, suffix) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        insta::assert_snapshot!(format!("meeting_list_{suffix}"), snap(&meetings(lang)));
        insta::assert_snapshot!(
            format!("meeting_detail_{suffix}"),
            snap(&opened(lang, true))
        );
        let mut app = meetings(lang);
        update(&mut app, ctrl('n'));
        update(&mut app, key(KeyCode::Tab));
        type_text(&mut app, "冠县政务服务中心");
        insta::assert_snapshot!(format!("meeting_form_{suffix}"), snap(&app));
    }
}

#[test]
fn a_guest_is_chosen_explicitly_and_a_picked_enterprise_is_kept() {
    let mut app = opened(Lang::Zh, true);
    // 局内/专家: the kind says so; no enterprise is sent, whatever was typed.
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "绿源");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "周教授");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Assistance(AssistanceEffect::MeetingParticipant {
            enterprise_query,
            participant,
            ..
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert!(participant.guest);
    assert_eq!(
        (participant.enterprise_id, enterprise_query.as_deref()),
        (None, None)
    );
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Ok(Text::new(
            ecocase::i18n::T::MeetingMsgParticipant,
        )
        .arg("person", "周教授")))),
    );
    // An enterprise person picked from the matches (with its status) is sent with its id.
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Tab));
    let fx = type_text(&mut app, "xrhg");
    let Some(Effect::Debounce { token, .. }) = fx.last().cloned() else {
        panic!("{fx:?}")
    };
    update(&mut app, Msg::Debounced(token));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::EnterprisesFound {
            token,
            rows: Ok(vec![ecocase::tui::widgets::picker::EnterpriseMatch {
                id: 9,
                name: "聊城市鑫润化工有限公司".into(),
                uscc: "9137150204601036XX".into(),
                status: "operating".into(),
            }]),
        }),
    );
    let (text, _) = screen(&app, 80, 24);
    assert!(
        text.contains("(*) 聊城市鑫润化工有限公司  9137150204601036XX  在营"),
        "{text}"
    );
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "唐辉刚");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Assistance(AssistanceEffect::MeetingParticipant {
            enterprise_query,
            participant,
            ..
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert!(!participant.guest);
    assert_eq!(
        (participant.enterprise_id, enterprise_query.as_deref()),
        (Some(9), None)
    );
}
