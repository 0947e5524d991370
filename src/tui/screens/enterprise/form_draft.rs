//! Autosaved drafts of the enterprise form: a few seconds after the last change the fields are kept
//! (per person and form), so a dropped SSH session loses almost nothing; reopening the form offers to
//! restore them, with restoring as the default. Saving the record or discarding the changes forgets
//! the draft.

use crate::domain::enterprise::EnterpriseDraft;
use crate::i18n::T;
use crate::i18n::Text;
use crate::tui::app::{Env, Message, Nav, Out};
use crate::tui::msg::{Effect, StoredDraft};
use crate::tui::overlays::Overlay;
use crate::tui::overlays::confirm::{ConfirmKind, ConfirmState};
use crate::tui::screens::enterprise::fields::FieldId;
use crate::tui::screens::enterprise::form::FormState;
use serde::{Deserialize, Serialize};

/// Milliseconds after the last change before the draft is kept.
pub const DRAFT_SAVE_MS: u64 = 3000;

/// The name drafts of a new enterprise are kept under.
pub const NEW_ENTERPRISE_FORM: &str = "enterprise:new";

/// The name a form's draft is kept under: `enterprise:new`, or `enterprise:<uid>` when editing.
pub fn enterprise_form(uid: Option<&str>) -> String {
    match uid {
        Some(uid) => format!("enterprise:{uid}"),
        None => NEW_ENTERPRISE_FORM.to_string(),
    }
}

/// What is kept of the form: its fields, where the cursor was, and the version being edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    /// The `row_version` the edit started from, so a restored edit still meets the conflict check.
    pub row_version: Option<i64>,
    pub focus: usize,
    pub fields: EnterpriseDraft,
}

impl FormState {
    /// The form changed: (re)arm the autosave timer.
    pub(crate) fn schedule_autosave(&mut self, env: &mut Env<'_>) -> Effect {
        self.draft_token = env.req();
        Effect::Debounce {
            token: self.draft_token,
            ms: DRAFT_SAVE_MS,
        }
    }

    /// Keeps the draft as typed, or forgets it when nothing differs from the record any more.
    pub fn draft_effect(&self) -> Effect {
        if !self.is_dirty() {
            return self.forget_draft();
        }
        let draft = FormDraft {
            row_version: self.editing.map(|(_, v)| v),
            focus: self.focus,
            fields: self.draft(),
        };
        Effect::SaveDraft {
            form: self.form_key.clone(),
            payload: serde_json::to_value(&draft).unwrap_or(serde_json::Value::Null),
        }
    }

    pub fn forget_draft(&self) -> Effect {
        Effect::DeleteDraft {
            form: self.form_key.clone(),
        }
    }

    /// The autosave timer ran out; only the latest change's timer counts.
    pub fn autosave_due(&mut self, token: u64) -> Out {
        if token != self.draft_token || self.saving {
            return Out::default();
        }
        Out::effect(self.draft_effect())
    }

    /// The kept draft arrived: offer to restore it when it differs from what the form shows.
    pub fn draft_loaded(&mut self, result: Result<Option<StoredDraft>, Text>) -> Out {
        let stored = match result {
            Ok(Some(d)) => d,
            Ok(None) => return Out::default(),
            Err(text) => return Out::message(Message::warning(text)),
        };
        let Ok(draft) = serde_json::from_str::<FormDraft>(&stored.payload) else {
            // Unreadable (an older program's draft): nothing to offer.
            return Out::effect(self.forget_draft());
        };
        if draft.fields == self.draft() {
            return Out::effect(self.forget_draft());
        }
        self.restore = Some(draft);
        let saved_at = stored.saved_at.local();
        Out::nav(Nav::Open(Overlay::Confirm(ConfirmState::new(
            ConfirmKind::RestoreDraft { saved_at },
        ))))
    }

    /// Puts the kept fields back into the form (it stays unsaved until the person saves).
    pub fn restore_draft(&mut self) -> Out {
        let Some(draft) = self.restore.take() else {
            return Out::default();
        };
        for (f, input) in FieldId::ALL.iter().zip(self.inputs.iter_mut()) {
            input.set(f.get(&draft.fields));
        }
        self.focus = draft.focus.min(FieldId::ALL.len() - 1);
        let mut message = Message::info(T::MsgDraftRestored);
        if let (Some((id, current)), Some(kept)) = (self.editing, draft.row_version) {
            if kept != current {
                message = Message::warning(T::WarnDraftStale);
            }
            self.editing = Some((id, kept));
        }
        Out::message(message)
    }

    /// The person chose not to restore: the draft is forgotten.
    pub fn discard_draft(&mut self) -> Out {
        self.restore = None;
        Out::effect(self.forget_draft()).with_message(Message::info(T::MsgDraftDiscarded))
    }
}
