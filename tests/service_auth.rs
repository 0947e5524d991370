//! Accounts: argon2id login, lockout after repeated failures for the policy's minutes, disabled
//! accounts, the last administrator, password changes, idle unlock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::account::Role;
use ecocase::i18n::Lang;
use ecocase::service::account::NewAccount;
use ecocase::service::account::auth;

/// Issue 22, case 5: after the free failures the next attempt waits 1, 2, 4 … seconds (never the
/// 15-minute lock anyone could impose on anyone); the right password works once the wait is over.
#[test]
fn repeated_failures_delay_the_next_attempt_briefly_instead_of_locking() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 29, 2);
    let mut messages = Vec::new();
    for _ in 0..7 {
        let err = auth::login_path(&path, "staff", "wrong", clock.clock())
            .err()
            .expect("refused");
        messages.push(err.render(Lang::Zh));
    }
    assert_eq!(messages[0], "用户名或密码错误");
    assert_eq!(messages[3], "用户名或密码错误");
    assert_eq!(messages[4], "登录失败次数过多，请 1 秒后再试");
    // The attempts after that come while the delay runs: not checked, the wait shown.
    assert_eq!(messages[6], "登录失败次数过多，请 1 秒后再试");
    // Even the right password waits for the delay, which is seconds, not minutes.
    let err = auth::login_path(&path, "staff", PASSWORD, clock.clock())
        .err()
        .expect("waiting");
    assert!(err.render(Lang::En).starts_with("Too many failed logins"));
    clock.advance_minutes(1);
    auth::login_path(&path, "staff", PASSWORD, clock.clock()).expect("in after the delay");
    // A successful login forgets the failures.
    let err = auth::login_path(&path, "staff", "wrong", clock.clock())
        .err()
        .expect("refused");
    assert_eq!(err.render(Lang::Zh), "用户名或密码错误");
}

#[test]
fn the_delay_follows_the_policy_settings_and_is_capped() {
    let (_dir, path) = fresh_db();
    let mut admin = login(&path, "admin");
    admin
        .set_setting("login.max_failures", "2")
        .expect("setting");
    admin
        .set_setting("login.max_delay_seconds", "30")
        .expect("setting");
    let clock = TestClock::at(2026, 11, 29, 2);
    let _ = auth::login_path(&path, "staff", "wrong", clock.clock());
    let err = auth::login_path(&path, "staff", "wrong", clock.clock())
        .err()
        .expect("delayed");
    assert_eq!(err.render(Lang::Zh), "登录失败次数过多，请 1 秒后再试");
    for _ in 0..12 {
        clock.advance_minutes(1);
        let _ = auth::login_path(&path, "staff", "wrong", clock.clock());
    }
    let err = auth::login_path(&path, "staff", PASSWORD, clock.clock())
        .err()
        .expect("delayed");
    assert_eq!(err.render(Lang::Zh), "登录失败次数过多，请 30 秒后再试");
}

/// Issue 22, case 5: an unknown name gets exactly what a known one gets, failure after failure (the
/// same messages, the same delays), so names cannot be discovered by guessing.
#[test]
fn unknown_and_known_names_are_answered_identically_through_the_delay() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 29, 2);
    let answers = |name: &str| {
        (0..8)
            .map(|_| {
                auth::login_path(&path, name, "wrong", clock.clock())
                    .err()
                    .expect("refused")
                    .render(Lang::En)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(answers("nobody"), answers("staff"));
}

/// Issue 22, case 5: every failed login is in the audit log with the name tried and the time, by the
/// system (not by the account), whether the name exists or not; `enable` and `unlock` clear the delay.
#[test]
fn failed_logins_are_audited_and_enable_and_unlock_clear_the_delay() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 29, 2);
    for name in ["inspector", "ghost"] {
        for _ in 0..6 {
            let _ = auth::login_path(&path, name, "wrong", clock.clock());
        }
    }
    let admin = login(&path, "admin");
    let rows = admin.admin().audit_page(None, 10_000).expect("audit");
    let failed: Vec<_> = rows.iter().filter(|r| r.action == "login_failed").collect();
    assert_eq!(failed.len(), 12, "every attempt, known or not");
    assert!(failed.iter().all(|r| r.actor == "system"));
    let tried: Vec<String> = failed.iter().filter_map(|r| r.after_json.clone()).collect();
    assert!(
        tried.iter().any(|j| j.contains("\"username\":\"ghost\"")),
        "{tried:?}"
    );
    assert!(
        tried
            .iter()
            .all(|j| j.contains("\"at\":\"2026-11-29T02:00:00Z\""))
    );
    // Delayed now; an administrator clears it.
    assert!(auth::login_path(&path, "inspector", PASSWORD, clock.clock()).is_err());
    let delays = admin.accounts().login_delays().expect("delays");
    assert!(delays.iter().any(|(n, _)| n == "inspector"), "{delays:?}");
    assert!(admin.accounts().unlock("inspector").expect("unlock"));
    auth::login_path(&path, "inspector", PASSWORD, clock.clock()).expect("unlocked");
    // Disable, fail again, enable: the delay goes with it.
    admin
        .accounts()
        .set_active("supervisor", false)
        .expect("disable");
    for _ in 0..6 {
        let _ = auth::login_path(&path, "supervisor", "wrong", clock.clock());
    }
    admin
        .accounts()
        .set_active("supervisor", true)
        .expect("enable");
    auth::login_path(&path, "supervisor", PASSWORD, clock.clock()).expect("enabled and in");
    let staff = login(&path, "staff");
    assert!(staff.accounts().unlock("inspector").is_err(), "admins only");
    let rows = admin.admin().audit_page(None, 10_000).expect("audit");
    assert!(rows.iter().any(|r| r.action == "unlock"));
}

/// Issue 22, case 6: a long write transaction holds the database's lock; logging in (and failing to)
/// still answers at once, and the attempts reach the audit log after the lock is released.
#[test]
fn logging_in_does_not_wait_for_the_write_lock() {
    let (_dir, path) = fresh_db();
    let holder = rusqlite::Connection::open(&path).expect("open");
    holder
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    let started = std::time::Instant::now();
    let s = auth::login_path(&path, "inspector", PASSWORD, fixed_clock()).expect("login");
    assert!(auth::login_path(&path, "staff", "wrong", fixed_clock()).is_err());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(s.actor().username, "inspector");
    holder.execute_batch("COMMIT").expect("release");
    drop(s);
    let admin = login(&path, "admin");
    let rows = admin.admin().audit_page(None, 10_000).expect("audit");
    assert!(
        rows.iter().any(|r| r.action == "login_failed"),
        "copied into the audit log once the lock was free"
    );
    assert!(
        rows.iter()
            .any(|r| r.action == "login" && r.actor_name == "inspector")
    );
}

/// Issue 22, case 5: the failure count is kept in the login log beside the database, so a second
/// process (here a second connection) sees the delay the first one started.
#[test]
fn the_failure_count_holds_across_connections() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 11, 29, 2);
    for _ in 0..5 {
        let conn = ecocase::store::db::open(&path).expect("open");
        let _ = auth::login(conn, "staff", "wrong", clock.clock());
    }
    let conn = ecocase::store::db::open(&path).expect("open");
    let err = auth::login(conn, "staff", PASSWORD, clock.clock())
        .err()
        .expect("delayed");
    assert!(err.render(Lang::En).starts_with("Too many failed logins"));
}

/// Issue 22, cases 4 and 9: the password policy at every way in, and reserved names.
#[test]
fn weak_passwords_and_reserved_names_are_refused() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    for (pw, zh) in [
        ("1234", "密码至少 12 个字符"),
        ("password", "密码至少 12 个字符"),
        ("woaini1314520", "密码太常见"),
        ("1qaz2wsx3edc", "密码太常见"),
        ("zhangwei2026-abc", "密码不能等于或包含用户名"),
    ] {
        let err = admin
            .accounts()
            .add(&NewAccount {
                username: "zhangwei".into(),
                roles: vec![Role::Staff],
                password: pw.into(),
                ..Default::default()
            })
            .expect_err(pw);
        assert!(
            err.render(Lang::Zh).starts_with(zh),
            "{pw}: {}",
            err.render(Lang::Zh)
        );
    }
    for pw in ["demo", "admin", "1234", "staff"] {
        assert!(admin.accounts().set_password("staff", pw).is_err(), "{pw}");
    }
    let staff = login(&path, "staff");
    assert!(
        staff
            .accounts()
            .set_password("staff", "staff-2026-abcdef")
            .is_err()
    );
    for name in ["system", "SYSTEM", "root"] {
        let err = admin
            .accounts()
            .add(&NewAccount {
                username: name.into(),
                roles: vec![Role::Staff],
                password: PASSWORD.into(),
                ..Default::default()
            })
            .expect_err(name);
        assert!(
            err.render(Lang::En).contains("is reserved"),
            "{}",
            err.render(Lang::En)
        );
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let err = ecocase::service::account::setup::init(
        &dir.path().join("new.db"),
        "admin",
        "admin",
        &fixed_clock(),
    )
    .expect_err("init with a weak password");
    assert!(err.render(Lang::Zh).starts_with("密码"));
    assert!(!dir.path().join("new.db").exists(), "nothing half-made");
}

/// Issue 22, case 4: an account whose password is below the policy now in force still logs in, and
/// its session says a new password is needed; setting one clears that.
#[test]
fn a_password_below_the_current_policy_must_be_changed_at_login() {
    let (_dir, path) = fresh_db();
    let mut admin = login(&path, "admin");
    admin
        .set_setting("password.min_length", "24")
        .expect("stricter");
    assert!(
        !admin.must_change_password(),
        "the setting applies from the next login"
    );
    let staff = login(&path, "staff");
    assert!(staff.must_change_password());
    staff
        .accounts()
        .set_password("staff", "a long walk by the Dongchang lake")
        .expect("new password");
    assert!(!staff.must_change_password());
    let again = auth::login_path(
        &path,
        "staff",
        "a long walk by the Dongchang lake",
        fixed_clock(),
    )
    .expect("login");
    assert!(!again.must_change_password());
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
        .set_password("staff", "new-pass-1-willow")
        .expect("own password");
    assert!(
        staff
            .accounts()
            .set_password("branch", "hijack-1-willow")
            .is_err(),
        "staff cannot change others' passwords"
    );
    auth::login_path(&path, "staff", "new-pass-1-willow", fixed_clock())
        .expect("new password works");
    let admin = login(&path, "admin");
    admin
        .accounts()
        .set_password("branch", "reset-pw-2-willow")
        .expect("admin reset");
    auth::login_path(&path, "branch", "reset-pw-2-willow", fixed_clock()).expect("reset works");
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

/// Issue 22, case 8: a display name with escape sequences is stored clean.
#[test]
fn a_display_name_loses_its_escape_sequences() {
    let (_dir, path) = fresh_db();
    let admin = login(&path, "admin");
    admin
        .accounts()
        .add(&NewAccount {
            username: "wangfang".into(),
            display_name: "王芳\u{1b}]0;root\u{7}\u{1b}[2J\u{0}".into(),
            roles: vec![Role::Staff],
            password: PASSWORD.into(),
            ..Default::default()
        })
        .expect("add");
    let users = admin.accounts().list().expect("users");
    let u = users
        .iter()
        .find(|u| u.username == "wangfang")
        .expect("user");
    assert_eq!(u.display_name, "王芳");
}
