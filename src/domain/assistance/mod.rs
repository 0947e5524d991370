//! 点单式帮扶: the request state machine of domain.md §1 — states, events, the fields each event
//! requires and the action (hence roles) it needs. Pure: the service layer loads the facts, asks here
//! whether a transition is legal, and writes the result.
pub mod meeting;
pub mod sla;

use crate::domain::account::Action;
use crate::domain::codes::code_enum;
use crate::domain::validate::{FieldIssue, required};
use crate::domain::visibility::Visibility;
use crate::i18n::{T, Text};
use chrono::NaiveDate;

code_enum! {
    /// Where a request is in its life.
    AssistanceState {
        Draft => "draft", AssistanceStateDraft;
        Submitted => "submitted", AssistanceStateSubmitted;
        Accepted => "accepted", AssistanceStateAccepted;
        InProgress => "in_progress", AssistanceStateInProgress;
        Suspended => "suspended", AssistanceStateSuspended;
        AwaitingRating => "awaiting_rating", AssistanceStateAwaitingRating;
        Closed => "closed", AssistanceStateClosed;
    }
}

impl AssistanceState {
    /// States the enterprise may still withdraw from (work not yet finished).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            AssistanceState::Draft
                | AssistanceState::Submitted
                | AssistanceState::Accepted
                | AssistanceState::InProgress
                | AssistanceState::Suspended
        )
    }
}

code_enum! {
    /// How the request reached the bureau. Staff filing on an enterprise's behalf record the channel.
    Channel {
        SelfService => "self", AssistanceChannelSelf;
        Phone => "phone", AssistanceChannelPhone;
        Window => "window", AssistanceChannelWindow;
        Roundtable => "roundtable", AssistanceChannelRoundtable;
        Branch => "branch", AssistanceChannelBranch;
        Visit => "visit", AssistanceChannelVisit;
    }
}

code_enum! {
    Urgency {
        Normal => "normal", AssistanceUrgencyNormal;
        Urgent => "urgent", AssistanceUrgencyUrgent;
        Critical => "critical", AssistanceUrgencyCritical;
    }
}

code_enum! {
    /// The result recorded when a request is 办结.
    Outcome {
        Solved => "solved", AssistanceResultSolved;
        Partly => "partly", AssistanceResultPartly;
        Unsolved => "unsolved", AssistanceResultUnsolved;
        Transferred => "transferred", AssistanceResultTransferred;
    }
}

code_enum! {
    /// The enterprise's rating; `Unrated` is set only by the automatic close.
    Rating {
        VerySatisfied => "very_satisfied", AssistanceRatingVerySatisfied;
        Satisfied => "satisfied", AssistanceRatingSatisfied;
        Fair => "fair", AssistanceRatingFair;
        Dissatisfied => "dissatisfied", AssistanceRatingDissatisfied;
        VeryDissatisfied => "very_dissatisfied", AssistanceRatingVeryDissatisfied;
        Unrated => "unrated", AssistanceRatingUnrated;
    }
}

impl Rating {
    /// 不满意 and 非常不满意 reopen the request.
    pub fn is_poor(self) -> bool {
        matches!(self, Rating::Dissatisfied | Rating::VeryDissatisfied)
    }
}

code_enum! {
    /// How a service was given.
    ServiceMode {
        Phone => "phone", AssistanceModePhone;
        Online => "online", AssistanceModeOnline;
        Onsite => "onsite", AssistanceModeOnsite;
        Roundtable => "roundtable", AssistanceModeRoundtable;
        Experts => "experts", AssistanceModeExperts;
    }
}

code_enum! {
    /// Why a closed request is closed.
    CloseKind {
        Rated => "rated", AssistanceCloseRated;
        Unrated => "unrated", AssistanceCloseUnrated;
        Refused => "refused", AssistanceCloseRefused;
        Forwarded => "forwarded", AssistanceCloseForwarded;
        Withdrawn => "withdrawn", AssistanceCloseWithdrawn;
    }
}

code_enum! {
    /// Every transition of the state machine.
    Event {
        Submit => "submit", AssistanceEventSubmit;
        Accept => "accept", AssistanceEventAccept;
        Refuse => "refuse", AssistanceEventRefuse;
        Forward => "forward", AssistanceEventForward;
        Assign => "assign", AssistanceEventAssign;
        Suspend => "suspend", AssistanceEventSuspend;
        Resume => "resume", AssistanceEventResume;
        Complete => "complete", AssistanceEventComplete;
        Rate => "rate", AssistanceEventRate;
        AutoClose => "auto_close", AssistanceEventAutoClose;
        Withdraw => "withdraw", AssistanceEventWithdraw;
        // Staff workflows (assistfix): another handler with a reason; a rating taken by phone.
        Reassign => "reassign", AssistanceEventReassign;
        PhoneRate => "phone_rate", AssistanceEventPhoneRate;
    }
}

impl Event {
    /// The permission the event needs (the roles are in `Action::roles`).
    pub fn action(self) -> Action {
        match self {
            Event::Submit => Action::AssistanceFile,
            Event::Accept
            | Event::Refuse
            | Event::Forward
            | Event::Assign
            | Event::AutoClose
            | Event::Reassign
            | Event::PhoneRate => Action::AssistanceTriage,
            Event::Suspend | Event::Resume | Event::Complete => Action::AssistanceHandle,
            Event::Rate => Action::AssistanceRate,
            Event::Withdraw => Action::AssistanceWithdraw,
        }
    }

    /// Whether the event's history entry reaches the enterprise unless the person chooses otherwise:
    /// a reassignment's reason and a rating taken by phone (with the bureau's 回访记录) stay internal.
    pub fn default_visibility(self) -> Visibility {
        match self {
            Event::Reassign | Event::PhoneRate => Visibility::Internal,
            _ => Visibility::Public,
        }
    }

    /// Whether the person may choose the visibility of the event's entry (bureau events with a note).
    pub fn has_visibility_choice(self) -> bool {
        matches!(
            self,
            Event::Refuse
                | Event::Forward
                | Event::Assign
                | Event::Suspend
                | Event::Complete
                | Event::Reassign
                | Event::PhoneRate
        )
    }
}

/// What a person supplies with an event; each event requires some of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventInput {
    /// Reason for 不予受理, 转办, 挂起 and 撤回.
    pub reason: String,
    /// 办结意见.
    pub opinion: String,
    pub outcome: Option<Outcome>,
    pub rating: Option<Rating>,
    pub comment: String,
    /// The bureau's 回访 record, required with a poor rating taken by phone.
    pub revisit: String,
    /// The handler chosen at 派单 (a user id).
    pub handler: Option<i64>,
    pub cohandlers: Vec<i64>,
    /// 对企业公开 or 内部; `None` takes the event's default. Enterprise accounts' entries are public.
    pub visibility: Option<Visibility>,
}

/// The state an event leads to from `state`, or the refusal naming both.
pub fn next_state(
    state: AssistanceState,
    event: Event,
    rating: Option<Rating>,
) -> Result<AssistanceState, Text> {
    use AssistanceState::*;
    let to = match (state, event) {
        (Draft, Event::Submit) => Some(Submitted),
        (Submitted, Event::Accept) => Some(Accepted),
        (Submitted, Event::Refuse | Event::Forward) => Some(Closed),
        (Accepted, Event::Assign) => Some(InProgress),
        (InProgress, Event::Suspend) => Some(Suspended),
        (Suspended, Event::Resume) => Some(InProgress),
        (InProgress, Event::Complete) => Some(AwaitingRating),
        // A missing rating is refused by `check_input`, with the field named.
        (AwaitingRating, Event::Rate) => match rating {
            Some(r) if r.is_poor() => Some(InProgress),
            _ => Some(Closed),
        },
        (AwaitingRating, Event::AutoClose) => Some(Closed),
        // Another handler takes over; the state and the clock are unchanged.
        (InProgress, Event::Reassign) => Some(InProgress),
        (Suspended, Event::Reassign) => Some(Suspended),
        // Staff record the rating the enterprise gave by phone: the same outcome as its own rating.
        (AwaitingRating, Event::PhoneRate) => match rating {
            Some(r) if r.is_poor() => Some(InProgress),
            _ => Some(Closed),
        },
        (s, Event::Withdraw) if s.is_open() => Some(Closed),
        _ => None,
    };
    to.ok_or_else(|| {
        Text::new(T::ErrAssistTransition)
            .arg_key("event", event.label())
            .arg_key("state", state.label())
    })
}

/// The fields `event` requires that `input` lacks, each a specific message.
pub fn check_input(event: Event, input: &EventInput) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    match event {
        Event::Refuse | Event::Forward | Event::Suspend | Event::Withdraw => {
            issues.extend(required("reason", T::AssistanceFieldReason, &input.reason));
        }
        Event::Complete => {
            issues.extend(required(
                "opinion",
                T::AssistanceFieldOpinion,
                &input.opinion,
            ));
            if input.outcome.is_none() {
                issues.push(FieldIssue::error(
                    "outcome",
                    "required",
                    Text::new(T::ErrRequired).arg_key("field", T::AssistanceFieldOutcome),
                ));
            }
        }
        Event::Reassign => {
            issues.extend(required("reason", T::AssistanceFieldReason, &input.reason));
            if input.handler.is_none() {
                issues.push(FieldIssue::error(
                    "handler",
                    "required",
                    Text::new(T::ErrRequired).arg_key("field", T::AssistanceFieldHandler),
                ));
            }
        }
        Event::Assign => {
            if input.handler.is_none() {
                issues.push(FieldIssue::error(
                    "handler",
                    "required",
                    Text::new(T::ErrRequired).arg_key("field", T::AssistanceFieldHandler),
                ));
            }
        }
        Event::Rate | Event::PhoneRate => match input.rating {
            None | Some(Rating::Unrated) => issues.push(FieldIssue::error(
                "rating",
                "required",
                Text::new(T::ErrRequired).arg_key("field", T::AssistanceFieldRating),
            )),
            // The enterprise says why it is not satisfied; 回访记录 is the bureau's own.
            Some(r) if r.is_poor() && event == Event::Rate && input.comment.trim().is_empty() => {
                issues.push(FieldIssue::error(
                    "comment",
                    "reason_required",
                    Text::new(T::ErrAssistDissatisfiedReason),
                ));
            }
            Some(r)
                if r.is_poor() && event == Event::PhoneRate && input.revisit.trim().is_empty() =>
            {
                issues.push(FieldIssue::error(
                    "revisit",
                    "revisit_required",
                    Text::new(T::ErrAssistRevisitRequired),
                ));
            }
            Some(_) => {}
        },
        Event::Submit | Event::Accept | Event::Resume | Event::AutoClose => {}
    }
    issues
}

/// A request as filed: the enterprise, the services chosen, what is needed, how urgent, by when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestDraft {
    pub enterprise_id: Option<i64>,
    pub services: Vec<String>,
    pub description: String,
    pub urgency: Urgency,
    pub channel: Channel,
    /// `YYYY-MM-DD` or empty.
    pub wished_date: String,
}

/// Field rules of a new request. `is_service` says whether a code is an active menu item.
pub fn validate_request(
    draft: &mut RequestDraft,
    is_service: impl Fn(&str) -> bool,
    today: NaiveDate,
) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    draft.description = crate::domain::text::normalize_text(&draft.description);
    draft.wished_date = draft.wished_date.trim().to_string();
    draft.services.sort();
    draft.services.dedup();
    if draft.enterprise_id.is_none() {
        issues.push(FieldIssue::error(
            "enterprise",
            "required",
            Text::new(T::ErrRequired).arg_key("field", T::AssistanceFieldEnterprise),
        ));
    }
    if draft.services.is_empty() {
        issues.push(FieldIssue::error(
            "services",
            "required",
            Text::new(T::ErrAssistNoService),
        ));
    }
    for code in draft.services.iter().filter(|c| !is_service(c)) {
        issues.push(FieldIssue::error(
            "services",
            "unknown_service",
            Text::new(T::ErrAssistUnknownService).arg("code", code),
        ));
    }
    issues.extend(required(
        "description",
        T::AssistanceFieldDescription,
        &draft.description,
    ));
    if !draft.wished_date.is_empty() {
        match NaiveDate::parse_from_str(&draft.wished_date, "%Y-%m-%d") {
            Err(_) => issues.push(FieldIssue::error(
                "wished_date",
                "date_format",
                Text::new(T::ErrAssistDateFormat).arg_key("field", T::AssistanceFieldWishedDate),
            )),
            Ok(d) if d < today => issues.push(FieldIssue::error(
                "wished_date",
                "date_past",
                Text::new(T::ErrAssistWishedPast),
            )),
            // Stored as the one day form, so it reads back as a day.
            Ok(d) => draft.wished_date = crate::domain::time::Day::new(d).to_string(),
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use AssistanceState::*;

    #[test]
    fn every_legal_transition_reaches_its_state() {
        let cases = [
            (Draft, Event::Submit, None, Submitted),
            (Submitted, Event::Accept, None, Accepted),
            (Submitted, Event::Refuse, None, Closed),
            (Submitted, Event::Forward, None, Closed),
            (Accepted, Event::Assign, None, InProgress),
            (InProgress, Event::Suspend, None, Suspended),
            (Suspended, Event::Resume, None, InProgress),
            (InProgress, Event::Complete, None, AwaitingRating),
            (AwaitingRating, Event::Rate, Some(Rating::Satisfied), Closed),
            (AwaitingRating, Event::Rate, Some(Rating::Fair), Closed),
            (
                AwaitingRating,
                Event::Rate,
                Some(Rating::Dissatisfied),
                InProgress,
            ),
            (
                AwaitingRating,
                Event::Rate,
                Some(Rating::VeryDissatisfied),
                InProgress,
            ),
            (AwaitingRating, Event::AutoClose, None, Closed),
            (Draft, Event::Withdraw, None, Closed),
            (Submitted, Event::Withdraw, None, Closed),
            (Accepted, Event::Withdraw, None, Closed),
            (InProgress, Event::Withdraw, None, Closed),
            (Suspended, Event::Withdraw, None, Closed),
            (InProgress, Event::Reassign, None, InProgress),
            (Suspended, Event::Reassign, None, Suspended),
            (
                AwaitingRating,
                Event::PhoneRate,
                Some(Rating::Satisfied),
                Closed,
            ),
            (
                AwaitingRating,
                Event::PhoneRate,
                Some(Rating::Dissatisfied),
                InProgress,
            ),
        ];
        for (from, event, rating, to) in cases {
            assert_eq!(
                next_state(from, event, rating),
                Ok(to),
                "{from:?} {event:?}"
            );
        }
    }

    #[test]
    fn illegal_transitions_are_refused_naming_event_and_state() {
        let e = next_state(Submitted, Event::Complete, None).expect_err("refused");
        assert_eq!(
            e.render(crate::i18n::Lang::Zh),
            "当前状态为“待受理”，不能执行“办结”"
        );
        for (from, event) in [
            (Closed, Event::Withdraw),
            (AwaitingRating, Event::Withdraw),
            (Accepted, Event::Complete),
            (Suspended, Event::Complete),
            (InProgress, Event::Accept),
            (Closed, Event::Rate),
            (Submitted, Event::AutoClose),
            (Accepted, Event::Reassign),
            (Closed, Event::PhoneRate),
        ] {
            assert!(next_state(from, event, None).is_err(), "{from:?} {event:?}");
        }
    }

    #[test]
    fn each_event_requires_its_fields() {
        let empty = EventInput::default();
        let fields = |e| {
            check_input(e, &empty)
                .iter()
                .map(|i| i.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(Event::Refuse), ["reason"]);
        assert_eq!(fields(Event::Suspend), ["reason"]);
        assert_eq!(fields(Event::Withdraw), ["reason"]);
        assert_eq!(fields(Event::Complete), ["opinion", "outcome"]);
        assert_eq!(fields(Event::Assign), ["handler"]);
        assert_eq!(fields(Event::Rate), ["rating"]);
        assert_eq!(fields(Event::PhoneRate), ["rating"]);
        assert_eq!(fields(Event::Reassign), ["reason", "handler"]);
        assert!(fields(Event::Accept).is_empty());
        let poor = EventInput {
            rating: Some(Rating::Dissatisfied),
            ..EventInput::default()
        };
        // The enterprise gives its reason; a rating taken by phone needs the bureau's 回访记录.
        assert_eq!(check_input(Event::Rate, &poor)[0].field, "comment");
        assert_eq!(check_input(Event::PhoneRate, &poor)[0].field, "revisit");
        let reasoned = EventInput {
            comment: "整改指导不具体".into(),
            ..poor.clone()
        };
        assert!(check_input(Event::Rate, &reasoned).is_empty());
        let good = EventInput {
            rating: Some(Rating::Satisfied),
            ..EventInput::default()
        };
        assert!(check_input(Event::Rate, &good).is_empty());
    }

    #[test]
    fn a_request_needs_services_a_description_and_a_sane_wished_date() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
        let mut d = RequestDraft {
            enterprise_id: Some(1),
            services: vec!["S01".into(), "XX".into(), "S01".into()],
            description: "  ".into(),
            urgency: Urgency::Normal,
            channel: Channel::SelfService,
            wished_date: "2026-03-01".into(),
        };
        let issues = validate_request(&mut d, |c| c == "S01", today);
        let codes: Vec<_> = issues.iter().map(|i| (i.field, i.code)).collect();
        assert_eq!(
            codes,
            [
                ("services", "unknown_service"),
                ("description", "required"),
                ("wished_date", "date_past"),
            ]
        );
        assert_eq!(d.services, ["S01", "XX"]);
        d.services = vec![];
        d.description = "咨询".into();
        d.wished_date = "2026/03/09".into();
        let issues = validate_request(&mut d, |_| true, today);
        assert_eq!(issues[0].code, "required");
        assert_eq!(issues[1].code, "date_format");
    }

    #[test]
    fn codes_and_labels_parse_both_ways() {
        assert_eq!(AssistanceState::parse("待受理"), Some(Submitted));
        assert_eq!(AssistanceState::parse("in_progress"), Some(InProgress));
        assert_eq!(Urgency::parse("紧急"), Some(Urgency::Critical));
        assert_eq!(Rating::parse("不满意"), Some(Rating::Dissatisfied));
        assert!(Rating::Dissatisfied.is_poor() && !Rating::Fair.is_poor());
    }
}
