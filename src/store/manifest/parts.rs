//! The parts of a stored manifest besides its header and lines: carrier legs in hand-over order, the
//! discrepancies the receiver recorded, and the history of transitions.

use crate::domain::manifest::{DiscrepancyKind, LegDraft, MfState};
use crate::domain::time::Instant;
use crate::store::db::Result;
use rusqlite::{Connection, params};
use serde::Serialize;

/// A carrier leg as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Leg {
    pub seq: i64,
    pub carrier: LegDraft,
    pub departed_at: Option<String>,
    pub handover_at: Option<String>,
    pub handover_place: String,
    pub arrived_at: Option<String>,
}

pub fn add_leg(conn: &Connection, id: i64, leg: &Leg) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO manifest_leg (manifest_id, seq, carrier_name, carrier_uscc, transport_licence, plate,
            driver, escort, departed_at, handover_at, handover_place, arrived_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        id,
        leg.seq,
        leg.carrier.carrier_name,
        leg.carrier.carrier_uscc,
        leg.carrier.transport_licence,
        leg.carrier.plate,
        leg.carrier.driver,
        leg.carrier.escort,
        leg.departed_at,
        leg.handover_at,
        leg.handover_place,
        leg.arrived_at
    ])?;
    Ok(())
}

pub fn delete_legs(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM manifest_leg WHERE manifest_id = ?1", [id])?;
    Ok(())
}

/// Sets the departure of the first leg, the hand-over of the last leg, or the arrival of the last leg.
pub fn stamp_leg(
    conn: &Connection,
    id: i64,
    column: LegStamp,
    at: &str,
    place: &str,
) -> Result<()> {
    match column {
        LegStamp::Departed => conn.execute(
            "UPDATE manifest_leg SET departed_at = ?2 WHERE manifest_id = ?1 AND seq = 1",
            params![id, at],
        )?,
        LegStamp::HandedOver => conn.execute(
            "UPDATE manifest_leg SET handover_at = ?2, handover_place = ?3 WHERE manifest_id = ?1
             AND seq = (SELECT MAX(seq) FROM manifest_leg WHERE manifest_id = ?1)",
            params![id, at, place],
        )?,
        LegStamp::Arrived => conn.execute(
            "UPDATE manifest_leg SET arrived_at = ?2 WHERE manifest_id = ?1
             AND seq = (SELECT MAX(seq) FROM manifest_leg WHERE manifest_id = ?1)",
            params![id, at],
        )?,
    };
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegStamp {
    Departed,
    HandedOver,
    Arrived,
}

pub fn legs(conn: &Connection, id: i64) -> Result<Vec<Leg>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, carrier_name, carrier_uscc, transport_licence, plate, driver, escort, departed_at,
            handover_at, handover_place, arrived_at FROM manifest_leg WHERE manifest_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Leg {
            seq: r.get(0)?,
            carrier: LegDraft {
                carrier_name: r.get(1)?,
                carrier_uscc: r.get(2)?,
                transport_licence: r.get(3)?,
                plate: r.get(4)?,
                driver: r.get(5)?,
                escort: r.get(6)?,
            },
            departed_at: r.get(7)?,
            handover_at: r.get(8)?,
            handover_place: r.get(9)?,
            arrived_at: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A recorded discrepancy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Discrepancy {
    pub line_seq: i64,
    pub kind: DiscrepancyKind,
    pub declared: String,
    pub measured: String,
    pub told_generator_at: String,
    pub told_bureau_at: String,
}

pub fn add_discrepancy(
    conn: &Connection,
    id: i64,
    d: &Discrepancy,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO manifest_discrepancy (manifest_id, line_seq, kind, declared, measured,
            told_generator_at, told_bureau_at, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        id,
        d.line_seq,
        d.kind.code(),
        d.declared,
        d.measured,
        d.told_generator_at,
        d.told_bureau_at,
        now,
        actor_uid
    ])?;
    Ok(())
}

pub fn discrepancies(conn: &Connection, id: i64) -> Result<Vec<Discrepancy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT line_seq, kind, declared, measured, told_generator_at, told_bureau_at
         FROM manifest_discrepancy WHERE manifest_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Discrepancy {
            line_seq: r.get(0)?,
            kind: kind(r, 1)?,
            declared: r.get(2)?,
            measured: r.get(3)?,
            told_generator_at: r.get(4)?,
            told_bureau_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One transition in the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryRow {
    pub event: String,
    pub from_state: String,
    pub to_state: String,
    pub note: String,
    pub at: Instant,
    pub by_name: String,
}

#[allow(clippy::too_many_arguments)]
pub fn append_history(
    conn: &Connection,
    id: i64,
    event: &str,
    from: MfState,
    to: MfState,
    note: &str,
    by_uid: &str,
    by_name: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO manifest_history (manifest_id, event, from_state, to_state, note, at, by_uid, by_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![id, event, from.code(), to.code(), note, now, by_uid, by_name])?;
    Ok(())
}

pub fn history(conn: &Connection, id: i64) -> Result<Vec<HistoryRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT event, from_state, to_state, note, at, by_name FROM manifest_history
         WHERE manifest_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(HistoryRow {
            event: r.get(0)?,
            from_state: r.get(1)?,
            to_state: r.get(2)?,
            note: r.get(3)?,
            at: r.get(4)?,
            by_name: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn kind(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<DiscrepancyKind> {
    let s: String = r.get(i)?;
    DiscrepancyKind::parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown code {s}").into(),
        )
    })
}
