//! 帮扶 queues paged and counted in SQL: by state newest first (keyset on the id), and near due /
//! overdue soonest due first (keyset on the stored due date and id), with the indexes of migration 5.
//! Also the stored alert dates and the basis they were computed on.

use crate::domain::assistance::AssistanceState;
use crate::store::assistance::{Request, SELECT, read};
use crate::store::db::Result;
use crate::store::enterprise::list::Scope;
use crate::store::sql::Where;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use std::collections::HashMap;

/// Which rows a queue page holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueueKind {
    State(AssistanceState),
    /// Every request in scope (drafts only for the enterprise's own account).
    All,
    /// Clock running, from the near-due date up to the due date (`today`, YYYY-MM-DD).
    NearDue {
        today: String,
    },
    /// Clock running, due date passed.
    Overdue {
        today: String,
    },
}

/// Where the next page starts: after this row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueCursor {
    pub due_on: Option<String>,
    pub id: i64,
}

impl QueueCursor {
    pub fn after(r: &Request, due_on: Option<String>) -> QueueCursor {
        QueueCursor { due_on, id: r.id }
    }
}

/// The scope terms, shared by pages, counts and the request list.
pub(super) fn scope_terms(scope: &Scope, w: &mut Where) {
    if let Some(region) = &scope.region {
        w.and("r.region_code = ?", [region.clone().into()]);
    }
    match scope.enterprise_id {
        Some(e) => w.and("r.enterprise_id = ?", [e.into()]),
        // A draft is the enterprise's own until submitted.
        None => w.and("r.state <> 'draft'", []),
    };
}

/// The SQL of one page, with its arguments (also used by the query-plan tests).
pub fn page_sql(
    scope: &Scope,
    kind: &QueueKind,
    after: Option<&QueueCursor>,
    limit: usize,
) -> (String, Vec<Value>) {
    page_sql_find(scope, kind, "", after, limit)
}

/// [`page_sql`] with a `/` find: the enterprise (as the register searches) or the request number.
pub fn page_sql_find(
    scope: &Scope,
    kind: &QueueKind,
    find: &str,
    after: Option<&QueueCursor>,
    limit: usize,
) -> (String, Vec<Value>) {
    let mut w = Where::new("r.deleted_at IS NULL");
    scope_terms(scope, &mut w);
    if let Some((cond, values)) =
        crate::store::enterprise::list::find_terms("r.enterprise_id", "r.number", find)
    {
        w.and(&cond, values);
    }
    let by_due = match kind {
        QueueKind::State(s) => {
            // State codes are compile-time constants, never input.
            w.and(&format!("r.state = '{}'", s.code()), []);
            false
        }
        QueueKind::All => false,
        QueueKind::NearDue { today } => {
            w.and(
                "r.sla_due_on IS NOT NULL AND r.sla_due_on >= ?1 AND r.sla_warn_on <= ?1",
                [today.clone().into()],
            );
            true
        }
        QueueKind::Overdue { today } => {
            w.and(
                "r.sla_due_on IS NOT NULL AND r.sla_due_on < ?",
                [today.clone().into()],
            );
            true
        }
    };
    let order = if by_due {
        if let Some(c) = after {
            w.and(
                "(r.sla_due_on, r.id) > (?, ?)",
                [c.due_on.clone().unwrap_or_default().into(), c.id.into()],
            );
        }
        "r.sla_due_on, r.id"
    } else {
        if let Some(c) = after {
            w.and("r.id < ?", [c.id.into()]);
        }
        "r.id DESC"
    };
    let (wh, args) = w.finish();
    (
        format!("{SELECT} WHERE {wh} ORDER BY {order} LIMIT {limit}"),
        args,
    )
}

/// One page of a queue, with each row's stored due date (the cursor of the next page).
pub fn page(
    conn: &Connection,
    scope: &Scope,
    kind: &QueueKind,
    find: &str,
    after: Option<&QueueCursor>,
    limit: usize,
) -> Result<Vec<(Request, Option<String>)>> {
    let (sql, args) = page_sql_find(scope, kind, find, after, limit);
    let sql = sql.replacen(
        " FROM assist_request r",
        ", r.sla_due_on FROM assist_request r",
        1,
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |row| {
        Ok((read(row)?, row.get::<_, Option<String>>(28)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// (rows per state code, near due, overdue).
pub type QueueCountRows = (Vec<(String, i64)>, i64, i64);

/// A request's suspensions as (suspended_at, resumed_at), stored UTC times.
pub type Suspensions = Vec<(String, Option<String>)>;

/// Requests per state in scope, and how many running clocks are near due and overdue on `today`:
/// counted in SQL, no row loaded.
/// Counts of the given states (the queue tabs: the open ones, so the year's closed requests are not
/// walked) and of the two alerts.
fn state_counts_sql(scope: &Scope, states: &[AssistanceState]) -> (String, Vec<Value>) {
    let mut w = Where::new("r.deleted_at IS NULL");
    scope_terms(scope, &mut w);
    let marks = vec!["?"; states.len()].join(", ");
    w.and(
        &format!("r.state IN ({marks})"),
        states.iter().map(|s| Value::from(s.code().to_string())),
    );
    let (wh, args) = w.finish();
    (
        format!("SELECT r.state, count(*) FROM assist_request r WHERE {wh} GROUP BY r.state"),
        args,
    )
}

pub fn counts(
    conn: &Connection,
    scope: &Scope,
    today: &str,
    states: &[AssistanceState],
) -> Result<QueueCountRows> {
    let (sql, args) = state_counts_sql(scope, states);
    let mut stmt = conn.prepare_cached(&sql)?;
    let by_state = stmt
        .query_map(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let alert = |kind: QueueKind| -> Result<i64> {
        let (sql, args) = page_sql(scope, &kind, None, 0);
        let from = sql.find(" FROM assist_request r").unwrap_or(0);
        let order = sql.find(" ORDER BY").unwrap_or(sql.len());
        let sql = format!("SELECT count(*){}", &sql[from..order]);
        let mut stmt = conn.prepare_cached(&sql)?;
        Ok(stmt.query_row(params_from_iter(args), |r| r.get(0))?)
    };
    let near = alert(QueueKind::NearDue {
        today: today.to_string(),
    })?;
    let overdue = alert(QueueKind::Overdue {
        today: today.to_string(),
    })?;
    Ok((by_state, near, overdue))
}

pub fn set_alert_dates(conn: &Connection, id: i64, dates: Option<(String, String)>) -> Result<()> {
    let (warn, due) = dates.unzip();
    conn.execute(
        "UPDATE assist_request SET sla_warn_on = ?2, sla_due_on = ?3 WHERE id = ?1",
        params![id, warn, due],
    )?;
    Ok(())
}

/// Every request whose clock may run (the recomputation of alert dates).
pub fn running(conn: &Connection) -> Result<Vec<Request>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE r.deleted_at IS NULL
         AND r.state IN ('submitted', 'accepted', 'in_progress', 'suspended')"
    ))?;
    let rows = stmt.query_map([], read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Suspensions of many requests at once, as (suspended_at, resumed_at) per request id.
pub fn suspensions_of(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, Suspensions>> {
    let mut out: HashMap<i64, Suspensions> = HashMap::new();
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare(&format!(
            "SELECT request_id, suspended_at, resumed_at FROM assist_suspension
             WHERE request_id IN ({marks}) ORDER BY request_id, id"
        ))?;
        let rows = stmt.query_map(params_from_iter(chunk), |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?))
        })?;
        for row in rows {
            let (id, from, to) = row?;
            out.entry(id).or_default().push((from, to));
        }
    }
    Ok(out)
}

pub fn basis(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT basis FROM assist_sla_basis WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_basis(conn: &Connection, basis: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO assist_sla_basis (id, basis) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET basis = excluded.basis",
        [basis],
    )?;
    Ok(())
}

/// The calendar as one string (its exception days and covered years): part of the SLA basis.
pub fn calendar_fingerprint(conn: &Connection) -> Result<String> {
    Ok(conn.query_row(
        "SELECT coalesce((SELECT group_concat(day || kind, ',') FROM
            (SELECT day, kind FROM calendar_day ORDER BY day)), '') || '|' ||
         coalesce((SELECT group_concat(year, ',') FROM (SELECT year FROM calendar_year ORDER BY year)), '')",
        [],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::enterprise::fixture::setup;

    /// Requests of enterprise 1 (its region) with (state, warn_on, due_on), ids 1.. in order.
    fn with_requests(rows: &[(&str, Option<&str>, Option<&str>)]) -> (Connection, String) {
        let conn = setup();
        let region: String = conn
            .query_row("SELECT region_code FROM enterprise WHERE id = 1", [], |r| {
                r.get(0)
            })
            .expect("region");
        for (i, (state, warn, due)) in rows.iter().enumerate() {
            conn.execute(
                "INSERT INTO assist_request (uid, number, enterprise_id, region_code, channel, urgency,
                    description, state, sla_warn_on, sla_due_on, created_at, created_by, updated_at,
                    updated_by)
                 VALUES (?1, ?2, 1, ?3, 'phone', 'normal', '咨询', ?4, ?5, ?6, '2026-11-29T00:00:00Z', 's', '2026-11-29T00:00:00Z', 's')",
                params![format!("u{i}"), format!("BF-{i}"), region, state, warn, due],
            )
            .expect("request");
        }
        (conn, region)
    }

    fn ids(rows: &[(Request, Option<String>)]) -> Vec<i64> {
        rows.iter().map(|(r, _)| r.id).collect()
    }

    #[test]
    fn queues_page_by_state_and_by_due_date_and_count_without_rows() {
        let (conn, region) = with_requests(&[
            ("submitted", Some("2026-11-30"), Some("2026-12-01")),
            ("in_progress", Some("2026-11-20"), Some("2026-11-25")),
            ("in_progress", Some("2026-11-28"), Some("2026-12-02")),
            ("suspended", None, None),
            ("in_progress", Some("2026-11-10"), Some("2026-11-12")),
            ("draft", None, None),
            ("in_progress", Some("2026-12-10"), Some("2026-12-14")),
        ]);
        let all = Scope::default();
        let today = "2026-11-30".to_string();
        let state = QueueKind::State(AssistanceState::InProgress);
        let first = page(&conn, &all, &state, "", None, 2).expect("page");
        assert_eq!(ids(&first), [7, 5]);
        let next = QueueCursor::after(&first[1].0, None);
        assert_eq!(
            ids(&page(&conn, &all, &state, "", Some(&next), 2).expect("page")),
            [3, 2]
        );
        // Overdue: most overdue first; near due: soonest due first; suspended in neither.
        let overdue = QueueKind::Overdue {
            today: today.clone(),
        };
        let first = page(&conn, &all, &overdue, "", None, 1).expect("page");
        assert_eq!(ids(&first), [5]);
        let next = QueueCursor::after(&first[0].0, first[0].1.clone());
        assert_eq!(
            ids(&page(&conn, &all, &overdue, "", Some(&next), 5).expect("page")),
            [2]
        );
        let near = QueueKind::NearDue {
            today: today.clone(),
        };
        assert_eq!(
            ids(&page(&conn, &all, &near, "", None, 5).expect("page")),
            [1, 3]
        );
        // Drafts are the enterprise's own; other regions see nothing.
        assert_eq!(
            ids(&page(&conn, &all, &QueueKind::All, "", None, 10).expect("page")).len(),
            6
        );
        let other = Scope {
            region: Some(format!("{region}X")),
            enterprise_id: None,
        };
        assert!(
            page(&conn, &other, &QueueKind::All, "", None, 10)
                .expect("page")
                .is_empty()
        );
        let open = [AssistanceState::Submitted, AssistanceState::InProgress];
        let (by_state, near, overdue) = counts(&conn, &all, &today, &open).expect("counts");
        assert_eq!((near, overdue), (2, 2));
        assert!(by_state.contains(&("in_progress".to_string(), 4)));
        assert!(!by_state.iter().any(|(s, _)| s == "draft"));
    }

    /// The home counts seek the open states in an index: a province's year of closed requests
    /// (300k) is never walked.
    #[test]
    fn state_counts_seek_the_open_states_in_an_index() {
        let (conn, region) =
            with_requests(&[("in_progress", Some("2026-11-20"), Some("2026-11-25"))]);
        let open = [AssistanceState::Submitted, AssistanceState::InProgress];
        for (scope, index) in [
            (Scope::default(), "assist_request_state_page"),
            (
                Scope {
                    region: Some(region),
                    enterprise_id: None,
                },
                "assist_request_state",
            ),
        ] {
            let (sql, args) = state_counts_sql(&scope, &open);
            let p = plan(&conn, &sql, args);
            assert!(
                p.contains(&format!("INDEX {index} (")) && p.contains("state=?"),
                "{p}"
            );
        }
    }

    fn plan(conn: &Connection, sql: &str, args: Vec<Value>) -> String {
        crate::store::db::query_plan(conn, sql, params_from_iter(args))
    }

    /// Every queue's pages, with and without a fixed region, walk an index in the queue's order: a
    /// temporary B-tree or a scan of every request would make the queue slow at city scale.
    #[test]
    fn queue_pages_use_the_ordered_indexes() {
        let (conn, region) =
            with_requests(&[("in_progress", Some("2026-11-20"), Some("2026-11-25"))]);
        let branch = Scope {
            region: Some(region),
            enterprise_id: None,
        };
        let today = "2026-11-30".to_string();
        let cases = [
            (
                QueueKind::State(AssistanceState::Submitted),
                "assist_request_state_page",
                "assist_request_state",
            ),
            (
                QueueKind::NearDue {
                    today: today.clone(),
                },
                "assist_request_due_page",
                "assist_request_region_due_page",
            ),
            (
                QueueKind::Overdue { today },
                "assist_request_due_page",
                "assist_request_region_due_page",
            ),
            (QueueKind::All, "", "assist_request_region_page"),
        ];
        let cursor = QueueCursor {
            due_on: Some("2026-11-25".into()),
            id: 1,
        };
        for (kind, all_regions, one_region) in cases {
            for (scope, index) in [
                (Scope::default(), all_regions),
                (branch.clone(), one_region),
            ] {
                for c in [None, Some(&cursor)] {
                    let (sql, args) = page_sql(&scope, &kind, c, 20);
                    let text = plan(&conn, &sql, args);
                    assert!(
                        !text.contains("TEMP B-TREE"),
                        "{kind:?} sorts in a temporary B-tree: {text}"
                    );
                    if index.is_empty() {
                        // Every region, newest first: the table itself in rowid order.
                        assert!(
                            text.starts_with("SCAN r")
                                || text.starts_with("SEARCH r USING INTEGER PRIMARY KEY"),
                            "{kind:?}: {text}"
                        );
                    } else {
                        assert!(
                            text.contains(&format!("INDEX {index} ")),
                            "{kind:?}: {index} not used: {text}"
                        );
                    }
                }
            }
        }
    }
}
