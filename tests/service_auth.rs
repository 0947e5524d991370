//! Accounts: argon2id login, lockout after repeated failures for the policy's minutes, disabled
//! accounts, the last administrator, password changes, idle unlock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::account::Role;
use ecocase::i18n::Lang;
use ecocase::service::account::NewAccount;
use ecocase::service::account::auth;

#[test]
fn five_failures_lock_the_account_for_fifteen_minutes() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 29, 2);
    for i in 1..=5 {
        let err = auth::login_path(&path, "staff", "wrong", clock.clock())
            .err()
            .expect("refused");
        let msg = err.render(Lang::Zh);
        if i < 5 {
            assert_eq!(msg, "用户名或密码错误");
        } else {
            assert_eq!(msg, "账户已锁定，请于 2026-11-29 10:15 后再试");
        }
    }
    // Even the right password is refused while locked.
    let err = auth::login_path(&path, "staff", PASSWORD, clock.clock())
        .err()
        .expect("locked");
    assert!(
        err.render(Lang::En).starts_with("Account locked"),
        "{}",
        err.render(Lang::En)
    );
    clock.advance_minutes(16);
    auth::login_path(&path, "staff", PASSWORD, clock.clock()).expect("unlocked after 15 minutes");
}

#[test]
fn lockout_follows_the_policy_setting() {
    let (_dir, path) = fresh_db();
    let mut admin = login(&path, "admin");
    admin
        .set_setting("login.max_failures", "2")
        .expect("setting");
    let clock = TestClock::at(2026, 11, 29, 2);
    let _ = auth::login_path(&path, "staff", "wrong", clock.clock());
    let err = auth::login_path(&path, "staff", "wrong", clock.clock())
        .err()
        .expect("locked");
    assert!(err.render(Lang::Zh).starts_with("账户已锁定"));
}

#[test]
fn unknown_user_and_wrong_password_read_the_same() {
    let (_dir, path) = fresh_db();
    let a = auth::login_path(&path, "nobody", "x", fixed_clock())
        .err()
        .expect("refused")
        .render(Lang::Zh);
    let b = auth::login_path(&path, "staff", "x", fixed_clock())
        .err()
        .expect("refused")
        .render(Lang::Zh);
    assert_eq!(a, b);
}

#[test]
fn disabled_accounts_cannot_log_in_and_the_last_admin_stays() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    admin
        .accounts()
        .set_active("inspector", false)
        .expect("disable");
    let err = auth::login_path(&path, "inspector", PASSWORD, fixed_clock())
        .err()
        .expect("disabled");
    assert_eq!(err.render(Lang::Zh), "账户已停用，请联系管理员");
    let err = admin
        .accounts()
        .set_active("admin", false)
        .expect_err("last admin");
    assert_eq!(err.render(Lang::Zh), "不能停用最后一个系统管理员");
}

#[test]
fn stored_hashes_are_argon2id() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    let users = admin.accounts().list().expect("users");
    assert_eq!(users.len(), 6);
    assert!(
        users
            .iter()
            .all(|u| u.password_hash.starts_with("$argon2id$"))
    );
}

#[test]
fn password_change_by_self_and_by_admin() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    staff
        .accounts()
        .set_password("staff", "new-pass-1")
        .expect("own password");
    assert!(
        staff.accounts().set_password("branch", "hijack-1").is_err(),
        "staff cannot change others' passwords"
    );
    auth::login_path(&path, "staff", "new-pass-1", fixed_clock()).expect("new password works");
    let admin = login(&path, "admin");
    admin
        .accounts()
        .set_password("branch", "reset-pw-2")
        .expect("admin reset");
    auth::login_path(&path, "branch", "reset-pw-2", fixed_clock()).expect("reset works");
}

#[test]
fn idle_unlock_checks_the_password() {
    let (_dir, path) = fresh_db();
    let mut s = login(&path, "staff");
    assert_eq!(s.accounts().idle_lock_minutes(), 15);
    assert!(s.unlock("wrong").is_err());
    s.unlock(PASSWORD).expect("unlock");
}

#[test]
fn enterprise_accounts_are_bound_to_exactly_one_enterprise() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    let err = admin
        .accounts()
        .add(&NewAccount {
            username: "ent2".into(),
            roles: vec![Role::Enterprise, Role::Staff],
            enterprise_uscc: Some(E1_USCC.into()),
            password: PASSWORD.into(),
            ..Default::default()
        })
        .expect_err("mixed roles");
    assert!(
        err.render(Lang::Zh)
            .starts_with("企业用户角色不能与其他角色同时持有")
    );
    let err = admin
        .accounts()
        .add(&NewAccount {
            username: "ent3".into(),
            roles: vec![Role::Enterprise],
            enterprise_uscc: Some("91371525MA3C4Q5U2B".into()),
            password: PASSWORD.into(),
            ..Default::default()
        })
        .expect_err("unknown enterprise");
    assert_eq!(
        err.render(Lang::Zh),
        "未找到统一社会信用代码为 91371525MA3C4Q5U2B 的企业"
    );
}
