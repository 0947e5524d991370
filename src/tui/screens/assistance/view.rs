//! Drawing the 帮扶 screens: the queue with its tabs, a request's detail (facts, SLA, service records,
//! timeline, and the action bar), and the form.

use crate::domain::assistance::AssistanceState;
use crate::domain::assistance::sla::{Level, Phase, Sla};
use crate::i18n::{Lang, T, Text};
use crate::service::assistance::Queue;
use crate::service::assistance::QueueRow;
use crate::tui::app::App;
use crate::tui::draw::{put, put_fit};
use crate::tui::screens::assistance::{
    AssistanceDetailState, AssistanceFormState, AssistanceQueueState, FieldKind,
};
use crate::tui::widgets::detail::{self, Item};
use crate::tui::widgets::form::{draw_error, named_field};
use crate::tui::widgets::table::{self, Column, TableRow, full_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};

pub fn tab_label(q: Queue) -> T {
    match q {
        Queue::State(AssistanceState::Submitted) => T::AssistanceTabSubmitted,
        Queue::State(AssistanceState::Accepted) => T::AssistanceTabAccepted,
        Queue::State(AssistanceState::InProgress) => T::AssistanceTabInProgress,
        Queue::State(AssistanceState::Suspended) => T::AssistanceTabSuspended,
        Queue::State(AssistanceState::AwaitingRating) => T::AssistanceTabAwaitingRating,
        Queue::State(_) | Queue::All => T::All,
        Queue::NearDue => T::AssistanceTabNearDue,
        Queue::Overdue => T::AssistanceTabOverdue,
    }
}

pub fn level_label(level: Level) -> T {
    match level {
        Level::OnTrack => T::AssistanceSlaOnTrack,
        Level::NearDue => T::AssistanceSlaNearDue,
        Level::Overdue => T::AssistanceSlaOverdue,
    }
}

/// "受理期限 2026-12-02（已用 1/2 个工作日，正常）".
fn sla_text(s: &Sla, lang: Lang) -> String {
    let phase = match s.phase {
        Phase::Response => T::AssistanceSlaResponse,
        Phase::Completion => T::AssistanceSlaCompletion,
    };
    let mut t = Text::new(T::AssistanceSlaLine)
        .arg_key("phase", phase)
        .arg("due", s.due.date)
        .arg("elapsed", s.elapsed)
        .arg("budget", s.budget)
        .arg_key("level", level_label(s.level))
        .render(lang);
    if s.paused > 0 {
        t.push_str(
            &Text::new(T::AssistanceSlaPaused)
                .arg("n", s.paused)
                .render(lang),
        );
    }
    if let Some(w) = s.due.warning() {
        t.push_str(" ⚠ ");
        t.push_str(&w.render(lang));
    }
    t
}

/// The queue's columns at the current language (English labels kept short enough to tell apart).
fn queue_columns(lang: Lang) -> Vec<Column> {
    let (state, sla) = match lang {
        Lang::Zh => (6, 4),
        Lang::En => (9, 8),
    };
    vec![
        Column::t(T::CliAssistNumber, lang, Constraint::Length(20)),
        Column::t(T::AssistanceFieldEnterprise, lang, Constraint::Min(12)),
        Column::t(T::CliAssistState, lang, Constraint::Length(state)),
        Column::t(T::AssistanceFieldUrgency, lang, Constraint::Length(8)),
        Column::t(T::CliAssistDue, lang, Constraint::Length(10)),
        Column::t(T::CliAssistSla, lang, Constraint::Length(sla)),
    ]
}

/// A state in a queue column: the tab's short words (`To assign`), so two states never read alike
/// when cut at 80 columns.
fn short_state(s: AssistanceState) -> T {
    match s {
        AssistanceState::Draft | AssistanceState::Closed => s.label(),
        s => tab_label(Queue::State(s)),
    }
}

/// A queue row's cells, whole.
fn queue_cells(row: &QueueRow, lang: Lang) -> Vec<String> {
    let r = &row.request;
    vec![
        r.number.clone(),
        r.enterprise_name.clone(),
        short_state(r.state).get(lang).to_string(),
        r.urgency.label().get(lang).to_string(),
        row.sla
            .as_ref()
            .map(|s| s.due.date.to_string())
            .unwrap_or_default(),
        // "估": the date was counted on weekdays over a year the calendar does not cover.
        row.sla
            .as_ref()
            .map(|s| {
                let tag = if s.due.is_certain() {
                    ""
                } else {
                    T::CalendarEstimatedTag.get(lang)
                };
                format!("{}{tag}", level_label(s.level).get(lang))
            })
            .unwrap_or_default(),
    ]
}

/// The selected row's full text (`v`).
pub fn queue_full_text(row: &QueueRow, lang: Lang) -> Vec<(String, String)> {
    full_text(&queue_columns(lang), &TableRow::new(queue_cells(row, lang)))
}

pub fn render_queue(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &AssistanceQueueState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let areas = table::areas(body, &s.find);
    let tabs: Vec<(String, Option<String>)> = Queue::TABS
        .iter()
        .map(|q| (tab_label(*q).get(lang).to_string(), None))
        .collect();
    table::title_bar(
        frame,
        areas.title,
        table::tab_spans(&tabs, s.tab, theme),
        "",
        theme,
    );
    let cursor = areas
        .find
        .and_then(|a| table::find_line(frame, a, &s.find, T::FindHintEnterprise, lang, theme));
    let empty = s.find.empty_text(s.loading, T::AssistanceQueueEmpty, lang);
    let row = |i: usize| {
        let Some(row) = s.rows.get(i) else {
            return TableRow::default();
        };
        let style = match row.sla.as_ref().map(|s| s.level) {
            Some(Level::Overdue) => Some(theme.error()),
            Some(Level::NearDue) => Some(theme.warning()),
            _ => None,
        };
        TableRow::new(queue_cells(row, lang)).styled(style)
    };
    table::render(
        frame,
        areas.table,
        theme,
        &queue_columns(lang),
        s.rows.len(),
        s.selected,
        &row,
        &empty,
    );
    cursor
}

/// The detail pane's items: the request, its SLA, service records (回访记录) and timeline.
pub fn detail_items(
    d: &crate::tui::screens::assistance::AssistanceDetailData,
    lang: Lang,
) -> Vec<Item> {
    let field = |t: T, v: String| Item::Field(t.get(lang).to_string(), v);
    let r = &d.detail.request;
    let mut v = vec![
        field(T::CliAssistNumber, r.number.clone()),
        field(T::AssistanceFieldEnterprise, r.enterprise_name.clone()),
        field(T::CliAssistState, r.state.label().get(lang).to_string()),
        field(
            T::AssistanceFieldServices,
            d.detail
                .services
                .iter()
                .map(|(_, zh, en)| {
                    if lang == Lang::Zh {
                        zh.clone()
                    } else {
                        en.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join("；"),
        ),
        field(
            T::AssistanceFieldUrgency,
            format!(
                "{} / {}",
                r.urgency.label().get(lang),
                r.channel.label().get(lang)
            ),
        ),
    ];
    v.push(field(T::AssistanceFieldDescription, r.description.clone()));
    if let Some(day) = r.wished_date {
        v.push(field(T::AssistanceFieldWishedDate, day.to_string()));
    }
    if let Some(h) = &r.handler_name {
        let mut people = h.clone();
        for (_, name) in &d.detail.cohandlers {
            people.push('、');
            people.push_str(name);
        }
        v.push(field(T::AssistanceFieldHandler, people));
    }
    if let Some(s) = &d.detail.sla {
        v.push(field(T::CliAssistSla, sla_text(s, lang)));
    }
    if let Some(o) = r.outcome {
        v.push(field(
            T::AssistanceFieldOutcome,
            format!("{} {}", o.label().get(lang), r.closing_opinion),
        ));
    }
    if let Some(rating) = r.rating {
        v.push(field(
            T::AssistanceFieldRating,
            rating.label().get(lang).to_string(),
        ));
    }
    if r.reopen_count > 0 {
        v.push(field(
            T::AssistanceFieldReopened,
            r.reopen_count.to_string(),
        ));
    }
    if let Some(k) = r.close_kind {
        v.push(field(
            T::AssistanceFieldClosed,
            format!("{} {}", k.label().get(lang), r.close_reason),
        ));
    }
    if !d.detail.records.is_empty() {
        v.push(Item::heading(T::AssistanceSectionRecords, lang));
        for rec in &d.detail.records {
            v.push(Item::Text(format!(
                "{} {} {}",
                rec.service_date,
                rec.mode.label().get(lang),
                rec.content
            )));
        }
    }
    v.push(Item::heading(T::AssistanceSectionTimeline, lang));
    for h in &d.detail.history {
        let event = crate::domain::assistance::Event::parse(&h.event)
            .map(|e| e.label().get(lang).to_string())
            .unwrap_or_else(|| h.event.clone());
        let to = AssistanceState::parse(&h.to_state)
            .map(|s| s.label().get(lang).to_string())
            .unwrap_or_default();
        // Bureau readers see which entries the enterprise never receives.
        let mark = if h.is_internal() {
            format!("{} ", T::AssistanceInternalMark.get(lang))
        } else {
            String::new()
        };
        v.push(Item::Text(format!(
            "{} {}{} {} -> {} {}",
            h.at.local(),
            mark,
            h.by_name,
            event,
            to,
            h.note
        )));
    }
    v
}

pub fn render_detail(frame: &mut Frame<'_>, body: Rect, app: &App, s: &AssistanceDetailState) {
    let lang = app.lang;
    let theme = app.theme;
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
    detail::render(
        frame,
        detail::pane_above(body, 1),
        &detail_items(d, lang),
        s.scroll,
        lang,
        theme,
    );
    // The action bar: what this person may do now.
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
    for (i, a) in actions.iter().enumerate() {
        let style = if i == s.action {
            theme.selected()
        } else {
            theme.base()
        };
        x = put(frame, x, y, &format!(" {} ", a.label().get(lang)), w, style) + 1;
    }
}

pub fn render_form(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &AssistanceFormState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
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
        Some(e) => draw_error(frame, value_x, y, value_w, body.bottom(), e, lang, theme),
        None => 0,
    };
    for (i, f) in s.fields.iter().enumerate() {
        if i > 0 && error_at == Some(i - 1) {
            y += error_under(frame, y);
        }
        if y >= body.bottom() {
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
        match f.kind {
            FieldKind::Text => {
                let style = if focused {
                    theme.field_focus()
                } else {
                    theme.field()
                };
                let (shown, col) = f.input.view(value_w);
                put_fit(frame, value_x, y, &shown, value_w, style);
                if focused {
                    let col = col.min(value_w.saturating_sub(1));
                    cursor = Some(Position::new(value_x + col as u16, y));
                }
                y += 1;
            }
            FieldKind::Search => {
                let style = if focused {
                    theme.field_focus()
                } else {
                    theme.field()
                };
                let (shown, col) = f.input.view(value_w);
                put_fit(frame, value_x, y, &shown, value_w, style);
                if focused {
                    let col = col.min(value_w.saturating_sub(1));
                    cursor = Some(Position::new(value_x + col as u16, y));
                }
                y += 1;
                y += crate::tui::widgets::picker::draw_matches(
                    frame,
                    value_x,
                    y,
                    value_w,
                    body.bottom(),
                    f,
                    lang,
                    theme,
                );
            }
            FieldKind::Choice => {
                let chosen = f.options.get(f.cursor).map_or("", |c| c.label(lang));
                let style = if focused {
                    theme.field_focus()
                } else {
                    theme.field()
                };
                put_fit(frame, value_x, y, &format!("< {chosen} >"), value_w, style);
                y += 1;
            }
            FieldKind::Multi => {
                if f.options.is_empty() {
                    put(
                        frame,
                        value_x,
                        y,
                        T::MsgLoading.get(lang),
                        value_w,
                        theme.dim(),
                    );
                    y += 1;
                }
                for (j, (c, ticked)) in f.options.iter().zip(&f.ticked).enumerate() {
                    if y >= body.bottom() {
                        break;
                    }
                    let mark = if *ticked { "[x]" } else { "[ ]" };
                    let style = if focused && j == f.cursor {
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
                        style,
                    );
                    y += 1;
                }
            }
        }
    }
    if error_at.is_some() && error_at == s.fields.len().checked_sub(1) {
        error_under(frame, y);
    }
    if s.fields
        .get(s.focus)
        .is_some_and(|f| f.kind == FieldKind::Multi)
    {
        let y = body.bottom().saturating_sub(1);
        put(
            frame,
            body.x + 1,
            y,
            T::AssistanceTickHint.get(lang),
            w,
            theme.dim(),
        );
    }
    cursor
}
