//! Administration screens: accounts and certificates, policy settings, the audit log.

pub mod audit;
pub mod audit_view;
pub mod form;
pub mod form_view;
pub mod settings;
pub mod users;
pub mod users_view;
