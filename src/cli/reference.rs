//! `ecocase import calendar|waste-codes|service-menu|handling-codes FILE --as ADMIN`: official reference tables replace
//! the shipped seed data. Each import is checked row by row and is all-or-nothing (service/admin.rs).

use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, exit, output};
use ecocase::i18n::{T, Text};
use ecocase::service::ServiceError;
use ecocase::service::enterprise::import_csv::{Encoding, decode};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct CalendarArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct WasteCodesArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long, value_name = "LABEL")]
    edition: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    effective: String,
    #[arg(long)]
    official: bool,
    #[arg(long, value_name = "FILE")]
    categories: Option<PathBuf>,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct ServiceMenuArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

/// Reads and decodes a reference file (UTF-8 with or without BOM, or GBK).
fn read_text(ctx: &Context, path: &Path) -> Result<String, CliError> {
    let lang = ctx.lang;
    let bytes = std::fs::read(path).map_err(|e| {
        CliError::problem(
            Text::new(T::CliFileRead)
                .arg("path", path.display())
                .arg("detail", crate::cli::error::io_reason(&e, lang))
                .render(lang),
        )
    })?;
    decode(&bytes, Encoding::Auto)
        .map(|(text, _)| text)
        .map_err(|e| CliError::problem(format!("{}: {}", path.display(), e.text().render(lang))))
}

/// Prints the outcome: rows written, or each refused row on its own line.
fn report(
    ctx: &Context,
    file: &Path,
    outcome: Result<ecocase::service::admin::ImportReport, ServiceError>,
) -> Result<(), CliError> {
    let lang = ctx.lang;
    match outcome {
        Ok(r) => {
            output::say(
                &Text::new(T::CliReferenceImported)
                    .arg("file", file.display())
                    .arg("n", r.written)
                    .render(lang),
            );
            Ok(())
        }
        Err(ServiceError::Invalid(issues)) => {
            output::say(
                &Text::new(T::CliReferenceRefused)
                    .arg("file", file.display())
                    .render(lang),
            );
            for i in &issues {
                output::say(&format!("  {}", i.render(lang)));
            }
            Err(CliError::new(
                exit::PROBLEM,
                T::NothingSaved.get(lang).to_string(),
            ))
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

pub fn calendar(ctx: &Context, a: CalendarArgs, secrets: &mut Secrets) -> Result<(), CliError> {
    let text = read_text(ctx, &a.file)?;
    let s = secrets.login(ctx, &a.actor)?;
    let source = a.file.display().to_string();
    report(ctx, &a.file, s.admin().import_calendar(&text, &source))
}

pub fn waste_codes(
    ctx: &Context,
    a: WasteCodesArgs,
    secrets: &mut Secrets,
) -> Result<(), CliError> {
    let lang = ctx.lang;
    let effective =
        chrono::NaiveDate::parse_from_str(a.effective.trim(), "%Y-%m-%d").map_err(|_| {
            CliError::usage(
                Text::new(T::CliBadDate)
                    .arg("what", "--effective")
                    .arg("value", &a.effective)
                    .render(lang),
            )
        })?;
    let codes = read_text(ctx, &a.file)?;
    let categories = a
        .categories
        .as_deref()
        .map(|p| read_text(ctx, p))
        .transpose()?;
    let s = secrets.login(ctx, &a.actor)?;
    let outcome = s.admin().import_waste_edition(
        &a.edition,
        effective,
        a.official,
        &codes,
        categories.as_deref(),
    );
    report(ctx, &a.file, outcome)
}

pub fn service_menu(
    ctx: &Context,
    a: ServiceMenuArgs,
    secrets: &mut Secrets,
) -> Result<(), CliError> {
    let text = read_text(ctx, &a.file)?;
    let s = secrets.login(ctx, &a.actor)?;
    report(ctx, &a.file, s.admin().import_service_menu(&text))
}

/// `ecocase import handling-codes FILE --as ADMIN`: the R/D/C list a completed manifest chooses from.
pub fn handling_codes(
    ctx: &Context,
    a: ServiceMenuArgs,
    secrets: &mut Secrets,
) -> Result<(), CliError> {
    let text = read_text(ctx, &a.file)?;
    let s = secrets.login(ctx, &a.actor)?;
    report(ctx, &a.file, s.admin().import_handling_codes(&text))
}
