//! Pure domain: types, rules, state machines and permissions. No I/O, no SQL, no terminal, no clock reads:
//! the current time and the calendar are arguments, so every rule is testable with fixed dates.

pub mod assistance;
pub mod assistance_meeting;
pub mod assistance_sla;
pub mod calendar;
pub mod codes;
pub mod enterprise;
// 危险废物转移联单 (manifests)
pub mod manifest;
pub mod manifest_cross;
pub mod manifest_deadlines;
pub mod manifest_lines;
pub mod manifest_rules;
pub mod pinyin;
pub mod positive_list;
pub mod report;
pub mod settings;
pub mod text;
pub mod uscc;
pub mod user;
pub mod validate;
pub mod waste;
// inspections
pub mod draw;
pub mod inspection;
pub mod inspection_rules;
