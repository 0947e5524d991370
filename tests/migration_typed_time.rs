//! Migration 16 on a database written before days and manifest times were typed: the demo's Beijing
//! wall-clock manifest moments become UTC instants, short-form days (`2026-1-5`) get their leading zeros,
//! and everything then reads back through the typed store and service. Text that is neither is left
//! alone and still reported where it is read.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;
mod manifest_common;

use common::*;
use ecocase::domain::manifest::rules::ManifestEvent;
use ecocase::store::db;
use ecocase::store::positive_list::EntryFilter;
use manifest_common::*;
use rusqlite::Connection;
use std::path::Path;

/// Migration 16 itself. Later migrations add columns, so the test runs this one on its own rather
/// than winding the whole file back to version 15.
const MIGRATION_16: &str = include_str!("../src/store/migrations/0016_typed_time.sql");

/// A raw connection to write what an older ecocase left, outside the program's rules.
fn raw_connection(path: &Path) -> Connection {
    Connection::open(path).expect("raw")
}

#[test]
fn an_old_database_with_local_times_and_short_days_reads_back_typed() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (mut dir, path) = manifest_db(&clock);
    // The rows below are written as an older ecocase left them, outside the audited write path; the
    // audit check of such a database is not what this test is about.
    dir.skip_check();
    let m = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-03-02 12:00", &["1"]),
    );
    let admin = at(&clock, &path, "admin");
    admin
        .accounts()
        .add_certificate(
            "inspector",
            inspect_common::cert("37150000001", "2024-01-01", "2027-12-31"),
        )
        .expect("certificate");
    inspect_common::list_enterprise(&path, E1_USCC);

    // What an older ecocase (or its demo) could have written.
    let raw = raw_connection(&path);
    raw.execute_batch(&format!(
        "UPDATE manifest SET transfer_date = '2026-3-2', confirmed_at = '2026-03-02 20:05',
             completed_at = '2026-03-03 07:30' WHERE id = {id};
         UPDATE certificate SET valid_from = '2024-1-1', valid_to = '2027-12-1';
         UPDATE pl_entry SET listed_on = '2026-1-10', review_due = '2027-1-10', notice_end = 'garbage';
         UPDATE enterprise SET permit_expiry = '2027-6-30' WHERE uscc = '{E1_USCC}';",
        id = m.id
    ))
    .expect("old rows");
    raw.execute_batch(MIGRATION_16).expect("migration 16");
    drop(raw);

    // Opening reads the migrated rows.
    let conn = db::open(&path).expect("open migrates");
    assert_eq!(
        db::user_version(&conn).expect("version"),
        db::SCHEMA_VERSION
    );
    let (transfer, confirmed, completed): (String, String, String) = conn
        .query_row(
            "SELECT transfer_date, confirmed_at, completed_at FROM manifest WHERE id = ?1",
            [m.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("row");
    assert_eq!(
        (transfer.as_str(), confirmed.as_str(), completed.as_str()),
        ("2026-03-02", "2026-03-02T12:05:00Z", "2026-03-02T23:30:00Z")
    );
    drop(conn);

    let staff = at(&clock, &path, "staff");
    let read = staff.manifests().get(m.id).expect("typed manifest");
    assert_eq!(read.transfer_date.to_string(), "2026-03-02");
    assert_eq!(
        read.confirmed_at.map(|t| t.local()).as_deref(),
        Some("2026-03-02 20:05")
    );
    assert_eq!(
        read.completed_at.map(|t| t.local()).as_deref(),
        Some("2026-03-03 07:30")
    );
    // Already in the stored form: unchanged.
    assert_eq!(read.submitted_at, m.submitted_at);
    assert_eq!(read.created_at, m.created_at);

    let admin = at(&clock, &path, "admin");
    let certs = admin.accounts().certificates("inspector").expect("certs");
    assert_eq!(certs[0].valid_from.to_string(), "2024-01-01");
    assert_eq!(certs[0].valid_to.to_string(), "2027-12-01");

    let e1 = staff.enterprises().by_uscc(E1_USCC).expect("enterprise");
    assert_eq!(
        e1.permit_expiry.map(|d| d.to_string()).as_deref(),
        Some("2027-06-30")
    );

    // Damage that is not a short day is not guessed at: the entry still fails to read.
    assert!(
        staff
            .positive_list()
            .entries(&EntryFilter::default(), 10)
            .is_err()
    );
    let raw = Connection::open(&path).expect("raw");
    let (listed, due): (String, String) = raw
        .query_row("SELECT listed_on, review_due FROM pl_entry", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("entry");
    assert_eq!(
        (listed.as_str(), due.as_str()),
        ("2026-01-10", "2027-01-10")
    );
    raw.execute("UPDATE pl_entry SET notice_end = ''", [])
        .expect("repair");
    let entries = staff
        .positive_list()
        .entries(&EntryFilter::default(), 10)
        .expect("typed entries");
    assert_eq!(
        entries[0].listed_on.map(|d| d.to_string()).as_deref(),
        Some("2026-01-10")
    );
}

#[test]
fn a_current_database_is_left_as_it_is() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let m = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let snapshot = |c: &Connection| -> Vec<String> {
        c.query_row(
            "SELECT transfer_date, submitted_at, created_at, updated_at FROM manifest WHERE id = ?1",
            [m.id],
            |r| Ok(vec![r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
        )
        .expect("row")
    };
    let raw = raw_connection(&path);
    let before = snapshot(&raw);
    raw.execute_batch(MIGRATION_16).expect("migration 16");
    drop(raw);
    let conn = db::open(&path).expect("open migrates");
    assert_eq!(snapshot(&conn), before);
}
