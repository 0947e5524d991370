//! Carrying out the 圆桌座谈 effects through the service layer. Writes answer with `AssistDone`, so
//! the form closes on success and shows the reason on refusal, like every 帮扶 form.

use crate::i18n::{T, Text};
use crate::service::{ServiceError, Session};
use crate::tui::msg::{Effect, Msg};
use crate::tui::screens::assistance::meeting::{MeetingDetailData, MeetingListData};

/// Matches an enterprise picker lists under its field.
const PICKER_ROWS: usize = 5;

/// Meetings the list loads: a region holds a few dozen a year.
const MEETING_ROWS: usize = 500;

/// A refused change: the first field message when there is one, so the person sees what to fix.
fn error(e: ServiceError) -> Text {
    match &e {
        ServiceError::Invalid(issues) if !issues.is_empty() => issues[0].text.clone(),
        _ => e.text(),
    }
}

pub(in crate::tui) fn execute(s: &mut Session, effect: Effect) -> Option<Msg> {
    let text = |e: ServiceError| e.text();
    match effect {
        Effect::LoadMeetings => Some(Msg::MeetingsLoaded(
            s.meetings(MEETING_ROWS)
                .map(|rows| MeetingListData {
                    rows,
                    today: s.today().format("%Y-%m-%d").to_string(),
                })
                .map_err(text),
        )),
        Effect::LoadMeeting { id } => Some(Msg::MeetingLoaded {
            id,
            data: s
                .meeting_detail(id)
                .map(|detail| MeetingDetailData { detail })
                .map_err(text),
        }),
        Effect::RecordMeeting(draft) => Some(Msg::AssistDone(
            s.record_meeting(draft)
                .map(|m| Text::new(T::MeetingMsgRecorded).arg("topic", m.topic))
                .map_err(error),
        )),
        Effect::MeetingParticipant {
            meeting,
            enterprise_query,
            mut participant,
        } => {
            let done = (|| {
                participant.enterprise_id = s.resolve_enterprise(&enterprise_query)?.map(|e| e.id);
                let person = participant.person.clone();
                s.meeting_add_participant(meeting, participant)?;
                Ok(Text::new(T::MeetingMsgParticipant).arg("person", person.trim()))
            })();
            Some(Msg::AssistDone(done.map_err(error)))
        }
        Effect::MeetingProblem { meeting, draft } => Some(Msg::AssistDone(
            s.meeting_raise_problem(meeting, draft)
                .map(|r| Text::new(T::MeetingMsgProblem).arg("number", r.number))
                .map_err(error),
        )),
        Effect::MeetingLink { meeting, number } => Some(Msg::AssistDone(
            s.meeting_link_request(meeting, &number)
                .map(|r| Text::new(T::MeetingMsgLinked).arg("number", r.number))
                .map_err(error),
        )),
        Effect::FindEnterprises { token, query } => Some(Msg::EnterprisesFound {
            token,
            rows: s
                .find_enterprises(&query, PICKER_ROWS)
                .map(|rows| rows.into_iter().map(|e| (e.id, e.name, e.uscc)).collect())
                .map_err(text),
        }),
        _ => None,
    }
}
