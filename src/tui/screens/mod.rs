//! One file per screen: its state, how it takes input and results, and how it draws.

pub mod admin;
pub mod assistance;
pub mod auth_view;
pub mod enterprise;
pub mod full_text;
pub mod home;
pub mod inspection;
pub mod login;
pub mod manifest;
pub mod positive_list;
pub mod report;
pub mod setup;

use crate::i18n::{T, Text};
use crate::tui::app::{Message, Out};
use crate::tui::input::{Inserted, MAX_FIELD_CHARS, TextInput};
use crate::tui::keymap::Key;

/// Applies an editing key to a text field. Keys that do not edit are ignored.
pub fn edit_text(field: &mut TextInput, key: Key) {
    match key {
        Key::Char(c) => {
            field.insert(c.encode_utf8(&mut [0; 4]));
        }
        Key::Backspace | Key::Ctrl('h') => field.backspace(),
        Key::Delete => field.delete(),
        Key::Left => field.left(),
        Key::Right => field.right(),
        Key::Home | Key::Ctrl('a') => field.home(),
        Key::End | Key::Ctrl('e') => field.end(),
        Key::Ctrl('u') => field.clear_to_start(),
        _ => {}
    }
}

/// Pastes into a field (control characters stripped); says so when the paste was cut short.
pub fn paste_into(field: &mut TextInput, text: &str) -> Out {
    match field.insert(text) {
        Inserted::All => Out::default(),
        Inserted::Truncated => Out::message(Message::warning(
            Text::new(T::MsgPasteTruncated).arg("max", MAX_FIELD_CHARS),
        )),
    }
}

/// Takes a record's current version (read after a conflict) into `slot`, so the next save re-applies
/// what is typed to it; says so with the record's state, or why it could not be read.
pub(crate) fn take_version(slot: &mut i64, current: Result<(i64, Text), Text>) -> Out {
    match current {
        Ok((version, state)) => {
            *slot = version;
            Out::message(Message::info(
                Text::new(T::MsgVersionReloaded).arg_text("state", state),
            ))
        }
        Err(text) => Out::message(Message::error(text)),
    }
}
