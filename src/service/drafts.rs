//! Form drafts of the person logged in. Every call is scoped to the actor's own user id: nobody reads
//! or removes another person's drafts. Drafts are not records, so they are not audited.

use crate::i18n::{T, Text};
use crate::service::{Result, ServiceError, Session};
use crate::store::draft::{self, StoredDraft};

/// The largest draft kept (bytes of JSON): far above any form, far below a problem.
pub const MAX_DRAFT_BYTES: usize = 64 * 1024;

/// Form names are short codes such as `enterprise:new` or `enterprise:<uid>`.
fn form_ok(form: &str) -> bool {
    (1..=100).contains(&form.len())
        && form
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ":-_".contains(c))
}

impl Session {
    fn check_form(form: &str) -> Result<()> {
        if form_ok(form) {
            Ok(())
        } else {
            Err(ServiceError::Refused(
                Text::new(T::ErrDraftForm).arg("form", form),
            ))
        }
    }

    /// Saves the actor's draft of a form (replacing an earlier one).
    pub fn save_draft(&self, form: &str, payload: &serde_json::Value) -> Result<()> {
        Self::check_form(form)?;
        let text = payload.to_string();
        if text.len() > MAX_DRAFT_BYTES {
            return Err(ServiceError::Refused(
                Text::new(T::ErrDraftTooLarge).arg("max", MAX_DRAFT_BYTES / 1024),
            ));
        }
        self.write(|w| Ok(draft::save(w, w.actor().user_id, form, &text, w.now())?))
    }

    /// The actor's draft of a form, if one was saved.
    pub fn load_draft(&self, form: &str) -> Result<Option<StoredDraft>> {
        Self::check_form(form)?;
        Ok(draft::load(&self.conn, self.actor.user_id, form)?)
    }

    /// Forgets the actor's draft of a form (saved or discarded); nothing happens when there is none.
    pub fn delete_draft(&self, form: &str) -> Result<()> {
        Self::check_form(form)?;
        self.write(|w| Ok(draft::delete(w, w.actor().user_id, form)?))
    }
}
