//! The loop: an input thread turns terminal events into messages on a channel; the main thread blocks
//! on it, drains bursts in one go, applies `update`, draws when the state changed (inside a
//! synchronized update), then carries out the effects through the service layer and feeds the results
//! back. The runtime owns the `Session`; nothing else touches the database.

use crate::i18n::{T, Text};
use crate::service::{Clock, Session};
use crate::tui::app::{App, update};
use crate::tui::msg::{Effect, Msg};
use crate::tui::render::draw;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::collections::VecDeque;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often, while idle, the loop checks the idle lock and whether another process committed.
const IDLE_TICK: Duration = Duration::from_secs(2);

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
                    let _ = tx.send(Msg::InputClosed);
                    return;
                }
            };
            if tx.send(msg).is_err() {
                return;
            }
        }
    });
}

/// Turns a hang-up (the SSH session dropped, the terminal window closed) or a polite kill into
/// `Msg::InputClosed`, so the loop keeps the drafts before stopping instead of dying mid-keystroke.
pub fn spawn_signals(tx: Sender<Msg>) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!("cannot watch for hang-ups: {e}");
            return;
        }
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            tracing::info!(sig, "hang-up or termination signal");
            let _ = tx.send(Msg::InputClosed);
        }
    });
}

pub struct Runtime {
    pub(crate) db_path: PathBuf,
    pub(crate) clock: Clock,
    pub(crate) session: Option<Session>,
    pub(crate) data_version: Option<i64>,
    /// Running timers: when each is due and the token it reports.
    pub(crate) timers: Vec<(Instant, u64)>,
    last_input: Instant,
    /// Where work running on other threads reports back (the loop's own channel).
    pub(crate) tx: Option<Sender<Msg>>,
    /// The summary being computed in the background, to cancel on Esc or on quitting.
    pub(crate) report_job: Option<(crate::service::report::job::Cancel, JoinHandle<()>)>,
}

impl Runtime {
    pub fn new(db_path: PathBuf, clock: Clock) -> Runtime {
        Runtime {
            db_path,
            clock,
            session: None,
            data_version: None,
            timers: Vec::new(),
            last_input: Instant::now(),
            tx: None,
            report_job: None,
        }
    }

    /// Starts with a session already open (a program embedding the interface, or a test that opened
    /// the connection with its own settings) instead of asking for a login.
    pub fn with_session(mut self, session: Session) -> Runtime {
        self.session = Some(session);
        self
    }

    /// Lets background work (the summary report) report through the loop's channel.
    pub fn with_sender(mut self, tx: Sender<Msg>) -> Runtime {
        self.tx = Some(tx);
        self
    }

    /// Waits for the next burst of messages (or a timer) and returns them in order.
    fn next_batch(&mut self, rx: &Receiver<Msg>) -> VecDeque<Msg> {
        let now = Instant::now();
        let timeout = self
            .timers
            .iter()
            .map(|(due, _)| due.saturating_duration_since(now))
            .min()
            .unwrap_or(IDLE_TICK)
            .min(IDLE_TICK);
        let mut batch = VecDeque::new();
        match rx.recv_timeout(timeout) {
            Ok(m) => {
                batch.push_back(m);
                batch.extend(rx.try_iter());
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => batch.push_back(Msg::InputClosed),
        }
        if batch
            .iter()
            .any(|m| matches!(m, Msg::Key(_) | Msg::Paste(_)))
        {
            self.last_input = Instant::now();
        }
        let now = Instant::now();
        let (due, waiting): (Vec<_>, Vec<_>) = self.timers.iter().partition(|(at, _)| *at <= now);
        self.timers = waiting;
        batch.extend(due.into_iter().map(|(_, token)| Msg::Debounced(token)));
        if batch.is_empty() {
            batch.push_back(Msg::Tick {
                idle_secs: self.last_input.elapsed().as_secs(),
            });
        }
        batch
    }

    /// Runs until the person quits or the terminal goes away. Either way the effects of the last
    /// message (keeping drafts) are carried out before returning.
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
                    self.stop_report_job();
                    for e in effects {
                        self.execute(e);
                    }
                    return Ok(());
                }
                if effects.iter().any(|e| !e.is_instant()) && app.redraw {
                    self.draw(terminal, app)?;
                }
                let mut results = Vec::new();
                for e in effects {
                    if matches!(e, Effect::ClearScreen) {
                        clear(terminal).map_err(|e| self.terminal_lost(app, &e))?;
                        app.redraw = true;
                    }
                    results.extend(self.execute(e));
                }
                for r in results.into_iter().rev() {
                    pending.push_front(r);
                }
            }
            if app.redraw {
                self.draw(terminal, app)?;
            }
            pending = self.next_batch(rx);
        }
    }

    fn draw(&mut self, terminal: &mut Term, app: &mut App) -> Result<(), String> {
        render(terminal, app).map_err(|e| self.terminal_lost(app, &e))?;
        app.redraw = false;
        Ok(())
    }

    /// Writing to the terminal failed (the connection dropped before the hang-up arrived): keep the
    /// drafts as if the input had closed, and report the failure.
    fn terminal_lost(&mut self, app: &mut App, e: &io::Error) -> String {
        tracing::warn!("terminal lost: {e}");
        for effect in update(app, Msg::InputClosed) {
            self.execute(effect);
        }
        e.to_string()
    }

    /// Carries out one effect; returns the message with its result, if it has one.
    pub fn execute(&mut self, effect: Effect) -> Option<Msg> {
        let started = Instant::now();
        let label = format!("{effect:?}").chars().take(60).collect::<String>();
        let msg = self.execute_inner(effect);
        tracing::debug!(elapsed_ms = started.elapsed().as_millis() as u64, "{label}");
        msg
    }
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
    let drawn = terminal
        .draw(|f| {
            draw(f, app);
            crate::tui::text::neutralize_controls(f.buffer_mut());
        })
        .map(|_| ());
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
