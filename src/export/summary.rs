//! The supervisors' summary as a file: XLSX (an overview sheet plus one per module, real numbers and
//! dates), CSV (UTF-8 BOM, formula guard), printable HTML from an editable template, or JSON with
//! stable field names for other systems.

use crate::domain::report::{BreakdownRow, Value};
use crate::export::csv::CsvSink;
use crate::export::{ExportError, Output, deliver, open_output};
use crate::i18n::{Lang, T, Text};
use crate::service::ServiceError;
use crate::service::report::Summary;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use serde_json::json;
use std::io::Write;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// The template shipped with ecocase; a bureau passes its own copy with `--template`.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../templates/summary.html");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryFormat {
    Xlsx,
    Csv,
    Html,
    Json,
}

impl SummaryFormat {
    pub const ALL: [SummaryFormat; 4] = [
        SummaryFormat::Xlsx,
        SummaryFormat::Csv,
        SummaryFormat::Html,
        SummaryFormat::Json,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            SummaryFormat::Xlsx => "xlsx",
            SummaryFormat::Csv => "csv",
            SummaryFormat::Html => "html",
            SummaryFormat::Json => "json",
        }
    }

    /// The format a file name suggests, or `None` for an unknown extension.
    pub fn from_path(path: &Path) -> Option<SummaryFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        SummaryFormat::ALL
            .into_iter()
            .find(|f| f.extension() == ext || (ext == "htm" && *f == SummaryFormat::Html))
    }
}

/// Writes `summary` in `format` to `output`, all or nothing. `template` replaces the HTML template.
pub fn write_summary(
    summary: &Summary,
    format: SummaryFormat,
    output: Output<'_>,
    lang: Lang,
    template: Option<&str>,
) -> Result<(), ExportError> {
    deliver(
        match format {
            SummaryFormat::Xlsx => crate::export::Format::Xlsx,
            _ => crate::export::Format::Csv,
        },
        output,
        |sink| {
            let shown = sink.shown();
            let werr = |e: std::io::Error| ExportError::Write(shown.clone(), e);
            match format {
                SummaryFormat::Xlsx => {
                    let Some(file) = sink.take_file() else {
                        return Err(ExportError::XlsxToStdout);
                    };
                    xlsx(summary, lang, file).map_err(|e| werr(std::io::Error::other(e)))?;
                }
                SummaryFormat::Csv => {
                    csv(summary, lang, open_output(sink).map_err(werr)?).map_err(werr)?
                }
                SummaryFormat::Json => {
                    let mut out = open_output(sink).map_err(werr)?;
                    serde_json::to_writer_pretty(&mut out, &json_value(summary, lang))
                        .map_err(|e| werr(std::io::Error::other(e)))?;
                    out.flush().map_err(werr)?;
                }
                SummaryFormat::Html => {
                    let page = html(summary, lang, template.unwrap_or(DEFAULT_TEMPLATE))?;
                    let mut out = open_output(sink).map_err(werr)?;
                    out.write_all(page.as_bytes()).map_err(werr)?;
                    out.flush().map_err(werr)?;
                }
            }
            Ok(0)
        },
    )
    .map(|_| ())
}

fn change_of(value: i64, previous: Option<i64>, lang: Lang) -> String {
    previous.map_or("-".to_string(), |p| {
        Value::Count(value).show_change(Value::Count(p), lang)
    })
}

fn row_previous(r: &BreakdownRow) -> String {
    r.previous
        .map_or("-".to_string(), crate::domain::text::thousands)
}

/// A number for CSV: counts plain, days with one decimal, rates as percentages; `-` when missing.
fn csv_number(v: Value) -> String {
    match v {
        Value::Count(n) => n.to_string(),
        Value::Days(Some(d)) => format!("{d:.1}"),
        Value::Rate(Some(r)) => format!("{:.1}%", r * 100.0),
        Value::Tonnes(t) => format!("{t:.3}"),
        Value::Days(None) | Value::Rate(None) => String::new(),
    }
}

fn csv_change(v: Value, p: Value) -> String {
    match (v, v.change(p)) {
        (_, None) => String::new(),
        (Value::Rate(_), Some(d)) => format!("{:+.1}%", d * 100.0),
        (Value::Days(_), Some(d)) => format!("{d:+.1}"),
        (Value::Count(_), Some(d)) => format!("{d:+.0}"),
        (Value::Tonnes(_), Some(d)) => format!("{d:+.3}"),
    }
}

fn csv(summary: &Summary, lang: Lang, out: Box<dyn Write>) -> std::io::Result<()> {
    let headers: Vec<String> = [
        T::ReportColSection,
        T::ReportColMeasure,
        T::ReportColValue,
        T::ReportColPrevious,
        T::ReportColChange,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect();
    let mut sink = CsvSink::new(out, &headers)?;
    for s in &summary.sections {
        let title = s.title.get(lang).to_string();
        for f in &s.figures {
            sink.row(&[
                title.clone(),
                f.label.get(lang).to_string(),
                csv_number(f.value),
                csv_number(f.previous),
                csv_change(f.value, f.previous),
            ])?;
        }
        for b in &s.breakdowns {
            for r in &b.rows {
                sink.row(&[
                    title.clone(),
                    format!("{}：{}", b.title.get(lang), r.label(lang)),
                    r.value.to_string(),
                    r.previous.map_or(String::new(), |p| p.to_string()),
                    r.previous
                        .map_or(String::new(), |p| format!("{:+}", r.value - p)),
                ])?;
            }
        }
    }
    sink.finish()
}

fn unit_of(v: Value) -> &'static str {
    match v {
        Value::Count(_) => "count",
        Value::Days(_) => "working_days",
        Value::Rate(_) => "rate",
        Value::Tonnes(_) => "tonnes",
    }
}

fn number_of(v: Value) -> serde_json::Value {
    match v {
        Value::Count(n) => json!(n),
        Value::Tonnes(t) => json!(t),
        Value::Days(d) | Value::Rate(d) => json!(d),
    }
}

/// The JSON document: stable keys, labels in `lang`, numbers as numbers (rates as fractions).
pub fn json_value(summary: &Summary, lang: Lang) -> serde_json::Value {
    let period = |p: &crate::domain::report::Period| {
        json!({
            "kind": p.kind,
            "from": p.from.to_string(),
            "to": p.to.to_string(),
            "label": p.label().render(lang),
        })
    };
    json!({
        "report": "summary",
        "period": period(&summary.period),
        "previous_period": period(&summary.previous),
        "region": { "code": summary.region_code, "name": summary.region_name(lang) },
        "generated_at": summary.generated_at,
        "generated_by": summary.generated_by,
        "audit_digest": summary.audit_digest,
        "sections": summary.sections.iter().map(|s| json!({
            "key": s.key,
            "title": s.title.get(lang),
            "figures": s.figures.iter().map(|f| json!({
                "key": f.key,
                "label": f.label.get(lang),
                "unit": unit_of(f.value),
                "value": number_of(f.value),
                "previous": number_of(f.previous),
                "change": f.value.change(f.previous),
            })).collect::<Vec<_>>(),
            "breakdowns": s.breakdowns.iter().map(|b| json!({
                "key": b.key,
                "title": b.title.get(lang),
                "rows": b.rows.iter().map(|r| json!({
                    "code": r.code,
                    "label": r.label(lang),
                    "value": r.value,
                    "previous": r.previous,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn html(summary: &Summary, lang: Lang, template: &str) -> Result<String, ExportError> {
    let refuse = |e: minijinja::Error| {
        ExportError::Service(ServiceError::Refused(
            Text::new(T::ErrReportTemplate).arg("detail", e),
        ))
    };
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("summary.html", template).map_err(refuse)?;
    let sections: Vec<serde_json::Value> = summary
        .sections
        .iter()
        .map(|s| {
            json!({
                "title": s.title.get(lang),
                "figures": s.figures.iter().map(|f| json!({
                    "label": f.label.get(lang),
                    "value": f.value.show(lang),
                    "previous": f.previous.show(lang),
                    "change": f.value.show_change(f.previous, lang),
                })).collect::<Vec<_>>(),
                "breakdowns": s.breakdowns.iter().map(|b| json!({
                    "title": b.title.get(lang),
                    "rows": b.rows.iter().map(|r| json!({
                        "label": r.label(lang),
                        "value": crate::domain::text::thousands(r.value),
                        "previous": row_previous(r),
                        "change": change_of(r.value, r.previous, lang),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let ctx = json!({
        "lang": lang.code(),
        "unit": T::ReportUnit.get(lang),
        "title": T::ReportTitle.get(lang),
        "period": summary.period.label().render(lang),
        "previous": summary.previous.label().render(lang),
        "region": summary.region_name(lang),
        "generated_at": summary.generated_at,
        "generated_by": summary.generated_by,
        "audit_digest": summary.audit_digest,
        "labels": {
            "digest": T::ReportDigest.get(lang),
            "period": T::ReportPeriod.get(lang),
            "compared": T::ReportCompared.get(lang),
            "region": T::ReportRegion.get(lang),
            "generated": T::ReportGenerated.get(lang),
            "measure": T::ReportColMeasure.get(lang),
            "item": T::ReportColItem.get(lang),
            "value": T::ReportColValue.get(lang),
            "previous": T::ReportColPrevious.get(lang),
            "change": T::ReportColChange.get(lang),
        },
        "sections": sections,
    });
    env.get_template("summary.html")
        .and_then(|t| t.render(ctx))
        .map_err(refuse)
}

/// Column widths by display width (a Chinese character counts two), kept per sheet while writing.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    widths: Vec<usize>,
    row: u32,
}

impl Sheet<'_> {
    fn note(&mut self, col: u16, shown: usize) {
        let i = usize::from(col);
        if self.widths.len() <= i {
            self.widths.resize(i + 1, 8);
        }
        self.widths[i] = self.widths[i].max(shown + 2).min(60);
    }

    fn text(&mut self, col: u16, s: &str, f: Option<&Format>) -> Result<(), XlsxError> {
        match f {
            Some(f) => self.ws.write_string_with_format(self.row, col, s, f)?,
            None => self.ws.write_string(self.row, col, s)?,
        };
        self.note(col, s.width());
        Ok(())
    }

    fn value(&mut self, col: u16, v: Value, fmt: &Formats) -> Result<(), XlsxError> {
        match v {
            Value::Count(n) => {
                self.ws
                    .write_number_with_format(self.row, col, n as f64, &fmt.count)?;
            }
            Value::Days(Some(d)) => {
                self.ws
                    .write_number_with_format(self.row, col, d, &fmt.days)?;
            }
            Value::Tonnes(t) => {
                self.ws
                    .write_number_with_format(self.row, col, t, &fmt.tonnes)?;
            }
            Value::Rate(Some(r)) => {
                self.ws
                    .write_number_with_format(self.row, col, r, &fmt.rate)?;
            }
            Value::Days(None) | Value::Rate(None) => {
                self.ws.write_string(self.row, col, "-")?;
            }
        }
        self.note(col, 10);
        Ok(())
    }

    fn change(&mut self, col: u16, v: Value, p: Value, fmt: &Formats) -> Result<(), XlsxError> {
        match (v, v.change(p)) {
            (_, None) => {
                self.ws.write_string(self.row, col, "-")?;
            }
            (Value::Rate(_), Some(d)) => {
                self.ws
                    .write_number_with_format(self.row, col, d, &fmt.rate_change)?;
            }
            (Value::Days(_), Some(d)) => {
                self.ws
                    .write_number_with_format(self.row, col, d, &fmt.days_change)?;
            }
            (Value::Tonnes(_), Some(d)) => {
                self.ws
                    .write_number_with_format(self.row, col, d, &fmt.tonnes_change)?;
            }
            (Value::Count(_), Some(d)) => {
                self.ws
                    .write_number_with_format(self.row, col, d, &fmt.count_change)?;
            }
        }
        self.note(col, 10);
        Ok(())
    }

    fn finish(self) -> Result<(), XlsxError> {
        for (i, w) in self.widths.iter().enumerate() {
            self.ws.set_column_width(i as u16, *w as f64)?;
        }
        Ok(())
    }
}

struct Formats {
    bold: Format,
    title: Format,
    date: Format,
    count: Format,
    days: Format,
    rate: Format,
    count_change: Format,
    days_change: Format,
    rate_change: Format,
    tonnes: Format,
    tonnes_change: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(14),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            count: Format::new().set_num_format("#,##0"),
            days: Format::new().set_num_format("0.0"),
            rate: Format::new().set_num_format("0.0%"),
            count_change: Format::new().set_num_format("+#,##0;-#,##0;0"),
            days_change: Format::new().set_num_format("+0.0;-0.0;0.0"),
            rate_change: Format::new().set_num_format("+0.0%;-0.0%;0.0%"),
            tonnes: Format::new().set_num_format("#,##0.000"),
            tonnes_change: Format::new().set_num_format("+#,##0.000;-#,##0.000;0.000"),
        }
    }
}

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&d)).unwrap_or(1900),
        chrono::Datelike::month(&d) as u8,
        chrono::Datelike::day(&d) as u8,
    )
}

/// The header row of a figures table; returns its row for the autofilter.
fn header(
    sheet: &mut Sheet<'_>,
    labels: &[T],
    lang: Lang,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    for (i, t) in labels.iter().enumerate() {
        sheet.text(i as u16, t.get(lang), Some(&fmt.bold))?;
    }
    let at = sheet.row;
    sheet.row += 1;
    Ok(at)
}

fn xlsx(summary: &Summary, lang: Lang, file: std::fs::File) -> Result<(), XlsxError> {
    let fmt = Formats::new();
    let mut wb = Workbook::new();
    overview_sheet(&mut wb, summary, lang, &fmt)?;
    for s in &summary.sections {
        let ws = wb.add_worksheet();
        ws.set_name(s.title.get(lang))?;
        let mut sheet = Sheet {
            ws,
            widths: Vec::new(),
            row: 0,
        };
        let cols = [
            T::ReportColMeasure,
            T::ReportColValue,
            T::ReportColPrevious,
            T::ReportColChange,
        ];
        let first = header(&mut sheet, &cols, lang, &fmt)?;
        for f in &s.figures {
            sheet.text(0, f.label.get(lang), None)?;
            sheet.value(1, f.value, &fmt)?;
            sheet.value(2, f.previous, &fmt)?;
            sheet.change(3, f.value, f.previous, &fmt)?;
            sheet.row += 1;
        }
        sheet.ws.autofilter(first, 0, sheet.row - 1, 3)?;
        sheet.ws.set_freeze_panes(1, 0)?;
        for b in &s.breakdowns {
            sheet.row += 1;
            sheet.text(0, b.title.get(lang), Some(&fmt.bold))?;
            sheet.row += 1;
            header(
                &mut sheet,
                &[
                    T::ReportColItem,
                    T::ReportColValue,
                    T::ReportColPrevious,
                    T::ReportColChange,
                ],
                lang,
                &fmt,
            )?;
            for r in &b.rows {
                sheet.text(0, r.label(lang), None)?;
                sheet.value(1, Value::Count(r.value), &fmt)?;
                match r.previous {
                    Some(p) => {
                        sheet.value(2, Value::Count(p), &fmt)?;
                        sheet.change(3, Value::Count(r.value), Value::Count(p), &fmt)?;
                    }
                    None => {
                        sheet.text(2, "-", None)?;
                        sheet.text(3, "-", None)?;
                    }
                }
                sheet.row += 1;
            }
        }
        sheet.finish()?;
    }
    wb.save_to_writer(file)
}

fn overview_sheet(
    wb: &mut Workbook,
    summary: &Summary,
    lang: Lang,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(T::ReportSheetOverview.get(lang))?;
    let mut sheet = Sheet {
        ws,
        widths: Vec::new(),
        row: 0,
    };
    sheet.ws.write_string_with_format(
        0,
        0,
        format!("{} {}", T::ReportUnit.get(lang), T::ReportTitle.get(lang)),
        &fmt.title,
    )?;
    sheet.row = 1;
    let meta: [(T, String); 5] = [
        (T::ReportPeriod, summary.period.label().render(lang)),
        (T::ReportCompared, summary.previous.label().render(lang)),
        (T::ReportRegion, summary.region_name(lang).to_string()),
        (
            T::ReportGenerated,
            format!("{} ({})", summary.generated_at, summary.generated_by),
        ),
        (T::ReportDigest, summary.audit_digest.clone()),
    ];
    for (i, (label, value)) in meta.iter().enumerate() {
        sheet.text(0, label.get(lang), Some(&fmt.bold))?;
        sheet.text(1, value, None)?;
        if i < 2 {
            let p = if i == 0 {
                &summary.period
            } else {
                &summary.previous
            };
            sheet
                .ws
                .write_datetime_with_format(sheet.row, 2, date(p.from)?, &fmt.date)?;
            sheet
                .ws
                .write_datetime_with_format(sheet.row, 3, date(p.to)?, &fmt.date)?;
            sheet.note(2, 10);
            sheet.note(3, 10);
        }
        sheet.row += 1;
    }
    sheet.row += 1;
    let first = header(
        &mut sheet,
        &[
            T::ReportColSection,
            T::ReportColMeasure,
            T::ReportColValue,
            T::ReportColPrevious,
            T::ReportColChange,
        ],
        lang,
        fmt,
    )?;
    for s in &summary.sections {
        for f in &s.figures {
            sheet.text(0, s.title.get(lang), None)?;
            sheet.text(1, f.label.get(lang), None)?;
            sheet.value(2, f.value, fmt)?;
            sheet.value(3, f.previous, fmt)?;
            sheet.change(4, f.value, f.previous, fmt)?;
            sheet.row += 1;
        }
    }
    sheet
        .ws
        .autofilter(first, 0, sheet.row.saturating_sub(1), 4)?;
    sheet.ws.set_freeze_panes(first + 1, 0)?;
    sheet.finish()
}
