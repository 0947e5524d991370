//! Manifest lists: keyset pages (newest first) and counts, filtered in SQL by scope, state, alert,
//! party and transfer dates, so a list of 200k manifests never loads whole.

use crate::domain::manifest::MfState;
use crate::domain::manifest::deadlines::{Cutoffs, MfAlert};
use crate::store::db::Result;
use crate::store::enterprise::list::Scope;
use crate::store::manifest::{Manifest, alert_sql};
use rusqlite::Connection;
use rusqlite::types::Value;

/// What a list shows. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub state: Option<MfState>,
    pub alert: Option<MfAlert>,
    /// Manifests this enterprise sent or received (the 360° view).
    pub enterprise_id: Option<i64>,
    /// Transfer date range, inclusive, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Keyset: only manifests with a smaller id (the last row of the previous page).
    pub before_id: Option<i64>,
}

/// The scope condition: an enterprise sees what it sent and what was sent to it (not others' drafts);
/// branch staff see manifests whose generator or receiver is in their region.
pub fn scope_sql(scope: &Scope, args: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    if let Some(e) = scope.enterprise_id {
        args.push(e.into());
        let n = args.len();
        sql.push_str(&format!(
            " AND (m.generator_id = ?{n} OR (m.receiver_id = ?{n} AND m.state <> 'draft'))"
        ));
    }
    if let Some(r) = &scope.region {
        args.push(r.clone().into());
        let n = args.len();
        sql.push_str(&format!(
            " AND (m.region_code = ?{n} OR m.receiver_region = ?{n})"
        ));
    }
    sql
}

pub(crate) fn where_sql(
    scope: &Scope,
    f: &ListFilter,
    cut: &Cutoffs,
    args: &mut Vec<Value>,
) -> String {
    let mut sql = String::from(" WHERE 1 = 1");
    sql.push_str(&scope_sql(scope, args));
    if let Some(s) = f.state {
        // Codes are compile-time constants, never input.
        sql.push_str(&format!(" AND m.state = '{}'", s.code()));
    }
    if let Some(a) = f.alert {
        sql.push_str(&format!(" AND {}", alert_sql(a, cut)));
    }
    if let Some(e) = f.enterprise_id {
        args.push(e.into());
        let n = args.len();
        sql.push_str(&format!(
            " AND (m.generator_id = ?{n} OR m.receiver_id = ?{n})"
        ));
    }
    if let Some(from) = &f.from {
        args.push(from.clone().into());
        sql.push_str(&format!(" AND m.transfer_date >= ?{}", args.len()));
    }
    if let Some(to) = &f.to {
        args.push(to.clone().into());
        sql.push_str(&format!(" AND m.transfer_date <= ?{}", args.len()));
    }
    if let Some(b) = f.before_id {
        args.push(b.into());
        sql.push_str(&format!(" AND m.id < ?{}", args.len()));
    }
    sql
}

/// The SQL of one page: the page's ids first (from an index alone where one covers the filter), then
/// the full rows of those ids only. A filter whose matches must be sorted (overdue receipts: 12k at
/// province scale) would otherwise compute every match's full row, its generator and its line total
/// before the sort kept 50 of them (88 ms; 137 ms for a branch).
fn page_sql(
    scope: &Scope,
    f: &ListFilter,
    cut: &Cutoffs,
    limit: usize,
    args: &mut Vec<Value>,
) -> String {
    let cond = where_sql(scope, f, cut, args);
    format!(
        "{} WHERE m.id IN (SELECT m.id FROM manifest m{cond} ORDER BY m.id DESC LIMIT {limit})
         ORDER BY m.id DESC",
        crate::store::manifest::select_sql()
    )
}

/// One page, newest first.
pub fn list(
    conn: &Connection,
    scope: &Scope,
    f: &ListFilter,
    cut: &Cutoffs,
    limit: usize,
) -> Result<Vec<Manifest>> {
    let mut args = Vec::new();
    let sql = page_sql(scope, f, cut, limit, &mut args);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(
        rusqlite::params_from_iter(args),
        crate::store::manifest::read_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many manifests match (the page is ignored).
pub fn count(conn: &Connection, scope: &Scope, f: &ListFilter, cut: &Cutoffs) -> Result<i64> {
    let mut args = Vec::new();
    let f = ListFilter {
        before_id: None,
        ..f.clone()
    };
    let cond = where_sql(scope, &f, cut, &mut args);
    Ok(conn.query_row(
        &format!("SELECT COUNT(*) FROM manifest m{cond}"),
        rusqlite::params_from_iter(args),
        |r| r.get(0),
    )?)
}

/// How many manifests match, counted up to `cap` only: the list's figure, which must stay fast when
/// millions match (an exact count walks every matching row, 2M index entries for "all" at province
/// scale, and every table row when a branch's scope tests the regions). It walks the rows in the page's
/// order (newest first), so it reads the rows the first pages read, not the state's rows in any order.
pub fn count_upto(
    conn: &Connection,
    scope: &Scope,
    f: &ListFilter,
    cut: &Cutoffs,
    cap: i64,
) -> Result<i64> {
    let mut args = Vec::new();
    let f = ListFilter {
        before_id: None,
        ..f.clone()
    };
    Ok(conn.query_row(
        &count_upto_sql(scope, &f, cut, cap, &mut args),
        rusqlite::params_from_iter(args),
        |r| r.get(0),
    )?)
}

fn count_upto_sql(
    scope: &Scope,
    f: &ListFilter,
    cut: &Cutoffs,
    cap: i64,
    args: &mut Vec<Value>,
) -> String {
    let cond = where_sql(scope, f, cut, args);
    format!("SELECT COUNT(*) FROM (SELECT 1 FROM manifest m{cond} ORDER BY m.id DESC LIMIT {cap})")
}

// performance: the query plans of the home screen's manifest counts
#[cfg(test)]
#[path = "list_plans.rs"]
mod plans;
