//! End to end with hostile input: data holding escape sequences (as if changed outside the program)
//! must show as visible placeholders and never reach the terminal raw; a 100 KB paste and a storm of
//! resizes down to a tiny window and back must leave the interface responsive and drawn correctly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod pty_common;
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::service::account::auth;
use ecocase::service::enterprise::Warnings;
use ecocase::service::system_clock;
use pty_common::{Term, open_command, setup_script};
use std::time::{Duration, Instant};

/// An OSC that would retitle the window and ring the bell, then a clear-screen and a colour change.
const HOSTILE_NAME: &str = "恶意\x1b]2;PWNED\x07企业\x1b[2J\x1b[31m有限公司";
const HOSTILE_ADDRESS: &str = "聊城市\x1b[H\x1b[2K东昌府区\u{202e}路\r1号";

#[test]
fn escapes_in_data_pastes_and_resizes_never_break_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("hostile.db");
    let setup = std::process::Command::new("sh")
        .args(["-c", &setup_script(&db)])
        .output()
        .expect("setup");
    assert!(setup.status.success(), "{setup:?}");
    let staff =
        auth::login_path(&db, "staff", "Dongchang-lake-2026", system_clock()).expect("login");
    let e = staff
        .enterprises()
        .create(
            EnterpriseDraft {
                uscc: "91130200699229617X".into(),
                name: "聊城市正常企业有限公司".into(),
                region_code: "371502".into(),
                ..Default::default()
            },
            Warnings::Acknowledge,
        )
        .expect("create");
    drop(staff);
    // Changed outside the program, as with the sqlite3 shell: validation never saw these values.
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute(
        "UPDATE enterprise SET name = ?1, address = ?2 WHERE id = ?3",
        rusqlite::params![HOSTILE_NAME, HOSTILE_ADDRESS, e.id],
    )
    .expect("tamper");
    drop(conn);

    let script = format!("{}; echo E2E-DONE", open_command(&db));
    let mut t = Term::start(&script, dir.path());
    t.wait_for("用户名");
    t.send("staff\tDongchang-lake-2026\r");
    t.wait_for("待办与提醒");
    t.send("l");
    t.wait_for("搜索:");
    t.wait("the name with visible escapes", |s| {
        s.contains("恶意^[]2;PWNED^G企业^[[2J^[[31m")
    });
    t.send("\r");
    t.wait_for("[基本信息]");
    t.wait("the address with visible escapes", |s| {
        s.contains("聊城市^[[H^[[2K东昌府区<U+202E>路^M1号")
    });
    t.send("\x1b");
    t.wait_for("搜索:");

    // 100 KB pasted into the search line (bracketed paste, as terminals send it).
    t.send("/");
    let paste = "绿源化工".repeat(100 * 1024 / 12);
    let started = Instant::now();
    t.send(&format!("\x1b[200~{paste}\x1b[201~"));
    t.wait("the pasted query searched", |s| {
        s.contains("绿源化工绿源化工") && s.contains("没有符合条件的企业")
    });
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "a 100 KB paste took {:?}",
        started.elapsed()
    );
    // Leave the search line, clear the filter: the register is back.
    t.send("\x1b");
    t.wait_for("Enter 打开");
    t.send("x");
    t.wait("the filter cleared", |s| {
        !s.contains("绿源化工绿源化工") && s.contains("恶意^[]2;PWNED^G")
    });

    // A storm of resizes, down to a tiny window and back.
    for i in 0..30u16 {
        let (rows, cols) = if i % 2 == 0 { (6, 20 + i) } else { (24, 80) };
        t.resize(rows, cols);
        std::thread::sleep(Duration::from_millis(5));
    }
    t.resize(10, 40);
    t.wait("the too-small notice", |s| s.contains("80x24"));
    t.resize(24, 80);
    t.wait("the list drawn again at 80x24", |s| {
        s.contains("搜索:") && s.contains("恶意^[]2;PWNED^G")
    });

    t.send("\x1b[21~"); // F10
    t.wait_for("E2E-DONE");
    assert!(t.child.wait().expect("exit").success());
    let raw = t.raw_text();
    assert!(
        !raw.contains("\x1b]2;PWNED"),
        "the title sequence never reached the terminal"
    );
    assert!(!raw.contains('\x07'), "no bell reached the terminal");
    assert!(
        !raw.contains("\u{202e}"),
        "no bidirectional override reached the terminal"
    );
}
