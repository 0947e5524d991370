//! Writes used by the importer and the demo generator: one IMMEDIATE transaction around many rows, the
//! acknowledged-warnings column, and the search index refresh that follows a former name.

use crate::store::db::Result;
use rusqlite::{Connection, Transaction};

/// For a database file being built from nothing under a temporary name (demo data): no rollback
/// journal, no fsync, a page cache large enough that the indexes being filled stay in memory. Only for
/// a file that is deleted if the build fails, written through this one connection (another connection
/// would switch the file to WAL, and every page would be written twice); call [`end_build`] before the
/// file is renamed into place.
pub fn begin_build(conn: &Connection) -> Result<()> {
    conn.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    conn.pragma_update_and_check(None, "journal_mode", "OFF", |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    // Negative: KiB. 512 MiB is a ceiling, used only as the indexes grow (province scale).
    conn.pragma_update(None, "cache_size", -524_288)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Every CHECK with an IN list builds a temporary b-tree for each row written: a sixth of the
    // build's time. The generated codes come from the domain's enums, and `PRAGMA integrity_check`
    // (`ecocase check`, run on the small demo by the tests) still verifies every CHECK afterwards.
    conn.pragma_update(None, "ignore_check_constraints", "ON")?;
    // The deferred indexes are built by sorting whole tables: let the sorter use the second core.
    conn.pragma_update(None, "threads", 2)?;
    Ok(())
}

/// Back to the normal mode every connection uses (WAL, full sync, default cache).
pub fn end_build(conn: &Connection) -> Result<()> {
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "cache_size", -2000)?;
    conn.pragma_update(None, "temp_store", "DEFAULT")?;
    conn.pragma_update(None, "ignore_check_constraints", "OFF")?;
    conn.pragma_update(None, "threads", 0)?;
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
    // The sorter keeps up to the page cache's size in memory and sorts that in one piece on this
    // thread; with a small budget it cuts the keys into runs that the worker threads of
    // `PRAGMA threads` sort while this one reads on (province scale: millions of keys per index).
    let cache: i64 = tx.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    tx.pragma_update(None, "cache_size", SORT_RUN_KIB)?;
    let built = deferred
        .iter()
        .try_for_each(|(_, sql)| tx.execute_batch(sql));
    tx.pragma_update(None, "cache_size", cache)?;
    Ok(built?)
}

/// The sorter's run size while indexes are rebuilt (negative: KiB).
const SORT_RUN_KIB: i64 = -16_384;

/// The triggers that keep the enterprise search tables in step, row by row.
const SEARCH_TRIGGERS: &str =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'enterprise'
     AND (name LIKE 'enterprise_fts_%' OR name LIKE 'enterprise_short_search_%')";

/// Drops the search triggers of the enterprise table inside a bulk transaction and returns their
/// definitions for [`fill_search`]: FTS5 writes its pending terms out at every statement, so one
/// insert of all rows after the load is far cheaper than one per enterprise.
pub fn defer_search(tx: &Transaction<'_>) -> Result<Vec<(String, String)>> {
    let mut stmt = tx.prepare(SEARCH_TRIGGERS)?;
    let deferred = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
    for (name, _) in &deferred {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(deferred)
}

/// Creates again the triggers [`defer_search`] dropped and fills both search tables for every live
/// enterprise with what the insert and update triggers would have written.
pub fn fill_search(tx: &Transaction<'_>, deferred: &[(String, String)]) -> Result<()> {
    for (_, sql) in deferred {
        tx.execute_batch(sql)?;
    }
    tx.execute_batch(
        "CREATE TEMP TABLE bulk_former AS
             SELECT enterprise_id, group_concat(name, ' ') AS spaced, group_concat(name, char(10)) AS lines
             FROM enterprise_former_name GROUP BY enterprise_id;
         INSERT INTO enterprise_fts (rowid, name, former_names, uscc, address, pinyin_initials)
             SELECT e.id, e.name, COALESCE(f.spaced, ''), e.uscc, e.address, e.pinyin_initials
             FROM enterprise e LEFT JOIN bulk_former f ON f.enterprise_id = e.id
             WHERE e.deleted_at IS NULL AND e.id NOT IN (SELECT rowid FROM enterprise_fts);
         INSERT INTO enterprise_short_search (id, haystack)
             SELECT e.id, lower(e.name || char(10) || COALESCE(f.lines, '') || char(10) || e.uscc
                                || char(10) || e.pinyin_initials)
             FROM enterprise e LEFT JOIN bulk_former f ON f.enterprise_id = e.id
             WHERE e.deleted_at IS NULL AND e.id NOT IN (SELECT id FROM enterprise_short_search);
         DROP TABLE temp.bulk_former;",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enterprise::EnterpriseDraft;
    use crate::store::{db, enterprise, seed};

    /// Two enterprises, the first with two former names, written into `conn` inside `tx`.
    fn write_two(tx: &Transaction<'_>) -> Vec<i64> {
        let mut ids = Vec::new();
        for (uscc, name, initials) in [
            (
                "91130200699229617X",
                "聊城市绿源化工有限公司",
                "lcslyhgyxgs",
            ),
            (
                "91371500MA3C8K2L0Y",
                "冠县鲁信机械制造有限公司",
                "gxlxjxzzyxgs",
            ),
        ] {
            let d = EnterpriseDraft {
                uscc: uscc.into(),
                name: name.into(),
                region_code: "371502".into(),
                address: "山东省聊城市东昌府区工业路88号".into(),
                status: "operating".into(),
                ..Default::default()
            };
            ids.push(
                enterprise::insert(tx, uscc, &d, initials, "system", "2026-11-29T00:00:00Z")
                    .expect("insert"),
            );
        }
        for former in ["聊城市东昌化工厂", "聊城绿源精细化学品厂"] {
            enterprise::add_former_name(
                tx,
                ids[0],
                former,
                "2019-06-30",
                "system",
                "2026-11-29T00:00:00Z",
            )
            .expect("former");
        }
        ids
    }

    fn database() -> Connection {
        let conn = db::open_in_memory().expect("db");
        seed::reference_data(&conn, "2026-11-29T00:00:00Z").expect("seed");
        conn
    }

    fn found(conn: &Connection, query: &str) -> Vec<i64> {
        let f = enterprise::Filter {
            query: query.into(),
            ..Default::default()
        };
        enterprise::page(conn, &enterprise::Scope::default(), &f, None, 10)
            .expect("page")
            .iter()
            .map(|e| e.id)
            .collect()
    }

    #[test]
    fn bulk_filled_search_finds_what_the_triggers_would() {
        // Row by row: the insert trigger, then the update trigger once the former names are in.
        let by_trigger = database();
        let tx = crate::store::db::begin_immediate(&by_trigger).expect("tx");
        let ids = write_two(&tx);
        tx.execute("UPDATE enterprise SET name = name WHERE id = ?1", [ids[0]])
            .expect("refresh");
        tx.commit().expect("commit");
        // In bulk: triggers dropped during the load, both tables filled once at the end.
        let in_bulk = database();
        let tx = crate::store::db::begin_immediate(&in_bulk).expect("tx");
        let deferred = defer_search(&tx).expect("defer");
        assert_eq!(deferred.len(), 4, "{deferred:?}");
        write_two(&tx);
        fill_search(&tx, &deferred).expect("fill");
        tx.commit().expect("commit");

        let short = |c: &Connection| -> Vec<(i64, String)> {
            c.prepare("SELECT id, haystack FROM enterprise_short_search ORDER BY id")
                .expect("prepare")
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .expect("query")
                .collect::<rusqlite::Result<_>>()
                .expect("rows")
        };
        assert_eq!(short(&in_bulk), short(&by_trigger));
        for query in [
            "东昌化工",
            "精细化学",
            "绿源化工",
            "鲁信机械",
            "工业路88",
            "617X",
            "lcs",
            "东昌",
            "冠",
        ] {
            assert_eq!(found(&in_bulk, query), found(&by_trigger, query), "{query}");
        }
        assert_eq!(found(&in_bulk, "东昌化工"), vec![ids[0]]);
        // The triggers are back: a later rename is searchable at once.
        in_bulk
            .execute(
                "UPDATE enterprise SET name = '聊城市新名称科技有限公司' WHERE id = ?1",
                [ids[1]],
            )
            .expect("rename");
        assert_eq!(found(&in_bulk, "新名称科技"), vec![ids[1]]);
    }
}
