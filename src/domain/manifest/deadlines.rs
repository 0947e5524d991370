//! Manifest deadlines on the working-day calendar (domain.md §3): receipt confirmed within 5 working
//! days of arrival (Art. 18), paper manifests entered within 10 working days (Art. 20), in transit
//! longer than the policy limit, approvals expiring within 30 days, receiver stock older than 11 months
//! (a warning) and older than one year without an approved extension (a breach of 固废法 第八十一条).
//! The receipt clock runs from arrival to the receiver's decision: in 待接收确认 and in 差异处理中.
//!
//! Each alert is also expressed as a cut-off date, so lists and counts filter in SQL: a record is
//! alerted exactly when its start date is on or before the cut-off (the deadlines grow with the start).

use crate::domain::calendar::Calendar;
use crate::domain::codes::code_enum;
use crate::domain::manifest::ManifestState;
use crate::domain::settings::Policy;
use chrono::{Days, Months, NaiveDate};

code_enum! {
    /// What needs someone's attention about a manifest.
    ManifestAlert {
        ReceiptOverdue => "receipt_overdue", ManifestAlertReceiptOverdue;
        BackfillOverdue => "backfill_overdue", ManifestAlertBackfillOverdue;
        TransitTooLong => "transit_long", ManifestAlertTransitLong;
        StockAging => "stock_aging", ManifestAlertStockAging;
        StockOverdue => "stock_overdue", ManifestAlertStockOverdue;
    }
}

/// The policy numbers of the manifest rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ManifestPolicy {
    pub receipt_days: u32,
    pub backfill_days: u32,
    pub transit_days: u64,
    pub tolerance_pct: i64,
    pub approval_warn_days: u64,
    pub stock_warn_months: u32,
    /// Storage allowed without an approved extension (固废法 第八十一条: one year).
    pub stock_limit_months: u32,
    /// The furthest one approved extension may reach beyond the current limit (a setting).
    pub extend_max_months: u32,
    /// The most one container (or one bulk line without containers) plausibly holds, in kg (a
    /// setting): a line above it asks for confirmation at submit.
    pub container_max_kg: i64,
}

impl ManifestPolicy {
    pub fn from_policy(p: &Policy) -> ManifestPolicy {
        let pos = |k: &str, d: i64| {
            let v = p.get(k);
            if v > 0 { v } else { d }
        };
        ManifestPolicy {
            receipt_days: u32::try_from(pos("manifest.receipt_days", 5)).unwrap_or(5),
            backfill_days: u32::try_from(pos("manifest.backfill_days", 10)).unwrap_or(10),
            transit_days: u64::try_from(pos("manifest.transit_days", 3)).unwrap_or(3),
            tolerance_pct: pos("manifest.tolerance_pct", 10),
            approval_warn_days: 30,
            stock_warn_months: 11,
            stock_limit_months: 12,
            extend_max_months: u32::try_from(pos("manifest.stock_extend_max_months", 12))
                .unwrap_or(12),
            container_max_kg: pos("manifest.container_max_kg", 40_000),
        }
    }
}

impl Default for ManifestPolicy {
    fn default() -> ManifestPolicy {
        ManifestPolicy::from_policy(&Policy::from_stored(Vec::new()))
    }
}

/// The latest start date whose deadline of `n` working days is already past on `today`.
pub fn working_day_cutoff(cal: &Calendar, today: NaiveDate, n: u32) -> NaiveDate {
    let mut day = today;
    // Walking back from today: the first start whose deadline lies before today is the cut-off.
    // 60 days is more than any n up to 20 working days across the longest holiday.
    for _ in 0..(u64::from(n) * 3 + 60) {
        day = day.checked_sub_days(Days::new(1)).unwrap_or(day);
        if cal.add_working_days(day, n).date < today {
            return day;
        }
    }
    day
}

/// Cut-off dates for one day, under one policy: the SQL filters of every alert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    /// Arrived on or before: receipt overdue.
    pub receipt: NaiveDate,
    /// Paper transfer completed on or before: back-fill overdue.
    pub backfill: NaiveDate,
    /// Departed on or before: in transit too long.
    pub transit: NaiveDate,
    /// Received on or before and not completed: stock aging.
    pub stock: NaiveDate,
    /// Received on or before: stored longer than one year (a breach unless extended).
    pub stock_breach: NaiveDate,
    /// Approvals ending on or before (and not before today): expiring soon.
    pub approval_until: NaiveDate,
    /// The day itself: an approved stock extension running to it or later silences stock aging.
    pub today: NaiveDate,
}

pub fn cutoffs(cal: &Calendar, p: &ManifestPolicy, today: NaiveDate) -> Cutoffs {
    Cutoffs {
        receipt: working_day_cutoff(cal, today, p.receipt_days),
        backfill: working_day_cutoff(cal, today, p.backfill_days),
        transit: today
            .checked_sub_days(Days::new(p.transit_days + 1))
            .unwrap_or(today),
        stock: today
            .checked_sub_months(Months::new(p.stock_warn_months))
            .unwrap_or(today),
        // Received on the day a year ago: today is its last allowed day; the day before is over.
        stock_breach: today
            .checked_sub_months(Months::new(p.stock_limit_months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(today),
        approval_until: today
            .checked_add_days(Days::new(p.approval_warn_days))
            .unwrap_or(today),
        today,
    }
}

/// The dates of a manifest that the deadlines start from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ManifestDates {
    pub departed: Option<NaiveDate>,
    pub arrived: Option<NaiveDate>,
    pub received: Option<NaiveDate>,
    pub paper_completed: Option<NaiveDate>,
    /// The latest approved extension of the receiver's storage, if any.
    pub stock_extended_to: Option<NaiveDate>,
}

/// The alerts of one manifest today (the same answer as the SQL filters built from [`cutoffs`]).
pub fn alerts(state: ManifestState, d: &ManifestDates, c: &Cutoffs) -> Vec<ManifestAlert> {
    let on_or_before = |day: Option<NaiveDate>, cut: NaiveDate| day.is_some_and(|x| x <= cut);
    let mut v = Vec::new();
    let before_decision = matches!(
        state,
        ManifestState::AwaitingReceipt | ManifestState::Discrepancy
    );
    if before_decision && on_or_before(d.arrived, c.receipt) {
        v.push(ManifestAlert::ReceiptOverdue);
    }
    if state == ManifestState::PendingBackfill && on_or_before(d.paper_completed, c.backfill) {
        v.push(ManifestAlert::BackfillOverdue);
    }
    if state == ManifestState::InTransit && on_or_before(d.departed, c.transit) {
        v.push(ManifestAlert::TransitTooLong);
    }
    let extended = d.stock_extended_to.is_some_and(|x| x >= c.today);
    if state == ManifestState::Received && !extended {
        if on_or_before(d.received, c.stock_breach) {
            v.push(ManifestAlert::StockOverdue);
        } else if on_or_before(d.received, c.stock) {
            v.push(ManifestAlert::StockAging);
        }
    }
    v
}

/// The last day stock received on `received` may be stored: a year later, or the latest approved
/// extension's day when that is later.
pub fn stock_limit(
    p: &ManifestPolicy,
    received: NaiveDate,
    extended: Option<NaiveDate>,
) -> NaiveDate {
    let base = received
        .checked_add_months(Months::new(p.stock_limit_months))
        .unwrap_or(received);
    extended.map_or(base, |e| e.max(base))
}

/// The latest day an extension may run to: the policy maximum beyond the current limit.
pub fn extension_max(p: &ManifestPolicy, limit: NaiveDate) -> NaiveDate {
    limit
        .checked_add_months(Months::new(p.extend_max_months))
        .unwrap_or(limit)
}

/// The date receipt must be confirmed by, for the detail screen.
pub fn receipt_due(
    cal: &Calendar,
    p: &ManifestPolicy,
    arrived: NaiveDate,
) -> crate::domain::calendar::Deadline {
    cal.add_working_days(arrived, p.receipt_days)
}

/// The date a paper manifest must be entered by.
pub fn backfill_due(
    cal: &Calendar,
    p: &ManifestPolicy,
    completed: NaiveDate,
) -> crate::domain::calendar::Deadline {
    cal.add_working_days(completed, p.backfill_days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::DayKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    /// The 2026 Spring Festival as published: 2-15..2-23 off, 2-14 (Sat) and 2-28 (Sat) worked.
    fn cal() -> Calendar {
        let mut ex: Vec<(NaiveDate, DayKind)> = (15..=23)
            .map(|day| (d(&format!("2026-02-{day:02}")), DayKind::Holiday))
            .collect();
        ex.push((d("2026-02-14"), DayKind::Workday));
        ex.push((d("2026-02-28"), DayKind::Workday));
        Calendar::new(ex, [2026])
    }

    #[test]
    fn receipt_deadline_crosses_the_spring_festival() {
        let p = ManifestPolicy::default();
        // Arrived Thu 2-12: Fri 2-13, Sat 2-14 (调休), then Tue..Fri after the holiday... 2-24, 2-25, 2-26.
        assert_eq!(
            receipt_due(&cal(), &p, d("2026-02-12")).date,
            d("2026-02-26")
        );
        // Arrived Fri 2-27: Sat 2-28 is worked, then 3-2..3-5.
        assert_eq!(
            receipt_due(&cal(), &p, d("2026-02-27")).date,
            d("2026-03-05")
        );
        assert_eq!(
            backfill_due(&cal(), &p, d("2026-02-12")).date,
            d("2026-03-04")
        );
    }

    #[test]
    fn cutoffs_agree_with_the_deadlines_every_day() {
        let p = ManifestPolicy::default();
        let c = cal();
        let mut today = d("2026-01-20");
        while today < d("2026-04-01") {
            let cut = cutoffs(&c, &p, today);
            let mut start = today - Days::new(40);
            while start <= today {
                let overdue = receipt_due(&c, &p, start).date < today;
                assert_eq!(
                    start <= cut.receipt,
                    overdue,
                    "today {today} arrived {start}"
                );
                let late = backfill_due(&c, &p, start).date < today;
                assert_eq!(start <= cut.backfill, late, "today {today} paper {start}");
                start = start + Days::new(1);
            }
            today = today + Days::new(1);
        }
    }

    #[test]
    fn alerts_by_state() {
        let c = cutoffs(&cal(), &ManifestPolicy::default(), d("2026-03-06"));
        let dates = ManifestDates {
            departed: Some(d("2026-03-02")),
            arrived: Some(d("2026-02-27")),
            received: Some(d("2025-04-06")),
            paper_completed: Some(d("2026-02-12")),
            stock_extended_to: None,
        };
        assert_eq!(
            alerts(ManifestState::AwaitingReceipt, &dates, &c),
            vec![ManifestAlert::ReceiptOverdue]
        );
        assert_eq!(
            alerts(ManifestState::InTransit, &dates, &c),
            vec![ManifestAlert::TransitTooLong]
        );
        assert_eq!(
            alerts(ManifestState::Received, &dates, &c),
            vec![ManifestAlert::StockAging]
        );
        // Art. 18's clock runs on in 差异处理中 until the decision.
        assert_eq!(
            alerts(ManifestState::Discrepancy, &dates, &c),
            vec![ManifestAlert::ReceiptOverdue]
        );
        assert_eq!(
            alerts(ManifestState::PendingBackfill, &dates, &c),
            vec![ManifestAlert::BackfillOverdue]
        );
        assert!(alerts(ManifestState::Completed, &dates, &c).is_empty());
        // An approved extension silences stock aging up to and including its day.
        let extended = |to: &str| ManifestDates {
            stock_extended_to: Some(d(to)),
            ..dates
        };
        assert!(alerts(ManifestState::Received, &extended("2026-03-06"), &c).is_empty());
        assert_eq!(
            alerts(ManifestState::Received, &extended("2026-03-05"), &c),
            vec![ManifestAlert::StockAging]
        );
        // Departed 3 days ago is still within the limit; more than 3 days is not.
        let c = cutoffs(&cal(), &ManifestPolicy::default(), d("2026-03-05"));
        assert!(alerts(ManifestState::InTransit, &dates, &c).is_empty());
        assert_eq!(c.approval_until, d("2026-04-04"));
        assert_eq!(c.stock, d("2025-04-05"));
        assert_eq!(c.stock_breach, d("2025-03-04"));
    }

    #[test]
    fn stock_over_a_year_is_a_breach_unless_extended() {
        let p = ManifestPolicy::default();
        let c = cutoffs(&cal(), &p, d("2026-12-20"));
        let received = |r: &str, ext: Option<&str>| ManifestDates {
            received: Some(d(r)),
            stock_extended_to: ext.map(d),
            ..ManifestDates::default()
        };
        // Manifest 2621 of the issue: received 2025-04-25, twenty months ago.
        assert_eq!(
            alerts(ManifestState::Received, &received("2025-04-25", None), &c),
            vec![ManifestAlert::StockOverdue]
        );
        // Exactly a year ago is the last allowed day: still the eleven-month warning.
        assert_eq!(
            alerts(ManifestState::Received, &received("2025-12-20", None), &c),
            vec![ManifestAlert::StockAging]
        );
        assert_eq!(
            alerts(ManifestState::Received, &received("2025-12-19", None), &c),
            vec![ManifestAlert::StockOverdue]
        );
        // An approved extension covering today silences it; one that ran out does not.
        assert!(
            alerts(
                ManifestState::Received,
                &received("2025-04-25", Some("2026-12-31")),
                &c
            )
            .is_empty()
        );
        assert_eq!(
            alerts(
                ManifestState::Received,
                &received("2025-04-25", Some("2026-06-30")),
                &c
            ),
            vec![ManifestAlert::StockOverdue]
        );
        assert_eq!(stock_limit(&p, d("2025-04-25"), None), d("2026-04-25"));
        assert_eq!(
            stock_limit(&p, d("2025-04-25"), Some(d("2026-10-01"))),
            d("2026-10-01")
        );
        assert_eq!(extension_max(&p, d("2026-04-25")), d("2027-04-25"));
    }
}
