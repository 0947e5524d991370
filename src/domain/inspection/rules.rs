//! The legal rules of an inspection (spec/domain.md §4), each refusal citing its basis: two officers
//! (《行政处罚法》第四十二条) with distinct valid certificates to show (第五十五条), recusal (第四十三条), the annual cap on routine
//! checks (国办发〔2024〕54号), the rectification deadline, the limitation period from the act to its
//! discovery (《行政处罚法》第三十六条) and the lock on a signed record. Pure: dates and the calendar are arguments.

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

/// Recusal (《行政处罚法》第四十三条): an officer with a recorded relation to the enterprise may not be on
/// the inspection unless a supervisor decided they may (recorded with who, when and why). `conflicted`
/// holds each related officer's name and whether such a decision exists.
pub fn check_recusal(conflicted: &[(String, bool)]) -> Result<(), Text> {
    match conflicted.iter().find(|(_, decided)| !decided) {
        Some((name, _)) => Err(Text::new(T::InspectionErrRecusal).arg("name", name)),
        None => Ok(()),
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

/// The act a case rests on (《行政处罚法》第三十六条): the day it was committed, or the day it ended for a
/// continuing or repeated act, and whether the five-year period applies (harm to life and health or
/// financial safety, with harmful consequences).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Act {
    pub on: NaiveDate,
    pub continuing: bool,
    pub five_year: bool,
}

impl Act {
    /// The limitation period in years: five for the harm-to-life/health/financial-safety case, else two.
    pub fn years(&self) -> u32 {
        if self.five_year { 5 } else { 2 }
    }

    /// The last day the act may be discovered and still be penalised.
    pub fn last_discovery_day(&self) -> Option<NaiveDate> {
        self.on.checked_add_months(Months::new(12 * self.years()))
    }
}

/// 立案 only when the act was discovered within two years of the act (a continuing act: of its end), five
/// years in the harm case; the period runs from the act to its discovery, not from discovery to 立案.
/// Without an act date the transfer is refused until it is filled in.
pub fn check_limitation(
    act: Option<&Act>,
    discovered: NaiveDate,
    approved: NaiveDate,
) -> Result<(), Text> {
    let Some(act) = act else {
        return Err(Text::new(T::InspectionErrActMissing));
    };
    if discovered < act.on {
        return Err(Text::new(T::InspectionErrDiscoveredBeforeAct)
            .arg("act", act.on.format("%Y-%m-%d"))
            .arg("discovered", discovered.format("%Y-%m-%d")));
    }
    if approved < discovered {
        return Err(Text::new(T::InspectionErrApprovedBeforeDiscovery));
    }
    match act.last_discovery_day() {
        Some(limit) if discovered <= limit => Ok(()),
        _ => Err(Text::new(if act.continuing {
            T::InspectionErrLimitationContinuing
        } else {
            T::InspectionErrLimitation
        })
        .arg("act", act.on.format("%Y-%m-%d"))
        .arg("discovered", discovered.format("%Y-%m-%d"))
        .arg("years", act.years())),
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
        assert_eq!(check_lock(false, None, ""), Ok(()));
        assert!(check_lock(true, None, "").is_err());
        assert!(check_lock(true, Some(3), " ").is_err());
        assert_eq!(check_lock(true, Some(3), "照片拍错"), Ok(()));
        assert!(check_cap(3, 3).is_err());
        assert_eq!(check_cap(0, 1), Ok(()));
        assert!(check_reference(false, "").is_err());
        assert_eq!(check_reference(true, ""), Ok(()));
        assert!(zh(check_recusal(&[("张三".into(), false)])).contains("第四十三条"));
        assert_eq!(check_recusal(&[("张三".into(), true)]), Ok(()));
        assert_eq!(check_recusal(&[]), Ok(()));
    }

    fn act(on: &str, continuing: bool, five_year: bool) -> Act {
        Act {
            on: d(on),
            continuing,
            five_year,
        }
    }

    #[test]
    fn limitation_runs_from_the_act_to_its_discovery() {
        // The cases: an act of 2023 discovered in 2026 is barred although filed 9 days after
        // discovery; discovered 2024-05-01 and filed 2026-05-02 is fine when the act was recent.
        let old = act("2023-03-01", false, false);
        let msg = zh(check_limitation(
            Some(&old),
            d("2026-06-01"),
            d("2026-06-10"),
        ));
        assert!(msg.contains("第三十六条") && msg.contains("2年"), "{msg}");
        assert!(
            msg.contains("2023-03-01") && msg.contains("2026-06-01"),
            "{msg}"
        );
        let recent = act("2024-03-01", false, false);
        assert_eq!(
            check_limitation(Some(&recent), d("2024-05-01"), d("2026-05-02")),
            Ok(())
        );
        // Exactly two years is still within; a day later is not.
        let a = act("2024-06-01", false, false);
        assert_eq!(
            check_limitation(Some(&a), d("2026-06-01"), d("2026-06-01")),
            Ok(())
        );
        assert!(check_limitation(Some(&a), d("2026-06-02"), d("2026-06-02")).is_err());
        // A continuing act counts from its end; the message says so.
        let c = act("2023-01-01", true, false);
        assert!(zh(check_limitation(Some(&c), d("2025-06-01"), d("2025-06-02"))).contains("终了"));
        // Five years in the harm case.
        let harm = act("2022-01-01", false, true);
        assert_eq!(
            check_limitation(Some(&harm), d("2026-06-01"), d("2026-06-05")),
            Ok(())
        );
        assert!(
            zh(check_limitation(
                Some(&harm),
                d("2027-01-02"),
                d("2027-01-02")
            ))
            .contains("5年")
        );
        // No act date: refused until filled in; an act after its discovery is a typing error.
        assert!(
            zh(check_limitation(None, d("2026-06-01"), d("2026-06-01"))).contains("违法行为日期")
        );
        assert!(check_limitation(Some(&recent), d("2024-01-01"), d("2024-01-02")).is_err());
        assert!(check_limitation(Some(&recent), d("2024-05-01"), d("2024-04-30")).is_err());
    }
}
