//! The current positive list for public notice (在册 and 复核中 entries): batch, enterprise, USCC, region
//! and dates, as CSV (with BOM), XLSX or JSON. The list is small (hundreds), so rows are read at once.

use crate::export::columns::{Cell, region_name};
use crate::export::{ExportError, Format, Output, csv, deliver, parent_dir, xlsx};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::store::positive_list::{Entry, EntryFilter};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

const HEADERS: [T; 8] = [
    T::PlColBatch,
    T::FieldName,
    T::FieldUscc,
    T::FieldRegion,
    T::PlColListedOn,
    T::PlColReviewDue,
    T::FieldListStatus,
    T::PlFieldOffsite,
];

/// One row of the JSON export: codes, not labels.
#[derive(Serialize)]
struct Record<'a> {
    batch: &'a str,
    enterprise: &'a str,
    uscc: &'a str,
    region_code: &'a str,
    listed_on: &'a str,
    review_due: &'a str,
    state: &'a str,
    offsite_means: &'a str,
}

fn date_cell(s: &str) -> Cell {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Cell::Date)
        .unwrap_or_else(|_| Cell::Text(s.to_string()))
}

fn cells(x: &Entry, regions: &[crate::store::reference::Region], lang: Lang) -> Vec<Cell> {
    let state = crate::domain::positive_list::EntryState::parse(&x.state)
        .map(|s| s.label().get(lang).to_string())
        .unwrap_or_else(|| x.state.clone());
    vec![
        Cell::Text(x.batch_name.clone()),
        Cell::Text(x.enterprise_name.clone()),
        Cell::Text(x.uscc.clone()),
        Cell::Text(region_name(&x.region_code, regions, lang)),
        date_cell(&x.listed_on),
        date_cell(&x.review_due),
        Cell::Text(state),
        Cell::Text(x.offsite_means.clone()),
    ]
}

/// Exports the current list the session may see (optionally one region); returns the rows written.
pub fn positive_list(
    s: &Session,
    filter: &EntryFilter,
    format: Format,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let rows = s.pl_export_rows(filter)?;
    let regions = s.regions()?;
    deliver(format, output, |path| {
        write(&rows, &regions, format, path, lang)
    })
}

fn write(
    rows: &[Entry],
    regions: &[crate::store::reference::Region],
    format: Format,
    path: Option<&Path>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let shown = path.map(Path::to_path_buf).unwrap_or_default();
    let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
    let headers: Vec<String> = HEADERS.iter().map(|h| h.get(lang).to_string()).collect();
    let open = || -> Result<Box<dyn Write>, ExportError> {
        Ok(match path {
            Some(p) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(p).map_err(werr)?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        })
    };
    match format {
        Format::Csv => {
            let mut sink = csv::CsvSink::new(open()?, &headers).map_err(werr)?;
            for x in rows {
                let line: Vec<String> = cells(x, regions, lang).iter().map(Cell::text).collect();
                sink.row(&line).map_err(werr)?;
            }
            sink.finish().map_err(werr)?;
        }
        Format::Json => {
            let records: Vec<Record<'_>> = rows
                .iter()
                .map(|x| Record {
                    batch: &x.batch_name,
                    enterprise: &x.enterprise_name,
                    uscc: &x.uscc,
                    region_code: &x.region_code,
                    listed_on: &x.listed_on,
                    review_due: &x.review_due,
                    state: &x.state,
                    offsite_means: &x.offsite_means,
                })
                .collect();
            let mut out = open()?;
            serde_json::to_writer_pretty(&mut out, &records)
                .map_err(|e| werr(std::io::Error::other(e)))?;
            out.write_all(b"\n").map_err(werr)?;
            out.flush().map_err(werr)?;
        }
        Format::Xlsx => {
            let Some(p) = path else {
                return Err(ExportError::XlsxToStdout);
            };
            let mut sink = xlsx::XlsxSink::new(T::PlSheetName.get(lang), &headers, parent_dir(p))
                .map_err(werr)?;
            for x in rows {
                sink.row(&cells(x, regions, lang)).map_err(werr)?;
            }
            sink.finish(p).map_err(werr)?;
        }
    }
    Ok(rows.len() as u64)
}
