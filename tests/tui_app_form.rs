//! App-state tests for the form, dialogs, roles, the idle lock and the palette: key sequences drive
//! `update()` without a terminal or a database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ecocase::domain::validate::FieldIssue;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::enterprise::Warnings;
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::overlays::Overlay;
use ecocase::tui::overlays::confirm::ConfirmKind;
use ecocase::tui::screens::enterprise::EnterpriseEffect;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::enterprise::fields::FieldId;
use ecocase::tui::screens::enterprise::{DetailData, PageStart, SaveError};
use tui_common::*;

fn new_form(info: ecocase::tui::msg::SessionInfo) -> App {
    let mut app = list_app(info, rows());
    update(&mut app, key(KeyCode::Insert));
    app
}

#[test]
fn leaving_a_field_checks_the_draft_and_shows_its_message() {
    let mut app = new_form(staff());
    type_text(&mut app, "91130200699229617A");
    let fx = update(&mut app, key(KeyCode::Tab));
    let (req, draft) = match fx.as_slice() {
        [
            Effect::Enterprise(EnterpriseEffect::CheckDraft {
                req,
                draft,
                editing: None,
            }),
        ] => (*req, draft.clone()),
        other => panic!("expected a draft check, got {other:?}"),
    };
    assert_eq!(draft.uscc, "91130200699229617A");
    assert_eq!(draft.status, "operating");
    let issue = FieldIssue::error(
        "uscc",
        "uscc_checksum",
        Text::new(T::ErrUsccCheck).arg("expected", 'X'),
    );
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DraftChecked {
            req,
            issues: vec![issue],
        }),
    );
    let shown = form(&app).issues_for(FieldId::Uscc);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].render(Lang::Zh), "校验码不符，应为 X");
    // Not yet visited: the name's own messages stay hidden until the person leaves it or saves.
    assert!(form(&app).issues_for(FieldId::Name).is_empty());
}

#[test]
fn warnings_are_acknowledged_by_an_explicit_second_save() {
    let mut app = new_form(staff());
    type_text(&mut app, "91130200699229617A");
    let fx = update(&mut app, key(KeyCode::F(2)));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Enterprise(EnterpriseEffect::Save {
            warnings: Warnings::Stop,
            editing: None,
            ..
        })]
    ));
    let warning = FieldIssue::warning(
        "uscc",
        "uscc_checksum",
        Text::new(T::WarnUsccCheck).arg("expected", 'X'),
    );
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Invalid(vec![
            warning.clone(),
        ]))),
    );
    assert_eq!(
        app.overlay,
        Some(Overlay::Confirm(
            ecocase::tui::overlays::confirm::ConfirmState::new(ConfirmKind::AckWarnings(vec![
                warning
            ]))
        ))
    );
    // Enter alone takes the safe answer: back to the form, nothing saved.
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    update(&mut app, ctrl('s'));
    let warning2 = FieldIssue::warning(
        "permit_expiry",
        "permit_expired",
        Text::new(T::WarnPermitExpired).arg("date", "2025-01-01"),
    );
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Invalid(vec![
            warning2,
        ]))),
    );
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Enterprise(EnterpriseEffect::Save {
            warnings: Warnings::Acknowledge,
            ..
        })]
    ));
}

#[test]
fn errors_from_save_focus_the_first_field_in_error() {
    let mut app = new_form(staff());
    update(&mut app, key(KeyCode::F(2)));
    let issues = vec![
        FieldIssue::error(
            "name",
            "required",
            Text::new(T::ErrRequired).arg_key("field", T::FieldName),
        ),
        FieldIssue::error(
            "region_code",
            "required",
            Text::new(T::ErrRequired).arg_key("field", T::FieldRegion),
        ),
    ];
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Invalid(issues))),
    );
    assert_eq!(form(&app).field(), FieldId::Name);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.render(Lang::Zh)),
        Some("有 2 处输入需要修改".to_string())
    );
    assert_eq!(form(&app).issues_for(FieldId::Region).len(), 1);
}

#[test]
fn a_conflict_names_who_changed_the_record_and_reload_fetches_it() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Enter));
    let data = DetailData {
        enterprise: rows()[0].clone(),
        former_names: vec![],
        history: Some(vec![]),
        list_entries: vec![],
        list_history: Vec::new(),
        assistance: Vec::new(),
        manifests: Vec::new(),
        inspections: Default::default(),
    };
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DetailLoaded {
            id: 1,
            data: Ok(data),
        }),
    );
    update(&mut app, key(KeyCode::F(8)));
    assert_eq!(form(&app).editing, Some((1, 3)));
    update(&mut app, ctrl('s'));
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Conflict {
            by: "zhangsan".into(),
            at: "2026-11-29T02:05:00Z".into(),
        })),
    );
    let text = app
        .message
        .as_ref()
        .map(|m| m.text.render(Lang::Zh))
        .unwrap_or_default();
    assert!(
        text.starts_with("已被 zhangsan 于 2026-11-29 10:05 修改"),
        "{text}"
    );
    let fx = update(&mut app, ctrl('r'));
    assert_eq!(
        fx,
        vec![Effect::Enterprise(EnterpriseEffect::LoadForEdit { id: 1 })]
    );
}

#[test]
fn reloading_after_a_conflict_keeps_the_typed_changes_and_takes_the_rest() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Enter));
    let data = DetailData {
        enterprise: rows()[0].clone(),
        former_names: vec![],
        history: Some(vec![]),
        list_entries: vec![],
        list_history: Vec::new(),
        assistance: Vec::new(),
        manifests: Vec::new(),
        inspections: Default::default(),
    };
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DetailLoaded {
            id: 1,
            data: Ok(data),
        }),
    );
    update(&mut app, key(KeyCode::F(8)));
    // This person changes the contact (field 4).
    let contact = FieldId::ALL
        .iter()
        .position(|f| *f == FieldId::Contact)
        .expect("contact");
    while form(&app).focus != contact {
        update(&mut app, key(KeyCode::Tab));
    }
    update(&mut app, ctrl('u'));
    type_text(&mut app, "王建国");
    update(&mut app, ctrl('s'));
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Conflict {
            by: "zhangsan".into(),
            at: "2026-11-29T02:05:00Z".into(),
        })),
    );
    // Meanwhile zhangsan changed the address and the contact.
    let mut theirs = rows()[0].clone();
    theirs.row_version = 4;
    theirs.address = "聊城市东昌府区柳园南路88号".into();
    theirs.contact = "李娜".into();
    update(&mut app, ctrl('r'));
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::EditLoaded(Ok(theirs))),
    );
    let f = form(&app);
    assert_eq!(
        f.editing,
        Some((1, 4)),
        "the next save goes against the current version"
    );
    let value = |id: FieldId| {
        let i = FieldId::ALL.iter().position(|f| *f == id).expect("field");
        f.inputs[i].value().to_string()
    };
    assert_eq!(
        value(FieldId::Contact),
        "王建国",
        "the typed change is re-applied"
    );
    assert_eq!(
        value(FieldId::Address),
        "聊城市东昌府区柳园南路88号",
        "theirs is taken"
    );
    let text = app
        .message
        .as_ref()
        .map(|m| m.text.render(Lang::Zh))
        .unwrap_or_default();
    assert!(text.contains("你修改的 1 项已保留"), "{text}");
}

#[test]
fn esc_with_unsaved_changes_asks_and_defaults_to_keep_editing() {
    let mut app = new_form(staff());
    type_text(&mut app, "9113");
    update(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::Form(_)));
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::List(_)));
}

#[test]
fn pasted_text_loses_control_characters() {
    let mut app = new_form(staff());
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, Msg::Paste("聊城\u{1b}[2J化工\r\n有限公司".into()));
    assert_eq!(form(&app).value(FieldId::Name), "聊城化工 有限公司");
}

#[test]
fn choice_fields_cycle_with_arrows_and_pick_by_typing() {
    let mut app = new_form(staff());
    for _ in 0..7 {
        update(&mut app, key(KeyCode::Tab));
    }
    assert_eq!(form(&app).field(), FieldId::Region);
    update(&mut app, key(KeyCode::Right));
    assert_eq!(form(&app).value(FieldId::Region), "371502");
    // Typing pinyin initials opens the picker filtered: gx = 冠县.
    update(&mut app, key(KeyCode::Char('g')));
    update(&mut app, key(KeyCode::Char('x')));
    update(&mut app, key(KeyCode::Enter));
    assert_eq!(form(&app).value(FieldId::Region), "371525");
}

#[test]
fn roles_decide_what_is_offered_and_refused() {
    // Staff may not delete: the key is refused with the permission's name, nothing opens.
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Enter));
    let fx = update(&mut app, key(KeyCode::Delete));
    assert!(fx.is_empty() && app.overlay.is_none());
    assert_eq!(
        app.message.as_ref().map(|m| m.text.render(Lang::Zh)),
        Some("无权执行此操作：删除企业".to_string())
    );
    // Enterprise accounts cannot create.
    let mut app = list_app(enterprise_user(), rows()[..1].to_vec());
    update(&mut app, key(KeyCode::Insert));
    assert!(matches!(app.screen(), Screen::List(_)));
    let hints = ecocase::tui::render::hints(&app);
    assert!(!hints.iter().any(|(_, d)| d == "新建企业"), "{hints:?}");
}

#[test]
fn deletion_needs_a_reason_and_an_explicit_choice() {
    let mut app = list_app(supervisor(), rows());
    update(&mut app, key(KeyCode::Enter));
    let data = DetailData {
        enterprise: rows()[0].clone(),
        former_names: vec![],
        history: None,
        list_entries: vec![],
        list_history: Vec::new(),
        assistance: Vec::new(),
        manifests: Vec::new(),
        inspections: Default::default(),
    };
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DetailLoaded {
            id: 1,
            data: Ok(data),
        }),
    );
    update(&mut app, ctrl('d'));
    assert!(matches!(app.overlay, Some(Overlay::Delete(_))));
    // Enter in the empty reason moves to Cancel; Enter again cancels.
    update(&mut app, key(KeyCode::Enter));
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    update(&mut app, ctrl('d'));
    type_text(&mut app, "重复登记");
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Enterprise(EnterpriseEffect::Delete {
            id: 1,
            row_version: 3,
            reason: "重复登记".into()
        })]
    );
    update(&mut app, Msg::Enterprise(EnterpriseMsg::Deleted(Ok(()))));
    assert!(matches!(app.screen(), Screen::List(_)));
}

#[test]
fn idle_lock_keeps_the_screen_and_asks_for_the_password() {
    let mut app = new_form(staff());
    type_text(&mut app, "9113");
    assert_eq!(
        update(&mut app, Msg::Tick { idle_secs: 60 }),
        vec![Effect::CheckDataVersion]
    );
    update(&mut app, Msg::Tick { idle_secs: 15 * 60 });
    assert!(app.locked.is_some());
    // Keys go to the lock, not the form behind it.
    type_text(&mut app, "pw");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Unlock {
            password: "pw".into()
        }]
    );
    update(&mut app, Msg::Unlocked(Err(Text::new(T::ErrLoginFailed))));
    assert!(app.locked.is_some());
    update(&mut app, Msg::Unlocked(Ok(())));
    assert!(app.locked.is_none());
    assert_eq!(form(&app).value(FieldId::Uscc), "9113");
}

#[test]
fn the_palette_runs_commands_found_by_pinyin_initials() {
    let mut app = list_app(staff(), rows());
    update(&mut app, ctrl('k'));
    type_text(&mut app, "xj");
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::Form(_)));
    // ':' opens it too in lists; an enterprise account finds no "new".
    let mut app = list_app(enterprise_user(), rows()[..1].to_vec());
    update(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, "new");
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::List(_)));
}

#[test]
fn help_opens_with_f1_or_question_mark_and_filters_by_typing() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::F(1)));
    let Some(Overlay::Help(h)) = &app.overlay else {
        panic!("help expected");
    };
    let all = h.rows(&app).len();
    type_text(&mut app, "ss");
    let Some(Overlay::Help(h)) = &app.overlay else {
        panic!("help expected");
    };
    let rows = h.rows(&app);
    assert!(rows.len() < all);
    assert!(rows.iter().any(|(_, d)| d == "搜索"), "{rows:?}");
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, key(KeyCode::Char('?')));
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
}

#[test]
fn alt_key_from_a_quick_esc_is_esc_then_the_key() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Enter));
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT)),
    );
    assert!(matches!(app.screen(), Screen::List(_)));
    assert_eq!(list(&app).selected, 1);
}

#[test]
fn a_too_small_window_keeps_the_state() {
    let mut app = new_form(staff());
    type_text(&mut app, "9113");
    let fx = update(&mut app, Msg::Resize(60, 20));
    assert!(fx.contains(&Effect::ClearScreen));
    update(&mut app, Msg::Resize(100, 30));
    assert_eq!(form(&app).value(FieldId::Uscc), "9113");
}

#[test]
fn another_process_committing_refreshes_the_list() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Down));
    let fx = update(&mut app, Msg::DataChanged);
    let req = page_request(&fx);
    assert_eq!(req.start, PageStart::After(None));
    assert!(req.count);
}

#[test]
fn quit_asks_only_when_work_would_be_lost() {
    let mut app = list_app(staff(), rows());
    assert_eq!(update(&mut app, ctrl('q')), vec![Effect::Quit]);
    let mut app = new_form(staff());
    type_text(&mut app, "x");
    assert!(update(&mut app, key(KeyCode::F(10))).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
}
