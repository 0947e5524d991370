//! 双随机 draws recomputed from their stored seed and candidate list, and the stored draw compared with
//! the audited creation event: a result re-drawn with a new seed differs from the seed the audit holds.

use crate::domain::inspection::draw::{ALGORITHM, candidates_hash, parse_seed, sample};
use crate::store::db::Result;
use crate::store::inspection::draw as store;
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

/// What recomputing one draw found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawCheck {
    pub draw_id: i64,
    pub candidate_count_ok: bool,
    pub candidate_hash_ok: bool,
    pub results_ok: bool,
    /// The first differing rank, when the results differ.
    pub first_difference: Option<i64>,
    /// The stored seed, algorithm, candidate count and hash and drawn count equal those of the
    /// audited creation event.
    pub audit_ok: bool,
    /// The first field differing from the audited creation event: (field, audited, stored).
    pub audit_difference: Option<(String, String, String)>,
}

impl DrawCheck {
    pub fn ok(&self) -> bool {
        self.candidate_count_ok && self.candidate_hash_ok && self.results_ok && self.audit_ok
    }
}

/// The after-image of a record's first `create` entry.
fn created_image(conn: &Connection, entity: &str, uid: &str) -> Result<Option<Value>> {
    let json: Option<Option<String>> = conn
        .prepare_cached(
            "SELECT after_json FROM audit_log WHERE entity = ?1 AND record_uid = ?2 AND action = 'create'
             ORDER BY seq LIMIT 1",
        )?
        .query_row([entity, uid], |r| r.get(0))
        .optional()?;
    Ok(json
        .flatten()
        .and_then(|j| serde_json::from_str::<Value>(&j).ok()))
}

/// Recomputes draw `id`; `None` when there is no such draw.
pub fn verify_draw(conn: &Connection, id: i64) -> Result<Option<DrawCheck>> {
    let Some(d) = store::draw(conn, id)? else {
        return Ok(None);
    };
    let results = store::results(conn, id)?;
    let usccs = store::candidates(conn, id)?;
    let hash = candidates_hash(usccs.iter().map(String::as_str));
    let expected = match parse_seed(&d.seed_hex) {
        Some(seed) if d.algorithm == ALGORITHM => {
            Some(sample(&seed, usccs.len(), d.drawn_count.max(0) as usize))
        }
        _ => None,
    };
    let mut first_difference = None;
    if let Some(expected) = &expected {
        let n = expected.len().max(results.len());
        for rank in 0..n {
            let want = expected
                .get(rank)
                .map(|&p| (p as i64, usccs.get(p).cloned().unwrap_or_default()));
            let got = results.get(rank).map(|r| (r.position, r.uscc.clone()));
            if want != got {
                first_difference = Some(rank as i64);
                break;
            }
        }
    } else {
        first_difference = Some(0);
    }
    let stored = [
        ("algorithm", Value::from(d.algorithm.clone())),
        ("seed_hex", Value::from(d.seed_hex.clone())),
        ("candidate_count", Value::from(d.candidate_count)),
        ("candidate_sha256", Value::from(d.candidate_sha256.clone())),
        ("drawn_count", Value::from(d.drawn_count)),
    ];
    let audit_difference = match created_image(conn, "draw", &d.uid)? {
        None => Some(("create".to_string(), String::new(), d.uid.clone())),
        Some(image) => stored.iter().find_map(|(field, value)| {
            let audited = image.get(*field).cloned().unwrap_or(Value::Null);
            (audited != *value).then(|| {
                let show = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
                (field.to_string(), show(&audited), show(value))
            })
        }),
    };
    Ok(Some(DrawCheck {
        draw_id: id,
        candidate_count_ok: usccs.len() as i64 == d.candidate_count,
        candidate_hash_ok: hash == d.candidate_sha256,
        results_ok: first_difference.is_none(),
        first_difference,
        audit_ok: audit_difference.is_none(),
        audit_difference,
    }))
}

/// Every draw recomputed; the ones that do not hold.
pub fn verify(conn: &Connection) -> Result<(usize, Vec<DrawCheck>)> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM draw ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut bad = Vec::new();
    for id in &ids {
        if let Some(c) = verify_draw(conn, *id)?
            && !c.ok()
        {
            bad.push(c);
        }
    }
    Ok((ids.len(), bad))
}
