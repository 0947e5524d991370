//! 正面清单 screens: app-state tests (keys in, effects out) and snapshots at 80x24 in zh and en.
//! Review snapshot changes by eye: `INSTA_UPDATE=always cargo test --test tui_plist`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::positive_list::{Criterion, CriterionResult, EntryState, Transition, Verdict};
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::positive_list::EntryDetail;
use ecocase::store::positive_list::{Entry, HistoryRow, TriggerRow};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::overlays::Overlay;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::positive_list::PositiveListEffect;
use ecocase::tui::screens::positive_list::PositiveListFilter;
use ecocase::tui::screens::positive_list::PositiveListMsg;
use tui_common::*;

fn entry(id: i64, name: &str, state: &str) -> Entry {
    Entry {
        id,
        uid: format!("u{id}"),
        enterprise_id: id,
        batch_id: 1,
        state: state.into(),
        origin: "proposed".into(),
        notice_start: "2026-09-28".parse().ok(),
        notice_end: "2026-10-10".parse().ok(),
        listed_on: if state == "listed" {
            "2026-10-12".parse().ok()
        } else {
            None
        },
        review_due: if state == "listed" {
            "2027-10-12".parse().ok()
        } else {
            None
        },
        override_reason: String::new(),
        removal_cause: String::new(),
        removal_reason: String::new(),
        removal_proposal: String::new(),
        reapply_from: None,
        offsite_means: "自动监控、用电监控".into(),
        apply_note: String::new(),
        apply_contact: String::new(),
        row_version: 3,
        created_at: "2026-09-01T02:00:00Z".parse().expect("time"),
        updated_at: "2026-10-12T02:00:00Z".parse().expect("time"),
        enterprise_name: name.into(),
        uscc: "91130200699229617X".into(),
        region_code: "371525".into(),
        batch_name: "2026年第3批".into(),
    }
}

fn detail() -> EntryDetail {
    EntryDetail {
        // Under notice with the notice over: 纳入 or an upheld objection.
        offered: vec![Transition::Admit, Transition::UpholdObjection],
        entry: entry(7, "聊城市东昌府区绿源化工有限公司", "notice"),
        recorded: vec![],
        current: vec![
            CriterionResult {
                criterion: Criterion::NoPenalty,
                verdict: Verdict::Unknown,
                evidence: Text::new(T::PositiveListEvNoSource)
                    .arg_key("source", T::PositiveListSourceMonitoring),
            },
            CriterionResult {
                criterion: Criterion::Permit,
                verdict: Verdict::Fail,
                evidence: Text::new(T::PositiveListEvPermitExpired)
                    .arg("no", "91130200699229617X001P")
                    .arg("date", "2026-06-30"),
            },
            CriterionResult {
                criterion: Criterion::Credit,
                verdict: Verdict::Pass,
                evidence: Text::new(T::PositiveListEvCredit).arg_key("level", T::CreditGreen),
            },
        ],
        history: vec![
            HistoryRow {
                event: String::new(),
                from_state: String::new(),
                to_state: "candidate".into(),
                note: "proposed".into(),
                at: "2026-09-01T02:00:00Z".parse().expect("time"),
                by_name: "张敏".into(),
                visibility: ecocase::domain::visibility::Visibility::Public,
            },
            HistoryRow {
                event: String::new(),
                from_state: "candidate".into(),
                to_state: "notice".into(),
                note: "许可证延续中，已核实".into(),
                at: "2026-09-28T02:00:00Z".parse().expect("time"),
                by_name: "陈静".into(),
                visibility: ecocase::domain::visibility::Visibility::Public,
            },
        ],
        triggers: vec![TriggerRow {
            id: 1,
            uid: "t1".into(),
            kind: "complaint".into(),
            reference: "12369-2026-0042".into(),
            occurred_on: "2026-10-01".parse().expect("time"),
            handling: "offsite".into(),
            note: String::new(),
            recorded_at: "2026-10-01T02:00:00Z".parse().expect("time"),
            recorded_by: "u".into(),
        }],
        // The notice ended on 2026-10-10: an objection now is late.
        notice_over: true,
    }
}

fn list_app(lang: Lang) -> App {
    let mut app = logged_in(supervisor(), lang);
    let fx = update(&mut app, key(KeyCode::Char('p')));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::LoadEntries(
            PositiveListFilter::default()
        ))]
    );
    update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::EntriesLoaded(Ok(vec![
            entry(7, "聊城市东昌府区绿源化工有限公司", "notice"),
            entry(8, "冠县兴华纺织有限公司", "listed"),
            entry(
                9,
                "Liaocheng Very Long English Name Machinery Manufacturing Co., Ltd.",
                "candidate",
            ),
        ]))),
    );
    app
}

fn entry_app(lang: Lang) -> App {
    let mut app = list_app(lang);
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::LoadEntry {
            id: 7
        })]
    );
    update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::EntryLoaded {
            id: 7,
            data: Ok(detail()),
        }),
    );
    app
}

#[test]
fn state_filter_cycles_and_due_filter_toggles() {
    let mut app = list_app(Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Char('f')));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::LoadEntries(
            PositiveListFilter {
                state: Some(EntryState::Candidate),
                ..PositiveListFilter::default()
            }
        ))]
    );
    let fx = update(&mut app, key(KeyCode::Char('d')));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::LoadEntries(
            PositiveListFilter {
                due_only: true,
                ..PositiveListFilter::default()
            }
        ))]
    );
}

#[test]
fn admitting_is_confirmed_and_cancel_is_the_default() {
    let mut app = entry_app(Lang::Zh);
    update(&mut app, key(KeyCode::Char('a')));
    assert!(matches!(app.overlay, Some(Overlay::PositiveListReason(_))));
    // Enter from the reason field moves to Cancel; Enter again closes without acting.
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    // Tab twice reaches the action.
    update(&mut app, key(KeyCode::Char('a')));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::Transition {
            id: 7,
            row_version: 3,
            transition: Transition::Admit,
            reason: String::new(),
            cause: None,
        })]
    );
    update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::Done(Ok(Text::new(T::MsgPlTransitioned)
            .arg("name", "x")
            .arg_key("state", T::ListListed)))),
    );
    assert!(matches!(app.screen(), Screen::PositiveListEntry(_)));
}

#[test]
fn a_transition_not_allowed_from_the_state_is_refused_on_the_spot() {
    let mut app = entry_app(Lang::En);
    // The entry is under notice: a review cannot start.
    let fx = update(&mut app, key(KeyCode::Char('r')));
    assert!(fx.is_empty());
    assert!(app.overlay.is_none());
    let msg = app.message.as_ref().expect("message");
    assert!(format!("{msg:?}").contains("ErrPlTransition"), "{msg:?}");
}

#[test]
fn staff_see_no_approval_keys_and_enterprises_apply_from_home() {
    let mut app = logged_in(staff(), Lang::Zh);
    update(&mut app, key(KeyCode::Char('p')));
    update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::EntriesLoaded(Ok(vec![entry(
            7, "甲", "notice",
        )]))),
    );
    update(&mut app, key(KeyCode::Enter));
    update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::EntryLoaded {
            id: 7,
            data: Ok(detail()),
        }),
    );
    let (text, _) = screen(&app, 80, 24);
    let footer = text.lines().nth(23).unwrap_or_default().to_string();
    assert!(!footer.contains("纳入清单"), "{footer}");
    // A review starts from 在册 only: not offered on an entry under notice.
    assert!(!footer.contains("开始复核"), "{footer}");

    // The enterprise's application is a small form, asked before it is sent.
    let mut ent = logged_in(enterprise_user(), Lang::Zh);
    let fx = update(&mut ent, key(KeyCode::Char('a')));
    assert!(fx.is_empty(), "{fx:?}");
    assert!(matches!(ent.screen(), Screen::AssistanceForm(_)));
    type_text(&mut ent, "近三年无处罚，在线监控已联网");
    update(&mut ent, key(KeyCode::Tab));
    type_text(&mut ent, "李红 0635-8888888");
    let fx = update(&mut ent, ctrl('s'));
    assert!(fx.is_empty(), "asked first: {fx:?}");
    let (text, _) = screen(&ent, 80, 24);
    assert!(
        text.contains("提交正面清单申请？候选期间可以撤回"),
        "{text}"
    );
    // Enter on the safe answer goes back to the form; Left then Enter submits.
    assert!(update(&mut ent, key(KeyCode::Enter)).is_empty());
    assert!(ent.overlay.is_none());
    update(&mut ent, ctrl('s'));
    update(&mut ent, key(KeyCode::Left));
    let fx = update(&mut ent, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::Apply {
            note: "近三年无处罚，在线监控已联网".into(),
            contact: "李红 0635-8888888".into(),
            offsite: String::new(),
        })]
    );
}

#[test]
fn the_enterprise_withdraws_its_application_while_a_candidate() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    update(&mut app, key(KeyCode::Char('p')));
    update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::EntriesLoaded(Ok(vec![entry(
            7,
            "聊城市东昌府区绿源化工有限公司",
            "candidate",
        )]))),
    );
    update(&mut app, key(KeyCode::Enter));
    let mut d = detail();
    d.entry.state = "candidate".into();
    d.entry.origin = "applied".into();
    update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::EntryLoaded { id: 7, data: Ok(d) }),
    );
    let (text, _) = screen(&app, 80, 24);
    assert!(
        text.lines()
            .nth(23)
            .unwrap_or_default()
            .contains("撤回申请"),
        "{text}"
    );
    update(&mut app, key(KeyCode::Char('w')));
    assert!(matches!(app.screen(), Screen::AssistanceForm(_)));
    type_text(&mut app, "暂不申请");
    update(&mut app, ctrl('s'));
    update(&mut app, key(KeyCode::Left));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::Withdraw {
            id: 7,
            row_version: 3,
            reason: "暂不申请".into(),
        })]
    );
}

#[test]
fn snapshots_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let app = list_app(lang);
        insta::assert_snapshot!(
            format!("plist_list_{}", lang.code()),
            screen(&app, 80, 24).0
        );
        let app = entry_app(lang);
        insta::assert_snapshot!(
            format!("plist_entry_{}", lang.code()),
            screen(&app, 80, 24).0
        );
        let mut app = entry_app(lang);
        update(&mut app, key(KeyCode::Char('o')));
        insta::assert_snapshot!(
            format!("plist_objection_{}", lang.code()),
            screen(&app, 80, 24).0
        );
    }
}

#[test]
fn batches_open_their_entries() {
    use ecocase::store::positive_list::Batch;
    for lang in [Lang::Zh, Lang::En] {
        let mut app = list_app(lang);
        let fx = update(&mut app, key(KeyCode::Char('B')));
        assert_eq!(
            fx,
            vec![Effect::PositiveList(PositiveListEffect::LoadBatches)]
        );
        let batch = |id: i64, name: &str, counts: Vec<(&str, i64)>| Batch {
            id,
            uid: format!("b{id}"),
            name: name.into(),
            year: 2026,
            note: String::new(),
            created_at: "2026-01-05T00:00:00Z".parse().expect("time"),
            counts: counts
                .into_iter()
                .map(|(s, n)| (s.to_string(), n))
                .collect(),
        };
        update(
            &mut app,
            Msg::PositiveList(PositiveListMsg::BatchesLoaded(Ok(vec![
                batch(
                    3,
                    "2026年第2批",
                    vec![("candidate", 3), ("notice", 2), ("rejected", 1)],
                ),
                batch(2, "2026年第1批", vec![("listed", 3)]),
                batch(
                    1,
                    "2025年第1批",
                    vec![("listed", 3), ("review", 1), ("removed", 1)],
                ),
            ]))),
        );
        insta::assert_snapshot!(
            format!("plist_batches_{}", lang.code()),
            screen(&app, 80, 24).0
        );
        update(&mut app, key(KeyCode::Down));
        let fx = update(&mut app, key(KeyCode::Enter));
        assert_eq!(
            fx,
            vec![Effect::PositiveList(PositiveListEffect::LoadEntries(
                PositiveListFilter {
                    batch: Some((2, "2026年第1批".into())),
                    ..PositiveListFilter::default()
                }
            ))]
        );
    }
}

#[test]
fn export_writes_the_list_as_filtered_in_the_interface_language() {
    let mut app = list_app(Lang::En);
    update(&mut app, key(KeyCode::Char('f')));
    let fx = update(&mut app, key(KeyCode::Char('e')));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::Export {
            filter: PositiveListFilter {
                state: Some(EntryState::Candidate),
                ..PositiveListFilter::default()
            },
            lang: Lang::En,
        })]
    );
}

#[test]
fn a_new_batch_takes_a_typed_name_and_note() {
    let mut app = list_app(Lang::Zh);
    assert!(update(&mut app, key(KeyCode::Char('b'))).is_empty());
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("the batch form, not an automatic batch: {:?}", app.screen())
    };
    assert_eq!(f.fields.len(), 2);
    type_text(&mut app, "2026年冬季专项批");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "重点涉气企业");
    let fx = update(&mut app, ctrl('s'));
    assert_eq!(
        fx,
        vec![Effect::PositiveList(PositiveListEffect::NewBatch {
            name: "2026年冬季专项批".into(),
            note: "重点涉气企业".into()
        })]
    );
    // Done: back on the list, which reloads.
    let fx = update(
        &mut app,
        Msg::PositiveList(PositiveListMsg::Done(Ok(ecocase::i18n::Text::new(
            ecocase::i18n::T::MsgPlBatchCreated,
        )))),
    );
    assert!(matches!(app.screen(), Screen::PositiveList(_)));
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::PositiveList(PositiveListEffect::LoadEntries(_))]
        ),
        "{fx:?}"
    );
}

#[test]
fn off_site_means_are_edited_from_the_entry() {
    let mut app = entry_app(Lang::Zh);
    assert!(update(&mut app, key(KeyCode::Char('m'))).is_empty());
    let Screen::AssistanceForm(f) = app.screen() else {
        panic!("form")
    };
    let before = f.fields[0].typed().to_string();
    update(&mut app, key(KeyCode::End));
    type_text(&mut app, "；视频监控");
    let fx = update(&mut app, ctrl('s'));
    let [Effect::PositiveList(PositiveListEffect::SetOffsite { id, means, .. })] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(*id, 7);
    assert_eq!(*means, format!("{before}；视频监控"));
    let (text, _) = screen(&app, 80, 24);
    insta::assert_snapshot!("plist_offsite_form_zh", text);
}

#[test]
fn the_360_view_shows_the_list_history() {
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
    update(&mut app, key(KeyCode::Enter));
    let change = |from: &str, to: &str, reason: &str, at: &str| {
        (
            "2026年第1批".to_string(),
            HistoryRow {
                event: String::new(),
                from_state: from.into(),
                to_state: to.into(),
                note: reason.into(),
                at: at.parse().expect("time"),
                by_name: "陈静".into(),
                visibility: ecocase::domain::visibility::Visibility::Public,
            },
        )
    };
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DetailLoaded {
            id: 1,
            data: Ok(ecocase::tui::screens::enterprise::DetailData {
                enterprise: own,
                former_names: Vec::new(),
                history: None,
                list_entries: vec![entry(7, "聊城市鑫润化工有限公司", "notice")],
                list_history: vec![
                    change("", "candidate", "", "2026-10-01T02:00:00Z"),
                    change(
                        "candidate",
                        "notice",
                        "条件核查通过",
                        "2026-10-09T02:00:00Z",
                    ),
                ],
                assistance: Vec::new(),
                manifests: Vec::new(),
                inspections: Default::default(),
            }),
        }),
    );
    update(&mut app, key(KeyCode::PageDown));
    let (text, _) = screen(&app, 80, 24);
    let newest = text
        .find("候选 -> 公示中  条件核查通过")
        .expect("the latest change");
    let first = text.find("2026年第1批   -> 候选").expect("the proposal");
    assert!(newest < first, "newest first: {text}");
}
