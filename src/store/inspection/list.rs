//! The inspection list: filters (state, category, region, officer, enterprise, overdue re-checks) as one
//! WHERE clause, keyset pages newest planned date first, and counts for the home screen. Every page walks
//! an ordered index; the officer filter probes `insp_officer` by its key (see the query-plan test).

use crate::domain::inspection::{Category, InspectionState};
use crate::store::db::Result;
use crate::store::enterprise::list::Scope;
use crate::store::inspection::{Inspection, SELECT, read};
use crate::store::sql::Where;
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

/// What the inspection list shows; empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub state: Option<InspectionState>,
    pub category: Option<Category>,
    pub region: Option<String>,
    pub officer_id: Option<i64>,
    pub enterprise_id: Option<i64>,
    /// Re-checks (category 复查) still open and planned before this date: overdue re-checks.
    pub overdue_before: Option<String>,
    /// Enterprise accounts: only inspections that have started.
    pub started_only: bool,
    /// The `/` find: the enterprise (name, pinyin initials, USCC) or the inspection number.
    pub find: String,
}

type Args = Vec<Value>;

/// How the officer filter is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Officer {
    /// Probe each row's officers while walking the date-ordered index (an officer with many checks).
    Probe,
    /// Read the officer's checks through `insp_officer_user` and sort them (few checks, or none: a
    /// supervisor's "mine" would otherwise walk every inspection to find nothing).
    Drive,
}

/// An officer with fewer assignments than this has the page read through the officer's own checks.
const FEW_ASSIGNMENTS: i64 = 2000;

/// The WHERE clause of a filter, with its arguments.
fn filter_sql_with(
    scope: &Scope,
    f: &ListFilter,
    after: Option<(&str, i64)>,
    officer: Officer,
) -> (String, Args) {
    let mut w = Where::new("i.deleted_at IS NULL");
    if let Some(r) = scope.region.clone().or(f.region.clone()) {
        w.and("i.region_code = ?", [r.into()]);
    }
    if let Some(e) = scope.enterprise_id.or(f.enterprise_id) {
        w.and("i.enterprise_id = ?", [e.into()]);
    }
    if let Some(s) = f.state {
        w.and("i.state = ?", [text(s.code())]);
    }
    if let Some(c) = f.category {
        w.and("i.category = ?", [text(c.code())]);
    }
    if let Some(o) = f.officer_id {
        let clause = match officer {
            Officer::Probe => {
                "EXISTS (SELECT 1 FROM insp_officer o WHERE o.inspection_id = i.id AND o.user_id = ?)"
            }
            Officer::Drive => {
                "i.id IN (SELECT o.inspection_id FROM insp_officer o WHERE o.user_id = ?)"
            }
        };
        w.and(clause, [o.into()]);
    }
    if let Some(d) = &f.overdue_before {
        w.and(
            "i.category = 'recheck' AND i.state IN ('planned', 'pending', 'in_progress') AND i.planned_on < ?",
            [d.clone().into()],
        );
    }
    if f.started_only {
        w.and(
            "i.state NOT IN ('planned', 'pending', ?)",
            [text("cancelled")],
        );
    }
    if let Some((cond, values)) =
        crate::store::enterprise::list::find_terms("i.enterprise_id", "i.number", &f.find)
    {
        w.and(&cond, values);
    }
    if let Some((d, id)) = after {
        w.and(
            "(i.planned_on < ? OR (i.planned_on = ? AND i.id < ?))",
            [text(d), text(d), id.into()],
        );
    }
    let (sql, args) = w.finish();
    (format!(" WHERE {sql}"), args)
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

/// The SQL of one page and its arguments (shared with the query-plan tests).
fn page_sql_with(
    scope: &Scope,
    f: &ListFilter,
    after: Option<(&str, i64)>,
    limit: usize,
    officer: Officer,
) -> (String, Args) {
    let (filter, args) = filter_sql_with(scope, f, after, officer);
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
    let officer = officer_plan(conn, f)?;
    let (sql, args) = page_sql_with(scope, f, after, limit, officer);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Drive from the officer's own checks when they are few, probe each row's officers otherwise.
fn officer_plan(conn: &Connection, f: &ListFilter) -> Result<Officer> {
    Ok(match f.officer_id {
        Some(o) if assignments_upto(conn, o, FEW_ASSIGNMENTS)? < FEW_ASSIGNMENTS => Officer::Drive,
        _ => Officer::Probe,
    })
}

/// How many checks an officer is assigned to, counted up to `cap` (index only).
fn assignments_upto(conn: &Connection, officer: i64, cap: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM (SELECT 1 FROM insp_officer WHERE user_id = ?1 LIMIT ?2)",
        [officer, cap],
        |r| r.get(0),
    )?)
}

/// How many rows match a filter (home screen figures).
pub fn count(conn: &Connection, scope: &Scope, f: &ListFilter) -> Result<i64> {
    // A supervisor's "my pending checks" on the home screen: none of the 500k checks of a province
    // are theirs, found through the officer index instead of walking every check of the state.
    let (filter, args) = filter_sql_with(scope, f, None, officer_plan(conn, f)?);
    let sql = format!("SELECT COUNT(*) FROM inspection i{filter}");
    Ok(conn.query_row(&sql, params_from_iter(args), |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::enterprise::fixture::setup;

    fn plan(conn: &Connection, scope: &Scope, f: &ListFilter) -> String {
        let (sql, args) = page_sql_with(scope, f, Some(("2026-06-01", 9)), 200, Officer::Probe);
        let params: Vec<&dyn rusqlite::ToSql> =
            args.iter().map(|b| b as &dyn rusqlite::ToSql).collect();
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
            state: Some(InspectionState::Pending),
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

    /// A category, and a state or category inside a branch's region, page through an index of exactly
    /// those columns in date order (migration 14): never a walk of every inspection, never a sort.
    #[test]
    fn category_and_region_filters_page_through_their_own_indexes() {
        let conn = setup();
        let branch = Scope {
            region: Some("371525".into()),
            enterprise_id: None,
        };
        let recheck = ListFilter {
            category: Some(Category::Recheck),
            ..ListFilter::default()
        };
        let in_progress = ListFilter {
            state: Some(InspectionState::InProgress),
            ..ListFilter::default()
        };
        let both = ListFilter {
            state: Some(InspectionState::InProgress),
            ..recheck.clone()
        };
        let cases = [
            (Scope::default(), &recheck, "inspection_category_page"),
            (Scope::default(), &both, "inspection_state_category_page"),
            (branch.clone(), &in_progress, "inspection_region_state_page"),
            (branch, &recheck, "inspection_region_category_page"),
        ];
        for (scope, f, index) in cases {
            let p = plan(&conn, &scope, f);
            assert!(p.contains(index), "{index}: {p}");
            assert!(!p.contains("TEMP B-TREE"), "{p}");
        }
    }

    /// An officer with few checks (a supervisor with none) has them read by the officer's key and
    /// sorted, instead of every inspection walked in date order and probed.
    #[test]
    fn an_officer_with_few_checks_drives_the_page_from_the_officer_index() {
        let conn = setup();
        let mine = ListFilter {
            officer_id: Some(7),
            ..ListFilter::default()
        };
        let (sql, args) = page_sql_with(&Scope::default(), &mine, None, 200, Officer::Drive);
        let params: Vec<&dyn rusqlite::ToSql> =
            args.iter().map(|b| b as &dyn rusqlite::ToSql).collect();
        let p = crate::store::db::query_plan(&conn, &sql, params.as_slice());
        assert!(p.contains("SEARCH i USING INTEGER PRIMARY KEY"), "{p}");
        assert!(p.contains("insp_officer_user"), "{p}");
        assert!(!p.contains("SCAN i"), "{p}");
        assert_eq!(
            assignments_upto(&conn, 7, FEW_ASSIGNMENTS).expect("count"),
            0
        );
    }
}
