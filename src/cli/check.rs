//! `ecocase check`: integrity, foreign keys, the audit hash chain, the protective triggers by content,
//! every live row against its last audited after-image, every draw, and digests kept outside the file
//! (`--digest FILE`, and the configured digest directory's file). Read-only; exit 0 when sound, 1 on
//! any fault, 2 when the database cannot be opened.

use crate::cli::{CliError, Context, exit, output};
use ecocase::i18n::{Lang, T, Text};
use ecocase::store::audit::BrokenLink;
use ecocase::store::check::digest::Proof;
use ecocase::store::check::rows::RowFinding;
use ecocase::store::check::triggers::TriggerFinding;
use ecocase::store::check::{self, CheckReport, Options};
use ecocase::store::db::SCHEMA_VERSION;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug, Default)]
pub struct CheckArgs {
    #[arg(long)]
    quick: bool,
    #[arg(long, value_name = "FILE")]
    digest: Vec<PathBuf>,
}

/// The first broken link of the chain, named by its sequence number and what happened there.
fn broken_link(b: &BrokenLink) -> Text {
    match b {
        BrokenLink::Gap { expected, found } => Text::new(T::CliCheckChainGap)
            .arg("expected", expected)
            .arg("found", found),
        BrokenLink::PrevHash { seq } => Text::new(T::CliCheckChainPrev).arg("seq", seq),
        BrokenLink::Hash { seq } => Text::new(T::CliCheckChainHash).arg("seq", seq),
        BrokenLink::Head { head_seq, last_seq } => Text::new(T::CliCheckChainHead)
            .arg("head", head_seq)
            .arg("last", last_seq),
    }
}

/// One row finding, naming the table, the record, the field and both values.
fn row_finding(f: &RowFinding) -> Text {
    match f {
        RowFinding::Changed {
            table,
            record,
            field,
            audited,
            current,
        } => Text::new(T::CliCheckRowChanged)
            .arg("table", table)
            .arg("record", record)
            .arg("field", field)
            .arg("audited", audited)
            .arg("current", current),
        RowFinding::Unaudited { table, record } => Text::new(T::CliCheckRowUnaudited)
            .arg("table", table)
            .arg("record", record),
        RowFinding::Missing { table, record } => Text::new(T::CliCheckRowMissing)
            .arg("table", table)
            .arg("record", record),
    }
}

/// The digests to prove: those of the files named, then those of the digest directory's file for
/// this database. A file that cannot be read or holds none is a fault of its own.
fn digests(ctx: &Context, files: &[PathBuf]) -> (Vec<(String, i64, String)>, Vec<String>) {
    let mut found = Vec::new();
    let mut faults = Vec::new();
    let mut paths: Vec<(PathBuf, bool)> = files.iter().map(|p| (p.clone(), true)).collect();
    if let Some(dir) = &ctx.digest_dir {
        let p = crate::cli::audit::dir_file(dir, &ctx.db);
        // The directory's file appears with the first digest; before that there is nothing to prove.
        if p.exists() {
            paths.push((p, false));
        }
    }
    for (path, named) in paths {
        match std::fs::read_to_string(&path) {
            Err(e) => faults.push(
                Text::new(T::CliCheckDigestUnreadable)
                    .arg("path", path.display())
                    .arg("detail", e)
                    .render(ctx.lang),
            ),
            Ok(text) => {
                let parsed = ecocase::domain::digest::parse(&text);
                if parsed.is_empty() && named {
                    faults.push(
                        Text::new(T::CliCheckDigestEmpty)
                            .arg("path", path.display())
                            .render(ctx.lang),
                    );
                }
                let many = parsed.len() > 1;
                for (i, (seq, hash)) in parsed.into_iter().enumerate() {
                    let source = if many {
                        format!("{} #{}", path.display(), i + 1)
                    } else {
                        path.display().to_string()
                    };
                    found.push((source, seq, hash));
                }
            }
        }
    }
    (found, faults)
}

/// The report's lines (in `lang`) and the number of faults found.
fn lines(r: &CheckReport, lang: Lang) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut faults = 0;
    if r.schema_version > SCHEMA_VERSION {
        faults += 1;
        out.push(
            Text::new(T::ErrTooNew)
                .arg("found", r.schema_version)
                .arg("supported", SCHEMA_VERSION)
                .render(lang),
        );
    }
    if r.problems.is_empty() {
        out.push(T::CliCheckIntegrityOk.get(lang).to_string());
    } else {
        faults += r.problems.len();
        for p in &r.problems {
            out.push(Text::new(T::CliCheckProblem).arg("detail", p).render(lang));
        }
    }
    match &r.chain.first_broken {
        None => out.push(
            Text::new(T::CliCheckChainOk)
                .arg("rows", r.chain.rows)
                .render(lang),
        ),
        Some(b) => {
            faults += 1;
            out.push(broken_link(b).render(lang));
        }
    }
    if r.triggers.is_empty() {
        out.push(
            Text::new(T::CliCheckTriggersOk)
                .arg("n", r.triggers_checked)
                .render(lang),
        );
    }
    for t in &r.triggers {
        faults += 1;
        let (key, name, table) = match t {
            TriggerFinding::Missing { name, table } => (T::CliCheckTriggerMissing, name, table),
            TriggerFinding::Changed { name, table } => (T::CliCheckTriggerChanged, name, table),
            TriggerFinding::Unknown { name, table } => (T::CliCheckTriggerUnknown, name, table),
        };
        out.push(
            Text::new(key)
                .arg("name", name)
                .arg("table", table)
                .render(lang),
        );
    }
    if let Some(n) = r.unaudited_rows {
        faults += 1;
        out.push(Text::new(T::CliCheckEmptyChain).arg("n", n).render(lang));
    }
    match &r.rows {
        None => out.push(T::CliCheckRowsSkipped.get(lang).to_string()),
        Some(rows) if rows.total == 0 => out.push(
            Text::new(T::CliCheckRowsOk)
                .arg("rows", rows.rows)
                .render(lang),
        ),
        Some(rows) => {
            faults += usize::try_from(rows.total).unwrap_or(usize::MAX);
            for f in &rows.findings {
                out.push(row_finding(f).render(lang));
            }
            let more = rows.total.saturating_sub(rows.findings.len() as u64);
            if more > 0 {
                out.push(Text::new(T::CliCheckRowsMore).arg("n", more).render(lang));
            }
        }
    }
    if r.draws.is_empty() {
        out.push(
            Text::new(T::CliCheckDrawsOk)
                .arg("n", r.draws_checked)
                .render(lang),
        );
    }
    for d in &r.draws {
        faults += 1;
        if let Some((field, audited, current)) = &d.audit_difference {
            out.push(
                Text::new(T::CliCheckDrawAudit)
                    .arg("id", d.draw_id)
                    .arg("field", field)
                    .arg("audited", audited)
                    .arg("current", current)
                    .render(lang),
            );
        }
        if !d.candidate_count_ok || !d.candidate_hash_ok {
            out.push(
                Text::new(T::CliCheckDrawCandidates)
                    .arg("id", d.draw_id)
                    .render(lang),
            );
        }
        if let Some(rank) = d.first_difference {
            out.push(
                Text::new(T::CliCheckDrawResults)
                    .arg("id", d.draw_id)
                    .arg("rank", rank + 1)
                    .render(lang),
            );
        }
    }
    for (source, proof) in &r.digests {
        let text = match proof {
            Proof::Holds { seq } => Text::new(T::CliCheckDigestOk).arg("seq", seq),
            Proof::Differs { seq, .. } => {
                faults += 1;
                Text::new(T::CliCheckDigestDiffers).arg("seq", seq)
            }
            Proof::Shorter { seq, last } => {
                faults += 1;
                Text::new(T::CliCheckDigestShorter)
                    .arg("seq", seq)
                    .arg("last", last)
            }
        };
        out.push(text.arg("source", source).render(lang));
    }
    let count = |table: &str| {
        r.counts
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |(_, n)| *n)
    };
    out.push(
        Text::new(T::CliCheckCounts)
            .arg("enterprises", count("enterprise"))
            .arg("users", count("user"))
            .arg("certificates", count("certificate"))
            .arg("audit", count("audit_log"))
            .render(lang),
    );
    (out, faults)
}

/// The time-rule and calendar warnings, each naming the record's number; empty when there are none.
fn time_warnings(
    conn: &rusqlite::Connection,
    lang: Lang,
) -> ecocase::store::db::Result<Vec<String>> {
    use chrono::Datelike;
    let now = chrono::Utc::now();
    let rules = ecocase::domain::time_rules::Now::new(
        ecocase::domain::time::Instant::new(now),
        ecocase::store::reference::policy(conn)?.time_skew_minutes(),
    );
    let mut out = Vec::new();
    for (number, issue) in check::manifest_time_warnings(conn, &rules)? {
        out.push(
            Text::new(T::CliCheckTimeWarning)
                .arg("number", number)
                .arg_text("detail", issue.text)
                .render(lang),
        );
    }
    let today = rules.today().date();
    let cal = ecocase::store::reference::calendar(conn)?;
    let mut years = vec![today.year()];
    if today.month() == 12 {
        years.push(today.year() + 1);
    }
    for y in years {
        if !cal.covered_years().any(|c| c == y) {
            out.push(
                Text::new(T::CliCheckCalendarWarning)
                    .arg_text("detail", Text::new(T::CalendarUncovered).arg("years", y))
                    .render(lang),
            );
        }
    }
    if !out.is_empty() {
        out.insert(
            0,
            Text::new(T::CliCheckWarnings)
                .arg("n", out.len())
                .render(lang),
        );
    }
    Ok(out)
}

pub fn run(ctx: &Context, a: CheckArgs) -> Result<(), CliError> {
    let lang = ctx.lang;
    let conn = check::open_read_only(&ctx.db).map_err(|e| {
        let mut err = ctx.fail_store(e);
        err.code = exit::NO_DATABASE;
        err
    })?;
    let (digests, digest_faults) = digests(ctx, &a.digest);
    let options = Options {
        quick: a.quick,
        digests,
    };
    // A progress line on a terminal only: a script reading standard error sees the findings alone.
    let tty = std::io::stderr().is_terminal();
    let mut progress = |table: &str, done: u64, total: u64| {
        if tty {
            let line = Text::new(T::CliCheckProgress)
                .arg("table", table)
                .arg("done", done)
                .arg("total", total)
                .render(lang);
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K{line}");
        }
    };
    let report = check::run(&conn, &options, &mut progress).map_err(|e| ctx.fail_store(e))?;
    if tty {
        let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
    }
    output::say(
        &Text::new(T::CliCheckDatabase)
            .arg("path", ctx.db.display())
            .arg("version", report.schema_version)
            .render(lang),
    );
    let (shown, mut faults) = lines(&report, lang);
    for line in shown.iter().chain(&digest_faults) {
        output::say(line);
    }
    faults += digest_faults.len();
    // Warnings, a section of their own: legacy records breaking the time rules, and a calendar that
    // does not cover this year (or, in December, the next). They never make the check fail.
    for line in time_warnings(&conn, lang).map_err(|e| ctx.fail_store(e))? {
        output::say(&line);
    }
    if faults == 0 {
        output::say(T::CliCheckSound.get(lang));
        Ok(())
    } else {
        Err(CliError::problem(
            Text::new(T::CliCheckFaults).arg("n", faults).render(lang),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecocase::store::audit::ChainReport;

    #[test]
    fn a_broken_chain_names_the_sequence_number_in_both_languages() {
        let r = CheckReport {
            schema_version: SCHEMA_VERSION,
            problems: vec![],
            chain: ChainReport {
                rows: 3,
                first_broken: Some(BrokenLink::Hash { seq: 3 }),
            },
            triggers_checked: 30,
            triggers: vec![TriggerFinding::Changed {
                name: "audit_log_no_update".into(),
                table: "audit_log".into(),
            }],
            rows: Some(ecocase::store::check::rows::RowReport {
                rows: 10,
                findings: vec![RowFinding::Changed {
                    table: "enterprise".into(),
                    record: "91371500MA3LB5DJ33".into(),
                    field: "name".into(),
                    audited: "聊城市绿洲环保科技有限公司".into(),
                    current: "篡改公司".into(),
                }],
                total: 1,
            }),
            unaudited_rows: None,
            draws_checked: 0,
            draws: vec![],
            digests: vec![(
                "d.txt".into(),
                Proof::Differs {
                    seq: 2,
                    found: String::new(),
                },
            )],
            counts: vec![],
        };
        let (zh, faults) = lines(&r, Lang::Zh);
        assert_eq!(faults, 4);
        assert!(
            zh.iter()
                .any(|l| l.contains("enterprise 表 91371500MA3LB5DJ33 的 name")
                    && l.contains("审计值 聊城市绿洲环保科技有限公司")
                    && l.contains("当前值 篡改公司")),
            "{zh:?}"
        );
        assert!(
            zh.iter()
                .any(|l| l.contains("d.txt") && l.contains("第 2 条")),
            "{zh:?}"
        );
        assert!(zh.iter().any(|l| l.contains("第 3 条")), "{zh:?}");
        let (en, _) = lines(&r, Lang::En);
        assert!(en.iter().any(|l| l.contains("seq 3")), "{en:?}");
        assert!(
            en.iter().any(|l| l.contains("audit_log_no_update")),
            "{en:?}"
        );
    }
}
