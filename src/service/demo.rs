//! Demo data. PLACEHOLDER: replaced by the CLI work.

use crate::service::{Clock, Result, ServiceError};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Small,
    City,
    Province,
}

/// What the generator made, printed by `ecocase demo` and shown by the TUI's first-run screen.
#[derive(Clone, Debug, Default)]
pub struct DemoSummary {
    pub enterprises: u64,
    /// (username, role description) of each demo account; all have the password `demo`.
    pub accounts: Vec<(String, String)>,
}

pub fn generate(_path: &Path, _scale: Scale, _clock: &Clock) -> Result<DemoSummary> {
    Err(ServiceError::NotFound)
}
