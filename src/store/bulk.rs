//! Writes used by the importer and the demo generator: one IMMEDIATE transaction around many rows, the
//! acknowledged-warnings column, and the search index refresh that follows a former name.

use crate::store::db::Result;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Opens an IMMEDIATE transaction on a shared connection, so that reads made through the same
/// connection (validation, uniqueness checks) happen inside it. Rolled back when dropped uncommitted.
pub fn begin_immediate(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Immediate,
    )?)
}

/// For a database file being built from nothing under a temporary name (demo data): no rollback
/// journal, no fsync, a large page cache. Only for a file that is deleted if the build fails; call
/// [`end_build`] before it is renamed into place.
pub fn begin_build(conn: &Connection) -> Result<()> {
    conn.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    conn.pragma_update_and_check(None, "journal_mode", "OFF", |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    // Negative: KiB. 128 MiB keeps the indexes of a province-scale register in memory.
    conn.pragma_update(None, "cache_size", -131_072)?;
    Ok(())
}

/// Back to the normal mode every connection uses (WAL, full sync, default cache).
pub fn end_build(conn: &Connection) -> Result<()> {
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "cache_size", -2000)?;
    Ok(())
}

/// For a bulk writer on its own connection to a database being built (demo data, in WAL mode): no
/// fsync and a page cache large enough that the indexes being filled stay in memory instead of being
/// spilled and read back page by page. Ends with the connection; only for a file deleted on failure.
pub fn tune_for_build(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "synchronous", "OFF")?;
    // Negative: KiB. 512 MiB is a ceiling, used only as the indexes grow (province scale).
    conn.pragma_update(None, "cache_size", -524_288)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Drops the non-unique secondary indexes of `tables` inside the bulk transaction and returns their
/// definitions for [`recreate_indexes`]: one sorted build per index after the load is much cheaper
/// than keeping them in step row by row. Unique indexes stay, so duplicates are still refused at once.
pub fn defer_indexes(tx: &Transaction<'_>, tables: &[&str]) -> Result<Vec<(String, String)>> {
    let mut deferred = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
    )?;
    for table in tables {
        let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for row in rows {
            deferred.push(row?);
        }
    }
    for (name, _) in &deferred {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(deferred)
}

/// Creates again the indexes [`defer_indexes`] dropped, in the same transaction.
pub fn recreate_indexes(tx: &Transaction<'_>, deferred: &[(String, String)]) -> Result<()> {
    for (_, sql) in deferred {
        tx.execute_batch(sql)?;
    }
    Ok(())
}

/// Rebuilds one enterprise's search entry (name, former names, USCC, address) through the update trigger.
pub fn refresh_search(conn: &Connection, enterprise_id: i64) -> Result<()> {
    conn.prepare_cached("UPDATE enterprise SET name = name WHERE id = ?1")?
        .execute([enterprise_id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enterprise::EnterpriseDraft;
    use crate::store::{db, enterprise, seed};

    #[test]
    fn former_names_become_searchable_after_refresh() {
        let conn = db::open_in_memory().expect("db");
        seed::reference_data(&conn, "2026-11-29T00:00:00Z").expect("seed");
        let tx = begin_immediate(&conn).expect("tx");
        let d = EnterpriseDraft {
            uscc: "91130200699229617X".into(),
            name: "聊城市绿源化工有限公司".into(),
            region_code: "371502".into(),
            status: "operating".into(),
            ..Default::default()
        };
        let id = enterprise::insert(&tx, "u1", &d, "", "system", "t").expect("insert");
        enterprise::add_former_name(&tx, id, "聊城市东昌化工厂", "2019-06-30", "system", "t")
            .expect("former");
        refresh_search(&tx, id).expect("refresh");
        crate::store::enterprise::set_warnings_ack(&tx, id, "permit_expired").expect("ack");
        tx.commit().expect("commit");
        let f = enterprise::Filter {
            query: "东昌化工".into(),
            ..Default::default()
        };
        let found =
            enterprise::page(&conn, &enterprise::Scope::default(), &f, None, 10).expect("page");
        assert_eq!(found.len(), 1);
        let ack: String = conn
            .query_row(
                "SELECT warnings_ack FROM enterprise WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .expect("ack");
        assert_eq!(ack, "permit_expired");
    }
}
