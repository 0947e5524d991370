//! 一公开 of a draw's results: after the drawn inspections, one row per drawn enterprise with its
//! inspection's state and conclusion, the findings standing, the rectification order with its re-check
//! result, and the filed case. CSV (with BOM), XLSX or JSON; the publication is recorded in the audit
//! once the file is written.

use crate::domain::inspection::{CaseStatus, Conclusion, InspState, Mode, RecheckResult};
use crate::export::columns::region_name;
use crate::export::draw::{Table, label, write};
use crate::export::{ExportError, Format, Output, deliver};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::service::inspection::publish::DrawResults;
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
    T::InFieldConclusion,
    T::DrawColFindings,
    T::DrawColOrder,
    T::DrawColRecheck,
    T::DrawColCase,
    T::InFieldCaseStatus,
];

fn rows(d: &DrawResults, regions: &[Region], lang: Lang) -> Vec<Vec<String>> {
    d.outcomes
        .iter()
        .map(|o| {
            let order = if o.order_number.is_empty() {
                String::new()
            } else {
                format!("{} ({})", o.order_number, o.order_deadline)
            };
            vec![
                format!("{} {}", d.detail.draw.id, d.detail.plan.name),
                (o.rank + 1).to_string(),
                o.enterprise_name.clone(),
                o.uscc.clone(),
                region_name(&o.region_code, regions, lang),
                label(&o.mode, Mode::parse, Mode::label, lang),
                o.inspection_number.clone(),
                label(&o.state, InspState::parse, InspState::label, lang),
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
        })
        .collect()
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
    let results = s.draw_results(id)?;
    let regions = s.regions()?;
    let lines = rows(&results, &regions, lang);
    let headers: Vec<String> = HEADERS.iter().map(|h| h.get(lang).to_string()).collect();
    let value = || {
        serde_json::json!({
            "draw": results.detail.draw,
            "plan": results.detail.plan,
            "outcomes": results.outcomes,
        })
    };
    let table = Table {
        headers: &headers,
        lines: &lines,
        sheet: T::DrawResultsSheet.get(lang),
    };
    let n = deliver(format, output, |path| write(&table, format, path, value))?;
    let file = match output {
        Output::File(p) => p.display().to_string(),
        Output::Stdout => "-".to_string(),
    };
    let code = match format {
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
        Format::Json => "json",
    };
    s.draw_record_publication(id, n, code, &file)?;
    Ok(Published {
        rows: n,
        still_open: results.still_open(),
    })
}
