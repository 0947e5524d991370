//! Snapshots of the administration screens at 80x24 in Chinese and English: the administrator's home,
//! 用户管理 (list, one account with certificates, the add form), 参数设置 (editing a value) and
//! 审计日志 (list and one entry). Review changes by eye in tests/snapshots/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::i18n::Lang;
use ecocase::service::admin::SettingRow;
use ecocase::service::home::{Home, HomeTask, TaskKind};
use ecocase::store::account::Certificate;
use ecocase::store::enterprise::Filter;
use ecocase::tui::app::{App, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::admin::AdminEffect;
use ecocase::tui::screens::admin::AdminMsg;
use tui_common::*;

fn snap(app: &App) -> String {
    let (text, cursor) = screen(app, 80, 24);
    match cursor {
        Some((x, y)) => format!("{text}cursor: {x},{y}\n"),
        None => format!("{text}cursor: hidden\n"),
    }
}

fn admin_home(lang: Lang) -> App {
    let mut app = logged_in(admin(), lang);
    let task = |kind, count| HomeTask {
        kind,
        count,
        filter: Filter::default(),
    };
    let home = Home {
        assist: None,
        manifests: None,
        inspect: None,
        calendar_missing: None,
        tasks: vec![
            task(TaskKind::PermitExpiring, 12),
            task(TaskKind::PermitExpired, 3),
            task(TaskKind::NonstandardUscc, 1),
            task(TaskKind::WarningsAcknowledged, 0),
            task(TaskKind::Operating, 1846),
            task(TaskKind::Suspended, 97),
            task(TaskKind::Closed, 41),
            task(TaskKind::All, 1984),
        ],
        own: None,
        plist: None,
    };
    update(&mut app, Msg::HomeLoaded(Ok(home)));
    app
}

fn users(lang: Lang) -> App {
    let mut app = admin_home(lang);
    update(&mut app, key(KeyCode::Enter));
    update(
        &mut app,
        Msg::Admin(AdminMsg::AccountsLoaded(Ok(accounts()))),
    );
    update(&mut app, key(KeyCode::Down));
    app
}

fn account(lang: Lang) -> App {
    let mut app = users(lang);
    update(&mut app, key(KeyCode::Enter));
    let cert = |number: &str, from: &str, to: &str| Certificate {
        uid: format!("c-{number}"),
        username: "liqiang.inspector".into(),
        kind: "行政执法证".into(),
        number: number.into(),
        issuer: "山东省人民政府".into(),
        valid_from: from.parse().expect("day"),
        valid_to: to.parse().expect("day"),
    };
    update(
        &mut app,
        Msg::Admin(AdminMsg::CertificatesLoaded {
            username: "liqiang.inspector".into(),
            certificates: Ok(vec![
                cert("LC-2026-0158", "2026-01-01", "2028-12-31"),
                cert("LC-2022-0031", "2022-01-01", "2025-12-31"),
            ]),
        }),
    );
    app
}

fn add_user(lang: Lang) -> App {
    let mut app = users(lang);
    update(&mut app, key(KeyCode::Insert));
    type_text(&mut app, "guanxian01");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "张晓梅");
    app
}

fn settings(lang: Lang) -> App {
    let mut app = admin_home(lang);
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Enter));
    let rows = ecocase::domain::settings::DEFAULTS
        .iter()
        .map(|(key, default, description)| SettingRow {
            key,
            value: if *key == "session.idle_lock_minutes" {
                20
            } else {
                *default
            },
            default: *default,
            description: *description,
        })
        .collect();
    update(&mut app, Msg::Admin(AdminMsg::SettingsLoaded(Ok(rows))));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, ctrl('u'));
    type_text(&mut app, "30");
    app
}

fn audit(lang: Lang) -> App {
    let mut app = admin_home(lang);
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    let fx = update(&mut app, key(KeyCode::Enter));
    let req = match fx.as_slice() {
        [Effect::Admin(AdminEffect::LoadAudit { req, .. })] => *req,
        other => panic!("{other:?}"),
    };
    let rows = vec![
        audit_row(
            42,
            "update",
            "enterprise",
            Some(r#"{"name":"莘县华泰造纸厂","phone":"0635-1","row_version":2}"#),
            Some(r#"{"name":"莘县华泰造纸有限责任公司","phone":"0635-2","row_version":3}"#),
        ),
        audit_row(
            41,
            "update",
            "setting",
            Some(r#"{"value":15}"#),
            Some(r#"{"value":20}"#),
        ),
        audit_row(
            40,
            "disable",
            "user",
            None,
            Some(r#"{"username":"guanxian01","active":false}"#),
        ),
        audit_row(
            39,
            "create",
            "certificate",
            None,
            Some(r#"{"number":"LC-2026-0158"}"#),
        ),
        audit_row(38, "login", "user", None, None),
    ];
    update(
        &mut app,
        Msg::Admin(AdminMsg::AuditLoaded {
            req,
            rows: Ok(rows),
        }),
    );
    app
}

#[test]
fn administrator_home() {
    for lang in [Lang::Zh, Lang::En] {
        insta::assert_snapshot!(
            format!("admin_home_{}", lang.code()),
            snap(&admin_home(lang))
        );
    }
}

#[test]
fn users_list() {
    for lang in [Lang::Zh, Lang::En] {
        let shown = snap(&users(lang));
        assert!(
            shown.contains("91130200699229617X"),
            "the bound enterprise: {shown}"
        );
        assert!(
            shown.contains("2026-11-29 10:15"),
            "locked until, local time: {shown}"
        );
        insta::assert_snapshot!(format!("users_{}", lang.code()), shown);
    }
}

#[test]
fn account_with_certificates() {
    for lang in [Lang::Zh, Lang::En] {
        let shown = snap(&account(lang));
        assert!(shown.contains("LC-2022-0031"));
        insta::assert_snapshot!(format!("account_{}", lang.code()), shown);
    }
}

#[test]
fn add_user_form_with_the_cursor_after_the_chinese_name() {
    for lang in [Lang::Zh, Lang::En] {
        let app = add_user(lang);
        let (text, cursor) = screen(&app, 80, 24);
        let (x, y) = cursor.expect("cursor in the focused field");
        let line = text.lines().nth(usize::from(y)).expect("row");
        let start = line.find("张晓梅").expect("name");
        assert_eq!(
            usize::from(x),
            unicode_width::UnicodeWidthStr::width(&line[..start]) + 6
        );
        insta::assert_snapshot!(format!("add_user_{}", lang.code()), snap(&app));
    }
}

#[test]
fn settings_while_editing_a_value() {
    for lang in [Lang::Zh, Lang::En] {
        insta::assert_snapshot!(format!("settings_{}", lang.code()), snap(&settings(lang)));
    }
}

#[test]
fn audit_log_and_one_entry() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = audit(lang);
        insta::assert_snapshot!(format!("audit_{}", lang.code()), snap(&app));
        update(&mut app, key(KeyCode::Enter));
        let shown = snap(&app);
        assert!(
            shown.contains("name: 莘县华泰造纸厂 -> 莘县华泰造纸有限责任公司"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("audit_entry_{}", lang.code()), shown);
    }
}
