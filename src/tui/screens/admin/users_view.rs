//! Drawing 用户管理: the account table and one account with its certificates.

use crate::domain::time::local_time;
use crate::i18n::{Lang, T};
use crate::store::account::OrgUnit;
use crate::tui::app::App;
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::screens::admin::Account;
use crate::tui::screens::admin::form::{roles_label, unit_label};
use crate::tui::screens::admin::users::{AccountState, UsersState};
use crate::tui::text::{fit, sanitize, width};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The unit of a bureau account, or the USCC an enterprise account is bound to.
fn unit_or_enterprise(a: &Account, units: &[OrgUnit], lang: Lang) -> String {
    if let Some(uscc) = &a.enterprise_uscc {
        return sanitize(uscc);
    }
    let code = a.unit_code.as_deref().unwrap_or("");
    units
        .iter()
        .find(|u| u.code == code)
        .map(|u| unit_label(u, lang))
        .unwrap_or_else(|| sanitize(code))
}

/// A unit as the table shows it: a branch without the city bureau's name in front (冠县分局).
fn short_unit(a: &Account, units: &[OrgUnit], lang: Lang) -> String {
    let full = unit_or_enterprise(a, units, lang);
    let city = units
        .iter()
        .find(|u| u.region_code.is_none())
        .map(|u| unit_label(u, lang));
    match city {
        Some(c) if full.len() > c.len() && full.starts_with(&c) => full[c.len()..].to_string(),
        _ => full,
    }
}

fn state_label(a: &Account) -> T {
    if a.active {
        T::AccountActive
    } else {
        T::AccountDisabled
    }
}

fn roles_of(a: &Account, lang: Lang) -> String {
    let codes: Vec<&str> = a.roles.iter().map(|r| r.code()).collect();
    roles_label(&codes.join(","), lang)
}

pub fn render_users(frame: &mut Frame<'_>, body: Rect, app: &App, s: &UsersState) {
    let lang = app.lang;
    let theme = app.theme;
    let table_w = usize::from(body.width) - 2;
    let (roles_w, state_w) = if lang == Lang::Zh { (14, 4) } else { (12, 6) };
    let fixed = [11, 9, roles_w, state_w, 16];
    let unit_w = table_w
        .saturating_sub(fixed.iter().sum::<usize>() + 6)
        .max(8);
    let cols: [(T, usize); 6] = [
        (T::FieldUsername, fixed[0]),
        (T::ColDisplayName, fixed[1]),
        (T::FieldRoles, fixed[2]),
        (T::ColUnit, unit_w),
        (T::ColActive, fixed[3]),
        (T::FieldLockedUntil, fixed[4]),
    ];
    let mut header = String::new();
    for (t, w) in &cols {
        header.push_str(&fit(t.get(lang), *w));
        header.push(' ');
    }
    put_fit(frame, body.x + 1, body.y, &header, table_w, theme.heading());
    if s.rows.is_empty() {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::HomeEmpty
        };
        put(
            frame,
            body.x + 2,
            body.y + 1,
            text.get(lang),
            table_w,
            theme.dim(),
        );
        return;
    }
    let visible = usize::from(body.height) - 1;
    let first = s.selected.saturating_sub(visible.saturating_sub(1));
    for (i, a) in s.rows.iter().enumerate().skip(first).take(visible) {
        let y = body.y + 1 + (i - first) as u16;
        let values = [
            sanitize(&a.username),
            sanitize(&a.display_name),
            roles_of(a, lang),
            short_unit(a, &s.units, lang),
            state_label(a).get(lang).to_string(),
            a.locked_until
                .as_deref()
                .map(local_time)
                .unwrap_or_default(),
        ];
        let mut line = String::new();
        for ((_, w), v) in cols.iter().zip(values) {
            line.push_str(&fit(&v, *w));
            line.push(' ');
        }
        let style = if i == s.selected {
            theme.selected()
        } else if !a.active {
            theme.dim()
        } else {
            theme.base()
        };
        put_fit(frame, body.x + 1, y, &line, table_w, style);
    }
}

pub fn render_account(frame: &mut Frame<'_>, body: Rect, app: &App, s: &AccountState) {
    let lang = app.lang;
    let theme = app.theme;
    let a = &s.account;
    let unit_label_t = if a.enterprise_uscc.is_some() {
        T::FieldEnterpriseUscc
    } else {
        T::FieldUnit
    };
    let lines: Vec<(T, String)> = vec![
        (T::FieldUsername, sanitize(&a.username)),
        (T::FieldDisplayName, sanitize(&a.display_name)),
        (T::FieldRoles, roles_of(a, lang)),
        (unit_label_t, unit_or_enterprise(a, &s.units, lang)),
        (T::FieldActive, state_label(a).get(lang).to_string()),
        (
            T::FieldLockedUntil,
            a.locked_until
                .as_deref()
                .map(local_time)
                .unwrap_or_default(),
        ),
        (
            T::FieldLastLogin,
            a.last_login_at
                .as_deref()
                .map(local_time)
                .unwrap_or_default(),
        ),
    ];
    let label_w = lines
        .iter()
        .map(|(t, _)| width(t.get(lang)))
        .max()
        .unwrap_or(10)
        + 2;
    let w = usize::from(body.width) - 2;
    for (i, (label, value)) in lines.iter().enumerate() {
        let y = body.y + i as u16;
        put(
            frame,
            body.x + 1,
            y,
            label.get(lang),
            label_w,
            theme.label(),
        );
        put(
            frame,
            body.x + 1 + label_w as u16,
            y,
            value,
            w - label_w,
            theme.base(),
        );
    }
    let mut y = body.y + lines.len() as u16 + 1;
    put(
        frame,
        body.x + 1,
        y,
        &format!("[{}]", T::SectionCertificates.get(lang)),
        w,
        theme.heading(),
    );
    y += 1;
    let cols: [(T, usize); 5] = [
        (T::FieldCertNumber, 18),
        (T::FieldCertKind, 14),
        (
            T::FieldCertIssuer,
            w.saturating_sub(18 + 14 + 11 + 11 + 5).max(8),
        ),
        (T::FieldValidFrom, 11),
        (T::FieldValidTo, 11),
    ];
    let mut header = String::new();
    for (t, cw) in &cols {
        header.push_str(&fit(t.get(lang), *cw));
        header.push(' ');
    }
    put_fit(frame, body.x + 1, y, &header, w, theme.label());
    y += 1;
    let Some(certs) = &s.certificates else {
        put(
            frame,
            body.x + 2,
            y,
            T::MsgLoading.get(lang),
            w,
            theme.dim(),
        );
        return;
    };
    if certs.is_empty() {
        put(
            frame,
            body.x + 2,
            y,
            T::NoCertificates.get(lang),
            w,
            theme.dim(),
        );
    }
    for c in certs.iter().skip(s.scroll) {
        if y >= body.bottom() {
            break;
        }
        let (from, to) = (c.valid_from.to_string(), c.valid_to.to_string());
        let values = [&c.number, &c.kind, &c.issuer, &from, &to];
        let mut line = String::new();
        for ((_, cw), v) in cols.iter().zip(values) {
            line.push_str(&fit(&sanitize(v), *cw));
            line.push(' ');
        }
        put_db(frame, body.x + 1, y, &line, w, theme.base());
        y += 1;
    }
}
