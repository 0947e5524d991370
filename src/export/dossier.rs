//! 企业档案 (enterprise dossier) as printable HTML or XLSX: the profile as in the register export,
//! then one table per part (former names, positive list and its timeline and triggers, assistance
//! requests with their timeline and service records, the change history).

use crate::domain::assistance::{Event, ServiceMode};
use crate::domain::enterprise::columns::COLUMNS;
use crate::domain::positive_list::{EntryState, Handling, RemovalCause, TriggerKind};
use crate::domain::time::{Instant, day_text, local_time};
use crate::export::columns::cell;
use crate::export::{ExportError, Output, deliver, open_output};
use crate::i18n::{Lang, T, Text};
use crate::service::report::dossier::DossierFacts;
use crate::service::{ServiceError, Session};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Serialize;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// The dossier template shipped with ecocase.
pub const DOSSIER_TEMPLATE: &str = include_str!("../../templates/dossier.html");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DossierFormat {
    Html,
    Xlsx,
}

/// One part of the dossier, rendered in the chosen language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn part(title: T, headers: &[T], rows: Vec<Vec<String>>, lang: Lang) -> Part {
    Part {
        title: title.get(lang).to_string(),
        headers: headers.iter().map(|h| h.get(lang).to_string()).collect(),
        rows,
    }
}

/// The label of a stored code, or the code when unknown (data from another version).
fn label<E: Copy>(
    code: &str,
    parse: fn(&str) -> Option<E>,
    label: fn(E) -> T,
    lang: Lang,
) -> String {
    parse(code).map_or_else(|| code.to_string(), |v| label(v).get(lang).to_string())
}

fn plist_state(code: &str, lang: Lang) -> String {
    if code.is_empty() {
        return String::new();
    }
    label(code, EntryState::parse, EntryState::label, lang)
}

/// (field label, value) of the profile.
pub type Profile = Vec<(String, String)>;

/// The profile rows and the parts, in `lang`.
pub fn parts(
    s: &Session,
    facts: &DossierFacts,
    lang: Lang,
) -> Result<(Profile, Vec<Part>), ServiceError> {
    let regions = s.regions()?;
    let e = &facts.enterprise;
    let profile = COLUMNS
        .iter()
        .map(|c| {
            (
                c.label.get(lang).to_string(),
                cell(e, c.id, &regions, lang).text(),
            )
        })
        .collect();
    let mut parts = vec![part(
        T::DossierFormerNames,
        &[T::DossierColName, T::DossierColValidTo],
        facts
            .former_names
            .iter()
            .map(|f| vec![f.name.clone(), f.valid_to.to_string()])
            .collect(),
        lang,
    )];
    let mut entries = Vec::new();
    let mut timeline = Vec::new();
    let mut triggers = Vec::new();
    for d in &facts.list_entries {
        let x = &d.entry;
        entries.push(vec![
            x.batch_name.clone(),
            plist_state(&x.state, lang),
            day_text(x.notice_start),
            day_text(x.notice_end),
            day_text(x.listed_on),
            day_text(x.review_due),
            if x.removal_cause.is_empty() {
                String::new()
            } else {
                label(
                    &x.removal_cause,
                    RemovalCause::parse,
                    RemovalCause::label,
                    lang,
                )
            },
            x.removal_reason.clone(),
        ]);
        for h in &d.history {
            timeline.push(vec![
                h.at.local(),
                x.batch_name.clone(),
                plist_state(&h.from_state, lang),
                plist_state(&h.to_state, lang),
                h.note.clone(),
                h.by_name.clone(),
            ]);
        }
        for t in &d.triggers {
            triggers.push(vec![
                t.occurred_on.to_string(),
                label(&t.kind, TriggerKind::parse, TriggerKind::label, lang),
                t.reference.clone(),
                label(&t.handling, Handling::parse, Handling::label, lang),
                t.note.clone(),
            ]);
        }
    }
    parts.push(part(
        T::DossierPlEntries,
        &[
            T::DossierColBatch,
            T::DossierColState,
            T::DossierColNoticeStart,
            T::DossierColNoticeEnd,
            T::DossierColListedOn,
            T::DossierColReviewDue,
            T::DossierColCause,
            T::DossierColReason,
        ],
        entries,
        lang,
    ));
    parts.push(part(
        T::DossierPlTimeline,
        &[
            T::DossierColTime,
            T::DossierColBatch,
            T::DossierColFrom,
            T::DossierColTo,
            T::DossierColReason,
            T::DossierColBy,
        ],
        timeline,
        lang,
    ));
    parts.push(part(
        T::DossierPlTriggers,
        &[
            T::DossierColDate,
            T::DossierColKind,
            T::DossierColReference,
            T::DossierColHandling,
            T::DossierColNote,
        ],
        triggers,
        lang,
    ));
    let mut requests = Vec::new();
    let mut steps = Vec::new();
    let mut records = Vec::new();
    for d in &facts.requests {
        let r = &d.request;
        let services: Vec<String> = d
            .services
            .iter()
            .map(|(_, zh, en)| {
                if lang == Lang::Zh {
                    zh.clone()
                } else {
                    en.clone()
                }
            })
            .collect();
        requests.push(vec![
            r.number.clone(),
            r.submitted_at.map(Instant::local).unwrap_or_default(),
            services.join(list_separator(lang)),
            r.urgency.label().get(lang).to_string(),
            r.state.label().get(lang).to_string(),
            r.outcome
                .map(|o| o.label().get(lang).to_string())
                .unwrap_or_default(),
            r.rating
                .map(|o| o.label().get(lang).to_string())
                .unwrap_or_default(),
        ]);
        for h in &d.history {
            steps.push(vec![
                h.at.local(),
                r.number.clone(),
                label(&h.event, Event::parse, Event::label, lang),
                h.note.clone(),
                h.by_name.clone(),
            ]);
        }
        for x in &d.records {
            records.push(vec![
                x.service_date.clone(),
                r.number.clone(),
                label(x.mode.code(), ServiceMode::parse, ServiceMode::label, lang),
                x.content.clone(),
                x.problems.clone(),
                x.advice.clone(),
            ]);
        }
    }
    parts.push(part(
        T::DossierRequests,
        &[
            T::DossierColNumber,
            T::DossierColSubmitted,
            T::DossierColServices,
            T::DossierColUrgency,
            T::DossierColState,
            T::DossierColResult,
            T::DossierColRating,
        ],
        requests,
        lang,
    ));
    parts.push(part(
        T::DossierRequestSteps,
        &[
            T::DossierColTime,
            T::DossierColNumber,
            T::DossierColEvent,
            T::DossierColNote,
            T::DossierColBy,
        ],
        steps,
        lang,
    ));
    parts.push(part(
        T::DossierRecords,
        &[
            T::DossierColDate,
            T::DossierColNumber,
            T::DossierColMode,
            T::DossierColContent,
            T::DossierColProblems,
            T::DossierColAdvice,
        ],
        records,
        lang,
    ));
    let own = facts.enterprise.id;
    parts.push(part(
        T::DossierManifests,
        &[
            T::DossierColNumber,
            T::DossierColDate,
            T::DossierColRole,
            T::DossierColCounterpart,
            T::DossierColState,
        ],
        facts
            .manifests
            .iter()
            .map(|r| {
                let m = &r.manifest;
                let (role, other) = if m.generator_id == own {
                    (T::DossierRoleGenerator, m.receiver_name.clone())
                } else {
                    (T::DossierRoleReceiver, m.generator_name.clone())
                };
                vec![
                    m.number.clone(),
                    m.transfer_date.to_string(),
                    role.get(lang).to_string(),
                    other,
                    m.state.label().get(lang).to_string(),
                ]
            })
            .collect(),
        lang,
    ));
    let insp = &facts.inspections;
    parts.push(part(
        T::DossierInspections,
        &[
            T::DossierColNumber,
            T::DossierColDate,
            T::DossierColKind,
            T::DossierColMode,
            T::DossierColState,
            T::DossierColResult,
            T::InspectionFieldGuard,
        ],
        insp.inspections
            .iter()
            .map(|i| {
                let basis = insp
                    .guard_links
                    .iter()
                    .find(|(id, _)| *id == i.id)
                    .map(|(_, l)| crate::service::inspection::guard::link_label(l).render(lang))
                    .unwrap_or_default();
                vec![
                    i.number.clone(),
                    i.planned_on.to_string(),
                    i.category.label().get(lang).to_string(),
                    i.mode.label().get(lang).to_string(),
                    i.state.label().get(lang).to_string(),
                    i.conclusion
                        .map(|c| c.label().get(lang).to_string())
                        .unwrap_or_default(),
                    basis,
                ]
            })
            .collect(),
        lang,
    ));
    parts.push(part(
        T::DossierRectifications,
        &[
            T::DossierColNumber,
            T::DossierColServed,
            T::DossierColDeadline,
            T::DossierColReport,
            T::DossierColResult,
        ],
        insp.rectifications
            .iter()
            .map(|r| {
                vec![
                    r.doc_number.clone(),
                    r.served_on.to_string(),
                    r.deadline.to_string(),
                    r.report_at.map(Instant::local).unwrap_or_default(),
                    r.result
                        .map(|x| x.label().get(lang).to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect(),
        lang,
    ));
    parts.push(part(
        T::DossierCases,
        &[
            T::DossierColNumber,
            T::DossierColDate,
            T::DossierColState,
            T::DossierColPenalty,
        ],
        insp.cases
            .iter()
            .map(|c| {
                vec![
                    c.case_number.clone(),
                    c.approved_on.to_string(),
                    c.status.label().get(lang).to_string(),
                    if c.penalty_fen > 0 {
                        format!("{} {:.2}", c.penalty_kind, c.penalty_fen as f64 / 100.0)
                    } else {
                        c.penalty_kind.clone()
                    },
                ]
            })
            .collect(),
        lang,
    ));
    if let Some(audit) = &facts.audit {
        parts.push(part(
            T::DossierAudit,
            &[
                T::DossierColTime,
                T::DossierColBy,
                T::DossierColAction,
                T::DossierColChanged,
            ],
            audit
                .iter()
                .map(|a| {
                    vec![
                        local_time(&a.at),
                        a.actor_name.clone(),
                        a.action.clone(),
                        changed_fields(a.before_json.as_deref(), a.after_json.as_deref(), lang),
                    ]
                })
                .collect(),
            lang,
        ));
    }
    Ok((profile, parts))
}

/// How items of a list are joined in a cell: 、 in Chinese, a comma in English.
fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// The names of the fields an audit entry changed, as the register's column headers where there is one
/// (bookkeeping fields left out).
fn changed_fields(before: Option<&str>, after: Option<&str>, lang: Lang) -> String {
    let parse = |s: Option<&str>| {
        s.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default()
    };
    let (b, a) = (parse(before), parse(after));
    let skip = [
        "row_version",
        "updated_at",
        "updated_by",
        "created_at",
        "uid",
        "id",
    ];
    let mut keys: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| !skip.contains(&k.as_str()) && a.get(*k) != b.get(*k))
        .collect();
    keys.sort();
    keys.dedup();
    keys.iter()
        .map(|k| {
            // The stored column of the pre-standard code's reason has a shorter export id.
            let id = match k.as_str() {
                "uscc_nonstandard_reason" => "uscc_reason",
                other => other,
            };
            COLUMNS
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| k.to_string(), |c| c.label.get(lang).to_string())
        })
        .collect::<Vec<_>>()
        .join(list_separator(lang))
}

/// Writes the dossier of enterprise `id`, all or nothing.
pub fn write_dossier(
    s: &Session,
    id: i64,
    format: DossierFormat,
    output: Output<'_>,
    lang: Lang,
) -> Result<String, ExportError> {
    let facts = s.reports().dossier(id)?;
    let (profile, parts) = parts(s, &facts, lang)?;
    let name = facts.enterprise.name.clone();
    deliver(
        match format {
            DossierFormat::Xlsx => crate::export::Format::Xlsx,
            DossierFormat::Html => crate::export::Format::Csv,
        },
        output,
        |sink| {
            let shown = sink.shown();
            let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
            match format {
                DossierFormat::Xlsx => {
                    let Some(file) = sink.take_file() else {
                        return Err(ExportError::XlsxToStdout);
                    };
                    xlsx(&profile, &parts, lang, file)
                        .map_err(|e| werr(std::io::Error::other(e)))?;
                }
                DossierFormat::Html => {
                    let page = html(&facts, &profile, &parts, lang)?;
                    let mut out = open_output(sink).map_err(werr)?;
                    out.write_all(page.as_bytes()).map_err(werr)?;
                    out.flush().map_err(werr)?;
                }
            }
            Ok(0)
        },
    )?;
    Ok(name)
}

fn html(
    facts: &DossierFacts,
    profile: &[(String, String)],
    parts: &[Part],
    lang: Lang,
) -> Result<String, ExportError> {
    let refuse = |e: minijinja::Error| {
        ExportError::Service(ServiceError::Refused(
            Text::new(T::ErrReportTemplate).arg("detail", e),
        ))
    };
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("dossier.html", DOSSIER_TEMPLATE)
        .map_err(refuse)?;
    let ctx = serde_json::json!({
        "lang": lang.code(),
        "unit": T::ReportUnit.get(lang),
        "title": T::DossierTitle.get(lang),
        "name": facts.enterprise.name,
        "uscc": facts.enterprise.uscc,
        "generated_label": T::ReportGenerated.get(lang),
        "generated_at": facts.generated_at,
        "generated_by": facts.generated_by,
        "profile_title": T::DossierProfile.get(lang),
        "profile": profile.iter().map(|(l, v)| serde_json::json!({"label": l, "value": v})).collect::<Vec<_>>(),
        "tables": parts,
        "empty_text": T::DossierNone.get(lang),
    });
    env.get_template("dossier.html")
        .and_then(|t| t.render(ctx))
        .map_err(refuse)
}

/// Excel refuses sheet names over 31 characters and some punctuation.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

fn xlsx(
    profile: &[(String, String)],
    parts: &[Part],
    lang: Lang,
    file: std::fs::File,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let mut wb = Workbook::new();
    let mut sheets: Vec<(String, Vec<String>, Vec<Vec<String>>)> = vec![(
        T::DossierProfile.get(lang).to_string(),
        vec![
            T::DossierColField.get(lang).to_string(),
            T::DossierColValue.get(lang).to_string(),
        ],
        profile
            .iter()
            .map(|(l, v)| vec![l.clone(), v.clone()])
            .collect(),
    )];
    sheets.extend(
        parts
            .iter()
            .map(|p| (p.title.clone(), p.headers.clone(), p.rows.clone())),
    );
    for (title, headers, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&title))?;
        let mut widths: Vec<usize> = headers.iter().map(|h| h.width() + 2).collect();
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32 + 1, c as u16, v)?;
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(v.width() + 2).min(60);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w as f64)?;
        }
        ws.set_freeze_panes(1, 0)?;
        if !rows.is_empty() {
            ws.autofilter(
                0,
                0,
                rows.len() as u32,
                headers.len().saturating_sub(1) as u16,
            )?;
        }
    }
    wb.save_to_writer(file)
}
