//! Reading an enterprise CSV: encoding (UTF-8 with or without BOM, GBK as Excel on Chinese Windows saves
//! it, UTF-16 "Unicode text"), delimiter, header names in Chinese or English, and one draft per row.
//! Pure: bytes in, a table out; nothing touches the database here.

use crate::domain::enterprise::EnterpriseDraft;
use crate::domain::enterprise::columns::{self, REQUIRED, column_for_header, draft_field};
use crate::domain::validate::Severity;
use crate::i18n::{Lang, T, Text};

/// How the file's bytes are to be read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// A byte-order mark decides; otherwise valid UTF-8 is UTF-8 and anything else is GBK.
    #[default]
    Auto,
    Utf8,
    Gbk,
}

/// A finding about one row (and column) of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowIssue {
    /// The line of the file where the row starts (the header is line 1).
    pub line: u64,
    /// The column's header as written in the file, or the field's label when the file lacks the column.
    pub column: Column,
    pub severity: Severity,
    pub text: Text,
}

/// Which column an issue is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// The header as written in the file.
    Header(String),
    /// A field the file has no column for, named by its label.
    Field(T),
    /// The row as a whole (column count, quoting, duplicates across rows).
    Row,
}

impl Column {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Column::Header(h) => h.clone(),
            Column::Field(t) => t.get(lang).to_string(),
            Column::Row => String::new(),
        }
    }
}

/// One data row as typed in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    pub line: u64,
    pub draft: EnterpriseDraft,
}

/// The file, read: which columns it has, its rows, and rows that could not even be split into cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportTable {
    /// The encoding actually used, for the report (`UTF-8`, `UTF-8 BOM`, `GBK`, `UTF-16`).
    pub encoding: &'static str,
    /// Field id and the header that supplies it.
    pub columns: Vec<(&'static str, String)>,
    /// Headers that name no importable column.
    pub ignored: Vec<String>,
    pub rows: Vec<ImportRow>,
    pub bad_rows: Vec<RowIssue>,
}

impl ImportTable {
    /// Data rows in the file: those read, and those that could not be (counted once each).
    pub fn data_rows(&self) -> usize {
        let mut bad: Vec<u64> = self.bad_rows.iter().map(|i| i.line).collect();
        bad.sort_unstable();
        bad.dedup();
        self.rows.len() + bad.len()
    }

    /// The issue's column for a field id: the file's header if it has one, else the field's label.
    pub fn column_of(&self, field: &str) -> Column {
        if let Some((_, header)) = self.columns.iter().find(|(id, _)| *id == field) {
            return Column::Header(header.clone());
        }
        columns::COLUMNS
            .iter()
            .find(|c| c.id == field)
            .map(|c| Column::Field(c.label))
            .unwrap_or(Column::Row)
    }
}

/// Why a file cannot be read as a table at all. Nothing is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    Empty,
    /// A ZIP or OLE container: an Excel workbook saved as .xlsx/.xls instead of CSV.
    Workbook,
    /// NUL bytes or undecodable bytes: not a text file.
    NotText,
    /// `--encoding utf8` was given but the bytes are not UTF-8 from this line on.
    NotUtf8 {
        line: u64,
    },
    NotGbk,
    /// Required columns are absent (their labels).
    MissingColumns(Vec<T>),
    /// Two headers name the same column.
    DuplicateColumn {
        first: String,
        second: String,
    },
    /// A header but no data rows.
    NoRows,
}

impl FileError {
    pub fn text(&self) -> Text {
        match self {
            FileError::Empty => Text::new(T::ImportFileEmpty),
            FileError::Workbook => Text::new(T::ImportFileWorkbook),
            FileError::NotText => Text::new(T::ImportFileNotText),
            FileError::NotUtf8 { line } => Text::new(T::ImportFileNotUtf8).arg("line", line),
            FileError::NotGbk => Text::new(T::ImportFileNotGbk),
            FileError::MissingColumns(labels) => Text::new(T::ImportMissingColumns).arg(
                "columns",
                labels
                    .iter()
                    .map(|t| format!("{} ({})", t.get(Lang::Zh), t.get(Lang::En)))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            FileError::DuplicateColumn { first, second } => Text::new(T::ImportDuplicateColumn)
                .arg("first", first)
                .arg("second", second),
            FileError::NoRows => Text::new(T::ImportNoRows),
        }
    }
}

/// A cell longer than this is refused whatever the column (names and addresses have tighter limits).
const MAX_CELL_CHARS: usize = 1000;

fn line_of(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
        + 1
}

/// Decodes the file's bytes to text, returning the text and the encoding's name. Also used for the
/// reference-data files an administrator imports.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<(String, &'static str), FileError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(FileError::Workbook);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return if had_errors {
            Err(FileError::NotText)
        } else {
            Ok((text.into_owned(), "UTF-16"))
        };
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { bytes };
    let utf8 = |label| match std::str::from_utf8(body) {
        Ok(s) => Ok((s.to_string(), label)),
        Err(e) => Err(FileError::NotUtf8 {
            line: line_of(body, e.valid_up_to()),
        }),
    };
    match encoding {
        Encoding::Utf8 => utf8(if bom { "UTF-8 BOM" } else { "UTF-8" }),
        Encoding::Auto if bom => utf8("UTF-8 BOM"),
        Encoding::Auto if std::str::from_utf8(body).is_ok() => utf8("UTF-8"),
        Encoding::Auto | Encoding::Gbk => {
            let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(body);
            if had_errors {
                Err(if encoding == Encoding::Gbk {
                    FileError::NotGbk
                } else {
                    FileError::NotText
                })
            } else {
                Ok((text.into_owned(), "GBK"))
            }
        }
    }
}

/// Comma, unless the first line has more tabs than commas (Excel's "Unicode text" is tab separated).
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    }
}

/// Reads a CSV file's bytes into a table of drafts. File-level problems refuse the whole file; row-level
/// problems of splitting (wrong number of cells, broken quotes) are listed in `bad_rows`.
pub fn read_csv(bytes: &[u8], encoding: Encoding) -> Result<ImportTable, FileError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    let (text, encoding_used) = decode(bytes, encoding)?;
    // Excel writes CRLF; the CSV reader's line positions are only right for LF line ends.
    let text = text.replace("\r\n", "\n");
    if text.contains('\0') {
        return Err(FileError::NotText);
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(FileError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(_)) | None => return Err(FileError::NotText),
    };
    let mut table = ImportTable {
        encoding: encoding_used,
        ..Default::default()
    };
    // Position of each header in the row, with the field it fills (None: ignored).
    let mut slots: Vec<Option<&'static str>> = Vec::new();
    for raw in header.iter() {
        let shown = raw.trim_start_matches('\u{feff}').trim().to_string();
        match column_for_header(&shown).filter(|c| c.importable) {
            Some(c) => {
                if let Some((_, first)) = table.columns.iter().find(|(id, _)| *id == c.id) {
                    return Err(FileError::DuplicateColumn {
                        first: first.clone(),
                        second: shown,
                    });
                }
                table.columns.push((c.id, shown));
                slots.push(Some(c.id));
            }
            None => {
                if !shown.is_empty() {
                    table.ignored.push(shown);
                }
                slots.push(None);
            }
        }
    }
    let missing: Vec<T> = REQUIRED
        .iter()
        .filter(|id| !table.columns.iter().any(|(c, _)| c == *id))
        .filter_map(|id| columns::COLUMNS.iter().find(|c| c.id == *id))
        .map(|c| c.label)
        .collect();
    if !missing.is_empty() {
        return Err(FileError::MissingColumns(missing));
    }
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                table.bad_rows.push(row_issue(
                    line,
                    Text::new(T::ImportRowUnreadable).arg("detail", e),
                ));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != slots.len() {
            table.bad_rows.push(row_issue(
                line,
                Text::new(T::ImportRowCells)
                    .arg("found", record.len())
                    .arg("expected", slots.len()),
            ));
            continue;
        }
        let mut draft = EnterpriseDraft::default();
        let mut too_long = false;
        for (value, slot) in record.iter().zip(&slots) {
            let Some(id) = slot else { continue };
            if value.chars().count() > MAX_CELL_CHARS {
                table.bad_rows.push(RowIssue {
                    line,
                    column: table.column_of(id),
                    severity: Severity::Error,
                    text: Text::new(T::ImportCellTooLong).arg("max", MAX_CELL_CHARS),
                });
                too_long = true;
            } else if let Some(field) = draft_field(&mut draft, id) {
                *field =
                    crate::domain::text::clean(unguard(value), crate::domain::text::Lines::Many);
            }
        }
        if !too_long {
            table.rows.push(ImportRow { line, draft });
        }
    }
    if table.rows.is_empty() && table.bad_rows.is_empty() {
        return Err(FileError::NoRows);
    }
    Ok(table)
}

fn row_issue(line: u64, text: Text) -> RowIssue {
    RowIssue {
        line,
        column: Column::Row,
        severity: Severity::Error,
        text,
    }
}

/// Removes the apostrophe that a CSV export puts before a cell starting with a formula character, so an
/// exported file imports back unchanged.
fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        let (bytes, _, bad) = encoding_rs::GBK.encode(s);
        assert!(!bad);
        bytes.into_owned()
    }

    const CSV: &str = "统一社会信用代码,企业名称,所属区域,备注\n91130200699229617X,聊城市绿源化工有限公司,冠县,老客户\n";

    #[test]
    fn gbk_utf8_and_utf8_bom_read_the_same() {
        let plain = read_csv(CSV.as_bytes(), Encoding::Auto).expect("utf8");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(CSV.as_bytes());
        let bom = read_csv(&with_bom, Encoding::Auto).expect("bom");
        let g = read_csv(&gbk(CSV), Encoding::Auto).expect("gbk");
        assert_eq!(plain.encoding, "UTF-8");
        assert_eq!(bom.encoding, "UTF-8 BOM");
        assert_eq!(g.encoding, "GBK");
        for t in [&plain, &bom, &g] {
            assert_eq!(t.rows.len(), 1);
            assert_eq!(t.rows[0].line, 2);
            assert_eq!(t.rows[0].draft.name, "聊城市绿源化工有限公司");
            assert_eq!(t.rows[0].draft.region_code, "冠县");
            assert_eq!(t.ignored, vec!["备注".to_string()]);
        }
    }

    #[test]
    fn forced_encodings_report_mismatches() {
        assert_eq!(
            read_csv(&gbk(CSV), Encoding::Utf8),
            Err(FileError::NotUtf8 { line: 1 })
        );
        let t = read_csv(&gbk(CSV), Encoding::Gbk).expect("gbk");
        assert_eq!(t.rows[0].draft.region_code, "冠县");
    }

    #[test]
    fn file_level_problems_are_named() {
        assert_eq!(read_csv(b"", Encoding::Auto), Err(FileError::Empty));
        assert_eq!(read_csv(b" \n\n", Encoding::Auto), Err(FileError::Empty));
        assert_eq!(
            read_csv(b"PK\x03\x04rest", Encoding::Auto),
            Err(FileError::Workbook)
        );
        assert_eq!(
            read_csv(b"\x00\x01\x02abc", Encoding::Auto),
            Err(FileError::NotText)
        );
        assert_eq!(
            read_csv("企业名称,所属区域\n聊城,冠县\n".as_bytes(), Encoding::Auto),
            Err(FileError::MissingColumns(vec![T::FieldUscc]))
        );
        assert_eq!(
            read_csv(
                "USCC,统一社会信用代码,name,region\n".as_bytes(),
                Encoding::Auto
            ),
            Err(FileError::DuplicateColumn {
                first: "USCC".into(),
                second: "统一社会信用代码".into()
            })
        );
        assert_eq!(
            read_csv("uscc,name,region\n".as_bytes(), Encoding::Auto),
            Err(FileError::NoRows)
        );
    }

    #[test]
    fn rows_with_the_wrong_cell_count_are_row_errors_and_blank_rows_are_skipped() {
        let t = read_csv(
            "uscc,name,region\n,,\n1,2\n91130200699229617X,\"聊城\",冠县\n".as_bytes(),
            Encoding::Auto,
        )
        .expect("table");
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].line, 4);
        assert_eq!(t.bad_rows.len(), 1);
        assert_eq!(t.bad_rows[0].line, 3);
        assert_eq!(t.bad_rows[0].text.key, T::ImportRowCells);
    }

    #[test]
    fn line_numbers_are_right_with_crlf_and_multi_line_cells() {
        let t = read_csv(
            "uscc,name,region\r\n1,\"a\r\nb\",x\r\n2,c,y\r\n".as_bytes(),
            Encoding::Auto,
        )
        .expect("table");
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4]);
    }

    #[test]
    fn utf16_tab_separated_text_is_read() {
        let text = "USCC\tName\tRegion\r\n91130200699229617X\t聊城\t371525\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let t = read_csv(&bytes, Encoding::Auto).expect("utf16");
        assert_eq!(t.encoding, "UTF-16");
        assert_eq!(t.rows[0].draft.region_code, "371525");
        assert_eq!(t.rows[0].line, 2);
    }

    #[test]
    fn a_row_with_an_oversized_cell_is_refused_whole() {
        let huge = "聊".repeat(MAX_CELL_CHARS + 1);
        let text = format!("uscc,name,region\n91130200699229617X,{huge},{huge}\n");
        let t = read_csv(text.as_bytes(), Encoding::Auto).expect("table");
        assert!(t.rows.is_empty());
        assert_eq!(t.bad_rows.len(), 2);
        assert_eq!(t.data_rows(), 1);
    }

    #[test]
    fn export_guards_are_removed() {
        assert_eq!(unguard("'=1+1"), "=1+1");
        assert_eq!(unguard("'+86 635"), "+86 635");
        assert_eq!(unguard("'abc"), "'abc");
    }
}
