//! Working-day arithmetic over the calendar. The calendar is data: weekends rest unless listed as
//! `workday` (调休上班); listed `holiday` dates rest. The start day is not counted; a deadline on a rest
//! day moves to the next working day; a year the calendar does not cover is a visible warning.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayKind {
    Holiday,
    Workday,
}

impl DayKind {
    pub fn code(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::Workday => "workday",
        }
    }

    pub fn parse(s: &str) -> Option<DayKind> {
        match s.trim() {
            "holiday" => Some(DayKind::Holiday),
            "workday" => Some(DayKind::Workday),
            _ => None,
        }
    }
}

/// A computed date, with the years the computation crossed that the calendar does not cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub date: NaiveDate,
    /// Non-empty means the date was estimated from weekends only for these years: show a warning.
    pub uncovered_years: Vec<i32>,
}

impl Deadline {
    pub fn is_certain(&self) -> bool {
        self.uncovered_years.is_empty()
    }

    /// "2027 年工作日历未导入，期限按周一至周五估算" when the date was estimated, shown beside it.
    pub fn warning(&self) -> Option<crate::i18n::Text> {
        (!self.is_certain()).then(|| {
            let years: Vec<String> = self.uncovered_years.iter().map(i32::to_string).collect();
            crate::i18n::Text::new(crate::i18n::T::CalendarUncovered).arg("years", years.join("、"))
        })
    }

    /// The date as a list shows it: marked when it was estimated.
    pub fn short(&self, lang: crate::i18n::Lang) -> String {
        if self.is_certain() {
            self.date.format("%Y-%m-%d").to_string()
        } else {
            format!(
                "{}{}",
                self.date.format("%Y-%m-%d"),
                crate::i18n::T::CalendarEstimatedMark.get(lang)
            )
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    exceptions: BTreeMap<NaiveDate, DayKind>,
    years: BTreeSet<i32>,
}

impl Calendar {
    /// Builds a calendar from its exception days and the years it covers in full.
    pub fn new(
        exceptions: impl IntoIterator<Item = (NaiveDate, DayKind)>,
        years: impl IntoIterator<Item = i32>,
    ) -> Calendar {
        Calendar {
            exceptions: exceptions.into_iter().collect(),
            years: years.into_iter().collect(),
        }
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.years.contains(&day.year())
    }

    pub fn covered_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.exceptions.get(&day) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::Workday) => true,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    fn note(&self, day: NaiveDate, uncovered: &mut Vec<i32>) {
        if !self.covers(day) && !uncovered.contains(&day.year()) {
            uncovered.push(day.year());
        }
    }

    /// The date `n` working days after `start` (the start day is not counted). With `n == 0` the start
    /// day itself, moved to the next working day if it is a rest day.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Deadline {
        let mut uncovered = Vec::new();
        let mut day = start;
        self.note(day, &mut uncovered);
        if n == 0 {
            return self.next_working_day_from(day, uncovered);
        }
        let mut left = n;
        while left > 0 {
            day = day.checked_add_days(Days::new(1)).unwrap_or(day);
            self.note(day, &mut uncovered);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        Deadline {
            date: day,
            uncovered_years: uncovered,
        }
    }

    /// A deadline counted in calendar days that falls on a rest day moves to the next working day.
    pub fn move_off_rest_day(&self, day: NaiveDate) -> Deadline {
        let mut uncovered = Vec::new();
        self.note(day, &mut uncovered);
        self.next_working_day_from(day, uncovered)
    }

    fn next_working_day_from(&self, mut day: NaiveDate, mut uncovered: Vec<i32>) -> Deadline {
        // A rest period longer than a month cannot happen; the bound only guards against bad data.
        for _ in 0..62 {
            if self.is_working_day(day) {
                break;
            }
            day = day.checked_add_days(Days::new(1)).unwrap_or(day);
            self.note(day, &mut uncovered);
        }
        Deadline {
            date: day,
            uncovered_years: uncovered,
        }
    }

    /// Working days in `(from, to]`: 0 when `to <= from`. Used for elapsed SLA time.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = day.checked_add_days(Days::new(1)).unwrap_or(to);
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// The 2026 National Day and Spring Festival arrangements from the shipped calendar.
    fn cal_2026() -> Calendar {
        let rows = [
            ("2026-02-14", DayKind::Workday),
            ("2026-02-15", DayKind::Holiday),
            ("2026-02-16", DayKind::Holiday),
            ("2026-02-17", DayKind::Holiday),
            ("2026-02-18", DayKind::Holiday),
            ("2026-02-19", DayKind::Holiday),
            ("2026-02-20", DayKind::Holiday),
            ("2026-02-21", DayKind::Holiday),
            ("2026-02-22", DayKind::Holiday),
            ("2026-02-23", DayKind::Holiday),
            ("2026-02-28", DayKind::Workday),
            ("2026-09-20", DayKind::Workday),
            ("2026-10-01", DayKind::Holiday),
            ("2026-10-02", DayKind::Holiday),
            ("2026-10-03", DayKind::Holiday),
            ("2026-10-04", DayKind::Holiday),
            ("2026-10-05", DayKind::Holiday),
            ("2026-10-06", DayKind::Holiday),
            ("2026-10-07", DayKind::Holiday),
            ("2026-10-10", DayKind::Workday),
        ];
        Calendar::new(rows.iter().map(|(s, k)| (d(s), *k)), [2025, 2026])
    }

    #[test]
    fn plain_week_skips_the_weekend() {
        let cal = cal_2026();
        // Thursday 2026-11-26 + 2 working days: Friday, (Sat, Sun skipped), Monday.
        assert_eq!(
            cal.add_working_days(d("2026-11-26"), 2).date,
            d("2026-11-30")
        );
        assert!(cal.add_working_days(d("2026-11-26"), 2).is_certain());
    }

    #[test]
    fn national_day_holidays_and_make_up_saturday() {
        let cal = cal_2026();
        // From Wednesday 2026-09-30: Oct 1-7 rest, Oct 8 (Thu), Oct 9 (Fri), Oct 10 (Sat, 调休 workday).
        assert_eq!(
            cal.add_working_days(d("2026-09-30"), 1).date,
            d("2026-10-08")
        );
        assert_eq!(
            cal.add_working_days(d("2026-09-30"), 3).date,
            d("2026-10-10")
        );
        assert_eq!(
            cal.add_working_days(d("2026-09-30"), 4).date,
            d("2026-10-12")
        );
        assert!(cal.is_working_day(d("2026-10-10")));
        assert!(!cal.is_working_day(d("2026-10-05")));
    }

    #[test]
    fn deadline_on_a_rest_day_moves_to_next_working_day() {
        let cal = cal_2026();
        assert_eq!(cal.move_off_rest_day(d("2026-10-03")).date, d("2026-10-08"));
        assert_eq!(cal.move_off_rest_day(d("2026-10-10")).date, d("2026-10-10"));
        assert_eq!(
            cal.add_working_days(d("2026-02-15"), 0).date,
            d("2026-02-24")
        );
    }

    #[test]
    fn the_start_day_is_not_counted() {
        let cal = cal_2026();
        // Starting on a working Monday, 1 working day is Tuesday.
        assert_eq!(
            cal.add_working_days(d("2026-11-23"), 1).date,
            d("2026-11-24")
        );
        // Starting on a Saturday, 1 working day is Monday.
        assert_eq!(
            cal.add_working_days(d("2026-11-28"), 1).date,
            d("2026-11-30")
        );
    }

    #[test]
    fn uncovered_years_are_reported_not_guessed_silently() {
        let cal = cal_2026();
        let dl = cal.add_working_days(d("2026-12-29"), 5);
        assert_eq!(dl.date, d("2027-01-05"));
        assert_eq!(dl.uncovered_years, vec![2027]);
        assert!(!dl.is_certain());
    }

    #[test]
    fn working_days_between_counts_the_end_not_the_start() {
        let cal = cal_2026();
        assert_eq!(
            cal.working_days_between(d("2026-09-30"), d("2026-10-10")),
            3
        );
        assert_eq!(
            cal.working_days_between(d("2026-11-23"), d("2026-11-23")),
            0
        );
        assert_eq!(
            cal.working_days_between(d("2026-11-27"), d("2026-11-23")),
            0
        );
    }
}
