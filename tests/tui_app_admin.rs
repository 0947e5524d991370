//! App-state tests for the administration screens: who is led to them, adding an account with roles
//! and unit picked, disabling with a question, certificates, settings edited in place, the audit log
//! paged by sequence number and the chain verified.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::account::Role;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::account::NewAccount;
use ecocase::service::admin::SettingRow;
use ecocase::service::home::Home;
use ecocase::store::audit::{BrokenLink, ChainReport};
use ecocase::tui::app::{App, Level, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::overlays::Overlay;
use ecocase::tui::overlays::confirm::ConfirmKind;
use ecocase::tui::screens::admin::AdminEffect;
use ecocase::tui::screens::admin::AdminMsg;
use ecocase::tui::screens::admin::form::AdminField;
use tui_common::*;

fn home_of(info: ecocase::tui::msg::SessionInfo) -> App {
    let mut app = logged_in(info, Lang::Zh);
    update(&mut app, Msg::HomeLoaded(Ok(Home::default())));
    app
}

fn users_app() -> App {
    let mut app = home_of(admin());
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(fx, vec![Effect::Admin(AdminEffect::LoadAccounts)]);
    update(
        &mut app,
        Msg::Admin(AdminMsg::AccountsLoaded(Ok(accounts()))),
    );
    app
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.render(Lang::Zh))
        .unwrap_or_default()
}

#[test]
fn only_administrators_and_supervisors_are_led_to_administration() {
    let shown = |info| screen(&home_of(info), 80, 24).0;
    let admin_home = shown(admin());
    for item in ["用户管理", "参数设置", "审计日志"] {
        assert!(admin_home.contains(item), "{admin_home}");
    }
    let sup = shown(supervisor());
    assert!(sup.contains("审计日志") && !sup.contains("用户管理") && !sup.contains("参数设置"));
    let staff_home = shown(staff());
    assert!(!staff_home.contains("审计日志") && !staff_home.contains("系统管理"));
    // Nor does the palette offer them, and the command is refused if it arrives anyway.
    let mut app = home_of(staff());
    update(&mut app, ctrl('k'));
    type_text(&mut app, "yhgl");
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::Home(_)));
    let mut app = home_of(supervisor());
    update(&mut app, ctrl('k'));
    type_text(&mut app, "sjrz");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::Audit(_)));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Admin(AdminEffect::LoadAudit { before: None, .. })]
    ));
}

#[test]
fn adding_an_account_picks_roles_and_unit_and_checks_the_password_twice() {
    let mut app = users_app();
    update(&mut app, key(KeyCode::Insert));
    assert!(matches!(app.screen(), Screen::AdminForm(_)));
    type_text(&mut app, "guanxian01");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "张晓梅");
    update(&mut app, key(KeyCode::Tab));
    // Roles: a multi-choice picker; Space ticks inspector besides the preset staff.
    update(&mut app, key(KeyCode::F(4)));
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("roles picker expected");
    };
    assert!(p.multi);
    assert_eq!(p.checked, vec!["staff".to_string()]);
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Char(' ')));
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Tab));
    // Unit: typing opens the single-choice picker filtered.
    update(&mut app, key(KeyCode::Char('g')));
    type_text(&mut app, "冠县");
    update(&mut app, key(KeyCode::Enter));
    for _ in 0..2 {
        update(&mut app, key(KeyCode::Tab));
    }
    type_text(&mut app, "pass1234");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "pass1235");
    assert!(update(&mut app, key(KeyCode::F(2))).is_empty());
    assert_eq!(message(&app), T::ErrPasswordsDiffer.get(Lang::Zh));
    let Screen::AdminForm(f) = app.screen() else {
        panic!("form expected");
    };
    assert_eq!(f.field(), AdminField::PasswordAgain);
    assert_eq!(f.value(AdminField::PasswordAgain), "");
    type_text(&mut app, "pass1234");
    let fx = update(&mut app, ctrl('s'));
    assert_eq!(
        fx,
        vec![Effect::Admin(AdminEffect::AddUser(NewAccount {
            username: "guanxian01".into(),
            display_name: "张晓梅".into(),
            roles: vec![Role::Staff, Role::Inspector],
            unit: Some("371525".into()),
            enterprise_uscc: None,
            password: "pass1234".into(),
        }))]
    );
    // A refusal keeps the form and names the reason; success returns to the refreshed list.
    let taken = Text::new(T::ErrUsernameTaken).arg("name", "guanxian01");
    update(&mut app, Msg::Admin(AdminMsg::Done(Err(taken))));
    assert!(matches!(app.screen(), Screen::AdminForm(_)));
    assert_eq!(message(&app), "用户名 guanxian01 已存在");
    update(&mut app, ctrl('s'));
    let fx = update(
        &mut app,
        Msg::Admin(AdminMsg::Done(Ok(
            Text::new(T::MsgUserAdded).arg("name", "guanxian01")
        ))),
    );
    assert!(matches!(app.screen(), Screen::Users(_)));
    assert_eq!(fx, vec![Effect::Admin(AdminEffect::LoadAccounts)]);
    assert_eq!(message(&app), "已添加用户 guanxian01");
}

#[test]
fn disabling_asks_first_with_cancel_as_the_default() {
    let mut app = users_app();
    update(&mut app, key(KeyCode::Char('j')));
    update(&mut app, key(KeyCode::F(9)));
    let Some(Overlay::Confirm(c)) = &app.overlay else {
        panic!("question expected");
    };
    assert_eq!(
        c.kind,
        ConfirmKind::SetActive {
            username: "liqiang.inspector".into(),
            active: false
        }
    );
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    update(&mut app, ctrl('d'));
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Admin(AdminEffect::SetUserActive {
            username: "liqiang.inspector".into(),
            active: false
        })]
    );
    // A disabled account is offered enabling.
    for _ in 0..2 {
        update(&mut app, key(KeyCode::Down));
    }
    update(&mut app, key(KeyCode::F(9)));
    assert!(matches!(
        &app.overlay,
        Some(Overlay::Confirm(c)) if c.kind == ConfirmKind::SetActive { username: "wangfang".into(), active: true }
    ));
}

#[test]
fn an_account_shows_its_certificates_and_adds_one() {
    let mut app = users_app();
    update(&mut app, key(KeyCode::Down));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Admin(AdminEffect::LoadCertificates {
            username: "liqiang.inspector".into()
        })]
    );
    update(&mut app, key(KeyCode::Insert));
    let fx = update(&mut app, key(KeyCode::F(2)));
    assert!(fx.is_empty());
    assert_eq!(message(&app), "执法证号不能为空");
    type_text(&mut app, "LC-2026-0158");
    for text in ["行政执法证", "山东省人民政府", "2026-01-01", "2028-12-31"] {
        update(&mut app, key(KeyCode::Tab));
        type_text(&mut app, text);
    }
    let fx = update(&mut app, key(KeyCode::F(2)));
    match fx.as_slice() {
        [
            Effect::Admin(AdminEffect::AddCertificate {
                username,
                certificate,
            }),
        ] => {
            assert_eq!(username, "liqiang.inspector");
            assert_eq!(certificate.number, "LC-2026-0158");
            assert_eq!(certificate.issuer, "山东省人民政府");
            assert_eq!(certificate.valid_to, "2028-12-31");
        }
        other => panic!("{other:?}"),
    }
    let fx = update(
        &mut app,
        Msg::Admin(AdminMsg::Done(Ok(Text::new(T::MsgCertificateAdded)))),
    );
    assert!(matches!(app.screen(), Screen::Account(_)));
    assert!(fx.contains(&Effect::Admin(AdminEffect::LoadCertificates {
        username: "liqiang.inspector".into()
    })));
}

#[test]
fn a_certificate_day_that_is_not_a_day_is_named_before_saving() {
    let mut app = users_app();
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Insert));
    type_text(&mut app, "LC-2026-0158");
    for text in ["行政执法证", "山东省人民政府", "2026-1-1", "2028-13-01"] {
        update(&mut app, key(KeyCode::Tab));
        type_text(&mut app, text);
    }
    let fx = update(&mut app, key(KeyCode::F(2)));
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(
        message(&app),
        "有效期至应为日期 YYYY-MM-DD，例如 2026-03-01"
    );
}

fn settings_rows() -> Vec<SettingRow> {
    ecocase::domain::settings::DEFAULTS
        .iter()
        .map(|(key, default, description)| SettingRow {
            key,
            value: *default,
            default: *default,
            description: *description,
        })
        .collect()
}

#[test]
fn a_setting_is_edited_in_place_and_a_refusal_keeps_the_typed_value() {
    let mut app = home_of(admin());
    update(&mut app, key(KeyCode::Down));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(fx, vec![Effect::Admin(AdminEffect::LoadSettings)]);
    update(
        &mut app,
        Msg::Admin(AdminMsg::SettingsLoaded(Ok(settings_rows()))),
    );
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, ctrl('u'));
    type_text(&mut app, "0");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Admin(AdminEffect::SetSetting {
            key: "login.max_delay_seconds".into(),
            value: "0".into()
        })]
    );
    let refused = Text::new(T::ErrSettingValue)
        .arg("key", "login.max_delay_seconds")
        .arg("min", 1)
        .arg("max", 3650);
    update(&mut app, Msg::Admin(AdminMsg::SettingSaved(Err(refused))));
    assert_eq!(app.message.as_ref().map(|m| m.level), Some(Level::Error));
    assert_eq!(
        message(&app),
        "参数 login.max_delay_seconds 应为 1 到 3650 之间的整数"
    );
    let Screen::Settings(s) = app.screen() else {
        panic!("settings expected");
    };
    assert_eq!(s.editing.as_ref().map(|e| e.value()), Some("0"));
    update(&mut app, key(KeyCode::Backspace));
    type_text(&mut app, "30");
    update(&mut app, key(KeyCode::Enter));
    let fx = update(
        &mut app,
        Msg::Admin(AdminMsg::SettingSaved(Ok(Text::new(T::MsgSettingSaved)))),
    );
    assert_eq!(fx, vec![Effect::Admin(AdminEffect::LoadSettings)]);
    let Screen::Settings(s) = app.screen() else {
        panic!("settings expected");
    };
    assert!(s.editing.is_none());
    // Esc while typing cancels the edit, not the screen.
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen(), Screen::Settings(s) if s.editing.is_none()));
}

#[test]
fn the_audit_log_pages_by_sequence_and_reports_the_first_broken_link() {
    let mut app = home_of(admin());
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    let fx = update(&mut app, key(KeyCode::Enter));
    let (req, limit) = match fx.as_slice() {
        [
            Effect::Admin(AdminEffect::LoadAudit {
                req,
                before: None,
                limit,
            }),
        ] => (*req, *limit),
        other => panic!("{other:?}"),
    };
    assert_eq!(limit, 19);
    let page: Vec<_> = (0..=limit as i64)
        .map(|i| audit_row(100 - i, "update", "setting", None, None))
        .collect();
    update(
        &mut app,
        Msg::Admin(AdminMsg::AuditLoaded {
            req,
            rows: Ok(page),
        }),
    );
    let Screen::Audit(a) = app.screen() else {
        panic!("audit expected");
    };
    assert!(a.has_older);
    assert_eq!(a.rows.len(), limit);
    let fx = update(&mut app, key(KeyCode::PageDown));
    let older = match fx.as_slice() {
        [Effect::Admin(AdminEffect::LoadAudit { req, before, .. })] => {
            assert_eq!(*before, Some(100 - limit as i64 + 1));
            *req
        }
        other => panic!("{other:?}"),
    };
    update(
        &mut app,
        Msg::Admin(AdminMsg::AuditLoaded {
            req: older,
            rows: Ok(vec![audit_row(
                81,
                "create",
                "user",
                None,
                Some(r#"{"username":"guanxian01"}"#),
            )]),
        }),
    );
    let fx = update(&mut app, key(KeyCode::PageUp));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Admin(AdminEffect::LoadAudit { before: None, .. })]
    ));
    assert_eq!(
        update(&mut app, key(KeyCode::Char('v'))),
        vec![Effect::Admin(AdminEffect::VerifyAudit)]
    );
    update(
        &mut app,
        Msg::Admin(AdminMsg::AuditVerified(Ok(ChainReport {
            rows: 1234,
            first_broken: Some(BrokenLink::Hash { seq: 57 }),
        }))),
    );
    assert_eq!(app.message.as_ref().map(|m| m.level), Some(Level::Error));
    assert_eq!(
        message(&app),
        "已校验 1,234 条记录，审计链断裂：第 57 条内容与其哈希不符，记录被修改"
    );
    update(
        &mut app,
        Msg::Admin(AdminMsg::AuditVerified(Ok(ChainReport {
            rows: 12,
            first_broken: None,
        }))),
    );
    assert_eq!(message(&app), "已校验 12 条记录，审计链完整");
}

/// Issue 22, case 4: a person whose password is below the policy lands on a new-password form for
/// their own account; Esc and the global jumps do not leave it; saving asks the service to set it.
#[test]
fn a_password_below_the_policy_is_replaced_before_anything_else() {
    let mut info = staff();
    info.must_change_password = true;
    let mut app = App::new(
        Lang::Zh,
        ecocase::tui::theme::Theme::default(),
        (80, 24),
        false,
    );
    let fx = update(&mut app, Msg::LoggedIn(Ok(info)));
    assert_eq!(fx, vec![Effect::LoadHome]);
    let forced = |app: &App| matches!(app.screen(), Screen::AdminForm(f) if f.forced);
    assert!(forced(&app));
    assert_eq!(
        app.message.as_ref().map(|m| m.text.render(Lang::Zh)),
        Some("您的密码不符合现行密码规则，请先设置新密码".to_string())
    );
    update(&mut app, Msg::HomeLoaded(Ok(Home::default())));
    update(&mut app, key(KeyCode::Esc));
    assert!(forced(&app), "Esc does not leave");
    update(&mut app, ctrl('l'));
    update(&mut app, key(KeyCode::F(6)));
    assert!(forced(&app), "nor does a jump to the list");
    type_text(&mut app, "东昌湖边的柳树-2026");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "东昌湖边的柳树-2026");
    let fx = update(&mut app, ctrl('s'));
    assert_eq!(
        fx,
        vec![Effect::Admin(AdminEffect::SetPassword {
            username: "staff".into(),
            password: "东昌湖边的柳树-2026".into(),
        })]
    );
    update(
        &mut app,
        Msg::Admin(AdminMsg::Done(Ok(
            Text::new(T::MsgPasswordReset).arg("name", "staff")
        ))),
    );
    assert!(matches!(app.screen(), Screen::Home(_)));
}
