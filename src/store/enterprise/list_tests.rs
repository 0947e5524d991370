//! Tests of the enterprise list queries: search, paging, scope and the query plans.

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
    add_former_name(
        &conn,
        2,
        "冠县老纺织厂",
        "2026-11-29",
        "system",
        "2026-11-29T00:00:00Z",
    )
    .expect("former");
    let mut d = EnterpriseDraft::from_enterprise(&e);
    d.name = "冠县兴华新材料有限公司".into();
    update(
        &conn,
        2,
        e.row_version,
        &d,
        "",
        "system",
        "2026-11-29T00:00:00Z",
    )
    .expect("rename");
    assert_eq!(names(&conn, "老纺织"), vec!["冠县兴华新材料有限公司"]);
    assert_eq!(names(&conn, "老纺"), vec!["冠县兴华新材料有限公司"]);
    soft_delete(
        &conn,
        2,
        e.row_version + 1,
        "重复登记",
        "system",
        "2026-11-29T00:00:00Z",
    )
    .expect("delete");
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
                    let (sql, args) =
                        page_sql(&scope, filter, c, 20, direction, Plan::FilterIndexes);
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

#[test]
fn short_queries_ignore_ascii_case_and_find_codes_and_initials() {
    let conn = setup();
    assert_eq!(names(&conn, "GX"), vec!["冠县兴华纺织有限公司"]);
    assert_eq!(names(&conn, "9x").len(), 0);
    assert_eq!(names(&conn, "%"), Vec::<String>::new());
}

/// Filters that match few rows are read through their own index; filters that match many walk the
/// sort-order index without a temporary sort, whatever the order chosen.
#[test]
fn filtered_pages_use_the_plan_chosen_by_selectivity() {
    let conn = setup();
    let filters = [
        (
            Filter {
                credit: Some("black".into()),
                ..Filter::default()
            },
            "enterprise_credit",
        ),
        (
            Filter {
                permit_class: Some("key".into()),
                ..Filter::default()
            },
            "enterprise_permit_class",
        ),
        (
            Filter {
                list_status: Some("listed".into()),
                ..Filter::default()
            },
            "enterprise_list_status",
        ),
        (
            Filter {
                alert: Some(Alert::PermitExpired {
                    before: "2026-11-29".into(),
                }),
                ..Filter::default()
            },
            "enterprise_permit_expiry",
        ),
        (
            Filter {
                alert: Some(Alert::NonstandardUscc),
                ..Filter::default()
            },
            "enterprise_nonstandard",
        ),
    ];
    for (filter, index) in filters {
        let (sql, args) = page_sql(
            &Scope::default(),
            &filter,
            None,
            20,
            Direction::Forward,
            Plan::FilterIndexes,
        );
        let text = plan(&conn, &sql, args);
        assert!(text.contains(index), "{index} not used: {text}");
        for sort in Sort::ALL {
            let f = Filter {
                sort,
                ..filter.clone()
            };
            let (sql, args) = page_sql(
                &Scope::default(),
                &f,
                None,
                20,
                Direction::Forward,
                Plan::SortIndex,
            );
            let text = plan(&conn, &sql, args);
            assert!(!text.contains("TEMP B-TREE"), "{sort:?} {index}: {text}");
        }
    }
}

#[test]
fn the_plan_follows_the_number_of_matches() {
    let conn = setup();
    let blue = Filter {
        credit: Some("blue".into()),
        ..Filter::default()
    };
    assert_eq!(
        choose_plan(&conn, &Scope::default(), &blue).expect("plan"),
        Plan::FilterIndexes
    );
    conn.execute_batch(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {SELECTIVE_MAX})
         INSERT INTO enterprise (uid, uscc, name, region_code, credit, created_at, updated_at, created_by, updated_by)
         SELECT 'u' || i, 'X' || i, '测试企业' || i, '371502', 'blue', '2026-11-29T00:00:00Z', '2026-11-29T00:00:00Z', 'system', 'system' FROM n"
    ))
    .expect("many blue rows");
    assert_eq!(
        choose_plan(&conn, &Scope::default(), &blue).expect("plan"),
        Plan::SortIndex
    );
    // Both plans give the same first page.
    let by_plan = |plan| {
        let (sql, args) = page_sql(&Scope::default(), &blue, None, 5, Direction::Forward, plan);
        let mut stmt = conn.prepare(&sql).expect("prepare");
        stmt.query_map(params_from_iter(args), |r| r.get::<_, i64>(0))
            .expect("query")
            .collect::<rusqlite::Result<Vec<_>>>()
            .expect("rows")
    };
    assert_eq!(by_plan(Plan::FilterIndexes), by_plan(Plan::SortIndex));
    assert_eq!(names(&conn, "测试企业1999").len(), 1);
    assert_eq!(
        count(
            &conn,
            &Scope::default(),
            &Filter {
                query: "测试".into(),
                ..Filter::default()
            }
        )
        .expect("count"),
        SELECTIVE_MAX
    );
}

/// The home screen's counts and the list counts of its alerts must walk an index, never the table:
/// at province scale a table scan per count would make the home screen slow.
#[test]
fn counts_walk_indexes_not_the_table() {
    let conn = setup();
    let alerts = [
        Alert::PermitExpiring {
            from: "2026-11-29".into(),
            to: "2026-12-29".into(),
        },
        Alert::PermitExpired {
            before: "2026-11-29".into(),
        },
        Alert::NonstandardUscc,
        Alert::WarningsAcknowledged,
    ];
    for scope in [
        Scope::default(),
        Scope {
            region: Some("371525".into()),
            enterprise_id: None,
        },
    ] {
        let mut queries: Vec<(String, Vec<SqlValue>)> = alerts
            .iter()
            .map(|a| {
                let f = Filter {
                    alert: Some(a.clone()),
                    ..Filter::default()
                };
                let (wh, args) = where_clause(&scope, &f, Plan::FilterIndexes);
                (
                    format!("SELECT count(*) FROM enterprise e WHERE {wh}"),
                    args,
                )
            })
            .collect();
        let (wh, args) = where_clause(&scope, &Filter::default(), Plan::FilterIndexes);
        queries.push((
            format!("SELECT e.status, count(*) FROM enterprise e WHERE {wh} GROUP BY e.status"),
            args,
        ));
        for (sql, args) in queries {
            let text = plan(&conn, &sql, args);
            assert!(text.contains("INDEX"), "{sql}: {text}");
            // Grouping a region's rows by status may sort the three groups; ordering may not.
            assert!(!text.contains("TEMP B-TREE FOR ORDER BY"), "{sql}: {text}");
            assert!(
                !text.split(" | ").any(|step| step.trim() == "SCAN e"),
                "a full table scan: {sql}: {text}"
            );
        }
    }
}

/// A filter inside one region (a branch account, or the region filter) counts its matches and
/// chooses its plan through the index of both columns (migration 12), never by walking the whole
/// region; the page itself, when the filter matches many rows, still walks the sort-order index.
#[test]
fn filters_within_a_region_count_through_the_region_filter_indexes() {
    let conn = setup();
    let filters = [
        (
            Filter {
                credit: Some("yellow".into()),
                sort: Sort::Status,
                ..Filter::default()
            },
            "enterprise_region_credit",
        ),
        (
            Filter {
                permit_class: Some("key".into()),
                ..Filter::default()
            },
            "enterprise_region_permit_class",
        ),
        (
            Filter {
                hw_class: Some("key".into()),
                ..Filter::default()
            },
            "enterprise_region_hw_class",
        ),
        (
            Filter {
                list_status: Some("listed".into()),
                ..Filter::default()
            },
            "enterprise_region_list_status",
        ),
    ];
    let branch = Scope {
        region: Some("371525".into()),
        enterprise_id: None,
    };
    for (filter, index) in filters {
        let region_filter = Filter {
            region: Some("371502".into()),
            ..filter.clone()
        };
        for (scope, f) in [
            (branch.clone(), &filter),
            (Scope::default(), &region_filter),
        ] {
            let (wh, args) = where_clause(&scope, f, Plan::FilterIndexes);
            for sql in [
                format!("SELECT count(*) FROM enterprise e WHERE {wh}"),
                format!(
                    "SELECT count(*) FROM (SELECT 1 FROM enterprise e WHERE {wh} LIMIT {SELECTIVE_MAX})"
                ),
            ] {
                let text = plan(&conn, &sql, args.clone());
                assert!(
                    text.contains(&format!("INDEX {index} (region_code=? AND ")),
                    "{sql}: {index} not used: {text}"
                );
            }
            let (sql, args) = page_sql(&scope, f, None, 20, Direction::Forward, Plan::SortIndex);
            let text = plan(&conn, &sql, args);
            assert!(!text.contains("TEMP B-TREE"), "{index}: {text}");
            assert!(!text.contains(index), "{index} used for the page: {text}");
        }
    }
}

/// The city-wide search count (read from the search tables alone) agrees with the rows the list
/// shows: a deleted enterprise is in neither, and a region still counts through the rows.
#[test]
fn search_counts_agree_with_the_live_rows() {
    let conn = setup();
    let e = get(&conn, 3).expect("get");
    soft_delete(
        &conn,
        e.id,
        e.row_version,
        "重复录入",
        "system",
        "2026-11-29T00:00:00Z",
    )
    .expect("delete");
    let all = Scope::default();
    for query in ["聊城", "有限公司", "lc", "9137150"] {
        let f = Filter {
            query: query.into(),
            ..Filter::default()
        };
        let shown = page(&conn, &all, &f, None, 100).expect("page").len() as i64;
        assert!(search_only_count(&conn, &all, &f).expect("count").is_some());
        assert_eq!(count(&conn, &all, &f).expect("count"), shown, "{query}");
    }
    let f = Filter {
        query: "聊城".into(),
        ..Filter::default()
    };
    assert_eq!(count(&conn, &all, &f).expect("count"), 1);
    let branch = Scope {
        region: Some("371502".into()),
        enterprise_id: None,
    };
    assert_eq!(search_only_count(&conn, &branch, &f).expect("count"), None);
    assert_eq!(count(&conn, &branch, &f).expect("count"), 1);
}
