//! XLSX in constant-memory mode (rows stream to a temporary file, not RAM): bold frozen header row,
//! autofilter, dates as real dates, and column widths from the display width of what was written
//! (a Chinese character counts two). A sheet holds at most 1,048,576 rows; the rows after that
//! continue on `<name> (2)`, `<name> (3)`, ... each with the header again.

use crate::export::columns::Cell;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use std::borrow::Borrow;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// Widest column, in character cells: long addresses wrap in the spreadsheet rather than push every
/// other column off screen.
const MAX_WIDTH: usize = 60;

/// Rows in one worksheet, the header included: the limit of Excel, WPS and LibreOffice.
pub const SHEET_ROWS: u32 = 1_048_576;

/// Longest sheet name the format allows, in characters.
const SHEET_NAME_CHARS: usize = 31;

pub struct XlsxSink {
    workbook: Workbook,
    bold: Format,
    date: Format,
    datetime: Format,
    int: Format,
    tonnes: Format,
    name: String,
    headers: Vec<String>,
    /// Index of the sheet being written.
    sheet: usize,
    widths: Vec<usize>,
    next_row: u32,
    rows_per_sheet: u32,
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
        let mut sink = XlsxSink {
            workbook,
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            int: Format::new().set_num_format("0"),
            tonnes: Format::new().set_num_format("0.000"),
            name: sheet.to_string(),
            headers: headers.to_vec(),
            sheet: 0,
            widths: Vec::new(),
            next_row: 1,
            rows_per_sheet: SHEET_ROWS,
        };
        sink.start_sheet()?;
        Ok(sink)
    }

    /// Moves to a continuation sheet after `rows` rows (header included) instead of the format's
    /// limit: lets tests see the continuation without writing a million rows.
    pub fn with_rows_per_sheet(mut self, rows: u32) -> XlsxSink {
        self.rows_per_sheet = rows.clamp(2, SHEET_ROWS);
        self
    }

    /// `name` for the first sheet, `name (n)` for the n-th, shortened to the format's 31 characters.
    fn sheet_name(&self) -> String {
        if self.sheet == 0 {
            return self.name.chars().take(SHEET_NAME_CHARS).collect();
        }
        let suffix = format!(" ({})", self.sheet + 1);
        let keep = SHEET_NAME_CHARS.saturating_sub(suffix.chars().count());
        let base: String = self.name.chars().take(keep).collect();
        format!("{base}{suffix}")
    }

    fn start_sheet(&mut self) -> std::io::Result<()> {
        let name = self.sheet_name();
        let ws = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(io)?;
        ws.set_name(name).map_err(io)?;
        for (i, h) in self.headers.iter().enumerate() {
            ws.write_string_with_format(0, col(i)?, h, &self.bold)
                .map_err(io)?;
        }
        ws.set_freeze_panes(1, 0).map_err(io)?;
        self.widths = self.headers.iter().map(|h| h.width()).collect();
        self.next_row = 1;
        Ok(())
    }

    /// Sets widths and the autofilter over everything written on the current sheet.
    fn close_sheet(&mut self) -> std::io::Result<()> {
        let last_row = self.next_row.saturating_sub(1);
        let last_col = col(self.widths.len().saturating_sub(1))?;
        let ws = self.workbook.worksheet_from_index(self.sheet).map_err(io)?;
        for (i, w) in self.widths.iter().enumerate() {
            ws.set_column_width(col(i)?, (*w + 2) as f64).map_err(io)?;
        }
        ws.autofilter(0, 0, last_row, last_col).map_err(io)?;
        Ok(())
    }

    pub fn row(&mut self, cells: &[Cell]) -> std::io::Result<()> {
        self.cells(cells)
    }

    /// A row from any sequence of cells, so a caller need not gather them first.
    pub fn cells<C: Borrow<Cell>>(
        &mut self,
        cells: impl IntoIterator<Item = C>,
    ) -> std::io::Result<()> {
        if self.next_row >= self.rows_per_sheet {
            self.close_sheet()?;
            self.sheet += 1;
            self.start_sheet()?;
        }
        let row = self.next_row;
        let ws = self.workbook.worksheet_from_index(self.sheet).map_err(io)?;
        for (i, cell) in cells.into_iter().enumerate() {
            let c = col(i)?;
            let shown = match cell.borrow() {
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
                Cell::Int(n) => {
                    // Counts stay far below 2^53: exact as a spreadsheet number.
                    ws.write_number_with_format(row, c, *n as f64, &self.int)
                        .map_err(io)?;
                    n.to_string().len()
                }
                Cell::Tonnes(kg) => {
                    ws.write_number_with_format(row, c, *kg as f64 / 1000.0, &self.tonnes)
                        .map_err(io)?;
                    crate::domain::manifest::format_tonnes(*kg).len()
                }
            };
            if let Some(w) = self.widths.get_mut(i) {
                *w = (*w).max(shown.min(MAX_WIDTH));
            }
        }
        self.next_row += 1;
        Ok(())
    }

    /// Closes the last sheet and saves into `file` (the export's file, created new by `deliver`).
    pub fn finish(mut self, file: std::fs::File) -> std::io::Result<()> {
        self.close_sheet()?;
        self.workbook.save_to_writer(file).map_err(io)
    }
}
