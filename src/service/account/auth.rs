//! Login with argon2id hashes, a growing delay after repeated failures, and password re-entry after the
//! idle lock.
//!
//! Every attempt is written to the login log (`store::logins`, its own small file), never to the
//! database, so logging in does not wait for the database's write lock; the log's failure count per
//! name tried holds across processes. A name gets a few free failures (`login.max_failures`), then its
//! next attempt is held off 1, 2, 4 … seconds up to `login.max_delay_seconds`: guessing is slowed to a
//! crawl, while nobody can keep the real owner out for more than that. Known and unknown names are
//! answered alike: the same messages, the same delay, the same argon2 work (a dummy hash for unknown
//! names). The attempts are copied into the audit chain as soon as the database's lock is free.

use crate::domain::account::Actor;
use crate::domain::time::Instant;
use crate::i18n::{T, Text};
use crate::service::{Clock, Result, ServiceError, Session, Writer};
use crate::store::{account as users, db, logins, reference};
use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use rusqlite::Connection;
use std::time::Duration;

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

/// A hash of nothing with the default parameters, verified when the user does not exist so both paths
/// do the same work.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0M9Eos2VxKhYiSwuXl3pO4Wq5WUOcn8ROg9XhMz5DQ8";

/// The SSH client's address (`SSH_CONNECTION` or `SSH_CLIENT`, first field) when logged in over SSH.
pub fn client_address() -> String {
    ["SSH_CONNECTION", "SSH_CLIENT"]
        .iter()
        .find_map(|k| std::env::var(k).ok())
        .and_then(|v| v.split_whitespace().next().map(str::to_string))
        .map(|a| crate::domain::text::normalize_text(&a))
        .unwrap_or_default()
}

/// Seconds from `now` until `until`, at least one.
fn seconds_until(now: Instant, until: Instant) -> i64 {
    let secs = |i: Instant| {
        chrono::DateTime::parse_from_rfc3339(&i.to_string()).map_or(0, |t| t.timestamp())
    };
    (secs(until) - secs(now)).max(1)
}

/// What a successful password check yields.
struct Checked {
    actor: Actor,
    /// The password given is below the policy now in force (and this is not a demo database).
    below_policy: bool,
}

/// Checks a password against an account; see the module note.
fn check_credentials(
    conn: &Connection,
    username: &str,
    password: &str,
    clock: &Clock,
) -> Result<Checked> {
    let now = Instant::new(clock());
    let policy = reference::policy(conn)?;
    let name = crate::domain::text::normalize_text(username);
    let client = client_address();
    let log = logins::open_for(conn)?;
    if let Some(until) = logins::blocked_until(&log, &name)?
        && until > now
    {
        logins::record(&log, now, &name, "waiting", &client)?;
        fold_login_events(conn, &log, clock);
        return Err(ServiceError::Refused(
            Text::new(T::ErrLoginWait).arg("seconds", seconds_until(now, until)),
        ));
    }
    let user = users::find_by_username(conn, &name)?;
    let hash = user
        .as_ref()
        .map_or(DUMMY_HASH, |u| u.password_hash.as_str());
    let matched = verify_password(password, hash);
    let user = match user {
        Some(u) if matched => u,
        _ => {
            let held = logins::record_failure(
                &log,
                now,
                &name,
                &client,
                policy.login_max_failures(),
                policy.login_max_delay_seconds(),
            )?;
            fold_login_events(conn, &log, clock);
            return Err(ServiceError::Refused(match held {
                Some(until) => Text::new(T::ErrLoginWait).arg("seconds", seconds_until(now, until)),
                None => Text::new(T::ErrLoginFailed),
            }));
        }
    };
    if !user.active {
        logins::record(&log, now, &name, "disabled", &client)?;
        fold_login_events(conn, &log, clock);
        return Err(ServiceError::Refused(Text::new(T::ErrAccountDisabled)));
    }
    logins::clear(&log, &name)?;
    logins::record(&log, now, &user.username, "ok", &client)?;
    fold_login_events(conn, &log, clock);
    let demo = matches!(reference::setting(conn, "demo"), Ok(Some(v)) if v == "1");
    let below_policy = !demo
        && crate::domain::password::check(password, &user.username, policy.password_min_length())
            .is_err();
    Ok(Checked {
        actor: user.actor(),
        below_policy,
    })
}

/// Copies the login log's attempts not yet in the audit chain into it, each in its own short write,
/// if the database's write lock can be had within a moment; otherwise they wait for the next login.
/// The log's own write lock is held meanwhile, so two processes never copy the same attempt. Never
/// fails the login: the attempts stay in the log until copied.
pub(crate) fn fold_login_events(conn: &Connection, log: &Connection, clock: &Clock) {
    if conn.busy_timeout(Duration::from_millis(50)).is_err() {
        return;
    }
    let copied = (|| -> Result<()> {
        let claim = logins::begin(log)?;
        for ev in logins::pending(&claim, 200)? {
            let user = users::find_by_username(conn, &ev.name)?;
            let system = Actor::system();
            let (actor, action, uid) = match (&user, ev.outcome.as_str()) {
                (Some(u), "ok") => (u.actor(), "login", u.uid.clone()),
                _ => (system, "login_failed", ev.uid.clone()),
            };
            let after = serde_json::json!({
                "username": ev.name, "at": ev.at, "client": ev.client, "outcome": ev.outcome,
            });
            let written = Writer::run(conn, &actor, Instant::new(clock()), |w| {
                if let (Some(u), "ok") = (&user, ev.outcome.as_str()) {
                    users::record_success(w, u.id, &ev.at.to_string())?;
                }
                Ok(w.audit_json(action, "user", &uid, None, Some(&after))?)
            });
            if let Err(e) = written {
                // Keep what was copied so far; the rest waits for the next login.
                claim.commit().map_err(crate::store::db::StoreError::from)?;
                return Err(e);
            }
            logins::mark_folded(&claim, ev.id)?;
        }
        claim.commit().map_err(crate::store::db::StoreError::from)?;
        Ok(())
    })();
    if let Err(e) = copied {
        tracing::debug!(error = %e, "login attempts not yet copied into the audit log");
    }
    let _ = conn.busy_timeout(db::BUSY_TIMEOUT);
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

/// Logs a person in and opens their session. A password below the policy in force still logs in, and
/// the session says so ([`Session::must_change_password`]): the TUI then asks for a new one first.
pub fn login(conn: Connection, username: &str, password: &str, clock: Clock) -> Result<Session> {
    let checked = check_credentials(&conn, username, password, &clock)?;
    let s = Session::new(conn, checked.actor, clock)?;
    s.must_change_password.set(checked.below_policy);
    Ok(s)
}

impl Session {
    /// Unlocks an idle-locked session: the same password check as login, with the same delays.
    pub fn unlock(&mut self, password: &str) -> Result<()> {
        let username = self.actor.username.clone();
        let checked = check_credentials(&self.conn, &username, password, &self.clock)?;
        self.actor = checked.actor;
        self.policy = reference::policy(&self.conn)?;
        Ok(())
    }

    /// Whether the password this session logged in with is below the password policy now in force:
    /// the person is asked to set a new one before anything else.
    pub fn must_change_password(&self) -> bool {
        self.must_change_password.get()
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
    fn dummy_hash_is_well_formed_and_as_costly_as_a_real_one() {
        let dummy = PasswordHash::new(DUMMY_HASH).expect("dummy");
        let real_text = hash_password("东昌湖边的柳树-2026").expect("hash");
        let real = PasswordHash::new(&real_text).expect("real");
        assert_eq!(dummy.algorithm, real.algorithm);
        assert_eq!(dummy.params, real.params, "same memory, time and lanes");
    }
}
