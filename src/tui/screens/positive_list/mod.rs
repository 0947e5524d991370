//! 正面清单 screens: the entries list (filter by state, reviews due) and one entry with its criteria,
//! timeline and triggers, where the role's transitions are offered (destructive ones asked first).
pub mod form;
pub mod view;

use crate::domain::positive_list::{EntryState, RemovalCause, Transition};
use crate::i18n::{T, Text};
use crate::service::positive_list::EntryDetail;
use crate::store::positive_list::Entry;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::overlays::positive_list::reason::ReasonState;
use crate::tui::overlays::positive_list::trigger::TriggerState;
use crate::tui::overlays::{Chosen, Overlay};
use crate::tui::screens::assistance::AssistanceFormState;
use crate::tui::screens::full_text::FullTextState;
use crate::tui::widgets::list_state::{Find, Moved, step};

/// What the 正面清单 screens ask the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositiveListEffect {
    LoadEntries(PositiveListFilter),
    LoadEntry {
        id: i64,
    },
    Transition {
        id: i64,
        row_version: i64,
        transition: Transition,
        reason: String,
        /// Why an entry leaves the list (removals and failed reviews).
        cause: Option<RemovalCause>,
    },
    /// Record a trigger event against a listed entry.
    Trigger {
        id: i64,
        kind: crate::domain::positive_list::TriggerKind,
        reference: String,
        /// YYYY-MM-DD as typed; empty means today.
        occurred_on: String,
        handling: crate::domain::positive_list::Handling,
        note: String,
    },
    /// Propose the enterprise as a candidate of the newest batch.
    Propose {
        enterprise_id: i64,
    },
    /// The enterprise account applies itself to the newest batch, with its note and contact.
    Apply {
        note: String,
        contact: String,
        offsite: String,
    },
    /// The enterprise withdraws its application while a candidate.
    Withdraw {
        id: i64,
        row_version: i64,
        reason: String,
    },
    /// Writes the list as shown (its filter) for public notice, as CSV and XLSX side by side.
    Export {
        filter: PositiveListFilter,
        lang: crate::i18n::Lang,
    },
    /// Open a batch with the name and note typed (an empty name: the next of this year).
    NewBatch {
        name: String,
        note: String,
    },
    /// Set an entry's off-site supervision means.
    SetOffsite {
        id: i64,
        row_version: i64,
        means: String,
    },
    LoadBatches,
}

/// What the runtime answers the 正面清单 screens.
// Moved once per message, like the flat `Msg` it came from: the detail variant stays unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositiveListMsg {
    EntriesLoaded(Result<Vec<Entry>, Text>),
    EntryLoaded {
        id: i64,
        data: Result<EntryDetail, Text>,
    },
    BatchesLoaded(Result<Vec<crate::store::positive_list::Batch>, Text>),
    /// A positive-list change was made (with its message) or refused (with the reason).
    Done(Result<Text, Text>),
}

/// Which entries the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PositiveListFilter {
    pub state: Option<EntryState>,
    /// Listed entries whose review is due within 30 days.
    pub due_only: bool,
    /// Entries under notice ending within 7 days (today included; ended notices are not).
    pub notice_ending: bool,
    /// Entries whose notice is over, awaiting 纳入 or a decision.
    pub notice_over: bool,
    /// Entries with a removal proposal awaiting a supervisor (the home screen's line).
    pub pending_removal: bool,
    /// One batch (id, name), when opened from the batches screen.
    pub batch: Option<(i64, String)>,
    /// One region (the region filter cycles through the session's regions).
    pub region: Option<String>,
    /// The `/` find applied (enterprise name, pinyin initials or USCC).
    pub find: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PositiveListState {
    pub filter: PositiveListFilter,
    pub rows: Vec<Entry>,
    pub selected: usize,
    pub loading: bool,
    /// The `/` find line.
    pub find: Find,
}

fn load(filter: &PositiveListFilter) -> Effect {
    Effect::PositiveList(PositiveListEffect::LoadEntries(filter.clone()))
}

impl PositiveListState {
    pub fn open(filter: PositiveListFilter) -> Out {
        let fx = load(&filter);
        let state = PositiveListState {
            filter,
            loading: true,
            ..PositiveListState::default()
        };
        Out::nav(Nav::Push(Screen::PositiveList(state))).with_effect(fx)
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(load(&self.filter))
    }

    pub fn loaded(&mut self, result: Result<Vec<Entry>, Text>) -> Out {
        self.loading = false;
        match result {
            Ok(rows) => {
                self.selected = self.selected.min(rows.len().saturating_sub(1));
                self.rows = rows;
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    /// All states, then each state in turn.
    fn next_state(&mut self) {
        let all = EntryState::ALL;
        self.filter.state = match self.filter.state {
            None => all.first().copied(),
            Some(s) => all
                .iter()
                .position(|x| *x == s)
                .and_then(|i| all.get(i + 1).copied()),
        };
    }

    pub fn debounced(&mut self, token: u64) -> Out {
        if self.find.debounced(token) {
            return self.refind();
        }
        Out::default()
    }

    fn refind(&mut self) -> Out {
        self.filter.find = self.find.applied.clone();
        self.selected = 0;
        self.reload()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.find.active {
            let (out, apply) = self.find.on_input(env, input);
            return if apply { self.refind() } else { out };
        }
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        if step(
            &mut self.selected,
            self.rows.len(),
            cmd,
            env.list_rows(),
            false,
        ) != Moved::No
        {
            return Out::default();
        }
        match cmd {
            Cmd::Find => self.find.open(),
            Cmd::FullText => {
                if let Some(x) = self.rows.get(self.selected) {
                    let regions = env.session.map(|s| s.regions.as_slice()).unwrap_or(&[]);
                    return FullTextState::open(view::list_full_text(x, regions, env.lang));
                }
            }
            Cmd::Back if self.find.clear() => return self.refind(),
            Cmd::Refresh => return self.reload(),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::Filter => {
                self.next_state();
                self.filter.due_only = false;
                self.filter.notice_ending = false;
                self.filter.notice_over = false;
                self.filter.pending_removal = false;
                self.selected = 0;
                return self.reload();
            }
            Cmd::PositiveListRegion => {
                let regions: Vec<String> = env
                    .session
                    .map(|s| {
                        s.regions
                            .iter()
                            .filter(|r| r.kind != "city")
                            .map(|r| r.code.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                self.filter.region = match &self.filter.region {
                    None => regions.first().cloned(),
                    Some(cur) => regions
                        .iter()
                        .position(|r| r == cur)
                        .and_then(|i| regions.get(i + 1).cloned()),
                };
                self.selected = 0;
                return self.reload();
            }
            Cmd::PositiveListBatches => return PositiveListBatchesState::open(),
            Cmd::PositiveListDueOnly => {
                self.filter = PositiveListFilter {
                    due_only: !self.filter.due_only,
                    region: self.filter.region.clone(),
                    find: self.filter.find.clone(),
                    ..PositiveListFilter::default()
                };
                self.selected = 0;
                return self.reload();
            }
            Cmd::PositiveListNewBatch => {
                return AssistanceFormState::positive_list_new_batch();
            }
            Cmd::PositiveListExport => {
                return Out::effect(Effect::PositiveList(PositiveListEffect::Export {
                    filter: self.filter.clone(),
                    lang: env.lang,
                }))
                .with_message(Message::progress(T::MsgLoading));
            }
            Cmd::Open => {
                if let Some(x) = self.rows.get(self.selected) {
                    return PositiveListEntryState::open(x.id);
                }
            }
            _ => {}
        }
        Out::default()
    }

    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositiveListEntryState {
    pub id: i64,
    pub data: Option<EntryDetail>,
    pub scroll: usize,
    pub loading: bool,
}

impl PositiveListEntryState {
    pub fn open(id: i64) -> Out {
        let state = PositiveListEntryState {
            id,
            data: None,
            scroll: 0,
            loading: true,
        };
        Out::nav(Nav::Push(Screen::PositiveListEntry(state)))
            .with_effect(Effect::PositiveList(PositiveListEffect::LoadEntry { id }))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::PositiveList(PositiveListEffect::LoadEntry {
            id: self.id,
        }))
    }

    pub fn loaded(&mut self, data: Result<EntryDetail, Text>) -> Out {
        self.loading = false;
        match data {
            Ok(d) => {
                self.data = Some(d);
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    /// Whether the record's action bar offers a command now: a transition only when the service
    /// listed it for this person in this state, a trigger only on a listed entry.
    pub fn permits(&self, cmd: Cmd) -> bool {
        let Some(d) = &self.data else {
            return Self::transition(cmd).is_none() && cmd != Cmd::PositiveListTrigger;
        };
        match Self::transition(cmd) {
            Some(t) => d.offered.contains(&t),
            None if cmd == Cmd::PositiveListTrigger => {
                EntryState::parse(&d.entry.state).is_some_and(EntryState::is_listed)
            }
            None => true,
        }
    }

    /// The transition a command asks for.
    fn transition(cmd: Cmd) -> Option<Transition> {
        Some(match cmd {
            Cmd::PositiveListStartNotice => Transition::StartNotice,
            Cmd::PositiveListAdmit => Transition::Admit,
            Cmd::PositiveListObjection => Transition::UpholdObjection,
            Cmd::PositiveListStartReview => Transition::StartReview,
            Cmd::PositiveListPassReview => Transition::PassReview,
            Cmd::PositiveListFailReview => Transition::FailReview,
            Cmd::PositiveListRemove => Transition::Remove,
            _ => return None,
        })
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let page = env.list_rows().max(1);
        match cmd {
            Cmd::Up => self.scroll = self.scroll.saturating_sub(1),
            Cmd::Down => self.scroll += 1,
            Cmd::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Cmd::PageDown => self.scroll += page,
            Cmd::First => self.scroll = 0,
            Cmd::Refresh => return self.reload(),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::PositiveListOffsite => {
                if let Some(d) = &self.data {
                    let x = &d.entry;
                    return AssistanceFormState::positive_list_offsite(
                        x.id,
                        x.row_version,
                        &x.offsite_means,
                    );
                }
            }
            Cmd::PositiveListWithdraw => {
                if let Some(d) = &self.data {
                    let x = &d.entry;
                    if x.state != EntryState::Candidate.code() || x.origin != "applied" {
                        let state =
                            EntryState::parse(&x.state).map_or(T::ListNone, EntryState::label);
                        return Out::message(Message::error(
                            Text::new(T::ErrPlWithdrawState).arg_key("state", state),
                        ));
                    }
                    return AssistanceFormState::positive_list_withdraw(x.id, x.row_version);
                }
            }
            Cmd::PositiveListTrigger => {
                if let Some(d) = &self.data {
                    let x = &d.entry;
                    if !EntryState::parse(&x.state).is_some_and(EntryState::is_listed) {
                        return Out::message(Message::error(Text::new(T::ErrPlNotListed)));
                    }
                    return Out::nav(Nav::Open(Overlay::PositiveListTrigger(TriggerState::new(
                        x.id,
                        &x.enterprise_name,
                    ))));
                }
            }
            other => {
                if let (Some(t), Some(d)) = (Self::transition(other), &self.data) {
                    let x = &d.entry;
                    let from = EntryState::parse(&x.state);
                    if from.and_then(|s| t.apply(s)).is_none() {
                        let state = from.map_or(T::ListNone, EntryState::label);
                        return Out::message(Message::error(
                            Text::new(T::ErrPlTransition)
                                .arg_key("state", state)
                                .arg_key("action", t.label()),
                        ));
                    }
                    // 纳入 before the notice is over: said at once, not after a confirmation.
                    if t == Transition::Admit && !d.offered.contains(&t) {
                        return Out::message(Message::error(Text::new(T::ErrPlNoticeRunning).arg(
                            "date",
                            x.notice_end.map(|d| d.to_string()).unwrap_or_default(),
                        )));
                    }
                    let mut dialog = ReasonState::new(x.id, x.row_version, t, &x.enterprise_name);
                    if t == Transition::UpholdObjection && d.notice_over {
                        dialog.late_after = x.notice_end.map(|d| d.to_string());
                    }
                    // A removal proposed after a filed case starts with that cause.
                    if dialog.cause.is_some() && !x.removal_proposal.is_empty() {
                        dialog.cause = Some(RemovalCause::CaseFiled);
                    }
                    return Out::nav(Nav::Open(Overlay::PositiveListReason(dialog)));
                }
            }
        }
        Out::default()
    }

    pub fn from_overlay(&mut self, chosen: Chosen) -> Out {
        match chosen {
            Chosen::PositiveListTransition {
                id,
                row_version,
                transition,
                reason,
                cause,
            } if id == self.id => {
                Out::effect(Effect::PositiveList(PositiveListEffect::Transition {
                    id,
                    row_version,
                    transition,
                    reason,
                    cause,
                }))
                .with_message(Message::progress(T::MsgLoading))
            }
            Chosen::PositiveListTrigger {
                id,
                kind,
                reference,
                occurred_on,
                handling,
                note,
            } if id == self.id => Out::effect(Effect::PositiveList(PositiveListEffect::Trigger {
                id,
                kind,
                reference,
                occurred_on,
                handling,
                note,
            }))
            .with_message(Message::progress(T::MsgLoading)),
            _ => Out::default(),
        }
    }

    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }
}

/// The batches, newest first, with their entries counted per state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PositiveListBatchesState {
    pub rows: Vec<crate::store::positive_list::Batch>,
    pub selected: usize,
    pub loading: bool,
}

impl PositiveListBatchesState {
    pub fn open() -> Out {
        let state = PositiveListBatchesState {
            loading: true,
            ..PositiveListBatchesState::default()
        };
        Out::nav(Nav::Push(Screen::PositiveListBatches(state)))
            .with_effect(Effect::PositiveList(PositiveListEffect::LoadBatches))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::PositiveList(PositiveListEffect::LoadBatches))
    }

    pub fn loaded(&mut self, result: Result<Vec<crate::store::positive_list::Batch>, Text>) -> Out {
        self.loading = false;
        match result {
            Ok(rows) => {
                self.selected = self.selected.min(rows.len().saturating_sub(1));
                self.rows = rows;
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let last = self.rows.len().saturating_sub(1);
        match cmd {
            Cmd::Up => self.selected = self.selected.saturating_sub(1),
            Cmd::Down => self.selected = (self.selected + 1).min(last),
            Cmd::First => self.selected = 0,
            Cmd::Last => self.selected = last,
            Cmd::Refresh => return self.reload(),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::PositiveListNewBatch => {
                return AssistanceFormState::positive_list_new_batch();
            }
            Cmd::Open => {
                if let Some(b) = self.rows.get(self.selected) {
                    return PositiveListState::open(PositiveListFilter {
                        batch: Some((b.id, b.name.clone())),
                        ..PositiveListFilter::default()
                    });
                }
            }
            _ => {}
        }
        Out::default()
    }

    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }
}
