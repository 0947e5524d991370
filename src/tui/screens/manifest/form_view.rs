//! Drawing the manifest form (with section headings, scrolled to keep the focus visible, and the code
//! picker over it) and the event dialogs. The terminal cursor sits at the end of the focused text.

use crate::i18n::{Lang, T, Text};
use crate::tui::app::App;
use crate::tui::draw::{put, put_fit};
use crate::tui::screens::manifest::action::ManifestActionState;
use crate::tui::screens::manifest::fields::{ManifestField, Section};
use crate::tui::screens::manifest::form::ManifestFormState;
use crate::tui::text::{sanitize, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

enum Row<'a> {
    Heading(String),
    Field(usize, &'a ManifestField),
}

fn heading(s: Section, lang: Lang) -> Option<String> {
    match s {
        Section::Header => None,
        Section::Line(n) => Some(Text::new(T::ManifestSectionLine).arg("n", n).render(lang)),
        Section::Leg(n) => Some(Text::new(T::ManifestSectionLeg).arg("n", n).render(lang)),
    }
}

/// Draws fields with headings where the section changes; returns the cursor position.
fn render_fields(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    fields: &[ManifestField],
    focus: usize,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let mut rows = Vec::new();
    let mut last = Section::Header;
    for (i, f) in fields.iter().enumerate() {
        if f.section != last {
            if let Some(h) = heading(f.section, lang) {
                rows.push(Row::Heading(h));
            }
            last = f.section;
        }
        rows.push(Row::Field(i, f));
    }
    let room = usize::from(area.height);
    let at = rows
        .iter()
        .position(|r| matches!(r, Row::Field(i, _) if *i == focus))
        .unwrap_or(0);
    let top = (at + 2).saturating_sub(room);
    let w = usize::from(area.width).saturating_sub(2);
    let label_w = 22;
    let value_x = area.x + 1 + label_w as u16;
    let value_w = w.saturating_sub(label_w);
    let mut cursor = None;
    for (n, row) in rows.iter().skip(top).take(room).enumerate() {
        let y = area.y + n as u16;
        match row {
            Row::Heading(h) => put(frame, area.x + 1, y, h, w, theme.heading()),
            Row::Field(i, f) => {
                let focused = *i == focus;
                let label_style = if focused {
                    theme.heading()
                } else {
                    theme.label()
                };
                put(
                    frame,
                    area.x + 2,
                    y,
                    f.label.get(lang),
                    label_w - 2,
                    label_style,
                );
                let style = if focused {
                    theme.field_focus()
                } else {
                    theme.field()
                };
                let shown = f.shown(lang);
                put_fit(frame, value_x, y, &shown, value_w, style);
                if focused && !f.is_choice() {
                    let col = width(&shown).min(value_w.saturating_sub(1));
                    cursor = Some(Position::new(value_x + col as u16, y));
                }
                value_x
            }
        };
    }
    cursor
}

pub fn render_form(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &ManifestFormState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width).saturating_sub(2);
    let area = Rect {
        height: body.height.saturating_sub(1),
        ..body
    };
    let mut cursor = render_fields(frame, area, app, &s.fields, s.focus);
    let y = body.bottom().saturating_sub(1);
    // Refusals are on the message row; this row keeps the keys in view.
    put(
        frame,
        body.x + 1,
        y,
        T::ManifestFormHint.get(lang),
        w,
        theme.dim(),
    );
    if let Some(p) = &s.picker {
        let pane = Rect {
            x: body.x + 2,
            y: body.y + 1,
            width: body.width.saturating_sub(4),
            height: body.height.saturating_sub(2),
        };
        frame.render_widget(ratatui::widgets::Clear, pane);
        let inner = crate::tui::draw::dialog(frame, pane, T::ManifestPickerTitle.get(lang), theme);
        let iw = usize::from(inner.width);
        let prompt = format!(
            "{} {}",
            T::ManifestPickerPrompt.get(lang),
            sanitize(&p.query)
        );
        put(frame, inner.x, inner.y, &prompt, iw, theme.field_focus());
        cursor = Some(Position::new(
            inner.x + width(&prompt).min(iw.saturating_sub(1)) as u16,
            inner.y,
        ));
        if p.hits.is_empty() {
            put(
                frame,
                inner.x,
                inner.y + 2,
                T::ManifestPickerNone.get(lang),
                iw,
                theme.dim(),
            );
        }
        let room = usize::from(inner.height.saturating_sub(1));
        let first = p.selected.saturating_sub(room.saturating_sub(1));
        for (i, h) in p.hits.iter().enumerate().skip(first).take(room) {
            let y = inner.y + 1 + (i - first) as u16;
            let line = format!(
                "{} {} [{}] {}",
                h.code,
                h.category,
                h.hazard,
                sanitize(&h.description)
            );
            let style = if i == p.selected {
                theme.selected()
            } else {
                theme.base()
            };
            put_fit(frame, inner.x, y, &line, iw, style);
        }
    }
    cursor
}

pub fn render_action(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &ManifestActionState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width).saturating_sub(2);
    put(frame, body.x + 1, body.y, &s.number, w, theme.heading());
    let area = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(2),
        ..body
    };
    let cursor = render_fields(frame, area, app, &s.fields, s.focus);
    let y = body.bottom().saturating_sub(1);
    // Refusals are on the message row; this row keeps the keys in view.
    put(
        frame,
        body.x + 1,
        y,
        T::ManifestActionHint.get(lang),
        w,
        theme.dim(),
    );
    cursor
}
