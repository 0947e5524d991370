//! 双随机 use cases: plans, the draw (exclusions before the draw, 32-byte OS seed, canonical candidate
//! list and its SHA-256, the in-house sampler, officer pairs, pending inspections), verification and the
//! rows of the publication export. A draw is append-only: the schema refuses any change to it.

use crate::domain::account::{Action, Role};
use crate::domain::inspection::draw::{
    ALGORITHM, PoolOfficer, assign_pairs, candidates_hash, draw_size, quarter_of, sample,
};
use crate::domain::inspection::rules::officer_problem;
use crate::domain::inspection::{Category, InspectionState, Mode};
use crate::domain::time::Day;
use crate::i18n::{T, Text};
use crate::service::inspection::{refused, resolve_officers};
use crate::service::write::json;
use crate::service::{Result, ServiceError};
use crate::store::account;
use crate::store::db::new_uid;
use crate::store::inspection::draw::{self as store, Draw, Plan, ResultRow};
use crate::store::inspection::rules as rules_store;
use crate::store::inspection::{self as insp, NewInspection};
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};

/// A new draw plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDraft {
    pub name: String,
    pub regions: Vec<String>,
    pub class: String,
    pub ratio_pct: u32,
    pub count: u32,
    /// `Some(true)`: listed enterprises drawn become off-site checks; `Some(false)`: they are excluded;
    /// `None`: as the policy setting `inspect.listed_draw_offsite` says.
    pub listed_offsite: Option<bool>,
    pub planned_on: NaiveDate,
}

/// A draw with its results and exclusion counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawDetail {
    pub draw: Draw,
    pub plan: Plan,
    pub results: Vec<ResultRow>,
    pub exclusions: Vec<(String, i64)>,
}

/// What a draw would do, shown before it runs (a draw is permanent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawPreview {
    pub plan: Plan,
    pub candidates: usize,
    /// (reason code, count) of the enterprises excluded before the draw.
    pub exclusions: Vec<(String, i64)>,
    pub to_draw: usize,
    /// The plan's count is above the candidates: confirming draws them all.
    pub short: bool,
}

impl DrawPreview {
    pub fn excluded(&self) -> i64 {
        self.exclusions.iter().map(|(_, n)| n).sum()
    }

    /// The question asked before the draw runs.
    pub fn question(&self) -> Text {
        if self.short {
            Text::new(T::DrawErrCountAbove)
                .arg("count", self.plan.count)
                .arg("n", self.candidates)
                .arg("excluded", self.excluded())
        } else {
            Text::new(T::DrawConfirm)
                .arg("plan", &self.plan.name)
                .arg("n", self.candidates)
                .arg("excluded", self.excluded())
                .arg("k", self.to_draw)
                .arg("date", self.plan.planned_on)
        }
    }
}

/// The candidates of a plan after the exclusions, in canonical order.
struct Candidates {
    list: Vec<(i64, String)>,
    /// (enterprise, reason code); `open` and `drawn` go to the table this version added.
    excluded: Vec<(i64, &'static str)>,
    regions_of: HashMap<i64, String>,
    listed: HashSet<i64>,
}

/// A fresh 32-byte seed from the operating system.
fn os_seed() -> Result<[u8; 32]> {
    use password_hash::rand_core::{OsRng, RngCore};
    let mut seed = [0u8; 32];
    OsRng
        .try_fill_bytes(&mut seed)
        .map_err(|e| refused(Text::new(T::DrawErrSeed).arg("detail", e)))?;
    Ok(seed)
}

impl crate::service::Draws<'_> {
    /// Creates a draw plan (supervisors), for regions within their scope, pairing every eligible officer.
    pub fn create_plan(&self, d: &PlanDraft) -> Result<Plan> {
        self.create_plan_with_pool(d, &[])
    }

    /// Creates a draw plan whose pairing uses only `officers` (at least two certified officers in
    /// scope); an empty pool takes every eligible officer in the plan's regions.
    pub fn create_plan_with_pool(&self, d: &PlanDraft, officers: &[i64]) -> Result<Plan> {
        let (plan, pool) = self.vet_plan(d, officers)?;
        self.write(|w| {
            let mut p = Plan {
                created_at: w.at(),
                created_by: w.actor().uid.clone(),
                ..plan.clone()
            };
            p.id = store::insert_plan(w, &p)?;
            store::insert_plan_officers(w, p.id, &pool)?;
            let mut after = json(&p);
            after["officers"] = serde_json::json!(pool);
            w.audit_json("create", "draw_plan", &p.uid, None, Some(&after))?;
            Ok(p)
        })
    }

    /// What a draft plan would draw if created and run now; nothing is written.
    pub fn preview_draft(&self, d: &PlanDraft, officers: &[i64]) -> Result<DrawPreview> {
        let (plan, _) = self.vet_plan(d, officers)?;
        self.preview_plan(plan)
    }

    /// Checks a draft plan and its pool; returns the plan as it would be stored (not yet saved).
    fn vet_plan(&self, d: &PlanDraft, officers: &[i64]) -> Result<(Plan, Vec<i64>)> {
        self.require(Action::DrawManage)?;
        if d.name.trim().is_empty() {
            return Err(refused(
                Text::new(T::InspectionErrRequired).arg_key("field", T::DrawFieldName),
            ));
        }
        if !["all", "key", "general"].contains(&d.class.as_str()) {
            return Err(refused(Text::new(T::DrawErrClass)));
        }
        if d.ratio_pct == 0 && d.count == 0 || d.ratio_pct > 100 {
            return Err(refused(Text::new(T::DrawErrSize)));
        }
        let known: Vec<String> = self.regions()?.into_iter().map(|r| r.code).collect();
        let mut regions: Vec<String> = d.regions.iter().map(|r| r.trim().to_string()).collect();
        regions.retain(|r| !r.is_empty());
        if let Some(bad) = regions.iter().find(|r| !known.contains(r)) {
            return Err(refused(Text::new(T::DrawErrRegion).arg("region", bad)));
        }
        if let Some(own) = &self.actor.region {
            if regions.iter().any(|r| r != own) {
                return Err(ServiceError::NotFound);
            }
            regions = vec![own.clone()];
        }
        if let Some(issue) =
            crate::domain::inspection::times::draw(&self.time_now(), Day::new(d.planned_on))
        {
            return Err(ServiceError::Invalid(vec![issue]));
        }
        let pool = self.vet_pool(officers, d.planned_on)?;
        let plan = Plan {
            id: 0,
            uid: new_uid(),
            name: d.name.trim().to_string(),
            regions,
            class: d.class.clone(),
            ratio_pct: d.ratio_pct,
            count: d.count,
            listed_policy: if d
                .listed_offsite
                .unwrap_or(self.policy().listed_draw_offsite())
            {
                "offsite"
            } else {
                "exclude"
            }
            .to_string(),
            planned_on: Day::new(d.planned_on),
            created_at: crate::domain::time::Instant::new(self.now()),
            created_by: self.actor.uid.clone(),
        };
        Ok((plan, pool))
    }

    pub fn plans(&self) -> Result<Vec<Plan>> {
        self.require(Action::DrawRead)?;
        Ok(store::plans(&self.conn)?
            .into_iter()
            .filter(|p| self.plan_in_scope(p))
            .collect())
    }

    fn plan_in_scope(&self, p: &Plan) -> bool {
        match &self.actor.region {
            None => true,
            Some(own) => p.regions.iter().all(|r| r == own) && !p.regions.is_empty(),
        }
    }

    /// Exclusions before the draw: closed, cap reached, listed (when the policy excludes them), an open
    /// inspection (计划中 / 待检查 / 检查中), drawn already by a plan of the same quarter.
    fn candidates(&self, plan: &Plan) -> Result<Candidates> {
        let on = plan.planned_on.date();
        let counts = store::routine_counts(&self.conn, on.year())?;
        let open = rules_store::open_inspection_enterprises(&self.conn)?;
        let (from, to) = quarter_of(on);
        let drawn = rules_store::drawn_between(
            &self.conn,
            &from.format("%Y-%m-%d").to_string(),
            &to.format("%Y-%m-%d").to_string(),
        )?;
        let mut c = Candidates {
            list: Vec::new(),
            excluded: Vec::new(),
            regions_of: HashMap::new(),
            listed: HashSet::new(),
        };
        for e in store::eligible_enterprises(&self.conn, &plan.regions, &plan.class)? {
            let done = counts.get(&e.enterprise_id).copied().unwrap_or(0);
            let reason = if e.closed {
                Some("closed")
            } else if done >= self.policy.routine_cap(&e.credit) {
                Some("cap")
            } else if e.listed && plan.listed_policy == "exclude" {
                Some("listed")
            } else if open.contains(&e.enterprise_id) {
                Some("open")
            } else if drawn.contains(&e.enterprise_id) {
                Some("drawn")
            } else {
                None
            };
            match reason {
                Some(r) => c.excluded.push((e.enterprise_id, r)),
                None => {
                    if e.listed {
                        c.listed.insert(e.enterprise_id);
                    }
                    c.regions_of.insert(e.enterprise_id, e.region_code.clone());
                    c.list.push((e.enterprise_id, e.uscc));
                }
            }
        }
        Ok(c)
    }

    /// What running the plan now would do: candidates, exclusions and how many would be drawn.
    pub fn preview(&self, plan_id: i64) -> Result<DrawPreview> {
        self.require(Action::DrawManage)?;
        let plan = store::plan(&self.conn, plan_id)?;
        if !self.plan_in_scope(&plan) {
            return Err(ServiceError::NotFound);
        }
        self.preview_plan(plan)
    }

    fn preview_plan(&self, plan: Plan) -> Result<DrawPreview> {
        let c = self.candidates(&plan)?;
        let mut exclusions: Vec<(String, i64)> = Vec::new();
        for (_, r) in &c.excluded {
            match exclusions.iter_mut().find(|(x, _)| x == r) {
                Some((_, n)) => *n += 1,
                None => exclusions.push((r.to_string(), 1)),
            }
        }
        exclusions.sort();
        Ok(DrawPreview {
            candidates: c.list.len(),
            to_draw: draw_size(c.list.len(), plan.ratio_pct, plan.count),
            short: plan.count as usize > c.list.len(),
            exclusions,
            plan,
        })
    }

    /// Runs a plan with a fresh OS seed. Refused when the plan's count is above the candidates, until
    /// the person has seen that and confirmed (`run_confirmed`).
    pub fn run(&self, plan_id: i64) -> Result<DrawDetail> {
        let seed = os_seed()?;
        self.run_seeded_with(plan_id, seed, false)
    }

    /// Runs a plan the person confirmed after its preview: a count above the candidates draws them all.
    pub fn run_confirmed(&self, plan_id: i64) -> Result<DrawDetail> {
        let seed = os_seed()?;
        self.run_seeded_with(plan_id, seed, true)
    }

    /// Runs a plan with a given seed (the seed is stored; `run` takes it from the OS).
    pub fn run_seeded(&self, plan_id: i64, seed: [u8; 32]) -> Result<DrawDetail> {
        self.run_seeded_with(plan_id, seed, false)
    }

    fn run_seeded_with(
        &self,
        plan_id: i64,
        seed: [u8; 32],
        accept_fewer: bool,
    ) -> Result<DrawDetail> {
        self.require(Action::DrawManage)?;
        let plan = store::plan(&self.conn, plan_id)?;
        if !self.plan_in_scope(&plan) {
            return Err(ServiceError::NotFound);
        }
        let on = plan.planned_on.date();
        let Candidates {
            list: candidates,
            excluded,
            regions_of,
            listed,
        } = self.candidates(&plan)?;
        if plan.count as usize > candidates.len() && !accept_fewer {
            return Err(refused(
                Text::new(T::DrawErrCountAbove)
                    .arg("count", plan.count)
                    .arg("n", candidates.len())
                    .arg("excluded", excluded.len()),
            ));
        }
        let k = draw_size(candidates.len(), plan.ratio_pct, plan.count);
        let drawn = sample(&seed, candidates.len(), k);
        // Officer pool: certified inspectors valid on the date, paired away from recusals and across
        // regions they do not serve, least loaded first.
        // The plan's chosen officers only, when it names them.
        let chosen = store::plan_officers(&self.conn, plan_id)?;
        let mut pool = Vec::new();
        let mut officer_region: HashMap<i64, Option<String>> = HashMap::new();
        for u in account::list(&self.conn)? {
            if !u.roles.contains(&Role::Inspector) || !chosen.is_empty() && !chosen.contains(&u.id)
            {
                continue;
            }
            let (cands, _) = resolve_officers(&self.conn, &[u.id], on)?;
            if cands
                .first()
                .is_some_and(|c| officer_problem(c, on).is_none())
            {
                let load = insp::open_load(&self.conn, u.id)?;
                pool.push(PoolOfficer {
                    user_id: u.id,
                    load: u32::try_from(load).unwrap_or(u32::MAX),
                });
                officer_region.insert(u.id, u.region.clone());
            }
        }
        let recusals: HashSet<(i64, i64)> = insp::all_recusals(&self.conn)?.into_iter().collect();
        let drawn_ids: Vec<i64> = drawn.iter().map(|&p| candidates[p].0).collect();
        let pairs = assign_pairs(&pool, &drawn_ids, |u, e| {
            recusals.contains(&(u, e))
                || officer_region
                    .get(&u)
                    .and_then(|r| r.as_ref())
                    .is_some_and(|r| regions_of.get(&e) != Some(r))
        });
        let mut snapshots = Vec::new();
        for pair in &pairs {
            snapshots.push(match pair {
                Some((a, b)) => resolve_officers(&self.conn, &[*a, *b], on)?.1,
                None => Vec::new(),
            });
        }
        let hash = candidates_hash(candidates.iter().map(|c| c.1.as_str()));
        let draw_id = self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let mut d = Draw {
                id: 0,
                uid: new_uid(),
                plan_id,
                plan_name: plan.name.clone(),
                algorithm: ALGORITHM.to_string(),
                seed_hex: hex::encode(seed),
                candidate_count: candidates.len() as i64,
                candidate_sha256: hash.clone(),
                drawn_count: drawn.len() as i64,
                operator_uid: actor.uid.clone(),
                operator_name: actor.display_name.clone(),
                at: w.at(),
            };
            d.id = store::insert_draw(w, &d)?;
            store::insert_candidates(w, d.id, &candidates)?;
            for (e, reason) in &excluded {
                if matches!(*reason, "open" | "drawn") {
                    rules_store::insert_exclusion_rule(w, d.id, *e, reason)?;
                } else {
                    store::insert_exclusion(w, d.id, *e, reason)?;
                }
            }
            for (rank, &pos) in drawn.iter().enumerate() {
                let (eid, uscc) = &candidates[pos];
                let region = regions_of.get(eid).cloned().unwrap_or_default();
                let mode = if listed.contains(eid) {
                    Mode::Offsite
                } else {
                    Mode::Onsite
                };
                let officers = &snapshots[rank];
                let state = if officers.is_empty() {
                    InspectionState::Planned
                } else {
                    InspectionState::Pending
                };
                let number = insp::next_number(w, &region, on.year())?;
                let uid = new_uid();
                let iid = insp::insert(
                    w,
                    &NewInspection {
                        uid: &uid,
                        number: &number,
                        enterprise_id: *eid,
                        region_code: &region,
                        category: Category::Random,
                        mode,
                        trigger_ref: "",
                        place: "",
                        planned_on: plan.planned_on,
                        state,
                        recusal_reason: "",
                        parent_id: None,
                        draw_id: Some(d.id),
                    },
                    &actor.uid,
                    now,
                )?;
                insp::set_officers(w, iid, officers)?;
                crate::store::history::append(
                    w,
                    crate::store::history::Table::Inspection,
                    &crate::store::history::NewRow {
                        id: iid,
                        event: "draw",
                        from: state.code(),
                        to: state.code(),
                        note: &plan.name,
                        at: now,
                        by_uid: &actor.uid,
                        by_name: &actor.display_name,
                    },
                )?;
                w.audit("create", None, &insp::get(w, iid)?)?;
                let row = ResultRow {
                    rank: rank as i64,
                    position: pos as i64,
                    enterprise_id: *eid,
                    uscc: uscc.clone(),
                    enterprise_name: String::new(),
                    region_code: region,
                    mode: mode.code().to_string(),
                    officers: String::new(),
                    inspection_id: Some(iid),
                    inspection_number: number,
                    inspection_state: String::new(),
                    conclusion: String::new(),
                };
                store::insert_result(w, d.id, &row, pairs[rank])?;
            }
            w.audit("create", None, &d)?;
            Ok(d.id)
        })?;
        self.detail(draw_id)
    }

    /// All draws (newest first) within the actor's scope.
    pub fn list(&self) -> Result<Vec<Draw>> {
        self.require(Action::DrawRead)?;
        let plans: HashSet<i64> = self.plans()?.iter().map(|p| p.id).collect();
        Ok(store::draws(&self.conn)?
            .into_iter()
            .filter(|d| plans.contains(&d.plan_id))
            .collect())
    }

    pub fn detail(&self, id: i64) -> Result<DrawDetail> {
        self.require(Action::DrawRead)?;
        let d = store::draw(&self.conn, id)?.ok_or(ServiceError::NotFound)?;
        let plan = store::plan(&self.conn, d.plan_id)?;
        if !self.plan_in_scope(&plan) {
            return Err(ServiceError::NotFound);
        }
        Ok(DrawDetail {
            results: store::results(&self.conn, id)?,
            exclusions: store::exclusion_counts(&self.conn, id)?,
            draw: d,
            plan,
        })
    }
}
pub use crate::service::inspection::draw_verify::{VerifyReport, verify_at};
