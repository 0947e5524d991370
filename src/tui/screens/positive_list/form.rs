//! 正面清单 forms, drawn and typed like the 帮扶 forms: a new batch (name and note; an empty name takes
//! the next of the year) and an entry's off-site supervision means.

use crate::i18n::T;
use crate::tui::app::Out;
use crate::tui::msg::Effect;
use crate::tui::screens::assistance::form::{AssistFormState, FormField, Purpose};
use crate::tui::screens::positive_list::PositiveListEffect;

/// Which 正面清单 form it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlPurpose {
    Batch,
    Offsite { id: i64, row_version: i64 },
}

impl PlPurpose {
    pub fn title(&self) -> T {
        match self {
            PlPurpose::Batch => T::PlScreenNewBatch,
            PlPurpose::Offsite { .. } => T::PlScreenOffsite,
        }
    }
}

impl AssistFormState {
    pub fn pl_new_batch() -> Out {
        let fields = vec![
            FormField::text("name", T::PlFieldBatchName, ""),
            FormField::text("note", T::PlFieldBatchNote, ""),
        ];
        AssistFormState::push(fields, Purpose::Plist(PlPurpose::Batch), false)
    }

    /// Edits the means as they are now.
    pub fn pl_offsite(id: i64, row_version: i64, means: &str) -> Out {
        let fields = vec![FormField::text("means", T::PlFieldOffsite, means)];
        AssistFormState::push(
            fields,
            Purpose::Plist(PlPurpose::Offsite { id, row_version }),
            false,
        )
    }

    pub(crate) fn pl_effect(&self, p: &PlPurpose) -> Effect {
        match p {
            PlPurpose::Batch => Effect::PositiveList(PositiveListEffect::NewBatch {
                name: self.value("name"),
                note: self.value("note"),
            }),
            PlPurpose::Offsite { id, row_version } => {
                Effect::PositiveList(PositiveListEffect::SetOffsite {
                    id: *id,
                    row_version: *row_version,
                    means: self.value("means"),
                })
            }
        }
    }
}
