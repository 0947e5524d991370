//! Demo 转移联单 made by hand through the service layer: thirteen manifests of the `enterprise`
//! account's enterprise in every state, each event taken by the account whose part it is (the receiver's
//! by `receiver`, or by staff for receivers in other provinces) with a clock set in the past.

use crate::demo::build::Build;
use crate::demo::manifest::{WASTES, carrier, date};
use crate::domain::manifest::rules::{DiscrepancyInput, EventInput, ManifestEvent};
use crate::domain::manifest::{CITY, Decision, DiscrepancyKind, LineDraft, Mode, Origin};
use crate::service::Result;
use crate::service::manifest::ManifestInput;
use crate::service::manifest::reference::ApprovalInput;
use crate::store::manifest as store;
use chrono::{Datelike, Duration};

/// One hand-made manifest of the `enterprise` account's enterprise and how far it gets (events with
/// the days before today each happens).
struct Story {
    wastes: &'static [(usize, &'static str)],
    licence: &'static str,
    approval: bool,
    created_days_ago: i64,
    /// Paper manifests: entered by staff, the paper transfer completed on the creation day.
    paper: bool,
    decision: Option<Decision>,
    steps: &'static [(ManifestEvent, i64)],
}

const LOCAL: &str = "鲁危证1508号";

const STORIES: &[Story] = &[
    Story {
        wastes: &[(0, "2.4"), (1, "0.6")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 0,
        paper: false,
        decision: None,
        steps: &[],
    },
    Story {
        wastes: &[(2, "1.2")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 1,
        paper: false,
        decision: None,
        steps: &[(ManifestEvent::Submit, 1)],
    },
    Story {
        wastes: &[(0, "3.5")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 6,
        paper: false,
        decision: None,
        steps: &[(ManifestEvent::Submit, 6), (ManifestEvent::Depart, 5)],
    },
    Story {
        wastes: &[(3, "8.0")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 12,
        paper: false,
        decision: None,
        steps: &[
            (ManifestEvent::Submit, 12),
            (ManifestEvent::Depart, 12),
            (ManifestEvent::Arrive, 11),
        ],
    },
    Story {
        wastes: &[(0, "2.5"), (2, "0.8")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 1,
        paper: false,
        decision: None,
        steps: &[
            (ManifestEvent::Submit, 1),
            (ManifestEvent::Depart, 0),
            (ManifestEvent::Arrive, 0),
        ],
    },
    Story {
        wastes: &[(4, "5.0")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 3,
        paper: false,
        decision: None,
        steps: &[
            (ManifestEvent::Submit, 3),
            (ManifestEvent::Depart, 3),
            (ManifestEvent::Arrive, 3),
            (ManifestEvent::ReportDiscrepancy, 3),
        ],
    },
    Story {
        wastes: &[(1, "1.5")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 340,
        paper: false,
        decision: None,
        steps: &[
            (ManifestEvent::Submit, 340),
            (ManifestEvent::Depart, 340),
            (ManifestEvent::Arrive, 340),
            (ManifestEvent::Confirm, 340),
        ],
    },
    Story {
        wastes: &[(0, "4.0")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 30,
        paper: false,
        decision: None,
        steps: &[
            (ManifestEvent::Submit, 30),
            (ManifestEvent::Depart, 30),
            (ManifestEvent::Handover, 30),
            (ManifestEvent::Arrive, 29),
            (ManifestEvent::Confirm, 29),
            (ManifestEvent::Complete, 10),
        ],
    },
    Story {
        wastes: &[(3, "6.0")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 20,
        paper: false,
        decision: Some(Decision::Reject),
        steps: &[
            (ManifestEvent::Submit, 20),
            (ManifestEvent::Depart, 20),
            (ManifestEvent::Arrive, 20),
            (ManifestEvent::ReportDiscrepancy, 20),
            (ManifestEvent::Decide, 19),
        ],
    },
    Story {
        wastes: &[(5, "1.0")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 8,
        paper: false,
        decision: None,
        steps: &[(ManifestEvent::Submit, 8), (ManifestEvent::Cancel, 7)],
    },
    Story {
        wastes: &[(0, "2.0")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 20,
        paper: true,
        decision: None,
        steps: &[],
    },
    Story {
        wastes: &[(2, "0.5")],
        licence: LOCAL,
        approval: false,
        created_days_ago: 40,
        paper: true,
        decision: None,
        steps: &[(ManifestEvent::Backfill, 30)],
    },
    Story {
        wastes: &[(0, "12.0")],
        licence: "冀危证1302号",
        approval: true,
        created_days_ago: 5,
        paper: false,
        decision: None,
        steps: &[
            (ManifestEvent::Submit, 5),
            (ManifestEvent::Depart, 4),
            (ManifestEvent::Arrive, 3),
            (ManifestEvent::Confirm, 3),
        ],
    },
];

fn line(i: usize, qty: &str) -> LineDraft {
    let (code, name, hazard, form, packaging, _) = WASTES[i % WASTES.len()];
    LineDraft {
        code: code.to_string(),
        name: name.to_string(),
        hazard: hazard.to_string(),
        form: form.to_string(),
        components: String::new(),
        harmful: String::new(),
        packaging: packaging.to_string(),
        containers: "10".to_string(),
        quantity: qty.to_string(),
    }
}

/// Who takes an event: the generator's account, the receiver's, or the bureau for a back-fill and
/// for receivers outside the register (in another province).
fn actor_for(event: ManifestEvent, story: &Story) -> &'static str {
    match event {
        ManifestEvent::Backfill => "staff",
        e if e.party() == crate::domain::manifest::rules::Party::Receiver => {
            if story.licence == LOCAL {
                "receiver"
            } else {
                "staff"
            }
        }
        _ => "enterprise",
    }
}

pub(in crate::demo) fn stories(b: &mut Build, generator_uscc: &str) -> Result<()> {
    let staff = b.act("staff", 340)?;
    let today = staff.today();
    staff.manifests().create_approval(ApprovalInput {
        number: "鲁冀危转审〔2025〕118号".to_string(),
        generator_uscc: generator_uscc.to_string(),
        waste_code: "900-249-08".to_string(),
        licence_number: "冀危证1302号".to_string(),
        quantity: "100".to_string(),
        valid_from: date(today),
        valid_to: date(today + Duration::days(360)),
        mode: Some(crate::domain::manifest::Mode::Utilize),
    })?;
    for (n, story) in STORIES.iter().enumerate() {
        let s = b.act(
            if story.paper { "staff" } else { "enterprise" },
            story.created_days_ago,
        )?;
        let day = s.today();
        let generator_id = s.enterprises().by_uscc(generator_uscc)?.id;
        let m = s.manifests().create(
            ManifestInput {
                number: if story.paper {
                    format!("{}{CITY}9{:05}", day.year(), n)
                } else {
                    String::new()
                },
                origin: Some(if story.paper {
                    Origin::Paper
                } else {
                    Origin::Local
                }),
                generator_id: Some(generator_id),
                licence_number: story.licence.to_string(),
                mode: Some(Mode::Utilize),
                transfer_date: date(day),
                approval_number: if story.approval {
                    "鲁冀危转审〔2025〕118号".to_string()
                } else {
                    String::new()
                },
                lines: story.wastes.iter().map(|(i, q)| line(*i, q)).collect(),
                legs: vec![carrier()],
                paper_completed_on: date(day),
            },
            true,
        )?;
        let mut m = m;
        for (event, days_ago) in story.steps {
            let s = b.act(actor_for(*event, story), *days_ago)?;
            // The day's events in their real order, none later than the demo moment.
            let clock = crate::domain::time::Instant::new(s.now()).minute();
            let typed = crate::domain::time::Minute::parse(&format!(
                "{} {}",
                date(s.today()),
                match event {
                    ManifestEvent::Depart => "09:10",
                    ManifestEvent::Handover => "11:40",
                    ManifestEvent::Arrive => "15:30",
                    _ => "16:20",
                }
            ))
            .unwrap_or(clock);
            let at = typed.min(clock).to_string();
            let lines = store::lines(&s.conn, m.id)?;
            let received: Vec<String> = lines
                .iter()
                .map(|l| {
                    let kg = if *event == ManifestEvent::ReportDiscrepancy {
                        l.quantity_kg * 85 / 100
                    } else {
                        l.quantity_kg
                    };
                    crate::domain::manifest::format_tonnes(kg)
                })
                .collect();
            let mut next = carrier();
            next.carrier_name = "山东鲁运危险品物流有限公司".to_string();
            next.plate = "鲁A8B926".to_string();
            next.driver = "赵国庆".to_string();
            let input = EventInput {
                at: at.clone(),
                reason: "生产计划调整，改期转移".to_string(),
                leg: Some(next),
                place: "聊城东高速收费站".to_string(),
                received,
                discrepancies: vec![DiscrepancyInput {
                    line_seq: 1,
                    kind: Some(DiscrepancyKind::Quantity),
                    declared: lines
                        .first()
                        .map(|l| crate::domain::manifest::format_tonnes(l.quantity_kg))
                        .unwrap_or_default(),
                    measured: lines
                        .first()
                        .map(|l| crate::domain::manifest::format_tonnes(l.quantity_kg * 85 / 100))
                        .unwrap_or_default(),
                }],
                told_generator_at: at.clone(),
                told_bureau_at: at.clone(),
                decision: story.decision,
                reject_reason: Some(crate::domain::manifest::RejectReason::NotAsDeclared),
                reject_note: "实收数量比申报少 15%，另有 2 桶渗漏，已拍照留存".to_string(),
                handling_code: "R9".to_string(),
                ..EventInput::default()
            };
            m = s
                .manifests()
                .transition(m.id, m.row_version, *event, input, true)?;
        }
    }
    Ok(())
}
