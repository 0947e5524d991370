//! What every form shares: one key scheme for moving (Tab/Shift-Tab or Up/Down between fields, Up/Down
//! inside a vertical checklist, Left/Right through a choice's options, Space ticks), the one place a
//! save's error is shown (under the field it names, or else once in the message row), and whether
//! anything changed since the form opened (Esc asks only then).

use crate::i18n::{Arg, Lang, T, Text};
use crate::tui::app::{Message, Out};
use crate::tui::draw::put;
use crate::tui::screens::assistance::form::{FieldKind, FormField};
use crate::tui::screens::manifest::fields::ManifestField;
use crate::tui::text::{sanitize, wrap_words};
use crate::tui::theme::Theme;
use ratatui::Frame;

/// A field's value as a comparable string: what "changed" is measured on.
pub trait FieldValue {
    fn value_key(&self) -> String;
}

impl FieldValue for FormField {
    fn value_key(&self) -> String {
        match self.kind {
            FieldKind::Text | FieldKind::Search => {
                format!("{}|{}", self.typed().trim(), self.code().unwrap_or(""))
            }
            FieldKind::Choice => self.code().unwrap_or("").to_string(),
            FieldKind::Multi => self
                .options
                .iter()
                .zip(&self.ticked)
                .filter(|(_, t)| **t)
                .map(|(c, _)| c.code.as_str())
                .collect::<Vec<_>>()
                .join(","),
        }
    }
}

impl FieldValue for ManifestField {
    fn value_key(&self) -> String {
        self.get()
    }
}

/// The values a form opened with (filled-in defaults included): the form is changed when any
/// value differs from them, so opening and leaving without typing never asks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline(Vec<String>);

impl Baseline {
    pub fn of<F: FieldValue>(fields: &[F]) -> Baseline {
        Baseline(fields.iter().map(FieldValue::value_key).collect())
    }

    /// Whether something was typed, chosen or ticked since the form opened.
    pub fn changed<F: FieldValue>(&self, fields: &[F]) -> bool {
        let now: Vec<String> = fields.iter().map(FieldValue::value_key).collect();
        now != self.0
    }
}

/// The field a message is about: the first of `labels` the message names as an argument.
pub fn named_field(text: &Text, labels: impl IntoIterator<Item = T>) -> Option<usize> {
    let named: Vec<T> = text
        .args
        .iter()
        .filter_map(|(_, a)| match a {
            Arg::Key(k) => Some(*k),
            _ => None,
        })
        .collect();
    labels.into_iter().position(|l| named.contains(&l))
}

/// How a refused save is told: under the field it names (the message row only points there), or
/// once in the message row when it names none.
pub fn refusal(text: &Text, labels: impl IntoIterator<Item = T>) -> Out {
    if named_field(text, labels).is_some() {
        Out::message(Message::info(T::MsgSeeField))
    } else {
        Out::message(Message::error(text.clone()))
    }
}

/// Draws an error under a field, wrapped so it is read in full; returns the rows used.
#[allow(clippy::too_many_arguments)]
pub fn draw_error(
    frame: &mut Frame<'_>,
    x: u16,
    y: u16,
    cells: usize,
    bottom: u16,
    text: &Text,
    lang: Lang,
    theme: Theme,
) -> u16 {
    let mut used = 0;
    for line in wrap_words(&sanitize(&text.render(lang)), cells) {
        if y + used >= bottom {
            break;
        }
        put(frame, x, y + used, &line, cells, theme.error());
        used += 1;
    }
    used
}

/// Down in a form: the next item of a vertical checklist, or else the next field.
pub fn down(fields: &mut [FormField], focus: &mut usize) {
    let n = fields.len().max(1);
    if let Some(f) = fields.get_mut(*focus)
        && f.kind == FieldKind::Multi
        && f.cursor + 1 < f.options.len()
    {
        f.cursor += 1;
        return;
    }
    *focus = (*focus + 1) % n;
    enter_from_above(fields, *focus);
}

/// Up in a form: the previous item of a vertical checklist, or else the previous field.
pub fn up(fields: &mut [FormField], focus: &mut usize) {
    let n = fields.len().max(1);
    if let Some(f) = fields.get_mut(*focus)
        && f.kind == FieldKind::Multi
        && f.cursor > 0
    {
        f.cursor -= 1;
        return;
    }
    *focus = (*focus + n - 1) % n;
    if let Some(f) = fields.get_mut(*focus)
        && f.kind == FieldKind::Multi
    {
        f.cursor = f.options.len().saturating_sub(1);
    }
}

fn enter_from_above(fields: &mut [FormField], focus: usize) {
    if let Some(f) = fields.get_mut(focus)
        && f.kind == FieldKind::Multi
    {
        f.cursor = 0;
    }
}
