//! 执法检查 (spec/domain.md §4): categories, states and the state machine with each transition's required
//! fields and roles. The legal rules (officers, caps, deadlines, limitation) are in `inspection_rules`.
//! Pure: dates and the calendar are arguments.
pub mod draw;
pub mod rules;
pub mod signing;
pub mod times;

use crate::domain::account::Role;
use crate::domain::codes::code_enum;
use crate::domain::positive_list::{CheckCategory, TriggerKind};
use crate::i18n::{T, Text};

code_enum!(
    /// 检查类别: routine (双随机, 计划), case-driven (个案), re-check, special.
    Category {
        Random => "random", InspectionCatRandom;
        Planned => "planned", InspectionCatPlanned;
        Complaint => "complaint", InspectionCatComplaint;
        Assigned => "assigned", InspectionCatAssigned;
        Monitoring => "monitoring", InspectionCatMonitoring;
        ListTrigger => "plist_trigger", InspectionCatListTrigger;
        Recheck => "recheck", InspectionCatRecheck;
        Special => "special", InspectionCatSpecial;
    }
);

impl Category {
    /// Routine checks count towards the annual cap; the others need a reference instead.
    pub fn is_routine(self) -> bool {
        matches!(self, Category::Random | Category::Planned)
    }

    /// What the positive-list guard calls this check, and the trigger it carries.
    pub fn guard_kind(self) -> (CheckCategory, Option<TriggerKind>) {
        match self {
            Category::Random => (CheckCategory::Random, None),
            Category::Planned => (CheckCategory::Routine, None),
            Category::Complaint => (CheckCategory::Triggered, Some(TriggerKind::Complaint)),
            Category::Monitoring => (CheckCategory::Triggered, Some(TriggerKind::MonitoringAlarm)),
            Category::Assigned | Category::Special | Category::Recheck | Category::ListTrigger => {
                (CheckCategory::Triggered, Some(TriggerKind::Assigned))
            }
        }
    }
}

code_enum!(
    /// 现场 / 非现场.
    Mode {
        Onsite => "onsite", InspectionModeOnsite;
        Offsite => "offsite", InspectionModeOffsite;
    }
);

code_enum!(
    /// The state of an inspection.
    InspectionState {
        Planned => "planned", InspectionStPlanned;
        Pending => "pending", InspectionStPending;
        InProgress => "in_progress", InspectionStInProgress;
        RecordPending => "record_pending", InspectionStRecordPending;
        Completed => "completed", InspectionStCompleted;
        Rectifying => "rectifying", InspectionStRectifying;
        Recheck => "recheck", InspectionStRecheck;
        CaseProposed => "case_proposed", InspectionStCaseProposed;
        CaseTransferred => "case_transferred", InspectionStCaseTransferred;
        Archived => "archived", InspectionStArchived;
        Cancelled => "cancelled", InspectionStCancelled;
    }
);

code_enum!(
    /// 检查结论.
    Conclusion {
        NoIssue => "no_issue", InspectionConNoIssue;
        FixedOnSpot => "fixed_on_spot", InspectionConFixedOnSpot;
        Order => "order", InspectionConOrder;
        Case => "case", InspectionConCase;
        Transfer => "transfer", InspectionConTransfer;
    }
);

code_enum!(
    /// A checklist answer.
    Answer {
        Pass => "pass", InspectionAnsPass;
        Fail => "fail", InspectionAnsFail;
        NotApplicable => "na", InspectionAnsNa;
    }
);

code_enum!(
    /// The severity of a finding.
    Severity {
        Minor => "minor", InspectionSevMinor;
        General => "general", InspectionSevGeneral;
        Serious => "serious", InspectionSevSerious;
    }
);

code_enum!(
    /// The kind of an evidence item.
    EvidenceKind {
        Photo => "photo", InspectionEvdPhoto;
        Video => "video", InspectionEvdVideo;
        Audio => "audio", InspectionEvdAudio;
        Record => "record", InspectionEvdRecord;
        Interview => "interview", InspectionEvdInterview;
        Document => "document", InspectionEvdDocument;
        Sample => "sample", InspectionEvdSample;
        Monitoring => "monitoring", InspectionEvdMonitoring;
    }
);

code_enum!(
    /// 复查结果.
    RecheckResult {
        Done => "done", InspectionRecDone;
        Partial => "partial", InspectionRecPartial;
        NotDone => "not_done", InspectionRecNotDone;
    }
);

code_enum!(
    /// The mirror of a filed case's status.
    CaseStatus {
        Filed => "filed", InspectionCaseFiled;
        Investigating => "investigating", InspectionCaseInvestigating;
        Notified => "notified", InspectionCaseNotified;
        Decided => "decided", InspectionCaseDecided;
        Executing => "executing", InspectionCaseExecuting;
        Closed => "closed", InspectionCaseClosed;
    }
);

code_enum!(
    /// The enterprise's answer to the record: signed, or refused (then a witness signs).
    Signature {
        Signed => "signed", InspectionSigSigned;
        Refused => "refused", InspectionSigRefused;
    }
);

impl InspectionState {
    /// Open inspections are the officers' workload and block nothing else.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            InspectionState::Completed
                | InspectionState::CaseTransferred
                | InspectionState::Archived
                | InspectionState::Cancelled
        )
    }
}

/// Something that happens to an inspection. Each has a target state, its required fields and its roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// 计划中 → 待检查.
    Schedule,
    /// 待检查 → 检查中: officers present and valid.
    Start,
    /// 检查中 → 待完善笔录.
    EndVisit,
    /// 待完善笔录 → 已完成 / 整改中 / 拟立案, by the conclusion; locks findings and evidence.
    Sign,
    /// 整改中 → 复查 → 已完成 / 拟立案, by the re-check result.
    Recheck,
    /// 拟立案 → 已移交立案.
    TransferCase,
    /// 已完成 / 已移交立案 → 已归档.
    Archive,
    /// 计划中 / 待检查 → 已取消 (reason).
    Cancel,
}

impl Event {
    pub fn code(self) -> &'static str {
        match self {
            Event::Schedule => "schedule",
            Event::Start => "start",
            Event::EndVisit => "end_visit",
            Event::Sign => "sign",
            Event::Recheck => "recheck",
            Event::TransferCase => "transfer_case",
            Event::Archive => "archive",
            Event::Cancel => "cancel",
        }
    }

    pub fn label(self) -> T {
        match self {
            Event::Schedule => T::InspectionEvSchedule,
            Event::Start => T::InspectionEvStart,
            Event::EndVisit => T::InspectionEvEndVisit,
            Event::Sign => T::InspectionEvSign,
            Event::Recheck => T::InspectionEvRecheck,
            Event::TransferCase => T::InspectionEvTransferCase,
            Event::Archive => T::InspectionEvArchive,
            Event::Cancel => T::InspectionEvCancel,
        }
    }

    /// The states the event applies in.
    pub fn from_states(self) -> &'static [InspectionState] {
        use InspectionState::*;
        match self {
            Event::Schedule => &[Planned],
            Event::Start => &[Pending],
            Event::EndVisit => &[InProgress],
            Event::Sign => &[RecordPending],
            Event::Recheck => &[Rectifying, Recheck],
            Event::TransferCase => &[CaseProposed],
            Event::Archive => &[Completed, CaseTransferred],
            Event::Cancel => &[Planned, Pending],
        }
    }

    /// The roles that may take the event (the service also requires officers to be on the inspection).
    pub fn roles(self) -> &'static [Role] {
        match self {
            Event::Schedule | Event::Start | Event::EndVisit | Event::Sign | Event::Recheck => {
                &[Role::Inspector, Role::Supervisor]
            }
            Event::TransferCase | Event::Archive | Event::Cancel => &[Role::Supervisor],
        }
    }
}

/// The fields a transition carries; which are required depends on the event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventInput {
    pub conclusion: Option<Conclusion>,
    pub signature: Option<Signature>,
    pub witness: String,
    pub record_text: String,
    pub recheck: Option<RecheckResult>,
    pub reason: String,
}

/// The state after `event`, or the refusal naming what is missing.
pub fn next_state(
    state: InspectionState,
    event: Event,
    input: &EventInput,
) -> Result<InspectionState, Text> {
    if !event.from_states().contains(&state) {
        return Err(Text::new(T::InspectionErrTransition)
            .arg_key("event", event.label())
            .arg_key("state", state.label()));
    }
    let need = |t: T| Err(Text::new(T::InspectionErrRequired).arg_key("field", t));
    match event {
        Event::Schedule => Ok(InspectionState::Pending),
        Event::Start => Ok(InspectionState::InProgress),
        Event::EndVisit => Ok(InspectionState::RecordPending),
        Event::Sign => {
            let Some(conclusion) = input.conclusion else {
                return need(T::InspectionFieldConclusion);
            };
            if input.record_text.trim().is_empty() {
                return need(T::InspectionFieldRecord);
            }
            match input.signature {
                None => return need(T::InspectionFieldSignature),
                Some(Signature::Refused) if input.witness.trim().is_empty() => {
                    return need(T::InspectionFieldWitness);
                }
                Some(_) => {}
            }
            Ok(match conclusion {
                Conclusion::NoIssue | Conclusion::FixedOnSpot | Conclusion::Transfer => {
                    InspectionState::Completed
                }
                Conclusion::Order => InspectionState::Rectifying,
                Conclusion::Case => InspectionState::CaseProposed,
            })
        }
        Event::Recheck => match input.recheck {
            None => need(T::InspectionFieldRecheckResult),
            Some(RecheckResult::Done) => Ok(InspectionState::Completed),
            Some(_) => Ok(InspectionState::CaseProposed),
        },
        Event::TransferCase => Ok(InspectionState::CaseTransferred),
        Event::Archive => Ok(InspectionState::Archived),
        Event::Cancel => {
            if input.reason.trim().is_empty() {
                need(T::InspectionFieldReason)
            } else {
                Ok(InspectionState::Cancelled)
            }
        }
    }
}

/// The events open in `state` for someone holding `roles`.
pub fn events_for(state: InspectionState, roles: &[Role]) -> Vec<Event> {
    [
        Event::Schedule,
        Event::Start,
        Event::EndVisit,
        Event::Sign,
        Event::Recheck,
        Event::TransferCase,
        Event::Archive,
        Event::Cancel,
    ]
    .into_iter()
    .filter(|e| e.from_states().contains(&state) && e.roles().iter().any(|r| roles.contains(r)))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(c: Conclusion) -> EventInput {
        EventInput {
            conclusion: Some(c),
            signature: Some(Signature::Signed),
            record_text: "现场检查笔录".into(),
            ..EventInput::default()
        }
    }

    #[test]
    fn the_conclusion_decides_where_a_signed_record_goes() {
        let s = InspectionState::RecordPending;
        let cases = [
            (Conclusion::NoIssue, InspectionState::Completed),
            (Conclusion::FixedOnSpot, InspectionState::Completed),
            (Conclusion::Order, InspectionState::Rectifying),
            (Conclusion::Case, InspectionState::CaseProposed),
            (Conclusion::Transfer, InspectionState::Completed),
        ];
        for (c, want) in cases {
            assert_eq!(next_state(s, Event::Sign, &signed(c)), Ok(want), "{c:?}");
        }
    }

    #[test]
    fn signing_needs_record_signature_and_witness_on_refusal() {
        let s = InspectionState::RecordPending;
        let mut i = signed(Conclusion::NoIssue);
        i.record_text.clear();
        assert!(next_state(s, Event::Sign, &i).is_err());
        let mut i = signed(Conclusion::NoIssue);
        i.signature = Some(Signature::Refused);
        let err = next_state(s, Event::Sign, &i)
            .err()
            .map(|t| t.render(crate::i18n::Lang::Zh));
        assert_eq!(err.as_deref(), Some("请填写：见证人"));
        i.witness = "村委会 王某".into();
        assert_eq!(
            next_state(s, Event::Sign, &i),
            Ok(InspectionState::Completed)
        );
    }

    #[test]
    fn recheck_results_and_wrong_states() {
        let ok = EventInput {
            recheck: Some(RecheckResult::Done),
            ..EventInput::default()
        };
        let failed = EventInput {
            recheck: Some(RecheckResult::NotDone),
            ..EventInput::default()
        };
        assert_eq!(
            next_state(InspectionState::Rectifying, Event::Recheck, &ok),
            Ok(InspectionState::Completed)
        );
        assert_eq!(
            next_state(InspectionState::Rectifying, Event::Recheck, &failed),
            Ok(InspectionState::CaseProposed)
        );
        assert!(next_state(InspectionState::Completed, Event::Recheck, &ok).is_err());
        assert!(
            next_state(
                InspectionState::Pending,
                Event::Cancel,
                &EventInput::default()
            )
            .is_err()
        );
    }

    #[test]
    fn only_supervisors_transfer_archive_and_cancel() {
        assert_eq!(
            events_for(InspectionState::Pending, &[Role::Inspector]),
            vec![Event::Start]
        );
        assert_eq!(
            events_for(InspectionState::Pending, &[Role::Supervisor]),
            vec![Event::Start, Event::Cancel]
        );
        assert!(events_for(InspectionState::CaseProposed, &[Role::Inspector]).is_empty());
    }
}
