//! Drawing the whole screen from the state: row 0 title / breadcrumb / counter, the body, the message
//! row and the key hints generated from the binding table. Draws only; never changes state.

use crate::i18n::{T, Text};
use crate::tui::app::{App, Level, Screen};
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::keymap::{Cmd, bindings_for, first_key};
use crate::tui::overlays::filter::summary;
use crate::tui::screens::admin::form::AdminFormKind;
use crate::tui::screens::admin::{audit_view, form_view as admin_form_view, settings, users_view};
use crate::tui::screens::assistance::view as assistance_view;
use crate::tui::screens::enterprise::{detail_view, form_view, list_view};
use crate::tui::screens::{auth_view, home};
use crate::tui::text::{count, sanitize, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// The smallest terminal the interface is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws one frame.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, app, area);
        return;
    }
    let body = Rect {
        x: 0,
        y: 1,
        width: area.width,
        height: area.height - 3,
    };
    title_row(frame, app, area.width);
    let mut cursor = if app.locked.is_some() {
        None
    } else {
        match app.screen() {
            Screen::Setup(s) => auth_view::setup(frame, body, app, s),
            Screen::Login(s) => auth_view::login(frame, body, app, s),
            Screen::Home(s) => {
                home::render(frame, body, app, s);
                None
            }
            Screen::List(s) => list_view::render(frame, body, app, s),
            Screen::Detail(s) => {
                detail_view::render(frame, body, app, s);
                None
            }
            Screen::Form(s) => form_view::render(frame, body, app, s),
            Screen::Users(s) => users_view::render_users(frame, body, app, s),
            Screen::Account(s) => {
                users_view::render_account(frame, body, app, s);
                None
            }
            Screen::AdminForm(s) => admin_form_view::render(frame, body, app, s),
            Screen::Settings(s) => settings::render(frame, body, app, s),
            Screen::Audit(s) => {
                audit_view::render_list(frame, body, app, s);
                None
            }
            Screen::AuditEntry(s) => {
                audit_view::render_entry(frame, body, app, s);
                None
            }
            Screen::PositiveList(s) => {
                crate::tui::screens::positive_list::view::render_list(frame, body, app, s)
            }
            Screen::PositiveListEntry(s) => {
                crate::tui::screens::positive_list::view::render_entry(frame, body, app, s);
                None
            }
            Screen::PositiveListBatches(s) => {
                crate::tui::screens::positive_list::view::render_batches(frame, body, app, s);
                None
            }
            Screen::AssistanceQueue(s) => assistance_view::render_queue(frame, body, app, s),
            Screen::AssistanceDetail(s) => {
                assistance_view::render_detail(frame, body, app, s);
                None
            }
            Screen::AssistanceForm(s) => assistance_view::render_form(frame, body, app, s),
            Screen::Report(s) => crate::tui::screens::report::render(frame, body, app, s),
            Screen::MeetingList(s) => {
                crate::tui::screens::assistance::meeting_view::render_list(frame, body, app, s);
                None
            }
            Screen::MeetingDetail(s) => {
                crate::tui::screens::assistance::meeting_view::render_detail(frame, body, app, s);
                None
            }
            // 危险废物转移联单 (manifests)
            Screen::ManifestList(s) => {
                crate::tui::screens::manifest::view::render_list(frame, body, app, s)
            }
            Screen::ManifestDetail(s) => {
                crate::tui::screens::manifest::view::render_detail(frame, body, app, s);
                None
            }
            Screen::ManifestRef(s) => {
                crate::tui::screens::manifest::view::render_ref(frame, body, app, s);
                None
            }
            Screen::ManifestForm(s) => {
                crate::tui::screens::manifest::form_view::render_form(frame, body, app, s)
            }
            Screen::ManifestAction(s) => {
                crate::tui::screens::manifest::form_view::render_action(frame, body, app, s)
            }
            Screen::InspectionList(s) => {
                crate::tui::screens::inspection::view::render_list(frame, body, app, s)
            }
            Screen::InspectionDetail(s) => {
                crate::tui::screens::inspection::view::render_detail(frame, body, app, s);
                None
            }
            Screen::InspectionForm(s) => {
                crate::tui::screens::inspection::view::render_form(frame, body, app, s)
            }
            Screen::RectList(s) => {
                crate::tui::screens::inspection::view::render_rects(frame, body, app, s);
                None
            }
            Screen::Draws(s) => {
                crate::tui::screens::inspection::view::render_draws(frame, body, app, s)
            }
            Screen::FullText(s) => {
                crate::tui::screens::full_text::render(frame, body, app, s);
                None
            }
        }
    };
    if let Some(lock) = &app.locked {
        cursor = auth_view::lock(frame, body, app, lock);
    } else if let Some(o) = &app.overlay {
        cursor = o.render(frame, body, app);
    }
    message_row(frame, app, area.height - 2, area.width);
    hint_row(frame, app, area.height - 1, area.width);
    if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}

fn too_small(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let text = Text::new(T::TooSmall)
        .arg("w", area.width)
        .arg("h", area.height)
        .render(app.lang);
    let y = area.height / 2;
    let w = width(&text).min(usize::from(area.width));
    let x = (usize::from(area.width) - w) / 2;
    put(
        frame,
        x as u16,
        y,
        &text,
        usize::from(area.width),
        app.theme.error(),
    );
}

/// The breadcrumb for the current screen.
fn breadcrumb(app: &App) -> String {
    breadcrumb_parts(app).join(" > ")
}

/// The name of every screen on the stack, bottom first.
fn breadcrumb_parts(app: &App) -> Vec<String> {
    let lang = app.lang;
    let name = |s: &Screen| -> Option<String> {
        Some(match s {
            Screen::Setup(_) => T::ScreenSetup.get(lang).to_string(),
            Screen::Login(_) => T::ScreenLogin.get(lang).to_string(),
            Screen::Home(_) => T::ScreenHome.get(lang).to_string(),
            Screen::List(_) => T::ScreenList.get(lang).to_string(),
            Screen::Detail(d) => d
                .data
                .as_ref()
                .map(|d| sanitize(&d.enterprise.name))
                .unwrap_or_else(|| T::ScreenDetail.get(lang).to_string()),
            Screen::Form(f) if f.editing.is_some() => Text::new(T::ScreenEdit)
                .arg("name", sanitize(&f.record_name))
                .render(lang),
            Screen::Form(_) => T::ScreenNew.get(lang).to_string(),
            Screen::Users(_) => T::ScreenUsers.get(lang).to_string(),
            Screen::Account(a) => Text::new(T::ScreenAccount)
                .arg("name", sanitize(&a.account.username))
                .render(lang),
            Screen::AdminForm(f) => match &f.kind {
                AdminFormKind::NewUser => T::ScreenAddUser.get(lang).to_string(),
                AdminFormKind::NewCertificate { username } => Text::new(T::ScreenAddCertificate)
                    .arg("name", sanitize(username))
                    .render(lang),
                AdminFormKind::ResetPassword { username } => Text::new(T::ScreenResetPassword)
                    .arg("name", sanitize(username))
                    .render(lang),
            },
            Screen::Settings(_) => T::ScreenSettings.get(lang).to_string(),
            Screen::Audit(_) => T::ScreenAudit.get(lang).to_string(),
            Screen::PositiveList(_) => T::ScreenPlList.get(lang).to_string(),
            Screen::PositiveListBatches(_) => T::ScreenPlBatches.get(lang).to_string(),
            Screen::PositiveListEntry(e) => e
                .data
                .as_ref()
                .map(|d| d.entry.enterprise_name.clone())
                .unwrap_or_else(|| T::ScreenPlList.get(lang).to_string()),
            Screen::AuditEntry(e) => Text::new(T::ScreenAuditEntry)
                .arg("seq", e.row.seq)
                .render(lang),
            Screen::AssistanceQueue(_) => T::AssistanceScreenQueue.get(lang).to_string(),
            Screen::AssistanceDetail(d) => d
                .data
                .as_ref()
                .map(|d| sanitize(&d.detail.request.number))
                .unwrap_or_else(|| T::AssistanceScreenQueue.get(lang).to_string()),
            Screen::AssistanceForm(f) => f.title().get(lang).to_string(),
            Screen::Report(_) => T::ReportTitle.get(lang).to_string(),
            Screen::MeetingList(_) => T::MeetingScreenList.get(lang).to_string(),
            Screen::MeetingDetail(m) => sanitize(&m.title(lang)),
            // 危险废物转移联单 (manifests)
            Screen::ManifestList(_) => T::ManifestScreenList.get(lang).to_string(),
            Screen::ManifestDetail(d) => d
                .data
                .as_ref()
                .map(|d| d.detail.manifest.number.clone())
                .unwrap_or_else(|| T::ManifestScreenList.get(lang).to_string()),
            Screen::ManifestForm(f) => f.title().get(lang).to_string(),
            Screen::ManifestAction(f) => f.title().get(lang).to_string(),
            Screen::ManifestRef(_) => T::ManifestScreenRef.get(lang).to_string(),
            Screen::InspectionList(_) => T::InspectionScreenList.get(lang).to_string(),
            Screen::InspectionDetail(d) => d
                .data
                .as_ref()
                .map(|d| sanitize(&d.detail.inspection.number))
                .unwrap_or_else(|| T::InspectionScreenList.get(lang).to_string()),
            Screen::InspectionForm(f) => f.title().get(lang).to_string(),
            Screen::RectList(_) => T::InspectionScreenRects.get(lang).to_string(),
            Screen::Draws(_) => T::DrawScreen.get(lang).to_string(),
            Screen::FullText(_) => T::FullTextTitle.get(lang).to_string(),
        })
    };
    app.screens.iter().filter_map(name).collect()
}

/// The name of the screen on top (the breadcrumb's last part): what a help window is about.
pub fn screen_title(app: &App) -> String {
    breadcrumb_parts(app).pop().unwrap_or_default()
}

/// The list's filters, search and record counter for the title row.
fn list_status(app: &App) -> (String, String) {
    if let Screen::Detail(d) = app.screen() {
        let body = usize::from(app.size.1.max(MIN_HEIGHT)) - 3;
        return (
            String::new(),
            detail_view::scroll_status(app, d, body).unwrap_or_default(),
        );
    }
    let body = usize::from(app.size.1.max(MIN_HEIGHT)) - 3;
    if let Some(p) = app.screen().position() {
        return (String::new(), p);
    }
    let l = match app.screen() {
        Screen::List(l) => l,
        Screen::Audit(a) => {
            let counter = match (a.rows.first(), a.rows.last()) {
                (Some(first), Some(last)) => Text::new(T::AuditRange)
                    .arg("from", first.seq)
                    .arg("to", last.seq)
                    .render(app.lang),
                _ => String::new(),
            };
            return (String::new(), counter);
        }
        Screen::AuditEntry(e) => {
            return (
                String::new(),
                audit_view::entry_scroll(app, e, body).unwrap_or_default(),
            );
        }
        _ => return (String::new(), String::new()),
    };
    let regions = app
        .session
        .as_ref()
        .map(|s| s.regions.as_slice())
        .unwrap_or(&[]);
    let mut parts = summary(&l.filter, app.lang, regions);
    if !l.filter.query.is_empty() {
        parts.push(format!("\"{}\"", sanitize(&l.filter.query)));
    }
    let sort = list_view::sort_label(l.filter.sort).get(app.lang);
    let filters = if parts.is_empty() {
        format!("({sort})")
    } else {
        format!("({sort}) [{}]", parts.join(", "))
    };
    let counter = match l.total {
        Some(total) if !l.rows.is_empty() => Text::new(T::Counter)
            .arg("from", count(l.offset as i64 + 1))
            .arg("to", count(l.offset as i64 + l.rows.len() as i64))
            .arg("total", count(total))
            .render(app.lang),
        Some(_) => Text::new(T::CounterEmpty).render(app.lang),
        None => String::new(),
    };
    (filters, counter)
}

fn title_row(frame: &mut Frame<'_>, app: &App, w: u16) {
    let theme = app.theme;
    put_fit(frame, 0, 0, "", usize::from(w), theme.title());
    // Nothing of the screen behind the idle lock shows, not even its name or counter.
    let (filters, counter) = if app.locked.is_some() {
        (String::new(), String::new())
    } else {
        list_status(app)
    };
    let mut right = String::new();
    if let Some(s) = &app.session {
        right = format!("{} ", s.actor.username);
    }
    right.push_str(&counter);
    let demo = app.session.as_ref().is_some_and(|s| s.demo);
    let demo_label = T::DemoMarker.get(app.lang);
    let demo_w = if demo { width(demo_label) + 1 } else { 0 };
    let right_w = width(&right).min(usize::from(w) / 2);
    let left_room = usize::from(w).saturating_sub(right_w + demo_w + 3);
    let crumb = if app.locked.is_some() {
        T::ScreenLock.get(app.lang).to_string()
    } else {
        breadcrumb(app)
    };
    let mut left = if w >= 100 {
        format!("ecocase > {crumb}")
    } else {
        crumb
    };
    if !filters.is_empty() {
        left = format!("{left}  {filters}");
    }
    put(frame, 1, 0, &left, left_room, theme.title());
    if demo {
        let x = w.saturating_sub((right_w + demo_w + 1) as u16);
        put(frame, x, 0, demo_label, demo_w, theme.demo());
    }
    let x = w.saturating_sub(right_w as u16 + 1);
    put_db(frame, x, 0, &right, right_w, theme.title());
}

fn message_row(frame: &mut Frame<'_>, app: &App, y: u16, w: u16) {
    let theme = app.theme;
    let (style, text) = match (&app.message, app.screen()) {
        (Some(m), _) => (
            match m.level {
                Level::Info => theme.info(),
                Level::Progress => theme.base(),
                Level::Warning => theme.warning(),
                Level::Error => theme.error(),
            },
            m.text.render(app.lang),
        ),
        (None, Screen::Form(f)) if app.overlay.is_none() && app.locked.is_none() => {
            match form_view::focused_issue(f) {
                Some(issue) if issue.is_error() => (theme.error(), issue.render(app.lang)),
                Some(issue) => (theme.warning(), issue.render(app.lang)),
                None => (theme.base(), String::new()),
            }
        }
        _ => (theme.base(), String::new()),
    };
    // Shown in full: a message longer than the row wraps, growing upward over the body's last
    // rows (it is gone with the next key, and the body is drawn again).
    let cells = usize::from(w) - 2;
    let mut lines = crate::tui::text::wrap_words(&sanitize(&text), cells);
    lines.truncate(MAX_MESSAGE_ROWS);
    let top = y.saturating_sub(lines.len().saturating_sub(1) as u16);
    for (i, line) in lines.iter().enumerate() {
        let row = top + i as u16;
        put_fit(frame, 0, row, "", usize::from(w), theme.base());
        put(frame, 1, row, line, cells, style);
    }
}

/// Rows a long message may take (the message row and the body's last rows above it).
const MAX_MESSAGE_ROWS: usize = 4;

/// The footer: the context's hinted bindings (first key and description), in table order.
pub fn hints(app: &App) -> Vec<(String, String)> {
    hint_bindings(app)
        .into_iter()
        .map(|(_, key, desc)| (key, desc))
        .collect()
}

fn hint_bindings(app: &App) -> Vec<(Cmd, String, String)> {
    let ctx = app.ctx();
    let on_screen = app.overlay.is_none() && app.locked.is_none();
    bindings_for(ctx)
        .into_iter()
        .filter(|b| b.hint && !b.keys.is_empty() && app.offers(b.cmd))
        .filter(|b| !on_screen || app.screen().permits(b.cmd))
        .filter_map(|b| Some((b.cmd, first_key(ctx, b)?, b.desc.get(app.lang).to_string())))
        .collect()
}

/// How much a footer hint is worth keeping when the row is too narrow for all: help and the way back
/// always stay; then the screen's own keys; then the palette; quitting last (help and the palette
/// still offer it).
fn hint_rank(cmd: Cmd) -> u8 {
    match cmd {
        Cmd::Help | Cmd::Back => 0,
        Cmd::Palette => 2,
        Cmd::Quit => 3,
        _ => 1,
    }
}

/// The hints that fit in `w` cells, chosen by rank and shown in table order.
pub fn footer_hints(app: &App, w: usize) -> Vec<(String, String)> {
    let all = hint_bindings(app);
    let cost = |key: &str, desc: &str| width(key) + 1 + width(desc) + 1;
    // The last hint needs no space after it.
    let mut room = w + 1;
    let mut keep = vec![false; all.len()];
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| hint_rank(all[i].0));
    for i in order {
        let c = cost(&all[i].1, &all[i].2);
        if c <= room {
            room -= c;
            keep[i] = true;
        }
    }
    all.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|((_, key, desc), _)| (key, desc))
        .collect()
}

fn hint_row(frame: &mut Frame<'_>, app: &App, y: u16, w: u16) {
    let theme = app.theme;
    put_fit(frame, 0, y, "", usize::from(w), theme.base());
    let mut x: u16 = 0;
    for (key, desc) in footer_hints(app, usize::from(w)) {
        let need = width(&key) + 1 + width(&desc) + 1;
        x = put(frame, x, y, &key, need, theme.hint_key());
        x = put(frame, x + 1, y, &desc, need, theme.base()) + 1;
    }
}

/// Where the cursor goes for a field drawn at (x, y) with the cursor `col` cells in.
pub fn cursor_at(x: u16, y: u16, col: usize) -> Position {
    Position::new(x + u16::try_from(col).unwrap_or(0), y)
}
