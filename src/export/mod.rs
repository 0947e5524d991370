//! Exports that stream rows from the service layer (scope and permission applied there) into CSV, XLSX
//! or JSON, without loading the table into memory. Files are written under a temporary name and renamed
//! when complete, so a failed export never leaves a half-written file behind.

pub mod assistance;
pub mod columns;
pub mod csv;
pub mod dossier;
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
use std::io::Write;
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

/// Where an export goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output<'a> {
    File(&'a Path),
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
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Service(e) => write!(f, "{e}"),
            ExportError::Write(path, e) => write!(f, "cannot write {}: {e}", path.display()),
            ExportError::XlsxToStdout => write!(f, "XLSX cannot be written to standard output"),
        }
    }
}

/// The service or I/O error behind a failed export.
impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Service(e) => Some(e),
            ExportError::Write(_, e) => Some(e),
            ExportError::XlsxToStdout => None,
        }
    }
}

impl From<ServiceError> for ExportError {
    fn from(e: ServiceError) -> ExportError {
        ExportError::Service(e)
    }
}

/// The temporary name for `target`: `.name.<random>.tmp` next to it, so the final rename stays on one file
/// system and nobody can guess the name in advance (a process id can be guessed).
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", uuid::Uuid::now_v7().simple()))
}

/// Creates the temporary file for `target`, new and empty (`O_CREAT | O_EXCL`: never through a symbolic
/// link, never over an existing file), and returns its name; another name is tried on a collision.
fn create_temp(target: &Path) -> std::io::Result<PathBuf> {
    let mut last = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
    for _ in 0..8 {
        let temp = temp_path(target);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(_) => return Ok(temp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// A buffered writer to `path` (the temporary file `deliver` created, opened again without creating
/// anything), or to standard output.
pub(crate) fn open_output(path: Option<&Path>) -> std::io::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(p)?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// The directory a path lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
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
        Format::Json => return deliver(format, output, |path| json(s, filter, path)),
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

/// Writes through `write` into a temporary file created new next to the target (see [`create_temp`]) and
/// renames it when complete (or to standard output when there is no file); a failed export leaves
/// nothing behind.
pub(crate) fn deliver(
    format: Format,
    output: Output<'_>,
    write: impl FnOnce(Option<&Path>) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    let target = match output {
        Output::Stdout if format == Format::Xlsx => return Err(ExportError::XlsxToStdout),
        Output::Stdout => None,
        Output::File(p) => Some(p),
    };
    if let Some(t) = target.filter(|t| t.is_dir()) {
        return Err(ExportError::Write(
            t.to_path_buf(),
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ));
    }
    let temp = match target {
        Some(t) => Some(create_temp(t).map_err(|e| ExportError::Write(t.to_path_buf(), e))?),
        None => None,
    };
    let result = write(temp.as_deref());
    match (&result, target, &temp) {
        (Ok(_), Some(target), Some(temp)) => {
            if let Err(e) = std::fs::rename(temp, target) {
                let _ = std::fs::remove_file(temp);
                return Err(ExportError::Write(target.to_path_buf(), e));
            }
        }
        (Err(_), _, Some(temp)) => {
            let _ = std::fs::remove_file(temp);
        }
        _ => {}
    }
    result.map_err(|e| match e {
        ExportError::Write(_, io) => {
            ExportError::Write(target.map(Path::to_path_buf).unwrap_or_default(), io)
        }
        other => other,
    })
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
fn json(s: &Session, filter: &Filter, path: Option<&Path>) -> Result<u64, ExportError> {
    let shown = path.map(Path::to_path_buf).unwrap_or_default();
    let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
    let mut sink = json::JsonSink::new(open_output(path).map_err(werr)?).map_err(werr)?;
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

    #[test]
    fn temp_files_sit_next_to_the_target() {
        let t = temp_path(Path::new("/srv/out/企业.csv"));
        assert_eq!(t.parent(), Some(Path::new("/srv/out")));
        assert!(
            t.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".企业.csv."))
        );
    }

    /// A symbolic link planted at the old, guessable temporary name (`.NAME.<pid>.tmp`) is neither
    /// written through nor renamed into place (issue 22, case 2).
    #[test]
    fn a_planted_link_at_the_old_temp_name_is_not_followed() {
        #![allow(clippy::expect_used)]
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep").expect("write victim");
        let target = dir.path().join("out.csv");
        let planted = dir
            .path()
            .join(format!(".out.csv.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).expect("symlink");
        let n = deliver(Format::Csv, Output::File(&target), |path| {
            let mut out = open_output(path).map_err(|e| ExportError::Write(PathBuf::new(), e))?;
            out.write_all(b"new")
                .and_then(|()| out.flush())
                .map_err(|e| ExportError::Write(PathBuf::new(), e))?;
            Ok(1)
        })
        .expect("deliver");
        assert_eq!(n, 1);
        assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "keep");
        let meta = std::fs::symlink_metadata(&target).expect("target");
        assert!(meta.file_type().is_file(), "out.csv must be a regular file");
        assert_eq!(std::fs::read_to_string(&target).expect("target"), "new");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 3, "no temporary file left behind: {left:?}");
    }
}
