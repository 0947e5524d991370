//! 执法检查 screens: the list (tabs by state, the officer's own checks and overdue re-checks; keyset pages
//! from SQL), an inspection's detail with the actions the person may take, the enterprise's own
//! rectification orders, and the 双随机 draws. Forms are in `form`, drawing in `view`.
pub mod detail;
pub mod form;
mod form_fields;
pub mod lists;
pub mod lists_view;
pub mod request;
pub mod view;
mod view_basis;

use crate::domain::inspection::{Category, InspectionState};
use crate::i18n::Lang;
use crate::i18n::{T, Text};
use crate::service::inspection::draw::DrawDetail;
use crate::store::inspection::Inspection;
use crate::store::inspection::draw::Draw;
use crate::store::inspection::followup::Rectification;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::overlays::picker::{PickFor, PickerState};
use crate::tui::overlays::{Chosen, Overlay};
use crate::tui::screens::full_text::FullTextState;
pub use crate::tui::screens::inspection::form::{InspectionFormState, InspectionPurpose};
pub use crate::tui::screens::inspection::lists::{DrawsState, RectListState};
use crate::tui::widgets::list_state::{Find, Moved, step};
pub use detail::{InspectionAction, InspectionDetailData, InspectionDetailState};

/// What the 执法检查 and 双随机 screens ask the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InspectionEffect {
    Load(InspectionQuery),
    Do(form::InspectionRequest),
    /// What the request will do, for the confirmation before a permanent step (signing, a draw).
    Ask(form::InspectionRequest),
    /// Write the inspection list as filtered on screen as CSV and XLSX.
    Export {
        query: InspectionListQuery,
        lang: Lang,
    },
}

/// What the runtime answers the 执法检查 and 双随机 screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InspectionMsg {
    Loaded(InspectionData),
    /// An inspection change was made (with its message) or refused (with the reason).
    Done(Result<Text, Text>),
    /// A draw was verified or exported.
    DrawDone(Result<Text, Text>),
    /// The confirmation of a permanent step: the request and what it will do, or the refusal.
    Asked(Result<(form::InspectionRequest, Vec<Text>), Text>),
}

/// The inspection list's filters as shown: its tab, category, region and officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectionListQuery {
    pub tab: InspectionTab,
    pub category: Option<Category>,
    pub region: Option<String>,
    pub officer: Option<i64>,
    /// The `/` find (empty: none).
    pub find: String,
}

/// The list's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InspectionTab {
    /// The person's own open checks (as an officer).
    Mine,
    State(InspectionState),
    /// Re-checks planned before today and not done.
    OverdueRecheck,
    All,
}

impl InspectionTab {
    pub const TABS: [InspectionTab; 8] = [
        InspectionTab::Mine,
        InspectionTab::State(InspectionState::Pending),
        InspectionTab::State(InspectionState::InProgress),
        InspectionTab::State(InspectionState::RecordPending),
        InspectionTab::State(InspectionState::Rectifying),
        InspectionTab::State(InspectionState::CaseProposed),
        InspectionTab::OverdueRecheck,
        InspectionTab::All,
    ];

    /// The tab in a file name.
    pub fn code(self) -> &'static str {
        match self {
            InspectionTab::Mine => "mine",
            InspectionTab::State(s) => s.code(),
            InspectionTab::OverdueRecheck => "overdue-recheck",
            InspectionTab::All => "all",
        }
    }

    pub fn label(self) -> T {
        match self {
            InspectionTab::Mine => T::InspectionTabMine,
            InspectionTab::State(s) => s.label(),
            InspectionTab::OverdueRecheck => T::InspectionTabOverdue,
            InspectionTab::All => T::All,
        }
    }
}

/// What the list asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InspectionQuery {
    Page {
        tab: InspectionTab,
        /// The category and region filters (`None`: all).
        category: Option<Category>,
        region: Option<String>,
        /// Any officer's checks (`None`: as the tab says).
        officer: Option<i64>,
        after: Option<(String, i64)>,
        /// The `/` find (empty: none).
        find: String,
    },
    Detail {
        id: i64,
    },
    Rects,
    Draws,
    Draw {
        id: i64,
    },
    /// The officers the list may be filtered by.
    Officers,
    /// The officers a new draw plan may name.
    DrawPool,
    /// The recorded facts a new inspection of this enterprise (USCC) may rest on.
    GuardChoices {
        uscc: String,
    },
}

/// What came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InspectionData {
    Page {
        tab: InspectionTab,
        append: bool,
        rows: Result<Vec<Inspection>, Text>,
    },
    Detail {
        id: i64,
        data: Result<Box<InspectionDetailData>, Text>,
    },
    Rects(Result<Vec<Rectification>, Text>),
    Draws(Result<Vec<Draw>, Text>),
    Draw(Result<Box<DrawDetail>, Text>),
    /// (user id, label) of the officers in scope.
    Officers(Result<Vec<(i64, String)>, Text>),
    DrawPool(Result<Vec<(i64, String)>, Text>),
    /// (code, label) of the recorded facts for a new inspection of `uscc`.
    GuardChoices {
        uscc: String,
        options: Result<Vec<(String, Text)>, Text>,
    },
}

/// Rows per page of the list.
pub const PAGE: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectionListState {
    pub tab: usize,
    pub rows: Vec<Inspection>,
    pub selected: usize,
    pub loading: bool,
    /// More rows after the last one loaded.
    pub more: bool,
    /// The enterprise a new inspection starts with (from the 360 view or an assistance offer).
    pub enterprise_uscc: Option<String>,
    /// Filters cycled with `c` (category) and `g` (region).
    pub category: Option<Category>,
    pub region: Option<String>,
    /// The officer filter chosen with `o`: (user id, label).
    pub officer: Option<(i64, String)>,
    /// The officers last offered by the picker.
    pub officer_choices: Vec<(i64, String)>,
    /// The `/` find: enterprise (name, pinyin initials, USCC) or inspection number.
    pub find: Find,
}

impl InspectionListState {
    pub fn open(tab: InspectionTab) -> Out {
        let mut s = InspectionListState {
            tab: InspectionTab::TABS
                .iter()
                .position(|t| *t == tab)
                .unwrap_or(0),
            rows: Vec::new(),
            selected: 0,
            loading: false,
            more: false,
            enterprise_uscc: None,
            category: None,
            region: None,
            officer: None,
            officer_choices: Vec::new(),
            find: Find::default(),
        };
        let fx = s.load(None);
        Out::nav(Nav::Push(Screen::InspectionList(s))).with_effect(fx)
    }

    pub fn current(&self) -> InspectionTab {
        InspectionTab::TABS[self.tab % InspectionTab::TABS.len()]
    }

    fn load(&mut self, after: Option<(String, i64)>) -> Effect {
        self.loading = true;
        Effect::Inspection(InspectionEffect::Load(InspectionQuery::Page {
            tab: self.current(),
            category: self.category,
            region: self.region.clone(),
            officer: self.officer.as_ref().map(|o| o.0),
            after,
            find: self.find.applied.clone(),
        }))
    }

    pub fn debounced(&mut self, token: u64) -> Out {
        if self.find.debounced(token) {
            return self.switch(self.tab);
        }
        Out::default()
    }

    /// The next page after the last row loaded (keyset, never OFFSET), once at a time.
    fn next_page(&mut self) -> Out {
        if !self.more || self.loading {
            return Out::default();
        }
        let after = self.rows.last().map(|r| (r.planned_on.to_string(), r.id));
        Out::effect(self.load(after))
    }

    pub fn reload(&mut self) -> Out {
        Out::effect(self.load(None))
    }

    pub fn loaded(
        &mut self,
        tab: InspectionTab,
        append: bool,
        rows: Result<Vec<Inspection>, Text>,
    ) -> Out {
        if tab != self.current() {
            return Out::default();
        }
        self.loading = false;
        match rows {
            Ok(rows) => {
                self.more = rows.len() == PAGE;
                if append {
                    self.rows.extend(rows);
                } else {
                    self.rows = rows;
                }
                self.selected = self.selected.min(self.rows.len().saturating_sub(1));
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    fn switch(&mut self, tab: usize) -> Out {
        self.tab = tab;
        self.selected = 0;
        self.rows.clear();
        self.reload()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.find.active {
            let (out, apply) = self.find.on_input(env, input);
            return if apply { self.switch(self.tab) } else { out };
        }
        let n = InspectionTab::TABS.len();
        if let Input::Cmd(cmd) = input {
            match step(
                &mut self.selected,
                self.rows.len(),
                cmd,
                env.list_rows(),
                self.more,
            ) {
                Moved::More => return self.next_page(),
                Moved::Yes => return Out::default(),
                Moved::No => {}
            }
        }
        match input {
            Input::Cmd(Cmd::Find) => self.find.open(),
            Input::Cmd(Cmd::FullText) => {
                if let Some(r) = self.rows.get(self.selected) {
                    return FullTextState::open(view::list_full_text(r, env.lang));
                }
            }
            Input::Cmd(Cmd::Back) if self.find.clear() => return self.switch(self.tab),
            Input::Cmd(Cmd::InspectionExport) => {
                return Out::effect(Effect::Inspection(InspectionEffect::Export {
                    query: InspectionListQuery {
                        tab: self.current(),
                        category: self.category,
                        region: self.region.clone(),
                        officer: self.officer.as_ref().map(|o| o.0),
                        find: self.find.applied.clone(),
                    },
                    lang: env.lang,
                }))
                .with_message(Message::progress(T::ReportWriting));
            }
            Input::Cmd(Cmd::InspectionCategory) => {
                // None, then each category in turn, then None again.
                let all = Category::ALL;
                self.category = match self.category {
                    None => all.first().copied(),
                    Some(c) => all
                        .iter()
                        .position(|x| *x == c)
                        .and_then(|i| all.get(i + 1).copied()),
                };
                return self.switch(self.tab);
            }
            Input::Cmd(Cmd::InspectionRegion) => {
                let codes: Vec<String> = env
                    .session
                    .map(|s| {
                        s.regions
                            .iter()
                            .filter(|r| r.kind != "city")
                            .map(|r| r.code.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                self.region = match &self.region {
                    None => codes.first().cloned(),
                    Some(c) => codes
                        .iter()
                        .position(|x| x == c)
                        .and_then(|i| codes.get(i + 1).cloned()),
                };
                return self.switch(self.tab);
            }
            Input::Cmd(Cmd::InspectionOfficer) => {
                return Out::effect(Effect::Inspection(InspectionEffect::Load(
                    InspectionQuery::Officers,
                )));
            }
            Input::Cmd(Cmd::NextValue) => return self.switch((self.tab + 1) % n),
            Input::Cmd(Cmd::PrevValue) => return self.switch((self.tab + n - 1) % n),
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Open) => {
                if let Some(r) = self.rows.get(self.selected) {
                    return InspectionDetailState::open(r.id);
                }
            }
            Input::Cmd(Cmd::NewInspection) => {
                // The recorded facts the check may rest on are offered once the USCC is typed.
                return InspectionFormState::plan(
                    env,
                    self.enterprise_uscc.clone().unwrap_or_default(),
                    &[],
                );
            }
            Input::Cmd(Cmd::SpecialPlan) => return InspectionFormState::special_plan(env),
            _ => {}
        }
        Out::default()
    }
}

impl InspectionListState {
    /// The officers in scope came back: offer them in a picker, "all officers" first.
    pub fn officers_loaded(&mut self, rows: Result<Vec<(i64, String)>, Text>, lang: Lang) -> Out {
        match rows {
            Ok(rows) => {
                let mut options =
                    vec![(String::new(), T::InspectionOfficerAny.get(lang).to_string())];
                options.extend(
                    rows.iter()
                        .map(|(id, label)| (id.to_string(), label.clone())),
                );
                self.officer_choices = rows;
                let current = self
                    .officer
                    .as_ref()
                    .map(|o| o.0.to_string())
                    .unwrap_or_default();
                let picker =
                    PickerState::with(PickFor::InspectionOfficer, false, options, &current, "");
                Out::nav(Nav::Open(Overlay::Picker(picker)))
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// The officer picked (or "all officers"): list that officer's checks in every tab.
    pub fn from_overlay(&mut self, chosen: Chosen) -> Out {
        let Chosen::Picked {
            field: PickFor::InspectionOfficer,
            value,
        } = chosen
        else {
            return Out::default();
        };
        self.officer = value.parse::<i64>().ok().map(|id| {
            let label = self
                .officer_choices
                .iter()
                .find(|(o, _)| *o == id)
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| value.clone());
            (id, label)
        });
        self.switch(self.tab)
    }
}
