//! The import of manifests exported by the national system: a CSV or XLSX (first sheet) with one row
//! per waste line (rows with the same number are one manifest), headers in Chinese or English as
//! `ecocase export manifests` writes them. Upsert by number: a new number becomes a draft with the
//! national origin; a draft already stored is updated; a manifest past its draft is left alone.
//! Every manifest is checked first, then the accepted ones are written in ONE transaction: strict
//! (the default) writes nothing when any manifest fails; lenient writes the good ones and reports the rest.

use crate::domain::account::Action;
use crate::domain::manifest::columns::HEADERS;
use crate::domain::manifest::{LegDraft, LineDraft, ManifestState, Mode, Origin};
use crate::domain::validate::Severity;
use crate::i18n::{Lang, T, Text};
use crate::service::manifest::ManifestInput;
use crate::service::manifest::draft::{CreatePlan, UpdatePlan, write_create, write_update};
use crate::service::{Result, ServiceError};
use crate::store::manifest as store;

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManifestImportReport {
    pub manifests: usize,
    pub created: usize,
    pub updated: usize,
    /// (file line, number, reason) of every manifest or row refused.
    pub errors: Vec<(u64, String, Text)>,
    pub committed: bool,
}

/// A checked manifest of the file, ready for the writing transaction.
enum Planned {
    Create(Box<CreatePlan>),
    Update(Box<UpdatePlan>),
}

/// Why a file cannot be read at all.
fn file_error(t: Text) -> ServiceError {
    ServiceError::Refused(t)
}

/// The reason an import refuses a manifest: the first blocking issue, not just their count.
fn reason(e: &ServiceError) -> Text {
    match e {
        ServiceError::Invalid(issues) => issues
            .iter()
            .find(|i| i.severity == Severity::Error)
            .or(issues.first())
            .map(|i| i.text.clone())
            .unwrap_or_else(|| e.text()),
        _ => e.text(),
    }
}

/// The rows of the file as text cells, the header first. XLSX is recognised by its zip signature
/// (whatever the file is called); anything else is read as CSV text (UTF-8 or GB18030).
/// A row that cannot be read is `Err` and reported with its line.
fn rows(bytes: &[u8]) -> Result<Vec<std::result::Result<Vec<String>, ()>>> {
    if bytes.starts_with(b"PK\x03\x04") {
        return xlsx_rows(bytes);
    }
    let (text, _) = crate::service::enterprise::import_csv::decode(bytes, Default::default())
        .map_err(|e| file_error(e.text()))?;
    let text = text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    Ok(reader
        .records()
        .map(|r| {
            r.map(|rec| rec.iter().map(str::to_string).collect())
                .map_err(|_| ())
        })
        .collect())
}

/// The first worksheet of an XLSX workbook as text cells.
fn xlsx_rows(bytes: &[u8]) -> Result<Vec<std::result::Result<Vec<String>, ()>>> {
    use calamine::Reader;
    let unreadable = || file_error(Text::new(T::ManifestErrImportXlsx));
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| unreadable())?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(r)) => r,
        _ => return Err(unreadable()),
    };
    Ok(range
        .rows()
        .map(|row| Ok(row.iter().map(cell_text).collect()))
        .collect())
}

/// A spreadsheet cell as the text a CSV would hold: whole numbers without a decimal point (numbers and
/// credit codes typed as numbers), dates as YYYY-MM-DD (with the time when there is one).
fn cell_text(c: &calamine::Data) -> String {
    use calamine::Data;
    match c {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::Empty | Data::Error(_) => String::new(),
        other => other.to_string(),
    }
}

/// The column index of each header, matched by its label in either language.
fn header_slots(header: &[String]) -> Vec<Option<usize>> {
    header
        .iter()
        .map(|h| {
            let h = h.trim_start_matches('\u{feff}').trim();
            HEADERS
                .iter()
                .position(|t| t.get(Lang::Zh) == h || t.get(Lang::En).eq_ignore_ascii_case(h))
        })
        .collect()
}

impl crate::service::Manifests<'_> {
    /// Why the generator of an imported row is not usable: not in the register at all, not the
    /// importing enterprise itself, or outside the account's region.
    fn generator_refusal(&self, uscc: &str) -> Result<Text> {
        let code = crate::domain::text::normalize_code(uscc);
        let Some(e) = crate::store::enterprise::get_by_uscc(&self.conn, &code)? else {
            return Ok(Text::new(T::ManifestErrGeneratorUnknown).arg("uscc", uscc));
        };
        let key = if self.actor.roles == [crate::domain::account::Role::Enterprise] {
            T::ManifestErrImportNotOwnGenerator
        } else {
            T::ManifestErrImportOutOfScope
        };
        // The name is not shown: the file named the generator, the register need not confirm it.
        Ok(Text::new(key).arg("uscc", &e.uscc))
    }

    /// Imports a CSV or XLSX of manifests (see the module note).
    pub fn import(&self, bytes: &[u8], lenient: bool) -> Result<ManifestImportReport> {
        self.require(Action::ManifestDraft)?;
        let mut rows = rows(bytes)?.into_iter();
        let header = match rows.next() {
            Some(Ok(h)) if h.iter().any(|c| !c.trim().is_empty()) => h,
            _ => return Err(file_error(Text::new(T::ManifestErrImportEmpty))),
        };
        let slots = header_slots(&header);
        for needed in [0usize, 1, 2, 4, 6, 12] {
            if !slots.contains(&Some(needed)) {
                return Err(file_error(
                    Text::new(T::ManifestErrImportColumn).arg_key("column", HEADERS[needed]),
                ));
            }
        }
        // Group rows by number, in file order.
        let mut groups: Vec<(u64, String, ManifestInput)> = Vec::new();
        let mut report = ManifestImportReport::default();
        for (i, rec) in rows.enumerate() {
            let line = u64::try_from(i).unwrap_or(0) + 2;
            let Ok(rec) = rec else {
                report
                    .errors
                    .push((line, String::new(), Text::new(T::ManifestErrImportRow)));
                continue;
            };
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let cell = |col: usize| {
                slots
                    .iter()
                    .position(|s| *s == Some(col))
                    .and_then(|p| rec.get(p))
                    .map(|c| crate::domain::text::clean(c, crate::domain::text::Lines::Many))
                    .map(|c| c.trim().to_string())
                    .unwrap_or_default()
            };
            let number = crate::domain::text::normalize_code(&cell(0));
            let l = LineDraft {
                code: cell(6),
                name: cell(7),
                hazard: cell(8),
                form: cell(9),
                packaging: cell(10),
                containers: cell(11),
                quantity: cell(12),
                ..LineDraft::default()
            };
            if let Some((_, _, input)) = groups.iter_mut().find(|(_, n, _)| *n == number) {
                input.lines.push(l);
                continue;
            }
            let generator_id = match self.enterprises().by_uscc(&cell(1)) {
                Ok(e) => Some(e.id),
                Err(_) => {
                    report
                        .errors
                        .push((line, number.clone(), self.generator_refusal(&cell(1))?));
                    continue;
                }
            };
            let leg = LegDraft {
                carrier_name: cell(13),
                carrier_uscc: cell(14),
                transport_licence: cell(15),
                plate: cell(16),
                driver: cell(17),
                escort: String::new(),
            };
            groups.push((
                line,
                number.clone(),
                ManifestInput {
                    number,
                    origin: Some(Origin::National),
                    generator_id,
                    licence_number: cell(2),
                    mode: Mode::parse(&cell(3)),
                    transfer_date: cell(4),
                    approval_number: cell(5),
                    lines: vec![l],
                    legs: if leg == LegDraft::default() {
                        Vec::new()
                    } else {
                        vec![leg]
                    },
                    paper_completed_on: String::new(),
                },
            ));
        }
        report.manifests = groups.len();
        self.write(|w| {
            // Check everything first, with every rule of a save from the form, under the write lock.
            let mut plan: Vec<Planned> = Vec::new();
            for (line, number, input) in groups {
                // Scope before anything about the stored manifest is told: one the importer may not
                // see is treated exactly as a new number (whose create then finds the number taken),
                // so its state, owner and even whether it is a draft stay hidden.
                let stored = store::get_by_number(w, &number)?
                    .filter(|m| self.may(Action::ManifestRead, m, None).is_ok());
                let planned = match stored {
                    Some(m) if m.state != ManifestState::Draft => {
                        Err(Text::new(T::ManifestErrImportNotDraft)
                            .arg("number", &number)
                            .arg_key("state", m.state.label()))
                    }
                    Some(m) => self
                        .plan_update(m.id, m.row_version, input, true)
                        .map(|p| Planned::Update(Box::new(p)))
                        .map_err(|e| reason(&e)),
                    // The number's own form first; plan_create checks it against the generator.
                    None => crate::domain::manifest::parse_number(
                        &number,
                        &crate::domain::manifest::NumberRules {
                            this_year: chrono::Datelike::year(&self.today()),
                            ..Default::default()
                        },
                    )
                    .and_then(|_| {
                        self.plan_create(input, true)
                            .map(|p| Planned::Create(Box::new(p)))
                            .map_err(|e| reason(&e))
                    }),
                };
                match planned {
                    Ok(p) => plan.push(p),
                    Err(t) => report.errors.push((line, number, t)),
                }
            }
            if (!lenient && !report.errors.is_empty()) || plan.is_empty() {
                return Ok(report);
            }
            for p in &plan {
                match p {
                    Planned::Create(c) => {
                        write_create(w, c)?;
                        report.created += 1;
                    }
                    Planned::Update(u) => {
                        write_update(w, u)?;
                        report.updated += 1;
                    }
                }
            }
            report.committed = true;
            Ok(report)
        })
    }
}
