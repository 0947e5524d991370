//! Asking before an irreversible action: a screen returns [`ask`] instead of doing the action; the
//! dialog (focus on 取消) says what will happen and that it cannot be undone, and only "yes" hands
//! `Chosen::Proceed` back to the screen, which then does it. Esc or Enter on 取消 change nothing.

use crate::i18n::{T, Text};
use crate::tui::app::{Nav, Out};
use crate::tui::overlays::Overlay;
use crate::tui::overlays::confirm::{ConfirmKind, ConfirmState};

/// Opens the question for an irreversible action: `what` says what will happen, `button` names it.
pub fn ask(what: Text, button: T) -> Out {
    Out::nav(Nav::Open(Overlay::Confirm(ConfirmState::new(
        ConfirmKind::Proceed { what, button },
    ))))
}
