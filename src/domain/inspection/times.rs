//! The time rules of an inspection's follow-up: an order is served after the inspection started and
//! not in the future, its re-check and the enterprise's report not before it was served; a case's
//! discovery and 立案 dates are not in the future (立案 not before discovery is in `rules`); a draw's
//! inspection date is planned, so not in the past.

use crate::domain::time::Day;
use crate::domain::time_rules::{Now, Stamp, not_before};
use crate::domain::validate::FieldIssue;
use crate::i18n::T;

/// A 责令改正 order served on `served` after an inspection started on `started`.
pub fn order(now: &Now, started: Option<Day>, served: Day) -> Vec<FieldIssue> {
    let s = Stamp::new("served_on", T::InspectionFieldServedOn, served);
    let mut issues: Vec<FieldIssue> = now.happened(s).into_iter().collect();
    if let Some(start) = started {
        issues.extend(not_before(
            s,
            Stamp::new("started", T::InspectionFieldDate, start),
        ));
    }
    issues
}

/// A re-check result or a report recorded today on an order served on `served`.
pub fn after_served(now: &Now, label: T, served: Day) -> Option<FieldIssue> {
    not_before(
        Stamp::new("today", label, now.today()),
        Stamp::new("served_on", T::InspectionFieldServedOn, served),
    )
}

/// A 立案 transfer: the act discovered and the case approved, neither in the future.
pub fn case(now: &Now, discovered: Day, approved: Day) -> Vec<FieldIssue> {
    now.all_happened(&[
        Stamp::new("discovered_on", T::InspectionFieldDiscovered, discovered),
        Stamp::new("approved_on", T::InspectionFieldApproved, approved),
    ])
}

/// A draw's inspection date is planned: not before today.
pub fn draw(now: &Now, planned: Day) -> Option<FieldIssue> {
    now.planned(Stamp::new("planned_on", T::InspectionFieldDate, planned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::Instant;
    use crate::i18n::Lang;

    fn d(s: &str) -> Day {
        Day::parse(s).expect("day")
    }
    fn now() -> Now {
        Now::new(Instant::parse("2026-12-08T02:00:00Z").expect("i"), 10)
    }
    fn zh(v: &[FieldIssue]) -> Vec<String> {
        v.iter().map(|i| i.render(Lang::Zh)).collect()
    }

    #[test]
    fn order_table() {
        let cases = [
            (Some("2026-12-01"), "2026-12-02", None),
            (None, "2026-12-08", None),
            (None, "2027-06-01", Some("送达日期 2027-06-01 晚于当前时间")),
            (
                Some("2026-12-05"),
                "2026-12-04",
                Some("送达日期 2026-12-04 早于检查日期 2026-12-05"),
            ),
        ];
        for (start, served, want) in cases {
            let issues = order(&now(), start.map(d), d(served));
            match want {
                None => assert!(issues.is_empty(), "{served}: {:?}", zh(&issues)),
                Some(w) => assert!(
                    zh(&issues).iter().any(|m| m.starts_with(w)),
                    "{:?}",
                    zh(&issues)
                ),
            }
        }
    }

    #[test]
    fn recheck_case_and_draw_tables() {
        assert!(after_served(&now(), T::InspectionFieldDate, d("2026-12-08")).is_none());
        let i = after_served(&now(), T::InspectionFieldDate, d("2027-06-01")).expect("issue");
        assert_eq!(
            i.render(Lang::Zh),
            "检查日期 2026-12-08 早于送达日期 2027-06-01"
        );
        for (discovered, approved, n) in [
            ("2026-11-01", "2026-12-08", 0),
            ("2026-11-01", "2027-01-05", 1),
            ("2026-12-20", "2027-01-05", 2),
        ] {
            assert_eq!(
                case(&now(), d(discovered), d(approved)).len(),
                n,
                "{approved}"
            );
        }
        for (planned, ok) in [
            ("2026-11-01", false),
            ("2026-12-08", true),
            ("2027-01-04", true),
        ] {
            assert_eq!(draw(&now(), d(planned)).is_none(), ok, "{planned}");
        }
    }
}
