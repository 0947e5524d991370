//! The issue-6 additions on the 执法检查 screens, driven through `update`: the list's filter by any
//! officer (a picker filtered by typing Chinese), the draw screen's CSV/XLSX switch and results
//! publication, and the officer pool of a new draw plan; a snapshot of the filtered list at 80x24.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::account::Role;
use ecocase::domain::inspection::{Category, InspectionState, Mode};
use ecocase::export::Format;
use ecocase::i18n::Lang;
use ecocase::store::inspection::Inspection;
use ecocase::store::inspection::draw::Draw;
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::inspection::InspectionEffect;
use ecocase::tui::screens::inspection::InspectionMsg;
use ecocase::tui::screens::inspection::form::InspectionRequest;
use ecocase::tui::screens::inspection::{InspectionData, InspectionQuery};
use tui_common::*;

fn inspection(id: i64, number: &str) -> Inspection {
    Inspection {
        id,
        uid: format!("i{id}"),
        number: number.into(),
        enterprise_id: 1,
        enterprise_name: "冠县兴华纺织有限公司".into(),
        uscc: "911302307808371268".into(),
        region_code: "371525".into(),
        category: Category::Random,
        mode: Mode::Onsite,
        trigger_ref: String::new(),
        place: String::new(),
        planned_on: "2026-11-30".parse().expect("time"),
        started_at: None,
        ended_at: None,
        state: InspectionState::Pending,
        conclusion: None,
        record_text: String::new(),
        signature: None,
        witness: String::new(),
        signed_at: None,
        recusal_reason: String::new(),
        cancel_reason: String::new(),
        parent_id: None,
        draw_id: Some(3),
        row_version: 1,
        updated_at: "2026-11-30T02:00:00Z".parse().expect("time"),
        updated_by: "u".into(),
    }
}

fn officers() -> Vec<(i64, String)> {
    vec![
        (11, "李强 inspector".into()),
        (12, "王磊 inspector2".into()),
        (13, "赵敏 inspector3".into()),
    ]
}

fn all_tab_app(lang: Lang) -> App {
    let mut app = logged_in(supervisor(), lang);
    update(&mut app, key(KeyCode::Char('i')));
    app
}

/// Picks 王磊 by typing part of the name into the picker; returns the effects of the choice.
fn pick_wang(app: &mut App) -> Vec<Effect> {
    let fx = update(app, key(KeyCode::Char('o')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Officers
        ))]
    );
    update(
        app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Officers(Ok(
            officers(),
        )))),
    );
    assert!(app.overlay.is_some(), "the picker opens");
    type_text(app, "王磊");
    update(app, key(KeyCode::Enter))
}

#[test]
fn the_list_filters_by_any_officer_chosen_in_a_picker() {
    let mut app = all_tab_app(Lang::Zh);
    let tab = match app.screens.last() {
        Some(Screen::InspectionList(l)) => l.current(),
        _ => panic!("the inspection list"),
    };
    let fx = pick_wang(&mut app);
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Page {
                tab,
                category: None,
                region: None,
                officer: Some(12),
                after: None,
                find: String::new(),
            }
        ))]
    );
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Page {
            tab,
            append: false,
            rows: Ok(vec![inspection(7, "JC-371525-2026-00057")]),
        })),
    );
    let (text, _) = screen(&app, 80, 24);
    assert!(text.contains("执法人员：王磊 inspector2"), "{text}");
    insta::assert_snapshot!("insp_list_officer_zh", text);
    // "All officers" clears the filter.
    update(&mut app, key(KeyCode::Char('o')));
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Officers(Ok(
            officers(),
        )))),
    );
    type_text(&mut app, "全部");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Page {
                tab,
                category: None,
                region: None,
                officer: None,
                after: None,
                find: String::new(),
            }
        ))]
    );
}

fn draws_app() -> App {
    let mut app = logged_in(supervisor(), Lang::Zh);
    update(&mut app, key(KeyCode::Char('i')));
    update(&mut app, key(KeyCode::Char('r')));
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
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Draws(Ok(vec![draw])))),
    );
    app
}

#[test]
fn the_draw_screen_exports_and_publishes_as_csv_or_xlsx() {
    let mut app = draws_app();
    let fx = update(&mut app, key(KeyCode::Char('e')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Do(
            InspectionRequest::Export {
                id: 3,
                format: Format::Csv
            }
        ))]
    );
    let (text, _) = screen(&app, 80, 24);
    assert!(text.contains("导出格式：CSV"), "{text}");
    update(&mut app, key(KeyCode::Char('x')));
    let (text, _) = screen(&app, 80, 24);
    assert!(text.contains("导出格式：XLSX"), "{text}");
    let asked = update(&mut app, key(KeyCode::Char('p')));
    let fx = yes(&mut app, asked);
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Do(
            InspectionRequest::Publish {
                id: 3,
                format: Format::Xlsx
            }
        ))]
    );
    let fx = update(&mut app, key(KeyCode::Char('e')));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Do(
            InspectionRequest::Export {
                id: 3,
                format: Format::Xlsx
            }
        ))]
    );
}

#[test]
fn only_a_draw_manager_publishes_results() {
    let mut app = logged_in(
        session("inspector", &[Role::Staff, Role::Inspector], None),
        Lang::Zh,
    );
    update(&mut app, key(KeyCode::Char('i')));
    update(&mut app, key(KeyCode::Char('r')));
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Draws(Ok(vec![
            Draw {
                id: 3,
                uid: "d".into(),
                plan_id: 1,
                plan_name: "冠县".into(),
                algorithm: "a".into(),
                seed_hex: String::new(),
                candidate_count: 1,
                candidate_sha256: String::new(),
                drawn_count: 1,
                operator_uid: "s".into(),
                operator_name: "陈静".into(),
                at: "2026-11-30T04:59:00Z".parse().expect("time"),
            },
        ])))),
    );
    let fx = update(&mut app, key(KeyCode::Char('p')));
    assert!(
        !fx.iter().any(|e| matches!(
            e,
            Effect::Inspection(InspectionEffect::Do(InspectionRequest::Publish { .. }))
        )),
        "{fx:?}"
    );
}

#[test]
fn a_new_draw_plan_names_its_officer_pool() {
    let mut app = draws_app();
    let fx = update(&mut app, key(KeyCode::Insert));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::DrawPool
        ))]
    );
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::DrawPool(Ok(
            officers(),
        )))),
    );
    assert!(matches!(
        app.screens.last(),
        Some(Screen::InspectionForm(_))
    ));
    type_text(&mut app, "冠县第四季度");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "371525");
    // class, ratio, count, listed policy, then the officer pool.
    for _ in 0..5 {
        update(&mut app, key(KeyCode::Tab));
    }
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Char(' ')));
    let fx = update(&mut app, ctrl('s'));
    // A draw is permanent: saving asks the service what it would do first.
    let Some(Effect::Inspection(InspectionEffect::Ask(
        request @ InspectionRequest::DrawPlan { officers, name, .. },
    ))) = fx.first()
    else {
        panic!("{fx:?}");
    };
    assert_eq!(name, "冠县第四季度");
    assert_eq!(officers, &[11, 13]);
    let request = request.clone();
    use ecocase::i18n::{T, Text};
    let lines = vec![
        Text::new(T::DrawConfirm)
            .arg("plan", "冠县第四季度")
            .arg("n", 8)
            .arg("excluded", 3)
            .arg("k", 8)
            .arg("date", "2026-12-20"),
        Text::new(T::DrawErrCountAbove)
            .arg("count", 500)
            .arg("n", 8)
            .arg("excluded", 3),
    ];
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Asked(Ok((request.clone(), lines)))),
    );
    let (shown, _) = screen(&app, 80, 24);
    assert!(
        shown.contains("候选 8 家") && shown.contains("不可撤销") && shown.contains("500"),
        "{shown}"
    );
    // Enter alone is Cancel; Tab to 确认执行, Enter runs the draw.
    update(&mut app, key(KeyCode::Tab));
    assert_eq!(
        update(&mut app, key(KeyCode::Enter)),
        [Effect::Inspection(InspectionEffect::Do(request))]
    );
}
