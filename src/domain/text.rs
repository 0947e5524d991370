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
    halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Normalises free text for storage: half-width ASCII stays as typed for names (Chinese punctuation is
/// kept), runs of whitespace collapse to one space, the ends are trimmed, and control characters and
/// bidirectional overrides are dropped, so no stored text can drive a terminal or reorder a line.
/// Fields that refuse control characters with a message check before normalising.
pub fn normalize_text(s: &str) -> String {
    let spaced: String = s
        .chars()
        .filter_map(|c| match c {
            '\u{3000}' => Some(' '),
            c if c.is_whitespace() => Some(c),
            c if c.is_control() => None,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
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
            "现场[2J 检查 记录"
        );
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
