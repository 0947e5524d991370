//! Display-width text handling: sanitising database text for the terminal, measuring in terminal
//! cells (never bytes or chars), and cutting on grapheme boundaries with an ASCII `..`.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// Cells a grapheme occupies, exactly as ratatui's buffer counts them (control graphemes take none,
/// because `sanitize` has already made them visible).
fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Makes text safe to draw: control characters, escape sequences and bidirectional overrides become
/// visible placeholders (`^[`, `^M`, `<U+202E>`), so nothing from the database reaches the terminal raw.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(c as u8 + 0x40));
            }
            '\u{80}'..='\u{9f}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Cuts `s` to at most `max` cells on a grapheme boundary, ending with `..` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max <= 2 {
        return ".".repeat(max);
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 2 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push_str("..");
    out
}

/// Breaks `s` into lines of at most `max` cells, on grapheme boundaries.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max.max(1) && used > 0 {
            lines.push(String::new());
            used = 0;
        }
        if let Some(last) = lines.last_mut() {
            last.push_str(g);
        }
        used += w;
    }
    lines
}

/// Breaks `s` into lines of at most `max` cells, preferring to break after a space (English words
/// stay whole); text without spaces (Chinese) breaks between graphemes as [`wrap`] does.
pub fn wrap_words(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_inclusive(' ') {
        if width(&line) + width(word.trim_end()) > max && !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        if width(word.trim_end()) > max {
            // A word longer than the line: cut it.
            let mut parts = wrap(&format!("{line}{word}"), max);
            line = parts.pop().unwrap_or_default();
            lines.extend(parts);
        } else {
            line.push_str(word);
        }
    }
    lines.push(line.trim_end().to_string());
    lines
}

/// Truncates and pads with spaces to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Pads on the left to `cells` cells (numbers in columns).
pub fn fit_right(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let w = width(&t);
    format!("{}{t}", " ".repeat(cells.saturating_sub(w)))
}

/// Removes control characters from typed or pasted text by the one rule of `domain::text::clean`:
/// line breaks and tabs become spaces, escape sequences go whole, the rest is dropped.
pub fn strip_controls(s: &str) -> String {
    crate::domain::text::clean(s, crate::domain::text::Lines::One)
}

/// The last line of defence before a frame reaches the terminal: any cell still holding a control or
/// bidirectional-override character (a screen that forgot `sanitize`) is drawn as `?` instead.
pub fn neutralize_controls(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        if cell.symbol().chars().any(is_unsafe_for_terminal) {
            cell.set_symbol("?");
        }
    }
}

fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Thousands separators for counts (`12,345`).
pub use crate::domain::text::thousands as count;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_counts_cells_not_bytes() {
        assert_eq!(width("聊城abc"), 7);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn truncation_keeps_graphemes_whole_and_marks_the_cut() {
        assert_eq!(truncate("聊城市绿源化工有限公司", 9), "聊城市..");
        assert_eq!(truncate("聊城市绿源化工有限公司", 10), "聊城市绿..");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(fit("聊城", 6), "聊城  ");
        assert_eq!(width(&fit("聊城市绿源化工有限公司", 9)), 9);
    }

    #[test]
    fn wrapping_never_splits_a_wide_character() {
        assert_eq!(wrap("聊城市abc", 5), vec!["聊城", "市abc"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn sanitize_makes_escapes_visible() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a^[[2Jb");
        assert_eq!(sanitize("x\r\ny"), "x^M^Jy");
        assert_eq!(sanitize("\u{202e}abc"), "<U+202E>abc");
        assert_eq!(sanitize("正常"), "正常");
    }

    #[test]
    fn pasted_controls_are_stripped() {
        assert_eq!(strip_controls("聊城\n化工\u{1b}[31m"), "聊城 化工");
    }

    #[test]
    fn a_frame_never_carries_raw_controls() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf[(0, 0)].set_symbol("\u{1b}");
        buf[(1, 0)].set_symbol("\u{7}");
        buf[(2, 0)].set_symbol("\u{202e}");
        buf[(3, 0)].set_symbol("聊");
        neutralize_controls(&mut buf);
        let shown: Vec<&str> = (0..4).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(shown, ["?", "?", "?", "聊"]);
    }

    #[test]
    fn counts_have_separators() {
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(count(12), "12");
    }
}
