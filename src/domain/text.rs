//! Normalisation of typed and imported text: full-width ASCII to half-width, ideographic spaces, case.

/// Maps full-width ASCII (U+FF01..U+FF5E) to its half-width form and the ideographic space to a space.
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Normalises a code (USCC, permit number): half-width, upper case, all whitespace removed.
pub fn normalize_code(s: &str) -> String {
    halfwidth(&clean(s, Lines::One))
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether a field keeps line breaks and tabs (remarks, descriptions) or is one line (names, codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// The one rule for control characters, applied to every text from every source (typed in the TUI,
/// read from an imported file, given as a CLI argument) and again by the normalisers below:
/// - escape sequences go entirely, introducer and parameters alike (`ESC [ 31 m`, `ESC ] 0 ; title BEL`,
///   the 8-bit CSI and OSC), so no `[31m` is left behind;
/// - a line break (`\r\n`, `\r`, `\n`) and a tab stay in multi-line fields and become a space in one-line ones;
/// - every other C0 and C1 control, DEL, NUL included, and the bidirectional overrides and marks are dropped.
pub fn clean(s: &str, lines: Lines) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // Two-character sequences (ESC 7, ESC c, ESC ( B's first half): the next char goes too.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if lines == Lines::Many { '\n' } else { ' ' });
            }
            '\n' | '\t' => out.push(if lines == Lines::Many { c } else { ' ' }),
            c if c.is_control() => {}
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips a control sequence's parameters and intermediates up to and including its final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips an operating-system command or device-control string up to BEL or the string terminator.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// Normalises free text for storage: [`clean`] as one line, the ideographic space as a space, runs of
/// whitespace collapsed to one space, the ends trimmed (Chinese punctuation is kept). So no stored text
/// can drive a terminal or reorder a line.
pub fn normalize_text(s: &str) -> String {
    let spaced = clean(s, Lines::One).replace('\u{3000}', " ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalises multi-line text for storage: [`clean`] keeping line breaks and tabs, each line's end
/// trimmed, the whole trimmed.
pub fn normalize_lines(s: &str) -> String {
    clean(s, Lines::Many)
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Thousands separators for counts (`12,345`).
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_loses_controls_and_bidi_overrides() {
        assert_eq!(
            normalize_text("现场\u{1b}[2J 检查\r\n\t记录\u{202e}\u{7}"),
            "现场 检查 记录"
        );
    }

    /// Issue 22, case 8: one rule for every field. A NUL in a plate number, ESC and BEL around a
    /// colour in a driver's name, a title-setting OSC in a display name: all gone, nothing left over.
    #[test]
    fn one_rule_removes_whole_escape_sequences_and_every_control() {
        assert_eq!(normalize_code("鲁P\u{0}3A215"), "鲁P3A215");
        assert_eq!(normalize_text("王\u{1b}[31m强\u{7}\u{1b}[0m"), "王强");
        assert_eq!(normalize_text("张三\u{1b}]0;pwned\u{7}"), "张三");
        assert_eq!(normalize_text("李四\u{1b}]2;x\u{1b}\\五"), "李四五");
        assert_eq!(normalize_text("a\u{9b}2Jb\u{85}c\u{7f}"), "abc");
        assert_eq!(
            clean("第一行\r\n\t第二行\u{0}", Lines::Many),
            "第一行\n\t第二行"
        );
        assert_eq!(clean("第一行\r\n第二行", Lines::One), "第一行 第二行");
        assert_eq!(normalize_lines("  甲 \r\n乙\u{1b}[1m \n"), "甲\n乙");
    }

    #[test]
    fn full_width_codes_become_half_width_upper_case() {
        assert_eq!(
            normalize_code("９１１３０２００６９９２２９６１７ｘ"),
            "91130200699229617X"
        );
        assert_eq!(
            normalize_code(" 9113 0200\u{3000}699229617x "),
            "91130200699229617X"
        );
    }

    #[test]
    fn free_text_collapses_spaces() {
        assert_eq!(
            normalize_text("  聊城\u{3000}\u{3000}化工  有限公司 "),
            "聊城 化工 有限公司"
        );
    }
}
