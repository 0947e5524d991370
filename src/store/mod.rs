//! The only code that writes SQL. Returns domain types; never formats text for people.

pub mod assistance;
pub mod assistance_bulk;
pub mod assistance_meeting;
pub mod assistance_queue;
pub mod audit;
pub mod audit_bulk;
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
pub mod report;
pub mod seed;
pub mod user;
// 危险废物转移联单 (manifests)
pub mod manifest;
pub mod manifest_list;
pub mod manifest_parts;
pub mod manifest_ref;
// manifests extension: approved stock extensions (mf)
pub mod manifest_ext;
// lists and export at province scale (lists): the streamed manifest export
pub mod manifest_export;
// inspections
pub mod draw;
pub mod draw_publish;
pub mod inspection;
pub mod inspection_followup;
pub mod inspection_items;
pub mod inspection_list;
