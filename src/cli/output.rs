//! Printing for people: results to standard output, errors and warnings to standard error, text from
//! files and the database made safe for the terminal, and tables aligned by display width (CJK = 2).

use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// Longest line printed, in characters: a 100 KB cell from a bad file must not flood the terminal.
const MAX_LINE_CHARS: usize = 400;

/// Control characters (escape sequences included) shown as visible `\u{..}` placeholders, never sent to
/// the terminal; lines cut at [`MAX_LINE_CHARS`] with `..`.
pub fn sanitize(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut out = String::new();
            for (n, c) in line.chars().enumerate() {
                if n >= MAX_LINE_CHARS {
                    out.push_str("..");
                    break;
                }
                if c.is_control() && c != '\t' {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32));
                } else {
                    out.push(c);
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Ends the program quietly with status 0 when `e` says the reader of standard output went away
/// (`ecocase draw list | head -1`): what it wanted has been read, and neither a panic nor a message
/// helps anyone. Every write to standard output goes through here.
pub fn exit_if_broken_pipe(e: &std::io::Error) {
    if is_broken_pipe(e) {
        std::process::exit(i32::from(crate::cli::exit::OK));
    }
}

/// Whether `e`, or an error it wraps (the CSV writer wraps the I/O error it met), is a closed pipe.
fn is_broken_pipe(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return true;
    }
    let mut inner: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|i| i as _);
    while let Some(err) = inner {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return is_broken_pipe(io);
        }
        if let Some(csv) = err.downcast_ref::<csv::Error>()
            && let csv::ErrorKind::Io(io) = csv.kind()
        {
            return is_broken_pipe(io);
        }
        inner = err.source();
    }
    false
}

/// One line to standard output, as is. A closed pipe ends the program quietly; any other failure
/// (disk full behind a redirection) is reported on standard error and ends it with the storage status.
pub fn line(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}").and_then(|()| out.flush()) {
        exit_if_broken_pipe(&e);
        error(&e.to_string());
        std::process::exit(i32::from(crate::cli::exit::STORAGE));
    }
}

pub fn say(text: &str) {
    line(&sanitize(text));
}

/// One line to standard error; a closed standard error is ignored (nowhere left to say it).
fn to_stderr(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", sanitize(text));
}

pub fn warn(text: &str) {
    to_stderr(text);
}

pub fn error(text: &str) {
    to_stderr(text);
}

/// Pads `text` with spaces to `width` display columns.
fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Prints rows under a header, columns separated by two spaces and aligned by display width.
pub fn table(header: &[String], rows: &[Vec<String>]) {
    let clean: Vec<Vec<String>> = std::iter::once(header.to_vec())
        .chain(rows.iter().cloned())
        .map(|r| r.iter().map(|c| sanitize(c).replace('\n', " ")).collect())
        .collect();
    let cols = header.len();
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            clean
                .iter()
                .map(|r| r.get(i).map_or(0, |c| c.width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in &clean {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i + 1 == cols {
                    c.clone()
                } else {
                    pad(c, widths[i])
                }
            })
            .collect();
        self::line(line.join("  ").trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_made_visible() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(sanitize("第1行\n第2行"), "第1行\n第2行");
        let long = "x".repeat(1000);
        assert_eq!(sanitize(&long).chars().count(), MAX_LINE_CHARS + 2);
    }

    #[test]
    fn padding_counts_chinese_as_two_columns() {
        assert_eq!(pad("冠县", 6), "冠县  ");
        assert_eq!(pad("ab", 4), "ab  ");
    }
}
