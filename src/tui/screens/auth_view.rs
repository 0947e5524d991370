//! Drawing the screens before and around a session: first-run setup, login and the idle lock.

use crate::i18n::{T, Text};
use crate::tui::app::App;
use crate::tui::draw::{put, put_fit};
use crate::tui::input::TextInput;
use crate::tui::render::cursor_at;
use crate::tui::screens::login::{LockState, LoginState};
use crate::tui::screens::setup::{SetupState, SetupStep};
use crate::tui::text::width;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// Width of the labelled fields block on these screens.
const BLOCK_W: u16 = 60;

fn left(body: Rect) -> u16 {
    body.x + body.width.saturating_sub(BLOCK_W) / 2
}

/// Draws `label [value]` and returns where the cursor goes when the field has focus.
fn field(
    frame: &mut Frame<'_>,
    app: &App,
    (x, y): (u16, u16),
    label_w: usize,
    label: T,
    input: &TextInput,
    focused: bool,
) -> Position {
    put(frame, x, y, label.get(app.lang), label_w, app.theme.label());
    let fx = x + label_w as u16 + 1;
    let fw = 30;
    let (shown, col) = input.view(fw);
    let style = if focused {
        app.theme.field_focus()
    } else {
        app.theme.field()
    };
    put_fit(frame, fx, y, &shown, fw, style);
    cursor_at(fx, y, col)
}

fn heading(frame: &mut Frame<'_>, app: &App, body: Rect) {
    let name = T::AppName.get(app.lang);
    let x = body.x + body.width.saturating_sub(width(name) as u16) / 2;
    put(
        frame,
        x,
        body.y + 2,
        name,
        usize::from(body.width),
        app.theme.heading(),
    );
}

pub fn setup(frame: &mut Frame<'_>, body: Rect, app: &App, s: &SetupState) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    heading(frame, app, body);
    let x = left(body);
    let w = usize::from(BLOCK_W);
    put(
        frame,
        x,
        body.y + 4,
        T::SetupIntro.get(lang),
        w,
        theme.base(),
    );
    match s.step {
        SetupStep::Choose | SetupStep::Working => {
            for (i, t) in [T::SetupCreateAdmin, T::SetupLoadDemo].iter().enumerate() {
                let style = if s.choice == i {
                    theme.selected()
                } else {
                    theme.base()
                };
                let line = format!("{}) {}", i + 1, t.get(lang));
                put_fit(frame, x + 2, body.y + 6 + i as u16, &line, w - 4, style);
            }
            put(
                frame,
                x,
                body.y + 9,
                T::SetupChooseHint.get(lang),
                w,
                theme.dim(),
            );
            None
        }
        SetupStep::Admin => {
            put(
                frame,
                x,
                body.y + 6,
                T::SetupCreateAdmin.get(lang),
                w,
                theme.heading(),
            );
            let labels = [T::FieldUsername, T::FieldPassword, T::FieldPasswordAgain];
            let label_w = labels.iter().map(|l| width(l.get(lang))).max().unwrap_or(8) + 1;
            let mut cursor = None;
            for (i, label) in labels.iter().enumerate() {
                let at = (x + 2, body.y + 8 + i as u16);
                let p = field(frame, app, at, label_w, *label, &s.fields[i], s.focus == i);
                if s.focus == i {
                    cursor = Some(p);
                }
            }
            put(
                frame,
                x,
                body.y + 12,
                T::SetupAdminHint.get(lang),
                w,
                theme.dim(),
            );
            cursor
        }
    }
}

pub fn login(frame: &mut Frame<'_>, body: Rect, app: &App, s: &LoginState) -> Option<Position> {
    let lang = app.lang;
    heading(frame, app, body);
    let x = left(body);
    let labels = [T::FieldUsername, T::FieldPassword];
    let label_w = labels.iter().map(|l| width(l.get(lang))).max().unwrap_or(8) + 1;
    let user = field(
        frame,
        app,
        (x + 6, body.y + 6),
        label_w,
        labels[0],
        &s.username,
        s.focus == 0,
    );
    let pass = field(
        frame,
        app,
        (x + 6, body.y + 8),
        label_w,
        labels[1],
        &s.password,
        s.focus == 1,
    );
    for (i, line) in s.notice.iter().enumerate() {
        let y = body.y + 11 + i as u16;
        if y >= body.bottom() {
            break;
        }
        put(
            frame,
            x,
            y,
            &line.render(lang),
            usize::from(BLOCK_W),
            app.theme.info(),
        );
    }
    if s.busy {
        None
    } else if s.focus == 0 {
        Some(user)
    } else {
        Some(pass)
    }
}

/// The lock covers the whole body: nothing of the session shows until the password is given again.
pub fn lock(frame: &mut Frame<'_>, body: Rect, app: &App, s: &LockState) -> Option<Position> {
    let lang = app.lang;
    for y in body.y..body.bottom() {
        put_fit(
            frame,
            body.x,
            y,
            "",
            usize::from(body.width),
            app.theme.base(),
        );
    }
    heading(frame, app, body);
    let x = left(body);
    let who = app
        .session
        .as_ref()
        .map(|s| s.actor.username.clone())
        .unwrap_or_default();
    let line = Text::new(T::LockedFor).arg("user", who).render(lang);
    put(
        frame,
        x,
        body.y + 5,
        &line,
        usize::from(BLOCK_W),
        app.theme.warning(),
    );
    let label_w = width(T::FieldPassword.get(lang)) + 1;
    let p = field(
        frame,
        app,
        (x + 6, body.y + 7),
        label_w,
        T::FieldPassword,
        &s.password,
        true,
    );
    (!s.busy).then_some(p)
}
