//! Ctrl-K / `:`: every command this person's role permits here, searchable in Chinese, English or
//! pinyin initials; Enter runs it as if its key had been pressed.

use crate::i18n::{Lang, T};
use crate::tui::app::{App, Env, Input};
use crate::tui::draw::{centered, dialog, put, put_fit};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Binding, Cmd, Ctx, bindings_for, keys_label};
use crate::tui::overlays::{OverlayOut, matches};
use crate::tui::screens::edit_text;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// Commands that only make sense as keys (moving, typing), never from the palette.
fn runnable(cmd: Cmd) -> bool {
    !matches!(
        cmd,
        Cmd::Up
            | Cmd::Down
            | Cmd::PageUp
            | Cmd::PageDown
            | Cmd::NextField
            | Cmd::PrevField
            | Cmd::Toggle
            | Cmd::PrevValue
            | Cmd::NextValue
            | Cmd::Clear
            | Cmd::Submit
            | Cmd::Palette
    )
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaletteState {
    /// The context commands run in (the screen under the palette).
    pub ctx: Ctx,
    pub filter: TextInput,
    pub selected: usize,
}

/// The palette's entries for a person in a context: one per command, permitted ones only.
pub fn entries(ctx: Ctx, query: &str, offers: impl Fn(Cmd) -> bool) -> Vec<&'static Binding> {
    let mut seen: Vec<Cmd> = Vec::new();
    bindings_for(ctx)
        .into_iter()
        .filter(|b| runnable(b.cmd) && offers(b.cmd))
        .filter(|b| {
            let fresh = !seen.contains(&b.cmd);
            seen.push(b.cmd);
            fresh
        })
        .filter(|b| {
            matches(b.desc.get(Lang::Zh), query)
                || matches(b.desc.get(Lang::En), query)
                || matches(&keys_label(ctx, b), query)
        })
        .collect()
}

impl PaletteState {
    pub fn new(ctx: Ctx) -> PaletteState {
        PaletteState {
            ctx,
            filter: TextInput::default(),
            selected: 0,
        }
    }

    pub fn on_input(&mut self, env: &Env<'_>, input: Input) -> OverlayOut {
        let offers = |cmd: Cmd| crate::tui::outcome::offered(env.session, cmd);
        let found = entries(self.ctx, self.filter.value(), offers);
        match input {
            Input::Cmd(Cmd::Back) => return OverlayOut::Close,
            Input::Cmd(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                self.selected = (self.selected + 1).min(found.len().saturating_sub(1));
            }
            Input::Cmd(Cmd::Submit) => {
                return match found.get(self.selected) {
                    Some(b) => OverlayOut::Run(b.cmd),
                    None => OverlayOut::Stay(None),
                };
            }
            Input::Key(k) => {
                edit_text(&mut self.filter, k);
                self.selected = 0;
            }
            Input::Paste(p) => {
                self.filter.insert(&p);
                self.selected = 0;
            }
            Input::Cmd(_) => {}
        }
        OverlayOut::Stay(None)
    }

    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) -> Option<Position> {
        let lang = app.lang;
        let theme = app.theme;
        let found = entries(self.ctx, self.filter.value(), |c| app.offers(c));
        let h = (found.len() as u16 + 4).clamp(6, body.height);
        let area = centered(body, 64, h);
        let inner = dialog(frame, area, T::PaletteTitle.get(lang), theme);
        let x = put(frame, inner.x + 1, inner.y, "> ", 2, theme.label());
        let field_w = usize::from(inner.right().saturating_sub(x + 1));
        let (shown, col) = self.filter.view(field_w);
        put_fit(frame, x, inner.y, &shown, field_w, theme.field_focus());
        let visible = usize::from(inner.height.saturating_sub(2));
        let first = self.selected.saturating_sub(visible.saturating_sub(1));
        if found.is_empty() {
            put(
                frame,
                inner.x + 1,
                inner.y + 2,
                T::HelpNoMatch.get(lang),
                60,
                theme.dim(),
            );
        }
        for (i, b) in found.iter().enumerate().skip(first).take(visible) {
            let y = inner.y + 2 + (i - first) as u16;
            let style = if i == self.selected {
                theme.selected()
            } else {
                theme.base()
            };
            let w = usize::from(inner.width.saturating_sub(2));
            let keys = keys_label(self.ctx, b);
            let line = format!("{:<1}{}", "", b.desc.get(lang));
            put_fit(frame, inner.x + 1, y, &line, w, style);
            let kx = inner
                .right()
                .saturating_sub(1 + crate::tui::text::width(&keys) as u16);
            put(frame, kx, y, &keys, w / 2, style.patch(theme.dim()));
        }
        Some(Position::new(x + col as u16, inner.y))
    }
}
