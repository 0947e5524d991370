//! Demo 帮扶 at city and province scale: a year of requests (one and a half per enterprise, so about
//! 30k at city scale) written in one transaction straight through the store, each as it stands at the
//! end of its life: its history, service record, evaluation, alert dates and one audit entry. Most are
//! closed; those filed in the last weeks are still open, some of them late.

use crate::demo::assistance::HISTORY;
use crate::demo::build::Build;
use crate::demo::data::Rng;
use crate::domain::account::Actor;
use crate::domain::assistance::{
    AssistanceState, Channel, CloseKind, Event, Outcome, Rating, ServiceMode, Urgency,
};
use crate::domain::time::{Instant, stamp};
use crate::service::Result;
use crate::service::assistance::queue::dates_of;
use crate::store::assistance::bulk as bulk_store;
use crate::store::assistance::{self as store, NewEvaluation, Request, ServiceRecord};
use crate::store::audit::bulk::{BulkChain, OwnedChange};
use crate::store::history;
use crate::store::{account as user, bulk, db};
use chrono::{DateTime, Datelike, Duration, Utc};
use std::collections::HashMap;

/// An account taking part in the requests: its id, uid and display name.
struct Person {
    id: i64,
    uid: String,
    name: String,
}

/// How a request ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    RatedBySelf,
    RatedByPhone,
    Unrated,
    Refused,
    Withdrawn,
}

const ENDINGS: &[(Ending, u32)] = &[
    (Ending::RatedBySelf, 30),
    (Ending::RatedByPhone, 50),
    (Ending::Unrated, 8),
    (Ending::Refused, 7),
    (Ending::Withdrawn, 5),
];

const RATINGS: &[(Rating, u32)] = &[
    (Rating::VerySatisfied, 40),
    (Rating::Satisfied, 50),
    (Rating::Fair, 10),
];

const URGENCIES: &[(Urgency, u32)] = &[
    (Urgency::Normal, 80),
    (Urgency::Urgent, 17),
    (Urgency::Critical, 3),
];

/// One step of a request's history: the event, the state it left, when, by whom, and its note.
type Step<'p> = (
    Event,
    AssistanceState,
    DateTime<Utc>,
    &'p Person,
    &'static str,
);

/// The steps a request has taken so far; a step after `now` is not taken.
struct Timeline<'p> {
    now: DateTime<Utc>,
    steps: Vec<Step<'p>>,
}

impl<'p> Timeline<'p> {
    /// Takes `event` at `at` if that is not in the future; the caller then applies its effect.
    fn take(
        &mut self,
        r: &mut Request,
        event: Event,
        at: DateTime<Utc>,
        by: &'p Person,
        note: &'static str,
    ) -> bool {
        if at > self.now {
            return false;
        }
        self.steps.push((event, r.state, at, by, note));
        r.row_version += 1;
        true
    }
}

/// Writes `count` requests filed over the past year for the operating enterprises not in `skip`.
pub(in crate::demo) fn bulk_requests(
    b: &mut Build,
    count: u64,
    seed: u64,
    skip: &[i64],
) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    let s = b.system();
    let base = s.now();
    let budgets = s.assistance().budgets();
    let cal = s.calendar()?;
    let conn = &s.conn;
    let enterprises: Vec<(i64, String, String)> = bulk_store::operating_enterprises(conn)?
        .into_iter()
        .filter(|(id, _, _)| !skip.contains(id))
        .collect();
    let person = |name: &str| -> Result<Option<Person>> {
        Ok(user::find_by_username(conn, name)?.map(|u| Person {
            id: u.id,
            uid: u.uid,
            name: u.display_name,
        }))
    };
    let (Some(staff), Some(branch), Some(first), Some(second)) = (
        person("staff")?,
        person("branch")?,
        person("inspector")?,
        person("inspector2")?,
    ) else {
        return Ok(());
    };
    if enterprises.is_empty() {
        return Ok(());
    }
    let system = Actor::system();
    let mut rng = Rng::new(seed ^ 0x00A5_5157);
    let tx = db::begin_immediate(conn)?;
    let deferred = bulk::defer_indexes(
        &tx,
        &[
            "assist_request",
            "assist_history",
            "assist_record",
            "assist_evaluation",
        ],
    )?;
    let mut chain = BulkChain::start(&tx)?;
    let mut serial: HashMap<(String, i32), i64> = HashMap::new();
    // Oldest first, so numbers follow the dates; minutes into the past, up to a year.
    let mut plan: Vec<i64> = (0..count)
        .map(|_| rng.below(365 * 24 * 60) as i64)
        .collect();
    plan.sort_unstable_by(|a, b| b.cmp(a));
    for minutes_ago in plan {
        let (enterprise_id, region, enterprise_name) = rng.pick(&enterprises).clone();
        let filed = base - Duration::minutes(minutes_ago);
        let year = filed.with_timezone(&crate::domain::time::shanghai()).year();
        let seq = match serial.get(&(region.clone(), year)) {
            Some(n) => *n,
            None => bulk_store::next_seq(&tx, &region, year)?,
        };
        serial.insert((region.clone(), year), seq + 1);
        let (service, channel, description) = *rng.pick(&HISTORY);
        let (triage, handler) = if region == "371525" {
            (&branch, &branch)
        } else {
            (&staff, if rng.chance(500) { &first } else { &second })
        };
        // The enterprise's own steps (self-service filing, rating, withdrawal): generated enterprises
        // have no accounts, so they are recorded under the system's uid with the enterprise's name.
        let enterprise_side = Person {
            id: 0,
            uid: system.uid.clone(),
            name: enterprise_name.clone(),
        };
        let ending = *rng.weighted(ENDINGS);
        let rating = *rng.weighted(RATINGS);
        let self_service = ending == Ending::RatedBySelf || rng.chance(200);
        // The timeline: accepted within two days, assigned within hours, served in 2 to 20 days (the
        // longest over the working-day budget), rated within a week.
        let accepted = filed + Duration::minutes(30 + rng.below(2 * 24 * 60) as i64);
        let assigned = accepted + Duration::minutes(10 + rng.below(6 * 60) as i64);
        let completed = assigned + Duration::hours(2 * 24 + rng.below(18 * 24) as i64);
        let rated = completed + Duration::hours(4 + rng.below(6 * 24) as i64);
        let auto_closed = completed + Duration::days(9);
        let mut r = Request {
            id: 0,
            uid: db::new_uid(),
            number: format!("BF-{region}-{year}-{seq:05}"),
            enterprise_id,
            enterprise_name,
            region_code: region,
            channel: if self_service {
                Channel::SelfService
            } else {
                channel
            },
            urgency: *rng.weighted(URGENCIES),
            wished_date: None,
            description: description.to_string(),
            state: AssistanceState::Submitted,
            handler_id: None,
            handler_name: None,
            outcome: None,
            closing_opinion: String::new(),
            close_kind: None,
            close_reason: String::new(),
            rating: None,
            reopen_count: 0,
            submitted_at: Some(Instant::new(filed)),
            accepted_at: None,
            assigned_at: None,
            clock_started_at: None,
            completed_at: None,
            closed_at: None,
            row_version: 1,
            created_at: Instant::new(filed),
            created_by: if self_service {
                enterprise_side.uid.clone()
            } else {
                triage.uid.clone()
            },
        };
        let filer = if self_service {
            &enterprise_side
        } else {
            triage
        };
        let mut t = Timeline {
            now: base,
            steps: vec![(Event::Submit, AssistanceState::Draft, filed, filer, "")],
        };
        let mut served = None;
        match ending {
            Ending::Refused | Ending::Withdrawn => {
                let (event, kind, reason, by) = if ending == Ending::Refused {
                    (
                        Event::Refuse,
                        CloseKind::Refused,
                        "不属于生态环境部门帮扶事项",
                        triage,
                    )
                } else {
                    (
                        Event::Withdraw,
                        CloseKind::Withdrawn,
                        "问题已自行解决",
                        &enterprise_side,
                    )
                };
                if t.take(&mut r, event, accepted, by, reason) {
                    r.state = AssistanceState::Closed;
                    r.close_kind = Some(kind);
                    r.close_reason = reason.to_string();
                    r.closed_at = Some(Instant::new(accepted));
                }
            }
            _ => {
                if t.take(&mut r, Event::Accept, accepted, triage, "") {
                    r.state = AssistanceState::Accepted;
                    r.accepted_at = Some(Instant::new(accepted));
                    r.clock_started_at = r.accepted_at;
                    if t.take(&mut r, Event::Assign, assigned, triage, "") {
                        r.state = AssistanceState::InProgress;
                        r.handler_id = Some(handler.id);
                        r.handler_name = Some(handler.name.clone());
                        r.assigned_at = Some(Instant::new(assigned));
                        let opinion = "已指导企业完成相关工作";
                        if t.take(&mut r, Event::Complete, completed, handler, opinion) {
                            r.state = AssistanceState::AwaitingRating;
                            r.outcome = Some(Outcome::Solved);
                            r.closing_opinion = opinion.to_string();
                            r.completed_at = Some(Instant::new(completed));
                            served = Some(completed);
                            let (event, at, by) = match ending {
                                Ending::RatedBySelf => (Event::Rate, rated, &enterprise_side),
                                Ending::RatedByPhone => (Event::PhoneRate, rated, triage),
                                _ => (Event::AutoClose, auto_closed, &enterprise_side),
                            };
                            if t.take(&mut r, event, at, by, "") {
                                let kind = if event == Event::AutoClose {
                                    r.rating = Some(Rating::Unrated);
                                    CloseKind::Unrated
                                } else {
                                    r.rating = Some(rating);
                                    CloseKind::Rated
                                };
                                r.state = AssistanceState::Closed;
                                r.close_kind = Some(kind);
                                r.closed_at = Some(Instant::new(at));
                            }
                        }
                    }
                }
            }
        }
        let steps = t.steps;
        let last = steps.last().map_or(filed, |(_, _, at, _, _)| *at);
        let alert = dates_of(&r, Vec::new(), &budgets, &cal);
        r.id = bulk_store::insert_settled(&tx, &r, &[service], alert, &stamp(last))?;
        // Each step's target state: the next step's starting state, and the final state for the last.
        let targets: Vec<AssistanceState> = steps
            .iter()
            .skip(1)
            .map(|(_, from, _, _, _)| *from)
            .chain(std::iter::once(r.state))
            .collect();
        for ((event, from, at, by, note), to) in steps.iter().zip(targets) {
            history::append_as(
                &tx,
                history::Table::Assistance,
                &history::NewRow {
                    id: r.id,
                    event: event.code(),
                    from: from.code(),
                    to: to.code(),
                    note,
                    at: &stamp(*at),
                    by_uid: &by.uid,
                    by_name: &by.name,
                },
                event.default_visibility(),
            )?;
        }
        let mut record_uid = None;
        if let Some(day) = served {
            let uid = db::new_uid();
            store::insert_record(
                &tx,
                r.id,
                &uid,
                &ServiceRecord {
                    service_date: day
                        .with_timezone(&crate::domain::time::shanghai())
                        .format("%Y-%m-%d")
                        .to_string(),
                    mode: ServiceMode::Phone,
                    participants: "企业环保负责人".to_string(),
                    content: format!("{description}：逐项说明办理要求"),
                    problems: String::new(),
                    advice: "按要求补齐材料后报送".to_string(),
                },
                &handler.uid,
                &stamp(day),
            )?;
            record_uid = Some((uid, stamp(day)));
        }
        if r.close_kind == Some(CloseKind::Rated) {
            let (channel, by) = if ending == Ending::RatedBySelf {
                ("self", &enterprise_side)
            } else {
                ("phone", triage)
            };
            store::insert_evaluation(
                &tx,
                &NewEvaluation {
                    request_id: r.id,
                    rating,
                    comment: "",
                    revisit: "",
                    channel,
                },
                &by.uid,
                &stamp(rated),
            )?;
        }
        chain.append(
            &tx,
            &system,
            &stamp(base),
            OwnedChange {
                action: "create",
                entity: "assist_request",
                record_uid: r.uid.clone(),
                before: None,
                after: Some(serde_json::to_value(&r).unwrap_or_default()),
            },
        )?;
        // The service record as `check` reads it.
        if let Some((uid, at)) = record_uid {
            chain.append(
                &tx,
                &system,
                &at,
                OwnedChange {
                    action: "create",
                    entity: "assist_record",
                    after: crate::store::check::rows::row_image(&tx, "assist_record", &uid)?,
                    record_uid: uid,
                    before: None,
                },
            )?;
        }
    }
    for ((region, year), next) in serial {
        bulk_store::set_next_seq(&tx, &region, year, next)?;
    }
    chain.finish(&tx)?;
    bulk::recreate_indexes(&tx, &deferred)?;
    tx.commit()?;
    // Stores the basis the alert dates were computed on, so the first queue read does not redo them.
    b.system().assistance().ensure_alert_dates()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{Scale, generate};
    use crate::service::{Session, system_clock};
    use crate::store::audit;

    /// The small demo (with its hand-made requests), then `count` bulk requests through [`bulk_requests`].
    /// Also returns the largest request id before the bulk.
    fn demo_with_bulk(count: u64) -> (tempfile::TempDir, Session, i64) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.db");
        let clock = system_clock();
        generate(&path, Scale::Small, &clock).expect("demo");
        let s =
            Session::new(db::open(&path).expect("open"), Actor::system(), clock).expect("session");
        let stories: i64 = s
            .conn
            .query_row("SELECT max(id) FROM assist_request", [], |r| r.get(0))
            .expect("max");
        let mut b = Build::new(s);
        bulk_requests(&mut b, count, 7, &[]).expect("bulk");
        (dir, b.into_session(), stories)
    }

    fn count(s: &Session, sql: &str) -> i64 {
        s.conn.query_row(sql, [], |r| r.get(0)).expect(sql)
    }

    #[test]
    fn bulk_requests_are_whole_numbered_after_the_stories_and_audited() {
        let (_dir, mut s, stories) = demo_with_bulk(400);
        let before = count(&s, "SELECT count(*) FROM assist_request") - 400;
        assert!(before > 40, "the small demo's own requests: {before}");
        let bulk = |sql: &str| count(&s, &sql.replace("$STORIES", &stories.to_string()));
        // Every request has a history that starts with its submission and ends in its state.
        assert_eq!(
            bulk(
                "SELECT count(*) FROM assist_request r WHERE r.id > $STORIES AND (SELECT to_state FROM assist_history h
                 WHERE h.request_id = r.id ORDER BY id DESC LIMIT 1) IS NOT r.state"
            ),
            0
        );
        assert_eq!(
            bulk(
                "SELECT count(*) FROM assist_request r WHERE r.id > $STORIES AND (SELECT event FROM assist_history h
                 WHERE h.request_id = r.id ORDER BY id LIMIT 1) IS NOT 'submit'"
            ),
            0
        );
        // Rated requests have their evaluation; served ones their record; open ones their alert dates.
        assert_eq!(
            bulk(
                "SELECT count(*) FROM assist_request r WHERE r.id > $STORIES AND close_kind = 'rated'
                 AND NOT EXISTS (SELECT 1 FROM assist_evaluation e WHERE e.request_id = r.id)"
            ),
            0
        );
        assert_eq!(
            bulk(
                "SELECT count(*) FROM assist_request r WHERE r.id > $STORIES AND completed_at IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM assist_record c WHERE c.request_id = r.id)"
            ),
            0
        );
        assert_eq!(
            bulk(
                "SELECT count(*) FROM assist_request WHERE id > $STORIES AND state IN ('submitted', 'accepted', 'in_progress')
                 AND sla_due_on IS NULL"
            ),
            0
        );
        let closed = count(
            &s,
            "SELECT count(*) FROM assist_request WHERE state = 'closed'",
        );
        let open = count(
            &s,
            "SELECT count(*) FROM assist_request WHERE state <> 'closed'",
        );
        assert!(closed > 300 && open > 0, "closed {closed}, open {open}");
        // Numbers are unique per region and year, and a request filed now takes the next one.
        assert_eq!(
            count(&s, "SELECT count(DISTINCT number) FROM assist_request"),
            count(&s, "SELECT count(*) FROM assist_request")
        );
        let report = audit::verify(&s.conn).expect("verify");
        assert_eq!(report.first_broken, None);
        assert!(
            count(
                &s,
                "SELECT count(*) FROM audit_log WHERE entity = 'assist_request' AND action = 'create'"
            ) >= 400 + before
        );
        let enterprise = count(
            &s,
            "SELECT enterprise_id FROM assist_request ORDER BY id DESC LIMIT 1",
        );
        let filer = user::find_by_username(&s.conn, "staff")
            .expect("find")
            .expect("staff")
            .actor();
        s.actor = filer;
        let r = s
            .assistance()
            .file(
                crate::domain::assistance::RequestDraft {
                    enterprise_id: Some(enterprise),
                    services: vec!["TECH".to_string()],
                    description: "批量数据之后新提交的帮扶申请".to_string(),
                    urgency: Urgency::Normal,
                    channel: Channel::Phone,
                    wished_date: String::new(),
                },
                true,
            )
            .expect("file after the bulk");
        let last_bulk: String = s
            .conn
            .query_row(
                "SELECT max(number) FROM assist_request WHERE region_code = ?1 AND id < ?2",
                rusqlite::params![r.region_code, r.id],
                |row| row.get(0),
            )
            .expect("max");
        assert!(r.number > last_bulk, "{} after {last_bulk}", r.number);
        // The alert dates' basis is stored: the queue does not recompute them.
        assert!(
            crate::store::assistance::queue::basis(&s.conn)
                .expect("basis")
                .is_some()
        );
    }
}
