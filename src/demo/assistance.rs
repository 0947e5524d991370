//! Demo 帮扶 requests: at least one in every state, including overdue and suspended ones, made through
//! the service layer by the demo accounts with clocks set in the past, so their history, SLA figures and
//! audit entries are what real use would have produced.

use crate::demo::build::Build;
use crate::domain::assistance::{
    Channel, Event, EventInput, Outcome, Rating, RequestDraft, ServiceMode, Urgency,
};
use crate::service::Result;
use crate::store::account;
use crate::store::assistance::{Request, ServiceRecord};

/// One demo request: who files it, for which enterprise, how, and how far it gets (events with the
/// number of days before today each happens).
struct Story {
    filer: &'static str,
    /// Index into the hand-made enterprises, or `None` for the first 冠县 enterprise.
    fixed: Option<usize>,
    channel: Channel,
    urgency: Urgency,
    services: &'static [&'static str],
    description: &'static str,
    filed_days_ago: i64,
    submit: bool,
    steps: &'static [(Event, i64)],
}

const STORIES: &[Story] = &[
    Story {
        filer: "enterprise",
        fixed: Some(0),
        channel: Channel::SelfService,
        urgency: Urgency::Normal,
        services: &["PERMIT"],
        description: "排污许可证即将到期，申请延续办理指导",
        filed_days_ago: 0,
        submit: true,
        steps: &[],
    },
    Story {
        filer: "enterprise",
        fixed: Some(0),
        channel: Channel::SelfService,
        urgency: Urgency::Urgent,
        services: &["HAZWASTE"],
        description: "危险废物贮存库标识标牌设置不清楚，请求现场指导",
        filed_days_ago: 6,
        submit: true,
        steps: &[],
    },
    Story {
        filer: "staff",
        fixed: Some(0),
        channel: Channel::Phone,
        urgency: Urgency::Normal,
        services: &["EIA"],
        description: "新增生产线环评手续咨询",
        filed_days_ago: 2,
        submit: true,
        steps: &[(Event::Accept, 1)],
    },
    Story {
        filer: "enterprise",
        fixed: Some(0),
        channel: Channel::SelfService,
        urgency: Urgency::Normal,
        services: &["TECH", "PERMIT"],
        description: "VOCs 治理设施运行不稳定，请求技术帮扶",
        filed_days_ago: 4,
        submit: true,
        steps: &[(Event::Accept, 3), (Event::Assign, 3)],
    },
    Story {
        filer: "staff",
        fixed: Some(0),
        channel: Channel::Window,
        urgency: Urgency::Urgent,
        services: &["TECH"],
        description: "废水处理站出水氨氮波动，请求专家会诊",
        filed_days_ago: 16,
        submit: true,
        steps: &[(Event::Accept, 15), (Event::Assign, 15)],
    },
    Story {
        filer: "enterprise",
        fixed: Some(0),
        channel: Channel::SelfService,
        urgency: Urgency::Normal,
        services: &["HAZWASTE"],
        description: "危险废物管理计划备案材料准备指导",
        filed_days_ago: 9,
        submit: true,
        steps: &[(Event::Accept, 8), (Event::Assign, 8), (Event::Suspend, 5)],
    },
    Story {
        filer: "enterprise",
        fixed: Some(0),
        channel: Channel::SelfService,
        urgency: Urgency::Normal,
        services: &["PERMIT"],
        description: "排污许可执行报告填报指导",
        filed_days_ago: 10,
        submit: true,
        steps: &[(Event::Accept, 9), (Event::Assign, 9), (Event::Complete, 1)],
    },
    Story {
        filer: "enterprise",
        fixed: Some(0),
        channel: Channel::SelfService,
        urgency: Urgency::Critical,
        services: &["EIA"],
        description: "环评批复内容变更咨询",
        filed_days_ago: 30,
        submit: true,
        steps: &[
            (Event::Accept, 29),
            (Event::Assign, 29),
            (Event::Complete, 27),
            (Event::Rate, 26),
        ],
    },
    Story {
        filer: "staff",
        fixed: Some(0),
        channel: Channel::Branch,
        urgency: Urgency::Normal,
        services: &["TECH"],
        description: "申请代为联系设备厂家（不属于帮扶范围）",
        filed_days_ago: 20,
        submit: true,
        steps: &[(Event::Refuse, 19)],
    },
    Story {
        filer: "enterprise",
        fixed: Some(0),
        channel: Channel::SelfService,
        urgency: Urgency::Normal,
        services: &["EIA"],
        description: "（草稿）拟咨询扩建项目环评类别",
        filed_days_ago: 1,
        submit: false,
        steps: &[],
    },
    Story {
        filer: "branch",
        fixed: None,
        channel: Channel::Visit,
        urgency: Urgency::Normal,
        services: &["TECH"],
        description: "走访发现除尘设施布袋破损，企业请求更换指导",
        filed_days_ago: 3,
        submit: true,
        steps: &[(Event::Accept, 3), (Event::Assign, 2)],
    },
];

/// Who takes an event in the stories: triage by the filer's bureau side, handling by the handler,
/// rating by the enterprise.
fn actor_for(event: Event, story: &Story, handler: &str) -> &'static str {
    match event {
        Event::Rate | Event::Withdraw => "enterprise",
        Event::Suspend | Event::Resume | Event::Complete => {
            if handler == "branch" {
                "branch"
            } else {
                "inspector"
            }
        }
        _ if story.fixed.is_none() => "branch",
        _ => "staff",
    }
}

/// Files every story's request and takes it through its steps.
pub(in crate::demo) fn requests(b: &mut Build, fixed: &[i64], guan: Option<i64>) -> Result<()> {
    for story in STORIES {
        let enterprise = match story.fixed {
            Some(i) => fixed.get(i).copied(),
            None => guan,
        };
        let Some(enterprise) = enterprise else {
            continue;
        };
        let filer = b.act(story.filer, story.filed_days_ago)?;
        let mut r: Request = filer.assistance().file(
            RequestDraft {
                enterprise_id: Some(enterprise),
                services: story.services.iter().map(|s| s.to_string()).collect(),
                description: story.description.to_string(),
                urgency: story.urgency,
                channel: story.channel,
                wished_date: String::new(),
            },
            story.submit,
        )?;
        let handler_name = if story.fixed.is_none() {
            "branch"
        } else {
            "inspector"
        };
        for (event, days_ago) in story.steps {
            let s = b.act(actor_for(*event, story, handler_name), *days_ago)?;
            let handler = account::find_by_username(&s.conn, handler_name)?.map(|u| u.id);
            if *event == Event::Complete {
                s.assistance().record_service(
                    r.id,
                    ServiceRecord {
                        service_date: s.today().format("%Y-%m-%d").to_string(),
                        mode: ServiceMode::Onsite,
                        participants: "企业环保负责人".to_string(),
                        content: "现场核查并逐项讲解整改要点".to_string(),
                        problems: "台账记录不完整".to_string(),
                        advice: "按月整理台账，补齐记录".to_string(),
                    },
                )?;
            }
            let input = EventInput {
                reason: match event {
                    Event::Refuse => "不属于生态环境部门帮扶事项".to_string(),
                    _ => "等待企业补充检测报告".to_string(),
                },
                opinion: "已现场指导，企业按要求完成整改".to_string(),
                outcome: Some(Outcome::Solved),
                rating: Some(Rating::Satisfied),
                comment: "指导及时，问题已解决".to_string(),
                handler,
                ..EventInput::default()
            };
            r = s
                .assistance()
                .transition(r.id, r.row_version, *event, input)?;
        }
    }
    Ok(())
}

/// A round-table held by the 冠县 branch three days ago: the enterprise's environmental officer and a
/// provincial expert took part; one problem became a new request, and an earlier request of the
/// enterprise was linked.
pub(in crate::demo) fn meetings(b: &mut Build, guan: Option<i64>) -> Result<()> {
    use crate::domain::assistance::meeting::{MeetingDraft, ParticipantDraft};
    let Some(enterprise) = guan else {
        return Ok(());
    };
    let s = b.act("branch", 3)?;
    let m = s.assistance().record_meeting(MeetingDraft {
        date: s.today().format("%Y-%m-%d").to_string(),
        place: "冠县分局三楼会议室".to_string(),
        host: "赵伟".to_string(),
        region_code: String::new(),
        topic: "涉VOCs企业治理设施提升座谈".to_string(),
        note: "邀请省环科院专家现场答疑".to_string(),
    })?;
    for (enterprise_id, person, role) in [
        (Some(enterprise), "孙丽", "环保专员"),
        (None, "周教授", "省环科院专家"),
    ] {
        s.assistance().add_participant(
            m.id,
            ParticipantDraft {
                enterprise_id,
                guest: enterprise_id.is_none(),
                person: person.to_string(),
                role: role.to_string(),
            },
        )?;
    }
    let raised = s.assistance().raise_problem(
        m.id,
        RequestDraft {
            enterprise_id: Some(enterprise),
            services: vec!["EIA".to_string()],
            description: "活性炭吸附装置更换周期如何确定".to_string(),
            urgency: Urgency::Normal,
            channel: Channel::Roundtable,
            wished_date: String::new(),
        },
    )?;
    let earlier = s.assistance().list(
        &crate::store::assistance::ListFilter {
            enterprise_id: Some(enterprise),
            ..Default::default()
        },
        5,
    )?;
    if let Some(r) = earlier.iter().rev().find(|r| r.request.id != raised.id) {
        s.assistance().link_request(m.id, &r.request.number)?;
    }
    Ok(())
}

/// Services, channels and texts the year's history cycles through.
pub(in crate::demo) const HISTORY: [(&str, Channel, &str); 6] = [
    ("PERMIT", Channel::Phone, "排污许可证延续申请材料准备指导"),
    (
        "HAZWASTE",
        Channel::Window,
        "危险废物管理计划和台账填报指导",
    ),
    ("MONITOR", Channel::Visit, "自动监控设备联网及数据异常处理"),
    ("TECH", Channel::Phone, "VOCs 无组织排放收集治理技术咨询"),
    ("EIA", Channel::Branch, "技改项目环评手续办理咨询"),
    ("LAW", Channel::Window, "新修订排污许可管理条例适用咨询"),
];

/// A year of closed requests before the stories (four a month, across `enterprises`), accepted,
/// assigned, served and rated through the service with clocks set in the past, so the summary report
/// has figures for any recent month or quarter: some finish late, a few are rated only 一般 (a poor
/// rating would reopen them).
pub(in crate::demo) fn history(b: &mut Build, own: Option<i64>, enterprises: &[i64]) -> Result<()> {
    if enterprises.is_empty() {
        return Ok(());
    }
    for n in 0..48_usize {
        let filed = 35 + (n as i64) * 7 + (n as i64 % 3);
        let (service, channel, description) = HISTORY[n % HISTORY.len()];
        // Every sixth is the demo enterprise's own, filed and rated by its account.
        let self_service = n % 6 == 0 && own.is_some();
        let enterprise = if self_service {
            own
        } else {
            enterprises.get(n % enterprises.len()).copied()
        };
        let Some(enterprise) = enterprise else {
            continue;
        };
        let filer = if self_service { "enterprise" } else { "staff" };
        let s = b.act(filer, filed)?;
        let mut r = s.assistance().file(
            RequestDraft {
                enterprise_id: Some(enterprise),
                services: vec![service.to_string()],
                description: description.to_string(),
                urgency: if n % 5 == 0 {
                    Urgency::Urgent
                } else {
                    Urgency::Normal
                },
                channel: if self_service {
                    Channel::SelfService
                } else {
                    channel
                },
                wished_date: String::new(),
            },
            true,
        )?;
        // Completion takes 3 to 17 days: the longest run over the working-day budget.
        let done = filed - 3 - (n as i64 * 5) % 15;
        let rating = match n % 11 {
            4 => Rating::Fair,
            0 | 7 => Rating::VerySatisfied,
            _ => Rating::Satisfied,
        };
        let steps = [
            (Event::Accept, "staff", filed - 1),
            (Event::Assign, "staff", filed - 2),
            (Event::Complete, "inspector", done),
            if self_service {
                (Event::Rate, "enterprise", done - 1)
            } else {
                (Event::PhoneRate, "staff", done - 2)
            },
        ];
        for (event, who, days_ago) in steps {
            let s = b.act(who, days_ago.max(0))?;
            let handler = account::find_by_username(&s.conn, "inspector")?.map(|u| u.id);
            if event == Event::Complete {
                s.assistance().record_service(
                    r.id,
                    ServiceRecord {
                        service_date: s.today().format("%Y-%m-%d").to_string(),
                        mode: ServiceMode::Phone,
                        participants: "企业环保负责人".to_string(),
                        content: format!("{description}：逐项说明办理要求"),
                        problems: String::new(),
                        advice: "按要求补齐材料后报送".to_string(),
                    },
                )?;
            }
            let input = EventInput {
                opinion: "已指导企业完成相关工作".to_string(),
                outcome: Some(Outcome::Solved),
                rating: Some(rating),
                handler,
                ..EventInput::default()
            };
            r = s
                .assistance()
                .transition(r.id, r.row_version, event, input)?;
        }
    }
    Ok(())
}
