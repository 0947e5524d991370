//! Keys as the binding table names them, decoded from terminal events and shown as text.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    F(u8),
    Ctrl(char),
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Insert,
    Delete,
    Backspace,
}

impl Key {
    /// The key of a terminal event; Alt combinations are not keys of ours (see `App::update`).
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        Some(match ev.code {
            KeyCode::F(n) => Key::F(n),
            KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Insert => Key::Insert,
            KeyCode::Delete => Key::Delete,
            KeyCode::Backspace => Key::Backspace,
            _ => return None,
        })
    }

    /// The key's name as shown to people: text, never glyphs.
    pub fn label(self) -> String {
        match self {
            Key::F(n) => format!("F{n}"),
            Key::Ctrl(' ') => "Ctrl-Space".into(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
            Key::Left => "Left".into(),
            Key::Right => "Right".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Insert => "Ins".into(),
            Key::Delete => "Del".into(),
            Key::Backspace => "Backspace".into(),
        }
    }

    /// Printable keys type text in fields; only the other keys act there.
    pub fn is_printable(self) -> bool {
        matches!(self, Key::Char(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_keys_are_named_in_words() {
        assert_eq!(Key::Ctrl(' ').label(), "Ctrl-Space");
        assert_eq!(Key::Char(' ').label(), "Space");
        assert_eq!(Key::Ctrl('k').label(), "Ctrl-K");
    }
}
