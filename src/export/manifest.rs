//! 转移联单 as CSV (with BOM), XLSX or JSON: one row per waste line, streamed by one query
//! through the service layer, so exports of every manifest in the city stay within a small memory budget.
//! The columns are those `ecocase import manifests` reads back, followed by state and receipt facts.

use crate::domain::manifest::columns::HEADERS;
use crate::domain::manifest::{ManifestState, PhysForm};
use crate::domain::time::Minute;
use crate::export::columns::Cell;
use crate::export::table::{TableFormat, write_table};
use crate::export::{ExportError, Format, Output, Sink, deliver, open_output};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::store::manifest::ListFilter;
use crate::store::manifest::export::ExportRow;
use std::io::Write;

/// The cells of one row: counts and quantities as numbers, dates and times as dates, enumerations as
/// labels in the export's language (the import reads labels and codes alike); the state's label is
/// looked up once per state, not per row.
fn cells(r: &ExportRow, state: &str, lang: Lang) -> [Cell; 24] {
    let l = &r.line;
    let text = |s: &str| Cell::Text(s.to_string());
    let time = |t: &Option<Minute>| {
        t.map_or_else(|| Cell::Text(String::new()), |t| Cell::DateTime(t.naive()))
    };
    let form = PhysForm::parse(&l.form)
        .map_or_else(|| l.form.clone(), |f| f.label().get(lang).to_string());
    [
        text(&r.number),
        text(&r.generator_uscc),
        text(&r.licence_number),
        text(r.handling_mode.label().get(lang)),
        Cell::Date(r.transfer_date.date()),
        text(&r.approval),
        text(&l.code),
        text(&l.name),
        text(&l.hazard),
        Cell::Text(form),
        text(&l.packaging),
        Cell::Int(l.containers),
        Cell::Tonnes(l.quantity_kg),
        text(&r.leg.carrier_name),
        text(&r.leg.carrier_uscc),
        text(&r.leg.transport_licence),
        text(&r.leg.plate),
        text(&r.leg.driver),
        text(state),
        text(&r.generator_name),
        text(&r.receiver_name),
        time(&r.arrived_at),
        time(&r.received_at),
        l.received_kg
            .map_or_else(|| Cell::Text(String::new()), Cell::Tonnes),
    ]
}

/// Exports the manifests the session may see matching `filter`; returns the rows (waste lines) written.
pub fn manifests(
    s: &Session,
    filter: &ListFilter,
    format: Format,
    output: Output<'_>,
    lang: Lang,
) -> Result<u64, ExportError> {
    s.require(crate::domain::account::Action::ManifestExport)?;
    let table = match format {
        Format::Csv => TableFormat::Csv,
        Format::Xlsx => TableFormat::Xlsx,
        Format::Json => return deliver(format, output, |sink| json(s, filter, sink, lang)),
    };
    write_table(
        table,
        output,
        T::ManifestScreenList,
        &HEADERS,
        lang,
        |row| walk(s, filter, lang, |r, state| row(&cells(r, state, lang))),
    )
}

/// Hands each exported row, with its state's label, to `emit`; stops at the first write error.
fn walk(
    s: &Session,
    filter: &ListFilter,
    lang: Lang,
    mut emit: impl FnMut(&ExportRow, &str) -> Result<(), ExportError>,
) -> Result<u64, ExportError> {
    let labels: Vec<(ManifestState, &str)> = ManifestState::ALL
        .iter()
        .map(|st| (*st, st.label().get(lang)))
        .collect();
    let mut failed = None;
    let n = s.manifests().export_rows(filter, |r| {
        let state = labels
            .iter()
            .find(|(st, _)| *st == r.state)
            .map_or("", |(_, label)| *label);
        match emit(r, state) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(n),
    }
}

/// One JSON object per line of the array, written as it streams: codes, not labels.
fn json(s: &Session, filter: &ListFilter, sink: &mut Sink, lang: Lang) -> Result<u64, ExportError> {
    let shown = sink.shown();
    let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
    let mut out = open_output(sink).map_err(werr)?;
    out.write_all(b"[\n").map_err(werr)?;
    let mut first = true;
    let n = walk(s, filter, lang, |r, _| {
        let (l, leg) = (&r.line, &r.leg);
        if !first {
            out.write_all(b",\n").map_err(werr)?;
        }
        first = false;
        let v = serde_json::json!({
            "number": r.number, "state": r.state.code(), "origin": r.origin.code(),
            "generator_uscc": r.generator_uscc, "generator": r.generator_name,
            "receiver_uscc": r.receiver_uscc, "receiver": r.receiver_name,
            "licence": r.licence_number, "mode": r.handling_mode.code(),
            "transfer_date": r.transfer_date, "approval": r.approval, "line": l.seq,
            "waste_code": l.code, "waste_name": l.name, "hazard": l.hazard, "form": l.form,
            "packaging": l.packaging, "containers": l.containers,
            "quantity_kg": l.quantity_kg, "received_kg": l.received_kg,
            "carrier": leg.carrier_name, "plate": leg.plate,
            "departed_at": r.departed_at, "arrived_at": r.arrived_at,
            "received_at": r.received_at, "decision": r.decision.map(|d| d.code()),
            "handling_code": r.handling_code,
        });
        serde_json::to_writer(&mut out, &v).map_err(|e| werr(std::io::Error::other(e)))
    })?;
    out.write_all(b"\n]\n").map_err(werr)?;
    out.flush().map_err(werr)?;
    Ok(n)
}
