//! Carrying out the 正面清单 effects through the service layer.

use crate::domain::positive_list::EntryState;
use crate::domain::time::Day;
use crate::i18n::{T, Text};
use crate::service::positive_list::{
    NOTICE_WARNING_DAYS, REVIEW_WARNING_DAYS, TransitionInput, TriggerInput,
};
use crate::service::{ServiceError, Session};
use crate::store::positive_list::EntryFilter;
use crate::tui::msg::Msg;
use crate::tui::screens::positive_list::{PositiveListEffect, PositiveListFilter, PositiveListMsg};

/// Rows the entries list loads (the list holds hundreds of entries, not more).
const LIST_ROWS: usize = 2000;

fn date(d: chrono::NaiveDate) -> Day {
    Day::new(d)
}

fn filter_of(s: &Session, f: &PositiveListFilter) -> EntryFilter {
    let today = s.today();
    EntryFilter {
        state: f.state.map(|st| st.code().to_string()),
        batch_id: f.batch.as_ref().map(|(id, _)| *id),
        region: f.region.clone(),
        review_due_by: f
            .due_only
            .then(|| date(today + chrono::Duration::days(REVIEW_WARNING_DAYS))),
        notice_ends_by: if f.notice_over {
            Some(date(today - chrono::Duration::days(1)))
        } else {
            f.notice_ending
                .then(|| date(today + chrono::Duration::days(NOTICE_WARNING_DAYS)))
        },
        notice_ends_from: f.notice_ending.then(|| date(today)),
        pending_removal: f.pending_removal,
        find: f.find.clone(),
        ..EntryFilter::default()
    }
}

/// The newest batch, where proposals and applications from the screens go.
fn newest_batch(s: &Session) -> Result<i64, ServiceError> {
    s.positive_list()
        .batches()?
        .first()
        .map(|b| b.id)
        .ok_or_else(|| ServiceError::Refused(Text::new(T::ErrPlNoBatch)))
}

pub fn execute(s: &mut Session, effect: PositiveListEffect) -> Option<Msg> {
    let text = |e: ServiceError| e.text();
    match effect {
        PositiveListEffect::LoadEntries(f) => {
            let filter = filter_of(s, &f);
            Some(Msg::PositiveList(PositiveListMsg::EntriesLoaded(
                s.positive_list().entries(&filter, LIST_ROWS).map_err(text),
            )))
        }
        PositiveListEffect::LoadEntry { id } => {
            Some(Msg::PositiveList(PositiveListMsg::EntryLoaded {
                id,
                data: s.positive_list().entry_detail(id).map_err(text),
            }))
        }
        PositiveListEffect::Transition {
            id,
            row_version,
            transition,
            reason,
            cause,
        } => {
            let input = TransitionInput { reason, cause };
            let r = s
                .positive_list()
                .transition(id, row_version, transition, &input)
                .map(|x| {
                    let state = EntryState::parse(&x.state).map_or(T::ListNone, EntryState::label);
                    Text::new(T::MsgPlTransitioned)
                        .arg("name", &x.enterprise_name)
                        .arg_key("state", state)
                });
            Some(Msg::PositiveList(PositiveListMsg::Done(r.map_err(text))))
        }
        PositiveListEffect::Propose { enterprise_id } => {
            let r = newest_batch(s)
                .and_then(|b| s.positive_list().propose(b, enterprise_id, ""))
                .map(|x| {
                    Text::new(T::MsgPlProposed)
                        .arg("name", &x.enterprise_name)
                        .arg("batch", &x.batch_name)
                });
            Some(Msg::PositiveList(PositiveListMsg::Done(r.map_err(text))))
        }
        PositiveListEffect::Apply {
            note,
            contact,
            offsite,
        } => {
            let app = crate::service::positive_list::Application {
                note,
                contact,
                offsite,
            };
            let r = newest_batch(s)
                .and_then(|b| s.positive_list().apply(b, &app))
                .map(|x| Text::new(T::MsgPlApplied).arg("batch", &x.batch_name));
            Some(Msg::PositiveList(PositiveListMsg::Done(r.map_err(text))))
        }
        PositiveListEffect::Withdraw {
            id,
            row_version,
            reason,
        } => {
            let r = s
                .positive_list()
                .withdraw(id, row_version, &reason)
                .map(|x| Text::new(T::MsgPlWithdrawn).arg("batch", &x.batch_name));
            Some(Msg::PositiveList(PositiveListMsg::Done(r.map_err(text))))
        }
        PositiveListEffect::Trigger {
            id,
            kind,
            reference,
            occurred_on,
            handling,
            note,
        } => {
            let typed = occurred_on.trim();
            let occurred_on = if typed.is_empty() {
                s.today()
            } else {
                match chrono::NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
                    Ok(d) => d,
                    Err(_) => {
                        return Some(Msg::PositiveList(PositiveListMsg::Done(Err(Text::new(
                            T::ErrDate,
                        )
                        .arg_key("field", T::PositiveListFieldTriggerDate)))));
                    }
                }
            };
            let input = TriggerInput {
                kind,
                reference,
                occurred_on,
                handling,
                note,
            };
            Some(Msg::PositiveList(PositiveListMsg::Done(
                s.positive_list()
                    .record_trigger(id, &input)
                    .map(|t| Text::new(T::MsgPlTriggerRecorded).arg("reference", &t.reference))
                    .map_err(text),
            )))
        }
        PositiveListEffect::LoadBatches => Some(Msg::PositiveList(PositiveListMsg::BatchesLoaded(
            s.positive_list().batches().map_err(text),
        ))),
        PositiveListEffect::SetOffsite {
            id,
            row_version,
            means,
        } => Some(Msg::PositiveList(PositiveListMsg::Done(
            s.positive_list()
                .set_offsite(id, row_version, &means)
                .map(|_| Text::new(T::MsgPlOffsiteSaved))
                .map_err(text),
        ))),
        PositiveListEffect::NewBatch { name, note } => {
            Some(Msg::PositiveList(PositiveListMsg::Done(
                s.positive_list()
                    .open_batch(&name, &note)
                    .map(|b| Text::new(T::MsgPlBatchCreated).arg("name", &b.name))
                    .map_err(text),
            )))
        }
        PositiveListEffect::Export { filter, lang } => {
            let filter = filter_of(s, &filter);
            let stem = format!("positive-list-{}", s.today().format("%Y%m%d"));
            let (csv, xlsx) = (
                std::path::PathBuf::from(format!("{stem}.csv")),
                std::path::PathBuf::from(format!("{stem}.xlsx")),
            );
            let write = |format, path: &std::path::Path| {
                crate::export::positive_list::positive_list(
                    s,
                    &filter,
                    format,
                    crate::export::Output::File(path),
                    lang,
                )
            };
            let r = write(crate::export::Format::Csv, &csv)
                .and_then(|_| write(crate::export::Format::Xlsx, &xlsx));
            Some(Msg::PositiveList(PositiveListMsg::Done(match r {
                Ok(n) => Ok(Text::new(T::MsgPlExported)
                    .arg("n", n)
                    .arg("csv", csv.display())
                    .arg("xlsx", xlsx.display())),
                Err(crate::export::ExportError::Service(e)) => Err(e.text()),
                Err(crate::export::ExportError::Write(p, e)) => Err(Text::new(T::ErrPlExportWrite)
                    .arg("path", p.display())
                    .arg("detail", e)),
                Err(crate::export::ExportError::XlsxToStdout) => Err(Text::new(T::ErrNotFound)),
                Err(crate::export::ExportError::TargetExists(p)) => {
                    Err(Text::new(T::ErrExportTargetExists).arg("path", p.display()))
                }
            })))
        }
    }
}
