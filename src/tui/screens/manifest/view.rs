//! Drawing the manifest list, a manifest's detail, and the approvals and licences lists.

use crate::domain::manifest::format_tonnes;
use crate::i18n::{T, Text};
use crate::tui::app::App;
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::screens::manifest::detail::ManifestDetailState;
use crate::tui::screens::manifest::detail_lines::{Line, detail_lines};
use crate::tui::screens::manifest::{ManifestListState, ManifestRefState, Tab};
use crate::tui::text::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;

fn row_line(values: &[(String, usize)]) -> String {
    let mut out = String::new();
    for (v, w) in values {
        out.push_str(&fit(v, *w));
        out.push(' ');
    }
    out
}

/// The list's count as shown: past the cap the count stopped, so "1000+".
fn shown_total(total: i64) -> String {
    let cap = crate::service::manifest::MF_LIST_COUNT_CAP;
    if total > cap {
        format!("{cap}+")
    } else {
        total.to_string()
    }
}

pub fn render_list(frame: &mut Frame<'_>, body: Rect, app: &App, s: &ManifestListState) {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width).saturating_sub(2);
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
    put(frame, body.x + 1, body.y, &filter, w, style);
    // Six columns and a space after each fill the width exactly.
    let name_w = w.saturating_sub(14 + 10 + 9 + 12 + 6) / 2;
    let cols = [14usize, 10, name_w.max(6), name_w.max(6), 9, 12];
    let header: Vec<(String, usize)> = [
        T::ManifestColNumber,
        T::ManifestColState,
        T::ManifestFieldGenerator,
        T::ManifestFieldReceiver,
        T::ManifestColTonnes,
        T::ManifestColAlert,
    ]
    .iter()
    .zip(cols)
    .map(|(t, w)| (t.get(lang).to_string(), w))
    .collect();
    put_fit(
        frame,
        body.x + 1,
        body.y + 1,
        &row_line(&header),
        w,
        theme.heading(),
    );
    if s.rows.is_empty() {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::ManifestListEmpty
        };
        put(
            frame,
            body.x + 2,
            body.y + 2,
            text.get(lang),
            w,
            theme.dim(),
        );
        return;
    }
    let room = usize::from(body.height.saturating_sub(2));
    let first = s.selected.saturating_sub(room.saturating_sub(1));
    for (i, row) in s.rows.iter().enumerate().skip(first).take(room) {
        let y = body.y + 2 + (i - first) as u16;
        let m = &row.manifest;
        let alert = row
            .alerts
            .first()
            .map(|a| a.label().get(lang).to_string())
            .unwrap_or_default();
        let values = [
            m.number.clone(),
            m.state.label().get(lang).to_string(),
            sanitize(&m.generator_name),
            sanitize(&m.receiver_name),
            format!("{:>9}", format_tonnes(m.total_kg)),
            alert,
        ];
        let line: Vec<(String, usize)> = values.into_iter().zip(cols).collect();
        let style = if i == s.selected {
            theme.selected()
        } else if !row.alerts.is_empty() {
            theme.warning()
        } else {
            theme.base()
        };
        put_fit(frame, body.x + 1, y, &row_line(&line), w, style);
    }
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
    let room = usize::from(body.height.saturating_sub(2));
    let lines = detail_lines(d, lang);
    let top = usize::from(s.scroll).min(lines.len().saturating_sub(room));
    for (i, line) in lines.iter().skip(top).take(room).enumerate() {
        let y = body.y + i as u16;
        match line {
            Line::Field(label, value) => {
                put(frame, body.x + 1, y, label.get(lang), 14, theme.label());
                put_db(frame, body.x + 16, y, value, w - 15, theme.base());
            }
            Line::Heading(t) => {
                put(frame, body.x + 1, y, t, w, theme.heading());
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
