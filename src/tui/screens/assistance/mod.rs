//! 帮扶 screens: the queue (tabs by state, near due, overdue), a request's detail with its timeline and
//! the actions the person may take (the form is in `form`). The service refuses whatever the role may not do; these screens
//! only offer what it would allow.
pub mod form;
mod form_confirm;
pub(crate) mod form_search;
pub mod meeting;
pub mod meeting_form;
pub mod meeting_view;
pub mod view;

use crate::domain::assistance::Event;
use crate::i18n::{T, Text};
use crate::service::assistance::{Queue, QueueRow, RequestDetail};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
pub use crate::tui::screens::assistance::form::{
    AssistanceFormState, Choice, FieldKind, FormField, Purpose,
};
use crate::tui::screens::full_text::FullTextState;
use crate::tui::widgets::detail::{self, Scroll};
use crate::tui::widgets::list_state::{Find, Moved, step};

/// What the 帮扶 and 圆桌座谈 screens ask the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssistanceEffect {
    /// The first page of a queue narrowed by the `/` find (empty: none).
    LoadQueue {
        queue: Queue,
        find: String,
    },
    /// The page of a queue after the rows shown.
    LoadQueueMore {
        queue: Queue,
        find: String,
        after: crate::store::assistance::queue::QueueCursor,
    },
    LoadDetail {
        id: i64,
    },
    LoadServiceMenu,
    FileRequest {
        /// The enterprise bureau staff typed (name, USCC or pinyin initials); enterprise accounts
        /// file for their own.
        enterprise_uscc: Option<String>,
        /// The person confirmed filing for a 停产 enterprise.
        confirmed: bool,
        draft: crate::domain::assistance::RequestDraft,
    },
    Transition {
        id: i64,
        row_version: i64,
        event: Event,
        input: crate::domain::assistance::EventInput,
    },
    Record {
        id: i64,
        record: crate::store::assistance::ServiceRecord,
    },
    /// Write the 帮扶 queue shown, in its order, as CSV and XLSX in the working directory.
    ExportQueue {
        queue: Queue,
        lang: crate::i18n::Lang,
    },
    LoadMeetings,
    LoadMeeting {
        id: i64,
    },
    RecordMeeting(crate::domain::assistance::meeting::MeetingDraft),
    /// Adds a participant: the enterprise picked, or else found by the name, USCC or pinyin
    /// initials typed (`None`: nothing typed, or a guest).
    MeetingParticipant {
        meeting: i64,
        enterprise_query: Option<String>,
        participant: crate::domain::assistance::meeting::ParticipantDraft,
    },
    MeetingProblem {
        meeting: i64,
        draft: crate::domain::assistance::RequestDraft,
    },
    MeetingLink {
        meeting: i64,
        number: String,
    },
    /// The enterprises in scope matching a picker's typed name, USCC or pinyin initials.
    FindEnterprises {
        token: u64,
        query: String,
    },
}

/// What the runtime answers the 帮扶 and 圆桌座谈 screens.
// Moved once per message, like the flat `Msg` it came from: the detail variant stays unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssistanceMsg {
    QueueLoaded {
        queue: Queue,
        rows: Result<Vec<QueueRow>, Text>,
        /// Where the next page starts (`None`: no more rows).
        next: Option<crate::store::assistance::queue::QueueCursor>,
        /// Whether the rows continue those shown (a further page) or replace them.
        more: bool,
    },
    DetailLoaded {
        id: i64,
        data: Result<AssistanceDetailData, Text>,
    },
    ServiceMenuLoaded(Result<Vec<(String, String, String)>, Text>),
    /// A 帮扶 or 圆桌座谈 change was made (with its message) or refused (with the reason).
    Done(Result<Text, Text>),
    MeetingsLoaded(Result<meeting::MeetingListData, Text>),
    MeetingLoaded {
        id: i64,
        data: Result<meeting::MeetingDetailData, Text>,
    },
    /// Enterprises matching a picker's search.
    EnterprisesFound {
        token: u64,
        rows: Result<Vec<crate::tui::widgets::picker::EnterpriseMatch>, Text>,
    },
}

/// The queue screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssistanceQueueState {
    pub tab: usize,
    pub rows: Vec<QueueRow>,
    pub selected: usize,
    pub loading: bool,
    /// Where the next page starts, when more rows follow those loaded.
    pub next: Option<crate::store::assistance::queue::QueueCursor>,
    /// The `/` find: enterprise name, pinyin initials, USCC or request number.
    pub find: Find,
}

impl AssistanceQueueState {
    pub fn open() -> Out {
        let mut s = AssistanceQueueState {
            tab: 0,
            rows: Vec::new(),
            selected: 0,
            loading: false,
            next: None,
            find: Find::default(),
        };
        let fx = s.load();
        Out::nav(Nav::Push(Screen::AssistanceQueue(s))).with_effect(fx)
    }

    pub fn queue(&self) -> Queue {
        Queue::TABS[self.tab % Queue::TABS.len()]
    }

    fn load(&mut self) -> Effect {
        self.loading = true;
        Effect::Assistance(AssistanceEffect::LoadQueue {
            queue: self.queue(),
            find: self.find.applied.clone(),
        })
    }

    pub fn reload(&mut self) -> Out {
        Out::effect(self.load())
    }

    /// The find changed: the first page again, from the top.
    fn refind(&mut self) -> Out {
        self.selected = 0;
        self.rows.clear();
        self.next = None;
        self.reload()
    }

    pub fn debounced(&mut self, token: u64) -> Out {
        if self.find.debounced(token) {
            return self.refind();
        }
        Out::default()
    }

    pub fn loaded(
        &mut self,
        queue: Queue,
        rows: Result<Vec<QueueRow>, Text>,
        next: Option<crate::store::assistance::queue::QueueCursor>,
        more: bool,
    ) -> Out {
        if queue != self.queue() {
            return Out::default();
        }
        self.loading = false;
        match rows {
            Ok(rows) => {
                if more {
                    self.rows.extend(rows);
                } else {
                    self.rows = rows;
                }
                self.next = next;
                self.selected = self.selected.min(self.rows.len().saturating_sub(1));
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// The next page, appended (once at a time).
    fn more(&mut self) -> Out {
        match self.next.clone() {
            Some(after) if !self.loading => {
                self.loading = true;
                Out::effect(Effect::Assistance(AssistanceEffect::LoadQueueMore {
                    queue: self.queue(),
                    find: self.find.applied.clone(),
                    after,
                }))
            }
            _ => Out::default(),
        }
    }

    fn switch(&mut self, tab: usize) -> Out {
        self.tab = tab % Queue::TABS.len();
        self.selected = 0;
        // Never show one queue's rows under another's tab.
        self.rows.clear();
        self.next = None;
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
        let n = Queue::TABS.len();
        match step(
            &mut self.selected,
            self.rows.len(),
            cmd,
            env.list_rows(),
            self.next.is_some(),
        ) {
            Moved::More => return self.more(),
            Moved::Yes => return Out::default(),
            Moved::No => {}
        }
        match cmd {
            Cmd::Find => self.find.open(),
            Cmd::NextValue => return self.switch(self.tab + 1),
            Cmd::PrevValue => return self.switch(self.tab + n - 1),
            Cmd::Back if self.find.clear() => return self.refind(),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::Refresh => return self.reload(),
            Cmd::FullText => {
                if let Some(r) = self.rows.get(self.selected) {
                    let pairs = view::queue_full_text(r, env.lang);
                    return FullTextState::open(pairs);
                }
            }
            Cmd::Open => {
                if let Some(r) = self.rows.get(self.selected) {
                    return AssistanceDetailState::open(r.request.id);
                }
            }
            Cmd::FileRequest => return AssistanceFormState::new_request(env),
            Cmd::ExportQueue => {
                return Out::effect(Effect::Assistance(AssistanceEffect::ExportQueue {
                    queue: self.queue(),
                    lang: env.lang,
                }))
                .with_message(Message::progress(T::ReportWriting));
            }
            _ => {}
        }
        Out::default()
    }
}

/// What the detail screen shows, with the handlers a triage person may assign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssistanceDetailData {
    pub detail: RequestDetail,
    pub handlers: Vec<(i64, String)>,
    /// Today in Asia/Shanghai, the default date of a service record.
    pub today: String,
}

/// One thing the person may do from the detail screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssistanceAction {
    Event(Event),
    Record,
}

impl AssistanceAction {
    pub fn label(self) -> T {
        match self {
            AssistanceAction::Event(e) => e.label(),
            AssistanceAction::Record => T::AssistanceActionRecord,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssistanceDetailState {
    pub id: i64,
    pub data: Option<AssistanceDetailData>,
    pub scroll: Scroll,
    pub action: usize,
    pub loading: bool,
}

impl AssistanceDetailState {
    pub fn open(id: i64) -> Out {
        let s = AssistanceDetailState {
            id,
            data: None,
            scroll: Scroll::default(),
            action: 0,
            loading: true,
        };
        Out::nav(Nav::Push(Screen::AssistanceDetail(s)))
            .with_effect(Effect::Assistance(AssistanceEffect::LoadDetail { id }))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Assistance(AssistanceEffect::LoadDetail {
            id: self.id,
        }))
    }

    pub fn loaded(&mut self, data: Result<AssistanceDetailData, Text>) -> Out {
        self.loading = false;
        match data {
            Ok(d) => {
                self.data = Some(d);
                self.action = self.action.min(self.actions().len().saturating_sub(1));
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// An action taken at once (no fields): its message, and the request as it is now.
    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }

    /// The actions offered now: the service's list of permitted events, and recording a service.
    pub fn actions(&self) -> Vec<AssistanceAction> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        let mut v: Vec<AssistanceAction> = Vec::new();
        if d.detail.may_record {
            v.push(AssistanceAction::Record);
        }
        v.extend(d.detail.events.iter().map(|e| AssistanceAction::Event(*e)));
        v
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let n = self.actions().len();
        if let (Input::Cmd(cmd), Some(d)) = (&input, &self.data) {
            let pane = detail::pane_above(detail::body(env.size), 1);
            let lines = detail::height(&view::detail_items(d, env.lang), pane.width);
            if self.scroll.on_cmd(*cmd, lines, usize::from(pane.height)) {
                return Out::default();
            }
        }
        match input {
            Input::Cmd(Cmd::NextValue) if n > 0 => self.action = (self.action + 1) % n,
            Input::Cmd(Cmd::PrevValue) if n > 0 => self.action = (self.action + n - 1) % n,
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Submit) => {
                let (Some(action), Some(d)) =
                    (self.actions().get(self.action).copied(), &self.data)
                else {
                    return Out::default();
                };
                return AssistanceFormState::for_action(d, action);
            }
            _ => {}
        }
        Out::default()
    }
}
