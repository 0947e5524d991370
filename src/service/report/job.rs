//! The summary computed where a person waits for it: progress after each module, and a cancel (Esc)
//! that stops even a query already running. The work runs on its own connection, so the screen that
//! started it stays responsive.

use crate::i18n::{T, Text};
use crate::service::{Result, ServiceError, Session};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Stops a long read on one connection: sets a flag checked between steps and interrupts the
/// statement running at the moment.
#[derive(Clone)]
pub struct Cancel {
    flag: Arc<AtomicBool>,
    interrupt: Arc<rusqlite::InterruptHandle>,
}

impl std::fmt::Debug for Cancel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cancel")
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl Cancel {
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::SeqCst);
        self.interrupt.interrupt();
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// The refusal a cancelled job ends with; any error after a cancel is reported as this, since an
    /// interrupted statement fails with a database error that would only confuse.
    pub(crate) fn outcome<V>(&self, result: Result<V>) -> Result<V> {
        match result {
            Err(_) if self.is_cancelled() => Err(cancelled()),
            Ok(_) if self.is_cancelled() => Err(cancelled()),
            other => other,
        }
    }
}

pub(crate) fn cancelled() -> ServiceError {
    ServiceError::Refused(Text::new(T::ReportCancelled))
}

/// Where a summary being computed has got to: `done` of `total` modules; `next` is the module being
/// computed now (`None` once all are done and the file is being written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SummaryProgress {
    pub done: usize,
    pub total: usize,
    pub next: Option<T>,
}

impl crate::service::Reports<'_> {
    /// A cancel handle for work running on this session's connection.
    pub fn cancel_handle(&self) -> Cancel {
        Cancel {
            flag: Arc::new(AtomicBool::new(false)),
            interrupt: Arc::new(self.conn.get_interrupt_handle()),
        }
    }

    /// A second session for the same, already authenticated actor on its own connection to the same
    /// file, for work on another thread.
    pub fn reopen(&self) -> Result<Session> {
        let path = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from)
            .ok_or(ServiceError::NotFound)?;
        let conn = crate::store::db::open(&path)?;
        Session::new(conn, self.actor.clone(), self.clock.clone())
    }
}
