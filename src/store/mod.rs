//! The only code that writes SQL. Returns domain types; never formats text for people.

pub mod assistance;
pub mod audit;
pub mod backup;
pub mod bulk;
pub mod check;
pub mod db;
pub mod draft;
pub mod enterprise;
pub mod enterprise_list;
pub mod home;
pub mod positive_list;
pub mod reference;
pub mod seed;
pub mod user;
// inspections
pub mod draw;
pub mod inspection;
pub mod inspection_followup;
pub mod inspection_items;
