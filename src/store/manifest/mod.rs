//! 危险废物转移联单 storage: manifests with their waste lines, carrier legs, discrepancies and
//! history; keyset pages and alert counts filtered in SQL by the cut-offs of `manifest_deadlines`.
pub mod export;
pub mod extension;
pub mod list;
pub mod parts;
pub mod reference;

use crate::domain::manifest::deadlines::{Cutoffs, ManifestAlert};
use crate::domain::manifest::{
    Decision, DiscrepancyKind, LicenceKind, Line, ManifestState, Mode, Origin, RejectReason,
};
use crate::domain::time::{Day, Instant, Minute};
use crate::store::db::{Result, StoreError};
use crate::store::sql::{code, required};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

macro_rules! serialize_code {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    )*};
}
serialize_code!(
    ManifestState,
    Origin,
    Mode,
    Decision,
    DiscrepancyKind,
    RejectReason,
    LicenceKind
);

/// A manifest as stored, with the names the screens show and its total declared quantity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub id: i64,
    pub uid: String,
    pub number: String,
    pub origin: Origin,
    pub generator_id: i64,
    pub generator_name: String,
    pub generator_uscc: String,
    pub region_code: String,
    pub receiver_id: Option<i64>,
    pub receiver_region: String,
    pub receiver_uscc: String,
    pub receiver_name: String,
    pub receiver_province: String,
    pub licence_id: Option<i64>,
    pub licence_number: String,
    pub licence_snapshot: String,
    pub handling_mode: Mode,
    pub approval_id: Option<i64>,
    pub transfer_date: Day,
    pub edition_label: String,
    pub state: ManifestState,
    pub submitted_at: Option<Instant>,
    pub departed_at: Option<Minute>,
    pub arrived_at: Option<Minute>,
    pub received_at: Option<Minute>,
    pub received_kg: Option<i64>,
    pub decision: Option<Decision>,
    pub handling_code: String,
    pub confirmed_at: Option<Instant>,
    pub completed_at: Option<Instant>,
    pub paper_completed_on: Option<Day>,
    pub backfilled_at: Option<Instant>,
    pub cancel_reason: String,
    /// A rejection's reason and the receiver's explanation (拒收), told to the generator.
    pub reject_reason: Option<RejectReason>,
    pub reject_note: String,
    pub follow_up_of: Option<i64>,
    pub warnings: String,
    pub total_kg: i64,
    pub row_version: i64,
    pub created_at: Instant,
    pub created_by: String,
}

const SELECT: &str = "SELECT m.id, m.uid, m.number, m.origin, m.generator_id, e.name, m.region_code,
    m.receiver_id, m.receiver_region, m.receiver_uscc, m.receiver_name, m.receiver_province, m.licence_id,
    m.licence_number, m.licence_snapshot, m.handling_mode, m.approval_id, m.transfer_date, m.edition_label,
    m.state, m.submitted_at, m.departed_at, m.arrived_at, m.received_at, m.received_kg, m.decision,
    m.handling_code, m.confirmed_at, m.completed_at, m.paper_completed_on, m.backfilled_at,
    m.cancel_reason, m.follow_up_of, m.warnings,
    (SELECT COALESCE(SUM(quantity_kg), 0) FROM manifest_line WHERE manifest_id = m.id),
    m.row_version, m.created_at, m.created_by, e.uscc, m.reject_reason, m.reject_note
    FROM manifest m JOIN enterprise e ON e.id = m.generator_id";

/// The SELECT every manifest read starts with (lists add their conditions).
pub(crate) fn select_sql() -> &'static str {
    SELECT
}

pub(crate) fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Manifest> {
    read(r)
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Manifest> {
    Ok(Manifest {
        id: r.get(0)?,
        uid: r.get(1)?,
        number: r.get(2)?,
        origin: required(r, 3, Origin::parse)?,
        generator_id: r.get(4)?,
        generator_name: r.get(5)?,
        region_code: r.get(6)?,
        receiver_id: r.get(7)?,
        receiver_region: r.get(8)?,
        receiver_uscc: r.get(9)?,
        receiver_name: r.get(10)?,
        receiver_province: r.get(11)?,
        licence_id: r.get(12)?,
        licence_number: r.get(13)?,
        licence_snapshot: r.get(14)?,
        handling_mode: required(r, 15, Mode::parse)?,
        approval_id: r.get(16)?,
        transfer_date: r.get(17)?,
        edition_label: r.get(18)?,
        state: required(r, 19, ManifestState::parse)?,
        submitted_at: r.get(20)?,
        departed_at: r.get(21)?,
        arrived_at: r.get(22)?,
        received_at: r.get(23)?,
        received_kg: r.get(24)?,
        decision: code(r, 25, Decision::parse)?,
        handling_code: r.get(26)?,
        confirmed_at: r.get(27)?,
        completed_at: r.get(28)?,
        paper_completed_on: r.get(29)?,
        backfilled_at: r.get(30)?,
        cancel_reason: r.get(31)?,
        follow_up_of: r.get(32)?,
        warnings: r.get(33)?,
        total_kg: r.get(34)?,
        row_version: r.get(35)?,
        created_at: r.get(36)?,
        created_by: r.get(37)?,
        generator_uscc: r.get(38)?,
        reject_reason: code(r, 39, RejectReason::parse)?,
        reject_note: r.get(40)?,
    })
}

/// Takes the next serial of the city's sequence for `year`. Must run inside the IMMEDIATE transaction
/// that inserts the manifest: the write lock serialises concurrent creations; a rollback leaves a gap.
pub fn next_serial(conn: &Connection, city: &str, year: i32) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO manifest_counter (city, year, next_seq) VALUES (?1, ?2, 2)
         ON CONFLICT (city, year) DO UPDATE SET next_seq = next_seq + 1
         RETURNING next_seq - 1",
        params![city, year],
        |r| r.get(0),
    )?)
}

/// Sets the next serial of the city's sequence (after bulk writes that numbered manifests themselves).
pub fn set_serial(conn: &Connection, city: &str, year: i32, next: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO manifest_counter (city, year, next_seq) VALUES (?1, ?2, ?3)
         ON CONFLICT (city, year) DO UPDATE SET next_seq = MAX(next_seq, ?3)",
        params![city, year, next],
    )?;
    Ok(())
}

pub fn number_exists(conn: &Connection, number: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM manifest WHERE number = ?1", [number], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

/// Inserts the header of `m` (its id, totals and names are ignored; it was created and last updated
/// at `m.created_at` by `actor_uid`) and returns the new id.
pub fn insert(conn: &Connection, m: &Manifest, actor_uid: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO manifest (uid, number, origin, generator_id, region_code, receiver_id, receiver_region,
            receiver_uscc, receiver_name, receiver_province, licence_id, licence_number, licence_snapshot,
            handling_mode, approval_id, transfer_date, edition_label, state, submitted_at, departed_at,
            arrived_at, received_at, received_kg, decision, handling_code, confirmed_at, completed_at,
            paper_completed_on, backfilled_at, cancel_reason, follow_up_of, warnings,
            created_at, created_by, updated_at, updated_by, reject_reason, reject_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?33, ?34, ?35, ?36)",
    )?
    .execute(params![
        m.uid,
        m.number,
        m.origin.code(),
        m.generator_id,
        m.region_code,
        m.receiver_id,
        m.receiver_region,
        m.receiver_uscc,
        m.receiver_name,
        m.receiver_province,
        m.licence_id,
        m.licence_number,
        m.licence_snapshot,
        m.handling_mode.code(),
        m.approval_id,
        m.transfer_date,
        m.edition_label,
        m.state.code(),
        m.submitted_at,
        m.departed_at,
        m.arrived_at,
        m.received_at,
        m.received_kg,
        m.decision.map(|d| d.code()).unwrap_or(""),
        m.handling_code,
        m.confirmed_at,
        m.completed_at,
        m.paper_completed_on,
        m.backfilled_at,
        m.cancel_reason,
        m.follow_up_of,
        m.warnings,
        m.created_at,
        actor_uid,
        m.reject_reason.map(|r| r.code()).unwrap_or(""),
        m.reject_note
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Writes the mutable columns of `m` if nobody changed the row since `m.row_version` was read.
pub fn save(conn: &Connection, m: &Manifest, actor_uid: &str, now: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE manifest SET state = ?3, submitted_at = ?4, departed_at = ?5, arrived_at = ?6,
            received_at = ?7, received_kg = ?8, decision = ?9, handling_code = ?10, confirmed_at = ?11,
            completed_at = ?12, backfilled_at = ?13, cancel_reason = ?14, warnings = ?15,
            licence_id = ?16, licence_number = ?17, licence_snapshot = ?18, handling_mode = ?19,
            approval_id = ?20, transfer_date = ?21, edition_label = ?22, receiver_id = ?23,
            receiver_region = ?24, receiver_uscc = ?25, receiver_name = ?26, receiver_province = ?27,
            reject_reason = ?30, reject_note = ?31,
            row_version = row_version + 1, updated_at = ?28, updated_by = ?29
         WHERE id = ?1 AND row_version = ?2",
        params![
            m.id,
            m.row_version,
            m.state.code(),
            m.submitted_at,
            m.departed_at,
            m.arrived_at,
            m.received_at,
            m.received_kg,
            m.decision.map(|d| d.code()).unwrap_or(""),
            m.handling_code,
            m.confirmed_at,
            m.completed_at,
            m.backfilled_at,
            m.cancel_reason,
            m.warnings,
            m.licence_id,
            m.licence_number,
            m.licence_snapshot,
            m.handling_mode.code(),
            m.approval_id,
            m.transfer_date,
            m.edition_label,
            m.receiver_id,
            m.receiver_region,
            m.receiver_uscc,
            m.receiver_name,
            m.receiver_province,
            now,
            actor_uid,
            m.reject_reason.map(|r| r.code()).unwrap_or(""),
            m.reject_note
        ],
    )?;
    if n == 0 {
        let (by, at): (String, String) = conn
            .query_row(
                "SELECT updated_by, updated_at FROM manifest WHERE id = ?1",
                [m.id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)?;
        return Err(StoreError::Conflict { by, at });
    }
    Ok(())
}

/// Links a follow-up manifest to the rejected one it returns or re-sends.
pub fn set_follow_up(conn: &Connection, id: i64, of: i64) -> Result<()> {
    conn.execute(
        "UPDATE manifest SET follow_up_of = ?2, row_version = row_version + 1 WHERE id = ?1",
        params![id, of],
    )?;
    Ok(())
}

/// The manifests that follow up a rejected one (returning or re-sending its waste), oldest first, as
/// (id, number, state).
pub fn follow_ups(conn: &Connection, of: i64) -> Result<Vec<(i64, String, ManifestState)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, number, state FROM manifest WHERE follow_up_of = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([of], |r| {
        Ok((r.get(0)?, r.get(1)?, required(r, 2, ManifestState::parse)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The number of a manifest by id (the rejected one a follow-up refers to).
pub fn number_of(conn: &Connection, id: i64) -> Result<String> {
    Ok(
        conn.query_row("SELECT number FROM manifest WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}

pub fn get(conn: &Connection, id: i64) -> Result<Manifest> {
    Ok(conn.query_row(&format!("{SELECT} WHERE m.id = ?1"), [id], read)?)
}

pub fn get_by_number(conn: &Connection, number: &str) -> Result<Option<Manifest>> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE m.number = ?1"), [number], read)
        .optional()?)
}

/// Replaces the waste lines of a manifest.
pub fn set_lines(conn: &Connection, id: i64, lines: &[Line]) -> Result<()> {
    conn.execute("DELETE FROM manifest_line WHERE manifest_id = ?1", [id])?;
    insert_lines(conn, id, lines)
}

/// Adds waste lines to a manifest that has none yet (bulk writers).
pub fn insert_lines(conn: &Connection, id: i64, lines: &[Line]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO manifest_line (manifest_id, seq, waste_code, category, waste_name, hazard, form,
            components, harmful, packaging, containers, quantity_kg, received_kg, received_containers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for l in lines {
        stmt.execute(params![
            id,
            l.seq,
            l.code,
            l.category,
            l.name,
            l.hazard,
            l.form,
            l.components,
            l.harmful,
            l.packaging,
            l.containers,
            l.quantity_kg,
            l.received_kg,
            l.received_containers
        ])?;
    }
    Ok(())
}

pub fn lines(conn: &Connection, id: i64) -> Result<Vec<Line>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, waste_code, category, waste_name, hazard, form, components, harmful, packaging,
            containers, quantity_kg, received_kg, received_containers
         FROM manifest_line WHERE manifest_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Line {
            seq: r.get(0)?,
            code: r.get(1)?,
            category: r.get(2)?,
            name: r.get(3)?,
            hazard: r.get(4)?,
            form: r.get(5)?,
            components: r.get(6)?,
            harmful: r.get(7)?,
            packaging: r.get(8)?,
            containers: r.get(9)?,
            quantity_kg: r.get(10)?,
            received_kg: r.get(11)?,
            received_containers: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub use crate::store::history::Row as HistoryRow;
pub use crate::store::manifest::parts::{
    Discrepancy, Leg, LegStamp, add_discrepancy, add_leg, delete_legs, discrepancies, legs,
    stamp_leg,
};

pub use crate::store::manifest::list::{ListFilter, count, list};

/// The SQL condition of an alert under the day's cut-offs (dates are constants, never input).
pub fn alert_sql(alert: ManifestAlert, c: &Cutoffs) -> String {
    match alert {
        // Art. 18's clock runs until the decision: in 待接收确认 and in 差异处理中.
        ManifestAlert::ReceiptOverdue => format!(
            "m.state IN ('awaiting_receipt', 'discrepancy') AND m.arrived_at < '{} 99'",
            c.receipt
        ),
        ManifestAlert::BackfillOverdue => format!(
            "m.state = 'pending_backfill' AND m.paper_completed_on <= '{}'",
            c.backfill
        ),
        ManifestAlert::TransitTooLong => format!(
            "m.state = 'in_transit' AND m.departed_at < '{} 99'",
            c.transit
        ),
        // Eleven months: a warning; over a year (固废法 第八十一条): a breach. Either is silent while
        // an approved extension covers today.
        ManifestAlert::StockAging => format!(
            "m.state = 'received' AND m.received_at < '{} 99' AND m.received_at > '{} 99'
             AND NOT EXISTS (SELECT 1 FROM manifest_stock_extension x WHERE x.manifest_id = m.id
             AND x.extended_to >= '{}')",
            c.stock, c.stock_breach, c.today
        ),
        ManifestAlert::StockOverdue => format!(
            "m.state = 'received' AND m.received_at < '{} 99' AND NOT EXISTS (SELECT 1 FROM
             manifest_stock_extension x WHERE x.manifest_id = m.id AND x.extended_to >= '{}')",
            c.stock_breach, c.today
        ),
    }
}
