//! 企业圆桌座谈: the field rules of a round-table meeting, its participants and the problems raised
//! there (domain.md §1). Each problem becomes a request (channel 圆桌座谈) or links one already filed.
//! Pure: the service layer supplies today and writes the result.

use crate::domain::text::normalize_text;
use crate::domain::validate::{FieldIssue, date, max_chars, required};
use crate::i18n::{T, Text};
use chrono::NaiveDate;

/// Longest free text of a meeting field, in characters.
const MAX_TEXT: usize = 500;

/// A meeting as recorded: when, where, who hosted, which region's, what about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingDraft {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub place: String,
    pub host: String,
    pub region_code: String,
    pub topic: String,
    pub note: String,
}

/// Normalises the draft's text and returns what is wrong with it. A meeting is recorded after it was
/// held, so its date may not lie after `today`.
pub fn validate_meeting(m: &mut MeetingDraft, today: NaiveDate) -> Vec<FieldIssue> {
    for s in [&mut m.place, &mut m.host, &mut m.topic, &mut m.note] {
        *s = normalize_text(s);
    }
    m.date = m.date.trim().to_string();
    m.region_code = m.region_code.trim().to_string();
    let mut issues: Vec<FieldIssue> = [
        required("date", T::MeetingFieldDate, &m.date),
        date("date", T::MeetingFieldDate, &m.date),
        required("place", T::MeetingFieldPlace, &m.place),
        required("host", T::MeetingFieldHost, &m.host),
        required("region", T::FieldRegion, &m.region_code),
        required("topic", T::MeetingFieldTopic, &m.topic),
        max_chars("place", T::MeetingFieldPlace, &m.place, MAX_TEXT),
        max_chars("host", T::MeetingFieldHost, &m.host, MAX_TEXT),
        max_chars("topic", T::MeetingFieldTopic, &m.topic, MAX_TEXT),
        max_chars("note", T::MeetingFieldNote, &m.note, MAX_TEXT * 4),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Ok(d) = NaiveDate::parse_from_str(&m.date, "%Y-%m-%d")
        && d > today
    {
        issues.push(FieldIssue::error(
            "date",
            "date_future",
            Text::new(T::ErrMeetingFuture),
        ));
    }
    issues
}

/// Someone who took part: a person of an enterprise, or (`guest`, no enterprise) bureau staff or an
/// expert. Which of the two is said explicitly: a participant without an enterprise who is not marked
/// a guest is refused, so a picked enterprise is never silently lost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParticipantDraft {
    pub enterprise_id: Option<i64>,
    /// 局内人员或专家: no enterprise.
    pub guest: bool,
    pub person: String,
    pub role: String,
}

pub fn validate_participant(p: &mut ParticipantDraft) -> Vec<FieldIssue> {
    p.person = normalize_text(&p.person);
    p.role = normalize_text(&p.role);
    let mut issues: Vec<FieldIssue> = [
        required("person", T::MeetingFieldPerson, &p.person),
        max_chars("person", T::MeetingFieldPerson, &p.person, 100),
        max_chars("role", T::MeetingFieldRole, &p.role, 100),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (p.guest, p.enterprise_id) {
        (false, None) => issues.insert(
            0,
            FieldIssue::error(
                "enterprise",
                "enterprise_required",
                Text::new(T::ErrMeetingParticipantEnterprise),
            ),
        ),
        (true, Some(_)) => issues.insert(
            0,
            FieldIssue::error(
                "enterprise",
                "guest_with_enterprise",
                Text::new(T::ErrMeetingGuestEnterprise),
            ),
        ),
        _ => {}
    }
    issues
}

/// A request number as typed: trimmed, upper case, with the `BF-` prefix once whether it was typed or
/// not (`371525-2026-00001`, `bf-371525-2026-00001` and `BF-BF-371525-2026-00001` are one number).
pub fn normalize_request_number(typed: &str) -> String {
    let mut s = typed.trim().to_uppercase();
    while let Some(rest) = s.strip_prefix("BF-") {
        s = rest.trim_start().to_string();
    }
    if s.is_empty() {
        return String::new();
    }
    format!("BF-{s}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
    }

    fn good() -> MeetingDraft {
        MeetingDraft {
            date: "2026-11-27".into(),
            place: " 冠县分局三楼会议室 ".into(),
            host: "王局长".into(),
            region_code: "371525".into(),
            topic: "涉VOCs企业治理设施提升座谈".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_complete_meeting_is_accepted_and_trimmed() {
        let mut m = good();
        assert!(validate_meeting(&mut m, today()).is_empty());
        assert_eq!(m.place, "冠县分局三楼会议室");
    }

    #[test]
    fn missing_fields_and_bad_dates_are_named() {
        let mut m = MeetingDraft {
            date: "2026-13-01".into(),
            ..MeetingDraft::default()
        };
        let issues = validate_meeting(&mut m, today());
        let fields: Vec<&str> = issues.iter().map(|i| i.field).collect();
        assert_eq!(fields, ["date", "place", "host", "region", "topic"]);
        assert_eq!(
            issues[0].render(Lang::Zh),
            "座谈日期应为日期 YYYY-MM-DD，例如 2026-03-01"
        );
    }

    #[test]
    fn a_meeting_cannot_be_recorded_before_it_is_held() {
        let mut m = MeetingDraft {
            date: "2026-11-30".into(),
            ..good()
        };
        let issues = validate_meeting(&mut m, today());
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, "date_future");
    }

    #[test]
    fn a_participant_needs_a_name() {
        let mut p = ParticipantDraft {
            enterprise_id: Some(1),
            person: "  ".into(),
            role: "环保专员".into(),
            ..ParticipantDraft::default()
        };
        let issues = validate_participant(&mut p);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].render(Lang::En), "Person is required");
    }

    #[test]
    fn a_participant_is_of_an_enterprise_or_explicitly_a_guest() {
        let mut p = ParticipantDraft {
            person: "唐辉刚".into(),
            ..ParticipantDraft::default()
        };
        let issues = validate_participant(&mut p);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].field, "enterprise");
        assert_eq!(issues[0].code, "enterprise_required");
        p.guest = true;
        assert!(validate_participant(&mut p).is_empty());
        p.enterprise_id = Some(3);
        assert_eq!(
            validate_participant(&mut p)[0].code,
            "guest_with_enterprise"
        );
        p.guest = false;
        assert!(validate_participant(&mut p).is_empty());
    }

    #[test]
    fn a_request_number_takes_its_prefix_once() {
        for typed in [
            "BF-371525-2026-00001",
            " bf-371525-2026-00001 ",
            "BF-BF-371525-2026-00001",
            "371525-2026-00001",
        ] {
            assert_eq!(
                normalize_request_number(typed),
                "BF-371525-2026-00001",
                "{typed}"
            );
        }
        assert_eq!(normalize_request_number("BF-"), "");
    }
}
