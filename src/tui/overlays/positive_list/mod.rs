//! The positive list's dialogs: the reason for a decision and the trigger-event form.

pub mod reason;
pub mod trigger;
