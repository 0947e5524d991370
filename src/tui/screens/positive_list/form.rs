//! 正面清单 forms, drawn and typed like the 帮扶 forms: a new batch (name and note; an empty name takes
//! the next of the year), an entry's off-site supervision means, and the enterprise's own application
//! (note, contact) and its withdrawal, both asked before they are sent.

use crate::i18n::{T, Text};
use crate::tui::app::Out;
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::form::{AssistanceFormState, FormField, Purpose};
use crate::tui::screens::positive_list::PositiveListEffect;

/// Which 正面清单 form it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositiveListPurpose {
    Batch,
    Offsite {
        id: i64,
        row_version: i64,
    },
    /// The enterprise applies itself to the newest batch.
    Apply,
    /// The enterprise withdraws its application (a candidate entry).
    Withdraw {
        id: i64,
        row_version: i64,
    },
}

impl PositiveListPurpose {
    pub fn title(&self) -> T {
        match self {
            PositiveListPurpose::Batch => T::PositiveListScreenNewBatch,
            PositiveListPurpose::Offsite { .. } => T::PositiveListScreenOffsite,
            PositiveListPurpose::Apply => T::PositiveListScreenApply,
            PositiveListPurpose::Withdraw { .. } => T::PositiveListScreenWithdraw,
        }
    }

    /// The question asked before the form is sent (applications and withdrawals).
    pub fn question(&self) -> Option<Text> {
        match self {
            PositiveListPurpose::Apply => Some(Text::new(T::PositiveListConfirmApply)),
            PositiveListPurpose::Withdraw { .. } => Some(Text::new(T::PositiveListConfirmWithdraw)),
            PositiveListPurpose::Batch | PositiveListPurpose::Offsite { .. } => None,
        }
    }
}

impl AssistanceFormState {
    pub fn positive_list_new_batch() -> Out {
        let fields = vec![
            FormField::text("name", T::PositiveListFieldBatchName, ""),
            FormField::text("note", T::PositiveListFieldBatchNote, ""),
        ];
        AssistanceFormState::push(fields, Purpose::Plist(PositiveListPurpose::Batch), false)
    }

    /// Edits the means as they are now.
    pub fn positive_list_offsite(id: i64, row_version: i64, means: &str) -> Out {
        let fields = vec![FormField::text("means", T::PositiveListFieldOffsite, means)];
        AssistanceFormState::push(
            fields,
            Purpose::Plist(PositiveListPurpose::Offsite { id, row_version }),
            false,
        )
    }

    /// The enterprise's application: a note on why it qualifies, whom to contact (required) and the
    /// off-site supervision it offers.
    pub fn positive_list_apply() -> Out {
        let fields = vec![
            FormField::text("note", T::PositiveListFieldApplyNote, ""),
            FormField::text("contact", T::PositiveListFieldApplyContact, ""),
            FormField::text("means", T::PositiveListFieldOffsite, ""),
        ];
        AssistanceFormState::push(fields, Purpose::Plist(PositiveListPurpose::Apply), false)
    }

    /// Withdrawing the enterprise's application, with an optional reason.
    pub fn positive_list_withdraw(id: i64, row_version: i64) -> Out {
        let fields = vec![FormField::text(
            "reason",
            T::PositiveListFieldWithdrawReason,
            "",
        )];
        AssistanceFormState::push(
            fields,
            Purpose::Plist(PositiveListPurpose::Withdraw { id, row_version }),
            false,
        )
    }

    pub(crate) fn positive_list_effect(&self, p: &PositiveListPurpose) -> Effect {
        match p {
            PositiveListPurpose::Apply => Effect::PositiveList(PositiveListEffect::Apply {
                note: self.value("note"),
                contact: self.value("contact"),
                offsite: self.value("means"),
            }),
            PositiveListPurpose::Withdraw { id, row_version } => {
                Effect::PositiveList(PositiveListEffect::Withdraw {
                    id: *id,
                    row_version: *row_version,
                    reason: self.value("reason"),
                })
            }
            PositiveListPurpose::Batch => Effect::PositiveList(PositiveListEffect::NewBatch {
                name: self.value("name"),
                note: self.value("note"),
            }),
            PositiveListPurpose::Offsite { id, row_version } => {
                Effect::PositiveList(PositiveListEffect::SetOffsite {
                    id: *id,
                    row_version: *row_version,
                    means: self.value("means"),
                })
            }
        }
    }
}
