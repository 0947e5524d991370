//! 双随机: the sampler's golden vectors (committed here: a change to the algorithm or its stream breaks
//! them), its properties, and a draw through the service layer that `draw verify` recomputes, refusing
//! any edit and detecting a changed result row.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::inspection::draw::{ALGORITHM, candidates_hash, sample};
use ecocase::domain::inspection::{Category, InspectionState, Mode};
use ecocase::domain::uscc::check_char;
use ecocase::service::enterprise::Warnings;
use ecocase::service::inspection::PlanInput;
use ecocase::service::inspection::draw::PlanDraft;
use inspect_common::*;
use proptest::prelude::*;

fn seq_seed() -> [u8; 32] {
    let mut s = [0u8; 32];
    for (i, b) in s.iter_mut().enumerate() {
        *b = i as u8;
    }
    s
}

/// Golden vectors of `pfy-chacha20-lemire32-v1`. The first word of the ChaCha20 stream under the zero
/// key is 0xade0b876 (RFC 7539 test vector), and 0xade0b876 * 10 >> 32 = 6: the first draw of A.
#[test]
fn golden_vectors() {
    assert_eq!(ALGORITHM, "pfy-chacha20-lemire32-v1");
    assert_eq!(
        sample(&[0u8; 32], 10, 10),
        vec![6, 0, 9, 4, 8, 5, 2, 1, 3, 7]
    );
    assert_eq!(
        sample(&seq_seed(), 1000, 8),
        vec![488, 415, 465, 288, 439, 799, 303, 573]
    );
    assert_eq!(
        sample(&[0xff; 32], 20_000, 5),
        vec![5124, 7632, 15110, 12733, 5462]
    );
    assert_eq!(sample(&[7; 32], 3, 2), vec![1, 0]);
    assert_eq!(sample(&[7; 32], 0, 2), Vec::<usize>::new());
    assert_eq!(
        candidates_hash(["91130200699229617X", "911302307808371268"]),
        "e4f20c1d454f29a6b99d0ad17b8a2a851d6715050e679d3f7ddc0244cd42e449"
    );
}

proptest! {
    #[test]
    fn sampling_is_reproducible_distinct_and_in_range(
        seed in prop::array::uniform32(any::<u8>()),
        n in 0usize..500,
        k in 0usize..600,
    ) {
        let a = sample(&seed, n, k);
        prop_assert_eq!(&a, &sample(&seed, n, k));
        prop_assert_eq!(a.len(), k.min(n));
        let mut sorted = a.clone();
        sorted.sort_unstable();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), a.len());
        prop_assert!(a.iter().all(|&p| p < n));
        // A longer draw with the same seed starts with the shorter one.
        let longer = sample(&seed, n, k + 1);
        prop_assert_eq!(&longer[..a.len()], &a[..]);
    }
}

/// Twelve more enterprises in 冠县, with valid codes.
fn more_enterprises(path: &std::path::Path) {
    let staff = login(path, "staff");
    for i in 0..12 {
        let first = format!("91371525MA3C{:05}", 10_000 + i);
        let uscc = format!("{first}{}", check_char(&first).unwrap());
        staff
            .enterprises()
            .create(
                draft(&uscc, &format!("冠县测试企业{i:02}有限公司"), GUAN),
                Warnings::Stop,
            )
            .unwrap();
    }
}

#[test]
fn a_draw_is_stored_verified_locked_and_tamper_evident() {
    let (mut dir, path) = fresh_db();
    // The test tampers with the draw on purpose (check would name it): no check at the end.
    dir.skip_check();
    let clock = TestClock::at(2026, 6, 1, 2);
    officers(&path, &clock);
    more_enterprises(&path);
    // Exclusions: one closed, one at its cap (a blue-credit enterprise checked once), one listed.
    let c = raw(&path);
    c.execute_batch(
        "UPDATE enterprise SET status = 'closed' WHERE name = '冠县测试企业00有限公司';
         UPDATE enterprise SET credit = 'blue' WHERE name = '冠县测试企业01有限公司';",
    )
    .unwrap();
    audit_fixture(
        &path,
        "enterprise",
        "name IN ('冠县测试企业00有限公司', '冠县测试企业01有限公司')",
    );
    let blue: i64 = c
        .query_row(
            "SELECT id FROM enterprise WHERE name = '冠县测试企业01有限公司'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let listed_uscc: String = c
        .query_row(
            "SELECT uscc FROM enterprise WHERE name = '冠县测试企业02有限公司'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    list_enterprise(&path, &listed_uscc);
    let insp = login_at(&path, "inspector", &clock);
    insp.inspections()
        .plan(&PlanInput {
            enterprise_id: blue,
            category: Category::Planned,
            mode: Mode::Offsite,
            trigger_ref: String::new(),
            place: String::new(),
            planned_on: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            officers: vec![],
            recusal_reason: String::new(),
            guard: None,
        })
        .unwrap();

    let sup = login_at(&path, "supervisor", &clock);
    let plan = sup
        .draws()
        .create_plan(&PlanDraft {
            name: "2026年第二季度冠县双随机".into(),
            regions: vec![GUAN.into()],
            class: "all".into(),
            ratio_pct: 50,
            count: 0,
            listed_offsite: Some(false),
            planned_on: NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        })
        .unwrap();
    let seed = seq_seed();
    let detail = sup.draws().run_seeded(plan.id, seed).unwrap();
    // 13 in 冠县 (E1 + 12) less closed, cap and listed = 10 candidates; 50% = 5 drawn.
    assert_eq!(detail.draw.candidate_count, 10);
    assert_eq!(detail.draw.drawn_count, 5);
    assert_eq!(detail.draw.seed_hex, hex::encode(seed));
    assert_eq!(
        detail.exclusions,
        vec![
            ("cap".into(), 1),
            ("closed".into(), 1),
            ("listed".into(), 1)
        ]
    );
    let expected = sample(&seed, 10, 5);
    let positions: Vec<i64> = detail.results.iter().map(|r| r.position).collect();
    assert_eq!(
        positions,
        expected.iter().map(|&p| p as i64).collect::<Vec<_>>()
    );
    // Each drawn enterprise became a pending inspection with a pair of officers, load balanced.
    for r in &detail.results {
        let x = sup.inspections().get(r.inspection_id.unwrap()).unwrap();
        assert_eq!(x.state, InspectionState::Pending);
        assert_eq!(x.category, Category::Random);
        assert_eq!(x.draw_id, Some(detail.draw.id));
        assert!(r.officers.contains("inspector2"), "{}", r.officers);
    }
    let report = sup.draws().verify(detail.draw.id).unwrap();
    assert!(report.ok(), "{report:?}");
    // The draw refuses edits.
    let edit = c.execute(
        "UPDATE draw_result SET position = 0 WHERE draw_id = ?1",
        [detail.draw.id],
    );
    assert!(edit.unwrap_err().to_string().contains("append-only"));
    let edit = c.execute("DELETE FROM draw WHERE id = ?1", [detail.draw.id]);
    assert!(edit.unwrap_err().to_string().contains("append-only"));
    // Someone with the sqlite3 shell drops the trigger and changes a result: verify sees it.
    c.execute_batch(&format!(
        "DROP TRIGGER draw_result_no_update;
         UPDATE draw_result SET position = (position + 1) % 10,
             uscc = (SELECT uscc FROM draw_candidate WHERE draw_id = {id} AND position = (draw_result.position + 1) % 10)
         WHERE draw_id = {id} AND rank = 2;",
        id = detail.draw.id
    ))
    .unwrap();
    let report = sup.draws().verify(detail.draw.id).unwrap();
    assert!(!report.ok());
    assert_eq!(report.first_difference, Some(2));
    assert!(report.candidate_hash_ok);
    // A changed candidate list is seen too.
    c.execute_batch(&format!(
        "DROP TRIGGER draw_candidate_no_update;
         UPDATE draw_candidate SET uscc = 'X' WHERE draw_id = {} AND position = 0;",
        detail.draw.id
    ))
    .unwrap();
    assert!(
        !sup.draws()
            .verify(detail.draw.id)
            .unwrap()
            .candidate_hash_ok
    );
}

#[test]
fn listed_enterprises_drawn_become_off_site_checks_when_the_plan_says_so() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 6, 1, 2);
    officers(&path, &clock);
    list_enterprise(&path, E1_USCC);
    let sup = login_at(&path, "supervisor", &clock);
    let plan = sup
        .draws()
        .create_plan(&PlanDraft {
            name: "冠县全部".into(),
            regions: vec![GUAN.into()],
            class: "all".into(),
            ratio_pct: 100,
            count: 0,
            listed_offsite: Some(true),
            planned_on: NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        })
        .unwrap();
    let detail = sup.draws().run(plan.id).unwrap();
    assert_eq!(detail.results.len(), 1);
    assert_eq!(detail.results[0].mode, "offsite");
    assert_eq!(detail.draw.seed_hex.len(), 64);
    assert!(sup.draws().verify(detail.draw.id).unwrap().ok());
    // The enterprise does not see the draw, nor its pending inspection.
    let ent = login_at(&path, "ent", &clock);
    assert!(ent.draws().list().is_err());
    let id = detail.results[0].inspection_id.unwrap();
    assert!(ent.inspections().get(id).is_err());
}

/// From the draw to the re-check: the drawn enterprise's pending inspection is visited by its pair,
/// ordered to rectify, reported on by the enterprise and re-checked.
#[test]
fn a_drawn_enterprise_runs_from_visit_to_rectification_recheck() {
    use ecocase::domain::inspection::{Conclusion, Event, EventInput, RecheckResult, Signature};
    use ecocase::service::inspection::followup::OrderInput;
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 6, 1, 2);
    let (i1, i2, _) = officers(&path, &clock);
    let sup = login_at(&path, "supervisor", &clock);
    let plan = sup
        .draws()
        .create_plan(&PlanDraft {
            name: "冠县".into(),
            regions: vec![GUAN.into()],
            class: "all".into(),
            ratio_pct: 0,
            count: 1,
            listed_offsite: Some(true),
            planned_on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        })
        .unwrap();
    let d = sup.draws().run_seeded(plan.id, [9; 32]).unwrap();
    let id = d.results[0].inspection_id.unwrap();
    let s = login_at(&path, "inspector", &clock);
    let x = s.inspections().get(id).unwrap();
    assert_eq!(x.state, InspectionState::Pending);
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::Start, &EventInput::default())
        .unwrap();
    ready_to_sign(&s, id);
    let x = s
        .inspections()
        .transition(id, x.row_version, Event::EndVisit, &EventInput::default())
        .unwrap();
    s.inspections()
        .sign(
            id,
            x.row_version,
            Conclusion::Order,
            "责令改正",
            Signature::Signed,
            "",
        )
        .unwrap();
    let (order, recheck) = s
        .inspections()
        .order_rectification(
            id,
            &OrderInput {
                doc_number: "聊环责改〔2026〕5号".into(),
                served_on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                deadline: NaiveDate::from_ymd_opt(2026, 6, 13).unwrap(),
                requirements: "整改".into(),
            },
        )
        .unwrap();
    // 2026-06-13 is a Saturday: the re-check moves to Monday 06-15.
    assert_eq!(recheck.planned_on.to_string(), "2026-06-15");
    let ent = login_at(&path, "ent", &clock);
    ent.inspections()
        .rectification_report(order.id, "已整改完毕", "")
        .unwrap();
    let done = s
        .inspections()
        .record_recheck(id, &[i1, i2], RecheckResult::Done, "已整改")
        .unwrap();
    assert_eq!(done.state, InspectionState::Completed);
    assert_eq!(
        s.inspections().get(recheck.id).unwrap().state,
        InspectionState::Completed
    );
}

#[test]
fn a_plan_without_its_own_choice_follows_the_listed_policy_setting() {
    let (_dir, path) = fresh_db();
    let clock = TestClock::at(2026, 6, 1, 2);
    officers(&path, &clock);
    list_enterprise(&path, E1_USCC);
    raw(&path)
        .execute(
            "INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('inspect.listed_draw_offsite', '0', 't')",
            [],
        )
        .unwrap();
    let sup = login_at(&path, "supervisor", &clock);
    let plan = sup
        .draws()
        .create_plan(&PlanDraft {
            name: "冠县".into(),
            regions: vec![GUAN.into()],
            class: "all".into(),
            ratio_pct: 100,
            count: 0,
            listed_offsite: None,
            planned_on: NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        })
        .unwrap();
    assert_eq!(plan.listed_policy, "exclude");
    let d = sup.draws().run(plan.id).unwrap();
    assert!(d.results.is_empty());
    assert_eq!(d.exclusions, vec![("listed".into(), 1)]);
}
