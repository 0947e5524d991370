//! Pure domain: types, rules, state machines and permissions. No I/O, no SQL, no terminal, no clock reads:
//! the current time and the calendar are arguments, so every rule is testable with fixed dates.

pub mod assistance;
pub mod assistance_sla;
pub mod calendar;
pub mod codes;
pub mod enterprise;
pub mod pinyin;
pub mod positive_list;
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
