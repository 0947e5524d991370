//! The 帮扶 screens driven through `update` with canned service results: the main flows (open the
//! queue, switch tabs, open a request, act with and without required fields, file a request, rate)
//! and snapshots of the queue, the detail and the form at 80x24 in Chinese and English.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use ecocase::domain::assistance::sla::{Level, Phase, Sla};
use ecocase::domain::assistance::{AssistanceState, Channel, Event, Rating, ServiceMode, Urgency};
use ecocase::domain::calendar::Deadline;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::assistance::{Queue, QueueRow, RequestDetail};
use ecocase::store::assistance::{HistoryRow, Request, ServiceRecord};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::assistance::AssistanceDetailData;
use ecocase::tui::screens::assistance::AssistanceEffect;
use ecocase::tui::screens::assistance::AssistanceMsg;
use ecocase::tui::screens::enterprise::EnterpriseEffect;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use tui_common::*;

fn snap(app: &App) -> String {
    let (text, cursor) = screen(app, 80, 24);
    match cursor {
        Some((x, y)) => format!("{text}cursor: {x},{y}\n"),
        None => format!("{text}cursor: hidden\n"),
    }
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn request(id: i64, number: &str, state: AssistanceState, urgency: Urgency) -> Request {
    Request {
        id,
        uid: format!("r{id}"),
        number: number.into(),
        enterprise_id: 1,
        enterprise_name: "聊城市鑫润化工有限公司".into(),
        region_code: "371502".into(),
        channel: Channel::SelfService,
        urgency,
        wished_date: None,
        description: "危险废物贮存库标识标牌设置不清楚，请求现场指导".into(),
        state,
        handler_id: None,
        handler_name: None,
        outcome: None,
        closing_opinion: String::new(),
        close_kind: None,
        close_reason: String::new(),
        rating: None,
        reopen_count: 0,
        submitted_at: Some("2026-11-24T02:00:00Z".parse().expect("time")),
        accepted_at: None,
        assigned_at: None,
        clock_started_at: None,
        completed_at: None,
        closed_at: None,
        row_version: 3,
        created_at: "2026-11-24T02:00:00Z".parse().expect("time"),
        created_by: "u".into(),
    }
}

fn sla(due: &str, elapsed: u32, level: Level) -> Sla {
    Sla {
        phase: Phase::Response,
        budget: 2,
        elapsed,
        paused: 0,
        due: Deadline {
            date: d(due),
            uncovered_years: Vec::new(),
        },
        level,
    }
}

fn rows() -> Vec<QueueRow> {
    vec![
        QueueRow {
            request: request(
                2,
                "BF-371502-2026-00002",
                AssistanceState::Submitted,
                Urgency::Urgent,
            ),
            sla: Some(sla("2026-11-26", 2, Level::Overdue)),
        },
        QueueRow {
            request: request(
                1,
                "BF-371502-2026-00001",
                AssistanceState::Submitted,
                Urgency::Normal,
            ),
            sla: Some(sla("2026-12-02", 0, Level::OnTrack)),
        },
    ]
}

fn detail(events: Vec<Event>) -> AssistanceDetailData {
    let mut r = request(
        2,
        "BF-371502-2026-00002",
        AssistanceState::Submitted,
        Urgency::Urgent,
    );
    if events.contains(&Event::Rate) {
        r.state = AssistanceState::AwaitingRating;
    }
    AssistanceDetailData {
        detail: RequestDetail {
            request: r,
            services: vec![(
                "HAZWASTE".into(),
                "危险废物规范化管理指导".into(),
                "Hazardous waste management guidance".into(),
            )],
            cohandlers: Vec::new(),
            history: vec![HistoryRow {
                event: "submit".into(),
                from_state: "draft".into(),
                to_state: "submitted".into(),
                note: String::new(),
                at: "2026-11-24T02:00:00Z".parse().expect("time"),
                by_name: "孙丽".into(),
                visibility: ecocase::domain::visibility::Visibility::Public,
            }],
            records: vec![ServiceRecord {
                service_date: "2026-11-25".into(),
                mode: ServiceMode::Phone,
                participants: String::new(),
                content: "电话了解贮存库现状".into(),
                problems: String::new(),
                advice: String::new(),
            }],
            sla: Some(sla("2026-11-26", 2, Level::Overdue)),
            events,
            may_record: false,
        },
        handlers: vec![(11, "李强".into()), (12, "张敏".into())],
        today: "2026-11-30".into(),
    }
}

/// Staff on the queue's first tab with two rows loaded.
fn queue(lang: Lang) -> App {
    let mut app = logged_in(staff(), lang);
    let fx = update(&mut app, key(KeyCode::Char('b')));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadQueue {
            queue: Queue::State(AssistanceState::Submitted),
            find: String::new(),
        })]
    );
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue: Queue::State(AssistanceState::Submitted),
            rows: Ok(rows()),
            next: None,
            more: false,
        }),
    );
    app
}

fn opened(lang: Lang, events: Vec<Event>) -> App {
    let mut app = queue(lang);
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadDetail { id: 2 })]
    );
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::DetailLoaded {
            id: 2,
            data: Ok(detail(events)),
        }),
    );
    app
}

fn triage() -> Vec<Event> {
    vec![Event::Accept, Event::Refuse, Event::Forward]
}

#[test]
fn tabs_switch_queues_and_late_answers_for_another_tab_are_ignored() {
    let mut app = queue(Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Right));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadQueue {
            queue: Queue::State(AssistanceState::Accepted),
            find: String::new(),
        })]
    );
    // The first tab's answer arrives late: ignored.
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue: Queue::State(AssistanceState::Submitted),
            rows: Ok(rows()),
            next: None,
            more: false,
        }),
    );
    let Screen::AssistanceQueue(q) = app.screen() else {
        panic!("queue")
    };
    assert!(q.rows.is_empty());
    // Left from the first tab wraps to 全部.
    update(&mut app, key(KeyCode::Left));
    let fx = update(&mut app, key(KeyCode::Left));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadQueue {
            queue: Queue::All,
            find: String::new(),
        })]
    );
}

#[test]
fn accepting_needs_no_fields_and_refusing_asks_for_the_reason() {
    let mut app = opened(Lang::Zh, triage());
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::Transition {
            id: 2,
            row_version: 3,
            event: Event::Accept,
            input: Default::default(),
        })]
    );
    let fx = update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Ok(Text::new(T::AssistanceMsgRecorded)))),
    );
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadDetail { id: 2 })],
        "reloaded after the action"
    );

    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::AssistanceForm(_)));
    type_text(&mut app, "不属于帮扶事项");
    let asked = update(&mut app, ctrl('s'));
    let fx = tui_common::yes(&mut app, asked);
    let [Effect::Assistance(AssistanceEffect::Transition { event, input, .. })] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(
        (*event, input.reason.as_str()),
        (Event::Refuse, "不属于帮扶事项")
    );
    // A refusal keeps the form with the message; success pops back to the reloaded detail.
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Err(
            Text::new(T::ErrRequired).arg_key("field", T::AssistanceFieldReason)
        ))),
    );
    assert!(matches!(app.screen(), Screen::AssistanceForm(_)));
    let fx = update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Ok(Text::new(T::AssistanceMsgRecorded)))),
    );
    assert!(matches!(app.screen(), Screen::AssistanceDetail(_)));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadDetail { id: 2 })]
    );
}

#[test]
fn a_poor_rating_is_sent_with_the_enterprises_reason() {
    let mut app = opened(Lang::Zh, vec![Event::Rate]);
    update(&mut app, key(KeyCode::Enter));
    // The enterprise gives its own reason; 回访记录 is the bureau's and is not asked here.
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    let labels: Vec<T> = f.fields.iter().map(|f| f.label).collect();
    assert_eq!(
        labels,
        [T::AssistanceFieldRating, T::AssistanceFieldComment]
    );
    // 满意 is first after 非常满意; three steps right reach 不满意, which asks for the reason.
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Right));
    }
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(f.fields[1].label, T::AssistanceFieldRateReason);
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "仍未解决");
    let fx = update(&mut app, ctrl('s'));
    let [Effect::Assistance(AssistanceEffect::Transition { event, input, .. })] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(*event, Event::Rate);
    assert_eq!(input.rating, Some(Rating::Dissatisfied));
    assert_eq!(input.comment, "仍未解决");
    assert_eq!(input.revisit, "");
    let (text, _) = screen(&app, 80, 24);
    assert!(text.contains("不满意的原因"), "{text}");
    assert!(!text.contains("回访记录"), "{text}");
}

#[test]
fn an_enterprise_files_a_request_with_ticked_services() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    update(&mut app, key(KeyCode::Char('b')));
    let fx = update(&mut app, ctrl('n'));
    assert_eq!(fx, [Effect::Assistance(AssistanceEffect::LoadServiceMenu)]);
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::ServiceMenuLoaded(Ok(menu()))),
    );
    // The checklist moves with Down (Right does not move in a checklist); Tab leaves it.
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "请求指导");
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Assistance(AssistanceEffect::FileRequest {
            enterprise_uscc,
            confirmed: false,
            draft,
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(*enterprise_uscc, None, "an enterprise files for its own");
    assert_eq!(draft.services, ["EIA", "TECH"]);
    assert_eq!(draft.description, "请求指导");
    assert_eq!(draft.urgency, Urgency::Urgent);
}

#[test]
fn staff_give_the_enterprise_and_the_channel() {
    let mut app = queue(Lang::Zh);
    update(&mut app, ctrl('n'));
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    let ids: Vec<&str> = f.fields.iter().map(|f| f.id).collect();
    assert_eq!(
        ids,
        [
            "services",
            "description",
            "urgency",
            "wished_date",
            "enterprise",
            "channel"
        ]
    );
    assert_eq!(
        f.fields[5].code(),
        Some("phone"),
        "self-service is not offered to staff"
    );
}

fn menu() -> Vec<(String, String, String)> {
    [
        (
            "EIA",
            "环评审批及手续办理指导",
            "EIA approval and procedure guidance",
        ),
        ("PERMIT", "排污许可申领指导", "Discharge permit guidance"),
        (
            "TECH",
            "污染防治技术帮扶",
            "Pollution-control technical assistance",
        ),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect()
}

fn form(lang: Lang) -> App {
    let mut app = logged_in(enterprise_user(), lang);
    update(&mut app, key(KeyCode::Char('b')));
    update(&mut app, ctrl('n'));
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::ServiceMenuLoaded(Ok(menu()))),
    );
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "新增生产线环评手续咨询");
    app
}

#[test]
fn snapshots() {
    for (lang, suffix) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        insta::assert_snapshot!(format!("assist_queue_{suffix}"), snap(&queue(lang)));
        insta::assert_snapshot!(
            format!("assist_detail_{suffix}"),
            snap(&opened(lang, triage()))
        );
        insta::assert_snapshot!(format!("assist_form_{suffix}"), snap(&form(lang)));
    }
}

#[test]
fn the_enterprise_360_view_lists_its_requests() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    let own = enterprise(1, "聊城市鑫润化工有限公司", "91130200699229617X", "371502");
    update(
        &mut app,
        Msg::HomeLoaded(Ok(ecocase::service::home::Home {
            tasks: Vec::new(),
            own: Some(own.clone()),
            plist: None,
            assist: None,
            manifests: None,
            inspect: None,
            calendar_missing: None,
        })),
    );
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        [Effect::Enterprise(EnterpriseEffect::LoadDetail { id: 1 })]
    );
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DetailLoaded {
            id: 1,
            data: Ok(ecocase::tui::screens::enterprise::DetailData {
                enterprise: own,
                former_names: Vec::new(),
                history: None,
                list_entries: Vec::new(),
                list_history: Vec::new(),
                assistance: rows(),
                manifests: Vec::new(),
                inspections: Default::default(),
            }),
        }),
    );
    // The section follows the profile and former names, below the first screenful.
    update(&mut app, key(KeyCode::PageDown));
    let (text, _) = screen(&app, 80, 24);
    assert!(text.contains("帮扶请求"), "{text}");
    assert!(
        text.contains("BF-371502-2026-00002  待受理  较急  2026-11-26 超期"),
        "{text}"
    );
}

#[test]
fn scrolling_past_the_last_row_loads_and_appends_the_next_page() {
    use ecocase::store::assistance::queue::QueueCursor;
    let mut app = logged_in(staff(), Lang::Zh);
    update(&mut app, key(KeyCode::Char('b')));
    let queue = Queue::State(AssistanceState::Submitted);
    let after = QueueCursor {
        due_on: None,
        id: 1,
    };
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue,
            rows: Ok(rows()),
            next: Some(after.clone()),
            more: false,
        }),
    );
    assert!(update(&mut app, key(KeyCode::Down)).is_empty());
    let fx = update(&mut app, key(KeyCode::Down));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadQueueMore {
            queue,
            find: String::new(),
            after
        })]
    );
    // Asked once while the page is on its way.
    assert!(update(&mut app, key(KeyCode::Down)).is_empty());
    let mut page = rows();
    for (i, r) in page.iter_mut().enumerate() {
        r.request.id = 100 + i as i64;
    }
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue,
            rows: Ok(page),
            next: None,
            more: true,
        }),
    );
    let Screen::AssistanceQueue(q) = app.screen() else {
        panic!("queue")
    };
    let ids: Vec<i64> = q.rows.iter().map(|r| r.request.id).collect();
    assert_eq!(ids, [2, 1, 100, 101]);
    // The last page: Down only moves.
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    assert!(update(&mut app, key(KeyCode::Down)).is_empty());
}

#[test]
fn e_exports_the_queue_shown() {
    let mut app = queue(Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Char('e')));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::ExportQueue {
            queue: Queue::State(AssistanceState::Submitted),
            lang: Lang::Zh,
        })]
    );
    update(
        &mut app,
        Msg::Written(Ok(Text::new(ecocase::i18n::T::MsgQueueExported)
            .arg("n", 2)
            .arg("stem", "assistance-submitted-20261129")
            .arg("dir", "/home/chen"))),
    );
    let shown = tui_common::screen(&app, 80, 24).0;
    assert!(
        shown
            .contains("已导出 2 条：assistance-submitted-20261129.csv 和 .xlsx（目录 /home/chen）"),
        "{shown}"
    );
}

#[test]
fn after_a_conflict_ctrl_r_reloads_the_version_and_the_typed_reason_is_sent_again() {
    use ecocase::tui::msg::Versioned;
    let mut app = opened(Lang::Zh, triage());
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "不属于帮扶事项");
    let asked = update(&mut app, ctrl('s'));
    tui_common::yes(&mut app, asked);
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Err(Text::new(T::ErrConflict)
            .arg("user", "zhangsan")
            .arg("time", "2026-11-29 10:05")))),
    );
    assert!(
        matches!(app.screen(), Screen::AssistanceForm(_)),
        "the form stays"
    );
    let shown = tui_common::screen(&app, 80, 24).0;
    assert!(
        shown.contains("已被 zhangsan 于 2026-11-29 10:05 修改；按 Ctrl-R 重新加载"),
        "{shown}"
    );
    let fx = update(&mut app, ctrl('r'));
    assert_eq!(fx, [Effect::ReloadVersion(Versioned::AssistanceRequest(2))]);
    // An answer for another record is ignored.
    update(
        &mut app,
        Msg::VersionReloaded {
            record: Versioned::AssistanceRequest(9),
            current: Ok((7, Text::new(T::AssistanceStateSubmitted))),
        },
    );
    update(
        &mut app,
        Msg::VersionReloaded {
            record: Versioned::AssistanceRequest(2),
            current: Ok((4, Text::new(T::AssistanceStateSubmitted))),
        },
    );
    let shown = tui_common::screen(&app, 80, 24).0;
    assert!(shown.contains("已重新加载：记录现为“待受理”"), "{shown}");
    let asked = update(&mut app, ctrl('s'));
    let fx = tui_common::yes(&mut app, asked);
    let [
        Effect::Assistance(AssistanceEffect::Transition {
            row_version,
            event,
            input,
            ..
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(
        (*row_version, *event, input.reason.as_str()),
        (4, Event::Refuse, "不属于帮扶事项")
    );
}

/// `/` opens the find line; typing waits for Enter (or the pause), which reads the first page again
/// with the query; Esc on the list clears it; `v` shows the row in full; End and g move the selection.
#[test]
fn the_queue_finds_moves_and_shows_a_row_in_full() {
    let mut app = queue(Lang::Zh);
    assert!(update(&mut app, key(KeyCode::Char('/'))).is_empty());
    assert_eq!(app.ctx(), ecocase::tui::keymap::Ctx::Search);
    for c in "鑫润".chars() {
        let fx = update(&mut app, key(KeyCode::Char(c)));
        assert!(matches!(fx.as_slice(), [Effect::Debounce { .. }]), "{fx:?}");
    }
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadQueue {
            queue: Queue::State(AssistanceState::Submitted),
            find: "鑫润".into(),
        })]
    );
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::QueueLoaded {
            queue: Queue::State(AssistanceState::Submitted),
            rows: Ok(rows()),
            next: None,
            more: false,
        }),
    );
    let shown = snap(&app);
    assert!(shown.contains("查找:"), "{shown}");
    assert!(shown.contains("鑫润"), "{shown}");
    assert!(shown.contains("1 / 2"), "the position: {shown}");
    // End goes to the last row, g back to the first.
    update(&mut app, key(KeyCode::End));
    assert!(snap(&app).contains("2 / 2"));
    update(&mut app, key(KeyCode::Char('g')));
    assert!(snap(&app).contains("1 / 2"));
    // v: the row's every column in full.
    update(&mut app, key(KeyCode::Char('v')));
    let full = snap(&app);
    assert!(full.contains("BF-371502-2026-00002"), "{full}");
    assert!(full.contains("聊城市鑫润化工有限公司"), "{full}");
    update(&mut app, key(KeyCode::Esc));
    // Esc on the list clears the find before it leaves.
    let fx = update(&mut app, key(KeyCode::Esc));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::LoadQueue {
            queue: Queue::State(AssistanceState::Submitted),
            find: String::new(),
        })]
    );
    assert!(matches!(app.screen(), Screen::AssistanceQueue(_)));
}
