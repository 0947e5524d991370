//! 转移联单 files as `ecocase export manifests` writes them and `ecocase import manifests` reads them back:
//! one row per waste line. Import and export both read it, so it lives below both.

use crate::i18n::T;

/// The columns, in order: the import columns first, then state and receipt facts.
pub const HEADERS: [T; 24] = [
    T::MfFieldNumber,
    T::MfColGeneratorUscc,
    T::MfFieldLicence,
    T::MfFieldMode,
    T::MfFieldTransferDate,
    T::MfFieldApproval,
    T::MfFieldCode,
    T::MfFieldWasteName,
    T::MfFieldHazard,
    T::MfFieldForm,
    T::MfFieldPackaging,
    T::MfFieldContainers,
    T::MfFieldQuantity,
    T::MfFieldCarrier,
    T::MfFieldCarrierUscc,
    T::MfFieldTransportLicence,
    T::MfFieldPlate,
    T::MfFieldDriver,
    T::MfColState,
    T::MfFieldGenerator,
    T::MfFieldReceiver,
    T::MfFieldArrivedAt,
    T::MfFieldReceivedAt,
    T::MfFieldReceivedQty,
];
