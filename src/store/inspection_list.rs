//! The inspection list: filters (state, category, region, officer, enterprise, overdue re-checks) as one
//! WHERE clause, keyset pages newest planned date first, and counts for the home screen. Every page walks
//! an ordered index; the officer filter probes `insp_officer` by its key (see the query-plan test).

use crate::domain::inspection::{Category, InspState};
use crate::store::db::Result;
use crate::store::enterprise_list::Scope;
use crate::store::inspection::{Inspection, SELECT, read};
use rusqlite::Connection;

/// What the inspection list shows; empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub state: Option<InspState>,
    pub category: Option<Category>,
    pub region: Option<String>,
    pub officer_id: Option<i64>,
    pub enterprise_id: Option<i64>,
    /// Re-checks (category 复查) still open and planned before this date: overdue re-checks.
    pub overdue_before: Option<String>,
    /// Enterprise accounts: only inspections that have started.
    pub started_only: bool,
}

type Args = Vec<Box<dyn rusqlite::ToSql>>;

/// The WHERE clause of a filter, with its arguments.
fn filter_sql(scope: &Scope, f: &ListFilter, after: Option<(&str, i64)>) -> (String, Args) {
    let mut sql = String::from(" WHERE i.deleted_at IS NULL");
    let mut args: Args = Vec::new();
    let mut push = |clause: &str, v: Box<dyn rusqlite::ToSql>| {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(r) = scope.region.clone().or(f.region.clone()) {
        push(" AND i.region_code = ?", Box::new(r));
    }
    if let Some(e) = scope.enterprise_id.or(f.enterprise_id) {
        push(" AND i.enterprise_id = ?", Box::new(e));
    }
    if let Some(s) = f.state {
        push(" AND i.state = ?", Box::new(s.code()));
    }
    if let Some(c) = f.category {
        push(" AND i.category = ?", Box::new(c.code()));
    }
    if let Some(o) = f.officer_id {
        push(
            " AND EXISTS (SELECT 1 FROM insp_officer o WHERE o.inspection_id = i.id AND o.user_id = ?)",
            Box::new(o),
        );
    }
    if let Some(d) = &f.overdue_before {
        push(
            " AND i.category = 'recheck' AND i.state IN ('planned', 'pending', 'in_progress') AND i.planned_on < ?",
            Box::new(d.clone()),
        );
    }
    if f.started_only {
        push(
            " AND i.state NOT IN ('planned', 'pending', ?)",
            Box::new("cancelled"),
        );
    }
    if let Some((d, id)) = after {
        push(" AND (i.planned_on < ?", Box::new(d.to_string()));
        push(" OR (i.planned_on = ?", Box::new(d.to_string()));
        push(" AND i.id < ?))", Box::new(id));
    }
    (sql, args)
}

/// The SQL of one page and its arguments (shared with the query-plan test).
fn page_sql(
    scope: &Scope,
    f: &ListFilter,
    after: Option<(&str, i64)>,
    limit: usize,
) -> (String, Args) {
    let (filter, args) = filter_sql(scope, f, after);
    let sql = format!("{SELECT}{filter} ORDER BY i.planned_on DESC, i.id DESC LIMIT {limit}");
    (sql, args)
}

/// One page, newest planned date first; `after` is the (planned_on, id) of the last row shown.
pub fn page(
    conn: &Connection,
    scope: &Scope,
    f: &ListFilter,
    after: Option<(&str, i64)>,
    limit: usize,
) -> Result<Vec<Inspection>> {
    let (sql, args) = page_sql(scope, f, after, limit);
    let mut stmt = conn.prepare(&sql)?;
    let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(|b| b.as_ref()).collect();
    let rows = stmt.query_map(params.as_slice(), read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many rows match a filter (home screen figures).
pub fn count(conn: &Connection, scope: &Scope, f: &ListFilter) -> Result<i64> {
    let (filter, args) = filter_sql(scope, f, None);
    let sql = format!("SELECT COUNT(*) FROM inspection i{filter}");
    let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(|b| b.as_ref()).collect();
    Ok(conn.query_row(&sql, params.as_slice(), |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::enterprise::fixture::setup;

    fn plan(conn: &Connection, scope: &Scope, f: &ListFilter) -> String {
        let (sql, args) = page_sql(scope, f, Some(("2026-06-01", 9)), 200);
        let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(|b| b.as_ref()).collect();
        crate::store::db::query_plan(conn, &sql, params.as_slice())
    }

    /// The officer filter (any officer, not only the person's own) pages from an ordered index and
    /// probes the officers by their key: no temporary B-tree, no scan of every officer row.
    #[test]
    fn officer_pages_walk_the_ordered_indexes() {
        let conn = setup();
        let branch = Scope {
            region: Some("371525".into()),
            enterprise_id: None,
        };
        let officer = ListFilter {
            officer_id: Some(7),
            ..ListFilter::default()
        };
        let with_state = ListFilter {
            state: Some(InspState::Pending),
            ..officer.clone()
        };
        let cases = [
            (Scope::default(), &officer, "inspection_planned_page"),
            (branch.clone(), &officer, "inspection_region_page"),
            (Scope::default(), &with_state, "inspection_state_page"),
            (branch, &with_state, "inspection_"),
        ];
        for (scope, f, index) in cases {
            let p = plan(&conn, &scope, f);
            assert!(p.contains(index), "{index}: {p}");
            assert!(!p.contains("TEMP B-TREE"), "{p}");
            assert!(
                p.contains("sqlite_autoindex_insp_officer_1") || p.contains("insp_officer_user"),
                "{p}"
            );
            assert!(!p.contains("SCAN o"), "{p}");
        }
    }
}
