//! Figures taken on the real binary: in an 80x24 pseudo-terminal, and the peak memory of a process.

#[path = "../../tests/pty_common/mod.rs"]
mod pty_common;

use crate::table::{Row, Table};
use pty_common::Term;
use std::path::Path;
use std::process::Child;
use std::time::Duration;

/// Peak resident memory (VmHWM) of a running process in KB, or 0 when it has gone.
fn peak_rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// Waits for `child`, sampling its peak resident memory; returns the highest seen, in KB.
pub fn watch_peak_rss(child: &mut Child) -> u64 {
    let mut peak = 0;
    loop {
        peak = peak.max(peak_rss_kb(child.id()));
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "the measured command failed");
            return peak;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn start(bin: &str, db: &Path) -> Term {
    let script = format!("exec '{bin}' --db '{}'", db.display());
    Term::start(&script, db.parent().unwrap_or(Path::new(".")))
}

/// The page counter on the title row, e.g. `1-18/` at the start of the register.
fn counter_from(screen: &str, first: usize) -> bool {
    screen
        .lines()
        .next()
        .is_some_and(|title| title.contains(&format!(" {first}-")))
}

pub fn terminal_measures(bin: &str, db: &Path, table: &mut Table) {
    let mut starts: Vec<f64> = (0..5)
        .map(|_| {
            let mut t = start(bin, db);
            let d = t.wait_timed("the login screen", |s| s.contains("用户名"));
            let _ = t.child.kill();
            let _ = t.child.wait();
            ms(d)
        })
        .collect();
    starts.sort_by(f64::total_cmp);
    table.push(Row::new(
        "start to first frame (median of 5)",
        100.0,
        starts[2],
        None,
    ));

    let mut t = start(bin, db);
    t.wait_for("用户名");
    t.wait_quiet(Duration::from_millis(100));
    t.send("supervisor\tdemo\r");
    let d = t.wait_timed("home with counts", |s| s.contains("全部企业"));
    table.push(Row::new(
        "login to populated home (incl. argon2 check)",
        200.0,
        ms(d),
        None,
    ));
    t.wait_quiet(Duration::from_millis(100));

    t.send("l");
    let d = t.wait_timed("the first page", |s| counter_from(s, 1));
    table.push(Row::new(
        "list first page in the terminal",
        50.0,
        ms(d),
        None,
    ));
    t.wait_quiet(Duration::from_millis(100));
    let rows_per_page = t
        .screen()
        .lines()
        .next()
        .and_then(|title| {
            let at = title.find(" 1-")?;
            let rest = &title[at + 3..];
            rest.split('/').next()?.parse::<usize>().ok()
        })
        .expect("the page counter");
    t.send("\x1b[6~"); // PageDown
    let d = t.wait_timed("the next page", |s| counter_from(s, rows_per_page + 1));
    table.push(Row::new(
        "list next page in the terminal",
        20.0,
        ms(d),
        None,
    ));
    t.wait_quiet(Duration::from_millis(100));

    let mut worst = 0;
    for _ in 0..10 {
        let before = t.bytes_written();
        t.send("\x1b[B"); // Down
        t.wait_quiet(Duration::from_millis(60));
        worst = worst.max(t.bytes_written() - before);
    }
    table.push(Row::kilobytes(
        "bytes to the terminal per scroll step (worst of 10)",
        4.0,
        worst as f64 / 1024.0,
    ));

    for _ in 0..40 {
        t.send("\x1b[6~");
        t.wait_quiet(Duration::from_millis(20));
    }
    t.send("\r");
    t.wait_for("[基本信息]");
    t.send("\x1b");
    t.wait_quiet(Duration::from_millis(100));
    t.send("/");
    t.wait_quiet(Duration::from_millis(50));
    t.send("化工有限");
    let d = t.wait_timed("search results", |s| {
        s.lines().next().is_some_and(|l| l.contains("化工有限")) && counter_from(s, 1)
    });
    table.push(Row::new(
        "search typed to shown in the terminal (incl. 150 ms debounce)",
        250.0,
        ms(d),
        None,
    ));
    t.wait_quiet(Duration::from_millis(100));
    let pid = t.child.process_id().expect("pid");
    table.push(Row::memory(
        "resident memory while browsing (peak)",
        50.0,
        peak_rss_kb(pid) as f64 / 1024.0,
    ));
    let _ = t.child.kill();
    let _ = t.child.wait();
}
