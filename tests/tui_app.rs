//! App-state tests: key sequences drive `update()` without a terminal or a database; each test asserts
//! the resulting state and the effects asked of the runtime.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::home::{Home, HomeTask, TaskKind};
use ecocase::store::enterprise::{Alert, Cursor, Filter};
use ecocase::tui::app::{App, Level, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::enterprise::EnterpriseEffect;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::enterprise::PageStart;
use ecocase::tui::screens::enterprise::fields::FieldId;
use ecocase::tui::theme::Theme;
use tui_common::*;

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
    let locked = Text::new(T::ErrLoginWait).arg("seconds", 4);
    update(&mut app, Msg::LoggedIn(Err(locked.clone())));
    let m = app.message.clone().expect("message");
    assert_eq!(m.level, Level::Error);
    assert_eq!(m.text.render(Lang::Zh), "登录失败次数过多，请 4 秒后再试");
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
        plist: None,
        assist: None,
        manifests: None,
        inspect: None,
        calendar_missing: None,
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
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: first.req,
            start: first.start.clone(),
            rows: Ok(page.clone()),
            total: Some(40),
        }),
    );
    assert!(list(&app).has_next);
    assert_eq!(list(&app).rows.len(), first.limit);
    let fx = update(&mut app, key(KeyCode::PageDown));
    let next = page_request(&fx);
    let last_shown = &page[first.limit - 1];
    assert_eq!(
        next.start,
        PageStart::After(Some(Cursor::after(last_shown)))
    );
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: next.req,
            start: next.start,
            rows: Ok(vec![enterprise(
                99,
                "企业99",
                "911302307808371268",
                "371502",
            )]),
            total: None,
        }),
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
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: newer.req - 1,
            start: PageStart::After(None),
            rows: Ok(vec![]),
            total: Some(0),
        }),
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
    assert_eq!(
        fx,
        vec![Effect::Enterprise(EnterpriseEffect::LoadDetail { id: 2 })]
    );
    let fx = update(&mut app, key(KeyCode::Esc));
    let req = page_request(&fx);
    assert_eq!(req.start, PageStart::After(None));
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: req.req,
            start: req.start,
            rows: Ok(rows()),
            total: Some(5),
        }),
    );
    assert_eq!(list(&app).selected, 1);
}

#[test]
fn s_cycles_the_order_from_the_first_page_and_pages_keep_it() {
    use ecocase::store::enterprise::Sort;
    let mut app = list_app(staff(), rows());
    let mut seen = Vec::new();
    for _ in 0..4 {
        let fx = update(&mut app, key(KeyCode::Char('s')));
        let req = page_request(&fx);
        assert_eq!(req.start, PageStart::After(None));
        assert!(!req.count, "the order does not change the count");
        seen.push(req.filter.sort);
        update(
            &mut app,
            Msg::Enterprise(EnterpriseMsg::PageLoaded {
                req: req.req,
                start: req.start,
                rows: Ok(rows()),
                total: None,
            }),
        );
    }
    assert_eq!(
        seen,
        vec![Sort::Uscc, Sort::Region, Sort::Status, Sort::Name]
    );
    // F6 and Ctrl-O are the same key; the next page keeps the order and starts after the last row.
    let fx = update(&mut app, key(KeyCode::F(6)));
    assert_eq!(page_request(&fx).filter.sort, Sort::Uscc);
    let fx = update(&mut app, ctrl('o'));
    let req = page_request(&fx);
    assert_eq!(req.filter.sort, Sort::Region);
    let mut page: Vec<_> = (1..=20)
        .map(|i| enterprise(i, &format!("企业{i:02}"), "91130200699229617X", "371502"))
        .collect();
    page.truncate(req.limit + 1);
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: req.req,
            start: req.start,
            rows: Ok(page.clone()),
            total: Some(40),
        }),
    );
    let fx = update(&mut app, key(KeyCode::PageDown));
    let next = page_request(&fx);
    assert_eq!(next.filter.sort, Sort::Region);
    assert_eq!(
        next.start,
        PageStart::After(Some(Cursor::after(&page[req.limit - 1])))
    );
    // Clearing the filters keeps the order.
    let fx = update(&mut app, key(KeyCode::Char('x')));
    assert_eq!(page_request(&fx).filter.sort, Sort::Region);
}
