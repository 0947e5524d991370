//! Drawing an administration form: one row per field, the cursor in the focused text field.

use crate::i18n::T;
use crate::tui::app::App;
use crate::tui::draw::{put, put_fit};
use crate::tui::render::cursor_at;
use crate::tui::screens::admin::form::AdminFormState;
use crate::tui::text::width;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub fn render(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    f: &AdminFormState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let legend = if f.fields.iter().any(|id| id.is_choice()) {
        T::AdminFormLegend
    } else {
        T::AdminFormLegendPlain
    };
    put(
        frame,
        body.x + 1,
        body.y,
        legend.get(lang),
        usize::from(body.width) - 2,
        theme.dim(),
    );
    let label_w = f
        .fields
        .iter()
        .map(|id| width(id.label().get(lang)))
        .max()
        .unwrap_or(12)
        + 3;
    let value_x = body.x + 2 + label_w as u16;
    let value_w = usize::from(body.width).saturating_sub(label_w + 4).min(44);
    let mut cursor = None;
    for (i, id) in f.fields.iter().enumerate() {
        let y = body.y + 2 + 2 * i as u16;
        if y >= body.bottom() {
            break;
        }
        let focused = i == f.focus;
        let mark = if id.required() { "*" } else { " " };
        let label_style = if focused {
            theme.heading()
        } else {
            theme.label()
        };
        put(
            frame,
            body.x + 1,
            y,
            &format!("{mark}{}", id.label().get(lang)),
            label_w,
            label_style,
        );
        let style = if focused {
            theme.field_focus()
        } else {
            theme.field()
        };
        if id.is_choice() {
            let shown = f.display(*id, lang);
            let text = if focused {
                format!("< {shown} >")
            } else {
                shown
            };
            put_fit(frame, value_x, y, &text, value_w, style);
            continue;
        }
        let input = &f.inputs[i];
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
    if f.saving { None } else { cursor }
}
