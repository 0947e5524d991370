//! The parts of a stored manifest besides its header and lines: carrier legs in hand-over order, the
//! discrepancies the receiver recorded (the history of transitions is in `store::history`).

use crate::domain::manifest::{DiscrepancyKind, LegDraft};
use crate::domain::time::Minute;
use crate::store::db::Result;
use crate::store::sql::required;
use rusqlite::{Connection, params};
use serde::Serialize;

/// A carrier leg as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Leg {
    pub seq: i64,
    pub carrier: LegDraft,
    pub departed_at: Option<Minute>,
    pub handover_at: Option<Minute>,
    pub handover_place: String,
    pub arrived_at: Option<Minute>,
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
    at: Minute,
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
    pub told_generator_at: Minute,
    pub told_bureau_at: Minute,
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
            kind: required(r, 1, DiscrepancyKind::parse)?,
            declared: r.get(2)?,
            measured: r.get(3)?,
            told_generator_at: r.get(4)?,
            told_bureau_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
