//! Effects that write files from screens: the summary, an enterprise's dossier, the list as shown.

use crate::domain::report::Period;
use crate::export::dossier::{DossierFormat, write_dossier};
use crate::export::summary::{SummaryFormat, write_summary};
use crate::export::{ExportError, Format, Output};
use crate::i18n::{Lang, T, Text};
use crate::service::Session;
use crate::store::enterprise::Filter;
use std::path::Path;

/// Writes the summary; the message names the region, the period and the full path of the file.
pub fn export_summary(
    s: &Session,
    period: Period,
    region: Option<&str>,
    format: SummaryFormat,
    file: &Path,
    lang: Lang,
) -> Result<Text, Text> {
    let summary = s.summary(period, region).map_err(|e| e.text())?;
    write_summary(&summary, format, Output::File(file), lang, None)
        .map_err(|e| export_failure(e, file))?;
    let shown = full(file);
    Ok(Text::new(T::CliSummaryDone)
        .arg("period", summary.period.label().render(lang))
        .arg("region", summary.region_name(lang))
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
    }
}

/// `dossier-<USCC>-<date>.html` and `.xlsx` in the working directory.
pub fn export_dossier(s: &Session, id: i64, lang: Lang) -> Result<Text, Text> {
    let uscc = s.enterprise(id).map_err(|e| e.text())?.uscc;
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

fn full(p: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}
