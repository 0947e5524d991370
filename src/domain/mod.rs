//! Pure domain: types, rules, state machines and permissions. No I/O, no SQL, no terminal, no clock reads:
//! the current time and the calendar are arguments, so every rule is testable with fixed dates.

pub mod account;
pub mod assistance;
pub mod calendar;
pub mod codes;
pub mod digest;
pub mod enterprise;
pub mod inspection;
pub mod manifest;
pub mod password;
pub mod pinyin;
pub mod positive_list;
pub mod report;
pub mod settings;
pub mod text;
pub mod time;
pub mod time_rules;
pub mod uscc;
pub mod validate;
pub mod visibility;
