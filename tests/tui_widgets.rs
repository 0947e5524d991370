//! The shared form widgets: the enterprise and region pickers (Chinese, pinyin initials, code), the
//! question before an irreversible action (取消 first; cancelling does nothing), a refused save's
//! error shown once under its field, and Esc asking only after a change. 80x24 snapshots in zh and en.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::i18n::{Lang, T, Text};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::overlays::Overlay;
use ecocase::tui::overlays::confirm::ConfirmKind;
use ecocase::tui::screens::assistance::{AssistanceEffect, AssistanceMsg};
use ecocase::tui::screens::inspection::form::InspectionRequest;
use ecocase::tui::screens::inspection::{
    InspectionData, InspectionEffect, InspectionMsg, InspectionQuery,
};
use ecocase::tui::widgets::picker::EnterpriseMatch;
use tui_common::*;

/// The new-inspection form of an inspector.
fn plan_form(lang: Lang) -> App {
    let mut app = logged_in(supervisor(), lang);
    update(&mut app, key(KeyCode::Char('i')));
    update(&mut app, key(KeyCode::Insert));
    assert!(matches!(app.screen(), Screen::InspectionForm(_)));
    app
}

fn matches_found() -> Vec<EnterpriseMatch> {
    vec![
        EnterpriseMatch {
            id: 41,
            name: "山东鑫润粮油有限公司".into(),
            uscc: "91371522798657334K".into(),
            status: "closed".into(),
        },
        EnterpriseMatch {
            id: 42,
            name: "聊城市鑫润化工有限公司".into(),
            uscc: "9137150204601036XX".into(),
            status: "operating".into(),
        },
    ]
}

/// Types a query into the enterprise picker and answers its search.
fn search(app: &mut App, query: &str) {
    let fx = type_text(app, query);
    let Some(Effect::Debounce { token, .. }) = fx.last().cloned() else {
        panic!("typing asks for a search after a pause: {fx:?}");
    };
    let fx = update(app, Msg::Debounced(token));
    assert_eq!(
        fx,
        [Effect::Assistance(AssistanceEffect::FindEnterprises {
            token,
            query: query.into()
        })]
    );
    update(
        app,
        Msg::Assistance(AssistanceMsg::EnterprisesFound {
            token,
            rows: Ok(matches_found()),
        }),
    );
}

#[test]
fn the_enterprise_picker_finds_by_chinese_name_and_shows_the_business_status() {
    let mut app = plan_form(Lang::Zh);
    search(&mut app, "鑫润");
    let (text, _) = screen(&app, 80, 24);
    assert!(
        text.contains("(*) 山东鑫润粮油有限公司  91371522798657334K  注销"),
        "{text}"
    );
    assert!(
        text.contains("( ) 聊城市鑫润化工有限公司  9137150204601036XX  在营"),
        "{text}"
    );
    insta::assert_snapshot!("widgets_plan_picker_zh", text);
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, ctrl('s'));
    let [Effect::Inspection(InspectionEffect::Do(InspectionRequest::Plan { enterprise_id, .. }))] =
        fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(*enterprise_id, Some(42), "the picked enterprise is saved");
}

#[test]
fn the_enterprise_picker_in_english_and_by_pinyin_initials_or_code() {
    let mut app = plan_form(Lang::En);
    search(&mut app, "lcxr");
    let (text, _) = screen(&app, 80, 24);
    assert!(
        text.contains("山东鑫润粮油有限公司  91371522798657334K  Closed"),
        "{text}"
    );
    insta::assert_snapshot!("widgets_plan_picker_en", text);

    // Typed but not picked (no matches yet): the text is sent to be resolved by the service.
    let mut app = plan_form(Lang::Zh);
    type_text(&mut app, "9137150204601036XX");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Inspection(InspectionEffect::Do(InspectionRequest::Plan {
            enterprise_id,
            uscc,
            ..
        })),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(
        (*enterprise_id, uscc.as_str()),
        (None, "9137150204601036XX")
    );
}

/// A draw plan form on the supervisor's draw screen.
fn draw_plan_form(lang: Lang) -> App {
    let mut app = logged_in(supervisor(), lang);
    update(&mut app, key(KeyCode::Char('i')));
    update(&mut app, key(KeyCode::Char('r')));
    let fx = update(&mut app, key(KeyCode::Insert));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::DrawPool
        ))]
    );
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::DrawPool(Ok(vec![
            (11, "李强 inspector".into()),
            (12, "王磊 inspector2".into()),
        ])))),
    );
    type_text(&mut app, "冠县第四季度");
    update(&mut app, key(KeyCode::Tab));
    app
}

fn region_sent(app: &mut App) -> String {
    // A draw is asked of the service first (what it would do): the request carries the region.
    let fx = update(app, ctrl('s'));
    let [Effect::Inspection(InspectionEffect::Ask(InspectionRequest::DrawPlan { region, .. }))] =
        fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    region.clone()
}

#[test]
fn the_region_picker_takes_a_name_pinyin_initials_or_a_code() {
    for (typed, code) in [
        ("冠县", "371525"),
        ("gx", "371525"),
        ("371522", "371522"),
        ("莘", "371522"),
    ] {
        let mut app = draw_plan_form(Lang::Zh);
        type_text(&mut app, typed);
        let (text, _) = screen(&app, 80, 24);
        assert!(
            text.contains("(*) "),
            "{typed}: the matches are listed\n{text}"
        );
        assert_eq!(region_sent(&mut app), code, "{typed}");
    }
    // Nothing matches: the typed text goes to the service, which names it in its refusal.
    let mut app = draw_plan_form(Lang::Zh);
    type_text(&mut app, "不存在");
    assert_eq!(region_sent(&mut app), "不存在");
}

#[test]
fn running_a_draw_asks_first_and_cancel_does_nothing() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = draw_plan_form(lang);
        type_text(&mut app, "冠县");
        // The service states what the draw will do first; nothing runs before the answer.
        let fx = update(&mut app, ctrl('s'));
        let [Effect::Inspection(InspectionEffect::Ask(request))] = fx.as_slice() else {
            panic!("{fx:?}")
        };
        let request = request.clone();
        let statement = || {
            vec![
                Text::new(T::DrawConfirm)
                    .arg("plan", "冠县第四季度")
                    .arg("n", 8)
                    .arg("excluded", 3)
                    .arg("k", 1)
                    .arg("date", "2026-12-20"),
            ]
        };
        update(
            &mut app,
            Msg::Inspection(InspectionMsg::Asked(Ok((request.clone(), statement())))),
        );
        let Some(Overlay::Confirm(c)) = &app.overlay else {
            panic!("a question is open")
        };
        assert!(matches!(c.kind, ConfirmKind::Inspection { .. }));
        assert!(!c.yes, "取消 has the focus");
        let (text, _) = screen(&app, 80, 24);
        let (what, undo) = match lang {
            Lang::Zh => ("抽取“冠县第四季度”", "不可撤销"),
            Lang::En => ("Draw \"冠县第四季度\"", "cannot be undone"),
        };
        assert!(text.contains(what) && text.contains(undo), "{text}");
        insta::assert_snapshot!(format!("widgets_confirm_draw_{}", lang.code()), text);
        // Enter on the focused 取消: closed, nothing sent, the form as it was.
        assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
        assert!(app.overlay.is_none());
        assert!(matches!(app.screen(), Screen::InspectionForm(_)));
        // Esc cancels too.
        update(&mut app, ctrl('s'));
        update(
            &mut app,
            Msg::Inspection(InspectionMsg::Asked(Ok((request.clone(), statement())))),
        );
        assert!(app.overlay.is_some());
        assert!(update(&mut app, key(KeyCode::Esc)).is_empty());
        assert!(app.overlay.is_none());
        assert!(matches!(app.screen(), Screen::InspectionForm(_)));
    }
}

#[test]
fn a_refused_save_shows_its_error_once_under_the_field_it_names() {
    let mut app = plan_form(Lang::Zh);
    update(&mut app, ctrl('s'));
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Done(Err(
            Text::new(T::ErrRequired).arg_key("field", T::AssistanceFieldEnterpriseQuery)
        ))),
    );
    let (text, _) = screen(&app, 80, 24);
    let error = Text::new(T::ErrRequired)
        .arg_key("field", T::AssistanceFieldEnterpriseQuery)
        .render(Lang::Zh);
    assert_eq!(text.matches(error.as_str()).count(), 1, "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[2].contains(&error),
        "under the field on row 1: {text}"
    );
    assert!(
        lines[22].contains("未保存：请按字段下方的提示修改后再保存"),
        "the message row only points to the field: {text}"
    );

    // An error naming no field: once, in the message row.
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Done(Err(Text::new(T::ErrConflict)
            .arg("user", "inspector2")
            .arg("time", "2026-11-30 10:05")))),
    );
    let (text, _) = screen(&app, 80, 24);
    assert_eq!(text.matches("inspector2").count(), 1, "{text}");
}

#[test]
fn esc_leaves_an_untouched_form_at_once_and_asks_after_a_change() {
    let mut app = plan_form(Lang::Zh);
    // Moving and looking is not a change.
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none(), "nothing typed: no question");
    assert!(matches!(app.screen(), Screen::InspectionList(_)));

    let mut app = plan_form(Lang::Zh);
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Esc));
    let Some(Overlay::Confirm(c)) = &app.overlay else {
        panic!("a changed choice asks before discarding")
    };
    assert_eq!(c.kind, ConfirmKind::Discard);
    // Keeping on editing is the default.
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::InspectionForm(_)));
}

#[test]
fn up_and_down_move_inside_a_checklist_and_left_right_do_not() {
    let mut app = draw_plan_form(Lang::Zh);
    // region, class, ratio, count, listed, then the officer checklist.
    for _ in 0..5 {
        update(&mut app, key(KeyCode::Tab));
    }
    update(&mut app, key(KeyCode::Right)); // no move in a checklist
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Char(' ')));
    let Screen::InspectionForm(f) = app.screen() else {
        panic!("form")
    };
    let officers = f
        .fields
        .iter()
        .find(|f| f.id == "officers")
        .expect("officers");
    assert_eq!(
        officers.ticked,
        [false, true],
        "Down moved to the second officer"
    );
    // Down from the last item leaves the checklist for the next field (the date).
    update(&mut app, key(KeyCode::Down));
    let Screen::InspectionForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(f.fields[f.focus].id, "date");
    // Up comes back onto the checklist's last item.
    update(&mut app, key(KeyCode::Up));
    let Screen::InspectionForm(f) = app.screen() else {
        panic!("form")
    };
    assert_eq!(
        (f.fields[f.focus].id, f.fields[f.focus].cursor),
        ("officers", 1)
    );
}
