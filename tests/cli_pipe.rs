//! A reader that closes standard output early (`ecocase draw list | true`, `| head -1`) ends the program
//! quietly: status 0, nothing on standard error, no panic — for tables, JSON, CSV and exports alike.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::Sandbox;
use std::io::Read;
use std::process::Stdio;

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
