//! One file per screen: its state, how it takes input and results, and how it draws.

pub mod admin_form;
pub mod admin_form_view;
pub mod assist;
pub mod assist_form;
mod assist_form_search;
pub mod assist_meeting;
pub mod assist_meeting_form;
pub mod assist_meeting_view;
pub mod assist_view;
pub mod audit;
pub mod audit_view;
pub mod auth_view;
pub mod detail;
pub mod detail_view;
pub mod fields;
pub mod form;
pub mod form_draft;
pub mod form_view;
pub mod home;
pub mod list;
pub mod list_view;
pub mod login;
// 危险废物转移联单 (manifests)
pub mod mf;
pub mod mf_action;
pub mod mf_detail;
pub mod mf_fields;
pub mod mf_form;
pub mod mf_form_view;
pub mod mf_ref;
pub mod mf_view;
pub mod plist;
pub mod plist_form;
pub mod plist_view;
pub mod report;
pub mod settings;
pub mod setup;
pub mod users;
pub mod users_view;
// inspections
pub mod inspect;
pub mod inspect_form;
mod inspect_form_fields;
pub mod inspect_lists;
pub mod inspect_lists_view;
pub mod inspect_request;
pub mod inspect_view;

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
