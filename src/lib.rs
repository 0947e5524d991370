//! ecocase: the Liaocheng ecology bureau's enterprise service and supervision terminal application.
#![forbid(unsafe_code)]

pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod service;
pub mod store;
pub mod tui;
