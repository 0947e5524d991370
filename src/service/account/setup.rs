//! Creating a database: schema, reference data and the first administrator, all or nothing.

use crate::domain::account::{Actor, Role};
use crate::i18n::{T, Text};
use crate::service::account::{NewAccount, insert_account};
use crate::service::{Clock, Result, ServiceError, Session, Writer};
use crate::store::db::{self, StoreError};
use crate::store::seed;
use std::path::Path;

/// Creates a new database at `path` with seed data. Refuses an existing file. If seeding fails the
/// half-made file is removed, so a retry starts clean.
pub fn create_database(path: &Path, clock: &Clock) -> Result<Session> {
    if path.exists() {
        return Err(ServiceError::Refused(
            Text::new(T::ErrDatabaseExists).arg("path", path.display()),
        ));
    }
    let made = (|| -> Result<Session> {
        let conn = db::create(path)?;
        let system = Actor::system();
        Writer::run(
            &conn,
            &system,
            crate::domain::time::Instant::new(clock()),
            |w| Ok(seed::reference_data(w, w.now())?),
        )?;
        Session::new(conn, Actor::system(), clock.clone())
    })();
    if made.is_err() {
        remove_database_files(path);
    }
    made
}

/// Removes a database file and its WAL companions (only used on a file this process just created).
pub fn remove_database_files(path: &Path) {
    for suffix in [
        "",
        "-wal",
        "-shm",
        "-journal",
        "-logins",
        "-logins-wal",
        "-logins-shm",
    ] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(p));
    }
}

/// `ecocase init`: a new database with the first administrator account.
pub fn init(path: &Path, admin: &str, password: &str, clock: &Clock) -> Result<()> {
    let made = (|| -> Result<()> {
        let s = create_database(path, clock)?;
        insert_account(
            &s,
            &NewAccount {
                username: admin.to_string(),
                display_name: admin.to_string(),
                roles: vec![Role::Admin],
                unit: Some("CITY".to_string()),
                enterprise_uscc: None,
                password: password.to_string(),
            },
        )?;
        Ok(())
    })();
    if let Err(e) = &made
        && !matches!(e, ServiceError::Refused(t) if t.key == T::ErrDatabaseExists)
    {
        remove_database_files(path);
    }
    made
}

/// Whether an error means "the database file is not there yet" (the TUI then offers first-run setup).
pub fn is_missing(e: &StoreError) -> bool {
    matches!(e, StoreError::Missing(_))
}
