//! Home screen read model: the counts and tasks a person sees after login, in their own scope.
//! Each task carries the list filter that shows its records, so the screen can jump straight there.

use crate::domain::account::{Action, Role};
use crate::domain::enterprise::Enterprise;
use crate::i18n::T;
use crate::service::{Result, Session};
use crate::store::enterprise::{Alert, Cursor, Filter};
use crate::store::home::enterprise_counts;

/// Days ahead in which an expiring permit is an alert.
pub const PERMIT_WARNING_DAYS: i64 = 30;

/// What a home task counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskKind {
    PermitExpiring,
    PermitExpired,
    NonstandardUscc,
    WarningsAcknowledged,
    Operating,
    Suspended,
    Closed,
    All,
}

impl TaskKind {
    pub fn label(self) -> T {
        match self {
            TaskKind::PermitExpiring => T::TaskPermitExpiring,
            TaskKind::PermitExpired => T::TaskPermitExpired,
            TaskKind::NonstandardUscc => T::TaskNonstandardUscc,
            TaskKind::WarningsAcknowledged => T::TaskWarningsAcknowledged,
            TaskKind::Operating => T::TaskOperating,
            TaskKind::Suspended => T::TaskSuspended,
            TaskKind::Closed => T::TaskClosed,
            TaskKind::All => T::TaskAll,
        }
    }

    /// Alerts ask for attention when their count is not zero; the others are plain counts.
    pub fn is_alert(self) -> bool {
        matches!(
            self,
            TaskKind::PermitExpiring
                | TaskKind::PermitExpired
                | TaskKind::NonstandardUscc
                | TaskKind::WarningsAcknowledged
        )
    }
}

/// One line of the home screen: what, how many, and the filter that lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HomeTask {
    pub kind: TaskKind,
    pub count: i64,
    pub filter: Filter,
}

/// The home screen: tasks for bureau accounts, the own enterprise's card for enterprise accounts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Home {
    pub tasks: Vec<HomeTask>,
    pub own: Option<Enterprise>,
    /// 正面清单 counts for bureau roles that see the list.
    pub plist: Option<crate::service::positive_list::ListCounts>,
    /// 帮扶 queue sizes and SLA alerts, for roles that see assistance requests.
    pub assist: Option<crate::service::assistance::QueueCounts>,
    /// 转移联单 waiting and alert counts, for roles that see manifests.
    pub manifests: Option<crate::service::manifest::ManifestCounts>,
    /// 执法检查: the person's pending checks and the overdue re-checks (inspections).
    pub inspect: Option<crate::service::inspection::InspectionCounts>,
    /// From 1 December, for administrators and staff: next year, when the working-day calendar does
    /// not cover it yet (deadlines reaching it would be estimated on weekdays).
    pub calendar_missing: Option<i32>,
}

impl Session {
    /// The home screen of this actor, counted within their scope.
    pub fn home(&self) -> Result<Home> {
        self.require(Action::EnterpriseRead)?;
        if self.actor.roles == [Role::Enterprise] {
            let own = match self.actor.enterprise_id {
                Some(id) => Some(self.enterprises().get(id)?),
                None => None,
            };
            return Ok(Home {
                tasks: Vec::new(),
                own,
                plist: None,
                assist: self.home_assist()?,
                manifests: self.home_manifests()?,
                inspect: None,
                calendar_missing: None,
            });
        }
        let today = self.today();
        let until = today + chrono::Duration::days(PERMIT_WARNING_DAYS);
        let (t, u) = (
            today.format("%Y-%m-%d").to_string(),
            until.format("%Y-%m-%d").to_string(),
        );
        let c = enterprise_counts(&self.conn, &self.enterprises().scope(), &t, &u)?;
        let with_alert = |alert: Alert| Filter {
            alert: Some(alert),
            ..Filter::default()
        };
        let with_status = |status: &str| Filter {
            status: Some(status.to_string()),
            ..Filter::default()
        };
        let tasks = vec![
            HomeTask {
                kind: TaskKind::PermitExpiring,
                count: c.permit_expiring,
                filter: with_alert(Alert::PermitExpiring {
                    from: t.clone(),
                    to: u,
                }),
            },
            HomeTask {
                kind: TaskKind::PermitExpired,
                count: c.permit_expired,
                filter: with_alert(Alert::PermitExpired { before: t }),
            },
            HomeTask {
                kind: TaskKind::NonstandardUscc,
                count: c.nonstandard_uscc,
                filter: with_alert(Alert::NonstandardUscc),
            },
            HomeTask {
                kind: TaskKind::WarningsAcknowledged,
                count: c.warnings_acknowledged,
                filter: with_alert(Alert::WarningsAcknowledged),
            },
            HomeTask {
                kind: TaskKind::Operating,
                count: c.operating,
                filter: with_status("operating"),
            },
            HomeTask {
                kind: TaskKind::Suspended,
                count: c.suspended,
                filter: with_status("suspended"),
            },
            HomeTask {
                kind: TaskKind::Closed,
                count: c.closed,
                filter: with_status("closed"),
            },
            HomeTask {
                kind: TaskKind::All,
                count: c.total,
                filter: Filter::default(),
            },
        ];
        let plist = self
            .check(Action::ListRead, crate::domain::account::Target::any())
            .ok()
            .map(|()| self.positive_list().counts())
            .transpose()?;
        Ok(Home {
            calendar_missing: self.next_year_calendar_missing()?,
            tasks,
            own: None,
            plist,
            assist: self.home_assist()?,
            manifests: self.home_manifests()?,
            inspect: self
                .inspections()
                .counts()
                .ok()
                .filter(|c| *c != Default::default()),
        })
    }

    /// Next year, when today is in December, the actor is an administrator or staff, and the
    /// working-day calendar does not cover that year.
    pub fn next_year_calendar_missing(&self) -> Result<Option<i32>> {
        use chrono::Datelike;
        let today = self.today();
        let concerned = self
            .actor
            .roles
            .iter()
            .any(|r| matches!(r, Role::Admin | Role::Staff));
        if !concerned || today.month() != 12 {
            return Ok(None);
        }
        let next = today.year() + 1;
        Ok((!self.calendar()?.covered_years().any(|y| y == next)).then_some(next))
    }

    // 危险废物转移联单 (manifests)
    fn home_manifests(&self) -> Result<Option<crate::service::manifest::ManifestCounts>> {
        if self.require(Action::ManifestRead).is_err() {
            return Ok(None);
        }
        Ok(Some(self.manifests().counts()?))
    }

    fn home_assist(&self) -> Result<Option<crate::service::assistance::QueueCounts>> {
        if self.require(Action::AssistanceRead).is_err() {
            return Ok(None);
        }
        Ok(Some(self.assistance().counts()?))
    }

    /// The page of enterprises that ends just before `before` (the last page when `None`).
    pub fn list_enterprises_before(
        &self,
        f: &Filter,
        before: Option<&Cursor>,
        limit: usize,
    ) -> Result<Vec<Enterprise>> {
        self.require(Action::EnterpriseRead)?;
        Ok(crate::store::enterprise::page_before(
            &self.conn,
            &self.enterprises().scope(),
            f,
            before,
            limit,
        )?)
    }
}
