//! The role x action matrix of docs/permissions.md, walked cell by cell through the service layer,
//! plus enterprise scoping: nothing of another enterprise leaks through lists, search, counts, exports
//! or error texts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::i18n::Lang;
use ecocase::service::enterprise::Warnings;
use ecocase::service::{ServiceError, Session};
use ecocase::store::enterprise::Filter;

/// What a cell of the matrix expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    /// Done.
    Allow,
    /// Refused for the role.
    Forbidden,
    /// Refused as "not found" (outside the actor's scope; existence is not revealed).
    Hidden,
}
use Want::*;

fn outcome<T>(r: Result<T, ServiceError>) -> Want {
    match r {
        Ok(_) => Allow,
        Err(ServiceError::Forbidden(_)) => Forbidden,
        Err(ServiceError::NotFound) => Hidden,
        Err(other) => panic!("unexpected error: {other}"),
    }
}

/// One row of the matrix: the user and the expected outcome of each action, in the column order of
/// `walk` below.
struct Row {
    user: &'static str,
    read_own_region: Want,
    read_other_region: Want,
    create_own_region: Want,
    create_other_region: Want,
    update_own_region: Want,
    update_other_region: Want,
    history: Want,
    export: Want,
    manage_users: Want,
    manage_settings: Want,
    manage_reference: Want,
    view_audit: Want,
    delete_own_region: Want,
}

const MATRIX: &[Row] = &[
    Row {
        user: "admin",
        read_own_region: Allow,
        read_other_region: Allow,
        create_own_region: Forbidden,
        create_other_region: Forbidden,
        update_own_region: Forbidden,
        update_other_region: Forbidden,
        history: Allow,
        export: Forbidden,
        manage_users: Allow,
        manage_settings: Allow,
        manage_reference: Allow,
        view_audit: Allow,
        delete_own_region: Forbidden,
    },
    Row {
        user: "staff",
        read_own_region: Allow,
        read_other_region: Allow,
        create_own_region: Allow,
        create_other_region: Allow,
        update_own_region: Allow,
        update_other_region: Allow,
        history: Allow,
        export: Allow,
        manage_users: Forbidden,
        manage_settings: Forbidden,
        manage_reference: Forbidden,
        view_audit: Forbidden,
        delete_own_region: Forbidden,
    },
    Row {
        user: "branch",
        read_own_region: Allow,
        read_other_region: Hidden,
        create_own_region: Allow,
        create_other_region: Forbidden,
        update_own_region: Allow,
        update_other_region: Hidden,
        history: Allow,
        export: Allow,
        manage_users: Forbidden,
        manage_settings: Forbidden,
        manage_reference: Forbidden,
        view_audit: Forbidden,
        delete_own_region: Forbidden,
    },
    Row {
        user: "inspector",
        read_own_region: Allow,
        read_other_region: Allow,
        create_own_region: Forbidden,
        create_other_region: Forbidden,
        update_own_region: Forbidden,
        update_other_region: Forbidden,
        history: Allow,
        export: Allow,
        manage_users: Forbidden,
        manage_settings: Forbidden,
        manage_reference: Forbidden,
        view_audit: Forbidden,
        delete_own_region: Forbidden,
    },
    Row {
        user: "supervisor",
        read_own_region: Allow,
        read_other_region: Allow,
        create_own_region: Allow,
        create_other_region: Allow,
        update_own_region: Allow,
        update_other_region: Allow,
        history: Allow,
        export: Allow,
        manage_users: Forbidden,
        manage_settings: Forbidden,
        manage_reference: Forbidden,
        view_audit: Allow,
        delete_own_region: Allow,
    },
    Row {
        user: "ent",
        read_own_region: Allow,
        read_other_region: Hidden,
        create_own_region: Forbidden,
        create_other_region: Forbidden,
        update_own_region: Forbidden,
        update_other_region: Forbidden,
        history: Forbidden,
        export: Allow,
        manage_users: Forbidden,
        manage_settings: Forbidden,
        manage_reference: Forbidden,
        view_audit: Forbidden,
        delete_own_region: Forbidden,
    },
];

/// New enterprises for the create cells: valid USCCs not in the fixture.
const NEW_GUAN: (&str, &str) = ("91371525MA3C4Q5U2B", "冠县新建机械有限公司");
const NEW_DCF: (&str, &str) = ("91371502MA3C4Q5U3X", "东昌府新建食品有限公司");

fn valid(uscc_body_and_guess: &str) -> String {
    let body = &uscc_body_and_guess[..17];
    format!(
        "{body}{}",
        ecocase::domain::uscc::check_char(body).expect("alphabet")
    )
}

fn walk(row: &Row) -> Vec<(&'static str, Want, Want)> {
    let (_dir, path) = fresh_db();
    let mut s = login(&path, row.user);
    // The fixture creates E1 then E2; both at row version 1.
    let (e1, v1, e2, v2) = (1, 1, 2, 1);
    let edit = |s: &Session, id: i64| -> EnterpriseDraft {
        match s.enterprises().get(id) {
            Ok(e) => {
                let mut d = EnterpriseDraft::from_enterprise(&e);
                d.phone = "0635-8888888".into();
                d
            }
            Err(_) => draft(
                if id == 1 { E1_USCC } else { E2_USCC },
                "改名",
                if id == 1 { GUAN } else { DONGCHANGFU },
            ),
        }
    };
    let d1 = edit(&s, e1);
    let d2 = edit(&s, e2);
    vec![
        (
            "read_own_region",
            row.read_own_region,
            outcome(s.enterprises().get(e1)),
        ),
        (
            "read_other_region",
            row.read_other_region,
            outcome(s.enterprises().get(e2)),
        ),
        (
            "create_own_region",
            row.create_own_region,
            outcome(
                s.enterprises()
                    .create(draft(&valid(NEW_GUAN.0), NEW_GUAN.1, GUAN), Warnings::Stop),
            ),
        ),
        (
            "create_other_region",
            row.create_other_region,
            outcome(s.enterprises().create(
                draft(&valid(NEW_DCF.0), NEW_DCF.1, DONGCHANGFU),
                Warnings::Stop,
            )),
        ),
        (
            "update_own_region",
            row.update_own_region,
            outcome(s.enterprises().update(e1, v1, d1, Warnings::Stop)),
        ),
        (
            "update_other_region",
            row.update_other_region,
            outcome(s.enterprises().update(e2, v2, d2, Warnings::Stop)),
        ),
        (
            "history",
            row.history,
            outcome(s.enterprises().history(e1, 10)),
        ),
        (
            "export",
            row.export,
            outcome(s.enterprises().for_each(&Filter::default(), |_| Ok(()))),
        ),
        (
            "manage_users",
            row.manage_users,
            outcome(s.accounts().list()),
        ),
        (
            "manage_settings",
            row.manage_settings,
            outcome(s.set_setting("login.max_failures", "6")),
        ),
        (
            "manage_reference",
            row.manage_reference,
            outcome(
                s.admin()
                    .import_service_menu("code,name_zh,name_en\nEIA,环评指导,EIA guidance\n"),
            ),
        ),
        (
            "view_audit",
            row.view_audit,
            outcome(s.admin().audit_page(None, 10)),
        ),
        (
            "delete_own_region",
            row.delete_own_region,
            outcome({
                let v = s.enterprises().get(e1).map(|e| e.row_version).unwrap_or(v1);
                s.enterprises().delete(e1, v, "重复登记")
            }),
        ),
    ]
}

#[test]
fn every_cell_of_the_role_action_matrix() {
    let mut wrong = Vec::new();
    for row in MATRIX {
        for (action, want, got) in walk(row) {
            if want != got {
                wrong.push(format!(
                    "{} / {action}: want {want:?}, got {got:?}",
                    row.user
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "matrix mismatches:\n{}", wrong.join("\n"));
}

#[test]
fn enterprise_account_sees_nothing_of_other_enterprises() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "ent");
    let all = s
        .enterprises()
        .list(&Filter::default(), None, 100)
        .expect("list");
    assert_eq!(
        all.iter().map(|e| e.uscc.as_str()).collect::<Vec<_>>(),
        vec![E1_USCC]
    );
    assert_eq!(s.enterprises().count(&Filter::default()).expect("count"), 1);
    for q in ["绿源", "绿源化工", "lyhg", &E2_USCC[..10], "东昌府"] {
        let f = Filter {
            query: q.to_string(),
            ..Default::default()
        };
        assert!(
            s.enterprises()
                .list(&f, None, 100)
                .expect("search")
                .is_empty(),
            "query {q} leaked"
        );
        assert_eq!(
            s.enterprises().count(&f).expect("count"),
            0,
            "count for {q} leaked"
        );
    }
    let mut exported = Vec::new();
    s.enterprises()
        .for_each(&Filter::default(), |e| {
            exported.push(e.uscc.clone());
            Ok(())
        })
        .expect("export");
    assert_eq!(exported, vec![E1_USCC]);
    let err = s.enterprises().by_uscc(E2_USCC).expect_err("hidden");
    for lang in [Lang::Zh, Lang::En] {
        let msg = err.render(lang);
        assert!(
            !msg.contains(E2_NAME) && !msg.contains("东昌府"),
            "error text leaked: {msg}"
        );
    }
}

#[test]
fn branch_duplicate_check_does_not_name_an_out_of_scope_enterprise() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "branch");
    let err = s
        .enterprises()
        .create(draft(E2_USCC, "冠县重复公司", GUAN), Warnings::Stop)
        .expect_err("duplicate");
    let ServiceError::Invalid(issues) = &err else {
        panic!("expected validation error, got {err}")
    };
    let msg = issues[0].render(Lang::Zh);
    assert_eq!(msg, format!("统一社会信用代码 {E2_USCC} 已被登记"));
    // A city-level account may see it, so it is named.
    let staff = login(&path, "staff");
    let err = staff
        .enterprises()
        .create(draft(E2_USCC, "重复公司", GUAN), Warnings::Stop)
        .expect_err("duplicate");
    assert!(
        err.render(Lang::Zh).contains(E2_NAME),
        "{}",
        err.render(Lang::Zh)
    );
}
