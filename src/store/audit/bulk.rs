//! The audit chain of a bulk load (demo data): each row is serialized and hashed on a second thread
//! while the caller writes the next records, and inserted in order as it comes back, so the chain's
//! SHA-256 and JSON work uses the other core instead of lengthening the load.

use crate::domain::account::Actor;
use crate::store::audit::{AuditRow, Chain, chain_hash, insert_row};
use crate::store::db::{Result, StoreError};
use rusqlite::Connection;
use serde_json::Value;
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::thread::JoinHandle;

/// One audit entry handed over with its values, so they are turned into text on the hashing thread.
pub struct OwnedChange {
    pub action: &'static str,
    pub entity: &'static str,
    pub record_uid: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// A row waiting for its text and hash.
struct Pending {
    seq: i64,
    at: String,
    actor: String,
    actor_name: String,
    change: OwnedChange,
}

/// The chain during one bulk transaction. Call [`BulkChain::finish`] before the commit: it writes the
/// rows still on their way and the chain's head (a head left behind fails `ecocase check`).
pub struct BulkChain {
    to_hash: Option<SyncSender<Vec<Pending>>>,
    hashed: Receiver<Vec<AuditRow>>,
    worker: Option<JoinHandle<Chain>>,
    /// Entries not yet handed over: they go in batches, since a hand-over per row costs more in
    /// thread wake-ups than the hashing saves.
    batch: Vec<Pending>,
    next_seq: i64,
    in_flight: usize,
}

/// Entries per hand-over.
const BATCH: usize = 512;

fn stopped() -> StoreError {
    StoreError::Io(std::io::Error::other("the audit hashing thread stopped"))
}

impl BulkChain {
    /// Reads the head and starts the hashing thread.
    pub fn start(conn: &Connection) -> Result<BulkChain> {
        let mut chain = Chain::load(conn)?;
        let next_seq = chain.seq() + 1;
        // Bounded, so a slow hasher holds the writer back instead of queueing the whole load.
        let (to_hash, pending) = sync_channel::<Vec<Pending>>(8);
        let (done, hashed) = channel::<Vec<AuditRow>>();
        let worker = std::thread::spawn(move || {
            for batch in pending {
                let rows = batch.into_iter().map(|p| {
                    let mut row = AuditRow {
                        seq: p.seq,
                        at: p.at,
                        actor: p.actor,
                        actor_name: p.actor_name,
                        action: p.change.action.to_string(),
                        entity: p.change.entity.to_string(),
                        record_uid: p.change.record_uid,
                        before_json: p.change.before.as_ref().map(Value::to_string),
                        after_json: p.change.after.as_ref().map(Value::to_string),
                        prev_hash: chain.take_hash(),
                        hash: String::new(),
                    };
                    row.hash = chain_hash(&row.prev_hash, &row);
                    chain.advance(row.seq, row.hash.clone());
                    row
                });
                if done.send(rows.collect()).is_err() {
                    break;
                }
            }
            chain
        });
        Ok(BulkChain {
            to_hash: Some(to_hash),
            hashed,
            worker: Some(worker),
            batch: Vec::with_capacity(BATCH),
            next_seq,
            in_flight: 0,
        })
    }

    /// Hands one entry to the hashing thread and writes those already hashed; returns its sequence
    /// number.
    pub fn append(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        at: &str,
        change: OwnedChange,
    ) -> Result<i64> {
        let seq = self.next_seq;
        self.batch.push(Pending {
            seq,
            at: at.to_string(),
            actor: actor.uid.clone(),
            actor_name: actor.username.clone(),
            change,
        });
        self.next_seq += 1;
        if self.batch.len() >= BATCH {
            self.hand_over()?;
            while let Ok(rows) = self.hashed.try_recv() {
                self.write(conn, rows)?;
            }
        }
        Ok(seq)
    }

    fn hand_over(&mut self) -> Result<()> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        self.to_hash
            .as_ref()
            .ok_or_else(stopped)?
            .send(batch)
            .map_err(|_| stopped())?;
        self.in_flight += 1;
        Ok(())
    }

    fn write(&mut self, conn: &Connection, rows: Vec<AuditRow>) -> Result<()> {
        self.in_flight -= 1;
        for row in &rows {
            insert_row(conn, row)?;
        }
        Ok(())
    }

    /// Writes every row still being hashed, then the chain's head.
    pub fn finish(mut self, conn: &Connection) -> Result<()> {
        if !self.batch.is_empty() {
            self.hand_over()?;
        }
        drop(self.to_hash.take());
        while self.in_flight > 0 {
            let rows = self.hashed.recv().map_err(|_| stopped())?;
            self.write(conn, rows)?;
        }
        let chain = self
            .worker
            .take()
            .ok_or_else(stopped)?
            .join()
            .map_err(|_| stopped())?;
        chain.store(conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{audit, db};

    #[test]
    fn a_bulk_chain_continues_the_stored_one_and_verifies() {
        let conn = db::open_in_memory().expect("db");
        let actor = Actor::system();
        let tx = conn.unchecked_transaction().expect("tx");
        let first = serde_json::json!({ "name": "聊城市鑫润化工有限公司" });
        audit::append(
            &tx,
            &actor,
            "2026-11-30T00:00:00Z",
            audit::Change {
                action: "create",
                entity: "enterprise",
                record_uid: "e-0",
                before: None,
                after: Some(&first),
            },
        )
        .expect("append");
        let mut chain = BulkChain::start(&tx).expect("start");
        for n in 0..10_000 {
            let seq = chain
                .append(
                    &tx,
                    &actor,
                    "2026-11-30T00:00:01Z",
                    OwnedChange {
                        action: "create",
                        entity: "manifest",
                        record_uid: format!("m-{n}"),
                        before: None,
                        after: Some(serde_json::json!({ "number": n, "state": "completed" })),
                    },
                )
                .expect("bulk append");
            assert_eq!(seq, n + 2);
        }
        chain.finish(&tx).expect("finish");
        // A normal append after the load continues the same chain.
        audit::append(
            &tx,
            &actor,
            "2026-11-30T00:00:02Z",
            audit::Change {
                action: "update",
                entity: "enterprise",
                record_uid: "e-0",
                before: Some(&first),
                after: Some(&first),
            },
        )
        .expect("append after");
        tx.commit().expect("commit");
        let report = audit::verify(&conn).expect("verify");
        assert_eq!(report.rows, 10_002);
        assert_eq!(report.first_broken, None);
    }
}
