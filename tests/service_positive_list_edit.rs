//! 正面清单 edits from the screens through the service layer: a batch opened with a typed name and note
//! (or the next name when left empty), and an entry's off-site supervision means (audited, scoped,
//! refused on closed entries and stale versions).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::service::ServiceError;

#[test]
fn a_batch_takes_the_typed_name_and_note_or_the_next_name() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    let b = staff
        .positive_list()
        .open_batch("2026年冬季专项批", "重点涉气企业")
        .unwrap();
    assert_eq!(
        (b.name.as_str(), b.note.as_str()),
        ("2026年冬季专项批", "重点涉气企业")
    );
    let next = staff.positive_list().open_batch("  ", "自动命名").unwrap();
    assert_eq!(next.name, "2026年第2批");
    assert_eq!(next.note, "自动命名");
    let dup = staff.positive_list().open_batch("2026年冬季专项批", "");
    assert!(matches!(dup, Err(ServiceError::Invalid(ref i)) if i[0].field == "name"));
    let insp = login(&path, "inspector");
    assert!(matches!(
        insp.positive_list().open_batch("x", ""),
        Err(ServiceError::Forbidden(_))
    ));
}

#[test]
fn off_site_means_are_edited_by_staff_of_the_region_and_audited() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    let b = staff.positive_list().open_batch("", "").unwrap();
    let e1 = staff.enterprises().by_uscc(E1_USCC).unwrap().id;
    let x = staff.positive_list().propose(b.id, e1, "自动监控").unwrap();
    let x = staff
        .positive_list()
        .set_offsite(x.id, x.row_version, "自动监控；用电监控；视频监控")
        .unwrap();
    assert_eq!(x.offsite_means, "自动监控；用电监控；视频监控");
    // A stale version is a conflict, not a silent overwrite.
    let stale = staff
        .positive_list()
        .set_offsite(x.id, x.row_version - 1, "视频监控");
    assert!(
        matches!(stale, Err(ServiceError::Conflict { .. })),
        "{stale:?}"
    );
    // The branch reaches its region's entry; inspectors and enterprises may not edit.
    let branch = login(&path, "branch");
    assert!(
        branch
            .positive_list()
            .set_offsite(x.id, x.row_version, "遥感监测")
            .is_ok()
    );
    let insp = login(&path, "inspector");
    assert!(matches!(
        insp.positive_list()
            .set_offsite(x.id, x.row_version + 1, "x"),
        Err(ServiceError::Forbidden(_))
    ));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'pl_entry' AND action = 'update'
             AND after_json LIKE '%遥感监测%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn the_360_view_gets_the_list_history_of_the_enterprise_within_scope() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    let b = staff.positive_list().open_batch("", "").unwrap();
    let e1 = staff.enterprises().by_uscc(E1_USCC).unwrap().id;
    let e2 = staff.enterprises().by_uscc(E2_USCC).unwrap().id;
    staff.positive_list().propose(b.id, e1, "自动监控").unwrap();
    let history = staff.positive_list().history_of(e1).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].0, b.name);
    assert_eq!(
        (
            history[0].1.from_state.as_str(),
            history[0].1.to_state.as_str()
        ),
        ("", "candidate")
    );
    // The enterprise sees its own; another enterprise's is hidden.
    let ent = login(&path, "ent");
    assert_eq!(ent.positive_list().history_of(e1).unwrap().len(), 1);
    assert!(matches!(
        ent.positive_list().history_of(e2),
        Err(ServiceError::NotFound)
    ));
}
