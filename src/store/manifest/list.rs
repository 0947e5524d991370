//! Manifest lists: keyset pages (newest first) and counts, filtered in SQL by scope, state, alert,
//! party and transfer dates, so a list of 200k manifests never loads whole.

use crate::domain::manifest::ManifestState;
use crate::domain::manifest::deadlines::{Cutoffs, ManifestAlert};
use crate::domain::time::Day;
use crate::store::db::Result;
use crate::store::enterprise::list::Scope;
use crate::store::manifest::{Manifest, alert_sql};
use crate::store::sql::Where;
use rusqlite::Connection;
use rusqlite::types::Value;

/// What a list shows. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub state: Option<ManifestState>,
    pub alert: Option<ManifestAlert>,
    /// Manifests this enterprise sent or received (the 360° view).
    pub enterprise_id: Option<i64>,
    /// Transfer date range, inclusive, `YYYY-MM-DD`.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Keyset: only manifests with a smaller id (the last row of the previous page).
    pub before_id: Option<i64>,
    /// The `/` find: the generator's or receiver's name, pinyin initials or USCC, or the number.
    pub find: String,
}

/// The scope condition: an enterprise sees what it sent and what was sent to it (not others' drafts,
/// nor drafts cancelled before they were submitted);
/// branch staff see manifests whose generator or receiver is in their region.
fn scope_terms(scope: &Scope, w: &mut Where) {
    if let Some(e) = scope.enterprise_id {
        w.and(
            "(m.generator_id = ?1 OR (m.receiver_id = ?1 AND m.state <> 'draft'
                AND (m.state <> 'cancelled' OR m.submitted_at IS NOT NULL)))",
            [e.into()],
        );
    }
    if let Some(r) = &scope.region {
        w.and(
            "(m.region_code = ?1 OR m.receiver_region = ?1)",
            [r.clone().into()],
        );
    }
}

/// The ` WHERE …` of a scope and filter; its parameters follow those already in `args`.
pub(crate) fn where_sql(
    scope: &Scope,
    f: &ListFilter,
    cut: &Cutoffs,
    args: &mut Vec<Value>,
) -> String {
    let mut w = Where::after(std::mem::take(args), "1 = 1");
    scope_terms(scope, &mut w);
    if let Some(s) = f.state {
        // Codes are compile-time constants, never input.
        w.and(&format!("m.state = '{}'", s.code()), []);
    }
    if let Some(a) = f.alert {
        w.and(&alert_sql(a, cut), []);
    }
    if let Some(e) = f.enterprise_id {
        w.and("(m.generator_id = ?1 OR m.receiver_id = ?1)", [e.into()]);
    }
    if let Some(from) = f.from {
        w.and("m.transfer_date >= ?", [from.to_string().into()]);
    }
    if let Some(to) = f.to {
        w.and("m.transfer_date <= ?", [to.to_string().into()]);
    }
    if let Some(b) = f.before_id {
        w.and("m.id < ?", [b.into()]);
    }
    if let Some((cond, values)) = crate::store::enterprise::list::find_terms_any(
        &["m.generator_id", "m.receiver_id"],
        "m.number",
        &f.find,
    ) {
        w.and(&cond, values);
    }
    let (sql, values) = w.finish();
    *args = values;
    format!(" WHERE {sql}")
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
