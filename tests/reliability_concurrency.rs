//! Many writers on one file: 8 processes x 200 saves through the service layer.
//!
//! This file has its own `main` (harness = false): run without arguments it is the coordinator, which
//! builds a database, starts itself 8 times as a worker and checks the result; with `ECOCASE_SOAK_DB`
//! set it is one worker. Each worker edits the same two enterprises in turn, re-reading and re-applying
//! its edit whenever the service refuses a save made from a stale version, exactly as a user would after
//! "已被 X 于 T 修改". The checks: every worker succeeds, every save is one audit row, no save was based on
//! a version another save had already replaced (the audit rows of each record form one unbroken line of
//! versions), and the hash chain verifies.
//!
//! `ECOCASE_SOAK_WORKERS` and `ECOCASE_SOAK_SAVES` make the run longer for a local soak.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{E1_USCC, E2_USCC, fresh_db, login};
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::service::ServiceError;
use ecocase::service::enterprise::Warnings;
use ecocase::store::{audit, db};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_WORKERS: usize = 8;
const DEFAULT_SAVES: usize = 200;
/// The whole run must finish in this time, or the test fails instead of hanging CI.
const TIME_LIMIT: Duration = Duration::from_secs(240);

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if let Ok(path) = std::env::var("ECOCASE_SOAK_DB") {
        let worker: usize = std::env::var("ECOCASE_SOAK_WORKER")
            .expect("worker index")
            .parse()
            .expect("worker index number");
        let saves = env_count("ECOCASE_SOAK_SAVES", DEFAULT_SAVES);
        run_worker(Path::new(&path), worker, saves);
        return;
    }
    // `cargo test -- --list` and name filters from the test runner must not start the soak.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        println!("concurrent_saves_lose_nothing: test");
        return;
    }
    if let Some(filter) = args.iter().find(|a| !a.starts_with('-'))
        && !"concurrent_saves_lose_nothing".contains(filter.as_str())
    {
        return;
    }
    concurrent_saves_lose_nothing();
    println!("test concurrent_saves_lose_nothing ... ok");
}

/// One worker: `saves` successful edits, alternating between the two enterprises.
fn run_worker(path: &Path, worker: usize, saves: usize) {
    let session = login(path, "staff");
    let ids: Vec<i64> = [E1_USCC, E2_USCC]
        .iter()
        .map(|u| session.enterprises().by_uscc(u).expect("enterprise").id)
        .collect();
    let mut conflicts = 0usize;
    for n in 0..saves {
        let id = ids[(worker + n) % ids.len()];
        loop {
            let current = session.enterprises().get(id).expect("read enterprise");
            let mut draft = EnterpriseDraft::from_enterprise(&current);
            draft.contact = format!("w{worker}-n{n}");
            match session.enterprises().update(
                id,
                current.row_version,
                draft,
                Warnings::Acknowledge,
            ) {
                Ok(_) => break,
                Err(ServiceError::Conflict { .. }) => conflicts += 1,
                Err(e) => {
                    eprintln!("worker {worker} save {n}: {e:?}");
                    std::process::exit(1);
                }
            }
        }
    }
    println!("worker {worker}: {saves} saves, {conflicts} conflicts re-applied");
}

fn spawn_worker(path: &Path, worker: usize, saves: usize) -> std::process::Child {
    Command::new(std::env::current_exe().expect("own path"))
        .env("ECOCASE_SOAK_DB", path)
        .env("ECOCASE_SOAK_WORKER", worker.to_string())
        .env("ECOCASE_SOAK_SAVES", saves.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start worker")
}

fn concurrent_saves_lose_nothing() {
    let workers = env_count("ECOCASE_SOAK_WORKERS", DEFAULT_WORKERS);
    let saves = env_count("ECOCASE_SOAK_SAVES", DEFAULT_SAVES);
    let (_dir, path) = fresh_db();
    let audit_before = audit_rows(&path);
    let started = Instant::now();
    let mut children: Vec<_> = (0..workers)
        .map(|w| spawn_worker(&path, w, saves))
        .collect();
    let mut failures = Vec::new();
    for (w, child) in children.iter_mut().enumerate() {
        loop {
            if let Some(status) = child.try_wait().expect("wait worker") {
                if !status.success() {
                    failures.push(w);
                }
                break;
            }
            if started.elapsed() > TIME_LIMIT {
                let _ = child.kill();
                failures.push(w);
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let mut reports = String::new();
    for child in children {
        let out = child.wait_with_output().expect("worker output");
        reports.push_str(&String::from_utf8_lossy(&out.stdout));
        reports.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    assert!(
        failures.is_empty(),
        "workers {failures:?} failed:\n{reports}"
    );
    eprintln!(
        "{workers} workers x {saves} saves in {:.1} s\n{reports}",
        started.elapsed().as_secs_f64()
    );

    let total = workers * saves;
    // A login is copied into the audit chain when the write lock is free within a moment; under
    // this contention some wait in the login log for the next login, and count there.
    let waiting_logins = {
        let conn = db::open(&path).expect("open");
        let log = ecocase::store::logins::open_for(&conn).expect("login log");
        ecocase::store::logins::pending(&log, 10_000)
            .expect("pending logins")
            .len() as i64
    };
    assert_eq!(
        audit_rows(&path) - audit_before + waiting_logins,
        (total + workers) as i64,
        "one audit row per save and one per worker's login (copied, or waiting in the login log)"
    );
    let conn = db::open(&path).expect("open");
    let report = audit::verify(&conn).expect("verify");
    assert_eq!(report.first_broken, None, "the audit chain verifies");
    let mut saves_seen = 0;
    for uscc in [E1_USCC, E2_USCC] {
        saves_seen += assert_unbroken_versions(&conn, uscc);
    }
    assert_eq!(saves_seen, total, "every save is in a record's history");
}

fn audit_rows(path: &Path) -> i64 {
    let conn = db::open(path).expect("open");
    conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .expect("count")
}

/// Walks the update rows of one enterprise in order: each save must start from the version the
/// previous save produced (a lost update would start from an older one), and the stored record must
/// be the last save's result. Returns the number of saves.
fn assert_unbroken_versions(conn: &rusqlite::Connection, uscc: &str) -> usize {
    let (uid, row_version, contact): (String, i64, String) = conn
        .query_row(
            "SELECT uid, row_version, contact FROM enterprise WHERE uscc = ?1",
            [uscc],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("enterprise row");
    let history = audit::history(conn, "enterprise", &uid, usize::MAX >> 1).expect("history");
    let updates: Vec<(Value, Value)> = history
        .iter()
        .filter(|r| r.action == "update")
        .map(|r| {
            let parse = |j: &Option<String>| -> Value {
                serde_json::from_str(j.as_deref().expect("json")).expect("valid json")
            };
            (parse(&r.before_json), parse(&r.after_json))
        })
        .collect();
    for pair in updates.windows(2) {
        let (_, prev_after) = &pair[0];
        let (next_before, next_after) = &pair[1];
        assert_eq!(
            next_before["row_version"], prev_after["row_version"],
            "{uscc}: a save started from a replaced version"
        );
        assert_eq!(next_before["contact"], prev_after["contact"]);
        assert_eq!(
            next_after["row_version"].as_i64(),
            prev_after["row_version"].as_i64().map(|v| v + 1),
            "{uscc}: versions go up by one per save"
        );
    }
    let (_, last_after) = updates.last().expect("at least one save");
    assert_eq!(last_after["row_version"].as_i64(), Some(row_version));
    assert_eq!(last_after["contact"].as_str(), Some(contact.as_str()));
    updates.len()
}
