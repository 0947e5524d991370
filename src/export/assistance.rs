//! A 帮扶 queue as the screen shows it (the same queue, in the same order), as CSV or XLSX: number,
//! enterprise, state, urgency, channel, handler, submitted, the running time limit and its state.
//! Pages are read one after another, so memory does not grow with the queue.

use crate::domain::assistance::sla::{Level, Phase};
use crate::domain::time::Instant;
use crate::export::columns::{Cell, region_name};
use crate::export::table::{TableFormat, write_table};
use crate::export::{ExportError, Output};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::service::assistance::{Queue, QueueRow};
use crate::store::reference::Region;
use chrono::NaiveDateTime;

const PAGE: usize = 500;

const HEADERS: [T; 11] = [
    T::ExpColNumber,
    T::AssistanceFieldEnterprise,
    T::FieldRegion,
    T::ExpColState,
    T::AssistanceFieldUrgency,
    T::AssistanceFieldChannel,
    T::AssistanceFieldHandler,
    T::DossierColSubmitted,
    T::ExpColPhase,
    T::ExpColDue,
    T::ExpColLevel,
];

/// A stored UTC time as a local date-time cell.
fn time_cell(stored: Option<Instant>) -> Cell {
    let Some(stored) = stored else {
        return Cell::Text(String::new());
    };
    let shown = stored.local();
    NaiveDateTime::parse_from_str(&shown, "%Y-%m-%d %H:%M")
        .map(Cell::DateTime)
        .unwrap_or(Cell::Text(shown))
}

fn cells(row: &QueueRow, regions: &[Region], lang: Lang) -> Vec<Cell> {
    let r = &row.request;
    let text = |s: &str| Cell::Text(s.to_string());
    let (phase, due, level) = match &row.sla {
        Some(sla) => (
            match sla.phase {
                Phase::Response => T::ExpPhaseResponse,
                Phase::Completion => T::ExpPhaseCompletion,
            }
            .get(lang),
            Cell::Date(sla.due.date),
            match sla.level {
                Level::OnTrack => T::ExpLevelOnTrack,
                Level::NearDue => T::AssistanceTabNearDue,
                Level::Overdue => T::AssistanceTabOverdue,
            }
            .get(lang),
        ),
        None => ("", Cell::Text(String::new()), ""),
    };
    vec![
        text(&r.number),
        text(&r.enterprise_name),
        Cell::Text(region_name(&r.region_code, regions, lang)),
        text(r.state.label().get(lang)),
        text(r.urgency.label().get(lang)),
        text(r.channel.label().get(lang)),
        text(r.handler_name.as_deref().unwrap_or("")),
        time_cell(r.submitted_at),
        text(phase),
        due,
        Cell::Text(match row.sla.as_ref().and_then(|s| s.due.warning()) {
            // The date was estimated on weekdays: the level says so, so a spreadsheet shows it too.
            Some(w) => format!("{level}（{}）", w.render(lang)),
            None => level.to_string(),
        }),
    ]
}

/// Writes the requests of `queue` the session may see; returns how many were written.
pub fn assist_queue(
    s: &Session,
    queue: Queue,
    format: TableFormat,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    let regions = s.regions()?;
    write_table(format, output, T::ExpSheetAssist, &HEADERS, lang, |row| {
        let mut after = None;
        let mut n = 0;
        loop {
            let page = s.assistance().queue_page(queue, after.as_ref(), PAGE)?;
            for r in &page.rows {
                row(&cells(r, &regions, lang))?;
                n += 1;
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(n),
            }
        }
    })
}
