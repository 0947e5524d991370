//! 正面清单 "无事不扰" (spec/domain.md §2): the entry lifecycle, the admission criteria check, the dates
//! (public notice in working days, reviews, cool-down) and the on-site guard. Pure: facts, today and the
//! calendar are arguments.

use crate::domain::calendar::{Calendar, Deadline};
use crate::domain::codes::code_enum;
use crate::domain::enterprise::{Credit, PerfGrade};
use crate::i18n::{T, Text};
use chrono::{Months, NaiveDate};

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

code_enum!(
    /// The admission criteria of §2.
    Criterion {
        NoPenalty => "no_penalty", PositiveListCritNoPenalty;
        NoIncident => "no_incident", PositiveListCritNoIncident;
        Permit => "permit", PositiveListCritPermit;
        Monitoring => "monitoring", PositiveListCritMonitoring;
        Credit => "credit", PositiveListCritCredit;
        Grade => "grade", PositiveListCritGrade;
    }
);

code_enum!(
    /// The outcome of one criterion.
    Verdict {
        Pass => "pass", PositiveListPass;
        Fail => "fail", PositiveListFail;
        Unknown => "unknown", PositiveListUnknown;
    }
);

/// One criterion's outcome with the evidence it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    pub criterion: Criterion,
    pub verdict: Verdict,
    pub evidence: Text,
}

/// What the app knows about a candidate. `None` counts mean "not recorded here" (the inspection and
/// incident modules do not exist yet): the criterion is unknown, not passed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub penalties: Option<u32>,
    pub incidents: Option<u32>,
    pub permit_no: String,
    pub permit_expiry: Option<NaiveDate>,
    /// 重点排污单位 must have online monitoring connected.
    pub monitoring_required: bool,
    pub monitoring_connected: Option<bool>,
    pub credit: Option<Credit>,
    pub grade: Option<PerfGrade>,
}

fn count_verdict(n: Option<u32>, years: u32, key: T) -> (Verdict, Text) {
    match n {
        None => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvNoRecords).arg("years", years),
        ),
        Some(0) => (
            Verdict::Pass,
            Text::new(key).arg("n", 0).arg("years", years),
        ),
        Some(n) => (
            Verdict::Fail,
            Text::new(key).arg("n", n).arg("years", years),
        ),
    }
}

/// Evaluates every criterion. The performance grade only counts in favour: a grade other than A/引领性
/// is `Unknown` ("not in favour"), never a failure.
pub fn evaluate(f: &Facts, today: NaiveDate, p: &ListPolicy) -> Vec<CriterionResult> {
    let y = p.lookback_years;
    let (pv, pe) = count_verdict(f.penalties, y, T::PositiveListEvPenalties);
    let (iv, ie) = count_verdict(f.incidents, y, T::PositiveListEvIncidents);
    let (permit_v, permit_e) = match (f.permit_no.trim(), f.permit_expiry) {
        ("", _) => (Verdict::Fail, Text::new(T::PositiveListEvNoPermit)),
        (no, None) => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvPermitNoExpiry).arg("no", no),
        ),
        (no, Some(exp)) if exp < today => (
            Verdict::Fail,
            Text::new(T::PositiveListEvPermitExpired)
                .arg("no", no)
                .arg("date", exp),
        ),
        (no, Some(exp)) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvPermitValid)
                .arg("no", no)
                .arg("date", exp),
        ),
    };
    let (mon_v, mon_e) = match (f.monitoring_required, f.monitoring_connected) {
        (false, _) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvMonitoringNotRequired),
        ),
        (true, Some(true)) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvMonitoringConnected),
        ),
        (true, Some(false)) => (Verdict::Fail, Text::new(T::PositiveListEvMonitoringMissing)),
        (true, None) => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvMonitoringUnknown),
        ),
    };
    let (credit_v, credit_e) = match f.credit {
        None => (Verdict::Unknown, Text::new(T::PositiveListEvCreditNone)),
        Some(c) => (
            if matches!(c, Credit::Green | Credit::Blue) {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
            Text::new(T::PositiveListEvCredit).arg_key("level", c.label()),
        ),
    };
    let (grade_v, grade_e) = match f.grade {
        None => (Verdict::Unknown, Text::new(T::PositiveListEvGradeNone)),
        Some(g @ (PerfGrade::A | PerfGrade::Leading)) => (
            Verdict::Pass,
            Text::new(T::PositiveListEvGradeFavour).arg_key("grade", g.label()),
        ),
        Some(g) => (
            Verdict::Unknown,
            Text::new(T::PositiveListEvGradeNeutral).arg_key("grade", g.label()),
        ),
    };
    [
        (Criterion::NoPenalty, pv, pe),
        (Criterion::NoIncident, iv, ie),
        (Criterion::Permit, permit_v, permit_e),
        (Criterion::Monitoring, mon_v, mon_e),
        (Criterion::Credit, credit_v, credit_e),
        (Criterion::Grade, grade_v, grade_e),
    ]
    .into_iter()
    .map(|(criterion, verdict, evidence)| CriterionResult {
        criterion,
        verdict,
        evidence,
    })
    .collect()
}

/// A failed criterion blocks admission unless a supervisor records an override reason.
pub fn has_failure(results: &[CriterionResult]) -> bool {
    results.iter().any(|r| r.verdict == Verdict::Fail)
}

/// A trigger event cited to justify an on-site check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TriggerRef<'a> {
    pub kind: TriggerKind,
    pub reference: &'a str,
}

/// Why the guard refused an on-site check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Routine on-site checks of listed enterprises do not happen.
    RoutineOnListed,
    /// A random draw turns into an off-site check for a listed enterprise.
    RandomOnListed,
    /// An on-site check needs a trigger event.
    NoTrigger,
    /// The trigger must name its source (complaint number, alarm id, document number).
    NoReference,
}

impl Refusal {
    pub fn label(self) -> T {
        match self {
            Refusal::RoutineOnListed => T::PositiveListRefuseRoutine,
            Refusal::RandomOnListed => T::PositiveListRefuseRandom,
            Refusal::NoTrigger => T::PositiveListRefuseNoTrigger,
            Refusal::NoReference => T::PositiveListRefuseNoReference,
        }
    }
}

/// The guard: whether an on-site check may happen. Enterprises not listed (no entry, candidates, under
/// notice, removed) are unaffected; off-site checks are always allowed; a listed enterprise is checked on
/// site only for a trigger event of an allowed kind with its reference.
pub fn on_site_allowed(
    entry_state: Option<EntryState>,
    category: CheckCategory,
    trigger: Option<TriggerRef<'_>>,
) -> Result<(), Refusal> {
    if !entry_state.is_some_and(EntryState::is_listed) {
        return Ok(());
    }
    match category {
        CheckCategory::Offsite => Ok(()),
        CheckCategory::Routine => Err(Refusal::RoutineOnListed),
        CheckCategory::Random => Err(Refusal::RandomOnListed),
        CheckCategory::Triggered => match trigger {
            None => Err(Refusal::NoTrigger),
            Some(t) if t.reference.trim().is_empty() => Err(Refusal::NoReference),
            Some(_) => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::DayKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn cal_2026() -> Calendar {
        let mut rows: Vec<(NaiveDate, DayKind)> = (1..=7)
            .map(|n| (d(&format!("2026-10-0{n}")), DayKind::Holiday))
            .collect();
        rows.push((d("2026-09-20"), DayKind::Workday));
        rows.push((d("2026-10-10"), DayKind::Workday));
        Calendar::new(rows, [2025, 2026])
    }

    #[test]
    fn every_transition_is_legal_only_from_its_states() {
        use EntryState::*;
        let legal = [
            (Transition::StartNotice, Candidate, Notice),
            (Transition::Admit, Notice, Listed),
            (Transition::UpholdObjection, Notice, Rejected),
            (Transition::StartReview, Listed, Review),
            (Transition::PassReview, Review, Listed),
            (Transition::FailReview, Review, Removed),
            (Transition::Remove, Listed, Removed),
            (Transition::Remove, Review, Removed),
        ];
        for t in Transition::ALL {
            for s in EntryState::ALL.iter().copied() {
                let expected = legal
                    .iter()
                    .find(|(lt, ls, _)| *lt == t && *ls == s)
                    .map(|(_, _, to)| *to);
                assert_eq!(t.apply(s), expected, "{t:?} from {s:?}");
            }
        }
        // Closed entries go nowhere: a new entry is needed after the cool-down.
        assert!(Transition::from_state(Removed).is_empty());
        assert!(Transition::from_state(Rejected).is_empty());
        assert_eq!(
            Transition::from_state(Notice),
            vec![Transition::Admit, Transition::UpholdObjection]
        );
    }

    #[test]
    fn roles_and_reasons_per_transition() {
        assert!(!Transition::StartReview.needs_supervisor());
        assert!(Transition::Admit.needs_supervisor());
        assert!(Transition::Remove.needs_supervisor());
        assert!(Transition::Remove.needs_reason() && Transition::Remove.is_destructive());
        assert!(!Transition::Admit.needs_reason());
        for t in Transition::ALL {
            assert_eq!(Transition::parse(t.code()), Some(t));
        }
    }

    #[test]
    fn notice_periods_across_the_national_day_holidays() {
        let cal = cal_2026();
        let p = ListPolicy::default();
        // (start, working days, last day of the notice)
        let table = [
            ("2026-11-23", 5, "2026-11-30"), // Monday: Tue..Fri, next Monday
            ("2026-09-28", 5, "2026-10-10"), // Mon: 29, 30, (1-7 rest), 8, 9, 10 (调休 Saturday)
            ("2026-09-30", 5, "2026-10-13"), // 8, 9, 10, 12, 13
            ("2026-10-03", 5, "2026-10-13"), // starts in the holiday
            ("2026-10-09", 1, "2026-10-10"), // the make-up Saturday counts
            ("2026-09-30", 3, "2026-10-10"),
        ];
        for (start, n, end) in table {
            let pol = ListPolicy {
                notice_working_days: n,
                ..p
            };
            let got = notice_end(&cal, d(start), &pol);
            assert_eq!(got.date, d(end), "{start} + {n}");
            assert!(got.is_certain());
        }
        // A year the calendar does not cover is flagged, not guessed silently.
        assert_eq!(
            notice_end(&cal, d("2027-12-30"), &p).uncovered_years,
            vec![2027, 2028]
        );
    }

    #[test]
    fn admission_only_after_the_notice_is_over() {
        assert!(!notice_over(d("2026-10-10"), d("2026-10-10")));
        assert!(notice_over(d("2026-10-10"), d("2026-10-11")));
    }

    #[test]
    fn review_due_and_cool_down_dates() {
        let cal = cal_2026();
        let p = ListPolicy::default();
        // Listed 2025-10-03: twelve months later is a holiday; the review moves to 2026-10-08.
        assert_eq!(review_due(&cal, d("2025-10-03"), &p).date, d("2026-10-08"));
        // 2025-10-10 + 12 months is the make-up Saturday, a working day.
        assert_eq!(review_due(&cal, d("2025-10-10"), &p).date, d("2026-10-10"));
        assert_eq!(review_due(&cal, d("2025-03-02"), &p).date, d("2026-03-02"));
        assert_eq!(reapply_from(d("2026-02-28"), &p), d("2027-02-28"));
        assert_eq!(
            reapply_from(
                d("2024-02-29"),
                &ListPolicy {
                    cooldown_months: 12,
                    ..p
                }
            ),
            d("2025-02-28")
        );
    }

    fn good_facts() -> Facts {
        Facts {
            penalties: Some(0),
            incidents: Some(0),
            permit_no: "91130200699229617X001P".into(),
            permit_expiry: Some(d("2028-01-01")),
            monitoring_required: true,
            monitoring_connected: Some(true),
            credit: Some(Credit::Green),
            grade: Some(PerfGrade::A),
        }
    }

    fn verdicts(f: &Facts) -> Vec<(Criterion, Verdict)> {
        evaluate(f, d("2026-11-29"), &ListPolicy::default())
            .into_iter()
            .map(|r| (r.criterion, r.verdict))
            .collect()
    }

    #[test]
    fn criteria_table() {
        use Criterion::*;
        use Verdict::*;
        let base = good_facts();
        assert!(verdicts(&base).iter().all(|(_, v)| *v == Pass));
        let cases: Vec<(Facts, Criterion, Verdict)> = vec![
            (
                Facts {
                    penalties: None,
                    ..base.clone()
                },
                NoPenalty,
                Unknown,
            ),
            (
                Facts {
                    penalties: Some(1),
                    ..base.clone()
                },
                NoPenalty,
                Fail,
            ),
            (
                Facts {
                    incidents: Some(2),
                    ..base.clone()
                },
                NoIncident,
                Fail,
            ),
            (
                Facts {
                    permit_no: String::new(),
                    ..base.clone()
                },
                Permit,
                Fail,
            ),
            (
                Facts {
                    permit_expiry: Some(d("2026-11-28")),
                    ..base.clone()
                },
                Permit,
                Fail,
            ),
            (
                Facts {
                    permit_expiry: Some(d("2026-11-29")),
                    ..base.clone()
                },
                Permit,
                Pass,
            ),
            (
                Facts {
                    permit_expiry: None,
                    ..base.clone()
                },
                Permit,
                Unknown,
            ),
            (
                Facts {
                    monitoring_connected: None,
                    ..base.clone()
                },
                Monitoring,
                Unknown,
            ),
            (
                Facts {
                    monitoring_connected: Some(false),
                    ..base.clone()
                },
                Monitoring,
                Fail,
            ),
            (
                Facts {
                    monitoring_required: false,
                    monitoring_connected: None,
                    ..base.clone()
                },
                Monitoring,
                Pass,
            ),
            (
                Facts {
                    credit: Some(crate::domain::enterprise::Credit::Blue),
                    ..base.clone()
                },
                Credit,
                Pass,
            ),
            (
                Facts {
                    credit: Some(crate::domain::enterprise::Credit::Yellow),
                    ..base.clone()
                },
                Credit,
                Fail,
            ),
            (
                Facts {
                    credit: None,
                    ..base.clone()
                },
                Credit,
                Unknown,
            ),
            (
                Facts {
                    grade: Some(PerfGrade::Leading),
                    ..base.clone()
                },
                Grade,
                Pass,
            ),
            (
                Facts {
                    grade: Some(PerfGrade::D),
                    ..base.clone()
                },
                Grade,
                Unknown,
            ),
        ];
        for (facts, criterion, verdict) in cases {
            let got = verdicts(&facts);
            assert!(
                got.contains(&(criterion, verdict)),
                "{criterion:?}: {got:?}"
            );
            assert_eq!(
                has_failure(&evaluate(&facts, d("2026-11-29"), &ListPolicy::default())),
                verdict == Fail
            );
        }
    }

    #[test]
    fn evidence_names_the_facts() {
        let r = evaluate(&good_facts(), d("2026-11-29"), &ListPolicy::default());
        let permit = r
            .iter()
            .find(|r| r.criterion == Criterion::Permit)
            .expect("permit");
        assert_eq!(
            permit.evidence.render(crate::i18n::Lang::En),
            "Permit 91130200699229617X001P valid until 2028-01-01"
        );
    }

    type GuardCase<'a> = (
        Option<EntryState>,
        CheckCategory,
        Option<TriggerRef<'a>>,
        Result<(), Refusal>,
    );

    #[test]
    fn the_guard() {
        use CheckCategory::*;
        use EntryState::*;
        let t = TriggerRef {
            kind: TriggerKind::Complaint,
            reference: "12369-2026-0042",
        };
        let blank = TriggerRef {
            kind: TriggerKind::Media,
            reference: "  ",
        };
        let table: Vec<GuardCase> = vec![
            (Some(Listed), Offsite, None, Ok(())),
            (Some(Listed), Routine, None, Err(Refusal::RoutineOnListed)),
            (
                Some(Listed),
                Routine,
                Some(t),
                Err(Refusal::RoutineOnListed),
            ),
            (Some(Review), Random, None, Err(Refusal::RandomOnListed)),
            (Some(Listed), Triggered, None, Err(Refusal::NoTrigger)),
            (
                Some(Listed),
                Triggered,
                Some(blank),
                Err(Refusal::NoReference),
            ),
            (Some(Listed), Triggered, Some(t), Ok(())),
            (Some(Review), Triggered, Some(t), Ok(())),
            (Some(Notice), Routine, None, Ok(())),
            (Some(Candidate), Random, None, Ok(())),
            (Some(Removed), Routine, None, Ok(())),
            (None, Routine, None, Ok(())),
        ];
        for (state, cat, trig, expected) in table {
            assert_eq!(
                on_site_allowed(state, cat, trig),
                expected,
                "{state:?} {cat:?}"
            );
        }
    }
}
