//! Application state and the pure `update`: a message in, the new state and a list of effects out.
//! No terminal, no database, no clock: tests drive it with key sequences and canned results.

use crate::domain::account::{Action, Target, authorize};
use crate::i18n::{Lang, T, Text};
use crate::tui::keymap::{Cmd, Ctx, Key, lookup};
use crate::tui::msg::{Effect, SessionInfo};
pub use crate::tui::outcome::{Env, Input, Level, Message, Nav, Out};
use crate::tui::overlays::confirm::{ConfirmKind, ConfirmState};
use crate::tui::overlays::help::HelpState;
use crate::tui::overlays::palette::PaletteState;
use crate::tui::overlays::{Overlay, OverlayOut};
use crate::tui::screens::admin::AdminEffect;
use crate::tui::screens::admin::audit::AuditState;
use crate::tui::screens::admin::settings::SettingsState;
use crate::tui::screens::admin::users::UsersState;
use crate::tui::screens::enterprise::form::FormState;
use crate::tui::screens::enterprise::list::ListState;
use crate::tui::screens::home::HomeState;
use crate::tui::screens::login::{LockState, LoginState};
use crate::tui::screens::setup::SetupState;
use crate::tui::theme::Theme;
pub use crate::tui::update::update;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use crate::tui::screen::Screen;

/// Everything the interface knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub size: (u16, u16),
    pub session: Option<SessionInfo>,
    /// Never empty.
    pub screens: Vec<Screen>,
    pub overlay: Option<Overlay>,
    /// The idle lock, drawn over everything; the screens stay as they were behind it.
    pub locked: Option<LockState>,
    pub message: Option<Message>,
    /// Set when the state changed and the screen must be drawn again.
    pub redraw: bool,
    pub quit: bool,
    next_req: u64,
}

impl App {
    /// A new interface: first-run setup when there is no database yet, the login screen otherwise.
    pub fn new(lang: Lang, theme: Theme, size: (u16, u16), first_run: bool) -> App {
        let screen = if first_run {
            Screen::Setup(SetupState::default())
        } else {
            Screen::Login(LoginState::default())
        };
        App {
            lang,
            theme,
            size,
            session: None,
            screens: vec![screen],
            overlay: None,
            locked: None,
            message: None,
            redraw: true,
            quit: false,
            next_req: 0,
        }
    }

    pub fn screen(&self) -> &Screen {
        // `screens` is never empty: every pop keeps the bottom screen.
        &self.screens[self.screens.len() - 1]
    }

    /// The context keys are looked up in.
    pub fn ctx(&self) -> Ctx {
        if self.locked.is_some() {
            Ctx::Lock
        } else if let Some(o) = &self.overlay {
            o.ctx()
        } else {
            self.screen().ctx()
        }
    }

    /// The context of the screen under any overlay (what help and the palette talk about).
    pub fn screen_ctx(&self) -> Ctx {
        if self.locked.is_some() {
            Ctx::Lock
        } else {
            self.screen().ctx()
        }
    }

    pub fn may(&self, action: Action) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| authorize(&s.actor, action, Target::any()).is_ok())
    }

    /// Whether a command is offered to this person (see [`offered`]).
    pub fn offers(&self, cmd: Cmd) -> bool {
        crate::tui::outcome::offered(self.session.as_ref(), cmd)
    }

    pub(crate) fn split(&mut self) -> (&mut Vec<Screen>, Env<'_>) {
        let env = Env {
            lang: self.lang,
            session: self.session.as_ref(),
            size: self.size,
            next_req: &mut self.next_req,
        };
        (&mut self.screens, env)
    }

    /// Runs a handler on the top screen with its environment.
    pub(crate) fn with_top(&mut self, f: impl FnOnce(&mut Screen, &mut Env<'_>) -> Out) -> Out {
        let (screens, mut env) = self.split();
        match screens.last_mut() {
            Some(top) => f(top, &mut env),
            None => Out::default(),
        }
    }

    /// Runs a handler on every screen of the stack, top first (results addressed to a screen that is
    /// no longer on top, such as a list refreshed behind the detail view).
    pub(crate) fn with_each(&mut self, mut f: impl FnMut(&mut Screen, &mut Env<'_>) -> Out) -> Out {
        let (screens, mut env) = self.split();
        let mut out = Out::default();
        for s in screens.iter_mut().rev() {
            let o = f(s, &mut env);
            out.effects.extend(o.effects);
            out.nav.extend(o.nav);
            out.message = o.message.or(out.message);
        }
        out
    }

    /// Whether any form on the stack has unsaved changes.
    pub fn has_unsaved(&self) -> bool {
        self.screens.iter().any(Screen::is_dirty)
    }

    /// Applies a handler's decision: navigation, message, effects.
    pub(crate) fn apply(&mut self, out: Out) -> Vec<Effect> {
        let mut effects = out.effects;
        if let Some(m) = out.message {
            self.message = Some(m);
        }
        for nav in out.nav {
            match nav {
                Nav::Push(s) => self.screens.push(s),
                Nav::Pop => {
                    if self.screens.len() > 1 {
                        self.screens.pop();
                        effects.extend(self.on_return());
                    }
                }
                Nav::Replace(s) => {
                    if let Some(top) = self.screens.last_mut() {
                        *top = s;
                    }
                }
                Nav::Open(o) => self.overlay = Some(o),
            }
        }
        effects
    }

    /// A screen came back to the top: refresh what may have changed while it was covered.
    pub(crate) fn on_return(&mut self) -> Vec<Effect> {
        let out = self.with_top(|s, env| s.on_return(env));
        out.effects
    }

    fn go_home(&mut self) -> Vec<Effect> {
        if self.session.is_none() {
            return Vec::new();
        }
        self.screens.truncate(1);
        self.overlay = None;
        if !matches!(self.screens[0], Screen::Home(_)) {
            self.screens[0] = Screen::Home(HomeState::default());
        }
        vec![Effect::LoadHome]
    }

    fn logout(&mut self) -> Vec<Effect> {
        self.session = None;
        self.overlay = None;
        self.locked = None;
        self.screens = vec![Screen::Login(LoginState::default())];
        self.message = Some(Message::info(T::MsgLoggedOut));
        vec![Effect::Logout]
    }

    /// Asks before leaving when a form has unsaved changes; otherwise does it.
    fn guarded(&mut self, kind: ConfirmKind) -> Vec<Effect> {
        if self.has_unsaved() {
            self.overlay = Some(Overlay::Confirm(ConfirmState::new(kind)));
            return Vec::new();
        }
        self.confirmed(kind)
    }

    /// Keeps a draft of every form with unsaved changes (before quitting or losing the terminal).
    fn keep_drafts(&self) -> Vec<Effect> {
        self.screens
            .iter()
            .filter_map(|s| match s {
                Screen::Form(f) if f.is_dirty() => Some(f.draft_effect()),
                _ => None,
            })
            .collect()
    }

    /// Forgets the drafts of the forms on the stack (their changes were discarded).
    fn forget_drafts(&self) -> Vec<Effect> {
        self.screens
            .iter()
            .filter_map(|s| match s {
                Screen::Form(f) => Some(f.forget_draft()),
                _ => None,
            })
            .collect()
    }

    /// The terminal is gone: keep the drafts and stop.
    pub(crate) fn input_closed(&mut self) -> Vec<Effect> {
        let mut fx = self.keep_drafts();
        self.quit = true;
        fx.push(Effect::Quit);
        fx
    }

    fn confirmed(&mut self, kind: ConfirmKind) -> Vec<Effect> {
        match kind {
            ConfirmKind::Quit => {
                let mut fx = self.keep_drafts();
                self.quit = true;
                fx.push(Effect::Quit);
                fx
            }
            ConfirmKind::Discard => {
                let mut fx: Vec<Effect> = match self.screen() {
                    Screen::Form(f) => vec![f.forget_draft()],
                    _ => Vec::new(),
                };
                fx.extend(self.apply(Out::nav(Nav::Pop)));
                fx
            }
            ConfirmKind::GoHome => {
                let mut fx = self.forget_drafts();
                fx.extend(self.go_home());
                fx
            }
            ConfirmKind::Logout => {
                let mut fx = self.forget_drafts();
                fx.extend(self.logout());
                fx
            }
            ConfirmKind::RestoreDraft { .. } => {
                let out = self.with_top(|s, _| match s {
                    Screen::Form(f) => f.restore_draft(),
                    _ => Out::default(),
                });
                self.apply(out)
            }
            ConfirmKind::SetActive { username, active } => {
                self.message = Some(Message::progress(T::MsgSaving));
                vec![Effect::Admin(AdminEffect::SetUserActive {
                    username,
                    active,
                })]
            }
            ConfirmKind::Inspection { request, .. } => {
                self.message = Some(Message::progress(T::MsgSaving));
                vec![Effect::Inspection(
                    crate::tui::screens::inspection::InspectionEffect::Do(*request),
                )]
            }
            ConfirmKind::AckWarnings(_) => {
                let out = self.with_top(|s, _| match s {
                    Screen::Form(f) => f.save_acknowledged(),
                    _ => Out::default(),
                });
                self.apply(out)
            }
            ConfirmKind::Submit(_) => {
                let out = self.with_top(|s, _| match s {
                    Screen::AssistanceForm(f) => f.save_confirmed(),
                    _ => Out::default(),
                });
                self.apply(out)
            }
            ConfirmKind::Proceed { .. } => {
                let out = self
                    .with_top(|s, env| s.from_overlay(env, crate::tui::overlays::Chosen::Proceed));
                self.apply(out)
            }
        }
    }

    /// The "no" answer of a question whose "no" acts.
    fn declined(&mut self, kind: ConfirmKind) -> Vec<Effect> {
        match kind {
            ConfirmKind::RestoreDraft { .. } => {
                let out = self.with_top(|s, _| match s {
                    Screen::Form(f) => f.discard_draft(),
                    _ => Out::default(),
                });
                self.apply(out)
            }
            _ => Vec::new(),
        }
    }

    /// Opens an administration screen from anywhere: back to it when it is on the stack already,
    /// otherwise on top of the home screen (asking first when a form would lose changes).
    fn open_admin(&mut self, cmd: Cmd) -> Vec<Effect> {
        let same = |s: &Screen| {
            matches!(
                (cmd, s),
                (Cmd::Users, Screen::Users(_))
                    | (Cmd::Settings, Screen::Settings(_))
                    | (Cmd::Audit, Screen::Audit(_))
                    | (Cmd::Assist, Screen::AssistanceQueue(_))
                    | (Cmd::Report, Screen::Report(_))
                    | (Cmd::Manifests, Screen::ManifestList(_))
                    | (
                        Cmd::Inspect,
                        Screen::InspectionList(_) | Screen::RectList(_)
                    )
                    | (Cmd::Draws, Screen::Draws(_))
            )
        };
        if self.has_unsaved() {
            return self.guarded(ConfirmKind::GoHome);
        }
        if let Some(i) = self.screens.iter().position(same) {
            self.screens.truncate(i + 1);
            return self.on_return();
        }
        self.screens.truncate(1);
        let out = self.with_top(|_, env| match cmd {
            Cmd::Users => UsersState::open(),
            Cmd::Settings => SettingsState::open(),
            Cmd::Assist => crate::tui::screens::assistance::AssistanceQueueState::open(),
            Cmd::Report => crate::tui::screens::report::ReportState::open(env),
            Cmd::Manifests => crate::tui::screens::manifest::ManifestListState::open(
                crate::tui::screens::manifest::Tab::All,
            ),
            // inspections: enterprise accounts reach their rectification orders
            Cmd::Inspect if env.may(crate::domain::account::Action::RectifyReport) => {
                crate::tui::screens::inspection::RectListState::open()
            }
            Cmd::Inspect => crate::tui::screens::inspection::InspectionListState::open(
                crate::tui::screens::inspection::InspectionTab::Mine,
            ),
            Cmd::Draws => crate::tui::screens::inspection::DrawsState::open(),
            _ => AuditState::open(env),
        });
        self.apply(out)
    }

    /// Commands that mean the same on every screen.
    fn global(&mut self, cmd: Cmd) -> Option<Vec<Effect>> {
        let ctx = self.screen_ctx();
        // A password below the policy is replaced before anything else: only the form answers.
        if matches!(self.screen(), Screen::AdminForm(f) if f.forced)
            && !matches!(cmd, Cmd::Redraw | Cmd::Quit | Cmd::Help | Cmd::Logout)
        {
            return None;
        }
        Some(match cmd {
            Cmd::Redraw => vec![Effect::ClearScreen],
            Cmd::Quit if self.locked.is_some() => self.confirmed(ConfirmKind::Quit),
            Cmd::Quit => self.guarded(ConfirmKind::Quit),
            Cmd::Help => {
                self.overlay = Some(Overlay::Help(HelpState::new(ctx)));
                Vec::new()
            }
            Cmd::Palette if ctx.is_screen() => {
                self.overlay = Some(Overlay::Palette(PaletteState::new(ctx)));
                Vec::new()
            }
            Cmd::GoHome => self.guarded(ConfirmKind::GoHome),
            Cmd::Logout => self.guarded(ConfirmKind::Logout),
            Cmd::Lock if self.session.is_some() => {
                self.locked = Some(LockState::default());
                Vec::new()
            }
            Cmd::GoList if self.session.is_some() => {
                if let Some(i) = self
                    .screens
                    .iter()
                    .position(|s| matches!(s, Screen::List(_)))
                {
                    if self.has_unsaved() {
                        return Some(self.guarded(ConfirmKind::GoHome));
                    }
                    self.screens.truncate(i + 1);
                    Vec::new()
                } else {
                    let out = self.with_top(|_, env| ListState::open(env, Default::default()));
                    self.apply(out)
                }
            }
            Cmd::Users
            | Cmd::Settings
            | Cmd::Audit
            | Cmd::Assist
            | Cmd::Report
            | Cmd::Manifests
            | Cmd::Inspect
            | Cmd::Draws
                if self.session.is_some() =>
            {
                self.open_admin(cmd)
            }
            // 圆桌座谈: on top of where the person is (from the queue, Esc goes back to it).
            Cmd::Meetings if self.session.is_some() => {
                if matches!(self.screen(), Screen::MeetingList(_)) {
                    return Some(Vec::new());
                }
                let out = self.with_top(|_, _| {
                    crate::tui::screens::assistance::meeting::MeetingListState::open()
                });
                self.apply(out)
            }
            Cmd::New if self.session.is_some() && !matches!(self.screen(), Screen::Form(_)) => {
                let out = self.with_top(|_, env| FormState::open_new(env));
                self.apply(out)
            }
            _ => return None,
        })
    }

    /// Runs a command or typed key on the current screen or overlay.
    pub fn input(&mut self, input: Input) -> Vec<Effect> {
        if let Input::Cmd(cmd) = &input {
            if let Some(action) = cmd.needs()
                && !self.may(action)
                && self.session.is_some()
            {
                self.message = Some(Message::error(
                    Text::new(T::ErrForbidden).arg_key("action", action.label()),
                ));
                return Vec::new();
            }
            if self.overlay.is_none()
                && self.locked.is_none()
                && self.screen_ctx().is_screen()
                && let Some(fx) = self.global(*cmd)
            {
                return fx;
            }
            if matches!(cmd, Cmd::Help | Cmd::Quit | Cmd::Redraw)
                && self.overlay.is_none()
                && let Some(fx) = self.global(*cmd)
            {
                return fx;
            }
            if *cmd == Cmd::Redraw {
                return vec![Effect::ClearScreen];
            }
        }
        if let Some(lock) = self.locked.as_mut() {
            let out = lock.on_input(input);
            return self.apply(out);
        }
        if let Some(overlay) = self.overlay.take() {
            return self.overlay_input(overlay, input);
        }
        let out = self.with_top(|s, env| s.on_input(env, input));
        let back = matches!(out.nav.first(), Some(Nav::Pop)) && self.screen().is_dirty();
        if back {
            self.overlay = Some(Overlay::Confirm(ConfirmState::new(ConfirmKind::Discard)));
            return out.effects;
        }
        self.apply(out)
    }

    fn overlay_input(&mut self, mut overlay: Overlay, input: Input) -> Vec<Effect> {
        let under = self.screen_ctx();
        let result = {
            let (_, env) = self.split();
            overlay.on_input(&env, under, input)
        };
        match result {
            OverlayOut::Stay(message) => {
                self.overlay = Some(overlay);
                if let Some(m) = message {
                    self.message = Some(m);
                }
                Vec::new()
            }
            OverlayOut::Close => Vec::new(),
            OverlayOut::Run(cmd) => {
                if self.offers(cmd) {
                    self.input(Input::Cmd(cmd))
                } else {
                    Vec::new()
                }
            }
            OverlayOut::Confirmed(kind) => self.confirmed(kind),
            OverlayOut::Declined(kind) => self.declined(kind),
            OverlayOut::ToScreen(o) => {
                let out = self.with_top(|s, env| s.from_overlay(env, o));
                self.apply(out)
            }
        }
    }

    pub(crate) fn on_key(&mut self, ev: KeyEvent) -> Vec<Effect> {
        if ev.kind == KeyEventKind::Release {
            return Vec::new();
        }
        // Over SSH a quick Esc followed by a key arrives as Alt+key: treat it as the two keys.
        if ev.modifiers.contains(KeyModifiers::ALT) {
            let mut fx = self.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            let mut plain = ev;
            plain.modifiers.remove(KeyModifiers::ALT);
            fx.extend(self.on_key(plain));
            return fx;
        }
        let Some(key) = Key::from_event(&ev) else {
            return Vec::new();
        };
        if !matches!(
            self.message,
            Some(Message {
                level: Level::Progress,
                ..
            })
        ) {
            self.message = None;
        }
        match lookup(self.ctx(), key) {
            Some(cmd) => self.input(Input::Cmd(cmd)),
            None => self.input(Input::Key(key)),
        }
    }

    pub(crate) fn on_tick(&mut self, idle_secs: u64) -> Vec<Effect> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        if self.locked.is_some() {
            return Vec::new();
        }
        let limit = u64::try_from(session.idle_lock_minutes.max(1))
            .unwrap_or(15)
            .saturating_mul(60);
        if idle_secs >= limit {
            self.locked = Some(LockState::default());
            self.message = Some(Message::warning(T::SessionLocked));
            self.redraw = true;
            return Vec::new();
        }
        vec![Effect::CheckDataVersion]
    }
}
