//! 一公开 of a draw's results (after its inspections, who published which file when, in the audit) and
//! the officers the inspection list may be filtered by.

use crate::domain::account::{Action, Role};
use crate::domain::time::stamp;
use crate::service::inspection::draw::DrawDetail;
use crate::service::inspection::json;
use crate::service::{Result, Session};
use crate::store::account;
use crate::store::audit;
use crate::store::db;
use crate::store::inspection::draw_publish::{self, Outcome};

/// A draw and the outcome of each drawn enterprise's inspection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawResults {
    pub detail: DrawDetail,
    pub outcomes: Vec<Outcome>,
}

impl DrawResults {
    /// Drawn inspections not finished yet (published as they stand).
    pub fn still_open(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| {
                crate::domain::inspection::InspState::parse(&o.state).is_some_and(|s| s.is_open())
            })
            .count()
    }
}

impl Session {
    /// The officers the inspection list may be filtered by: inspector accounts serving the actor's
    /// region (or the whole city), as (user id, "name username"). Enterprise accounts get none.
    pub fn insp_officer_choices(&self) -> Result<Vec<(i64, String)>> {
        self.require(Action::InspectRead)?;
        if self.is_enterprise_only() {
            return Ok(Vec::new());
        }
        Ok(account::list(&self.conn)?
            .into_iter()
            .filter(|u| u.roles.contains(&Role::Inspector))
            .filter(|u| match (&self.actor.region, &u.region) {
                (Some(own), Some(theirs)) => own == theirs,
                _ => true,
            })
            .map(|u| (u.id, format!("{} {}", u.display_name, u.username)))
            .collect())
    }

    /// The results of a draw for publication (supervisors who manage draws, within scope).
    pub fn draw_results(&self, id: i64) -> Result<DrawResults> {
        self.require(Action::DrawManage)?;
        let detail = self.draw_detail(id)?;
        Ok(DrawResults {
            outcomes: draw_publish::outcomes(&self.conn, id)?,
            detail,
        })
    }

    /// Records in the audit that the results of a draw were published: by whom, when, how many rows,
    /// in which format and file. Called once the file is written.
    pub fn draw_record_publication(
        &mut self,
        id: i64,
        rows: u64,
        format: &str,
        file: &str,
    ) -> Result<()> {
        let results = self.draw_results(id)?;
        let (now, actor) = (stamp(self.now()), self.actor.clone());
        let after = serde_json::json!({
            "draw": results.detail.draw.id,
            "plan": results.detail.plan.name,
            "rows": rows,
            "still_open": results.still_open(),
            "format": format,
            "file": file,
            "outcomes": json(&results.outcomes),
        });
        db::write_tx(&mut self.conn, |tx| {
            audit::append(
                tx,
                &actor,
                &now,
                audit::Change {
                    action: "publish_results",
                    entity: "draw",
                    record_uid: &results.detail.draw.uid,
                    before: None,
                    after: Some(&after),
                },
            )?;
            Ok(())
        })?;
        Ok(())
    }
}
