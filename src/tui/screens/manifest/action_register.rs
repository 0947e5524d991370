//! The forms that register a receiver's licence (with its kind) or a cross-province approval (with
//! its handling mode): bureau staff only.

use crate::domain::manifest::{LicenceKind, Mode};
use crate::i18n::T;
use crate::tui::app::{Nav, Out, Screen};
use crate::tui::screens::manifest::action::{ActionPurpose, ManifestActionState};
use crate::tui::screens::manifest::fields::{ManifestField, Section};
use crate::tui::widgets::form::Baseline;

const H: Section = Section::Header;

impl ManifestActionState {
    /// The form that registers a licence (`licence`) or an approval.
    pub fn register(licence: bool) -> Out {
        let t = |id, label| ManifestField::text(id, label, "", H);
        let (purpose, fields) = if licence {
            (
                ActionPurpose::Licence,
                vec![
                    t("number", T::ManifestFieldLicence),
                    t("holder_uscc", T::ManifestFieldHolderUscc),
                    t("holder_name", T::ManifestFieldReceiver),
                    t("province", T::ManifestFieldProvince),
                    t("scope", T::ManifestFieldScope),
                    t("modes", T::ManifestFieldModes),
                    t("capacity", T::ManifestFieldCapacity),
                    t("valid_from", T::ManifestFieldValidFrom),
                    t("valid_to", T::ManifestFieldValidTo),
                    ManifestField::choice(
                        "kind",
                        T::ManifestFieldLicenceKind,
                        &LicenceKind::ALL
                            .iter()
                            .map(|k| (k.code(), k.label()))
                            .collect::<Vec<_>>(),
                        H,
                    ),
                ],
            )
        } else {
            (
                ActionPurpose::Approval,
                vec![
                    t("number", T::ManifestFieldApproval),
                    t("generator_uscc", T::ManifestFieldGeneratorUscc),
                    t("waste_code", T::ManifestFieldCode),
                    t("licence", T::ManifestFieldLicence),
                    t("quantity", T::ManifestFieldApprovedQty),
                    ManifestField::choice(
                        "mode",
                        T::ManifestFieldApprovalMode,
                        &[Mode::Store, Mode::Utilize, Mode::Dispose]
                            .iter()
                            .map(|m| (m.code(), m.label()))
                            .collect::<Vec<_>>(),
                        H,
                    ),
                    t("valid_from", T::ManifestFieldValidFrom),
                    t("valid_to", T::ManifestFieldValidTo),
                ],
            )
        };
        let s = ManifestActionState {
            baseline: Baseline::of(&fields),
            purpose,
            fields,
            focus: 0,
            saving: false,
            ack_pending: false,
            number: String::new(),
        };
        Out::nav(Nav::Push(Screen::ManifestAction(Box::new(s))))
    }
}
