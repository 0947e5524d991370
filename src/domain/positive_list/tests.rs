use super::*;
use crate::domain::calendar::DayKind;
use crate::domain::enterprise::{Credit, PerfGrade};

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
        penalties: Some(Vec::new()),
        incidents: Some(Vec::new()),
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
                penalties: Some(vec![("聊环罚立〔2026〕27号".into(), "2026-09-16".into())]),
                ..base.clone()
            },
            NoPenalty,
            Fail,
        ),
        (
            Facts {
                incidents: Some(vec![
                    ("12369-0001".into(), "2026-01-02".into()),
                    ("12369-0002".into(), "2026-03-04".into()),
                ]),
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

#[test]
fn penalty_evidence_names_the_case_and_an_unknown_names_its_source() {
    use crate::i18n::Lang;
    let f = Facts {
        penalties: Some(vec![("聊环罚立〔2026〕27号".into(), "2026-09-16".into())]),
        monitoring_connected: None,
        ..good_facts()
    };
    let r = evaluate(&f, d("2026-11-29"), &ListPolicy::default());
    assert_eq!(r[0].verdict, Verdict::Fail);
    assert_eq!(
        r[0].evidence.render(Lang::Zh),
        "近 2 年立案处罚 1 起：聊环罚立〔2026〕27号（2026-09-16）"
    );
    assert_eq!(r[1].verdict, Verdict::Pass);
    let monitoring = &r[3];
    assert_eq!(monitoring.verdict, Verdict::Unknown);
    assert!(
        monitoring.evidence.render(Lang::Zh).contains("自动监控"),
        "{}",
        monitoring.evidence.render(Lang::Zh)
    );
}
