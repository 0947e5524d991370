//! End to end: typing survives a dropped connection and a crash. The form is filled in the real
//! interface; the process then gets SIGHUP (an SSH session dropped) or, after the autosave interval,
//! SIGKILL (a crash: nothing runs on the way out). A new session opening the same form is offered
//! the kept work and restores it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod pty_common;
use pty_common::{Term, open_command, setup_script};
use std::path::Path;
use std::time::Duration;

const NAME: &str = "聊城市东昌府区断线测试化工有限公司";

/// Opens the interface (as the pty's own process, so its pid is the program's), logs in as staff
/// and opens a new enterprise form.
fn open_new_form(db: &Path, dir: &Path) -> Term {
    let script = format!("exec {}", open_command(db));
    let mut t = Term::start(&script, dir);
    t.wait_for("用户名");
    t.send("staff\tDongchang-lake-2026\r");
    t.wait_for("待办与提醒");
    t.send("\x1b[2~"); // Insert
    t
}

fn type_into_new_form(t: &mut Term) {
    t.wait_for("新建企业");
    t.send(&format!("91130200699229617X\t\t{NAME}"));
    t.wait_for(NAME);
}

fn restore_in_a_new_session(db: &Path, dir: &Path) {
    let mut t = open_new_form(db, dir);
    t.wait_for("自动保存的未完成内容");
    t.send("\r"); // restore is the default
    t.wait_for("已恢复自动保存的内容");
    t.wait_for(NAME);
    t.wait_for("91130200699229617X");
    t.send("\x1b[21~");
    t.send("\x1b[21~");
    let _ = t.child.kill();
}

fn signal(t: &Term, sig: &str) {
    let pid = t.child.process_id().expect("pid");
    let out = std::process::Command::new("kill")
        .args([sig, &pid.to_string()])
        .output()
        .expect("kill");
    assert!(out.status.success(), "{out:?}");
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("hangup.db");
    let out = std::process::Command::new("sh")
        .args(["-c", &setup_script(&db)])
        .output()
        .expect("setup");
    assert!(out.status.success(), "{out:?}");
    (dir, db)
}

#[test]
fn a_dropped_connection_keeps_the_typing() {
    let (dir, db) = setup();
    let mut t = open_new_form(&db, dir.path());
    type_into_new_form(&mut t);
    // Straight away: no autosave interval has passed, the hang-up itself keeps the draft.
    signal(&t, "-HUP");
    t.child.wait().expect("the program ends on hang-up");
    restore_in_a_new_session(&db, dir.path());
}

#[test]
fn a_crash_loses_at_most_the_autosave_interval() {
    let (dir, db) = setup();
    let mut t = open_new_form(&db, dir.path());
    type_into_new_form(&mut t);
    std::thread::sleep(Duration::from_millis(
        ecocase::tui::screens::enterprise::form_draft::DRAFT_SAVE_MS + 1500,
    ));
    signal(&t, "-KILL");
    t.child.wait().expect("exit");
    restore_in_a_new_session(&db, dir.path());
}
