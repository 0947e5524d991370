//! The performance budgets of spec/quality.md, measured on a demo database and printed as one table:
//! each measure, its budget, our figure and, where one exists, a reference measured in the same run
//! (a plain SELECT of the same page, `sqlite3 -csv` of the same rows).
//!
//! Run through `scripts/bench.sh` (it builds optimised and keeps the generated database), or directly:
//! `cargo bench --bench budgets -- [--scale city|province] [--db FILE] [--regen] [--queries]`
//! (`--queries`: only the in-process query measures, without the export and the terminal).
//!
//! Query figures are measured in-process through the same functions the interface's runtime calls;
//! start-up, home, list, bytes per scroll step and memory are measured on the real binary in an 80x24
//! pseudo-terminal.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod export;
mod lists;
mod pty;
mod table;

use ecocase::service::account::auth;
use ecocase::service::{Session, system_clock};
use ecocase::store::enterprise::{Alert, Cursor, Filter, Sort};
use ecocase::tui::execute::enterprise::{load_detail, load_page};
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::enterprise::{PageRequest, PageStart};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use table::{Row, Table, median_ms};

/// Rows per page at 80x24 (the list body).
const PAGE_ROWS: usize = 18;
const RUNS: usize = 9;

struct Args {
    scale: String,
    db: Option<PathBuf>,
    regen: bool,
    /// Only the in-process query measures (lists, search, 360° view, home counts).
    queries_only: bool,
}

fn args() -> Args {
    let mut a = Args {
        scale: "province".into(),
        db: None,
        regen: false,
        queries_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--scale" => a.scale = it.next().expect("--scale city|province"),
            "--db" => a.db = Some(PathBuf::from(it.next().expect("--db FILE"))),
            "--regen" => a.regen = true,
            "--queries" => a.queries_only = true,
            // `cargo bench` passes --bench; other harness flags are not ours.
            _ => {}
        }
    }
    a
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_ecocase")
}

/// The database to measure: generated once per scale and kept under target/bench.
fn database(a: &Args, table: &mut Table) -> PathBuf {
    let path = a.db.clone().unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/bench")
            .join(format!("{}.db", a.scale))
    });
    if a.regen || !path.exists() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        eprintln!("generating {} demo data in {} ...", a.scale, path.display());
        let started = Instant::now();
        let cpu_before = children_cpu_seconds();
        let out = Command::new(bin())
            .args(["demo", "--scale", &a.scale, "--db"])
            .arg(&path)
            .output()
            .expect("run demo");
        assert!(out.status.success(), "demo failed: {out:?}");
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let cpu = children_cpu_seconds() - cpu_before;
        let budget = if a.scale == "city" {
            30_000.0
        } else {
            300_000.0
        };
        table.push(Row::new(
            &format!("demo data generation, {} (CPU {cpu:.1} s)", a.scale),
            budget,
            ms,
            None,
        ));
    }
    path
}

/// User plus system CPU time of this process's finished children (Linux; 0 elsewhere): the demo's wall
/// time depends on what else runs on the cores, its CPU time much less.
fn children_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; cutime and cstime are the 16th and 17th of the line.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Clock ticks are 100 per second on Linux.
    (ticks(13) + ticks(14)) / 100.0
}

fn session(db: &Path, user: &str) -> Session {
    auth::login_path(db, user, "demo", system_clock()).expect("login with the demo password")
}

fn first_page(s: &Session, filter: &Filter) -> (f64, Option<Cursor>) {
    let mut cursor = None;
    let ms = median_ms(RUNS, || {
        let msg = load_page(
            s,
            PageRequest {
                req: 1,
                filter: filter.clone(),
                start: PageStart::After(None),
                limit: PAGE_ROWS,
                count: true,
            },
        );
        if let ecocase::tui::msg::Msg::Enterprise(EnterpriseMsg::PageLoaded {
            rows: Ok(rows),
            ..
        }) = msg
        {
            cursor = rows.get(PAGE_ROWS - 1).map(Cursor::after);
        }
    });
    (ms, cursor)
}

fn next_page(s: &Session, filter: &Filter, cursor: Option<Cursor>) -> f64 {
    median_ms(RUNS, || {
        load_page(
            s,
            PageRequest {
                req: 2,
                filter: filter.clone(),
                start: PageStart::After(cursor.clone()),
                limit: PAGE_ROWS,
                count: false,
            },
        );
    })
}

/// The lists and filters the interface offers, each measured for its first and next page.
fn list_measures(db: &Path, table: &mut Table) {
    let s = session(db, "supervisor");
    let reference_first = {
        let conn = rusqlite::Connection::open(db).expect("open");
        median_ms(RUNS, || {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT * FROM enterprise WHERE deleted_at IS NULL ORDER BY name, id LIMIT ?1",
                )
                .expect("prepare");
            let n = stmt
                .query_map([PAGE_ROWS as i64 + 1], |_| Ok(()))
                .expect("query")
                .count();
            assert!(n > 0);
        })
    };
    let today = chrono::Local::now().date_naive();
    let in_30 = today + chrono::Days::new(30);
    let mut filters: Vec<(String, Filter)> = Sort::ALL
        .iter()
        .map(|sort| {
            (
                format!("sort {sort:?}"),
                Filter {
                    sort: *sort,
                    ..Default::default()
                },
            )
        })
        .collect();
    let with = |name: &str, f: Filter| (name.to_string(), f);
    filters.extend([
        with(
            "region 371525",
            Filter {
                region: Some("371525".into()),
                ..Default::default()
            },
        ),
        with(
            "status stopped",
            Filter {
                status: Some("stopped".into()),
                ..Default::default()
            },
        ),
        with(
            "credit black",
            Filter {
                credit: Some("black".into()),
                ..Default::default()
            },
        ),
        with(
            "permit expiring (home alert)",
            Filter {
                alert: Some(Alert::PermitExpiring {
                    from: today.to_string(),
                    to: in_30.to_string(),
                }),
                ..Default::default()
            },
        ),
        with(
            "region + credit, by status",
            Filter {
                region: Some("371502".into()),
                credit: Some("yellow".into()),
                sort: Sort::Status,
                ..Default::default()
            },
        ),
    ]);
    let mut worst_first = (0.0, String::new());
    let mut worst_next = (0.0, String::new());
    for (name, f) in &filters {
        let (first, cursor) = first_page(&s, f);
        let next = next_page(&s, f, cursor);
        if first > worst_first.0 {
            worst_first = (first, name.clone());
        }
        if next > worst_next.0 {
            worst_next = (next, name.clone());
        }
    }
    table.push(Row::new(
        &format!(
            "enterprise list first page, worst of {} ({})",
            filters.len(),
            worst_first.1
        ),
        50.0,
        worst_first.0,
        Some(reference_first),
    ));
    table.push(Row::new(
        &format!("enterprise list next page, worst ({})", worst_next.1),
        20.0,
        worst_next.0,
        Some(reference_first),
    ));

    for (label, query, budget) in [
        ("search 3+ chars (化工有限)", "化工有限", 100.0),
        ("search pinyin initials (lcs)", "lcs", 100.0),
        ("search 2 chars (绿源)", "绿源", 300.0),
        ("search 1 char (鲁)", "鲁", 300.0),
    ] {
        let f = Filter {
            query: query.into(),
            ..Default::default()
        };
        let (ms, _) = first_page(&s, &f);
        table.push(Row::new(label, budget, ms, None));
    }

    let id: i64 = rusqlite::Connection::open(db)
        .expect("open")
        .query_row(
            "SELECT e.id FROM enterprise e JOIN audit_log a ON a.record_uid = e.uid
             GROUP BY e.id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an enterprise with history");
    let ms = median_ms(RUNS, || {
        load_detail(&s, id).expect("detail");
    });
    table.push(Row::new(
        "enterprise 360° view (busiest record)",
        50.0,
        ms,
        None,
    ));

    let ms = median_ms(RUNS, || {
        s.home().expect("home");
    });
    table.push(Row::new(
        "home counts (supervisor, in-process)",
        200.0,
        ms,
        None,
    ));
}

fn main() {
    let a = args();
    let mut table = Table::default();
    let db = database(&a, &mut table);
    eprintln!("measuring {} ...", db.display());
    list_measures(&db, &mut table);
    lists::manifests(&db, &mut table);
    lists::inspections(&db, &mut table);
    lists::assist_queue(&db, &mut table);
    lists::positive_list(&db, &mut table);
    if !a.queries_only {
        export::manifests(bin(), &db, &mut table);
        export::enterprises(bin(), &db, &mut table);
        pty::terminal_measures(bin(), &db, &mut table);
    }
    println!("{}", table.render(&db, &a.scale));
    if table.any_over() {
        std::process::exit(1);
    }
}
