//! Home: the person's tasks and alerts with real counts in their scope; Enter opens the list with that
//! filter. Enterprise accounts see their own enterprise's card instead.

use crate::domain::account::Action;
use crate::i18n::{T, Text};
use crate::service::home::{Home, HomeTask};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::admin::audit::AuditState;
use crate::tui::screens::admin::settings::SettingsState;
use crate::tui::screens::admin::users::UsersState;
use crate::tui::screens::enterprise::detail::DetailState;
use crate::tui::screens::enterprise::list::ListState;
use crate::tui::screens::positive_list::{PositiveListFilter, PositiveListState};

/// The administration screens the home screen leads to (each only for the roles that may use it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminEntry {
    Users,
    Settings,
    Audit,
}

impl AdminEntry {
    const ALL: [AdminEntry; 3] = [AdminEntry::Users, AdminEntry::Settings, AdminEntry::Audit];

    pub fn label(self) -> T {
        match self {
            AdminEntry::Users => T::ScreenUsers,
            AdminEntry::Settings => T::ScreenSettings,
            AdminEntry::Audit => T::ScreenAudit,
        }
    }

    fn needs(self) -> Action {
        match self {
            AdminEntry::Users => Action::UserManage,
            AdminEntry::Settings => Action::SettingsManage,
            AdminEntry::Audit => Action::AuditView,
        }
    }
}

/// The 正面清单 lines of the home screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PositiveListTask {
    ReviewsDue,
    NoticesEnding,
    /// Notices over, awaiting 纳入 or a decision.
    NoticesOver,
    RemovalProposals,
}

impl PositiveListTask {
    pub fn label(self) -> T {
        match self {
            PositiveListTask::ReviewsDue => T::TaskPlReviewsDue,
            PositiveListTask::NoticesEnding => T::TaskPlNoticesEnding,
            PositiveListTask::NoticesOver => T::TaskPlNoticesOver,
            PositiveListTask::RemovalProposals => T::TaskPlRemovalProposals,
        }
    }

    /// The list the line opens.
    fn filter(self) -> PositiveListFilter {
        match self {
            PositiveListTask::ReviewsDue => PositiveListFilter {
                due_only: true,
                ..PositiveListFilter::default()
            },
            PositiveListTask::NoticesEnding => PositiveListFilter {
                notice_ending: true,
                ..PositiveListFilter::default()
            },
            PositiveListTask::NoticesOver => PositiveListFilter {
                notice_over: true,
                ..PositiveListFilter::default()
            },
            PositiveListTask::RemovalProposals => PositiveListFilter {
                pending_removal: true,
                ..PositiveListFilter::default()
            },
        }
    }
}

/// The 转移联单 lines of the home screen: what waits, each alert, approvals ending soon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManifestTask {
    Tab(crate::tui::screens::manifest::Tab),
    ApprovalsExpiring,
}

impl ManifestTask {
    pub fn label(self) -> T {
        match self {
            ManifestTask::Tab(t) => t.label(),
            ManifestTask::ApprovalsExpiring => T::ManifestTaskApprovalsExpiring,
        }
    }

    /// The lines with their counts, in screen order.
    pub fn lines(c: &crate::service::manifest::ManifestCounts) -> Vec<(ManifestTask, i64)> {
        use crate::domain::manifest::ManifestState;
        use crate::tui::screens::manifest::Tab;
        let mut v = vec![
            (
                ManifestTask::Tab(Tab::State(ManifestState::AwaitingReceipt)),
                c.awaiting_receipt,
            ),
            (
                ManifestTask::Tab(Tab::State(ManifestState::Discrepancy)),
                c.discrepancy,
            ),
        ];
        v.extend(
            c.alerts
                .iter()
                .map(|(a, n)| (ManifestTask::Tab(Tab::Alert(*a)), *n)),
        );
        v.push((ManifestTask::ApprovalsExpiring, c.approvals_expiring));
        v
    }

    pub fn is_alert(self) -> bool {
        matches!(
            self,
            ManifestTask::Tab(crate::tui::screens::manifest::Tab::Alert(_))
                | ManifestTask::ApprovalsExpiring
        )
    }
}

/// One line of the home screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry<'a> {
    Admin(AdminEntry),
    Task(&'a HomeTask),
    Plist(PositiveListTask, i64),
    Manifest(ManifestTask, i64),
    /// 执法检查: (is the overdue re-check line, count).
    Inspect(bool, i64),
}

impl Entry<'_> {
    /// The heading a line goes under.
    pub fn group(&self) -> T {
        match self {
            Entry::Admin(_) => T::HomeAdmin,
            Entry::Task(t) if t.kind.is_alert() => T::HomeAlerts,
            Entry::Task(_) => T::HomeOverview,
            Entry::Plist(..) => T::HomePositiveList,
            Entry::Manifest(..) => T::ManifestScreenList,
            Entry::Inspect(..) => T::InspectionScreenList,
        }
    }
}

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
                self.home = Some(home);
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    /// The lines in order: administrators see their screens first; a supervisor's audit viewer
    /// comes after the tasks.
    pub fn entries(&self, may: impl Fn(Action) -> bool) -> Vec<Entry<'_>> {
        let admin: Vec<Entry<'_>> = AdminEntry::ALL
            .into_iter()
            .filter(|e| may(e.needs()))
            .map(Entry::Admin)
            .collect();
        let tasks = self
            .home
            .iter()
            .flat_map(|h| h.tasks.iter())
            .map(Entry::Task);
        let positive_list = self
            .home
            .iter()
            .filter_map(|h| h.plist.as_ref())
            .flat_map(|c| {
                [
                    Entry::Plist(PositiveListTask::ReviewsDue, c.reviews_due),
                    Entry::Plist(PositiveListTask::NoticesEnding, c.notices_ending),
                    Entry::Plist(PositiveListTask::NoticesOver, c.notices_over),
                    Entry::Plist(PositiveListTask::RemovalProposals, c.removal_proposals),
                ]
            });
        let manifests = self
            .home
            .iter()
            .filter_map(|h| h.manifests.as_ref())
            .flat_map(ManifestTask::lines)
            .map(|(t, n)| Entry::Manifest(t, n));
        let inspect = self
            .home
            .iter()
            .filter_map(|h| h.inspect.as_ref())
            .flat_map(|c| {
                [
                    Entry::Inspect(false, c.my_pending),
                    Entry::Inspect(true, c.overdue_rechecks),
                ]
            });
        let tasks = tasks.chain(positive_list).chain(manifests).chain(inspect);
        if may(Action::UserManage) {
            admin.into_iter().chain(tasks).collect()
        } else {
            tasks.chain(admin).collect()
        }
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        let n = self.entries(|a| env.may(a)).len();
        match input {
            Input::Cmd(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1));
            }
            Input::Cmd(Cmd::Refresh) => return self.reload(),
            Input::Cmd(Cmd::Open) => return self.open(env),
            Input::Cmd(Cmd::GoList) => return ListState::open(env, Default::default()),
            Input::Cmd(Cmd::GoPlist) => {
                return PositiveListState::open(PositiveListFilter::default());
            }
            Input::Cmd(Cmd::PositiveListApply) => {
                return crate::tui::screens::assistance::AssistanceFormState::positive_list_apply();
            }
            Input::Cmd(Cmd::Manifests) if env.may(Action::ManifestRead) => {
                return crate::tui::screens::manifest::ManifestListState::open(
                    crate::tui::screens::manifest::Tab::All,
                );
            }
            Input::Cmd(Cmd::Assist) if env.may(Action::AssistanceRead) => {
                return crate::tui::screens::assistance::AssistanceQueueState::open();
            }
            _ => {}
        }
        Out::default()
    }

    /// A positive-list application made from here came back.
    pub fn list_done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }

    fn open(&self, env: &mut Env<'_>) -> Out {
        let Some(home) = &self.home else {
            return Out::default();
        };
        if let Some(own) = &home.own {
            let (detail, fx) = DetailState::open(own.id);
            return Out::nav(Nav::Push(Screen::Detail(detail))).with_effect(fx);
        }
        let chosen = self.entries(|a| env.may(a)).get(self.selected).copied();
        match chosen {
            Some(Entry::Task(task)) => {
                let filter = task.filter.clone();
                ListState::open(env, filter)
            }
            Some(Entry::Plist(task, _)) => PositiveListState::open(task.filter()),
            Some(Entry::Manifest(ManifestTask::Tab(tab), _)) => {
                crate::tui::screens::manifest::ManifestListState::open(tab)
            }
            Some(Entry::Manifest(ManifestTask::ApprovalsExpiring, _)) => {
                crate::tui::screens::manifest::ManifestRefState::open()
            }
            Some(Entry::Inspect(overdue, _)) => {
                use crate::tui::screens::inspection::{InspectionListState, InspectionTab};
                InspectionListState::open(if overdue {
                    InspectionTab::OverdueRecheck
                } else {
                    InspectionTab::Mine
                })
            }
            Some(Entry::Admin(AdminEntry::Users)) => UsersState::open(),
            Some(Entry::Admin(AdminEntry::Settings)) => SettingsState::open(),
            Some(Entry::Admin(AdminEntry::Audit)) => AuditState::open(env),
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
    if let Some(counts) = s.home.as_ref().and_then(|h| h.assist.as_ref()) {
        assistance_lines(frame, body, app, counts);
    }
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
        let d = crate::tui::screens::enterprise::detail_view::profile_lines(
            own,
            lang,
            app.session.as_ref(),
        );
        // Room is kept for the two 帮扶 lines and the 转移联单 line at the bottom.
        let reserved =
            if home.assist.is_some() { 6 } else { 4 } + usize::from(home.manifests.is_some());
        if let Some(c) = &home.manifests {
            manifest_line(frame, body, app, c, home.assist.is_some());
        }
        for (i, (label, value)) in d
            .iter()
            .take(usize::from(body.height).saturating_sub(reserved))
            .enumerate()
        {
            let y = body.y + 3 + i as u16;
            put(frame, x, y, label, 18, theme.label());
            crate::tui::draw::put_db(frame, x + 18, y, value, w - 18, theme.base());
        }
        return;
    }
    if let Some(year) = home.calendar_missing {
        let text = crate::i18n::Text::new(T::CalendarNextYearMissing)
            .arg("year", year)
            .render(lang);
        put_fit(
            frame,
            body.x + 1,
            body.y,
            &text,
            usize::from(body.width).saturating_sub(2),
            theme.warning(),
        );
    }
    let may = |a: Action| app.may(a);
    // Lay out headings, entries and gaps first, then show the window that keeps the selection visible
    // above the two 帮扶 lines, so no entry is ever out of reach at 80x24.
    let entries = s.entries(may);
    let mut rows: Vec<Option<(usize, &Entry)>> = Vec::new();
    let mut headings: Vec<(usize, T)> = Vec::new();
    let mut group = None;
    for (i, entry) in entries.iter().enumerate() {
        if group != Some(entry.group()) {
            if group.is_some() {
                rows.push(None);
            }
            group = Some(entry.group());
            headings.push((rows.len(), entry.group()));
            rows.push(None);
        }
        rows.push(Some((i, entry)));
    }
    let reserved = if home.assist.is_some() { 3 } else { 1 };
    let room = usize::from(body.height).saturating_sub(reserved);
    let selected_row = rows
        .iter()
        .position(|r| matches!(r, Some((i, _)) if *i == s.selected))
        .unwrap_or(0);
    let offset = (selected_row + 1).saturating_sub(room);
    for (n, row) in rows.iter().enumerate().skip(offset).take(room) {
        let y = body.y + 1 + (n - offset) as u16;
        let Some((i, entry)) = row else {
            if let Some((_, heading)) = headings.iter().find(|(at, _)| *at == n) {
                put(frame, x, y, heading.get(lang), w, theme.heading());
            }
            continue;
        };
        let (label, count_text, alert, zero) = match entry {
            Entry::Admin(a) => (a.label().get(lang), String::new(), false, false),
            Entry::Task(task) => (
                task.kind.label().get(lang),
                count(task.count),
                task.kind.is_alert() && task.count > 0,
                task.count == 0,
            ),
            Entry::Plist(task, n) => (task.label().get(lang), count(*n), *n > 0, *n == 0),
            Entry::Manifest(task, n) => (
                task.label().get(lang),
                count(*n),
                task.is_alert() && *n > 0,
                *n == 0,
            ),
            Entry::Inspect(overdue, n) => (
                if *overdue {
                    T::InspectionTabOverdue.get(lang)
                } else {
                    T::InspectionHomeMine.get(lang)
                },
                count(*n),
                *overdue && *n > 0,
                *n == 0,
            ),
        };
        let line = format!("  {}{}", fit(label, w - 12), fit_right(&count_text, 8));
        let style = if *i == s.selected {
            theme.selected()
        } else if alert {
            theme.warning()
        } else if zero {
            theme.dim()
        } else {
            theme.base()
        };
        put_fit(frame, x, y, &line, w, style);
    }
}

/// The 帮扶 queue sizes and SLA alerts, on the last two lines of the body.
fn assistance_lines(
    frame: &mut ratatui::Frame<'_>,
    body: ratatui::layout::Rect,
    app: &crate::tui::app::App,
    c: &crate::service::assistance::QueueCounts,
) {
    use crate::domain::assistance::AssistanceState;
    let n = |state: AssistanceState| {
        c.by_state
            .iter()
            .find(|(s, _)| *s == state)
            .map_or(0, |(_, n)| *n)
    };
    let w = usize::from(body.width).saturating_sub(2);
    let line = Text::new(T::AssistanceHomeLine)
        .arg("submitted", n(AssistanceState::Submitted))
        .arg("accepted", n(AssistanceState::Accepted))
        .arg(
            "working",
            n(AssistanceState::InProgress) + n(AssistanceState::Suspended),
        )
        .arg("rating", n(AssistanceState::AwaitingRating))
        .render(app.lang);
    let alerts = Text::new(T::AssistanceHomeAlerts)
        .arg("near", c.near_due)
        .arg("overdue", c.overdue)
        .render(app.lang);
    let y = body.bottom().saturating_sub(2);
    crate::tui::draw::put(frame, body.x + 1, y, &line, w, app.theme.base());
    let style = if c.overdue > 0 {
        app.theme.error()
    } else if c.near_due > 0 {
        app.theme.warning()
    } else {
        app.theme.dim()
    };
    crate::tui::draw::put(frame, body.x + 1, y + 1, &alerts, w, style);
}

/// The enterprise's 转移联单 figures, above the 帮扶 lines: what waits and how many alerts.
fn manifest_line(
    frame: &mut ratatui::Frame<'_>,
    body: ratatui::layout::Rect,
    app: &crate::tui::app::App,
    c: &crate::service::manifest::ManifestCounts,
    above_assistance: bool,
) {
    let alerts: i64 = c.alerts.iter().map(|(_, n)| *n).sum();
    let line = Text::new(T::ManifestHomeLine)
        .arg("drafts", c.drafts)
        .arg("receipt", c.awaiting_receipt)
        .arg("discrepancy", c.discrepancy)
        .arg("alerts", alerts)
        .render(app.lang);
    let y = body
        .bottom()
        .saturating_sub(if above_assistance { 3 } else { 1 });
    let style = if alerts > 0 {
        app.theme.warning()
    } else {
        app.theme.base()
    };
    let w = usize::from(body.width).saturating_sub(2);
    crate::tui::draw::put(frame, body.x + 1, y, &line, w, style);
}
