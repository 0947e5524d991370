//! 企业圆桌座谈 use cases: record a meeting, add its participants, and raise its problems, each as a
//! new request (channel 圆桌座谈) or a link to a request already filed. Staff of the meeting's region
//! record; inspectors and supervisors read; enterprises never see meetings (they name several
//! enterprises). Every write audits in its own IMMEDIATE transaction.

use crate::domain::account::{Action, Target};
use crate::domain::assistance::meeting::{
    MeetingDraft, ParticipantDraft, normalize_request_number, validate_meeting,
    validate_participant,
};
use crate::domain::assistance::{AssistanceState, Channel, RequestDraft};
use crate::domain::enterprise::Enterprise;
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use crate::service::assistance::insert_filing;
use crate::service::{Audited, Result, ServiceError};
use crate::store::assistance::Request;
use crate::store::assistance::meeting::{self as store, Meeting, Participant, Problem};
use crate::store::enterprise::list::Filter;
use crate::store::{db, reference};

/// Everything the meeting screen shows, and whether the actor may add to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingDetail {
    pub meeting: Meeting,
    pub participants: Vec<Participant>,
    pub problems: Vec<Problem>,
    pub may_record: bool,
}

fn region_target(region: &str) -> Target<'_> {
    Target {
        region: Some(region),
        enterprise_id: None,
    }
}

impl crate::service::Assistance<'_> {
    /// Meetings in the actor's region (all regions for city accounts), newest first.
    pub fn meetings(&self, limit: usize) -> Result<Vec<Meeting>> {
        self.require(Action::AssistanceMeetingRead)?;
        Ok(store::list(
            &self.conn,
            self.actor.region.as_deref(),
            None,
            limit,
        )?)
    }

    /// One meeting within scope (out of scope reads as "not found").
    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        self.require(Action::AssistanceMeetingRead)?;
        let m = store::get(&self.conn, id)?.ok_or(ServiceError::NotFound)?;
        self.check(Action::AssistanceMeetingRead, region_target(&m.region_code))?;
        Ok(m)
    }

    /// The meeting with its participants and each problem's request as it stands now.
    pub fn meeting_detail(&self, id: i64) -> Result<MeetingDetail> {
        let meeting = self.meeting(id)?;
        let may_record = self
            .check(
                Action::AssistanceMeetingRecord,
                region_target(&meeting.region_code),
            )
            .is_ok();
        Ok(MeetingDetail {
            participants: store::participants(&self.conn, id)?,
            problems: store::problems(&self.conn, id)?,
            may_record,
            meeting,
        })
    }

    /// Records a meeting. Branch accounts record for their own region (an empty region means theirs).
    pub fn record_meeting(&self, mut draft: MeetingDraft) -> Result<Meeting> {
        self.require(Action::AssistanceMeetingRecord)?;
        if draft.region_code.trim().is_empty()
            && let Some(own) = &self.actor.region
        {
            draft.region_code = own.clone();
        }
        let mut issues = validate_meeting(&mut draft, self.today());
        let regions = reference::regions(&self.conn)?;
        if !draft.region_code.is_empty() && !regions.iter().any(|r| r.code == draft.region_code) {
            issues.push(FieldIssue::error(
                "region",
                "unknown_region",
                Text::new(T::ErrRegionUnknown).arg("code", &draft.region_code),
            ));
        }
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        self.check(
            Action::AssistanceMeetingRecord,
            region_target(&draft.region_code),
        )?;
        let uid = db::new_uid();
        self.write(|w| {
            let id = store::insert(w, &uid, &draft, &w.actor().uid, w.now())?;
            let m = store::get(w, id)?.ok_or(crate::store::db::StoreError::NotFound)?;
            w.audit("create", None, &m)?;
            Ok(m)
        })
    }

    /// The meeting, if the actor may add to it.
    fn meeting_for_record(&self, id: i64) -> Result<Meeting> {
        let m = self.meeting(id)?;
        self.check(
            Action::AssistanceMeetingRecord,
            region_target(&m.region_code),
        )?;
        Ok(m)
    }

    /// Adds a participant: a person of an enterprise in scope, or (marked a guest, no enterprise)
    /// bureau staff or an expert. The same person of the same enterprise is listed once.
    pub fn add_participant(&self, id: i64, mut p: ParticipantDraft) -> Result<()> {
        let m = self.meeting_for_record(id)?;
        let issues = validate_participant(&mut p);
        if !issues.is_empty() {
            return Err(ServiceError::Invalid(issues));
        }
        if let Some(e) = p.enterprise_id {
            self.enterprises().get(e)?;
        }
        self.write(|w| {
            if store::participant_exists(w, id, p.enterprise_id, &p.person)? {
                return Err(ServiceError::Refused(
                    Text::new(T::ErrMeetingDuplicateParticipant).arg("person", &p.person),
                ));
            }
            store::insert_participant(w, id, &p, &w.actor().uid, w.now())?;
            let after = serde_json::json!({
                "meeting": m.uid, "enterprise_id": p.enterprise_id, "person": p.person, "role": p.role,
            });
            w.audit_json("participant", Meeting::ENTITY, &m.uid, None, Some(&after))?;
            Ok(())
        })
    }

    /// A problem raised at the meeting becomes a new request, filed with channel 圆桌座谈 and
    /// submitted at once, and is listed under the meeting, in one transaction.
    /// The enterprise must have taken part in the meeting.
    pub fn raise_problem(&self, id: i64, mut draft: RequestDraft) -> Result<Request> {
        let m = self.meeting_for_record(id)?;
        draft.channel = Channel::Roundtable;
        let not_participant = || {
            ServiceError::Invalid(vec![FieldIssue::error(
                "enterprise",
                "not_participant",
                Text::new(T::ErrMeetingNoParticipant),
            )])
        };
        match draft.enterprise_id {
            Some(e) if store::is_participant(&self.conn, id, e)? => {}
            _ => return Err(not_participant()),
        }
        // Staff at the meeting heard the problem: a 停产 enterprise's problem is taken as confirmed.
        let filing = self.prepare_filing(draft, true, true)?;
        self.write(|w| {
            let r = insert_filing(w, &filing)?;
            let (budgets, cal) = (self.budgets(), self.calendar()?);
            crate::service::assistance::queue::refresh_alert_dates(w, r.id, &budgets, &cal)?;
            w.audit("create", None, &r)?;
            store::insert_problem(w, id, r.id, false, &w.actor().uid, w.now())?;
            let problem =
                serde_json::json!({ "meeting": m.uid, "request": r.number, "linked": false });
            w.audit_json("problem", Meeting::ENTITY, &m.uid, None, Some(&problem))?;
            Ok(r)
        })
    }

    /// Links a request already filed (by its number, with or without the `BF-` prefix) as a problem
    /// raised at the meeting: a request of the meeting's region, of an enterprise that took part, and
    /// not already a problem of a meeting.
    pub fn link_request(&self, id: i64, number: &str) -> Result<Request> {
        let m = self.meeting_for_record(id)?;
        let number = normalize_request_number(number);
        if number.is_empty() {
            return Err(ServiceError::Invalid(vec![FieldIssue::error(
                "number",
                "required",
                Text::new(T::ErrRequired).arg_key("field", T::MeetingFieldRequestNumber),
            )]));
        }
        let r = self.by_number(&number).map_err(|e| match e {
            ServiceError::NotFound => ServiceError::Invalid(vec![FieldIssue::error(
                "number",
                "unknown_request",
                Text::new(T::ErrMeetingNoRequest).arg("number", &number),
            )]),
            other => other,
        })?;
        if r.state == AssistanceState::Draft {
            return Err(ServiceError::Refused(Text::new(T::ErrMeetingDraftRequest)));
        }
        if r.region_code != m.region_code {
            let name = |code: &str| -> Result<String> {
                Ok(reference::regions(&self.conn)?
                    .into_iter()
                    .find(|x| x.code == code)
                    .map_or_else(|| code.to_string(), |x| x.name_zh))
            };
            return Err(ServiceError::Refused(
                Text::new(T::ErrMeetingOtherRegion)
                    .arg("number", &r.number)
                    .arg("region", name(&r.region_code)?)
                    .arg("meeting", name(&m.region_code)?),
            ));
        }
        if !store::is_participant(&self.conn, id, r.enterprise_id)? {
            return Err(ServiceError::Refused(
                Text::new(T::ErrMeetingLinkNotParticipant).arg("number", &r.number),
            ));
        }
        let linked_elsewhere = |conn: &rusqlite::Connection| -> Result<()> {
            match store::meeting_of_request(conn, r.id)? {
                Some((other, _, _)) if other == id => Err(ServiceError::Refused(
                    Text::new(T::ErrMeetingAlreadyLinked).arg("number", &r.number),
                )),
                Some((_, date, topic)) => Err(ServiceError::Refused(
                    Text::new(T::ErrMeetingLinkedElsewhere)
                        .arg("number", &r.number)
                        .arg("date", date)
                        .arg("topic", topic),
                )),
                None => Ok(()),
            }
        };
        linked_elsewhere(&self.conn)?;
        self.write(|w| {
            linked_elsewhere(w)?;
            store::insert_problem(w, id, r.id, true, &w.actor().uid, w.now())?;
            let problem =
                serde_json::json!({ "meeting": m.uid, "request": r.number, "linked": true });
            w.audit_json("problem", Meeting::ENTITY, &m.uid, None, Some(&problem))?;
            Ok(())
        })?;
        Ok(r)
    }

    /// Enterprises in scope matching a name, USCC or pinyin initials (the enterprise search of the
    /// list), at most `limit`: what a picker offers.
    pub fn find_enterprises(&self, query: &str, limit: usize) -> Result<Vec<Enterprise>> {
        let f = Filter {
            query: query.trim().to_string(),
            ..Filter::default()
        };
        self.enterprises().list(&f, None, limit)
    }

    /// The one enterprise a typed name, USCC or pinyin initials means: an exact name or USCC wins,
    /// otherwise the search must find exactly one. Empty means none (a guest).
    pub fn resolve_enterprise(&self, query: &str) -> Result<Option<Enterprise>> {
        let q = query.trim();
        if q.is_empty() {
            return Ok(None);
        }
        let found = self.find_enterprises(q, RESOLVE_LIMIT)?;
        let code = crate::domain::text::normalize_code(q);
        let issue = |text: Text| {
            ServiceError::Invalid(vec![FieldIssue::error("enterprise", "enterprise", text)])
        };
        if let Some(e) = found.iter().find(|e| e.name == q || e.uscc == code) {
            return Ok(Some(e.clone()));
        }
        match found.len() {
            0 => Err(issue(Text::new(T::ErrMeetingNoEnterprise).arg("query", q))),
            1 => Ok(found.into_iter().next()),
            n => Err(issue(
                Text::new(T::ErrMeetingManyEnterprises).arg("query", q).arg(
                    "n",
                    if n >= RESOLVE_LIMIT {
                        format!("{n}+")
                    } else {
                        n.to_string()
                    },
                ),
            )),
        }
    }
}

/// How many matches `resolve_enterprise` looks at before it says "too many".
const RESOLVE_LIMIT: usize = 20;
