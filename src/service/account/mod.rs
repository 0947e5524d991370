//! Account administration: add, list, disable, change password, certificates. Admin only, except that
//! every person may change their own password.
pub mod auth;
pub mod setup;
pub mod units;

use crate::domain::account::{Action, Role};
use crate::domain::validate::required_day;
use crate::i18n::{T, Text};
use crate::service::account::auth::hash_password;
use crate::service::{Audited, Result, ServiceError, Session};
use crate::store::account::{Certificate, NewUser, UserRecord};
use crate::store::{account as users, db, enterprise as enterprises};

/// An enforcement certificate as typed (form, command line): the days are read when it is added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertificateInput {
    pub kind: String,
    pub number: String,
    pub issuer: String,
    pub valid_from: String,
    pub valid_to: String,
}

/// What an administrator supplies for a new account.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    /// Organisation unit code (`CITY` or a region code); bureau accounts default to `CITY`.
    pub unit: Option<String>,
    /// The enterprise an enterprise account is bound to.
    pub enterprise_uscc: Option<String>,
    pub password: String,
}

fn username_ok(name: &str) -> bool {
    (2..=32).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
}

/// Parses `staff,inspector` into roles, naming the first unknown one.
pub fn parse_roles(list: &str) -> Result<Vec<Role>> {
    let mut roles = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let role = Role::parse(part)
            .ok_or_else(|| ServiceError::Refused(Text::new(T::ErrRoleUnknown).arg("role", part)))?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    if roles.is_empty() {
        return Err(ServiceError::Refused(
            Text::new(T::ErrRoleUnknown).arg("role", list),
        ));
    }
    Ok(roles)
}

/// An account as audited: never its password hash or login counters.
#[derive(serde::Serialize)]
struct AccountImage<'a> {
    #[serde(skip)]
    uid: &'a str,
    username: &'a str,
    display_name: &'a str,
    roles: Vec<&'static str>,
    unit: &'a Option<String>,
    enterprise: &'a Option<String>,
    active: bool,
}

impl<'a> AccountImage<'a> {
    fn of(u: &'a UserRecord) -> AccountImage<'a> {
        AccountImage {
            uid: &u.uid,
            username: &u.username,
            display_name: &u.display_name,
            roles: u.roles.iter().map(|r| r.code()).collect(),
            unit: &u.unit_code,
            enterprise: &u.enterprise_uscc,
            active: u.active,
        }
    }
}

impl Audited for AccountImage<'_> {
    const ENTITY: &'static str = "user";
    fn uid(&self) -> &str {
        self.uid
    }
}

/// Checks a new password against the policy in force for the account `username`.
fn check_password(s: &Session, username: &str, password: &str) -> Result<()> {
    crate::domain::password::check(password, username, s.policy.password_min_length())
        .map_err(|w| ServiceError::Refused(w.text()))
}

/// Checks the new account's fields and inserts it with its audit entry. Used by `add_user` and by
/// setup (the first admin), which runs as the system actor.
pub(crate) fn insert_account(s: &Session, a: &NewAccount) -> Result<i64> {
    insert(s, a, true)
}

/// Inserts a demo account: the same checks except the password policy, so every demo account can have
/// the password `demo` (the demo database says so wherever it is made or shown).
pub(crate) fn insert_demo_account(s: &Session, a: &NewAccount) -> Result<i64> {
    insert(s, a, false)
}

fn insert(s: &Session, a: &NewAccount, password_policy: bool) -> Result<i64> {
    let username = a.username.trim();
    if !username_ok(username) {
        return Err(ServiceError::Refused(Text::new(T::ErrUsernameFormat)));
    }
    if crate::domain::account::is_reserved_username(username) {
        return Err(ServiceError::Refused(
            Text::new(T::ErrUsernameReserved).arg("name", username),
        ));
    }
    if password_policy {
        check_password(s, username, &a.password)?;
    }
    let is_enterprise = a.roles.contains(&Role::Enterprise);
    if is_enterprise && (a.roles.len() != 1 || a.enterprise_uscc.is_none()) {
        return Err(ServiceError::Refused(Text::new(T::ErrEnterpriseRoleAlone)));
    }
    if users::find_by_username(&s.conn, username)?.is_some() {
        return Err(ServiceError::Refused(
            Text::new(T::ErrUsernameTaken).arg("name", username),
        ));
    }
    let enterprise_id = match a.enterprise_uscc.as_deref().filter(|_| is_enterprise) {
        Some(raw) => {
            let uscc = crate::domain::text::normalize_code(raw);
            let e = enterprises::get_by_uscc(&s.conn, &uscc)?.ok_or_else(|| {
                ServiceError::Refused(Text::new(T::ErrEnterpriseNotFound).arg("uscc", &uscc))
            })?;
            Some(e.id)
        }
        None => None,
    };
    let unit_id = if is_enterprise {
        None
    } else {
        let code = a.unit.clone().unwrap_or_else(|| "CITY".to_string());
        Some(users::unit_id(&s.conn, &code)?.ok_or_else(|| {
            ServiceError::Refused(Text::new(T::ErrUnitUnknown).arg("code", &code))
        })?)
    };
    let hash = hash_password(&a.password)?;
    let uid = db::new_uid();
    let display_name = crate::domain::text::normalize_text(&a.display_name);
    let display = if display_name.is_empty() {
        username
    } else {
        display_name.as_str()
    };
    s.write(|w| {
        let id = users::insert(
            w,
            &NewUser {
                uid: &uid,
                username,
                display_name: display,
                password_hash: &hash,
                unit_id,
                enterprise_id,
                roles: &a.roles,
            },
            &w.actor().uid,
            w.now(),
        )?;
        w.audit("create", None, &AccountImage::of(&users::get(w, id)?))?;
        Ok(id)
    })
}

impl crate::service::Accounts<'_> {
    pub fn add(&self, a: &NewAccount) -> Result<i64> {
        self.require(Action::UserManage)?;
        insert_account(self, a)
    }

    pub fn list(&self) -> Result<Vec<UserRecord>> {
        self.require(Action::UserManage)?;
        Ok(users::list(&self.conn)?)
    }

    fn user_by_name(&self, username: &str) -> Result<UserRecord> {
        users::find_by_username(&self.conn, username.trim())?.ok_or_else(|| {
            ServiceError::Refused(Text::new(T::ErrUserNotFound).arg("name", username.trim()))
        })
    }

    /// Disables (or re-enables) an account. The last active administrator cannot be disabled.
    pub fn set_active(&self, username: &str, active: bool) -> Result<()> {
        self.require(Action::UserManage)?;
        let u = self.user_by_name(username)?;
        if !active
            && u.roles.contains(&Role::Admin)
            && u.active
            && users::active_admins(&self.conn)? <= 1
        {
            return Err(ServiceError::Refused(Text::new(T::ErrLastAdmin)));
        }
        if active {
            // Enabling means "this person may log in again": a running login delay goes too.
            crate::store::logins::clear(&crate::store::logins::open_for(&self.conn)?, &u.username)?;
        }
        self.write(|w| {
            users::set_active(w, u.id, active, &w.actor().uid, w.now())?;
            let after = users::get(w, u.id)?;
            w.audit(
                if active { "enable" } else { "disable" },
                Some(&AccountImage::of(&u)),
                &AccountImage::of(&after),
            )?;
            Ok(())
        })
    }

    /// Sets a password: an administrator for anyone, every person for themselves.
    pub fn set_password(&self, username: &str, password: &str) -> Result<()> {
        let u = self.user_by_name(username)?;
        if u.id != self.actor.user_id {
            self.require(Action::UserManage)?;
        }
        check_password(self, &u.username, password)?;
        let hash = hash_password(password)?;
        self.write(|w| {
            users::set_password(w, u.id, &hash, &w.actor().uid, w.now())?;
            Ok(w.audit_json("password", "user", &u.uid, None, None)?)
        })?;
        if u.id == self.actor.user_id {
            self.must_change_password.set(false);
        }
        Ok(())
    }

    /// The accounts (lower-case names) whose next login is held off now, with until when.
    pub fn login_delays(&self) -> Result<Vec<(String, crate::domain::time::Instant)>> {
        self.require(Action::UserManage)?;
        let log = crate::store::logins::open_for(&self.conn)?;
        let now = crate::domain::time::Instant::new(self.now());
        Ok(crate::store::logins::running_delays(&log, now)?)
    }

    /// Clears the login delay of an account after repeated failed logins (administrators only).
    /// Returns whether there was one. Audited either way.
    pub fn unlock(&self, username: &str) -> Result<bool> {
        self.require(Action::UserManage)?;
        let u = self.user_by_name(username)?;
        let log = crate::store::logins::open_for(&self.conn)?;
        let failures = crate::store::logins::failures(&log, &u.username)?;
        let cleared = crate::store::logins::clear(&log, &u.username)?;
        self.write(|w| {
            let before = serde_json::json!({ "username": u.username, "failures": failures });
            let after = serde_json::json!({ "username": u.username, "failures": 0 });
            Ok(w.audit_json("unlock", "user", &u.uid, Some(&before), Some(&after))?)
        })?;
        Ok(cleared)
    }

    /// Records an enforcement certificate for a bureau account (never for auxiliary or enterprise accounts).
    pub fn add_certificate(&self, username: &str, input: CertificateInput) -> Result<()> {
        self.require(Action::UserManage)?;
        let u = self.user_by_name(username)?;
        if input.number.trim().is_empty() {
            return Err(ServiceError::Refused(
                Text::new(T::ErrRequired).arg_key("field", T::FieldCertNumber),
            ));
        }
        let day = |field: &'static str, label: T, value: &str| {
            required_day(field, label, value).map_err(|issue| ServiceError::Refused(issue.text))
        };
        let from = day("valid_from", T::FieldValidFrom, &input.valid_from)?;
        let to = day("valid_to", T::FieldValidTo, &input.valid_to)?;
        if to < from {
            return Err(ServiceError::Refused(Text::new(T::ErrCertPeriod)));
        }
        let mut c = Certificate {
            uid: String::new(),
            username: u.username.clone(),
            kind: input.kind.trim().to_string(),
            number: input.number.trim().to_string(),
            issuer: input.issuer.trim().to_string(),
            valid_from: from,
            valid_to: to,
        };
        if users::certificate_number_taken(&self.conn, &c.number)? {
            return Err(ServiceError::Refused(
                Text::new(T::ErrCertNumberTaken).arg("number", &c.number),
            ));
        }
        c.uid = db::new_uid();
        self.write(|w| {
            users::insert_certificate(w, u.id, &c, &w.actor().uid, w.now())?;
            let after = serde_json::json!({ "user": u.username, "kind": c.kind, "number": c.number,
                "issuer": c.issuer, "valid_from": c.valid_from, "valid_to": c.valid_to });
            Ok(w.audit_json("create", "certificate", &c.uid, None, Some(&after))?)
        })
    }

    /// Certificates of an account: its owner and administrators may see them.
    pub fn certificates(&self, username: &str) -> Result<Vec<Certificate>> {
        let u = self.user_by_name(username)?;
        if u.id != self.actor.user_id {
            self.require(Action::UserManage)?;
        }
        Ok(users::certificates(&self.conn, u.id)?)
    }
}
