//! Digests of the audit chain: taken from the head, and proved against today's chain. A digest kept
//! outside the file holds the hash of entry `seq`; as long as today's chain verifies and its entry
//! `seq` still has that hash, nothing up to `seq` was changed, even by someone who re-hashed the chain.

use crate::domain::digest::Digest;
use crate::store::audit::GENESIS;
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension};

/// The chain's head now, with the record counts of the audited tables.
pub fn current(conn: &Connection) -> Result<Digest> {
    let head: Option<(i64, String)> = conn
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let (seq, hash) = head.unwrap_or((0, GENESIS.to_string()));
    let last_at: String = conn
        .query_row("SELECT at FROM audit_log WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or_default();
    let mut counts = Vec::new();
    for table in super::rows::uid_tables(conn)? {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?;
        counts.push((table, n));
    }
    Ok(Digest {
        seq,
        hash,
        last_at,
        counts,
    })
}

/// How one digest compares with today's chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    /// Entry `seq` still has the digest's hash.
    Holds { seq: i64 },
    /// Entry `seq` has another hash: the chain was rebuilt at or before it.
    Differs { seq: i64, found: String },
    /// The chain ends before `seq`: entries were removed.
    Shorter { seq: i64, last: i64 },
}

impl Proof {
    pub fn holds(&self) -> bool {
        matches!(self, Proof::Holds { .. })
    }
}

/// Proves one digest against the chain (whose own links `audit::verify` checks).
pub fn prove(conn: &Connection, seq: i64, hash: &str) -> Result<Proof> {
    if seq == 0 {
        return Ok(if hash == GENESIS {
            Proof::Holds { seq }
        } else {
            Proof::Differs {
                seq,
                found: GENESIS.into(),
            }
        });
    }
    let found: Option<String> = conn
        .prepare_cached("SELECT hash FROM audit_log WHERE seq = ?1")?
        .query_row([seq], |r| r.get(0))
        .optional()?;
    Ok(match found {
        Some(h) if h.eq_ignore_ascii_case(hash) => Proof::Holds { seq },
        Some(found) => Proof::Differs { seq, found },
        None => {
            let last: i64 =
                conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| {
                    r.get(0)
                })?;
            Proof::Shorter { seq, last }
        }
    })
}
