//! 业务汇总报表 screen: app-state tests (keys in, effects out) and snapshots at 80x24 in zh and en.
//! Review snapshot changes by eye: `INSTA_UPDATE=always cargo test --test tui_report`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::account::Role;
use ecocase::domain::report::Period;
use ecocase::export::summary::SummaryFormat;
use ecocase::i18n::{Lang, Text};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::enterprise::EnterpriseEffect;
use ecocase::tui::screens::report::ReportEffect;
use ecocase::tui::screens::report::ReportMsg;
use tui_common::*;

/// The report screen opened from home, with last quarter as the runtime's default.
fn report_app(info: ecocase::tui::msg::SessionInfo, lang: Lang) -> App {
    let mut app = logged_in(info, lang);
    let fx = update(&mut app, key(KeyCode::Char('r')));
    assert_eq!(fx, vec![Effect::Report(ReportEffect::Defaults)]);
    update(&mut app, Msg::Report(ReportMsg::Defaults("2026-Q3".into())));
    app
}

fn state(app: &App) -> &ecocase::tui::screens::report::ReportState {
    match app.screen() {
        Screen::Report(r) => r,
        other => panic!("not the report screen: {other:?}"),
    }
}

#[test]
fn choices_name_the_file_and_enter_writes_it() {
    let mut app = report_app(supervisor(), Lang::Zh);
    assert_eq!(state(&app).file.value(), "summary-2026-Q3-city.xlsx");
    // Region: the next one after the whole city; format: CSV.
    send(&mut app, [key(KeyCode::Tab), key(KeyCode::Right)]);
    send(&mut app, [key(KeyCode::Tab), key(KeyCode::Right)]);
    let region = state(&app).regions[1].0.clone().expect("a region");
    assert_eq!(
        state(&app).file.value(),
        format!("summary-2026-Q3-{region}.csv")
    );
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Report(ReportEffect::ExportSummary {
            period: Period::parse("2026-Q3").expect("period"),
            region: Some(region),
            format: SummaryFormat::Csv,
            file: format!(
                "summary-2026-Q3-{}.csv",
                state(&app).regions[1].0.clone().unwrap()
            )
            .into(),
            lang: Lang::Zh,
        })]
    );
    assert!(state(&app).running);
    update(
        &mut app,
        Msg::Report(ReportMsg::Done(Ok(Text::new(
            ecocase::i18n::T::ReportTitle,
        )))),
    );
    assert!(!state(&app).running);
}

#[test]
fn a_typed_file_name_stays_and_a_bad_period_is_refused_without_writing() {
    let mut app = report_app(supervisor(), Lang::Zh);
    send(
        &mut app,
        [key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    send(&mut app, [ctrl('u')]);
    type_text(&mut app, "/srv/报表/三季度.xlsx");
    send(&mut app, [key(KeyCode::BackTab), key(KeyCode::Right)]);
    assert_eq!(state(&app).file.value(), "/srv/报表/三季度.xlsx");
    // Back to the period, which is made invalid.
    send(&mut app, [key(KeyCode::BackTab), key(KeyCode::BackTab)]);
    send(&mut app, [ctrl('u')]);
    type_text(&mut app, "2026-Q5");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(fx.is_empty(), "{fx:?}");
    let shown = screen(&app, 80, 24).0;
    assert!(shown.contains("报表期间“2026-Q5”无效"), "{shown}");
    // Chinese forms are accepted.
    send(&mut app, [ctrl('u')]);
    type_text(&mut app, "2026年第2季度");
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(&fx[..], [Effect::Report(ReportEffect::ExportSummary { period, .. })] if period.from.to_string() == "2026-04-01"),
        "{fx:?}"
    );
}

#[test]
fn a_branch_account_reports_its_own_region_only() {
    let mut info = session("branch", &[Role::Staff], None);
    info.actor.region = Some("371525".into());
    let app = report_app(info, Lang::Zh);
    assert_eq!(
        state(&app).regions,
        vec![(Some("371525".to_string()), "冠县".to_string())]
    );
    // Roles without the summary are not offered the screen.
    let mut ent = logged_in(enterprise_user(), Lang::Zh);
    assert!(update(&mut ent, key(KeyCode::Char('r'))).is_empty());
    assert!(!matches!(ent.screen(), Screen::Report(_)));
}

#[test]
fn snapshots_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = report_app(supervisor(), lang);
        update(
            &mut app,
            Msg::Report(ReportMsg::Done(Ok(Text::new(
                ecocase::i18n::T::CliSummaryDone,
            )
            .arg("period", "2026年第3季度")
            .arg("region", "全市")
            .arg("path", "/home/chen/summary-2026-Q3-city.xlsx")))),
        );
        let (shown, cursor) = screen(&app, 80, 24);
        insta::assert_snapshot!(format!("report_{}", lang.code()), shown);
        assert_eq!(cursor, Some((22, 3)), "cursor after the period");
    }
}

#[test]
fn the_list_exports_as_shown_and_the_detail_its_dossier() {
    let mut app = list_app(staff(), rows());
    let filter = list(&app).filter.clone();
    let fx = update(&mut app, key(KeyCode::Char('e')));
    assert_eq!(
        fx,
        vec![Effect::Enterprise(EnterpriseEffect::Export {
            filter,
            lang: Lang::Zh
        })]
    );
    update(&mut app, key(KeyCode::Enter));
    let Screen::Detail(d) = app.screen() else {
        panic!("the detail view");
    };
    let id = d.id;
    let fx = update(&mut app, key(KeyCode::Char('x')));
    assert_eq!(
        fx,
        vec![Effect::Enterprise(EnterpriseEffect::ExportDossier {
            id,
            lang: Lang::Zh
        })]
    );
    update(
        &mut app,
        Msg::Written(Err(Text::new(ecocase::i18n::T::ErrReportWrite)
            .arg("path", "/只读/x.html")
            .arg("detail", "Permission denied"))),
    );
    assert!(
        screen(&app, 80, 24)
            .0
            .contains("无法写入报表文件 /只读/x.html")
    );
}

#[test]
fn a_period_typed_in_chinese_names_the_file_by_its_canonical_form() {
    let mut app = report_app(supervisor(), Lang::Zh);
    send(&mut app, [ctrl('u')]);
    type_text(&mut app, "2026年第3季度");
    assert_eq!(state(&app).file.value(), "summary-2026-Q3-city.xlsx");
}

#[test]
fn progress_is_shown_and_esc_cancels_the_running_summary() {
    use ecocase::service::report::job::SummaryProgress;
    let mut app = report_app(supervisor(), Lang::Zh);
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(
            &fx[..],
            [Effect::Report(ReportEffect::ExportSummary { .. })]
        ),
        "{fx:?}"
    );
    update(
        &mut app,
        Msg::Report(ReportMsg::Progress(SummaryProgress {
            done: 2,
            total: 5,
            next: Some(ecocase::i18n::T::ReportSecPlist),
        })),
    );
    let shown = screen(&app, 80, 24).0;
    assert!(
        shown.contains("[################........................] 2/5"),
        "{shown}"
    );
    assert!(
        shown.contains("正在计算 3/5：正面清单（Esc 取消）"),
        "{shown}"
    );
    // Typing while it runs changes nothing; Esc asks the runtime to cancel, once.
    assert!(update(&mut app, key(KeyCode::Char('x'))).is_empty());
    assert_eq!(
        update(&mut app, key(KeyCode::Esc)),
        vec![Effect::Report(ReportEffect::Cancel)]
    );
    assert!(update(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(screen(&app, 80, 24).0.contains("正在取消..."));
    update(
        &mut app,
        Msg::Report(ReportMsg::Done(Err(Text::new(
            ecocase::i18n::T::ReportCancelled,
        )))),
    );
    let st = state(&app);
    assert!(!st.running && !st.cancelling && st.step.is_none());
    assert!(
        screen(&app, 80, 24)
            .0
            .contains("已取消汇总报表，未写入文件")
    );
    // The screen is still there and a second Esc now leaves it.
    assert!(matches!(app.screen(), Screen::Report(_)));
}
