//! CSV for spreadsheets: UTF-8 with a BOM (so Excel on Chinese Windows reads it as UTF-8), CRLF line ends,
//! and cells that a spreadsheet would run as formulas neutralised with a leading apostrophe.

use std::borrow::Cow;
use std::io::Write;

/// The UTF-8 byte-order mark Excel needs to recognise UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Prefixes `'` to a cell starting with `=`, `+`, `-`, `@`, tab or CR: spreadsheets would otherwise
/// evaluate it (CSV formula injection). A plain signed number (`-3`, `+1.5`, `-2.0%`) is no formula
/// and stays a number.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_signed_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn is_signed_number(cell: &str) -> bool {
    let body = cell[1..].strip_suffix('%').unwrap_or(&cell[1..]);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    cell.starts_with(['+', '-'])
        && !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Writes records one at a time; nothing is held beyond the current row.
pub struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> CsvSink<W> {
    /// Starts the file with the BOM and the header row.
    pub fn new(mut out: W, headers: &[String]) -> std::io::Result<CsvSink<W>> {
        out.write_all(BOM)?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(headers.iter().map(|h| guard(h).into_owned()))?;
        Ok(CsvSink { writer })
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> std::io::Result<()> {
        self.fields(cells)
    }

    /// A row from any sequence of cells, so a caller need not gather them first.
    pub fn fields<S: AsRef<str>>(
        &mut self,
        cells: impl IntoIterator<Item = S>,
    ) -> std::io::Result<()> {
        // Field by field, so a cell is copied only when it needs the guard.
        for c in cells {
            self.writer.write_field(guard(c.as_ref()).as_bytes())?;
        }
        self.writer.write_record(None::<&[u8]>)?;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in [
            "=cmd|'/c calc'!A0",
            "+1+cmd|' /C calc'!A0",
            "-1-1",
            "-",
            "-.5",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(guard(bad), format!("'{bad}"));
        }
        for number in ["+1", "-1", "-12.5", "+0.0%", "-3%"] {
            assert_eq!(guard(number), number);
        }
        assert_eq!(guard("聊城=化工"), "聊城=化工");
        assert_eq!(guard(""), "");
    }

    #[test]
    fn output_starts_with_a_bom_and_quotes_as_needed() {
        let mut buf = Vec::new();
        let mut sink = CsvSink::new(&mut buf, &["名称".into(), "电话".into()]).expect("new");
        sink.row(&["聊城,化工", "=1+1"]).expect("row");
        sink.finish().expect("finish");
        assert!(buf.starts_with(BOM));
        let text = String::from_utf8(buf[3..].to_vec()).expect("utf8");
        assert_eq!(text, "名称,电话\r\n\"聊城,化工\",'=1+1\r\n");
    }
}
