//! Manifest permissions: the role x action cells of the matrix, and scoping of generator, receiver,
//! another enterprise and branch staff, with no leakage through lists, counts or error texts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod manifest_common;

use common::*;
use ecocase::domain::account::{Action, Role};
use ecocase::domain::manifest::rules::{EventInput, ManifestEvent};
use ecocase::service::ServiceError;
use ecocase::service::manifest::reference::LicenceInput;
use ecocase::store::manifest::ListFilter;
use manifest_common::*;

#[test]
fn role_by_action_matrix() {
    use Role::*;
    let cells: &[(Action, &[Role])] = &[
        (
            Action::ManifestRead,
            &[Enterprise, Staff, Inspector, Supervisor],
        ),
        (
            Action::ManifestExport,
            &[Enterprise, Staff, Inspector, Supervisor],
        ),
        (Action::ManifestDraft, &[Enterprise, Staff, Supervisor]),
        (Action::ManifestTransport, &[Enterprise, Staff, Supervisor]),
        (Action::ManifestReceive, &[Enterprise, Staff, Supervisor]),
        (Action::ManifestOversee, &[Staff, Supervisor]),
        (Action::LicenceManage, &[Staff, Supervisor]),
    ];
    for (action, allowed) in cells {
        for role in Role::ALL {
            assert_eq!(
                action.roles().contains(&role),
                allowed.contains(&role),
                "{action:?} x {role:?}"
            );
        }
    }
}

#[test]
fn generator_receiver_and_other_enterprise_scoping() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    let draft = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
        .expect("draft");
    let rec = at(&clock, &path, "rec");
    let other = at(&clock, &path, "other");
    // The receiver does not see the generator's draft; nobody else sees anything.
    assert!(matches!(
        rec.manifests().get(draft.id),
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        other.manifests().get(draft.id),
        Err(ServiceError::NotFound)
    ));
    assert_eq!(
        rec.manifests()
            .count(&ListFilter::default())
            .expect("count"),
        0
    );
    let m = step(
        &mut ent,
        &draft,
        ManifestEvent::Submit,
        EventInput::default(),
    );
    assert_eq!(
        rec.manifests().get(m.id).expect("addressed to it").number,
        m.number
    );
    assert_eq!(
        rec.manifests()
            .count(&ListFilter::default())
            .expect("count"),
        1
    );
    assert_eq!(
        other
            .manifests()
            .count(&ListFilter::default())
            .expect("count"),
        0
    );
    assert!(
        other
            .manifests()
            .page(&ListFilter::default(), 50)
            .expect("page")
            .is_empty()
    );
    let e = other.manifests().by_number(&m.number).unwrap_err();
    assert!(matches!(e, ServiceError::NotFound));
    assert!(!zh(&e).contains(&m.number), "no leak through the message");
    // The receiver may not report the departure; the generator may not report arrival.
    let rec = rec;
    let e = rec
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Depart,
            when("2026-03-02 09:00"),
            false,
        )
        .unwrap_err();
    assert!(zh(&e).contains("移出人"), "{}", zh(&e));
    let m = step(
        &mut ent,
        &m,
        ManifestEvent::Depart,
        when("2026-03-02 09:00"),
    );
    let e = ent
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Arrive,
            when("2026-03-02 15:00"),
            false,
        )
        .unwrap_err();
    assert!(zh(&e).contains("接受人"), "{}", zh(&e));
    let other = other;
    let e = other
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Arrive,
            when("2026-03-02 15:00"),
            false,
        )
        .unwrap_err();
    assert!(matches!(e, ServiceError::NotFound));
    // The receiver's events in the detail are its own.
    let d = rec.manifests().detail(m.id).expect("detail");
    assert_eq!(d.events, vec![ManifestEvent::Arrive]);
    let d = ent.manifests().detail(m.id).expect("detail");
    assert_eq!(d.events, vec![ManifestEvent::Handover]);
    // An enterprise cannot draft for another generator.
    let mut foreign = input(LOCAL_LICENCE, "1", "2026-03-02");
    foreign.generator_id = Some(rec.actor().enterprise_id.expect("bound"));
    assert!(matches!(
        ent.manifests().create(foreign, false),
        Err(ServiceError::Refused(_))
    ));
}

#[test]
fn staff_scope_inspector_and_admin() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let m = arrived(&path, &clock, "1", "2026-03-02 10:00");
    // The branch of 冠县 sees the generator's manifest; a supervisor sees all.
    let branch = at(&clock, &path, "branch");
    assert_eq!(branch.manifests().get(m.id).expect("in region").id, m.id);
    assert_eq!(
        branch
            .manifests()
            .count(&ListFilter::default())
            .expect("count"),
        1
    );
    let inspector = at(&clock, &path, "inspector");
    assert_eq!(inspector.manifests().get(m.id).expect("read").id, m.id);
    let e = inspector
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Confirm,
            receipt("2026-03-02 11:00", &["1"]),
            false,
        )
        .unwrap_err();
    assert!(
        matches!(e, ServiceError::Forbidden(Action::ManifestReceive)),
        "{e}"
    );
    let admin = at(&clock, &path, "admin");
    assert!(matches!(
        admin.manifests().get(m.id),
        Err(ServiceError::Forbidden(Action::ManifestRead))
    ));
    let e = admin
        .manifests()
        .create_licence(LicenceInput::default())
        .unwrap_err();
    assert!(matches!(e, ServiceError::Forbidden(Action::LicenceManage)));
    let ent = at(&clock, &path, "ent");
    assert!(matches!(
        ent.manifests().create_licence(LicenceInput::default()),
        Err(ServiceError::Forbidden(Action::LicenceManage))
    ));
    // Staff confirm on the receiver's behalf.
    let mut staff = at(&clock, &path, "staff");
    let m = step(
        &mut staff,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-03-02 11:00", &["1"]),
    );
    assert_eq!(m.received_kg, Some(1000));
}

#[test]
fn branch_staff_of_another_region_see_nothing() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    // A generator in 东昌府区 sending to a receiver in the same region: 冠县 staff see none of it.
    let staff = at(&clock, &path, "staff");
    let mut i = input(LOCAL_LICENCE, "1", "2026-03-02");
    i.generator_id = Some(staff.enterprises().by_uscc(E2_USCC).expect("e2").id);
    let m = staff.manifests().create(i, false).expect("on behalf");
    let branch = at(&clock, &path, "branch");
    assert!(matches!(
        branch.manifests().get(m.id),
        Err(ServiceError::NotFound)
    ));
    assert_eq!(
        branch
            .manifests()
            .count(&ListFilter::default())
            .expect("count"),
        0
    );
}
