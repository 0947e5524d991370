//! The inspection list as the screen shows it (tab, category, region and officer filters, newest
//! first) as CSV or XLSX. Pages are read one after another, so memory does not grow with the list.

use crate::export::columns::{Cell, region_name};
use crate::export::table::{TableFormat, write_table};
use crate::export::{ExportError, Output};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::store::inspection::{Inspection, ListFilter};
use crate::store::reference::Region;

const PAGE: usize = 500;

const HEADERS: [T; 10] = [
    T::InspectionColNumber,
    T::AssistanceFieldEnterprise,
    T::FieldUscc,
    T::FieldRegion,
    T::InspectionFieldCategory,
    T::InspectionFieldMode,
    T::InspectionFieldDate,
    T::InspectionColState,
    T::InspectionFieldConclusion,
    T::InspectionFieldReference,
];

fn cells(x: &Inspection, regions: &[Region], lang: Lang) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_string());
    let date = Cell::Date(x.planned_on.date());
    vec![
        text(&x.number),
        text(&x.enterprise_name),
        text(&x.uscc),
        Cell::Text(region_name(&x.region_code, regions, lang)),
        text(x.category.label().get(lang)),
        text(x.mode.label().get(lang)),
        date,
        text(x.state.label().get(lang)),
        text(x.conclusion.map_or("", |c| c.label().get(lang))),
        text(&x.trigger_ref),
    ]
}

/// Writes the inspections matching `filter` the session may see (only the open ones when
/// `open_only`, as the "mine" tab shows); returns how many were written.
pub fn inspections(
    s: &Session,
    filter: &ListFilter,
    open_only: bool,
    format: TableFormat,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let regions = s.regions()?;
    write_table(
        format,
        output,
        T::ExpSheetInspections,
        &HEADERS,
        lang,
        |row| {
            let mut after: Option<(String, i64)> = None;
            let mut n = 0;
            loop {
                let page = s.inspections().page(
                    filter,
                    after.as_ref().map(|(d, id)| (d.as_str(), *id)),
                    PAGE,
                )?;
                for x in page.iter().filter(|x| !open_only || x.state.is_open()) {
                    row(&cells(x, &regions, lang))?;
                    n += 1;
                }
                match page.last() {
                    Some(last) if page.len() == PAGE => {
                        after = Some((last.planned_on.to_string(), last.id));
                    }
                    _ => return Ok(n),
                }
            }
        },
    )
}
