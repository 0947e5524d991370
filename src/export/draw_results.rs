//! 一公开 of a draw's results: after the drawn inspections, one row per drawn enterprise with its
//! inspection's state and conclusion, the findings standing, the rectification order with its re-check
//! result, and the filed case. CSV (with BOM), XLSX or JSON; the publication is recorded in the audit
//! once the file is written.

use crate::domain::inspection::{CaseStatus, Conclusion, InspectionState, Mode, RecheckResult};
use crate::export::columns::region_name;
use crate::export::draw::{label, publish};
use crate::export::table::RowSink;
use crate::export::{ExportError, Format, Output};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::service::inspection::publish::DrawResults;
use crate::store::inspection::draw_publish::Outcome;
use crate::store::reference::Region;

const HEADERS: [T; 14] = [
    T::DrawColDraw,
    T::DrawColRank,
    T::FieldName,
    T::FieldUscc,
    T::FieldRegion,
    T::DrawColMode,
    T::DrawColInspection,
    T::DrawColState,
    T::InspectionFieldConclusion,
    T::DrawColFindings,
    T::DrawColOrder,
    T::DrawColRecheck,
    T::DrawColCase,
    T::InspectionFieldCaseStatus,
];

fn line(d: &DrawResults, o: &Outcome, regions: &[Region], lang: Lang) -> Vec<String> {
    let order = if o.order_number.is_empty() {
        String::new()
    } else {
        format!(
            "{} ({})",
            o.order_number,
            crate::domain::time::day_text(o.order_deadline)
        )
    };
    vec![
        format!("{} {}", d.detail.draw.id, d.detail.plan.name),
        (o.rank + 1).to_string(),
        o.enterprise_name.clone(),
        o.uscc.clone(),
        region_name(&o.region_code, regions, lang),
        label(&o.mode, Mode::parse, Mode::label, lang),
        o.inspection_number.clone(),
        label(
            &o.state,
            InspectionState::parse,
            InspectionState::label,
            lang,
        ),
        label(&o.conclusion, Conclusion::parse, Conclusion::label, lang),
        o.findings.to_string(),
        order,
        label(
            &o.order_result,
            RecheckResult::parse,
            RecheckResult::label,
            lang,
        ),
        o.case_number.clone(),
        label(&o.case_status, CaseStatus::parse, CaseStatus::label, lang),
    ]
}

/// What a publication wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    pub rows: u64,
    /// Drawn inspections not finished when published.
    pub still_open: usize,
}

/// Exports the results of a draw and records the publication (who, when, file) in the audit.
pub fn results(
    s: &mut Session,
    id: i64,
    format: Format,
    output: Output<'_>,
    lang: Lang,
) -> Result<Published, ExportError> {
    let results = s.draws().results(id)?;
    let regions = s.regions()?;
    let rows = results.outcomes.len() as u64;
    let value = || {
        serde_json::json!({
            "draw": results.detail.draw,
            "plan": results.detail.plan,
            "outcomes": results.outcomes,
        })
    };
    let table = |row: &mut RowSink<'_>| {
        for o in &results.outcomes {
            row(&line(&results, o, &regions, lang))?;
        }
        Ok(rows)
    };
    let sheet = (T::DrawResultsSheet, &HEADERS[..]);
    let n = publish(format, output, sheet, lang, (rows, value), table)?;
    let file = match output {
        Output::File(p) | Output::Replace(p) => p.display().to_string(),
        Output::Stdout => "-".to_string(),
    };
    let code = match format {
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
        Format::Json => "json",
    };
    s.draws().record_publication(id, n, code, &file)?;
    Ok(Published {
        rows: n,
        still_open: results.still_open(),
    })
}
