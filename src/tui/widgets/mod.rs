//! Shared pieces every screen is built from.

pub mod confirm;
