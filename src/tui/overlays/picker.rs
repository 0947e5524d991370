//! Choosing a value for a choice field (region, classes, credit...), filterable by typing in Chinese,
//! English or pinyin initials; the key-polluter flags are a multi-choice list toggled with Space.

use crate::i18n::T;
use crate::tui::app::{App, Input};
use crate::tui::draw::{centered, dialog, put, put_fit};
use crate::tui::input::TextInput;
use crate::tui::keymap::Cmd;
use crate::tui::overlays::{Chosen, OverlayOut, matches};
use crate::tui::screens::admin::form::AdminField;
use crate::tui::screens::edit_text;
use crate::tui::screens::enterprise::fields::{FieldId, Kind};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// The field a picker fills: one of the enterprise form's, or of an administration form's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickFor {
    Enterprise(FieldId),
    Admin(AdminField),
    /// The inspection list's officer filter.
    InspectionOfficer,
}

impl PickFor {
    fn title(self) -> T {
        match self {
            PickFor::Enterprise(f) => f.label(),
            PickFor::Admin(f) => f.label(),
            PickFor::InspectionOfficer => T::DrawColOfficers,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerState {
    pub field: PickFor,
    /// (code, label) of every option.
    pub options: Vec<(String, String)>,
    pub filter: TextInput,
    /// Index into the filtered options.
    pub selected: usize,
    pub multi: bool,
    /// Codes ticked (multi-choice only).
    pub checked: Vec<String>,
}

impl PickerState {
    /// A picker for an enterprise form field (multi-choice for the key-polluter flags).
    pub fn new(field: FieldId, options: Vec<(String, String)>, current: &str, typed: &str) -> Self {
        let multi = field.kind() == Kind::Flags;
        Self::with(PickFor::Enterprise(field), multi, options, current, typed)
    }

    /// A picker for any field; `current` holds comma-separated codes when `multi`.
    pub fn with(
        field: PickFor,
        multi: bool,
        options: Vec<(String, String)>,
        current: &str,
        typed: &str,
    ) -> Self {
        let checked = if multi {
            current
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect()
        } else {
            Vec::new()
        };
        let mut p = PickerState {
            field,
            options,
            filter: TextInput::new(if multi { "" } else { typed }),
            selected: 0,
            multi,
            checked,
        };
        if typed.is_empty() && !multi {
            p.selected = p
                .visible()
                .iter()
                .position(|(c, _)| c == current)
                .unwrap_or(0);
        }
        p
    }

    /// The options matching the typed filter (code, label, or pinyin initials of the label).
    pub fn visible(&self) -> Vec<&(String, String)> {
        let q = self.filter.value();
        self.options
            .iter()
            .filter(|(code, label)| matches(label, q) || matches(code, q))
            .collect()
    }

    fn toggle(&mut self) {
        let Some(code) = self.visible().get(self.selected).map(|(c, _)| c.clone()) else {
            return;
        };
        if let Some(i) = self.checked.iter().position(|c| *c == code) {
            self.checked.remove(i);
        } else {
            self.checked.push(code);
        }
    }

    pub fn on_input(&mut self, input: Input) -> OverlayOut {
        let n = self.visible().len();
        match input {
            Input::Cmd(Cmd::Back) => return OverlayOut::Close,
            Input::Cmd(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Input::Cmd(Cmd::Toggle) if self.multi => self.toggle(),
            Input::Cmd(Cmd::Submit) => {
                let value = if self.multi {
                    self.options
                        .iter()
                        .filter(|(c, _)| self.checked.contains(c))
                        .map(|(c, _)| c.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                } else {
                    match self.visible().get(self.selected) {
                        Some((code, _)) => code.clone(),
                        None => return OverlayOut::Stay(None),
                    }
                };
                return OverlayOut::ToScreen(Chosen::Picked {
                    field: self.field,
                    value,
                });
            }
            Input::Key(k) if !self.multi => {
                edit_text(&mut self.filter, k);
                self.selected = 0;
            }
            Input::Paste(p) if !self.multi => {
                self.filter.insert(&p);
                self.selected = 0;
            }
            _ => {}
        }
        OverlayOut::Stay(None)
    }

    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) -> Option<Position> {
        let lang = app.lang;
        let theme = app.theme;
        let shown = self.visible();
        let h = (shown.len() as u16 + 4).clamp(6, body.height);
        let area = centered(body, 56, h);
        let inner = dialog(frame, area, self.field.title().get(lang), theme);
        let (x, cursor) = if self.multi {
            put(
                frame,
                inner.x + 1,
                inner.y,
                T::PickerMultiHint.get(lang),
                60,
                theme.dim(),
            );
            (inner.x, None)
        } else {
            let x = put(frame, inner.x + 1, inner.y, "> ", 2, theme.label());
            let w = usize::from(inner.right().saturating_sub(x + 1));
            let (text, col) = self.filter.view(w);
            put_fit(frame, x, inner.y, &text, w, theme.field_focus());
            (x, Some(col))
        };
        let visible = usize::from(inner.height.saturating_sub(2));
        let first = self.selected.saturating_sub(visible.saturating_sub(1));
        for (i, (code, label)) in shown.iter().enumerate().skip(first).take(visible) {
            let y = inner.y + 2 + (i - first) as u16;
            let mark = if !self.multi {
                ""
            } else if self.checked.contains(code) {
                "[x] "
            } else {
                "[ ] "
            };
            let style = if i == self.selected {
                theme.selected()
            } else {
                theme.base()
            };
            let line = format!("{mark}{label}");
            put_fit(
                frame,
                inner.x + 1,
                y,
                &line,
                usize::from(inner.width.saturating_sub(2)),
                style,
            );
        }
        cursor.map(|col| Position::new(x + col as u16, inner.y))
    }
}
