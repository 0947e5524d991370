//! Drawing the 正面清单 screens: the entries table and one entry (criteria with evidence, timeline,
//! triggers), plus the one-line summary the enterprise 360° view shows per entry.

use crate::domain::positive_list::{
    Criterion, EntryState, Handling, RemovalCause, TriggerKind, Verdict,
};
use crate::domain::time::day_text;
use crate::i18n::{Lang, T, Text};
use crate::service::positive_list::EntryDetail;
use crate::store::positive_list::Entry;
use crate::store::reference::Region;
use crate::tui::app::App;
use crate::tui::draw::{put, put_fit};
use crate::tui::screens::enterprise::detail_view::{Line, draw_lines};
use crate::tui::screens::enterprise::fields::region_name;
use crate::tui::screens::positive_list::{
    PositiveListBatchesState, PositiveListEntryState, PositiveListState,
};
use crate::tui::text::{fit, sanitize};
use crate::tui::widgets::table::{self, Column, Dir, TableRow, full_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::Span;

fn label<E: Copy>(code: &str, parse: fn(&str) -> Option<E>, lbl: fn(E) -> T, lang: Lang) -> String {
    parse(code)
        .map(|v| lbl(v).get(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn state_label(code: &str, lang: Lang) -> String {
    label(code, EntryState::parse, EntryState::label, lang)
}

/// The date that matters in the entry's state: notice end, review due, or re-application date.
fn key_date(x: &Entry) -> String {
    day_text(match x.state.as_str() {
        "notice" => x.notice_end,
        "listed" | "review" => x.review_due,
        "removed" => x.reapply_from,
        _ => None,
    })
}

/// "2026年第1批  在册  纳入 2026-03-02  复核 2027-03-02" for the 360° view.
pub fn entry_summary(x: &Entry, lang: Lang) -> String {
    let mut s = format!("{}  {}", x.batch_name, state_label(&x.state, lang));
    let mut add = |t: T, v: &str| {
        if !v.is_empty() {
            s.push_str(&format!("  {} {v}", t.get(lang)));
        }
    };
    add(T::PositiveListColNoticeEnd, &day_text(x.notice_end));
    add(T::PositiveListColListedOn, &day_text(x.listed_on));
    if x.state == "listed" || x.state == "review" {
        add(T::PositiveListColReviewDue, &day_text(x.review_due));
    }
    add(T::PositiveListFieldReason, &x.removal_reason);
    s
}

fn list_columns(lang: Lang) -> Vec<Column> {
    vec![
        Column::t(T::PositiveListColBatch, lang, Constraint::Length(12)).sorted(Some(Dir::Desc)),
        Column::t(T::FieldName, lang, Constraint::Min(12)),
        Column::t(T::FieldRegion, lang, Constraint::Length(10)),
        Column::t(T::FieldListStatus, lang, Constraint::Length(8)),
        Column::t(T::PositiveListColDate, lang, Constraint::Length(10)),
    ]
}

fn list_cells(x: &Entry, regions: &[Region], lang: Lang) -> Vec<String> {
    vec![
        x.batch_name.clone(),
        x.enterprise_name.clone(),
        region_name(&x.region_code, regions, lang),
        state_label(&x.state, lang),
        key_date(x).to_string(),
    ]
}

/// The selected row's full text (`v`).
pub fn list_full_text(x: &Entry, regions: &[Region], lang: Lang) -> Vec<(String, String)> {
    full_text(
        &list_columns(lang),
        &TableRow::new(list_cells(x, regions, lang)),
    )
}

pub fn render_list(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &PositiveListState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let regions = app
        .session
        .as_ref()
        .map(|s| s.regions.as_slice())
        .unwrap_or(&[]);
    let mut filter = match (&s.filter.state, s.filter.due_only, s.filter.notice_ending) {
        (_, true, _) => T::PositiveListFilterDue.get(lang).to_string(),
        (_, _, true) => T::PositiveListFilterNoticeEnding.get(lang).to_string(),
        _ if s.filter.pending_removal => T::TaskPlRemovalProposals.get(lang).to_string(),
        _ if s.filter.notice_over => T::TaskPlNoticesOver.get(lang).to_string(),
        (Some(st), ..) => st.label().get(lang).to_string(),
        (None, ..) => T::PositiveListFilterAll.get(lang).to_string(),
    };
    if let Some((_, name)) = &s.filter.batch {
        filter = format!("{}  {filter}", sanitize(name));
    }
    if let Some(r) = &s.filter.region {
        filter = format!("{}  {filter}", region_name(r, regions, lang));
    }
    let head = Text::new(T::PositiveListListFilter)
        .arg("filter", filter)
        .arg("n", s.rows.len())
        .render(lang);
    let areas = table::areas(body, &s.find);
    table::title_bar(
        frame,
        areas.title,
        vec![Span::styled(head, theme.label())],
        "",
        theme,
    );
    let cursor = areas
        .find
        .and_then(|a| table::find_line(frame, a, &s.find, T::SearchHint, lang, theme));
    let empty = s.find.empty_text(s.loading, T::HomeEmpty, lang);
    let row = |i: usize| match s.rows.get(i) {
        Some(x) => TableRow::new(list_cells(x, regions, lang)),
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

fn field(lines: &mut Vec<Line>, lang: Lang, t: T, v: &str) {
    if !v.is_empty() {
        lines.push(Line::Field(t.get(lang).to_string(), v.to_string(), false));
    }
}

/// The entry's lines: facts, criteria now (and as recorded at the notice), timeline, triggers.
pub fn entry_lines(d: &EntryDetail, lang: Lang, app: &App) -> Vec<Line> {
    let x = &d.entry;
    let regions = app
        .session
        .as_ref()
        .map(|s| s.regions.as_slice())
        .unwrap_or(&[]);
    let mut out = vec![Line::Heading(T::PositiveListSectionEntry)];
    field(&mut out, lang, T::FieldName, &x.enterprise_name);
    field(&mut out, lang, T::FieldUscc, &x.uscc);
    field(
        &mut out,
        lang,
        T::FieldRegion,
        &region_name(&x.region_code, regions, lang),
    );
    field(&mut out, lang, T::PositiveListColBatch, &x.batch_name);
    field(
        &mut out,
        lang,
        T::FieldListStatus,
        &state_label(&x.state, lang),
    );
    field(
        &mut out,
        lang,
        T::PositiveListFieldOrigin,
        &label(
            &x.origin,
            crate::domain::positive_list::Origin::parse,
            |o| o.label(),
            lang,
        ),
    );
    if let Some(start) = x.notice_start {
        field(
            &mut out,
            lang,
            T::PositiveListFieldNotice,
            &format!("{start} ~ {}", day_text(x.notice_end)),
        );
    }
    field(
        &mut out,
        lang,
        T::PositiveListColListedOn,
        &day_text(x.listed_on),
    );
    field(
        &mut out,
        lang,
        T::PositiveListColReviewDue,
        &day_text(x.review_due),
    );
    field(
        &mut out,
        lang,
        T::PositiveListFieldOffsite,
        &x.offsite_means,
    );
    if !x.apply_note.is_empty() || !x.apply_contact.is_empty() {
        field(
            &mut out,
            lang,
            T::PositiveListFieldApplication,
            format!("{}  {}", x.apply_note, x.apply_contact).trim(),
        );
    }
    field(
        &mut out,
        lang,
        T::PositiveListFieldOverride,
        &x.override_reason,
    );
    if !x.removal_proposal.is_empty() {
        out.push(Line::Field(
            T::PositiveListFieldProposal.get(lang).to_string(),
            x.removal_proposal.clone(),
            true,
        ));
    }
    if !x.removal_cause.is_empty() {
        field(
            &mut out,
            lang,
            T::PositiveListFieldCause,
            &label(
                &x.removal_cause,
                RemovalCause::parse,
                RemovalCause::label,
                lang,
            ),
        );
    }
    field(
        &mut out,
        lang,
        T::PositiveListFieldReason,
        &x.removal_reason,
    );
    field(
        &mut out,
        lang,
        T::PositiveListFieldReapply,
        &day_text(x.reapply_from),
    );
    out.push(Line::Blank);
    out.push(Line::Heading(T::PositiveListSectionCriteria));
    for r in &d.current {
        out.push(Line::Text(format!(
            "{} {}  {}",
            verdict_mark(r.verdict),
            fit(r.verdict.label().get(lang), 8),
            r.criterion.label().get(lang)
        )));
        out.push(Line::Text(format!(
            "           {}",
            r.evidence.render(lang)
        )));
    }
    if !d.recorded.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Heading(T::PositiveListSectionRecorded));
        for r in &d.recorded {
            out.push(Line::Text(format!(
                "{} {}  {}",
                label(&r.result, Verdict::parse, Verdict::label, lang),
                label(&r.criterion, Criterion::parse, Criterion::label, lang),
                in_lang(&r.evidence, lang)
            )));
        }
    }
    out.push(Line::Blank);
    out.push(Line::Heading(T::PositiveListSectionTimeline));
    for h in &d.history {
        let from = if h.from_state.is_empty() {
            String::new()
        } else {
            format!("{} -> ", state_label(&h.from_state, lang))
        };
        out.push(Line::Text(format!(
            "{}  {}  {from}{}  {}",
            h.at.local(),
            h.by_name,
            state_label(&h.to_state, lang),
            history_note(h, lang)
        )));
    }
    out.push(Line::Blank);
    out.push(Line::Heading(T::PositiveListSectionTriggers));
    if d.triggers.is_empty() {
        out.push(Line::Text(T::None_.get(lang).to_string()));
    }
    for t in &d.triggers {
        out.push(Line::Text(format!(
            "{}  {}  {}  {}  {}",
            t.occurred_on,
            label(&t.kind, TriggerKind::parse, TriggerKind::label, lang),
            t.reference,
            label(&t.handling, Handling::parse, Handling::label, lang),
            t.note
        )));
    }
    out
}

/// Recorded evidence is stored in both languages ("中文 / English"); shows the one of `lang`.
fn in_lang(both: &str, lang: Lang) -> &str {
    match (both.split_once(" / "), lang) {
        (Some((zh, _)), Lang::Zh) => zh,
        (Some((_, en)), Lang::En) => en,
        (None, _) => both,
    }
}

fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "+",
        Verdict::Fail => "x",
        Verdict::Unknown => "?",
    }
}

pub fn render_entry(frame: &mut Frame<'_>, body: Rect, app: &App, s: &PositiveListEntryState) {
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
            text.get(app.lang),
            60,
            app.theme.dim(),
        );
        return;
    };
    let all = entry_lines(d, app.lang, app);
    draw_lines(frame, body, app, &all, s.scroll);
}

pub fn render_batches(frame: &mut Frame<'_>, body: Rect, app: &App, s: &PositiveListBatchesState) {
    let lang = app.lang;
    let theme = app.theme;
    let table_w = usize::from(body.width) - 2;
    let states = [
        EntryState::Candidate,
        EntryState::Notice,
        EntryState::Listed,
        EntryState::Review,
        EntryState::Removed,
        EntryState::Rejected,
    ];
    let mut header = fit(T::PositiveListColBatch.get(lang), 14);
    for st in states {
        header.push(' ');
        header.push_str(&crate::tui::text::fit_right(st.label().get(lang), 9));
    }
    put_fit(frame, body.x + 1, body.y, &header, table_w, theme.heading());
    if s.rows.is_empty() {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::HomeEmpty
        };
        put(
            frame,
            body.x + 2,
            body.y + 1,
            text.get(lang),
            table_w,
            theme.dim(),
        );
        return;
    }
    for (i, b) in s
        .rows
        .iter()
        .enumerate()
        .take(usize::from(body.height).saturating_sub(1))
    {
        let mut line = fit(&sanitize(&b.name), 14);
        for st in states {
            let n = b
                .counts
                .iter()
                .find(|(code, _)| code == st.code())
                .map_or(0, |(_, n)| *n);
            line.push(' ');
            line.push_str(&crate::tui::text::fit_right(&n.to_string(), 9));
        }
        let style = if i == s.selected {
            theme.selected()
        } else {
            theme.base()
        };
        put_fit(
            frame,
            body.x + 1,
            body.y + 1 + i as u16,
            &line,
            table_w,
            style,
        );
    }
}

/// What a timeline entry says besides its states: the marked step by its label (申请, 逾期异议,
/// 撤回…), never its stored code, then the note; a bureau reader sees [内部] on internal entries.
pub fn history_note(h: &crate::store::positive_list::HistoryRow, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if h.is_internal() {
        parts.push(T::AssistanceInternalMark.get(lang).to_string());
    }
    if !h.event.is_empty() {
        parts.push(label(
            &h.event,
            crate::domain::positive_list::HistoryEvent::parse,
            crate::domain::positive_list::HistoryEvent::label,
            lang,
        ));
    }
    // Entries written before the timeline had events kept the origin code as the note.
    let note = match crate::domain::positive_list::HistoryEvent::parse(&h.note) {
        Some(e) if h.from_state.is_empty() => e.label().get(lang).to_string(),
        _ => h.note.clone(),
    };
    if !note.is_empty() {
        parts.push(note);
    }
    parts.join(" ")
}
