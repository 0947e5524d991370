//! Accounts, roles and enforcement certificates.

use crate::domain::account::{Actor, Role};
use crate::domain::time::{Day, Instant};
use crate::store::db::Result;
use rusqlite::{Connection, OptionalExtension, params};

/// An account as stored (the password hash never leaves the store except for verification).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub uid: String,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub unit_code: Option<String>,
    /// The region of the account's unit; `None` for city-level units.
    pub region: Option<String>,
    pub enterprise_id: Option<i64>,
    pub enterprise_uscc: Option<String>,
    pub auxiliary: bool,
    pub active: bool,
    pub failed_logins: i64,
    pub locked_until: Option<Instant>,
    pub last_login_at: Option<Instant>,
    pub roles: Vec<Role>,
}

impl UserRecord {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            uid: self.uid.clone(),
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            roles: self.roles.clone(),
            region: self.region.clone(),
            enterprise_id: self.enterprise_id,
        }
    }
}

const SELECT: &str = "SELECT u.id, u.uid, u.username, u.display_name, u.password_hash, o.code, o.region_code,
    u.enterprise_id, e.uscc, u.auxiliary, u.active, u.failed_logins, u.locked_until, u.last_login_at
    FROM user u LEFT JOIN org_unit o ON o.id = u.unit_id LEFT JOIN enterprise e ON e.id = u.enterprise_id";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRecord> {
    Ok(UserRecord {
        id: r.get(0)?,
        uid: r.get(1)?,
        username: r.get(2)?,
        display_name: r.get(3)?,
        password_hash: r.get(4)?,
        unit_code: r.get(5)?,
        region: r.get(6)?,
        enterprise_id: r.get(7)?,
        enterprise_uscc: r.get(8)?,
        auxiliary: r.get(9)?,
        active: r.get(10)?,
        failed_logins: r.get(11)?,
        locked_until: r.get(12)?,
        last_login_at: r.get(13)?,
        roles: Vec::new(),
    })
}

fn with_roles(conn: &Connection, mut u: UserRecord) -> Result<UserRecord> {
    let mut stmt = conn.prepare_cached("SELECT role FROM user_role WHERE user_id = ?1")?;
    let codes = stmt
        .query_map([u.id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut roles: Vec<Role> = codes.iter().filter_map(|c| Role::parse(c)).collect();
    roles.sort();
    u.roles = roles;
    Ok(u)
}

pub fn find_by_username(conn: &Connection, username: &str) -> Result<Option<UserRecord>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE u.username = ?1"))?;
    match stmt.query_row([username], read).optional()? {
        Some(u) => Ok(Some(with_roles(conn, u)?)),
        None => Ok(None),
    }
}

pub fn get(conn: &Connection, id: i64) -> Result<UserRecord> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE u.id = ?1"))?;
    let u = stmt.query_row([id], read)?;
    with_roles(conn, u)
}

pub fn list(conn: &Connection) -> Result<Vec<UserRecord>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY u.username"))?;
    let users = stmt
        .query_map([], read)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    users.into_iter().map(|u| with_roles(conn, u)).collect()
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM user", [], |r| r.get(0))?)
}

/// What a new account needs; validated by the service layer.
pub struct NewUser<'a> {
    pub uid: &'a str,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub unit_id: Option<i64>,
    pub enterprise_id: Option<i64>,
    pub roles: &'a [Role],
}

pub fn insert(conn: &Connection, u: &NewUser<'_>, actor_uid: &str, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO user (uid, username, display_name, password_hash, unit_id, enterprise_id, created_at, created_by,
            updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)",
        params![u.uid, u.username, u.display_name, u.password_hash, u.unit_id, u.enterprise_id, now, actor_uid],
    )?;
    let id = conn.last_insert_rowid();
    for role in u.roles {
        conn.execute(
            "INSERT INTO user_role (user_id, role) VALUES (?1, ?2)",
            params![id, role.code()],
        )?;
    }
    Ok(id)
}

/// Records a failed login; returns the new failure count.
pub fn record_failure(conn: &Connection, id: i64, locked_until: Option<&str>) -> Result<i64> {
    conn.execute(
        "UPDATE user SET failed_logins = failed_logins + 1, locked_until = COALESCE(?2, locked_until) WHERE id = ?1",
        params![id, locked_until],
    )?;
    Ok(
        conn.query_row("SELECT failed_logins FROM user WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}

pub fn record_success(conn: &Connection, id: i64, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE user SET failed_logins = 0, locked_until = NULL, last_login_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

pub fn set_lock(
    conn: &Connection,
    id: i64,
    locked_until: Option<&str>,
    failures: i64,
) -> Result<()> {
    conn.execute(
        "UPDATE user SET locked_until = ?2, failed_logins = ?3 WHERE id = ?1",
        params![id, locked_until, failures],
    )?;
    Ok(())
}

pub fn set_active(
    conn: &Connection,
    id: i64,
    active: bool,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE user SET active = ?2, updated_at = ?3, updated_by = ?4, row_version = row_version + 1 WHERE id = ?1",
        params![id, active, now, actor_uid],
    )?;
    Ok(())
}

pub fn set_password(
    conn: &Connection,
    id: i64,
    hash: &str,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE user SET password_hash = ?2, failed_logins = 0, locked_until = NULL, updated_at = ?3, updated_by = ?4,
            row_version = row_version + 1 WHERE id = ?1",
        params![id, hash, now, actor_uid],
    )?;
    Ok(())
}

/// Active administrators, so the last one cannot be disabled.
pub fn active_admins(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM user u JOIN user_role r ON r.user_id = u.id WHERE r.role = 'admin' AND u.active = 1",
        [],
        |r| r.get(0),
    )?)
}

/// An enforcement certificate (执法证).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    pub uid: String,
    pub username: String,
    pub kind: String,
    pub number: String,
    pub issuer: String,
    pub valid_from: Day,
    pub valid_to: Day,
}

pub fn insert_certificate(
    conn: &Connection,
    user_id: i64,
    c: &Certificate,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO certificate (uid, user_id, kind, number, issuer, valid_from, valid_to, created_at, created_by,
            updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
        params![c.uid, user_id, c.kind, c.number, c.issuer, c.valid_from, c.valid_to, now, actor_uid],
    )?;
    Ok(())
}

pub fn certificates(conn: &Connection, user_id: i64) -> Result<Vec<Certificate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.uid, u.username, c.kind, c.number, c.issuer, c.valid_from, c.valid_to
         FROM certificate c JOIN user u ON u.id = c.user_id
         WHERE c.user_id = ?1 AND c.deleted_at IS NULL ORDER BY c.valid_to DESC",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        Ok(Certificate {
            uid: r.get(0)?,
            username: r.get(1)?,
            kind: r.get(2)?,
            number: r.get(3)?,
            issuer: r.get(4)?,
            valid_from: r.get(5)?,
            valid_to: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The local id of an organisation unit by code.
pub fn unit_id(conn: &Connection, code: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM org_unit WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

/// An organisation unit: the city bureau (no region) or a branch (分局) with its region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgUnit {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub region_code: Option<String>,
}

/// Every organisation unit, the city bureau first, then branches by code.
pub fn org_units(conn: &Connection) -> Result<Vec<OrgUnit>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, name_zh, name_en, region_code FROM org_unit
         ORDER BY region_code IS NOT NULL, code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OrgUnit {
            code: r.get(0)?,
            name_zh: r.get(1)?,
            name_en: r.get(2)?,
            region_code: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether a live certificate already has this number (numbers are unique among live certificates).
pub fn certificate_number_taken(conn: &Connection, number: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM certificate WHERE number = ?1 AND deleted_at IS NULL)",
        [number],
        |r| r.get(0),
    )?)
}
