//! `draw verify`: a draw recomputed from its stored seed and candidate list (size, SHA-256, the sample
//! rank by rank), and its recorded officer pairs checked against the plan's pool and the recorded
//! relations.

use crate::domain::account::Role;
use crate::domain::inspection::draw::parse_seed;
use crate::i18n::{T, Text};
use crate::service::inspection::refused;
use crate::service::{Result, ServiceError, Session};
use crate::store::account;
use crate::store::db;
use crate::store::inspection as insp;
use crate::store::inspection::draw::{self as store, Draw};
use crate::store::inspection::rules as rules_store;
use std::collections::{HashMap, HashSet};

/// What `draw verify` found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    pub draw_id: i64,
    pub candidate_count_ok: bool,
    pub candidate_hash_ok: bool,
    pub results_ok: bool,
    /// The first differing rank, when the results differ.
    pub first_difference: Option<i64>,
    /// The stored seed, algorithm, counts and hash equal those of the audited creation event.
    pub audit_ok: bool,
    /// The first field differing from the audited creation event: (field, audited, stored).
    pub audit_difference: Option<(String, String, String)>,
    /// The recorded officer pairs checked against the plan's pool and the recorded relations: each
    /// problem found, empty when they hold.
    pub pair_problems: Vec<Text>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.candidate_count_ok
            && self.candidate_hash_ok
            && self.results_ok
            && self.audit_ok
            && self.pair_problems.is_empty()
    }
}

impl crate::service::Draws<'_> {
    /// Recomputes a draw from its stored seed and candidate list: the list's size and SHA-256, then the
    /// sample, compared rank by rank with the stored result.
    pub fn verify(&self, id: i64) -> Result<VerifyReport> {
        self.detail(id)?;
        self.verify_unchecked(id)
    }

    /// The recomputation itself (with the comparison against the audited creation event, shared
    /// with `ecocase check`); callers decide who may ask.
    fn verify_unchecked(&self, id: i64) -> Result<VerifyReport> {
        let d = store::draw(&self.conn, id)?.ok_or(ServiceError::NotFound)?;
        parse_seed(&d.seed_hex).ok_or_else(|| refused(Text::new(T::DrawErrStoredSeed)))?;
        let c = crate::store::check::draws::verify_draw(&self.conn, id)?
            .ok_or(ServiceError::NotFound)?;
        Ok(VerifyReport {
            draw_id: id,
            candidate_count_ok: c.candidate_count_ok,
            candidate_hash_ok: c.candidate_hash_ok,
            results_ok: c.results_ok,
            first_difference: c.first_difference,
            audit_ok: c.audit_ok,
            audit_difference: c.audit_difference,
            pair_problems: self.pair_problems(&d)?,
        })
    }

    /// Checks each recorded officer pair: two different people, both in the plan's officer pool (its
    /// named officers, or inspector accounts when it names none), neither with a recorded relation to
    /// the drawn enterprise.
    fn pair_problems(&self, d: &Draw) -> Result<Vec<Text>> {
        let chosen = store::plan_officers(&self.conn, d.plan_id)?;
        let recusals: HashSet<(i64, i64)> = insp::all_recusals(&self.conn)?.into_iter().collect();
        let users: HashMap<i64, account::UserRecord> = account::list(&self.conn)?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut out = Vec::new();
        for (rank, uscc, enterprise, pair) in rules_store::result_pairs(&self.conn, d.id)? {
            let Some((a, b)) = pair else { continue };
            let problem = |t: Text| {
                Text::new(T::DrawPairProblem)
                    .arg("rank", rank + 1)
                    .arg("uscc", &uscc)
                    .arg_text("problem", t)
            };
            if a == b {
                out.push(problem(Text::new(T::DrawPairSame)));
            }
            for officer in [a, b] {
                let name = users
                    .get(&officer)
                    .map_or_else(|| officer.to_string(), |u| u.display_name.clone());
                let in_pool = if chosen.is_empty() {
                    users
                        .get(&officer)
                        .is_some_and(|u| u.roles.contains(&Role::Inspector))
                } else {
                    chosen.contains(&officer)
                };
                if !in_pool {
                    out.push(problem(Text::new(T::DrawPairNotInPool).arg("name", &name)));
                }
                if recusals.contains(&(officer, enterprise)) {
                    out.push(problem(Text::new(T::DrawPairRelated).arg("name", &name)));
                }
            }
        }
        Ok(out)
    }
}

/// Verifies a draw straight from the database file, without an account: the check uses only the stored
/// seed, candidate list and result, and reports only whether they agree.
pub fn verify_at(path: &std::path::Path, id: i64) -> Result<VerifyReport> {
    let conn = db::open(path)?;
    let session = Session::new(
        conn,
        crate::domain::account::Actor::system(),
        crate::service::system_clock(),
    )?;
    session.draws().verify_unchecked(id)
}
