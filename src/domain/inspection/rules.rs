//! The legal rules of an inspection (spec/domain.md §4), each refusal citing its basis: two officers with
//! distinct valid certificates (《行政处罚法》第四十二条), recusal (第四十三条), the annual cap on routine
//! checks (国办发〔2024〕54号), the rectification deadline, the two-year limit for 立案 (《行政处罚法》第三十六条)
//! and the lock on a signed record. Pure: dates and the calendar are arguments.

use crate::domain::calendar::{Calendar, Deadline};
use crate::domain::time::Day;
use crate::i18n::{T, Text};
use chrono::{Months, NaiveDate};

/// A person proposed as an officer, with the certificate they would show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficerCandidate {
    pub user_id: i64,
    pub name: String,
    pub auxiliary: bool,
    pub active: bool,
    /// The certificate chosen (number, valid from, valid to); `None` when they hold none.
    pub certificate: Option<(String, Day, Day)>,
}

/// Whether the person may act as an officer on `on`: active, not auxiliary, certificate valid that day.
pub fn officer_problem(o: &OfficerCandidate, on: NaiveDate) -> Option<Text> {
    if o.auxiliary || !o.active {
        return Some(Text::new(T::InspectionErrAuxiliary).arg("name", &o.name));
    }
    let Some((number, from, to)) = &o.certificate else {
        return Some(Text::new(T::InspectionErrNoCertificate).arg("name", &o.name));
    };
    if from.date() <= on && on <= to.date() {
        None
    } else {
        Some(
            Text::new(T::InspectionErrCertificateExpired)
                .arg("name", &o.name)
                .arg("number", number)
                .arg("date", on.format("%Y-%m-%d")),
        )
    }
}

/// At least two distinct people, distinct certificate numbers, each eligible on `on`. The first problem
/// found is returned.
pub fn check_officers(officers: &[OfficerCandidate], on: NaiveDate) -> Result<(), Text> {
    for o in officers {
        if let Some(t) = officer_problem(o, on) {
            return Err(t);
        }
    }
    let mut people: Vec<i64> = officers.iter().map(|o| o.user_id).collect();
    people.sort_unstable();
    people.dedup();
    if people.len() != officers.len() {
        return Err(Text::new(T::InspectionErrSamePerson));
    }
    if people.len() < 2 {
        return Err(Text::new(T::InspectionErrTwoOfficers));
    }
    let mut numbers: Vec<String> = officers
        .iter()
        .filter_map(|o| o.certificate.as_ref().map(|c| c.0.trim().to_uppercase()))
        .collect();
    numbers.sort();
    let before = numbers.len();
    numbers.dedup();
    if numbers.len() != before {
        return Err(Text::new(T::InspectionErrSameCertificate));
    }
    Ok(())
}

/// Recusal: when an officer has a recorded relation to the enterprise, a reason must be recorded.
pub fn check_recusal(conflicted: &[String], reason: &str) -> Result<(), Text> {
    match conflicted.first() {
        Some(name) if reason.trim().is_empty() => {
            Err(Text::new(T::InspectionWarnRecusal).arg("name", name))
        }
        _ => Ok(()),
    }
}

/// The annual cap on routine checks: `done` routine checks this year against the cap for the credit.
pub fn check_cap(done: i64, cap: i64) -> Result<(), Text> {
    if done >= cap {
        Err(Text::new(T::InspectionErrCap)
            .arg("cap", cap)
            .arg("done", done))
    } else {
        Ok(())
    }
}

/// Case-driven, assigned and special checks are not capped, but must carry their reference.
pub fn check_reference(routine: bool, reference: &str) -> Result<(), Text> {
    if !routine && reference.trim().is_empty() {
        Err(Text::new(T::InspectionErrReference))
    } else {
        Ok(())
    }
}

/// The deadline of a rectification order must fall after the day it was served.
pub fn check_rectification(served: NaiveDate, deadline: NaiveDate) -> Result<(), Text> {
    if deadline <= served {
        Err(Text::new(T::InspectionErrDeadline)
            .arg("served", served.format("%Y-%m-%d"))
            .arg("deadline", deadline.format("%Y-%m-%d")))
    } else {
        Ok(())
    }
}

/// The re-check is scheduled at the deadline, moved to the next working day when that is a rest day.
pub fn recheck_date(calendar: &Calendar, deadline: NaiveDate) -> Deadline {
    calendar.move_off_rest_day(deadline)
}

/// 立案 only within two years of discovering the act (a continuing act: from its end).
pub fn check_limitation(discovered: NaiveDate, approved: NaiveDate) -> Result<(), Text> {
    if approved < discovered {
        return Err(Text::new(T::InspectionErrApprovedBeforeDiscovery));
    }
    match discovered.checked_add_months(Months::new(24)) {
        Some(limit) if approved <= limit => Ok(()),
        _ => Err(Text::new(T::InspectionErrLimitation).arg("date", discovered.format("%Y-%m-%d"))),
    }
}

/// Once the record is signed, findings and evidence are locked: only a correction that names the item
/// it corrects and gives a reason may be added.
pub fn check_lock(signed: bool, corrects: Option<i64>, reason: &str) -> Result<(), Text> {
    match (signed, corrects) {
        (false, None) => Ok(()),
        (false, Some(_)) | (true, Some(_)) if reason.trim().is_empty() => {
            Err(Text::new(T::InspectionErrCorrectionReason))
        }
        (_, Some(_)) => Ok(()),
        (true, None) => Err(Text::new(T::InspectionErrLocked)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn officer(id: i64, number: &str, to: &str) -> OfficerCandidate {
        OfficerCandidate {
            user_id: id,
            name: format!("执法员{id}"),
            auxiliary: false,
            active: true,
            certificate: Some((number.into(), Day::new(d("2024-01-01")), Day::new(d(to)))),
        }
    }

    fn zh(r: Result<(), Text>) -> String {
        r.err().map(|t| t.render(Lang::Zh)).unwrap_or_default()
    }

    #[test]
    fn officer_rules_cite_the_law() {
        let on = d("2026-06-01");
        let a = officer(1, "37150001", "2027-12-31");
        let b = officer(2, "37150002", "2027-12-31");
        assert_eq!(check_officers(&[a.clone(), b.clone()], on), Ok(()));
        assert!(zh(check_officers(std::slice::from_ref(&a), on)).contains("第四十二条"));
        let dup = officer(2, "37150001", "2027-12-31");
        assert!(zh(check_officers(&[a.clone(), dup], on)).contains("执法证号重复"));
        let expired = officer(2, "37150002", "2026-05-31");
        assert!(zh(check_officers(&[a.clone(), expired], on)).contains("2026-06-01"));
        let mut aux = b.clone();
        aux.auxiliary = true;
        assert!(zh(check_officers(&[a.clone(), aux], on)).contains("辅助人员"));
        assert!(zh(check_officers(&[a.clone(), a], on)).contains("同一人"));
    }

    #[test]
    fn deadlines_limits_and_locks() {
        assert!(check_rectification(d("2026-06-01"), d("2026-06-01")).is_err());
        assert_eq!(
            check_rectification(d("2026-06-01"), d("2026-06-02")),
            Ok(())
        );
        assert_eq!(check_limitation(d("2024-06-01"), d("2026-06-01")), Ok(()));
        assert!(zh(check_limitation(d("2024-06-01"), d("2026-06-02"))).contains("两年"));
        assert_eq!(check_lock(false, None, ""), Ok(()));
        assert!(check_lock(true, None, "").is_err());
        assert!(check_lock(true, Some(3), " ").is_err());
        assert_eq!(check_lock(true, Some(3), "照片拍错"), Ok(()));
        assert!(check_cap(3, 3).is_err());
        assert_eq!(check_cap(0, 1), Ok(()));
        assert!(check_reference(false, "").is_err());
        assert_eq!(check_reference(true, ""), Ok(()));
        assert!(check_recusal(&["张三".into()], "").is_err());
        assert_eq!(check_recusal(&["张三".into()], "已报批"), Ok(()));
    }
}
