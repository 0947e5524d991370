//! Dialogs drawn over a screen: help, command palette, confirmation, pickers, filters, deletion.
//! Each takes input first while open and tells the app what was chosen.

pub mod confirm;
pub mod delete;
pub mod filter;
pub mod help;
pub mod palette;
pub mod picker;
pub mod positive_list;

use crate::domain::pinyin::initials;
use crate::store::enterprise::Filter;
use crate::tui::app::{App, Env, Input, Message};
use crate::tui::keymap::{Cmd, Ctx};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help(help::HelpState),
    Palette(palette::PaletteState),
    Confirm(confirm::ConfirmState),
    Picker(picker::PickerState),
    Filter(filter::FilterState),
    Delete(delete::DeleteState),
    PositiveListReason(positive_list::reason::ReasonState),
    PositiveListTrigger(positive_list::trigger::TriggerState),
}

/// A choice a dialog hands back to the screen under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chosen {
    /// "Yes" to the screen's own irreversible action (`ConfirmKind::Proceed`): do it now.
    Proceed,
    Picked {
        field: picker::PickFor,
        value: String,
    },
    Filter(Box<Filter>),
    Delete {
        id: i64,
        row_version: i64,
        reason: String,
    },
    PositiveListTransition {
        id: i64,
        row_version: i64,
        transition: crate::domain::positive_list::Transition,
        reason: String,
        /// Why an entry leaves the list (removals and failed reviews).
        cause: Option<crate::domain::positive_list::RemovalCause>,
    },
    PositiveListTrigger {
        id: i64,
        kind: crate::domain::positive_list::TriggerKind,
        reference: String,
        /// YYYY-MM-DD as typed; empty means today.
        occurred_on: String,
        handling: crate::domain::positive_list::Handling,
        note: String,
    },
}

/// What a dialog decided about an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OverlayOut {
    /// Still open (with a message for the message row, if any).
    Stay(Option<Message>),
    Close,
    /// Closed; run this command on the screen (palette).
    Run(Cmd),
    Confirmed(confirm::ConfirmKind),
    /// The question's "no" answer, for questions where "no" does something.
    Declined(confirm::ConfirmKind),
    ToScreen(Chosen),
}

impl Overlay {
    pub fn ctx(&self) -> Ctx {
        match self {
            Overlay::Help(_) => Ctx::Help,
            Overlay::Palette(_) => Ctx::Palette,
            Overlay::Confirm(_) => Ctx::Confirm,
            Overlay::Picker(p) if p.multi => Ctx::MultiPicker,
            Overlay::Picker(_) => Ctx::Picker,
            Overlay::Filter(_) => Ctx::Filter,
            Overlay::Delete(_)
            | Overlay::PositiveListReason(_)
            | Overlay::PositiveListTrigger(_) => Ctx::DeleteDialog,
        }
    }

    pub fn on_input(&mut self, env: &Env<'_>, _under: Ctx, input: Input) -> OverlayOut {
        match self {
            Overlay::Help(s) => s.on_input(input),
            Overlay::Palette(s) => s.on_input(env, input),
            Overlay::Confirm(s) => s.on_input(input),
            Overlay::Picker(s) => s.on_input(input),
            Overlay::Filter(s) => s.on_input(input),
            Overlay::Delete(s) => s.on_input(input),
            Overlay::PositiveListReason(s) => s.on_input(input),
            Overlay::PositiveListTrigger(s) => s.on_input(input),
        }
    }

    /// Draws the dialog over `body`; returns where the terminal cursor belongs, if anywhere.
    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) -> Option<Position> {
        match self {
            Overlay::Help(s) => s.render(frame, body, app),
            Overlay::Palette(s) => s.render(frame, body, app),
            Overlay::Confirm(s) => {
                s.render(frame, body, app);
                None
            }
            Overlay::Picker(s) => s.render(frame, body, app),
            Overlay::Filter(s) => {
                s.render(frame, body, app);
                None
            }
            Overlay::Delete(s) => s.render(frame, body, app),
            Overlay::PositiveListReason(s) => s.render(frame, body, app),
            Overlay::PositiveListTrigger(s) => s.render(frame, body, app),
        }
    }
}

/// Whether `query` finds `text`: a substring (case-insensitive), or the pinyin initials of `text`.
pub fn matches(text: &str, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    text.to_lowercase().contains(&q) || initials(text).contains(&q)
}
