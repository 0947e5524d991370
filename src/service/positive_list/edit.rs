//! 正面清单 edits from the screens: a batch opened with the name and note typed (an empty name takes
//! the next of the year), and an entry's off-site supervision means. Each authorizes, validates and
//! audits in its transaction.

use crate::domain::account::{Action, Target};
use crate::domain::positive_list::EntryState;
use crate::i18n::T;
use crate::service::positive_list::text_field;
use crate::service::{Result, ServiceError};
use crate::store::positive_list::{self as store, Batch, Entry};

impl crate::service::PositiveList<'_> {
    /// The positive-list timeline of an enterprise (every entry, oldest change first) as
    /// (batch name, change): for its 360° view. The enterprise itself sees its own.
    pub fn history_of(&self, enterprise_id: i64) -> Result<Vec<(String, store::HistoryRow)>> {
        self.require(Action::ListRead)?;
        let e = self.enterprises().get(enterprise_id)?;
        self.check(Action::ListRead, Target::record(&e.region_code, e.id))?;
        let sees_internal = self.sees_internal();
        Ok(store::history_of_enterprise(&self.conn, e.id)?
            .into_iter()
            .filter(|(_, h)| sees_internal || !h.is_internal())
            .collect())
    }

    /// Opens a batch named as typed, with its note; an empty name takes the next of this year.
    pub fn open_batch(&self, name: &str, note: &str) -> Result<Batch> {
        self.require(Action::ListPropose)?;
        let name = match name.trim() {
            "" => self.next_batch_name()?,
            typed => typed.to_string(),
        };
        let year = chrono::Datelike::year(&self.today());
        self.create_batch(&name, year, note)
    }

    /// Sets how an entry is supervised off site (automatic monitoring, power monitoring, video...).
    /// Staff and supervisors of its region, while the entry is not closed (removed or rejected).
    pub fn set_offsite(&self, id: i64, row_version: i64, means: &str) -> Result<Entry> {
        self.require(Action::ListPropose)?;
        let before = self.entry(id)?;
        self.check(
            Action::ListPropose,
            Target::record(&before.region_code, before.enterprise_id),
        )?;
        if matches!(
            EntryState::parse(&before.state),
            Some(EntryState::Removed | EntryState::Rejected)
        ) {
            return Err(ServiceError::Refused(crate::i18n::Text::new(
                T::ErrPlOffsiteClosed,
            )));
        }
        let means = crate::domain::text::normalize_text(means);
        let issues = text_field("offsite_means", T::PositiveListFieldOffsite, &means, 200);
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let mut x = before.clone();
            x.row_version = row_version;
            x.offsite_means = means.clone();
            store::save_entry(w, &x, &actor.uid, now)?;
            let after = store::entry(w, id)?;
            w.audit("update", Some(&before), &after)?;
            Ok(after)
        })
    }
}
