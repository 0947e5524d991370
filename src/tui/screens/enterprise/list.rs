//! The enterprise list: pages read from SQL with keyset cursors (never the whole table), a stack of
//! page starts for PgUp, filters and search-as-you-type (debounced), selection kept across refreshes.

use crate::domain::enterprise::Enterprise;
use crate::i18n::Text;
use crate::store::enterprise::{Cursor, Filter};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::input::TextInput;
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::overlays::Chosen;
use crate::tui::overlays::Overlay;
use crate::tui::overlays::filter::FilterState;
use crate::tui::screens::enterprise::EnterpriseEffect;
use crate::tui::screens::enterprise::detail::DetailState;
use crate::tui::screens::enterprise::{PageRequest, PageStart};
use crate::tui::screens::{edit_text, paste_into};

/// Milliseconds of quiet typing before a search runs.
pub const SEARCH_DEBOUNCE_MS: u64 = 150;

/// Which row to select once a page arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Select {
    Top,
    Bottom,
    /// The same index as before (PgUp/PgDn).
    Index(usize),
    /// The row with this id, else the same index (refresh).
    Keep(i64, usize),
}

/// How the record counter's offset follows a page change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Offset {
    Zero,
    Plus(u64),
    /// Back by the number of rows the new page has.
    MinusLoaded,
    /// The end of the list: total minus the page.
    FromEnd,
    Same,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListState {
    pub filter: Filter,
    pub search: TextInput,
    /// The search line has focus (typing searches).
    pub searching: bool,
    search_token: u64,
    pub rows: Vec<Enterprise>,
    pub selected: usize,
    /// How the current page was loaded, and the pages before it (PgUp goes back to them exactly).
    start: PageStart,
    history: Vec<PageStart>,
    /// Position of the first row in the whole list, for the counter.
    pub offset: u64,
    pub has_prev: bool,
    pub has_next: bool,
    pub total: Option<i64>,
    pub loading: bool,
    req: u64,
    pending: (Select, Offset),
}

impl ListState {
    fn new(filter: Filter) -> ListState {
        ListState {
            search: TextInput::new(&filter.query),
            filter,
            searching: false,
            search_token: 0,
            rows: Vec::new(),
            selected: 0,
            start: PageStart::After(None),
            history: Vec::new(),
            offset: 0,
            has_prev: false,
            has_next: false,
            total: None,
            loading: false,
            req: 0,
            pending: (Select::Top, Offset::Zero),
        }
    }

    /// Opens a list with a filter (from the home screen's tasks or the palette).
    pub fn open(env: &mut Env<'_>, filter: Filter) -> Out {
        let mut list = ListState::new(filter);
        let fx = list.request(env, PageStart::After(None), true, Select::Top, Offset::Zero);
        Out::nav(Nav::Push(Screen::List(list))).with_effect(fx)
    }

    pub fn selected_row(&self) -> Option<&Enterprise> {
        self.rows.get(self.selected)
    }

    fn request(
        &mut self,
        env: &mut Env<'_>,
        start: PageStart,
        count: bool,
        select: Select,
        offset: Offset,
    ) -> Effect {
        self.req = env.req();
        self.loading = true;
        self.pending = (select, offset);
        Effect::Enterprise(EnterpriseEffect::LoadPage(PageRequest {
            req: self.req,
            filter: self.filter.clone(),
            start,
            limit: env.list_rows(),
            count,
        }))
    }

    /// Reloads the current page, keeping the selected record where it can (refresh, resize, return).
    pub fn reload(&mut self, env: &mut Env<'_>) -> Out {
        let keep = match self.selected_row() {
            Some(e) => Select::Keep(e.id, self.selected),
            None => Select::Top,
        };
        let start = self.start.clone();
        Out::effect(self.request(env, start, true, keep, Offset::Same))
    }

    fn first(&mut self, env: &mut Env<'_>, count: bool) -> Effect {
        self.history.clear();
        self.request(
            env,
            PageStart::After(None),
            count,
            Select::Top,
            Offset::Zero,
        )
    }

    fn next_page(&mut self, env: &mut Env<'_>, select: Select) -> Option<Effect> {
        let last = self.rows.last()?;
        let start = PageStart::After(Some(Cursor::after(last)));
        let advanced = self.rows.len() as u64;
        self.history.push(self.start.clone());
        Some(self.request(env, start, false, select, Offset::Plus(advanced)))
    }

    fn prev_page(&mut self, env: &mut Env<'_>, select: Select) -> Option<Effect> {
        let start = match self.history.pop() {
            Some(s) => s,
            None => PageStart::Before(Some(Cursor::after(self.rows.first()?))),
        };
        Some(self.request(env, start, false, select, Offset::MinusLoaded))
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.searching {
            return self.search_input(env, input);
        }
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let fx = match cmd {
            Cmd::Up if self.selected > 0 => {
                self.selected -= 1;
                None
            }
            Cmd::Up if self.has_prev => self.prev_page(env, Select::Bottom),
            Cmd::Down if self.selected + 1 < self.rows.len() => {
                self.selected += 1;
                None
            }
            Cmd::Down if self.has_next => self.next_page(env, Select::Top),
            Cmd::PageDown if self.has_next => self.next_page(env, Select::Index(self.selected)),
            Cmd::PageDown => {
                self.selected = self.rows.len().saturating_sub(1);
                None
            }
            Cmd::PageUp if self.has_prev => self.prev_page(env, Select::Index(self.selected)),
            Cmd::PageUp => {
                self.selected = 0;
                None
            }
            Cmd::First => Some(self.first(env, false)),
            Cmd::Last => {
                self.history.clear();
                Some(self.request(
                    env,
                    PageStart::Before(None),
                    self.total.is_none(),
                    Select::Bottom,
                    Offset::FromEnd,
                ))
            }
            Cmd::Open => {
                return match self.selected_row() {
                    Some(e) => {
                        let (detail, fx) = DetailState::open(e.id);
                        Out::nav(Nav::Push(Screen::Detail(detail))).with_effect(fx)
                    }
                    None => Out::default(),
                };
            }
            Cmd::Search => {
                self.searching = true;
                None
            }
            Cmd::Filter => {
                let regions = env.session.map(|s| s.regions.clone()).unwrap_or_default();
                return Out::nav(Nav::Open(Overlay::Filter(FilterState::new(
                    self.filter.clone(),
                    regions,
                ))));
            }
            Cmd::ClearFilter => {
                self.filter = Filter {
                    sort: self.filter.sort,
                    ..Filter::default()
                };
                self.search.clear();
                Some(self.first(env, true))
            }
            Cmd::Sort => {
                self.filter.sort = self.filter.sort.next();
                Some(self.first(env, false))
            }
            Cmd::Refresh => return self.reload(env),
            Cmd::ExportList => {
                return Out::effect(Effect::Enterprise(EnterpriseEffect::Export {
                    filter: self.filter.clone(),
                    lang: env.lang,
                }))
                .with_message(Message::progress(crate::i18n::T::MsgWritingFile));
            }
            Cmd::Back => return Out::nav(Nav::Pop),
            _ => None,
        };
        Out {
            effects: fx.into_iter().collect(),
            ..Out::default()
        }
    }

    fn search_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let before = self.search.value().to_string();
        let mut out = Out::default();
        match input {
            Input::Cmd(Cmd::Submit | Cmd::Down | Cmd::Up) => {
                self.searching = false;
                return self.apply_query(env);
            }
            Input::Cmd(Cmd::Back) => {
                self.searching = false;
                return Out::default();
            }
            Input::Key(k) => edit_text(&mut self.search, k),
            Input::Paste(p) => out = paste_into(&mut self.search, &p),
            Input::Cmd(_) => {}
        }
        if self.search.value() != before {
            self.search_token = env.req();
            out.effects.push(Effect::Debounce {
                token: self.search_token,
                ms: SEARCH_DEBOUNCE_MS,
            });
        }
        out
    }

    /// Runs the typed search if it differs from the one shown.
    fn apply_query(&mut self, env: &mut Env<'_>) -> Out {
        let q = self.search.value().trim().to_string();
        if q == self.filter.query {
            return Out::default();
        }
        self.filter.query = q;
        Out::effect(self.first(env, true))
    }

    pub fn debounced(&mut self, env: &mut Env<'_>, token: u64) -> Out {
        if token != self.search_token {
            return Out::default();
        }
        self.apply_query(env)
    }

    pub fn from_overlay(&mut self, env: &mut Env<'_>, chosen: Chosen) -> Out {
        match chosen {
            Chosen::Filter(mut f) => {
                f.query = self.filter.query.clone();
                f.sort = self.filter.sort;
                self.filter = *f;
                Out::effect(self.first(env, true))
            }
            _ => Out::default(),
        }
    }

    pub fn loaded(
        &mut self,
        env: &mut Env<'_>,
        req: u64,
        start: &PageStart,
        rows: Result<Vec<Enterprise>, Text>,
        total: Option<i64>,
    ) -> Out {
        if req != self.req {
            return Out::default();
        }
        self.loading = false;
        let mut rows = match rows {
            Ok(rows) => rows,
            Err(text) => return Out::message(Message::error(text)),
        };
        let limit = env.list_rows();
        match start {
            PageStart::After(c) => {
                self.has_prev = c.is_some();
                self.has_next = rows.len() > limit;
                rows.truncate(limit);
            }
            PageStart::Before(c) => {
                self.has_next = c.is_some();
                self.has_prev = rows.len() > limit;
                if rows.len() > limit {
                    rows.drain(..rows.len() - limit);
                }
                if !self.has_prev && rows.len() < limit && self.has_next {
                    // Paged back to the start with a short page: show a full first page instead.
                    return Out::effect(self.first(env, false));
                }
            }
        }
        if total.is_some() {
            self.total = total;
        }
        if rows.is_empty() && self.has_prev {
            // The page emptied (records deleted elsewhere): show the end of the list.
            self.history.clear();
            return Out::effect(self.request(
                env,
                PageStart::Before(None),
                true,
                Select::Bottom,
                Offset::FromEnd,
            ));
        }
        let n = rows.len() as u64;
        let (select, offset) = self.pending;
        self.offset = match offset {
            Offset::Zero => 0,
            Offset::Plus(k) => self.offset + k,
            Offset::MinusLoaded => self.offset.saturating_sub(n),
            Offset::FromEnd => u64::try_from(self.total.unwrap_or(0))
                .unwrap_or(0)
                .saturating_sub(n),
            Offset::Same => self.offset,
        };
        if !self.has_prev {
            self.offset = 0;
        }
        let last = rows.len().saturating_sub(1);
        self.selected = match select {
            Select::Top => 0,
            Select::Bottom => last,
            Select::Index(i) => i.min(last),
            Select::Keep(id, i) => rows.iter().position(|e| e.id == id).unwrap_or(i.min(last)),
        };
        self.start = start.clone();
        self.rows = rows;
        Out::default()
    }
}
