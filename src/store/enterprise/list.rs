//! Enterprise lists: scope and filters, keyset paging in every offered order (forwards and backwards),
//! counts, streaming for exports, and search (FTS5 trigram for 3+ characters, LIKE below that).

use crate::domain::enterprise::Enterprise;
use crate::store::db::Result;
use crate::store::enterprise::{COLUMNS, read};
use crate::store::sql::Where;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

/// Which records a list may show: the actor's scope, already decided by the service layer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    pub region: Option<String>,
    pub enterprise_id: Option<i64>,
}

/// What a list shows: the filters it offers (empty fields do not filter) and its order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub region: Option<String>,
    pub status: Option<String>,
    pub credit: Option<String>,
    pub permit_class: Option<String>,
    pub hw_class: Option<String>,
    pub key_flag: Option<String>,
    pub list_status: Option<String>,
    /// Free text: name, former names, USCC, address, pinyin initials.
    pub query: String,
    /// One of the home screen's alerts (permit expiry, flagged codes, acknowledged warnings).
    pub alert: Option<Alert>,
    pub sort: Sort,
}

/// The orders the list offers. Each ends in the id, so it is total and a page can start after any
/// row; each is walked by an index (with and without a fixed region), never sorted in memory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Name,
    Uscc,
    /// By region code (the official order), then name.
    Region,
    /// By status (在营, 停产, 注销), then name.
    Status,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Name, Sort::Uscc, Sort::Region, Sort::Status];

    /// The next order in [`Sort::ALL`], wrapping around.
    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }

    /// The ORDER BY columns, the id last.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Sort::Name => &["e.name", "e.id"],
            Sort::Uscc => &["e.uscc", "e.id"],
            Sort::Region => &["e.region_code", "e.name", "e.id"],
            Sort::Status => &[STATUS_RANK, "e.name", "e.id"],
        }
    }
}

/// Statuses by meaning: 在营, then 停产, then 注销 (the codes sort otherwise). The same expression is
/// indexed (migration 5), so the order is walked, not sorted.
const STATUS_RANK: &str =
    "(CASE e.status WHEN 'operating' THEN 0 WHEN 'suspended' THEN 1 ELSE 2 END)";

/// The rank [`STATUS_RANK`] gives a status code.
fn status_rank(code: &str) -> i64 {
    match code {
        "operating" => 0,
        "suspended" => 1,
        _ => 2,
    }
}

/// The home screen's alert conditions, usable as list filters. Permit alerts skip closed enterprises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Alert {
    /// Permit expiry between `from` and `to` inclusive (YYYY-MM-DD).
    PermitExpiring { from: String, to: String },
    /// Permit expiry before `before` (YYYY-MM-DD).
    PermitExpired { before: String },
    /// A pre-standard USCC accepted with a reason (the flagged records).
    NonstandardUscc,
    /// Saved with acknowledged warnings.
    WarningsAcknowledged,
}

/// Keyset position: a row's values in every sort column, so one cursor serves whichever order the
/// page is read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub name: String,
    pub uscc: String,
    pub region: String,
    pub status: String,
    pub id: i64,
}

impl Cursor {
    pub fn after(e: &Enterprise) -> Cursor {
        Cursor {
            name: e.name.clone(),
            uscc: e.uscc.clone(),
            region: e.region_code.clone(),
            status: e.status.clone(),
            id: e.id,
        }
    }

    /// The values compared with [`Sort::columns`], in the same order.
    fn values(&self, sort: Sort) -> Vec<SqlValue> {
        let text = |s: &String| SqlValue::Text(s.clone());
        let mut v = match sort {
            Sort::Name => vec![text(&self.name)],
            Sort::Uscc => vec![text(&self.uscc)],
            Sort::Region => vec![text(&self.region), text(&self.name)],
            Sort::Status => vec![
                SqlValue::Integer(status_rank(&self.status)),
                text(&self.name),
            ],
        };
        v.push(SqlValue::Integer(self.id));
        v
    }
}

/// Trigram FTS needs at least 3 characters; shorter queries scan `enterprise_short_search`.
const TRIGRAM_MIN_CHARS: usize = 3;

/// A filter matching at least this many rows is read through the sort-order index (matching rows come
/// often enough that a page fills quickly); fewer are found through the filter's own index and sorted.
const SELECTIVE_MAX: i64 = 2000;

/// How a page with filters reads its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Through the indexes of the filtered columns, then sorted: for filters that match few rows.
    FilterIndexes,
    /// Along the sort-order index, testing each row: for filters that match many rows. The filtered
    /// columns are written `+e.col` so SQLite does not pick their indexes.
    SortIndex,
}

impl Filter {
    /// Whether a filter other than the region (which the sort-order indexes include) is set.
    fn has_indexed_filter(&self) -> bool {
        let set = |v: &Option<String>| v.as_ref().is_some_and(|v| !v.is_empty());
        set(&self.status)
            || set(&self.credit)
            || set(&self.permit_class)
            || set(&self.hw_class)
            || set(&self.list_status)
            || set(&self.key_flag)
            || self.alert.is_some()
    }
}

/// Chooses the plan for a filter by counting its matches up to [`SELECTIVE_MAX`] (a bounded walk of
/// the filter indexes, about a millisecond).
pub(crate) fn choose_plan(conn: &Connection, scope: &Scope, f: &Filter) -> Result<Plan> {
    if !f.has_indexed_filter() {
        return Ok(Plan::FilterIndexes);
    }
    let (wh, args) = where_clause(scope, f, Plan::FilterIndexes);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT count(*) FROM (SELECT 1 FROM enterprise e WHERE {wh} LIMIT {SELECTIVE_MAX})"
    ))?;
    let n: i64 = stmt.query_row(params_from_iter(args), |r| r.get(0))?;
    Ok(if n >= SELECTIVE_MAX {
        Plan::SortIndex
    } else {
        Plan::FilterIndexes
    })
}

/// Builds the WHERE clause and its parameters for a scope and filter.
pub(crate) fn where_clause(scope: &Scope, f: &Filter, plan: Plan) -> (String, Vec<SqlValue>) {
    filter(scope, f, plan).finish()
}

/// The conditions of a scope and filter, for callers that add their own.
fn filter(scope: &Scope, f: &Filter, plan: Plan) -> Where {
    let mut w = Where::new("e.deleted_at IS NULL");
    let unary = if plan == Plan::SortIndex { "+" } else { "" };
    let eq = |w: &mut Where, col: &str, indexed: bool, v: &Option<String>| {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            let prefix = if indexed { "" } else { unary };
            w.and(&format!("{prefix}e.{col} = ?"), [SqlValue::Text(v.clone())]);
        }
    };
    eq(&mut w, "region_code", true, &scope.region);
    eq(&mut w, "region_code", true, &f.region);
    eq(&mut w, "status", false, &f.status);
    eq(&mut w, "credit", false, &f.credit);
    eq(&mut w, "permit_class", false, &f.permit_class);
    eq(&mut w, "hw_class", false, &f.hw_class);
    eq(&mut w, "list_status", false, &f.list_status);
    if let Some(id) = scope.enterprise_id {
        w.and("e.id = ?", [SqlValue::Integer(id)]);
    }
    if let Some(flag) = f.key_flag.as_ref().filter(|v| !v.is_empty()) {
        w.and(
            "(',' || e.key_flags || ',') LIKE ?",
            [SqlValue::Text(format!("%{flag}%"))],
        );
    }
    match &f.alert {
        Some(Alert::PermitExpiring { from, to }) => {
            w.and(
                &format!(
                    "e.status <> 'closed' AND e.permit_expiry <> '' AND {unary}e.permit_expiry BETWEEN ? AND ?"
                ),
                [SqlValue::Text(from.clone()), SqlValue::Text(to.clone())],
            );
        }
        Some(Alert::PermitExpired { before }) => {
            w.and(
                &format!(
                    "e.status <> 'closed' AND {unary}e.permit_expiry > '' AND {unary}e.permit_expiry < ?"
                ),
                [SqlValue::Text(before.clone())],
            );
        }
        Some(Alert::NonstandardUscc) => {
            w.and("COALESCE(e.uscc_nonstandard_reason, '') <> ''", []);
        }
        Some(Alert::WarningsAcknowledged) => {
            w.and("e.warnings_ack <> ''", []);
        }
        None => {}
    }
    let q = f.query.trim();
    if q.chars().count() >= TRIGRAM_MIN_CHARS {
        w.and(
            "e.id IN (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?)",
            [SqlValue::Text(fts_phrase(q))],
        );
    } else if !q.is_empty() {
        w.and(
            "e.id IN (SELECT id FROM enterprise_short_search WHERE instr(haystack, ?) > 0)",
            [SqlValue::Text(q.to_ascii_lowercase())],
        );
    }
    w
}

/// Which way a page runs from its cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// Rows after the cursor, in the list's order.
    Forward,
    /// Rows before the cursor, nearest first (reversed by the caller).
    Backward,
}

/// The SQL and parameters of one page in the filter's order, shared by `page`, `page_before` and the
/// query-plan test.
fn page_sql(
    scope: &Scope,
    f: &Filter,
    cursor: Option<&Cursor>,
    limit: usize,
    direction: Direction,
    plan: Plan,
) -> (String, Vec<SqlValue>) {
    let mut w = filter(scope, f, plan);
    let cols = f.sort.columns();
    let (cmp, dir) = match direction {
        Direction::Forward => (">", ""),
        Direction::Backward => ("<", " DESC"),
    };
    if let Some(c) = cursor {
        let marks = vec!["?"; cols.len()].join(", ");
        w.and(
            &format!("({}) {cmp} ({marks})", cols.join(", ")),
            c.values(f.sort),
        );
    }
    let limit = w.param(SqlValue::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let (wh, args) = w.finish();
    let order: Vec<String> = cols.iter().map(|c| format!("{c}{dir}")).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM enterprise e WHERE {wh} ORDER BY {} LIMIT {limit}",
        order.join(", ")
    );
    (sql, args)
}

/// One page in the filter's order, starting after `after`.
pub fn page(
    conn: &Connection,
    scope: &Scope,
    f: &Filter,
    after: Option<&Cursor>,
    limit: usize,
) -> Result<Vec<Enterprise>> {
    let plan = choose_plan(conn, scope, f)?;
    let (sql, args) = page_sql(scope, f, after, limit, Direction::Forward, plan);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The page that ends just before `before` (or the last page when `None`), in the filter's order:
/// keyset paging backwards, for "go to the end" and paging up from there.
pub fn page_before(
    conn: &Connection,
    scope: &Scope,
    f: &Filter,
    before: Option<&Cursor>,
    limit: usize,
) -> Result<Vec<Enterprise>> {
    let plan = choose_plan(conn, scope, f)?;
    let (sql, args) = page_sql(scope, f, before, limit, Direction::Backward, plan);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), read)?;
    let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.reverse();
    Ok(rows)
}

/// A list's `/` find, as the register searches: `{col} IN (…)` for the enterprises whose name, former
/// names, USCC, address or pinyin initials hold `q` (trigram FTS for 3+ characters, the short-search
/// table below), with its one parameter; `None` for an empty query. Other lists add their own number
/// column with `OR`.
pub fn enterprise_match(col: &str, q: &str) -> Option<(String, SqlValue)> {
    let q = q.trim();
    if q.is_empty() {
        None
    } else if q.chars().count() >= TRIGRAM_MIN_CHARS {
        Some((
            format!("{col} IN (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?)"),
            SqlValue::Text(fts_phrase(q)),
        ))
    } else {
        Some((
            format!(
                "{col} IN (SELECT id FROM enterprise_short_search WHERE instr(haystack, ?) > 0)"
            ),
            SqlValue::Text(q.to_ascii_lowercase()),
        ))
    }
}

/// A find over an enterprise column or a record's number (case-insensitive, any part): the condition
/// and its two parameters.
pub fn find_terms(
    enterprise_col: &str,
    number_col: &str,
    q: &str,
) -> Option<(String, Vec<SqlValue>)> {
    find_terms_any(&[enterprise_col], number_col, q)
}

/// [`find_terms`] over several enterprise columns (a manifest's generator and receiver).
pub fn find_terms_any(
    enterprise_cols: &[&str],
    number_col: &str,
    q: &str,
) -> Option<(String, Vec<SqlValue>)> {
    let mut parts = Vec::new();
    let mut values = Vec::new();
    for col in enterprise_cols {
        let (cond, v) = enterprise_match(col, q)?;
        parts.push(cond);
        values.push(v);
    }
    parts.push(format!("instr(upper({number_col}), ?) > 0"));
    values.push(SqlValue::Text(q.trim().to_uppercase()));
    Some((format!("({})", parts.join(" OR ")), values))
}

/// The search text as one FTS5 phrase (its quotes doubled).
fn fts_phrase(q: &str) -> String {
    format!("\"{}\"", q.replace('"', "\"\""))
}

pub fn count(conn: &Connection, scope: &Scope, f: &Filter) -> Result<i64> {
    if let Some(n) = search_only_count(conn, scope, f)? {
        return Ok(n);
    }
    let (wh, args) = where_clause(scope, f, Plan::FilterIndexes);
    let mut stmt = conn.prepare_cached(&format!("SELECT count(*) FROM enterprise e WHERE {wh}"))?;
    Ok(stmt.query_row(params_from_iter(args), |r| r.get(0))?)
}

/// A city-wide search with no other filter, counted in the search tables alone: they hold exactly the
/// live enterprises (their triggers add a row only while `deleted_at` is empty and take it out when it is
/// set), so reading every match's own row to test it is not needed. At province scale `lcs` matches 32k
/// enterprises: 55 to 70 ms through the rows, 4 ms in the index.
fn search_only_count(conn: &Connection, scope: &Scope, f: &Filter) -> Result<Option<i64>> {
    let q = f.query.trim();
    let region = f.region.as_ref().is_some_and(|r| !r.is_empty());
    if q.is_empty()
        || region
        || scope.region.is_some()
        || scope.enterprise_id.is_some()
        || f.has_indexed_filter()
    {
        return Ok(None);
    }
    let n = if q.chars().count() >= TRIGRAM_MIN_CHARS {
        conn.prepare_cached("SELECT count(*) FROM enterprise_fts WHERE enterprise_fts MATCH ?1")?
            .query_row([fts_phrase(q)], |r| r.get(0))?
    } else {
        conn.prepare_cached(
            "SELECT count(*) FROM enterprise_short_search WHERE instr(haystack, ?1) > 0",
        )?
        .query_row([q.to_ascii_lowercase()], |r| r.get(0))?
    };
    Ok(Some(n))
}

/// Calls `each` for every row of a scope and filter in the filter's order, without holding them all.
pub fn for_each(
    conn: &Connection,
    scope: &Scope,
    f: &Filter,
    mut each: impl FnMut(&Enterprise) -> Result<()>,
) -> Result<()> {
    let plan = choose_plan(conn, scope, f)?;
    let (wh, args) = where_clause(scope, f, plan);
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM enterprise e WHERE {wh} ORDER BY {}",
        f.sort.columns().join(", ")
    ))?;
    let mut rows = stmt.query(params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        each(&read(r)?)?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "list_tests.rs"]
mod tests;
