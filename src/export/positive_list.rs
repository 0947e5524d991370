//! The current positive list for public notice (在册 and 复核中 entries): batch, enterprise, USCC, region
//! and dates, as CSV (with BOM), XLSX or JSON, streamed from the query into the file.

use crate::domain::time::Day;
use crate::export::columns::{Cell, region_name};
use crate::export::json::PrettyArray;
use crate::export::table::{TableFormat, write_table};
use crate::export::{ExportError, Format, Output, Sink, deliver, open_output};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::store::db::StoreError;
use crate::store::positive_list::{Entry, EntryFilter};
use serde::Serialize;
use std::io::Write;

const HEADERS: [T; 8] = [
    T::PositiveListColBatch,
    T::FieldName,
    T::FieldUscc,
    T::FieldRegion,
    T::PositiveListColListedOn,
    T::PositiveListColReviewDue,
    T::FieldListStatus,
    T::PositiveListFieldOffsite,
];

/// One row of the JSON export: codes, not labels.
#[derive(Serialize)]
struct Record<'a> {
    batch: &'a str,
    enterprise: &'a str,
    uscc: &'a str,
    region_code: &'a str,
    #[serde(with = "crate::domain::time::blank_day")]
    listed_on: Option<Day>,
    #[serde(with = "crate::domain::time::blank_day")]
    review_due: Option<Day>,
    state: &'a str,
    offsite_means: &'a str,
}

fn date_cell(d: Option<Day>) -> Cell {
    d.map_or_else(|| Cell::Text(String::new()), |d| Cell::Date(d.date()))
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
        date_cell(x.listed_on),
        date_cell(x.review_due),
        Cell::Text(state),
        Cell::Text(x.offsite_means.clone()),
    ]
}

/// Exports the current list the session may see (optionally one region); returns the rows written.
/// Rows stream from the query into the file.
pub fn positive_list(
    s: &Session,
    filter: &EntryFilter,
    format: Format,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let regions = s.regions()?;
    let table = match format {
        Format::Csv => TableFormat::Csv,
        Format::Xlsx => TableFormat::Xlsx,
        Format::Json => return deliver(format, output, |sink| json(s, filter, sink)),
    };
    write_table(
        table,
        output,
        T::PositiveListSheetName,
        &HEADERS,
        lang,
        |row| {
            let mut n = 0;
            stream(s, filter, |x| {
                n += 1;
                row(&cells(x, &regions, lang))
            })?;
            Ok(n)
        },
    )
}

/// Runs `each` over the exported entries; the first export error stops the query and is returned.
fn stream(
    s: &Session,
    filter: &EntryFilter,
    mut each: impl FnMut(&Entry) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    // The query's callback can only fail with a store error, so the export's own is kept aside.
    let mut failed = None;
    let r = s.positive_list().export_rows(filter, |x| {
        each(x).map_err(|e| {
            failed = Some(e);
            StoreError::NotFound
        })
    });
    match (failed, r) {
        (Some(e), _) => Err(e),
        (None, r) => Ok(r?),
    }
}

/// The JSON export: the pretty array of codes it always was, written one record at a time.
fn json(s: &Session, filter: &EntryFilter, out: &mut Sink) -> Result<u64, ExportError> {
    let shown = out.shown();
    let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
    let mut array = PrettyArray::new(open_output(out).map_err(werr)?).map_err(werr)?;
    let mut n = 0u64;
    stream(s, filter, |x| {
        n += 1;
        array
            .push(&Record {
                batch: &x.batch_name,
                enterprise: &x.enterprise_name,
                uscc: &x.uscc,
                region_code: &x.region_code,
                listed_on: x.listed_on,
                review_due: x.review_due,
                state: &x.state,
                offsite_means: &x.offsite_means,
            })
            .map_err(werr)
    })?;
    let mut out = array.finish().map_err(werr)?;
    out.write_all(b"\n").map_err(werr)?;
    out.flush().map_err(werr)?;
    Ok(n)
}
