//! `ecocase export enterprises -o FILE`: the register as CSV, XLSX or JSON, within the account's scope.

use crate::cli::error::io_reason;
use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use clap::ValueEnum;
use ecocase::domain::enterprise::Status;
use ecocase::export::{self, ExportError, Format, Output};
use ecocase::i18n::{T, Text};
use ecocase::store::enterprise::Filter;
use ecocase::store::positive_list::EntryFilter;
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum ExportCommand {
    Enterprises(EnterprisesArgs),
    PositiveList(PositiveListArgs),
    Summary(crate::cli::report::SummaryArgs),
    Dossier(crate::cli::report::DossierArgs),
    // 危险废物转移联单 (manifests)
    Manifests(crate::cli::manifest::ExportArgs),
}

#[derive(clap::Args, Debug)]
pub struct PositiveListArgs {
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    #[arg(long)]
    force: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct EnterprisesArgs {
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    #[arg(long, value_name = "STATUS")]
    status: Option<String>,
    #[arg(long)]
    force: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Csv,
    Xlsx,
    Json,
}

fn format_of(arg: Option<FormatArg>, output: &std::path::Path) -> Format {
    match arg {
        Some(FormatArg::Csv) => Format::Csv,
        Some(FormatArg::Xlsx) => Format::Xlsx,
        Some(FormatArg::Json) => Format::Json,
        None => Format::from_path(output),
    }
}

/// The region code for `--region` (code or name in either language); `None` when not given.
pub(super) fn region_code(
    ctx: &Context,
    s: &ecocase::service::Session,
    arg: Option<&str>,
) -> Result<Option<String>, CliError> {
    let v = match arg.map(str::trim) {
        None | Some("") => return Ok(None),
        Some(v) => v,
    };
    let regions = s.regions().map_err(|e| ctx.fail(e))?;
    regions
        .iter()
        .find(|r| {
            r.code.eq_ignore_ascii_case(v) || r.name_zh == v || r.name_en.eq_ignore_ascii_case(v)
        })
        .map(|r| Some(r.code.clone()))
        .ok_or_else(|| {
            CliError::usage(
                Text::new(T::ErrRegionUnknown)
                    .arg("code", v)
                    .render(ctx.lang),
            )
        })
}

pub fn run(ctx: &Context, c: ExportCommand, secrets: &mut Secrets) -> Result<(), CliError> {
    let a = match c {
        ExportCommand::Enterprises(a) => a,
        ExportCommand::PositiveList(a) => return run_positive_list(ctx, a, secrets),
        ExportCommand::Summary(a) => return crate::cli::report::run_summary(ctx, a, secrets),
        ExportCommand::Dossier(a) => return crate::cli::report::run_dossier(ctx, a, secrets),
        ExportCommand::Manifests(a) => return crate::cli::manifest::export(ctx, a, secrets),
    };
    let lang = ctx.lang;
    let to_stdout = is_stdout(&a.output);
    let format = format_of(a.format, &a.output);
    if to_stdout && format == Format::Xlsx {
        return Err(CliError::usage(T::CliExportXlsxStdout.get(lang)));
    }
    let status = match a.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(
            Status::parse(v)
                .ok_or_else(|| {
                    let choices: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
                    CliError::usage(
                        Text::new(T::ErrChoice)
                            .arg_key("field", T::FieldStatus)
                            .arg("value", v)
                            .arg("choices", choices.join("/"))
                            .render(lang),
                    )
                })?
                .code()
                .to_string(),
        ),
    };
    let s = secrets.login(ctx, &a.actor)?;
    let region = region_code(ctx, &s, a.region.as_deref())?;
    let filter = Filter {
        region,
        status,
        ..Default::default()
    };
    let out = output_for(&a.output, a.force);
    let n =
        export::enterprises(&s, &filter, format, out, lang).map_err(|e| export_error(ctx, e))?;
    if !to_stdout {
        output::say(
            &Text::new(T::CliExportDone)
                .arg("n", n)
                .arg("path", a.output.display())
                .render(lang),
        );
    }
    Ok(())
}

/// `ecocase export positive-list`: the current list for public notice.
fn run_positive_list(
    ctx: &Context,
    a: PositiveListArgs,
    secrets: &mut Secrets,
) -> Result<(), CliError> {
    let lang = ctx.lang;
    let to_stdout = is_stdout(&a.output);
    let format = format_of(a.format, &a.output);
    if to_stdout && format == Format::Xlsx {
        return Err(CliError::usage(T::CliExportXlsxStdout.get(lang)));
    }
    let s = secrets.login(ctx, &a.actor)?;
    let filter = EntryFilter {
        region: region_code(ctx, &s, a.region.as_deref())?,
        ..EntryFilter::default()
    };
    let out = output_for(&a.output, a.force);
    let n = export::positive_list::positive_list(&s, &filter, format, out, lang)
        .map_err(|e| export_error(ctx, e))?;
    if !to_stdout {
        output::say(
            &Text::new(T::CliExportPlDone)
                .arg("n", n)
                .arg("path", a.output.display())
                .render(lang),
        );
    }
    Ok(())
}

/// Whether `-o` names standard output (`-` or `/dev/stdout`): then nothing else is printed there.
pub(crate) fn is_stdout(path: &std::path::Path) -> bool {
    path.as_os_str() == "-" || path == std::path::Path::new("/dev/stdout")
}

/// Where `-o PATH` writes: standard output for `-`; an existing file only with `--force` (and then
/// replaced whole, a symbolic link included, never written through); a device or pipe in place.
pub(crate) fn output_for(path: &std::path::Path, force: bool) -> Output<'_> {
    if is_stdout(path) {
        Output::Stdout
    } else if force {
        Output::Replace(path)
    } else {
        Output::File(path)
    }
}

pub(crate) fn export_error(ctx: &Context, e: ExportError) -> CliError {
    let lang = ctx.lang;
    match e {
        ExportError::Service(e) => ctx.fail(e),
        ExportError::Write(path, io) => {
            crate::cli::output::exit_if_broken_pipe(&io);
            CliError::new(
                crate::cli::exit::STORAGE,
                Text::new(T::CliExportWriteFailed)
                    .arg("path", path.display())
                    .arg("detail", io_reason(&io, lang))
                    .render(lang),
            )
        }
        ExportError::XlsxToStdout => CliError::usage(T::CliExportXlsxStdout.get(lang)),
        ExportError::TargetExists(path) => CliError::problem(
            Text::new(T::ErrExportTargetExists)
                .arg("path", path.display())
                .render(lang),
        ),
    }
}
