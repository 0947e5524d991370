//! 转移联单 files as `ecocase export manifests` writes them and `ecocase import manifests` reads them back:
//! one row per waste line. Import and export both read it, so it lives below both.

use crate::i18n::T;

/// The columns, in order: the import columns first, then state and receipt facts.
pub const HEADERS: [T; 24] = [
    T::ManifestFieldNumber,
    T::ManifestColGeneratorUscc,
    T::ManifestFieldLicence,
    T::ManifestFieldMode,
    T::ManifestFieldTransferDate,
    T::ManifestFieldApproval,
    T::ManifestFieldCode,
    T::ManifestFieldWasteName,
    T::ManifestFieldHazard,
    T::ManifestFieldForm,
    T::ManifestFieldPackaging,
    T::ManifestFieldContainers,
    T::ManifestFieldQuantity,
    T::ManifestFieldCarrier,
    T::ManifestFieldCarrierUscc,
    T::ManifestFieldTransportLicence,
    T::ManifestFieldPlate,
    T::ManifestFieldDriver,
    T::ManifestColState,
    T::ManifestFieldGenerator,
    T::ManifestFieldReceiver,
    T::ManifestFieldArrivedAt,
    T::ManifestFieldReceivedAt,
    T::ManifestFieldReceivedQty,
];
