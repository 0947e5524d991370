//! Query plans of the manifest counts the home screen runs on every visit: each must walk an index that
//! holds the counted rows (never the table), so the home screen stays fast at province scale.

use super::*;
use crate::store::db;
use chrono::NaiveDate;
use rusqlite::params_from_iter;

fn plan(conn: &Connection, sql: &str, args: Vec<Value>) -> String {
    db::query_plan(conn, sql, params_from_iter(args))
}

fn cutoffs() -> Cutoffs {
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
    Cutoffs {
        receipt: day("2026-11-20"),
        backfill: day("2026-11-10"),
        transit: day("2026-11-25"),
        stock: day("2026-09-30"),
        stock_breach: day("2026-08-30"),
        approval_until: day("2026-12-29"),
        today: day("2026-11-30"),
    }
}

/// The SQL of [`count`] and of the first [`list`] page for one filter, as the store builds them.
fn count_and_page_sql(f: &ListFilter) -> (String, String, Vec<Value>) {
    let mut args = Vec::new();
    let cond = where_sql(&Scope::default(), f, &cutoffs(), &mut args);
    (
        format!("SELECT COUNT(*) FROM manifest m{cond}"),
        format!(
            "{}{cond} ORDER BY m.id DESC LIMIT 50",
            crate::store::manifest::select_sql()
        ),
        args,
    )
}

#[test]
fn alert_counts_walk_covering_indexes_and_pages_need_no_sort() {
    let conn = db::open_in_memory().expect("db");
    for alert in [
        ManifestAlert::ReceiptOverdue,
        ManifestAlert::BackfillOverdue,
        ManifestAlert::TransitTooLong,
        ManifestAlert::StockAging,
        ManifestAlert::StockOverdue,
    ] {
        let f = ListFilter {
            alert: Some(alert),
            ..ListFilter::default()
        };
        let (count_sql, page_sql, args) = count_and_page_sql(&f);
        let counted = plan(&conn, &count_sql, args.clone());
        assert!(
            counted.contains("USING COVERING INDEX"),
            "{alert:?} count: {counted}"
        );
        let paged = plan(&conn, &page_sql, args);
        assert!(!paged.starts_with("SCAN m"), "{alert:?} page: {paged}");
        // Overdue receipts are few (only manifests still waiting), so sorting them is cheap; the other
        // alerts can match most of their state and must page in id order through their index.
        if alert != ManifestAlert::ReceiptOverdue {
            assert!(!paged.contains("TEMP B-TREE"), "{alert:?} page: {paged}");
        }
    }
}

#[test]
fn waiting_state_counts_walk_the_state_index() {
    let conn = db::open_in_memory().expect("db");
    for state in [
        ManifestState::Draft,
        ManifestState::AwaitingReceipt,
        ManifestState::Discrepancy,
    ] {
        let f = ListFilter {
            state: Some(state),
            ..ListFilter::default()
        };
        let (count_sql, _, args) = count_and_page_sql(&f);
        let counted = plan(&conn, &count_sql, args);
        assert!(
            counted.contains("USING COVERING INDEX manifest_state"),
            "{state:?}: {counted}"
        );
    }
}

/// The list's bounded count walks the manifests newest first like the page, never the state's rows in
/// `arrived_at` order (0.9 s for a branch's completed manifests at province scale), and a branch's scope
/// tests the regions from the index (57 ms for its manifests awaiting receipt when read from the table).
#[test]
fn bounded_list_counts_walk_in_page_order() {
    let conn = db::open_in_memory().expect("db");
    let branch = Scope {
        region: Some("371525".into()),
        enterprise_id: None,
    };
    for state in [
        None,
        Some(ManifestState::Completed),
        Some(ManifestState::Received),
    ] {
        let f = ListFilter {
            state,
            ..ListFilter::default()
        };
        let mut args = Vec::new();
        let sql = count_upto_sql(&branch, &f, &cutoffs(), 1001, &mut args);
        let p = plan(&conn, &sql, args);
        assert!(!p.contains("TEMP B-TREE"), "{state:?}: {p}");
        assert!(!p.contains("manifest_arrived"), "{state:?}: {p}");
        if state.is_some() {
            // The regions are in the index: a branch's test needs no table row.
            assert!(p.contains("COVERING INDEX"), "{state:?}: {p}");
            assert!(p.contains("(state=?)"), "{state:?}: {p}");
        }
    }
}

/// A page chooses its ids before it reads full rows; overdue receipts (sorted, since they are few)
/// are found from an index alone, a branch's too (the regions are in the index).
#[test]
fn overdue_receipt_pages_pick_their_ids_from_a_covering_index() {
    let conn = db::open_in_memory().expect("db");
    let branch = Scope {
        region: Some("371525".into()),
        enterprise_id: None,
    };
    let f = ListFilter {
        alert: Some(ManifestAlert::ReceiptOverdue),
        ..ListFilter::default()
    };
    for scope in [Scope::default(), branch] {
        let mut args = Vec::new();
        let sql = page_sql(&scope, &f, &cutoffs(), 50, &mut args);
        let p = plan(&conn, &sql, args);
        assert!(p.contains("USING COVERING INDEX"), "{p}");
        assert!(!p.contains("SCAN m"), "{p}");
    }
}

/// A branch's stock-aging and transit-too-long counts test the regions from the index, not from each
/// table row.
#[test]
fn branch_alerts_walk_an_index_with_the_regions() {
    let conn = db::open_in_memory().expect("db");
    let branch = Scope {
        region: Some("371525".into()),
        enterprise_id: None,
    };
    for (alert, index) in [
        (ManifestAlert::StockAging, "manifest_stock_aging_region"),
        (
            ManifestAlert::TransitTooLong,
            "manifest_transit_long_region",
        ),
    ] {
        let f = ListFilter {
            alert: Some(alert),
            ..ListFilter::default()
        };
        let mut args = Vec::new();
        let sql = count_upto_sql(&branch, &f, &cutoffs(), 1001, &mut args);
        let p = plan(&conn, &sql, args);
        assert!(
            p.contains(&format!("COVERING INDEX {index}")),
            "{alert:?}: {p}"
        );
        assert!(!p.contains("TEMP B-TREE"), "{alert:?}: {p}");
    }
}
