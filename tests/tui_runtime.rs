//! The runtime against a real database: each effect the app asks for is carried out through the
//! service layer and comes back as the message `update` expects.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use ecocase::domain::account::Role;
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::i18n::Lang;
use ecocase::service::account::NewAccount;
use ecocase::service::account::auth;
use ecocase::service::account::setup;
use ecocase::service::enterprise::Warnings;
use ecocase::service::home::TaskKind;
use ecocase::service::system_clock;
use ecocase::store::enterprise::Filter;
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::runtime::Runtime;
use ecocase::tui::screens::admin::AdminEffect;
use ecocase::tui::screens::admin::AdminMsg;
use ecocase::tui::screens::enterprise::EnterpriseEffect;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::enterprise::{PageRequest, PageStart, SaveError};
use ecocase::tui::screens::report::ReportEffect;
use ecocase::tui::screens::report::ReportMsg;

mod tui_common;

const PW: &str = "Dongchang-lake-2026";

/// A database with an administrator, city-level staff and a 冠县 branch account.
fn database() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("e.db");
    let clock = system_clock();
    setup::init(&path, "admin", PW, &clock).expect("init");
    let admin = auth::login_path(&path, "admin", PW, clock).expect("admin");
    for (name, unit) in [("staff", "CITY"), ("branch", "371525")] {
        admin
            .accounts()
            .add(&NewAccount {
                username: name.into(),
                display_name: name.into(),
                roles: vec![Role::Staff],
                unit: Some(unit.into()),
                enterprise_uscc: None,
                password: PW.into(),
            })
            .expect("add user");
    }
    (dir, path)
}

fn login(rt: &mut Runtime, user: &str) {
    let msg = rt.execute(Effect::Login {
        username: user.into(),
        password: PW.into(),
    });
    assert!(matches!(msg, Some(Msg::LoggedIn(Ok(_)))), "{msg:?}");
}

fn save(rt: &mut Runtime, draft: EnterpriseDraft, warnings: Warnings) -> Option<Msg> {
    rt.execute(Effect::Enterprise(EnterpriseEffect::Save {
        editing: None,
        draft,
        warnings,
    }))
}

fn draft(uscc: &str, name: &str, region: &str) -> EnterpriseDraft {
    EnterpriseDraft {
        uscc: uscc.into(),
        name: name.into(),
        region_code: region.into(),
        status: "operating".into(),
        permit_expiry: "2000-01-01".into(),
        ..EnterpriseDraft::default()
    }
}

#[test]
fn login_reports_wrong_passwords_in_the_chosen_words() {
    let (_dir, path) = database();
    let mut rt = Runtime::new(path, system_clock());
    let msg = rt.execute(Effect::Login {
        username: "staff".into(),
        password: "nope".into(),
    });
    match msg {
        Some(Msg::LoggedIn(Err(t))) => assert_eq!(t.render(Lang::Zh), "用户名或密码错误"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn saving_refuses_a_wrong_check_character_then_saves_and_finds_by_two_characters() {
    let (_dir, path) = database();
    let mut rt = Runtime::new(path, system_clock());
    login(&mut rt, "staff");
    let bad = draft(
        "91130200699229617A",
        "聊城市东昌府区绿源化工有限公司",
        "371502",
    );
    match save(&mut rt, bad, Warnings::Stop) {
        Some(Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Invalid(issues)))) => {
            let texts: Vec<String> = issues.iter().map(|i| i.render(Lang::Zh)).collect();
            assert!(
                texts.contains(&"校验码不符，应为 X".to_string()),
                "{texts:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    // The good code still carries a warning (expired permit): refused until acknowledged.
    let good = draft(
        "91130200699229617X",
        "聊城市东昌府区绿源化工有限公司",
        "371502",
    );
    assert!(matches!(
        save(&mut rt, good.clone(), Warnings::Stop),
        Some(Msg::Enterprise(EnterpriseMsg::SaveFailed(
            SaveError::Invalid(_)
        )))
    ));
    let saved = match save(&mut rt, good, Warnings::Acknowledge) {
        Some(Msg::Enterprise(EnterpriseMsg::Saved(e))) => e,
        other => panic!("{other:?}"),
    };
    let msg = rt.execute(Effect::Enterprise(EnterpriseEffect::LoadPage(
        PageRequest {
            req: 9,
            filter: Filter {
                query: "绿源".into(),
                ..Filter::default()
            },
            start: PageStart::After(None),
            limit: 19,
            count: true,
        },
    )));
    match msg {
        Some(Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: 9,
            rows: Ok(rows),
            total: Some(1),
            ..
        })) => assert_eq!(rows[0].id, saved.id),
        other => panic!("{other:?}"),
    }
    match rt.execute(Effect::Enterprise(EnterpriseEffect::LoadDetail {
        id: saved.id,
    })) {
        Some(Msg::Enterprise(EnterpriseMsg::DetailLoaded { data: Ok(d), .. })) => {
            let history = d.history.expect("bureau roles see the history");
            assert_eq!(history.last().map(|h| h.action.as_str()), Some("create"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn home_counts_follow_the_account_scope() {
    let (_dir, path) = database();
    let mut rt = Runtime::new(path.clone(), system_clock());
    login(&mut rt, "staff");
    for (uscc, name, region) in [
        ("91130200699229617X", "东昌府甲公司", "371502"),
        ("911302307808371268", "冠县乙公司", "371525"),
    ] {
        assert!(matches!(
            save(&mut rt, draft(uscc, name, region), Warnings::Acknowledge),
            Some(Msg::Enterprise(EnterpriseMsg::Saved(_)))
        ));
    }
    let count = |msg: Option<Msg>, kind: TaskKind| match msg {
        Some(Msg::HomeLoaded(Ok(home))) => {
            home.tasks
                .iter()
                .find(|t| t.kind == kind)
                .expect("task")
                .count
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(count(rt.execute(Effect::LoadHome), TaskKind::All), 2);
    assert_eq!(
        count(rt.execute(Effect::LoadHome), TaskKind::PermitExpired),
        2
    );
    assert_eq!(
        count(rt.execute(Effect::LoadHome), TaskKind::WarningsAcknowledged),
        2
    );
    let mut branch = Runtime::new(path, system_clock());
    login(&mut branch, "branch");
    assert_eq!(count(branch.execute(Effect::LoadHome), TaskKind::All), 1);
}

#[test]
fn a_commit_by_another_process_is_noticed_on_the_idle_tick() {
    let (_dir, path) = database();
    let mut rt = Runtime::new(path.clone(), system_clock());
    login(&mut rt, "staff");
    assert_eq!(rt.execute(Effect::CheckDataVersion), None);
    let mut other = Runtime::new(path, system_clock());
    login(&mut other, "staff");
    assert!(matches!(
        save(
            &mut other,
            draft("91130200699229617X", "甲", "371502"),
            Warnings::Acknowledge
        ),
        Some(Msg::Enterprise(EnterpriseMsg::Saved(_)))
    ));
    assert_eq!(rt.execute(Effect::CheckDataVersion), Some(Msg::DataChanged));
    assert_eq!(rt.execute(Effect::CheckDataVersion), None);
}

#[test]
fn unlock_checks_the_password_again() {
    let (_dir, path) = database();
    let mut rt = Runtime::new(path, system_clock());
    login(&mut rt, "staff");
    assert!(matches!(
        rt.execute(Effect::Unlock {
            password: "wrong".into()
        }),
        Some(Msg::Unlocked(Err(_)))
    ));
    assert_eq!(
        rt.execute(Effect::Unlock {
            password: PW.into()
        }),
        Some(Msg::Unlocked(Ok(())))
    );
}

#[test]
fn first_run_setup_creates_the_database_and_a_missing_demo_generator_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("new.db");
    let mut rt = Runtime::new(path.clone(), system_clock());
    assert_eq!(
        rt.execute(Effect::InitDatabase {
            admin: "admin".into(),
            password: PW.into()
        }),
        Some(Msg::SetupDone(Ok("admin".into())))
    );
    assert!(path.exists());
    login(&mut rt, "admin");
    let again =
        Runtime::new(dir.path().join("demo.db"), system_clock()).execute(Effect::GenerateDemo);
    assert!(matches!(again, Some(Msg::DemoDone(_))), "{again:?}");
}

#[test]
fn a_kept_draft_survives_a_new_session_and_stays_with_its_owner() {
    let (_dir, path) = database();
    let mut rt = Runtime::new(path.clone(), system_clock());
    login(&mut rt, "staff");
    let payload = serde_json::json!({"row_version": null, "focus": 2,
        "fields": {"uscc": "", "uscc_reason": "", "name": "聊城市绿源化工", "legal_rep": "", "contact": "",
        "phone": "", "address": "", "region_code": "", "industry_code": "", "permit_no": "",
        "permit_class": "", "permit_expiry": "", "key_flags": "", "hw_class": "", "credit": "",
        "perf_grade": "", "status": "operating"}});
    assert_eq!(
        rt.execute(Effect::SaveDraft {
            form: "enterprise:new".into(),
            payload: payload.clone()
        }),
        None
    );
    drop(rt);

    // A new process (the SSH session dropped and the person logged in again) finds it.
    let mut again = Runtime::new(path.clone(), system_clock());
    login(&mut again, "staff");
    match again.execute(Effect::LoadDraft {
        form: "enterprise:new".into(),
    }) {
        Some(Msg::DraftLoaded {
            form,
            draft: Ok(Some(d)),
        }) => {
            assert_eq!(form, "enterprise:new");
            let kept: serde_json::Value = serde_json::from_str(&d.payload).expect("json");
            assert_eq!(kept, payload);
        }
        other => panic!("{other:?}"),
    }
    // Another person does not see it.
    let mut branch = Runtime::new(path, system_clock());
    login(&mut branch, "branch");
    assert!(matches!(
        branch.execute(Effect::LoadDraft {
            form: "enterprise:new".into()
        }),
        Some(Msg::DraftLoaded {
            draft: Ok(None),
            ..
        })
    ));
    // Forgotten once saved or discarded.
    assert_eq!(
        again.execute(Effect::DeleteDraft {
            form: "enterprise:new".into()
        }),
        None
    );
    assert!(matches!(
        again.execute(Effect::LoadDraft {
            form: "enterprise:new".into()
        }),
        Some(Msg::DraftLoaded {
            draft: Ok(None),
            ..
        })
    ));
}

#[test]
fn administration_effects_go_through_the_service_and_are_audited() {
    use ecocase::service::account::CertificateInput;
    let (_dir, path) = database();
    let mut rt = Runtime::new(path, system_clock());
    login(&mut rt, "admin");
    let account = NewAccount {
        username: "guanxian01".into(),
        display_name: "张晓梅".into(),
        roles: vec![Role::Staff],
        unit: Some("371525".into()),
        enterprise_uscc: None,
        password: PW.into(),
    };
    match rt.execute(Effect::Admin(AdminEffect::AddUser(account.clone()))) {
        Some(Msg::Admin(AdminMsg::Done(Ok(t)))) => {
            assert_eq!(t.render(Lang::Zh), "已添加用户 guanxian01")
        }
        other => panic!("{other:?}"),
    }
    match rt.execute(Effect::Admin(AdminEffect::AddUser(account))) {
        Some(Msg::Admin(AdminMsg::Done(Err(t)))) => {
            assert_eq!(t.render(Lang::Zh), "用户名 guanxian01 已存在")
        }
        other => panic!("{other:?}"),
    }
    match rt.execute(Effect::Admin(AdminEffect::LoadAccounts)) {
        Some(Msg::Admin(AdminMsg::AccountsLoaded(Ok((rows, units))))) => {
            let a = rows
                .iter()
                .find(|a| a.username == "guanxian01")
                .expect("added");
            assert_eq!(a.display_name, "张晓梅");
            assert_eq!(a.unit_code.as_deref(), Some("371525"));
            assert!(
                units
                    .iter()
                    .any(|u| u.code == "371525" && u.name_zh.contains("冠县"))
            );
            assert_eq!(units[0].code, "CITY");
        }
        other => panic!("{other:?}"),
    }
    let cert = |from: &str, to: &str| CertificateInput {
        kind: "行政执法证".into(),
        number: "LC-2026-0158".into(),
        issuer: "山东省人民政府".into(),
        valid_from: from.into(),
        valid_to: to.into(),
    };
    for (from, to, said) in [
        (
            "2026/01/01",
            "2028-12-31",
            "有效期自应为日期 YYYY-MM-DD，例如 2026-03-01",
        ),
        ("2028-12-31", "2026-01-01", "有效期至不能早于有效期自"),
    ] {
        match rt.execute(Effect::Admin(AdminEffect::AddCertificate {
            username: "guanxian01".into(),
            certificate: cert(from, to),
        })) {
            Some(Msg::Admin(AdminMsg::Done(Err(t)))) => assert_eq!(t.render(Lang::Zh), said),
            other => panic!("{other:?}"),
        }
    }
    assert!(matches!(
        rt.execute(Effect::Admin(AdminEffect::AddCertificate {
            username: "guanxian01".into(),
            certificate: cert(" 2026-1-1", "２０２８－１２－３１"),
        })),
        Some(Msg::Admin(AdminMsg::Done(Ok(_))))
    ));
    match rt.execute(Effect::Admin(AdminEffect::LoadCertificates {
        username: "guanxian01".into(),
    })) {
        Some(Msg::Admin(AdminMsg::CertificatesLoaded {
            certificates: Ok(c),
            ..
        })) => {
            // Typed in short or full-width form, the days are kept as days in the one stored form.
            assert_eq!(c.len(), 1);
            assert_eq!(c[0].valid_from.to_string(), "2026-01-01");
            assert_eq!(c[0].valid_to.to_string(), "2028-12-31");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        rt.execute(Effect::Admin(AdminEffect::SetUserActive {
            username: "guanxian01".into(),
            active: false
        })),
        Some(Msg::Admin(AdminMsg::Done(Ok(_))))
    ));
    match rt.execute(Effect::Admin(AdminEffect::SetSetting {
        key: "session.idle_lock_minutes".into(),
        value: "abc".into(),
    })) {
        Some(Msg::Admin(AdminMsg::SettingSaved(Err(t)))) => assert_eq!(
            t.render(Lang::En),
            "Setting session.idle_lock_minutes must be a whole number from 1 to 3650"
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        rt.execute(Effect::Admin(AdminEffect::SetSetting {
            key: "session.idle_lock_minutes".into(),
            value: "20".into(),
        })),
        Some(Msg::Admin(AdminMsg::SettingSaved(Ok(_))))
    ));
    match rt.execute(Effect::Admin(AdminEffect::LoadAudit {
        req: 3,
        before: None,
        limit: 2,
    })) {
        Some(Msg::Admin(AdminMsg::AuditLoaded {
            req: 3,
            rows: Ok(rows),
        })) => {
            assert_eq!(
                rows.len(),
                3,
                "one more than asked, to tell whether older rows follow"
            );
            assert_eq!(
                (rows[0].action.as_str(), rows[0].entity.as_str()),
                ("update", "setting")
            );
            assert_eq!(rows[1].action, "disable");
            assert!(rows[0].seq > rows[1].seq);
        }
        other => panic!("{other:?}"),
    }
    match rt.execute(Effect::Admin(AdminEffect::VerifyAudit)) {
        Some(Msg::Admin(AdminMsg::AuditVerified(Ok(report)))) => {
            assert!(report.rows >= 6);
            assert_eq!(report.first_broken, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn staff_are_refused_the_administration_effects() {
    let (_dir, path) = database();
    let mut rt = Runtime::new(path, system_clock());
    login(&mut rt, "staff");
    match rt.execute(Effect::Admin(AdminEffect::LoadAccounts)) {
        Some(Msg::Admin(AdminMsg::AccountsLoaded(Err(t)))) => {
            assert_eq!(t.render(Lang::Zh), "无权执行此操作：管理用户")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        rt.execute(Effect::Admin(AdminEffect::VerifyAudit)),
        Some(Msg::Admin(AdminMsg::AuditVerified(Err(_))))
    ));
}

#[test]
fn the_summary_runs_in_the_background_and_reports_progress_through_the_channel() {
    let (dir, path) = database();
    let (tx, rx) = std::sync::mpsc::channel();
    let mut rt = Runtime::new(path, system_clock()).with_sender(tx);
    login(&mut rt, "staff");
    let file = dir.path().join("summary.csv");
    let started = rt.execute(Effect::Report(ReportEffect::ExportSummary {
        period: ecocase::domain::report::Period::parse("2026-Q3").expect("period"),
        region: None,
        format: ecocase::export::summary::SummaryFormat::Csv,
        file: file.clone(),
        lang: Lang::Zh,
    }));
    assert!(
        started.is_none(),
        "answered through the channel: {started:?}"
    );
    let mut steps = Vec::new();
    let done = loop {
        match rx.recv_timeout(std::time::Duration::from_secs(60)) {
            Ok(Msg::Report(ReportMsg::Progress(p))) => steps.push(p.done),
            Ok(Msg::Report(ReportMsg::Done(r))) => break r,
            other => panic!("unexpected: {other:?}"),
        }
    };
    let text = done.expect("written").render(Lang::Zh);
    assert!(text.contains("summary.csv"), "{text}");
    assert!(file.exists());
    assert_eq!(steps.first(), Some(&0));
    assert_eq!(steps.last(), steps.len().checked_sub(1).as_ref());
    // A cancel after the job ended touches nothing.
    assert!(rt.execute(Effect::Report(ReportEffect::Cancel)).is_none());
    assert!(file.exists());
}

/// The 17 characters and their check character.
fn valid_uscc(body: &str) -> String {
    format!(
        "{body}{}",
        ecocase::domain::uscc::check_char(body).expect("alphabet")
    )
}

/// The form of a new enterprise with a valid USCC, name and region typed in.
fn typed_form(uscc: &str) -> ecocase::tui::app::App {
    use crossterm::event::KeyCode;
    use tui_common::{key, list_app, rows, staff, type_text};
    let mut app = list_app(staff(), rows());
    ecocase::tui::app::update(&mut app, key(KeyCode::Insert));
    type_text(&mut app, uscc);
    // USCC, reason, name.
    ecocase::tui::app::update(&mut app, key(KeyCode::Tab));
    ecocase::tui::app::update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "聊城市磁盘已满测试化工有限公司");
    // On to the region (a choice field): the first one offered.
    for _ in 0..5 {
        ecocase::tui::app::update(&mut app, key(KeyCode::Tab));
    }
    ecocase::tui::app::update(&mut app, key(KeyCode::Right));
    app
}

#[test]
fn a_full_disk_refuses_the_save_and_the_form_keeps_its_input() {
    use ecocase::tui::app::update;
    let (_dir, path) = database();
    // The file may not grow past its size now: a few saves fit in free pages, then the disk is "full".
    let conn = ecocase::store::db::open(&path).expect("open");
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("pages");
    conn.pragma_update(None, "max_page_count", pages)
        .expect("cap");
    let session = auth::login(conn, "staff", PW, system_clock()).expect("login");
    let mut rt = Runtime::new(path, system_clock()).with_session(session);
    // Large records until one does not fit, then small ones until not even those fit.
    let mut full = None;
    for i in 0..600_u32 {
        let mut d = draft(
            &valid_uscc(&format!("9137150{i:010}")),
            &format!("聊城市东昌府区填充测试有限公司{i}"),
            "371502",
        );
        if full.is_none() {
            d.address = "聊城市东昌府区".repeat(25);
        }
        match save(&mut rt, d, Warnings::Acknowledge) {
            Some(Msg::Enterprise(EnterpriseMsg::Saved(_))) => {}
            Some(Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Other(t))))
                if full.is_none() =>
            {
                full = Some(t)
            }
            Some(Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Other(_)))) => break,
            other => panic!("{other:?}"),
        }
    }
    let refusal = full.expect("the capped file fills up");
    assert!(
        refusal
            .render(Lang::Zh)
            .contains("磁盘已满，未保存任何内容"),
        "{}",
        refusal.render(Lang::Zh)
    );

    // The same refusal reaches a typed form: the message says so and every typed value stays.
    let uscc = valid_uscc("91371500MA3C4B2U0");
    let mut app = typed_form(&uscc);
    let fx = update(&mut app, tui_common::ctrl('s'));
    let save_effect = fx
        .into_iter()
        .find(|e| matches!(e, Effect::Enterprise(EnterpriseEffect::Save { .. })))
        .expect("the form asks to save");
    let answer = rt.execute(save_effect).expect("an answer");
    assert!(
        matches!(
            answer,
            Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Other(_)))
        ),
        "{answer:?}"
    );
    update(&mut app, answer);
    let f = tui_common::form(&app);
    assert_eq!(f.inputs[0].value(), uscc);
    assert_eq!(f.inputs[2].value(), "聊城市磁盘已满测试化工有限公司");
    let shown = tui_common::screen(&app, 80, 24).0;
    assert!(shown.contains("磁盘已满，未保存任何内容"), "{shown}");
    assert!(shown.contains("聊城市磁盘已满测试化工有限公司"), "{shown}");
    // The session goes on: reading still works.
    let read = rt.execute(Effect::LoadHome);
    assert!(matches!(read, Some(Msg::HomeLoaded(Ok(_)))), "{read:?}");
}
