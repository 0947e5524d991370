//! `init`, `user add/list/passwd/disable/cert`, login failures, missing databases and help texts,
//! through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::Sandbox;

#[test]
fn init_then_user_add_then_user_list() {
    let s = Sandbox::new();
    let r = s.run(
        &["init", "--admin", "admin", "--password-stdin"],
        "Guancheng-tower-2026\n",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("已创建数据库"), "{}", r.stdout);
    let r = s.run(
        &[
            "user",
            "add",
            "zhang",
            "--role",
            "staff,inspector",
            "--unit",
            "冠县",
            "--display-name",
            "张三",
            "--password-stdin",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026\nCanal-bridge-walk-9\n",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stdout.contains("已添加账户 zhang（工作人员、执法人员）"),
        "{}",
        r.stdout
    );
    let r = s.run(&["user", "list", "--as", "admin"], "Guancheng-tower-2026\n");
    assert_eq!(r.code, 0, "{}", r.all());
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("zhang"))
        .expect("zhang listed");
    assert!(line.contains("张三") && line.contains("371525"), "{line}");
    assert!(r.stdout.contains("共 2 个账户"), "{}", r.stdout);
    // The new account logs in with its own password and may change it.
    let r = s.run(
        &[
            "user",
            "passwd",
            "zhang",
            "--password-stdin",
            "--as",
            "zhang",
        ],
        "Canal-bridge-walk-9\nFresh-willow-leaf-3\n",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let r = s.run_as(
        &["--lang", "en", "user", "list", "--as", "zhang"],
        "Fresh-willow-leaf-3",
    );
    assert_eq!(r.code, 5, "{}", r.all());
    assert!(
        r.stderr.contains("Not permitted: manage users"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_wrong_password_is_refused_with_status_5_in_either_language() {
    let s = Sandbox::new();
    s.init();
    let r = s.run(&["user", "list", "--as", "admin"], "wrong\n");
    assert_eq!(r.code, 5);
    assert!(r.stderr.contains("用户名或密码错误"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let r = s.run_as(&["--lang", "en", "user", "list", "--as", "admin"], "wrong");
    assert_eq!(r.code, 5);
    assert!(
        r.stderr.contains("Wrong username or password"),
        "{}",
        r.stderr
    );
    let r = s.run_as(&["user", "list", "--as", "nobody"], "x");
    assert_eq!(r.code, 5);
    assert!(r.stderr.contains("用户名或密码错误"), "{}", r.stderr);
}

#[test]
fn a_missing_password_is_a_usage_error() {
    let s = Sandbox::new();
    s.init();
    let r = s.run(&["user", "list", "--as", "admin"], "");
    assert_eq!(r.code, 64);
    assert!(r.stderr.contains("ECOCASE_PASSWORD"), "{}", r.stderr);
    let r = s.run(
        &[
            "user",
            "add",
            "li",
            "--role",
            "staff",
            "--password-stdin",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026\n",
    );
    assert_eq!(r.code, 64);
    assert!(r.stderr.contains("没有新密码"), "{}", r.stderr);
}

#[test]
fn init_refuses_an_existing_database_and_a_missing_one_says_what_to_run() {
    let s = Sandbox::new();
    let r = s.run_as(&["user", "list", "--as", "admin"], "Guancheng-tower-2026");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("请先运行 ecocase init 或 ecocase demo"),
        "{}",
        r.stderr
    );
    s.init();
    let before = std::fs::read(&s.db).expect("db");
    let r = s.run(
        &["init", "--admin", "other", "--password-stdin"],
        "Morning-mist-lake-5\n",
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("已存在，未做任何修改"), "{}", r.stderr);
    assert_eq!(std::fs::read(&s.db).expect("db"), before);
}

#[test]
fn bad_account_input_is_named() {
    let s = Sandbox::new();
    s.init();
    let r = s.run(
        &[
            "user",
            "add",
            "li",
            "--role",
            "root",
            "--password-stdin",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026\nLi-canal-boat-2026\n",
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("角色“root”不存在"), "{}", r.stderr);
    let r = s.run(
        &[
            "user",
            "add",
            "li",
            "--role",
            "staff",
            "--unit",
            "999999",
            "--password-stdin",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026\nLi-canal-boat-2026\n",
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("单位“999999”不存在"), "{}", r.stderr);
}

#[test]
fn certificates_are_recorded_and_listed_and_accounts_can_be_disabled() {
    let s = Sandbox::new();
    s.init_with_staff();
    let r = s.run_as(
        &[
            "user",
            "cert",
            "staff",
            "--number",
            "37150024009",
            "--issuer",
            "山东省人民政府",
            "--from",
            "2025-01-01",
            "--to",
            "2028-12-31",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let r = s.run_as(
        &[
            "user",
            "cert",
            "staff",
            "--number",
            "x",
            "--issuer",
            "y",
            "--from",
            "2025-13-01",
            "--to",
            "2028-12-31",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 64);
    assert!(r.stderr.contains("YYYY-MM-DD"), "{}", r.stderr);
    let r = s.run_as(
        &["user", "disable", "staff", "--as", "admin"],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let r = s.run_as(&["user", "list", "--as", "admin"], "Guancheng-tower-2026");
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("staff"))
        .expect("staff");
    assert!(
        line.contains("37150024009 (2028-12-31)") && line.contains("已停用"),
        "{line}"
    );
    let r = s.run_as(
        &["export", "enterprises", "-o", "-", "--as", "staff"],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 5);
    assert!(r.stderr.contains("账户已停用"), "{}", r.stderr);
}

#[test]
fn help_is_chinese_by_default_english_on_request_and_lists_exit_codes() {
    let s = Sandbox::new();
    let r = s.run(&["--help"], "");
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("新建数据库") && r.stdout.contains("退出状态"),
        "{}",
        r.stdout
    );
    let r = s.run(&["--lang", "en", "--help"], "");
    assert!(r.stdout.contains("Create the database") && r.stdout.contains("Exit status"));
    let r = s.run(&["user", "add", "--help"], "");
    assert!(r.stdout.contains("ECOCASE_PASSWORD"), "{}", r.stdout);
    let r = s.run(&["frobnicate"], "");
    assert_eq!(r.code, 64);
}
