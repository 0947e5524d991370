//! The report screen's effect: compute the summary and write the chosen file.

use crate::domain::report::Period;
use crate::export::summary::{SummaryFormat, write_summary};
use crate::export::{ExportError, Output};
use crate::i18n::{Lang, T, Text};
use crate::service::Session;
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
    write_summary(&summary, format, Output::File(file), lang, None).map_err(|e| match e {
        ExportError::Service(e) => e.text(),
        ExportError::Write(p, e) => Text::new(T::ErrReportWrite)
            .arg("path", p.display())
            .arg("detail", e),
        ExportError::XlsxToStdout => Text::new(T::ErrReportWrite)
            .arg("path", file.display())
            .arg("detail", "-"),
    })?;
    let shown = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    Ok(Text::new(T::CliSummaryDone)
        .arg("period", summary.period.label().render(lang))
        .arg("region", summary.region_name(lang))
        .arg("path", shown.display()))
}
