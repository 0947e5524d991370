//! 一公开 of a draw's results (after its inspections, who published which file when, in the audit) and
//! the officers the inspection list may be filtered by.

use crate::domain::account::{Action, Role};
use crate::service::inspection::draw::DrawDetail;
use crate::service::write::json;
use crate::service::{Audited, Result};
use crate::store::account;
use crate::store::inspection::draw::Draw;
use crate::store::inspection::draw_publish::{self, Outcome};

/// A draw and the outcome of each drawn enterprise whose inspection is finished: only those are
/// published; the others are counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawResults {
    pub detail: DrawDetail,
    pub outcomes: Vec<Outcome>,
    open: usize,
}

impl DrawResults {
    /// Drawn inspections not finished yet: not published.
    pub fn still_open(&self) -> usize {
        self.open
    }
}

fn is_open(o: &Outcome) -> bool {
    crate::domain::inspection::InspectionState::parse(&o.state).is_none_or(|s| s.is_open())
}

impl crate::service::Draws<'_> {
    /// The officers the inspection list may be filtered by: inspector accounts serving the actor's
    /// region (or the whole city), as (user id, "name username"). Enterprise accounts get none.
    pub fn officer_choices(&self) -> Result<Vec<(i64, String)>> {
        self.require(Action::InspectionRead)?;
        if self.inspections().is_enterprise_only() {
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

    /// The results of a draw for publication (supervisors who manage draws, within scope): the
    /// finished inspections only. Refused while none is finished; the plan and its counts are
    /// published with the draw export instead.
    pub fn results(&self, id: i64) -> Result<DrawResults> {
        self.require(Action::DrawManage)?;
        let detail = self.detail(id)?;
        let (open, outcomes): (Vec<Outcome>, Vec<Outcome>) =
            draw_publish::outcomes(&self.conn, id)?
                .into_iter()
                .partition(is_open);
        if outcomes.is_empty() {
            return Err(crate::service::ServiceError::Refused(
                crate::i18n::Text::new(crate::i18n::T::DrawErrNothingFinished).arg("id", id),
            ));
        }
        Ok(DrawResults {
            outcomes,
            open: open.len(),
            detail,
        })
    }

    /// Records in the audit that the results of a draw were published: by whom, when, how many rows,
    /// in which format and file. Called once the file is written.
    pub fn record_publication(&self, id: i64, rows: u64, format: &str, file: &str) -> Result<()> {
        let results = self.results(id)?;
        let after = serde_json::json!({
            "draw": results.detail.draw.id,
            "plan": results.detail.plan.name,
            "rows": rows,
            "still_open": results.still_open(),
            "format": format,
            "file": file,
            "outcomes": json(&results.outcomes),
        });
        self.write(|w| {
            Ok(w.audit_json(
                "publish_results",
                Draw::ENTITY,
                &results.detail.draw.uid,
                None,
                Some(&after),
            )?)
        })
    }
}
