//! App-state tests: key sequences drive `update()` without a terminal or a database; each test asserts
//! the resulting state and the effects asked of the runtime.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ecocase::domain::validate::FieldIssue;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::enterprise::Warnings;
use ecocase::service::home::{Home, HomeTask, TaskKind};
use ecocase::store::enterprise::{Alert, Cursor, Filter};
use ecocase::tui::app::{App, Level, Screen, update};
use ecocase::tui::msg::{DetailData, Effect, Msg, PageRequest, PageStart, SaveError};
use ecocase::tui::overlays::Overlay;
use ecocase::tui::overlays::confirm::ConfirmKind;
use ecocase::tui::screens::fields::FieldId;
use ecocase::tui::theme::Theme;
use tui_common::*;

fn page_request(fx: &[Effect]) -> PageRequest {
    fx.iter()
        .find_map(|e| match e {
            Effect::LoadPage(r) => Some(r.clone()),
            _ => None,
        })
        .expect("a page request")
}

/// Home with one alert task, then the list opened from it and its first page loaded.
fn list_app(
    info: ecocase::tui::msg::SessionInfo,
    rows: Vec<ecocase::domain::enterprise::Enterprise>,
) -> App {
    let mut app = logged_in(info, Lang::Zh);
    update(&mut app, Msg::HomeLoaded(Ok(Home::default())));
    let fx = update(&mut app, key(KeyCode::Char('l')));
    let req = page_request(&fx);
    update(
        &mut app,
        Msg::PageLoaded {
            req: req.req,
            start: req.start,
            rows: Ok(rows),
            total: Some(5),
        },
    );
    app
}

fn list(app: &App) -> &ecocase::tui::screens::list::ListState {
    match app.screen() {
        Screen::List(l) => l,
        other => panic!("expected the list, got {other:?}"),
    }
}

fn form(app: &App) -> &ecocase::tui::screens::form::FormState {
    match app.screen() {
        Screen::Form(f) => f,
        other => panic!("expected the form, got {other:?}"),
    }
}

#[test]
fn login_sends_the_typed_credentials_and_opens_home() {
    let mut app = App::new(Lang::Zh, Theme::default(), (80, 24), false);
    type_text(&mut app, "staff");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "pw-1234");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Login {
            username: "staff".into(),
            password: "pw-1234".into()
        }]
    );
    let fx = update(&mut app, Msg::LoggedIn(Ok(staff())));
    assert_eq!(fx, vec![Effect::LoadHome]);
    assert!(matches!(app.screen(), Screen::Home(_)));
}

#[test]
fn a_refused_login_shows_the_reason_and_clears_the_password() {
    let mut app = App::new(Lang::Zh, Theme::default(), (80, 24), false);
    type_text(&mut app, "staff");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "wrong");
    update(&mut app, key(KeyCode::Enter));
    let locked = Text::new(T::ErrLoginLocked).arg("until", "2026-11-29 10:15");
    update(&mut app, Msg::LoggedIn(Err(locked.clone())));
    let m = app.message.clone().expect("message");
    assert_eq!(m.level, Level::Error);
    assert_eq!(
        m.text.render(Lang::Zh),
        "账户已锁定，请于 2026-11-29 10:15 后再试"
    );
    match app.screen() {
        Screen::Login(l) => {
            assert!(l.password.is_empty());
            assert_eq!(l.username.value(), "staff");
            assert!(!l.busy);
        }
        other => panic!("expected login, got {other:?}"),
    }
}

#[test]
fn first_run_creates_the_administrator_after_matching_passwords() {
    let mut app = App::new(Lang::Zh, Theme::default(), (80, 24), true);
    assert!(matches!(app.screen(), Screen::Setup(_)));
    update(&mut app, key(KeyCode::Char('1')));
    type_text(&mut app, "secret");
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "secreX");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(fx.is_empty());
    assert_eq!(
        app.message.as_ref().map(|m| m.text.key),
        Some(T::ErrPasswordsDiffer)
    );
    type_text(&mut app, "secret");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::InitDatabase {
            admin: "admin".into(),
            password: "secret".into()
        }]
    );
    update(&mut app, Msg::SetupDone(Ok("admin".into())));
    match app.screen() {
        Screen::Login(l) => {
            assert_eq!(l.username.value(), "admin");
            assert_eq!(l.focus, 1);
        }
        other => panic!("expected login, got {other:?}"),
    }
}

#[test]
fn demo_failure_is_shown_and_setup_can_be_chosen_again() {
    let mut app = App::new(Lang::En, Theme::default(), (80, 24), true);
    let fx = update(&mut app, key(KeyCode::Char('2')));
    assert_eq!(fx, vec![Effect::GenerateDemo]);
    update(&mut app, Msg::DemoDone(Err(Text::new(T::ErrNotFound))));
    assert_eq!(
        app.message.as_ref().map(|m| m.text.render(Lang::En)),
        Some("The record does not exist or is not visible to you".to_string())
    );
    let fx = update(&mut app, key(KeyCode::Char('2')));
    assert_eq!(fx, vec![Effect::GenerateDemo]);
}

#[test]
fn a_home_task_opens_the_list_with_its_filter() {
    let mut app = logged_in(staff(), Lang::Zh);
    let expiring = Filter {
        alert: Some(Alert::PermitExpiring {
            from: "2026-11-29".into(),
            to: "2026-12-29".into(),
        }),
        ..Filter::default()
    };
    let home = Home {
        tasks: vec![
            HomeTask {
                kind: TaskKind::PermitExpired,
                count: 0,
                filter: Filter::default(),
            },
            HomeTask {
                kind: TaskKind::PermitExpiring,
                count: 3,
                filter: expiring.clone(),
            },
        ],
        own: None,
    };
    update(&mut app, Msg::HomeLoaded(Ok(home)));
    update(&mut app, key(KeyCode::Char('j')));
    let fx = update(&mut app, key(KeyCode::Enter));
    let req = page_request(&fx);
    assert_eq!(req.filter, expiring);
    assert_eq!(req.start, PageStart::After(None));
    assert_eq!(
        req.limit, 19,
        "21 body rows less the search line and the header"
    );
    assert!(req.count);
    assert_eq!(list(&app).filter, expiring);
}

#[test]
fn paging_uses_keyset_cursors_and_pgup_returns_to_the_stacked_start() {
    let mut app = logged_in(staff(), Lang::Zh);
    update(&mut app, Msg::HomeLoaded(Ok(Home::default())));
    let fx = update(&mut app, key(KeyCode::Char('l')));
    let first = page_request(&fx);
    let mut page: Vec<_> = (1..=20)
        .map(|i| enterprise(i, &format!("企业{i:02}"), "91130200699229617X", "371502"))
        .collect();
    page.truncate(first.limit + 1);
    update(
        &mut app,
        Msg::PageLoaded {
            req: first.req,
            start: first.start.clone(),
            rows: Ok(page.clone()),
            total: Some(40),
        },
    );
    assert!(list(&app).has_next);
    assert_eq!(list(&app).rows.len(), first.limit);
    let fx = update(&mut app, key(KeyCode::PageDown));
    let next = page_request(&fx);
    let last_shown = &page[first.limit - 1];
    assert_eq!(
        next.start,
        PageStart::After(Some(Cursor {
            name: last_shown.name.clone(),
            id: last_shown.id
        }))
    );
    update(
        &mut app,
        Msg::PageLoaded {
            req: next.req,
            start: next.start,
            rows: Ok(vec![enterprise(
                99,
                "企业99",
                "911302307808371268",
                "371502",
            )]),
            total: None,
        },
    );
    assert_eq!(list(&app).offset, first.limit as u64);
    assert!(list(&app).has_prev && !list(&app).has_next);
    let fx = update(&mut app, key(KeyCode::PageUp));
    assert_eq!(page_request(&fx).start, PageStart::After(None));
    let fx = update(&mut app, key(KeyCode::Char('G')));
    assert_eq!(page_request(&fx).start, PageStart::Before(None));
}

#[test]
fn a_late_page_for_an_old_request_is_ignored() {
    let mut app = list_app(staff(), rows());
    let fx = update(&mut app, key(KeyCode::F(5)));
    let newer = page_request(&fx);
    update(
        &mut app,
        Msg::PageLoaded {
            req: newer.req - 1,
            start: PageStart::After(None),
            rows: Ok(vec![]),
            total: Some(0),
        },
    );
    assert_eq!(list(&app).rows.len(), 5);
}

#[test]
fn search_as_you_type_is_debounced_and_runs_the_latest_query() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Char('/')));
    assert!(list(&app).searching);
    let fx = type_text(&mut app, "绿源");
    let tokens: Vec<u64> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Debounce { token, ms } => {
                assert_eq!(*ms, 150);
                Some(*token)
            }
            _ => None,
        })
        .collect();
    assert_eq!(tokens.len(), 2);
    assert!(update(&mut app, Msg::Debounced(tokens[0])).is_empty());
    let fx = update(&mut app, Msg::Debounced(tokens[1]));
    let req = page_request(&fx);
    assert_eq!(req.filter.query, "绿源");
    assert_eq!(req.start, PageStart::After(None));
}

#[test]
fn vim_letters_move_in_lists_but_type_in_forms() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Char('j')));
    update(&mut app, key(KeyCode::Char('j')));
    update(&mut app, key(KeyCode::Char('k')));
    assert_eq!(list(&app).selected, 1);
    update(&mut app, ctrl('n'));
    type_text(&mut app, "jkgG");
    assert_eq!(form(&app).value(FieldId::Uscc), "jkgG");
}

#[test]
fn enter_opens_the_detail_of_the_selected_row_and_esc_returns_with_selection_kept() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Down));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(fx, vec![Effect::LoadDetail { id: 2 }]);
    let fx = update(&mut app, key(KeyCode::Esc));
    let req = page_request(&fx);
    assert_eq!(req.start, PageStart::After(None));
    update(
        &mut app,
        Msg::PageLoaded {
            req: req.req,
            start: req.start,
            rows: Ok(rows()),
            total: Some(5),
        },
    );
    assert_eq!(list(&app).selected, 1);
}

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
            Effect::CheckDraft {
                req,
                draft,
                editing: None,
            },
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
        Msg::DraftChecked {
            req,
            issues: vec![issue],
        },
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
        [Effect::SaveEnterprise {
            warnings: Warnings::Stop,
            editing: None,
            ..
        }]
    ));
    let warning = FieldIssue::warning(
        "uscc",
        "uscc_checksum",
        Text::new(T::WarnUsccCheck).arg("expected", 'X'),
    );
    update(
        &mut app,
        Msg::SaveFailed(SaveError::Invalid(vec![warning.clone()])),
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
        Msg::SaveFailed(SaveError::Invalid(vec![warning2])),
    );
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        fx.as_slice(),
        [Effect::SaveEnterprise {
            warnings: Warnings::Acknowledge,
            ..
        }]
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
    update(&mut app, Msg::SaveFailed(SaveError::Invalid(issues)));
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
    };
    update(
        &mut app,
        Msg::DetailLoaded {
            id: 1,
            data: Ok(data),
        },
    );
    update(&mut app, key(KeyCode::F(8)));
    assert_eq!(form(&app).editing, Some((1, 3)));
    update(&mut app, ctrl('s'));
    update(
        &mut app,
        Msg::SaveFailed(SaveError::Conflict {
            by: "zhangsan".into(),
            at: "2026-11-29T02:05:00Z".into(),
        }),
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
    assert_eq!(fx, vec![Effect::LoadForEdit { id: 1 }]);
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
    assert_eq!(form(&app).value(FieldId::Name), "聊城[2J化工  有限公司");
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
    };
    update(
        &mut app,
        Msg::DetailLoaded {
            id: 1,
            data: Ok(data),
        },
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
        vec![Effect::DeleteEnterprise {
            id: 1,
            row_version: 3,
            reason: "重复登记".into()
        }]
    );
    update(&mut app, Msg::Deleted(Ok(())));
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
