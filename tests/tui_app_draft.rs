//! App-state tests for form drafts: autosave a few seconds after the last change, the restore prompt
//! (restore is the default), forgetting the draft on save or discard, keeping it when the terminal goes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::i18n::{Lang, T};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg, StoredDraft};
use ecocase::tui::overlays::Overlay;
use ecocase::tui::overlays::confirm::ConfirmKind;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::enterprise::fields::FieldId;
use ecocase::tui::screens::enterprise::form_draft::{DRAFT_SAVE_MS, FormDraft};
use tui_common::*;

const NEW: &str = "enterprise:new";

fn new_form() -> (App, Vec<Effect>) {
    let mut app = list_app(staff(), rows());
    let fx = update(&mut app, key(KeyCode::Insert));
    (app, fx)
}

fn kept(name: &str) -> StoredDraft {
    let draft = FormDraft {
        row_version: None,
        focus: 2,
        fields: EnterpriseDraft {
            uscc: "91130200699229617X".into(),
            name: name.into(),
            status: "operating".into(),
            ..EnterpriseDraft::default()
        },
    };
    StoredDraft {
        payload: serde_json::to_string(&draft).unwrap(),
        saved_at: "2026-11-29T02:05:00Z".parse().expect("time"),
    }
}

fn debounce_token(fx: &[Effect]) -> u64 {
    fx.iter()
        .rev()
        .find_map(|e| match e {
            Effect::Debounce { token, ms } if *ms == DRAFT_SAVE_MS => Some(*token),
            _ => None,
        })
        .expect("an autosave timer")
}

#[test]
fn opening_a_form_asks_for_its_kept_draft() {
    let (_, fx) = new_form();
    assert_eq!(fx, vec![Effect::LoadDraft { form: NEW.into() }]);
}

#[test]
fn a_kept_draft_is_offered_with_restore_as_the_default() {
    let (mut app, _) = new_form();
    update(
        &mut app,
        Msg::DraftLoaded {
            form: NEW.into(),
            draft: Ok(Some(kept("聊城市绿源化工有限公司"))),
        },
    );
    match &app.overlay {
        Some(Overlay::Confirm(c)) => {
            assert_eq!(
                c.kind,
                ConfirmKind::RestoreDraft {
                    saved_at: "2026-11-29 10:05".into()
                }
            );
            assert!(c.yes, "restore has the focus");
        }
        other => panic!("expected the restore question, got {other:?}"),
    }
    let shown = screen(&app, 80, 24).0;
    assert!(
        shown.contains("发现 2026-11-29 10:05 自动保存的未完成内容"),
        "{shown}"
    );
    // Enter alone restores.
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(form(&app).value(FieldId::Name), "聊城市绿源化工有限公司");
    assert_eq!(form(&app).field(), FieldId::Name);
    assert!(form(&app).is_dirty());
    assert_eq!(
        app.message.as_ref().map(|m| m.text.key),
        Some(T::MsgDraftRestored)
    );
}

#[test]
fn esc_on_the_question_cancels_and_keeps_the_draft_and_discarding_forgets_it() {
    let (mut app, _) = new_form();
    let loaded = Msg::DraftLoaded {
        form: NEW.into(),
        draft: Ok(Some(kept("甲公司"))),
    };
    update(&mut app, loaded.clone());
    // Esc (取消): back where the person came from; the draft is neither restored nor deleted.
    let fx = update(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
    assert!(
        matches!(app.screen(), Screen::List(_)),
        "{:?}",
        app.screen()
    );
    assert!(
        !fx.iter()
            .any(|e| matches!(e, Effect::DeleteDraft { .. } | Effect::SaveDraft { .. })),
        "{fx:?}"
    );

    let (mut app, _) = new_form();
    update(&mut app, loaded);
    update(&mut app, key(KeyCode::Tab));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(fx, vec![Effect::DeleteDraft { form: NEW.into() }]);
    assert_eq!(form(&app).value(FieldId::Name), "");
    assert!(form(&app).restore.is_none());
}

#[test]
fn a_draft_for_another_form_or_equal_to_the_form_is_not_offered() {
    let (mut app, _) = new_form();
    update(
        &mut app,
        Msg::DraftLoaded {
            form: "enterprise:someone-else".into(),
            draft: Ok(Some(kept("甲公司"))),
        },
    );
    assert!(app.overlay.is_none());
    let same = StoredDraft {
        payload: serde_json::to_string(&FormDraft {
            row_version: None,
            focus: 0,
            fields: form(&app).draft(),
        })
        .unwrap(),
        saved_at: "2026-11-29T02:05:00Z".parse().expect("time"),
    };
    let fx = update(
        &mut app,
        Msg::DraftLoaded {
            form: NEW.into(),
            draft: Ok(Some(same)),
        },
    );
    assert!(app.overlay.is_none());
    assert_eq!(fx, vec![Effect::DeleteDraft { form: NEW.into() }]);
}

#[test]
fn typing_keeps_the_draft_after_a_quiet_spell_and_only_the_latest_timer_counts() {
    let (mut app, _) = new_form();
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    let first = debounce_token(&type_text(&mut app, "聊"));
    let last = debounce_token(&type_text(&mut app, "城化工"));
    assert!(update(&mut app, Msg::Debounced(first)).is_empty());
    let fx = update(&mut app, Msg::Debounced(last));
    match fx.as_slice() {
        [Effect::SaveDraft { form, payload }] => {
            assert_eq!(form, NEW);
            let kept: FormDraft = serde_json::from_value(payload.clone()).unwrap();
            assert_eq!(kept.fields.name, "聊城化工");
            assert_eq!(kept.focus, 2);
        }
        other => panic!("expected the draft to be kept, got {other:?}"),
    }
}

#[test]
fn saving_or_discarding_forgets_the_draft() {
    let (mut app, _) = new_form();
    type_text(&mut app, "9113");
    update(&mut app, key(KeyCode::F(2)));
    let fx = update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::Saved(rows()[0].clone())),
    );
    assert!(
        fx.contains(&Effect::DeleteDraft { form: NEW.into() }),
        "{fx:?}"
    );
    assert!(matches!(app.screen(), Screen::Detail(_)));

    let (mut app, _) = new_form();
    type_text(&mut app, "9113");
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, key(KeyCode::Tab));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert_eq!(fx[0], Effect::DeleteDraft { form: NEW.into() });
    assert!(matches!(app.screen(), Screen::List(_)));
}

#[test]
fn losing_the_terminal_or_quitting_keeps_the_draft() {
    let (mut app, _) = new_form();
    type_text(&mut app, "9113");
    let fx = update(&mut app, Msg::InputClosed);
    assert!(app.quit);
    assert!(matches!(fx.as_slice(), [Effect::SaveDraft { form, .. }, Effect::Quit] if form == NEW));

    let (mut app, _) = new_form();
    type_text(&mut app, "9113");
    update(&mut app, key(KeyCode::F(10)));
    update(&mut app, key(KeyCode::Tab));
    let fx = update(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(fx.as_slice(), [Effect::SaveDraft { .. }, Effect::Quit]),
        "{fx:?}"
    );
}

#[test]
fn restoring_an_edit_keeps_the_version_it_was_typed_against() {
    let mut app = list_app(staff(), rows());
    update(&mut app, key(KeyCode::Enter));
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DetailLoaded {
            id: 1,
            data: Ok(ecocase::tui::screens::enterprise::DetailData {
                enterprise: rows()[0].clone(),
                former_names: vec![],
                history: None,
                list_entries: vec![],
                list_history: Vec::new(),
                assistance: Vec::new(),
                manifests: Vec::new(),
                inspections: Default::default(),
            }),
        }),
    );
    let fx = update(&mut app, key(KeyCode::F(8)));
    assert_eq!(
        fx,
        vec![Effect::LoadDraft {
            form: "enterprise:e-1".into()
        }]
    );
    let mut draft: FormDraft = serde_json::from_str(&kept("新名称").payload).unwrap();
    draft.row_version = Some(2);
    update(
        &mut app,
        Msg::DraftLoaded {
            form: "enterprise:e-1".into(),
            draft: Ok(Some(StoredDraft {
                payload: serde_json::to_string(&draft).unwrap(),
                saved_at: "2026-11-29T02:05:00Z".parse().expect("time"),
            })),
        },
    );
    update(&mut app, key(KeyCode::Enter));
    assert_eq!(form(&app).editing, Some((1, 2)));
    assert_eq!(
        app.message.as_ref().map(|m| m.text.render(Lang::Zh)),
        Some(T::WarnDraftStale.get(Lang::Zh).to_string())
    );
}
