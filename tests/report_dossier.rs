//! 企业档案: what it holds, for whom, in HTML and XLSX.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;
use ecocase::domain::assistance::{Channel, RequestDraft, Urgency};
use ecocase::export::dossier::{DossierFormat, write_dossier};
use ecocase::export::{ExportError, Output};
use ecocase::i18n::Lang;
use ecocase::service::ServiceError;

fn with_request() -> (common::Checked, std::path::PathBuf, i64, String) {
    let (dir, path) = fresh_db();
    let ent = login(&path, "ent");
    let r = ent
        .assistance()
        .file(
            RequestDraft {
                enterprise_id: None,
                services: vec!["EIA".into()],
                description: "<script>alert(1)</script>环评手续咨询".into(),
                urgency: Urgency::Urgent,
                channel: Channel::SelfService,
                wished_date: String::new(),
            },
            true,
        )
        .expect("filed");
    let id = ent.enterprises().by_uscc(E1_USCC).expect("e1").id;
    (dir, path, id, r.number)
}

#[test]
fn the_html_dossier_holds_profile_requests_and_history_escaped() {
    let (dir, path, id, number) = with_request();
    let staff = login(&path, "staff");
    let out = dir.path().join("d.html");
    let name = write_dossier(
        &staff,
        id,
        DossierFormat::Html,
        Output::File(&out),
        Lang::Zh,
    )
    .expect("dossier");
    assert_eq!(name, E1_NAME);
    let page = std::fs::read_to_string(&out).expect("read");
    assert!(page.contains(&format!("企业档案：{E1_NAME}")), "{page}");
    assert!(page.contains(E1_USCC));
    assert!(page.contains(&number), "the request is listed");
    assert!(page.contains("较急"), "urgency label");
    assert!(page.contains("变更记录"), "staff see the change history");
    assert!(page.contains("无记录"), "empty parts say so");
    assert!(!page.contains("<script>"), "data is escaped");
}

#[test]
fn the_xlsx_dossier_has_a_sheet_per_part() {
    let (dir, path, id, number) = with_request();
    let staff = login(&path, "staff");
    let out = dir.path().join("d.xlsx");
    write_dossier(
        &staff,
        id,
        DossierFormat::Xlsx,
        Output::File(&out),
        Lang::En,
    )
    .expect("xlsx");
    let mut wb: Xlsx<_> = open_workbook(&out).expect("open");
    let names = wb.sheet_names();
    assert_eq!(names[0], "Profile");
    assert!(
        names.contains(&"Assistance requests".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"Change history".to_string()), "{names:?}");
    let profile = wb.worksheet_range("Profile").expect("profile");
    assert!(
        profile
            .rows()
            .any(|r| r.get(1) == Some(&Data::String(E1_NAME.into()))),
        "the name is in the profile"
    );
    let requests = wb.worksheet_range("Assistance requests").expect("requests");
    assert_eq!(
        requests.get_value((1, 0)),
        Some(&Data::String(number.clone()))
    );
}

#[test]
fn an_enterprise_gets_only_its_own_dossier_without_the_change_history() {
    let (dir, path, id, _) = with_request();
    let ent = login(&path, "ent");
    let out = dir.path().join("own.html");
    write_dossier(&ent, id, DossierFormat::Html, Output::File(&out), Lang::Zh).expect("own");
    let page = std::fs::read_to_string(&out).expect("read");
    assert!(
        !page.contains("变更记录"),
        "no audit for enterprise accounts"
    );
    let other = login(&path, "staff")
        .enterprises()
        .by_uscc(E2_USCC)
        .expect("e2")
        .id;
    let r = write_dossier(
        &ent,
        other,
        DossierFormat::Html,
        Output::File(&dir.path().join("other.html")),
        Lang::Zh,
    );
    assert!(
        matches!(r, Err(ExportError::Service(ServiceError::NotFound))),
        "another enterprise's dossier does not exist for it"
    );
    assert!(!dir.path().join("other.html").exists(), "nothing written");
    // The 冠县 branch cannot read a 东昌府区 enterprise's dossier either.
    let r = write_dossier(
        &login(&path, "branch"),
        other,
        DossierFormat::Html,
        Output::File(&dir.path().join("b.html")),
        Lang::Zh,
    );
    assert!(matches!(
        r,
        Err(ExportError::Service(ServiceError::NotFound))
    ));
}
