//! The 圆桌座谈 forms, drawn and typed like every 帮扶 form: record a meeting, add a participant,
//! raise a problem (a new request of a participating enterprise) or link a request already filed.

use crate::domain::assistance::meeting::{MeetingDraft, ParticipantDraft};
use crate::domain::assistance::{Channel, RequestDraft, Urgency};
use crate::i18n::{T, Text};
use crate::tui::app::{Message, Out};
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::AssistanceEffect;
use crate::tui::screens::assistance::form::{
    AssistanceFormState, Choice, FormField, Purpose, choices,
};
use crate::tui::screens::assistance::meeting::MeetingDetailData;

/// Which 圆桌座谈 form it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingPurpose {
    New,
    Participant { meeting: i64 },
    Problem { meeting: i64 },
    Link { meeting: i64 },
}

impl MeetingPurpose {
    pub fn title(&self) -> T {
        match self {
            MeetingPurpose::New => T::MeetingScreenNew,
            MeetingPurpose::Participant { .. } => T::MeetingScreenParticipant,
            MeetingPurpose::Problem { .. } => T::MeetingScreenProblem,
            MeetingPurpose::Link { .. } => T::MeetingScreenLink,
        }
    }
}

impl AssistanceFormState {
    /// Records a meeting: dated today unless changed; the region is the account's own for branch
    /// accounts, a choice of every region for city accounts.
    pub fn new_meeting(today: &str, regions: Vec<Choice>) -> Out {
        let fields = vec![
            FormField::text("date", T::MeetingFieldDate, today),
            FormField::text("place", T::MeetingFieldPlace, ""),
            FormField::text("host", T::MeetingFieldHost, ""),
            FormField::choice("region", T::FieldRegion, regions),
            FormField::text("topic", T::MeetingFieldTopic, ""),
            FormField::text("note", T::MeetingFieldNote, ""),
        ];
        AssistanceFormState::push(fields, Purpose::Meeting(MeetingPurpose::New), false)
    }

    /// A participant: of an enterprise (picked by name, pinyin initials or USCC) unless the kind says
    /// 局内/专家.
    pub fn meeting_participant(meeting: i64) -> Out {
        let kinds = vec![
            Choice::of("enterprise", T::MeetingKindEnterprise),
            Choice::of("guest", T::MeetingKindGuest),
        ];
        let fields = vec![
            FormField::choice("kind", T::MeetingFieldKind, kinds),
            FormField::search("enterprise", T::MeetingFieldEnterpriseQuery),
            FormField::text("person", T::MeetingFieldPerson, ""),
            FormField::text("role", T::MeetingFieldRole, ""),
        ];
        AssistanceFormState::push(
            fields,
            Purpose::Meeting(MeetingPurpose::Participant { meeting }),
            false,
        )
    }

    /// A problem is raised by an enterprise that took part: the form offers those enterprises.
    pub fn meeting_problem(d: &MeetingDetailData) -> Out {
        let mut enterprises: Vec<Choice> = Vec::new();
        for p in &d.detail.participants {
            if let (Some(id), Some(name)) = (p.enterprise_id, &p.enterprise_name)
                && !enterprises.iter().any(|c| c.code == id.to_string())
            {
                enterprises.push(Choice {
                    code: id.to_string(),
                    zh: name.clone(),
                    en: name.clone(),
                });
            }
        }
        if enterprises.is_empty() {
            return Out::message(Message::error(Text::new(T::ErrMeetingNoParticipant)));
        }
        let fields = vec![
            FormField::choice("enterprise", T::MeetingFieldProblemEnterprise, enterprises),
            FormField::multi("services", T::AssistanceFieldServices, Vec::new()),
            FormField::text("description", T::AssistanceFieldDescription, ""),
            FormField::choice(
                "urgency",
                T::AssistanceFieldUrgency,
                choices(Urgency::ALL, Urgency::code, Urgency::label),
            ),
            FormField::text("wished_date", T::AssistanceFieldWishedDate, ""),
        ];
        let meeting = d.detail.meeting.id;
        AssistanceFormState::push(
            fields,
            Purpose::Meeting(MeetingPurpose::Problem { meeting }),
            true,
        )
        .with_effect(Effect::Assistance(AssistanceEffect::LoadServiceMenu))
    }

    /// The number is taken as typed, with or without its `BF-` prefix.
    pub fn meeting_link(meeting: i64) -> Out {
        let fields = vec![FormField::text("number", T::MeetingFieldRequestNumber, "")];
        AssistanceFormState::push(
            fields,
            Purpose::Meeting(MeetingPurpose::Link { meeting }),
            false,
        )
    }

    pub(crate) fn meeting_effect(&self, m: &MeetingPurpose) -> Effect {
        match m {
            MeetingPurpose::New => {
                Effect::Assistance(AssistanceEffect::RecordMeeting(MeetingDraft {
                    date: self.value("date"),
                    place: self.value("place"),
                    host: self.value("host"),
                    region_code: self.value("region"),
                    topic: self.value("topic"),
                    note: self.value("note"),
                }))
            }
            MeetingPurpose::Participant { meeting } => {
                let guest = self.value("kind") == "guest";
                let (enterprise_id, query) = if guest {
                    (None, None)
                } else {
                    self.picked("enterprise")
                };
                Effect::Assistance(AssistanceEffect::MeetingParticipant {
                    meeting: *meeting,
                    enterprise_query: query,
                    participant: ParticipantDraft {
                        enterprise_id,
                        guest,
                        person: self.value("person"),
                        role: self.value("role"),
                    },
                })
            }
            MeetingPurpose::Problem { meeting } => {
                Effect::Assistance(AssistanceEffect::MeetingProblem {
                    meeting: *meeting,
                    draft: RequestDraft {
                        enterprise_id: self.value("enterprise").parse().ok(),
                        services: self.ticked_services(),
                        description: self.value("description"),
                        urgency: Urgency::parse(&self.value("urgency")).unwrap_or(Urgency::Normal),
                        channel: Channel::Roundtable,
                        wished_date: self.value("wished_date"),
                    },
                })
            }
            MeetingPurpose::Link { meeting } => Effect::Assistance(AssistanceEffect::MeetingLink {
                meeting: *meeting,
                number: self.value("number"),
            }),
        }
    }
}
