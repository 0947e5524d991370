//! The question before a 帮扶 step that cannot be taken back (不予受理, 撤回, 办结), and the save after it.

use crate::domain::assistance::Event;
use crate::i18n::{T, Text};
use crate::tui::app::Out;
use crate::tui::screens::assistance::form::{AssistanceFormState, Purpose};
use crate::tui::widgets::confirm::ask;

impl AssistanceFormState {
    /// The question, when saving this form takes an irreversible step.
    pub(crate) fn question(&self) -> Option<Out> {
        match self.purpose {
            Purpose::Event {
                event: e @ (Event::Refuse | Event::Withdraw | Event::Complete),
                ..
            } => Some(ask(
                Text::new(T::ConfirmAssistanceEvent)
                    .arg("number", &self.subject)
                    .arg_key("action", e.label()),
                e.label(),
            )),
            _ => None,
        }
    }

    /// Saves now (after the question, when there is one).
    pub fn proceed(&mut self) -> Out {
        if self.saving {
            return Out::default();
        }
        self.saving = true;
        self.error = None;
        Out::effect(self.effect())
    }
}
