//! The inspection rules of issue 18 on screen, driven through `update` with canned service results: the
//! new-inspection form asks for the facts recorded for the typed enterprise and sends the one picked
//! (never typed); the act's date is an action once the record is pending.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::account::Role;
use ecocase::domain::inspection::{Category, Mode};
use ecocase::i18n::{Lang, T, Text};
use ecocase::tui::app::{App, Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::inspection::form::InspectionRequest;
use ecocase::tui::screens::inspection::{
    InspectionData, InspectionEffect, InspectionMsg, InspectionQuery, InspectionTab,
};
use tui_common::*;

const USCC: &str = "91371521257113844J";

fn list(lang: Lang) -> App {
    let mut app = logged_in(
        session("inspector", &[Role::Staff, Role::Inspector], None),
        lang,
    );
    update(&mut app, key(KeyCode::Char('i')));
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::Page {
            tab: InspectionTab::Mine,
            append: false,
            rows: Ok(Vec::new()),
        })),
    );
    app
}

#[test]
fn the_basis_of_a_new_inspection_is_picked_from_what_is_recorded() {
    let mut app = list(Lang::Zh);
    update(&mut app, key(KeyCode::Insert));
    assert!(matches!(
        app.screens.last(),
        Some(Screen::InspectionForm(_))
    ));
    type_text(&mut app, USCC);
    // Leaving the USCC asks which facts are recorded for that enterprise.
    let fx = update(&mut app, key(KeyCode::Tab));
    assert_eq!(
        fx,
        [Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::GuardChoices { uscc: USCC.into() }
        ))]
    );
    let trigger = Text::new(T::InspectionGuardTrigger)
        .arg_key("kind", T::PositiveListTriggerAlarm)
        .arg("reference", "ALM-371500-0932")
        .arg("date", "2026-11-20");
    let plan = Text::new(T::InspectionGuardPlan)
        .arg("name", "阳谷县危废专项")
        .arg("doc", "聊环发〔2026〕12号")
        .arg("by", "张主任");
    update(
        &mut app,
        Msg::Inspection(InspectionMsg::Loaded(InspectionData::GuardChoices {
            uscc: USCC.into(),
            options: Ok(vec![("t:7".into(), trigger), ("p:2".into(), plan)]),
        })),
    );
    // Category 日常-计划 (Right once from 日常-双随机), mode 现场, then the basis: the trigger.
    update(&mut app, key(KeyCode::Right));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    let (shown, _) = screen(&app, 80, 24);
    assert!(shown.contains("无已登记的依据"), "{shown}");
    update(&mut app, key(KeyCode::Right));
    let (shown, _) = screen(&app, 80, 24);
    assert!(shown.contains("ALM-371500-0932"), "{shown}");
    let fx = update(&mut app, ctrl('s'));
    let [
        Effect::Inspection(InspectionEffect::Do(InspectionRequest::Plan {
            uscc,
            category,
            mode,
            guard,
            reference,
            ..
        })),
    ] = fx.as_slice()
    else {
        panic!("{fx:?}");
    };
    assert_eq!(uscc, USCC);
    assert_eq!((*category, *mode), (Category::Planned, Mode::Onsite));
    assert_eq!(guard, "t:7", "the recorded trigger, by its id");
    assert!(reference.is_empty());
}
