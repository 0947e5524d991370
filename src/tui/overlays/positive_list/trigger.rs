//! Records a trigger event against a listed entry: its kind and handling (Left/Right choose), the
//! source reference (required), the date it happened (empty: today) and a note. Tab moves between the
//! fields, Cancel (the safe default after the fields) and Record.

use crate::domain::positive_list::{Handling, TriggerKind};
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

/// The focus order of the dialog.
const KIND: usize = 0;
const REFERENCE: usize = 1;
const DATE: usize = 2;
const HANDLING: usize = 3;
const NOTE: usize = 4;
const CANCEL: usize = 5;
const RECORD: usize = 6;

/// Whether a focus position is a text field.
fn is_text(focus: usize) -> bool {
    matches!(focus, REFERENCE | DATE | NOTE)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriggerState {
    pub id: i64,
    pub name: String,
    pub kind: TriggerKind,
    pub reference: TextInput,
    pub date: TextInput,
    pub handling: Handling,
    pub note: TextInput,
    pub focus: usize,
}

fn cycle<E: Copy + PartialEq>(all: &[E], v: E, forward: bool) -> E {
    let n = all.len();
    let i = all.iter().position(|x| *x == v).unwrap_or(0);
    let j = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    all.get(j).copied().unwrap_or(v)
}

impl TriggerState {
    pub fn new(id: i64, name: &str) -> TriggerState {
        TriggerState {
            id,
            name: name.to_string(),
            kind: TriggerKind::Complaint,
            reference: TextInput::default(),
            date: TextInput::default(),
            handling: Handling::Offsite,
            note: TextInput::default(),
            focus: KIND,
        }
    }

    pub fn on_input(&mut self, input: Input) -> OverlayOut {
        match input {
            Input::Cmd(Cmd::Back) => return OverlayOut::Close,
            Input::Cmd(Cmd::Toggle) => self.focus = (self.focus + 1) % (RECORD + 1),
            Input::Cmd(Cmd::Submit) => match self.focus {
                KIND | REFERENCE | DATE | HANDLING | NOTE => self.focus += 1,
                CANCEL => return OverlayOut::Close,
                _ if self.reference.value().trim().is_empty() => {
                    self.focus = REFERENCE;
                    return OverlayOut::Stay(Some(Message::error(Text::new(
                        T::ErrPlReferenceNeeded,
                    ))));
                }
                _ => {
                    return OverlayOut::ToScreen(Chosen::PositiveListTrigger {
                        id: self.id,
                        kind: self.kind,
                        reference: self.reference.value().trim().to_string(),
                        occurred_on: self.date.value().trim().to_string(),
                        handling: self.handling,
                        note: self.note.value().trim().to_string(),
                    });
                }
            },
            Input::Key(k @ (Key::Left | Key::Right)) if !is_text(self.focus) => {
                let forward = k == Key::Right;
                match self.focus {
                    KIND => self.kind = cycle(TriggerKind::ALL, self.kind, forward),
                    HANDLING => self.handling = cycle(Handling::ALL, self.handling, forward),
                    _ => self.focus = CANCEL + RECORD - self.focus,
                }
            }
            Input::Key(k) if is_text(self.focus) => edit_text(self.text_mut(), k),
            Input::Paste(p) if is_text(self.focus) => {
                return OverlayOut::Stay(paste_into(self.text_mut(), &p).message);
            }
            _ => {}
        }
        OverlayOut::Stay(None)
    }

    fn text_mut(&mut self) -> &mut TextInput {
        match self.focus {
            DATE => &mut self.date,
            NOTE => &mut self.note,
            _ => &mut self.reference,
        }
    }

    fn text(&self, focus: usize) -> Option<&TextInput> {
        match focus {
            REFERENCE => Some(&self.reference),
            DATE => Some(&self.date),
            NOTE => Some(&self.note),
            _ => None,
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) -> Option<Position> {
        let lang = app.lang;
        let theme = app.theme;
        let area = centered(body, 64, 11);
        let inner = dialog(frame, area, T::KeyPlTrigger.get(lang), theme);
        let w = usize::from(inner.width.saturating_sub(2));
        put_db(frame, inner.x + 1, inner.y, &self.name, w, theme.heading());
        let style = |f: usize| {
            if self.focus == f {
                theme.field_focus()
            } else {
                theme.field()
            }
        };
        let rows = [
            (
                KIND,
                T::PositiveListFieldKind,
                format!("< {} >", self.kind.label().get(lang)),
            ),
            (REFERENCE, T::PositiveListFieldReference, String::new()),
            (DATE, T::PositiveListFieldTriggerDate, String::new()),
            (
                HANDLING,
                T::PositiveListFieldHandling,
                format!("< {} >", self.handling.label().get(lang)),
            ),
            (NOTE, T::PositiveListFieldNote, String::new()),
        ];
        let mut cursor = None;
        for (i, (f, label, value)) in rows.iter().enumerate() {
            let y = inner.y + 2 + i as u16;
            let fx = put(frame, inner.x + 1, y, label.get(lang), 16, theme.label()) + 1;
            let fw = usize::from(inner.right().saturating_sub(fx + 1));
            if let Some(input) = self.text(*f) {
                let (shown, col) = input.view(fw);
                put_fit(frame, fx, y, &shown, fw, style(*f));
                if self.focus == *f {
                    cursor = Some(Position::new(fx + col as u16, y));
                }
            } else {
                put_fit(frame, fx, y, value, fw, style(*f));
            }
        }
        let y = inner.y + inner.height.saturating_sub(1);
        let cancel = format!("[ {} ]", T::ButtonCancel.get(lang));
        let record = format!("[ {} ]", T::PositiveListButtonRecord.get(lang));
        let pick = |on: bool| if on { theme.selected() } else { theme.base() };
        put_fit(
            frame,
            inner.x + 1,
            y,
            &cancel,
            width(&cancel),
            pick(self.focus == CANCEL),
        );
        let x2 = inner.x + 3 + width(&cancel) as u16;
        put_fit(
            frame,
            x2,
            y,
            &record,
            width(&record),
            pick(self.focus == RECORD),
        );
        cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trigger_needs_its_reference_and_kinds_cycle() {
        let mut s = TriggerState::new(3, "x");
        s.on_input(Input::Key(Key::Right));
        assert_eq!(s.kind, TriggerKind::MonitoringAlarm);
        s.on_input(Input::Key(Key::Left));
        s.on_input(Input::Key(Key::Left));
        assert_eq!(s.kind, TriggerKind::Media);
        s.focus = RECORD;
        assert!(matches!(
            s.on_input(Input::Cmd(Cmd::Submit)),
            OverlayOut::Stay(Some(_))
        ));
        assert_eq!(s.focus, REFERENCE);
        s.on_input(Input::Paste("ALM-1".into()));
        s.on_input(Input::Cmd(Cmd::Submit));
        // The date: typed, Left moves the cursor (it does not cycle anything).
        s.on_input(Input::Paste("2026-11-2".into()));
        s.on_input(Input::Key(Key::Left));
        s.on_input(Input::Key(Key::Char('1')));
        assert_eq!(s.date.value(), "2026-11-12");
        s.on_input(Input::Cmd(Cmd::Submit));
        s.on_input(Input::Key(Key::Right));
        assert_eq!(s.handling, Handling::Onsite);
        s.on_input(Input::Cmd(Cmd::Submit));
        s.on_input(Input::Paste("在线监控数据异常，已电话核实".into()));
        s.on_input(Input::Cmd(Cmd::Submit));
        assert_eq!(s.focus, CANCEL);
        assert_eq!(s.on_input(Input::Cmd(Cmd::Submit)), OverlayOut::Close);
        s.focus = RECORD;
        assert_eq!(
            s.on_input(Input::Cmd(Cmd::Submit)),
            OverlayOut::ToScreen(Chosen::PositiveListTrigger {
                id: 3,
                kind: TriggerKind::Media,
                reference: "ALM-1".into(),
                occurred_on: "2026-11-12".into(),
                handling: Handling::Onsite,
                note: "在线监控数据异常，已电话核实".into(),
            })
        );
    }
}
