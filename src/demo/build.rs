//! The demo build's one connection, lent to each step of the stories as the demo account whose part it
//! is, with a clock set in the past.

use crate::domain::account::Actor;
use crate::service::{Clock, Result, ServiceError, Session};
use crate::store::account;
use chrono::Duration;
use std::collections::HashMap;
use std::sync::Arc;

/// The session every part of the demo is written through. The file is being built under a temporary
/// name with the rollback journal off (see `store::bulk::begin_build`); a connection per story step
/// would switch it back to WAL and write every bulk page twice.
pub(in crate::demo) struct Build {
    session: Session,
    base: Clock,
    actors: HashMap<&'static str, Actor>,
}

impl Build {
    pub(in crate::demo) fn new(session: Session) -> Build {
        let base = session.clock.clone();
        Build {
            session,
            base,
            actors: HashMap::new(),
        }
    }

    /// The session as the demo account `username`, its clock `days_ago` days before the build's.
    pub(in crate::demo) fn act(
        &mut self,
        username: &'static str,
        days_ago: i64,
    ) -> Result<&mut Session> {
        let actor = match self.actors.get(username) {
            Some(a) => a.clone(),
            None => {
                let a = account::find_by_username(&self.session.conn, username)?
                    .ok_or(ServiceError::NotFound)?
                    .actor();
                self.actors.insert(username, a.clone());
                a
            }
        };
        let base = self.base.clone();
        self.session.actor = actor;
        self.session.clock = Arc::new(move || base() - Duration::days(days_ago));
        Ok(&mut self.session)
    }

    /// The session as the system actor at the build's own clock: the bulk writers'.
    pub(in crate::demo) fn system(&mut self) -> &mut Session {
        self.session.actor = Actor::system();
        self.session.clock = self.base.clone();
        &mut self.session
    }

    pub(in crate::demo) fn into_session(self) -> Session {
        self.session
    }
}
