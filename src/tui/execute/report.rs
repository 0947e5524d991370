//! Effects that write files from screens: the summary, an enterprise's dossier, the list as shown.

use crate::domain::report::Period;
use crate::export::dossier::{DossierFormat, write_dossier};
use crate::export::summary::{SummaryFormat, write_summary};
use crate::export::table::TableFormat;
use crate::export::{ExportError, Format, Output};
use crate::i18n::{Lang, T, Text};
use crate::service::Session;
use crate::service::assistance::Queue;
use crate::service::report::job::{Cancel, SummaryProgress};
use crate::store::enterprise::Filter;
use crate::store::manifest::ListFilter as ManifestFilter;
use crate::tui::msg::Msg;
use crate::tui::runtime::Runtime;
use crate::tui::screens::inspection::{InspectionListQuery, InspectionTab};
use crate::tui::screens::report::{ReportEffect, ReportMsg};
use std::path::Path;
use std::path::PathBuf;

/// What the report screen asked for.
pub struct SummaryJob {
    pub period: Period,
    pub region: Option<String>,
    pub format: SummaryFormat,
    pub file: PathBuf,
    pub lang: Lang,
}

impl Runtime {
    /// Carries out a report screen's effect; the summary runs on its own thread.
    pub(crate) fn execute_report(&mut self, effect: ReportEffect) -> Option<Msg> {
        match effect {
            ReportEffect::Defaults => {
                let today = self.session.as_ref()?.today();
                let p = Period::last_quarter(today);
                Some(Msg::Report(ReportMsg::Defaults(p.code())))
            }
            ReportEffect::ExportSummary {
                period,
                region,
                format,
                file,
                lang,
            } => self.start_summary(SummaryJob {
                period,
                region,
                format,
                file,
                lang,
            }),
            ReportEffect::Cancel => {
                if let Some((cancel, _)) = &self.report_job {
                    cancel.cancel();
                }
                None
            }
        }
    }

    /// Computes and writes the summary on its own thread and connection, reporting progress and the
    /// result through the loop's channel, so Esc can cancel it. Without a channel (tests driving
    /// `execute` directly) it runs here and returns the result.
    pub(crate) fn start_summary(&mut self, job: SummaryJob) -> Option<Msg> {
        let session = self.session.as_ref()?;
        let Some(tx) = self.tx.clone() else {
            return Some(Msg::Report(ReportMsg::Done(export_summary(
                session,
                &job,
                None,
                &mut |_| {},
            ))));
        };
        let worker = match session.reports().reopen() {
            Ok(w) => w,
            Err(e) => return Some(Msg::Report(ReportMsg::Done(Err(e.text())))),
        };
        let cancel = worker.reports().cancel_handle();
        let handle = cancel.clone();
        let thread = std::thread::spawn(move || {
            let mut progress = |p: SummaryProgress| {
                let _ = tx.send(Msg::Report(ReportMsg::Progress(p)));
            };
            let result = export_summary(&worker, &job, Some(&handle), &mut progress);
            let _ = tx.send(Msg::Report(ReportMsg::Done(result)));
        });
        self.report_job = Some((cancel, thread));
        None
    }

    /// Stops a summary still running and waits for its thread, so quitting leaves no half-written
    /// temporary file behind.
    pub(crate) fn stop_report_job(&mut self) {
        if let Some((cancel, thread)) = self.report_job.take() {
            cancel.cancel();
            let _ = thread.join();
        }
    }
}

/// Writes the summary; the message names the region, the period and the full path of the file.
fn export_summary(
    s: &Session,
    job: &SummaryJob,
    cancel: Option<&Cancel>,
    progress: &mut dyn FnMut(SummaryProgress),
) -> Result<Text, Text> {
    let summary = s
        .reports()
        .summary_reporting(job.period, job.region.as_deref(), cancel, progress)
        .map_err(|e| e.text())?;
    let file = job.file.as_path();
    write_summary(&summary, job.format, Output::File(file), job.lang, None)
        .map_err(|e| export_failure(e, file))?;
    let shown = full(file);
    Ok(Text::new(T::CliSummaryDone)
        .arg("period", summary.period.label().render(job.lang))
        .arg("region", summary.region_name(job.lang))
        .arg("path", shown.display()))
}

fn export_failure(e: ExportError, file: &Path) -> Text {
    match e {
        ExportError::Service(e) => e.text(),
        ExportError::Write(p, e) => Text::new(T::ErrReportWrite)
            .arg("path", p.display())
            .arg("detail", e),
        ExportError::XlsxToStdout => Text::new(T::ErrReportWrite)
            .arg("path", file.display())
            .arg("detail", "-"),
        ExportError::TargetExists(p) => {
            Text::new(T::ErrExportTargetExists).arg("path", p.display())
        }
    }
}

/// `dossier-<USCC>-<date>.html` and `.xlsx` in the working directory.
pub fn export_dossier(s: &Session, id: i64, lang: Lang) -> Result<Text, Text> {
    let uscc = s.enterprises().get(id).map_err(|e| e.text())?.uscc;
    let stem = format!("dossier-{uscc}-{}", s.today().format("%Y%m%d"));
    let (html, xlsx) = (
        std::path::PathBuf::from(format!("{stem}.html")),
        std::path::PathBuf::from(format!("{stem}.xlsx")),
    );
    let name = write_dossier(s, id, DossierFormat::Html, Output::File(&html), lang)
        .map_err(|e| export_failure(e, &html))?;
    write_dossier(s, id, DossierFormat::Xlsx, Output::File(&xlsx), lang)
        .map_err(|e| export_failure(e, &xlsx))?;
    Ok(Text::new(T::MsgDossierWritten)
        .arg("name", name)
        .arg("html", full(&html).display())
        .arg("xlsx", full(&xlsx).display()))
}

/// `enterprises-<date>.csv` and `.xlsx` in the working directory, as filtered and sorted on screen.
pub fn export_list(s: &Session, filter: &Filter, lang: Lang) -> Result<Text, Text> {
    let stem = format!("enterprises-{}", s.today().format("%Y%m%d"));
    let (csv, xlsx) = (
        std::path::PathBuf::from(format!("{stem}.csv")),
        std::path::PathBuf::from(format!("{stem}.xlsx")),
    );
    let n = crate::export::enterprises(s, filter, Format::Csv, Output::File(&csv), lang)
        .map_err(|e| export_failure(e, &csv))?;
    crate::export::enterprises(s, filter, Format::Xlsx, Output::File(&xlsx), lang)
        .map_err(|e| export_failure(e, &xlsx))?;
    Ok(Text::new(T::MsgListExported)
        .arg("n", n)
        .arg("csv", full(&csv).display())
        .arg("xlsx", full(&xlsx).display()))
}

/// `assistance-<queue>-<date>.csv` and `.xlsx` in the working directory: the queue shown, in its order.
pub fn export_queue(s: &Session, queue: Queue, lang: Lang) -> Result<Text, Text> {
    let name = match queue {
        Queue::State(state) => state.code(),
        Queue::NearDue => "near-due",
        Queue::Overdue => "overdue",
        Queue::All => "all",
    };
    let stem = format!("assistance-{name}-{}", s.today().format("%Y%m%d"));
    export_both(&stem, |format, path| {
        crate::export::assistance::assist_queue(s, queue, format, Output::File(path), lang)
    })
}

/// `manifests-<date>.csv` and `.xlsx` in the working directory: the list's tab, newest first, one row
/// per waste line.
pub fn export_manifests(s: &Session, filter: &ManifestFilter, lang: Lang) -> Result<Text, Text> {
    let stem = format!("manifests-{}", s.today().format("%Y%m%d"));
    export_both(&stem, |format, path| {
        crate::export::manifest::manifests(s, filter, format.format(), Output::File(path), lang)
    })
}

/// `inspections-<tab>-<date>.csv` and `.xlsx` in the working directory: the list as filtered on screen.
pub fn export_inspections(
    s: &Session,
    query: InspectionListQuery,
    lang: Lang,
) -> Result<Text, Text> {
    let InspectionListQuery {
        tab,
        category,
        region,
        officer,
        find,
    } = query;
    let filter = crate::store::inspection::ListFilter {
        find,
        ..crate::tui::execute::inspection::list_filter(s, tab, category, region, officer)
    };
    let open_only = tab == InspectionTab::Mine;
    let stem = format!("inspections-{}-{}", tab.code(), s.today().format("%Y%m%d"));
    export_both(&stem, |format, path| {
        crate::export::inspection::inspections(
            s,
            &filter,
            open_only,
            format,
            Output::File(path),
            lang,
        )
    })
}

/// Writes a list as shown to `<stem>.csv` and `<stem>.xlsx` in the working directory; the message
/// names the files and the directory (short enough for the message row of an 80-column terminal).
fn export_both(
    stem: &str,
    write: impl Fn(TableFormat, &Path) -> Result<u64, ExportError>,
) -> Result<Text, Text> {
    let mut rows = 0;
    for format in TableFormat::BOTH {
        let path = PathBuf::from(format!("{stem}.{}", format.extension()));
        rows = write(format, &path).map_err(|e| export_failure(e, &path))?;
    }
    Ok(Text::new(T::MsgQueueExported)
        .arg("n", rows)
        .arg("stem", stem)
        .arg("dir", full(Path::new(".")).display()))
}

fn full(p: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}
