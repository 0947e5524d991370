//! Drawing the audit log: one row per entry (time in Asia/Shanghai, actor, action, entity, record),
//! and one entry in full with the fields that changed and its before/after JSON.

use crate::domain::time::local_time;
use crate::i18n::{Lang, T, Text};
use crate::store::audit::AuditRow;
use crate::tui::app::App;
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::screens::admin::audit::{AuditEntryState, AuditState};
use crate::tui::text::{fit, sanitize, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use serde_json::Value;

/// An action code in words (unknown codes as stored).
fn action_label(code: &str, lang: Lang) -> String {
    let t = match code {
        "create" => T::AuditActCreate,
        "update" => T::AuditActUpdate,
        "delete" => T::AuditActDelete,
        "enable" => T::AuditActEnable,
        "disable" => T::AuditActDisable,
        "password" => T::AuditActPassword,
        "import" => T::AuditActImport,
        "login" => T::AuditActLogin,
        "account_locked" => T::AuditActLocked,
        "login_failed" => T::AuditActLoginFailed,
        "unlock" => T::AuditActUnlock,
        "transition" => T::AuditActTransition,
        // inspections: 一公开 of a draw's results
        "publish_results" => T::AuditActPublishResults,
        other => return sanitize(other),
    };
    t.get(lang).to_string()
}

/// An entity (table) name in words (unknown names as stored).
fn entity_label(code: &str, lang: Lang) -> String {
    let t = match code {
        "enterprise" => T::AuditEntEnterprise,
        "user" => T::AuditEntUser,
        "certificate" => T::AuditEntCertificate,
        "setting" => T::AuditEntSetting,
        "calendar_day" => T::AuditEntCalendar,
        "waste_edition" => T::AuditEntWasteEdition,
        "service_menu" => T::AuditEntServiceMenu,
        "assist_request" => T::AuditEntAssistRequest,
        "assist_record" => T::AuditEntAssistRecord,
        // inspections
        "draw" => T::AuditEntDraw,
        "draw_plan" => T::AuditEntDrawPlan,
        other => return sanitize(other),
    };
    t.get(lang).to_string()
}

fn parse(json: &Option<String>) -> Option<Value> {
    json.as_deref().and_then(|j| serde_json::from_str(j).ok())
}

/// What the entry is about, for people: the record's name, username or number when its JSON has one,
/// the actor's name when the record is the actor (log-ins), else its id as stored.
fn record_label(row: &AuditRow) -> String {
    if row.record_uid == row.actor {
        return sanitize(&row.actor_name);
    }
    let named = [parse(&row.after_json), parse(&row.before_json)]
        .into_iter()
        .flatten()
        .find_map(|v| {
            ["name", "username", "number"]
                .iter()
                .find_map(|k| v.get(*k).and_then(Value::as_str).map(str::to_string))
        });
    sanitize(&named.unwrap_or_else(|| row.record_uid.clone()))
}

pub fn render_list(frame: &mut Frame<'_>, body: Rect, app: &App, s: &AuditState) {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width) - 2;
    let fixed = match lang {
        Lang::Zh => [16, 10, 6, 8],
        Lang::En => [16, 10, 7, 11],
    };
    let record_w = w.saturating_sub(fixed.iter().sum::<usize>() + 5).max(8);
    let cols: [(T, usize); 5] = [
        (T::ColTime, fixed[0]),
        (T::ColActor, fixed[1]),
        (T::ColAction, fixed[2]),
        (T::ColEntity, fixed[3]),
        (T::ColRecord, record_w),
    ];
    let mut header = String::new();
    for (t, cw) in &cols {
        header.push_str(&fit(t.get(lang), *cw));
        header.push(' ');
    }
    put_fit(frame, body.x + 1, body.y, &header, w, theme.heading());
    if s.rows.is_empty() {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::AuditEmpty
        };
        put(
            frame,
            body.x + 2,
            body.y + 1,
            text.get(lang),
            w,
            theme.dim(),
        );
    }
    for (i, row) in s.rows.iter().enumerate() {
        let y = body.y + 1 + i as u16;
        if y >= body.bottom() {
            break;
        }
        let values = [
            local_time(&row.at),
            sanitize(&row.actor_name),
            action_label(&row.action, lang),
            entity_label(&row.entity, lang),
            record_label(row),
        ];
        let mut line = String::new();
        for ((_, cw), v) in cols.iter().zip(values) {
            line.push_str(&fit(&v, *cw));
            line.push(' ');
        }
        let style = if i == s.selected {
            theme.selected()
        } else {
            theme.base()
        };
        put_fit(frame, body.x + 1, y, &line, w, style);
    }
}

/// One line of the entry view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryLine {
    Field(T, String),
    Heading(T),
    Text(String),
    Blank,
}

/// A JSON value on one line, strings without quotes.
fn short(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The entry's lines: its fields, what changed (for an update), then before and after in full.
pub fn entry_lines(row: &AuditRow, lang: Lang) -> Vec<EntryLine> {
    let mut lines = vec![
        EntryLine::Field(T::AuditSeq, row.seq.to_string()),
        EntryLine::Field(T::ColTime, local_time(&row.at)),
        EntryLine::Field(T::ColActor, row.actor_name.clone()),
        EntryLine::Field(T::ColAction, action_label(&row.action, lang)),
        EntryLine::Field(T::ColEntity, entity_label(&row.entity, lang)),
        EntryLine::Field(T::AuditRecordUid, row.record_uid.clone()),
        EntryLine::Field(T::AuditHash, row.hash.clone()),
    ];
    let (before, after) = (parse(&row.before_json), parse(&row.after_json));
    if let (Some(Value::Object(b)), Some(Value::Object(a))) = (&before, &after) {
        lines.push(EntryLine::Blank);
        lines.push(EntryLine::Heading(T::AuditChanges));
        for (k, v) in a {
            let old = b.get(k);
            if old != Some(v) {
                let old = old.map(short).unwrap_or_default();
                lines.push(EntryLine::Text(format!("{k}: {old} -> {}", short(v))));
            }
        }
    }
    for (title, json) in [(T::AuditBefore, &before), (T::AuditAfter, &after)] {
        lines.push(EntryLine::Blank);
        lines.push(EntryLine::Heading(title));
        match json {
            Some(v) => lines.extend(
                serde_json::to_string_pretty(v)
                    .unwrap_or_default()
                    .lines()
                    .map(|l| EntryLine::Text(l.to_string())),
            ),
            None => lines.push(EntryLine::Text(T::AuditNoJson.get(lang).to_string())),
        }
    }
    lines
}

pub fn render_entry(frame: &mut Frame<'_>, body: Rect, app: &App, s: &AuditEntryState) {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width) - 2;
    let lines = entry_lines(&s.row, lang);
    let label_w = lines
        .iter()
        .filter_map(|l| match l {
            EntryLine::Field(t, _) => Some(width(t.get(lang))),
            _ => None,
        })
        .max()
        .unwrap_or(8)
        + 2;
    for (i, line) in lines.iter().skip(s.scroll).enumerate() {
        let y = body.y + i as u16;
        if y >= body.bottom() {
            break;
        }
        match line {
            EntryLine::Field(t, v) => {
                put(frame, body.x + 1, y, t.get(lang), label_w, theme.label());
                put_db(
                    frame,
                    body.x + 1 + label_w as u16,
                    y,
                    v,
                    w - label_w,
                    theme.base(),
                );
            }
            EntryLine::Heading(t) => {
                put(
                    frame,
                    body.x + 1,
                    y,
                    &format!("[{}]", t.get(lang)),
                    w,
                    theme.heading(),
                );
            }
            EntryLine::Text(t) => {
                put_db(frame, body.x + 2, y, t, w - 1, theme.base());
            }
            EntryLine::Blank => {}
        }
    }
}

/// The title row's position text for the entry view (`lines 1-21/40`), when it scrolls.
pub fn entry_scroll(app: &App, s: &AuditEntryState, body_h: usize) -> Option<String> {
    let total = entry_lines(&s.row, app.lang).len();
    (total > body_h).then(|| {
        Text::new(T::DetailScroll)
            .arg("from", s.scroll + 1)
            .arg("to", (s.scroll + body_h).min(total))
            .arg("total", total)
            .render(app.lang)
    })
}
