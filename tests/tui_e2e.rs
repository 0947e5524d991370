//! End to end: the real interface in a pseudo-terminal at 80x24 (portable-pty + vt100). Log in, create
//! an enterprise with a Chinese name (a wrong check character first: refused naming X), find it with a
//! 2-character query, open its detail, open help with F1 as xterm, PuTTY and the Linux console send it,
//! quit, and check the terminal is restored. Polls for text with timeouts; a fresh database per run.
//!
//! The database and the staff account are made with `ecocase init` and `ecocase user add`, then the real
//! `ecocase` binary is started on it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod pty_common;
use pty_common::{Term, open_command, setup_script};

#[test]
fn log_in_create_find_open_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("e2e.db");
    // Set up through the command line as an operator would, then open the interface.
    let script = format!(
        "{} && {}; stty -a; echo E2E-DONE",
        setup_script(&db),
        open_command(&db)
    );
    let mut t = Term::start(&script, dir.path());

    t.wait_for("用户名");
    assert!(t.parser.lock().expect("parser").screen().alternate_screen());
    t.send("staff\tDongchang-lake-2026\r");
    t.wait_for("待办与提醒");

    // New enterprise (Insert), wrong check character first.
    t.send("\x1b[2~");
    t.wait_for("新建企业");
    t.send("91130200699229617A\t\t聊城市东昌府区绿源化工有限公司");
    t.wait_for("绿源化工有限公司");
    t.send("\x1bOQ"); // F2 as xterm sends it
    t.wait_for("校验码不符，应为 X");
    // The refused save put the focus on the code: correct it, pick the first region, save.
    t.send("\x7fX");
    t.wait_for("91130200699229617X");
    t.send("\t\t\t\t\t\t\t\x1b[C");
    t.wait_for("< 东昌府区 >");
    t.send("\x13"); // Ctrl-S
    t.wait_for("已保存");
    t.wait_for("[基本信息]");

    // Back home, then the list, and a 2-character search.
    t.send("\x1b");
    t.wait_for("待办与提醒");
    t.send("l");
    t.wait_for("搜索:");
    t.send("/绿源");
    t.wait("the search result", |s| {
        s.contains("1-1/1") && s.contains("聊城市东昌府区绿源化工有限公司")
    });
    t.send("\r");
    t.wait("the search line to lose focus", |s| {
        s.contains("Enter 打开")
    });
    t.send("\r");
    t.wait_for("[基本信息]");
    t.send("\x1b[F"); // End: the history is at the bottom
    t.wait_for("[变更记录]");
    t.wait_for("staff  登记");

    // F1 as xterm (ESC O P), PuTTY (ESC [ 11 ~) and the Linux console (ESC [ [ A).
    for f1 in ["\x1bOP", "\x1b[11~", "\x1b[[A"] {
        t.send(f1);
        t.wait(&format!("help after {f1:?}"), |s| {
            s.contains("帮助：企业详情")
        });
        t.send("\x1b");
        t.wait("help to close", |s| !s.contains("帮助：企业详情"));
    }

    // F10 as PuTTY and xterm send it: quit.
    t.send("\x1b[21~");
    t.wait_for("E2E-DONE");
    let status = t.child.wait().expect("child exit");
    assert!(status.success());
    let screen = t.parser.lock().expect("parser").screen().clone();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.bracketed_paste(), "bracketed paste switched off");
    assert!(!screen.hide_cursor(), "cursor visible again");
    let shown = screen.contents();
    assert!(
        shown.contains(" icanon") && shown.contains(" echo") && !shown.contains("-icanon"),
        "cooked mode restored:\n{shown}"
    );
    let raw = t.raw_text();
    assert!(
        raw.contains("\x1b[?2026h"),
        "frames use synchronized updates"
    );
    assert!(!raw.contains("\x1b[?1000h"), "no mouse capture");
    // What was saved through the interface verifies: every row against its audited after-image.
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_ecocase"))
        .arg("--db")
        .arg(&db)
        .arg("check")
        .output()
        .expect("check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
