//! Roles, actors and the one `authorize` function that decides every permission.
//! The service layer calls it before every read of a record and every write; the matrix it encodes is
//! documented in docs/permissions.md and walked cell by cell in tests/service_permissions.rs.

use crate::i18n::T;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Enterprise,
    Staff,
    Inspector,
    Supervisor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Enterprise,
        Role::Staff,
        Role::Inspector,
        Role::Supervisor,
        Role::Admin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Enterprise => "enterprise",
            Role::Staff => "staff",
            Role::Inspector => "inspector",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == s.trim().to_ascii_lowercase())
    }

    pub fn label(self) -> T {
        match self {
            Role::Enterprise => T::RoleEnterprise,
            Role::Staff => T::RoleStaff,
            Role::Inspector => T::RoleInspector,
            Role::Supervisor => T::RoleSupervisor,
            Role::Admin => T::RoleAdmin,
        }
    }
}

/// User names no account may take: `system` signs the program's own audit rows (setup, demo data,
/// failed logins), and the others read as the machine or the program in a log. Compared without
/// regard to case. `admin` is not reserved: it is the usual first administrator's name.
pub const RESERVED_USERNAMES: &[&str] = &[
    "system",
    "root",
    "ecocase",
    "nobody",
    "anonymous",
    "unknown",
    "daemon",
    "operator",
];

/// Whether `name` is reserved (see [`RESERVED_USERNAMES`]).
pub fn is_reserved_username(name: &str) -> bool {
    let n = name.trim();
    RESERVED_USERNAMES.iter().any(|r| r.eq_ignore_ascii_case(n))
}

/// Who is acting: loaded at login and carried by every service call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub uid: String,
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    /// The region the account is scoped to; `None` for city-level accounts, which see all regions.
    pub region: Option<String>,
    /// The one enterprise an enterprise account is bound to.
    pub enterprise_id: Option<i64>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The built-in actor for `init` and the demo generator, which run before any account exists.
    pub fn system() -> Actor {
        Actor {
            user_id: 0,
            uid: "system".to_string(),
            username: "system".to_string(),
            display_name: "system".to_string(),
            roles: vec![Role::Admin],
            region: None,
            enterprise_id: None,
        }
    }
}

/// Everything a person can ask the service layer to do. Later modules add their actions here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    EnterpriseRead,
    EnterpriseCreate,
    EnterpriseUpdate,
    EnterpriseDelete,
    EnterpriseImport,
    EnterpriseExport,
    UserManage,
    ReferenceManage,
    SettingsManage,
    AuditView,
    // 正面清单 (positive list)
    ListRead,
    ListPropose,
    ListApply,
    ListApprove,
    ListTrigger,
    ListExport,
    // 点单式帮扶 (assistance)
    AssistanceRead,
    AssistanceFile,
    AssistanceTriage,
    AssistanceHandle,
    AssistanceRate,
    AssistanceWithdraw,
    // 报表 (reports)
    ReportSummary,
    DossierExport,
    // 圆桌座谈 (assistance round-tables)
    AssistanceMeetingRead,
    AssistanceMeetingRecord,
    // 危险废物转移联单 (manifests)
    ManifestRead,
    ManifestDraft,
    ManifestTransport,
    ManifestReceive,
    ManifestOversee,
    ManifestExport,
    LicenceManage,
    // 执法检查 and 双随机 (inspections)
    InspectionRead,
    InspectionPlan,
    InspectionRecord,
    InspectionApprove,
    RectifyReport,
    DrawRead,
    DrawManage,
}

impl Action {
    pub const ALL: [Action; 40] = [
        Action::EnterpriseRead,
        Action::EnterpriseCreate,
        Action::EnterpriseUpdate,
        Action::EnterpriseDelete,
        Action::EnterpriseImport,
        Action::EnterpriseExport,
        Action::UserManage,
        Action::ReferenceManage,
        Action::SettingsManage,
        Action::AuditView,
        Action::ListRead,
        Action::ListPropose,
        Action::ListApply,
        Action::ListApprove,
        Action::ListTrigger,
        Action::ListExport,
        Action::AssistanceRead,
        Action::AssistanceFile,
        Action::AssistanceTriage,
        Action::AssistanceHandle,
        Action::AssistanceRate,
        Action::AssistanceWithdraw,
        Action::ReportSummary,
        Action::DossierExport,
        // 圆桌座谈 (assistance round-tables)
        Action::AssistanceMeetingRead,
        Action::AssistanceMeetingRecord,
        // 危险废物转移联单 (manifests)
        Action::ManifestRead,
        Action::ManifestDraft,
        Action::ManifestTransport,
        Action::ManifestReceive,
        Action::ManifestOversee,
        Action::ManifestExport,
        Action::LicenceManage,
        Action::InspectionRead,
        Action::InspectionPlan,
        Action::InspectionRecord,
        Action::InspectionApprove,
        Action::RectifyReport,
        Action::DrawRead,
        Action::DrawManage,
    ];

    pub fn label(self) -> T {
        match self {
            Action::EnterpriseRead => T::ActEnterpriseRead,
            Action::EnterpriseCreate => T::ActEnterpriseCreate,
            Action::EnterpriseUpdate => T::ActEnterpriseUpdate,
            Action::EnterpriseDelete => T::ActEnterpriseDelete,
            Action::EnterpriseImport => T::ActEnterpriseImport,
            Action::EnterpriseExport => T::ActEnterpriseExport,
            Action::UserManage => T::ActUserManage,
            Action::ReferenceManage => T::ActReferenceManage,
            Action::SettingsManage => T::ActSettingsManage,
            Action::AuditView => T::ActAuditView,
            Action::ListRead => T::ActListRead,
            Action::ListPropose => T::ActListPropose,
            Action::ListApply => T::ActListApply,
            Action::ListApprove => T::ActListApprove,
            Action::ListTrigger => T::ActListTrigger,
            Action::ListExport => T::ActListExport,
            Action::AssistanceRead => T::ActAssistRead,
            Action::AssistanceFile => T::ActAssistFile,
            Action::AssistanceTriage => T::ActAssistTriage,
            Action::AssistanceHandle => T::ActAssistHandle,
            Action::AssistanceRate => T::ActAssistRate,
            Action::AssistanceWithdraw => T::ActAssistWithdraw,
            Action::ReportSummary => T::ActReportSummary,
            Action::DossierExport => T::ActDossierExport,
            Action::AssistanceMeetingRead => T::ActAssistMeetingRead,
            Action::AssistanceMeetingRecord => T::ActAssistMeetingRecord,
            // 危险废物转移联单 (manifests)
            Action::ManifestRead => T::ActManifestRead,
            Action::ManifestDraft => T::ActManifestDraft,
            Action::ManifestTransport => T::ActManifestTransport,
            Action::ManifestReceive => T::ActManifestReceive,
            Action::ManifestOversee => T::ActManifestOversee,
            Action::ManifestExport => T::ActManifestExport,
            Action::LicenceManage => T::ActLicenceManage,
            Action::InspectionRead => T::ActInspectRead,
            Action::InspectionPlan => T::ActInspectPlan,
            Action::InspectionRecord => T::ActInspectRecord,
            Action::InspectionApprove => T::ActInspectApprove,
            Action::RectifyReport => T::ActRectifyReport,
            Action::DrawRead => T::ActDrawRead,
            Action::DrawManage => T::ActDrawManage,
        }
    }

    /// The roles that may perform the action at all (scope is checked separately).
    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Action::EnterpriseRead => &[Enterprise, Staff, Inspector, Supervisor, Admin],
            Action::EnterpriseCreate | Action::EnterpriseUpdate | Action::EnterpriseImport => {
                &[Staff, Supervisor]
            }
            Action::EnterpriseDelete => &[Supervisor],
            Action::EnterpriseExport => &[Enterprise, Staff, Inspector, Supervisor],
            Action::UserManage | Action::ReferenceManage | Action::SettingsManage => &[Admin],
            Action::AuditView => &[Supervisor, Admin],
            Action::ListRead => &[Enterprise, Staff, Inspector, Supervisor, Admin],
            Action::ListPropose => &[Staff, Supervisor],
            Action::ListApply => &[Enterprise],
            Action::ListApprove => &[Supervisor],
            Action::ListTrigger => &[Staff, Inspector, Supervisor],
            Action::ListExport => &[Staff, Supervisor],
            // The enterprise files, rates and withdraws its own; staff file on its behalf and triage in
            // their region; the assigned staff or inspector handles (checked by the service against the
            // request); supervisors do everything in their region.
            Action::AssistanceRead => &[Enterprise, Staff, Inspector, Supervisor],
            Action::AssistanceFile => &[Enterprise, Staff, Supervisor],
            Action::AssistanceTriage => &[Staff, Supervisor],
            Action::AssistanceHandle => &[Staff, Inspector, Supervisor],
            Action::AssistanceRate | Action::AssistanceWithdraw => &[Enterprise],
            // Summaries are for the bureau's staff and supervisors, within their region; a dossier
            // is for anyone who may read the enterprise (an enterprise account: its own only).
            Action::ReportSummary => &[Staff, Supervisor],
            Action::DossierExport => &[Enterprise, Staff, Inspector, Supervisor],
            // Round-tables are the bureau's records (they name several enterprises): staff of the
            // region record them, inspectors and supervisors read them, enterprises never see them.
            Action::AssistanceMeetingRead => &[Staff, Inspector, Supervisor],
            Action::AssistanceMeetingRecord => &[Staff, Supervisor],
            // 危险废物转移联单: generators draft and report transport, receivers confirm (the service
            // checks which party of the manifest an enterprise account is); staff act on behalf in their
            // region; supervisors everywhere. Licences and approvals are bureau records.
            Action::ManifestRead | Action::ManifestExport => {
                &[Enterprise, Staff, Inspector, Supervisor]
            }
            Action::ManifestDraft | Action::ManifestTransport | Action::ManifestReceive => {
                &[Enterprise, Staff, Supervisor]
            }
            Action::ManifestOversee | Action::LicenceManage => &[Staff, Supervisor],
            // Inspections: an enterprise reads only its own, and only once they have started (the
            // service filters); officers record; supervisors approve, cancel and run draws.
            Action::InspectionRead => &[Enterprise, Staff, Inspector, Supervisor],
            Action::InspectionPlan | Action::InspectionRecord => &[Inspector, Supervisor],
            Action::InspectionApprove | Action::DrawManage => &[Supervisor],
            Action::RectifyReport => &[Enterprise],
            Action::DrawRead => &[Staff, Inspector, Supervisor],
        }
    }

    /// Admin actions are about the system, not about one region's records.
    fn is_system_wide(self) -> bool {
        matches!(
            self,
            Action::UserManage | Action::ReferenceManage | Action::SettingsManage
        )
    }
}

/// What a permission is checked against: the record's region and enterprise, when there is a record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Target<'a> {
    pub region: Option<&'a str>,
    pub enterprise_id: Option<i64>,
}

impl<'a> Target<'a> {
    /// No particular record: "may this actor do this kind of thing at all".
    pub fn any() -> Target<'a> {
        Target::default()
    }

    pub fn record(region: &'a str, enterprise_id: i64) -> Target<'a> {
        Target {
            region: Some(region),
            enterprise_id: Some(enterprise_id),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// No role of the actor may do this.
    Role,
    /// Allowed in general, but the record is outside the actor's region or enterprise.
    Scope,
}

/// The one permission decision. Role first, then scope: enterprise accounts reach only their own
/// enterprise's records; branch accounts only their region's; city-level accounts every region.
pub fn authorize(actor: &Actor, action: Action, target: Target<'_>) -> Result<(), Denied> {
    let allowed_roles = action.roles();
    let roles: Vec<Role> = actor
        .roles
        .iter()
        .copied()
        .filter(|r| allowed_roles.contains(r))
        .collect();
    if roles.is_empty() {
        return Err(Denied::Role);
    }
    if action.is_system_wide() {
        return Ok(());
    }
    // An enterprise account's scope is its enterprise, whatever else the record says.
    if roles == [Role::Enterprise] {
        return match (actor.enterprise_id, target.enterprise_id) {
            (Some(own), Some(rec)) if own == rec => Ok(()),
            (Some(_), None) if target.region.is_none() => Ok(()),
            _ => Err(Denied::Scope),
        };
    }
    match (&actor.region, target.region) {
        (None, _) | (Some(_), None) => Ok(()),
        (Some(own), Some(rec)) if own == rec => Ok(()),
        _ => Err(Denied::Scope),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: &[Role], region: Option<&str>, enterprise_id: Option<i64>) -> Actor {
        Actor {
            user_id: 1,
            uid: "u".into(),
            username: "u".into(),
            display_name: "u".into(),
            roles: roles.to_vec(),
            region: region.map(str::to_string),
            enterprise_id,
        }
    }

    #[test]
    fn enterprise_account_reaches_only_its_own_enterprise() {
        let a = actor(&[Role::Enterprise], None, Some(7));
        assert_eq!(
            authorize(&a, Action::EnterpriseRead, Target::record("371525", 7)),
            Ok(())
        );
        assert_eq!(
            authorize(&a, Action::EnterpriseRead, Target::record("371525", 8)),
            Err(Denied::Scope)
        );
        assert_eq!(
            authorize(&a, Action::EnterpriseUpdate, Target::record("371525", 7)),
            Err(Denied::Role)
        );
        // An unbound enterprise account reaches nothing.
        let unbound = actor(&[Role::Enterprise], None, None);
        assert_eq!(
            authorize(
                &unbound,
                Action::EnterpriseRead,
                Target::record("371525", 7)
            ),
            Err(Denied::Scope)
        );
    }

    #[test]
    fn branch_staff_reach_only_their_region() {
        let a = actor(&[Role::Staff], Some("371525"), None);
        assert_eq!(
            authorize(&a, Action::EnterpriseUpdate, Target::record("371525", 1)),
            Ok(())
        );
        assert_eq!(
            authorize(&a, Action::EnterpriseUpdate, Target::record("371502", 1)),
            Err(Denied::Scope)
        );
        let city = actor(&[Role::Staff], None, None);
        assert_eq!(
            authorize(&city, Action::EnterpriseUpdate, Target::record("371502", 1)),
            Ok(())
        );
    }

    #[test]
    fn admin_manages_accounts_but_not_business_records() {
        let a = actor(&[Role::Admin], None, None);
        assert_eq!(authorize(&a, Action::UserManage, Target::any()), Ok(()));
        assert_eq!(
            authorize(&a, Action::EnterpriseCreate, Target::any()),
            Err(Denied::Role)
        );
        assert_eq!(
            authorize(&a, Action::EnterpriseDelete, Target::record("371502", 1)),
            Err(Denied::Role)
        );
    }

    #[test]
    fn only_supervisors_delete() {
        let staff = actor(&[Role::Staff], None, None);
        let sup = actor(&[Role::Supervisor], None, None);
        assert_eq!(
            authorize(
                &staff,
                Action::EnterpriseDelete,
                Target::record("371502", 1)
            ),
            Err(Denied::Role)
        );
        assert_eq!(
            authorize(&sup, Action::EnterpriseDelete, Target::record("371502", 1)),
            Ok(())
        );
    }

    #[test]
    fn role_codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
        assert_eq!(Role::parse(" Staff "), Some(Role::Staff));
        assert_eq!(Role::parse("root"), None);
    }
}
