//! The time rules of one manifest: transfer date ≤ departure ≤ each hand-over in leg order ≤ arrival ≤
//! receipt; a paper manifest's completion date ≥ its transfer date; and none of the events in the future.

use crate::domain::time::{Day, Minute};
use crate::domain::time_rules::{Now, Stamp, in_order, not_before};
use crate::domain::validate::FieldIssue;
use crate::i18n::T;

/// The times of one manifest, as stored (or about to be).
#[derive(Clone, Debug, Default)]
pub struct Times {
    pub transfer: Option<Day>,
    pub departed: Option<Minute>,
    pub handovers: Vec<Minute>,
    pub arrived: Option<Minute>,
    pub received: Option<Minute>,
    pub paper_completed: Option<Day>,
}

/// Every broken rule of `t`; with `now`, also every event in the future. The transfer date is planned,
/// so it is never "in the future".
pub fn check(t: &Times, now: Option<&Now>) -> Vec<FieldIssue> {
    let transfer = t
        .transfer
        .map(|d| Stamp::new("transfer_date", T::ManifestFieldTransferDate, d));
    let mut chain = vec![
        transfer,
        t.departed
            .map(|m| Stamp::new("departed_at", T::ManifestFieldDepartedAt, m)),
    ];
    chain.extend(
        t.handovers
            .iter()
            .map(|m| Some(Stamp::new("handover_at", T::ManifestFieldHandoverAt, *m))),
    );
    chain.push(
        t.arrived
            .map(|m| Stamp::new("arrived_at", T::ManifestFieldArrivedAt, m)),
    );
    chain.push(
        t.received
            .map(|m| Stamp::new("received_at", T::ManifestFieldReceivedAt, m)),
    );
    let mut issues = in_order(&chain);
    let paper = t
        .paper_completed
        .map(|d| Stamp::new("paper_completed_on", T::ManifestFieldPaperCompleted, d));
    if let (Some(p), Some(tr)) = (paper, transfer) {
        issues.extend(not_before(p, tr));
    }
    if let Some(now) = now {
        let happened = chain.iter().skip(1).chain([&paper]).flatten();
        issues.extend(happened.filter_map(|s| now.happened(*s)));
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::Instant;
    use crate::i18n::Lang;

    fn m(s: &str) -> Option<Minute> {
        Some(Minute::parse(s).expect("minute"))
    }
    fn d(s: &str) -> Option<Day> {
        Some(Day::parse(s).expect("day"))
    }
    fn now() -> Now {
        Now::new(Instant::parse("2026-12-08T17:21:00Z").expect("i"), 10)
    }
    fn good() -> Times {
        Times {
            transfer: d("2026-12-08"),
            departed: m("2026-12-08 08:00"),
            handovers: vec![Minute::parse("2026-12-08 12:00").expect("m")],
            arrived: m("2026-12-08 15:30"),
            received: m("2026-12-08 16:00"),
            paper_completed: None,
        }
    }

    #[test]
    fn each_rule_in_a_table() {
        type Edit = fn(&mut Times);
        let cases: [(&str, Edit, Option<&str>); 7] = [
            ("good", |_| {}, None),
            (
                "arrival before transfer",
                |t| t.arrived = m("2026-12-01 10:00"),
                Some("运抵时间 2026-12-01 10:00 早于交接时间 2026-12-08 12:00"),
            ),
            (
                "receipt before arrival",
                |t| t.received = m("2026-12-08 09:10"),
                Some("接收时间 2026-12-08 09:10 早于运抵时间 2026-12-08 15:30"),
            ),
            (
                "hand-over before departure",
                |t| t.handovers = vec![Minute::parse("2026-12-08 07:00").expect("m")],
                Some("交接时间 2026-12-08 07:00 早于起运时间 2026-12-08 08:00"),
            ),
            (
                "departure before transfer date",
                |t| t.departed = m("2026-12-07 23:00"),
                Some("起运时间 2026-12-07 23:00 早于转移日期 2026-12-08"),
            ),
            (
                "paper completion before transfer",
                |t| t.paper_completed = d("2026-12-07"),
                Some("纸质联单完成日期 2026-12-07 早于转移日期 2026-12-08"),
            ),
            (
                "departure in the future",
                |t| {
                    t.departed = m("2026-12-20 08:00");
                    t.handovers.clear();
                    t.arrived = None;
                    t.received = None;
                },
                Some("起运时间 2026-12-20 08:00 晚于当前时间 2026-12-09 01:21"),
            ),
        ];
        for (name, edit, want) in cases {
            let mut t = good();
            edit(&mut t);
            let issues = check(&t, Some(&now()));
            match want {
                None => assert!(issues.is_empty(), "{name}: {issues:?}"),
                Some(w) => {
                    assert!(
                        issues.iter().any(|i| i.render(Lang::Zh).starts_with(w)),
                        "{name}: {:?}",
                        issues
                            .iter()
                            .map(|i| i.render(Lang::Zh))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
    }
}
