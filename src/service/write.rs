//! The one write path: [`Session::write`] opens one IMMEDIATE transaction and hands the use case a
//! [`Writer`] carrying it, the actor and the time of the write, so the reads a rule depends on, the
//! writes and the audit rows all happen under the same lock and the same timestamp.

use crate::domain::account::Actor;
use crate::domain::enterprise::Enterprise;
use crate::domain::time::Instant;
use crate::service::{Result, Session};
use crate::store::assistance::Request;
use crate::store::assistance::meeting::Meeting;
use crate::store::audit::{self, Change};
use crate::store::db;
use crate::store::inspection::followup::{Case, Rectification};
use crate::store::inspection::items::{Evidence, Finding};
use crate::store::inspection::{Inspection, draw::Draw};
use crate::store::manifest::reference::{Approval, Licence};
use crate::store::positive_list::{Batch, Entry, TriggerRow};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use serde_json::Value;

/// A record that is audited as itself: the entity name its audit rows carry and its uid. Its audit
/// image is its serde form.
pub trait Audited: Serialize {
    const ENTITY: &'static str;
    fn uid(&self) -> &str;
}

/// A value as the audit log stores it. Through `Value`, so object keys are sorted: the chain's
/// existing rows were written that way.
pub(in crate::service) fn json<S: Serialize + ?Sized>(x: &S) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// The open write: the transaction (reached through `Deref`, so store functions take `&w`), who
/// writes, and when.
pub struct Writer<'c> {
    tx: Transaction<'c>,
    actor: &'c Actor,
    at: Instant,
    at_text: String,
}

impl<'c> std::ops::Deref for Writer<'c> {
    type Target = Transaction<'c>;

    fn deref(&self) -> &Transaction<'c> {
        &self.tx
    }
}

impl<'c> Writer<'c> {
    /// Runs `f` in one IMMEDIATE transaction on `conn` as `actor` at `at`: committed if it returns
    /// Ok, rolled back otherwise. For writes not made as the session's actor: before a session
    /// exists (login, setup) and as the system (the automatic close).
    pub(crate) fn run<T>(
        conn: &'c Connection,
        actor: &'c Actor,
        at: Instant,
        f: impl FnOnce(&Writer<'c>) -> Result<T>,
    ) -> Result<T> {
        let w = Writer {
            tx: db::begin_immediate(conn)?,
            actor,
            at,
            at_text: at.to_string(),
        };
        let out = f(&w)?;
        w.tx.commit()?;
        Ok(out)
    }

    /// The transaction, where a `&Transaction` is wanted by name rather than through `Deref`.
    pub fn tx(&self) -> &Transaction<'c> {
        &self.tx
    }

    pub fn actor(&self) -> &Actor {
        self.actor
    }

    /// The time of this write as stored.
    pub fn now(&self) -> &str {
        &self.at_text
    }

    /// The time of this write, for the typed time fields of the records it writes.
    pub fn at(&self) -> Instant {
        self.at
    }

    /// Appends the audit row of a change to `after` (from `before`, when it existed).
    pub fn audit<R: Audited>(&self, action: &str, before: Option<&R>, after: &R) -> db::Result<()> {
        self.audit_json(
            action,
            R::ENTITY,
            after.uid(),
            before.map(json).as_ref(),
            Some(&json(after)),
        )
    }

    /// Appends an audit row whose images are not a record: a setting, a deletion, a sub-record
    /// keyed by its parent, an import summary.
    pub fn audit_json(
        &self,
        action: &str,
        entity: &str,
        record_uid: &str,
        before: Option<&Value>,
        after: Option<&Value>,
    ) -> db::Result<()> {
        audit::append(
            &self.tx,
            self.actor,
            &self.at_text,
            Change {
                action,
                entity,
                record_uid,
                before,
                after,
            },
        )?;
        Ok(())
    }
}

impl Session {
    /// Runs `f` as one write of this session's actor at the session clock's now: one IMMEDIATE
    /// transaction, committed if `f` returns Ok and rolled back otherwise. Checks that depend on
    /// other rows (capacity, approvals, number counters) read through `w` inside `f`. Writes do not
    /// nest: `f` must not call another use case that writes.
    pub fn write<T>(&self, f: impl FnOnce(&Writer<'_>) -> Result<T>) -> Result<T> {
        Writer::run(&self.conn, &self.actor, Instant::new(self.now()), f)
    }
}

macro_rules! audited {
    ($($ty:ty => $entity:literal),* $(,)?) => {$(
        impl Audited for $ty {
            const ENTITY: &'static str = $entity;
            fn uid(&self) -> &str {
                &self.uid
            }
        }
    )*};
}

audited! {
    Enterprise => "enterprise",
    Request => "assist_request",
    Meeting => "assist_meeting",
    Batch => "pl_batch",
    Entry => "pl_entry",
    TriggerRow => "pl_trigger",
    Licence => "hw_licence",
    Approval => "hw_approval",
    Inspection => "inspection",
    Finding => "insp_finding",
    Evidence => "insp_evidence",
    Rectification => "insp_rectification",
    Case => "insp_case",
    Draw => "draw",
}
