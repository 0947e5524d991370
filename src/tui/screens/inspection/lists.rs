//! The enterprise account's rectification orders and the 双随机 draws screen.

use crate::export::Format;
use crate::i18n::{T, Text};
use crate::service::inspection::draw::DrawDetail;
use crate::store::inspection::draw::Draw;
use crate::store::inspection::followup::Rectification;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::inspection::InspectionEffect;
use crate::tui::screens::inspection::{InspectionFormState, InspectionQuery};
use crate::tui::widgets::list_state::{Find, Moved, matches, step};

/// An enterprise account's rectification orders; Enter writes the rectification report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RectListState {
    pub rows: Vec<Rectification>,
    pub selected: usize,
    pub loading: bool,
}

impl RectListState {
    pub fn open() -> Out {
        let s = RectListState {
            rows: Vec::new(),
            selected: 0,
            loading: true,
        };
        Out::nav(Nav::Push(Screen::RectList(s))).with_effect(Effect::Inspection(
            InspectionEffect::Load(InspectionQuery::Rects),
        ))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Rects,
        )))
    }

    pub fn loaded(&mut self, rows: Result<Vec<Rectification>, Text>) -> Out {
        self.loading = false;
        match rows {
            Ok(rows) => {
                self.selected = self.selected.min(rows.len().saturating_sub(1));
                self.rows = rows;
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        match input {
            Input::Cmd(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1));
            }
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Open) => {
                if let Some(r) = self.rows.get(self.selected) {
                    if r.result.is_some() {
                        return Out::message(Message::warning(Text::new(
                            T::InspectionErrRecheckDone,
                        )));
                    }
                    return InspectionFormState::report(r);
                }
            }
            _ => {}
        }
        Out::default()
    }
}

/// The 双随机 screen: draws (newest first) and the selected draw's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawsState {
    pub rows: Vec<Draw>,
    pub selected: usize,
    pub detail: Option<DrawDetail>,
    pub loading: bool,
    /// The format `e` (the draw) and `p` (its results) write: CSV or XLSX, switched with `x`.
    pub format: Format,
    /// The `/` find: plan name, operator or draw number (or pinyin initials).
    pub find: Find,
}

impl DrawsState {
    pub fn open() -> Out {
        let s = DrawsState {
            rows: Vec::new(),
            selected: 0,
            detail: None,
            loading: true,
            format: Format::Csv,
            find: Find::default(),
        };
        Out::nav(Nav::Push(Screen::Draws(s))).with_effect(Effect::Inspection(
            InspectionEffect::Load(InspectionQuery::Draws),
        ))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Inspection(InspectionEffect::Load(
            InspectionQuery::Draws,
        )))
    }

    pub fn loaded(&mut self, rows: Result<Vec<Draw>, Text>) -> Out {
        self.loading = false;
        match rows {
            Ok(mut rows) => {
                let q = self.find.applied.clone();
                rows.retain(|d| matches(&q, &[&d.plan_name, &d.operator_name, &d.id.to_string()]));
                self.selected = self.selected.min(rows.len().saturating_sub(1));
                self.rows = rows;
                match self.rows.get(self.selected) {
                    Some(d) => Out::effect(Effect::Inspection(InspectionEffect::Load(
                        InspectionQuery::Draw { id: d.id },
                    ))),
                    None => Out::default(),
                }
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    pub fn detail_loaded(&mut self, d: Result<Box<DrawDetail>, Text>) -> Out {
        match d {
            Ok(d) => {
                self.detail = Some(*d);
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }

    /// The officers a plan may name came back: open the plan form.
    pub fn pool_loaded(&mut self, env: &Env<'_>, rows: Result<Vec<(i64, String)>, Text>) -> Out {
        let regions = env.session.map(|s| s.regions.as_slice()).unwrap_or(&[]);
        match rows {
            Ok(rows) => InspectionFormState::draw_plan(&rows, regions)
                .with_message(Message::info(Text::new(T::DrawPoolHint))),
            Err(t) => Out::message(Message::error(t)),
        }
    }

    fn select(&mut self, i: usize) -> Out {
        self.selected = i;
        self.detail = None;
        match self.rows.get(i) {
            Some(d) => Out::effect(Effect::Inspection(InspectionEffect::Load(
                InspectionQuery::Draw { id: d.id },
            ))),
            None => Out::default(),
        }
    }

    pub fn debounced(&mut self, token: u64) -> Out {
        if self.find.debounced(token) {
            self.selected = 0;
            return self.reload();
        }
        Out::default()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.find.active {
            let (out, apply) = self.find.on_input(env, input);
            if apply {
                self.selected = 0;
                return self.reload();
            }
            return out;
        }
        let id = self.rows.get(self.selected).map(|d| d.id);
        if let Input::Cmd(cmd) = input {
            let mut at = self.selected;
            if step(&mut at, self.rows.len(), cmd, 5, false) != Moved::No {
                return if at == self.selected {
                    Out::default()
                } else {
                    self.select(at)
                };
            }
        }
        match input {
            Input::Cmd(Cmd::Find) => self.find.open(),
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Back) if self.find.clear() => return self.reload(),
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::NewDraw) if env.may(crate::domain::account::Action::DrawManage) => {
                // The plan form offers the officers eligible today for its pool.
                return Out::effect(Effect::Inspection(InspectionEffect::Load(
                    InspectionQuery::DrawPool,
                )))
                .with_message(Message::progress(T::MsgLoading));
            }
            Input::Cmd(Cmd::DrawVerify) => {
                if let Some(id) = id {
                    return Out::effect(Effect::Inspection(InspectionEffect::Do(
                        crate::tui::screens::inspection::form::InspectionRequest::Verify { id },
                    )))
                    .with_message(Message::progress(T::MsgLoading));
                }
            }
            Input::Cmd(Cmd::DrawExport) => {
                if let Some(id) = id {
                    return Out::effect(Effect::Inspection(InspectionEffect::Do(
                        crate::tui::screens::inspection::form::InspectionRequest::Export {
                            id,
                            format: self.format,
                        },
                    )));
                }
            }
            Input::Cmd(Cmd::DrawFormat) => {
                self.format = match self.format {
                    Format::Csv => Format::Xlsx,
                    _ => Format::Csv,
                };
            }
            Input::Cmd(Cmd::DrawPublish) if env.may(crate::domain::account::Action::DrawManage) => {
                if let Some(id) = id {
                    return crate::tui::widgets::confirm::ask(
                        Text::new(T::ConfirmDrawPublish).arg("id", id),
                        T::ButtonPublish,
                    );
                }
            }
            _ => {}
        }
        Out::default()
    }

    /// Publishing confirmed: the selected draw's results are written now.
    pub fn proceed(&mut self) -> Out {
        match self.rows.get(self.selected).map(|d| d.id) {
            Some(id) => Out::effect(Effect::Inspection(InspectionEffect::Do(
                crate::tui::screens::inspection::form::InspectionRequest::Publish {
                    id,
                    format: self.format,
                },
            )))
            .with_message(Message::progress(T::MsgLoading)),
            None => Out::default(),
        }
    }
}
