//! Supervisors' summary for a period and region: each module's figures for the period and the one
//! before, within the actor's scope. Working days come from the calendar, as for the SLA.
pub mod dossier;
pub mod job;
mod modules;

use crate::domain::account::Action;
use crate::domain::assistance::{AssistanceState, Channel, Rating, Urgency};
use crate::domain::inspection::Category;
use crate::domain::positive_list::{EntryState, RemovalCause, TriggerKind};
use crate::domain::report::{Breakdown, Figure, Period, Section, Value, breakdown_rows};
use crate::domain::time::{Instant, local_time, shanghai, stamp};
use crate::domain::validate::FieldIssue;
use crate::i18n::{Lang, T, Text};
use crate::service::report::job::{Cancel, SummaryProgress};
use crate::service::{Reports, Result, ServiceError};
use crate::store::report::{self as store, AssistanceMoment, Bounds};
use chrono::{Days, NaiveDate, TimeZone, Utc};
use serde::Serialize;

/// A summary ready to be written in any format.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub period: Period,
    pub previous: Period,
    /// `None` for the whole city.
    pub region_code: Option<String>,
    #[serde(skip)]
    pub region_zh: String,
    #[serde(skip)]
    pub region_en: String,
    /// Local time, `YYYY-MM-DD HH:MM`.
    pub generated_at: String,
    pub generated_by: String,
    /// The audit chain's head when the figures were read (`seq=… sha256=…`): a printed report keeps
    /// a digest of the history it was drawn from outside the database.
    pub audit_digest: String,
    pub sections: Vec<Section>,
}

/// One section of the summary, built for the reporting period and the one it is compared with.
type SectionBuilder<'s> = fn(&Reports<'s>, Option<&str>, &Bounds, &Bounds) -> Result<Section>;

impl Summary {
    pub fn region_name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.region_zh,
            Lang::En => &self.region_en,
        }
    }
}

/// The UTC bounds of a period of local dates: `[first day 00:00, day after the last 00:00)`.
pub fn bounds(p: &Period) -> Bounds {
    let midnight = |d: NaiveDate| {
        let local = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        shanghai()
            .from_local_datetime(&local)
            .single()
            .map_or_else(|| stamp(Utc::now()), |t| stamp(t.with_timezone(&Utc)))
    };
    Bounds {
        from: midnight(p.from),
        to: midnight(p.to.checked_add_days(Days::new(1)).unwrap_or(p.to)),
        first_day: p.from.format("%Y-%m-%d").to_string(),
        last_day: p.to.format("%Y-%m-%d").to_string(),
    }
}

/// (code, zh label, en label) of every value of an enumeration, for breakdowns in declaration order.
pub(in crate::service) fn labels<E: Copy>(
    all: &[E],
    code: fn(E) -> &'static str,
    label: fn(E) -> T,
) -> Vec<(String, String, String)> {
    all.iter()
        .map(|v| {
            (
                code(*v).to_string(),
                label(*v).get(Lang::Zh).to_string(),
                label(*v).get(Lang::En).to_string(),
            )
        })
        .collect()
}

fn mean(v: &[u32]) -> Option<f64> {
    (!v.is_empty()).then(|| f64::from(v.iter().sum::<u32>()) / v.len() as f64)
}

fn rate(hits: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| hits as f64 / of as f64)
}

pub(in crate::service) fn figure(
    key: &'static str,
    label: T,
    value: Value,
    previous: Value,
) -> Figure {
    Figure {
        key,
        label,
        value,
        previous,
    }
}

/// The assistance figures of one period.
struct AssistanceFigures {
    submitted: i64,
    completed: i64,
    response: Option<f64>,
    completion: Option<f64>,
    on_time: Option<f64>,
    satisfaction: Option<f64>,
    reopened: Option<f64>,
    by_state: Vec<(String, i64)>,
    by_channel: Vec<(String, i64)>,
    by_service: Vec<(String, i64)>,
}

impl crate::service::Reports<'_> {
    /// The summary of `period` for `region` (the actor's own region for a branch account; `None` for
    /// the whole city where the actor may see it).
    pub fn summary(&self, period: Period, region: Option<&str>) -> Result<Summary> {
        self.summary_reporting(period, region, None, &mut |_| {})
    }

    /// The summary, telling `progress` before each module and stopping with "cancelled" as soon as
    /// `cancel` is used (also in the middle of a module's queries).
    pub fn summary_reporting(
        &self,
        period: Period,
        region: Option<&str>,
        cancel: Option<&Cancel>,
        progress: &mut dyn FnMut(SummaryProgress),
    ) -> Result<Summary> {
        self.require(Action::ReportSummary)?;
        let region = match (&self.actor.region, region.filter(|r| !r.is_empty())) {
            (Some(own), Some(asked)) if asked != own => {
                return Err(ServiceError::Forbidden(Action::ReportSummary));
            }
            (Some(own), _) => Some(own.clone()),
            (None, asked) => asked.map(str::to_string),
        };
        let regions = self.regions()?;
        let (region_zh, region_en) = match &region {
            None => (
                T::ReportWholeCity.get(Lang::Zh).to_string(),
                T::ReportWholeCity.get(Lang::En).to_string(),
            ),
            Some(code) => {
                let r = regions.iter().find(|r| &r.code == code).ok_or_else(|| {
                    ServiceError::Invalid(vec![FieldIssue::error(
                        "region",
                        "unknown_region",
                        Text::new(T::ErrReportRegion).arg("code", code),
                    )])
                })?;
                (r.name_zh.clone(), r.name_en.clone())
            }
        };
        let previous = period.previous();
        let (now, before) = (bounds(&period), bounds(&previous));
        let r = region.as_deref();
        let mut steps: Vec<(T, SectionBuilder<'_>)> =
            vec![(T::ReportSecRegister, Self::register_section)];
        let modules: [(Action, T, SectionBuilder<'_>); 4] = [
            (
                Action::AssistanceRead,
                T::ReportSecAssist,
                Self::assistance_section,
            ),
            (
                Action::ListRead,
                T::ReportSecPlist,
                Self::positive_list_section,
            ),
            (
                Action::ManifestRead,
                T::ReportSecManifests,
                Self::manifest_section,
            ),
            (
                Action::InspectionRead,
                T::ReportSecInspections,
                Self::inspection_section,
            ),
        ];
        for (action, title, build) in modules {
            if self.require(action).is_ok() {
                steps.push((title, build));
            }
        }
        let total = steps.len();
        let mut sections = Vec::with_capacity(total);
        for (done, (title, build)) in steps.into_iter().enumerate() {
            progress(SummaryProgress {
                done,
                total,
                next: Some(title),
            });
            let section = build(self, r, &now, &before);
            sections.push(match cancel {
                Some(c) => c.outcome(section)?,
                None => section?,
            });
        }
        progress(SummaryProgress {
            done: total,
            total,
            next: None,
        });
        Ok(Summary {
            period,
            previous,
            region_code: region,
            region_zh,
            region_en,
            generated_at: local_time(&stamp(self.now())),
            generated_by: self.actor.display_name.clone(),
            audit_digest: {
                let d = crate::store::check::digest::current(&self.conn)?;
                crate::domain::digest::anchor(d.seq, &d.hash)
            },
            sections,
        })
    }

    fn register_section(
        &self,
        region: Option<&str>,
        now: &Bounds,
        before: &Bounds,
    ) -> Result<Section> {
        let c = &self.conn;
        Ok(Section {
            key: "register",
            title: T::ReportSecRegister,
            figures: vec![
                figure(
                    "enterprises_at_end",
                    T::RepEntAtEnd,
                    Value::Count(store::enterprises_at(c, region, &now.to)?),
                    Value::Count(store::enterprises_at(c, region, &before.to)?),
                ),
                figure(
                    "enterprises_registered",
                    T::RepEntRegistered,
                    Value::Count(store::enterprises_created(c, region, now)?),
                    Value::Count(store::enterprises_created(c, region, before)?),
                ),
            ],
            breakdowns: Vec::new(),
        })
    }

    fn assistance_figures(&self, region: Option<&str>, b: &Bounds) -> Result<AssistanceFigures> {
        let c = &self.conn;
        let cal = self.calendar()?;
        let budgets = self.assistance().budgets();
        let date = |t: &Option<Instant>| t.map(|t| t.local_day().date());
        let mut response = Vec::new();
        store::assist_times_in(c, region, b, AssistanceMoment::Accepted, |t| {
            if let (Some(s), Some(a)) = (date(&t.submitted_at), date(&t.accepted_at)) {
                response.push(cal.working_days_between(s, a));
            }
            Ok(())
        })?;
        let mut completed = Vec::new();
        store::assist_times_in(c, region, b, AssistanceMoment::Completed, |t| {
            completed.push(t);
            Ok(())
        })?;
        let mut completion = Vec::new();
        let mut on_time = 0;
        for t in &completed {
            if let (Some(start), Some(done)) = (date(&t.clock_started_at), date(&t.completed_at)) {
                let days = self.assistance().completion_days(t.id, start, done, &cal)?;
                completion.push(days);
                let urgency = Urgency::parse(&t.urgency).unwrap_or(Urgency::Normal);
                if days <= budgets.completion(urgency) {
                    on_time += 1;
                }
            }
        }
        let ratings = store::assist_ratings(c, region, b)?;
        let rated: i64 = ratings.iter().map(|(_, n)| n).sum();
        let satisfied: i64 = ratings
            .iter()
            .filter(|(code, _)| Rating::parse(code).is_some_and(|r| !r.is_poor()))
            .map(|(_, n)| n)
            .sum();
        let reopened = completed.iter().filter(|t| t.reopen_count > 0).count();
        Ok(AssistanceFigures {
            submitted: store::assist_submitted(c, region, b)?,
            completed: completed.len() as i64,
            response: mean(&response),
            completion: mean(&completion),
            on_time: rate(on_time, completion.len()),
            satisfaction: rate(
                usize::try_from(satisfied).unwrap_or(0),
                usize::try_from(rated).unwrap_or(0),
            ),
            reopened: rate(reopened, completed.len()),
            by_state: store::assist_submitted_by_state(c, region, b)?,
            by_channel: store::assist_submitted_by_channel(c, region, b)?,
            by_service: store::assist_submitted_by_service(c, region, b)?,
        })
    }

    fn assistance_section(
        &self,
        region: Option<&str>,
        now: &Bounds,
        before: &Bounds,
    ) -> Result<Section> {
        let a = self.assistance_figures(region, now)?;
        let p = self.assistance_figures(region, before)?;
        let menu: Vec<(String, String, String)> = self.assistance().service_menu()?;
        Ok(Section {
            key: "assistance",
            title: T::ReportSecAssist,
            figures: vec![
                figure(
                    "submitted",
                    T::RepAssistSubmitted,
                    Value::Count(a.submitted),
                    Value::Count(p.submitted),
                ),
                figure(
                    "completed",
                    T::RepAssistCompleted,
                    Value::Count(a.completed),
                    Value::Count(p.completed),
                ),
                figure(
                    "mean_response_days",
                    T::RepAssistResponse,
                    Value::Days(a.response),
                    Value::Days(p.response),
                ),
                figure(
                    "mean_completion_days",
                    T::RepAssistCompletion,
                    Value::Days(a.completion),
                    Value::Days(p.completion),
                ),
                figure(
                    "on_time_rate",
                    T::RepAssistOnTime,
                    Value::Rate(a.on_time),
                    Value::Rate(p.on_time),
                ),
                figure(
                    "satisfaction_rate",
                    T::RepAssistSatisfaction,
                    Value::Rate(a.satisfaction),
                    Value::Rate(p.satisfaction),
                ),
                figure(
                    "reopen_rate",
                    T::RepAssistReopen,
                    Value::Rate(a.reopened),
                    Value::Rate(p.reopened),
                ),
            ],
            breakdowns: vec![
                Breakdown {
                    key: "by_service",
                    title: T::RepByService,
                    rows: breakdown_rows(&menu, &a.by_service, Some(&p.by_service)),
                },
                Breakdown {
                    key: "by_state",
                    title: T::RepByState,
                    rows: breakdown_rows(
                        &labels(
                            AssistanceState::ALL,
                            AssistanceState::code,
                            AssistanceState::label,
                        ),
                        &a.by_state,
                        Some(&p.by_state),
                    ),
                },
                Breakdown {
                    key: "by_channel",
                    title: T::RepByChannel,
                    rows: breakdown_rows(
                        &labels(Channel::ALL, Channel::code, Channel::label),
                        &a.by_channel,
                        Some(&p.by_channel),
                    ),
                },
            ],
        })
    }

    fn positive_list_section(
        &self,
        region: Option<&str>,
        now: &Bounds,
        before: &Bounds,
    ) -> Result<Section> {
        let c = &self.conn;
        let total = |v: &[(String, i64)]| v.iter().map(|(_, n)| n).sum::<i64>();
        let admitted = |b: &Bounds| store::pl_reached(c, region, b, Some("notice"), "listed");
        let removed = |b: &Bounds| store::pl_reached(c, region, b, None, "removed");
        let triggers_now = store::pl_triggers_by_kind(c, region, now)?;
        let triggers_before = store::pl_triggers_by_kind(c, region, before)?;
        let onsite_now = store::pl_onsite_inspections_by_category(c, region, now)?;
        let onsite_before = store::pl_onsite_inspections_by_category(c, region, before)?;
        let states = store::pl_states(c, region)?;
        let kinds = labels(TriggerKind::ALL, TriggerKind::code, TriggerKind::label);
        let categories = labels(Category::ALL, Category::code, Category::label);
        Ok(Section {
            key: "positive_list",
            title: T::ReportSecPlist,
            figures: vec![
                figure(
                    "admitted",
                    T::RepPlAdmitted,
                    Value::Count(admitted(now)?),
                    Value::Count(admitted(before)?),
                ),
                figure(
                    "removed",
                    T::RepPlRemoved,
                    Value::Count(removed(now)?),
                    Value::Count(removed(before)?),
                ),
                figure(
                    "trigger_events",
                    T::RepPlTriggers,
                    Value::Count(total(&triggers_now)),
                    Value::Count(total(&triggers_before)),
                ),
                figure(
                    "onsite_checks",
                    T::RepPlOnsite,
                    Value::Count(total(&onsite_now)),
                    Value::Count(total(&onsite_before)),
                ),
            ],
            breakdowns: vec![
                Breakdown {
                    key: "by_state_now",
                    title: T::RepPlByStateNow,
                    rows: breakdown_rows(
                        &labels(EntryState::ALL, EntryState::code, EntryState::label),
                        &states,
                        None,
                    ),
                },
                Breakdown {
                    key: "removals_by_cause",
                    title: T::RepPlByCause,
                    rows: breakdown_rows(
                        &labels(RemovalCause::ALL, RemovalCause::code, RemovalCause::label),
                        &store::pl_removals_by_cause(c, region, now)?,
                        Some(&store::pl_removals_by_cause(c, region, before)?),
                    ),
                },
                Breakdown {
                    key: "triggers_by_kind",
                    title: T::RepPlTriggersByKind,
                    rows: breakdown_rows(&kinds, &triggers_now, Some(&triggers_before)),
                },
                Breakdown {
                    key: "onsite_by_category",
                    title: T::RepPlOnsiteByCategory,
                    rows: breakdown_rows(&categories, &onsite_now, Some(&onsite_before)),
                },
            ],
        })
    }
}
