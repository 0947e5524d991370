//! 帮扶 queues and home counts paged and counted in SQL. Near-due and overdue are selected by the
//! alert dates stored with each request (`domain::assistance_sla::alert_dates`), refreshed in the
//! transaction of every change, and recomputed for all running requests when the budgets or the
//! calendar they were computed on change (an administrator's settings or calendar import).

use crate::domain::account::Action;
use crate::domain::assistance::AssistanceState;
use crate::domain::assistance::sla::{Budgets, alert_dates};
use crate::domain::calendar::Calendar;
use crate::service::Result;
use crate::service::assistance::{Queue, QueueCounts, QueueRow, sla_facts};
use crate::store::assistance::queue::{self as store, QueueCursor, QueueKind};
use crate::store::assistance::{self as requests, Request};
use rusqlite::Connection;

fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A page of a queue, and where the next one starts (`None`: this was the last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuePage {
    pub rows: Vec<QueueRow>,
    pub next: Option<QueueCursor>,
}

impl crate::service::Assistance<'_> {
    /// The budgets and calendar the stored alert dates depend on, as one string.
    fn sla_basis(&self) -> Result<String> {
        Ok(format!(
            "{:?}|{}",
            self.budgets(),
            store::calendar_fingerprint(&self.conn)?
        ))
    }

    /// Recomputes every running request's alert dates when the budgets or calendar changed since
    /// they were stored (and on the first read after the upgrade that added them). Derived data, not
    /// a business change: not audited.
    pub(crate) fn ensure_alert_dates(&self) -> Result<()> {
        let basis = self.sla_basis()?;
        if store::basis(&self.conn)?.as_deref() == Some(basis.as_str()) {
            return Ok(());
        }
        let cal = self.calendar()?;
        let budgets = self.budgets();
        // IMMEDIATE: two processes seeing stale dates at once take turns instead of failing.
        self.write(|w| {
            if store::basis(w)?.as_deref() == Some(basis.as_str()) {
                return Ok(());
            }
            let rows = store::running(w)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let mut suspensions = store::suspensions_of(w, &ids)?;
            for r in rows {
                let dates = dates_of(
                    &r,
                    suspensions.remove(&r.id).unwrap_or_default(),
                    &budgets,
                    &cal,
                );
                store::set_alert_dates(w, r.id, dates)?;
            }
            store::set_basis(w, &basis)?;
            Ok(())
        })
    }

    /// One page of a queue in the actor's scope: by state newest first; near due and overdue soonest
    /// due first.
    pub fn queue_page(
        &self,
        queue: Queue,
        after: Option<&QueueCursor>,
        limit: usize,
    ) -> Result<QueuePage> {
        self.queue_find(queue, "", after, limit)
    }

    /// A page of a queue narrowed by a `/` find: the enterprise's name, pinyin initials or USCC (as
    /// the register searches), or part of the request number.
    pub fn queue_find(
        &self,
        queue: Queue,
        find: &str,
        after: Option<&QueueCursor>,
        limit: usize,
    ) -> Result<QueuePage> {
        self.require(Action::AssistanceRead)?;
        self.ensure_alert_dates()?;
        let today = day(self.today());
        let kind = match queue {
            Queue::State(s) => QueueKind::State(s),
            Queue::All => QueueKind::All,
            Queue::NearDue => QueueKind::NearDue { today },
            Queue::Overdue => QueueKind::Overdue { today },
        };
        let mut rows = store::page(
            &self.conn,
            &self.enterprises().scope(),
            &kind,
            find,
            after,
            limit + 1,
        )?;
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next = rows
            .last()
            .filter(|_| more)
            .map(|(r, due)| QueueCursor::after(r, due.clone()));
        let rows = self.with_sla(rows.into_iter().map(|(r, _)| r).collect())?;
        Ok(QueuePage { rows, next })
    }

    /// The first `limit` rows of a queue.
    pub fn queue(&self, queue: Queue, limit: usize) -> Result<Vec<QueueRow>> {
        Ok(self.queue_page(queue, None, limit)?.rows)
    }

    /// Queue sizes and SLA alerts for the home screen, counted in SQL without loading rows.
    pub fn counts(&self) -> Result<QueueCounts> {
        self.require(Action::AssistanceRead)?;
        self.ensure_alert_dates()?;
        let tabs: Vec<AssistanceState> = Queue::TABS
            .iter()
            .filter_map(|q| match q {
                Queue::State(s) => Some(*s),
                _ => None,
            })
            .collect();
        let (by_state, near, overdue) = store::counts(
            &self.conn,
            &self.enterprises().scope(),
            &day(self.today()),
            &tabs,
        )?;
        let n = |s: AssistanceState| {
            by_state
                .iter()
                .find(|(code, _)| code == s.code())
                .map_or(0, |(_, n)| usize::try_from(*n).unwrap_or(0))
        };
        Ok(QueueCounts {
            by_state: tabs.iter().map(|s| (*s, n(*s))).collect(),
            near_due: usize::try_from(near).unwrap_or(0),
            overdue: usize::try_from(overdue).unwrap_or(0),
        })
    }
}

pub(crate) fn dates_of(
    r: &Request,
    suspensions: Vec<(String, Option<String>)>,
    budgets: &Budgets,
    cal: &Calendar,
) -> Option<(String, String)> {
    let facts = sla_facts(r, suspensions);
    alert_dates(&facts, budgets, cal).map(|(w, d)| (day(w), day(d)))
}

/// Stores a request's alert dates as it is now, inside the transaction that changed it.
pub(in crate::service) fn refresh_alert_dates(
    tx: &Connection,
    id: i64,
    budgets: &Budgets,
    cal: &Calendar,
) -> crate::store::db::Result<()> {
    let r = requests::get(tx, id)?;
    let dates = dates_of(&r, requests::suspensions(tx, id)?, budgets, cal);
    store::set_alert_dates(tx, id, dates)
}
