//! `ecocase export manifests` and `ecocase import manifests`: 转移联单 to and from files, within the
//! account's scope (`--as USER`). The export streams page by page; the import is strict unless
//! `--lenient`, and prints one line per refused manifest.

use crate::cli::error::io_reason;
use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use ecocase::domain::manifest::ManifestState;
use ecocase::domain::time::Day;
use ecocase::export::{self, Format};
use ecocase::i18n::{T, Text};
use ecocase::store::manifest::ListFilter;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    #[arg(long, value_name = "FORMAT", value_parser = ["csv", "xlsx", "json"])]
    format: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    #[arg(long, value_name = "STATE")]
    state: Option<String>,
    #[arg(long)]
    force: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    lenient: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

fn date_arg(ctx: &Context, v: Option<&str>, flag: &str) -> Result<Option<Day>, CliError> {
    match v.map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|d| Some(Day::new(d)))
            .map_err(|_| {
                CliError::usage(
                    Text::new(T::ManifestErrCliDate)
                        .arg("flag", flag)
                        .arg("value", d)
                        .render(ctx.lang),
                )
            }),
    }
}

pub fn export(ctx: &Context, a: ExportArgs, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    let to_stdout = crate::cli::export::is_stdout(&a.output);
    let format = match a.format.as_deref() {
        Some("xlsx") => Format::Xlsx,
        Some("json") => Format::Json,
        Some(_) => Format::Csv,
        None => Format::from_path(&a.output),
    };
    // A file named .xlsx holds XLSX: a --format that says otherwise is a mistake, not a wish.
    let named = a
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let named_format = match named.as_deref() {
        Some("xlsx") => Some(Format::Xlsx),
        Some("json") => Some(Format::Json),
        Some("csv") => Some(Format::Csv),
        _ => None,
    };
    if let (Some(f), Some(n)) = (a.format.as_deref(), named_format)
        && !to_stdout
        && n != format
    {
        return Err(CliError::usage(
            Text::new(T::CliExportFormatMismatch)
                .arg("format", f)
                .arg("path", a.output.display())
                .render(lang),
        ));
    }
    if to_stdout && format == Format::Xlsx {
        return Err(CliError::usage(T::CliExportXlsxStdout.get(lang)));
    }
    let state = match a.state.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(ManifestState::parse(v).ok_or_else(|| {
            let choices: Vec<&str> = ManifestState::ALL.iter().map(|s| s.code()).collect();
            CliError::usage(
                Text::new(T::ErrChoice)
                    .arg_key("field", T::ManifestColState)
                    .arg("value", v)
                    .arg("choices", choices.join("/"))
                    .render(lang),
            )
        })?),
    };
    let filter = ListFilter {
        state,
        from: date_arg(ctx, a.from.as_deref(), "--from")?,
        to: date_arg(ctx, a.to.as_deref(), "--to")?,
        ..ListFilter::default()
    };
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        return Err(CliError::usage(
            Text::new(T::ManifestErrCliRange)
                .arg("from", from)
                .arg("to", to)
                .render(lang),
        ));
    }
    let s = secrets.login(ctx, &a.actor)?;
    let out = crate::cli::export::output_for(&a.output, a.force);
    let n = export::manifest::manifests(&s, &filter, format, out, lang)
        .map_err(|e| crate::cli::export::export_error(ctx, e))?;
    if !to_stdout {
        output::say(
            &Text::new(T::ManifestCliExported)
                .arg("n", n)
                .arg("path", a.output.display())
                .render(lang),
        );
    }
    Ok(())
}

pub fn import(ctx: &Context, a: ImportArgs, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    let bytes = std::fs::read(&a.file).map_err(|e| {
        CliError::problem(
            Text::new(T::CliFileRead)
                .arg("path", a.file.display())
                .arg("detail", io_reason(&e, lang))
                .render(lang),
        )
    })?;
    let s = secrets.login(ctx, &a.actor)?;
    let report = s
        .manifests()
        .import(&bytes, a.lenient)
        .map_err(|e| ctx.fail(e))?;
    for (line, number, reason) in &report.errors {
        output::say(
            &Text::new(T::ManifestCliImportIssue)
                .arg("line", line)
                .arg("number", number)
                .arg_text("reason", reason.clone())
                .render(lang),
        );
    }
    output::say(
        &Text::new(T::ManifestCliImported)
            .arg("n", report.manifests)
            .arg("created", report.created)
            .arg("updated", report.updated)
            .arg("refused", report.errors.len())
            .render(lang),
    );
    if !report.errors.is_empty() && !a.lenient {
        return Err(CliError::problem(T::ManifestCliImportNothing.get(lang)));
    }
    Ok(())
}
