//! The fields of the manifest forms: free text, or one choice of several (Left/Right). Text keeps the
//! cursor at the end, like the other module forms; the terminal cursor is placed there.

use crate::i18n::{Lang, T};
use crate::tui::keymap::Key;

/// Which part of a form a field belongs to, for headings and for adding and removing blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Header,
    Line(usize),
    Leg(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestField {
    pub id: &'static str,
    pub label: T,
    pub value: String,
    /// Choice fields: (code, label shown); empty for text.
    pub options: Vec<(String, String, String)>,
    pub cursor: usize,
    pub section: Section,
}

impl ManifestField {
    pub fn text(id: &'static str, label: T, value: &str, section: Section) -> ManifestField {
        ManifestField {
            id,
            label,
            value: value.to_string(),
            options: Vec::new(),
            cursor: 0,
            section,
        }
    }

    /// A choice among coded values with labels in both languages.
    pub fn choice(
        id: &'static str,
        label: T,
        options: &[(&str, T)],
        section: Section,
    ) -> ManifestField {
        ManifestField {
            options: options
                .iter()
                .map(|(c, t)| {
                    (
                        c.to_string(),
                        t.get(Lang::Zh).to_string(),
                        t.get(Lang::En).to_string(),
                    )
                })
                .collect(),
            ..ManifestField::text(id, label, "", section)
        }
    }

    pub fn is_choice(&self) -> bool {
        !self.options.is_empty()
    }

    /// The value sent to the service: the typed text trimmed, or the chosen code.
    pub fn get(&self) -> String {
        if self.is_choice() {
            self.options
                .get(self.cursor)
                .map(|o| o.0.clone())
                .unwrap_or_default()
        } else {
            self.value.trim().to_string()
        }
    }

    /// What the form shows.
    pub fn shown(&self, lang: Lang) -> String {
        match self.options.get(self.cursor) {
            Some((_, zh, en)) if self.is_choice() => {
                let label = if lang == Lang::Zh { zh } else { en };
                format!("< {label} >")
            }
            _ => crate::tui::text::sanitize(&self.value),
        }
    }

    pub fn choose(&mut self, code: &str) {
        if let Some(i) = self.options.iter().position(|o| o.0 == code) {
            self.cursor = i;
        }
    }

    pub fn next(&mut self, forward: bool) {
        let n = self.options.len();
        if n > 0 {
            self.cursor = if forward {
                (self.cursor + 1) % n
            } else {
                (self.cursor + n - 1) % n
            };
        }
    }

    /// Typing into a text field; choices ignore typed keys.
    pub fn key(&mut self, key: Key) {
        if self.is_choice() {
            return;
        }
        match key {
            Key::Char(c) if self.value.chars().count() < crate::tui::input::MAX_FIELD_CHARS => {
                self.value.push(c);
            }
            Key::Backspace | Key::Ctrl('h') => {
                self.value.pop();
            }
            Key::Ctrl('u') => self.value.clear(),
            _ => {}
        }
    }

    pub fn paste(&mut self, text: &str) {
        if !self.is_choice() {
            let clean = crate::tui::text::strip_controls(text).replace('\n', " ");
            let room =
                crate::tui::input::MAX_FIELD_CHARS.saturating_sub(self.value.chars().count());
            self.value.extend(clean.chars().take(room));
        }
    }
}

/// The value of the field `id` in `section`.
pub fn value_of(fields: &[ManifestField], section: Section, id: &str) -> String {
    fields
        .iter()
        .find(|f| f.section == section && f.id == id)
        .map(ManifestField::get)
        .unwrap_or_default()
}
