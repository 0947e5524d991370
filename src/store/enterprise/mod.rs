//! Enterprise register storage: CRUD with optimistic concurrency and former names. Lists, search and
//! paging are in `enterprise_list`, re-exported here.
pub mod list;

use crate::domain::enterprise::{Enterprise, EnterpriseDraft, FormerName};
use crate::store::db::{Result, StoreError};
use rusqlite::{Connection, OptionalExtension, ToSql, params};

pub use crate::store::enterprise::list::{
    Alert, Cursor, Filter, Scope, Sort, count, for_each, page, page_before,
};
pub(crate) use crate::store::enterprise::list::{Plan, where_clause};

pub(crate) const COLUMNS: &str = "e.id, e.uid, e.uscc, e.uscc_nonstandard_reason, e.name, e.legal_rep, e.contact, e.phone, \
    e.address, e.region_code, e.industry_code, e.permit_no, e.permit_class, e.permit_expiry, e.key_flags, \
    e.hw_class, e.credit, e.perf_grade, e.list_status, e.status, e.row_version, e.created_at, e.updated_at, \
    COALESCE((SELECT u.username FROM user u WHERE u.uid = e.updated_by), e.updated_by)";

pub(crate) fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Enterprise> {
    Ok(Enterprise {
        id: r.get(0)?,
        uid: r.get(1)?,
        uscc: r.get(2)?,
        uscc_nonstandard_reason: r.get(3)?,
        name: r.get(4)?,
        legal_rep: r.get(5)?,
        contact: r.get(6)?,
        phone: r.get(7)?,
        address: r.get(8)?,
        region_code: r.get(9)?,
        industry_code: r.get(10)?,
        permit_no: r.get(11)?,
        permit_class: r.get(12)?,
        permit_expiry: crate::store::time::blank_day(r, 13)?,
        key_flags: r.get(14)?,
        hw_class: r.get(15)?,
        credit: r.get(16)?,
        perf_grade: r.get(17)?,
        list_status: r.get(18)?,
        status: r.get(19)?,
        row_version: r.get(20)?,
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
        updated_by: r.get(23)?,
    })
}

fn nonstandard(d: &EnterpriseDraft) -> Option<&str> {
    (!d.uscc_reason.is_empty()).then_some(d.uscc_reason.as_str())
}

/// The draft's columns as named parameters, shared by insert and update.
fn draft_params<'a>(
    d: &'a EnterpriseDraft,
    reason: &'a Option<&'a str>,
    pinyin: &'a &'a str,
    actor_uid: &'a &'a str,
    now: &'a &'a str,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        (":uscc", &d.uscc),
        (":reason", reason),
        (":name", &d.name),
        (":legal_rep", &d.legal_rep),
        (":contact", &d.contact),
        (":phone", &d.phone),
        (":address", &d.address),
        (":region_code", &d.region_code),
        (":industry_code", &d.industry_code),
        (":permit_no", &d.permit_no),
        (":permit_class", &d.permit_class),
        (":permit_expiry", &d.permit_expiry),
        (":key_flags", &d.key_flags),
        (":hw_class", &d.hw_class),
        (":credit", &d.credit),
        (":perf_grade", &d.perf_grade),
        (":status", &d.status),
        (":pinyin", pinyin),
        (":now", now),
        (":actor", actor_uid),
    ]
}

/// Inserts a validated draft; returns the new local id.
pub fn insert(
    conn: &Connection,
    uid: &str,
    d: &EnterpriseDraft,
    pinyin: &str,
    actor_uid: &str,
    now: &str,
) -> Result<i64> {
    let reason = nonstandard(d);
    let mut params = draft_params(d, &reason, &pinyin, &actor_uid, &now);
    params.push((":uid", &uid));
    // Cached: imports and the demo generator insert many rows through this one statement.
    conn.prepare_cached(
        "INSERT INTO enterprise (uid, uscc, uscc_nonstandard_reason, name, legal_rep, contact, phone, address,
            region_code, industry_code, permit_no, permit_class, permit_expiry, key_flags, hw_class, credit,
            perf_grade, status, pinyin_initials, created_at, created_by, updated_at, updated_by)
         VALUES (:uid, :uscc, :reason, :name, :legal_rep, :contact, :phone, :address, :region_code,
            :industry_code, :permit_no, :permit_class, :permit_expiry, :key_flags, :hw_class, :credit,
            :perf_grade, :status, :pinyin, :now, :actor, :now, :actor)",
    )?
    .execute(params.as_slice())?;
    Ok(conn.last_insert_rowid())
}

/// Who changed a record last and when, for the conflict message.
fn conflict(conn: &Connection, id: i64) -> StoreError {
    let found: Option<(String, String)> = conn
        .query_row(
            "SELECT COALESCE((SELECT u.username FROM user u WHERE u.uid = e.updated_by), e.updated_by), e.updated_at
             FROM enterprise e WHERE e.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .ok()
        .flatten();
    match found {
        Some((by, at)) => StoreError::Conflict { by, at },
        None => StoreError::NotFound,
    }
}

/// Updates a record if it still has `row_version`; otherwise a conflict naming who changed it.
pub fn update(
    conn: &Connection,
    id: i64,
    row_version: i64,
    d: &EnterpriseDraft,
    pinyin: &str,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    let reason = nonstandard(d);
    let mut params = draft_params(d, &reason, &pinyin, &actor_uid, &now);
    params.push((":id", &id));
    params.push((":row_version", &row_version));
    let n = conn.execute(
        "UPDATE enterprise SET uscc = :uscc, uscc_nonstandard_reason = :reason, name = :name,
            legal_rep = :legal_rep, contact = :contact, phone = :phone, address = :address,
            region_code = :region_code, industry_code = :industry_code, permit_no = :permit_no,
            permit_class = :permit_class, permit_expiry = :permit_expiry, key_flags = :key_flags,
            hw_class = :hw_class, credit = :credit, perf_grade = :perf_grade, status = :status,
            pinyin_initials = :pinyin, updated_at = :now, updated_by = :actor, row_version = row_version + 1
         WHERE id = :id AND row_version = :row_version AND deleted_at IS NULL",
        params.as_slice(),
    )?;
    if n == 0 {
        Err(conflict(conn, id))
    } else {
        Ok(())
    }
}

/// Records the warning codes acknowledged at the last save (the record is flagged by them).
pub fn set_warnings_ack(conn: &Connection, id: i64, codes: &str) -> Result<()> {
    // Cached: imports and the demo generator set it for many rows.
    conn.prepare_cached("UPDATE enterprise SET warnings_ack = ?2 WHERE id = ?1")?
        .execute(params![id, codes])?;
    Ok(())
}

/// Soft-deletes a record with its reason, if it still has `row_version`.
pub fn soft_delete(
    conn: &Connection,
    id: i64,
    row_version: i64,
    reason: &str,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    let n = conn.execute(
        "UPDATE enterprise SET deleted_at = ?3, deleted_by = ?4, delete_reason = ?5, updated_at = ?3, updated_by = ?4,
            row_version = row_version + 1
         WHERE id = ?1 AND row_version = ?2 AND deleted_at IS NULL",
        params![id, row_version, now, actor_uid, reason],
    )?;
    if n == 0 {
        Err(conflict(conn, id))
    } else {
        Ok(())
    }
}

/// Records a former name (call before the update that changes the name, so search indexes it).
pub fn add_former_name(
    conn: &Connection,
    id: i64,
    name: &str,
    valid_to: &str,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO enterprise_former_name (enterprise_id, name, valid_to, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, name, valid_to, now, actor_uid],
    )?;
    Ok(())
}

pub fn former_names(conn: &Connection, id: i64) -> Result<Vec<FormerName>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, valid_to FROM enterprise_former_name WHERE enterprise_id = ?1 ORDER BY valid_to DESC, id DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(FormerName {
            name: r.get(0)?,
            valid_to: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A live (not deleted) record by local id.
pub fn get(conn: &Connection, id: i64) -> Result<Enterprise> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM enterprise e WHERE e.id = ?1 AND e.deleted_at IS NULL"
    ))?;
    Ok(stmt.query_row([id], read)?)
}

/// A live record by its USCC.
pub fn get_by_uscc(conn: &Connection, uscc: &str) -> Result<Option<Enterprise>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM enterprise e WHERE e.uscc = ?1 AND e.deleted_at IS NULL"
    ))?;
    Ok(stmt.query_row([uscc], read).optional()?)
}

/// A small register for the store tests: four enterprises in three regions.
#[cfg(test)]
pub(crate) mod fixture {
    use super::insert;
    use crate::domain::enterprise::EnterpriseDraft;
    use crate::store::{db, seed};
    use rusqlite::Connection;

    pub fn draft(uscc: &str, name: &str, region: &str) -> EnterpriseDraft {
        EnterpriseDraft {
            uscc: uscc.into(),
            name: name.into(),
            region_code: region.into(),
            status: "operating".into(),
            ..Default::default()
        }
    }

    pub fn setup() -> Connection {
        let conn = db::open_in_memory().expect("db");
        seed::reference_data(&conn, "2026-11-29T00:00:00Z").expect("seed");
        let rows = [
            ("91130200699229617X", "聊城市绿源化工有限公司", "371502"),
            ("911302307808371268", "冠县兴华纺织有限公司", "371525"),
            ("91371500MA3C0000XX", "聊城鲁西热电有限公司", "371502"),
            ("91371500MA3C0001XX", "莘县华泰造纸厂", "371522"),
        ];
        for (i, (u, n, r)) in rows.iter().enumerate() {
            let py = crate::domain::pinyin::initials(n);
            insert(
                &conn,
                &format!("uid{i}"),
                &draft(u, n, r),
                &py,
                "system",
                "2026-11-29T00:00:00Z",
            )
            .expect("insert");
        }
        conn
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{draft, setup};
    use super::*;

    #[test]
    fn stale_row_version_is_a_conflict_naming_who_changed_it() {
        let conn = setup();
        let e = get(&conn, 1).expect("get");
        let mut d = EnterpriseDraft::from_enterprise(&e);
        d.phone = "0635-1234567".into();
        update(
            &conn,
            1,
            e.row_version,
            &d,
            "",
            "system",
            "2026-11-29T01:00:00Z",
        )
        .expect("first save");
        let err = update(
            &conn,
            1,
            e.row_version,
            &d,
            "",
            "system",
            "2026-11-29T02:00:00Z",
        );
        assert!(
            matches!(err, Err(StoreError::Conflict { ref by, ref at }) if by == "system" && at == "2026-11-29T01:00:00Z")
        );
    }

    #[test]
    fn live_uscc_is_unique_but_a_deleted_one_may_return() {
        let conn = setup();
        let dup = insert(
            &conn,
            "dup",
            &draft("91130200699229617X", "重复", "371502"),
            "",
            "system",
            "2026-11-29T00:00:00Z",
        );
        assert!(matches!(dup, Err(StoreError::Unique(_))));
        let e = get(&conn, 1).expect("get");
        soft_delete(
            &conn,
            1,
            e.row_version,
            "错误登记",
            "system",
            "2026-11-29T00:00:00Z",
        )
        .expect("delete");
        insert(
            &conn,
            "again",
            &draft("91130200699229617X", "重新登记", "371502"),
            "",
            "system",
            "2026-11-29T00:00:00Z",
        )
        .expect("reinsert");
    }
}
