//! 无事不扰: an on-site check of a listed enterprise rests on a recorded fact, picked from what is
//! recorded, never typed: a positive-list trigger of that enterprise, or a 专项 plan a supervisor
//! approved that names the enterprise or its class. The link is stored with the inspection. Also the
//! act behind a case (《行政处罚法》第三十六条), recorded on the inspection before a transfer to 立案.

use crate::domain::account::{Action, Role, Target};
use crate::domain::enterprise::Enterprise;
use crate::domain::inspection::{Category, InspectionState, Mode};
use crate::domain::positive_list::{CheckCategory, EntryState, TriggerKind, TriggerRef};
use crate::domain::time::Day;
use crate::i18n::{T, Text};
use crate::service::inspection::{PlanInput, refused};
use crate::service::{Result, ServiceError};
use crate::store::db::new_uid;
use crate::store::inspection::rules::{self as rules_store, ActRow, GuardLink, SpecialPlan};
use chrono::NaiveDate;

/// The recorded fact picked for an on-site check: a trigger (by id) or a 专项 plan (by id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardChoice {
    Trigger(i64),
    Plan(i64),
}

impl GuardChoice {
    /// The code a picker carries: `t:ID` or `p:ID`.
    pub fn code(self) -> String {
        match self {
            GuardChoice::Trigger(id) => format!("t:{id}"),
            GuardChoice::Plan(id) => format!("p:{id}"),
        }
    }

    pub fn parse(s: &str) -> Option<GuardChoice> {
        let (kind, id) = s.trim().split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "t" => Some(GuardChoice::Trigger(id)),
            "p" => Some(GuardChoice::Plan(id)),
            _ => None,
        }
    }
}

/// One fact the picker offers, with its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuardOption {
    pub choice: GuardChoice,
    pub label: Text,
}

/// The label of a stored link, for the detail screen, the 360° view and the dossier.
pub fn link_label(l: &GuardLink) -> Text {
    match l {
        GuardLink::Trigger(t) => Text::new(T::InspectionGuardTrigger)
            .arg_key(
                "kind",
                TriggerKind::parse(&t.kind).map_or(T::Unknown, TriggerKind::label),
            )
            .arg("reference", &t.reference)
            .arg("date", &t.occurred_on),
        GuardLink::Plan(p) => Text::new(T::InspectionGuardPlan)
            .arg("name", &p.name)
            .arg("doc", &p.doc_ref)
            .arg("by", &p.approved_by_name),
    }
}

/// The reference a link gives an inspection planned without one typed.
pub(in crate::service) fn link_reference(l: &GuardLink) -> String {
    match l {
        GuardLink::Trigger(t) => t.reference.clone(),
        GuardLink::Plan(p) => p.doc_ref.clone(),
    }
}

/// A new 专项 plan: named, with its document, for one enterprise (by USCC) or a class.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpecialPlanInput {
    pub name: String,
    pub doc_ref: String,
    /// The enterprise's USCC; empty when the plan names a class.
    pub uscc: String,
    /// `key`, `general` or `all` when no enterprise is named.
    pub class: String,
}

/// The act behind a case, as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActInput {
    pub on: NaiveDate,
    pub continuing: bool,
    pub five_year: bool,
}

impl crate::service::Inspections<'_> {
    fn is_listed(&self, enterprise_id: i64) -> Result<bool> {
        Ok(
            crate::store::positive_list::entries_of(&self.conn, enterprise_id)?
                .first()
                .and_then(|x| EntryState::parse(&x.state))
                .is_some_and(EntryState::is_listed),
        )
    }

    /// The facts an on-site check of the enterprise may rest on: its recorded triggers, then the
    /// approved 专项 plans naming it or its class.
    pub fn guard_choices(&self, enterprise_id: i64) -> Result<Vec<GuardOption>> {
        self.require(Action::InspectionPlan)?;
        let e = self.enterprises().get(enterprise_id)?;
        let mut out: Vec<GuardOption> = rules_store::triggers_of(&self.conn, e.id)?
            .into_iter()
            .map(|t| GuardOption {
                choice: GuardChoice::Trigger(t.id),
                label: link_label(&GuardLink::Trigger(t)),
            })
            .collect();
        out.extend(
            rules_store::special_plans_for(&self.conn, e.id)?
                .into_iter()
                .map(|p| GuardOption {
                    choice: GuardChoice::Plan(p.id),
                    label: link_label(&GuardLink::Plan(p)),
                }),
        );
        Ok(out)
    }

    /// Resolves the picked fact against what is recorded for this enterprise, and requires one for an
    /// on-site check of a listed enterprise (a trigger for case-driven checks, a 专项 plan for special
    /// checks). Routine on-site checks of listed enterprises stay refused by the positive-list guard.
    pub(in crate::service) fn guard_link_for(
        &self,
        e: &Enterprise,
        input: &PlanInput,
    ) -> Result<Option<GuardLink>> {
        let link = match input.guard {
            None => None,
            Some(GuardChoice::Trigger(id)) => Some(GuardLink::Trigger(
                rules_store::triggers_of(&self.conn, e.id)?
                    .into_iter()
                    .find(|t| t.id == id)
                    .ok_or_else(|| refused(Text::new(T::InspectionErrGuardNotOwn)))?,
            )),
            Some(GuardChoice::Plan(id)) => Some(GuardLink::Plan(
                rules_store::special_plans_for(&self.conn, e.id)?
                    .into_iter()
                    .find(|p| p.id == id)
                    .ok_or_else(|| refused(Text::new(T::InspectionErrGuardNotOwn)))?,
            )),
        };
        if input.mode != Mode::Onsite || !self.is_listed(e.id)? {
            return Ok(link);
        }
        let (category, _) = input.category.guard_kind();
        if category != CheckCategory::Triggered {
            // Routine and random checks: the positive-list guard's own refusal.
            self.positive_list()
                .check_on_site_allowed(e.id, category, None)?;
            return Ok(link);
        }
        let trigger = match (&link, input.category) {
            (Some(GuardLink::Plan(p)), Category::Special) => TriggerRef {
                kind: TriggerKind::Assigned,
                reference: p.doc_ref.as_str(),
            },
            (Some(GuardLink::Trigger(t)), c) if c != Category::Special => TriggerRef {
                kind: TriggerKind::parse(&t.kind).unwrap_or(TriggerKind::Assigned),
                reference: t.reference.as_str(),
            },
            (_, Category::Special) => {
                return Err(refused(Text::new(T::InspectionErrGuardPlanNeeded)));
            }
            _ => {
                return Err(refused(Text::new(T::InspectionErrGuardTriggerNeeded)));
            }
        };
        self.positive_list()
            .check_on_site_allowed(e.id, category, Some(trigger))?;
        Ok(link)
    }

    /// Records a 专项 plan; recording it is the supervisor's approval (who and when are kept).
    pub fn create_special_plan(&self, input: &SpecialPlanInput) -> Result<SpecialPlan> {
        self.require(Action::InspectionApprove)?;
        if !self.actor.has(Role::Supervisor) {
            return Err(ServiceError::Forbidden(Action::InspectionApprove));
        }
        let need = |t: T| refused(Text::new(T::InspectionErrRequired).arg_key("field", t));
        if input.name.trim().is_empty() {
            return Err(need(T::InspectionFieldPlanName));
        }
        if input.doc_ref.trim().is_empty() {
            return Err(need(T::InspectionFieldReference));
        }
        let (enterprise, class) = if input.uscc.trim().is_empty() {
            if !["key", "general", "all"].contains(&input.class.trim()) {
                return Err(refused(Text::new(T::InspectionErrPlanTarget)));
            }
            (None, input.class.trim().to_string())
        } else {
            let e = self.enterprises().by_uscc(input.uscc.trim())?;
            self.check(
                Action::InspectionApprove,
                Target::record(&e.region_code, e.id),
            )?;
            (Some(e.id), String::new())
        };
        let region = self.actor.region.clone().unwrap_or_default();
        self.write(|w| {
            let mut p = SpecialPlan {
                id: 0,
                uid: new_uid(),
                name: input.name.trim().to_string(),
                doc_ref: input.doc_ref.trim().to_string(),
                enterprise_id: enterprise,
                class: class.clone(),
                region_code: region.clone(),
                approved_by: w.actor().uid.clone(),
                approved_by_name: w.actor().display_name.clone(),
                approved_at: w.at(),
            };
            p.id = rules_store::insert_special_plan(w, &p)?;
            let after = crate::service::write::json(&p);
            w.audit_json("create", "insp_special_plan", &p.uid, None, Some(&after))?;
            Ok(p)
        })
    }

    /// Records the act behind the inspection's case (officers on it or a supervisor): its date (for a
    /// continuing act, the day it ended) and whether the five-year period applies. Not after 立案.
    pub fn set_act(&self, id: i64, input: &ActInput) -> Result<ActRow> {
        self.require(Action::InspectionRecord)?;
        let x = self.get(id)?;
        self.check(
            Action::InspectionRecord,
            Target::record(&x.region_code, x.enterprise_id),
        )?;
        let is_officer = crate::store::inspection::officers(&self.conn, id)?
            .iter()
            .any(|o| o.user_id == self.actor.user_id);
        if !is_officer && !self.actor.has(Role::Supervisor) {
            return Err(refused(Text::new(T::InspectionErrNotOfficer)));
        }
        if matches!(
            x.state,
            InspectionState::CaseTransferred
                | InspectionState::Archived
                | InspectionState::Cancelled
        ) {
            return Err(refused(
                Text::new(T::InspectionErrTransition)
                    .arg_key("event", T::InspectionActAct)
                    .arg_key("state", x.state.label()),
            ));
        }
        if input.on > self.today() {
            return Err(refused(
                Text::new(T::InspectionErrActFuture).arg("date", input.on.format("%Y-%m-%d")),
            ));
        }
        let before = rules_store::act(&self.conn, id)?;
        self.write(|w| {
            let row = ActRow {
                on: Some(Day::new(input.on)),
                continuing: input.continuing,
                five_year: input.five_year,
                migrated: before.as_ref().is_some_and(|b| b.migrated),
            };
            rules_store::set_act(w, id, &row, &w.actor().uid, w.now())?;
            let b = before.as_ref().map(crate::service::write::json);
            let after = crate::service::write::json(&row);
            w.audit_json("update", "insp_act", &x.uid, b.as_ref(), Some(&after))?;
            Ok(row)
        })
    }
}
