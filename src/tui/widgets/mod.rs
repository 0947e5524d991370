//! Shared pieces every screen is built from.

pub mod confirm;
pub mod form;
pub mod picker;
