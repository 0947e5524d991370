//! After the record is signed: the rectification order (re-check auto-scheduled at the deadline on the
//! working-day calendar), the enterprise's rectification report (self-service), the re-check result, and
//! the 立案 transfer with its status mirror (two-year limit; positive-list removal proposal).

use crate::domain::account::{Action, Target};
use crate::domain::inspection::rules::{Act, check_limitation, check_rectification, recheck_date};
use crate::domain::inspection::{
    CaseStatus, Category, Conclusion, Event, EventInput, InspectionState, Mode, RecheckResult,
    next_state,
};
use crate::domain::time::Day;
use crate::i18n::{T, Text};
use crate::service::inspection::recusal::decided_on;
use crate::service::inspection::{refused, vet_officers};
use crate::service::{Result, ServiceError};
use crate::store::db::new_uid;
use crate::store::inspection::followup::{self as followup, Case, NewRectification, Rectification};
use crate::store::inspection::rules::{self as rules_store, ReportVersion};
use crate::store::inspection::{self as store, Inspection, NewInspection};
use chrono::{Datelike, NaiveDate};

/// A 责令改正 order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderInput {
    pub doc_number: String,
    pub served_on: NaiveDate,
    pub deadline: NaiveDate,
    pub requirements: String,
}

/// A 立案 transfer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseInput {
    pub case_number: String,
    pub discovered_on: NaiveDate,
    pub approved_on: NaiveDate,
    pub handler: String,
}

/// An enterprise's inspections, rectifications and cases (the 360° view).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnterpriseInspections {
    pub inspections: Vec<Inspection>,
    /// The recorded fact each on-site check of a listed enterprise rested on, by inspection id.
    pub guard_links: Vec<(i64, rules_store::GuardLink)>,
    pub rectifications: Vec<Rectification>,
    pub cases: Vec<Case>,
}

fn required(field: T) -> ServiceError {
    refused(Text::new(T::InspectionErrRequired).arg_key("field", field))
}

impl crate::service::Inspections<'_> {
    /// Issues the rectification order of an inspection concluded 责令改正 and schedules its re-check at
    /// the deadline (moved to the next working day). Returns the order and the re-check inspection.
    pub fn order_rectification(
        &self,
        id: i64,
        input: &OrderInput,
    ) -> Result<(Rectification, Inspection)> {
        self.require(Action::InspectionRecord)?;
        let x = self.get(id)?;
        self.check(
            Action::InspectionRecord,
            Target::record(&x.region_code, x.enterprise_id),
        )?;
        if x.state != InspectionState::Rectifying {
            return Err(refused(
                Text::new(T::InspectionErrTransition)
                    .arg_key("event", T::InspectionActOrder)
                    .arg_key("state", x.state.label()),
            ));
        }
        if followup::of_inspection(&self.conn, id)?.is_some() {
            return Err(refused(Text::new(T::InspectionErrOrderExists)));
        }
        if input.doc_number.trim().is_empty() {
            return Err(required(T::InspectionFieldDocNumber));
        }
        if input.requirements.trim().is_empty() {
            return Err(required(T::InspectionFieldRequirements));
        }
        let issues = crate::domain::inspection::times::order(
            &self.time_now(),
            x.started_at.map(|t| t.local_day()),
            Day::new(input.served_on),
        );
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        check_rectification(input.served_on, input.deadline).map_err(refused)?;
        let due = recheck_date(&self.calendar()?, input.deadline);
        let officers = store::officers(&self.conn, id)?;
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let number = store::next_number(w, &x.region_code, due.date.year())?;
            let uid = new_uid();
            let recheck_id = store::insert(
                w,
                &NewInspection {
                    uid: &uid,
                    number: &number,
                    enterprise_id: x.enterprise_id,
                    region_code: &x.region_code,
                    category: Category::Recheck,
                    mode: Mode::Onsite,
                    trigger_ref: &x.number,
                    place: &x.place,
                    planned_on: Day::new(due.date),
                    state: InspectionState::Pending,
                    recusal_reason: &x.recusal_reason,
                    parent_id: Some(x.id),
                    draw_id: None,
                },
                &actor.uid,
                now,
            )?;
            store::set_officers(w, recheck_id, &officers)?;
            crate::store::history::append(
                w,
                crate::store::history::Table::Inspection,
                &crate::store::history::NewRow {
                    id: recheck_id,
                    event: "plan",
                    from: InspectionState::Pending.code(),
                    to: InspectionState::Pending.code(),
                    note: &x.number,
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            let recheck = store::get(w, recheck_id)?;
            w.audit("create", None, &recheck)?;
            let rid = followup::insert(
                w,
                &NewRectification {
                    uid: &new_uid(),
                    inspection_id: x.id,
                    enterprise_id: x.enterprise_id,
                    doc_number: input.doc_number.trim(),
                    served_on: Day::new(input.served_on),
                    deadline: Day::new(input.deadline),
                    requirements: input.requirements.trim(),
                    recheck_id: Some(recheck_id),
                },
                &actor.uid,
                now,
            )?;
            let order = followup::get(w, rid)?;
            w.audit("create", None, &order)?;
            Ok((order, recheck))
        })
    }

    /// The rectification orders the actor may see: an enterprise account its own; bureau roles one
    /// enterprise's (when given) within scope.
    pub fn rectification_orders(&self, enterprise_id: Option<i64>) -> Result<Vec<Rectification>> {
        let target = if self.is_enterprise_only() {
            self.require(Action::RectifyReport)?;
            self.actor.enterprise_id.unwrap_or(0)
        } else {
            self.require(Action::InspectionRead)?;
            let e = self.enterprises().get(enterprise_id.unwrap_or(0))?;
            e.id
        };
        Ok(followup::of_enterprise(&self.conn, target, 200)?)
    }

    /// The enterprise's rectification report on its own order (self-service), until the re-check result.
    /// Each submission is a new version; after the first, a version needs its reason. A version after
    /// the deadline carries its days late. Earlier versions stay as they were.
    pub fn rectification_report(
        &self,
        order_id: i64,
        text: &str,
        reason: &str,
    ) -> Result<Rectification> {
        self.require(Action::RectifyReport)?;
        let before = followup::get(&self.conn, order_id)?;
        self.check(
            Action::RectifyReport,
            Target::record(&before.region_code, before.enterprise_id),
        )?;
        if before.result.is_some() {
            return Err(refused(Text::new(T::InspectionErrRecheckDone)));
        }
        if text.trim().is_empty() {
            return Err(required(T::InspectionFieldReport));
        }
        if let Some(issue) = crate::domain::inspection::times::after_served(
            &self.time_now(),
            T::InspectionFieldReport,
            before.served_on,
        ) {
            return Err(ServiceError::Invalid(vec![issue]));
        }
        let versions = rules_store::report_versions(&self.conn, order_id)?;
        if !versions.is_empty() && reason.trim().is_empty() {
            return Err(refused(
                Text::new(T::InspectionErrReportReason).arg("n", versions.len()),
            ));
        }
        let days_late = (self.today() - before.deadline.date()).num_days().max(0);
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            let v = ReportVersion {
                version: versions.len() as i64 + 1,
                text: text.trim().to_string(),
                reason: reason.trim().to_string(),
                days_late,
                submitted_at: w.at(),
                submitted_by: actor.display_name.clone(),
            };
            rules_store::insert_report_version(w, order_id, &v)?;
            let mut r = before.clone();
            r.report_text = v.text.clone();
            r.report_at = Some(w.at());
            followup::save(w, &r, &actor.uid, now)?;
            let after = followup::get(w, order_id)?;
            let mut audited = crate::service::write::json(&after);
            audited["report_version"] = crate::service::write::json(&v);
            let b = crate::service::write::json(&before);
            w.audit_json(
                "update",
                "insp_rectification",
                &after.uid,
                Some(&b),
                Some(&audited),
            )?;
            Ok(after)
        })
    }

    /// The versions of an order's report (the enterprise its own; bureau roles within scope).
    pub fn report_versions(&self, order_id: i64) -> Result<Vec<ReportVersion>> {
        let r = followup::get(&self.conn, order_id)?;
        if self.is_enterprise_only() {
            self.require(Action::RectifyReport)?;
            self.check(
                Action::RectifyReport,
                Target::record(&r.region_code, r.enterprise_id),
            )?;
        } else {
            self.get(r.inspection_id)?;
        }
        Ok(rules_store::report_versions(&self.conn, order_id)?)
    }

    /// Records the re-check of an inspection under rectification, by two officers valid today: the
    /// re-check inspection is completed, the order gets its result, and the original inspection goes
    /// 整改中 → 复查 → 已完成 (已整改) or 拟立案 (部分整改 / 未整改).
    pub fn record_recheck(
        &self,
        id: i64,
        officers: &[i64],
        result: RecheckResult,
        note: &str,
    ) -> Result<Inspection> {
        self.require(Action::InspectionRecord)?;
        let before = self.get(id)?;
        self.check(
            Action::InspectionRecord,
            Target::record(&before.region_code, before.enterprise_id),
        )?;
        let input = EventInput {
            recheck: Some(result),
            ..EventInput::default()
        };
        let to = next_state(before.state, Event::Recheck, &input).map_err(refused)?;
        let Some(order) = followup::of_inspection(&self.conn, id)? else {
            return Err(refused(Text::new(T::InspectionErrNoOrder)));
        };
        if let Some(issue) = crate::domain::inspection::times::after_served(
            &self.time_now(),
            T::InspectionFieldRecheckOn,
            order.served_on,
        ) {
            return Err(ServiceError::Invalid(vec![issue]));
        }
        let snaps = vet_officers(
            &self.conn,
            before.enterprise_id,
            officers,
            self.today(),
            &decided_on(&self.conn, id)?,
        )?;
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            if let Some(rid) = order.recheck_id {
                let child = store::get(w, rid)?;
                let mut c = child.clone();
                c.state = InspectionState::Completed;
                c.started_at.get_or_insert(w.at());
                c.ended_at = Some(w.at());
                c.signed_at = Some(w.at());
                c.conclusion = Some(if result == RecheckResult::Done {
                    Conclusion::NoIssue
                } else {
                    Conclusion::Case
                });
                c.record_text = note.trim().to_string();
                store::set_officers(w, rid, &snaps)?;
                store::save(w, &c, &actor.uid, now)?;
                crate::store::history::append(
                    w,
                    crate::store::history::Table::Inspection,
                    &crate::store::history::NewRow {
                        id: rid,
                        event: Event::Recheck.code(),
                        from: child.state.code(),
                        to: InspectionState::Completed.code(),
                        note: result.code(),
                        at: now,
                        by_uid: &actor.uid,
                        by_name: &actor.display_name,
                    },
                )?;
                w.audit("recheck", Some(&child), &store::get(w, rid)?)?;
            }
            let mut r = order.clone();
            r.result = Some(result);
            r.result_note = note.trim().to_string();
            followup::save(w, &r, &actor.uid, now)?;
            // The order's result is part of its record: audited like the report.
            w.audit("recheck", Some(&order), &followup::get(w, r.id)?)?;
            let mut x = before.clone();
            x.state = to;
            store::save(w, &x, &actor.uid, now)?;
            for (from, into) in [
                (before.state, InspectionState::Recheck),
                (InspectionState::Recheck, to),
            ] {
                if from != into {
                    crate::store::history::append(
                        w,
                        crate::store::history::Table::Inspection,
                        &crate::store::history::NewRow {
                            id,
                            event: Event::Recheck.code(),
                            from: from.code(),
                            to: into.code(),
                            note: result.code(),
                            at: now,
                            by_uid: &actor.uid,
                            by_name: &actor.display_name,
                        },
                    )?;
                }
            }
            let after = store::get(w, id)?;
            w.audit("recheck", Some(&before), &after)?;
            Ok(after)
        })
    }

    /// 移交立案: a supervisor files the case of an inspection proposed for one, only within two years of
    /// discovery (《行政处罚法》第三十六条). A listed enterprise gets a removal proposal on its entry.
    pub fn transfer_case(&self, id: i64, input: &CaseInput) -> Result<Inspection> {
        self.require(Action::InspectionApprove)?;
        let before = self.get(id)?;
        self.check(
            Action::InspectionApprove,
            Target::record(&before.region_code, before.enterprise_id),
        )?;
        let to = next_state(before.state, Event::TransferCase, &EventInput::default())
            .map_err(refused)?;
        if input.case_number.trim().is_empty() {
            return Err(required(T::InspectionFieldCaseNumber));
        }
        if input.handler.trim().is_empty() {
            return Err(required(T::InspectionFieldHandler));
        }
        let issues = crate::domain::inspection::times::case(
            &self.time_now(),
            Day::new(input.discovered_on),
            Day::new(input.approved_on),
        );
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        // 《行政处罚法》第三十六条: from the act (or its end) to its discovery, recorded on the inspection.
        let act = rules_store::act(&self.conn, id)?.and_then(|a| {
            a.on.map(|on| Act {
                on: on.date(),
                continuing: a.continuing,
                five_year: a.five_year,
            })
        });
        check_limitation(act.as_ref(), input.discovered_on, input.approved_on).map_err(refused)?;
        // 立案 on a listed enterprise: the positive-list removal proposal is written in the same
        // transaction as the case, so neither exists without the other.
        let listed = self
            .positive_list()
            .listed_entry_for_case(before.enterprise_id)?;
        let after = self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            if let Some(x) = &listed {
                crate::service::PositiveList::removal_for_case_tx(w, x, &input.case_number)?;
            }
            let case = Case {
                id: 0,
                uid: new_uid(),
                inspection_id: id,
                case_number: input.case_number.trim().to_string(),
                discovered_on: Day::new(input.discovered_on),
                approved_on: Day::new(input.approved_on),
                handler: input.handler.trim().to_string(),
                status: CaseStatus::Filed,
                penalty_kind: String::new(),
                penalty_fen: 0,
            };
            followup::insert_case(w, &case, &actor.uid, now)?;
            let mut x = before.clone();
            x.state = to;
            store::save(w, &x, &actor.uid, now)?;
            crate::store::history::append(
                w,
                crate::store::history::Table::Inspection,
                &crate::store::history::NewRow {
                    id,
                    event: Event::TransferCase.code(),
                    from: before.state.code(),
                    to: to.code(),
                    note: &case.case_number,
                    at: now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            w.audit("create", None, &case)?;
            let after = store::get(w, id)?;
            w.audit("transfer_case", Some(&before), &after)?;
            Ok(after)
        })?;
        Ok(after)
    }

    /// Mirrors the filed case's status (立案 → 调查 → 告知 → 决定 → 执行 → 结案), with the penalty.
    pub fn case_status(
        &self,
        id: i64,
        status: CaseStatus,
        penalty_kind: &str,
        penalty_fen: i64,
        note: &str,
    ) -> Result<Case> {
        self.require(Action::InspectionApprove)?;
        let x = self.get(id)?;
        self.check(
            Action::InspectionApprove,
            Target::record(&x.region_code, x.enterprise_id),
        )?;
        let before = followup::case_of(&self.conn, id)?.ok_or(ServiceError::NotFound)?;
        if penalty_fen < 0 {
            return Err(refused(Text::new(T::InspectionErrPenalty)));
        }
        let mut c = before.clone();
        c.status = status;
        c.penalty_kind = penalty_kind.trim().to_string();
        c.penalty_fen = penalty_fen;
        self.write(|w| {
            let (now, actor) = (w.now(), w.actor());
            followup::update_case_status(w, &c, note.trim(), &actor.uid, now)?;
            w.audit("update", Some(&before), &c)?;
            Ok(c)
        })
    }

    /// An enterprise's inspections (newest first), rectifications and cases, for the 360° view.
    /// Empty for roles that may not read inspections.
    pub fn of_enterprise(&self, enterprise_id: i64) -> Result<EnterpriseInspections> {
        self.of_enterprise_up_to(enterprise_id, 5)
    }

    /// All of an enterprise's inspections, rectifications and cases, for its dossier.
    pub fn all_of_enterprise(&self, enterprise_id: i64) -> Result<EnterpriseInspections> {
        self.of_enterprise_up_to(enterprise_id, 100_000)
    }

    fn of_enterprise_up_to(
        &self,
        enterprise_id: i64,
        limit: usize,
    ) -> Result<EnterpriseInspections> {
        if crate::domain::account::authorize(&self.actor, Action::InspectionRead, Target::any())
            .is_err()
        {
            return Ok(EnterpriseInspections::default());
        }
        let e = self.enterprises().get(enterprise_id)?;
        let f = store::ListFilter {
            enterprise_id: Some(e.id),
            ..store::ListFilter::default()
        };
        let inspections = self.page(&f, None, limit)?;
        let mut guard_links = Vec::new();
        for x in &inspections {
            if let Some(l) = rules_store::guard_link(&self.conn, x.id)? {
                guard_links.push((x.id, l));
            }
        }
        Ok(EnterpriseInspections {
            inspections,
            guard_links,
            rectifications: followup::of_enterprise(&self.conn, e.id, limit)?,
            cases: if self.is_enterprise_only() {
                Vec::new()
            } else {
                followup::cases_of_enterprise(&self.conn, e.id)?
            },
        })
    }
}
