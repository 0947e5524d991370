//! Enterprise register use cases through the service layer: validation, warnings, optimistic
//! concurrency, former names, soft delete, and the audit rows each change leaves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::domain::validate::Severity;
use ecocase::i18n::Lang;
use ecocase::service::ServiceError;
use ecocase::service::enterprise::Warnings;
use ecocase::store::enterprise::Filter;

fn audit_count(s: &ecocase::service::Session) -> usize {
    s.admin().audit_page(None, 10_000).expect("audit").len()
}

#[test]
fn wrong_check_character_is_refused_naming_the_right_one_and_nothing_is_saved() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "staff");
    let before = s.enterprises().count(&Filter::default()).expect("count");
    let err = s
        .enterprises()
        .create(
            draft("91371525MA3C4Q5U2A", "冠县测试有限公司", GUAN),
            Warnings::Acknowledge,
        )
        .expect_err("bad check char");
    let ServiceError::Invalid(issues) = err else {
        panic!("expected validation error")
    };
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].field, "uscc");
    let expected = ecocase::domain::uscc::check_char("91371525MA3C4Q5U2").expect("alphabet");
    assert_eq!(
        issues[0].render(Lang::Zh),
        format!("校验码不符，应为 {expected}")
    );
    assert_eq!(
        issues[0].render(Lang::En),
        format!("Check character is wrong: expected {expected}")
    );
    assert_eq!(
        s.enterprises().count(&Filter::default()).expect("count"),
        before
    );
}

#[test]
fn pre_standard_code_is_saved_flagged_with_its_reason_after_acknowledgement() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "staff");
    let mut d = draft("91371525MA3C4Q5U2A", "冠县老字号酿造厂", GUAN);
    d.uscc_reason = "2015 年前登记的旧代码，营业执照原件核对无误".into();
    let err = s
        .enterprises()
        .create(d.clone(), Warnings::Stop)
        .expect_err("warning stops");
    let ServiceError::Invalid(issues) = err else {
        panic!("expected warnings")
    };
    assert!(issues.iter().all(|i| i.severity == Severity::Warning));
    let e = s
        .enterprises()
        .create(d, Warnings::Acknowledge)
        .expect("saved with warning");
    assert_eq!(
        e.uscc_nonstandard_reason.as_deref(),
        Some("2015 年前登记的旧代码，营业执照原件核对无误")
    );
}

#[test]
fn second_save_from_a_stale_version_is_refused_naming_who_changed_it() {
    let (_dir, path) = fresh_db();
    let a = login(&path, "staff");
    let b = login(&path, "supervisor");
    let e = a.enterprises().by_uscc(E1_USCC).expect("e1");
    let mut da = EnterpriseDraft::from_enterprise(&e);
    da.phone = "0635-1111111".into();
    let mut db = EnterpriseDraft::from_enterprise(&e);
    db.phone = "0635-2222222".into();
    a.enterprises()
        .update(e.id, e.row_version, da, Warnings::Stop)
        .expect("first save");
    let err = b
        .enterprises()
        .update(e.id, e.row_version, db, Warnings::Stop)
        .expect_err("stale");
    let msg = err.render(Lang::Zh);
    assert!(
        msg.starts_with("已被 staff 于 2026-11-29 10:00 修改"),
        "{msg}"
    );
    assert_eq!(
        b.enterprises().get(e.id).expect("reload").phone,
        "0635-1111111"
    );
}

#[test]
fn renaming_keeps_the_former_name_with_its_date_and_search_finds_it() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "staff");
    let e = s.enterprises().by_uscc(E1_USCC).expect("e1");
    let mut d = EnterpriseDraft::from_enterprise(&e);
    d.name = "冠县兴华新材料股份有限公司".into();
    s.enterprises()
        .update(e.id, e.row_version, d, Warnings::Stop)
        .expect("rename");
    let former = s.enterprises().former_names(e.id).expect("former");
    assert_eq!(former.len(), 1);
    assert_eq!(former[0].name, E1_NAME);
    assert_eq!(former[0].valid_to.to_string(), "2026-11-29");
    let f = Filter {
        query: "兴华纺织".into(),
        ..Default::default()
    };
    let found = s.enterprises().list(&f, None, 10).expect("search");
    assert_eq!(
        found.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
        vec!["冠县兴华新材料股份有限公司"]
    );
}

#[test]
fn soft_delete_needs_a_reason_and_leaves_an_audit_row() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "supervisor");
    let e = s.enterprises().by_uscc(E2_USCC).expect("e2");
    let err = s
        .enterprises()
        .delete(e.id, e.row_version, "  ")
        .expect_err("reason required");
    assert!(
        err.render(Lang::Zh).contains("删除原因不能为空"),
        "{}",
        err.render(Lang::Zh)
    );
    let rows_before = audit_count(&s);
    s.enterprises()
        .delete(e.id, e.row_version, "企业已注销，重复登记")
        .expect("delete");
    assert!(matches!(
        s.enterprises().get(e.id),
        Err(ServiceError::NotFound)
    ));
    assert_eq!(audit_count(&s), rows_before + 1);
    let last = &s.admin().audit_page(None, 1).expect("audit")[0];
    assert_eq!(
        (
            last.action.as_str(),
            last.entity.as_str(),
            last.actor_name.as_str()
        ),
        ("delete", "enterprise", "supervisor")
    );
    assert!(
        last.after_json
            .as_deref()
            .unwrap_or("")
            .contains("企业已注销")
    );
    assert_eq!(
        s.admin().verify_audit_chain().expect("verify").first_broken,
        None
    );
}

#[test]
fn every_change_is_audited_with_before_and_after() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "staff");
    let e = s.enterprises().by_uscc(E1_USCC).expect("e1");
    let mut d = EnterpriseDraft::from_enterprise(&e);
    d.credit = "绿".into();
    s.enterprises()
        .update(e.id, e.row_version, d, Warnings::Stop)
        .expect("update");
    let history = s.enterprises().history(e.id, 10).expect("history");
    assert_eq!(
        history
            .iter()
            .map(|h| h.action.as_str())
            .collect::<Vec<_>>(),
        vec!["create", "update"]
    );
    let before = history[1].before_json.as_deref().expect("before");
    let after = history[1].after_json.as_deref().expect("after");
    assert!(
        before.contains("\"credit\":\"\"") && after.contains("\"credit\":\"green\""),
        "{before} / {after}"
    );
}

#[test]
fn branch_staff_cannot_move_an_enterprise_out_of_their_region() {
    let (_dir, path) = fresh_db();
    let s = login(&path, "branch");
    let e = s.enterprises().by_uscc(E1_USCC).expect("e1");
    let mut d = EnterpriseDraft::from_enterprise(&e);
    d.region_code = DONGCHANGFU.into();
    let err = s
        .enterprises()
        .update(e.id, e.row_version, d, Warnings::Stop)
        .expect_err("moving out");
    assert!(matches!(err, ServiceError::Forbidden(_)));
    assert_eq!(
        s.enterprises().get(e.id).expect("still there").region_code,
        GUAN
    );
}
