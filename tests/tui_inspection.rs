//! The 执法检查 screens driven through `update` with canned service results: opening the list from
//! home, switching tabs, keyset paging, opening a detail, the officer picker and the sign form (with the
//! effects they produce), the enterprise's report, the draw screen's verify; and snapshots of the list,
//! the detail, the sign form and the draws at 80x24 in Chinese and English. The officer filter, the
//! publication keys and the draw plan's officer pool are in `tui_inspection_publish`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::account::Role;
use ecocase::domain::inspection::{
    Answer, Category, Conclusion, Event, EventInput, EvidenceKind, InspectionState, Mode, Severity,
    Signature,
};
use ecocase::i18n::Lang;
use ecocase::service::inspection::InspectionDetail;
use ecocase::service::inspection::draw::DrawDetail;
use ecocase::store::inspection::draw::{Draw, Plan, ResultRow};
use ecocase::store::inspection::followup::Rectification;
use ecocase::store::inspection::{
    ChecklistItem, Evidence, Finding, HistoryRow, Inspection, Officer,
};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::inspection::InspectionEffect;
use ecocase::tui::screens::inspection::InspectionMsg;
use ecocase::tui::screens::inspection::form::InspectionRequest;
use ecocase::tui::screens::inspection::{
    InspectionData, InspectionDetailData, InspectionQuery, InspectionTab, PAGE,
};
use tui_common::*;

fn snap(app: &App) -> String {
    let (text, cursor) = screen(app, 80, 24);
    match cursor {
        Some((x, y)) => format!("{text}cursor: {x},{y}\n"),
        None => format!("{text}cursor: hidden\n"),
    }
}

fn inspector() -> ecocase::tui::msg::SessionInfo {
    session("inspector", &[Role::Staff, Role::Inspector], None)
}

fn inspection(id: i64, number: &str, state: InspectionState) -> Inspection {
    Inspection {
        id,
        uid: format!("i{id}"),
        number: number.into(),
        enterprise_id: 1,
        enterprise_name: "聊城市鑫润化工有限公司（东昌府区道口铺街道工业园）".into(),
        uscc: "91130200699229617X".into(),
        region_code: "371502".into(),
        category: Category::Complaint,
        mode: Mode::Onsite,
        trigger_ref: "12369-2026-0318".into(),
        place: "危废贮存库".into(),
        planned_on: "2026-11-30".parse().expect("time"),
        started_at: None,
        ended_at: None,
        state,
        conclusion: None,
        record_text: String::new(),
        signature: None,
        witness: String::new(),
        signed_at: None,
        recusal_reason: String::new(),
        cancel_reason: String::new(),
        parent_id: None,
        draw_id: None,
        row_version: 4,
        updated_at: "2026-11-30T02:00:00Z".parse().expect("time"),
        updated_by: "u".into(),
    }
}

fn officer(id: i64, name: &str, number: &str) -> Officer {
    Officer {
        user_id: id,
        name: name.into(),
        cert_kind: "山东省行政执法证".into(),
        cert_number: number.into(),
        cert_issuer: "山东省人民政府".into(),
        cert_valid_from: "2025-01-01".parse().expect("day"),
        cert_valid_to: "2029-12-31".parse().expect("day"),
    }
}

fn detail(state: InspectionState) -> InspectionDetailData {
    let mut x = inspection(5, "JC-371502-2026-00138", state);
    x.started_at = Some("2026-11-30T02:00:00Z".parse().expect("time"));
    InspectionDetailData {
        detail: InspectionDetail {
            officers: vec![
                officer(7, "李强", "37150024001"),
                officer(8, "王磊", "37150024002"),
            ],
            representatives: vec![("孙丽".into(), "环保专员".into())],
            checklist: vec![ChecklistItem {
                code: "waste".into(),
                version: 1,
                name_zh: "固废/危废规范化".into(),
                name_en: "Solid/hazardous waste management".into(),
            }],
            answers: vec![("waste".into(), Answer::Fail, "标识缺失".into())],
            findings: vec![Finding {
                id: 11,
                no: 1,
                uid: "f".into(),
                description: "危险废物贮存库未设置识别标志".into(),
                provision: "《固体废物污染环境防治法》第七十七条".into(),
                severity: Severity::General,
                minor_no_penalty: false,
                evidence_refs: String::new(),
                corrects_id: None,
                correction_reason: String::new(),
                created_at: "2026-11-30T02:10:00Z".parse().expect("time"),
                created_by: "u".into(),
            }],
            evidence: vec![Evidence {
                id: 3,
                uid: "e".into(),
                kind: EvidenceKind::Photo,
                path: "/srv/evidence/IMG_0001.jpg".into(),
                sha256: "9fe36faa6e710cbb2f1d1a3f0b8e".into(),
                collected_at: "2026-11-30T02:12:00Z".parse().expect("time"),
                collected_by: "李强".into(),
                description: "贮存库门口".into(),
                corrects_id: None,
                correction_reason: String::new(),
                created_at: "2026-11-30T02:12:00Z".parse().expect("time"),
                created_by: "u".into(),
                finding_no: Some(1),
            }],
            history: vec![HistoryRow {
                event: "start".into(),
                from_state: "pending".into(),
                to_state: "in_progress".into(),
                note: String::new(),
                at: "2026-11-30T02:00:00Z".parse().expect("time"),
                by_name: "李强".into(),
                visibility: ecocase::domain::visibility::Visibility::Public,
            }],
            rectification: None,
            report_versions: Vec::new(),
            act: None,
            guard_link: None,
            recusal_decisions: Vec::new(),
            case: None,
            events: vec![Event::EndVisit],
            may_record: true,
            inspection: x,
        },
        officers: vec![
            (7, "李强 37150024001".into()),
            (8, "王磊 37150024002".into()),
        ],
        today: "2026-11-30".into(),
    }
}

/// The list open on the "mine" tab with two rows.
fn list_app(lang: Lang) -> App {
    let mut app = logged_in(inspector(), lang);
    let fx = update(&mut app, key(KeyCode::Char('i')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Page {
                tab: InspectionTab::Mine,
                category: None,
                region: None,
                officer: None,
                after: None,
                find: String::new(),
            }
        ))]
    );
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Page {
            tab: InspectionTab::Mine,
            append: false,
            rows: Ok(vec![
                inspection(5, "JC-371502-2026-00138", InspectionState::InProgress),
                inspection(4, "JC-371502-2026-00137", InspectionState::Pending),
            ]),
        })),
    );
    app
}

fn detail_app(lang: Lang, state: InspectionState) -> App {
    let mut app = list_app(lang);
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Detail { id: 5 }
        ))]
    );
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Detail {
            id: 5,
            data: Ok(Box::new(detail(state))),
        })),
    );
    app
}

#[test]
fn tabs_and_keyset_pages_ask_the_service() {
    let mut app = list_app(Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Right));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Page {
                tab: InspectionTab::State(InspectionState::Pending),
                category: None,
                region: None,
                officer: None,
                after: None,
                find: String::new(),
            }
        ))]
    );
    // A full page: PgDn past its end asks for the rows after the last one.
    let rows: Vec<Inspection> = (0..PAGE as i64)
        .map(|i| {
            inspection(
                1000 - i,
                &format!("JC-371502-2026-{:05}", 1000 - i),
                InspectionState::Pending,
            )
        })
        .collect();
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Page {
            tab: InspectionTab::State(InspectionState::Pending),
            append: false,
            rows: Ok(rows),
        })),
    );
    // A page of the screen is 19 rows at 80x24: the eleventh PgDn passes the last loaded row.
    for _ in 0..10 {
        assert!(update(&mut app, key(KeyCode::PageDown)).is_empty());
    }
    let fx = update(&mut app, key(KeyCode::PageDown));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Page {
                tab: InspectionTab::State(InspectionState::Pending),
                category: None,
                region: None,
                officer: None,
                after: Some(("2026-11-30".into(), 801)),
                find: String::new(),
            }
        ))]
    );
    // `c` filters by category and starts again from the first page.
    let fx = update(&mut app, key(KeyCode::Char('c')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Page {
                tab: InspectionTab::State(InspectionState::Pending),
                category: Some(Category::Random),
                region: None,
                officer: None,
                after: None,
                find: String::new(),
            }
        ))]
    );
}

#[test]
fn the_officer_picker_offers_only_eligible_officers_and_saves_the_ticked_ones() {
    let mut app = detail_app(Lang::Zh, InspectionState::Pending);
    // Make the detail a planned check whose only action is scheduling.
    if let Some(Screen::InspectionDetail(d)) = app.screens.last_mut() {
        let data = d.data.as_mut().unwrap();
        data.detail.events = vec![Event::Schedule];
        data.detail.may_record = false;
        d.action = 0;
    }
    update(&mut app, key(KeyCode::Enter));
    let Some(Screen::InspectionForm(f)) = app.screens.last() else {
        panic!("form expected");
    };
    assert_eq!(
        f.fields[0].options.len(),
        2,
        "only the two eligible officers"
    );
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "配偶在该企业任职，经批准");
    let fx = update(&mut app, key(KeyCode::F(2)));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Do(
            InspectionRequest::Officers {
                id: 5,
                officers: vec![7, 8],
                recusal_reason: "配偶在该企业任职，经批准".into(),
            }
        ))]
    );
}

#[test]
fn signing_sends_the_conclusion_record_and_signature() {
    let mut app = detail_app(Lang::Zh, InspectionState::RecordPending);
    if let Some(Screen::InspectionDetail(d)) = app.screens.last_mut() {
        d.data.as_mut().unwrap().detail.events = vec![Event::Sign];
        d.action = 4; // after Answer, Representative, Finding, Evidence
    }
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "责令限期改正");
    let fx = update(&mut app, ctrl('s'));
    let request = InspectionRequest::Transition {
        id: 5,
        row_version: 4,
        event: Event::Sign,
        input: EventInput {
            conclusion: Some(Conclusion::Order),
            signature: Some(Signature::Signed),
            record_text: "责令限期改正".into(),
            ..EventInput::default()
        },
    };
    // Signing is permanent: the service first states what will be locked, and the person confirms.
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Ask(request.clone()))]
    );
    let locked = ecocase::i18n::Text::new(ecocase::i18n::T::InspectionConfirmSign)
        .arg("answered", 7)
        .arg("findings", 1)
        .arg("evidence", 1)
        .arg("present", 1)
        .arg_key("conclusion", Conclusion::Order.label());
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Asked(Ok((request.clone(), vec![locked])))),
    );
    let (shown, _) = screen(&app, 80, 24);
    assert!(
        shown.contains("签署后将锁定") && shown.contains("问题 1 条"),
        "{shown}"
    );
    // Enter alone answers Cancel: nothing is signed.
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    update(&mut app, ctrl('s'));
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Asked(Ok((request.clone(), vec![])))),
    );
    update(&mut app, key(KeyCode::Tab));
    assert_eq!(
        update(&mut app, key(KeyCode::Enter)),
        [Effect::Inspection(InspectionEffect::Do(request))]
    );
    // A refusal keeps the form open with the reason.
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Done(Err(ecocase::i18n::Text::new(
            ecocase::i18n::T::InspectionErrTwoOfficers,
        )))),
    );
    assert!(matches!(
        app.screens.last(),
        Some(Screen::InspectionForm(_))
    ));
    let (text, _) = screen(&app, 80, 24);
    assert!(text.contains("第四十二条"), "{text}");
    // Esc goes back (asking first, since text was typed).
    update(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_some());
}

#[test]
fn an_enterprise_reaches_its_orders_and_reports() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Char('i')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Rects
        ))]
    );
    let order = Rectification {
        id: 9,
        uid: "r".into(),
        inspection_id: 5,
        inspection_number: "JC-371502-2026-00138".into(),
        enterprise_id: 1,
        enterprise_name: "聊城市鑫润化工有限公司".into(),
        region_code: "371502".into(),
        doc_number: "聊环责改〔2026〕21号".into(),
        served_on: "2026-11-30".parse().expect("time"),
        deadline: "2026-12-10".parse().expect("time"),
        requirements: "设置危险废物识别标志".into(),
        report_text: String::new(),
        report_at: None,
        recheck_id: Some(6),
        result: None,
        result_note: String::new(),
        row_version: 1,
    };
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Rects(Ok(vec![
            order,
        ])))),
    );
    insta::assert_snapshot!("insp_orders_zh", snap(&app));
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "已设置识别标志");
    let fx = update(&mut app, key(KeyCode::F(2)));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Do(
            InspectionRequest::Report {
                order_id: 9,
                text: "已设置识别标志".into(),
                reason: String::new(),
            }
        ))]
    );
}

fn draws_app(lang: Lang) -> App {
    let mut app = logged_in(supervisor(), lang);
    update(&mut app, key(KeyCode::Char('i')));
    let fx = update(&mut app, key(KeyCode::Char('r')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Draws
        ))]
    );
    let draw = Draw {
        id: 3,
        uid: "d".into(),
        plan_id: 1,
        plan_name: "冠县第四季度双随机".into(),
        algorithm: "pfy-chacha20-lemire32-v1".into(),
        seed_hex: "7c".repeat(32),
        candidate_count: 11,
        candidate_sha256: "a1".repeat(32),
        drawn_count: 1,
        operator_uid: "s".into(),
        operator_name: "陈静".into(),
        at: "2026-11-30T04:59:00Z".parse().expect("time"),
    };
    let fx = update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Draws(Ok(vec![
            draw.clone(),
        ])))),
    );
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Draw { id: 3 }
        ))]
    );
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Draw(Ok(Box::new(
            DrawDetail {
                draw,
                plan: Plan {
                    id: 1,
                    uid: "p".into(),
                    name: "冠县第四季度双随机".into(),
                    regions: vec!["371525".into()],
                    class: "all".into(),
                    ratio_pct: 10,
                    count: 0,
                    listed_policy: "offsite".into(),
                    planned_on: "2026-12-07".parse().expect("time"),
                    created_at: "2026-12-01T00:00:00Z".parse().expect("time"),
                    created_by: String::new(),
                },
                results: vec![ResultRow {
                    rank: 0,
                    position: 4,
                    enterprise_id: 2,
                    uscc: "91371525221378779M".into(),
                    enterprise_name: "冠县源冠牧业有限公司".into(),
                    region_code: "371525".into(),
                    mode: "onsite".into(),
                    officers: "李强,王磊".into(),
                    inspection_id: Some(7),
                    inspection_number: "JC-371525-2026-00057".into(),
                    inspection_state: "pending".into(),
                    conclusion: String::new(),
                }],
                exclusions: vec![("cap".into(), 9), ("closed".into(), 5)],
            },
        ))))),
    );
    app
}

#[test]
fn the_draw_screen_verifies_the_selected_draw() {
    let mut app = draws_app(Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Char('v')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Do(
            InspectionRequest::Verify { id: 3 }
        ))]
    );
}

#[test]
fn snapshots_at_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let suffix = if lang == Lang::Zh { "zh" } else { "en" };
        insta::assert_snapshot!(format!("insp_list_{suffix}"), snap(&list_app(lang)));
        insta::assert_snapshot!(
            format!("insp_detail_{suffix}"),
            snap(&detail_app(lang, InspectionState::InProgress))
        );
        let mut sign = detail_app(lang, InspectionState::RecordPending);
        if let Some(Screen::InspectionDetail(d)) = sign.screens.last_mut() {
            d.data.as_mut().unwrap().detail.events = vec![Event::Sign];
            d.action = 4;
        }
        update(&mut sign, key(KeyCode::Enter));
        update(&mut sign, key(KeyCode::Tab));
        type_text(&mut sign, "经现场检查");
        insta::assert_snapshot!(format!("insp_sign_{suffix}"), snap(&sign));
        insta::assert_snapshot!(format!("insp_draws_{suffix}"), snap(&draws_app(lang)));
    }
}

#[test]
fn e_exports_the_list_as_filtered() {
    let mut app = list_app(Lang::Zh);
    // Category filter on (the first category), then export.
    update(&mut app, key(KeyCode::Char('c')));
    let fx = update(&mut app, key(KeyCode::Char('e')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Export {
            query: ecocase::tui::screens::inspection::InspectionListQuery {
                tab: InspectionTab::Mine,
                category: Some(ecocase::domain::inspection::Category::ALL[0]),
                region: None,
                officer: None,
                find: String::new(),
            },
            lang: Lang::Zh,
        })]
    );
}

#[test]
fn after_a_conflict_the_signing_form_reloads_the_version_and_sends_the_record_again() {
    use ecocase::i18n::{T, Text};
    use ecocase::tui::msg::Versioned;
    let mut app = detail_app(Lang::Zh, InspectionState::RecordPending);
    if let Some(Screen::InspectionDetail(d)) = app.screens.last_mut() {
        d.data.as_mut().unwrap().detail.events = vec![Event::Sign];
        d.action = 4;
    }
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "责令限期改正");
    update(&mut app, ctrl('s'));
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Done(Err(Text::new(T::ErrConflict)
            .arg("user", "inspector2")
            .arg("time", "2026-11-30 10:05")))),
    );
    let (shown, _) = screen(&app, 80, 24);
    assert!(
        shown.contains("按 Ctrl-R 重新加载，你的修改保留"),
        "{shown}"
    );
    assert_eq!(
        update(&mut app, ctrl('r')),
        [Effect::ReloadVersion(Versioned::Inspection(5))]
    );
    update(
        &mut app,
        Msg::VersionReloaded {
            record: Versioned::Inspection(5),
            current: Ok((6, Text::new(InspectionState::RecordPending.label()))),
        },
    );
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Inspection(InspectionEffect::Ask(InspectionRequest::Transition {
            row_version,
            input,
            ..
        })),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}");
    };
    assert_eq!(*row_version, 6);
    assert_eq!(input.record_text, "责令限期改正");
}
