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
use crate::tui::widgets::table::{self, Column, Dir, TableRow};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};

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

fn user_columns(lang: Lang) -> Vec<Column> {
    let (name_w, roles_w, state_w) = if lang == Lang::Zh {
        (9, 14, 4)
    } else {
        (9, 12, 6)
    };
    vec![
        Column::t(T::FieldUsername, lang, Constraint::Length(11)).sorted(Some(Dir::Asc)),
        Column::t(T::ColDisplayName, lang, Constraint::Length(name_w)),
        Column::t(T::FieldRoles, lang, Constraint::Length(roles_w)),
        Column::t(T::ColUnit, lang, Constraint::Min(8)),
        Column::t(T::ColActive, lang, Constraint::Length(state_w)),
        Column::t(T::FieldLockedUntil, lang, Constraint::Length(16)),
    ]
}

fn user_cells(a: &Account, units: &[OrgUnit], lang: Lang) -> Vec<String> {
    vec![
        a.username.clone(),
        a.display_name.clone(),
        roles_of(a, lang),
        short_unit(a, units, lang),
        state_label(a).get(lang).to_string(),
        a.locked_until
            .as_deref()
            .map(local_time)
            .unwrap_or_default(),
    ]
}

/// The selected account's row in full (`v`).
pub fn full_text(a: &Account, units: &[OrgUnit], lang: Lang) -> Vec<(String, String)> {
    table::full_text(
        &user_columns(lang),
        &TableRow::new(user_cells(a, units, lang)),
    )
}

pub fn render_users(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    s: &UsersState,
) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    // The list has no title bar of its own: the find line, when shown, takes the first row.
    let (find_area, table_area) = if s.find.shown() {
        let [f, t] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
        (Some(f), t)
    } else {
        (None, body)
    };
    let cursor =
        find_area.and_then(|a| table::find_line(frame, a, &s.find, T::FindHintName, lang, theme));
    let empty = s.find.empty_text(s.loading, T::HomeEmpty, lang);
    let row = |i: usize| match s.rows.get(i) {
        Some(a) => {
            TableRow::new(user_cells(a, &s.units, lang)).styled((!a.active).then(|| theme.dim()))
        }
        None => TableRow::default(),
    };
    table::render(
        frame,
        table_area,
        theme,
        &user_columns(lang),
        s.rows.len(),
        s.selected,
        &row,
        &empty,
    );
    cursor
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
