//! Administration screens: accounts and certificates, policy settings, the audit log.

pub mod audit;
pub mod audit_view;
pub mod form;
pub mod form_view;
pub mod settings;
pub mod users;
pub mod users_view;

use crate::domain::account::Role;
use crate::i18n::Text;
use crate::service::account::{CertificateInput, NewAccount};
use crate::service::admin::SettingRow;
use crate::store::account::{Certificate, OrgUnit};
use crate::store::audit::{AuditRow, ChainReport};

/// An account as the administration screens show it (never its password hash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub unit_code: Option<String>,
    pub enterprise_uscc: Option<String>,
    pub active: bool,
    pub locked_until: Option<String>,
    pub last_login_at: Option<String>,
}

/// What the administration screens ask the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdminEffect {
    LoadAccounts,
    LoadCertificates {
        username: String,
    },
    AddUser(NewAccount),
    SetUserActive {
        username: String,
        active: bool,
    },
    SetPassword {
        username: String,
        password: String,
    },
    /// Clears the account's failed-login delay.
    Unlock {
        username: String,
    },
    AddCertificate {
        username: String,
        certificate: CertificateInput,
    },
    LoadSettings,
    SetSetting {
        key: String,
        value: String,
    },
    /// The audit page of `limit` rows (newest first) before `before` (the newest page when `None`);
    /// the runtime reads one more to learn whether older rows follow.
    LoadAudit {
        req: u64,
        before: Option<i64>,
        limit: usize,
    },
    VerifyAudit,
}

/// What the runtime answers the administration screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdminMsg {
    AccountsLoaded(Result<(Vec<Account>, Vec<OrgUnit>), Text>),
    CertificatesLoaded {
        username: String,
        certificates: Result<Vec<Certificate>, Text>,
    },
    /// An administration change was made (with its message) or refused (with the reason).
    Done(Result<Text, Text>),
    SettingsLoaded(Result<Vec<SettingRow>, Text>),
    SettingSaved(Result<Text, Text>),
    AuditLoaded {
        req: u64,
        rows: Result<Vec<AuditRow>, Text>,
    },
    AuditVerified(Result<ChainReport, Text>),
}
