//! The whole 圆桌座谈 flow on a meeting made in the test (not the demo's), keys through `update` and
//! every effect through the real runtime and service on a fresh database: record the meeting, add
//! an enterprise participant picked by pinyin initials (it keeps its enterprise), add a guest, raise
//! a problem for the participating enterprise, and link a request filed earlier by its number.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod tui_common;

use common::{E1_NAME, E1_USCC, GUAN, PASSWORD, fixed_clock, fresh_db, login};
use crossterm::event::KeyCode;
use ecocase::domain::assistance::{Channel, RequestDraft, Urgency};
use ecocase::i18n::Lang;
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::runtime::Runtime;
use ecocase::tui::theme::Theme;
use std::collections::VecDeque;
use tui_common::{ctrl, key, screen};

/// Applies a message and carries out every effect it leads to (debounced searches at once), until
/// nothing is left to do.
fn pump(app: &mut App, rt: &mut Runtime, msg: Msg) {
    let mut queue = VecDeque::from([msg]);
    while let Some(m) = queue.pop_front() {
        for e in update(app, m) {
            match e {
                Effect::Debounce { token, .. } => queue.push_back(Msg::Debounced(token)),
                other => queue.extend(rt.execute(other)),
            }
        }
    }
}

fn keys(app: &mut App, rt: &mut Runtime, codes: &[KeyCode]) {
    for c in codes {
        pump(app, rt, key(*c));
    }
}

fn type_in(app: &mut App, rt: &mut Runtime, s: &str) {
    for c in s.chars() {
        pump(app, rt, key(KeyCode::Char(c)));
    }
}

fn shown(app: &App) -> String {
    screen(app, 80, 24).0
}

#[test]
fn a_new_meeting_runs_from_record_to_a_linked_request() {
    let (_dir, path) = fresh_db();
    // A request E1 filed before the meeting, to be linked there.
    let ent = login(&path, "ent");
    let earlier = ent
        .assistance()
        .file(
            RequestDraft {
                enterprise_id: None,
                services: vec!["EIA".into()],
                description: "危废暂存间改造咨询".into(),
                urgency: Urgency::Normal,
                channel: Channel::SelfService,
                wished_date: String::new(),
            },
            true,
        )
        .unwrap();

    let mut rt = Runtime::new(path.clone(), fixed_clock());
    let mut app = App::new(Lang::Zh, Theme::default(), (80, 24), false);
    let logged = rt.execute(Effect::Login {
        username: "branch".into(),
        password: PASSWORD.into(),
    });
    pump(&mut app, &mut rt, logged.expect("login answer"));
    // 帮扶 → 圆桌座谈 → Ctrl-N: record a meeting (the date is today, the region the branch's own).
    keys(&mut app, &mut rt, &[KeyCode::Char('b'), KeyCode::Char('m')]);
    pump(&mut app, &mut rt, ctrl('n'));
    keys(&mut app, &mut rt, &[KeyCode::Tab]);
    type_in(&mut app, &mut rt, "冠县分局三楼会议室");
    keys(&mut app, &mut rt, &[KeyCode::Tab]);
    type_in(&mut app, &mut rt, "王建国");
    keys(&mut app, &mut rt, &[KeyCode::Tab, KeyCode::Tab]);
    type_in(&mut app, &mut rt, "危废规范化座谈");
    pump(&mut app, &mut rt, ctrl('s'));
    assert!(
        matches!(app.screen(), Screen::MeetingList(_)),
        "{}",
        shown(&app)
    );
    assert!(shown(&app).contains("危废规范化座谈"), "{}", shown(&app));
    keys(&mut app, &mut rt, &[KeyCode::Enter]);
    assert!(matches!(app.screen(), Screen::MeetingDetail(_)));

    // 添加参会人: an enterprise person, the enterprise typed as pinyin initials and picked.
    keys(&mut app, &mut rt, &[KeyCode::Enter, KeyCode::Tab]);
    type_in(&mut app, &mut rt, "gxxh");
    assert!(shown(&app).contains(E1_NAME), "{}", shown(&app));
    keys(&mut app, &mut rt, &[KeyCode::Tab]);
    type_in(&mut app, &mut rt, "唐辉刚");
    keys(&mut app, &mut rt, &[KeyCode::Tab]);
    type_in(&mut app, &mut rt, "环保负责人");
    pump(&mut app, &mut rt, ctrl('s'));
    assert!(
        matches!(app.screen(), Screen::MeetingDetail(_)),
        "{}",
        shown(&app)
    );
    let text = shown(&app);
    assert!(
        text.contains(&format!("{E1_NAME}  唐辉刚  环保负责人")),
        "{text}"
    );
    assert!(!text.contains("（局内/专家）  唐辉刚"), "{text}");

    // A guest is said to be one.
    keys(
        &mut app,
        &mut rt,
        &[KeyCode::Enter, KeyCode::Right, KeyCode::Tab, KeyCode::Tab],
    );
    type_in(&mut app, &mut rt, "张教授");
    pump(&mut app, &mut rt, ctrl('s'));
    assert!(
        shown(&app).contains("（局内/专家）  张教授"),
        "{}",
        shown(&app)
    );

    // 登记问题 for the participating enterprise: a new request.
    keys(
        &mut app,
        &mut rt,
        &[KeyCode::Right, KeyCode::Enter, KeyCode::Tab],
    );
    pump(&mut app, &mut rt, key(KeyCode::Char(' ')));
    keys(&mut app, &mut rt, &[KeyCode::Tab]);
    type_in(&mut app, &mut rt, "废气收集效率低");
    pump(&mut app, &mut rt, ctrl('s'));
    assert!(
        matches!(app.screen(), Screen::MeetingDetail(_)),
        "{}",
        shown(&app)
    );

    // 关联请求: the number typed in full (no BF-BF-).
    keys(&mut app, &mut rt, &[KeyCode::Right, KeyCode::Enter]);
    type_in(&mut app, &mut rt, &earlier.number);
    pump(&mut app, &mut rt, ctrl('s'));
    assert!(
        matches!(app.screen(), Screen::MeetingDetail(_)),
        "{}",
        shown(&app)
    );
    let text = shown(&app);
    assert!(text.contains(&earlier.number), "{text}");

    // What the service holds: the participant with its enterprise, both problems, one linked.
    let sup = login(&path, "supervisor");
    let e1 = sup.enterprises().by_uscc(E1_USCC).unwrap().id;
    let m = sup.assistance().meetings(10).unwrap()[0].clone();
    assert_eq!(
        (m.region_code.as_str(), m.topic.as_str()),
        (GUAN, "危废规范化座谈")
    );
    let d = sup.assistance().meeting_detail(m.id).unwrap();
    let who: Vec<(Option<i64>, &str)> = d
        .participants
        .iter()
        .map(|p| (p.enterprise_id, p.person.as_str()))
        .collect();
    assert_eq!(who, [(Some(e1), "唐辉刚"), (None, "张教授")]);
    let problems: Vec<(bool, &str)> = d
        .problems
        .iter()
        .map(|p| (p.linked, p.description.as_str()))
        .collect();
    assert_eq!(
        problems,
        [(false, "废气收集效率低"), (true, "危废暂存间改造咨询")]
    );
}
