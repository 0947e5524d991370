//! 正面清单 forms, drawn and typed like the 帮扶 forms: a new batch (name and note; an empty name takes
//! the next of the year) and an entry's off-site supervision means.

use crate::i18n::T;
use crate::tui::app::Out;
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::form::{AssistanceFormState, FormField, Purpose};
use crate::tui::screens::positive_list::PositiveListEffect;

/// Which 正面清单 form it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositiveListPurpose {
    Batch,
    Offsite { id: i64, row_version: i64 },
}

impl PositiveListPurpose {
    pub fn title(&self) -> T {
        match self {
            PositiveListPurpose::Batch => T::PositiveListScreenNewBatch,
            PositiveListPurpose::Offsite { .. } => T::PositiveListScreenOffsite,
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

    pub(crate) fn positive_list_effect(&self, p: &PositiveListPurpose) -> Effect {
        match p {
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
