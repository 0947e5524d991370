//! The 无事不扰 guard: which on-site checks of a listed enterprise may go ahead, and on what trigger.

use crate::domain::positive_list::*;
use crate::i18n::T;

/// A trigger event cited to justify an on-site check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TriggerRef<'a> {
    pub kind: TriggerKind,
    pub reference: &'a str,
}

/// Why the guard refused an on-site check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Routine on-site checks of listed enterprises do not happen.
    RoutineOnListed,
    /// A random draw turns into an off-site check for a listed enterprise.
    RandomOnListed,
    /// An on-site check needs a trigger event.
    NoTrigger,
    /// The trigger must name its source (complaint number, alarm id, document number).
    NoReference,
}

impl Refusal {
    pub fn label(self) -> T {
        match self {
            Refusal::RoutineOnListed => T::PositiveListRefuseRoutine,
            Refusal::RandomOnListed => T::PositiveListRefuseRandom,
            Refusal::NoTrigger => T::PositiveListRefuseNoTrigger,
            Refusal::NoReference => T::PositiveListRefuseNoReference,
        }
    }
}

/// The guard: whether an on-site check may happen. Enterprises not listed (no entry, candidates, under
/// notice, removed) are unaffected; off-site checks are always allowed; a listed enterprise is checked on
/// site only for a trigger event of an allowed kind with its reference.
pub fn on_site_allowed(
    entry_state: Option<EntryState>,
    category: CheckCategory,
    trigger: Option<TriggerRef<'_>>,
) -> Result<(), Refusal> {
    if !entry_state.is_some_and(EntryState::is_listed) {
        return Ok(());
    }
    match category {
        CheckCategory::Offsite => Ok(()),
        CheckCategory::Routine => Err(Refusal::RoutineOnListed),
        CheckCategory::Random => Err(Refusal::RandomOnListed),
        CheckCategory::Triggered => match trigger {
            None => Err(Refusal::NoTrigger),
            Some(t) if t.reference.trim().is_empty() => Err(Refusal::NoReference),
            Some(_) => Ok(()),
        },
    }
}
