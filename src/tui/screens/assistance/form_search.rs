//! The enterprise picker of the 帮扶 forms: a search field whose typed name, USCC or pinyin initials
//! are searched after a pause, with the matches listed under it to pick with Left/Right.

use crate::i18n::{Lang, Text};
use crate::tui::app::{Message, Out};
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::form::{AssistanceFormState, Choice, FieldKind};
use crate::tui::screens::assistance::{AssistanceEffect, PickedEnterprise};

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
    /// Each match shows its name, USCC and business status (停产 and 注销 are named).
    pub fn found(&mut self, token: u64, rows: Result<Vec<PickedEnterprise>, Text>) -> Out {
        if token != self.search_token {
            return Out::default();
        }
        match rows {
            Ok(rows) => {
                if let Some(f) = self.fields.iter_mut().find(|f| f.kind == FieldKind::Search) {
                    f.cursor = 0;
                    f.options = rows
                        .into_iter()
                        .map(|e| {
                            let label = |lang: Lang| {
                                let status = e.status.label().get(lang);
                                format!("{}  [{status}]  {}", e.name, e.uscc)
                            };
                            Choice {
                                code: e.id.to_string(),
                                zh: label(Lang::Zh),
                                en: label(Lang::En),
                            }
                        })
                        .collect();
                }
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }
}
