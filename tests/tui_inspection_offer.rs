//! The assistance module's offer: saving a service record that notes problems opens the inspection form
//! with the request's enterprise filled in, and saving it plans an inspection of that enterprise.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::account::Role;
use ecocase::i18n::Lang;
use ecocase::tui::app::{Screen, update};
use ecocase::tui::msg::{Effect, Msg};
use ecocase::tui::screens::assistance::AssistanceMsg;
use ecocase::tui::screens::inspection::InspectionEffect;
use ecocase::tui::screens::inspection::form::InspectionRequest;
use tui_common::*;

fn inspector() -> ecocase::tui::msg::SessionInfo {
    session("inspector", &[Role::Staff, Role::Inspector], None)
}

/// A 帮扶 request in progress, as the assistance detail screen holds it.
fn assist_detail() -> ecocase::tui::screens::assistance::AssistanceDetailData {
    use ecocase::domain::assistance::{AssistanceState, Channel, Urgency};
    use ecocase::store::assistance::Request;
    ecocase::tui::screens::assistance::AssistanceDetailData {
        detail: ecocase::service::assistance::RequestDetail {
            request: Request {
                id: 2,
                uid: "r2".into(),
                number: "BF-371502-2026-00002".into(),
                enterprise_id: 1,
                enterprise_name: "聊城市鑫润化工有限公司".into(),
                region_code: "371502".into(),
                channel: Channel::Phone,
                urgency: Urgency::Urgent,
                wished_date: None,
                description: "VOCs 治理设施运行不稳定".into(),
                state: AssistanceState::InProgress,
                handler_id: Some(7),
                handler_name: Some("inspector".into()),
                outcome: None,
                closing_opinion: String::new(),
                close_kind: None,
                close_reason: String::new(),
                rating: None,
                reopen_count: 0,
                submitted_at: None,
                accepted_at: None,
                assigned_at: None,
                clock_started_at: None,
                completed_at: None,
                closed_at: None,
                row_version: 3,
                created_at: "2026-11-24T02:00:00Z".parse().expect("time"),
                created_by: "u".into(),
            },
            services: Vec::new(),
            cohandlers: Vec::new(),
            history: Vec::new(),
            records: Vec::new(),
            sla: None,
            events: Vec::new(),
            may_record: true,
        },
        handlers: Vec::new(),
        today: "2026-11-30".into(),
    }
}

#[test]
fn a_service_record_noting_problems_offers_an_inspection_of_that_enterprise() {
    use ecocase::tui::screens::assistance::{
        AssistanceAction, AssistanceDetailState, AssistanceFormState,
    };
    let mut app = logged_in(inspector(), Lang::Zh);
    let data = assist_detail();
    app.screens
        .push(Screen::AssistanceDetail(AssistanceDetailState {
            id: 2,
            data: Some(data.clone()),
            scroll: ecocase::tui::widgets::detail::Scroll::default(),
            action: 0,
            loading: false,
        }));
    let out = AssistanceFormState::for_action(&data, AssistanceAction::Record);
    for nav in out.nav {
        if let ecocase::tui::app::Nav::Push(s) = nav {
            app.screens.push(s);
        }
    }
    if let Some(Screen::AssistanceForm(f)) = app.screens.last_mut() {
        for field in &mut f.fields {
            if field.id == "problems" {
                field.input.set("废气处理设施长期停运，涉嫌违法排放");
            }
        }
    }
    update(
        &mut app,
        Msg::Assistance(AssistanceMsg::Done(Ok(ecocase::i18n::Text::new(
            ecocase::i18n::T::Saved,
        )))),
    );
    let Some(Screen::InspectionForm(f)) = app.screens.last() else {
        panic!("the inspection form should open");
    };
    assert_eq!(f.id, 1, "the request's enterprise");
    assert_eq!(f.fields[0].input.value(), "聊城市鑫润化工有限公司");
    // Saving plans an inspection of that enterprise; Esc would skip.
    let fx = update(&mut app, key(KeyCode::F(2)));
    assert!(
        matches!(
            &fx[..],
            [Effect::Inspection(InspectionEffect::Do(
                InspectionRequest::Plan {
                    enterprise_id: Some(1),
                    ..
                }
            ))]
        ),
        "{fx:?}"
    );
}
