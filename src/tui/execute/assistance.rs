//! Carrying out the 帮扶 and 圆桌座谈 effects through the service layer. Meeting writes answer with
//! `AssistanceMsg::Done` too, so the form closes on success and shows the reason on refusal, like
//! every 帮扶 form.

use crate::i18n::{T, Text};
use crate::service::assistance::Queue;
use crate::service::{ServiceError, Session};
use crate::tui::msg::Msg;
use crate::tui::screens::assistance::meeting::{MeetingDetailData, MeetingListData};
use crate::tui::screens::assistance::{AssistanceDetailData, AssistanceEffect, AssistanceMsg};

/// Requests a page of a 帮扶 queue holds; scrolling past the last loads the next.
const QUEUE_ROWS: usize = 100;

/// Matches an enterprise picker lists under its field.
const PICKER_ROWS: usize = 20;

/// Meetings the list loads: a region holds a few dozen a year.
const MEETING_ROWS: usize = 500;

fn queue_loaded(
    queue: Queue,
    page: crate::service::Result<crate::service::assistance::queue::QueuePage>,
    more: bool,
) -> Msg {
    let (rows, next) = match page {
        Ok(p) => (Ok(p.rows), p.next),
        Err(e) => (Err(e.text()), None),
    };
    Msg::Assistance(AssistanceMsg::QueueLoaded {
        queue,
        rows,
        next,
        more,
    })
}

/// The 帮扶 detail with the handlers a triage person may assign.
fn request_detail(s: &Session, id: i64) -> crate::service::Result<AssistanceDetailData> {
    let detail = s.assistance().detail(id)?;
    use crate::domain::assistance::Event;
    let handlers =
        if detail.events.contains(&Event::Assign) || detail.events.contains(&Event::Reassign) {
            s.assistance().handlers(&detail.request.region_code)?
        } else {
            Vec::new()
        };
    Ok(AssistanceDetailData {
        detail,
        handlers,
        today: s.today().format("%Y-%m-%d").to_string(),
    })
}

/// A refused 帮扶 change: every field message, so the person sees what to fix.
fn request_error(e: ServiceError) -> Text {
    match &e {
        ServiceError::Invalid(issues) if issues.len() > 1 => Text::new(T::AssistanceMsgIssues)
            .arg_text("first", issues[0].text.clone())
            .arg_text("second", issues[1].text.clone()),
        _ => e.text(),
    }
}

/// A refused meeting change: the first field message when there is one, so the person sees what to
/// fix.
fn error(e: ServiceError) -> Text {
    match &e {
        ServiceError::Invalid(issues) if !issues.is_empty() => issues[0].text.clone(),
        _ => e.text(),
    }
}

pub(in crate::tui) fn execute(s: &mut Session, effect: AssistanceEffect) -> Option<Msg> {
    let text = |e: ServiceError| e.text();
    match effect {
        AssistanceEffect::LoadQueue { queue, find } => {
            let page = s.assistance().queue_find(queue, &find, None, QUEUE_ROWS);
            Some(queue_loaded(queue, page, false))
        }
        AssistanceEffect::LoadQueueMore { queue, find, after } => {
            let page = s
                .assistance()
                .queue_find(queue, &find, Some(&after), QUEUE_ROWS);
            Some(queue_loaded(queue, page, true))
        }
        AssistanceEffect::LoadDetail { id } => Some(Msg::Assistance(AssistanceMsg::DetailLoaded {
            id,
            data: request_detail(s, id).map_err(text),
        })),
        AssistanceEffect::LoadServiceMenu => Some(Msg::Assistance(
            AssistanceMsg::ServiceMenuLoaded(s.assistance().service_menu().map_err(text)),
        )),
        AssistanceEffect::FileRequest {
            enterprise_uscc,
            confirmed,
            mut draft,
        } => {
            let filed = (|| {
                if let Some(query) = &enterprise_uscc {
                    draft.enterprise_id = s.assistance().resolve_enterprise(query)?.map(|e| e.id);
                }
                if confirmed {
                    s.assistance().file_confirmed(draft, true)
                } else {
                    s.assistance().file(draft, true)
                }
            })();
            Some(Msg::Assistance(AssistanceMsg::Done(
                filed
                    .map(|r| Text::new(T::AssistanceMsgFiled).arg("number", r.number))
                    .map_err(request_error),
            )))
        }
        AssistanceEffect::Transition {
            id,
            row_version,
            event,
            input,
        } => Some(Msg::Assistance(AssistanceMsg::Done(
            s.assistance()
                .transition(id, row_version, event, input)
                .map(|r| {
                    Text::new(T::AssistanceMsgDone)
                        .arg_key("event", event.label())
                        .arg("number", r.number)
                        .arg_key("state", r.state.label())
                })
                .map_err(request_error),
        ))),
        AssistanceEffect::Record { id, record } => Some(Msg::Assistance(AssistanceMsg::Done(
            s.assistance()
                .record_service(id, record)
                .map(|()| Text::new(T::AssistanceMsgRecorded))
                .map_err(request_error),
        ))),
        AssistanceEffect::ExportQueue { queue, lang } => Some(Msg::Written(
            crate::tui::execute::report::export_queue(s, queue, lang),
        )),
        AssistanceEffect::LoadMeetings => Some(Msg::Assistance(AssistanceMsg::MeetingsLoaded(
            s.assistance()
                .meetings(MEETING_ROWS)
                .map(|rows| MeetingListData {
                    rows,
                    today: s.today().format("%Y-%m-%d").to_string(),
                })
                .map_err(text),
        ))),
        AssistanceEffect::LoadMeeting { id } => {
            Some(Msg::Assistance(AssistanceMsg::MeetingLoaded {
                id,
                data: s
                    .assistance()
                    .meeting_detail(id)
                    .map(|detail| MeetingDetailData { detail })
                    .map_err(text),
            }))
        }
        AssistanceEffect::RecordMeeting(draft) => Some(Msg::Assistance(AssistanceMsg::Done(
            s.assistance()
                .record_meeting(draft)
                .map(|m| Text::new(T::MeetingMsgRecorded).arg("topic", m.topic))
                .map_err(error),
        ))),
        AssistanceEffect::MeetingParticipant {
            meeting,
            enterprise_query,
            mut participant,
        } => {
            let done = (|| {
                // The enterprise picked stays; only a typed name that was not picked is resolved.
                if participant.enterprise_id.is_none()
                    && let Some(query) = &enterprise_query
                {
                    participant.enterprise_id =
                        s.assistance().resolve_enterprise(query)?.map(|e| e.id);
                }
                let person = participant.person.clone();
                s.assistance().add_participant(meeting, participant)?;
                Ok(Text::new(T::MeetingMsgParticipant).arg("person", person.trim()))
            })();
            Some(Msg::Assistance(AssistanceMsg::Done(done.map_err(error))))
        }
        AssistanceEffect::MeetingProblem { meeting, draft } => {
            Some(Msg::Assistance(AssistanceMsg::Done(
                s.assistance()
                    .raise_problem(meeting, draft)
                    .map(|r| Text::new(T::MeetingMsgProblem).arg("number", r.number))
                    .map_err(error),
            )))
        }
        AssistanceEffect::MeetingLink { meeting, number } => {
            Some(Msg::Assistance(AssistanceMsg::Done(
                s.assistance()
                    .link_request(meeting, &number)
                    .map(|r| Text::new(T::MeetingMsgLinked).arg("number", r.number))
                    .map_err(error),
            )))
        }
        AssistanceEffect::FindEnterprises { token, query } => {
            Some(Msg::Assistance(AssistanceMsg::EnterprisesFound {
                token,
                rows: s
                    .assistance()
                    .find_enterprises(&query, PICKER_ROWS)
                    .map(|rows| {
                        rows.into_iter()
                            .map(|e| crate::tui::widgets::picker::EnterpriseMatch {
                                id: e.id,
                                name: e.name,
                                uscc: e.uscc,
                                status: e.status,
                            })
                            .collect()
                    })
                    .map_err(text),
            }))
        }
    }
}
