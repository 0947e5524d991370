//! Drawing the enterprise form: one row per field, its messages under it, the terminal cursor in the
//! focused text field (so input-method windows follow it), scrolled to keep the focus visible.

use crate::domain::validate::{FieldIssue, Severity};
use crate::i18n::T;
use crate::tui::app::App;
use crate::tui::draw::{put, put_fit};
use crate::tui::render::cursor_at;
use crate::tui::screens::enterprise::fields::{FieldId, Kind};
use crate::tui::screens::enterprise::form::FormState;
use crate::tui::text::{sanitize, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

enum Row<'a> {
    Field(usize),
    Issue(&'a FieldIssue),
}

/// The message of the focused field, for the message row.
pub fn focused_issue(f: &FormState) -> Option<&FieldIssue> {
    let issues = f.issues_for(f.field());
    issues
        .iter()
        .find(|i| i.is_error())
        .or_else(|| issues.first())
        .copied()
}

pub fn render(frame: &mut Frame<'_>, body: Rect, app: &App, f: &FormState) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let regions = app
        .session
        .as_ref()
        .map(|s| s.regions.as_slice())
        .unwrap_or(&[]);
    put(
        frame,
        body.x + 1,
        body.y,
        T::FormLegend.get(lang),
        usize::from(body.width) - 2,
        theme.dim(),
    );
    let label_w = FieldId::ALL
        .iter()
        .map(|id| width(id.label().get(lang)))
        .max()
        .unwrap_or(16)
        .min(26)
        + 3;
    let value_x = body.x + 1 + label_w as u16;
    let value_w = usize::from(body.width).saturating_sub(label_w + 3).min(60);

    let mut rows = Vec::new();
    for (i, id) in FieldId::ALL.iter().enumerate() {
        rows.push(Row::Field(i));
        rows.extend(f.issues_for(*id).into_iter().map(Row::Issue));
    }
    let visible = usize::from(body.height) - 1;
    let focus_row = rows
        .iter()
        .position(|r| matches!(r, Row::Field(i) if *i == f.focus))
        .unwrap_or(0);
    let focus_end = rows[focus_row + 1..]
        .iter()
        .take_while(|r| matches!(r, Row::Issue(_)))
        .count()
        + focus_row;
    let scroll = (focus_end + 1).saturating_sub(visible);

    let mut cursor = None;
    for (n, row) in rows.iter().skip(scroll).take(visible).enumerate() {
        let y = body.y + 1 + n as u16;
        match row {
            Row::Field(i) => {
                let id = FieldId::ALL[*i];
                let focused = *i == f.focus;
                let mark = if id.required() { "*" } else { " " };
                let label = format!("{mark}{}", id.label().get(lang));
                let label_style = if focused {
                    theme.heading()
                } else {
                    theme.label()
                };
                put(frame, body.x + 1, y, &label, label_w, label_style);
                let input = &f.inputs[*i];
                let style = if focused {
                    theme.field_focus()
                } else {
                    theme.field()
                };
                match id.kind() {
                    Kind::Text => {
                        let (shown, col) = input.view(value_w);
                        put_fit(frame, value_x, y, &shown, value_w, style);
                        if input.is_empty()
                            && let Some(hint) = id.placeholder()
                        {
                            put(
                                frame,
                                value_x + 1,
                                y,
                                hint.get(lang),
                                value_w - 1,
                                style.patch(theme.dim()),
                            );
                        }
                        if focused {
                            cursor = Some(cursor_at(value_x, y, col));
                        }
                    }
                    Kind::Choice { .. } | Kind::Flags => {
                        let shown = sanitize(&id.display(input.value(), lang, regions));
                        let shown = if shown.is_empty() {
                            T::NotSet.get(lang).to_string()
                        } else {
                            shown
                        };
                        let text = if focused {
                            format!("< {shown} >")
                        } else {
                            shown
                        };
                        put_fit(frame, value_x, y, &text, value_w, style);
                    }
                }
            }
            Row::Issue(issue) => {
                let (prefix, style) = match issue.severity {
                    Severity::Error => (T::IssueError, theme.error()),
                    Severity::Warning => (T::IssueWarning, theme.warning()),
                };
                let text = format!("{}{}", prefix.get(lang), issue.render(lang));
                put(
                    frame,
                    value_x,
                    y,
                    &text,
                    usize::from(body.right() - value_x) - 1,
                    style,
                );
            }
        }
    }
    if f.saving { None } else { cursor }
}
