//! The only code that writes SQL. Returns domain types; never formats text for people.

pub mod account;
pub mod assistance;
pub mod audit;
pub mod backup;
pub mod bulk;
pub mod check;
pub mod db;
pub mod draft;
pub mod enterprise;
pub mod history;
pub mod home;
pub mod inspection;
pub mod logins;
pub mod manifest;
pub mod positive_list;
pub mod reference;
pub mod report;
pub mod seed;
pub(crate) mod sql;
pub mod time;
