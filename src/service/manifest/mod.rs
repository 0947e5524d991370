//! 危险废物转移联单 use cases: read within scope (generator, receiver, region), keyset lists with
//! alert filters, alert counts, the detail with the events the actor may take, and drafting. The
//! transitions are in `manifest_flow`, licences and approvals in `manifest_admin`.
pub(crate) mod draft;
pub mod export;
pub mod extension;
mod flow;
pub mod import;
mod plausible;
mod prepare;
pub mod reference;

use crate::domain::account::{Action, Role, Target};
use crate::domain::calendar::Deadline;
use crate::domain::manifest::deadlines::{
    Cutoffs, ManifestAlert, ManifestDates, ManifestPolicy, alerts, backfill_due, cutoffs,
    receipt_due,
};
use crate::domain::manifest::rules::{ManifestEvent, Party, next_state};
use crate::domain::manifest::{LegDraft, Line, LineDraft, ManifestState, Mode, Origin};
use crate::domain::time::Day;
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
pub(crate) use crate::service::manifest::draft::new_leg;
use crate::service::{Audited, Result, ServiceError};
use crate::store::db;
use crate::store::manifest::reference::{self as refs, Approval, Licence};
use crate::store::manifest::{self as store, Discrepancy, HistoryRow, Leg, ListFilter, Manifest};
use rusqlite::Connection;

/// A manifest as typed in the form or read from an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManifestInput {
    /// Empty for a manifest created here (it gets the city's next serial).
    pub number: String,
    pub origin: Option<Origin>,
    /// Bureau staff name the generator; enterprise accounts are their own generator.
    pub generator_id: Option<i64>,
    pub licence_number: String,
    pub mode: Option<Mode>,
    pub transfer_date: String,
    pub approval_number: String,
    pub lines: Vec<LineDraft>,
    pub legs: Vec<LegDraft>,
    /// Paper manifests: the day the paper transfer was completed.
    pub paper_completed_on: String,
}

/// A manifest with what the detail screen shows and what the actor may do now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestDetail {
    pub manifest: Manifest,
    pub lines: Vec<Line>,
    pub legs: Vec<Leg>,
    pub discrepancies: Vec<Discrepancy>,
    pub history: Vec<HistoryRow>,
    pub approval: Option<Approval>,
    pub alerts: Vec<ManifestAlert>,
    pub receipt_due: Option<Deadline>,
    pub backfill_due: Option<Deadline>,
    pub events: Vec<ManifestEvent>,
    pub may_edit: bool,
    pub may_follow_up: bool,
    /// Approved storage extensions, oldest first, and whether the actor may record one now.
    pub extensions: Vec<crate::store::manifest::extension::StockExtension>,
    pub may_extend_stock: bool,
    /// A rejected manifest's follow-ups (id, number, state), and the number of the rejected
    /// manifest a follow-up refers to.
    pub follow_ups: Vec<(i64, String, ManifestState)>,
    pub follow_up_of: Option<String>,
}

/// The list counts its matches up to this many; beyond it shows "1000+".
pub const MF_LIST_COUNT_CAP: i64 = 1000;

/// A list row: the manifest and its alerts today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestRow {
    pub manifest: Manifest,
    pub alerts: Vec<ManifestAlert>,
}

/// The home screen's manifest figures for the actor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManifestCounts {
    pub drafts: i64,
    pub awaiting_receipt: i64,
    pub discrepancy: i64,
    pub alerts: Vec<(ManifestAlert, i64)>,
    pub approvals_expiring: i64,
}

/// A manifest with its lines: what its audit rows carry as before and after images.
#[derive(serde::Serialize)]
pub(in crate::service) struct ManifestImage {
    pub manifest: Manifest,
    pub lines: Vec<Line>,
}

impl ManifestImage {
    pub(in crate::service) fn of(conn: &Connection, id: i64) -> db::Result<ManifestImage> {
        Ok(ManifestImage {
            manifest: store::get(conn, id)?,
            lines: store::lines(conn, id)?,
        })
    }
}

impl Audited for ManifestImage {
    const ENTITY: &'static str = "manifest";
    fn uid(&self) -> &str {
        &self.manifest.uid
    }
}

/// Whether a manifest was ever sent to its receiver: not a draft, and not a draft cancelled before it
/// was submitted (a paper manifest, entered after its transfer, was).
pub(in crate::service) fn shown_to_receiver(m: &Manifest) -> bool {
    match m.state {
        ManifestState::Draft => false,
        ManifestState::Cancelled => m.submitted_at.is_some(),
        _ => true,
    }
}

/// Everything checked before a manifest is stored, and what it becomes.
pub(in crate::service) struct Prepared {
    /// The transfer date (today when it could not be read: then `issues` holds that error).
    pub day: Day,
    pub licence: Licence,
    pub approval: Option<Approval>,
    pub edition: String,
    pub lines: Vec<Line>,
    pub legs: Vec<LegDraft>,
    pub issues: Vec<FieldIssue>,
}

impl crate::service::Manifests<'_> {
    pub fn policy(&self) -> ManifestPolicy {
        ManifestPolicy::from_policy(&self.policy)
    }

    pub(in crate::service) fn cutoffs(&self) -> Result<Cutoffs> {
        Ok(cutoffs(&self.calendar()?, &self.policy(), self.today()))
    }

    /// Whether the actor is the given party of `m` (enterprise accounts), or bureau staff in scope.
    pub(in crate::service) fn may(
        &self,
        action: Action,
        m: &Manifest,
        party: Option<Party>,
    ) -> Result<()> {
        self.require(action)?;
        if self.actor.roles == [Role::Enterprise] {
            let own = self.actor.enterprise_id;
            let is_gen = own == Some(m.generator_id);
            let is_rec = own.is_some() && own == m.receiver_id && shown_to_receiver(m);
            let ok = match party {
                Some(Party::Generator) => is_gen,
                Some(Party::Receiver) => is_rec,
                None => is_gen || is_rec,
            };
            if ok {
                return Ok(());
            }
            if is_gen || is_rec {
                let p = match party {
                    Some(Party::Receiver) => T::ManifestPartyReceiver,
                    _ => T::ManifestPartyGenerator,
                };
                return Err(ServiceError::Refused(
                    Text::new(T::ManifestErrNotParty).arg_key("party", p),
                ));
            }
            return Err(ServiceError::NotFound);
        }
        let by_generator = self.check(action, Target::record(&m.region_code, m.generator_id));
        if by_generator.is_ok() {
            return Ok(());
        }
        match m.receiver_id {
            Some(r) if !m.receiver_region.is_empty() => {
                self.check(action, Target::record(&m.receiver_region, r))
            }
            _ => by_generator,
        }
    }

    /// One manifest in scope (out of scope reads as "not found").
    pub fn get(&self, id: i64) -> Result<Manifest> {
        self.require(Action::ManifestRead)?;
        let m = store::get(&self.conn, id)?;
        self.may(Action::ManifestRead, &m, None)
            .map_err(|_| ServiceError::NotFound)?;
        Ok(m)
    }

    pub fn by_number(&self, number: &str) -> Result<Manifest> {
        self.require(Action::ManifestRead)?;
        let n = crate::domain::text::normalize_code(number);
        let m = store::get_by_number(&self.conn, &n)?.ok_or(ServiceError::NotFound)?;
        self.get(m.id)
    }

    /// The alerts of a row; an approved stock extension is looked up only when a stock alert is raised.
    fn row_alerts(&self, m: &Manifest, cut: &Cutoffs) -> Result<Vec<ManifestAlert>> {
        let mut dates = ManifestDates {
            departed: m.departed_at.map(|t| t.day().date()),
            arrived: m.arrived_at.map(|t| t.day().date()),
            received: m.received_at.map(|t| t.day().date()),
            paper_completed: m.paper_completed_on.map(Day::date),
            stock_extended_to: None,
        };
        let v = alerts(m.state, &dates, cut);
        if !v.contains(&ManifestAlert::StockAging) && !v.contains(&ManifestAlert::StockOverdue) {
            return Ok(v);
        }
        dates.stock_extended_to =
            crate::store::manifest::extension::extended_to(&self.conn, m.id)?.map(Day::date);
        Ok(alerts(m.state, &dates, cut))
    }

    /// One page of manifests in scope matching `f`, newest first.
    pub fn page(&self, f: &ListFilter, limit: usize) -> Result<Vec<ManifestRow>> {
        self.require(Action::ManifestRead)?;
        let cut = self.cutoffs()?;
        store::list(&self.conn, &self.enterprises().scope(), f, &cut, limit)?
            .into_iter()
            .map(|m| {
                Ok(ManifestRow {
                    alerts: self.row_alerts(&m, &cut)?,
                    manifest: m,
                })
            })
            .collect()
    }

    pub fn count(&self, f: &ListFilter) -> Result<i64> {
        self.require(Action::ManifestRead)?;
        let cut = self.cutoffs()?;
        Ok(store::count(
            &self.conn,
            &self.enterprises().scope(),
            f,
            &cut,
        )?)
    }

    /// How many manifests the list shows as matching, counted up to [`MF_LIST_COUNT_CAP`] + 1 (more
    /// reads as "over the cap"), so the first page stays fast however many match.
    pub fn list_count(&self, f: &ListFilter) -> Result<i64> {
        self.require(Action::ManifestRead)?;
        let cut = self.cutoffs()?;
        Ok(crate::store::manifest::list::count_upto(
            &self.conn,
            &self.enterprises().scope(),
            f,
            &cut,
            MF_LIST_COUNT_CAP + 1,
        )?)
    }

    /// The figures of the home screen: what waits for the actor and every alert in scope.
    pub fn counts(&self) -> Result<ManifestCounts> {
        self.require(Action::ManifestRead)?;
        let cut = self.cutoffs()?;
        let scope = self.enterprises().scope();
        let n = |f: ListFilter| store::count(&self.conn, &scope, &f, &cut);
        let state = |s| ListFilter {
            state: Some(s),
            ..ListFilter::default()
        };
        let mut c = ManifestCounts {
            drafts: n(state(ManifestState::Draft))?,
            awaiting_receipt: n(state(ManifestState::AwaitingReceipt))?,
            discrepancy: n(state(ManifestState::Discrepancy))?,
            ..ManifestCounts::default()
        };
        for a in ManifestAlert::ALL {
            c.alerts.push((
                *a,
                n(ListFilter {
                    alert: Some(*a),
                    ..ListFilter::default()
                })?,
            ));
        }
        c.approvals_expiring = i64::try_from(self.approvals_expiring(10_000)?.len()).unwrap_or(0);
        Ok(c)
    }

    /// The manifest with its lines, legs, discrepancies, timeline, deadlines and the actor's options.
    pub fn detail(&self, id: i64) -> Result<ManifestDetail> {
        let manifest = self.get(id)?;
        let cal = self.calendar()?;
        let p = self.policy();
        let cut = cutoffs(&cal, &p, self.today());
        let events = ManifestEvent::ALL
            .iter()
            .copied()
            .filter(|e| {
                next_state(
                    manifest.state,
                    *e,
                    Some(crate::domain::manifest::Decision::Accept),
                )
                .is_ok()
            })
            .filter(|e| self.may(e.action(), &manifest, Some(e.party())).is_ok())
            .collect();
        let may_edit = manifest.state == ManifestState::Draft
            && self
                .may(Action::ManifestDraft, &manifest, Some(Party::Generator))
                .is_ok();
        let may_follow_up = manifest.state == ManifestState::Rejected
            && self
                .may(Action::ManifestDraft, &manifest, Some(Party::Generator))
                .is_ok();
        let approval = match manifest.approval_id {
            Some(a) => Some(refs::approval(&self.conn, a)?),
            None => None,
        };
        Ok(ManifestDetail {
            lines: store::lines(&self.conn, id)?,
            legs: store::legs(&self.conn, id)?,
            discrepancies: store::discrepancies(&self.conn, id)?,
            history: crate::store::history::rows(
                &self.conn,
                crate::store::history::Table::Manifest,
                id,
            )?,
            alerts: self.row_alerts(&manifest, &cut)?,
            extensions: crate::store::manifest::extension::extensions(&self.conn, id)?,
            may_extend_stock: self.may_extend_stock(&manifest),
            receipt_due: manifest
                .arrived_at
                .map(|t| t.day().date())
                .map(|d| receipt_due(&cal, &p, d)),
            backfill_due: manifest
                .paper_completed_on
                .map(Day::date)
                .map(|d| backfill_due(&cal, &p, d)),
            follow_ups: store::follow_ups(&self.conn, id)?,
            follow_up_of: match manifest.follow_up_of {
                Some(of) => Some(store::number_of(&self.conn, of)?),
                None => None,
            },
            approval,
            events,
            may_edit,
            may_follow_up,
            manifest,
        })
    }
}
