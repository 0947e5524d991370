//! 危险废物转移联单 screens: the list (filter by state or alert, keyset pages loaded as the selection
//! reaches the end), and the effects and results of the whole module. The detail is in `detail`,
//! the forms in `form` and `action`, approvals and licences in `reference`.
pub mod action;
mod action_register;
pub mod detail;
mod detail_lines;
pub mod fields;
pub mod form;
pub mod form_view;
pub mod reference;
pub mod view;

use crate::domain::manifest::ManifestState;
use crate::domain::manifest::deadlines::ManifestAlert;
use crate::domain::manifest::rules::{EventInput, ManifestEvent};
use crate::i18n::{T, Text};
use crate::service::manifest::{ManifestDetail, ManifestInput, ManifestRow};
use crate::store::manifest::ListFilter;
use crate::store::manifest::reference::{Approval, CodeHit, Licence};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::full_text::FullTextState;
pub use crate::tui::screens::manifest::detail::ManifestDetailState;
pub use crate::tui::screens::manifest::form::ManifestFormState;
pub use crate::tui::screens::manifest::reference::ManifestRefState;
use crate::tui::widgets::list_state::{Find, Moved, step};

/// What the module asks the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestEffect {
    LoadPage {
        filter: ListFilter,
        limit: usize,
    },
    LoadDetail {
        id: i64,
    },
    /// The licences a form offers, and the time the forms propose.
    LoadFormData,
    LoadInput {
        id: i64,
    },
    SearchCodes {
        day: String,
        query: String,
    },
    Save {
        id: Option<(i64, i64)>,
        input: ManifestInput,
        generator_uscc: String,
        acknowledged: bool,
    },
    Transition {
        id: i64,
        row_version: i64,
        event: ManifestEvent,
        input: EventInput,
        acknowledged: bool,
    },
    FollowUp {
        id: i64,
        licence: String,
    },
    LoadRef,
    CreateLicence(crate::service::manifest::reference::LicenceInput),
    CreateApproval(crate::service::manifest::reference::ApprovalInput),
    /// An approved storage extension (manifests extension, mf).
    ExtendStock {
        id: i64,
        input: crate::service::manifest::extension::ExtensionInput,
    },
    /// Write the manifests of the list's tab (one row per waste line) as CSV and XLSX.
    Export {
        filter: ListFilter,
        lang: crate::i18n::Lang,
    },
}

/// What the runtime answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestMsg {
    Page {
        filter: ListFilter,
        /// The rows and, for a first page, how many match (bounded by `MF_LIST_COUNT_CAP`).
        rows: Result<(Vec<ManifestRow>, Option<i64>), Text>,
    },
    Detail {
        id: i64,
        data: Result<Box<ManifestDetailData>, Text>,
    },
    FormData(Result<FormData, Text>),
    Input(Result<ManifestInput, Text>),
    Codes {
        query: String,
        hits: Result<Vec<CodeHit>, Text>,
    },
    /// A save or transition: the message, or the refusal and whether only warnings stood in the way.
    Done(Result<Text, Refusal>),
    Ref(Result<RefData, Text>),
}

/// Approvals, those expiring soon, and licences.
pub type RefData = (Vec<Approval>, Vec<Approval>, Vec<Licence>);

/// A refused change: what to show, and whether acknowledging warnings would let it through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub text: Text,
    pub warnings_only: bool,
}

/// What the forms need from the database: licences to choose from and "now" to propose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormData {
    pub licences: Vec<Licence>,
    pub today: String,
    pub now: String,
}

/// The detail with the local time the action forms propose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestDetailData {
    pub detail: ManifestDetail,
    pub now: String,
}

/// A filter of the list: everything, one state, or one alert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    All,
    State(ManifestState),
    Alert(ManifestAlert),
}

impl Tab {
    pub const ALL: [Tab; 16] = [
        Tab::All,
        Tab::State(ManifestState::Draft),
        Tab::State(ManifestState::PendingTransport),
        Tab::State(ManifestState::InTransit),
        Tab::State(ManifestState::AwaitingReceipt),
        Tab::State(ManifestState::Discrepancy),
        Tab::State(ManifestState::Received),
        Tab::State(ManifestState::Completed),
        Tab::State(ManifestState::Rejected),
        Tab::State(ManifestState::Cancelled),
        Tab::State(ManifestState::PendingBackfill),
        Tab::Alert(ManifestAlert::ReceiptOverdue),
        Tab::Alert(ManifestAlert::TransitTooLong),
        Tab::Alert(ManifestAlert::BackfillOverdue),
        Tab::Alert(ManifestAlert::StockAging),
        Tab::Alert(ManifestAlert::StockOverdue),
    ];

    pub fn label(self) -> T {
        match self {
            Tab::All => T::All,
            Tab::State(s) => s.label(),
            Tab::Alert(a) => a.label(),
        }
    }

    /// The list filter the tab shows (also measured by the benchmark).
    pub fn filter(self) -> ListFilter {
        match self {
            Tab::All => ListFilter::default(),
            Tab::State(s) => ListFilter {
                state: Some(s),
                ..ListFilter::default()
            },
            Tab::Alert(a) => ListFilter {
                alert: Some(a),
                ..ListFilter::default()
            },
        }
    }
}

/// The manifest list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestListState {
    pub tab: usize,
    pub rows: Vec<ManifestRow>,
    pub total: i64,
    pub selected: usize,
    pub loading: bool,
    /// No more pages after the loaded rows.
    pub complete: bool,
    /// The `/` find: generator or receiver (name, pinyin initials, USCC) or the number.
    pub find: Find,
}

/// Rows one page loads.
pub const PAGE: usize = 50;

impl ManifestListState {
    pub fn open(tab: Tab) -> Out {
        let mut s = ManifestListState {
            tab: Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0),
            rows: Vec::new(),
            total: 0,
            selected: 0,
            loading: false,
            complete: false,
            find: Find::default(),
        };
        let fx = s.load(None);
        Out::nav(Nav::Push(Screen::ManifestList(s))).with_effect(fx)
    }

    pub fn current(&self) -> Tab {
        Tab::ALL[self.tab % Tab::ALL.len()]
    }

    fn load(&mut self, before_id: Option<i64>) -> Effect {
        self.loading = true;
        Effect::Manifest(ManifestEffect::LoadPage {
            filter: self.filter(before_id),
            limit: PAGE,
        })
    }

    /// The filter of the tab with the find, from `before_id` on.
    pub fn filter(&self, before_id: Option<i64>) -> ListFilter {
        ListFilter {
            before_id,
            find: self.find.applied.clone(),
            ..self.current().filter()
        }
    }

    pub fn reload(&mut self) -> Out {
        self.complete = false;
        Out::effect(self.load(None))
    }

    pub fn debounced(&mut self, token: u64) -> Out {
        if self.find.debounced(token) {
            return self.switch(self.tab);
        }
        Out::default()
    }

    pub fn loaded(
        &mut self,
        filter: &ListFilter,
        rows: Result<(Vec<ManifestRow>, Option<i64>), Text>,
    ) -> Out {
        let expected = self.current().filter();
        if filter.state != expected.state
            || filter.alert != expected.alert
            || filter.find != self.find.applied
        {
            return Out::default();
        }
        self.loading = false;
        match rows {
            Ok((rows, total)) => {
                self.complete = rows.len() < PAGE;
                if let Some(total) = total {
                    self.total = total;
                }
                if filter.before_id.is_none() {
                    self.rows = rows;
                } else {
                    self.rows.extend(rows);
                }
                self.selected = self.selected.min(self.rows.len().saturating_sub(1));
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// Loads the next page when the selection reaches the last loaded row.
    fn more(&mut self) -> Out {
        if self.loading || self.complete || self.selected + 1 < self.rows.len() {
            return Out::default();
        }
        let last = self.rows.last().map(|r| r.manifest.id);
        Out::effect(self.load(last))
    }

    fn switch(&mut self, tab: usize) -> Out {
        self.tab = tab % Tab::ALL.len();
        self.selected = 0;
        // Never show one filter's rows under another's label.
        self.rows.clear();
        self.total = 0;
        self.reload()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.find.active {
            let (out, apply) = self.find.on_input(env, input);
            return if apply { self.switch(self.tab) } else { out };
        }
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let n = Tab::ALL.len();
        match step(
            &mut self.selected,
            self.rows.len(),
            cmd,
            env.list_rows(),
            !self.complete,
        ) {
            Moved::More => return self.more(),
            Moved::Yes => return Out::default(),
            Moved::No => {}
        }
        match cmd {
            Cmd::Find => self.find.open(),
            Cmd::NextValue => return self.switch(self.tab + 1),
            Cmd::PrevValue => return self.switch(self.tab + n - 1),
            Cmd::Refresh => return self.reload(),
            Cmd::Back if self.find.clear() => return self.switch(self.tab),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::FullText => {
                if let Some(r) = self.rows.get(self.selected) {
                    return FullTextState::open(view::list_full_text(r, env.lang));
                }
            }
            Cmd::Open => {
                if let Some(r) = self.rows.get(self.selected) {
                    return ManifestDetailState::open(r.manifest.id);
                }
            }
            Cmd::ManifestNew => return ManifestFormState::new_manifest(env),
            Cmd::ManifestRef => return ManifestRefState::open(),
            Cmd::ManifestExport => {
                return Out::effect(Effect::Manifest(ManifestEffect::Export {
                    filter: ListFilter {
                        find: self.find.applied.clone(),
                        ..self.current().filter()
                    },
                    lang: env.lang,
                }))
                .with_message(Message::progress(T::ReportWriting));
            }
            _ => {}
        }
        Out::default()
    }
}

/// Hands a result of the module to the screen it is for.
pub fn on_msg(screen: &mut Screen, msg: &ManifestMsg, top: bool) -> Out {
    match (screen, msg) {
        (Screen::ManifestList(l), ManifestMsg::Page { filter, rows }) => {
            l.loaded(filter, rows.clone())
        }
        (Screen::ManifestDetail(d), ManifestMsg::Detail { id, data }) if d.id == *id => {
            d.loaded(data.clone())
        }
        (Screen::ManifestForm(f), ManifestMsg::FormData(r)) if top => f.form_data(r.clone()),
        (Screen::ManifestForm(f), ManifestMsg::Input(r)) if top => f.input_loaded(r.clone()),
        (Screen::ManifestForm(f), ManifestMsg::Codes { query, hits }) if top => {
            f.codes(query, hits.clone())
        }
        (Screen::ManifestForm(f), ManifestMsg::Done(r)) if top => f.done(r.clone()),
        (Screen::ManifestAction(f), ManifestMsg::Done(r)) if top => f.done(r.clone()),
        (Screen::ManifestDetail(d), ManifestMsg::Done(r)) if top => d.done(r.clone()),
        (Screen::ManifestRef(s), ManifestMsg::Ref(r)) => s.loaded(r.clone()),
        _ => Out::default(),
    }
}
