//! Yes/no questions. The safe answer (No / Cancel) has focus first, so Enter alone never destroys.

use crate::domain::validate::FieldIssue;
use crate::i18n::T;
use crate::tui::app::{App, Input};
use crate::tui::draw::{centered, dialog, put, put_fit};
use crate::tui::keymap::Cmd;
use crate::tui::overlays::OverlayOut;
use crate::tui::text::width;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What is being confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfirmKind {
    Quit,
    /// Leave a form with unsaved changes.
    Discard,
    GoHome,
    Logout,
    /// Save although these warnings stand (the acknowledgement is recorded).
    AckWarnings(Vec<FieldIssue>),
    /// Put back the form's kept draft (saved at this local time)? Restoring is the safe answer:
    /// declining forgets the draft.
    RestoreDraft {
        saved_at: String,
    },
    /// Disable (`active: false`) or enable an account.
    SetActive {
        username: String,
        active: bool,
    },
    /// Submit the form on top (a positive-list application or withdrawal, a request for a 停产
    /// enterprise) after this question.
    Submit(crate::i18n::Text),
    /// A permanent 执法检查 step (签署笔录, a draw): what it will do, then the request to carry out.
    Inspection {
        request: Box<crate::tui::screens::inspection::form::InspectionRequest>,
        lines: Vec<crate::i18n::Text>,
    },
    /// An irreversible action of the screen under the dialog: `what` says what will happen, the
    /// dialog adds that it cannot be undone; "yes" hands `Chosen::Proceed` back to the screen.
    Proceed {
        what: crate::i18n::Text,
        button: T,
    },
}

impl ConfirmKind {
    /// Whether the "no" answer does something (rather than just closing the question).
    fn no_acts(&self) -> bool {
        matches!(self, ConfirmKind::RestoreDraft { .. })
    }

    /// Whether "yes" is the safe answer, focused first.
    fn yes_is_safe(&self) -> bool {
        matches!(self, ConfirmKind::RestoreDraft { .. })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfirmState {
    pub kind: ConfirmKind,
    /// Whether "yes" has focus; starts false.
    pub yes: bool,
}

impl ConfirmState {
    pub fn new(kind: ConfirmKind) -> ConfirmState {
        let yes = kind.yes_is_safe();
        ConfirmState { kind, yes }
    }

    pub fn on_input(&mut self, input: Input) -> OverlayOut {
        match input {
            Input::Cmd(Cmd::Toggle) => {
                self.yes = !self.yes;
                OverlayOut::Stay(None)
            }
            Input::Cmd(Cmd::Submit) if self.yes => OverlayOut::Confirmed(self.kind.clone()),
            // Esc is labelled 取消: cancel opening the form. The kept draft is neither restored nor
            // forgotten; the form offers it again when opened next.
            Input::Cmd(Cmd::Back) if matches!(self.kind, ConfirmKind::RestoreDraft { .. }) => {
                OverlayOut::Run(Cmd::Back)
            }
            Input::Cmd(Cmd::Submit) if self.kind.no_acts() => {
                OverlayOut::Declined(self.kind.clone())
            }
            Input::Cmd(Cmd::Submit | Cmd::Back) => OverlayOut::Close,
            _ => OverlayOut::Stay(None),
        }
    }

    fn question(&self) -> (T, T, T) {
        match self.kind {
            ConfirmKind::RestoreDraft { .. } => (
                T::ConfirmRestoreDraft,
                T::ButtonRestore,
                T::ButtonDiscardDraft,
            ),
            ConfirmKind::Quit => (T::ConfirmQuitUnsaved, T::ButtonQuit, T::ButtonStay),
            ConfirmKind::Discard | ConfirmKind::GoHome | ConfirmKind::Logout => {
                (T::ConfirmDiscard, T::ButtonDiscard, T::ButtonKeepEditing)
            }
            ConfirmKind::AckWarnings(_) => (T::ConfirmWarnings, T::ButtonSaveAnyway, T::ButtonBack),
            ConfirmKind::SetActive { active: false, .. } => {
                (T::ConfirmDisableUser, T::ButtonDisable, T::ButtonCancel)
            }
            ConfirmKind::SetActive { active: true, .. } => {
                (T::ConfirmEnableUser, T::ButtonEnable, T::ButtonCancel)
            }
            ConfirmKind::Submit(ref t) => (t.key, T::ButtonSubmit, T::ButtonBack),
            ConfirmKind::Inspection { .. } => (T::DialogConfirm, T::ButtonProceed, T::ButtonCancel),
            ConfirmKind::Proceed { button, .. } => {
                (T::ConfirmIrreversible, button, T::ButtonCancel)
            }
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) {
        let lang = app.lang;
        let (question, yes, no) = self.question();
        if let ConfirmKind::Inspection { lines: said, .. } = &self.kind {
            // Long statements wrap inside a dialog that fits 80 columns.
            let lines: Vec<String> = said
                .iter()
                .flat_map(|t| crate::tui::text::wrap_words(&t.render(lang), 64))
                .collect();
            return self.render_lines(frame, body, app, lines, yes, no);
        }
        let lines = vec![match &self.kind {
            ConfirmKind::RestoreDraft { saved_at } => crate::i18n::Text::new(question)
                .arg("time", saved_at)
                .render(lang),
            ConfirmKind::SetActive { username, .. } => crate::i18n::Text::new(question)
                .arg("name", crate::tui::text::sanitize(username))
                .render(lang),
            ConfirmKind::Submit(t) => crate::tui::text::sanitize(&t.render(lang)),
            ConfirmKind::Proceed { what, .. } => what.render(lang),
            _ => question.get(lang).to_string(),
        }];
        let mut lines = lines;
        if let ConfirmKind::AckWarnings(issues) = &self.kind {
            lines.extend(issues.iter().map(|i| format!("- {}", i.render(lang))));
        }
        if let ConfirmKind::Proceed { .. } = &self.kind {
            lines.push(question.get(lang).to_string());
        }
        // Every line shown in full: wrapped to the dialog's width.
        let room = usize::from(body.width.saturating_sub(8)).min(70);
        let lines: Vec<String> = lines
            .iter()
            .flat_map(|l| crate::tui::text::wrap_words(&crate::tui::text::sanitize(l), room))
            .collect();
        self.render_lines(frame, body, app, lines, yes, no);
    }

    fn render_lines(
        &self,
        frame: &mut Frame<'_>,
        body: Rect,
        app: &App,
        lines: Vec<String>,
        yes: T,
        no: T,
    ) {
        let lang = app.lang;
        let w = lines
            .iter()
            .map(|l| width(l))
            .max()
            .unwrap_or(20)
            .clamp(30, 70) as u16
            + 4;
        let h = lines.len() as u16 + 4;
        let area = centered(body, w, h);
        let inner = dialog(frame, area, T::DialogConfirm.get(lang), app.theme);
        for (i, line) in lines.iter().enumerate() {
            put(
                frame,
                inner.x + 1,
                inner.y + i as u16,
                line,
                usize::from(inner.width) - 1,
                app.theme.base(),
            );
        }
        let y = inner.y + inner.height.saturating_sub(1);
        let no_label = format!("[ {} ]", no.get(lang));
        let yes_label = format!("[ {} ]", yes.get(lang));
        let style = |focused: bool| {
            if focused {
                app.theme.selected()
            } else {
                app.theme.base()
            }
        };
        let x = inner.x + 1;
        put_fit(frame, x, y, &no_label, width(&no_label), style(!self.yes));
        let x2 = x + width(&no_label) as u16 + 2;
        put_fit(frame, x2, y, &yes_label, width(&yes_label), style(self.yes));
    }
}
