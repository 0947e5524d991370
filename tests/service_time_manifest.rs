//! The time rules in the manifest flow: no departure, hand-over, arrival or receipt in the future, each
//! not before the times the manifest already has, and a paper manifest completed after its transfer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod manifest_common;

use common::*;
use ecocase::domain::manifest::Origin;
use ecocase::domain::manifest::rules::{EventInput, ManifestEvent};
use manifest_common::*;

fn refused(
    s: &mut ecocase::service::Session,
    m: &ecocase::store::manifest::Manifest,
    e: ManifestEvent,
    i: EventInput,
) -> String {
    let err = s
        .manifests()
        .transition(m.id, m.row_version, e, i, false)
        .unwrap_err();
    zh(&err)
}

#[test]
fn manifest_times_are_not_in_the_future_and_keep_their_order() {
    // 2026-12-08 17:21 UTC is 2026-12-09 01:21 in Beijing.
    let clock = TestClock::at(2026, 12, 8, 17);
    clock.advance_minutes(21);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    let m = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "2.5", "2026-12-08"), false)
        .expect("draft");
    let m = step(&mut ent, &m, ManifestEvent::Submit, EventInput::default());
    let msg = refused(
        &mut ent,
        &m,
        ManifestEvent::Depart,
        when("2026-12-20 08:00"),
    );
    assert!(
        msg.contains("起运时间 2026-12-20 08:00 晚于当前时间 2026-12-09 01:21"),
        "{msg}"
    );
    let msg = refused(
        &mut ent,
        &m,
        ManifestEvent::Depart,
        when("2026-12-07 08:00"),
    );
    assert!(
        msg.contains("起运时间 2026-12-07 08:00 早于转移日期 2026-12-08"),
        "{msg}"
    );
    // Ten minutes of clock skew are allowed.
    let m = step(
        &mut ent,
        &m,
        ManifestEvent::Depart,
        when("2026-12-08 10:00"),
    );
    let mut handover = when("2026-12-08 09:00");
    handover.place = "聊城东收费站".into();
    handover.leg = Some(leg());
    let msg = refused(&mut ent, &m, ManifestEvent::Handover, handover);
    assert!(
        msg.contains("交接时间 2026-12-08 09:00 早于起运时间 2026-12-08 10:00"),
        "{msg}"
    );
    let mut rec = at(&clock, &path, "rec");
    let msg = refused(
        &mut rec,
        &m,
        ManifestEvent::Arrive,
        when("2026-12-01 10:00"),
    );
    assert!(msg.contains("运抵时间 2026-12-01 10:00 早于"), "{msg}");
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Arrive,
        when("2026-12-08 15:30"),
    );
    let msg = refused(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-12-08 09:10", &["2.5"]),
    );
    assert!(
        msg.contains("接收时间 2026-12-08 09:10 早于运抵时间 2026-12-08 15:30"),
        "{msg}"
    );
    let msg = refused(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-12-09 01:40", &["2.5"]),
    );
    assert!(msg.contains("晚于当前时间"), "{msg}");
    step(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-12-09 01:30", &["2.5"]),
    );
}

#[test]
fn a_paper_manifest_is_not_completed_before_its_transfer() {
    let clock = TestClock::at(2026, 12, 8, 2);
    let (_dir, path) = manifest_db(&clock);
    let ent = at(&clock, &path, "ent");
    let mut i = input(LOCAL_LICENCE, "2.5", "2026-12-05");
    i.origin = Some(Origin::Paper);
    i.number = "20263715009001".into();
    i.paper_completed_on = "2026-12-04".into();
    let e = ent.manifests().create(i.clone(), true).unwrap_err();
    assert!(
        zh(&e).contains("纸质联单完成日期 2026-12-04 早于转移日期 2026-12-05"),
        "{}",
        zh(&e)
    );
    i.paper_completed_on = "2026-12-10".into();
    let e = ent.manifests().create(i.clone(), true).unwrap_err();
    assert!(zh(&e).contains("晚于当前时间"), "{}", zh(&e));
}
