//! Confirms a positive-list transition, with its reason (required for objections and removals, the
//! override reason when admitting despite failed criteria). Focus starts in the reason; Enter there
//! moves to Cancel, the safe default; only an explicit move to the action and Enter carries it out.

use crate::domain::positive_list::{RemovalCause, Transition};
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
pub struct ReasonState {
    pub id: i64,
    pub row_version: i64,
    pub transition: Transition,
    pub name: String,
    pub reason: TextInput,
    /// 0: reason, 1: Cancel, 2: the action.
    pub focus: usize,
    /// Removals and failed reviews name their cause (Up/Down choose it).
    pub cause: Option<RemovalCause>,
    /// An objection after the notice ended on this day: said so, and recorded as late.
    pub late_after: Option<String>,
}

impl ReasonState {
    pub fn new(id: i64, row_version: i64, transition: Transition, name: &str) -> ReasonState {
        ReasonState {
            id,
            row_version,
            transition,
            name: name.to_string(),
            reason: TextInput::default(),
            focus: 0,
            cause: matches!(transition, Transition::Remove | Transition::FailReview)
                .then_some(RemovalCause::CriteriaLost),
            late_after: None,
        }
    }

    /// The next (or previous) removal cause.
    fn cycle_cause(&mut self, forward: bool) {
        let all = RemovalCause::for_removal();
        if let Some(c) = self.cause {
            let i = all.iter().position(|x| *x == c).unwrap_or(0);
            let n = all.len();
            let j = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            self.cause = all.get(j).copied();
        }
    }

    pub fn on_input(&mut self, input: Input) -> OverlayOut {
        match input {
            Input::Cmd(Cmd::Back) => return OverlayOut::Close,
            Input::Cmd(Cmd::Toggle) => self.focus = (self.focus + 1) % 3,
            Input::Cmd(Cmd::Submit) => match self.focus {
                0 => self.focus = 1,
                1 => return OverlayOut::Close,
                _ if self.transition.needs_reason() && self.reason.value().trim().is_empty() => {
                    self.focus = 0;
                    return OverlayOut::Stay(Some(Message::error(Text::new(T::ErrPlReasonNeeded))));
                }
                _ => {
                    return OverlayOut::ToScreen(Chosen::PositiveListTransition {
                        id: self.id,
                        row_version: self.row_version,
                        transition: self.transition,
                        reason: self.reason.value().trim().to_string(),
                        cause: self.cause,
                    });
                }
            },
            Input::Key(Key::Up) => self.cycle_cause(false),
            Input::Key(Key::Down) => self.cycle_cause(true),
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
        let inner = dialog(frame, area, self.transition.label().get(lang), theme);
        let w = usize::from(inner.width.saturating_sub(2));
        put_db(frame, inner.x + 1, inner.y, &self.name, w, theme.heading());
        let label = if self.transition.needs_reason() {
            T::PositiveListFieldReason
        } else {
            T::PositiveListFieldReasonOptional
        };
        let fx = put(
            frame,
            inner.x + 1,
            inner.y + 2,
            label.get(lang),
            20,
            theme.label(),
        ) + 1;
        let fw = usize::from(inner.right().saturating_sub(fx + 1));
        let (shown, col) = self.reason.view(fw);
        let style = if self.focus == 0 {
            theme.field_focus()
        } else {
            theme.field()
        };
        put_fit(frame, fx, inner.y + 2, &shown, fw, style);
        if let Some(end) = &self.late_after {
            let hint = Text::new(T::PositiveListLateObjectionHint)
                .arg("date", end)
                .render(lang);
            put_fit(frame, inner.x + 1, inner.y + 3, &hint, w, theme.error());
        }
        if let Some(c) = self.cause {
            let cx = put(
                frame,
                inner.x + 1,
                inner.y + 3,
                T::PositiveListFieldCause.get(lang),
                20,
                theme.label(),
            ) + 1;
            let line = format!(
                "< {} >  {}",
                c.label().get(lang),
                T::PositiveListCauseHint.get(lang)
            );
            put_fit(
                frame,
                cx,
                inner.y + 3,
                &line,
                w.saturating_sub(usize::from(cx - inner.x)),
                theme.base(),
            );
        }
        let y = inner.y + inner.height.saturating_sub(1);
        let cancel = format!("[ {} ]", T::ButtonCancel.get(lang));
        let act = format!("[ {} ]", T::PositiveListButtonConfirm.get(lang));
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
        let act_style = if self.transition.is_destructive() {
            pick(self.focus == 2).patch(theme.error())
        } else {
            pick(self.focus == 2)
        };
        put_fit(frame, x2, y, &act, width(&act), act_style);
        (self.focus == 0).then(|| Position::new(fx + col as u16, inner.y + 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removal_defaults_to_cancel_and_needs_a_reason() {
        let mut s = ReasonState::new(1, 1, Transition::Remove, "x");
        // Enter in the reason moves to Cancel; Enter there closes without acting.
        assert_eq!(s.on_input(Input::Cmd(Cmd::Submit)), OverlayOut::Stay(None));
        assert_eq!(s.focus, 1);
        assert_eq!(s.on_input(Input::Cmd(Cmd::Submit)), OverlayOut::Close);
        let mut s = ReasonState::new(1, 1, Transition::Remove, "x");
        s.focus = 2;
        assert!(matches!(
            s.on_input(Input::Cmd(Cmd::Submit)),
            OverlayOut::Stay(Some(_))
        ));
        assert_eq!(s.focus, 0);
        s.on_input(Input::Paste("超标".into()));
        // Down from 不再符合纳入条件 reaches 企业申请退出.
        s.on_input(Input::Key(Key::Down));
        s.focus = 2;
        assert_eq!(
            s.on_input(Input::Cmd(Cmd::Submit)),
            OverlayOut::ToScreen(Chosen::PositiveListTransition {
                id: 1,
                row_version: 1,
                transition: Transition::Remove,
                reason: "超标".into(),
                cause: Some(RemovalCause::Request),
            })
        );
    }
}
