//! Where the database path and the language come from: flag > environment > user config > default.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::Sandbox;

#[test]
fn flag_beats_environment_beats_config_file_beats_default() {
    let s = Sandbox::new();
    let config_dir = s.path("home/config/ecocase");
    std::fs::create_dir_all(&config_dir).expect("dir");
    std::fs::write(
        config_dir.join("config"),
        "# bureau settings\ndb = from-config.db\nlang = en\n",
    )
    .expect("config");
    // The config file's relative path is taken from the file's directory, its language applies.
    let r = s.run_with(s.bare(&["check"]), "");
    assert_eq!(r.code, 2);
    let expected = config_dir.join("from-config.db");
    assert!(
        r.stderr
            .contains(&format!("Database {} does not exist", expected.display())),
        "{}",
        r.stderr
    );
    let mut env = s.bare(&["check"]);
    env.env("ECOCASE_DB", s.path("from-env.db"))
        .env("ECOCASE_LANG", "zh");
    let r = s.run_with(env, "");
    assert!(r.stderr.contains("from-env.db 不存在"), "{}", r.stderr);
    let mut flag = s.bare(&["--db", "from-flag.db", "--lang", "zh", "check"]);
    flag.env("ECOCASE_DB", s.path("from-env.db"));
    let r = s.run_with(flag, "");
    assert!(r.stderr.contains("from-flag.db 不存在"), "{}", r.stderr);
}

#[test]
fn without_any_setting_the_database_lives_in_the_user_data_directory() {
    let s = Sandbox::new();
    let r = s.run_with(
        s.bare(&["init", "--admin", "admin", "--password-stdin"]),
        "Guancheng-tower-2026\n",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(s.path("home/data/ecocase/ecocase.db").exists());
    let mut locale = s.bare(&["check"]);
    locale.env("LANG", "en_US.UTF-8");
    let r = s.run_with(locale, "");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("Check passed"), "{}", r.stdout);
}

#[test]
fn a_bad_config_line_is_a_warning_not_a_failure() {
    let s = Sandbox::new();
    s.init();
    let config = s.path("bad.conf");
    std::fs::write(&config, "colour = blue\n").expect("config");
    let mut c = s.cmd(&["check"]);
    c.env("ECOCASE_CONFIG", &config);
    let r = s.run_with(c, "");
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stderr.contains("第 1 行无法识别，已忽略：colour = blue"),
        "{}",
        r.stderr
    );
}
