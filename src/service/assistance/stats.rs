//! 点单式帮扶 statistics within the actor's scope (for supervisors' reports): counts by state, region and
//! service; mean response and completion in working days; on-time, satisfaction and reopen rates.
//! Computed from the stored times and the calendar, like the SLA.

use crate::domain::assistance::{AssistanceState, Rating};
use crate::domain::calendar::Calendar;
use crate::domain::time::Instant;
use crate::service::Result;
use crate::service::assistance::local_date;
use crate::store::assistance::{self as store, ListFilter, Request};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AssistanceStats {
    pub total: usize,
    pub by_state: Vec<(AssistanceState, usize)>,
    pub by_region: Vec<(String, usize)>,
    /// By service code (a request with two services counts for both).
    pub by_service: Vec<(String, usize)>,
    /// Working days from 提交 to 受理, over accepted requests.
    pub mean_response_days: Option<f64>,
    /// Working days from 受理 (or the latest reopening) to 办结, suspended days not counted.
    pub mean_completion_days: Option<f64>,
    /// Completed within the budget of their urgency, over completed requests.
    pub on_time_rate: Option<f64>,
    /// 非常满意, 满意 or 基本满意 over rated requests (未评价 not counted).
    pub satisfaction_rate: Option<f64>,
    /// Reopened at least once, over requests that were ever completed.
    pub reopen_rate: Option<f64>,
}

/// More requests than any bureau files; the list is in scope, so this bounds only bad data.
const STATS_LIMIT: usize = 10_000_000;

fn mean(v: &[u32]) -> Option<f64> {
    (!v.is_empty()).then(|| f64::from(v.iter().sum::<u32>()) / v.len() as f64)
}

fn rate(hits: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| hits as f64 / of as f64)
}

fn counted<K: Ord + Clone>(keys: impl Iterator<Item = K>) -> Vec<(K, usize)> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_insert(0) += 1;
    }
    m.into_iter().collect()
}

impl crate::service::Assistance<'_> {
    pub fn stats(&self) -> Result<AssistanceStats> {
        let rows: Vec<Request> = self
            .list(&ListFilter::default(), STATS_LIMIT)?
            .into_iter()
            .map(|r| r.request)
            .collect();
        let cal = self.calendar()?;
        let budgets = self.budgets();
        let mut services = Vec::new();
        let mut response = Vec::new();
        let mut completion = Vec::new();
        let mut on_time = 0;
        for r in &rows {
            services.extend(store::services(&self.conn, r.id)?.into_iter().map(|s| s.0));
            let date = |t: &Option<Instant>| t.map(|t| t.local_day().date());
            if let (Some(s), Some(a)) = (date(&r.submitted_at), date(&r.accepted_at)) {
                response.push(cal.working_days_between(s, a));
            }
            if let (Some(start), Some(done)) = (date(&r.clock_started_at), date(&r.completed_at)) {
                let days = self.completion_days(r.id, start, done, &cal)?;
                completion.push(days);
                if days <= budgets.completion(r.urgency) {
                    on_time += 1;
                }
            }
        }
        let rated: Vec<Rating> = rows
            .iter()
            .filter_map(|r| r.rating)
            .filter(|r| *r != Rating::Unrated)
            .collect();
        let satisfied = rated.iter().filter(|r| !r.is_poor()).count();
        let ever_completed = rows
            .iter()
            .filter(|r| r.completed_at.is_some() || r.rating.is_some())
            .count();
        let reopened = rows.iter().filter(|r| r.reopen_count > 0).count();
        Ok(AssistanceStats {
            total: rows.len(),
            by_state: counted(rows.iter().map(|r| r.state.code()))
                .into_iter()
                .filter_map(|(c, n)| Some((AssistanceState::parse(c)?, n)))
                .collect(),
            by_region: counted(rows.iter().map(|r| r.region_code.clone())),
            by_service: counted(services.into_iter()),
            mean_response_days: mean(&response),
            mean_completion_days: mean(&completion),
            on_time_rate: rate(on_time, completion.len()),
            satisfaction_rate: rate(satisfied, rated.len()),
            reopen_rate: rate(reopened, ever_completed),
        })
    }

    /// Working days from `start` to `done`, less those suspended in between.
    pub(crate) fn completion_days(
        &self,
        id: i64,
        start: chrono::NaiveDate,
        done: chrono::NaiveDate,
        cal: &Calendar,
    ) -> Result<u32> {
        let paused: u32 = store::suspensions(&self.conn, id)?
            .into_iter()
            .filter_map(|(from, to)| Some((local_date(&from)?, to.as_deref().and_then(local_date))))
            .filter(|(from, _)| *from >= start)
            .map(|(from, to)| cal.working_days_between(from, to.unwrap_or(done).min(done)))
            .sum();
        Ok(cal.working_days_between(start, done).saturating_sub(paused))
    }
}
