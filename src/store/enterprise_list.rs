//! Enterprise lists: scope and filters, keyset paging in every offered order (forwards and backwards),
//! counts, streaming for exports, and search (FTS5 trigram for 3+ characters, LIKE below that).

use crate::domain::enterprise::Enterprise;
use crate::store::db::Result;
use crate::store::enterprise::{COLUMNS, read};
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

/// Trigram FTS needs at least 3 characters; shorter queries go to LIKE on the base columns.
const TRIGRAM_MIN_CHARS: usize = 3;

fn like_pattern(q: &str) -> String {
    let mut s = String::from("%");
    for c in q.chars() {
        if matches!(c, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

/// Builds the WHERE clause and its parameters for a scope and filter.
pub(crate) fn where_clause(scope: &Scope, f: &Filter) -> (String, Vec<SqlValue>) {
    let mut sql = String::from("e.deleted_at IS NULL");
    let mut args: Vec<SqlValue> = Vec::new();
    let mut eq = |sql: &mut String, col: &str, v: &Option<String>| {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            args.push(SqlValue::Text(v.clone()));
            sql.push_str(&format!(" AND e.{col} = ?{}", args.len()));
        }
    };
    eq(&mut sql, "region_code", &scope.region);
    eq(&mut sql, "region_code", &f.region);
    eq(&mut sql, "status", &f.status);
    eq(&mut sql, "credit", &f.credit);
    eq(&mut sql, "permit_class", &f.permit_class);
    eq(&mut sql, "hw_class", &f.hw_class);
    eq(&mut sql, "list_status", &f.list_status);
    if let Some(id) = scope.enterprise_id {
        args.push(SqlValue::Integer(id));
        sql.push_str(&format!(" AND e.id = ?{}", args.len()));
    }
    if let Some(flag) = f.key_flag.as_ref().filter(|v| !v.is_empty()) {
        args.push(SqlValue::Text(format!("%{flag}%")));
        sql.push_str(&format!(
            " AND (',' || e.key_flags || ',') LIKE ?{}",
            args.len()
        ));
    }
    match &f.alert {
        Some(Alert::PermitExpiring { from, to }) => {
            args.push(SqlValue::Text(from.clone()));
            args.push(SqlValue::Text(to.clone()));
            sql.push_str(&format!(
                " AND e.status <> 'closed' AND e.permit_expiry <> '' AND e.permit_expiry BETWEEN ?{} AND ?{}",
                args.len() - 1,
                args.len()
            ));
        }
        Some(Alert::PermitExpired { before }) => {
            args.push(SqlValue::Text(before.clone()));
            sql.push_str(&format!(
                " AND e.status <> 'closed' AND e.permit_expiry <> '' AND e.permit_expiry < ?{}",
                args.len()
            ));
        }
        Some(Alert::NonstandardUscc) => {
            sql.push_str(" AND COALESCE(e.uscc_nonstandard_reason, '') <> ''");
        }
        Some(Alert::WarningsAcknowledged) => sql.push_str(" AND e.warnings_ack <> ''"),
        None => {}
    }
    let q = f.query.trim();
    if q.chars().count() >= TRIGRAM_MIN_CHARS {
        args.push(SqlValue::Text(format!("\"{}\"", q.replace('"', "\"\""))));
        sql.push_str(&format!(
            " AND e.id IN (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?{})",
            args.len()
        ));
    } else if !q.is_empty() {
        args.push(SqlValue::Text(like_pattern(q)));
        let n = args.len();
        sql.push_str(&format!(
            " AND (e.name LIKE ?{n} ESCAPE '\\' OR e.uscc LIKE ?{n} ESCAPE '\\' OR e.pinyin_initials LIKE ?{n} ESCAPE '\\'
               OR EXISTS (SELECT 1 FROM enterprise_former_name f WHERE f.enterprise_id = e.id AND f.name LIKE ?{n} ESCAPE '\\'))"
        ));
    }
    (sql, args)
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
) -> (String, Vec<SqlValue>) {
    let (mut wh, mut args) = where_clause(scope, f);
    let cols = f.sort.columns();
    let (cmp, dir) = match direction {
        Direction::Forward => (">", ""),
        Direction::Backward => ("<", " DESC"),
    };
    if let Some(c) = cursor {
        let first = args.len() + 1;
        args.extend(c.values(f.sort));
        let marks: Vec<String> = (first..=args.len()).map(|i| format!("?{i}")).collect();
        wh.push_str(&format!(
            " AND ({}) {cmp} ({})",
            cols.join(", "),
            marks.join(", ")
        ));
    }
    args.push(SqlValue::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let order: Vec<String> = cols.iter().map(|c| format!("{c}{dir}")).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM enterprise e WHERE {wh} ORDER BY {} LIMIT ?{}",
        order.join(", "),
        args.len()
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
    let (sql, args) = page_sql(scope, f, after, limit, Direction::Forward);
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
    let (sql, args) = page_sql(scope, f, before, limit, Direction::Backward);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), read)?;
    let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.reverse();
    Ok(rows)
}

/// Rows matching a scope and filter.
pub fn count(conn: &Connection, scope: &Scope, f: &Filter) -> Result<i64> {
    let (wh, args) = where_clause(scope, f);
    let mut stmt = conn.prepare_cached(&format!("SELECT count(*) FROM enterprise e WHERE {wh}"))?;
    Ok(stmt.query_row(params_from_iter(args), |r| r.get(0))?)
}

/// Calls `each` for every row of a scope and filter in the filter's order, without holding them all.
pub fn for_each(
    conn: &Connection,
    scope: &Scope,
    f: &Filter,
    mut each: impl FnMut(&Enterprise) -> Result<()>,
) -> Result<()> {
    let (wh, args) = where_clause(scope, f);
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
mod tests {
    use super::*;
    use crate::domain::enterprise::EnterpriseDraft;
    use crate::store::db::StoreError;
    use crate::store::enterprise::fixture::setup;
    use crate::store::enterprise::{add_former_name, get, soft_delete, update};

    fn names(conn: &Connection, q: &str) -> Vec<String> {
        let f = Filter {
            query: q.into(),
            ..Default::default()
        };
        page(conn, &Scope::default(), &f, None, 50)
            .expect("page")
            .into_iter()
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn status_order_is_operating_then_suspended_then_closed_across_pages() {
        let conn = setup();
        conn.execute_batch(
            "UPDATE enterprise SET status = 'closed' WHERE id = 1;
             UPDATE enterprise SET status = 'suspended' WHERE id = 2;",
        )
        .expect("statuses");
        let f = Filter {
            sort: Sort::Status,
            ..Filter::default()
        };
        let mut statuses = Vec::new();
        let mut after: Option<Cursor> = None;
        loop {
            let rows = page(&conn, &Scope::default(), &f, after.as_ref(), 1).expect("page");
            let Some(last) = rows.last() else { break };
            after = Some(Cursor::after(last));
            statuses.extend(rows.into_iter().map(|e| e.status));
        }
        let last_operating = statuses.iter().rposition(|s| s == "operating");
        assert!(
            last_operating.is_some_and(|i| i + 3 == statuses.len()),
            "{statuses:?}"
        );
        assert_eq!(statuses[statuses.len() - 2..], ["suspended", "closed"]);
    }

    #[test]
    fn search_with_one_two_and_three_character_chinese_queries() {
        let conn = setup();
        assert_eq!(names(&conn, "莘"), vec!["莘县华泰造纸厂"]);
        assert_eq!(
            names(&conn, "聊城"),
            vec!["聊城市绿源化工有限公司", "聊城鲁西热电有限公司"]
        );
        assert_eq!(
            names(&conn, "有限公"),
            vec![
                "冠县兴华纺织有限公司",
                "聊城市绿源化工有限公司",
                "聊城鲁西热电有限公司"
            ]
        );
        assert_eq!(names(&conn, "绿源化工"), vec!["聊城市绿源化工有限公司"]);
        assert!(names(&conn, "不存在的").is_empty());
    }

    #[test]
    fn search_by_uscc_and_pinyin_initials() {
        let conn = setup();
        assert_eq!(names(&conn, "911302307808"), vec!["冠县兴华纺织有限公司"]);
        assert_eq!(names(&conn, "lclx"), vec!["聊城鲁西热电有限公司"]);
        assert_eq!(names(&conn, "LCLX"), vec!["聊城鲁西热电有限公司"]);
        assert_eq!(names(&conn, "gx"), vec!["冠县兴华纺织有限公司"]);
    }

    #[test]
    fn fts_quotes_user_input() {
        let conn = setup();
        assert!(names(&conn, "\"OR 1=1 --").is_empty());
        assert!(names(&conn, "a*b").is_empty());
        assert!(names(&conn, "%").is_empty());
    }

    #[test]
    fn keyset_paging_visits_every_row_once() {
        let conn = setup();
        let mut seen = Vec::new();
        let mut after: Option<Cursor> = None;
        loop {
            let rows = page(
                &conn,
                &Scope::default(),
                &Filter::default(),
                after.as_ref(),
                3,
            )
            .expect("page");
            if rows.is_empty() {
                break;
            }
            after = rows.last().map(Cursor::after);
            seen.extend(rows.into_iter().map(|e| e.id));
        }
        seen.sort();
        assert_eq!(seen, vec![1, 2, 3, 4]);
        assert_eq!(
            count(&conn, &Scope::default(), &Filter::default()).expect("count"),
            4
        );
    }

    #[test]
    fn scope_and_filters_restrict_rows() {
        let conn = setup();
        let branch = Scope {
            region: Some("371525".into()),
            enterprise_id: None,
        };
        assert_eq!(count(&conn, &branch, &Filter::default()).expect("count"), 1);
        let own = Scope {
            region: None,
            enterprise_id: Some(1),
        };
        assert_eq!(
            count(
                &conn,
                &own,
                &Filter {
                    query: "聊城".into(),
                    ..Default::default()
                }
            )
            .expect("count"),
            1
        );
        let f = Filter {
            region: Some("371502".into()),
            ..Default::default()
        };
        assert_eq!(count(&conn, &Scope::default(), &f).expect("count"), 2);
    }

    #[test]
    fn former_names_are_searchable_and_deleted_rows_vanish() {
        let conn = setup();
        let e = get(&conn, 2).expect("get");
        add_former_name(&conn, 2, "冠县老纺织厂", "2026-11-29", "system", "t").expect("former");
        let mut d = EnterpriseDraft::from_enterprise(&e);
        d.name = "冠县兴华新材料有限公司".into();
        update(&conn, 2, e.row_version, &d, "", "system", "t").expect("rename");
        assert_eq!(names(&conn, "老纺织"), vec!["冠县兴华新材料有限公司"]);
        assert_eq!(names(&conn, "老纺"), vec!["冠县兴华新材料有限公司"]);
        soft_delete(&conn, 2, e.row_version + 1, "重复登记", "system", "t").expect("delete");
        assert!(names(&conn, "兴华新材料").is_empty());
        assert!(matches!(get(&conn, 2), Err(StoreError::NotFound)));
    }

    fn plan(conn: &Connection, sql: &str, args: Vec<SqlValue>) -> String {
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("explain");
        let plan: Vec<String> = stmt
            .query_map(params_from_iter(args), |r| r.get::<_, String>(3))
            .expect("plan")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        plan.join(" | ")
    }

    /// Every order's pages, forwards and backwards, with and without a fixed region, must walk the
    /// index made for it: a temporary B-tree for ORDER BY or a full scan would make paging slow at
    /// province scale.
    #[test]
    fn list_pages_use_the_ordered_indexes() {
        let conn = setup();
        let cursor = Cursor::after(&get(&conn, 3).expect("row"));
        let branch = Scope {
            region: Some("371525".into()),
            enterprise_id: None,
        };
        let cases = [
            (Sort::Name, "enterprise_name_page", "enterprise_region_page"),
            (
                Sort::Uscc,
                "enterprise_uscc_live",
                "enterprise_region_uscc_page",
            ),
            (
                Sort::Region,
                "enterprise_region_page",
                "enterprise_region_page",
            ),
            (
                Sort::Status,
                "enterprise_status_page",
                "enterprise_region_status_page",
            ),
        ];
        for (sort, all_regions, one_region) in cases {
            let plain = Filter {
                sort,
                ..Filter::default()
            };
            let region_filter = Filter {
                region: Some("371502".into()),
                sort,
                ..Filter::default()
            };
            for (scope, filter, index) in [
                (Scope::default(), &plain, all_regions),
                (branch.clone(), &plain, one_region),
                (Scope::default(), &region_filter, one_region),
            ] {
                for direction in [Direction::Forward, Direction::Backward] {
                    for c in [None, Some(&cursor)] {
                        let (sql, args) = page_sql(&scope, filter, c, 20, direction);
                        let text = plan(&conn, &sql, args);
                        assert!(
                            text.contains(&format!("USING INDEX {index}"))
                                || text.contains(&format!("USING COVERING INDEX {index}")),
                            "{sort:?} {direction:?}: {index} not used: {text}"
                        );
                        assert!(
                            !text.contains("TEMP B-TREE"),
                            "{sort:?} {direction:?} sorts in a temporary B-tree: {text}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_order_pages_forwards_and_backwards_over_every_row_once() {
        let conn = setup();
        for sort in Sort::ALL {
            let f = Filter {
                sort,
                ..Filter::default()
            };
            let all = page(&conn, &Scope::default(), &f, None, 50).expect("all");
            let mut forward = Vec::new();
            let mut after: Option<Cursor> = None;
            loop {
                let rows = page(&conn, &Scope::default(), &f, after.as_ref(), 3).expect("page");
                if rows.is_empty() {
                    break;
                }
                after = rows.last().map(Cursor::after);
                forward.extend(rows.into_iter().map(|e| e.id));
            }
            assert_eq!(forward, all.iter().map(|e| e.id).collect::<Vec<_>>());
            let last = page_before(&conn, &Scope::default(), &f, None, 3).expect("last");
            let before = page_before(
                &conn,
                &Scope::default(),
                &f,
                last.first().map(Cursor::after).as_ref(),
                3,
            )
            .expect("before");
            let backward: Vec<i64> = before.iter().chain(&last).map(|e| e.id).collect();
            assert_eq!(backward, forward[forward.len() - backward.len()..].to_vec());
        }
        let by = |sort| {
            let f = Filter {
                sort,
                ..Filter::default()
            };
            page(&conn, &Scope::default(), &f, None, 50)
                .expect("page")
                .into_iter()
                .map(|e| e.id)
                .collect::<Vec<_>>()
        };
        // USCC order: 9113020069..., 9113023078..., 91371500MA3C0000XX, ...01XX.
        assert_eq!(by(Sort::Uscc), vec![1, 2, 3, 4]);
        // Region order 371502 (two, by name), 371522, 371525.
        assert_eq!(by(Sort::Region), vec![1, 3, 4, 2]);
    }
}
