//! End to end: an inspector's visit in the real interface in a pseudo-terminal at 80x24 (portable-pty +
//! vt100), on the demo database: open a pending check drawn for inspector and inspector2, start it,
//! record a finding and evidence (hashed from a file), end the visit, sign with 责令改正, order
//! rectification, and quit. Polls for text with timeouts; a fresh database per run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
}

impl Term {
    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen satisfies `ok`, failing with the screen after 15 seconds.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn wait_for(&self, text: &str) {
        self.wait(text, |s| s.contains(text));
    }
}

/// Builds the demo database at `db` and starts the interface on it at 80x24, in `dir`.
fn start(
    dir: &std::path::Path,
    db: &std::path::Path,
) -> (Term, Box<dyn portable_pty::Child + Send + Sync>) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let bin = env!("CARGO_BIN_EXE_ecocase");
    let db = db.display();
    let script =
        format!("'{bin}' --db '{db}' demo >/dev/null && '{bin}' --db '{db}'; echo E2E-DONE");
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", &script]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.cwd(dir);
    let child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pty.master.try_clone_reader().expect("reader");
    {
        let parser = parser.clone();
        let raw = raw.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().expect("parser").process(&buf[..n]);
                raw.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
        });
    }
    let t = Term {
        parser,
        raw,
        writer: pty.master.take_writer().expect("writer"),
    };

    (t, child)
}

#[test]
fn an_inspector_logs_a_visit_and_orders_rectification_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("e2e.db");
    std::fs::write(dir.path().join("IMG_0001.jpg"), b"photo of the store").expect("photo");
    let (mut t, mut child) = start(dir.path(), &db);
    t.wait_for("用户名");
    t.send("inspector\tdemo\r");
    t.wait_for("待办与提醒");
    t.send("i");
    t.wait_for("我的检查");
    // The 待检查 tab: the draw's pending checks carry inspector and inspector2.
    t.send("\x1b[C");
    t.wait("a pending check", |s| {
        s.contains("JC-") && s.contains("待检查     20")
    });
    t.send("\r");
    t.wait_for("操作：  开始检查");
    t.send("\r");
    t.wait_for("现为“检查中”");
    // Actions: 检查事项 在场人员 记录问题 登记证据 结束现场检查.
    t.send("\x1b[C\x1b[C\r");
    t.wait_for("涉嫌违反条款");
    t.send("危险废物贮存库未设置识别标志\x1bOQ");
    t.wait_for("已记录问题");
    t.send("\x1b[C\r");
    t.wait_for("证据文件路径");
    t.send("\tIMG_0001.jpg\x13");
    t.wait_for("已登记证据");
    t.wait_for("IMG_0001.jpg sha256:");
    // Signing needs every checklist item answered and the people present: back to 检查事项.
    t.send("\x1b[D\x1b[D\x1b[D");
    for item in 0..7 {
        t.send("\r");
        t.wait("the answer form", |s| s.contains("检查结果"));
        t.send(&"\x1b[C".repeat(item));
        t.send("\x13");
        t.wait("back on the detail", |s| !s.contains("检查结果"));
    }
    t.send("\x1b[C\r");
    t.wait_for("职务");
    t.send("孙丽\t环保专员\x13");
    t.wait("back on the detail", |s| !s.contains("职务"));
    t.send("\x1b[C\x1b[C\x1b[C\r");
    // Irreversible steps ask first, with 取消 focused: Right then Enter says yes.
    t.wait_for("此操作不可撤销");
    t.send("\x1b[C\r");
    t.wait_for("现为“待完善笔录”");
    // Now the fifth action is 签署笔录; it asks first, listing what will be locked.
    t.send("\r");
    t.wait_for("检查结论");
    t.send("\x1b[C\x1b[C\t经现场检查，责令限期改正\x13");
    t.wait_for("签署后将锁定");
    t.send("\t\r");
    t.wait_for("现为“整改中”");
    // The last action is now 填写违法行为日期; 下达整改通知 is the one before it.
    t.send("\x1b[D\r");
    t.wait_for("文书编号");
    let deadline = (chrono::Utc::now() + chrono::Duration::days(20))
        .format("%Y-%m-%d")
        .to_string();
    t.send(&format!(
        "聊环责改〔2026〕99号\t\t{deadline}\t设置识别标志\x13"
    ));
    t.wait_for("已下达整改通知");
    // The order is listed below the seven checklist answers: scroll down to it.
    t.send(&"\x1b[B".repeat(12));
    t.wait_for("聊环责改〔2026〕99号");

    t.send("\x1b[21~");
    t.wait_for("E2E-DONE");
    assert!(child.wait().expect("child exit").success());
    assert!(!t.parser.lock().expect("parser").screen().alternate_screen());
    assert!(!t.raw.lock().expect("raw").is_empty());
}

#[test]
fn an_inspection_is_started_by_typing_part_of_the_enterprise_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("e2e-picker.db");
    let (mut t, mut child) = start(dir.path(), &db);
    t.wait_for("用户名");
    t.send("inspector\tdemo\r");
    t.wait_for("待办与提醒");
    t.send("i");
    t.wait_for("我的检查");
    // Ins: a new inspection. The enterprise is picked by part of its name, listed with its status.
    t.send("\x1b[2~");
    t.wait_for("企业(名称/代码)");
    t.send("鑫润");
    t.wait_for("聊城市鑫润化工有限公司");
    t.wait_for("在营");
    let screen = t.screen();
    let row = screen
        .lines()
        .position(|l| l.contains("聊城市鑫润化工有限公司"))
        .expect("listed");
    // Choose it (Right until it is marked), then a 专项 check with its reference.
    if !screen.lines().nth(row).is_some_and(|l| l.contains("(*)")) {
        t.send("\x1b[C");
        t.wait("the pick", |s| {
            s.lines().any(|l| l.contains("(*) 聊城市鑫润化工有限公司"))
        });
    }
    t.send("\t\x1b[C\x1b[C\t\t\t聊环督〔2026〕7号\x1bOQ");
    t.wait_for("已新建检查 JC-");
    t.send("\x1b[21~");
    t.wait_for("E2E-DONE");
    assert!(child.wait().expect("child exit").success());
}
