//! Shared fixtures for the service-level tests: a database with one account of every role and two
//! enterprises in different regions, built once and copied for each test.

#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use ecocase::domain::account::Role;
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::service::account::NewAccount;
use ecocase::service::account::auth;
use ecocase::service::account::setup;
use ecocase::service::enterprise::Warnings;
use ecocase::service::{Clock, Session};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// 冠县 (the branch's region) and 东昌府区.
pub const GUAN: &str = "371525";
pub const DONGCHANGFU: &str = "371502";
/// USCCs with correct check characters.
pub const E1_USCC: &str = "91130200699229617X";
pub const E2_USCC: &str = "911302307808371268";
pub const E1_NAME: &str = "冠县兴华纺织有限公司";
pub const E2_NAME: &str = "聊城市东昌府区绿源化工有限公司";
pub const PASSWORD: &str = "Dongchang-lake-2026";

/// A clock tests can move.
pub struct TestClock(Arc<Mutex<DateTime<Utc>>>);

impl TestClock {
    pub fn at(y: i32, m: u32, d: u32, h: u32) -> TestClock {
        TestClock(Arc::new(Mutex::new(
            Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
                .single()
                .expect("valid time"),
        )))
    }

    pub fn clock(&self) -> Clock {
        let t = self.0.clone();
        Arc::new(move || *t.lock().expect("clock lock"))
    }

    /// Moves the clock to a new time (UTC).
    pub fn set(&self, y: i32, m: u32, d: u32, h: u32) {
        *self.0.lock().expect("clock lock") = Utc
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid time");
    }

    pub fn advance_minutes(&self, minutes: i64) {
        let mut t = self.0.lock().expect("clock lock");
        *t += chrono::Duration::minutes(minutes);
    }
}

pub fn fixed_clock() -> Clock {
    TestClock::at(2026, 11, 29, 2).clock()
}

pub fn draft(uscc: &str, name: &str, region: &str) -> EnterpriseDraft {
    EnterpriseDraft {
        uscc: uscc.into(),
        name: name.into(),
        region_code: region.into(),
        ..Default::default()
    }
}

/// (username, roles, unit, bound enterprise).
pub type Account = (
    &'static str,
    &'static [Role],
    Option<&'static str>,
    Option<&'static str>,
);

/// The accounts of the fixture.
pub const ACCOUNTS: &[Account] = &[
    ("staff", &[Role::Staff], Some("CITY"), None),
    ("branch", &[Role::Staff], Some(GUAN), None),
    ("inspector", &[Role::Inspector], Some("CITY"), None),
    ("supervisor", &[Role::Supervisor], Some("CITY"), None),
    ("ent", &[Role::Enterprise], None, Some(E1_USCC)),
];

fn build_template(path: &Path) {
    let clock = fixed_clock();
    setup::init(path, "admin", PASSWORD, &clock).expect("init");
    let admin = auth::login_path(path, "admin", PASSWORD, clock.clone()).expect("admin login");
    // Enterprises first (the enterprise account binds to one), created by a staff account.
    admin
        .accounts()
        .add(&NewAccount {
            username: "staff".into(),
            roles: vec![Role::Staff],
            password: PASSWORD.into(),
            ..Default::default()
        })
        .expect("staff");
    let staff = auth::login_path(path, "staff", PASSWORD, clock.clone()).expect("staff login");
    staff
        .enterprises()
        .create(draft(E1_USCC, E1_NAME, GUAN), Warnings::Stop)
        .expect("e1");
    staff
        .enterprises()
        .create(draft(E2_USCC, E2_NAME, DONGCHANGFU), Warnings::Stop)
        .expect("e2");
    for (name, roles, unit, ent) in ACCOUNTS.iter().skip(1) {
        admin
            .accounts()
            .add(&NewAccount {
                username: (*name).into(),
                roles: roles.to_vec(),
                unit: unit.map(str::to_string),
                enterprise_uscc: ent.map(str::to_string),
                password: PASSWORD.into(),
                ..Default::default()
            })
            .expect("account");
    }
}

/// A test's database directory. When the test ends without a panic, the database must pass
/// `ecocase check`'s row pass, triggers and chain: every honest service path leaves after-images that
/// verify. A test that tampers on purpose calls [`Checked::skip_check`].
pub struct Checked {
    dir: tempfile::TempDir,
    path: PathBuf,
    check: bool,
}

impl Checked {
    pub fn skip_check(&mut self) {
        self.check = false;
    }
}

impl std::ops::Deref for Checked {
    type Target = tempfile::TempDir;
    fn deref(&self) -> &tempfile::TempDir {
        &self.dir
    }
}

/// Records fixture rows a test wrote with raw SQL (legacy data set up by hand) in the audit log, with
/// the image `check` reads, so the database stays sound for the check at the end of the test.
pub fn audit_fixture(path: &Path, table: &str, condition: &str) {
    use ecocase::store::{audit, check::rows::row_image};
    let conn = rusqlite::Connection::open(path).expect("open");
    let uids: Vec<String> = conn
        .prepare(&format!("SELECT uid FROM {table} WHERE {condition}"))
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("uids")
        .collect::<rusqlite::Result<_>>()
        .expect("uids");
    for uid in uids {
        let after = row_image(&conn, table, &uid).expect("image");
        audit::append(
            &conn,
            &ecocase::domain::account::Actor::system(),
            "2026-01-01T00:00:00Z",
            audit::Change {
                action: "fixture",
                entity: table,
                record_uid: &uid,
                before: None,
                after: after.as_ref(),
            },
        )
        .expect("audit");
    }
}

/// Runs `check` on the database at `path` and panics naming every finding when it is not sound.
pub fn assert_sound(path: &Path) {
    use ecocase::store::check;
    let conn = check::open_read_only(path).expect("open for check");
    let report =
        check::run(&conn, &check::Options::default(), &mut |_, _, _| {}).expect("check runs");
    assert!(
        report.is_sound(),
        "check fails after an honest path: {report:#?}"
    );
}

impl Drop for Checked {
    fn drop(&mut self) {
        if self.check && !std::thread::panicking() && self.path.exists() {
            assert_sound(&self.path);
        }
    }
}

/// A fresh copy of the fixture database in its own directory.
pub fn fresh_db() -> (Checked, PathBuf) {
    static TEMPLATE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, template) = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("template.db");
        build_template(&path);
        (dir, path)
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ecocase.db");
    std::fs::copy(template, &path).expect("copy template");
    (
        Checked {
            dir,
            path: path.clone(),
            check: true,
        },
        path,
    )
}

pub fn login(path: &Path, user: &str) -> Session {
    auth::login_path(path, user, PASSWORD, fixed_clock()).expect("login")
}
