//! Demo 执法检查: a year of inspections of every category and state written in bulk (2.5 per enterprise,
//! so about 50k at city scale), then stories through the service layer for the demo accounts (a pending
//! check, an order whose re-check is overdue, a case transferred) and two 双随机 draws by the supervisor.

use crate::demo::build::Build;
use crate::demo::data::Rng;
use crate::domain::account::Actor;
use crate::domain::inspection::draw::ALGORITHM;
use crate::domain::inspection::{
    Answer, Category, Conclusion, Event, EventInput, InspectionState, Mode, Severity, Signature,
};
use crate::domain::time::{Day, Instant, stamp};
use crate::service::inspection::draw::PlanDraft;
use crate::service::inspection::followup::{CaseInput, OrderInput};
use crate::service::inspection::guard::ActInput;
use crate::service::inspection::record::FindingInput;
use crate::service::inspection::{PlanInput, resolve_officers};
use crate::service::{Result, Session};
use crate::store::audit::bulk::{BulkChain, OwnedChange};
use crate::store::check::rows::row_image;
use crate::store::inspection::draw as draws;
use crate::store::inspection::followup::{self as followup, Case, NewRectification};
use crate::store::inspection::{self as store, Finding, Inspection, NewInspection};
use crate::store::{account as user, bulk, db, history};
use chrono::{Datelike, Duration, NaiveTime};
use std::collections::HashMap;

/// Category weights of the bulk year.
const CATEGORIES: &[(Category, u32)] = &[
    (Category::Random, 35),
    (Category::Planned, 25),
    (Category::Complaint, 15),
    (Category::Assigned, 8),
    (Category::Monitoring, 7),
    (Category::Special, 8),
    (Category::ListTrigger, 2),
];

/// States of checks older than a week, by weight.
const SETTLED: &[(InspectionState, u32)] = &[
    (InspectionState::Completed, 55),
    (InspectionState::Archived, 15),
    (InspectionState::Rectifying, 8),
    (InspectionState::CaseProposed, 4),
    (InspectionState::CaseTransferred, 6),
    (InspectionState::Cancelled, 5),
    (InspectionState::RecordPending, 2),
];

const FINDINGS: &[&str] = &[
    "危险废物贮存场所未设置识别标志",
    "废气收集系统存在破损，无组织排放",
    "自动监控设备未按规定校准",
    "排污许可执行报告未按时提交",
    "突发环境事件应急预案未备案",
    "一般工业固体废物台账记录不全",
];

/// Writes the whole demo inspection data: the bulk year, then the stories and draws.
pub(in crate::demo) fn inspections(
    b: &mut Build,
    count: u64,
    seed: u64,
    fixed: &[i64],
) -> Result<()> {
    bulk_year(b, count, seed, fixed)?;
    stories(b, fixed)?;
    draws_by_supervisor(b)
}

/// The bulk year: one transaction of prepared inserts, each inspection audited as created; the
/// secondary indexes are built once at the end.
fn bulk_year(b: &mut Build, count: u64, seed: u64, fixed: &[i64]) -> Result<()> {
    let s = b.system();
    let today = s.today();
    let now = stamp(s.now());
    let actor = Actor::system();
    let ids: Vec<i64> = ["inspector", "inspector2"]
        .iter()
        .filter_map(|n| user::find_by_username(&s.conn, n).ok().flatten())
        .map(|u| u.id)
        .collect();
    let officers = resolve_officers(&s.conn, &ids, today)?.1;
    let enterprises: Vec<_> = draws::eligible_enterprises(&s.conn, &[], "all")?
        .into_iter()
        .filter(|e| !e.closed && !fixed.contains(&e.enterprise_id))
        .collect();
    if enterprises.is_empty() {
        return Ok(());
    }
    let mut rng = Rng::new(seed ^ 0x1A5B_EC70);
    let mut routine: HashMap<(i64, i32), i64> = HashMap::new();
    let tx = db::begin_immediate(&s.conn)?;
    let deferred = bulk::defer_indexes(&tx, &["inspection", "insp_history", "insp_finding"])?;
    // The chain's head stays in memory for the whole load and is stored once before the commit.
    let mut chain = BulkChain::start(&tx)?;
    // Oldest first, so numbers follow the dates.
    let mut plan: Vec<i64> = (0..count).map(|_| rng.below(375) as i64 - 10).collect();
    plan.sort_unstable_by(|a, b| b.cmp(a));
    let mut audited: Vec<(&'static str, String)> = Vec::new();
    for days_ago in plan {
        let e = rng.pick(&enterprises);
        let on = today - Duration::days(days_ago);
        let mut category = *rng.weighted(CATEGORIES);
        if category == Category::ListTrigger && !e.listed {
            category = Category::Complaint;
        }
        let cap = s.policy().routine_cap(&e.credit);
        let done = routine.entry((e.enterprise_id, on.year())).or_insert(0);
        if category.is_routine() {
            if *done >= cap {
                category = Category::Complaint;
            } else {
                *done += 1;
            }
        }
        let mode = if (e.listed && category.is_routine()) || rng.chance(120) {
            Mode::Offsite
        } else {
            Mode::Onsite
        };
        let state = match days_ago {
            d if d < 0 => {
                *rng.weighted(&[(InspectionState::Planned, 1), (InspectionState::Pending, 3)])
            }
            0..=7 => *rng.weighted(&[
                (InspectionState::Pending, 3),
                (InspectionState::InProgress, 1),
                (InspectionState::RecordPending, 1),
            ]),
            _ => *rng.weighted(SETTLED),
        };
        let conclusion = match state {
            InspectionState::Completed => Some(*rng.weighted(&[
                (Conclusion::NoIssue, 6),
                (Conclusion::FixedOnSpot, 3),
                (Conclusion::Transfer, 1),
            ])),
            InspectionState::Archived => Some(Conclusion::NoIssue),
            InspectionState::Rectifying => Some(Conclusion::Order),
            InspectionState::CaseProposed | InspectionState::CaseTransferred => {
                Some(Conclusion::Case)
            }
            _ => None,
        };
        let number = store::next_number(&tx, &e.region_code, on.year())?;
        let uid = db::new_uid();
        let reference = if category.is_routine() {
            String::new()
        } else {
            format!("12369-{}-{:04}", on.year(), rng.below(9000) + 1000)
        };
        let id = store::insert(
            &tx,
            &NewInspection {
                uid: &uid,
                number: &number,
                enterprise_id: e.enterprise_id,
                region_code: &e.region_code,
                category,
                mode,
                trigger_ref: &reference,
                place: "厂区",
                planned_on: Day::new(on),
                state,
                recusal_reason: "",
                parent_id: None,
                draw_id: None,
            },
            &actor.uid,
            &now,
        )?;
        if state != InspectionState::Planned {
            store::set_officers(&tx, id, &officers)?;
        }
        if let Some(c) = conclusion {
            let signed = Instant::new((on.and_time(NaiveTime::MIN) + Duration::hours(2)).and_utc());
            // The record as just inserted, built here rather than read back (50k times a city).
            let x = Inspection {
                id,
                uid: uid.clone(),
                number: number.clone(),
                enterprise_id: e.enterprise_id,
                enterprise_name: String::new(),
                uscc: String::new(),
                region_code: e.region_code.clone(),
                category,
                mode,
                trigger_ref: reference.clone(),
                place: "厂区".to_string(),
                planned_on: Day::new(on),
                started_at: Some(signed),
                ended_at: Some(signed),
                state,
                conclusion: Some(c),
                record_text: "现场检查笔录（演示数据）".to_string(),
                signature: Some(crate::domain::inspection::Signature::Signed),
                witness: String::new(),
                signed_at: Some(signed),
                recusal_reason: String::new(),
                cancel_reason: String::new(),
                parent_id: None,
                draw_id: None,
                row_version: 1,
                updated_at: Instant::new(s.now()),
                updated_by: actor.uid.clone(),
            };
            store::save(&tx, &x, &actor.uid, &now)?;
            if c != Conclusion::NoIssue {
                let finding_uid = db::new_uid();
                store::insert_finding(
                    &tx,
                    id,
                    &Finding {
                        id: 0,
                        no: 0,
                        uid: finding_uid.clone(),
                        description: rng.pick(FINDINGS).to_string(),
                        provision: String::new(),
                        severity: if c == Conclusion::Case {
                            Severity::Serious
                        } else {
                            Severity::General
                        },
                        minor_no_penalty: false,
                        evidence_refs: String::new(),
                        corrects_id: None,
                        correction_reason: String::new(),
                        created_at: signed,
                        created_by: actor.uid.clone(),
                    },
                )?;
                audited.push(("insp_finding", finding_uid));
            }
            if state == InspectionState::Rectifying {
                let rect_uid = db::new_uid();
                audited.push(("insp_rectification", rect_uid.clone()));
                followup::insert(
                    &tx,
                    &NewRectification {
                        uid: &rect_uid,
                        inspection_id: id,
                        enterprise_id: e.enterprise_id,
                        doc_number: &format!("聊环责改〔{}〕{}号", on.year(), id),
                        served_on: Day::new(on),
                        deadline: Day::new(on + Duration::days(30)),
                        requirements: "按期完成整改并书面报告",
                        recheck_id: None,
                    },
                    &actor.uid,
                    &now,
                )?;
            }
            if state == InspectionState::CaseTransferred {
                let case_uid = db::new_uid();
                audited.push(("insp_case", case_uid.clone()));
                followup::insert_case(
                    &tx,
                    &Case {
                        id: 0,
                        uid: case_uid,
                        inspection_id: id,
                        case_number: format!("聊环罚立〔{}〕{}号", on.year(), id),
                        discovered_on: Day::new(on),
                        approved_on: Day::new(on + Duration::days(7)),
                        handler: "执法支队".to_string(),
                        status: crate::domain::inspection::CaseStatus::Filed,
                        penalty_kind: String::new(),
                        penalty_fen: 0,
                    },
                    &actor.uid,
                    &now,
                )?;
            }
        }
        history::append(
            &tx,
            history::Table::Inspection,
            &history::NewRow {
                id,
                event: "plan",
                from: state.code(),
                to: state.code(),
                note: "",
                at: &now,
                by_uid: &actor.uid,
                by_name: "system",
            },
        )?;
        // The rows as `check` reads them: the inspection, then what it found and ordered.
        audited.insert(0, ("inspection", uid.clone()));
        for (entity, record_uid) in audited.drain(..) {
            chain.append(
                &tx,
                &actor,
                &now,
                OwnedChange {
                    action: "create",
                    entity,
                    after: row_image(&tx, entity, &record_uid)?,
                    record_uid,
                    before: None,
                },
            )?;
        }
    }
    chain.finish(&tx)?;
    bulk::recreate_indexes(&tx, &deferred)?;
    tx.commit()?;
    Ok(())
}

/// The demo accounts' own inspections of the `enterprise` account's company (fixed[0]).
fn stories(b: &mut Build, fixed: &[i64]) -> Result<()> {
    let Some(&company) = fixed.first() else {
        return Ok(());
    };
    let officer_ids = |s: &Session| -> Vec<i64> {
        ["inspector", "inspector2"]
            .iter()
            .filter_map(|n| user::find_by_username(&s.conn, n).ok().flatten())
            .map(|u| u.id)
            .collect()
    };
    let complaint = |s: &Session, reference: &str| PlanInput {
        enterprise_id: company,
        category: Category::Complaint,
        mode: Mode::Onsite,
        trigger_ref: reference.to_string(),
        place: "生产车间及危废贮存库".to_string(),
        planned_on: s.today(),
        officers: officer_ids(s),
        recusal_reason: String::new(),
        guard: None,
    };
    // Signing needs every checklist item answered (one 不符合 where a problem was found) and the
    // people present.
    let answer_all = |s: &Session, id: i64, failed: &str| -> Result<()> {
        for item in s.inspections().checklist()? {
            let answer = if item.code == failed {
                Answer::Fail
            } else {
                Answer::Pass
            };
            s.inspections().answer(id, &item.code, answer, "")?;
        }
        Ok(())
    };
    // 1. A monitoring alert 90 days ago: a case, transferred by the supervisor a week later.
    let s = b.act("inspector", 90)?;
    let mut input = complaint(s, "自动监控报警 2026-AL-0077");
    input.category = Category::Monitoring;
    let x = s.inspections().plan(&input)?;
    let x =
        s.inspections()
            .transition(x.id, x.row_version, Event::Start, &EventInput::default())?;
    s.inspections().add_finding(
        x.id,
        &FindingInput {
            description: "废水总排口化学需氧量超标排放".to_string(),
            provision: "《水污染防治法》第十条".to_string(),
            severity: Some(Severity::Serious),
            ..FindingInput::default()
        },
    )?;
    answer_all(s, x.id, "treatment")?;
    s.inspections()
        .add_representative(x.id, "孙丽", "环保专员")?;
    // The exceedance began when the alarm went off, three days before the visit.
    s.inspections().set_act(
        x.id,
        &ActInput {
            on: s.today() - Duration::days(3),
            continuing: false,
            five_year: false,
        },
    )?;
    let x =
        s.inspections()
            .transition(x.id, x.row_version, Event::EndVisit, &EventInput::default())?;
    let x = s.inspections().sign(
        x.id,
        x.row_version,
        Conclusion::Case,
        "经现场采样监测，废水超标排放，拟立案查处。",
        Signature::Signed,
        "",
    )?;
    let discovered = s.today();
    let sup = b.act("supervisor", 83)?;
    sup.inspections().transfer_case(
        x.id,
        &CaseInput {
            case_number: format!("聊环罚立〔{}〕27号", discovered.year()),
            discovered_on: discovered,
            approved_on: sup.today(),
            handler: "市生态环境保护综合执法支队".to_string(),
        },
    )?;
    // 2. Signed 40 days ago with an order; deadline 10 days ago: the re-check is overdue.
    let s = b.act("inspector", 40)?;
    let x = s.inspections().plan(&complaint(s, "12369-2026-0318"))?;
    let x =
        s.inspections()
            .transition(x.id, x.row_version, Event::Start, &EventInput::default())?;
    s.inspections()
        .add_representative(x.id, "孙丽", "环保专员")?;
    s.inspections().add_finding(
        x.id,
        &FindingInput {
            description: "危险废物贮存库未设置识别标志，台账记录不全".to_string(),
            provision: "《固体废物污染环境防治法》第七十七条".to_string(),
            severity: Some(Severity::General),
            ..FindingInput::default()
        },
    )?;
    answer_all(s, x.id, "waste")?;
    let x =
        s.inspections()
            .transition(x.id, x.row_version, Event::EndVisit, &EventInput::default())?;
    let x = s.inspections().sign(
        x.id,
        x.row_version,
        Conclusion::Order,
        "经现场检查，危废贮存库标识缺失，责令限期改正。",
        Signature::Signed,
        "",
    )?;
    let served = s.today();
    s.inspections().order_rectification(
        x.id,
        &OrderInput {
            doc_number: format!("聊环责改〔{}〕18号", served.year()),
            served_on: served,
            deadline: served + Duration::days(30),

            requirements: "设置危险废物识别标志，完善管理台账，书面报告整改情况".to_string(),
        },
    )?;
    // 3. A complaint check waiting for today's visit.
    let s = b.act("inspector", 0)?;
    s.inspections().plan(&complaint(s, "12345-2026-1107"))?;
    Ok(())
}

/// Two draws by the supervisor, with fixed seeds so the demo is the same on every run.
fn draws_by_supervisor(b: &mut Build) -> Result<()> {
    let specs = [
        (30, "冠县一般企业 双随机", "371525", "all", 5, [0x11u8; 32]),
        (
            0,
            "东昌府区重点排污单位 双随机",
            "371502",
            "key",
            10,
            [0x22u8; 32],
        ),
    ];
    for (days_ago, name, region, class, pct, seed) in specs {
        let s = b.act("supervisor", days_ago)?;
        let plan = s.draws().create_plan(&PlanDraft {
            name: format!("{}年 {name}", s.today().year()),
            regions: vec![region.to_string()],
            class: class.to_string(),
            ratio_pct: pct,
            count: 0,
            listed_offsite: None,
            planned_on: s.today() + Duration::days(7),
        })?;
        let d = s.draws().run_seeded(plan.id, seed)?;
        debug_assert_eq!(d.draw.algorithm, ALGORITHM);
    }
    Ok(())
}
