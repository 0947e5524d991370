//! Inspection fixtures on top of `common`: a second and third inspector with certificates, a raw
//! connection for setting up legacy data, and the positive-list listing of an enterprise.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use ecocase::domain::account::Role;
use ecocase::service::Session;
use ecocase::service::account::CertificateInput;
use ecocase::service::account::NewAccount;
use ecocase::service::account::auth;
use rusqlite::Connection;
use std::path::Path;

pub fn cert(number: &str, from: &str, to: &str) -> CertificateInput {
    CertificateInput {
        kind: "生态环境执法证".into(),
        number: number.into(),
        issuer: "山东省生态环境厅".into(),
        valid_from: from.into(),
        valid_to: to.into(),
    }
}

/// Adds `inspector2` (valid certificate) and `inspector3` (certificate expired 2026-05-31), and gives
/// `inspector` a certificate valid 2024-2027. Returns the user ids (inspector, inspector2, inspector3).
pub fn officers(path: &Path, clock: &TestClock) -> (i64, i64, i64) {
    let admin = auth::login_path(path, "admin", PASSWORD, clock.clock()).expect("admin");
    for name in ["inspector2", "inspector3"] {
        admin
            .accounts()
            .add(&NewAccount {
                username: name.into(),
                display_name: format!("执法员{name}"),
                roles: vec![Role::Inspector],
                unit: Some("CITY".into()),
                password: PASSWORD.into(),
                ..Default::default()
            })
            .expect("account");
    }
    admin
        .accounts()
        .add_certificate("inspector", cert("37150000001", "2024-01-01", "2027-12-31"))
        .expect("cert 1");
    admin
        .accounts()
        .add_certificate(
            "inspector2",
            cert("37150000002", "2024-01-01", "2027-12-31"),
        )
        .expect("cert 2");
    admin
        .accounts()
        .add_certificate(
            "inspector3",
            cert("37150000003", "2020-01-01", "2026-05-31"),
        )
        .expect("cert 3");
    let id = |n: &str| -> i64 {
        raw(path)
            .query_row("SELECT id FROM user WHERE username = ?1", [n], |r| r.get(0))
            .expect("id")
    };
    (id("inspector"), id("inspector2"), id("inspector3"))
}

/// A raw connection, for the legacy data a test sets up by hand.
pub fn raw(path: &Path) -> Connection {
    Connection::open(path).expect("raw")
}

/// Puts the enterprise on the positive list (state 在册).
pub fn list_enterprise(path: &Path, uscc: &str) {
    let c = raw(path);
    c.execute_batch(&format!(
        "INSERT OR IGNORE INTO pl_batch (uid, name, year, created_at, created_by)
             VALUES ('b1', '2026年第1批', 2026, '2026-01-01T00:00:00Z', 'test');
         INSERT INTO pl_entry (uid, enterprise_id, batch_id, state, origin, listed_on, created_at, created_by,
             updated_at, updated_by)
         SELECT 'x-{uscc}', e.id, b.id, 'listed', 'proposed', '2026-01-10', '2026-01-10T00:00:00Z', 't', '2026-01-10T00:00:00Z', 't'
         FROM enterprise e, pl_batch b WHERE e.uscc = '{uscc}' AND b.uid = 'b1';
         UPDATE enterprise SET list_status = 'listed' WHERE uscc = '{uscc}';"
    ))
    .expect("list");
    audit_fixture(path, "pl_batch", "uid = 'b1'");
    audit_fixture(path, "pl_entry", &format!("uid = 'x-{uscc}'"));
    audit_fixture(path, "enterprise", &format!("uscc = '{uscc}'"));
}

pub fn login_at(path: &Path, user: &str, clock: &TestClock) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

pub fn enterprise_id(s: &Session, uscc: &str) -> i64 {
    s.enterprises().by_uscc(uscc).expect("enterprise").id
}

/// Records a positive-list trigger (by hand) against the enterprise's entry; returns its id.
pub fn record_trigger(path: &Path, uscc: &str, reference: &str) -> i64 {
    let c = raw(path);
    c.execute(
        "INSERT INTO pl_trigger (uid, entry_id, kind, reference, occurred_on, handling, note, recorded_at,
             recorded_by)
         SELECT ?2, x.id, 'complaint', ?2, '2026-05-20', 'onsite', '', '2026-05-20T00:00:00Z', 't'
         FROM pl_entry x JOIN enterprise e ON e.id = x.enterprise_id WHERE e.uscc = ?1",
        rusqlite::params![uscc, reference],
    )
    .expect("trigger");
    let id = c.last_insert_rowid();
    crate::common::audit_fixture(path, "pl_trigger", &format!("uid = '{reference}'"));
    id
}

/// What signing needs besides the conclusion: every checklist item answered (those not answered yet
/// as 符合) and a representative present.
pub fn complete_record(s: &Session, id: i64) {
    use ecocase::domain::inspection::Answer;
    let answered: Vec<String> = s
        .inspections()
        .detail(id)
        .expect("detail")
        .answers
        .into_iter()
        .map(|a| a.0)
        .collect();
    for item in s.inspections().checklist().expect("checklist") {
        if !answered.contains(&item.code) {
            s.inspections()
                .answer(id, &item.code, Answer::Pass, "")
                .expect("answer");
        }
    }
    if s.inspections()
        .detail(id)
        .expect("detail")
        .representatives
        .is_empty()
    {
        s.inspections()
            .add_representative(id, "孙丽", "环保专员")
            .expect("representative");
    }
}

/// A finding (for conclusions other than 未发现问题) and the rest of the record signing needs.
pub fn ready_to_sign(s: &Session, id: i64) {
    use ecocase::domain::inspection::Severity;
    use ecocase::service::inspection::record::FindingInput;
    if s.inspections()
        .detail(id)
        .expect("detail")
        .findings
        .is_empty()
    {
        s.inspections()
            .add_finding(
                id,
                &FindingInput {
                    description: "危险废物贮存不规范".into(),
                    severity: Some(Severity::General),
                    ..FindingInput::default()
                },
            )
            .expect("finding");
    }
    complete_record(s, id);
}
