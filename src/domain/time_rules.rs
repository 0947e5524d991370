//! The time rules every module's validation uses: what happened cannot be in the future, what is planned
//! cannot start in the past, and events within one record keep their real order. Each message names the
//! field(s) and the value(s), so a user sees what to fix (`运抵时间 2026-12-01 10:00 早于转移日期 2026-12-08`).
//! "Now" is an argument (the session clock); the clock-skew allowance is a policy setting.

use crate::domain::time::{Day, Instant, Minute};
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use chrono::{Duration, NaiveDateTime, NaiveTime};
use std::fmt;

/// A time a rule compares: a calendar day or a Beijing wall-clock minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    Day(Day),
    Minute(Minute),
}

impl Moment {
    /// The earliest Beijing minute of the moment (a day starts at 00:00).
    fn start(self) -> NaiveDateTime {
        match self {
            Moment::Day(d) => d.date().and_time(NaiveTime::MIN),
            Moment::Minute(m) => m.naive(),
        }
    }

    fn day(self) -> Day {
        match self {
            Moment::Day(d) => d,
            Moment::Minute(m) => m.day(),
        }
    }
}

impl From<Day> for Moment {
    fn from(d: Day) -> Moment {
        Moment::Day(d)
    }
}

impl From<Minute> for Moment {
    fn from(m: Minute) -> Moment {
        Moment::Minute(m)
    }
}

impl From<Instant> for Moment {
    fn from(i: Instant) -> Moment {
        Moment::Minute(beijing_minute(i))
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Day(d) => d.fmt(f),
            Moment::Minute(m) => m.fmt(f),
        }
    }
}

/// The Beijing wall-clock minute of an instant.
pub fn beijing_minute(i: Instant) -> Minute {
    i.minute()
}

/// `later` is before `earlier`: a day is compared by day, two minutes by minute.
fn precedes(later: Moment, earlier: Moment) -> bool {
    match (later, earlier) {
        (Moment::Minute(a), Moment::Minute(b)) => a < b,
        (a, b) => a.day() < b.day(),
    }
}

/// One field of a record: its stable id (where the form puts the message), its label and its value.
#[derive(Clone, Copy, Debug)]
pub struct Stamp {
    pub field: &'static str,
    pub label: T,
    pub at: Moment,
}

impl Stamp {
    pub fn new(field: &'static str, label: T, at: impl Into<Moment>) -> Stamp {
        Stamp {
            field,
            label,
            at: at.into(),
        }
    }
}

/// "Now" for the rules: the Beijing minute of the session clock and the allowed clock skew.
#[derive(Clone, Copy, Debug)]
pub struct Now {
    now: NaiveDateTime,
    skew: Duration,
}

impl Now {
    pub fn new(now: Instant, skew_minutes: i64) -> Now {
        Now {
            now: beijing_minute(now).naive(),
            skew: Duration::minutes(skew_minutes.max(0)),
        }
    }

    pub fn today(&self) -> Day {
        Day::new(self.now.date())
    }

    /// What happened cannot be in the future: later than now plus the skew allowance is refused. A
    /// day is in the future when it starts after that moment (today is always allowed).
    pub fn happened(&self, s: Stamp) -> Option<FieldIssue> {
        (s.at.start() > self.now + self.skew).then(|| {
            FieldIssue::error(
                s.field,
                "time_future",
                Text::new(T::ErrTimeFuture)
                    .arg_key("field", s.label)
                    .arg("value", s.at)
                    .arg("now", Minute::new(self.now)),
            )
        })
    }

    /// What is planned cannot start in the past: a day before today is refused.
    pub fn planned(&self, s: Stamp) -> Option<FieldIssue> {
        (s.at.day() < self.today()).then(|| {
            FieldIssue::error(
                s.field,
                "time_past",
                Text::new(T::ErrTimePast)
                    .arg_key("field", s.label)
                    .arg("value", s.at)
                    .arg("today", self.today()),
            )
        })
    }

    /// `happened` over several stamps, skipping none.
    pub fn all_happened(&self, stamps: &[Stamp]) -> Vec<FieldIssue> {
        stamps.iter().filter_map(|s| self.happened(*s)).collect()
    }
}

/// Order within a record: `later` cannot be before `earlier`. The issue is on the later field.
pub fn not_before(later: Stamp, earlier: Stamp) -> Option<FieldIssue> {
    precedes(later.at, earlier.at).then(|| {
        FieldIssue::error(
            later.field,
            "time_order",
            Text::new(T::ErrTimeOrder)
                .arg_key("later", later.label)
                .arg("lv", later.at)
                .arg_key("earlier", earlier.label)
                .arg("ev", earlier.at),
        )
    })
}

/// Order over a chain (each stamp not before the one before it); absent stamps are skipped, and each
/// present stamp is compared with the latest present one before it.
pub fn in_order(chain: &[Option<Stamp>]) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let mut last: Option<Stamp> = None;
    for s in chain.iter().flatten() {
        if let Some(prev) = last
            && let Some(issue) = not_before(*s, prev)
        {
            issues.push(issue);
            continue;
        }
        last = Some(*s);
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn day(s: &str) -> Moment {
        Moment::Day(Day::parse(s).expect("day"))
    }
    fn min(s: &str) -> Moment {
        Moment::Minute(Minute::parse(s).expect("minute"))
    }
    /// 2026-12-08 10:00 in Beijing.
    fn now() -> Now {
        Now::new(Instant::parse("2026-12-08T02:00:00Z").expect("instant"), 10)
    }
    fn stamp(label: T, at: Moment) -> Stamp {
        Stamp {
            field: "f",
            label,
            at,
        }
    }

    #[test]
    fn happened_cannot_be_in_the_future() {
        let cases = [
            (min("2026-12-08 10:00"), true),
            (min("2026-12-08 10:10"), true),
            (min("2026-12-08 10:11"), false),
            (min("2026-12-20 01:00"), false),
            (min("2026-12-07 23:59"), true),
            (day("2026-12-08"), true),
            (day("2026-12-07"), true),
            (day("2026-12-09"), false),
            (day("2030-01-01"), false),
        ];
        for (at, ok) in cases {
            let issue = now().happened(stamp(T::ManifestFieldArrivedAt, at));
            assert_eq!(issue.is_none(), ok, "{at}");
            if let Some(i) = issue {
                assert_eq!(i.code, "time_future");
                assert!(i.render(Lang::Zh).contains(&at.to_string()));
                assert!(i.render(Lang::Zh).contains("2026-12-08 10:00"));
            }
        }
    }

    #[test]
    fn skew_allowance_is_a_setting() {
        let strict = Now::new(Instant::parse("2026-12-08T02:00:00Z").expect("i"), 0);
        let at = stamp(T::ManifestFieldArrivedAt, min("2026-12-08 10:01"));
        assert!(strict.happened(at).is_some());
        assert!(now().happened(at).is_none());
        let negative = Now::new(Instant::parse("2026-12-08T02:00:00Z").expect("i"), -5);
        assert!(
            negative.happened(at).is_some(),
            "a negative skew counts as 0"
        );
    }

    #[test]
    fn planned_cannot_start_in_the_past() {
        let cases = [
            (day("2026-12-07"), false),
            (day("2026-11-01"), false),
            (day("2026-12-08"), true),
            (day("2027-01-05"), true),
            (min("2026-12-08 00:01"), true),
        ];
        for (at, ok) in cases {
            let issue = now().planned(stamp(T::InspectionFieldDate, at));
            assert_eq!(issue.is_none(), ok, "{at}");
            if let Some(i) = issue {
                assert_eq!(i.code, "time_past");
                assert!(i.render(Lang::En).contains("2026-12-08"));
            }
        }
    }

    #[test]
    fn order_names_both_fields_and_values() {
        let cases = [
            (min("2026-12-01 10:00"), day("2026-12-08"), false),
            (min("2026-12-08 00:00"), day("2026-12-08"), true),
            (min("2026-12-08 09:10"), min("2026-12-08 15:30"), false),
            (min("2026-12-08 15:30"), min("2026-12-08 15:30"), true),
            (day("2026-12-08"), min("2026-12-08 15:30"), true),
            (day("2026-12-07"), min("2026-12-08 15:30"), false),
        ];
        for (later, earlier, ok) in cases {
            let issue = not_before(
                stamp(T::ManifestFieldArrivedAt, later),
                stamp(T::ManifestFieldTransferDate, earlier),
            );
            assert_eq!(issue.is_none(), ok, "{later} vs {earlier}");
        }
        let issue = not_before(
            stamp(T::ManifestFieldArrivedAt, min("2026-12-01 10:00")),
            stamp(T::ManifestFieldTransferDate, day("2026-12-08")),
        )
        .expect("issue");
        assert_eq!(
            issue.render(Lang::Zh),
            "运抵时间 2026-12-01 10:00 早于转移日期 2026-12-08"
        );
        assert_eq!(issue.code, "time_order");
    }

    #[test]
    fn a_chain_skips_absent_stamps_and_reports_each_break() {
        let chain = [
            Some(stamp(T::ManifestFieldTransferDate, day("2026-12-08"))),
            None,
            Some(stamp(T::ManifestFieldArrivedAt, min("2026-12-08 15:30"))),
            Some(stamp(T::ManifestFieldReceivedAt, min("2026-12-08 09:10"))),
        ];
        let issues = in_order(&chain);
        assert_eq!(issues.len(), 1);
        assert!(issues[0].render(Lang::En).contains("15:30"));
        let ok = [
            Some(stamp(T::ManifestFieldTransferDate, day("2026-12-08"))),
            Some(stamp(T::ManifestFieldArrivedAt, min("2026-12-09 08:00"))),
        ];
        assert!(in_order(&ok).is_empty());
    }
}
