//! 参数设置: the policy numbers with their value in force, default and meaning; Enter edits the selected
//! value in place. The service validates; its refusal stays in the message row with the typed value.

use crate::i18n::{Lang, T, Text};
use crate::service::admin::SettingRow;
use crate::tui::app::{App, Env, Input, Message, Nav, Out, Screen};
use crate::tui::draw::{put, put_fit};
use crate::tui::input::TextInput;
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::render::cursor_at;
use crate::tui::screens::admin::AdminEffect;
use crate::tui::screens::{edit_text, paste_into};
use crate::tui::text::{fit, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// The meaning of a setting in the chosen language.
pub fn description(row: &SettingRow, lang: Lang) -> String {
    row.description.get(lang).to_string()
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsState {
    pub rows: Vec<SettingRow>,
    pub selected: usize,
    /// The new value being typed for the selected setting.
    pub editing: Option<TextInput>,
    pub saving: bool,
    pub loading: bool,
}

impl SettingsState {
    pub fn open() -> Out {
        let state = SettingsState {
            loading: true,
            ..SettingsState::default()
        };
        Out::nav(Nav::Push(Screen::Settings(state)))
            .with_effect(Effect::Admin(AdminEffect::LoadSettings))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Admin(AdminEffect::LoadSettings))
    }

    pub fn loaded(&mut self, result: Result<Vec<SettingRow>, Text>) -> Out {
        self.loading = false;
        match result {
            Ok(rows) => {
                self.selected = self.selected.min(rows.len().saturating_sub(1));
                self.rows = rows;
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        if self.saving {
            return Out::default();
        }
        if let Some(field) = self.editing.as_mut() {
            match input {
                Input::Cmd(Cmd::Back) => self.editing = None,
                Input::Cmd(Cmd::Submit) => {
                    let Some(row) = self.rows.get(self.selected) else {
                        return Out::default();
                    };
                    self.saving = true;
                    return Out::effect(Effect::Admin(AdminEffect::SetSetting {
                        key: row.key.to_string(),
                        value: field.value().trim().to_string(),
                    }))
                    .with_message(Message::progress(T::MsgSaving));
                }
                Input::Key(k) => edit_text(field, k),
                Input::Paste(p) => return paste_into(field, &p),
                Input::Cmd(_) => {}
            }
            return Out::default();
        }
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        match cmd {
            Cmd::Up => self.selected = self.selected.saturating_sub(1),
            Cmd::Down => self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1)),
            Cmd::EditValue => {
                if let Some(row) = self.rows.get(self.selected) {
                    self.editing = Some(TextInput::new(&row.value.to_string()));
                }
            }
            Cmd::Refresh => return self.reload(),
            Cmd::Back => return Out::nav(Nav::Pop),
            _ => {}
        }
        Out::default()
    }

    /// The service's answer: saved (reload, stop editing) or refused (keep the typed value).
    pub fn saved(&mut self, result: Result<Text, Text>) -> Out {
        self.saving = false;
        match result {
            Ok(text) => {
                self.editing = None;
                self.reload().with_message(Message::info(text))
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }
}

pub fn render(frame: &mut Frame<'_>, body: Rect, app: &App, s: &SettingsState) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width) - 2;
    put(
        frame,
        body.x + 1,
        body.y,
        T::SettingsHint.get(lang),
        w,
        theme.dim(),
    );
    let (key_w, value_w, default_w) = (27, 8, 8);
    let desc_w = w.saturating_sub(key_w + value_w + default_w + 3);
    let header = format!(
        "{} {} {} {}",
        fit(T::ColSetting.get(lang), key_w),
        fit(T::ColValue.get(lang), value_w),
        fit(T::ColDefault.get(lang), default_w),
        T::ColDescription.get(lang)
    );
    put_fit(frame, body.x + 1, body.y + 2, &header, w, theme.heading());
    if s.rows.is_empty() && s.loading {
        put(
            frame,
            body.x + 2,
            body.y + 3,
            T::MsgLoading.get(lang),
            w,
            theme.dim(),
        );
    }
    let mut cursor = None;
    // The table scrolls to keep the selection visible and leaves two rows for the description.
    let room = usize::from(body.height).saturating_sub(6).max(1);
    let first = s.selected.saturating_sub(room - 1);
    let shown = s.rows.len().min(room);
    for (i, row) in s.rows.iter().enumerate().skip(first).take(room) {
        let y = body.y + 3 + (i - first) as u16;
        let line = format!(
            "{} {} {} {}",
            fit(row.key, key_w),
            fit(&row.value.to_string(), value_w),
            fit(&row.default.to_string(), default_w),
            fit(&description(row, lang), desc_w)
        );
        let style = if i == s.selected {
            theme.selected()
        } else {
            theme.base()
        };
        put_fit(frame, body.x + 1, y, &line, w, style);
        if i == s.selected
            && let Some(field) = &s.editing
        {
            let x = body.x + 2 + key_w as u16;
            let (shown, col) = field.view(value_w);
            put_fit(frame, x, y, &shown, value_w, theme.field_focus());
            cursor = (!s.saving).then(|| cursor_at(x, y, col));
        }
    }
    // The selected setting's meaning in full, under the table.
    if let Some(row) = s.rows.get(s.selected) {
        let y = body.y + 4 + shown as u16;
        let x = put(
            frame,
            body.x + 1,
            y,
            T::ColDescription.get(lang),
            20,
            theme.label(),
        ) + 1;
        for (n, line) in wrap(&description(row, lang), w.saturating_sub(usize::from(x)))
            .iter()
            .take(usize::from(body.bottom().saturating_sub(y)).clamp(1, 3))
            .enumerate()
        {
            put(frame, x, y + n as u16, line, w, theme.base());
        }
    }
    cursor
}
