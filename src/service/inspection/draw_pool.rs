//! The officer pool of a 双随机 draw plan: which certified officers the pairing may use. A plan names
//! them, or takes every eligible officer in its regions.

use crate::domain::account::{Action, Role};
use crate::domain::inspection::rules::officer_problem;
use crate::i18n::{T, Text};
use crate::service::Result;
use crate::service::inspection::{refused, resolve_officers};
use crate::store::account;
use chrono::NaiveDate;

impl crate::service::Draws<'_> {
    /// The officers a plan may name: inspector accounts in the actor's scope (or city-level) with a
    /// certificate valid on `on`, active and not auxiliary, as (user id, "name certificate").
    pub fn pool_choices(&self, on: NaiveDate) -> Result<Vec<(i64, String)>> {
        self.require(Action::DrawManage)?;
        let mut out = Vec::new();
        for u in account::list(&self.conn)? {
            if !self.pool_may_include(&u) {
                continue;
            }
            let (cands, snaps) = resolve_officers(&self.conn, &[u.id], on)?;
            if let (Some(c), Some(s)) = (cands.first(), snaps.first())
                && officer_problem(c, on).is_none()
            {
                out.push((u.id, format!("{} {}", u.display_name, s.cert_number)));
            }
        }
        Ok(out)
    }

    fn pool_may_include(&self, u: &account::UserRecord) -> bool {
        u.roles.contains(&Role::Inspector)
            && match (&self.actor.region, &u.region) {
                (Some(own), Some(theirs)) => own == theirs,
                _ => true,
            }
    }

    /// Checks a plan's named officers: each an inspector in scope with a certificate valid on the
    /// planned date, at least two of them (two officers per enterprise). Returns them sorted, once each.
    pub(in crate::service) fn vet_pool(&self, officers: &[i64], on: NaiveDate) -> Result<Vec<i64>> {
        let mut pool: Vec<i64> = officers.to_vec();
        pool.sort_unstable();
        pool.dedup();
        if pool.is_empty() {
            return Ok(pool);
        }
        for &id in &pool {
            let u = account::get(&self.conn, id)?;
            let (cands, _) = resolve_officers(&self.conn, &[id], on)?;
            let eligible = self.pool_may_include(&u)
                && cands
                    .first()
                    .is_some_and(|c| officer_problem(c, on).is_none());
            if !eligible {
                return Err(refused(
                    Text::new(T::DrawErrPoolOfficer).arg("name", u.display_name),
                ));
            }
        }
        if pool.len() < 2 {
            return Err(refused(Text::new(T::DrawErrPoolSmall)));
        }
        Ok(pool)
    }
}
