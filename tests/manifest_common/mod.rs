//! Manifest fixtures: a licensed receiver enterprise with its account, licences in Shandong, Hebei
//! and Guangdong, and helpers to fill and move manifests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use ecocase::domain::account::Role;
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::domain::manifest::rules::{EventInput, ManifestEvent};
use ecocase::domain::manifest::{LegDraft, LineDraft, Mode};
use ecocase::i18n::Lang;
use ecocase::service::account::NewAccount;
use ecocase::service::account::auth;
use ecocase::service::enterprise::Warnings;
use ecocase::service::manifest::ManifestInput;
use ecocase::service::manifest::reference::{ApprovalInput, LicenceInput};
use ecocase::service::{ServiceError, Session};
use ecocase::store::manifest::Manifest;
use std::path::{Path, PathBuf};

pub const REC_NAME: &str = "聊城市绿洲环保科技有限公司";
pub const LOCAL_LICENCE: &str = "鲁危证1501号";
pub const HEBEI_LICENCE: &str = "冀危证0301号";
pub const GUANGDONG_LICENCE: &str = "粤危证4401号";
pub const OTHER_USCC_BASE: &str = "91371500MA3C0001X";

/// A valid USCC from 17 characters.
pub fn uscc(first17: &str) -> String {
    format!(
        "{first17}{}",
        ecocase::domain::uscc::check_char(first17).expect("alphabet")
    )
}

pub fn rec_uscc() -> String {
    uscc("91371500MA3C0002Y")
}

pub fn at(clock: &TestClock, path: &Path, user: &str) -> Session {
    auth::login_path(path, user, PASSWORD, clock.clock()).expect("login")
}

/// The fixture plus: receiver enterprise (东昌府区) with account `rec`, a third enterprise with
/// account `other`, and three licences.
pub fn manifest_db(clock: &TestClock) -> (crate::common::Checked, PathBuf) {
    let (dir, path) = fresh_db();
    let staff = at(clock, &path, "staff");
    for (code, name) in [
        (rec_uscc(), REC_NAME),
        (uscc("91371500MA3C0003W"), "聊城第三化工有限公司"),
    ] {
        staff
            .enterprises()
            .create(
                EnterpriseDraft {
                    uscc: code,
                    name: name.into(),
                    region_code: DONGCHANGFU.into(),
                    ..Default::default()
                },
                Warnings::Stop,
            )
            .expect("enterprise");
    }
    let admin = at(clock, &path, "admin");
    for (user, code) in [("rec", rec_uscc()), ("other", uscc("91371500MA3C0003W"))] {
        admin
            .accounts()
            .add(&NewAccount {
                username: user.into(),
                roles: vec![Role::Enterprise],
                enterprise_uscc: Some(code),
                password: PASSWORD.into(),
                ..Default::default()
            })
            .expect("account");
    }
    for (number, holder, name, province) in [
        (LOCAL_LICENCE, rec_uscc(), REC_NAME, "37"),
        (
            HEBEI_LICENCE,
            uscc("91130100MA0A0001A"),
            "河北某环保有限公司",
            "13",
        ),
        (
            GUANGDONG_LICENCE,
            uscc("91440100MA0B0001B"),
            "广东某环保有限公司",
            "44",
        ),
    ] {
        staff
            .manifests()
            .create_licence(LicenceInput {
                number: number.into(),
                holder_uscc: holder,
                holder_name: name.into(),
                province: province.into(),
                scope: "HW08,HW49,336-064-17".into(),
                modes: vec![Mode::Store, Mode::Utilize],
                capacity: "50000".into(),
                valid_from: "2025-01-01".into(),
                valid_to: "2027-06-30".into(),
                kind: Some(ecocase::domain::manifest::LicenceKind::Comprehensive),
            })
            .expect("licence");
    }
    (dir, path)
}

pub fn oil_line(qty: &str) -> LineDraft {
    LineDraft {
        code: "900-249-08".into(),
        name: "废机油".into(),
        hazard: "T,I".into(),
        form: "L".into(),
        components: "矿物油".into(),
        harmful: "多环芳烃".into(),
        packaging: "200L铁桶".into(),
        containers: "10".into(),
        quantity: qty.into(),
    }
}

pub fn leg() -> LegDraft {
    LegDraft {
        carrier_name: "聊城顺安危货运输有限公司".into(),
        carrier_uscc: E2_USCC.into(),
        transport_licence: "鲁交运管许可聊字371500001号".into(),
        plate: "鲁P3A215".into(),
        driver: "王强".into(),
        escort: "李明".into(),
    }
}

pub fn input(licence: &str, qty: &str, date: &str) -> ManifestInput {
    ManifestInput {
        licence_number: licence.into(),
        mode: Some(Mode::Utilize),
        transfer_date: date.into(),
        lines: vec![oil_line(qty)],
        legs: vec![leg()],
        ..ManifestInput::default()
    }
}

pub fn step(s: &mut Session, m: &Manifest, e: ManifestEvent, i: EventInput) -> Manifest {
    s.manifests()
        .transition(m.id, m.row_version, e, i, false)
        .unwrap_or_else(|err| panic!("{e:?}: {}", err.render(Lang::Zh)))
}

pub fn when(t: &str) -> EventInput {
    EventInput {
        at: t.into(),
        ..EventInput::default()
    }
}

pub fn receipt(t: &str, qty: &[&str]) -> EventInput {
    EventInput {
        at: t.into(),
        received: qty.iter().map(|q| q.to_string()).collect(),
        ..EventInput::default()
    }
}

/// Drafts and moves a manifest of the `ent` generator to `AwaitingReceipt` (arrived at `arrived`).
pub fn arrived(path: &Path, clock: &TestClock, qty: &str, arrived: &str) -> Manifest {
    let mut ent = at(clock, path, "ent");
    let m = ent
        .manifests()
        .create(input(LOCAL_LICENCE, qty, &arrived[0..10]), false)
        .expect("draft");
    let m = step(&mut ent, &m, ManifestEvent::Submit, EventInput::default());
    let m = step(&mut ent, &m, ManifestEvent::Depart, when(arrived));
    let mut rec = at(clock, path, "rec");
    step(&mut rec, &m, ManifestEvent::Arrive, when(arrived))
}

pub fn codes(e: ServiceError) -> Vec<&'static str> {
    match e {
        ServiceError::Invalid(v) => v.iter().map(|i| i.code).collect(),
        other => panic!("expected validation issues, got {other}"),
    }
}

pub fn zh(e: &ServiceError) -> String {
    e.render(Lang::Zh)
}

pub fn approval(s: &mut Session, number: &str, tonnes: &str) {
    s.manifests()
        .create_approval(ApprovalInput {
            number: number.into(),
            generator_uscc: E1_USCC.into(),
            waste_code: "900-249-08".into(),
            licence_number: HEBEI_LICENCE.into(),
            quantity: tonnes.into(),
            valid_from: "2026-01-01".into(),
            valid_to: "2026-12-31".into(),
            mode: Some(ecocase::domain::manifest::Mode::Utilize),
        })
        .expect("approval");
}
