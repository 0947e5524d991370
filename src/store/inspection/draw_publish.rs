//! 一公开 of a draw's results: each drawn enterprise with the state and conclusion of its inspection,
//! the findings still standing (a corrected finding counts once, as its correction), the rectification
//! order and the filed case.

use crate::domain::time::Day;
use crate::store::db::Result;
use rusqlite::Connection;
use serde::Serialize;

/// One drawn enterprise's outcome, as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub rank: i64,
    pub enterprise_name: String,
    pub uscc: String,
    pub region_code: String,
    pub mode: String,
    pub inspection_number: String,
    /// Stored codes (`completed`, `order`...); empty when the draw made no inspection.
    pub state: String,
    pub conclusion: String,
    pub findings: i64,
    /// The 责令改正 document number, its deadline and the re-check result code (empty when none).
    pub order_number: String,
    #[serde(with = "crate::domain::time::blank_day")]
    pub order_deadline: Option<Day>,
    pub order_result: String,
    /// The 立案 case number and its status code (empty when none).
    pub case_number: String,
    pub case_status: String,
}

pub fn outcomes(conn: &Connection, draw_id: i64) -> Result<Vec<Outcome>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.rank, e.name, r.uscc, e.region_code, r.mode, COALESCE(i.number, ''),
            COALESCE(i.state, ''), COALESCE(i.conclusion, ''),
            (SELECT COUNT(*) FROM insp_finding f WHERE f.inspection_id = r.inspection_id
                AND NOT EXISTS (SELECT 1 FROM insp_finding c WHERE c.corrects_id = f.id)),
            COALESCE(o.doc_number, ''), COALESCE(o.deadline, ''), COALESCE(o.result, ''),
            COALESCE(k.case_number, ''), COALESCE(k.status, '')
         FROM draw_result r JOIN enterprise e ON e.id = r.enterprise_id
         LEFT JOIN inspection i ON i.id = r.inspection_id
         LEFT JOIN insp_rectification o ON o.inspection_id = r.inspection_id
         LEFT JOIN insp_case k ON k.inspection_id = r.inspection_id
         WHERE r.draw_id = ?1 ORDER BY r.rank",
    )?;
    let rows = stmt.query_map([draw_id], |r| {
        Ok(Outcome {
            rank: r.get(0)?,
            enterprise_name: r.get(1)?,
            uscc: r.get(2)?,
            region_code: r.get(3)?,
            mode: r.get(4)?,
            inspection_number: r.get(5)?,
            state: r.get(6)?,
            conclusion: r.get(7)?,
            findings: r.get(8)?,
            order_number: r.get(9)?,
            order_deadline: crate::store::time::blank_day(r, 10)?,
            order_result: r.get(11)?,
            case_number: r.get(12)?,
            case_status: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
