//! The demo accounts: one per role, all with the password `demo`, the enterprise ones bound to the
//! hand-made companies, the inspectors with their certificates.

use crate::demo::{DEMO_PASSWORD, DemoSummary, FIXED};
use crate::domain::account::Role;
use crate::i18n::{Lang, T, Text};
use crate::service::account::CertificateInput;
use crate::service::account::{NewAccount, insert_demo_account};
use crate::service::{Result, Session};
use chrono::Duration;

/// One demo account.
pub struct DemoAccount {
    pub username: &'static str,
    pub display_name: &'static str,
    roles: &'static [Role],
    unit: Option<&'static str>,
    /// Index into the hand-made enterprises.
    enterprise: Option<usize>,
    certificate: Option<&'static str>,
    about: T,
}

const fn account(
    username: &'static str,
    display_name: &'static str,
    roles: &'static [Role],
    unit: Option<&'static str>,
    enterprise: Option<usize>,
    certificate: Option<&'static str>,
    about: T,
) -> DemoAccount {
    DemoAccount {
        username,
        display_name,
        roles,
        unit,
        enterprise,
        certificate,
        about,
    }
}

pub const DEMO_ACCOUNTS: [DemoAccount; 8] = [
    account(
        "admin",
        "刘洋",
        &[Role::Admin],
        Some("CITY"),
        None,
        None,
        T::DemoAboutAdmin,
    ),
    account(
        "staff",
        "张敏",
        &[Role::Staff],
        Some("CITY"),
        None,
        None,
        T::DemoAboutStaff,
    ),
    account(
        "inspector",
        "李强",
        &[Role::Staff, Role::Inspector],
        Some("CITY"),
        None,
        Some("37150024001"),
        T::DemoAboutInspector,
    ),
    account(
        "inspector2",
        "王磊",
        &[Role::Staff, Role::Inspector],
        Some("CITY"),
        None,
        Some("37150024002"),
        T::DemoAboutInspector,
    ),
    account(
        "supervisor",
        "陈静",
        &[Role::Supervisor],
        Some("CITY"),
        None,
        None,
        T::DemoAboutSupervisor,
    ),
    account(
        "branch",
        "赵伟",
        &[Role::Staff],
        Some("371525"),
        None,
        None,
        T::DemoAboutBranch,
    ),
    account(
        "enterprise",
        "孙丽",
        &[Role::Enterprise],
        None,
        Some(0),
        None,
        T::DemoAboutEnterprise,
    ),
    account(
        "receiver",
        "周涛",
        &[Role::Enterprise],
        None,
        Some(1),
        None,
        T::DemoAboutReceiver,
    ),
];

/// What a demo account is for, in one language.
pub fn describe(a: &DemoAccount, lang: Lang) -> String {
    about(a).render(lang)
}

/// What a demo account is for, rendered in whichever language the caller shows.
pub(in crate::demo) fn about(a: &DemoAccount) -> Text {
    let name = a
        .enterprise
        .and_then(|i| FIXED.get(i))
        .map_or("", |f| f.name);
    Text::new(a.about).arg("name", name)
}

/// Creates the demo accounts (each audited) and the inspectors' certificates.
pub(in crate::demo) fn accounts(s: &mut Session, fixed_uscc: &[String]) -> Result<DemoSummary> {
    let today = s.today();
    let mut summary = DemoSummary::default();
    for a in &DEMO_ACCOUNTS {
        insert_demo_account(
            s,
            &NewAccount {
                username: a.username.to_string(),
                display_name: a.display_name.to_string(),
                roles: a.roles.to_vec(),
                unit: a.unit.map(str::to_string),
                enterprise_uscc: a.enterprise.and_then(|i| fixed_uscc.get(i).cloned()),
                password: DEMO_PASSWORD.to_string(),
            },
        )?;
        if let Some(number) = a.certificate {
            s.accounts().add_certificate(
                a.username,
                CertificateInput {
                    kind: "山东省行政执法证".to_string(),
                    number: number.to_string(),
                    issuer: "山东省人民政府".to_string(),
                    valid_from: (today - Duration::days(400)).format("%Y-%m-%d").to_string(),
                    valid_to: (today + Duration::days(3 * 365))
                        .format("%Y-%m-%d")
                        .to_string(),
                },
            )?;
        }
        summary.accounts.push((a.username.to_string(), about(a)));
    }
    Ok(summary)
}
