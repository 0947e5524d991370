//! XLSX in constant-memory mode (rows stream to a temporary file, not RAM): bold frozen header row,
//! autofilter, dates as real dates, and column widths from the display width of what was written
//! (a Chinese character counts two).

use crate::export::columns::Cell;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// Widest column, in character cells: long addresses wrap in the spreadsheet rather than push every
/// other column off screen.
const MAX_WIDTH: usize = 60;

pub struct XlsxSink {
    workbook: Workbook,
    date: Format,
    datetime: Format,
    widths: Vec<usize>,
    next_row: u32,
}

fn io(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e)
}

fn col(i: usize) -> std::io::Result<u16> {
    u16::try_from(i).map_err(std::io::Error::other)
}

impl XlsxSink {
    /// A workbook with one sheet named `sheet` and the header row written. Temporary row data goes to
    /// `temp_dir` (the output's directory, so a large export does not fill a RAM-backed /tmp).
    pub fn new(sheet: &str, headers: &[String], temp_dir: &Path) -> std::io::Result<XlsxSink> {
        let mut workbook = Workbook::new();
        workbook.set_tempdir(temp_dir).map_err(io)?;
        let bold = Format::new().set_bold();
        let ws = workbook.add_worksheet_with_constant_memory().map_err(io)?;
        ws.set_name(sheet).map_err(io)?;
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, col(i)?, h, &bold)
                .map_err(io)?;
        }
        ws.set_freeze_panes(1, 0).map_err(io)?;
        Ok(XlsxSink {
            workbook,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            widths: headers.iter().map(|h| h.width()).collect(),
            next_row: 1,
        })
    }

    pub fn row(&mut self, cells: &[Cell]) -> std::io::Result<()> {
        let row = self.next_row;
        let ws = self.workbook.worksheet_from_index(0).map_err(io)?;
        for (i, cell) in cells.iter().enumerate() {
            let c = col(i)?;
            let shown = match cell {
                Cell::Text(s) => {
                    if !s.is_empty() {
                        ws.write_string(row, c, s).map_err(io)?;
                    }
                    s.width()
                }
                Cell::Date(d) => {
                    let x = ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string())
                        .map_err(io)?;
                    ws.write_datetime_with_format(row, c, &x, &self.date)
                        .map_err(io)?;
                    10
                }
                Cell::DateTime(t) => {
                    let x =
                        ExcelDateTime::parse_from_str(&t.format("%Y-%m-%dT%H:%M:%S").to_string())
                            .map_err(io)?;
                    ws.write_datetime_with_format(row, c, &x, &self.datetime)
                        .map_err(io)?;
                    16
                }
            };
            if let Some(w) = self.widths.get_mut(i) {
                *w = (*w).max(shown.min(MAX_WIDTH));
            }
        }
        self.next_row += 1;
        Ok(())
    }

    /// Sets widths and the autofilter over everything written, and saves to `path`.
    pub fn finish(mut self, path: &Path) -> std::io::Result<()> {
        let last_row = self.next_row.saturating_sub(1);
        let last_col = col(self.widths.len().saturating_sub(1))?;
        let ws = self.workbook.worksheet_from_index(0).map_err(io)?;
        for (i, w) in self.widths.iter().enumerate() {
            ws.set_column_width(col(i)?, (*w + 2) as f64).map_err(io)?;
        }
        ws.autofilter(0, 0, last_row, last_col).map_err(io)?;
        self.workbook.save(path).map_err(io)
    }
}
