//! The 正面清单 rows of docs/permissions.md, cell by cell through the service layer, and region scope.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use common::*;
use ecocase::domain::positive_list::Transition;
use ecocase::service::ServiceError;
use ecocase::service::positive_list::TransitionInput;
use ecocase::store::positive_list::EntryFilter;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Allow,
    Forbidden,
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

/// (user, read, propose E1 (Guan), propose E2 (Dongchangfu), apply, approve E2's entry, trigger on E2,
/// export)
type Row = (&'static str, Want, Want, Want, Want, Want, Want, Want);

const MATRIX: &[Row] = &[
    (
        "admin", Allow, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden,
    ),
    (
        "staff", Allow, Allow, Allow, Forbidden, Forbidden, Allow, Allow,
    ),
    (
        "branch", Allow, Allow, Hidden, Forbidden, Forbidden, Hidden, Allow,
    ),
    (
        "inspector",
        Allow,
        Forbidden,
        Forbidden,
        Forbidden,
        Forbidden,
        Allow,
        Forbidden,
    ),
    (
        "supervisor",
        Allow,
        Allow,
        Allow,
        Forbidden,
        Allow,
        Allow,
        Allow,
    ),
    (
        "ent", Allow, Forbidden, Forbidden, Allow, Forbidden, Forbidden, Forbidden,
    ),
];

#[test]
fn every_cell_of_the_positive_list_matrix() {
    for &(user, read, propose_own, propose_other, apply, approve, trigger, export) in MATRIX {
        let (_dir, path) = fresh_db();
        // A batch and a candidate entry for E2, made by city staff.
        let staff = login(&path, "staff");
        let batch = staff
            .positive_list()
            .create_batch("2026年第1批", 2026, "")
            .unwrap();
        let e1 = staff.enterprises().by_uscc(E1_USCC).unwrap().id;
        let e2 = staff.enterprises().by_uscc(E2_USCC).unwrap().id;
        let x2 = staff.positive_list().propose(batch.id, e2, "").unwrap();

        let s = login(&path, user);
        assert_eq!(outcome(s.positive_list().batches()), read, "{user}: read");
        // Proposals of E1 and E2 in the same batch; E2 already has an open entry, so a permitted
        // proposal there is refused by the business rule, not the permission.
        assert_eq!(
            outcome(s.positive_list().propose(batch.id, e1, "")),
            propose_own,
            "{user}: propose own"
        );
        let other = match s.positive_list().propose(batch.id, e2, "") {
            Err(ServiceError::Refused(_)) => Allow,
            r => outcome(r),
        };
        assert_eq!(other, propose_other, "{user}: propose other");
        let app = ecocase::service::positive_list::Application {
            contact: "李红 0635-8888888".into(),
            ..Default::default()
        };
        let applied = match s.positive_list().apply(batch.id, &app) {
            // E1 may already have been proposed by this very user above.
            Err(ServiceError::Refused(_)) => Allow,
            r => outcome(r),
        };
        assert_eq!(applied, apply, "{user}: apply");
        let approved = s.positive_list().transition(
            x2.id,
            x2.row_version,
            Transition::StartNotice,
            &TransitionInput {
                reason: "核实".into(),
                cause: None,
            },
        );
        assert_eq!(outcome(approved), approve, "{user}: approve");
        assert_eq!(
            outcome(s.positive_list().propose_removal_for_case(e2, "立案")),
            trigger,
            "{user}: trigger"
        );
        assert_eq!(
            outcome(
                s.positive_list()
                    .export_rows(&EntryFilter::default(), |_| Ok(()))
            ),
            export,
            "{user}: export"
        );
    }
}

#[test]
fn a_branch_sees_only_its_region_entries() {
    let (_dir, path) = fresh_db();
    let staff = login(&path, "staff");
    let batch = staff
        .positive_list()
        .create_batch("2026年第1批", 2026, "")
        .unwrap();
    for uscc in [E1_USCC, E2_USCC] {
        let id = staff.enterprises().by_uscc(uscc).unwrap().id;
        staff.positive_list().propose(batch.id, id, "").unwrap();
    }
    let branch = login(&path, "branch");
    let seen = branch
        .positive_list()
        .entries(&EntryFilter::default(), 50)
        .unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].region_code, GUAN);
    let all = staff
        .positive_list()
        .entries(&EntryFilter::default(), 50)
        .unwrap();
    let other = all.iter().find(|x| x.region_code == DONGCHANGFU).unwrap();
    assert!(matches!(
        branch.positive_list().entry(other.id),
        Err(ServiceError::NotFound)
    ));
    let counts = &branch.positive_list().batches().unwrap()[0].counts;
    assert_eq!(counts, &vec![("candidate".to_string(), 1)]);
}
