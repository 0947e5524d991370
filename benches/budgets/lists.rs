//! First and next page of every list screen other than the register: 转移联单 (manifests), 执法检查
//! (inspections), the 帮扶 queue and the 正面清单 (positive list). Each tab and filter the screen offers is
//! measured through the function the interface's runtime calls for it, as the supervisor (sees everything)
//! and as the branch account (冠县 371525, where the scope changes the query); one row per list names the
//! worst case.

use crate::table::{Row, Table, median_ms};
use crate::{RUNS, session};
use ecocase::domain::inspection::Category;
use ecocase::domain::positive_list::EntryState;
use ecocase::service::Session;
use ecocase::service::assistance::Queue;
use ecocase::store::manifest::ListFilter;
use ecocase::tui::msg::Msg;
use ecocase::tui::screens::inspection::{
    InspectionData, InspectionMsg, InspectionQuery, InspectionTab,
};
use ecocase::tui::screens::manifest::{ManifestEffect, ManifestMsg, PAGE as MF_PAGE, Tab};
use ecocase::tui::screens::positive_list::{
    PositiveListEffect, PositiveListFilter, PositiveListMsg,
};
use std::path::Path;

/// The accounts measured: everything, and one county's branch.
const USERS: [&str; 2] = ["supervisor", "branch"];

/// The slowest first and next page of one list, with the case that was slowest.
#[derive(Default)]
struct Worst {
    cases: usize,
    first: (f64, String),
    next: (f64, String),
}

impl Worst {
    fn add(&mut self, case: String, first: f64, next: Option<f64>) {
        self.cases += 1;
        // Every case over its budget is named, not only the worst.
        if first > 50.0 || next.is_some_and(|n| n > 20.0) {
            eprintln!("    over: {case}: first {first:.1} ms, next {next:?} ms");
        }
        if first > self.first.0 {
            self.first = (first, case.clone());
        }
        if let Some(next) = next.filter(|n| *n > self.next.0) {
            self.next = (next, case);
        }
    }

    /// The two rows of the table: first page and (where the screen pages) next page.
    fn rows(&self, list: &str, table: &mut Table, reference: (f64, f64)) {
        table.push(Row::new(
            &format!(
                "{list} first page, worst of {} ({})",
                self.cases, self.first.1
            ),
            50.0,
            self.first.0,
            Some(reference.0),
        ));
        if !self.next.1.is_empty() {
            table.push(Row::new(
                &format!("{list} next page, worst ({})", self.next.1),
                20.0,
                self.next.0,
                Some(reference.1),
            ));
        }
    }
}

/// A plain SELECT of one page of `sql` (its first and its next page, `?1` the keyset bound).
fn reference(db: &Path, first: &str, next: &str, bound: i64) -> (f64, f64) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let time = |sql: &str, args: &[i64]| {
        median_ms(RUNS, || {
            let mut stmt = conn.prepare_cached(sql).expect("prepare");
            let n = stmt
                .query_map(rusqlite::params_from_iter(args), |_| Ok(()))
                .expect("query")
                .count();
            assert!(n > 0, "reference page empty: {sql}");
        })
    };
    (time(first, &[]), time(next, &[bound]))
}

/// One manifest page through the runtime's effect; the id of its last row.
fn manifest_page(s: &mut Session, filter: &ListFilter) -> Option<i64> {
    let effect = ManifestEffect::LoadPage {
        filter: filter.clone(),
        limit: MF_PAGE,
    };
    match ecocase::tui::execute::manifest::execute(s, effect) {
        Some(Msg::Manifest(ManifestMsg::Page { rows: Ok(r), .. })) => {
            r.0.get(MF_PAGE - 1).map(|x| x.manifest.id)
        }
        other => panic!("manifest page failed: {other:?}"),
    }
}

/// The manifest list: each of its 15 tabs (all, each state, each alert), per account.
pub fn manifests(db: &Path, table: &mut Table) {
    let mut worst = Worst::default();
    for user in USERS {
        let mut s = session(db, user);
        for tab in Tab::ALL {
            let f = tab.filter();
            let mut last = None;
            let first = median_ms(RUNS, || last = manifest_page(&mut s, &f));
            let next = last.map(|id| {
                let f = ListFilter {
                    before_id: Some(id),
                    ..f.clone()
                };
                median_ms(RUNS, || {
                    manifest_page(&mut s, &f);
                })
            });
            worst.add(format!("{user}, {tab:?}"), first, next);
        }
    }
    let bound: i64 = rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT max(id) - 50 FROM manifest", [], |r| r.get(0))
        .expect("manifests");
    let reference = reference(
        db,
        "SELECT * FROM manifest WHERE state = 'completed' ORDER BY id DESC LIMIT 50",
        "SELECT * FROM manifest WHERE state = 'completed' AND id < ?1 ORDER BY id DESC LIMIT 50",
        bound,
    );
    worst.rows("manifest list", table, reference);
}

/// One inspection page through the runtime's query; the cursor after its last row.
fn inspection_page(s: &Session, q: InspectionQuery) -> Option<(String, i64)> {
    match ecocase::tui::execute::inspection::load(s, q) {
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Page { rows: Ok(rows), .. })) => rows
            .get(ecocase::tui::screens::inspection::PAGE - 1)
            .map(|r| (r.planned_on.to_string(), r.id)),
        other => panic!("inspection page failed: {other:?}"),
    }
}

/// The inspection list: each tab, alone and with each category, and (supervisor) with a region.
pub fn inspections(db: &Path, table: &mut Table) {
    let mut worst = Worst::default();
    for user in USERS {
        let s = session(db, user);
        let mut filters: Vec<(String, Option<Category>, Option<String>)> =
            vec![(String::new(), None, None)];
        filters.extend(
            Category::ALL
                .iter()
                .map(|c| (format!(" + {c:?}"), Some(*c), None)),
        );
        if user == "supervisor" {
            filters.push((" + region 371525".into(), None, Some("371525".into())));
        }
        for tab in InspectionTab::TABS {
            for (name, category, region) in &filters {
                let query = |after| InspectionQuery::Page {
                    tab,
                    category: *category,
                    region: region.clone(),
                    officer: None,
                    after,
                    find: String::new(),
                };
                let mut last = None;
                let first = median_ms(RUNS, || last = inspection_page(&s, query(None)));
                let next = last.map(|after| {
                    median_ms(RUNS, || {
                        inspection_page(&s, query(Some(after.clone())));
                    })
                });
                worst.add(format!("{user}, {tab:?}{name}"), first, next);
            }
        }
    }
    let reference = reference(
        db,
        "SELECT * FROM inspection WHERE deleted_at IS NULL ORDER BY planned_on DESC, id DESC LIMIT 200",
        "SELECT * FROM inspection WHERE deleted_at IS NULL AND id < ?1
         ORDER BY planned_on DESC, id DESC LIMIT 200",
        i64::MAX,
    );
    worst.rows("inspection list", table, reference);
}

/// The 帮扶 queue: each of its tabs (each state, near due, overdue, all), per account.
pub fn assist_queue(db: &Path, table: &mut Table) {
    // Rows the runtime asks for (`QUEUE_ROWS` in tui/execute.rs).
    const ROWS: usize = 100;
    let mut worst = Worst::default();
    for user in USERS {
        let s = session(db, user);
        for queue in Queue::TABS {
            let mut next_cursor = None;
            let first = median_ms(RUNS, || {
                next_cursor = s
                    .assistance()
                    .queue_page(queue, None, ROWS)
                    .expect("assist queue")
                    .next;
            });
            let next = next_cursor.map(|c| {
                median_ms(RUNS, || {
                    s.assistance()
                        .queue_page(queue, Some(&c), ROWS)
                        .expect("assist queue");
                })
            });
            worst.add(format!("{user}, {queue:?}"), first, next);
        }
    }
    let reference = reference(
        db,
        "SELECT * FROM assist_request ORDER BY id DESC LIMIT 100",
        "SELECT * FROM assist_request WHERE id < ?1 ORDER BY id DESC LIMIT 100",
        i64::MAX,
    );
    worst.rows("帮扶 queue", table, reference);
}

/// The 正面清单 list: no filter, each state, the due/notice/removal views and a region, per account.
/// The screen loads its entries at once (up to 2,000: the list holds hundreds), so it has no next page.
pub fn positive_list(db: &Path, table: &mut Table) {
    let mut worst = Worst::default();
    for user in USERS {
        let mut s = session(db, user);
        let mut filters: Vec<(String, PositiveListFilter)> =
            vec![("all".into(), PositiveListFilter::default())];
        filters.extend(EntryState::ALL.iter().map(|st| {
            (
                format!("{st:?}"),
                PositiveListFilter {
                    state: Some(*st),
                    ..PositiveListFilter::default()
                },
            )
        }));
        for (name, f) in [
            (
                "review due",
                PositiveListFilter {
                    due_only: true,
                    ..PositiveListFilter::default()
                },
            ),
            (
                "notice ending",
                PositiveListFilter {
                    notice_ending: true,
                    ..PositiveListFilter::default()
                },
            ),
            (
                "removal pending",
                PositiveListFilter {
                    pending_removal: true,
                    ..PositiveListFilter::default()
                },
            ),
            (
                "region 371525",
                PositiveListFilter {
                    region: Some("371525".into()),
                    ..PositiveListFilter::default()
                },
            ),
        ] {
            filters.push((name.into(), f));
        }
        for (name, f) in filters {
            let first = median_ms(
                RUNS,
                || match ecocase::tui::execute::positive_list::execute(
                    &mut s,
                    PositiveListEffect::LoadEntries(f.clone()),
                ) {
                    Some(Msg::PositiveList(PositiveListMsg::EntriesLoaded(Ok(_)))) => {}
                    other => panic!("positive list failed: {other:?}"),
                },
            );
            worst.add(format!("{user}, {name}"), first, None);
        }
    }
    let reference = reference(
        db,
        "SELECT * FROM pl_entry LIMIT 2000",
        "SELECT * FROM pl_entry WHERE id < ?1 LIMIT 2000",
        i64::MAX,
    );
    worst.rows("正面清单 list (loads at once)", table, reference);
}
