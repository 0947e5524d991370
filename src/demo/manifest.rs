//! Demo 转移联单: licences (the `receiver` account's enterprise among them, plus receivers in Hebei and
//! Jiangsu), a cross-province approval ending soon, and bulk manifests over the past 20 months sized to
//! the scale (ten per enterprise). The hand-made stories in every state are in `demo_manifest_stories`.

use crate::demo::build::Build;
use crate::demo::data::Rng;
use crate::domain::account::Actor;
use crate::domain::manifest::{CITY, Decision, LegDraft, Line, ManifestState, Mode, Origin};
use crate::domain::time::{Day, Instant, Minute};
use crate::service::Result;
use crate::service::manifest::new_leg;
use crate::service::manifest::reference::LicenceInput;
use crate::store::audit::bulk::{BulkChain, OwnedChange};
use crate::store::check::rows::row_image;
use crate::store::manifest::reference as refs;
use crate::store::manifest::{self as store, Manifest};
use crate::store::{bulk, db, history};
use chrono::{Datelike, Duration, NaiveDate};

/// Common codes with a name, hazards, form, packaging and a typical load in kilograms.
pub(in crate::demo) const WASTES: &[(&str, &str, &str, &str, &str, i64)] = &[
    ("900-249-08", "废矿物油", "T,I", "L", "200L铁桶", 3_200),
    ("900-041-49", "废包装桶及沾染物", "T,In", "S", "吨袋", 1_500),
    ("900-039-49", "废活性炭", "T", "S", "编织袋", 2_400),
    ("336-064-17", "表面处理废槽液", "T,C", "L", "IBC吨桶", 8_000),
    ("900-052-31", "废铅蓄电池", "T,C", "S", "防酸托盘", 5_000),
    ("900-214-08", "废润滑油", "T,I", "L", "200L铁桶", 1_800),
];

pub(in crate::demo) fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The licences: the receiver enterprise's, and two in other provinces. At city and province scale
/// the receiver also holds [`BULK_LICENCE`] for its second plant, which takes the bulk manifests, so the
/// stories' receipts are judged against the main licence's own capacity only.
fn licences(b: &mut Build, receiver_uscc: &str, receiver_name: &str, count: u64) -> Result<()> {
    let staff = b.act("staff", 0)?;
    let today = staff.today();
    let local_scope = "HW06,HW08,HW12,HW17,HW31,HW49";
    for (number, uscc, name, province, scope) in [
        (
            "鲁危证1508号",
            receiver_uscc.to_string(),
            receiver_name,
            "37",
            local_scope,
        ),
        (
            "冀危证1302号",
            "91130100MA0A0001A".to_string(),
            "河北冀环再生资源有限公司",
            "13",
            "HW08,HW49",
        ),
        (
            "苏危证3207号",
            "91320700MA1M0001B".to_string(),
            "连云港苏海环保科技有限公司",
            "32",
            "HW08,HW17",
        ),
    ] {
        // The other provinces' holders are not in the register: a valid code is made from 17 chars.
        let uscc = match crate::domain::uscc::check_char(&uscc[..17]) {
            Some(c) if province != "37" => format!("{}{c}", &uscc[..17]),
            _ => uscc,
        };
        staff.manifests().create_licence(LicenceInput {
            number: number.to_string(),
            holder_uscc: uscc,
            holder_name: name.to_string(),
            province: province.to_string(),
            scope: scope.to_string(),
            modes: vec![Mode::Store, Mode::Utilize, Mode::Dispose],
            capacity: "60000".to_string(),
            valid_from: date(today - Duration::days(800)),
            // Within the five years a 综合 licence may run.
            valid_to: date(today + Duration::days(1000)),
            kind: Some(crate::domain::manifest::LicenceKind::Comprehensive),
        })?;
    }
    if count * 2 > 60_000 {
        staff.manifests().create_licence(LicenceInput {
            number: BULK_LICENCE.to_string(),
            holder_uscc: receiver_uscc.to_string(),
            holder_name: receiver_name.to_string(),
            province: "37".to_string(),
            scope: local_scope.to_string(),
            modes: vec![Mode::Store, Mode::Utilize, Mode::Dispose],
            // The largest capacity a licence may state.
            capacity: (count * 2).min(1_000_000).to_string(),
            valid_from: date(today - Duration::days(800)),
            // Within the five years a 综合 licence may run.
            valid_to: date(today + Duration::days(1000)),
            kind: Some(crate::domain::manifest::LicenceKind::Comprehensive),
        })?;
    }
    Ok(())
}

/// The receiver's second licence, for the bulk manifests of the larger scales.
const BULK_LICENCE: &str = "鲁危证1509号";

/// Bulk manifests between generated enterprises and the local licence, over the past 20 months (longer
/// at province scale, see [`days_spanned`]), mostly
/// completed, some waiting or alerted. One transaction with cached statements and one audit entry each;
/// the secondary indexes are built once at the end.
fn bulk_manifests(b: &mut Build, count: u64, seed: u64, skip: &[i64]) -> Result<()> {
    let s = b.system();
    let today = s.today();
    let now = Instant::new(s.now());
    let now_text = now.to_string();
    let actor = Actor::system();
    let conn = &s.conn;
    let Some(licence) = (match refs::licence_by_number(conn, BULK_LICENCE)? {
        Some(l) => Some(l),
        None => refs::licence_by_number(conn, "鲁危证1508号")?,
    }) else {
        return Ok(());
    };
    let generators = refs::generator_candidates(conn, 5_000)?
        .into_iter()
        .filter(|(id, _)| !skip.contains(id))
        .collect::<Vec<_>>();
    if generators.is_empty() {
        return Ok(());
    }
    let receiver_region = match licence.enterprise_id {
        Some(e) => crate::store::enterprise::get(conn, e)?.region_code,
        None => String::new(),
    };
    let snapshot = serde_json::to_string(&licence.facts()).unwrap_or_default();
    let mut rng = Rng::new(seed ^ 0x4D46);
    let span = days_spanned(count);
    let tx = db::begin_immediate(conn)?;
    let deferred = bulk::defer_indexes(&tx, &["manifest", "manifest_line", "manifest_history"])?;
    // The chain's head stays in memory for the whole load and is stored once before the commit.
    let mut chain = BulkChain::start(&tx)?;
    let mut serial: std::collections::BTreeMap<i32, i64> = std::collections::BTreeMap::new();
    for _ in 0..count {
        let (generator_id, region) = rng.pick(&generators).clone();
        let age = i64::try_from(rng.below(span)).unwrap_or(0);
        let day = today - Duration::days(age);
        let seq = serial.entry(day.year()).or_insert(0);
        *seq += 1;
        let state = if age > 40 {
            *rng.weighted(&[
                (ManifestState::Completed, 90),
                (ManifestState::Cancelled, 5),
                (ManifestState::Received, 5),
            ])
        } else {
            *rng.weighted(&[
                (ManifestState::Completed, 40),
                (ManifestState::Received, 20),
                (ManifestState::AwaitingReceipt, 15),
                (ManifestState::InTransit, 10),
                (ManifestState::PendingTransport, 10),
                (ManifestState::Draft, 5),
            ])
        };
        let (code, name, hazard, form, packaging, kg) = *rng.pick(WASTES);
        let quantity_kg =
            kg / 2 + i64::try_from(rng.below(usize::try_from(kg).unwrap_or(1))).unwrap_or(0);
        // The day's events in order, none later than the moment the demo is made.
        let t = |d: NaiveDate, h: u32| {
            d.and_hms_opt(h, 0, 0)
                .map(Minute::new)
                .map(|m| m.min(now.minute()))
        };
        let reached = |s: ManifestState| state_rank(state) >= state_rank(s);
        let departed = reached(ManifestState::InTransit)
            .then(|| t(day, 9))
            .flatten();
        let arrived = reached(ManifestState::AwaitingReceipt)
            .then(|| t(day, 15))
            .flatten();
        let received = reached(ManifestState::Received)
            .then(|| t(day, 17))
            .flatten();
        let m = Manifest {
            id: 0,
            uid: db::new_uid(),
            number: crate::domain::manifest::local_number(day.year(), *seq),
            origin: Origin::Local,
            generator_id,
            generator_name: String::new(),
            generator_uscc: String::new(),
            region_code: region,
            receiver_id: licence.enterprise_id,
            receiver_region: receiver_region.clone(),
            receiver_uscc: licence.holder_uscc.clone(),
            receiver_name: licence.holder_name.clone(),
            receiver_province: licence.province.clone(),
            licence_id: Some(licence.id),
            licence_number: licence.number.clone(),
            licence_snapshot: snapshot.clone(),
            handling_mode: Mode::Utilize,
            approval_id: None,
            transfer_date: Day::new(day),
            edition_label: crate::store::seed::SEED_WASTE_EDITION.to_string(),
            state,
            submitted_at: (state != ManifestState::Draft).then_some(now),
            departed_at: departed,
            arrived_at: arrived,
            received_at: received,
            received_kg: received.as_ref().map(|_| quantity_kg),
            decision: received.as_ref().map(|_| Decision::Accept),
            handling_code: if state == ManifestState::Completed {
                "R9".into()
            } else {
                String::new()
            },
            // Recorded moments are stored in UTC, as the service stores them.
            confirmed_at: received.map(Minute::instant),
            completed_at: (state == ManifestState::Completed)
                .then(|| t(day + Duration::days(20), 10))
                .flatten()
                .map(Minute::instant),
            paper_completed_on: None,
            backfilled_at: None,
            cancel_reason: if state == ManifestState::Cancelled {
                "计划调整".into()
            } else {
                String::new()
            },
            reject_reason: None,
            reject_note: String::new(),
            follow_up_of: None,
            warnings: String::new(),
            total_kg: 0,
            row_version: 1,
            created_at: now,
            created_by: actor.uid.clone(),
        };
        let id = store::insert(&tx, &m, &actor.uid)?;
        store::insert_lines(
            &tx,
            id,
            &[Line {
                seq: 1,
                code: code.to_string(),
                category: format!("HW{}", &code[8..]),
                name: name.to_string(),
                hazard: hazard.to_string(),
                form: form.to_string(),
                components: String::new(),
                harmful: String::new(),
                packaging: packaging.to_string(),
                containers: quantity_kg / 200 + 1,
                quantity_kg,
                received_kg: received.as_ref().map(|_| quantity_kg),
                received_containers: None,
            }],
        )?;
        let mut leg = new_leg(0, &carrier());
        leg.departed_at = departed;
        leg.arrived_at = arrived;
        store::add_leg(&tx, id, &leg)?;
        history::append(
            &tx,
            history::Table::Manifest,
            &history::NewRow {
                id,
                event: "create",
                from: state.code(),
                to: state.code(),
                note: "",
                at: &now_text,
                by_uid: &actor.uid,
                by_name: "system",
            },
        )?;
        chain.append(
            &tx,
            &actor,
            &now_text,
            OwnedChange {
                action: "create",
                entity: "manifest",
                record_uid: m.uid.clone(),
                before: None,
                // The row as `check` reads it, lines included.
                after: row_image(&tx, "manifest", &m.uid)?,
            },
        )?;
    }
    for (year, last) in serial {
        store::set_serial(&tx, CITY, year, last + 1)?;
    }
    chain.finish(&tx)?;
    bulk::recreate_indexes(&tx, &deferred)?;
    tx.commit()?;
    Ok(())
}

/// How many days back the bulk manifests reach: 20 months, or longer when a year would otherwise
/// number more than [`MAX_BULK_PER_YEAR`] manifests (province scale: 2M manifests over 2.5 years).
fn days_spanned(count: u64) -> usize {
    let needed = count.saturating_mul(365) / MAX_BULK_PER_YEAR + 1;
    usize::try_from(needed).unwrap_or(usize::MAX).max(600)
}

/// The bulk serials of one year stay below 900000: the paper-manifest stories are numbered
/// `<year>3715 9xxxxx`, and the serial has six digits.
const MAX_BULK_PER_YEAR: u64 = 800_000;

/// Order of the states along the normal path, for deciding which times a bulk manifest has.
fn state_rank(s: ManifestState) -> u8 {
    match s {
        ManifestState::Draft | ManifestState::Cancelled => 0,
        ManifestState::PendingTransport => 1,
        ManifestState::InTransit => 2,
        ManifestState::AwaitingReceipt => 3,
        ManifestState::Received | ManifestState::Discrepancy | ManifestState::Rejected => 4,
        ManifestState::Completed => 5,
        ManifestState::PendingBackfill | ManifestState::Backfilled => 0,
    }
}

/// The demo carrier, with a valid USCC made from its first 17 characters.
pub(in crate::demo) fn carrier() -> LegDraft {
    let base = "91371500MA3C8K2L0";
    let check = crate::domain::uscc::check_char(base).unwrap_or('0');
    LegDraft {
        carrier_name: "聊城顺安危险货物运输有限公司".to_string(),
        carrier_uscc: format!("{base}{check}"),
        transport_licence: "鲁交运管许可聊字371500208号".to_string(),
        plate: "鲁P3A215".to_string(),
        driver: "王建军".to_string(),
        escort: "李海涛".to_string(),
    }
}

/// Everything of the module: licences, bulk manifests (`count`), then the stories.
pub(in crate::demo) fn manifests(
    b: &mut Build,
    count: u64,
    seed: u64,
    fixed_uscc: &[String],
    fixed_names: &[&str],
) -> Result<()> {
    let (Some(generator), Some(receiver), Some(receiver_name)) =
        (fixed_uscc.first(), fixed_uscc.get(1), fixed_names.get(1))
    else {
        return Ok(());
    };
    licences(b, receiver, receiver_name, count)?;
    let conn = &b.system().conn;
    let skip: Vec<i64> = fixed_uscc
        .iter()
        .filter_map(|u| {
            crate::store::enterprise::get_by_uscc(conn, u)
                .ok()
                .flatten()
        })
        .map(|e| e.id)
        .collect();
    bulk_manifests(b, count, seed, &skip)?;
    crate::demo::manifest_stories::stories(b, generator)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_year_numbers_as_many_bulk_manifests_as_the_paper_stories_start_at() {
        assert_eq!(days_spanned(200_000), 600);
        for count in [200_000u64, 2_000_000, 5_000_000] {
            let span = days_spanned(count) as u64;
            // A calendar year holds at most 366 of the spanned days.
            assert!(count * 366 / span < 900_000, "{count} over {span} days");
        }
    }
}
