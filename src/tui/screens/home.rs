//! Home: the person's tasks and alerts with real counts in their scope; Enter opens the list with that
//! filter. Enterprise accounts see their own enterprise's card instead.

use crate::i18n::Text;
use crate::service::home::Home;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::detail::DetailState;
use crate::tui::screens::list::ListState;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HomeState {
    pub home: Option<Home>,
    pub selected: usize,
    pub loading: bool,
}

impl HomeState {
    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::LoadHome)
    }

    pub fn loaded(&mut self, result: Result<Home, Text>) -> Out {
        self.loading = false;
        match result {
            Ok(home) => {
                self.selected = self.selected.min(home.tasks.len().saturating_sub(1));
                self.home = Some(home);
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    fn task_count(&self) -> usize {
        self.home.as_ref().map_or(0, |h| h.tasks.len())
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        match input {
            Input::Cmd(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                self.selected = (self.selected + 1).min(self.task_count().saturating_sub(1));
            }
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Open) => return self.open(env),
            Input::Cmd(Cmd::GoList) => return ListState::open(env, Default::default()),
            _ => {}
        }
        Out::default()
    }

    fn open(&self, env: &mut Env<'_>) -> Out {
        let Some(home) = &self.home else {
            return Out::default();
        };
        if let Some(own) = &home.own {
            let (detail, fx) = DetailState::open(own.id);
            return Out::nav(Nav::Push(Screen::Detail(detail))).with_effect(fx);
        }
        match home.tasks.get(self.selected) {
            Some(task) => ListState::open(env, task.filter.clone()),
            None => Out::default(),
        }
    }
}

/// Width of the task list block.
const HOME_W: u16 = 60;

pub fn render(
    frame: &mut ratatui::Frame<'_>,
    body: ratatui::layout::Rect,
    app: &crate::tui::app::App,
    s: &HomeState,
) {
    use crate::i18n::T;
    use crate::tui::draw::{put, put_fit};
    use crate::tui::text::{count, fit, fit_right};
    let lang = app.lang;
    let theme = app.theme;
    let x = body.x + body.width.saturating_sub(HOME_W) / 2;
    let w = usize::from(HOME_W.min(body.width));
    let Some(home) = &s.home else {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::HomeEmpty
        };
        put(frame, x, body.y + 1, text.get(lang), w, theme.dim());
        return;
    };
    if let Some(own) = &home.own {
        put(
            frame,
            x,
            body.y + 1,
            T::HomeOwnEnterprise.get(lang),
            w,
            theme.heading(),
        );
        let d = super::detail_view::profile_lines(own, lang, app.session.as_ref());
        for (i, (label, value)) in d.iter().take(usize::from(body.height) - 4).enumerate() {
            let y = body.y + 3 + i as u16;
            put(frame, x, y, label, 18, theme.label());
            crate::tui::draw::put_db(frame, x + 18, y, value, w - 18, theme.base());
        }
        return;
    }
    let mut y = body.y + 1;
    for (i, task) in home.tasks.iter().enumerate() {
        if i == 0 {
            put(frame, x, y, T::HomeAlerts.get(lang), w, theme.heading());
            y += 1;
        } else if task.kind.is_alert() != home.tasks[i - 1].kind.is_alert() {
            y += 1;
            put(frame, x, y, T::HomeOverview.get(lang), w, theme.heading());
            y += 1;
        }
        if y >= body.bottom() {
            break;
        }
        let label = task.kind.label().get(lang);
        let line = format!(
            "  {}{}",
            fit(label, w - 12),
            fit_right(&count(task.count), 8)
        );
        let style = if i == s.selected {
            theme.selected()
        } else if task.kind.is_alert() && task.count > 0 {
            theme.warning()
        } else if task.count == 0 {
            theme.dim()
        } else {
            theme.base()
        };
        put_fit(frame, x, y, &line, w, style);
        y += 1;
    }
}
