//! The 360° view of one enterprise: profile, former names and audit history (bureau roles only).
//! Later modules add their sections here. Scrolls; edit and delete open from it.

use crate::i18n::{T, Text};
use crate::tui::app::{Env, Input, Message, Nav, Out};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::overlays::delete::DeleteState;
use crate::tui::overlays::{Chosen, Overlay};
use crate::tui::screens::enterprise::DetailData;
use crate::tui::screens::enterprise::EnterpriseEffect;
use crate::tui::screens::enterprise::detail_view;
use crate::tui::screens::enterprise::form::FormState;
use crate::tui::screens::positive_list::PositiveListEffect;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailState {
    pub id: i64,
    pub data: Option<DetailData>,
    /// First line shown.
    pub scroll: usize,
    pub loading: bool,
}

impl DetailState {
    pub fn open(id: i64) -> (DetailState, Effect) {
        let state = DetailState {
            id,
            data: None,
            scroll: 0,
            loading: true,
        };
        (
            state,
            Effect::Enterprise(EnterpriseEffect::LoadDetail { id }),
        )
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Enterprise(EnterpriseEffect::LoadDetail {
            id: self.id,
        }))
    }

    pub fn loaded(&mut self, data: Result<DetailData, Text>) -> Out {
        self.loading = false;
        match data {
            Ok(d) => {
                self.data = Some(d);
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    /// Lines the body shows at once (the whole body: the view has no header).
    fn page(env: &Env<'_>) -> usize {
        usize::from(env.size.1.max(24)).saturating_sub(3)
    }

    fn max_scroll(&self, env: &Env<'_>) -> usize {
        let lines = self
            .data
            .as_ref()
            .map_or(0, |d| detail_view::line_count(d, env.session));
        lines.saturating_sub(Self::page(env))
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let max = self.max_scroll(env);
        let page = Self::page(env).saturating_sub(1).max(1);
        match cmd {
            Cmd::Up => self.scroll = self.scroll.saturating_sub(1),
            Cmd::Down => self.scroll = (self.scroll + 1).min(max),
            Cmd::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Cmd::PageDown => self.scroll = (self.scroll + page).min(max),
            Cmd::First => self.scroll = 0,
            Cmd::Last => self.scroll = max,
            Cmd::Refresh => return self.reload(),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::Edit => {
                if let Some(d) = &self.data {
                    return FormState::open_edit(&d.enterprise);
                }
            }
            Cmd::ExportDossier => {
                return Out::effect(Effect::Enterprise(EnterpriseEffect::ExportDossier {
                    id: self.id,
                    lang: env.lang,
                }))
                .with_message(Message::progress(crate::i18n::T::MsgWritingFile));
            }
            Cmd::PositiveListPropose => {
                if let Some(d) = &self.data {
                    return Out::effect(Effect::PositiveList(PositiveListEffect::Propose {
                        enterprise_id: d.enterprise.id,
                    }))
                    .with_message(Message::progress(T::MsgLoading));
                }
            }
            Cmd::Delete => {
                if let Some(d) = &self.data {
                    let e = &d.enterprise;
                    return Out::nav(Nav::Open(Overlay::Delete(DeleteState::new(
                        e.id,
                        e.row_version,
                        &e.name,
                    ))));
                }
            }
            _ => {}
        }
        Out::default()
    }

    pub fn from_overlay(&mut self, _env: &mut Env<'_>, chosen: Chosen) -> Out {
        match chosen {
            Chosen::Delete {
                id,
                row_version,
                reason,
            } if id == self.id => Out::effect(Effect::Enterprise(EnterpriseEffect::Delete {
                id,
                row_version,
                reason,
            }))
            .with_message(Message::progress(T::MsgDeleting)),
            _ => Out::default(),
        }
    }

    /// A positive-list proposal made from this view came back.
    pub fn list_done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }

    pub fn deleted(&mut self, result: Result<(), Text>) -> Out {
        match result {
            Ok(()) => Out::nav(Nav::Pop).with_message(Message::info(T::MsgDeleted)),
            Err(text) => Out::message(Message::error(text)),
        }
    }
}
