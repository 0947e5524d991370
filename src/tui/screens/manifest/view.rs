//! Drawing the manifest list, a manifest's detail, and the approvals and licences lists.

use crate::domain::manifest::format_tonnes;
use crate::i18n::{Lang, T, Text};
use crate::service::manifest::ManifestRow;
use crate::tui::app::App;
use crate::tui::draw::{put, put_fit};
use crate::tui::screens::manifest::detail::ManifestDetailState;
use crate::tui::screens::manifest::detail_lines::{Line, detail_lines};
use crate::tui::screens::manifest::{ManifestDetailData, ManifestListState, ManifestRefState, Tab};
use crate::tui::text::{fit, sanitize};
use crate::tui::widgets::detail::{self, Item};
use crate::tui::widgets::table::{self, Column, Dir, TableRow, full_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::Span;

/// The list's count as shown: past the cap the count stopped, so "1000+".
fn shown_total(total: i64) -> String {
    let cap = crate::service::manifest::MF_LIST_COUNT_CAP;
    if total > cap {
        format!("{cap}+")
    } else {
        total.to_string()
    }
}

/// The list's columns (the names share what is left of the width).
fn list_columns(lang: Lang) -> Vec<Column> {
    let state = match lang {
        Lang::Zh => 10,
        Lang::En => 12,
    };
    vec![
        Column::t(T::ManifestColNumber, lang, Constraint::Length(14)).sorted(Some(Dir::Desc)),
        Column::t(T::ManifestColState, lang, Constraint::Length(state)),
        Column::t(T::ManifestFieldGenerator, lang, Constraint::Fill(1)),
        Column::t(T::ManifestFieldReceiver, lang, Constraint::Fill(1)),
        Column::t(T::ManifestColTonnes, lang, Constraint::Length(9)).right(),
        Column::t(T::ManifestColAlert, lang, Constraint::Length(12)),
    ]
}

fn list_cells(row: &ManifestRow, lang: Lang) -> Vec<String> {
    let m = &row.manifest;
    vec![
        m.number.clone(),
        m.state.label().get(lang).to_string(),
        m.generator_name.clone(),
        m.receiver_name.clone(),
        format_tonnes(m.total_kg),
        row.alerts
            .iter()
            .map(|a| a.label().get(lang))
            .collect::<Vec<_>>()
            .join("、"),
    ]
}

/// The selected row's full text (`v`).
pub fn list_full_text(row: &ManifestRow, lang: Lang) -> Vec<(String, String)> {
    full_text(&list_columns(lang), &TableRow::new(list_cells(row, lang)))
}

pub fn render_list(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &ManifestListState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let areas = table::areas(body, &s.find);
    let tab = s.current();
    let filter = Text::new(T::ManifestListFilter)
        .arg_key("filter", tab.label())
        .arg("n", shown_total(s.total))
        .arg("pos", s.tab + 1)
        .arg("of", Tab::ALL.len())
        .render(lang);
    let style = if matches!(tab, Tab::Alert(_)) {
        theme.warning()
    } else {
        theme.heading()
    };
    table::title_bar(
        frame,
        areas.title,
        vec![Span::styled(filter, style)],
        "",
        theme,
    );
    let cursor = areas
        .find
        .and_then(|a| table::find_line(frame, a, &s.find, T::FindHintEnterprise, lang, theme));
    let empty = s.find.empty_text(s.loading, T::ManifestListEmpty, lang);
    let row = |i: usize| match s.rows.get(i) {
        Some(r) => TableRow::new(list_cells(r, lang))
            .styled((!r.alerts.is_empty()).then(|| theme.warning())),
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

/// The detail pane's items: facts, waste lines, legs, discrepancies, a rejection and its
/// follow-ups, extensions and the timeline (the lines of `detail_lines`).
pub fn detail_items(d: &ManifestDetailData, lang: Lang) -> Vec<Item> {
    detail_lines(d, lang)
        .into_iter()
        .map(|l| match l {
            Line::Field(t, v) => Item::Field(t.get(lang).to_string(), v),
            Line::Heading(h) => Item::Heading(h),
            Line::Text(t) => Item::Text(t),
        })
        .collect()
}

pub fn render_detail(frame: &mut Frame<'_>, body: Rect, app: &App, s: &ManifestDetailState) {
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

pub fn render_ref(frame: &mut Frame<'_>, body: Rect, app: &App, s: &ManifestRefState) {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width).saturating_sub(2);
    let mut x = body.x + 1;
    for (i, t) in [T::ManifestScreenApprovals, T::ManifestScreenLicences]
        .iter()
        .enumerate()
    {
        let style = if i == s.tab {
            theme.selected()
        } else {
            theme.label()
        };
        x = put(frame, x, body.y, &format!(" {} ", t.get(lang)), w, style) + 1;
    }
    // Columns sized to fit 78 cells: the end of validity is what people look for, so it is never cut.
    let row = |cols: &[(String, usize)]| {
        cols.iter()
            .map(|(v, w)| fit(v, *w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (header, lines): (String, Vec<(String, bool)>) = if s.tab == 0 {
        let header = row(&[
            (T::ManifestFieldApproval.get(lang).to_string(), 14),
            (T::ManifestFieldGenerator.get(lang).to_string(), 10),
            (T::ManifestFieldCode.get(lang).to_string(), 10),
            (T::ManifestFieldReceiver.get(lang).to_string(), 10),
            (T::ManifestColUsedApproved.get(lang).to_string(), 15),
            (T::ManifestFieldValidTo.get(lang).to_string(), 10),
        ]);
        let lines = s
            .approvals
            .iter()
            .map(|a| {
                let cols = [
                    (sanitize(&a.number), 14),
                    (sanitize(&a.generator_name), 10),
                    (a.waste_code.clone(), 10),
                    (sanitize(&a.receiver_name), 10),
                    (
                        format!(
                            "{}/{}",
                            format_tonnes(a.used_kg),
                            format_tonnes(a.approved_kg)
                        ),
                        15,
                    ),
                    (a.valid_to.to_string(), 10),
                ];
                (row(&cols), s.is_expiring(a))
            })
            .collect();
        (header, lines)
    } else {
        let header = row(&[
            (T::ManifestFieldLicence.get(lang).to_string(), 14),
            (T::ManifestFieldReceiver.get(lang).to_string(), 16),
            (T::ManifestColProvince.get(lang).to_string(), 4),
            (T::ManifestColScope.get(lang).to_string(), 14),
            (T::ManifestFieldMode.get(lang).to_string(), 12),
            (T::ManifestFieldValidTo.get(lang).to_string(), 10),
        ]);
        let lines = s
            .licences
            .iter()
            .map(|l| {
                let modes: Vec<&str> = l
                    .modes
                    .split(',')
                    .filter_map(crate::domain::manifest::Mode::parse)
                    .map(|m| m.label().get(lang))
                    .collect();
                let cols = [
                    (sanitize(&l.number), 14),
                    (sanitize(&l.holder_name), 16),
                    (l.province.clone(), 4),
                    (l.scope.clone(), 14),
                    (modes.join(","), 12),
                    (l.valid_to.to_string(), 10),
                ];
                (row(&cols), false)
            })
            .collect();
        (header, lines)
    };
    put_fit(frame, body.x + 1, body.y + 1, &header, w, theme.heading());
    if lines.is_empty() {
        let t = if s.loading {
            T::MsgLoading
        } else {
            T::ManifestListEmpty
        };
        put(frame, body.x + 2, body.y + 2, t.get(lang), w, theme.dim());
    }
    let room = usize::from(body.height.saturating_sub(2));
    let first = s.selected.saturating_sub(room.saturating_sub(1));
    for (i, (line, warn)) in lines.iter().enumerate().skip(first).take(room) {
        let y = body.y + 2 + (i - first) as u16;
        let style = if i == s.selected {
            theme.selected()
        } else if *warn {
            theme.warning()
        } else {
            theme.base()
        };
        put_fit(frame, body.x + 1, y, line, w, style);
    }
}
