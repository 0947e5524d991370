//! `ecocase draw ...`: 双随机 draws from the command line. `list` shows the draws the account may see
//! with their ids; `verify ID` recomputes one from its stored seed and candidate list and exits non-zero
//! on any mismatch; `export ID --out FILE` writes the publication file (CSV, XLSX or JSON); `publish ID
//! --out FILE` writes the results of the drawn inspections for publication and records it in the audit.

use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, exit, output};
use ecocase::export::{self, Format, Output};
use ecocase::i18n::{T, Text};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum DrawCommand {
    List(ListArgs),
    Verify(VerifyArgs),
    Export(ExportArgs),
    Publish(PublishArgs),
}

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct VerifyArgs {
    id: i64,
    // Verify as this account; without it, anyone with the database file may recompute a draw.
    #[arg(long = "as", value_name = "USER")]
    actor: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    id: i64,
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[arg(long)]
    force: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct PublishArgs {
    id: i64,
    #[arg(long, short = 'o', value_name = "FILE")]
    out: Option<PathBuf>,
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    #[arg(long)]
    force: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Csv,
    Xlsx,
    Json,
}

/// The format asked for, or the one the file name suggests (CSV on standard output).
fn publish_format(a: &PublishArgs) -> Format {
    match a.format {
        Some(FormatArg::Csv) => Format::Csv,
        Some(FormatArg::Xlsx) => Format::Xlsx,
        Some(FormatArg::Json) => Format::Json,
        None => a.out.as_deref().map_or(Format::Csv, Format::from_path),
    }
}

pub fn run(ctx: &Context, c: DrawCommand, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    match c {
        DrawCommand::List(a) => {
            let s = secrets.login(ctx, &a.actor)?;
            let rows: Vec<Vec<String>> = s
                .draws()
                .list()
                .map_err(|e| ctx.fail(e))?
                .iter()
                .map(|d| {
                    vec![
                        d.id.to_string(),
                        d.plan_name.clone(),
                        d.at.local(),
                        d.candidate_count.to_string(),
                        d.drawn_count.to_string(),
                        d.candidate_sha256.chars().take(16).collect(),
                        d.operator_name.clone(),
                    ]
                })
                .collect();
            let header: Vec<String> = [
                T::DrawColId,
                T::DrawColPlan,
                T::DrawColAt,
                T::DrawColCandidates,
                T::DrawColDrawn,
                T::DrawColHash,
                T::DrawColOperator,
            ]
            .iter()
            .map(|t| t.get(lang).to_string())
            .collect();
            output::table(&header, &rows);
            Ok(())
        }
        DrawCommand::Verify(a) => {
            let report = match &a.actor {
                Some(user) => secrets.login(ctx, user)?.draws().verify(a.id),
                None => ecocase::service::inspection::draw::verify_at(&ctx.db, a.id),
            }
            .map_err(|e| ctx.fail(e))?;
            let yes_no = |ok: bool| if ok { T::DrawOk } else { T::DrawMismatch };
            output::say(
                &Text::new(T::DrawVerifyReport)
                    .arg("id", a.id)
                    .arg_key("count", yes_no(report.candidate_count_ok))
                    .arg_key("hash", yes_no(report.candidate_hash_ok))
                    .arg_key("results", yes_no(report.results_ok))
                    .arg_key("audit", yes_no(report.audit_ok))
                    .render(lang),
            );
            output::say(
                &Text::new(T::DrawVerifyPairs)
                    .arg_key("result", yes_no(report.pair_problems.is_empty()))
                    .render(lang),
            );
            for p in &report.pair_problems {
                output::say(&format!("  {}", p.render(lang)));
            }
            if report.ok() {
                output::say(T::DrawVerified.get(lang));
                Ok(())
            } else if report.results_ok && !report.pair_problems.is_empty() {
                Err(CliError::new(
                    exit::PROBLEM,
                    Text::new(T::DrawVerifyPairs)
                        .arg_key("result", T::DrawMismatch)
                        .render(lang),
                ))
            } else {
                let rank = report
                    .first_difference
                    .map(|r| (r + 1).to_string())
                    .unwrap_or_else(|| "-".into());
                Err(CliError::new(
                    exit::PROBLEM,
                    Text::new(T::DrawVerifyFailed)
                        .arg("rank", rank)
                        .render(lang),
                ))
            }
        }
        DrawCommand::Export(a) => {
            let s = secrets.login(ctx, &a.actor)?;
            let (format, out) = match &a.out {
                Some(p) => (
                    Format::from_path(p),
                    crate::cli::export::output_for(p, a.force),
                ),
                None => (Format::Csv, Output::Stdout),
            };
            let n = export::draw::draw(&s, a.id, format, out, lang)
                .map_err(|e| crate::cli::export::export_error(ctx, e))?;
            if a.out.is_some() {
                output::say(&Text::new(T::DrawExported).arg("n", n).render(lang));
            }
            Ok(())
        }
        DrawCommand::Publish(a) => {
            let format = publish_format(&a);
            let mut s = secrets.login(ctx, &a.actor)?;
            let out = match &a.out {
                Some(p) => crate::cli::export::output_for(p, a.force),
                None => Output::Stdout,
            };
            let done = export::draw_results::results(&mut s, a.id, format, out, lang)
                .map_err(|e| crate::cli::export::export_error(ctx, e))?;
            if a.out.is_some() {
                output::say(
                    &Text::new(T::DrawPublished)
                        .arg("n", done.rows)
                        .arg("open", done.still_open)
                        .render(lang),
                );
            }
            Ok(())
        }
    }
}
