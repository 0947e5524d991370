//! Use cases. The only code that writes on behalf of a person: every call authorizes, validates, writes
//! in one IMMEDIATE transaction ([`Session::write`]) and appends to the audit log in that same transaction. The TUI and the
//! CLI both come through here, so a rule enforced here holds everywhere.

pub mod account;
pub mod admin;
pub mod assistance;
pub mod drafts;
pub mod enterprise;
pub mod home;
pub mod inspection;
pub mod manifest;
pub mod positive_list;
pub mod report;
mod write;

pub use write::{Audited, Writer};

use crate::domain::account::{Action, Actor, Denied, Target, authorize};
use crate::domain::calendar::Calendar;
use crate::domain::settings::Policy;
use crate::domain::time::{local_time, shanghai};
use crate::domain::validate::FieldIssue;
use crate::i18n::{Lang, T, Text};
use crate::store::db::StoreError;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::sync::Arc;

/// Why a use case did not happen. Every variant renders as a specific bilingual message.
#[derive(Debug)]
pub enum ServiceError {
    /// The actor's roles do not permit the action.
    Forbidden(Action),
    /// The record does not exist, or is outside the actor's scope (the two are not told apart, so
    /// scope never leaks through error texts).
    NotFound,
    /// Input errors, or warnings not yet acknowledged. Nothing was saved.
    Invalid(Vec<FieldIssue>),
    /// The record changed since it was read.
    Conflict {
        by: String,
        at: String,
    },
    /// A refusal with its own message (login failures, business rules).
    Refused(Text),
    Store(StoreError),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> ServiceError {
        match e {
            StoreError::Conflict { by, at } => ServiceError::Conflict { by, at },
            StoreError::NotFound => ServiceError::NotFound,
            other => ServiceError::Store(other),
        }
    }
}

impl From<rusqlite::Error> for ServiceError {
    fn from(e: rusqlite::Error) -> ServiceError {
        ServiceError::from(StoreError::from(e))
    }
}

impl ServiceError {
    /// The message people see.
    pub fn text(&self) -> Text {
        match self {
            ServiceError::Forbidden(action) => {
                Text::new(T::ErrForbidden).arg_key("action", action.label())
            }
            ServiceError::NotFound => Text::new(T::ErrNotFound),
            ServiceError::Invalid(issues) => match issues.as_slice() {
                [one] => one.text.clone(),
                many => Text::new(T::ErrValidation).arg("n", many.len()),
            },
            ServiceError::Conflict { by, at } => Text::new(T::ErrConflict)
                .arg("user", by)
                .arg("time", local_time(at)),
            ServiceError::Refused(text) => text.clone(),
            ServiceError::Store(e) => store_text(e),
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        self.text().render(lang)
    }
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().bilingual())
    }
}

impl std::error::Error for ServiceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServiceError::Store(e) => Some(e),
            _ => None,
        }
    }
}

/// The message for a storage failure.
pub fn store_text(e: &StoreError) -> Text {
    match e {
        StoreError::Missing(p) => Text::new(T::ErrNoDatabase).arg("path", p.display()),
        StoreError::NotADatabase(p, _) => Text::new(T::ErrNotADatabase).arg("path", p.display()),
        StoreError::TooNew { found, supported } => Text::new(T::ErrTooNew)
            .arg("found", found)
            .arg("supported", supported),
        StoreError::ReadOnly(p, _) => Text::new(T::ErrReadOnly).arg("path", p.display()),
        StoreError::Busy(_) => Text::new(T::ErrBusy),
        StoreError::DiskFull(d) => Text::new(T::ErrDiskFull).arg("detail", d),
        StoreError::Conflict { by, at } => Text::new(T::ErrConflict)
            .arg("user", by)
            .arg("time", local_time(at)),
        StoreError::NotFound => Text::new(T::ErrNotFound),
        other => Text::new(T::ErrDatabase).arg("detail", other),
    }
}

pub type Result<T> = std::result::Result<T, ServiceError>;

/// The source of "now": the system clock, or a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

/// A logged-in person's handle on the database: who they are, the policy in force, and the clock.
pub struct Session {
    pub(crate) conn: Connection,
    /// Not public, so a caller of the library cannot act as someone else (the demo builder, in the
    /// crate, switches between its accounts).
    pub(crate) actor: Actor,
    /// Read from the database; only the service reloads it, after a settings change.
    policy: Policy,
    pub(crate) clock: Clock,
    /// Set at login when the password given is below the policy; cleared when the person sets a new one.
    pub(crate) must_change_password: std::cell::Cell<bool>,
}

impl Session {
    /// A session for an actor already authenticated (by `auth::login`) or the system actor.
    pub fn new(conn: Connection, actor: Actor, clock: Clock) -> Result<Session> {
        let policy = crate::store::reference::policy(&conn)?;
        Ok(Session {
            conn,
            actor,
            policy,
            clock,
            must_change_password: std::cell::Cell::new(false),
        })
    }

    /// Who is logged in.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Whether the actor may read entries marked 内部: bureau accounts do, enterprise accounts never.
    pub fn sees_internal(&self) -> bool {
        self.actor.enterprise_id.is_none()
            && !self.actor.has(crate::domain::account::Role::Enterprise)
    }

    /// Keeps the timeline entries the actor may read (drops 内部 ones for enterprise accounts).
    pub(crate) fn visible_history(
        &self,
        rows: Vec<crate::store::history::Row>,
    ) -> Vec<crate::store::history::Row> {
        if self.sees_internal() {
            return rows;
        }
        rows.into_iter().filter(|r| !r.is_internal()).collect()
    }

    /// The policy in force, read when the session opened.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Today in Asia/Shanghai: the date deadlines and expiry are judged by.
    pub fn today(&self) -> chrono::NaiveDate {
        self.now().with_timezone(&shanghai()).date_naive()
    }

    /// "Now" for the time rules: the session clock in Beijing time with the skew allowance.
    pub fn time_now(&self) -> crate::domain::time_rules::Now {
        crate::domain::time_rules::Now::new(
            crate::domain::time::Instant::new(self.now()),
            self.policy.time_skew_minutes(),
        )
    }

    pub fn calendar(&self) -> Result<Calendar> {
        Ok(crate::store::reference::calendar(&self.conn)?)
    }

    /// Role check without a record.
    pub fn require(&self, action: Action) -> Result<()> {
        self.check(action, Target::any())
    }

    /// Role and scope check against a record; a scope refusal is reported as "not found".
    pub fn check(&self, action: Action, target: Target<'_>) -> Result<()> {
        match authorize(&self.actor, action, target) {
            Ok(()) => Ok(()),
            Err(Denied::Role) => Err(ServiceError::Forbidden(action)),
            Err(Denied::Scope) => Err(ServiceError::NotFound),
        }
    }

    /// Whether another process committed since the last call (for live refresh while idle).
    pub fn data_version(&self) -> Result<i64> {
        Ok(crate::store::db::data_version(&self.conn)?)
    }

    /// The regions, for pickers and labels.
    pub fn regions(&self) -> Result<Vec<crate::store::reference::Region>> {
        Ok(crate::store::reference::regions(&self.conn)?)
    }

    /// The region codes typed text means: each part (split at commas, 、 or spaces) is a code, a
    /// region's name in either language or its pinyin initials; an unknown part is kept as typed,
    /// so the use case names it in its refusal.
    pub fn resolve_regions(&self, typed: &str) -> Result<Vec<String>> {
        let regions = self.regions()?;
        Ok(typed
            .split([',', '，', '、', ' '])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|part| {
                regions
                    .iter()
                    .find(|r| {
                        r.code == part
                            || r.name_zh == part
                            || r.name_en.eq_ignore_ascii_case(part)
                            || crate::domain::pinyin::initials(&r.name_zh) == part.to_lowercase()
                    })
                    .map_or_else(|| part.to_string(), |r| r.code.clone())
            })
            .collect())
    }

    /// Whether this database holds demo data (the TUI shows a DEMO marker).
    pub fn is_demo(&self) -> bool {
        matches!(crate::store::reference::setting(&self.conn, "demo"), Ok(Some(v)) if v == "1")
    }
}

/// Declares the per-feature views of a session, so each module's use cases are reached as
/// `session.manifests().transition(..)` rather than as one long list of prefixed methods.
macro_rules! feature_handles {
    ($($accessor:ident => $name:ident),* $(,)?) => {
        $(
            /// One feature's use cases on a borrowed session (same actor, policy and clock).
            #[derive(Clone, Copy)]
            pub struct $name<'s>(&'s Session);

            impl std::ops::Deref for $name<'_> {
                type Target = Session;
                fn deref(&self) -> &Session {
                    self.0
                }
            }
        )*
        impl Session {
            $(
                pub fn $accessor(&self) -> $name<'_> {
                    $name(self)
                }
            )*
        }
    };
}

feature_handles! {
    accounts => Accounts,
    admin => Admin,
    assistance => Assistance,
    enterprises => Enterprises,
    draws => Draws,
    inspections => Inspections,
    manifests => Manifests,
    positive_list => PositiveList,
    reports => Reports,
}
