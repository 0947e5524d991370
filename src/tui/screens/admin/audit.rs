//! 审计日志: the hash-chained log, newest first, paged by sequence number (keyset, never loaded whole);
//! Enter shows one entry with its before/after JSON; `v` verifies the whole chain and reports the rows
//! checked and the first broken link.

use crate::i18n::{T, Text};
use crate::store::audit::{AuditRow, BrokenLink, ChainReport};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::admin::AdminEffect;
use crate::tui::text::count;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditState {
    pub rows: Vec<AuditRow>,
    pub selected: usize,
    /// The page shown starts before this sequence number (`None`: the newest page).
    pub before: Option<i64>,
    /// The starts of the newer pages, for paging back up.
    newer: Vec<Option<i64>>,
    /// Older entries follow this page.
    pub has_older: bool,
    pub loading: bool,
    req: u64,
    /// Where the selection goes once the requested page arrives: the top or the bottom row.
    select_last: bool,
}

impl AuditState {
    pub fn open(env: &mut Env<'_>) -> Out {
        let mut state = AuditState::default();
        let fx = state.request(env, None, false);
        Out::nav(Nav::Push(Screen::Audit(state))).with_effect(fx)
    }

    fn request(&mut self, env: &mut Env<'_>, before: Option<i64>, select_last: bool) -> Effect {
        self.req = env.req();
        self.loading = true;
        self.select_last = select_last;
        self.before = before;
        Effect::Admin(AdminEffect::LoadAudit {
            req: self.req,
            before,
            limit: env.list_rows(),
        })
    }

    pub fn reload(&mut self, env: &mut Env<'_>) -> Out {
        let keep = self.selected;
        let fx = self.request(env, self.before, false);
        self.selected = keep;
        Out::effect(fx)
    }

    fn older(&mut self, env: &mut Env<'_>) -> Option<Effect> {
        let last = self.rows.last()?.seq;
        self.newer.push(self.before);
        Some(self.request(env, Some(last), false))
    }

    fn newer_page(&mut self, env: &mut Env<'_>) -> Option<Effect> {
        let start = self.newer.pop()?;
        Some(self.request(env, start, true))
    }

    pub fn loaded(&mut self, env: &Env<'_>, req: u64, rows: Result<Vec<AuditRow>, Text>) -> Out {
        if req != self.req {
            return Out::default();
        }
        self.loading = false;
        let mut rows = match rows {
            Ok(r) => r,
            Err(text) => return Out::message(Message::error(text)),
        };
        let limit = env.list_rows();
        self.has_older = rows.len() > limit;
        rows.truncate(limit);
        let last = rows.len().saturating_sub(1);
        self.selected = if self.select_last {
            last
        } else {
            self.selected.min(last)
        };
        self.rows = rows;
        Out::default()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let fx = match cmd {
            Cmd::Up if self.selected > 0 => {
                self.selected -= 1;
                None
            }
            Cmd::PageUp if self.newer.is_empty() => {
                self.selected = 0;
                None
            }
            Cmd::Up | Cmd::PageUp => self.newer_page(env),
            Cmd::Down if self.selected + 1 < self.rows.len() => {
                self.selected += 1;
                None
            }
            Cmd::Down | Cmd::PageDown if self.has_older => {
                self.selected = 0;
                self.older(env)
            }
            Cmd::PageDown => {
                self.selected = self.rows.len().saturating_sub(1);
                None
            }
            Cmd::First => {
                self.newer.clear();
                self.selected = 0;
                Some(self.request(env, None, false))
            }
            Cmd::Open => {
                return match self.rows.get(self.selected) {
                    Some(row) => Out::nav(Nav::Push(Screen::AuditEntry(AuditEntryState {
                        row: row.clone(),
                        scroll: 0,
                    }))),
                    None => Out::default(),
                };
            }
            Cmd::Verify => {
                return Out::effect(Effect::Admin(AdminEffect::VerifyAudit))
                    .with_message(Message::progress(T::MsgVerifying));
            }
            Cmd::Refresh => return self.reload(env),
            Cmd::Back => return Out::nav(Nav::Pop),
            _ => None,
        };
        Out {
            effects: fx.into_iter().collect(),
            ..Out::default()
        }
    }
}

/// The message for a verification: rows checked, and the first broken link in words.
pub fn chain_message(result: Result<ChainReport, Text>) -> Message {
    let report = match result {
        Ok(r) => r,
        Err(text) => return Message::error(text),
    };
    let rows = count(report.rows);
    match report.first_broken {
        None => Message::info(Text::new(T::ChainOk).arg("rows", rows)),
        Some(link) => {
            let link = match link {
                BrokenLink::Gap { expected, found } => Text::new(T::LinkGap)
                    .arg("expected", expected)
                    .arg("found", found),
                BrokenLink::PrevHash { seq } => Text::new(T::LinkPrevHash).arg("seq", seq),
                BrokenLink::Hash { seq } => Text::new(T::LinkHash).arg("seq", seq),
                BrokenLink::Head { head_seq, last_seq } => Text::new(T::LinkHead)
                    .arg("head", head_seq)
                    .arg("last", last_seq),
            };
            Message::error(
                Text::new(T::ChainBroken)
                    .arg("rows", rows)
                    .arg_text("link", link),
            )
        }
    }
}

/// One audit entry in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntryState {
    pub row: AuditRow,
    pub scroll: usize,
}

impl AuditEntryState {
    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let page = usize::from(env.size.1.max(24)).saturating_sub(4);
        let max = crate::tui::screens::admin::audit_view::entry_lines(&self.row, env.lang)
            .len()
            .saturating_sub(page);
        match cmd {
            Cmd::Up => self.scroll = self.scroll.saturating_sub(1),
            Cmd::Down => self.scroll = (self.scroll + 1).min(max),
            Cmd::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Cmd::PageDown => self.scroll = (self.scroll + page).min(max),
            Cmd::First => self.scroll = 0,
            Cmd::Last => self.scroll = max,
            Cmd::Back => return Out::nav(Nav::Pop),
            _ => {}
        }
        Out::default()
    }
}
