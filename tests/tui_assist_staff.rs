//! Staff workflows on the 帮扶 screens through `update`: reassigning with a reason and several
//! co-handlers, a rating recorded by phone, filing for an enterprise typed by name, and editing a
//! form field in the middle of its text (Left/Right move the cursor, typing inserts there). Snapshot
//! of the reassignment form at 80x24 in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::assistance::{AssistanceState, Channel, Event, Rating, Urgency};
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::assistance::{Queue, QueueRow, RequestDetail};
use ecocase::store::assistance::Request;
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::assistance::AssistanceDetailData;
use ecocase::tui::screens::assistance::AssistanceEffect;
use ecocase::tui::screens::assistance::AssistanceMsg;
use ecocase::tui::widgets::picker::EnterpriseMatch;
use tui_common::*;

fn request(state: AssistanceState) -> Request {
    Request {
        id: 2,
        uid: "r2".into(),
        number: "BF-371525-2026-00002".into(),
        enterprise_id: 1,
        enterprise_name: "冠县东盛木业有限公司".into(),
        region_code: "371525".into(),
        channel: Channel::Phone,
        urgency: Urgency::Normal,
        wished_date: None,
        description: "除尘设施布袋破损更换指导".into(),
        state,
        handler_id: Some(11),
        handler_name: Some("李强".into()),
        outcome: None,
        closing_opinion: String::new(),
        close_kind: None,
        close_reason: String::new(),
        rating: None,
        reopen_count: 0,
        submitted_at: Some("2026-11-24T02:00:00Z".parse().expect("time")),
        accepted_at: Some("2026-11-24T03:00:00Z".parse().expect("time")),
        assigned_at: Some("2026-11-24T03:00:00Z".parse().expect("time")),
        clock_started_at: Some("2026-11-24T03:00:00Z".parse().expect("time")),
        completed_at: None,
        closed_at: None,
        row_version: 5,
        created_at: "2026-11-24T02:00:00Z".parse().expect("time"),
        created_by: "u".into(),
    }
}

fn opened(lang: Lang, state: AssistanceState, events: Vec<Event>) -> App {
    let mut app = logged_in(staff(), lang);
    update(&mut app, key(KeyCode::Char('b')));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue: Queue::State(AssistanceState::Submitted),
            rows: Ok(vec![QueueRow {
                request: request(state),
                sla: None,
            }]),
            next: None,
            more: false,
        }),
    );
    update(&mut app, key(KeyCode::Enter));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::DetailLoaded {
            id: 2,
            data: Ok(AssistanceDetailData {
                detail: RequestDetail {
                    request: request(state),
                    services: Vec::new(),
                    cohandlers: vec![(12, "张敏".into())],
                    history: Vec::new(),
                    records: Vec::new(),
                    sla: None,
                    events,
                    may_record: false,
                },
                handlers: vec![
                    (11, "李强".into()),
                    (12, "张敏".into()),
                    (13, "王磊".into()),
                ],
                today: "2026-11-30".into(),
            }),
        }),
    );
    app
}

/// The reassignment form, opened from the action bar.
fn reassigning(lang: Lang) -> App {
    let mut app = opened(lang, AssistanceState::InProgress, vec![Event::Reassign]);
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    app
}

#[test]
fn reassigning_starts_from_the_present_people_and_sends_several_co_handlers_and_the_reason() {
    let mut app = reassigning(Lang::Zh);
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(f.fields[0].code(), Some("11"), "the present handler");
    assert_eq!(
        f.fields[1].ticked,
        [false, true, false],
        "the present co-handler"
    );
    // Handler 王磊; co-handlers 李强 and 张敏.
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "原承办人外出培训");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Assistance(AssistanceEffect::Transition {
            id,
            row_version,
            event,
            input,
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!((*id, *row_version, *event), (2, 5, Event::Reassign));
    assert_eq!(input.handler, Some(13));
    assert_eq!(input.cohandlers, [11, 12]);
    assert_eq!(input.reason, "原承办人外出培训");
}

#[test]
fn staff_record_a_phone_rating_with_the_return_visit() {
    let mut app = opened(
        Lang::Zh,
        AssistanceState::AwaitingRating,
        vec![Event::PhoneRate],
    );
    update(&mut app, key(KeyCode::Enter));
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Right));
    }
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "电话回访：未解决");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "下周再次上门");
    let fx = update(&mut app, ctrl('s'));
    let [Effect::Assistance(AssistanceEffect::Transition { event, input, .. })] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(*event, Event::PhoneRate);
    assert_eq!(input.rating, Some(Rating::Dissatisfied));
    assert_eq!(input.revisit, "下周再次上门");
}

#[test]
fn text_is_edited_in_the_middle_and_the_cursor_follows_display_width() {
    let mut app = reassigning(Lang::Zh);
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "承办人培训");
    // Left twice: between 人 and 培; insert 外出.
    update(&mut app, key(KeyCode::Left));
    update(&mut app, key(KeyCode::Left));
    type_text(&mut app, "外出");
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(f.fields[2].typed(), "承办人外出培训");
    // The terminal cursor sits after 外出: label column 17 + 5 wide characters.
    let (_, cursor) = screen(&app, 80, 24);
    let (x, _) = cursor.expect("cursor");
    assert_eq!(x, 17 + 10);
    // Backspace deletes before the cursor, Delete after it, Home/End jump.
    update(&mut app, key(KeyCode::Backspace));
    update(&mut app, key(KeyCode::Delete));
    update(&mut app, key(KeyCode::Home));
    type_text(&mut app, "原");
    update(&mut app, key(KeyCode::End));
    type_text(&mut app, "中");
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(f.fields[2].typed(), "原承办人外训中");
}

#[test]
fn staff_file_for_an_enterprise_typed_by_name() {
    let mut app = opened(Lang::Zh, AssistanceState::InProgress, Vec::new());
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, ctrl('n'));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::ServiceMenuLoaded(Ok(vec![(
            "EIA".into(),
            "环评".into(),
            "EIA".into(),
        )]))),
    );
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "咨询");
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Tab));
    }
    type_text(&mut app, "东盛木业");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Assistance(AssistanceEffect::FileRequest {
            enterprise_uscc, ..
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(enterprise_uscc.as_deref(), Some("东盛木业"));
}

#[test]
fn snapshots() {
    for (lang, suffix) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let (text, _) = screen(&reassigning(lang), 80, 24);
        insta::assert_snapshot!(format!("assist_reassign_{suffix}"), text);
    }
}

#[test]
fn the_enterprise_is_picked_from_the_search_as_it_is_typed() {
    let mut app = opened(Lang::Zh, AssistanceState::InProgress, Vec::new());
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, ctrl('n'));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::ServiceMenuLoaded(Ok(vec![(
            "EIA".into(),
            "环评".into(),
            "EIA".into(),
        )]))),
    );
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "咨询");
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Tab));
    }
    let fx = type_text(&mut app, "lc");
    let Some(Effect::Debounce { token, .. }) = fx.last().cloned() else {
        panic!("{fx:?}")
    };
    // Only the latest keystroke's timer searches.
    assert!(update(&mut app, Msg::Debounced(token - 1)).is_empty());
    let fx = update(&mut app, Msg::Debounced(token));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::FindEnterprises {
            token,
            query: "lc".into()
        })]
    );
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::EnterprisesFound {
            token,
            rows: Ok(vec![
                EnterpriseMatch {
                    id: 5,
                    name: "聊城市鑫润化工有限公司".into(),
                    uscc: "91130200699229617X".into(),
                    status: "operating".into(),
                },
                EnterpriseMatch {
                    id: 6,
                    name: "聊城鲁西热电有限公司".into(),
                    uscc: "911302307808371268".into(),
                    status: "suspended".into(),
                },
            ]),
        }),
    );
    update(&mut app, key(KeyCode::Right));
    let (text, _) = screen(&app, 80, 24);
    assert!(
        text.contains("(*) 聊城鲁西热电有限公司  911302307808371268  停产"),
        "the picker shows the business status: {text}"
    );
    assert!(
        text.contains("( ) 聊城市鑫润化工有限公司  91130200699229617X  在营"),
        "{text}"
    );
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Assistance(AssistanceEffect::FileRequest {
            enterprise_uscc,
            confirmed,
            draft,
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!((*enterprise_uscc).clone(), None);
    assert_eq!(draft.enterprise_id, Some(6));
    assert!(!confirmed);
    // The enterprise is 停产: the service asks, the form asks the person (safe answer first), and
    // the answer files the request confirmed.
    let fx = update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Err(Text::new(
            T::WarnAssistSuspendedEnterprise,
        )
        .arg("name", "聊城鲁西热电有限公司")))),
    );
    assert!(fx.is_empty(), "{fx:?}");
    assert!(app.overlay.is_some(), "asks before filing");
    assert!(
        update(&mut app, key(KeyCode::Enter)).is_empty(),
        "No is focused first"
    );
    assert!(app.overlay.is_none());
    update(&mut app, ctrl('s'));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Err(Text::new(
            T::WarnAssistSuspendedEnterprise,
        )
        .arg("name", "聊城鲁西热电有限公司")))),
    );
    update(&mut app, key(KeyCode::Left));
    let fx = update(&mut app, key(KeyCode::Enter));
    let [Effect::Assistance(AssistanceEffect::FileRequest { confirmed, .. })] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert!(*confirmed, "filed after the answer");
}
