//! 一公开: a draw for publication, and later the results of its inspections: one row per drawn
//! enterprise with the draw's seed and candidate hash repeated, so a published file alone is enough to
//! recompute the draw. CSV (with BOM), XLSX or JSON.

use crate::export::columns::{Cell, region_name};
use crate::export::{ExportError, Format, Output, csv, deliver, parent_dir, xlsx};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::service::inspection::draw::DrawDetail;
use crate::store::reference::Region;
use std::io::Write;
use std::path::Path;

const HEADERS: [T; 12] = [
    T::DrawColDraw,
    T::DrawColRank,
    T::FieldName,
    T::FieldUscc,
    T::FieldRegion,
    T::DrawColMode,
    T::DrawColOfficers,
    T::DrawColInspection,
    T::DrawColState,
    T::InFieldConclusion,
    T::DrawColSeed,
    T::DrawColHash,
];

pub(crate) fn label<E>(
    code: &str,
    parse: fn(&str) -> Option<E>,
    label: fn(E) -> T,
    lang: Lang,
) -> String {
    parse(code)
        .map(|v| label(v).get(lang).to_string())
        .unwrap_or_default()
}

fn rows(d: &DrawDetail, regions: &[Region], lang: Lang) -> Vec<Vec<String>> {
    use crate::domain::inspection::{Conclusion, InspState, Mode};
    d.results
        .iter()
        .map(|r| {
            vec![
                format!("{} {}", d.draw.id, d.plan.name),
                (r.rank + 1).to_string(),
                r.enterprise_name.clone(),
                r.uscc.clone(),
                region_name(&r.region_code, regions, lang),
                label(&r.mode, Mode::parse, Mode::label, lang),
                r.officers.clone(),
                r.inspection_number.clone(),
                label(
                    &r.inspection_state,
                    InspState::parse,
                    InspState::label,
                    lang,
                ),
                label(&r.conclusion, Conclusion::parse, Conclusion::label, lang),
                d.draw.seed_hex.clone(),
                d.draw.candidate_sha256.clone(),
            ]
        })
        .collect()
}

/// Exports one draw (and the state of its inspections) the session may see; returns the rows written.
pub fn draw(
    s: &Session,
    id: i64,
    format: Format,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let detail = s.draw_detail(id)?;
    let regions = s.regions()?;
    let lines = rows(&detail, &regions, lang);
    let headers: Vec<String> = HEADERS.iter().map(|h| h.get(lang).to_string()).collect();
    let value = || {
        serde_json::json!({
            "draw": detail.draw,
            "plan": detail.plan,
            "exclusions": detail.exclusions,
            "results": detail.results,
        })
    };
    let table = Table {
        headers: &headers,
        lines: &lines,
        sheet: T::DrawSheetName.get(lang),
    };
    deliver(format, output, |path| write(&table, format, path, value))
}

/// A publication table: its headers, rows and XLSX sheet name.
pub(crate) struct Table<'a> {
    pub headers: &'a [String],
    pub lines: &'a [Vec<String>],
    pub sheet: &'a str,
}

/// Writes a publication table as CSV or XLSX, or `json()` as JSON; returns the rows written.
pub(crate) fn write(
    table: &Table<'_>,
    format: Format,
    path: Option<&Path>,
    json: impl FnOnce() -> serde_json::Value,
) -> Result<u64, ExportError> {
    let shown = path.map(Path::to_path_buf).unwrap_or_default();
    let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
    let (headers, lines) = (table.headers, table.lines);
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
            let mut sink = csv::CsvSink::new(open()?, headers).map_err(werr)?;
            for line in lines {
                sink.row(line).map_err(werr)?;
            }
            sink.finish().map_err(werr)?;
        }
        Format::Json => {
            let mut out = open()?;
            serde_json::to_writer_pretty(&mut out, &json())
                .map_err(|e| werr(std::io::Error::other(e)))?;
            out.write_all(b"\n").map_err(werr)?;
            out.flush().map_err(werr)?;
        }
        Format::Xlsx => {
            let Some(p) = path else {
                return Err(ExportError::XlsxToStdout);
            };
            let mut sink =
                xlsx::XlsxSink::new(table.sheet, headers, parent_dir(p)).map_err(werr)?;
            for line in lines {
                let cells: Vec<Cell> = line.iter().map(|c| Cell::Text(c.clone())).collect();
                sink.row(&cells).map_err(werr)?;
            }
            sink.finish(p).map_err(werr)?;
        }
    }
    Ok(lines.len() as u64)
}
