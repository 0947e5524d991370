//! Drawing the 360° view: the lines it shows are built here, so scrolling knows their number.

use crate::domain::enterprise::{
    Credit, Enterprise, HwClass, ListStatus, PerfGrade, PermitClass, Status, key_flags_label,
    label_of,
};
use crate::domain::time::local_time;
use crate::i18n::{Lang, T, Text};
use crate::store::audit::AuditRow;
use crate::tui::app::App;
use crate::tui::draw::{put, put_db};
use crate::tui::msg::SessionInfo;
use crate::tui::screens::enterprise::DetailData;
use crate::tui::screens::enterprise::detail::DetailState;
use crate::tui::screens::enterprise::fields::{FieldId, region_name};
use crate::tui::text::width;
use ratatui::Frame;
use ratatui::layout::Rect;

/// One line of the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Heading(T),
    /// Label, value (from the database, sanitised when drawn), and whether it is flagged.
    Field(String, String, bool),
    Text(String),
    Blank,
}

/// The profile as (label, value) pairs, enums in the chosen language.
pub fn profile_lines(
    e: &Enterprise,
    lang: Lang,
    session: Option<&SessionInfo>,
) -> Vec<(String, String)> {
    let regions = session.map(|s| s.regions.as_slice()).unwrap_or(&[]);
    let l = |t: T| t.get(lang).to_string();
    vec![
        (l(T::FieldName), e.name.clone()),
        (l(T::FieldUscc), e.uscc.clone()),
        (l(T::FieldLegalRep), e.legal_rep.clone()),
        (l(T::FieldContact), e.contact.clone()),
        (l(T::FieldPhone), e.phone.clone()),
        (l(T::FieldAddress), e.address.clone()),
        (
            l(T::FieldRegion),
            region_name(&e.region_code, regions, lang),
        ),
        (l(T::FieldIndustry), e.industry_code.clone()),
        (l(T::FieldPermitNo), e.permit_no.clone()),
        (
            l(T::FieldPermitClass),
            label_of(
                &e.permit_class,
                PermitClass::parse,
                PermitClass::label,
                lang,
            ),
        ),
        (
            l(T::FieldPermitExpiry),
            crate::domain::time::day_text(e.permit_expiry),
        ),
        (l(T::FieldKeyFlags), key_flags_label(&e.key_flags, lang)),
        (
            l(T::FieldHwClass),
            label_of(&e.hw_class, HwClass::parse, HwClass::label, lang),
        ),
        (
            l(T::FieldCredit),
            label_of(&e.credit, Credit::parse, Credit::label, lang),
        ),
        (
            l(T::FieldPerfGrade),
            label_of(&e.perf_grade, PerfGrade::parse, PerfGrade::label, lang),
        ),
        (
            l(T::FieldListStatus),
            label_of(&e.list_status, ListStatus::parse, ListStatus::label, lang),
        ),
        (
            l(T::FieldStatus),
            label_of(&e.status, Status::parse, Status::label, lang),
        ),
    ]
}

/// The label of a stored field name in the audit log's JSON.
fn json_field_label(key: &str) -> Option<T> {
    match key {
        "uscc_nonstandard_reason" => Some(T::FieldUsccReason),
        "list_status" => Some(T::FieldListStatus),
        _ => FieldId::ALL
            .iter()
            .find(|f| f.key() == key)
            .map(|f| f.label()),
    }
}

/// What an audit entry did, in words: the action and, for edits, the fields that changed.
fn history_text(row: &AuditRow, lang: Lang) -> String {
    let action = match row.action.as_str() {
        "create" => T::AuditCreate.get(lang).to_string(),
        "update" => T::AuditUpdate.get(lang).to_string(),
        "delete" => T::AuditDelete.get(lang).to_string(),
        other => other.to_string(),
    };
    let parse = |s: &Option<String>| {
        s.as_deref()
            .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
    };
    let (before, after) = (parse(&row.before_json), parse(&row.after_json));
    let detail = match (row.action.as_str(), &before, &after) {
        ("update", Some(b), Some(a)) => {
            let changed: Vec<&str> = a
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(k, v)| b.get(k.as_str()) != Some(v))
                .filter_map(|(k, _)| json_field_label(k))
                .map(|t| t.get(lang))
                .collect();
            changed.join(if lang == Lang::Zh { "、" } else { ", " })
        }
        ("delete", _, Some(a)) => a
            .get("delete_reason")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    };
    if detail.is_empty() {
        action
    } else {
        format!("{action}: {detail}")
    }
}

/// Every line of the view, in order.
pub fn lines(d: &DetailData, lang: Lang, session: Option<&SessionInfo>) -> Vec<Line> {
    let e = &d.enterprise;
    let mut out = vec![Line::Heading(T::SectionProfile)];
    for (i, (label, value)) in profile_lines(e, lang, session).into_iter().enumerate() {
        let flagged = i == 1 && e.uscc_nonstandard_reason.is_some();
        if flagged {
            let marked = format!("{value}  {}", T::DetailNonstandard.get(lang));
            out.push(Line::Field(label, marked, true));
            let reason = e.uscc_nonstandard_reason.clone().unwrap_or_default();
            out.push(Line::Field(
                T::FieldUsccReason.get(lang).to_string(),
                reason,
                true,
            ));
        } else {
            out.push(Line::Field(label, value, false));
        }
    }
    out.push(Line::Field(
        T::DetailUpdated.get(lang).to_string(),
        format!("{} {}", e.updated_at.local(), e.updated_by),
        false,
    ));
    out.push(Line::Blank);
    out.push(Line::Heading(T::SectionFormerNames));
    if d.former_names.is_empty() {
        out.push(Line::Text(T::None_.get(lang).to_string()));
    }
    for f in &d.former_names {
        let until = Text::new(T::DetailUsedUntil)
            .arg("date", f.valid_to)
            .render(lang);
        out.push(Line::Text(format!("{}  {until}", f.name)));
    }
    out.push(Line::Blank);
    out.push(Line::Heading(T::SectionPositiveList));
    if d.list_entries.is_empty() {
        out.push(Line::Text(T::None_.get(lang).to_string()));
    }
    for x in &d.list_entries {
        out.push(Line::Text(
            crate::tui::screens::positive_list::view::entry_summary(x, lang),
        ));
    }
    // The list history: every state change of every entry, newest first.
    for (batch, h) in d.list_history.iter().rev() {
        let state = |code: &str| {
            crate::domain::positive_list::EntryState::parse(code)
                .map(|s| s.label().get(lang).to_string())
                .unwrap_or_default()
        };
        out.push(Line::Text(format!(
            "  {}  {}  {batch}  {} -> {}  {}",
            h.at.local(),
            h.by_name,
            state(&h.from_state),
            state(&h.to_state),
            crate::tui::screens::positive_list::view::history_note(h, lang)
        )));
    }
    if !d.assistance.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Heading(T::AssistanceScreenQueue));
        for row in &d.assistance {
            let r = &row.request;
            let due = row
                .sla
                .as_ref()
                .map(|s| {
                    format!(
                        "{} {}",
                        s.due.short(lang),
                        crate::tui::screens::assistance::view::level_label(s.level).get(lang)
                    )
                })
                .unwrap_or_default();
            out.push(Line::Text(format!(
                "{}  {}  {}  {due}",
                r.number,
                r.state.label().get(lang),
                r.urgency.label().get(lang)
            )));
        }
    }
    // 危险废物转移联单 (manifests): sent and received, with their alerts.
    if !d.manifests.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Heading(T::ManifestScreenList));
        for row in &d.manifests {
            let m = &row.manifest;
            let direction = if m.generator_id == d.enterprise.id {
                T::ManifestSent
            } else {
                T::ManifestReceivedDir
            };
            let alerts: Vec<&str> = row.alerts.iter().map(|a| a.label().get(lang)).collect();
            out.push(Line::Text(format!(
                "{}  {}  {}  {} t  {}",
                m.number,
                direction.get(lang),
                m.state.label().get(lang),
                crate::domain::manifest::format_tonnes(m.total_kg),
                alerts.join(" ")
            )));
        }
    }
    // inspections: the latest checks, open orders and cases
    let insp = &d.inspections;
    if !insp.inspections.is_empty() || !insp.rectifications.is_empty() || !insp.cases.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Heading(T::InspectionScreenList));
        for x in &insp.inspections {
            out.push(Line::Text(format!(
                "{}  {}  {}  {}",
                x.number,
                x.planned_on,
                x.category.label().get(lang),
                x.state.label().get(lang)
            )));
            if let Some((_, l)) = insp.guard_links.iter().find(|(id, _)| *id == x.id) {
                out.push(Line::Text(format!(
                    "  {}",
                    crate::service::inspection::guard::link_label(l).render(lang)
                )));
            }
        }
        for r in &insp.rectifications {
            let status = r
                .result
                .map(|res| res.label().get(lang).to_string())
                .unwrap_or_else(|| T::InspectionStRectifying.get(lang).to_string());
            out.push(Line::Text(format!(
                "{}  {}  {}",
                r.doc_number, r.deadline, status
            )));
        }
        for c in &insp.cases {
            out.push(Line::Text(format!(
                "{}  {}  {}",
                c.case_number,
                c.approved_on,
                c.status.label().get(lang)
            )));
        }
    }
    if let Some(history) = &d.history {
        out.push(Line::Blank);
        out.push(Line::Heading(T::SectionHistory));
        for row in history.iter().rev() {
            out.push(Line::Text(format!(
                "{}  {}  {}",
                local_time(&row.at),
                row.actor_name,
                history_text(row, lang)
            )));
        }
    }
    out
}

pub fn line_count(d: &DetailData, session: Option<&SessionInfo>) -> usize {
    lines(d, Lang::Zh, session).len()
}

pub fn render(frame: &mut Frame<'_>, body: Rect, app: &App, s: &DetailState) {
    let theme = app.theme;
    let lang = app.lang;
    let Some(d) = &s.data else {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::ErrNotFound
        };
        put(
            frame,
            body.x + 2,
            body.y + 1,
            text.get(lang),
            60,
            theme.dim(),
        );
        return;
    };
    let all = lines(d, lang, app.session.as_ref());
    draw_lines(frame, body, app, &all, s.scroll);
}

/// Draws `all` from line `scroll` (kept so the last line stays at the bottom); labels align.
pub fn draw_lines(frame: &mut Frame<'_>, body: Rect, app: &App, all: &[Line], scroll: usize) {
    let theme = app.theme;
    let lang = app.lang;
    let label_w = all
        .iter()
        .filter_map(|l| match l {
            Line::Field(label, ..) => Some(width(label)),
            _ => None,
        })
        .max()
        .unwrap_or(12)
        + 2;
    let visible = usize::from(body.height);
    let scroll = scroll.min(all.len().saturating_sub(visible));
    let w = usize::from(body.width) - 2;
    for (i, line) in all.iter().skip(scroll).take(visible).enumerate() {
        let y = body.y + i as u16;
        let x = body.x + 1;
        match line {
            Line::Heading(t) => {
                put(
                    frame,
                    x,
                    y,
                    &format!("[{}]", t.get(lang)),
                    w,
                    theme.heading(),
                );
            }
            Line::Field(label, value, flagged) => {
                put(frame, x + 1, y, label, label_w, theme.label());
                let style = if *flagged {
                    theme.warning()
                } else {
                    theme.base()
                };
                put_db(
                    frame,
                    x + 1 + label_w as u16,
                    y,
                    value,
                    w - label_w - 1,
                    style,
                );
            }
            Line::Text(t) => {
                put_db(frame, x + 1, y, t, w - 1, theme.base());
            }
            Line::Blank => {}
        }
    }
}

/// "lines a-b of n" for the title row, when the view is longer than the body.
pub fn scroll_status(app: &App, s: &DetailState, body_height: usize) -> Option<String> {
    let d = s.data.as_ref()?;
    let total = lines(d, app.lang, app.session.as_ref()).len();
    if total <= body_height {
        return None;
    }
    let scroll = s.scroll.min(total - body_height);
    Some(
        Text::new(T::DetailScroll)
            .arg("from", scroll + 1)
            .arg("to", scroll + body_height)
            .arg("total", total)
            .render(app.lang),
    )
}
