//! The 转移联单 screens driven through `update` with canned service results: open the list and switch
//! filters, open a manifest, act with and without fields (warnings acknowledged on a second try), fill
//! the form with the code picker, and snapshots of the list, detail, form, picker and discrepancy
//! dialog at 80x24 in Chinese and English.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::manifest::deadlines::ManifestAlert;
use ecocase::domain::manifest::rules::{EventInput, ManifestEvent};
use ecocase::domain::manifest::{Line, LineDraft, ManifestState, Mode, Origin};
use ecocase::domain::time::Minute;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::manifest::{ManifestDetail, ManifestRow};
use ecocase::store::manifest::reference::{CodeHit, Licence};
use ecocase::store::manifest::{HistoryRow, Leg, ListFilter, Manifest};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::manifest::{
    FormData, ManifestDetailData, ManifestEffect, ManifestMsg, PAGE, Refusal,
};
use tui_common::*;

fn snap(app: &App) -> String {
    let (text, cursor) = screen(app, 80, 24);
    match cursor {
        Some((x, y)) => format!("{text}cursor: {x},{y}\n"),
        None => format!("{text}cursor: hidden\n"),
    }
}

fn minute(s: &str) -> Minute {
    Minute::parse(s).expect("minute")
}

fn manifest(id: i64, number: &str, state: ManifestState) -> Manifest {
    Manifest {
        id,
        uid: format!("m{id}"),
        number: number.into(),
        origin: Origin::Local,
        generator_id: 1,
        generator_name: "聊城市鑫润化工有限公司".into(),
        generator_uscc: "9137150204601036XX".into(),
        region_code: "371502".into(),
        receiver_id: Some(2),
        receiver_region: "3715A1".into(),
        receiver_uscc: "91371500MA3C0002Y0".into(),
        receiver_name: "聊城市绿洲环保科技有限公司".into(),
        receiver_province: "37".into(),
        licence_id: Some(1),
        licence_number: "鲁危证1508号".into(),
        licence_snapshot: "{}".into(),
        handling_mode: Mode::Utilize,
        approval_id: None,
        transfer_date: "2026-11-27".parse().expect("day"),
        edition_label: "2025".into(),
        state,
        submitted_at: None,
        departed_at: Some(minute("2026-11-27 09:10")),
        arrived_at: Some(minute("2026-11-27 15:30")),
        received_at: None,
        received_kg: None,
        decision: None,
        handling_code: String::new(),
        confirmed_at: None,
        completed_at: None,
        paper_completed_on: None,
        backfilled_at: None,
        cancel_reason: String::new(),
        reject_reason: None,
        reject_note: String::new(),
        follow_up_of: None,
        warnings: String::new(),
        total_kg: 2400,
        row_version: 4,
        created_at: "2026-11-27T01:00:00Z".parse().expect("instant"),
        created_by: "u".into(),
    }
}

fn rows() -> Vec<ManifestRow> {
    vec![
        ManifestRow {
            manifest: manifest(2, "20263715001683", ManifestState::AwaitingReceipt),
            alerts: vec![ManifestAlert::ReceiptOverdue],
        },
        ManifestRow {
            manifest: manifest(1, "20263715001682", ManifestState::Draft),
            alerts: Vec::new(),
        },
    ]
}

fn detail(state: ManifestState, events: Vec<ManifestEvent>) -> ManifestDetailData {
    let m = manifest(2, "20263715001683", state);
    ManifestDetailData {
        detail: ManifestDetail {
            lines: vec![Line {
                seq: 1,
                code: "900-249-08".into(),
                category: "HW08".into(),
                name: "废机油".into(),
                hazard: "T,I".into(),
                form: "L".into(),
                components: String::new(),
                harmful: String::new(),
                packaging: "200L铁桶".into(),
                containers: 12,
                quantity_kg: 2400,
                received_kg: None,
                received_containers: None,
            }],
            legs: vec![Leg {
                seq: 1,
                carrier: Default::default(),
                departed_at: Some(minute("2026-11-27 09:10")),
                handover_at: None,
                handover_place: String::new(),
                arrived_at: Some(minute("2026-11-27 15:30")),
            }],
            discrepancies: Vec::new(),
            follow_ups: Vec::new(),
            follow_up_of: None,
            history: vec![HistoryRow {
                event: "submit".into(),
                from_state: "draft".into(),
                to_state: "pending_transport".into(),
                note: String::new(),
                at: "2026-11-27T01:00:00Z".parse().expect("time"),
                by_name: "孙丽".into(),
                visibility: ecocase::domain::visibility::Visibility::Public,
            }],
            approval: None,
            alerts: vec![ManifestAlert::ReceiptOverdue],
            receipt_due: None,
            backfill_due: None,
            events,
            may_edit: state == ManifestState::Draft,
            may_follow_up: false,
            extensions: Vec::new(),
            may_extend_stock: false,
            manifest: m,
        },
        now: "2026-11-30 10:00".into(),
    }
}

fn opened(lang: Lang, state: ManifestState, events: Vec<ManifestEvent>) -> App {
    let mut app = logged_in(
        session(
            "receiver",
            &[ecocase::domain::account::Role::Enterprise],
            Some(2),
        ),
        lang,
    );
    update(&mut app, ctrl('w'));
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Page {
            filter: ListFilter::default(),
            rows: Ok((rows(), Some(2))),
        }),
    );
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(fx, [Effect::Manifest(ManifestEffect::LoadDetail { id: 2 })]);
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Detail {
            id: 2,
            data: Ok(Box::new(detail(state, events))),
        }),
    );
    app
}

#[test]
fn list_opens_from_anywhere_and_filters_switch() {
    let mut app = logged_in(staff(), Lang::Zh);
    let fx = update(&mut app, ctrl('w'));
    assert_eq!(
        fx,
        [Effect::Manifest(ManifestEffect::LoadPage {
            filter: ListFilter::default(),
            limit: PAGE
        })]
    );
    let fx = update(&mut app, key(KeyCode::Right));
    assert_eq!(
        fx,
        [Effect::Manifest(ManifestEffect::LoadPage {
            filter: ListFilter {
                state: Some(ManifestState::Draft),
                ..ListFilter::default()
            },
            limit: PAGE
        })]
    );
    // An answer for the previous filter is ignored.
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Page {
            filter: ListFilter::default(),
            rows: Ok((rows(), Some(2))),
        }),
    );
    let Screen::ManifestList(l) = app.screen() else {
        panic!("list");
    };
    assert!(l.rows.is_empty());
    let fx = update(&mut app, key(KeyCode::Esc));
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadHome)), "{fx:?}");
    assert!(matches!(app.screen(), Screen::Home(_)));
}

#[test]
fn reaching_the_last_row_loads_the_next_page_by_keyset() {
    let mut app = logged_in(staff(), Lang::Zh);
    update(&mut app, ctrl('w'));
    let many: Vec<ManifestRow> = (0..PAGE as i64)
        .map(|i| ManifestRow {
            manifest: manifest(
                1000 - i,
                &format!("2026371500{:04}", 1000 - i),
                ManifestState::Completed,
            ),
            alerts: Vec::new(),
        })
        .collect();
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Page {
            filter: ListFilter::default(),
            rows: Ok((many, Some(120))),
        }),
    );
    let mut fx = Vec::new();
    for _ in 0..PAGE {
        fx = update(&mut app, key(KeyCode::Down));
        if !fx.is_empty() {
            break;
        }
    }
    assert_eq!(
        fx,
        [Effect::Manifest(ManifestEffect::LoadPage {
            filter: ListFilter {
                before_id: Some(1000 - PAGE as i64 + 1),
                ..ListFilter::default()
            },
            limit: PAGE
        })]
    );
}

#[test]
fn confirm_and_discrepancy_dialogs_send_what_was_typed() {
    let mut app = opened(
        Lang::Zh,
        ManifestState::AwaitingReceipt,
        vec![ManifestEvent::Confirm, ManifestEvent::ReportDiscrepancy],
    );
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::ManifestAction(_)));
    insta::assert_snapshot!("mf_discrepancy_zh", snap(&app));
    // at, told generator, told bureau, then line 1: received, containers, kind, declared, measured
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Tab));
    }
    update(&mut app, ctrl('u'));
    type_text(&mut app, "2.0");
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    // 一致 -> 名称 -> 数量
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "2.400 吨");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "2.000 吨");
    let asked = update(&mut app, ctrl('s'));
    let fx = yes(&mut app, asked);
    let [Effect::Manifest(ManifestEffect::Transition { event, input, .. })] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(*event, ManifestEvent::ReportDiscrepancy);
    assert_eq!(input.received, vec!["2.0"]);
    assert_eq!(input.received_containers, vec!["12"]);
    assert_eq!(input.at, "2026-11-30 10:00");
    assert_eq!(input.told_bureau_at, "2026-11-30 10:00");
    let d = &input.discrepancies[0];
    assert_eq!(
        d.kind,
        Some(ecocase::domain::manifest::DiscrepancyKind::Quantity)
    );
    assert_eq!(
        (d.declared.as_str(), d.measured.as_str()),
        ("2.400 吨", "2.000 吨")
    );
    // A refusal keeps the dialog open with the message.
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Done(Err(Refusal {
            text: Text::new(T::ManifestErrQtyPositive),
            warnings_only: false,
        }))),
    );
    assert!(matches!(app.screen(), Screen::ManifestAction(_)));
    assert_eq!(
        app.message.as_ref().map(|m| m.text.render(Lang::Zh)),
        Some("数量必须大于 0".to_string())
    );
}

#[test]
fn the_discrepancy_dialog_records_one_discrepancy_per_differing_line() {
    let mut app = logged_in(
        session(
            "receiver",
            &[ecocase::domain::account::Role::Enterprise],
            Some(2),
        ),
        Lang::Zh,
    );
    update(&mut app, ctrl('w'));
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Page {
            filter: ListFilter::default(),
            rows: Ok((rows(), Some(2))),
        }),
    );
    update(&mut app, key(KeyCode::Enter));
    let mut d = detail(
        ManifestState::AwaitingReceipt,
        vec![ManifestEvent::Confirm, ManifestEvent::ReportDiscrepancy],
    );
    for seq in [2, 3] {
        let mut l = d.detail.lines[0].clone();
        l.seq = seq;
        l.code = "900-041-49".into();
        l.name = "废包装桶".into();
        d.detail.lines.push(l);
    }
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Detail {
            id: 2,
            data: Ok(Box::new(d)),
        }),
    );
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Enter));
    let Screen::ManifestAction(a) = app.screen() else {
        panic!("dialog");
    };
    assert!(a.discrepancies().is_empty(), "every line starts as 一致");
    // Line 1 (fields 3..8): quantity; line 2 stays 一致; line 3 (fields 13..18): packaging.
    let set = |app: &mut App, at: usize, right: usize, declared: &str, measured: &str| {
        let Screen::ManifestAction(a) = app.screen() else {
            panic!("dialog");
        };
        for _ in a.focus..at {
            update(app, key(KeyCode::Tab));
        }
        for _ in 0..right {
            update(app, key(KeyCode::Right));
        }
        update(app, key(KeyCode::Tab));
        type_text(app, declared);
        update(app, key(KeyCode::Tab));
        type_text(app, measured);
    };
    set(&mut app, 5, 2, "2.400 吨", "1.900 吨");
    set(&mut app, 15, 5, "200L铁桶 12 个", "吨袋 12 个");
    let asked = update(&mut app, ctrl('s'));
    let fx = yes(&mut app, asked);
    let [Effect::Manifest(ManifestEffect::Transition { event, input, .. })] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(*event, ManifestEvent::ReportDiscrepancy);
    use ecocase::domain::manifest::DiscrepancyKind;
    let got: Vec<(i64, Option<DiscrepancyKind>, &str, &str)> = input
        .discrepancies
        .iter()
        .map(|d| (d.line_seq, d.kind, d.declared.as_str(), d.measured.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, Some(DiscrepancyKind::Quantity), "2.400 吨", "1.900 吨"),
            (
                3,
                Some(DiscrepancyKind::Packaging),
                "200L铁桶 12 个",
                "吨袋 12 个"
            ),
        ]
    );
    assert_eq!(input.received.len(), 3);
}

#[test]
fn submit_with_warnings_is_sent_again_acknowledged() {
    let mut app = opened(
        Lang::Zh,
        ManifestState::Draft,
        vec![ManifestEvent::Submit, ManifestEvent::Cancel],
    );
    insta::assert_snapshot!("mf_detail_draft_zh", snap(&app));
    update(&mut app, key(KeyCode::Right));
    let submit = |ack| {
        vec![Effect::Manifest(ManifestEffect::Transition {
            id: 2,
            row_version: 4,
            event: ManifestEvent::Submit,
            input: EventInput::default(),
            acknowledged: ack,
        })]
    };
    let asked = update(&mut app, key(KeyCode::Enter));
    assert_eq!(yes(&mut app, asked), submit(false));
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Done(Err(Refusal {
            text: Text::new(T::ManifestWarnNotAdjacent).arg("province", "44"),
            warnings_only: true,
        }))),
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.render(Lang::Zh).contains("再提交一次"))
    );
    assert_eq!(update(&mut app, key(KeyCode::Enter)), submit(true));
}

fn licence() -> Licence {
    Licence {
        id: 1,
        uid: "l1".into(),
        number: "鲁危证1508号".into(),
        holder_uscc: "91371500MA3C0002Y0".into(),
        holder_name: "聊城市绿洲环保科技有限公司".into(),
        enterprise_id: Some(2),
        province: "37".into(),
        scope: "HW08,HW49".into(),
        modes: "store,utilize".into(),
        capacity_kg: 60_000_000,
        valid_from: "2025-01-01".parse().expect("day"),
        valid_to: "2029-12-31".parse().expect("day"),
        kind: ecocase::domain::manifest::LicenceKind::Comprehensive,
    }
}

#[test]
fn the_form_fills_a_line_from_the_code_picker_and_saves() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    update(&mut app, ctrl('w'));
    let fx = update(&mut app, ctrl('n'));
    assert_eq!(fx, [Effect::Manifest(ManifestEffect::LoadFormData)]);
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::FormData(Ok(FormData {
            licences: vec![licence()],
            today: "2026-11-30".into(),
            now: "2026-11-30 10:00".into(),
        }))),
    );
    // origin, licence, mode, date, approval, then the waste code
    for _ in 0..5 {
        update(&mut app, key(KeyCode::Tab));
    }
    update(&mut app, key(KeyCode::F(4)));
    let fx = type_text(&mut app, "废矿物油");
    assert_eq!(
        fx.last(),
        Some(&Effect::Manifest(ManifestEffect::SearchCodes {
            day: "2026-11-30".into(),
            query: "废矿物油".into()
        }))
    );
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Codes {
            query: "废矿物油".into(),
            hits: Ok(vec![CodeHit {
                code: "900-249-08".into(),
                category: "HW08".into(),
                category_name: "废矿物油与含矿物油废物".into(),
                description: "其他生产、销售、使用过程中产生的废矿物油".into(),
                hazard: "T,I".into(),
            }]),
        }),
    );
    insta::assert_snapshot!("mf_picker_zh", snap(&app));
    update(&mut app, key(KeyCode::Enter));
    insta::assert_snapshot!("mf_form_zh", snap(&app));
    // name, hazard, form (two steps right: 液态), ..., quantity
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Right));
    for _ in 0..5 {
        update(&mut app, key(KeyCode::Tab));
    }
    type_text(&mut app, "2.4");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Manifest(ManifestEffect::Save {
            id: None,
            input,
            generator_uscc,
            acknowledged: false,
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}");
    };
    assert!(
        generator_uscc.is_empty(),
        "enterprise accounts are their own generator"
    );
    assert_eq!(input.licence_number, "鲁危证1508号");
    assert_eq!(input.transfer_date, "2026-11-30");
    assert_eq!(
        input.lines,
        vec![LineDraft {
            code: "900-249-08".into(),
            name: "其他生产、销售、使用过程中产生的废矿物油".into(),
            hazard: "T,I".into(),
            form: "L".into(),
            quantity: "2.4".into(),
            ..LineDraft::default()
        }]
    );
    // Ctrl-N adds a second waste line block; Ctrl-D removes it again.
    update(&mut app, ctrl('n'));
    let Screen::ManifestForm(f) = app.screen() else {
        panic!("form");
    };
    assert_eq!(f.input().lines.len(), 2);
    update(&mut app, ctrl('d'));
    let Screen::ManifestForm(f) = app.screen() else {
        panic!("form");
    };
    assert_eq!(f.input().lines.len(), 1);
}

#[test]
fn the_form_creates_paper_and_national_manifests_with_their_number() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    update(&mut app, ctrl('w'));
    update(&mut app, ctrl('n'));
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::FormData(Ok(FormData {
            licences: vec![licence()],
            today: "2026-11-30".into(),
            now: "2026-11-30 10:00".into(),
        }))),
    );
    let ids = |app: &App| -> Vec<&'static str> {
        let Screen::ManifestForm(f) = app.screen() else {
            panic!("form");
        };
        f.fields.iter().take(6).map(|f| f.id).collect()
    };
    assert_eq!(
        ids(&app),
        [
            "origin",
            "licence",
            "mode",
            "transfer_date",
            "approval",
            "code"
        ]
    );
    // 全国系统: a number field follows the origin.
    update(&mut app, key(KeyCode::Right));
    assert_eq!(ids(&app)[..3], ["origin", "number", "licence"]);
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "20263701000123");
    // 纸质联单: the number stays and the completion date joins it.
    update(&mut app, key(KeyCode::BackTab));
    update(&mut app, key(KeyCode::Right));
    assert_eq!(
        ids(&app)[..4],
        ["origin", "number", "paper_completed_on", "licence"]
    );
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "2026-11-25");
    insta::assert_snapshot!("mf_form_paper_zh", snap(&app));
    let fx = update(&mut app, ctrl('s'));
    let [Effect::Manifest(ManifestEffect::Save { input, .. })] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(input.origin, Some(Origin::Paper));
    assert_eq!(input.number, "20263701000123");
    assert_eq!(input.paper_completed_on, "2026-11-25");
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Done(Err(Refusal {
            text: Text::new(T::ManifestErrQtyPositive),
            warnings_only: false,
        }))),
    );
    // Back to 本系统: the number is the city's serial, the typed one is not sent.
    update(&mut app, key(KeyCode::BackTab));
    update(&mut app, key(KeyCode::BackTab));
    update(&mut app, key(KeyCode::Right));
    assert_eq!(ids(&app)[..2], ["origin", "licence"]);
    let Screen::ManifestForm(f) = app.screen() else {
        panic!("form");
    };
    let input = f.input();
    assert_eq!(input.origin, Some(Origin::Local));
    assert!(input.number.is_empty() && input.paper_completed_on.is_empty());
    // Choosing 全国系统 again brings back what was typed.
    update(&mut app, key(KeyCode::Right));
    let Screen::ManifestForm(f) = app.screen() else {
        panic!("form");
    };
    assert_eq!(f.input().number, "20263701000123");
    assert_eq!(f.input().origin, Some(Origin::National));
}

#[test]
fn snapshots_of_list_and_detail_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = logged_in(staff(), lang);
        update(&mut app, ctrl('w'));
        update(
            &mut app,
            Msg::Manifest(ManifestMsg::Page {
                filter: ListFilter::default(),
                rows: Ok((rows(), Some(2))),
            }),
        );
        insta::assert_snapshot!(format!("mf_list_{}", lang.code()), snap(&app));
        let app = opened(
            lang,
            ManifestState::AwaitingReceipt,
            vec![ManifestEvent::Confirm, ManifestEvent::ReportDiscrepancy],
        );
        insta::assert_snapshot!(format!("mf_detail_{}", lang.code()), snap(&app));
    }
}

#[test]
fn staff_register_a_licence_from_the_reference_screen() {
    let mut app = logged_in(staff(), Lang::Zh);
    update(&mut app, ctrl('w'));
    let fx = update(&mut app, key(KeyCode::Char('a')));
    assert_eq!(fx, [Effect::Manifest(ManifestEffect::LoadRef)]);
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Insert));
    for (i, v) in [
        "鲁危证1509号",
        "91130200699229617X",
        "聊城市绿洲环保科技有限公司",
        "37",
        "HW08,HW49",
        "贮存,利用",
        "50000",
        "2025-01-01",
        "2029-12-31",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            update(&mut app, key(KeyCode::Tab));
        }
        type_text(&mut app, v);
    }
    let fx = update(&mut app, ctrl('s'));
    let [Effect::Manifest(ManifestEffect::CreateLicence(input))] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(input.number, "鲁危证1509号");
    assert_eq!(input.modes, vec![Mode::Store, Mode::Utilize]);
    assert_eq!(input.valid_to, "2029-12-31");
    // An enterprise account is not offered the registration.
    let mut ent = logged_in(enterprise_user(), Lang::Zh);
    update(&mut ent, ctrl('w'));
    update(&mut ent, key(KeyCode::Char('a')));
    update(&mut ent, key(KeyCode::Insert));
    assert!(matches!(ent.screen(), Screen::ManifestRef(_)));
}

#[test]
fn e_exports_the_tab_shown() {
    let mut app = logged_in(staff(), Lang::Zh);
    update(&mut app, ctrl('w'));
    update(&mut app, key(KeyCode::Right));
    let fx = update(&mut app, key(KeyCode::Char('e')));
    assert_eq!(
        fx,
        [Effect::Manifest(ManifestEffect::Export {
            filter: ListFilter {
                state: Some(ManifestState::Draft),
                ..ListFilter::default()
            },
            lang: Lang::Zh,
        })]
    );
    // An account without the right (the administrator) is never offered it; the service refuses anyway.
    let mut admin = logged_in(tui_common::admin(), Lang::Zh);
    update(&mut admin, ctrl('w'));
    assert!(update(&mut admin, key(KeyCode::Char('e'))).is_empty());
}

#[test]
fn staff_record_a_storage_extension_from_the_detail() {
    use ecocase::service::manifest::extension::ExtensionInput;
    use ecocase::store::manifest::extension::StockExtension;
    let mut app = logged_in(
        session("staff", &[ecocase::domain::account::Role::Staff], None),
        Lang::Zh,
    );
    update(&mut app, ctrl('w'));
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Page {
            filter: ListFilter::default(),
            rows: Ok((rows(), Some(2))),
        }),
    );
    update(&mut app, key(KeyCode::Enter));
    let mut d = detail(ManifestState::Received, vec![ManifestEvent::Complete]);
    d.detail.manifest.received_at = Some(minute("2025-12-20 10:00"));
    d.detail.alerts = vec![ManifestAlert::StockAging];
    d.detail.may_extend_stock = true;
    d.detail.extensions = vec![StockExtension {
        uid: "x1".into(),
        approval_number: "聊环危延〔2026〕1号".into(),
        extended_to: "2026-11-20".parse().expect("day"),
        approved_by: "聊城市生态环境局".into(),
        created_at: "2026-10-01T01:00:00Z".parse().expect("time"),
        created_by: "u".into(),
    }];
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Detail {
            id: 2,
            data: Ok(Box::new(d)),
        }),
    );
    let (text, _) = screen(&app, 80, 24);
    assert!(text.contains("延期贮存"), "{text}");
    // Actions: 处置结果回告, 延期贮存.
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Enter));
    let Screen::ManifestAction(a) = app.screen() else {
        panic!("dialog");
    };
    assert_eq!(a.fields[1].value, "2026-12-20", "a year after receipt");
    type_text(&mut app, "聊环危延〔2026〕9号");
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, ctrl('u'));
    type_text(&mut app, "2027-03-31");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "聊城市生态环境局固体废物科");
    insta::assert_snapshot!("mf_extend_zh", snap(&app));
    let fx = update(&mut app, ctrl('s'));
    assert_eq!(
        fx,
        [Effect::Manifest(ManifestEffect::ExtendStock {
            id: 2,
            input: ExtensionInput {
                approval_number: "聊环危延〔2026〕9号".into(),
                extended_to: "2027-03-31".into(),
                approved_by: "聊城市生态环境局固体废物科".into(),
            }
        })]
    );
}

#[test]
fn after_a_conflict_the_dialog_reloads_the_version_and_sends_the_typed_receipt_again() {
    use ecocase::tui::msg::Versioned;
    let mut app = opened(
        Lang::Zh,
        ManifestState::AwaitingReceipt,
        vec![ManifestEvent::Confirm],
    );
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::ManifestAction(_)));
    let asked = update(&mut app, ctrl('s'));
    let fx = yes(&mut app, asked);
    let [
        Effect::Manifest(ManifestEffect::Transition {
            id,
            row_version,
            input,
            ..
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}");
    };
    let (id, first_version, typed) = (*id, *row_version, input.clone());
    update(
        &mut app,
        Msg::Manifest(ManifestMsg::Done(Err(Refusal {
            text: Text::new(T::ErrConflict)
                .arg("user", "receiver2")
                .arg("time", "2026-11-30 10:05"),
            warnings_only: false,
        }))),
    );
    assert!(
        snap(&app).contains("按 Ctrl-R 重新加载，你的修改保留"),
        "{}",
        snap(&app)
    );
    let fx = update(&mut app, ctrl('r'));
    assert_eq!(fx, [Effect::ReloadVersion(Versioned::Manifest(id))]);
    update(
        &mut app,
        Msg::VersionReloaded {
            record: Versioned::Manifest(id),
            current: Ok((
                first_version + 1,
                Text::new(ManifestState::AwaitingReceipt.label()),
            )),
        },
    );
    let asked = update(&mut app, ctrl('s'));
    let fx = yes(&mut app, asked);
    let [
        Effect::Manifest(ManifestEffect::Transition {
            row_version, input, ..
        }),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}");
    };
    assert_eq!(*row_version, first_version + 1);
    assert_eq!(*input, typed, "what was typed is sent again");
}

#[test]
fn rejecting_needs_a_reason_and_asks_first() {
    let mut app = opened(
        Lang::Zh,
        ManifestState::Discrepancy,
        vec![ManifestEvent::Decide],
    );
    update(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::ManifestAction(_)));
    // 处理决定: 接收 -> 部分接收 -> 拒收; then the reason and the explanation.
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "实收与申报不符");
    insta::assert_snapshot!("mf_reject_zh", snap(&app));
    // Saving asks first; the safe answer (取消) has the focus, so Enter alone sends nothing.
    let fx = update(&mut app, ctrl('s'));
    assert!(fx.is_empty(), "nothing is sent before the answer: {fx:?}");
    let (text, _) = screen(&app, 80, 24);
    assert!(
        text.contains("拒收联单")
            && text.contains("20263715001683：")
            && text.contains("移出人将看到")
            && text.contains("此操作不可撤销"),
        "{text}"
    );
    assert!(text.contains("[ 取消 ]  [ 拒收 ]"), "{text}");
    insta::assert_snapshot!("mf_reject_confirm_zh", snap(&app));
    // Enter on the focused 取消: nothing sent, the dialog keeps what was typed.
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    let Screen::ManifestAction(a) = app.screen() else {
        panic!("the dialog stays")
    };
    assert!(!a.saving);
    let asked = update(&mut app, ctrl('s'));
    let fx = yes(&mut app, asked);
    let [Effect::Manifest(ManifestEffect::Transition { event, input, .. })] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(*event, ManifestEvent::Decide);
    assert_eq!(
        input.decision,
        Some(ecocase::domain::manifest::Decision::Reject)
    );
    assert_eq!(
        input.reject_reason,
        Some(ecocase::domain::manifest::RejectReason::NotAsDeclared)
    );
    assert_eq!(input.reject_note, "实收与申报不符");
}

#[test]
fn esc_on_confirm_receipt_asks_only_after_typing() {
    let mut app = opened(
        Lang::Zh,
        ManifestState::AwaitingReceipt,
        vec![ManifestEvent::Confirm],
    );
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Esc));
    assert!(
        app.overlay.is_none(),
        "the proposed values alone: no question"
    );
    assert!(matches!(app.screen(), Screen::ManifestDetail(_)));
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "5");
    update(&mut app, key(KeyCode::Esc));
    assert!(
        matches!(&app.overlay, Some(ecocase::tui::overlays::Overlay::Confirm(c))
            if c.kind == ecocase::tui::overlays::confirm::ConfirmKind::Discard),
        "typed input is not thrown away without asking"
    );
}
