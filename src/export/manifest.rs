//! 转移联单 as CSV (with BOM), XLSX or JSON: one row per waste line, streamed page by page (keyset)
//! from the service layer, so exports of every manifest in the city stay within a small memory budget.
//! The columns are those `ecocase import manifests` reads back, followed by state and receipt facts.

use crate::domain::manifest::Line;
use crate::domain::manifest::format_tonnes;
use crate::export::columns::Cell;
use crate::export::{ExportError, Format, Output, csv, deliver, parent_dir, xlsx};
use crate::i18n::{Lang, T};
use crate::service::Session;
use crate::store::manifest::{ListFilter, Manifest};
use std::io::Write;
use std::path::Path;

/// The columns, in order: the import columns first.
pub const HEADERS: [T; 24] = [
    T::MfFieldNumber,
    T::MfColGeneratorUscc,
    T::MfFieldLicence,
    T::MfFieldMode,
    T::MfFieldTransferDate,
    T::MfFieldApproval,
    T::MfFieldCode,
    T::MfFieldWasteName,
    T::MfFieldHazard,
    T::MfFieldForm,
    T::MfFieldPackaging,
    T::MfFieldContainers,
    T::MfFieldQuantity,
    T::MfFieldCarrier,
    T::MfFieldCarrierUscc,
    T::MfFieldTransportLicence,
    T::MfFieldPlate,
    T::MfFieldDriver,
    T::MfColState,
    T::MfFieldGenerator,
    T::MfFieldReceiver,
    T::MfFieldArrivedAt,
    T::MfFieldReceivedAt,
    T::MfFieldReceivedQty,
];

/// Rows a page reads.
const PAGE: usize = 1000;

fn cells(
    m: &Manifest,
    l: &Line,
    approval: &str,
    leg: &crate::domain::manifest::LegDraft,
    lang: Lang,
) -> Vec<String> {
    vec![
        m.number.clone(),
        m.generator_uscc.clone(),
        m.licence_number.clone(),
        m.handling_mode.code().to_string(),
        m.transfer_date.clone(),
        approval.to_string(),
        l.code.clone(),
        l.name.clone(),
        l.hazard.clone(),
        l.form.clone(),
        l.packaging.clone(),
        l.containers.to_string(),
        format_tonnes(l.quantity_kg),
        leg.carrier_name.clone(),
        leg.carrier_uscc.clone(),
        leg.transport_licence.clone(),
        leg.plate.clone(),
        leg.driver.clone(),
        m.state.label().get(lang).to_string(),
        m.generator_name.clone(),
        m.receiver_name.clone(),
        m.arrived_at.clone().unwrap_or_default(),
        m.received_at.clone().unwrap_or_default(),
        l.received_kg.map(format_tonnes).unwrap_or_default(),
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
    s.require(crate::domain::user::Action::ManifestExport)?;
    deliver(format, output, |path| write(s, filter, format, path, lang))
}

/// Walks every page and hands each row to `emit`.
fn walk(
    s: &Session,
    filter: &ListFilter,
    mut emit: impl FnMut(
        &Manifest,
        &Line,
        &str,
        &crate::domain::manifest::LegDraft,
    ) -> Result<(), ExportError>,
) -> Result<u64, ExportError> {
    let mut f = filter.clone();
    let mut n = 0;
    loop {
        let page = s.manifest_export_page(&f, PAGE)?;
        let Some(last) = page.last().map(|p| p.manifest.id) else {
            break;
        };
        for p in &page {
            let leg = p.legs.first().cloned().unwrap_or_default();
            for l in &p.lines {
                emit(&p.manifest, l, &p.approval, &leg)?;
                n += 1;
            }
        }
        f.before_id = Some(last);
    }
    Ok(n)
}

fn write(
    s: &Session,
    filter: &ListFilter,
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
            let n = walk(s, filter, |m, l, a, leg| {
                sink.row(&cells(m, l, a, leg, lang)).map_err(werr)
            })?;
            sink.finish().map_err(werr)?;
            Ok(n)
        }
        Format::Json => {
            // One JSON object per line of the array, written as it streams: codes, not labels.
            let mut out = open()?;
            out.write_all(b"[\n").map_err(werr)?;
            let mut first = true;
            let n = walk(s, filter, |m, l, a, leg| {
                if !first {
                    out.write_all(b",\n").map_err(werr)?;
                }
                first = false;
                let v = serde_json::json!({
                    "number": m.number, "state": m.state.code(), "origin": m.origin.code(),
                    "generator_uscc": m.generator_uscc, "generator": m.generator_name,
                    "receiver_uscc": m.receiver_uscc, "receiver": m.receiver_name,
                    "licence": m.licence_number, "mode": m.handling_mode.code(),
                    "transfer_date": m.transfer_date, "approval": a, "line": l.seq,
                    "waste_code": l.code, "waste_name": l.name, "hazard": l.hazard, "form": l.form,
                    "packaging": l.packaging, "containers": l.containers,
                    "quantity_kg": l.quantity_kg, "received_kg": l.received_kg,
                    "carrier": leg.carrier_name, "plate": leg.plate,
                    "departed_at": m.departed_at, "arrived_at": m.arrived_at,
                    "received_at": m.received_at, "decision": m.decision.map(|d| d.code()),
                    "handling_code": m.handling_code,
                });
                serde_json::to_writer(&mut out, &v).map_err(|e| werr(std::io::Error::other(e)))
            })?;
            out.write_all(b"\n]\n").map_err(werr)?;
            out.flush().map_err(werr)?;
            Ok(n)
        }
        Format::Xlsx => {
            let Some(p) = path else {
                return Err(ExportError::XlsxToStdout);
            };
            let mut sink = xlsx::XlsxSink::new(T::MfScreenList.get(lang), &headers, parent_dir(p))
                .map_err(werr)?;
            let n = walk(s, filter, |m, l, a, leg| {
                let row: Vec<Cell> = cells(m, l, a, leg, lang)
                    .into_iter()
                    .map(Cell::Text)
                    .collect();
                sink.row(&row).map_err(werr)
            })?;
            sink.finish(p).map_err(werr)?;
            Ok(n)
        }
    }
}
