//! `ecocase import enterprises FILE`: read the CSV, show file-level problems before asking for a
//! password, import through the service layer, and print a per-row report.

use crate::cli::error::io_reason;
use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, exit, output, reference};
use clap::ValueEnum;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::enterprise::import::{ImportOptions, ImportReport};
use ecocase::service::enterprise::import_csv::{Column, Encoding, ImportTable, RowIssue, read_csv};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum ImportCommand {
    Enterprises(EnterprisesArgs),
    Calendar(reference::CalendarArgs),
    WasteCodes(reference::WasteCodesArgs),
    ServiceMenu(reference::ServiceMenuArgs),
    HandlingCodes(reference::ServiceMenuArgs),
    // 危险废物转移联单 (manifests)
    Manifests(crate::cli::manifest::ImportArgs),
}

#[derive(clap::Args, Debug)]
pub struct EnterprisesArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    encoding: EncodingArg,
    #[arg(long)]
    lenient: bool,
    #[arg(long)]
    update: bool,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum EncodingArg {
    Auto,
    Utf8,
    Gbk,
}

impl EncodingArg {
    fn encoding(self) -> Encoding {
        match self {
            EncodingArg::Auto => Encoding::Auto,
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Gbk => Encoding::Gbk,
        }
    }
}

pub fn run(ctx: &Context, c: ImportCommand, secrets: &mut Secrets) -> Result<(), CliError> {
    let a = match c {
        ImportCommand::Enterprises(a) => a,
        ImportCommand::Calendar(a) => return reference::calendar(ctx, a, secrets),
        ImportCommand::WasteCodes(a) => return reference::waste_codes(ctx, a, secrets),
        ImportCommand::ServiceMenu(a) => return reference::service_menu(ctx, a, secrets),
        ImportCommand::HandlingCodes(a) => return reference::handling_codes(ctx, a, secrets),
        ImportCommand::Manifests(a) => return crate::cli::manifest::import(ctx, a, secrets),
    };
    let lang = ctx.lang;
    let bytes = std::fs::read(&a.file).map_err(|e| {
        CliError::problem(
            Text::new(T::CliFileRead)
                .arg("path", a.file.display())
                .arg("detail", io_reason(&e, lang))
                .render(lang),
        )
    })?;
    let table = read_csv(&bytes, a.encoding.encoding()).map_err(|e| {
        CliError::problem(format!("{}: {}", a.file.display(), e.text().render(lang)))
    })?;
    let session = secrets.login(ctx, &a.actor)?;
    let opts = ImportOptions {
        lenient: a.lenient,
        update: a.update,
    };
    let report = session
        .enterprises()
        .import(&table, opts)
        .map_err(|e| ctx.fail(e))?;
    print_report(&a.file, &table, &report, opts, lang)
}

fn issue_line(i: &RowIssue, lang: Lang) -> String {
    let message = i.text.render(lang);
    match &i.column {
        Column::Row => Text::new(T::CliImportRowIssue)
            .arg("line", i.line)
            .arg("message", message)
            .render(lang),
        column => Text::new(T::CliImportCellIssue)
            .arg("line", i.line)
            .arg("column", column.render(lang))
            .arg("message", message)
            .render(lang),
    }
}

fn print_report(
    file: &std::path::Path,
    table: &ImportTable,
    r: &ImportReport,
    opts: ImportOptions,
    lang: Lang,
) -> Result<(), CliError> {
    output::say(
        &Text::new(T::CliImportHeader)
            .arg("file", file.display())
            .arg("encoding", table.encoding)
            .arg("rows", r.rows)
            .render(lang),
    );
    if !table.ignored.is_empty() {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        output::say(
            &Text::new(T::CliImportIgnored)
                .arg("columns", table.ignored.join(sep))
                .render(lang),
        );
    }
    if !r.errors.is_empty() {
        output::say(T::CliImportErrors.get(lang));
        for i in &r.errors {
            output::say(&format!("  {}", issue_line(i, lang)));
        }
    }
    if !r.warnings.is_empty() {
        output::say(
            if r.committed {
                T::CliImportWarningsSaved
            } else {
                T::CliImportWarnings
            }
            .get(lang),
        );
        for i in &r.warnings {
            output::say(&format!("  {}", issue_line(i, lang)));
        }
    }
    if r.committed || (r.unchanged > 0 && r.errors.is_empty()) {
        output::say(
            &Text::new(T::CliImportDone)
                .arg("created", r.created)
                .arg("updated", r.updated)
                .arg("unchanged", r.unchanged)
                .render(lang),
        );
    }
    let rejected = r.rejected_rows();
    if rejected == 0 {
        return Ok(());
    }
    if r.already_registered > 0 && !opts.update {
        output::say(
            &Text::new(T::CliImportUpdateHint)
                .arg("n", r.already_registered)
                .render(lang),
        );
    }
    let message = if !r.committed {
        if opts.lenient {
            Text::new(T::CliImportNothingGood)
        } else {
            Text::new(T::CliImportStrictRefused).arg("n", rejected)
        }
    } else {
        Text::new(T::CliImportLenientSkipped).arg("n", rejected)
    };
    Err(CliError::new(exit::PROBLEM, message.render(lang)))
}
