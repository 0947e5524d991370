//! Read models for the administration screens: the organisation units an account can belong to.
//! Administrators only, like the rest of account management.

use crate::domain::account::Action;
use crate::service::Result;
use crate::store::account::{self as users, OrgUnit};

impl crate::service::Accounts<'_> {
    /// The units offered when adding an account (city bureau first).
    pub fn org_units(&self) -> Result<Vec<OrgUnit>> {
        self.require(Action::UserManage)?;
        Ok(users::org_units(&self.conn)?)
    }
}
