//! Trigger events against listed entries, the on-site guard that reads them, and the removal a filed
//! case proposes.

use super::*;
use crate::domain::account::{Action, Target};
use crate::domain::positive_list::{self as pl, CheckCategory, EntryState, Handling, TriggerRef};
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use crate::service::{Result, ServiceError, Writer};
use crate::store::db;
use crate::store::positive_list::{self as store, Entry, NewTrigger, TriggerRow};

impl crate::service::PositiveList<'_> {
    /// Records a trigger event against a listed entry (in the list or under review).
    pub fn record_trigger(&self, entry_id: i64, input: &TriggerInput) -> Result<TriggerRow> {
        self.require(Action::ListTrigger)?;
        let x = self.entry(entry_id)?;
        self.check(Action::ListTrigger, Self::entry_target(&x))?;
        if !state_of(&x)?.is_listed() {
            return Err(ServiceError::Refused(Text::new(T::ErrPlNotListed)));
        }
        let reference = input.reference.trim().to_string();
        let mut issues = text_field("reference", T::PositiveListFieldReference, &reference, 100);
        issues.extend(text_field(
            "note",
            T::PositiveListFieldNote,
            &input.note,
            500,
        ));
        if reference.is_empty() {
            issues.push(FieldIssue::error(
                "reference",
                "required",
                Text::new(T::ErrPlReferenceNeeded),
            ));
        }
        issues.extend(
            self.time_now()
                .happened(crate::domain::time_rules::Stamp::new(
                    "occurred_on",
                    T::PositiveListFieldOccurredOn,
                    Day::new(input.occurred_on),
                )),
        );
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        let uid = db::new_uid();
        let new = NewTrigger {
            uid: &uid,
            entry_id,
            kind: input.kind.code(),
            reference: &reference,
            occurred_on: Day::new(input.occurred_on),
            handling: input.handling.code(),
            note: input.note.trim(),
        };
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            store::insert_trigger(w, &new, &actor.uid, now)?;
            if input.handling == Handling::Removal {
                Self::propose_removal_tx(w, &x, &reference, &actor.uid, now)?;
            }
            let row = store::triggers(w, entry_id)?
                .into_iter()
                .find(|t| t.uid == uid)
                .ok_or(db::StoreError::NotFound)?;
            w.audit("create", None, &row)?;
            Ok(row)
        })
    }

    fn propose_removal_tx(
        w: &rusqlite::Transaction<'_>,
        x: &Entry,
        proposal: &str,
        by: &str,
        now: &str,
    ) -> db::Result<()> {
        let mut fresh = store::entry(w, x.id)?;
        fresh.removal_proposal = proposal.to_string();
        store::save_entry(w, &fresh, by, now)
    }

    /// The guard the inspection module calls before planning an on-site check: refused for a listed
    /// enterprise unless a trigger of an allowed kind with its reference is given. Off-site always passes.
    pub fn check_on_site_allowed(
        &self,
        enterprise_id: i64,
        category: CheckCategory,
        trigger: Option<TriggerRef<'_>>,
    ) -> Result<()> {
        let e = self.enterprises().get(enterprise_id)?;
        let state = store::entries_of(&self.conn, e.id)?
            .first()
            .and_then(|x| EntryState::parse(&x.state));
        pl::on_site_allowed(state, category, trigger)
            .map_err(|r| ServiceError::Refused(Text::new(r.label())))
    }

    /// An inspection of a listed enterprise ended in 立案: record a removal proposal on its entry for a
    /// supervisor to confirm. Returns the entry, or `None` when the enterprise is not listed.
    pub fn propose_removal_for_case(
        &self,
        enterprise_id: i64,
        case_reference: &str,
    ) -> Result<Option<Entry>> {
        let Some(x) = self.listed_entry_for_case(enterprise_id)? else {
            return Ok(None);
        };
        self.write(|w| {
            Ok(Some(crate::service::PositiveList::removal_for_case_tx(
                w,
                &x,
                case_reference,
            )?))
        })
    }

    /// The listed entry a filed case would propose to remove (`None` when the enterprise is not
    /// listed), after checking the actor may trigger list changes for the enterprise.
    pub(crate) fn listed_entry_for_case(&self, enterprise_id: i64) -> Result<Option<Entry>> {
        self.require(Action::ListTrigger)?;
        let e = self.enterprises().get(enterprise_id)?;
        self.check(Action::ListTrigger, Target::record(&e.region_code, e.id))?;
        Ok(store::entries_of(&self.conn, e.id)?
            .into_iter()
            .find(|x| EntryState::parse(&x.state).is_some_and(EntryState::is_listed)))
    }

    /// Writes the removal proposal for a filed case and its audit row inside the caller's transaction,
    /// so the inspection module files the case and proposes the removal together or not at all.
    pub(crate) fn removal_for_case_tx(
        w: &Writer<'_>,
        x: &Entry,
        case_reference: &str,
    ) -> db::Result<Entry> {
        let text = Text::new(T::PositiveListCaseFiledReason)
            .arg("reference", case_reference.trim())
            .bilingual();
        Self::propose_removal_tx(w, x, &text, &w.actor().uid, w.now())?;
        let after = store::entry(w, x.id)?;
        w.audit("update", Some(x), &after)?;
        Ok(after)
    }
}
