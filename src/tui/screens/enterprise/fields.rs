//! The enterprise form's fields: their order, labels, kinds, the choices they offer, and how each maps
//! to the draft the service validates.

use crate::domain::enterprise::{
    Credit, EnterpriseDraft, HwClass, KeyFlag, PerfGrade, PermitClass, Status, key_flags_label,
};
use crate::i18n::{Lang, T};
use crate::store::reference::Region;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldId {
    Uscc,
    UsccReason,
    Name,
    LegalRep,
    Contact,
    Phone,
    Address,
    Region,
    Industry,
    PermitNo,
    PermitClass,
    PermitExpiry,
    KeyFlags,
    HwClass,
    Credit,
    PerfGrade,
    Status,
}

/// How a field is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// One value from a list (Left/Right cycle, F4 picks); empty allowed unless `required`.
    Choice {
        required: bool,
    },
    /// Several values (the key-polluter flags).
    Flags,
}

impl FieldId {
    pub const ALL: [FieldId; 17] = [
        FieldId::Uscc,
        FieldId::UsccReason,
        FieldId::Name,
        FieldId::LegalRep,
        FieldId::Contact,
        FieldId::Phone,
        FieldId::Address,
        FieldId::Region,
        FieldId::Industry,
        FieldId::PermitNo,
        FieldId::PermitClass,
        FieldId::PermitExpiry,
        FieldId::KeyFlags,
        FieldId::HwClass,
        FieldId::Credit,
        FieldId::PerfGrade,
        FieldId::Status,
    ];

    /// The field name the validator uses in its issues.
    pub fn key(self) -> &'static str {
        match self {
            FieldId::Uscc => "uscc",
            FieldId::UsccReason => "uscc_reason",
            FieldId::Name => "name",
            FieldId::LegalRep => "legal_rep",
            FieldId::Contact => "contact",
            FieldId::Phone => "phone",
            FieldId::Address => "address",
            FieldId::Region => "region_code",
            FieldId::Industry => "industry_code",
            FieldId::PermitNo => "permit_no",
            FieldId::PermitClass => "permit_class",
            FieldId::PermitExpiry => "permit_expiry",
            FieldId::KeyFlags => "key_flags",
            FieldId::HwClass => "hw_class",
            FieldId::Credit => "credit",
            FieldId::PerfGrade => "perf_grade",
            FieldId::Status => "status",
        }
    }

    pub fn label(self) -> T {
        match self {
            FieldId::Uscc => T::FieldUscc,
            FieldId::UsccReason => T::FieldUsccReason,
            FieldId::Name => T::FieldName,
            FieldId::LegalRep => T::FieldLegalRep,
            FieldId::Contact => T::FieldContact,
            FieldId::Phone => T::FieldPhone,
            FieldId::Address => T::FieldAddress,
            FieldId::Region => T::FieldRegion,
            FieldId::Industry => T::FieldIndustry,
            FieldId::PermitNo => T::FieldPermitNo,
            FieldId::PermitClass => T::FieldPermitClass,
            FieldId::PermitExpiry => T::FieldPermitExpiry,
            FieldId::KeyFlags => T::FieldKeyFlags,
            FieldId::HwClass => T::FieldHwClass,
            FieldId::Credit => T::FieldCredit,
            FieldId::PerfGrade => T::FieldPerfGrade,
            FieldId::Status => T::FieldStatus,
        }
    }

    /// A short note shown after the value while the field is empty.
    pub fn placeholder(self) -> Option<T> {
        match self {
            FieldId::UsccReason => Some(T::HintUsccReason),
            FieldId::PermitExpiry => Some(T::HintDate),
            FieldId::Industry => Some(T::HintIndustry),
            _ => None,
        }
    }

    pub fn required(self) -> bool {
        matches!(
            self,
            FieldId::Uscc | FieldId::Name | FieldId::Region | FieldId::Status
        )
    }

    pub fn kind(self) -> Kind {
        match self {
            FieldId::Region | FieldId::Status => Kind::Choice { required: true },
            FieldId::PermitClass | FieldId::HwClass | FieldId::Credit | FieldId::PerfGrade => {
                Kind::Choice { required: false }
            }
            FieldId::KeyFlags => Kind::Flags,
            _ => Kind::Text,
        }
    }

    pub fn get(self, d: &EnterpriseDraft) -> &str {
        match self {
            FieldId::Uscc => &d.uscc,
            FieldId::UsccReason => &d.uscc_reason,
            FieldId::Name => &d.name,
            FieldId::LegalRep => &d.legal_rep,
            FieldId::Contact => &d.contact,
            FieldId::Phone => &d.phone,
            FieldId::Address => &d.address,
            FieldId::Region => &d.region_code,
            FieldId::Industry => &d.industry_code,
            FieldId::PermitNo => &d.permit_no,
            FieldId::PermitClass => &d.permit_class,
            FieldId::PermitExpiry => &d.permit_expiry,
            FieldId::KeyFlags => &d.key_flags,
            FieldId::HwClass => &d.hw_class,
            FieldId::Credit => &d.credit,
            FieldId::PerfGrade => &d.perf_grade,
            FieldId::Status => &d.status,
        }
    }

    pub fn set(self, d: &mut EnterpriseDraft, value: String) {
        let slot = match self {
            FieldId::Uscc => &mut d.uscc,
            FieldId::UsccReason => &mut d.uscc_reason,
            FieldId::Name => &mut d.name,
            FieldId::LegalRep => &mut d.legal_rep,
            FieldId::Contact => &mut d.contact,
            FieldId::Phone => &mut d.phone,
            FieldId::Address => &mut d.address,
            FieldId::Region => &mut d.region_code,
            FieldId::Industry => &mut d.industry_code,
            FieldId::PermitNo => &mut d.permit_no,
            FieldId::PermitClass => &mut d.permit_class,
            FieldId::PermitExpiry => &mut d.permit_expiry,
            FieldId::KeyFlags => &mut d.key_flags,
            FieldId::HwClass => &mut d.hw_class,
            FieldId::Credit => &mut d.credit,
            FieldId::PerfGrade => &mut d.perf_grade,
            FieldId::Status => &mut d.status,
        };
        *slot = value;
    }

    /// (stored code, label) of every choice, in the order offered.
    pub fn options(self, lang: Lang, regions: &[Region]) -> Vec<(String, String)> {
        match self {
            FieldId::Region => regions
                .iter()
                .filter(|r| r.kind != "city")
                .map(|r| (r.code.clone(), region_label(r, lang)))
                .collect(),
            FieldId::Status => Status::options(lang),
            FieldId::PermitClass => PermitClass::options(lang),
            FieldId::HwClass => HwClass::options(lang),
            FieldId::Credit => Credit::options(lang),
            FieldId::PerfGrade => PerfGrade::options(lang),
            FieldId::KeyFlags => KeyFlag::options(lang),
            _ => Vec::new(),
        }
    }

    /// A stored value as shown: the label of a choice, the labels of flags, or the text itself.
    pub fn display(self, value: &str, lang: Lang, regions: &[Region]) -> String {
        match self.kind() {
            Kind::Text => value.to_string(),
            Kind::Flags => key_flags_label(value, lang),
            Kind::Choice { .. } => self
                .options(lang, regions)
                .into_iter()
                .find(|(code, _)| code == value)
                .map(|(_, label)| label)
                .unwrap_or_else(|| value.to_string()),
        }
    }
}

/// A region's name in the chosen language (reference data is imported: sanitised like records).
pub fn region_label(r: &Region, lang: Lang) -> String {
    crate::tui::text::sanitize(match lang {
        Lang::Zh => &r.name_zh,
        Lang::En => &r.name_en,
    })
}

/// The name of a region code, or the code itself when unknown.
pub fn region_name(code: &str, regions: &[Region], lang: Lang) -> String {
    regions
        .iter()
        .find(|r| r.code == code)
        .map(|r| region_label(r, lang))
        .unwrap_or_else(|| crate::tui::text::sanitize(code))
}
