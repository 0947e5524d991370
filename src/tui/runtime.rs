//! The loop: an input thread turns terminal events into messages on a channel; the main thread blocks
//! on it, drains bursts in one go, applies `update`, draws when the state changed (inside a
//! synchronized update), then carries out the effects through the service layer and feeds the results
//! back. The runtime owns the `Session`; nothing else touches the database.

use crate::domain::user::Role;
use crate::i18n::{T, Text};
use crate::service::demo::{self, Scale};
use crate::service::{Clock, ServiceError, Session, auth, setup};
use crate::tui::app::{App, update};
use crate::tui::msg::{DetailData, Effect, Msg, PageRequest, PageStart, SaveError, SessionInfo};
use crate::tui::render::draw;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::collections::VecDeque;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How often, while idle, the loop checks the idle lock and whether another process committed.
const IDLE_TICK: Duration = Duration::from_secs(2);

/// Rows of audit history the detail view shows.
const HISTORY_ROWS: usize = 200;

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Reads terminal events until the channel closes. Key releases are dropped here.
pub fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => Msg::Key(k),
                Ok(Event::Paste(s)) => Msg::Paste(s),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(e) => {
                    tracing::error!("terminal input failed: {e}");
                    return;
                }
            };
            if tx.send(msg).is_err() {
                return;
            }
        }
    });
}

pub struct Runtime {
    db_path: PathBuf,
    clock: Clock,
    session: Option<Session>,
    data_version: Option<i64>,
    debounce: Option<(Instant, u64)>,
    last_input: Instant,
}

impl Runtime {
    pub fn new(db_path: PathBuf, clock: Clock) -> Runtime {
        Runtime {
            db_path,
            clock,
            session: None,
            data_version: None,
            debounce: None,
            last_input: Instant::now(),
        }
    }

    /// Waits for the next burst of messages (or a timer) and returns them in order.
    fn next_batch(&mut self, rx: &Receiver<Msg>) -> Result<VecDeque<Msg>, String> {
        let now = Instant::now();
        let timeout = match self.debounce {
            Some((due, _)) => due.saturating_duration_since(now).min(IDLE_TICK),
            None => IDLE_TICK,
        };
        let mut batch = VecDeque::new();
        match rx.recv_timeout(timeout) {
            Ok(m) => {
                batch.push_back(m);
                batch.extend(rx.try_iter());
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Err("terminal input closed".into()),
        }
        if batch
            .iter()
            .any(|m| matches!(m, Msg::Key(_) | Msg::Paste(_)))
        {
            self.last_input = Instant::now();
        }
        if let Some((due, token)) = self.debounce
            && Instant::now() >= due
        {
            self.debounce = None;
            batch.push_back(Msg::Debounced(token));
        }
        if batch.is_empty() {
            batch.push_back(Msg::Tick {
                idle_secs: self.last_input.elapsed().as_secs(),
            });
        }
        Ok(batch)
    }

    /// Runs until the person quits.
    pub fn run(
        &mut self,
        terminal: &mut Term,
        app: &mut App,
        rx: &Receiver<Msg>,
    ) -> Result<(), String> {
        let mut pending: VecDeque<Msg> = VecDeque::new();
        loop {
            // One message at a time, so keys typed during a save reach the form after its result;
            // the screen is drawn before slow work and once at the end of the burst.
            while let Some(m) = pending.pop_front() {
                let effects = update(app, m);
                if app.quit {
                    return Ok(());
                }
                if effects.iter().any(|e| !e.is_instant()) && app.redraw {
                    render(terminal, app).map_err(|e| e.to_string())?;
                    app.redraw = false;
                }
                let mut results = Vec::new();
                for e in effects {
                    if matches!(e, Effect::ClearScreen) {
                        clear(terminal).map_err(|e| e.to_string())?;
                        app.redraw = true;
                    }
                    results.extend(self.execute(e));
                }
                for r in results.into_iter().rev() {
                    pending.push_front(r);
                }
            }
            if app.redraw {
                render(terminal, app).map_err(|e| e.to_string())?;
                app.redraw = false;
            }
            pending = self.next_batch(rx)?;
        }
    }

    fn session(&mut self) -> Option<&mut Session> {
        self.session.as_mut()
    }

    /// Carries out one effect; returns the message with its result, if it has one.
    pub fn execute(&mut self, effect: Effect) -> Option<Msg> {
        let started = Instant::now();
        let label = format!("{effect:?}").chars().take(60).collect::<String>();
        let msg = self.execute_inner(effect);
        tracing::debug!(elapsed_ms = started.elapsed().as_millis() as u64, "{label}");
        msg
    }

    fn execute_inner(&mut self, effect: Effect) -> Option<Msg> {
        let text = |e: ServiceError| e.text();
        match effect {
            Effect::Quit | Effect::ClearScreen => None,
            Effect::Debounce { token, ms } => {
                self.debounce = Some((Instant::now() + Duration::from_millis(ms), token));
                None
            }
            Effect::InitDatabase { admin, password } => Some(Msg::SetupDone(
                setup::init(&self.db_path, &admin, &password, &self.clock)
                    .map(|()| admin)
                    .map_err(text),
            )),
            Effect::GenerateDemo => Some(Msg::DemoDone(
                demo::generate(&self.db_path, Scale::Small, &self.clock)
                    .map(|s| (s.enterprises, s.accounts))
                    .map_err(text),
            )),
            Effect::Login { username, password } => {
                let result =
                    auth::login_path(&self.db_path, &username, &password, self.clock.clone())
                        .and_then(|s| {
                            let info = SessionInfo {
                                actor: s.actor.clone(),
                                demo: s.is_demo(),
                                idle_lock_minutes: s.idle_lock_minutes(),
                                regions: s.regions()?,
                            };
                            Ok((s, info))
                        });
                Some(Msg::LoggedIn(match result {
                    Ok((s, info)) => {
                        tracing::info!(user = %info.actor.username, "logged in");
                        self.data_version = s.data_version().ok();
                        self.session = Some(s);
                        Ok(info)
                    }
                    Err(e) => Err(e.text()),
                }))
            }
            Effect::Logout => {
                self.session = None;
                None
            }
            Effect::Unlock { password } => {
                let s = self.session()?;
                Some(Msg::Unlocked(s.unlock(&password).map_err(text)))
            }
            Effect::LoadHome => Some(Msg::HomeLoaded(self.session()?.home().map_err(text))),
            Effect::LoadPage(req) => {
                let s = self.session()?;
                Some(load_page(s, req))
            }
            Effect::LoadDetail { id } => {
                let s = self.session()?;
                Some(Msg::DetailLoaded {
                    id,
                    data: load_detail(s, id).map_err(text),
                })
            }
            Effect::LoadForEdit { id } => Some(Msg::EditLoaded(
                self.session()?.enterprise(id).map_err(text),
            )),
            Effect::CheckDraft {
                req,
                editing,
                mut draft,
            } => {
                let issues = self
                    .session()?
                    .check_enterprise_draft(&mut draft, editing)
                    .unwrap_or_default();
                Some(Msg::DraftChecked { req, issues })
            }
            Effect::SaveEnterprise {
                editing,
                draft,
                warnings,
            } => {
                let s = self.session()?;
                let result = match editing {
                    Some((id, version)) => s.update_enterprise(id, version, draft, warnings),
                    None => s.create_enterprise(draft, warnings),
                };
                Some(match result {
                    Ok(e) => Msg::Saved(e),
                    Err(ServiceError::Invalid(issues)) => {
                        Msg::SaveFailed(SaveError::Invalid(issues))
                    }
                    Err(ServiceError::Conflict { by, at }) => {
                        Msg::SaveFailed(SaveError::Conflict { by, at })
                    }
                    Err(e) => Msg::SaveFailed(SaveError::Other(e.text())),
                })
            }
            Effect::DeleteEnterprise {
                id,
                row_version,
                reason,
            } => {
                let s = self.session()?;
                Some(Msg::Deleted(
                    s.delete_enterprise(id, row_version, &reason).map_err(text),
                ))
            }
            Effect::CheckDataVersion => {
                let v = self.session.as_ref()?.data_version().ok()?;
                let before = self.data_version.replace(v);
                (before.is_some() && before != Some(v)).then_some(Msg::DataChanged)
            }
        }
    }
}

fn load_page(s: &Session, req: PageRequest) -> Msg {
    let fetch = req.limit + 1;
    let rows = match &req.start {
        PageStart::After(c) => s.list_enterprises(&req.filter, c.as_ref(), fetch),
        PageStart::Before(c) => s.list_enterprises_before(&req.filter, c.as_ref(), fetch),
    };
    let total = if req.count {
        s.count_enterprises(&req.filter).ok()
    } else {
        None
    };
    Msg::PageLoaded {
        req: req.req,
        start: req.start,
        rows: rows.map_err(|e| e.text()),
        total,
    }
}

fn load_detail(s: &Session, id: i64) -> Result<DetailData, ServiceError> {
    let enterprise = s.enterprise(id)?;
    let former_names = s.former_names(id)?;
    let bureau = s.actor.roles.iter().any(|r| *r != Role::Enterprise);
    let history = if bureau {
        match s.enterprise_history(id, HISTORY_ROWS) {
            Ok(h) => Some(h),
            Err(ServiceError::Forbidden(_)) => None,
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    Ok(DetailData {
        enterprise,
        former_names,
        history,
    })
}

/// Clears the screen and makes the next frame redraw every cell. Unlike `Terminal::clear` it does not
/// ask the terminal for the cursor position: that answer would have to come through the input thread's
/// reader (and some terminals never answer), so asking could stall the loop.
pub fn clear(terminal: &mut Term) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Draws one frame inside a synchronized update, so the terminal shows it whole.
fn render(terminal: &mut Term, app: &App) -> io::Result<()> {
    crossterm::execute!(
        terminal.backend_mut(),
        crossterm::terminal::BeginSynchronizedUpdate
    )?;
    let drawn = terminal.draw(|f| draw(f, app)).map(|_| ());
    crossterm::execute!(
        terminal.backend_mut(),
        crossterm::terminal::EndSynchronizedUpdate
    )?;
    drawn
}

/// A message for failures before the interface is up.
pub fn startup_error(e: &io::Error) -> String {
    Text::new(T::ErrTerminal).arg("detail", e).bilingual()
}
