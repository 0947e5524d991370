//! The one sink every table export writes through: CSV (BOM, formula guard; to a file or standard
//! output) or XLSX (real dates, continuation sheets), chosen by format, fed one row at a time by the
//! export's `fill` through a `RowSink`, so each list writes its rows once and nothing holds the list.

use crate::export::columns::Cell;
use crate::export::{ExportError, Format, Output, Sink, csv, deliver, open_output, xlsx};
use crate::i18n::{Lang, T};
use std::borrow::Cow;
use std::io::Write;

/// The formats a screen's list is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    pub const BOTH: [TableFormat; 2] = [TableFormat::Csv, TableFormat::Xlsx];

    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
        }
    }

    /// The export format `deliver` expects.
    pub fn format(self) -> Format {
        match self {
            TableFormat::Csv => Format::Csv,
            TableFormat::Xlsx => Format::Xlsx,
        }
    }
}

/// A cell a table sink writes: text for CSV, a typed cell (dates as dates) for XLSX. Rows of plain
/// text stay borrowed on the CSV path, which is what keeps large exports fast.
pub trait TableCell {
    fn csv_text(&self) -> Cow<'_, str>;
    fn xlsx_cell(&self) -> Cow<'_, Cell>;
}

impl TableCell for Cell {
    fn csv_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            other => Cow::Owned(other.text()),
        }
    }

    fn xlsx_cell(&self) -> Cow<'_, Cell> {
        Cow::Borrowed(self)
    }
}

impl TableCell for String {
    fn csv_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }

    fn xlsx_cell(&self) -> Cow<'_, Cell> {
        Cow::Owned(Cell::Text(self.clone()))
    }
}

impl TableCell for Cow<'_, str> {
    fn csv_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }

    fn xlsx_cell(&self) -> Cow<'_, Cell> {
        Cow::Owned(Cell::Text(self.to_string()))
    }
}

/// One row as an export hands it over: a vector, array or slice of cells, borrowed for the call only.
pub trait TableRow {
    fn write_csv(&self, sink: &mut csv::CsvSink<Box<dyn Write>>) -> std::io::Result<()>;
    fn write_xlsx(&self, sink: &mut xlsx::XlsxSink) -> std::io::Result<()>;
}

fn csv_row<C: TableCell>(
    cells: &[C],
    sink: &mut csv::CsvSink<Box<dyn Write>>,
) -> std::io::Result<()> {
    sink.fields(cells.iter().map(TableCell::csv_text))
}

fn xlsx_row<C: TableCell>(cells: &[C], sink: &mut xlsx::XlsxSink) -> std::io::Result<()> {
    sink.cells(cells.iter().map(TableCell::xlsx_cell))
}

impl<C: TableCell> TableRow for Vec<C> {
    fn write_csv(&self, sink: &mut csv::CsvSink<Box<dyn Write>>) -> std::io::Result<()> {
        csv_row(self, sink)
    }

    fn write_xlsx(&self, sink: &mut xlsx::XlsxSink) -> std::io::Result<()> {
        xlsx_row(self, sink)
    }
}

impl<C: TableCell, const N: usize> TableRow for [C; N] {
    fn write_csv(&self, sink: &mut csv::CsvSink<Box<dyn Write>>) -> std::io::Result<()> {
        csv_row(self, sink)
    }

    fn write_xlsx(&self, sink: &mut xlsx::XlsxSink) -> std::io::Result<()> {
        xlsx_row(self, sink)
    }
}

impl<C: TableCell> TableRow for &[C] {
    fn write_csv(&self, sink: &mut csv::CsvSink<Box<dyn Write>>) -> std::io::Result<()> {
        csv_row(self, sink)
    }

    fn write_xlsx(&self, sink: &mut xlsx::XlsxSink) -> std::io::Result<()> {
        xlsx_row(self, sink)
    }
}

enum TableSink {
    Csv(Box<csv::CsvSink<Box<dyn Write>>>),
    Xlsx(Box<xlsx::XlsxSink>),
}

impl TableSink {
    /// Starts the sink `deliver` hands over (its open file, or standard output for CSV), with the
    /// header row.
    fn open(
        format: TableFormat,
        out: &mut Sink,
        sheet: &str,
        headers: &[String],
        failed: impl Fn(std::io::Error) -> ExportError,
    ) -> Result<TableSink, ExportError> {
        Ok(match format {
            TableFormat::Xlsx if out.is_stdout() => return Err(ExportError::XlsxToStdout),
            TableFormat::Xlsx => TableSink::Xlsx(Box::new(
                xlsx::XlsxSink::new(sheet, headers, out.dir()).map_err(failed)?,
            )),
            TableFormat::Csv => {
                let w = open_output(out).map_err(&failed)?;
                TableSink::Csv(Box::new(csv::CsvSink::new(w, headers).map_err(failed)?))
            }
        })
    }

    fn row(&mut self, row: &dyn TableRow) -> std::io::Result<()> {
        match self {
            TableSink::Csv(sink) => row.write_csv(sink),
            TableSink::Xlsx(sink) => row.write_xlsx(sink),
        }
    }

    fn finish(self, out: &mut Sink) -> std::io::Result<()> {
        match (self, out.take_file()) {
            (TableSink::Csv(sink), _) => sink.finish(),
            (TableSink::Xlsx(sink), Some(file)) => sink.finish(file),
            (TableSink::Xlsx(_), None) => Err(std::io::Error::other("XLSX needs a file")),
        }
    }
}

/// The streaming callback of every table export: takes one row, fails on the first write error.
pub type RowSink<'a> = dyn FnMut(&dyn TableRow) -> Result<(), ExportError> + 'a;

/// Writes a list to `output` (a temporary file renamed when complete, or standard output for CSV): the
/// header row from `headers`, then every row `fill` hands over; returns what `fill` counted.
pub fn write_table(
    format: TableFormat,
    output: Output<'_>,
    sheet: T,
    headers: &[T],
    lang: Lang,
    fill: impl FnOnce(&mut RowSink<'_>) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    deliver(format.format(), output, |out| {
        let shown = out.shown();
        let failed = |e: std::io::Error| ExportError::Write(shown.clone(), e);
        let headers: Vec<String> = headers.iter().map(|h| h.get(lang).to_string()).collect();
        let mut sink = TableSink::open(format, out, sheet.get(lang), &headers, failed)?;
        let n = fill(&mut |row: &dyn TableRow| sink.row(row).map_err(failed))?;
        sink.finish(out).map_err(failed)?;
        Ok(n)
    })
}
