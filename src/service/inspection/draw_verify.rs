//! `draw verify`: a draw recomputed from its stored seed and candidate list (size, SHA-256, the sample
//! rank by rank), and its recorded officer pairs checked against the plan's pool and the recorded
//! relations.

use crate::domain::account::Role;
use crate::domain::inspection::draw::{ALGORITHM, candidates_hash, parse_seed, sample};
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
    /// The recorded officer pairs checked against the plan's pool and the recorded relations: each
    /// problem found, empty when they hold.
    pub pair_problems: Vec<Text>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.candidate_count_ok
            && self.candidate_hash_ok
            && self.results_ok
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

    /// The recomputation itself; callers decide who may ask.
    fn verify_unchecked(&self, id: i64) -> Result<VerifyReport> {
        let d = store::draw(&self.conn, id)?.ok_or(ServiceError::NotFound)?;
        let results = store::results(&self.conn, id)?;
        let usccs = store::candidates(&self.conn, id)?;
        let hash = candidates_hash(usccs.iter().map(String::as_str));
        let seed =
            parse_seed(&d.seed_hex).ok_or_else(|| refused(Text::new(T::DrawErrStoredSeed)))?;
        let expected = if d.algorithm == ALGORITHM {
            sample(&seed, usccs.len(), d.drawn_count.max(0) as usize)
        } else {
            Vec::new()
        };
        let mut first_difference = None;
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
        Ok(VerifyReport {
            draw_id: id,
            candidate_count_ok: usccs.len() as i64 == d.candidate_count,
            candidate_hash_ok: hash == d.candidate_sha256,
            results_ok: first_difference.is_none() && d.algorithm == ALGORITHM,
            first_difference,
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
