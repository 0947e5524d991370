//! `ecocase user ...`: account administration through the service layer, as an administrator
//! (`--as ADMIN`). `passwd` also works for a person changing their own password.

use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use ecocase::domain::time::Instant;
use ecocase::domain::validate;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::Session;
use ecocase::service::account::CertificateInput;
use ecocase::service::account::{NewAccount, parse_roles};
use ecocase::store::account::UserRecord;

#[derive(clap::Subcommand, Debug)]
pub enum UserCommand {
    Add(AddArgs),
    List(AsArg),
    Disable(NameArgs),
    Enable(NameArgs),
    Unlock(NameArgs),
    Passwd(PasswdArgs),
    Cert(CertArgs),
}

#[derive(clap::Args, Debug)]
pub struct AsArg {
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct NameArgs {
    #[arg(value_name = "NAME")]
    name: String,
    #[command(flatten)]
    actor: AsArg,
}

#[derive(clap::Args, Debug)]
pub struct AddArgs {
    #[arg(value_name = "NAME")]
    name: String,
    #[arg(long, value_name = "ROLE[,ROLE]")]
    role: String,
    #[arg(long, value_name = "CODE")]
    unit: Option<String>,
    #[arg(long, value_name = "USCC")]
    enterprise: Option<String>,
    #[arg(long, value_name = "TEXT")]
    display_name: Option<String>,
    #[arg(long, required = true)]
    password_stdin: bool,
    #[command(flatten)]
    actor: AsArg,
}

#[derive(clap::Args, Debug)]
pub struct PasswdArgs {
    #[arg(value_name = "NAME")]
    name: String,
    #[arg(long, required = true)]
    password_stdin: bool,
    #[command(flatten)]
    actor: AsArg,
}

#[derive(clap::Args, Debug)]
pub struct CertArgs {
    #[arg(value_name = "NAME")]
    name: String,
    #[arg(long, value_name = "N")]
    number: String,
    #[arg(long, value_name = "K", default_value = "行政执法证")]
    kind: String,
    #[arg(long, value_name = "I")]
    issuer: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: String,
    #[command(flatten)]
    actor: AsArg,
}

pub fn run(ctx: &Context, c: UserCommand, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    let fail = |e| ctx.fail(e);
    match c {
        UserCommand::Add(a) => {
            let roles = parse_roles(&a.role).map_err(fail)?;
            let s = secrets.login(ctx, &a.actor.actor)?;
            let password = secrets.new_password(ctx)?;
            let unit = a.unit.as_deref().map(|u| unit_code(&s, u));
            s.accounts()
                .add(&NewAccount {
                    username: a.name.clone(),
                    display_name: a.display_name.clone().unwrap_or_default(),
                    roles: roles.clone(),
                    unit,
                    enterprise_uscc: a.enterprise.clone(),
                    password,
                })
                .map_err(fail)?;
            let labels: Vec<&str> = roles.iter().map(|r| r.label().get(lang)).collect();
            output::say(
                &Text::new(T::CliUserAdded)
                    .arg("name", a.name.trim())
                    .arg("roles", labels.join(sep(lang)))
                    .render(lang),
            );
        }
        UserCommand::List(a) => {
            let s = secrets.login(ctx, &a.actor)?;
            list(ctx, &s)?;
        }
        UserCommand::Disable(a) => {
            let s = secrets.login(ctx, &a.actor.actor)?;
            s.accounts().set_active(&a.name, false).map_err(fail)?;
            output::say(
                &Text::new(T::CliUserDisabled)
                    .arg("name", &a.name)
                    .render(lang),
            );
        }
        UserCommand::Enable(a) => {
            let s = secrets.login(ctx, &a.actor.actor)?;
            s.accounts().set_active(&a.name, true).map_err(fail)?;
            output::say(
                &Text::new(T::CliUserEnabled)
                    .arg("name", &a.name)
                    .render(lang),
            );
        }
        UserCommand::Unlock(a) => {
            let s = secrets.login(ctx, &a.actor.actor)?;
            s.accounts().unlock(&a.name).map_err(fail)?;
            output::say(
                &Text::new(T::CliUserUnlocked)
                    .arg("name", a.name.trim())
                    .render(lang),
            );
        }
        UserCommand::Passwd(a) => {
            let s = secrets.login(ctx, &a.actor.actor)?;
            let password = secrets.new_password(ctx)?;
            s.accounts()
                .set_password(&a.name, &password)
                .map_err(fail)?;
            output::say(
                &Text::new(T::CliPasswordChanged)
                    .arg("name", &a.name)
                    .render(lang),
            );
        }
        UserCommand::Cert(a) => {
            for (label, value) in [(T::FieldValidFrom, &a.from), (T::FieldValidTo, &a.to)] {
                if value.trim().is_empty() {
                    continue;
                }
                if let Some(issue) = validate::date("date", label, value) {
                    return Err(CliError::usage(issue.render(lang)));
                }
            }
            if a.from.trim() > a.to.trim() {
                return Err(CliError::usage(
                    Text::new(T::CliCertDates)
                        .arg("from", &a.from)
                        .arg("to", &a.to)
                        .render(lang),
                ));
            }
            let s = secrets.login(ctx, &a.actor.actor)?;
            s.accounts()
                .add_certificate(
                    &a.name,
                    CertificateInput {
                        kind: a.kind.trim().to_string(),
                        number: a.number.trim().to_string(),
                        issuer: a.issuer.trim().to_string(),
                        valid_from: a.from.trim().to_string(),
                        valid_to: a.to.trim().to_string(),
                    },
                )
                .map_err(fail)?;
            output::say(
                &Text::new(T::CliCertAdded)
                    .arg("name", &a.name)
                    .arg("number", a.number.trim())
                    .arg("from", a.from.trim())
                    .arg("to", a.to.trim())
                    .render(lang),
            );
        }
    }
    Ok(())
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// A unit given as its code (`CITY`, `371525`) or by its region's name (`冠县`).
fn unit_code(s: &Session, raw: &str) -> String {
    let v = raw.trim();
    s.regions()
        .ok()
        .and_then(|regions| {
            regions
                .into_iter()
                .find(|r| r.kind != "city" && (r.name_zh == v || r.name_en.eq_ignore_ascii_case(v)))
        })
        .map_or_else(|| v.to_string(), |r| r.code)
}

fn state(u: &UserRecord, delays: &[(String, Instant)], lang: Lang) -> String {
    let delayed = delays
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(&u.username))
        .map(|(_, until)| until);
    if !u.active {
        T::CliStateDisabled.get(lang).to_string()
    } else if let Some(until) = delayed.or(u.locked_until.as_ref()) {
        Text::new(T::CliStateLocked)
            .arg("until", until.local())
            .render(lang)
    } else {
        T::CliStateActive.get(lang).to_string()
    }
}

fn list(ctx: &Context, s: &Session) -> Result<(), CliError> {
    let lang = ctx.lang;
    let users = s.accounts().list().map_err(|e| ctx.fail(e))?;
    let delays = s.accounts().login_delays().map_err(|e| ctx.fail(e))?;
    let header: Vec<String> = [
        T::FieldUsername,
        T::CliColDisplayName,
        T::CliColRoles,
        T::CliColUnit,
        T::FieldUscc,
        T::CliColCertificate,
        T::CliColState,
        T::CliColLastLogin,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect();
    let mut rows = Vec::new();
    for u in &users {
        let certs = s
            .accounts()
            .certificates(&u.username)
            .map_err(|e| ctx.fail(e))?;
        let cert = certs
            .first()
            .map(|c| format!("{} ({})", c.number, c.valid_to))
            .unwrap_or_default();
        rows.push(vec![
            u.username.clone(),
            u.display_name.clone(),
            u.roles
                .iter()
                .map(|r| r.label().get(lang))
                .collect::<Vec<_>>()
                .join(sep(lang)),
            u.unit_code.clone().unwrap_or_default(),
            u.enterprise_uscc.clone().unwrap_or_default(),
            cert,
            state(u, &delays, lang),
            u.last_login_at.map(Instant::local).unwrap_or_default(),
        ]);
    }
    output::table(&header, &rows);
    output::say(
        &Text::new(T::CliUsersCount)
            .arg("n", users.len())
            .render(lang),
    );
    Ok(())
}
