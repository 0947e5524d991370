//! `ecocase export enterprises -o FILE`: the register as CSV, XLSX or JSON, within the account's scope.

use crate::cli::error::io_reason;
use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use clap::ValueEnum;
use ecocase::domain::enterprise::Status;
use ecocase::export::{self, ExportError, Format, Output};
use ecocase::i18n::{T, Text};
use ecocase::store::enterprise::Filter;
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum ExportCommand {
    Enterprises(EnterprisesArgs),
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
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Csv,
    Xlsx,
    Json,
}

pub fn run(ctx: &Context, c: ExportCommand, secrets: &mut Secrets) -> Result<(), CliError> {
    let ExportCommand::Enterprises(a) = c;
    let lang = ctx.lang;
    let to_stdout = a.output.as_os_str() == "-";
    let format = match a.format {
        Some(FormatArg::Csv) => Format::Csv,
        Some(FormatArg::Xlsx) => Format::Xlsx,
        Some(FormatArg::Json) => Format::Json,
        None => Format::from_path(&a.output),
    };
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
    let region = match a.region.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => {
            let regions = s.regions().map_err(|e| ctx.fail(e))?;
            let found = regions.iter().find(|r| {
                r.code.eq_ignore_ascii_case(v)
                    || r.name_zh == v
                    || r.name_en.eq_ignore_ascii_case(v)
            });
            match found {
                Some(r) => Some(r.code.clone()),
                None => {
                    return Err(CliError::usage(
                        Text::new(T::ErrRegionUnknown).arg("code", v).render(lang),
                    ));
                }
            }
        }
    };
    let filter = Filter {
        region,
        status,
        ..Default::default()
    };
    let out = if to_stdout {
        Output::Stdout
    } else {
        Output::File(&a.output)
    };
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

fn export_error(ctx: &Context, e: ExportError) -> CliError {
    let lang = ctx.lang;
    match e {
        ExportError::Service(e) => ctx.fail(e),
        ExportError::Write(path, io) => CliError::new(
            crate::cli::exit::STORAGE,
            Text::new(T::CliExportWriteFailed)
                .arg("path", path.display())
                .arg("detail", io_reason(&io, lang))
                .render(lang),
        ),
        ExportError::XlsxToStdout => CliError::usage(T::CliExportXlsxStdout.get(lang)),
    }
}
