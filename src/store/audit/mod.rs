//! The append-only audit log, hash-chained with SHA-256: `hash = sha256(prev_hash || canonical row)`.
//! Every change is appended in the same transaction as the change itself.
pub mod bulk;

use crate::domain::account::Actor;
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One row as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub record_uid: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The bytes hashed for a row: a JSON array of its fields in a fixed order. Serialized from a tuple
/// of references (the same bytes as building a `json!` array, without copying every field first: the
/// bulk writers hash millions of rows).
fn canonical(row: &AuditRow) -> Vec<u8> {
    let fields = (
        row.seq,
        &row.at,
        &row.actor,
        &row.actor_name,
        &row.action,
        &row.entity,
        &row.record_uid,
        &row.before_json,
        &row.after_json,
    );
    // Strings, integers and options always serialize: this cannot fail.
    serde_json::to_vec(&fields).unwrap_or_default()
}

pub(in crate::store) fn chain_hash(prev_hash: &str, row: &AuditRow) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(canonical(row));
    hex::encode(h.finalize())
}

/// What changed, for one audit entry.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub record_uid: &'a str,
    pub before: Option<&'a Value>,
    pub after: Option<&'a Value>,
}

/// Appends one entry. Must run inside the write transaction of the change it records.
pub fn append(conn: &Connection, actor: &Actor, at: &str, change: Change<'_>) -> Result<i64> {
    let mut chain = Chain::load(conn)?;
    let seq = chain.append(conn, actor, at, change)?;
    chain.store(conn)?;
    Ok(seq)
}

/// The head of the chain: read before appending, stored after.
pub(in crate::store) struct Chain {
    seq: i64,
    hash: String,
}

impl Chain {
    pub(in crate::store) fn load(conn: &Connection) -> Result<Chain> {
        let head: Option<(i64, String)> = conn
            .prepare_cached("SELECT seq, hash FROM audit_head WHERE id = 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (seq, hash) = head.unwrap_or((0, GENESIS.to_string()));
        Ok(Chain { seq, hash })
    }

    pub(in crate::store) fn seq(&self) -> i64 {
        self.seq
    }

    /// The head's hash, to become the next row's `prev_hash`.
    pub(in crate::store) fn take_hash(&mut self) -> String {
        std::mem::take(&mut self.hash)
    }

    /// Moves the head to a row just hashed.
    pub(in crate::store) fn advance(&mut self, seq: i64, hash: String) {
        self.seq = seq;
        self.hash = hash;
    }

    /// Appends one row after the head held here; returns its sequence number.
    fn append(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        at: &str,
        change: Change<'_>,
    ) -> Result<i64> {
        let mut row = AuditRow {
            seq: self.seq + 1,
            at: at.to_string(),
            actor: actor.uid.clone(),
            actor_name: actor.username.clone(),
            action: change.action.to_string(),
            entity: change.entity.to_string(),
            record_uid: change.record_uid.to_string(),
            before_json: change.before.map(Value::to_string),
            after_json: change.after.map(Value::to_string),
            prev_hash: self.take_hash(),
            hash: String::new(),
        };
        row.hash = chain_hash(&row.prev_hash, &row);
        insert_row(conn, &row)?;
        self.advance(row.seq, row.hash);
        Ok(self.seq)
    }

    /// Writes the head held here to `audit_head`.
    pub(in crate::store) fn store(&self, conn: &Connection) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        )?
        .execute(params![self.seq, self.hash])?;
        Ok(())
    }
}

/// Inserts a row already hashed.
pub(in crate::store) fn insert_row(conn: &Connection, row: &AuditRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor, actor_name, action, entity, record_uid, before_json, after_json, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        row.seq,
        row.at,
        row.actor,
        row.actor_name,
        row.action,
        row.entity,
        row.record_uid,
        row.before_json,
        row.after_json,
        row.prev_hash,
        row.hash
    ])?;
    Ok(())
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        actor_name: r.get(3)?,
        action: r.get(4)?,
        entity: r.get(5)?,
        record_uid: r.get(6)?,
        before_json: r.get(7)?,
        after_json: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
    })
}

const COLUMNS: &str = "seq, at, actor, actor_name, action, entity, record_uid, before_json, after_json, prev_hash, hash";

/// The history of one record, oldest first.
pub fn history(
    conn: &Connection,
    entity: &str,
    record_uid: &str,
    limit: usize,
) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE entity = ?1 AND record_uid = ?2 ORDER BY seq DESC LIMIT ?3"
    ))?;
    let mut rows = stmt
        .query_map(params![entity, record_uid, limit as i64], read_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.reverse();
    Ok(rows)
}

/// The newest entries first, before `before_seq` when paging back.
pub fn page(conn: &Connection, before_seq: Option<i64>, limit: usize) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(
        params![before_seq.unwrap_or(i64::MAX), limit as i64],
        read_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Why the chain is broken at a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BrokenLink {
    /// A sequence number is missing: a row was deleted.
    Gap { expected: i64, found: i64 },
    /// `prev_hash` does not equal the previous row's hash: a row was inserted or replaced.
    PrevHash { seq: i64 },
    /// The row's content does not hash to its stored hash: the row was changed.
    Hash { seq: i64 },
    /// The stored head does not match the last row: rows were removed from the end.
    Head { head_seq: i64, last_seq: i64 },
}

/// Result of verifying the chain: rows checked and the first broken link, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    pub rows: i64,
    pub first_broken: Option<BrokenLink>,
}

/// Walks the whole chain in order, streaming, and reports the first broken link.
pub fn verify(conn: &Connection) -> Result<ChainReport> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    let mut prev_hash = GENESIS.to_string();
    let mut expected = 1;
    let mut count = 0;
    while let Some(r) = rows.next()? {
        let row = read_row(r)?;
        count += 1;
        let broken = if row.seq != expected {
            Some(BrokenLink::Gap {
                expected,
                found: row.seq,
            })
        } else if row.prev_hash != prev_hash {
            Some(BrokenLink::PrevHash { seq: row.seq })
        } else if chain_hash(&row.prev_hash, &row) != row.hash {
            Some(BrokenLink::Hash { seq: row.seq })
        } else {
            None
        };
        if broken.is_some() {
            return Ok(ChainReport {
                rows: count,
                first_broken: broken,
            });
        }
        prev_hash = row.hash;
        expected += 1;
    }
    let head: Option<(i64, String)> = conn
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let last_seq = expected - 1;
    let head_ok = match &head {
        None => last_seq == 0,
        Some((seq, hash)) => *seq == last_seq && *hash == prev_hash,
    };
    let first_broken = (!head_ok).then(|| BrokenLink::Head {
        head_seq: head.map(|h| h.0).unwrap_or(0),
        last_seq,
    });
    Ok(ChainReport {
        rows: count,
        first_broken,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::db;

    fn write_three(conn: &Connection) {
        let actor = Actor::system();
        for i in 0..3 {
            let after = serde_json::json!({"n": i, "name": "聊城"});
            append(
                conn,
                &actor,
                "2026-11-29T08:00:00Z",
                Change {
                    action: "create",
                    entity: "enterprise",
                    record_uid: &format!("r{i}"),
                    before: None,
                    after: Some(&after),
                },
            )
            .expect("append");
        }
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let conn = db::open_in_memory().expect("db");
        write_three(&conn);
        assert_eq!(
            verify(&conn).expect("verify"),
            ChainReport {
                rows: 3,
                first_broken: None
            }
        );
        assert_eq!(
            history(&conn, "enterprise", "r1", 10)
                .expect("history")
                .len(),
            1
        );
    }

    #[test]
    fn the_log_refuses_update_and_delete() {
        let conn = db::open_in_memory().expect("db");
        write_three(&conn);
        assert!(
            conn.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2", [])
                .is_err()
        );
        assert!(
            conn.execute("DELETE FROM audit_log WHERE seq = 2", [])
                .is_err()
        );
    }

    #[test]
    fn a_changed_row_is_the_first_broken_link() {
        let conn = db::open_in_memory().expect("db");
        write_three(&conn);
        conn.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after_json = '{}' WHERE seq = 2;")
            .expect("tamper");
        assert_eq!(
            verify(&conn).expect("verify").first_broken,
            Some(BrokenLink::Hash { seq: 2 })
        );
    }

    #[test]
    fn deleted_middle_and_tail_rows_are_detected() {
        let conn = db::open_in_memory().expect("db");
        write_three(&conn);
        conn.execute_batch(
            "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 3;",
        )
        .expect("tamper");
        assert_eq!(
            verify(&conn).expect("verify").first_broken,
            Some(BrokenLink::Head {
                head_seq: 3,
                last_seq: 2
            })
        );
        conn.execute_batch("DELETE FROM audit_log WHERE seq = 1;")
            .expect("tamper");
        assert_eq!(
            verify(&conn).expect("verify").first_broken,
            Some(BrokenLink::Gap {
                expected: 1,
                found: 2
            })
        );
    }

    #[test]
    fn an_inserted_row_is_detected() {
        let conn = db::open_in_memory().expect("db");
        write_three(&conn);
        let last: String = conn
            .query_row("SELECT hash FROM audit_log WHERE seq = 3", [], |r| r.get(0))
            .expect("hash");
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, actor_name, action, entity, record_uid, prev_hash, hash)
             VALUES (4, 'x', 'x', 'x', 'delete', 'enterprise', 'r1', ?1, 'forged')",
            [last],
        )
        .expect("insert");
        assert_eq!(
            verify(&conn).expect("verify").first_broken,
            Some(BrokenLink::Hash { seq: 4 })
        );
    }

    #[test]
    fn the_canonical_bytes_are_those_of_the_json_array_the_chain_was_built_with() {
        let row = AuditRow {
            seq: 42,
            at: "2026-11-30T02:00:00Z".into(),
            actor: "u-1".into(),
            actor_name: "张敏".into(),
            action: "update".into(),
            entity: "enterprise".into(),
            record_uid: "r-\"1\"".into(),
            before_json: None,
            after_json: Some("{\"name\":\"聊城\\n化工\",\"n\":1}".into()),
            prev_hash: GENESIS.into(),
            hash: String::new(),
        };
        let built = serde_json::json!([
            row.seq,
            row.at,
            row.actor,
            row.actor_name,
            row.action,
            row.entity,
            row.record_uid,
            row.before_json,
            row.after_json
        ])
        .to_string();
        assert_eq!(String::from_utf8(canonical(&row)).expect("utf8"), built);
    }
}
