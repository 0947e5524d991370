//! End to end: another user's change appears on an open screen without a key press. The interface
//! polls `PRAGMA data_version` on its idle tick; here a second process (the command-line import) adds
//! an enterprise while the list and then the home screen are shown.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod pty_common;
use pty_common::{Term, open_command, setup_script};
use std::process::Command;

fn import(db: &std::path::Path, dir: &std::path::Path, uscc: &str, name: &str) {
    let file = dir.join(format!("{uscc}.csv"));
    std::fs::write(
        &file,
        format!("统一社会信用代码,企业名称,所属区域\n{uscc},{name},东昌府区\n"),
    )
    .expect("write csv");
    let out = Command::new(env!("CARGO_BIN_EXE_ecocase"))
        .arg("--db")
        .arg(db)
        .args(["import", "enterprises"])
        .arg(&file)
        .args(["--as", "staff"])
        .env("ECOCASE_PASSWORD", "Dongchang-lake-2026")
        .output()
        .expect("import");
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn another_users_change_appears_without_a_key_press() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("live.db");
    let setup = Command::new("sh")
        .args(["-c", &setup_script(&db)])
        .output()
        .expect("setup");
    assert!(setup.status.success(), "{setup:?}");
    import(
        &db,
        dir.path(),
        "91130200699229617X",
        "聊城市第一化工有限公司",
    );

    let script = format!("{}; echo E2E-DONE", open_command(&db));
    let mut t = Term::start(&script, dir.path());
    t.wait_for("用户名");
    t.send("staff\tDongchang-lake-2026\r");
    t.wait_for("待办与提醒");
    t.send("l");
    t.wait("the one enterprise", |s| {
        s.contains("聊城市第一化工有限公司") && s.contains("1-1/1")
    });

    import(
        &db,
        dir.path(),
        "911302307808371268",
        "聊城市第二纺织有限公司",
    );
    t.wait("the second enterprise, without a key press", |s| {
        s.contains("聊城市第二纺织有限公司") && s.contains("1-2/2")
    });

    t.send("\x1b[21~"); // F10
    t.wait_for("E2E-DONE");
    assert!(t.child.wait().expect("exit").success());
}
