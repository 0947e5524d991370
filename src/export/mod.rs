//! Exports that stream rows from the service layer (scope and permission applied there) into CSV, XLSX
//! or JSON, without loading the table into memory. Files are written under a temporary name and renamed
//! when complete, so a failed export never leaves a half-written file behind.

pub mod assistance;
pub mod columns;
pub mod csv;
pub mod dossier;
mod file;
pub mod inspection;
pub mod json;
// performance: code labels mapped once per export
pub mod labels;
// 危险废物转移联单 (manifests)
pub mod manifest;
pub mod positive_list;
pub mod summary;
pub mod table;
pub mod xlsx;
// inspections
pub mod draw;
pub mod draw_results;

use crate::domain::enterprise::Enterprise;
use crate::domain::enterprise::columns::COLUMNS;
use crate::i18n::{Lang, T};
use crate::service::{ServiceError, Session};
use crate::store::db::StoreError;
use crate::store::enterprise::Filter;
use columns::cell;
pub(crate) use file::{Sink, deliver, open_output};
use std::path::{Path, PathBuf};
use table::{TableFormat, write_table};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    /// The format a file name suggests: `.xlsx`, `.json`, otherwise CSV.
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx") => Format::Xlsx,
            Some("json") => Format::Json,
            _ => Format::Csv,
        }
    }
}

/// Where an export goes. A file name of `-` or `/dev/stdout` is standard output; a device or a named
/// pipe is written in place (never replaced); a regular file is written under a new temporary name in
/// its directory and renamed over the target when complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output<'a> {
    /// A file that must not exist yet (an existing one, or a symbolic link, is `TargetExists`).
    File(&'a Path),
    /// A file that may replace an existing one (after `--force`, or the person confirmed). A symbolic
    /// link at the name is replaced itself; what it points to is never written.
    Replace(&'a Path),
    /// Standard output (CSV and JSON only).
    Stdout,
}

#[derive(Debug)]
pub enum ExportError {
    /// Refused or failed in the service layer (permission, database).
    Service(ServiceError),
    /// Writing the output failed (directory missing, disk full, permission).
    Write(PathBuf, std::io::Error),
    /// XLSX cannot be written to standard output.
    XlsxToStdout,
    /// The target exists (a file, or a symbolic link) and replacing it was not asked for: the CLI asks
    /// for `--force`, the TUI for a confirmation.
    TargetExists(PathBuf),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Service(e) => write!(f, "{e}"),
            ExportError::Write(path, e) => write!(f, "cannot write {}: {e}", path.display()),
            ExportError::XlsxToStdout => write!(f, "XLSX cannot be written to standard output"),
            ExportError::TargetExists(path) => write!(f, "{} exists", path.display()),
        }
    }
}

/// The service or I/O error behind a failed export.
impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Service(e) => Some(e),
            ExportError::Write(_, e) => Some(e),
            ExportError::XlsxToStdout | ExportError::TargetExists(_) => None,
        }
    }
}

impl From<ServiceError> for ExportError {
    fn from(e: ServiceError) -> ExportError {
        ExportError::Service(e)
    }
}

/// Exports the enterprises the session may see that match `filter`; returns how many were written.
/// Headers and enumerations are in `lang` for CSV and XLSX; JSON carries codes.
pub fn enterprises(
    s: &Session,
    filter: &Filter,
    format: Format,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let table = match format {
        Format::Csv => TableFormat::Csv,
        Format::Xlsx => TableFormat::Xlsx,
        Format::Json => return deliver(format, output, |sink| json(s, filter, sink)),
    };
    let regions = s.regions()?;
    let headers: Vec<T> = COLUMNS.iter().map(|c| c.label).collect();
    write_table(
        table,
        output,
        T::CliSheetEnterprises,
        &headers,
        lang,
        |row| {
            if table == TableFormat::Csv {
                // Texts with each code labelled once per export: the large exports are CSV.
                let mut texts = labels::RowTexts::new(&regions, lang);
                return stream(s, filter, |e| row(&texts.row(e)));
            }
            stream(s, filter, |e| {
                let cells: Vec<_> = COLUMNS
                    .iter()
                    .map(|c| cell(e, c.id, &regions, lang))
                    .collect();
                row(&cells)
            })
        },
    )
}

/// Runs `each` over the enterprises the session may see that match `filter`; returns how many.
fn stream(
    s: &Session,
    filter: &Filter,
    mut each: impl FnMut(&Enterprise) -> Result<(), ExportError>,
) -> Result<u64, ExportError> {
    // The query's callback can only fail with a store error, so the export's own is kept aside and
    // the query is stopped with a placeholder that is never shown.
    let mut failed = None;
    let mut n = 0u64;
    let r = s.enterprises().for_each(filter, |e| {
        n += 1;
        each(e).map_err(|err| {
            failed = Some(err);
            StoreError::NotFound
        })
    });
    match (failed, r) {
        (Some(e), _) => Err(e),
        (None, r) => r.map(|()| n).map_err(ExportError::Service),
    }
}

/// The JSON export: one array of records with stored codes, written record by record.
fn json(s: &Session, filter: &Filter, out: &mut Sink) -> Result<u64, ExportError> {
    let shown = out.shown();
    let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
    let mut sink = json::JsonSink::new(open_output(out).map_err(werr)?).map_err(werr)?;
    let n = stream(s, filter, |e| sink.row(e).map_err(werr))?;
    sink.finish().map_err(werr)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_file_name() {
        assert_eq!(Format::from_path(Path::new("a.XLSX")), Format::Xlsx);
        assert_eq!(Format::from_path(Path::new("a.json")), Format::Json);
        assert_eq!(Format::from_path(Path::new("a.csv")), Format::Csv);
        assert_eq!(Format::from_path(Path::new("a")), Format::Csv);
    }
}
