//! CSV exports through the real binary against `sqlite3 -csv` of the same rows, with the program's
//! peak resident memory while it writes.

use crate::pty;
use crate::table::{Row, Table, time_ms};
use ecocase::domain::manifest::ManifestState;
use ecocase::i18n::Lang;
use std::path::Path;
use std::process::Command;

/// Runs `ecocase export WHAT --format csv` as the supervisor: milliseconds and peak resident KB.
fn ours(bin: &str, db: &Path, what: &str, out: &Path) -> (f64, u64) {
    let mut peak_kb = 0;
    let ms = time_ms(|| {
        let mut child = Command::new(bin)
            .arg("--db")
            .arg(db)
            .args(["export", what, "--format", "csv", "-o"])
            .arg(out)
            .args(["--as", "supervisor"])
            .env("ECOCASE_PASSWORD", "demo")
            .spawn()
            .expect("export");
        peak_kb = pty::watch_peak_rss(&mut child);
    });
    (ms, peak_kb)
}

/// `sqlite3 -csv -header DB SQL > out`, in milliseconds.
fn reference(db: &Path, sql: &str, out: &Path) -> f64 {
    time_ms(|| {
        let file = std::fs::File::create(out).expect("create");
        let status = Command::new("sqlite3")
            .args(["-csv", "-header"])
            .arg(db)
            .arg(sql)
            .stdout(file)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "sqlite3 is needed for the reference"
        );
    })
}

fn lines(path: &Path) -> usize {
    std::fs::read(path)
        .expect("read")
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

/// The state's label as our CSV writes it (Chinese), as an SQL CASE.
fn state_label_sql() -> String {
    let arms: String = ManifestState::ALL
        .iter()
        .map(|s| format!(" WHEN '{}' THEN '{}'", s.code(), s.label().get(Lang::Zh)))
        .collect();
    format!("CASE m.state{arms} END")
}

/// The rows and columns of `ecocase export manifests`: one row per waste line, newest manifest first,
/// with the generator, the approval number and the first carrier, quantities in tonnes.
fn manifest_reference_sql() -> String {
    let tonnes = |col: &str| format!("printf('%d.%03d', {col} / 1000, {col} % 1000)");
    format!(
        "SELECT m.number, e.uscc, m.licence_number, m.handling_mode, m.transfer_date,
            COALESCE(a.number, ''), l.waste_code, l.waste_name, l.hazard, l.form, l.packaging,
            l.containers, {}, g.carrier_name, g.carrier_uscc, g.transport_licence, g.plate, g.driver,
            {}, e.name, m.receiver_name, m.arrived_at, m.received_at,
            CASE WHEN l.received_kg IS NULL THEN '' ELSE {} END
         FROM manifest m JOIN enterprise e ON e.id = m.generator_id
         JOIN manifest_line l ON l.manifest_id = m.id
         LEFT JOIN manifest_leg g ON g.manifest_id = m.id
             AND g.seq = (SELECT min(seq) FROM manifest_leg WHERE manifest_id = m.id)
         LEFT JOIN hw_approval a ON a.id = m.approval_id
         ORDER BY m.id DESC, l.seq",
        tonnes("l.quantity_kg"),
        state_label_sql(),
        tonnes("l.received_kg"),
    )
}

/// The spec's measure: CSV export of all manifests (one row per waste line) against sqlite3 -csv of
/// the same joined rows, and the resident memory while exporting.
pub fn manifests(bin: &str, db: &Path, table: &mut Table) {
    let dir = tempfile::tempdir().expect("tmp");
    let (ours_csv, ref_csv) = (dir.path().join("ours.csv"), dir.path().join("ref.csv"));
    let (ms, peak_kb) = ours(bin, db, "manifests", &ours_csv);
    let sqlite = reference(db, &manifest_reference_sql(), &ref_csv);
    let (n_ours, n_ref) = (lines(&ours_csv), lines(&ref_csv));
    if n_ours != n_ref {
        eprintln!("warning: the export wrote {n_ours} lines, the reference {n_ref}");
    }
    table.push(Row::new(
        &format!(
            "CSV export of all manifests, {} rows (budget 1.5x ref)",
            n_ours - 1
        ),
        1.5 * sqlite,
        ms,
        Some(sqlite),
    ));
    table.push(Row::memory(
        "resident memory while exporting manifests",
        100.0,
        peak_kb as f64 / 1024.0,
    ));
}

/// The register's export, kept as an extra row.
pub fn enterprises(bin: &str, db: &Path, table: &mut Table) {
    let dir = tempfile::tempdir().expect("tmp");
    let (ours_csv, ref_csv) = (dir.path().join("ours.csv"), dir.path().join("ref.csv"));
    let (ms, peak_kb) = ours(bin, db, "enterprises", &ours_csv);
    let sqlite = reference(
        db,
        "SELECT * FROM enterprise WHERE deleted_at IS NULL ORDER BY name, id",
        &ref_csv,
    );
    table.push(Row::new(
        "CSV export of all enterprises (budget 1.5x ref)",
        1.5 * sqlite,
        ms,
        Some(sqlite),
    ));
    table.push(Row::memory(
        "resident memory while exporting enterprises",
        100.0,
        peak_kb as f64 / 1024.0,
    ));
}
