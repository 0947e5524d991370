//! 正面清单 "无事不扰" (spec/domain.md §2): the entry lifecycle, the admission criteria check, the dates
//! (public notice in working days, reviews, cool-down) and the on-site guard. Pure: facts, today and the
//! calendar are arguments.

use crate::domain::calendar::{Calendar, Deadline};
use crate::domain::codes::code_enum;
use crate::i18n::T;
use chrono::{Months, NaiveDate};

mod criteria;
mod guard;
#[cfg(test)]
mod tests;

pub use criteria::*;
pub use guard::*;

code_enum!(
    /// The state of a list entry; the codes are those of `enterprise.list_status`.
    EntryState {
        Candidate => "candidate", ListCandidate;
        Notice => "notice", ListNotice;
        Listed => "listed", ListListed;
        Review => "review", ListReview;
        Removed => "removed", ListRemoved;
        Rejected => "rejected", ListRejected;
    }
);

impl EntryState {
    /// Listed enterprises (in the list, or under review) are supervised off-site only.
    pub fn is_listed(self) -> bool {
        matches!(self, EntryState::Listed | EntryState::Review)
    }

    /// Closed entries no longer block a new entry for the enterprise.
    pub fn is_closed(self) -> bool {
        matches!(self, EntryState::Removed | EntryState::Rejected)
    }
}

code_enum!(
    /// How the entry came about: staff proposal or the enterprise's own application.
    Origin {
        Proposed => "proposed", PositiveListOriginProposed;
        Applied => "applied", PositiveListOriginApplied;
    }
);

code_enum!(
    /// 触发事件: the only reasons an on-site check of a listed enterprise may happen.
    TriggerKind {
        Complaint => "complaint", PositiveListTriggerComplaint;
        MonitoringAlarm => "monitoring_alarm", PositiveListTriggerAlarm;
        Assigned => "assigned", PositiveListTriggerAssigned;
        Emergency => "emergency", PositiveListTriggerEmergency;
        Media => "media", PositiveListTriggerMedia;
    }
);

code_enum!(
    /// How a trigger event is handled.
    Handling {
        Offsite => "offsite", PositiveListHandlingOffsite;
        Onsite => "onsite", PositiveListHandlingOnsite;
        Removal => "removal", PositiveListHandlingRemoval;
    }
);

code_enum!(
    /// Why an entry leaves the list.
    RemovalCause {
        CaseFiled => "case_filed", PositiveListCauseCaseFiled;
        Incident => "incident", PositiveListCauseIncident;
        Complaint => "complaint", PositiveListCauseComplaint;
        FalsifiedData => "falsified_data", PositiveListCauseFalsified;
        Downgrade => "downgrade", PositiveListCauseDowngrade;
        CriteriaLost => "criteria_lost", PositiveListCauseCriteriaLost;
        Request => "request", PositiveListCauseRequest;
        Closure => "closure", PositiveListCauseClosure;
        // The enterprise withdrew its own application while a candidate (never a removal).
        Withdrawn => "withdrawn", PositiveListCauseWithdrawn;
    }
);

impl RemovalCause {
    /// The causes a supervisor may give for a removal (a withdrawal is the enterprise's own step).
    pub fn for_removal() -> Vec<RemovalCause> {
        RemovalCause::ALL
            .iter()
            .copied()
            .filter(|c| *c != RemovalCause::Withdrawn)
            .collect()
    }
}

code_enum!(
    /// The marked steps of an entry's timeline (most steps are told by their states alone).
    HistoryEvent {
        Proposed => "proposed", PositiveListOriginProposed;
        Applied => "applied", PositiveListOriginApplied;
        LateObjection => "late_objection", PositiveListEventLateObjection;
        Withdraw => "withdraw", PositiveListEventWithdraw;
    }
);

code_enum!(
    /// The kind of check an inspection is: the guard decides on-site checks of listed enterprises.
    CheckCategory {
        Offsite => "offsite", PositiveListCheckOffsite;
        Routine => "routine", PositiveListCheckRoutine;
        Random => "random", PositiveListCheckRandom;
        Triggered => "triggered", PositiveListCheckTriggered;
    }
);

/// A state change of an entry. Each names the role it needs (see `needs_supervisor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// 候选 → 公示中, after the criteria check (supervisor approval).
    StartNotice,
    /// 公示中 → 在册 once the notice period is over without an upheld objection.
    Admit,
    /// 公示中 → 未纳入: an objection was upheld.
    UpholdObjection,
    /// 在册 → 复核中.
    StartReview,
    /// 复核中 → 在册.
    PassReview,
    /// 复核中 → 已移出.
    FailReview,
    /// 在册 (or 复核中) → 已移出: a verified trigger, the enterprise's request, closure.
    Remove,
}

impl Transition {
    pub const ALL: [Transition; 7] = [
        Transition::StartNotice,
        Transition::Admit,
        Transition::UpholdObjection,
        Transition::StartReview,
        Transition::PassReview,
        Transition::FailReview,
        Transition::Remove,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Transition::StartNotice => "start_notice",
            Transition::Admit => "admit",
            Transition::UpholdObjection => "uphold_objection",
            Transition::StartReview => "start_review",
            Transition::PassReview => "pass_review",
            Transition::FailReview => "fail_review",
            Transition::Remove => "remove",
        }
    }

    pub fn parse(s: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.code() == s.trim())
    }

    pub fn label(self) -> T {
        match self {
            Transition::StartNotice => T::PositiveListDoStartNotice,
            Transition::Admit => T::PositiveListDoAdmit,
            Transition::UpholdObjection => T::PositiveListDoObjection,
            Transition::StartReview => T::PositiveListDoStartReview,
            Transition::PassReview => T::PositiveListDoPassReview,
            Transition::FailReview => T::PositiveListDoFailReview,
            Transition::Remove => T::PositiveListDoRemove,
        }
    }

    /// Admission and removal decisions are a supervisor's; starting a review is routine staff work.
    pub fn needs_supervisor(self) -> bool {
        !matches!(self, Transition::StartReview)
    }

    /// A written reason is required (objections, failed reviews, removals).
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            Transition::UpholdObjection | Transition::FailReview | Transition::Remove
        )
    }

    /// Removing an enterprise from the list or refusing it is destructive: the screen confirms it.
    pub fn is_destructive(self) -> bool {
        matches!(
            self,
            Transition::UpholdObjection | Transition::FailReview | Transition::Remove
        )
    }

    /// The state the transition leads to from `from`, or `None` when it is not allowed from there.
    pub fn apply(self, from: EntryState) -> Option<EntryState> {
        use EntryState::*;
        match (self, from) {
            (Transition::StartNotice, Candidate) => Some(Notice),
            (Transition::Admit, Notice) => Some(Listed),
            (Transition::UpholdObjection, Notice) => Some(Rejected),
            (Transition::StartReview, Listed) => Some(Review),
            (Transition::PassReview, Review) => Some(Listed),
            (Transition::FailReview, Review) => Some(Removed),
            (Transition::Remove, Listed | Review) => Some(Removed),
            _ => None,
        }
    }

    /// The transitions allowed from a state, for the screen's action menu.
    pub fn from_state(state: EntryState) -> Vec<Transition> {
        Transition::ALL
            .into_iter()
            .filter(|t| t.apply(state).is_some())
            .collect()
    }
}

/// The policy numbers of the positive list, read from the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListPolicy {
    pub notice_working_days: u32,
    pub review_months: u32,
    pub cooldown_months: u32,
    pub lookback_years: u32,
}

impl Default for ListPolicy {
    fn default() -> ListPolicy {
        ListPolicy {
            notice_working_days: 5,
            review_months: 12,
            cooldown_months: 12,
            lookback_years: 2,
        }
    }
}

/// The last day of a public notice that starts on `start`: N working days, the start day not counted.
pub fn notice_end(cal: &Calendar, start: NaiveDate, p: &ListPolicy) -> Deadline {
    cal.add_working_days(start, p.notice_working_days)
}

/// The next review: `review_months` after `from`, moved off a rest day.
pub fn review_due(cal: &Calendar, from: NaiveDate, p: &ListPolicy) -> Deadline {
    let day = from
        .checked_add_months(Months::new(p.review_months))
        .unwrap_or(from);
    cal.move_off_rest_day(day)
}

/// The first day a removed enterprise may be a candidate again (calendar months, no working-day rule).
pub fn reapply_from(removed_on: NaiveDate, p: &ListPolicy) -> NaiveDate {
    removed_on
        .checked_add_months(Months::new(p.cooldown_months))
        .unwrap_or(removed_on)
}

/// A notice is over (and the entry may be admitted) the day after its last day.
pub fn notice_over(notice_end: NaiveDate, today: NaiveDate) -> bool {
    today > notice_end
}
