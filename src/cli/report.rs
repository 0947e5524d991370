//! `ecocase export summary` (the supervisors' summary for a period and region, as XLSX, CSV, HTML or
//! JSON) and `ecocase export dossier` (one enterprise's dossier as HTML or XLSX).

use crate::cli::export::{export_error, region_code};
use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use clap::ValueEnum;
use ecocase::domain::report::Period;
use ecocase::export::dossier::{DossierFormat, write_dossier};
use ecocase::export::summary::{SummaryFormat, write_summary};
use ecocase::i18n::{T, Text};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SummaryArgs {
    #[arg(long, value_name = "PERIOD", conflicts_with_all = ["from", "to"])]
    period: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD", requires = "to")]
    from: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD", requires = "from")]
    to: Option<String>,
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    #[arg(long, value_enum)]
    format: Option<SummaryFormatArg>,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    #[arg(long)]
    force: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SummaryFormatArg {
    Xlsx,
    Csv,
    Html,
    Json,
}

impl From<SummaryFormatArg> for SummaryFormat {
    fn from(a: SummaryFormatArg) -> SummaryFormat {
        match a {
            SummaryFormatArg::Xlsx => SummaryFormat::Xlsx,
            SummaryFormatArg::Csv => SummaryFormat::Csv,
            SummaryFormatArg::Html => SummaryFormat::Html,
            SummaryFormatArg::Json => SummaryFormat::Json,
        }
    }
}

pub fn run_summary(ctx: &Context, a: SummaryArgs, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    let period = match (&a.period, &a.from, &a.to) {
        (Some(p), _, _) => Period::parse(p),
        (None, Some(from), Some(to)) => Period::dates(from, to),
        _ => return Err(CliError::usage(T::CliSummaryNeedsPeriod.get(lang))),
    }
    .map_err(|t| CliError::usage(t.render(lang)))?;
    let to_stdout = crate::cli::export::is_stdout(&a.output);
    let format = match a.format {
        Some(f) => f.into(),
        None => SummaryFormat::from_path(&a.output).unwrap_or(SummaryFormat::Xlsx),
    };
    if to_stdout && format == SummaryFormat::Xlsx {
        return Err(CliError::usage(T::CliExportXlsxStdout.get(lang)));
    }
    let template = match &a.template {
        Some(p) => Some(std::fs::read_to_string(p).map_err(|e| {
            CliError::new(
                crate::cli::error::exit::PROBLEM,
                Text::new(T::CliIoFailed)
                    .arg("path", p.display())
                    .arg("reason", crate::cli::error::io_reason(&e, lang))
                    .render(lang),
            )
        })?),
        None => None,
    };
    let s = secrets.login(ctx, &a.actor)?;
    let region = region_code(ctx, &s, a.region.as_deref())?;
    let summary = s
        .reports()
        .summary(period, region.as_deref())
        .map_err(|e| ctx.fail(e))?;
    let out = crate::cli::export::output_for(&a.output, a.force);
    write_summary(&summary, format, out, lang, template.as_deref())
        .map_err(|e| export_error(ctx, e))?;
    if !to_stdout {
        output::say(
            &Text::new(T::CliSummaryDone)
                .arg("period", summary.period.label().render(lang))
                .arg("region", summary.region_name(lang))
                .arg("path", a.output.display())
                .render(lang),
        );
    }
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct DossierArgs {
    #[arg(value_name = "USCC")]
    uscc: String,
    #[arg(long, value_enum)]
    format: Option<DossierFormatArg>,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    #[arg(long)]
    force: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DossierFormatArg {
    Html,
    Xlsx,
}

/// `ecocase export dossier USCC`: one enterprise's dossier, within the account's scope.
pub fn run_dossier(ctx: &Context, a: DossierArgs, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    let to_stdout = crate::cli::export::is_stdout(&a.output);
    let format = match a.format {
        Some(DossierFormatArg::Xlsx) => DossierFormat::Xlsx,
        Some(DossierFormatArg::Html) => DossierFormat::Html,
        None => {
            let xlsx = a
                .output
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
            if xlsx {
                DossierFormat::Xlsx
            } else {
                DossierFormat::Html
            }
        }
    };
    if to_stdout && format == DossierFormat::Xlsx {
        return Err(CliError::usage(T::CliExportXlsxStdout.get(lang)));
    }
    let s = secrets.login(ctx, &a.actor)?;
    let e = s.enterprises().by_uscc(&a.uscc).map_err(|e| ctx.fail(e))?;
    let out = crate::cli::export::output_for(&a.output, a.force);
    let name = write_dossier(&s, e.id, format, out, lang).map_err(|e| export_error(ctx, e))?;
    if !to_stdout {
        output::say(
            &Text::new(T::CliDossierDone)
                .arg("name", name)
                .arg("path", a.output.display())
                .render(lang),
        );
    }
    Ok(())
}
