//! 正面清单 edits from the screens: a batch opened with the name and note typed (an empty name takes
//! the next of the year), and an entry's off-site supervision means. Each authorizes, validates and
//! audits in its transaction.

use crate::domain::account::{Action, Target};
use crate::domain::positive_list::EntryState;
use crate::domain::time::stamp;
use crate::i18n::T;
use crate::service::positive_list::{json, text_field};
use crate::service::{Result, ServiceError, Session};
use crate::store::positive_list::{self as store, Batch, Entry};
use crate::store::{audit, db};

impl Session {
    /// The positive-list timeline of an enterprise (every entry, oldest change first) as
    /// (batch name, change): for its 360° view. The enterprise itself sees its own.
    pub fn pl_history_of(&self, enterprise_id: i64) -> Result<Vec<(String, store::HistoryRow)>> {
        self.require(Action::ListRead)?;
        let e = self.enterprise(enterprise_id)?;
        self.check(Action::ListRead, Target::record(&e.region_code, e.id))?;
        Ok(store::history_of_enterprise(&self.conn, e.id)?)
    }

    /// Opens a batch named as typed, with its note; an empty name takes the next of this year.
    pub fn pl_open_batch(&mut self, name: &str, note: &str) -> Result<Batch> {
        self.require(Action::ListPropose)?;
        let name = match name.trim() {
            "" => self.pl_next_batch_name()?,
            typed => typed.to_string(),
        };
        let year = chrono::Datelike::year(&self.today());
        self.pl_create_batch(&name, year, note)
    }

    /// Sets how an entry is supervised off site (automatic monitoring, power monitoring, video...).
    /// Staff and supervisors of its region, while the entry is not closed (removed or rejected).
    pub fn pl_set_offsite(&mut self, id: i64, row_version: i64, means: &str) -> Result<Entry> {
        self.require(Action::ListPropose)?;
        let before = self.pl_entry(id)?;
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
        let issues = text_field("offsite_means", T::PlFieldOffsite, &means, 200);
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        let (now, actor) = (stamp(self.now()), self.actor.clone());
        Ok(db::write_tx(&mut self.conn, |tx| {
            let mut x = before.clone();
            x.row_version = row_version;
            x.offsite_means = means.clone();
            store::save_entry(tx, &x, &actor.uid, &now)?;
            let after = store::entry(tx, id)?;
            audit::append(
                tx,
                &actor,
                &now,
                audit::Change {
                    action: "update",
                    entity: "pl_entry",
                    record_uid: &after.uid,
                    before: Some(&json(&before)),
                    after: Some(&json(&after)),
                },
            )?;
            Ok(after)
        })?)
    }
}
