//! 回避 (《行政处罚法》第四十三条): an officer with a recorded relation to the enterprise cannot be put on
//! its inspection. The only way past it is a supervisor's decision for that inspection, recorded with who,
//! when and why, and audited; otherwise another officer is picked.

use crate::domain::account::Role;
use crate::domain::inspection::rules::{check_officers, check_recusal};
use crate::i18n::{T, Text};
use crate::service::inspection::{refused, resolve_officers};
use crate::service::{Result, ServiceError, Writer};
use crate::store::inspection::rules::{self as rules_store, RecusalDecision};
use crate::store::inspection::{self as store, Officer};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The recusal decisions a write will record: the related officers a supervisor lets stay, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(in crate::service) struct NewDecisions {
    pub users: Vec<(i64, String)>,
    pub reason: String,
}

/// Checks the officer rules (第四十二条, 第五十五条) and recusal; `decided` are the officers a supervisor
/// has decided may stay. Returns the snapshots to store.
pub(in crate::service) fn vet_officers(
    conn: &Connection,
    enterprise_id: i64,
    ids: &[i64],
    on: NaiveDate,
    decided: &[i64],
) -> Result<Vec<Officer>> {
    let (candidates, snapshots) = resolve_officers(conn, ids, on)?;
    check_officers(&candidates, on).map_err(ServiceError::Refused)?;
    let recused = store::recused_users(conn, enterprise_id)?;
    let conflicted: Vec<(String, bool)> = candidates
        .iter()
        .filter(|c| recused.contains(&c.user_id))
        .map(|c| (c.name.clone(), decided.contains(&c.user_id)))
        .collect();
    check_recusal(&conflicted).map_err(ServiceError::Refused)?;
    Ok(snapshots)
}

/// The officers already decided on an inspection.
pub(in crate::service) fn decided_on(conn: &Connection, inspection_id: i64) -> Result<Vec<i64>> {
    Ok(rules_store::recusal_decisions(conn, inspection_id)?
        .into_iter()
        .map(|d| d.user_id)
        .collect())
}

impl crate::service::Inspections<'_> {
    /// The decisions a recusal reason stands for: only a supervisor may give one; it covers the related
    /// officers among `officers` not decided yet. Returns every decided officer and the new decisions.
    pub(in crate::service) fn recusal_decisions_for(
        &self,
        inspection_id: Option<i64>,
        enterprise_id: i64,
        officers: &[i64],
        reason: &str,
    ) -> Result<(Vec<i64>, NewDecisions)> {
        let mut decided = match inspection_id {
            Some(id) => decided_on(&self.conn, id)?,
            None => Vec::new(),
        };
        let reason = reason.trim();
        if reason.is_empty() {
            return Ok((decided, NewDecisions::default()));
        }
        if !self.actor.has(Role::Supervisor) {
            return Err(refused(Text::new(T::InspectionErrRecusalNotSupervisor)));
        }
        let recused = store::recused_users(&self.conn, enterprise_id)?;
        let mut new = NewDecisions {
            users: Vec::new(),
            reason: reason.to_string(),
        };
        for &id in officers {
            if recused.contains(&id) && !decided.contains(&id) {
                let u = crate::store::account::get(&self.conn, id)?;
                new.users.push((id, u.display_name));
                decided.push(id);
            }
        }
        Ok((decided, new))
    }
}

/// Records the new decisions on the inspection, each audited.
pub(in crate::service) fn record_decisions(
    w: &Writer<'_>,
    inspection_id: i64,
    inspection_uid: &str,
    new: &NewDecisions,
) -> Result<()> {
    let actor = w.actor().clone();
    for (user_id, name) in &new.users {
        let d = RecusalDecision {
            user_id: *user_id,
            officer_name: name.clone(),
            reason: new.reason.clone(),
            decided_by: actor.uid.clone(),
            decided_by_name: actor.display_name.clone(),
            decided_at: w.at(),
        };
        rules_store::insert_recusal_decision(w, inspection_id, &d)?;
        let after = crate::service::write::json(&d);
        w.audit_json(
            "create",
            "insp_recusal_decision",
            &format!("{inspection_uid}:{user_id}"),
            None,
            Some(&after),
        )?;
    }
    Ok(())
}
