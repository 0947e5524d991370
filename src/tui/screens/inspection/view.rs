//! Drawing the 执法检查 screens: the list with its tabs, an inspection's detail (facts, officers with
//! their certificates, checklist, findings, evidence with hashes, order, case, timeline, action bar),
//! the forms, the enterprise's orders and the draws.

use crate::domain::inspection::InspectionState;
use crate::i18n::{Lang, T, Text};
use crate::tui::app::App;
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::screens::assistance::form::FieldKind;
pub use crate::tui::screens::inspection::lists_view::{render_draws, render_rects};
use crate::tui::screens::inspection::{
    InspectionDetailData, InspectionDetailState, InspectionFormState, InspectionListState,
    InspectionTab,
};
use crate::tui::text::{fit, sanitize, width, wrap};
use crate::tui::widgets::form::{draw_error, named_field};
use crate::tui::widgets::table::{self, Column, Dir, TableRow, full_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Span;

/// A table row: cells fitted to their widths, separated by a space.
pub(in crate::tui::screens) fn row(values: &[(String, usize)]) -> String {
    let mut out = String::new();
    for (v, w) in values {
        out.push_str(&fit(v, *w));
        out.push(' ');
    }
    out
}

pub(in crate::tui::screens) fn empty_or_loading(
    frame: &mut Frame<'_>,
    app: &App,
    x: u16,
    y: u16,
    w: usize,
    loading: bool,
) {
    let t = if loading {
        T::MsgLoading
    } else {
        T::InspectionListEmpty
    };
    put(frame, x, y, t.get(app.lang), w, app.theme.dim());
}

/// The list's columns.
fn list_columns(lang: Lang) -> Vec<Column> {
    let state = match lang {
        Lang::Zh => 10,
        Lang::En => 12,
    };
    vec![
        Column::t(T::InspectionColNumber, lang, Constraint::Length(20)),
        Column::t(T::FieldName, lang, Constraint::Min(10)),
        Column::t(T::InspectionFieldCategory, lang, Constraint::Length(14)),
        Column::t(T::InspectionColState, lang, Constraint::Length(state)),
        Column::t(T::InspectionFieldDate, lang, Constraint::Length(10)).sorted(Some(Dir::Desc)),
    ]
}

fn list_cells(r: &crate::store::inspection::Inspection, lang: Lang) -> Vec<String> {
    vec![
        r.number.clone(),
        r.enterprise_name.clone(),
        r.category.label().get(lang).to_string(),
        r.state.label().get(lang).to_string(),
        r.planned_on.to_string(),
    ]
}

/// The selected row's full text (`v`).
pub fn list_full_text(
    r: &crate::store::inspection::Inspection,
    lang: Lang,
) -> Vec<(String, String)> {
    full_text(&list_columns(lang), &TableRow::new(list_cells(r, lang)))
}

/// The category, region and officer filters in words, when any is set.
fn filter_line(app: &App, s: &InspectionListState) -> Option<String> {
    let lang = app.lang;
    if s.category.is_none() && s.region.is_none() && s.officer.is_none() {
        return None;
    }
    let category = s
        .category
        .map(|c| c.label().get(lang).to_string())
        .unwrap_or_else(|| T::All.get(lang).to_string());
    let region = match (&s.region, app.session.as_ref()) {
        (Some(code), Some(info)) => {
            crate::tui::screens::enterprise::fields::region_name(code, &info.regions, lang)
        }
        _ => T::All.get(lang).to_string(),
    };
    let mut line = crate::i18n::Text::new(T::InspectionFilterLine)
        .arg("category", category)
        .arg("region", region)
        .render(lang);
    if let Some((_, officer)) = &s.officer {
        let officer =
            crate::i18n::Text::new(T::InspectionFilterOfficer).arg("officer", sanitize(officer));
        line = format!("{line}  {}", officer.render(lang));
    }
    Some(line)
}

pub fn render_list(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &InspectionListState,
) -> Option<Position> {
    let (lang, theme) = (app.lang, app.theme);
    let tabs: Vec<(String, Option<String>)> = InspectionTab::TABS
        .iter()
        .map(|t| (t.label().get(lang).to_string(), None))
        .collect();
    let tabs = table::tab_spans(&tabs, s.tab, theme);
    // With filters set, the tabs take the first row and the filters the title row below it.
    let (title, rest) = match filter_line(app, s) {
        Some(line) => {
            let [top, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
            table::title_bar(frame, top, tabs, "", theme);
            (vec![Span::styled(line, theme.warning())], rest)
        }
        None => (tabs, body),
    };
    let areas = table::areas(rest, &s.find);
    table::title_bar(frame, areas.title, title, "", theme);
    let cursor = areas
        .find
        .and_then(|a| table::find_line(frame, a, &s.find, T::FindHintEnterprise, lang, theme));
    let empty = s.find.empty_text(s.loading, T::InspectionListEmpty, lang);
    let row = |i: usize| match s.rows.get(i) {
        Some(r) => TableRow::new(list_cells(r, lang)),
        None => TableRow::default(),
    };
    table::render(
        frame,
        areas.table,
        theme,
        &list_columns(lang),
        s.rows.len(),
        s.selected,
        &row,
        &empty,
    );
    cursor
}

pub(super) enum Line {
    Field(T, String),
    Heading(T),
    Text(String),
}

fn detail_lines(d: &InspectionDetailData, lang: Lang, w: usize) -> Vec<Line> {
    let x = &d.detail.inspection;
    let mut v = vec![
        Line::Field(T::InspectionColNumber, x.number.clone()),
        Line::Field(T::FieldName, format!("{} {}", x.enterprise_name, x.uscc)),
        Line::Field(
            T::InspectionFieldCategory,
            format!(
                "{} / {}  {}",
                x.category.label().get(lang),
                x.mode.label().get(lang),
                x.trigger_ref
            ),
        ),
        Line::Field(
            T::InspectionColState,
            format!("{}  {}", x.state.label().get(lang), x.planned_on),
        ),
    ];
    if let Some(c) = x.conclusion {
        v.push(Line::Field(
            T::InspectionFieldConclusion,
            c.label().get(lang).to_string(),
        ));
    }
    let officers: Vec<String> = d
        .detail
        .officers
        .iter()
        .map(|o| format!("{}({})", o.name, o.cert_number))
        .collect();
    v.push(Line::Field(T::InspectionFieldOfficers, officers.join("、")));
    if !d.detail.representatives.is_empty() {
        let reps: Vec<String> = d
            .detail
            .representatives
            .iter()
            .map(|(n, p)| format!("{n} {p}"))
            .collect();
        v.push(Line::Field(
            T::InspectionFieldRepresentative,
            reps.join("、"),
        ));
    }
    if !x.record_text.is_empty() {
        for (i, part) in wrap(&sanitize(&x.record_text), w.saturating_sub(16))
            .into_iter()
            .enumerate()
        {
            v.push(Line::Field(
                if i == 0 {
                    T::InspectionFieldRecord
                } else {
                    T::None_
                },
                part,
            ));
        }
    }
    if !d.detail.answers.is_empty() {
        v.push(Line::Heading(T::InspectionSectionChecklist));
        for item in &d.detail.checklist {
            if let Some((_, a, note)) = d.detail.answers.iter().find(|(c, _, _)| *c == item.code) {
                let name = if lang == Lang::Zh {
                    &item.name_zh
                } else {
                    &item.name_en
                };
                v.push(Line::Text(format!(
                    "{name}: {} {note}",
                    a.label().get(lang)
                )));
            }
        }
    }
    if !d.detail.findings.is_empty() {
        v.push(Line::Heading(T::InspectionSectionFindings));
        for f in &d.detail.findings {
            let fix = f
                .corrects_id
                .and_then(|c| d.detail.findings.iter().find(|x| x.id == c))
                .map(|c| format!(" [#{} {}]", c.no, f.correction_reason))
                .unwrap_or_default();
            v.push(Line::Text(format!(
                "#{} {} {} {}{fix}",
                f.no,
                f.severity.label().get(lang),
                f.description,
                f.provision
            )));
        }
    }
    if !d.detail.evidence.is_empty() {
        v.push(Line::Heading(T::InspectionSectionEvidence));
        for e in &d.detail.evidence {
            let supports = e
                .finding_no
                .map(|n| format!(" -> #{n}"))
                .unwrap_or_default();
            v.push(Line::Text(format!(
                "#{} {} {} sha256:{}{supports}",
                e.id,
                e.kind.label().get(lang),
                e.path,
                e.sha256.chars().take(16).collect::<String>()
            )));
        }
    }
    if let Some(r) = &d.detail.rectification {
        v.push(Line::Heading(T::InspectionSectionOrder));
        v.push(Line::Text(format!(
            "{} {} -> {}  {}",
            r.doc_number, r.served_on, r.deadline, r.requirements
        )));
        if !r.report_text.is_empty() {
            v.push(Line::Field(T::InspectionFieldReport, r.report_text.clone()));
        }
        for rv in &d.detail.report_versions {
            let late = if rv.days_late > 0 {
                Text::new(T::InspectionDaysLate)
                    .arg("n", rv.days_late)
                    .render(lang)
            } else {
                String::new()
            };
            let reason = if rv.reason.is_empty() {
                String::new()
            } else {
                format!("：{}", rv.reason)
            };
            v.push(Line::Text(
                Text::new(T::InspectionReportVersionLine)
                    .arg("v", rv.version)
                    .arg("at", rv.submitted_at.local())
                    .arg("by", &rv.submitted_by)
                    .arg("late", late)
                    .arg("reason", reason)
                    .render(lang),
            ));
        }
        if let Some(res) = r.result {
            v.push(Line::Field(
                T::InspectionFieldRecheckResult,
                format!("{} {}", res.label().get(lang), r.result_note),
            ));
        }
    }
    if let Some(c) = &d.detail.case {
        v.push(Line::Field(
            T::InspectionFieldCaseNumber,
            format!(
                "{} {} {}",
                c.case_number,
                c.approved_on,
                c.status.label().get(lang)
            ),
        ));
    }
    super::view_basis::basis_lines(d, lang, &mut v);
    v.push(Line::Heading(T::InspectionSectionTimeline));
    for h in &d.detail.history {
        let event = event_label(&h.event).get(lang);
        let to = InspectionState::parse(&h.to_state)
            .map(|s| s.label().get(lang).to_string())
            .unwrap_or_default();
        v.push(Line::Text(format!(
            "{} {} {} -> {} {}",
            h.at.local(),
            h.by_name,
            event,
            to,
            h.note
        )));
    }
    v
}

pub fn render_detail(frame: &mut Frame<'_>, body: Rect, app: &App, s: &InspectionDetailState) {
    let (lang, theme) = (app.lang, app.theme);
    let w = usize::from(body.width).saturating_sub(2);
    let Some(d) = &s.data else {
        put(
            frame,
            body.x + 1,
            body.y + 1,
            T::MsgLoading.get(lang),
            w,
            theme.dim(),
        );
        return;
    };
    let room = usize::from(body.height.saturating_sub(2));
    let lines = detail_lines(d, lang, w);
    let top = usize::from(s.scroll).min(lines.len().saturating_sub(room));
    for (i, line) in lines.iter().skip(top).take(room).enumerate() {
        let y = body.y + i as u16;
        match line {
            Line::Field(label, value) => {
                if *label != T::None_ {
                    put(frame, body.x + 1, y, label.get(lang), 14, theme.label());
                }
                put_db(frame, body.x + 16, y, value, w - 15, theme.base());
            }
            Line::Heading(t) => {
                put(frame, body.x + 1, y, t.get(lang), w, theme.heading());
            }
            Line::Text(t) => {
                put_db(frame, body.x + 3, y, t, w - 2, theme.base());
            }
        }
    }
    let y = body.bottom().saturating_sub(1);
    let actions = s.actions();
    let mut x = put(
        frame,
        body.x + 1,
        y,
        T::AssistanceActions.get(lang),
        w,
        theme.label(),
    ) + 1;
    if actions.is_empty() {
        put(
            frame,
            x,
            y,
            T::AssistanceNoActions.get(lang),
            w,
            theme.dim(),
        );
    }
    let max_x = body.x + body.width;
    for (i, a) in actions.iter().enumerate() {
        let style = if i == s.action {
            theme.selected()
        } else {
            theme.base()
        };
        let label = format!(" {} ", a.label().get(lang));
        if x + width(&label) as u16 > max_x {
            put(frame, max_x.saturating_sub(3), y, "..", 2, theme.dim());
            break;
        }
        x = put(frame, x, y, &label, w, style) + 1;
    }
}

pub fn render_form(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &InspectionFormState,
) -> Option<Position> {
    let (lang, theme) = (app.lang, app.theme);
    let w = usize::from(body.width).saturating_sub(2);
    let label_w = 16;
    let value_x = body.x + 1 + label_w as u16;
    let value_w = w - label_w;
    let mut y = body.y;
    let mut cursor = None;
    // A refused save's error, shown once: wrapped under the field it names.
    let error_at = s
        .error
        .as_ref()
        .and_then(|e| named_field(e, s.fields.iter().map(|f| f.label)));
    let error_under = |frame: &mut Frame<'_>, y: u16| match &s.error {
        Some(e) => draw_error(
            frame,
            value_x,
            y,
            value_w,
            body.bottom().saturating_sub(1),
            e,
            lang,
            theme,
        ),
        None => 0,
    };
    for (i, f) in s.fields.iter().enumerate() {
        if i > 0 && error_at == Some(i - 1) {
            y += error_under(frame, y);
        }
        if y >= body.bottom().saturating_sub(1) {
            break;
        }
        let focused = i == s.focus;
        let label_style = if focused {
            theme.heading()
        } else {
            theme.label()
        };
        put(
            frame,
            body.x + 1,
            y,
            f.label.get(lang),
            label_w - 1,
            label_style,
        );
        let style = if focused {
            theme.field_focus()
        } else {
            theme.field()
        };
        match f.kind {
            FieldKind::Text | FieldKind::Search => {
                let (shown, col) = f.input.view(value_w);
                put_fit(frame, value_x, y, &shown, value_w, style);
                if focused {
                    cursor = Some(Position::new(value_x + col as u16, y));
                }
                y += 1;
                // A picker's matches (name, code, business status) under it.
                y += crate::tui::widgets::picker::draw_matches(
                    frame,
                    value_x,
                    y,
                    value_w,
                    body.bottom().saturating_sub(1),
                    f,
                    lang,
                    theme,
                );
            }
            FieldKind::Choice => {
                let chosen = f.options.get(f.cursor).map_or("", |c| c.label(lang));
                put_fit(frame, value_x, y, &format!("< {chosen} >"), value_w, style);
                y += 1;
            }
            FieldKind::Multi => {
                if f.options.is_empty() {
                    put(
                        frame,
                        value_x,
                        y,
                        T::InspectionNoEligible.get(lang),
                        value_w,
                        theme.dim(),
                    );
                    y += 1;
                }
                for (j, (c, ticked)) in f.options.iter().zip(&f.ticked).enumerate() {
                    if y >= body.bottom().saturating_sub(1) {
                        break;
                    }
                    let mark = if *ticked { "[x]" } else { "[ ]" };
                    let st = if focused && j == f.cursor {
                        theme.selected()
                    } else {
                        theme.base()
                    };
                    put_fit(
                        frame,
                        value_x,
                        y,
                        &format!("{mark} {}", c.label(lang)),
                        value_w,
                        st,
                    );
                    y += 1;
                }
            }
        }
    }
    if error_at.is_some() && error_at == s.fields.len().checked_sub(1) {
        error_under(frame, y);
    }
    let y = body.bottom().saturating_sub(1);
    if s.fields
        .get(s.focus)
        .is_some_and(|f| f.kind == FieldKind::Multi)
    {
        put(
            frame,
            body.x + 1,
            y,
            T::InspectionHintMulti.get(lang),
            w,
            theme.dim(),
        );
    }
    cursor
}

/// The label of a stored timeline event code.
fn event_label(code: &str) -> T {
    use crate::domain::inspection::Event;
    match code {
        "plan" => T::InspectionHistPlan,
        "draw" => T::InspectionHistDraw,
        _ => [
            Event::Schedule,
            Event::Start,
            Event::EndVisit,
            Event::Sign,
            Event::Recheck,
            Event::TransferCase,
            Event::Archive,
            Event::Cancel,
        ]
        .into_iter()
        .find(|e| e.code() == code)
        .map_or(T::Unknown, |e| e.label()),
    }
}
