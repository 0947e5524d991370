//! 一公开: a draw for publication, and later the results of its inspections: one row per drawn
//! enterprise with the draw's seed and candidate hash repeated, so a published file alone is enough to
//! recompute the draw. CSV (with BOM), XLSX or JSON.

use crate::export::columns::region_name;
use crate::export::table::{RowSink, TableFormat, write_table};
use crate::export::{ExportError, Format, Output, deliver, open_output};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::service::inspection::draw::DrawDetail;
use crate::store::inspection::draw::ResultRow;
use crate::store::reference::Region;
use std::io::Write;

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
    T::InspectionFieldConclusion,
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

fn line(d: &DrawDetail, r: &ResultRow, regions: &[Region], lang: Lang) -> Vec<String> {
    use crate::domain::inspection::{Conclusion, InspectionState, Mode};
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
            InspectionState::parse,
            InspectionState::label,
            lang,
        ),
        label(&r.conclusion, Conclusion::parse, Conclusion::label, lang),
        d.draw.seed_hex.clone(),
        d.draw.candidate_sha256.clone(),
    ]
}

/// Exports one draw (and the state of its inspections) the session may see; returns the rows written.
pub fn draw(
    s: &Session,
    id: i64,
    format: Format,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let detail = s.draws().detail(id)?;
    let regions = s.regions()?;
    let rows = detail.results.len() as u64;
    let value = || {
        serde_json::json!({
            "draw": detail.draw,
            "plan": detail.plan,
            "exclusions": detail.exclusions,
            "results": detail.results,
        })
    };
    let table = |row: &mut RowSink<'_>| {
        for r in &detail.results {
            row(&line(&detail, r, &regions, lang))?;
        }
        Ok(rows)
    };
    publish(
        format,
        output,
        (T::DrawSheetName, &HEADERS),
        lang,
        (rows, value),
        table,
    )
}

/// Writes a publication as CSV or XLSX through the table sink (`sheet` and headers, rows from `fill`),
/// or as JSON the whole document `json.1()` counted as `json.0` rows; returns the rows written.
pub(crate) fn publish(
    format: Format,
    output: Output<'_>,
    (sheet, headers): (T, &[T]),
    lang: Lang,
    (rows, json): (u64, impl FnOnce() -> serde_json::Value),
    fill: impl FnOnce(&mut RowSink<'_>) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    let table = match format {
        Format::Csv => TableFormat::Csv,
        Format::Xlsx => TableFormat::Xlsx,
        Format::Json => {
            return deliver(format, output, |sink| {
                let shown = sink.shown();
                let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
                let mut out = open_output(sink).map_err(werr)?;
                serde_json::to_writer_pretty(&mut out, &json())
                    .map_err(|e| werr(std::io::Error::other(e)))?;
                out.write_all(b"\n").map_err(werr)?;
                out.flush().map_err(werr)?;
                Ok(rows)
            });
        }
    };
    write_table(table, output, sheet, headers, lang, fill)
}
