//! Timing helpers and the printed table of figures against budgets.

use std::path::Path;
use std::time::Instant;

/// Milliseconds one call of `f` takes.
pub fn time_ms(f: impl FnOnce()) -> f64 {
    let started = Instant::now();
    f();
    started.elapsed().as_secs_f64() * 1000.0
}

/// The median of `runs` timed calls, after one untimed warm-up call (a user's second look at a
/// screen finds the pages in the cache; the first is reported by the terminal measures).
pub fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut v: Vec<f64> = (0..runs).map(|_| time_ms(&mut f)).collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub enum Unit {
    Ms,
    Mb,
    Kb,
}

pub struct Row {
    measure: String,
    budget: f64,
    ours: f64,
    reference: Option<f64>,
    unit: Unit,
}

impl Row {
    /// A time in milliseconds.
    pub fn new(measure: &str, budget: f64, ours: f64, reference: Option<f64>) -> Row {
        Row {
            measure: measure.to_string(),
            budget,
            ours,
            reference,
            unit: Unit::Ms,
        }
    }

    /// A memory figure in MB.
    pub fn memory(measure: &str, budget_mb: f64, ours_mb: f64) -> Row {
        Row {
            unit: Unit::Mb,
            ..Row::new(measure, budget_mb, ours_mb, None)
        }
    }

    /// A byte count in KB.
    pub fn kilobytes(measure: &str, budget_kb: f64, ours_kb: f64) -> Row {
        Row {
            unit: Unit::Kb,
            ..Row::new(measure, budget_kb, ours_kb, None)
        }
    }

    fn fmt(&self, v: f64) -> String {
        match self.unit {
            Unit::Ms if v >= 10_000.0 => format!("{:.1} s", v / 1000.0),
            Unit::Ms => format!("{v:.1} ms"),
            Unit::Mb => format!("{v:.1} MB"),
            Unit::Kb => format!("{v:.2} KB"),
        }
    }

    fn over(&self) -> bool {
        self.ours >= self.budget
    }
}

#[derive(Default)]
pub struct Table {
    rows: Vec<Row>,
}

impl Table {
    pub fn push(&mut self, row: Row) {
        eprintln!("  {}: {}", row.measure, row.fmt(row.ours));
        self.rows.push(row);
    }

    pub fn any_over(&self) -> bool {
        self.rows.iter().any(Row::over)
    }

    pub fn render(&self, db: &Path, scale: &str) -> String {
        let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
        let mut out = format!(
            "ecocase budgets, {scale} scale ({}, {:.0} MB), {} cores\n\n",
            db.display(),
            size as f64 / 1e6,
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );
        // Other work on the same cores slows every wall-clock figure: say how busy they were.
        if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
            let minutes: Vec<&str> = load.split_whitespace().take(3).collect();
            out.push_str(&format!(
                "load average (1, 5, 15 min) at the end: {}\n\n",
                minutes.join(", ")
            ));
        }
        out.push_str("| measure | budget | ecocase | reference | met |\n|---|---|---|---|---|\n");
        for r in &self.rows {
            out.push_str(&format!(
                "| {} | < {} | {} | {} | {} |\n",
                r.measure,
                r.fmt(r.budget),
                r.fmt(r.ours),
                r.reference.map_or("-".to_string(), |v| r.fmt(v)),
                if r.over() { "NO" } else { "yes" }
            ));
        }
        out
    }
}
