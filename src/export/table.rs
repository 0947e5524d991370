//! One sink for the lists a screen exports as shown: CSV (BOM, formula guard) or XLSX (real dates,
//! continuation sheets), chosen by format, so each list writes its rows once.

use crate::export::columns::Cell;
use crate::export::{ExportError, Format, csv, parent_dir, xlsx};
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

pub enum TableSink {
    Csv(Box<csv::CsvSink<BufWriter<std::fs::File>>>),
    Xlsx(Box<xlsx::XlsxSink>),
}

fn failed(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |e| ExportError::Write(path.to_path_buf(), e)
}

impl TableSink {
    /// Starts `path` (the temporary file `deliver` hands over) with the header row.
    pub fn open(
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

    pub fn row(&mut self, cells: &[Cell], path: &Path) -> Result<(), ExportError> {
        match self {
            TableSink::Csv(sink) => {
                let line: Vec<String> = cells.iter().map(Cell::text).collect();
                sink.row(&line).map_err(failed(path))
            }
            TableSink::Xlsx(sink) => sink.row(cells).map_err(failed(path)),
        }
    }

    pub fn finish(self, path: &Path) -> Result<(), ExportError> {
        match self {
            TableSink::Csv(sink) => sink.finish().map_err(failed(path)),
            TableSink::Xlsx(sink) => sink.finish(path).map_err(failed(path)),
        }
    }
}
