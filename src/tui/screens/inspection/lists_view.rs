//! Drawing the enterprise's rectification orders and the 双随机 draws (list, seed, hash, exclusions,
//! results).

use crate::i18n::T;
use crate::tui::app::App;
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::screens::inspection::view::{empty_or_loading, row};
use crate::tui::screens::inspection::{DrawsState, RectListState};
use crate::tui::text::sanitize;
use crate::tui::widgets::table::{Column, Dir, TableRow};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};

pub fn render_rects(frame: &mut Frame<'_>, body: Rect, app: &App, s: &RectListState) {
    let (lang, theme) = (app.lang, app.theme);
    let w = usize::from(body.width).saturating_sub(2);
    let req_w = w.saturating_sub(22 + 10 + 14 + 4).max(8);
    let widths = [22, 10, 14, req_w];
    let header: Vec<(String, usize)> = [
        T::InspectionFieldDocNumber,
        T::InspectionFieldDeadline,
        T::InspectionFieldRecheckResult,
        T::InspectionFieldRequirements,
    ]
    .iter()
    .zip(widths)
    .map(|(t, w)| (t.get(lang).to_string(), w))
    .collect();
    put_fit(frame, body.x + 1, body.y, &row(&header), w, theme.heading());
    if s.rows.is_empty() {
        empty_or_loading(frame, app, body.x + 2, body.y + 1, w, s.loading);
    }
    for (i, r) in s
        .rows
        .iter()
        .enumerate()
        .take(usize::from(body.height.saturating_sub(4)))
    {
        let status = match (r.result, &r.report_at) {
            (Some(res), _) => res.label().get(lang).to_string(),
            (None, Some(_)) => T::InspectionReported.get(lang).to_string(),
            (None, None) => T::InspectionAwaitingReport.get(lang).to_string(),
        };
        let values: Vec<(String, usize)> = [
            sanitize(&r.doc_number),
            r.deadline.to_string(),
            status,
            sanitize(&r.requirements),
        ]
        .into_iter()
        .zip(widths)
        .collect();
        let style = if i == s.selected {
            theme.selected()
        } else {
            theme.base()
        };
        put_fit(
            frame,
            body.x + 1,
            body.y + 1 + i as u16,
            &row(&values),
            w,
            style,
        );
    }
    if let Some(r) = s.rows.get(s.selected) {
        let y = body.bottom().saturating_sub(2);
        let text = if r.report_text.is_empty() {
            T::InspectionAwaitingReport.get(lang).to_string()
        } else {
            sanitize(&r.report_text)
        };
        put(
            frame,
            body.x + 1,
            y,
            T::InspectionFieldReport.get(lang),
            14,
            theme.label(),
        );
        put_db(frame, body.x + 16, y, &text, w - 15, theme.base());
    }
}

pub fn render_draws(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &DrawsState,
) -> Option<Position> {
    let (lang, theme) = (app.lang, app.theme);
    let w = usize::from(body.width).saturating_sub(2);
    let list_room = 5u16;
    // The find line (when shown), the table of draws (header and five rows), then the draw's detail.
    let find_h = u16::from(s.find.shown());
    let [find_area, list_area] = Layout::vertical([
        Constraint::Length(find_h),
        Constraint::Length(list_room + 1),
    ])
    .areas(body);
    let cursor = if s.find.shown() {
        crate::tui::widgets::table::find_line(
            frame,
            find_area,
            &s.find,
            T::FindHintName,
            lang,
            theme,
        )
    } else {
        None
    };
    let columns = vec![
        Column::t(T::DrawColId, lang, Constraint::Length(6)).sorted(Some(Dir::Desc)),
        Column::t(T::DrawColPlan, lang, Constraint::Min(8)),
        Column::t(T::DrawColAt, lang, Constraint::Length(16)),
        Column::t(T::DrawColCandidates, lang, Constraint::Length(7)).right(),
        Column::t(T::DrawColDrawn, lang, Constraint::Length(7)).right(),
    ];
    let empty = s.find.empty_text(s.loading, T::InspectionListEmpty, lang);
    let draw_row = |i: usize| match s.rows.get(i) {
        Some(d) => TableRow::new(vec![
            d.id.to_string(),
            d.plan_name.clone(),
            d.at.local(),
            d.candidate_count.to_string(),
            d.drawn_count.to_string(),
        ]),
        None => TableRow::default(),
    };
    crate::tui::widgets::table::render(
        frame,
        list_area,
        theme,
        &columns,
        s.rows.len(),
        s.selected,
        &draw_row,
        &empty,
    );
    let body = Rect {
        y: body.y + find_h,
        height: body.height.saturating_sub(find_h),
        ..body
    };
    let list_room = usize::from(list_room);
    // The last row says which format `e` and `p` write.
    let format = match s.format {
        crate::export::Format::Xlsx => "XLSX",
        crate::export::Format::Json => "JSON",
        crate::export::Format::Csv => "CSV",
    };
    let last = body.bottom().saturating_sub(1);
    let line = crate::i18n::Text::new(T::DrawFormatLine)
        .arg("format", format)
        .render(lang);
    put_fit(frame, body.x + 1, last, &line, w, theme.dim());
    let Some(d) = &s.detail else {
        return cursor;
    };
    let mut y = body.y + 1 + list_room as u16;
    put_fit(
        frame,
        body.x + 1,
        y,
        &format!("{} {}", T::DrawColSeed.get(lang), d.draw.seed_hex),
        w,
        theme.dim(),
    );
    y += 1;
    put_fit(
        frame,
        body.x + 1,
        y,
        &format!("SHA-256 {}  {}", d.draw.candidate_sha256, d.draw.algorithm),
        w,
        theme.dim(),
    );
    y += 1;
    let excluded: Vec<String> = d
        .exclusions
        .iter()
        .map(|(reason, n)| format!("{} {n}", exclusion_label(reason).get(lang)))
        .collect();
    put_fit(
        frame,
        body.x + 1,
        y,
        &format!("{} {}", T::DrawExcluded.get(lang), excluded.join("  ")),
        w,
        theme.base(),
    );
    y += 1;
    let name_w = w.saturating_sub(4 + 20 + 8 + 10 + 5).max(8);
    let rw = [4, name_w, 20, 8, 10];
    for r in &d.results {
        if y >= last {
            break;
        }
        let values: Vec<(String, usize)> = [
            (r.rank + 1).to_string(),
            sanitize(&r.enterprise_name),
            r.inspection_number.clone(),
            crate::domain::inspection::Mode::parse(&r.mode)
                .map(|m| m.label().get(lang).to_string())
                .unwrap_or_default(),
            sanitize(&r.officers),
        ]
        .into_iter()
        .zip(rw)
        .collect();
        put_fit(frame, body.x + 1, y, &row(&values), w, theme.base());
        y += 1;
    }
    cursor
}

fn exclusion_label(reason: &str) -> T {
    match reason {
        "closed" => T::DrawExClosed,
        "cap" => T::DrawExCap,
        "open" => T::DrawExOpen,
        "drawn" => T::DrawExDrawn,
        _ => T::DrawExListed,
    }
}
