//! 危险废物转移联单 through the service layer: draft to 已完成 with a discrepancy, every transition
//! and the refused ones, validations with their messages, cross-province approvals and their
//! cumulative quantity, deadlines across the 2026 holidays, and unique numbers under concurrency.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod manifest_common;

use common::*;
use ecocase::domain::manifest::deadlines::ManifestAlert;
use ecocase::domain::manifest::rules::{DiscrepancyInput, EventInput, ManifestEvent};
use ecocase::domain::manifest::{Decision, DiscrepancyKind, ManifestState, Mode, Origin};
use ecocase::service::ServiceError;
use ecocase::store::manifest::ListFilter;
use manifest_common::*;

#[test]
fn generator_and_receiver_complete_a_manifest_with_a_discrepancy() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    let m = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "2.5", "2026-03-02"), false)
        .expect("draft");
    assert_eq!(m.number, "20263715000001");
    assert_eq!(m.state, ManifestState::Draft);
    assert_eq!(m.total_kg, 2500);
    assert_eq!(m.receiver_name, REC_NAME);
    assert!(
        m.licence_snapshot.contains("HW08"),
        "{}",
        m.licence_snapshot
    );
    let m = step(&mut ent, &m, ManifestEvent::Submit, EventInput::default());
    assert_eq!(m.state, ManifestState::PendingTransport);
    let m = step(
        &mut ent,
        &m,
        ManifestEvent::Depart,
        when("2026-03-02 09:00"),
    );
    assert_eq!(m.state, ManifestState::InTransit);
    // A second carrier takes over at the city boundary.
    let mut second = leg();
    second.carrier_name = "山东鲁运危险品物流有限公司".into();
    second.plate = "鲁A8B926".into();
    let m = step(
        &mut ent,
        &m,
        ManifestEvent::Handover,
        EventInput {
            at: "2026-03-02 11:30".into(),
            place: "聊城东收费站".into(),
            leg: Some(second),
            ..EventInput::default()
        },
    );
    assert_eq!(m.state, ManifestState::InTransit);
    let mut rec = at(&clock, &path, "rec");
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Arrive,
        when("2026-03-02 15:00"),
    );
    assert_eq!(m.state, ManifestState::AwaitingReceipt);
    // 2.1 t against 2.5 t declared is 16% short: confirming is refused, the discrepancy recorded.
    let e = rec
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Confirm,
            receipt("2026-03-02 16:00", &["2.1"]),
            false,
        )
        .unwrap_err();
    assert!(
        zh(&e).contains("第 1 行") && zh(&e).contains("登记差异"),
        "{}",
        zh(&e)
    );
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::ReportDiscrepancy,
        EventInput {
            at: "2026-03-02 16:00".into(),
            received: vec!["2.1".into()],
            told_generator_at: "2026-03-02 16:20".into(),
            told_bureau_at: "2026-03-02 16:40".into(),
            discrepancies: vec![DiscrepancyInput {
                line_seq: 1,
                kind: Some(DiscrepancyKind::Quantity),
                declared: "2.500 吨".into(),
                measured: "2.100 吨".into(),
            }],
            ..EventInput::default()
        },
    );
    assert_eq!(m.state, ManifestState::Discrepancy);
    assert_eq!(m.received_kg, Some(2100));
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Decide,
        EventInput {
            decision: Some(Decision::Partial),
            ..EventInput::default()
        },
    );
    assert_eq!(m.state, ManifestState::Received);
    assert_eq!(m.decision, Some(Decision::Partial));
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Complete,
        EventInput {
            handling_code: "r9".into(),
            ..EventInput::default()
        },
    );
    assert_eq!(m.state, ManifestState::Completed);
    assert_eq!(m.handling_code, "R9");
    let d = rec.manifests().detail(m.id).expect("detail");
    assert_eq!(d.legs.len(), 2);
    assert_eq!(d.legs[0].handover_place, "聊城东收费站");
    assert_eq!(
        d.legs[0].departed_at.map(|t| t.to_string()).as_deref(),
        Some("2026-03-02 09:00")
    );
    assert_eq!(
        d.legs[1].arrived_at.map(|t| t.to_string()).as_deref(),
        Some("2026-03-02 15:00")
    );
    assert_eq!(d.discrepancies.len(), 1);
    assert_eq!(
        d.discrepancies[0].told_bureau_at.to_string(),
        "2026-03-02 16:40"
    );
    assert_eq!(d.lines[0].received_kg, Some(2100));
    let events: Vec<&str> = d.history.iter().map(|h| h.event.as_str()).collect();
    assert_eq!(
        events,
        [
            "create",
            "submit",
            "depart",
            "handover",
            "arrive",
            "discrepancy",
            "decide",
            "complete"
        ]
    );
    assert!(d.events.is_empty(), "{:?}", d.events);
    // Every change is in the audit log and the chain verifies.
    let sup = at(&clock, &path, "supervisor");
    let rows = sup.admin().audit_page(None, 50).expect("audit");
    let mine = rows
        .iter()
        .filter(|r| r.entity == "manifest" && r.record_uid == m.uid)
        .count();
    assert_eq!(mine, 8);
    assert!(
        sup.admin()
            .verify_audit_chain()
            .expect("verify")
            .first_broken
            .is_none()
    );
}

#[test]
fn receipt_within_tolerance_is_confirmed_and_containers_must_match() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let m = arrived(&path, &clock, "10", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    let mut wrong_count = receipt("2026-03-02 12:00", &["10"]);
    wrong_count.received_containers = vec!["9".into()];
    let e = rec
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Confirm,
            wrong_count,
            false,
        )
        .unwrap_err();
    assert!(zh(&e).contains("9 件"), "{}", zh(&e));
    // 9.0 t of 10 t is exactly 10% short: within the tolerance.
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2026-03-02 12:00", &["9.0"]),
    );
    assert_eq!(m.state, ManifestState::Received);
    assert_eq!(m.decision, Some(Decision::Accept));
    assert!(m.confirmed_at.is_some());
}

#[test]
fn rejection_leads_to_a_linked_follow_up_manifest() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let m = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    let mut i = receipt("2026-03-02 12:00", &["1"]);
    i.told_generator_at = "2026-03-02 12:10".into();
    i.told_bureau_at = "2026-03-02 12:20".into();
    i.discrepancies = vec![DiscrepancyInput {
        line_seq: 1,
        kind: Some(DiscrepancyKind::Form),
        declared: "液态".into(),
        measured: "半固态".into(),
    }];
    let m = step(&mut rec, &m, ManifestEvent::ReportDiscrepancy, i);
    // 拒收 without a reason is refused, naming what is missing.
    let bare = rec.manifests().transition(
        m.id,
        m.row_version,
        ManifestEvent::Decide,
        EventInput {
            decision: Some(Decision::Reject),
            ..EventInput::default()
        },
        false,
    );
    assert!(zh(&bare.expect_err("no reason")).contains("拒收原因"));
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::Decide,
        EventInput {
            decision: Some(Decision::Reject),
            reject_reason: Some(ecocase::domain::manifest::RejectReason::NotAsDeclared),
            reject_note: "到货为半固态，与申报液态不符".into(),
            ..EventInput::default()
        },
    );
    assert_eq!(m.state, ManifestState::Rejected);
    assert_eq!(
        m.reject_reason,
        Some(ecocase::domain::manifest::RejectReason::NotAsDeclared)
    );
    assert!(
        rec.manifests().follow_up(m.id, "").is_err(),
        "the receiver cannot"
    );
    let ent = at(&clock, &path, "ent");
    assert!(ent.manifests().detail(m.id).expect("detail").may_follow_up);
    let f = ent.manifests().follow_up(m.id, "").expect("follow-up");
    assert_eq!(f.state, ManifestState::Draft);
    assert_eq!(f.follow_up_of, Some(m.id));
    assert_eq!(f.number, "20263715000002");
    assert_eq!(f.total_kg, 1000);
    // The generator sees why, and the follow-up; the follow-up names the rejected manifest.
    let seen = ent.manifests().detail(m.id).expect("detail");
    assert_eq!(seen.manifest.reject_note, "到货为半固态，与申报液态不符");
    assert_eq!(
        seen.follow_ups,
        vec![(f.id, f.number.clone(), ManifestState::Draft)]
    );
    let follow = ent.manifests().detail(f.id).expect("follow-up detail");
    assert_eq!(follow.follow_up_of, Some(m.number.clone()));
}

#[test]
fn cancellation_only_before_departure_and_with_a_reason() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    let m = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
        .expect("draft");
    let e = ent
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Cancel,
            EventInput::default(),
            false,
        )
        .unwrap_err();
    assert_eq!(codes(e), vec!["required"]);
    let m = step(&mut ent, &m, ManifestEvent::Submit, EventInput::default());
    let reason = EventInput {
        reason: "车辆故障改期".into(),
        ..EventInput::default()
    };
    let c = step(&mut ent, &m, ManifestEvent::Cancel, reason.clone());
    assert_eq!(c.state, ManifestState::Cancelled);
    assert_eq!(c.cancel_reason, "车辆故障改期");
    let m = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let staff = at(&clock, &path, "staff");
    let e = staff
        .manifests()
        .transition(m.id, m.row_version, ManifestEvent::Cancel, reason, false)
        .unwrap_err();
    assert!(zh(&e).contains("已起运"), "{}", zh(&e));
    // A stale row version is a conflict, not a lost update.
    let e = staff
        .manifests()
        .transition(
            m.id,
            m.row_version - 1,
            ManifestEvent::Confirm,
            receipt("2026-03-02 11:00", &["1"]),
            false,
        )
        .unwrap_err();
    assert!(matches!(e, ServiceError::Conflict { .. }), "{e}");
}

#[test]
fn bad_codes_numbers_quantities_and_licences_are_refused_with_reasons() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let ent = at(&clock, &path, "ent");
    let with_line = |code: &str, qty: &str| {
        let mut i = input(LOCAL_LICENCE, qty, "2026-03-02");
        i.lines[0].code = code.into();
        i
    };
    let e = ent
        .manifests()
        .create(with_line("900-249-8", "1"), false)
        .unwrap_err();
    assert!(zh(&e).contains("ddd-ddd-dd"), "{}", zh(&e));
    let e = ent
        .manifests()
        .create(with_line("261-001-43", "1"), false)
        .unwrap_err();
    assert!(zh(&e).contains("HW43"), "{}", zh(&e));
    let e = ent
        .manifests()
        .create(with_line("900-999-08", "1"), false)
        .unwrap_err();
    assert!(zh(&e).contains("不在名录"), "{}", zh(&e));
    let e = ent
        .manifests()
        .create(with_line("900-249-08", "1.0005"), false)
        .unwrap_err();
    assert!(zh(&e).contains("3 位小数"), "{}", zh(&e));
    let e = ent
        .manifests()
        .create(with_line("900-249-08", "0"), false)
        .unwrap_err();
    assert!(zh(&e).contains("大于 0"), "{}", zh(&e));
    // The licence covers HW08 and HW49, not HW31, and not disposal.
    let mut battery = with_line("900-052-31", "1");
    battery.lines[0].hazard = "T,C".into();
    let e = ent.manifests().create(battery, false).unwrap_err();
    assert_eq!(codes(e), vec!["licence_scope"]);
    let mut dispose = input(LOCAL_LICENCE, "1", "2026-03-02");
    dispose.mode = Some(Mode::Dispose);
    assert_eq!(
        codes(ent.manifests().create(dispose, false).unwrap_err()),
        vec!["licence_mode"]
    );
    let late = input(LOCAL_LICENCE, "1", "2027-07-01");
    assert_eq!(
        codes(ent.manifests().create(late, false).unwrap_err()),
        vec!["licence_expired"]
    );
    let e = ent
        .manifests()
        .create(input("鲁危证9999号", "1", "2026-03-02"), false)
        .unwrap_err();
    assert!(zh(&e).contains("找不到许可证"), "{}", zh(&e));
    // A narrower hazard list is a warning: refused until acknowledged, then recorded.
    let mut narrow = input(LOCAL_LICENCE, "1", "2026-03-02");
    narrow.lines[0].hazard = "T".into();
    assert_eq!(
        codes(ent.manifests().create(narrow.clone(), false).unwrap_err()),
        vec!["hazard_narrower"]
    );
    let m = ent.manifests().create(narrow, true).expect("acknowledged");
    assert_eq!(m.warnings, "hazard_narrower");
    // Imported national numbers are checked and unique.
    let mut national = input(LOCAL_LICENCE, "1", "2026-03-02");
    national.origin = Some(Origin::National);
    national.number = "2026371500123".into();
    assert!(zh(&ent.manifests().create(national.clone(), false).unwrap_err()).contains("14 位"));
    national.number = "20263715001234".into();
    ent.manifests()
        .create(national.clone(), false)
        .expect("national");
    assert_eq!(
        codes(ent.manifests().create(national, false).unwrap_err()),
        vec!["number_taken"]
    );
    // A number typed for a manifest created here must be Liaocheng's of the transfer year.
    let mut typed = input(LOCAL_LICENCE, "1", "2026-03-02");
    typed.number = "20263701000001".into();
    let e = ent.manifests().create(typed.clone(), false).unwrap_err();
    assert!(zh(&e).contains("20263715"), "{}", zh(&e));
    typed.number = "20263715009001".into();
    assert_eq!(
        ent.manifests()
            .create(typed, false)
            .expect("local number")
            .number,
        "20263715009001"
    );
    // Submitting without a carrier names the missing field.
    let mut no_leg = input(LOCAL_LICENCE, "1", "2026-03-02");
    no_leg.legs.clear();
    let m = ent
        .manifests()
        .create(no_leg, false)
        .expect("draft without carrier");
    let e = ent
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Submit,
            EventInput::default(),
            false,
        )
        .unwrap_err();
    assert!(zh(&e).contains("承运单位"), "{}", zh(&e));
}

#[test]
fn the_licence_must_be_valid_on_the_receipt_date() {
    let clock = TestClock::at(2027, 7, 1, 14);
    let (_dir, path) = manifest_db(&clock);
    let m = arrived(&path, &clock, "1", "2027-06-28 10:00");
    let mut rec = at(&clock, &path, "rec");
    let e = rec
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::Confirm,
            receipt("2027-07-01 09:00", &["1"]),
            false,
        )
        .unwrap_err();
    assert_eq!(codes(e), vec!["licence_expired"]);
    step(
        &mut rec,
        &m,
        ManifestEvent::Confirm,
        receipt("2027-06-30 09:00", &["1"]),
    );
}

#[test]
fn cross_province_needs_a_matching_approval_within_its_quantity() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    let e = ent
        .manifests()
        .create(input(HEBEI_LICENCE, "6", "2026-03-02"), false)
        .unwrap_err();
    assert_eq!(codes(e), vec!["approval_required"]);
    let mut staff = at(&clock, &path, "staff");
    // Longer than 12 months, or beyond the licence, is refused at registration.
    let mut long = ecocase::service::manifest::reference::ApprovalInput {
        number: "冀审2026-9".into(),
        generator_uscc: E1_USCC.into(),
        waste_code: "900-249-08".into(),
        licence_number: HEBEI_LICENCE.into(),
        quantity: "10".into(),
        valid_from: "2026-01-01".into(),
        valid_to: "2027-01-02".into(),
        mode: Some(ecocase::domain::manifest::Mode::Utilize),
    };
    assert_eq!(
        codes(staff.manifests().create_approval(long.clone()).unwrap_err()),
        vec!["approval_12_months"]
    );
    long.valid_from = "2026-08-01".into();
    long.valid_to = "2027-07-31".into();
    assert_eq!(
        codes(staff.manifests().create_approval(long).unwrap_err()),
        vec!["approval_beyond_licence"]
    );
    approval(&mut staff, "冀审2026-001", "10");
    let with = |qty: &str| {
        let mut i = input(HEBEI_LICENCE, qty, "2026-03-02");
        i.approval_number = "冀审2026-001".into();
        i
    };
    let a = ent.manifests().create(with("6"), false).expect("first");
    let a = step(&mut ent, &a, ManifestEvent::Submit, EventInput::default());
    // Drafts do not count; 6 t submitted + 5 t would be 11 t of the 10 t approved.
    let b = ent
        .manifests()
        .create(with("5"), false)
        .expect("drafts may exceed");
    let e = ent
        .manifests()
        .transition(
            b.id,
            b.row_version,
            ManifestEvent::Submit,
            EventInput::default(),
            false,
        )
        .unwrap_err();
    assert!(
        zh(&e).contains("超过审批") && zh(&e).contains("已转移 6.000"),
        "{}",
        zh(&e)
    );
    // Cancelling the first frees its quantity.
    step(
        &mut ent,
        &a,
        ManifestEvent::Cancel,
        EventInput {
            reason: "改用本地单位".into(),
            ..EventInput::default()
        },
    );
    step(&mut ent, &b, ManifestEvent::Submit, EventInput::default());
    // The approval is for 900-249-08 only.
    let mut other_code = with("1");
    other_code.lines[0].code = "900-041-49".into();
    other_code.lines[0].hazard = "T,In".into();
    other_code.lines[0].form = "S".into();
    assert_eq!(
        codes(ent.manifests().create(other_code, false).unwrap_err()),
        vec!["approval_code"]
    );
    // Guangdong does not border Shandong: a warning on top of the missing approval.
    let e = ent
        .manifests()
        .create(input(GUANGDONG_LICENCE, "1", "2026-03-02"), true)
        .unwrap_err();
    assert_eq!(codes(e), vec!["not_adjacent", "approval_required"]);
}

#[test]
fn receipt_deadline_crosses_the_spring_festival_and_national_day() {
    let clock = TestClock::at(2026, 2, 12, 14);
    let (_dir, path) = manifest_db(&clock);
    let m = arrived(&path, &clock, "1", "2026-02-12 10:00");
    let sup = at(&clock, &path, "supervisor");
    let d = sup.manifests().detail(m.id).expect("detail");
    assert_eq!(d.receipt_due.expect("due").date.to_string(), "2026-02-26");
    let overdue = ListFilter {
        alert: Some(ManifestAlert::ReceiptOverdue),
        ..ListFilter::default()
    };
    let on = |y, mo, d| at(&TestClock::at(y, mo, d, 14), &path, "supervisor");
    assert_eq!(
        on(2026, 2, 26).manifests().count(&overdue).expect("count"),
        0
    );
    assert_eq!(
        on(2026, 2, 27).manifests().count(&overdue).expect("count"),
        1
    );
    let home = on(2026, 2, 27).manifests().counts().expect("counts");
    assert!(
        home.alerts.contains(&(ManifestAlert::ReceiptOverdue, 1)),
        "{home:?}"
    );
    let clock = TestClock::at(2026, 9, 30, 14);
    let m = arrived(&path, &clock, "1", "2026-09-30 10:00");
    let d = at(&clock, &path, "supervisor")
        .manifests()
        .detail(m.id)
        .expect("detail");
    assert_eq!(d.receipt_due.expect("due").date.to_string(), "2026-10-13");
}

#[test]
fn transit_paper_backfill_stock_and_approval_alerts() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let mut ent = at(&clock, &path, "ent");
    let m = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
        .expect("draft");
    let m = step(&mut ent, &m, ManifestEvent::Submit, EventInput::default());
    step(
        &mut ent,
        &m,
        ManifestEvent::Depart,
        when("2026-03-02 08:00"),
    );
    let count = |y, mo, d, a| {
        at(&TestClock::at(y, mo, d, 14), &path, "supervisor")
            .manifests()
            .count(&ListFilter {
                alert: Some(a),
                ..ListFilter::default()
            })
            .expect("count")
    };
    assert_eq!(count(2026, 3, 5, ManifestAlert::TransitTooLong), 0);
    assert_eq!(count(2026, 3, 6, ManifestAlert::TransitTooLong), 1);
    // A paper manifest completed on 2-12 must be entered by 3-04 (10 working days over the holiday).
    let mut paper = input(LOCAL_LICENCE, "1", "2026-02-12");
    paper.origin = Some(Origin::Paper);
    paper.number = "20263715900001".into();
    paper.paper_completed_on = "2026-02-12".into();
    let p = ent.manifests().create(paper, false).expect("paper");
    assert_eq!(p.state, ManifestState::PendingBackfill);
    assert_eq!(count(2026, 3, 4, ManifestAlert::BackfillOverdue), 0);
    assert_eq!(count(2026, 3, 5, ManifestAlert::BackfillOverdue), 1);
    assert!(
        ent.manifests()
            .transition(
                p.id,
                p.row_version,
                ManifestEvent::Backfill,
                EventInput::default(),
                false
            )
            .is_err(),
        "back-fill is the bureau's"
    );
    let mut staff = at(&clock, &path, "staff");
    let p = step(
        &mut staff,
        &p,
        ManifestEvent::Backfill,
        EventInput::default(),
    );
    assert_eq!(p.state, ManifestState::Backfilled);
    // Stock received on 2026-03-02 is flagged from 2027-02-02 (11 months).
    let r = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    step(
        &mut rec,
        &r,
        ManifestEvent::Confirm,
        receipt("2026-03-02 12:00", &["1"]),
    );
    assert_eq!(count(2027, 2, 1, ManifestAlert::StockAging), 0);
    assert_eq!(count(2027, 2, 2, ManifestAlert::StockAging), 1);
    // An approval ending 2026-12-31 is listed from 2026-12-01.
    approval(&mut staff, "冀审2026-002", "5");
    let exp = |y, mo, d| {
        at(&TestClock::at(y, mo, d, 14), &path, "ent")
            .manifests()
            .approvals_expiring(10)
            .expect("list")
            .len()
    };
    assert_eq!(exp(2026, 11, 30), 0);
    assert_eq!(exp(2026, 12, 1), 1);
    assert_eq!(exp(2027, 1, 1), 0);
}

#[test]
fn concurrent_creation_never_shares_a_number() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                let clock = TestClock::at(2026, 3, 2, 14);
                let ent = at(&clock, &path, "ent");
                (0..5)
                    .map(|_| {
                        ent.manifests()
                            .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
                            .expect("created")
                            .number
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut numbers: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("thread"))
        .collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 20);
    assert_eq!(numbers[0], "20263715000001");
    assert_eq!(numbers[19], "20263715000020");
}

#[test]
fn keyset_pages_cover_every_manifest_once() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let ent = at(&clock, &path, "ent");
    for _ in 0..7 {
        ent.manifests()
            .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
            .expect("created");
    }
    let mut seen = Vec::new();
    let mut f = ListFilter::default();
    loop {
        let page = ent.manifests().page(&f, 3).expect("page");
        if page.is_empty() {
            break;
        }
        f.before_id = page.last().map(|r| r.manifest.id);
        seen.extend(page.into_iter().map(|r| r.manifest.number));
    }
    assert_eq!(seen.len(), 7);
    assert_eq!(seen[0], "20263715000007");
    let codes = ent
        .manifests()
        .search_waste_codes("2026-03-02", "废矿物油", 50)
        .expect("search");
    assert!(codes.iter().any(|c| c.code == "900-249-08"));
    let codes = ent
        .manifests()
        .search_waste_codes("2026-03-02", "900-2", 50)
        .expect("search");
    assert_eq!(codes[0].code.get(0..5), Some("900-2"));
}
