//! A reader that closes standard output early (`ecocase draw list | true`, `| head -1`) ends the program
//! quietly: status 0, nothing on standard error, no panic — for tables, JSON, CSV and exports alike.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::{Sandbox, text};
use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// Runs `args` as a demo user with standard output a pipe whose reading end is closed before the
/// program writes anything (logging in takes far longer than closing a descriptor).
fn run_with_closed_stdout(s: &Sandbox, args: &[&str]) -> (i32, String) {
    let mut c = s.cmd(args);
    c.env("ECOCASE_PASSWORD", "demo")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn ecocase");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn every_listing_and_export_ends_quietly_on_a_closed_pipe() {
    let s = Sandbox::new();
    s.demo();
    for args in [
        &["draw", "list", "--as", "supervisor"][..],
        &["assist", "list", "--as", "supervisor"][..],
        &["assist", "list", "--format", "json", "--as", "supervisor"][..],
        &["assist", "list", "--format", "csv", "--as", "supervisor"][..],
        &[
            "export",
            "enterprises",
            "-o",
            "-",
            "--format",
            "csv",
            "--as",
            "supervisor",
        ][..],
    ] {
        let (code, stderr) = run_with_closed_stdout(&s, args);
        assert_eq!(code, 0, "{args:?}: status {code}, stderr: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

/// Runs `c` (the demo password in the environment, `stdin` as input) with standard output closed
/// before anything is written; returns the status and standard error.
fn closed_stdout(mut c: Command, stdin: &str) -> (i32, String) {
    c.env("ECOCASE_PASSWORD", "demo")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn ecocase");
    drop(child.stdout.take());
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    (status.code().unwrap_or(-1), stderr)
}

/// Issue 22, case 7: every command of the program, each run once with its standard output already
/// closed. None panics or complains about the pipe; the ones that succeed end with status 0 and say
/// nothing on standard error.
#[test]
fn every_cli_command_ends_quietly_on_a_closed_pipe() {
    let s = Sandbox::new();
    s.demo();
    let fresh = s.path("fresh.db");
    let fresh2 = s.path("fresh2.db");
    let backup = s.path("copy.db");
    let calendar = s.write(
        "cal.csv",
        "date,kind,name\n2027-01-01,holiday,元旦\n".as_bytes(),
    );
    let menu = s.write(
        "menu.csv",
        "code,name_zh,name_en\nEIA,环评手续指导,EIA guidance\n".as_bytes(),
    );
    let waste = s.write(
        "waste.csv",
        "code,category,description_zh,hazard_characteristics\n900-249-08,HW08,废矿物油,T\n"
            .as_bytes(),
    );
    let enterprises = s.path("e.csv");
    let manifests = s.path("m.csv");
    let r = s.run_as(
        &[
            "export",
            "enterprises",
            "-o",
            &text(&enterprises),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let r = s.run_as(
        &[
            "export",
            "manifests",
            "-o",
            &text(&manifests),
            "--as",
            "enterprise",
        ],
        "demo",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let (e, m, c, w, b) = (
        text(&enterprises),
        text(&manifests),
        text(&calendar),
        text(&waste),
        text(&backup),
    );
    let menu = text(&menu);
    let (f1, f2) = (text(&fresh), text(&fresh2));
    // (arguments, standard input, must succeed)
    let runs: Vec<(Vec<&str>, &str, bool)> = vec![
        (vec!["--help"], "", true),
        (vec!["--version"], "", true),
        (vec!["export", "--help"], "", true),
        (vec!["user", "list", "--as", "admin"], "", true),
        (
            vec![
                "user",
                "add",
                "piper",
                "--role",
                "staff",
                "--password-stdin",
                "--as",
                "admin",
            ],
            "Pipe-river-walk-2026\n",
            true,
        ),
        (vec!["user", "disable", "piper", "--as", "admin"], "", true),
        (vec!["user", "enable", "piper", "--as", "admin"], "", true),
        (vec!["user", "unlock", "piper", "--as", "admin"], "", true),
        (
            vec![
                "user",
                "passwd",
                "piper",
                "--password-stdin",
                "--as",
                "admin",
            ],
            "Another-river-walk-2026\n",
            true,
        ),
        (
            vec![
                "user",
                "cert",
                "piper",
                "--number",
                "鲁执字0099",
                "--issuer",
                "山东省人民政府",
                "--from",
                "2026-01-01",
                "--to",
                "2028-01-01",
                "--as",
                "admin",
            ],
            "",
            false,
        ),
        (
            vec!["import", "enterprises", &e, "--update", "--as", "staff"],
            "",
            false,
        ),
        (vec!["import", "calendar", &c, "--as", "admin"], "", true),
        (
            vec!["import", "service-menu", &menu, "--as", "admin"],
            "",
            true,
        ),
        (
            vec![
                "import",
                "waste-codes",
                &w,
                "--edition",
                "测试版",
                "--effective",
                "2027-01-01",
                "--as",
                "admin",
            ],
            "",
            false,
        ),
        (
            vec!["import", "manifests", &m, "--as", "enterprise"],
            "",
            false,
        ),
        (
            vec!["export", "enterprises", "-o", "-", "--as", "staff"],
            "",
            true,
        ),
        (
            vec!["export", "positive-list", "-o", "-", "--as", "staff"],
            "",
            true,
        ),
        (
            vec![
                "export", "summary", "--period", "2026-Q3", "--format", "csv", "-o", "-", "--as",
                "staff",
            ],
            "",
            true,
        ),
        (
            vec![
                "export",
                "dossier",
                "9137150204601036XX",
                "-o",
                "-",
                "--as",
                "enterprise",
            ],
            "",
            false,
        ),
        (
            vec!["export", "manifests", "-o", "-", "--as", "staff"],
            "",
            true,
        ),
        (vec!["setting", "list", "--as", "admin"], "", true),
        (
            vec![
                "setting",
                "set",
                "session.idle_lock_minutes",
                "20",
                "--as",
                "admin",
            ],
            "",
            true,
        ),
        (vec!["backup", &b], "", true),
        (vec!["check"], "", true),
        (vec!["assist", "list", "--as", "staff"], "", true),
        (vec!["assist", "auto-close", "--as", "staff"], "", false),
        (vec!["draw", "list", "--as", "supervisor"], "", true),
        (vec!["draw", "verify", "1", "--as", "supervisor"], "", true),
        (vec!["draw", "export", "1", "--as", "supervisor"], "", true),
        (
            vec!["draw", "publish", "1", "--as", "supervisor"],
            "",
            false,
        ),
    ];
    for (args, stdin, must_succeed) in &runs {
        let (code, stderr) = closed_stdout(s.cmd(args), stdin);
        assert_ne!(code, 101, "{args:?} panicked: {stderr}");
        assert!(
            !stderr.contains("panicked")
                && !stderr.contains("Broken pipe")
                && !stderr.contains("os error 32"),
            "{args:?}: {stderr}"
        );
        if *must_succeed {
            assert_eq!(code, 0, "{args:?}: {stderr}");
            assert!(stderr.trim().is_empty(), "{args:?}: {stderr}");
        }
    }
    for (args, stdin) in [
        (
            vec![
                "--db",
                f1.as_str(),
                "init",
                "--admin",
                "root2",
                "--password-stdin",
            ],
            "Pipe-river-walk-2026\n",
        ),
        (vec!["--db", f2.as_str(), "demo"], ""),
    ] {
        let (code, stderr) = closed_stdout(s.bare(&args), stdin);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
