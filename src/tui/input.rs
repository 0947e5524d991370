//! A one-line text field that edits by grapheme and measures by display width, so Chinese text,
//! combining marks and full-width characters move the cursor correctly, and the terminal cursor can
//! be placed exactly where the next character goes (input-method windows follow it).

use crate::tui::text::{strip_controls, width};
use unicode_segmentation::UnicodeSegmentation;

/// Characters a field accepts at most, so a huge paste cannot make the screen slow.
pub const MAX_FIELD_CHARS: usize = 500;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// Byte offset of the cursor, always on a grapheme boundary.
    cursor: usize,
    /// Shown as `*` per grapheme (passwords).
    pub masked: bool,
}

/// What an edit did, so a caller can tell a paste that was cut short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    All,
    Truncated,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.len(),
            masked: false,
        }
    }

    pub fn masked() -> TextInput {
        TextInput {
            masked: true,
            ..TextInput::default()
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    pub fn set(&mut self, value: &str) {
        self.value = value.to_string();
        self.cursor = self.value.len();
    }

    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    /// Inserts text at the cursor, without control characters and within [`MAX_FIELD_CHARS`].
    pub fn insert(&mut self, text: &str) -> Inserted {
        let clean = strip_controls(text);
        let room = MAX_FIELD_CHARS.saturating_sub(self.value.chars().count());
        let mut taken = String::new();
        let mut n = 0;
        let mut result = Inserted::All;
        for g in clean.graphemes(true) {
            let c = g.chars().count();
            if n + c > room {
                result = Inserted::Truncated;
                break;
            }
            taken.push_str(g);
            n += c;
        }
        self.value.insert_str(self.cursor, &taken);
        self.cursor += taken.len();
        result
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.value[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.value[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    pub fn backspace(&mut self) {
        if let Some(i) = self.prev_boundary() {
            self.value.replace_range(i..self.cursor, "");
            self.cursor = i;
        }
    }

    pub fn delete(&mut self) {
        if let Some(j) = self.next_boundary() {
            self.value.replace_range(self.cursor..j, "");
        }
    }

    pub fn left(&mut self) {
        if let Some(i) = self.prev_boundary() {
            self.cursor = i;
        }
    }

    pub fn right(&mut self) {
        if let Some(j) = self.next_boundary() {
            self.cursor = j;
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.len();
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U, as in shells).
    pub fn clear_to_start(&mut self) {
        self.value.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// The text as shown: masked or as typed.
    fn shown(&self) -> (String, usize) {
        if self.masked {
            let before = self.value[..self.cursor].graphemes(true).count();
            ("*".repeat(self.value.graphemes(true).count()), before)
        } else {
            let s = crate::tui::text::sanitize(&self.value);
            let before = width(&crate::tui::text::sanitize(&self.value[..self.cursor]));
            (s, before)
        }
    }

    /// The visible part for a field `cells` wide, and the cursor's column inside it. Scrolls
    /// horizontally so the cursor is always visible, never splitting a wide character.
    pub fn view(&self, cells: usize) -> (String, usize) {
        let (shown, cursor_col) = self.shown();
        if cells == 0 {
            return (String::new(), 0);
        }
        // Leave one cell for the cursor after the last character.
        let skip = cursor_col.saturating_sub(cells.saturating_sub(1));
        let mut out = String::new();
        let mut col = 0;
        let mut used = 0;
        let mut skipped_to = 0;
        for g in shown.graphemes(true) {
            let w = width(g);
            if col < skip {
                col += w;
                skipped_to = col;
                continue;
            }
            if used + w > cells {
                break;
            }
            out.push_str(g);
            used += w;
            col += w;
        }
        (out, cursor_col.saturating_sub(skipped_to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_grapheme() {
        let mut t = TextInput::new("聊城e\u{301}");
        t.backspace();
        assert_eq!(t.value(), "聊城");
        t.left();
        t.insert("市");
        assert_eq!(t.value(), "聊市城");
        t.home();
        t.delete();
        assert_eq!(t.value(), "市城");
    }

    #[test]
    fn cursor_column_counts_display_cells() {
        let mut t = TextInput::new("聊城ab");
        assert_eq!(t.view(20), ("聊城ab".to_string(), 6));
        t.left();
        t.left();
        assert_eq!(t.view(20).1, 4);
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let t = TextInput::new("聊城市东昌府区绿源化工有限公司");
        let (shown, col) = t.view(10);
        assert!(width(&shown) <= 10);
        assert!(shown.ends_with("公司"));
        assert_eq!(col, width(&shown));
        assert!(col < 10);
    }

    #[test]
    fn paste_is_cleaned_and_capped() {
        let mut t = TextInput::default();
        assert_eq!(t.insert("a\u{1b}[2J\nb"), Inserted::All);
        assert_eq!(t.value(), "a b");
        let big = "聊".repeat(MAX_FIELD_CHARS + 10);
        assert_eq!(t.insert(&big), Inserted::Truncated);
        assert_eq!(t.value().chars().count(), MAX_FIELD_CHARS);
    }

    #[test]
    fn masked_fields_show_stars() {
        let mut t = TextInput::masked();
        t.insert("密码12");
        assert_eq!(t.view(10), ("****".to_string(), 4));
    }
}
