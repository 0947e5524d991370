//! Manifest export pages and the import of manifests exported by the national system: a CSV with one
//! row per waste line (rows with the same number are one manifest), headers in Chinese or English as
//! `ecocase export manifests` writes them. Upsert by number: a new number becomes a draft with the
//! national origin; a draft already stored is updated; a manifest past its draft is left alone.
//! Strict by default: every manifest is checked first and nothing is written if any fails.

use crate::domain::manifest::Line;
use crate::domain::manifest::{LegDraft, LineDraft, MfState, Mode, Origin};
use crate::domain::user::Action;
use crate::export::manifest::HEADERS;
use crate::i18n::{Lang, T, Text};
use crate::service::manifest::ManifestInput;
use crate::service::{Result, ServiceError, Session};
use crate::store::manifest::{self as store, Leg, ListFilter, Manifest};

/// A manifest with what an export row needs.
pub struct ExportItem {
    pub manifest: Manifest,
    pub lines: Vec<Line>,
    pub legs: Vec<LegDraft>,
    pub approval: String,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MfImportReport {
    pub manifests: usize,
    pub created: usize,
    pub updated: usize,
    /// (file line, number, reason) of every manifest refused.
    pub errors: Vec<(u64, String, Text)>,
    pub committed: bool,
}

/// Why a file cannot be read at all.
fn file_error(t: Text) -> ServiceError {
    ServiceError::Refused(t)
}

/// The column index of each header, matched by its label in either language.
fn header_slots(header: &csv::StringRecord) -> Vec<Option<usize>> {
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

impl Session {
    /// One page of manifests in scope for export, with their lines, carriers and approval number.
    pub fn manifest_export_page(&self, f: &ListFilter, limit: usize) -> Result<Vec<ExportItem>> {
        self.require(Action::ManifestExport)?;
        self.manifest_page(f, limit)?
            .into_iter()
            .map(|r| {
                let id = r.manifest.id;
                let approval = match r.manifest.approval_id {
                    Some(a) => crate::store::manifest_ref::approval(&self.conn, a)?.number,
                    None => String::new(),
                };
                Ok(ExportItem {
                    lines: store::lines(&self.conn, id)?,
                    legs: store::legs(&self.conn, id)?
                        .into_iter()
                        .map(|l: Leg| l.carrier)
                        .collect(),
                    approval,
                    manifest: r.manifest,
                })
            })
            .collect()
    }

    /// Imports a CSV of manifests (see the module note).
    pub fn import_manifests(&mut self, bytes: &[u8], lenient: bool) -> Result<MfImportReport> {
        self.require(Action::ManifestDraft)?;
        let (text, _) = crate::service::import_csv::decode(bytes, Default::default())
            .map_err(|e| file_error(e.text()))?;
        let text = text.replace("\r\n", "\n");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let header = match records.next() {
            Some(Ok(h)) => h,
            _ => return Err(file_error(Text::new(T::MfErrImportEmpty))),
        };
        let slots = header_slots(&header);
        for needed in [0usize, 1, 2, 4, 6, 12] {
            if !slots.contains(&Some(needed)) {
                return Err(file_error(
                    Text::new(T::MfErrImportColumn).arg_key("column", HEADERS[needed]),
                ));
            }
        }
        // Group rows by number, in file order.
        let mut groups: Vec<(u64, String, ManifestInput)> = Vec::new();
        let mut report = MfImportReport::default();
        for (i, rec) in records.enumerate() {
            let line = u64::try_from(i).unwrap_or(0) + 2;
            let rec = match rec {
                Ok(r) => r,
                Err(_) => {
                    report
                        .errors
                        .push((line, String::new(), Text::new(T::MfErrImportRow)));
                    continue;
                }
            };
            let cell = |col: usize| {
                slots
                    .iter()
                    .position(|s| *s == Some(col))
                    .and_then(|p| rec.get(p))
                    .unwrap_or("")
                    .trim()
                    .to_string()
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
            let generator_id = match self.enterprise_by_uscc(&cell(1)) {
                Ok(e) => Some(e.id),
                Err(_) => {
                    report.errors.push((
                        line,
                        number.clone(),
                        Text::new(T::MfErrGeneratorUnknown).arg("uscc", cell(1)),
                    ));
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
        // Check everything first: strict imports write nothing when anything fails.
        let mut plan: Vec<(String, ManifestInput, Option<Manifest>)> = Vec::new();
        for (line, number, input) in groups {
            let existing = store::get_by_number(&self.conn, &number)?;
            let checked = match &existing {
                Some(m) if m.state != MfState::Draft => Err(Text::new(T::MfErrImportNotDraft)
                    .arg("number", &number)
                    .arg_key("state", m.state.label())),
                Some(m) => self
                    .manifest(m.id)
                    .map_err(|e| e.text())
                    .and_then(|m| self.import_check(&input, m.generator_id, m.id)),
                None => crate::domain::manifest::parse_number(&number, None)
                    .and_then(|_| self.import_check(&input, input.generator_id.unwrap_or(0), 0)),
            };
            match checked {
                Ok(()) => plan.push((number, input, existing)),
                Err(t) => report.errors.push((line, number, t)),
            }
        }
        if !lenient && !report.errors.is_empty() {
            return Ok(report);
        }
        for (_, input, existing) in plan {
            match existing {
                Some(m) => {
                    self.update_manifest(m.id, m.row_version, input, true)?;
                    report.updated += 1;
                }
                None => {
                    self.create_manifest(input, true)?;
                    report.created += 1;
                }
            }
        }
        report.committed = report.created + report.updated > 0;
        Ok(report)
    }

    /// The checks of a save, without writing: the first blocking message, if any.
    fn import_check(
        &self,
        input: &ManifestInput,
        generator: i64,
        except: i64,
    ) -> std::result::Result<(), Text> {
        match self.prepare(input, generator, except, false) {
            Ok(p) => match p.issues.iter().find(|i| i.is_error()) {
                Some(i) => Err(i.text.clone()),
                None => Ok(()),
            },
            Err(e) => Err(e.text()),
        }
    }
}
