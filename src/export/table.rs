//! One sink for the lists a screen exports as shown: CSV (BOM, formula guard) or XLSX (real dates,
//! continuation sheets), chosen by format, so each list writes its rows once.

use crate::export::columns::Cell;
use crate::export::{ExportError, Format, Output, csv, deliver, parent_dir, xlsx};
use crate::i18n::{Lang, T};
use std::io::BufWriter;
use std::path::Path;

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

enum TableSink {
    Csv(Box<csv::CsvSink<BufWriter<std::fs::File>>>),
    Xlsx(Box<xlsx::XlsxSink>),
}

fn failed(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |e| ExportError::Write(path.to_path_buf(), e)
}

impl TableSink {
    /// Starts `path` (the temporary file `deliver` hands over) with the header row.
    fn open(
        format: TableFormat,
        path: &Path,
        sheet: &str,
        headers: &[String],
    ) -> Result<TableSink, ExportError> {
        Ok(match format {
            TableFormat::Xlsx => TableSink::Xlsx(Box::new(
                xlsx::XlsxSink::new(sheet, headers, parent_dir(path)).map_err(failed(path))?,
            )),
            TableFormat::Csv => {
                let file = std::fs::File::create(path).map_err(failed(path))?;
                TableSink::Csv(Box::new(
                    csv::CsvSink::new(BufWriter::new(file), headers).map_err(failed(path))?,
                ))
            }
        })
    }

    fn row(&mut self, cells: &[Cell], path: &Path) -> Result<(), ExportError> {
        match self {
            TableSink::Csv(sink) => {
                let line: Vec<String> = cells.iter().map(Cell::text).collect();
                sink.row(&line).map_err(failed(path))
            }
            TableSink::Xlsx(sink) => sink.row(cells).map_err(failed(path)),
        }
    }

    fn finish(self, path: &Path) -> Result<(), ExportError> {
        match self {
            TableSink::Csv(sink) => sink.finish().map_err(failed(path)),
            TableSink::Xlsx(sink) => sink.finish(path).map_err(failed(path)),
        }
    }
}

/// One row handed to the table being written.
pub type RowSink<'a> = dyn FnMut(&[Cell]) -> Result<(), ExportError> + 'a;

/// Writes a list to `output` (a temporary file renamed when complete): the header row from
/// `headers`, then every row `fill` hands over; returns what `fill` counted.
pub fn write_table(
    format: TableFormat,
    output: Output<'_>,
    sheet: T,
    headers: &[T],
    lang: Lang,
    fill: impl FnOnce(&mut RowSink<'_>) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    deliver(format.format(), output, |path| {
        let Some(path) = path else {
            return Err(ExportError::XlsxToStdout);
        };
        let headers: Vec<String> = headers.iter().map(|h| h.get(lang).to_string()).collect();
        let mut sink = TableSink::open(format, path, sheet.get(lang), &headers)?;
        let n = fill(&mut |cells: &[Cell]| sink.row(cells, path))?;
        sink.finish(path)?;
        Ok(n)
    })
}
