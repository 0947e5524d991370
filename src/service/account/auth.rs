//! Login with argon2id hashes, lockout after repeated failures, and password re-entry after idle lock.

use crate::domain::account::Actor;
use crate::domain::time::{Instant, local_time, stamp};
use crate::i18n::{T, Text};
use crate::service::{Clock, Result, ServiceError, Session, Writer};
use crate::store::{account as users, db, reference};
use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use rusqlite::Connection;

/// Hashes a password with argon2id and a random salt, as a PHC string.
pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ServiceError::Refused(Text::new(T::ErrDatabase).arg("detail", e)))
}

/// Whether `password` matches a stored PHC hash. A malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash of nothing, verified when the user does not exist so both paths take the same time.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0M9Eos2VxKhYiSwuXl3pO4Wq5WUOcn8ROg9XhMz5DQ8";

/// Checks a password against an account, counting failures and locking the account after
/// `login.max_failures` in a row for `login.lock_minutes`. Returns the actor on success.
fn check_credentials(
    conn: &Connection,
    username: &str,
    password: &str,
    clock: &Clock,
) -> Result<Actor> {
    let now = clock();
    let _now_s = stamp(now);
    let policy = reference::policy(conn)?;
    let Some(user) = users::find_by_username(conn, username.trim())? else {
        verify_password(password, DUMMY_HASH);
        return Err(ServiceError::Refused(Text::new(T::ErrLoginFailed)));
    };
    if let Some(until) = user.locked_until
        && until > Instant::new(now)
    {
        return Err(ServiceError::Refused(
            Text::new(T::ErrLoginLocked).arg("until", until.local()),
        ));
    }
    let actor = user.actor();
    if !verify_password(password, &user.password_hash) {
        let lock_until = stamp(now + chrono::Duration::minutes(policy.login_lock_minutes()));
        let locked = Writer::run(conn, &actor, Instant::new(now), |w| {
            let failures = users::record_failure(w, user.id, None)?;
            if failures >= policy.login_max_failures() {
                users::set_lock(w, user.id, Some(&lock_until), 0)?;
                let after = serde_json::json!({ "locked_until": lock_until, "failures": failures });
                w.audit_json("account_locked", "user", &user.uid, None, Some(&after))?;
                return Ok(true);
            }
            Ok(false)
        })?;
        return Err(ServiceError::Refused(if locked {
            Text::new(T::ErrLoginLocked).arg("until", local_time(&lock_until))
        } else {
            Text::new(T::ErrLoginFailed)
        }));
    }
    if !user.active {
        return Err(ServiceError::Refused(Text::new(T::ErrAccountDisabled)));
    }
    Writer::run(conn, &actor, Instant::new(now), |w| {
        users::record_success(w, user.id, w.now())?;
        Ok(w.audit_json("login", "user", &user.uid, None, None)?)
    })?;
    Ok(actor)
}

/// Opens the database at `path` (migrating it if needed) and logs a person in.
pub fn login_path(
    path: &std::path::Path,
    username: &str,
    password: &str,
    clock: Clock,
) -> Result<Session> {
    let conn = db::open(path)?;
    login(conn, username, password, clock)
}

/// Logs a person in and opens their session.
pub fn login(conn: Connection, username: &str, password: &str, clock: Clock) -> Result<Session> {
    let actor = check_credentials(&conn, username, password, &clock)?;
    Session::new(conn, actor, clock)
}

impl Session {
    /// Unlocks an idle-locked session: the same password check as login, with the same lockout.
    pub fn unlock(&mut self, password: &str) -> Result<()> {
        let username = self.actor.username.clone();
        let actor = check_credentials(&self.conn, &username, password, &self.clock)?;
        self.actor = actor;
        self.policy = reference::policy(&self.conn)?;
        Ok(())
    }
}

impl crate::service::Accounts<'_> {
    /// Minutes of inactivity after which the TUI locks and asks for the password.
    pub fn idle_lock_minutes(&self) -> i64 {
        self.policy.idle_lock_minutes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let h = hash_password("秘密pw").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("秘密pw", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn dummy_hash_is_well_formed() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
