//! `ecocase check`: integrity, foreign keys, the audit hash chain and its append-only triggers.
//! Read-only; exit 0 when sound, 1 on any fault, 2 when the database cannot be opened.

use crate::cli::{CliError, Context, exit, output};
use ecocase::i18n::{Lang, T, Text};
use ecocase::store::audit::BrokenLink;
use ecocase::store::check::{self, CheckReport};
use ecocase::store::db::SCHEMA_VERSION;

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
    if r.missing_triggers.is_empty() {
        out.push(T::CliCheckTriggersOk.get(lang).to_string());
    } else {
        for name in &r.missing_triggers {
            faults += 1;
            out.push(
                Text::new(T::CliCheckTriggerMissing)
                    .arg("name", name)
                    .render(lang),
            );
        }
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

pub fn run(ctx: &Context) -> Result<(), CliError> {
    let lang = ctx.lang;
    let conn = check::open_read_only(&ctx.db).map_err(|e| {
        let mut err = ctx.fail_store(e);
        err.code = exit::NO_DATABASE;
        err
    })?;
    let report = check::run(&conn).map_err(|e| ctx.fail_store(e))?;
    output::say(
        &Text::new(T::CliCheckDatabase)
            .arg("path", ctx.db.display())
            .arg("version", report.schema_version)
            .render(lang),
    );
    let (shown, faults) = lines(&report, lang);
    for line in &shown {
        output::say(line);
    }
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
            missing_triggers: vec!["audit_log_no_update"],
            counts: vec![],
        };
        let (zh, faults) = lines(&r, Lang::Zh);
        assert_eq!(faults, 2);
        assert!(zh.iter().any(|l| l.contains("第 3 条")), "{zh:?}");
        let (en, _) = lines(&r, Lang::En);
        assert!(en.iter().any(|l| l.contains("seq 3")), "{en:?}");
        assert!(
            en.iter().any(|l| l.contains("audit_log_no_update")),
            "{en:?}"
        );
    }
}
