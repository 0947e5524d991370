//! The supervisors' summary over a fixed data set: figures equal hand-computed values, the XLSX reads
//! back with an independent reader (calamine) with its sheets, headers, numbers and dates, the CSV
//! starts with a BOM, the HTML escapes data, and scope rules hold.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod inspect_common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use common::*;
use ecocase::domain::assistance::{
    Channel, Event, EventInput, Outcome, Rating, RequestDraft, Urgency,
};
use ecocase::domain::inspection::{
    Category, Event as InspectionEvent, EventInput as InspectionInput, Mode,
};
use ecocase::domain::positive_list::{Transition, TriggerKind};
use ecocase::domain::report::{Period, Value};
use ecocase::export::Output;
use ecocase::export::summary::{SummaryFormat, write_summary};
use ecocase::i18n::Lang;
use ecocase::service::account::auth;
use ecocase::service::inspection::PlanInput;
use ecocase::service::positive_list::{TransitionInput, TriggerInput};
use ecocase::service::report::Summary;
use ecocase::service::{ServiceError, Session};
use ecocase::store::assistance::Request;
use inspect_common::*;
use std::path::Path;

fn at(path: &Path, user: &str, clock: &TestClock) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

fn file(s: &mut Session, services: &[&str]) -> Request {
    s.assistance()
        .file(
            RequestDraft {
                enterprise_id: None,
                services: services.iter().map(|c| c.to_string()).collect(),
                description: "排污许可证变更<script>指导".into(),
                urgency: Urgency::Normal,
                channel: Channel::SelfService,
                wished_date: String::new(),
            },
            true,
        )
        .expect("filed")
}

fn go(s: &mut Session, r: &Request, event: Event, input: EventInput) -> Request {
    s.assistance()
        .transition(r.id, r.row_version, event, input)
        .unwrap_or_else(|e| panic!("{event:?}: {e}"))
}

/// 2025-12-10: one request (previous quarter). 2026 Q1: two requests filed Thu 02-12; A accepted Fri
/// 02-13 (1 working day), completed Tue 02-24 (2 working days after the Spring Festival, on time),
/// rated 满意; B refused. In Q1 a 冠县 enterprise is also admitted to the positive list (notice from
/// 03-02) and an on-site trigger is recorded on 03-20.
fn data() -> (common::Checked, std::path::PathBuf) {
    let (dir, path) = fresh_db();
    let clock = TestClock::at(2025, 12, 10, 2);
    let mut ent = at(&path, "ent", &clock);
    file(&mut ent, &["EIA"]);

    clock.set(2026, 2, 12, 2);
    let mut ent = at(&path, "ent", &clock);
    let a = file(&mut ent, &["EIA", "TECH"]);
    let b = file(&mut ent, &["EIA"]);
    clock.advance_minutes(24 * 60);
    let mut staff = at(&path, "staff", &clock);
    let staff_id = staff
        .assistance()
        .handlers(GUAN)
        .expect("handlers")
        .into_iter()
        .find(|(_, n)| n == "staff")
        .map(|(id, _)| id)
        .expect("staff handler");
    let a = go(&mut staff, &a, Event::Accept, EventInput::default());
    let a = go(
        &mut staff,
        &a,
        Event::Assign,
        EventInput {
            handler: Some(staff_id),
            ..EventInput::default()
        },
    );
    go(
        &mut staff,
        &b,
        Event::Refuse,
        EventInput {
            reason: "不属于帮扶事项".into(),
            ..EventInput::default()
        },
    );
    clock.advance_minutes(11 * 24 * 60);
    let mut staff = at(&path, "staff", &clock);
    let a = go(
        &mut staff,
        &a,
        Event::Complete,
        EventInput {
            opinion: "已现场指导完成变更申请".into(),
            outcome: Some(Outcome::Solved),
            ..EventInput::default()
        },
    );
    let mut ent = at(&path, "ent", &clock);
    go(
        &mut ent,
        &a,
        Event::Rate,
        EventInput {
            rating: Some(Rating::Satisfied),
            ..EventInput::default()
        },
    );

    clock.set(2026, 3, 2, 2);
    let staff = at(&path, "staff", &clock);
    let batch = staff
        .positive_list()
        .create_batch("2026年第1批", 2026, "")
        .expect("batch");
    let e1 = staff.enterprises().by_uscc(E1_USCC).expect("e1").id;
    let x = staff
        .positive_list()
        .propose(batch.id, e1, "在线监控")
        .expect("propose");
    let reason = |r: &str| TransitionInput {
        reason: r.into(),
        cause: None,
    };
    let sup = at(&path, "supervisor", &clock);
    let x = sup
        .positive_list()
        .transition(
            x.id,
            x.row_version,
            Transition::StartNotice,
            &reason("已核实"),
        )
        .expect("notice");
    clock.advance_minutes(60 * 24 * 10);
    let sup = at(&path, "supervisor", &clock);
    let x = sup
        .positive_list()
        .transition(x.id, x.row_version, Transition::Admit, &reason(""))
        .expect("admit");
    let staff = at(&path, "staff", &clock);
    let trigger = staff
        .positive_list()
        .record_trigger(
            x.id,
            &TriggerInput {
                kind: TriggerKind::Complaint,
                reference: "12369-2026-0042".into(),
                occurred_on: NaiveDate::from_ymd_opt(2026, 3, 12).expect("date"),
                handling: ecocase::domain::positive_list::Handling::Onsite,
                note: String::new(),
            },
        )
        .expect("trigger");

    // On-site checks: the complaint check at the listed E1 counts; the same at E2 (not listed) and a
    // cancelled one at E1 do not.
    clock.set(2026, 3, 23, 2);
    let (i1, i2, _) = officers(&path, &clock);
    let insp = at(&path, "inspector", &clock);
    let e2 = insp.enterprises().by_uscc(E2_USCC).expect("e2").id;
    let day = NaiveDate::from_ymd_opt(2026, 3, 23).expect("date");
    for (enterprise, start) in [(e1, true), (e2, true), (e1, false)] {
        let x = insp
            .inspections()
            .plan(&PlanInput {
                enterprise_id: enterprise,
                category: Category::Complaint,
                mode: Mode::Onsite,
                trigger_ref: "12369-2026-0042".into(),
                place: String::new(),
                planned_on: day,
                officers: vec![i1, i2],
                recusal_reason: String::new(),
                // The listed E1's check rests on the recorded trigger.
                guard: (enterprise == e1).then_some(
                    ecocase::service::inspection::GuardChoice::Trigger(trigger.id),
                ),
            })
            .expect("plan");
        let event = if start {
            InspectionEvent::Start
        } else {
            InspectionEvent::Cancel
        };
        let input = InspectionInput {
            reason: "投诉已撤回".into(),
            ..InspectionInput::default()
        };
        // Cancelling a check is a supervisor's decision.
        let by = if start {
            at(&path, "inspector", &clock)
        } else {
            at(&path, "supervisor", &clock)
        };
        by.inspections()
            .transition(x.id, x.row_version, event, &input)
            .expect("start or cancel");
    }
    (dir, path)
}

fn figure(s: &Summary, section: &str, key: &str) -> (Value, Value) {
    let f = s
        .sections
        .iter()
        .find(|x| x.key == section)
        .and_then(|x| x.figures.iter().find(|f| f.key == key))
        .unwrap_or_else(|| panic!("{section}.{key}"));
    (f.value, f.previous)
}

fn row(s: &Summary, section: &str, breakdown: &str, code: &str) -> (i64, Option<i64>) {
    let r = s
        .sections
        .iter()
        .find(|x| x.key == section)
        .and_then(|x| x.breakdowns.iter().find(|b| b.key == breakdown))
        .and_then(|b| b.rows.iter().find(|r| r.code == code))
        .unwrap_or_else(|| panic!("{section}.{breakdown}.{code}"));
    (r.value, r.previous)
}

fn q1_summary(path: &Path, user: &str, region: Option<&str>) -> Result<Summary, ServiceError> {
    let clock = TestClock::at(2026, 4, 8, 2);
    at(path, user, &clock)
        .reports()
        .summary(Period::parse("2026-Q1").expect("period"), region)
}

#[test]
fn figures_equal_the_hand_computed_values() {
    let (_dir, path) = data();
    let s = q1_summary(&path, "supervisor", None).expect("summary");
    assert_eq!(
        s.previous.from,
        NaiveDate::from_ymd_opt(2025, 10, 1).expect("d")
    );
    use Value::*;
    assert_eq!(figure(&s, "assistance", "submitted"), (Count(2), Count(1)));
    assert_eq!(figure(&s, "assistance", "completed"), (Count(1), Count(0)));
    assert_eq!(
        figure(&s, "assistance", "mean_response_days"),
        (Days(Some(1.0)), Days(None))
    );
    assert_eq!(
        figure(&s, "assistance", "mean_completion_days"),
        (Days(Some(2.0)), Days(None))
    );
    assert_eq!(
        figure(&s, "assistance", "on_time_rate"),
        (Rate(Some(1.0)), Rate(None))
    );
    assert_eq!(
        figure(&s, "assistance", "satisfaction_rate"),
        (Rate(Some(1.0)), Rate(None))
    );
    assert_eq!(
        figure(&s, "assistance", "reopen_rate"),
        (Rate(Some(0.0)), Rate(None))
    );
    assert_eq!(row(&s, "assistance", "by_service", "EIA"), (2, Some(1)));
    assert_eq!(row(&s, "assistance", "by_service", "TECH"), (1, Some(0)));
    assert_eq!(row(&s, "assistance", "by_channel", "self"), (2, Some(1)));
    assert_eq!(row(&s, "assistance", "by_state", "closed"), (2, Some(0)));
    assert_eq!(
        figure(&s, "positive_list", "admitted"),
        (Count(1), Count(0))
    );
    assert_eq!(
        figure(&s, "positive_list", "trigger_events"),
        (Count(1), Count(0))
    );
    assert_eq!(
        row(&s, "positive_list", "triggers_by_kind", "complaint"),
        (1, Some(0))
    );
    assert_eq!(
        figure(&s, "positive_list", "onsite_checks"),
        (Count(1), Count(0))
    );
    assert_eq!(
        row(&s, "positive_list", "onsite_by_category", "complaint"),
        (1, Some(0))
    );
    assert_eq!(
        row(&s, "positive_list", "onsite_by_category", "planned"),
        (0, Some(0))
    );
    assert_eq!(
        row(&s, "positive_list", "by_state_now", "listed"),
        (1, None)
    );
    // The fixture's enterprises were registered on 2026-11-29: none at the end of Q1.
    assert_eq!(
        figure(&s, "register", "enterprises_at_end"),
        (Count(0), Count(0))
    );
    let year = at(&path, "supervisor", &TestClock::at(2026, 12, 1, 2))
        .reports()
        .summary(Period::parse("2026").expect("year"), None)
        .expect("year");
    assert_eq!(
        figure(&year, "register", "enterprises_registered"),
        (Count(2), Count(0))
    );
}

#[test]
fn a_region_sees_only_its_own_figures_and_branches_cannot_look_elsewhere() {
    let (_dir, path) = data();
    let other = q1_summary(&path, "supervisor", Some(DONGCHANGFU)).expect("东昌府区");
    assert_eq!(
        figure(&other, "assistance", "submitted"),
        (Value::Count(0), Value::Count(0))
    );
    let own = q1_summary(&path, "branch", None).expect("branch");
    assert_eq!(own.region_code.as_deref(), Some(GUAN));
    assert_eq!(
        figure(&own, "assistance", "submitted"),
        (Value::Count(2), Value::Count(1))
    );
    assert!(matches!(
        q1_summary(&path, "branch", Some(DONGCHANGFU)),
        Err(ServiceError::Forbidden(_))
    ));
    for user in ["ent", "inspector"] {
        assert!(matches!(
            q1_summary(&path, user, None),
            Err(ServiceError::Forbidden(_))
        ));
    }
    assert!(matches!(
        q1_summary(&path, "supervisor", Some("999999")),
        Err(ServiceError::Invalid(_))
    ));
}

#[test]
fn xlsx_reads_back_with_sheets_headers_numbers_and_dates() {
    let (dir, path) = data();
    let s = q1_summary(&path, "supervisor", Some(GUAN)).expect("summary");
    let out = dir.path().join("summary.xlsx");
    write_summary(&s, SummaryFormat::Xlsx, Output::File(&out), Lang::Zh, None).expect("xlsx");
    let mut wb: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    assert_eq!(
        wb.sheet_names(),
        vec![
            "概况",
            "企业名录",
            "点单式帮扶",
            "正面清单",
            "危险废物转移联单",
            "执法检查"
        ]
    );
    let overview = wb.worksheet_range("概况").expect("overview");
    let cell = |r: u32, c: u32| overview.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        cell(0, 0),
        Data::String("聊城市生态环境局 业务汇总报表".into())
    );
    assert_eq!(cell(1, 1), Data::String("2026年第1季度".into()));
    assert!(
        // A real date: Excel's serial 46023 is 2026-01-01.
        matches!(cell(1, 2), Data::DateTime(d) if d.is_datetime() && d.as_f64() == 46023.0),
        "{:?}",
        cell(1, 2)
    );
    assert_eq!(cell(3, 1), Data::String("冠县".into()));
    assert_eq!(cell(5, 0), Data::String("审计链摘要".into()));
    assert_eq!(cell(5, 1), Data::String(s.audit_digest.clone()));
    let assist = wb.worksheet_range("点单式帮扶").expect("assist");
    let rows: Vec<Vec<Data>> = assist.rows().map(|r| r.to_vec()).collect();
    assert_eq!(
        rows[0],
        vec![
            Data::String("指标".into()),
            Data::String("本期".into()),
            Data::String("上期".into()),
            Data::String("变化".into())
        ]
    );
    assert_eq!(rows[1][0], Data::String("本期提交的帮扶申请".into()));
    assert_eq!(rows[1][1], Data::Float(2.0));
    assert_eq!(rows[1][2], Data::Float(1.0));
    assert_eq!(rows[1][3], Data::Float(1.0));
    let on_time = rows
        .iter()
        .find(|r| r[0] == Data::String("按时办结率".into()))
        .expect("on-time row");
    assert_eq!(on_time[1], Data::Float(1.0));
    assert_eq!(on_time[2], Data::String("-".into()));
}

#[test]
fn csv_has_a_bom_and_json_stable_keys() {
    let (dir, path) = data();
    let s = q1_summary(&path, "supervisor", None).expect("summary");
    let csv = dir.path().join("summary.csv");
    write_summary(&s, SummaryFormat::Csv, Output::File(&csv), Lang::Zh, None).expect("csv");
    let bytes = std::fs::read(&csv).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes).expect("utf8");
    assert!(
        text.contains("点单式帮扶,本期提交的帮扶申请,2,1,+1\r\n"),
        "{text}"
    );
    assert!(
        text.contains("点单式帮扶,按时办结率,100.0%,,\r\n"),
        "{text}"
    );
    let json = dir.path().join("summary.json");
    write_summary(&s, SummaryFormat::Json, Output::File(&json), Lang::En, None).expect("json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("read")).expect("json");
    assert_eq!(v["period"]["from"], "2026-01-01");
    assert_eq!(v["period"]["kind"], "quarter");
    let assist = &v["sections"][1];
    assert_eq!(assist["key"], "assistance");
    assert_eq!(assist["figures"][0]["key"], "submitted");
    assert_eq!(assist["figures"][0]["value"], 2);
    assert_eq!(assist["figures"][0]["change"], 1.0);
    assert_eq!(assist["figures"][4]["unit"], "rate");
    // The chain's head at the time of the report, as `check --digest` reads it back.
    let head: (i64, String) = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row("SELECT seq, hash FROM audit_head", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("head");
    let anchor = format!("seq={} sha256={}", head.0, head.1);
    assert_eq!(v["audit_digest"], anchor.as_str());
    assert_eq!(
        ecocase::domain::digest::parse(&s.audit_digest),
        vec![head.clone()]
    );
}

#[test]
fn html_escapes_data_and_uses_an_edited_template() {
    let (dir, path) = data();
    // A service-menu name with markup, as an administrator might import it.
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute(
            "UPDATE service_menu SET name_zh = '<b>环评</b> & 审批' WHERE code = 'EIA'",
            [],
        )
        .expect("menu");
    let s = q1_summary(&path, "supervisor", None).expect("summary");
    let html = dir.path().join("summary.html");
    write_summary(&s, SummaryFormat::Html, Output::File(&html), Lang::Zh, None).expect("html");
    let page = std::fs::read_to_string(&html).expect("read");
    assert!(
        page.contains("&lt;b&gt;环评&lt;&#x2f;b&gt; &amp; 审批"),
        "{page}"
    );
    assert!(!page.contains("<b>环评"));
    assert!(page.contains("聊城市生态环境局"));
    assert!(page.contains("2026年第1季度"));
    assert!(
        page.contains(&format!("审计链摘要：{}", s.audit_digest)),
        "{page}"
    );
    let custom =
        "<h1>冠县分局 {{ title }}</h1>{% for s in sections %}<p>{{ s.title }}</p>{% endfor %}";
    write_summary(
        &s,
        SummaryFormat::Html,
        Output::Replace(&html),
        Lang::Zh,
        Some(custom),
    )
    .expect("custom");
    let page = std::fs::read_to_string(&html).expect("read");
    assert_eq!(
        page,
        "<h1>冠县分局 业务汇总报表</h1><p>企业名录</p><p>点单式帮扶</p><p>正面清单</p><p>危险废物转移联单</p><p>执法检查</p>"
    );
    let broken = write_summary(
        &s,
        SummaryFormat::Html,
        Output::File(&html),
        Lang::Zh,
        Some("{% for %}"),
    );
    assert!(broken.is_err());
}

#[test]
fn progress_names_each_module_and_a_cancel_stops_before_the_next() {
    let (_dir, path) = data();
    let clock = TestClock::at(2026, 4, 8, 2);
    let s = at(&path, "supervisor", &clock);
    let q1 = Period::parse("2026-Q1").expect("period");
    let mut seen = Vec::new();
    let whole = s
        .reports()
        .summary_reporting(q1, None, None, &mut |p| {
            seen.push((p.done, p.total, p.next))
        })
        .expect("summary");
    use ecocase::i18n::T;
    assert_eq!(
        seen,
        vec![
            (0, 5, Some(T::ReportSecRegister)),
            (1, 5, Some(T::ReportSecAssist)),
            (2, 5, Some(T::ReportSecPlist)),
            (3, 5, Some(T::ReportSecManifests)),
            (4, 5, Some(T::ReportSecInspections)),
            (5, 5, None),
        ]
    );
    assert_eq!(whole.sections.len(), 5);

    // Cancelled once the register is done: the assistance module is never finished.
    let cancel = s.reports().cancel_handle();
    let mut steps = 0;
    let err = s
        .reports()
        .summary_reporting(q1, None, Some(&cancel), &mut |p| {
            steps += 1;
            if p.done == 1 {
                cancel.cancel();
            }
        })
        .expect_err("cancelled");
    assert_eq!(steps, 2);
    assert_eq!(err.render(Lang::Zh), "已取消汇总报表，未写入文件");

    // A session reopened on its own connection computes the same figures.
    let again = s
        .reports()
        .reopen()
        .expect("reopen")
        .reports()
        .summary(q1, None)
        .expect("summary");
    assert_eq!(again.sections, whole.sections);
}
