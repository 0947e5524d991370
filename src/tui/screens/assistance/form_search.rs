//! The enterprise picker of the 帮扶 forms: a search field whose typed name, USCC or pinyin initials
//! are searched after a pause, with the matches listed under it to pick with Left/Right.

use crate::i18n::Text;
use crate::tui::app::{Message, Out};
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::AssistanceEffect;
use crate::tui::screens::assistance::form::{AssistanceFormState, FieldKind, FormField};
use crate::tui::widgets::picker::{EnterpriseMatch, enterprise_choice};

impl AssistanceFormState {
    /// A search field's pick: the chosen enterprise, or else the typed text (resolved when saved).
    pub(crate) fn picked(&self, id: &str) -> (Option<i64>, Option<String>) {
        let Some(f) = self.fields.iter().find(|f| f.id == id) else {
            return (None, None);
        };
        match f.code().and_then(|c| c.parse().ok()) {
            Some(e) => (Some(e), None),
            None => {
                let typed = f.typed().trim();
                (None, (!typed.is_empty()).then(|| typed.to_string()))
            }
        }
    }

    /// The debounce ran out: search for what the search field holds.
    pub fn search_due(&mut self, token: u64) -> Out {
        let Some(f) = self.fields.iter().find(|f| f.kind == FieldKind::Search) else {
            return Out::default();
        };
        let query = f.typed().trim().to_string();
        if token != self.search_token || query.is_empty() {
            return Out::default();
        }
        Out::effect(Effect::Assistance(AssistanceEffect::FindEnterprises {
            token,
            query,
        }))
    }

    /// The matches of a search, unless a newer one was asked for.
    pub fn found(&mut self, token: u64, rows: Result<Vec<EnterpriseMatch>, Text>) -> Out {
        if token != self.search_token {
            return Out::default();
        }
        found_in(&mut self.fields, rows)
    }
}

/// Lists a search's matches under the form's search field (name, USCC and business status).
pub(crate) fn found_in(fields: &mut [FormField], rows: Result<Vec<EnterpriseMatch>, Text>) -> Out {
    match rows {
        Ok(rows) => {
            if let Some(f) = fields.iter_mut().find(|f| f.kind == FieldKind::Search) {
                f.cursor = 0;
                f.options = rows.iter().map(enterprise_choice).collect();
            }
            Out::default()
        }
        Err(t) => Out::message(Message::error(t)),
    }
}
