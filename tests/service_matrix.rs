//! The whole role x action matrix in one walk: for every action of `Action::ALL` a real use case of the
//! service layer (the probe), called by a single-role account of each role. A role the matrix refuses
//! must get "无权执行" (`Forbidden`), a role it allows must get past the role check (the call may still
//! fail on state or input: that is a different refusal). The expected matrix is written out here
//! independently of `Action::roles`, and `probe` matches on every action, so a new action does not
//! compile until it has a probe and a row.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;
mod inspect_common;
mod manifest_common;

use chrono::NaiveDate;
use common::*;
use ecocase::domain::account::{Action, Role};
use ecocase::domain::assistance::meeting::MeetingDraft;
use ecocase::domain::assistance::{Channel, Event, EventInput, Rating, RequestDraft, Urgency};
use ecocase::domain::enterprise::EnterpriseDraft;
use ecocase::domain::inspection::{
    Category, Event as InspectionEvent, EventInput as InspectionInput, Mode,
};
use ecocase::domain::manifest::rules::ManifestEvent;
use ecocase::domain::positive_list::{Handling, Transition, TriggerKind};
use ecocase::domain::report::Period;
use ecocase::service::enterprise::Warnings;
use ecocase::service::enterprise::import::ImportOptions;
use ecocase::service::enterprise::import_csv::{Encoding, read_csv};
use ecocase::service::inspection::PlanInput;
use ecocase::service::inspection::draw::PlanDraft;
use ecocase::service::manifest::reference::LicenceInput;
use ecocase::service::positive_list::{TransitionInput, TriggerInput};
use ecocase::service::{ServiceError, Session};
use ecocase::store::enterprise::Filter;
use ecocase::store::manifest::ListFilter;
use ecocase::store::positive_list::EntryFilter;
use inspect_common::officers;
use manifest_common::*;

/// The records the probes act on, made by accounts that may make them.
struct Records {
    e1: i64,
    request: i64,
    /// A second request, for the withdrawal (which changes its state).
    request_to_withdraw: i64,
    entry: i64,
    manifest: i64,
    inspection: i64,
}

fn records(path: &std::path::Path, clock: &TestClock) -> Records {
    let mut ent = at(clock, path, "ent");
    let e1 = ent.enterprises().by_uscc(E1_USCC).expect("e1").id;
    let request = |ent: &mut Session| {
        ent.assistance()
            .file(
                RequestDraft {
                    enterprise_id: None,
                    services: vec!["EIA".into()],
                    description: "排污许可证变更指导".into(),
                    urgency: Urgency::Normal,
                    channel: Channel::SelfService,
                    wished_date: String::new(),
                },
                true,
            )
            .expect("request")
            .id
    };
    let (request, request_to_withdraw) = (request(&mut ent), request(&mut ent));
    let staff = at(clock, path, "staff");
    let batch = staff
        .positive_list()
        .create_batch("2026年第1批", 2026, "")
        .expect("batch");
    let entry = staff
        .positive_list()
        .propose(batch.id, e1, "在线监控")
        .expect("entry")
        .id;
    let draft = ent
        .manifests()
        .create(input(LOCAL_LICENCE, "1", "2026-03-02"), false)
        .expect("manifest");
    let manifest = step(&mut ent, &draft, ManifestEvent::Submit, Default::default()).id;
    // Started, so that the enterprise sees it (it never sees an inspection before it starts).
    let (i1, i2, _) = officers(path, clock);
    let sup = at(clock, path, "supervisor");
    let planned = sup
        .inspections()
        .plan(&PlanInput {
            enterprise_id: e1,
            category: Category::Complaint,
            mode: Mode::Offsite,
            trigger_ref: "12369-2026-0007".into(),
            place: String::new(),
            planned_on: NaiveDate::from_ymd_opt(2026, 3, 9).expect("date"),
            officers: vec![i1, i2],
            recusal_reason: String::new(),
            guard: None,
        })
        .expect("inspection");
    let inspection = sup
        .inspections()
        .transition(
            planned.id,
            planned.row_version,
            InspectionEvent::Start,
            &InspectionInput::default(),
        )
        .expect("start")
        .id;
    Records {
        e1,
        request,
        request_to_withdraw,
        entry,
        manifest,
        inspection,
    }
}

/// Calls the use case that needs `action`; `Ok` or any refusal other than `Forbidden` means the role
/// check let the account through.
fn probe(s: &mut Session, action: Action, r: &Records) -> Result<(), ServiceError> {
    fn ok<T>(_: T) {}
    let e = EnterpriseDraft::default;
    let day = NaiveDate::from_ymd_opt(2026, 3, 9).expect("date");
    match action {
        Action::EnterpriseRead => s.enterprises().get(r.e1).map(ok),
        Action::EnterpriseCreate => s.enterprises().create(e(), Warnings::Stop).map(ok),
        Action::EnterpriseUpdate => s
            .enterprises()
            .update(r.e1, 999, e(), Warnings::Stop)
            .map(ok),
        Action::EnterpriseDelete => s.enterprises().delete(r.e1, 999, "重复登记"),
        Action::EnterpriseImport => {
            let table = read_csv(
                "统一社会信用代码,企业名称,所属区域\n123,探测公司,冠县\n".as_bytes(),
                Encoding::Utf8,
            )
            .expect("table");
            s.enterprises()
                .import(&table, ImportOptions::default())
                .map(ok)
        }
        Action::EnterpriseExport => s.enterprises().for_each(&Filter::default(), |_| Ok(())),
        Action::UserManage => s.accounts().list().map(ok),
        Action::ReferenceManage => s
            .admin()
            .import_calendar("not,a,calendar\n", "probe")
            .map(ok),
        Action::SettingsManage => s.admin().settings().map(ok),
        Action::AuditView => s.admin().audit_page(None, 1).map(ok),
        Action::ListRead => s.positive_list().batches().map(ok),
        Action::ListPropose => s.positive_list().create_batch("探测批", 2026, "").map(ok),
        Action::ListApply => s.positive_list().apply(999, &Default::default()).map(ok),
        Action::ListApprove => {
            let x = s.positive_list().entry(r.entry)?;
            let reason = TransitionInput {
                reason: "已核实".into(),
                cause: None,
            };
            s.positive_list()
                .transition(r.entry, x.row_version, Transition::StartNotice, &reason)
                .map(ok)
        }
        Action::ListTrigger => s
            .positive_list()
            .record_trigger(
                r.entry,
                &TriggerInput {
                    kind: TriggerKind::Complaint,
                    reference: "12369-2026-0042".into(),
                    occurred_on: day,
                    handling: Handling::Offsite,
                    note: String::new(),
                },
            )
            .map(ok),
        Action::ListExport => s
            .positive_list()
            .export_rows(&EntryFilter::default(), |_| Ok(()))
            .map(ok),
        Action::AssistanceRead => s.assistance().get(r.request).map(ok),
        Action::AssistanceFile => s
            .assistance()
            .file(
                RequestDraft {
                    enterprise_id: Some(r.e1),
                    services: vec!["EIA".into()],
                    description: "探测".into(),
                    urgency: Urgency::Normal,
                    channel: Channel::Phone,
                    wished_date: String::new(),
                },
                false,
            )
            .map(ok),
        Action::AssistanceTriage => {
            assist_event(s, r.request, Event::Accept, EventInput::default())
        }
        Action::AssistanceHandle => {
            assist_event(s, r.request, Event::Suspend, EventInput::default())
        }
        Action::AssistanceRate => {
            let input = EventInput {
                rating: Some(Rating::Satisfied),
                ..EventInput::default()
            };
            assist_event(s, r.request, Event::Rate, input)
        }
        Action::AssistanceWithdraw => {
            let input = EventInput {
                reason: "已自行解决".into(),
                ..EventInput::default()
            };
            assist_event(s, r.request_to_withdraw, Event::Withdraw, input)
        }
        Action::ReportSummary => s
            .reports()
            .summary(Period::parse("2026-Q1").expect("period"), None)
            .map(ok),
        Action::DossierExport => s.reports().dossier(r.e1).map(ok),
        Action::AssistanceMeetingRead => s.assistance().meetings(1).map(ok),
        Action::AssistanceMeetingRecord => s
            .assistance()
            .record_meeting(MeetingDraft::default())
            .map(ok),
        Action::ManifestRead => s.manifests().get(r.manifest).map(ok),
        Action::ManifestDraft => s
            .manifests()
            .create(input(LOCAL_LICENCE, "0", "2026-03-02"), false)
            .map(ok),
        Action::ManifestTransport => manifest_event(s, r.manifest, ManifestEvent::Depart),
        Action::ManifestReceive => manifest_event(s, r.manifest, ManifestEvent::Confirm),
        Action::ManifestOversee => manifest_event(s, r.manifest, ManifestEvent::Backfill),
        Action::ManifestExport => s
            .manifests()
            .export_rows(&ListFilter::default(), |_| false)
            .map(ok),
        Action::LicenceManage => s
            .manifests()
            .create_licence(LicenceInput::default())
            .map(ok),
        Action::InspectionRead => s.inspections().get(r.inspection).map(ok),
        Action::InspectionPlan => s
            .inspections()
            .plan(&PlanInput {
                enterprise_id: r.e1,
                category: Category::Complaint,
                mode: Mode::Offsite,
                trigger_ref: "12369-2026-0008".into(),
                place: String::new(),
                planned_on: day,
                officers: Vec::new(),
                recusal_reason: String::new(),
                guard: None,
            })
            .map(ok),
        Action::InspectionRecord => s.inspections().set_officers(r.inspection, &[], "").map(ok),
        Action::InspectionApprove => {
            let x = s.inspections().get(r.inspection)?;
            let input = InspectionInput {
                reason: "投诉已撤回".into(),
                ..InspectionInput::default()
            };
            s.inspections()
                .transition(r.inspection, x.row_version, InspectionEvent::Cancel, &input)
                .map(ok)
        }
        Action::RectifyReport => s
            .inspections()
            .rectification_report(999, "已整改", "")
            .map(ok),
        Action::DrawRead => s.draws().list().map(ok),
        Action::DrawManage => s
            .draws()
            .create_plan(&PlanDraft {
                name: String::new(),
                regions: Vec::new(),
                class: "all".into(),
                ratio_pct: 5,
                count: 0,
                listed_offsite: None,
                planned_on: day,
            })
            .map(ok),
    }
}

fn assist_event(
    s: &mut Session,
    id: i64,
    event: Event,
    input: EventInput,
) -> Result<(), ServiceError> {
    let v = s.assistance().get(id)?.row_version;
    s.assistance().transition(id, v, event, input).map(|_| ())
}

fn manifest_event(s: &mut Session, id: i64, event: ManifestEvent) -> Result<(), ServiceError> {
    let v = s.manifests().get(id)?.row_version;
    s.manifests()
        .transition(id, v, event, when("2026-03-02 09:00"), false)
        .map(|_| ())
}

/// The matrix of docs/permissions.md: E enterprise, S staff, I inspector, V supervisor, A admin.
const MATRIX: &[(Action, &str)] = &[
    (Action::EnterpriseRead, "ESIVA"),
    (Action::EnterpriseCreate, ".S.V."),
    (Action::EnterpriseUpdate, ".S.V."),
    (Action::EnterpriseDelete, "...V."),
    (Action::EnterpriseImport, ".S.V."),
    (Action::EnterpriseExport, "ESIV."),
    (Action::UserManage, "....A"),
    (Action::ReferenceManage, "....A"),
    (Action::SettingsManage, "....A"),
    (Action::AuditView, "...VA"),
    (Action::ListRead, "ESIVA"),
    (Action::ListPropose, ".S.V."),
    (Action::ListApply, "E...."),
    (Action::ListApprove, "...V."),
    (Action::ListTrigger, ".SIV."),
    (Action::ListExport, ".S.V."),
    (Action::AssistanceRead, "ESIV."),
    (Action::AssistanceFile, "ES.V."),
    (Action::AssistanceTriage, ".S.V."),
    (Action::AssistanceHandle, ".SIV."),
    (Action::AssistanceRate, "E...."),
    (Action::AssistanceWithdraw, "E...."),
    (Action::ReportSummary, ".S.V."),
    (Action::DossierExport, "ESIV."),
    (Action::AssistanceMeetingRead, ".SIV."),
    (Action::AssistanceMeetingRecord, ".S.V."),
    (Action::ManifestRead, "ESIV."),
    (Action::ManifestDraft, "ES.V."),
    (Action::ManifestTransport, "ES.V."),
    (Action::ManifestReceive, "ES.V."),
    (Action::ManifestOversee, ".S.V."),
    (Action::ManifestExport, "ESIV."),
    (Action::LicenceManage, ".S.V."),
    (Action::InspectionRead, "ESIV."),
    (Action::InspectionPlan, "..IV."),
    (Action::InspectionRecord, "..IV."),
    (Action::InspectionApprove, "...V."),
    (Action::RectifyReport, "E...."),
    (Action::DrawRead, ".SIV."),
    (Action::DrawManage, "...V."),
];

/// Whether the row allows `role`: its letter in the role's column (`.` refuses).
fn allows(cell: &str, role: Role) -> bool {
    let (column, letter) = match role {
        Role::Enterprise => (0, 'E'),
        Role::Staff => (1, 'S'),
        Role::Inspector => (2, 'I'),
        Role::Supervisor => (3, 'V'),
        Role::Admin => (4, 'A'),
    };
    cell.chars().nth(column) == Some(letter)
}

#[test]
fn every_role_and_action_through_the_service_layer() {
    let listed: Vec<Action> = MATRIX.iter().map(|(a, _)| *a).collect();
    assert_eq!(listed, Action::ALL.to_vec(), "one row per action, in order");
    let clock = TestClock::at(2026, 3, 2, 1);
    let mut wrong = Vec::new();
    for (user, role) in [
        ("ent", Role::Enterprise),
        ("staff", Role::Staff),
        ("inspector", Role::Inspector),
        ("supervisor", Role::Supervisor),
        ("admin", Role::Admin),
    ] {
        // A database of its own per account, so one account's changes never decide another's cell.
        let (_dir, path) = manifest_db(&clock);
        let r = records(&path, &clock);
        let mut s = at(&clock, &path, user);
        assert_eq!(s.actor().roles, vec![role], "{user} holds one role");
        for (action, cell) in MATRIX {
            let want = allows(cell, role);
            assert_eq!(
                action.roles().contains(&role),
                want,
                "{action:?} x {role:?}"
            );
            match (want, probe(&mut s, *action, &r)) {
                (true, Err(ServiceError::Forbidden(a))) => {
                    wrong.push(format!(
                        "{action:?} x {user}: refused for {a:?}, should pass"
                    ));
                }
                (false, Err(ServiceError::Forbidden(a))) if !a.roles().contains(&role) => {}
                (false, other) => {
                    wrong.push(format!("{action:?} x {user}: {other:?}, should be refused"));
                }
                (true, _) => {}
            }
        }
    }
    assert!(wrong.is_empty(), "matrix mismatches:\n{}", wrong.join("\n"));
}
