//! Soft deletion with a reason. Focus starts in the reason; Enter there moves to Cancel, the safe
//! default; only an explicit move to Delete and Enter deletes.

use crate::i18n::{T, Text};
use crate::tui::app::{App, Input, Message};
use crate::tui::draw::{centered, dialog, put, put_db, put_fit};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Cmd, Key};
use crate::tui::overlays::{Chosen, OverlayOut};
use crate::tui::screens::{edit_text, paste_into};
use crate::tui::text::width;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteState {
    pub id: i64,
    pub row_version: i64,
    pub name: String,
    pub reason: TextInput,
    /// 0: reason, 1: Cancel, 2: Delete.
    pub focus: usize,
}

impl DeleteState {
    pub fn new(id: i64, row_version: i64, name: &str) -> DeleteState {
        DeleteState {
            id,
            row_version,
            name: name.to_string(),
            reason: TextInput::default(),
            focus: 0,
        }
    }

    pub fn on_input(&mut self, input: Input) -> OverlayOut {
        match input {
            Input::Cmd(Cmd::Back) => return OverlayOut::Close,
            Input::Cmd(Cmd::Toggle) => self.focus = (self.focus + 1) % 3,
            Input::Cmd(Cmd::Submit) => match self.focus {
                0 => self.focus = 1,
                1 => return OverlayOut::Close,
                _ if self.reason.value().trim().is_empty() => {
                    self.focus = 0;
                    return OverlayOut::Stay(Some(Message::error(
                        Text::new(T::ErrRequired).arg_key("field", T::FieldDeleteReason),
                    )));
                }
                _ => {
                    return OverlayOut::ToScreen(Chosen::Delete {
                        id: self.id,
                        row_version: self.row_version,
                        reason: self.reason.value().trim().to_string(),
                    });
                }
            },
            Input::Key(Key::Left | Key::Right) if self.focus > 0 => {
                self.focus = 3 - self.focus;
            }
            Input::Key(k) if self.focus == 0 => edit_text(&mut self.reason, k),
            Input::Paste(p) if self.focus == 0 => {
                return OverlayOut::Stay(paste_into(&mut self.reason, &p).message);
            }
            _ => {}
        }
        OverlayOut::Stay(None)
    }

    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) -> Option<Position> {
        let lang = app.lang;
        let theme = app.theme;
        let area = centered(body, 64, 8);
        let inner = dialog(frame, area, T::DialogDelete.get(lang), theme);
        let w = usize::from(inner.width.saturating_sub(2));
        let x = put(
            frame,
            inner.x + 1,
            inner.y,
            T::DeleteQuestion.get(lang),
            w,
            theme.base(),
        );
        put_db(
            frame,
            x,
            inner.y,
            &self.name,
            w.saturating_sub(usize::from(x - inner.x)),
            theme.heading(),
        );
        let label = T::FieldDeleteReason.get(lang);
        let fx = put(frame, inner.x + 1, inner.y + 2, label, 20, theme.label()) + 1;
        let fw = usize::from(inner.right().saturating_sub(fx + 1));
        let (shown, col) = self.reason.view(fw);
        let style = if self.focus == 0 {
            theme.field_focus()
        } else {
            theme.field()
        };
        put_fit(frame, fx, inner.y + 2, &shown, fw, style);
        let y = inner.y + inner.height.saturating_sub(1);
        let cancel = format!("[ {} ]", T::ButtonCancel.get(lang));
        let delete = format!("[ {} ]", T::ButtonDelete.get(lang));
        let pick = |on: bool| if on { theme.selected() } else { theme.base() };
        put_fit(
            frame,
            inner.x + 1,
            y,
            &cancel,
            width(&cancel),
            pick(self.focus == 1),
        );
        let x2 = inner.x + 3 + width(&cancel) as u16;
        put_fit(
            frame,
            x2,
            y,
            &delete,
            width(&delete),
            pick(self.focus == 2).patch(theme.error()),
        );
        (self.focus == 0).then(|| Position::new(fx + col as u16, inner.y + 2))
    }
}
