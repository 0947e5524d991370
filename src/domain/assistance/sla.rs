//! SLA of assistance requests over the working-day calendar, as pure functions of the stored facts and
//! "today": 受理 within the response budget, 办结 within the completion budget of the urgency. A
//! suspension pauses the clock: the due date moves by the working days spent suspended. Alerts at 80% of
//! the budget; breach once the due date has passed.

use crate::domain::assistance::{AssistanceState, Urgency};
use crate::domain::calendar::{Calendar, Deadline};
use crate::domain::settings::Policy;
use chrono::NaiveDate;

/// The budgets in working days, read from the policy settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budgets {
    pub response: u32,
    pub normal: u32,
    pub urgent: u32,
    pub critical: u32,
    /// Working days the enterprise has to rate before the request closes as 未评价.
    pub rating: u32,
}

fn days(policy: &Policy, key: &str) -> u32 {
    u32::try_from(policy.get(key)).unwrap_or(0).max(1)
}

impl Budgets {
    pub fn from_policy(policy: &Policy) -> Budgets {
        Budgets {
            response: days(policy, "assist.response_days"),
            normal: days(policy, "assist.complete_days.normal"),
            urgent: days(policy, "assist.complete_days.urgent"),
            critical: days(policy, "assist.complete_days.critical"),
            rating: days(policy, "assist.rating_days"),
        }
    }

    pub fn completion(&self, urgency: Urgency) -> u32 {
        match urgency {
            Urgency::Normal => self.normal,
            Urgency::Urgent => self.urgent,
            Urgency::Critical => self.critical,
        }
    }
}

/// The stored facts the SLA depends on, as Asia/Shanghai dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlaFacts {
    pub state: AssistanceState,
    pub urgency: Urgency,
    pub submitted: Option<NaiveDate>,
    pub accepted: Option<NaiveDate>,
    /// (suspended on, resumed on); `None` while still suspended.
    pub suspensions: Vec<(NaiveDate, Option<NaiveDate>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for 受理.
    Response,
    /// Accepted, not yet 办结.
    Completion,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    OnTrack,
    /// 80% of the budget used.
    NearDue,
    Overdue,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sla {
    pub phase: Phase,
    pub budget: u32,
    /// Working days used, suspended days not counted.
    pub elapsed: u32,
    /// Working days spent suspended.
    pub paused: u32,
    pub due: Deadline,
    pub level: Level,
}

/// The running SLA of a request, or `None` when no clock runs (draft, awaiting rating, closed).
pub fn sla(facts: &SlaFacts, budgets: &Budgets, cal: &Calendar, today: NaiveDate) -> Option<Sla> {
    let (phase, start, budget) = match facts.state {
        AssistanceState::Submitted => (Phase::Response, facts.submitted?, budgets.response),
        AssistanceState::Accepted | AssistanceState::InProgress | AssistanceState::Suspended => (
            Phase::Completion,
            facts.accepted?,
            budgets.completion(facts.urgency),
        ),
        _ => return None,
    };
    let paused: u32 = match phase {
        Phase::Response => 0,
        Phase::Completion => facts
            .suspensions
            .iter()
            .map(|(from, to)| cal.working_days_between(*from, to.unwrap_or(today).min(today)))
            .sum(),
    };
    let elapsed = cal
        .working_days_between(start, today)
        .saturating_sub(paused);
    let due = cal.add_working_days(start, budget + paused);
    let level = if today > due.date {
        Level::Overdue
    } else if elapsed * 5 >= budget * 4 {
        Level::NearDue
    } else {
        Level::OnTrack
    };
    Some(Sla {
        phase,
        budget,
        elapsed,
        paused,
        due,
        level,
    })
}

/// Whether a request awaiting its rating since `completed` closes as 未评价 today: more than the
/// rating budget of working days have passed.
pub fn rating_lapsed(
    completed: NaiveDate,
    budgets: &Budgets,
    cal: &Calendar,
    today: NaiveDate,
) -> bool {
    today > cal.add_working_days(completed, budgets.rating).date
}

/// The dates that decide a running clock's alert level without counting days again: from
/// `warn_on` the request is near due, after `due_on` it is overdue. Stored with the request so queues
/// and counts select and page by date in SQL. `None` while suspended (the clock is paused: those
/// requests are listed in the 挂起 queue, not among near-due or overdue) or when no clock runs.
/// For every `today`, the level they give equals [`sla`]'s.
pub fn alert_dates(
    facts: &SlaFacts,
    budgets: &Budgets,
    cal: &Calendar,
) -> Option<(NaiveDate, NaiveDate)> {
    let (start, budget, paused) = match facts.state {
        AssistanceState::Submitted => (facts.submitted?, budgets.response, 0),
        AssistanceState::Accepted | AssistanceState::InProgress => {
            let paused = facts
                .suspensions
                .iter()
                .map(|(from, to)| to.map_or(0, |to| cal.working_days_between(*from, to)))
                .sum();
            (facts.accepted?, budgets.completion(facts.urgency), paused)
        }
        _ => return None,
    };
    // elapsed * 5 >= budget * 4  <=>  elapsed >= ceil(4 * budget / 5).
    let warn_after = (budget * 4).div_ceil(5) + paused;
    Some((
        cal.add_working_days(start, warn_after).date,
        cal.add_working_days(start, budget + paused).date,
    ))
}

/// The level the stored dates give on `today`.
pub fn level_on(warn_on: NaiveDate, due_on: NaiveDate, today: NaiveDate) -> Level {
    if today > due_on {
        Level::Overdue
    } else if today >= warn_on {
        Level::NearDue
    } else {
        Level::OnTrack
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::DayKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// The 2026 Spring Festival: 02-14 (Sat) and 02-28 (Sat) are 调休 workdays, 02-15..02-23 rest.
    fn cal() -> Calendar {
        let mut rows = vec![
            (d("2026-02-14"), DayKind::Workday),
            (d("2026-02-28"), DayKind::Workday),
        ];
        for day in 15..=23 {
            rows.push((d(&format!("2026-02-{day}")), DayKind::Holiday));
        }
        Calendar::new(rows, [2026])
    }

    fn budgets() -> Budgets {
        Budgets::from_policy(&Policy::default())
    }

    fn facts(
        state: AssistanceState,
        urgency: Urgency,
        suspensions: &[(&str, Option<&str>)],
    ) -> SlaFacts {
        SlaFacts {
            state,
            urgency,
            submitted: Some(d("2026-02-12")),
            accepted: Some(d("2026-02-13")),
            suspensions: suspensions.iter().map(|(a, b)| (d(a), b.map(d))).collect(),
        }
    }

    #[test]
    fn defaults_are_the_policy_of_the_spec() {
        let b = budgets();
        assert_eq!(
            (b.response, b.normal, b.urgent, b.critical, b.rating),
            (2, 10, 5, 2, 10)
        );
    }

    /// (state, urgency, suspensions, today, expected (due, elapsed, paused, level)).
    type Case = (
        AssistanceState,
        Urgency,
        &'static [(&'static str, Option<&'static str>)],
        &'static str,
        (&'static str, u32, u32, Level),
    );

    /// (state, urgency, suspensions, today) -> (due, elapsed, paused, level), hand-counted:
    /// working days after Fri 02-13 are 02-14 (Sat, 调休), 02-24, 02-25, 02-26, 02-27, 02-28 (Sat, 调休),
    /// 03-02, 03-03, 03-04, 03-05, 03-06, 03-09 ...
    #[test]
    fn sla_table_across_the_spring_festival() {
        use AssistanceState::*;
        use Level::*;
        let cases: &[Case] = &[
            // Response: submitted Thu 02-12, 2 working days: 02-13, 02-14 (调休 Saturday).
            (
                Submitted,
                Urgency::Normal,
                &[],
                "2026-02-13",
                ("2026-02-14", 1, 0, OnTrack),
            ),
            (
                Submitted,
                Urgency::Normal,
                &[],
                "2026-02-14",
                ("2026-02-14", 2, 0, NearDue),
            ),
            // The holiday counts no days but the due date has passed.
            (
                Submitted,
                Urgency::Normal,
                &[],
                "2026-02-20",
                ("2026-02-14", 2, 0, Overdue),
            ),
            // 紧急: 2 working days after 02-13 -> 02-24 (holidays skipped).
            (
                InProgress,
                Urgency::Critical,
                &[],
                "2026-02-16",
                ("2026-02-24", 1, 0, OnTrack),
            ),
            (
                InProgress,
                Urgency::Critical,
                &[],
                "2026-02-24",
                ("2026-02-24", 2, 0, NearDue),
            ),
            (
                InProgress,
                Urgency::Critical,
                &[],
                "2026-02-25",
                ("2026-02-24", 3, 0, Overdue),
            ),
            // 较急: 5 -> 02-14, 24, 25, 26, 27 -> due 02-27; 80% = 4 days used on 02-26.
            (
                InProgress,
                Urgency::Urgent,
                &[],
                "2026-02-25",
                ("2026-02-27", 3, 0, OnTrack),
            ),
            (
                InProgress,
                Urgency::Urgent,
                &[],
                "2026-02-26",
                ("2026-02-27", 4, 0, NearDue),
            ),
            // 一般: 10 -> ..., 02-28, 03-02, 03-03, 03-04, 03-05 -> due 03-05.
            (
                Accepted,
                Urgency::Normal,
                &[],
                "2026-03-02",
                ("2026-03-05", 7, 0, OnTrack),
            ),
            (
                Accepted,
                Urgency::Normal,
                &[],
                "2026-03-06",
                ("2026-03-05", 11, 0, Overdue),
            ),
            // Suspended 02-24 .. 02-27 (resumed): (02-24, 02-27] = 3 working days paused; due +3 -> 03-10.
            (
                InProgress,
                Urgency::Normal,
                &[("2026-02-24", Some("2026-02-27"))],
                "2026-03-06",
                ("2026-03-10", 8, 3, NearDue),
            ),
            // Still suspended since 02-26: (02-26, 03-03] = 02-27, 02-28, 03-02, 03-03 paused; the 4 days
            // used before stay 4 (80% of 5: near due), and the due date 02-27 moves by 4 to 03-04.
            (
                Suspended,
                Urgency::Urgent,
                &[("2026-02-26", None)],
                "2026-03-03",
                ("2026-03-04", 4, 4, NearDue),
            ),
        ];
        for (state, urgency, susp, today, (due, elapsed, paused, level)) in cases {
            let s = sla(&facts(*state, *urgency, susp), &budgets(), &cal(), d(today))
                .expect("a clock runs");
            assert_eq!(
                (s.due.date, s.elapsed, s.paused, s.level),
                (d(due), *elapsed, *paused, *level),
                "{state:?} {urgency:?} {susp:?} on {today}"
            );
        }
    }

    #[test]
    fn no_clock_runs_outside_the_working_states() {
        for state in [
            AssistanceState::Draft,
            AssistanceState::AwaitingRating,
            AssistanceState::Closed,
        ] {
            assert!(
                sla(
                    &facts(state, Urgency::Normal, &[]),
                    &budgets(),
                    &cal(),
                    d("2026-03-02")
                )
                .is_none()
            );
        }
    }

    #[test]
    fn unrated_requests_lapse_after_the_rating_budget() {
        // Completed Fri 02-13: 10 working days -> 02-14, 24..28 (6), 03-02..03-05 (10) -> lapses after 03-05.
        assert!(!rating_lapsed(
            d("2026-02-13"),
            &budgets(),
            &cal(),
            d("2026-03-05")
        ));
        assert!(rating_lapsed(
            d("2026-02-13"),
            &budgets(),
            &cal(),
            d("2026-03-06")
        ));
    }

    #[test]
    fn a_year_outside_the_calendar_is_flagged() {
        let mut f = facts(AssistanceState::Submitted, Urgency::Normal, &[]);
        f.submitted = Some(d("2027-12-30"));
        let s = sla(&f, &budgets(), &cal(), d("2027-12-30")).expect("clock");
        assert!(!s.due.is_certain());
    }

    /// The stored dates give the same level as counting the days, every day of the Spring Festival
    /// season, for every urgency, before and after a suspension.
    #[test]
    fn alert_dates_agree_with_the_counted_level() {
        use AssistanceState::*;
        let cal = cal();
        let b = budgets();
        for state in [Submitted, Accepted, InProgress] {
            for urgency in [Urgency::Normal, Urgency::Urgent, Urgency::Critical] {
                for susp in [&[][..], &[("2026-02-24", Some("2026-02-27"))][..]] {
                    let f = facts(state, urgency, susp);
                    let (warn, due) = alert_dates(&f, &b, &cal).expect("a running clock");
                    // A closed suspension is in the past: count from its end.
                    let mut day = if susp.is_empty() {
                        d("2026-02-13")
                    } else {
                        d("2026-02-27")
                    };
                    while day <= d("2026-04-30") {
                        let counted = sla(&f, &b, &cal, day).expect("sla").level;
                        assert_eq!(
                            level_on(warn, due, day),
                            counted,
                            "{state:?} {urgency:?} {day}"
                        );
                        day = day.succ_opt().expect("next day");
                    }
                }
            }
        }
        assert_eq!(
            alert_dates(&facts(Suspended, Urgency::Normal, &[]), &b, &cal),
            None
        );
    }
}
