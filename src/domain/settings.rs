//! Policy numbers. Every rule reads them from the settings table; these are the defaults a new database
//! starts with, and what applies when a stored value is missing or unreadable.

use crate::i18n::T;
use std::collections::HashMap;

/// (key, default, description) for every policy setting; the admin screen and docs list them from here.
pub const DEFAULTS: &[(&str, i64, T)] = &[
    ("login.max_failures", 5, T::SettingLoginMaxFailures),
    ("login.max_delay_seconds", 60, T::SettingLoginMaxDelay),
    ("session.idle_lock_minutes", 15, T::SettingIdleLockMinutes),
    ("password.min_length", 12, T::SettingPasswordMinLength),
    ("time.skew_minutes", 10, T::SettingTimeSkewMinutes),
    ("plist.notice_days", 5, T::SettingPlNoticeDays),
    ("plist.review_months", 12, T::SettingPlReviewMonths),
    ("plist.cooldown_months", 12, T::SettingPlCooldownMonths),
    ("plist.lookback_years", 2, T::SettingPlLookbackYears),
    ("assist.response_days", 2, T::SettingAssistResponseDays),
    (
        "assist.complete_days.normal",
        10,
        T::SettingAssistCompleteNormal,
    ),
    (
        "assist.complete_days.urgent",
        5,
        T::SettingAssistCompleteUrgent,
    ),
    (
        "assist.complete_days.critical",
        2,
        T::SettingAssistCompleteCritical,
    ),
    ("assist.rating_days", 10, T::SettingAssistRatingDays),
    // 危险废物转移联单 (manifests)
    ("manifest.receipt_days", 5, T::SettingMfReceiptDays),
    ("manifest.backfill_days", 10, T::SettingMfBackfillDays),
    ("manifest.transit_days", 3, T::SettingMfTransitDays),
    ("manifest.tolerance_pct", 10, T::SettingMfTolerancePct),
    (
        "manifest.stock_extend_max_months",
        12,
        T::SettingMfExtendMaxMonths,
    ),
    (
        "manifest.container_max_kg",
        40_000,
        T::SettingMfContainerMaxKg,
    ),
    // inspections
    ("inspect.routine_cap", 3, T::SettingInspectCap),
    ("inspect.routine_cap_blue", 1, T::SettingInspectCapBlue),
    (
        "inspect.listed_draw_offsite",
        1,
        T::SettingInspectListedOffsite,
    ),
];

/// The policy in force, read once per session and passed to the rules that need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    values: HashMap<String, i64>,
}

impl Policy {
    /// Builds the policy from stored `key -> value` text; unknown keys are kept, bad numbers ignored.
    pub fn from_stored(stored: impl IntoIterator<Item = (String, String)>) -> Policy {
        let mut values: HashMap<String, i64> = DEFAULTS
            .iter()
            .map(|(k, v, _)| (k.to_string(), *v))
            .collect();
        for (k, v) in stored {
            if let Ok(n) = v.trim().parse::<i64>() {
                values.insert(k, n);
            }
        }
        Policy { values }
    }

    pub fn get(&self, key: &str) -> i64 {
        self.values.get(key).copied().unwrap_or(0)
    }

    pub fn login_max_failures(&self) -> i64 {
        self.get("login.max_failures").max(1)
    }

    /// How far past now a "happened" time may be, for clocks that are a little fast.
    pub fn time_skew_minutes(&self) -> i64 {
        self.get("time.skew_minutes").clamp(0, 24 * 60)
    }

    /// The longest a name's next login attempt is held off after repeated failures.
    pub fn login_max_delay_seconds(&self) -> i64 {
        self.get("login.max_delay_seconds").max(1)
    }

    pub fn idle_lock_minutes(&self) -> i64 {
        self.get("session.idle_lock_minutes").max(1)
    }

    pub fn password_min_length(&self) -> usize {
        usize::try_from(self.get("password.min_length"))
            .unwrap_or(12)
            .max(1)
    }
}

impl Policy {
    /// The positive-list numbers (notice, review, cool-down, look-back).
    pub fn positive_list(&self) -> crate::domain::positive_list::ListPolicy {
        let n = |k: &str, min: i64| u32::try_from(self.get(k).max(min)).unwrap_or(1);
        crate::domain::positive_list::ListPolicy {
            notice_working_days: n("plist.notice_days", 1),
            review_months: n("plist.review_months", 1),
            cooldown_months: n("plist.cooldown_months", 0),
            lookback_years: n("plist.lookback_years", 1),
        }
    }
}

// inspections
impl Policy {
    /// The annual cap on routine checks for an enterprise with this credit code (蓝 has its own).
    pub fn routine_cap(&self, credit: &str) -> i64 {
        if credit == "blue" {
            self.get("inspect.routine_cap_blue").max(0)
        } else {
            self.get("inspect.routine_cap").max(0)
        }
    }

    /// Whether a listed enterprise drawn at random becomes an off-site check (else it is excluded).
    pub fn listed_draw_offsite(&self) -> bool {
        self.get("inspect.listed_draw_offsite") != 0
    }
}

impl Default for Policy {
    fn default() -> Policy {
        Policy::from_stored([])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_override_defaults_and_bad_values_are_ignored() {
        let p = Policy::from_stored([
            ("login.max_failures".to_string(), "3".to_string()),
            ("login.max_delay_seconds".to_string(), "abc".to_string()),
        ]);
        assert_eq!(p.login_max_failures(), 3);
        assert_eq!(p.login_max_delay_seconds(), 60);
        assert_eq!(p.password_min_length(), 12);
        assert_eq!(Policy::default().idle_lock_minutes(), 15);
    }
}
