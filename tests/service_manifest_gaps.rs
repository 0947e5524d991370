//! Manifest rules added after the first release: several discrepancies in one report, the receiver
//! licence's annual capacity, and approved extensions of the receiver-stock alert.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod manifest_common;

use common::*;
use ecocase::domain::manifest::rules::{DiscrepancyInput, EventInput, ManifestEvent};
use ecocase::domain::manifest::{DiscrepancyKind, ManifestState};
use manifest_common::*;

/// A two-line manifest (oil and packaging drums) of `ent`, arrived at the local receiver.
fn two_lines_arrived(
    path: &std::path::Path,
    clock: &TestClock,
) -> ecocase::store::manifest::Manifest {
    let mut ent = at(clock, path, "ent");
    let mut i = input(LOCAL_LICENCE, "2.5", "2026-03-02");
    let mut drums = oil_line("1");
    drums.code = "900-041-49".into();
    drums.name = "废包装桶".into();
    drums.hazard = "T,In".into();
    drums.form = "S".into();
    i.lines.push(drums);
    let m = ent.manifests().create(i, true).expect("draft");
    let m = step(&mut ent, &m, ManifestEvent::Submit, EventInput::default());
    let m = step(
        &mut ent,
        &m,
        ManifestEvent::Depart,
        when("2026-03-02 09:00"),
    );
    let mut rec = at(clock, path, "rec");
    step(
        &mut rec,
        &m,
        ManifestEvent::Arrive,
        when("2026-03-02 15:00"),
    )
}

fn diff(line_seq: i64, kind: DiscrepancyKind, declared: &str, measured: &str) -> DiscrepancyInput {
    DiscrepancyInput {
        line_seq,
        kind: Some(kind),
        declared: declared.into(),
        measured: measured.into(),
    }
}

#[test]
fn one_report_records_a_discrepancy_for_each_differing_line() {
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let m = two_lines_arrived(&path, &clock);
    let mut rec = at(&clock, &path, "rec");
    let report = |discrepancies| EventInput {
        at: "2026-03-02 16:00".into(),
        received: vec!["2.0".into(), "1".into()],
        received_containers: vec!["10".into(), "8".into()],
        told_generator_at: "2026-03-02 16:20".into(),
        told_bureau_at: "2026-03-02 16:40".into(),
        discrepancies,
        ..EventInput::default()
    };
    // A line the manifest does not have is refused, naming it.
    let e = rec
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::ReportDiscrepancy,
            report(vec![diff(3, DiscrepancyKind::Form, "固态", "液态")]),
            false,
        )
        .unwrap_err();
    assert!(
        zh(&e).contains("第 3 行") && zh(&e).contains("共 2 行"),
        "{}",
        zh(&e)
    );
    // A second line without its measured value names that line.
    let mut incomplete = diff(2, DiscrepancyKind::Packaging, "200L铁桶 10 个", "");
    incomplete.measured.clear();
    let e = rec
        .manifests()
        .transition(
            m.id,
            m.row_version,
            ManifestEvent::ReportDiscrepancy,
            report(vec![
                diff(1, DiscrepancyKind::Quantity, "2.500 吨", "2.000 吨"),
                incomplete,
            ]),
            false,
        )
        .unwrap_err();
    assert!(zh(&e).contains("第 2 行"), "{}", zh(&e));
    let m = step(
        &mut rec,
        &m,
        ManifestEvent::ReportDiscrepancy,
        report(vec![
            diff(1, DiscrepancyKind::Quantity, "2.500 吨", "2.000 吨"),
            diff(
                2,
                DiscrepancyKind::Packaging,
                "200L铁桶 10 个",
                "200L铁桶 8 个",
            ),
        ]),
    );
    assert_eq!(m.state, ManifestState::Discrepancy);
    let d = rec.manifests().detail(m.id).expect("detail").discrepancies;
    let got: Vec<(i64, DiscrepancyKind, &str)> = d
        .iter()
        .map(|d| (d.line_seq, d.kind, d.measured.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, DiscrepancyKind::Quantity, "2.000 吨"),
            (2, DiscrepancyKind::Packaging, "200L铁桶 8 个"),
        ]
    );
    assert!(
        d.iter()
            .all(|d| d.told_bureau_at.to_string() == "2026-03-02 16:40")
    );
}

#[test]
fn a_receipt_over_the_licence_annual_capacity_is_refused() {
    use ecocase::domain::manifest::Mode;
    use ecocase::service::manifest::reference::LicenceInput;
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let staff = at(&clock, &path, "staff");
    staff
        .manifests()
        .create_licence(LicenceInput {
            number: "鲁危证1599号".into(),
            holder_uscc: rec_uscc(),
            holder_name: REC_NAME.into(),
            province: "37".into(),
            scope: "HW08".into(),
            modes: vec![Mode::Utilize],
            capacity: "3".into(),
            valid_from: "2025-01-01".into(),
            valid_to: "2027-12-31".into(),
            kind: Some(ecocase::domain::manifest::LicenceKind::Comprehensive),
        })
        .expect("small licence");
    let arrive = |qty: &str| {
        let mut ent = at(&clock, &path, "ent");
        let m = ent
            .manifests()
            .create(input("鲁危证1599号", qty, "2026-03-02"), false)
            .expect("draft");
        // The submit already warns when the licence would go past what is left of its year.
        let m = ent
            .manifests()
            .transition(
                m.id,
                m.row_version,
                ManifestEvent::Submit,
                EventInput::default(),
                true,
            )
            .expect("submit acknowledged");
        let m = step(
            &mut ent,
            &m,
            ManifestEvent::Depart,
            when("2026-03-02 09:00"),
        );
        let mut rec = at(&clock, &path, "rec");
        step(
            &mut rec,
            &m,
            ManifestEvent::Arrive,
            when("2026-03-02 15:00"),
        )
    };
    let mut rec = at(&clock, &path, "rec");
    let first = arrive("2");
    step(
        &mut rec,
        &first,
        ManifestEvent::Confirm,
        receipt("2026-03-02 16:00", &["2"]),
    );
    // 2 t taken in this year; 1.5 t more would make 3.5 t against a capacity of 3 t.
    let second = arrive("1.5");
    let e = rec
        .manifests()
        .transition(
            second.id,
            second.row_version,
            ManifestEvent::Confirm,
            receipt("2026-03-02 16:30", &["1.5"]),
            false,
        )
        .unwrap_err();
    let msg = zh(&e);
    for part in [
        "鲁危证1599号",
        "3.000 吨",
        "2026 年已接收 2.000 吨",
        "本次 1.500 吨",
    ] {
        assert!(msg.contains(part), "{part}: {msg}");
    }
    assert!(
        e.render(ecocase::i18n::Lang::En)
            .contains("annual capacity of licence 鲁危证1599号")
    );
    assert_eq!(
        rec.manifests().get(second.id).expect("read").state,
        ManifestState::AwaitingReceipt
    );
    // Exactly up to the capacity is accepted.
    let third = arrive("1");
    let third = step(
        &mut rec,
        &third,
        ManifestEvent::Confirm,
        receipt("2026-03-02 17:00", &["1"]),
    );
    assert_eq!(third.state, ManifestState::Received);
    // The same limit holds when a discrepancy ends in acceptance.
    let e = rec
        .manifests()
        .transition(
            second.id,
            second.row_version,
            ManifestEvent::ReportDiscrepancy,
            EventInput {
                at: "2026-03-02 17:30".into(),
                received: vec!["1.2".into()],
                told_generator_at: "2026-03-02 17:40".into(),
                told_bureau_at: "2026-03-02 17:50".into(),
                discrepancies: vec![diff(1, DiscrepancyKind::Quantity, "1.500 吨", "1.200 吨")],
                ..EventInput::default()
            },
            false,
        )
        .map(|m| {
            rec.manifests().transition(
                m.id,
                m.row_version,
                ManifestEvent::Decide,
                EventInput {
                    decision: Some(ecocase::domain::manifest::Decision::Partial),
                    ..EventInput::default()
                },
                false,
            )
        })
        .expect("discrepancy recorded")
        .unwrap_err();
    assert!(zh(&e).contains("本次 1.200 吨"), "{}", zh(&e));
}

#[test]
fn an_approved_storage_extension_silences_the_stock_alert_until_its_day() {
    use ecocase::domain::manifest::deadlines::ManifestAlert;
    use ecocase::service::ServiceError;
    use ecocase::service::manifest::extension::ExtensionInput;
    use ecocase::store::manifest::ListFilter;
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let r = arrived(&path, &clock, "1", "2026-03-02 10:00");
    let mut rec = at(&clock, &path, "rec");
    let r = step(
        &mut rec,
        &r,
        ManifestEvent::Confirm,
        receipt("2026-03-02 12:00", &["1"]),
    );
    let aging = ListFilter {
        alert: Some(ManifestAlert::StockAging),
        ..ListFilter::default()
    };
    // 2027-02-10: more than 11 months in storage.
    clock.set(2027, 2, 10, 14);
    let staff = at(&clock, &path, "staff");
    assert_eq!(staff.manifests().count(&aging).expect("count"), 1);
    let detail = staff.manifests().detail(r.id).expect("detail");
    assert!(detail.alerts.contains(&ManifestAlert::StockAging));
    assert!(detail.may_extend_stock);
    let good = ExtensionInput {
        approval_number: "聊环危延〔2027〕3号".into(),
        extended_to: "2027-06-30".into(),
        approved_by: "聊城市生态环境局".into(),
    };
    // Enterprises cannot record it, not even the receiver.
    assert!(
        !rec.manifests()
            .detail(r.id)
            .expect("detail")
            .may_extend_stock
    );
    assert!(matches!(
        rec.manifests().extend_stock(r.id, good.clone()),
        Err(ServiceError::Forbidden(_))
    ));
    // Missing fields and a date not in the future are named.
    let e = staff
        .manifests()
        .extend_stock(
            r.id,
            ExtensionInput {
                extended_to: "2027-02-10".into(),
                ..ExtensionInput::default()
            },
        )
        .unwrap_err();
    assert_eq!(codes(e), vec!["required", "extend_past", "required"]);
    let admin = at(&clock, &path, "admin");
    let audits = admin.admin().audit_page(None, 10_000).expect("audit").len();
    staff
        .manifests()
        .extend_stock(r.id, good.clone())
        .expect("extension");
    // The manifest's event and the extension's own record.
    assert_eq!(
        admin.admin().audit_page(None, 10_000).expect("audit").len(),
        audits + 2
    );
    assert_eq!(staff.manifests().count(&aging).expect("count"), 0);
    let detail = staff.manifests().detail(r.id).expect("detail");
    assert!(detail.alerts.is_empty(), "{:?}", detail.alerts);
    assert_eq!(detail.extensions.len(), 1);
    assert_eq!(detail.extensions[0].approved_by, "聊城市生态环境局");
    assert!(detail.history.iter().any(|h| h.event == "extend_stock"));
    // A second extension must run later than the first.
    let e = staff
        .manifests()
        .extend_stock(
            r.id,
            ExtensionInput {
                extended_to: "2027-05-01".into(),
                ..good.clone()
            },
        )
        .unwrap_err();
    assert!(zh(&e).contains("2027-06-30"), "{}", zh(&e));
    // At most the policy's 12 months beyond the current limit (2027-06-30).
    let e = staff
        .manifests()
        .extend_stock(
            r.id,
            ExtensionInput {
                extended_to: "2028-07-01".into(),
                ..good.clone()
            },
        )
        .unwrap_err();
    assert!(zh(&e).contains("2028-06-30"), "{}", zh(&e));
    // Through its last day the alert stays silent; the day after, the stock is over a year old
    // without cover: a breach (固废法 第八十一条), not the eleven-month warning.
    let overdue = ListFilter {
        alert: Some(ManifestAlert::StockOverdue),
        ..ListFilter::default()
    };
    clock.set(2027, 6, 30, 14);
    let staff = at(&clock, &path, "staff");
    assert_eq!(staff.manifests().count(&aging).expect("count"), 0);
    assert_eq!(staff.manifests().count(&overdue).expect("count"), 0);
    clock.set(2027, 7, 1, 14);
    let staff = at(&clock, &path, "staff");
    assert_eq!(staff.manifests().count(&aging).expect("count"), 0);
    assert_eq!(staff.manifests().count(&overdue).expect("count"), 1);
    assert_eq!(
        staff.manifests().detail(r.id).expect("detail").alerts,
        vec![ManifestAlert::StockOverdue]
    );
    // A supervisor may record one as well; a manifest not in storage cannot get one.
    let sup = at(&clock, &path, "supervisor");
    sup.manifests()
        .extend_stock(
            r.id,
            ExtensionInput {
                extended_to: "2027-09-30".into(),
                ..good.clone()
            },
        )
        .expect("supervisor");
    let done = step(
        &mut rec,
        &r,
        ManifestEvent::Complete,
        EventInput {
            handling_code: "R9".into(),
            ..EventInput::default()
        },
    );
    let e = sup.manifests().extend_stock(done.id, good).unwrap_err();
    assert!(zh(&e).contains("已完成"), "{}", zh(&e));
}

#[test]
fn receipts_confirmed_at_once_never_take_a_licence_over_its_capacity() {
    use ecocase::domain::manifest::Mode;
    use ecocase::service::manifest::reference::LicenceInput;
    let clock = TestClock::at(2026, 3, 2, 14);
    let (_dir, path) = manifest_db(&clock);
    let staff = at(&clock, &path, "staff");
    staff
        .manifests()
        .create_licence(LicenceInput {
            number: "鲁危证1598号".into(),
            holder_uscc: rec_uscc(),
            holder_name: REC_NAME.into(),
            province: "37".into(),
            scope: "HW08".into(),
            modes: vec![Mode::Utilize],
            capacity: "3".into(),
            valid_from: "2025-01-01".into(),
            valid_to: "2027-12-31".into(),
            kind: Some(ecocase::domain::manifest::LicenceKind::Comprehensive),
        })
        .expect("small licence");
    // Five 1 t manifests arrived; only three fit the 3 t capacity.
    let arrived: Vec<_> = (0..5)
        .map(|_| {
            let mut ent = at(&clock, &path, "ent");
            let m = ent
                .manifests()
                .create(input("鲁危证1598号", "1", "2026-03-02"), false)
                .expect("draft");
            let m = step(&mut ent, &m, ManifestEvent::Submit, EventInput::default());
            let m = step(
                &mut ent,
                &m,
                ManifestEvent::Depart,
                when("2026-03-02 09:00"),
            );
            let mut rec = at(&clock, &path, "rec");
            step(
                &mut rec,
                &m,
                ManifestEvent::Arrive,
                when("2026-03-02 15:00"),
            )
        })
        .collect();
    // Each receipt from its own connection, all at once.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(arrived.len()));
    let handles: Vec<_> = arrived
        .into_iter()
        .map(|m| {
            let (path, time, barrier) = (path.clone(), clock.clock(), barrier.clone());
            std::thread::spawn(move || {
                let rec = ecocase::service::account::auth::login_path(&path, "rec", PASSWORD, time)
                    .expect("login");
                barrier.wait();
                rec.manifests()
                    .transition(
                        m.id,
                        m.row_version,
                        ManifestEvent::Confirm,
                        receipt("2026-03-02 16:00", &["1"]),
                        false,
                    )
                    .is_ok()
            })
        })
        .collect();
    let confirmed = handles
        .into_iter()
        .map(|h| h.join().expect("thread"))
        .filter(|ok| *ok)
        .count();
    assert_eq!(confirmed, 3, "three fit; the other two are refused");
}
