//! The runtime against a real database: each effect the app asks for is carried out through the
//! service layer and comes back as the message `update` expects.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::domain::user::Role;
use ecocase::i18n::Lang;
use ecocase::service::enterprise::Warnings;
use ecocase::service::home::TaskKind;
use ecocase::service::users::NewAccount;
use ecocase::service::{auth, setup, system_clock};
use ecocase::store::enterprise::Filter;
use ecocase::tui::msg::{Effect, Msg, PageRequest, PageStart, SaveError};
use ecocase::tui::runtime::Runtime;

const PW: &str = "secret1";

/// A database with an administrator, city-level staff and a 冠县 branch account.
fn database() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("e.db");
    let clock = system_clock();
    setup::init(&path, "admin", PW, &clock).expect("init");
    let mut admin = auth::login_path(&path, "admin", PW, clock).expect("admin");
    for (name, unit) in [("staff", "CITY"), ("branch", "371525")] {
        admin
            .add_user(&NewAccount {
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
    rt.execute(Effect::SaveEnterprise {
        editing: None,
        draft,
        warnings,
    })
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
        Some(Msg::SaveFailed(SaveError::Invalid(issues))) => {
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
        Some(Msg::SaveFailed(SaveError::Invalid(_)))
    ));
    let saved = match save(&mut rt, good, Warnings::Acknowledge) {
        Some(Msg::Saved(e)) => e,
        other => panic!("{other:?}"),
    };
    let msg = rt.execute(Effect::LoadPage(PageRequest {
        req: 9,
        filter: Filter {
            query: "绿源".into(),
            ..Filter::default()
        },
        start: PageStart::After(None),
        limit: 19,
        count: true,
    }));
    match msg {
        Some(Msg::PageLoaded {
            req: 9,
            rows: Ok(rows),
            total: Some(1),
            ..
        }) => assert_eq!(rows[0].id, saved.id),
        other => panic!("{other:?}"),
    }
    match rt.execute(Effect::LoadDetail { id: saved.id }) {
        Some(Msg::DetailLoaded { data: Ok(d), .. }) => {
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
            Some(Msg::Saved(_))
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
        Some(Msg::Saved(_))
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
