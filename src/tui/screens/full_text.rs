//! A list row's full text (`v`): every column's title and whole value in the detail pane, so text a
//! column cut is never out of reach.

use crate::tui::app::{App, Env, Input, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::widgets::detail::{self, Item, Scroll};
use ratatui::Frame;
use ratatui::layout::Rect;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FullTextState {
    /// (column title, whole value).
    pub pairs: Vec<(String, String)>,
    pub scroll: Scroll,
}

impl FullTextState {
    pub fn open(pairs: Vec<(String, String)>) -> Out {
        Out::nav(Nav::Push(Screen::FullText(FullTextState {
            pairs,
            scroll: Scroll::default(),
        })))
    }

    pub fn items(&self) -> Vec<Item> {
        self.pairs
            .iter()
            .map(|(l, v)| Item::Field(l.clone(), v.clone()))
            .collect()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let body = detail::body(env.size);
        let lines = detail::height(&self.items(), body.width);
        if !self.scroll.on_cmd(cmd, lines, usize::from(body.height))
            && matches!(cmd, Cmd::Back | Cmd::Open | Cmd::FullText)
        {
            return Out::nav(Nav::Pop);
        }
        Out::default()
    }
}

pub fn render(frame: &mut Frame<'_>, body: Rect, app: &App, s: &FullTextState) {
    detail::render(frame, body, &s.items(), s.scroll, app.lang, app.theme);
}
