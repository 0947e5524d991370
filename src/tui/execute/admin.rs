//! Carrying out the administration screens' effects through the service layer.

use crate::i18n::{T, Text};
use crate::service::{ServiceError, Session};
use crate::store::account::OrgUnit;
use crate::tui::msg::Msg;
use crate::tui::screens::admin::Account;
use crate::tui::screens::admin::{AdminEffect, AdminMsg};

pub(in crate::tui) fn execute(s: &mut Session, effect: AdminEffect) -> Option<Msg> {
    let text = |e: ServiceError| e.text();
    let msg = match effect {
        AdminEffect::LoadAccounts => AdminMsg::AccountsLoaded(load_accounts(s).map_err(text)),
        AdminEffect::LoadCertificates { username } => AdminMsg::CertificatesLoaded {
            certificates: s.accounts().certificates(&username).map_err(text),
            username,
        },
        AdminEffect::AddUser(account) => {
            let done = s
                .accounts()
                .add(&account)
                .map(|_| Text::new(T::MsgUserAdded).arg("name", account.username.trim()));
            AdminMsg::Done(done.map_err(text))
        }
        AdminEffect::SetUserActive { username, active } => {
            let done = s.accounts().set_active(&username, active).map(|()| {
                let t = if active {
                    T::MsgUserEnabled
                } else {
                    T::MsgUserDisabled
                };
                Text::new(t).arg("name", &username)
            });
            AdminMsg::Done(done.map_err(text))
        }
        AdminEffect::SetPassword { username, password } => {
            let done = s
                .accounts()
                .set_password(&username, &password)
                .map(|()| Text::new(T::MsgPasswordReset).arg("name", &username));
            AdminMsg::Done(done.map_err(text))
        }
        AdminEffect::Unlock { username } => {
            let done = s
                .accounts()
                .unlock(&username)
                .map(|_| Text::new(T::MsgUserUnlocked).arg("name", &username));
            AdminMsg::Done(done.map_err(text))
        }
        AdminEffect::AddCertificate {
            username,
            certificate,
        } => {
            let number = certificate.number.trim().to_string();
            let done = s
                .accounts()
                .add_certificate(&username, certificate)
                .map(|()| {
                    Text::new(T::MsgCertificateAdded)
                        .arg("name", &username)
                        .arg("number", &number)
                });
            AdminMsg::Done(done.map_err(text))
        }
        AdminEffect::LoadSettings => AdminMsg::SettingsLoaded(s.admin().settings().map_err(text)),
        AdminEffect::SetSetting { key, value } => {
            let done = s.set_setting(&key, &value).map(|()| {
                Text::new(T::MsgSettingSaved)
                    .arg("key", &key)
                    .arg("value", value.trim())
            });
            AdminMsg::SettingSaved(done.map_err(text))
        }
        AdminEffect::LoadAudit { req, before, limit } => AdminMsg::AuditLoaded {
            req,
            rows: s.admin().audit_page(before, limit + 1).map_err(text),
        },
        AdminEffect::VerifyAudit => {
            AdminMsg::AuditVerified(s.admin().verify_audit_chain().map_err(text))
        }
    };
    Some(Msg::Admin(msg))
}

/// Every account as the administration screens show it (never the password hash), and the units.
fn load_accounts(s: &Session) -> Result<(Vec<Account>, Vec<OrgUnit>), ServiceError> {
    let accounts = s
        .accounts()
        .list()?
        .into_iter()
        .map(|u| Account {
            username: u.username,
            display_name: u.display_name,
            roles: u.roles,
            unit_code: u.unit_code,
            enterprise_uscc: u.enterprise_uscc,
            active: u.active,
            locked_until: u.locked_until.map(|t| t.to_string()),
            last_login_at: u.last_login_at.map(|t| t.to_string()),
        })
        .collect();
    Ok((accounts, s.accounts().org_units()?))
}
