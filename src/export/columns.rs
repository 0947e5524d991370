//! Each register column's value in a file for people: enumerations as labels, the region by name, dates
//! as dates. The columns themselves are `domain::enterprise::columns`, shared with the import.

use crate::domain::enterprise::{
    Credit, Enterprise, HwClass, ListStatus, PerfGrade, PermitClass, Status, key_flags_label,
    label_of,
};
use crate::i18n::Lang;
use crate::store::reference::Region;
use chrono::{NaiveDate, NaiveDateTime};

/// A cell as people read it: text, or a date/time that spreadsheets can store as a real date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Date(NaiveDate),
    /// Local (Asia/Shanghai) time.
    DateTime(NaiveDateTime),
    /// A count: a whole number in spreadsheets.
    Int(i64),
    /// Integer kilograms shown and stored as tonnes with three decimals (a number, format `0.000`).
    Tonnes(i64),
}

impl Cell {
    /// The cell as text, dates as `YYYY-MM-DD` and times as `YYYY-MM-DD HH:MM`.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Int(n) => n.to_string(),
            Cell::Tonnes(kg) => crate::domain::manifest::format_tonnes(*kg),
        }
    }
}

/// The region's name in the chosen language (the code itself if the region is unknown).
pub fn region_name(code: &str, regions: &[Region], lang: Lang) -> String {
    regions
        .iter()
        .find(|r| r.code == code)
        .map(|r| match lang {
            Lang::Zh => r.name_zh.clone(),
            Lang::En => r.name_en.clone(),
        })
        .unwrap_or_else(|| code.to_string())
}

/// A column's value for people: enumerations as labels, the region by name, dates as dates.
pub fn cell(e: &Enterprise, id: &str, regions: &[Region], lang: Lang) -> Cell {
    let text = |s: &str| Cell::Text(s.to_string());
    match id {
        "uscc" => text(&e.uscc),
        "uscc_reason" => text(e.uscc_nonstandard_reason.as_deref().unwrap_or("")),
        "name" => text(&e.name),
        "legal_rep" => text(&e.legal_rep),
        "contact" => text(&e.contact),
        "phone" => text(&e.phone),
        "address" => text(&e.address),
        "region_code" => Cell::Text(region_name(&e.region_code, regions, lang)),
        "industry_code" => text(&e.industry_code),
        "permit_no" => text(&e.permit_no),
        "permit_class" => Cell::Text(label_of(
            &e.permit_class,
            PermitClass::parse,
            PermitClass::label,
            lang,
        )),
        "permit_expiry" => e
            .permit_expiry
            .map_or_else(|| text(""), |d| Cell::Date(d.date())),
        "key_flags" => Cell::Text(key_flags_label(&e.key_flags, lang)),
        "hw_class" => Cell::Text(label_of(&e.hw_class, HwClass::parse, HwClass::label, lang)),
        "credit" => Cell::Text(label_of(&e.credit, Credit::parse, Credit::label, lang)),
        "perf_grade" => Cell::Text(label_of(
            &e.perf_grade,
            PerfGrade::parse,
            PerfGrade::label,
            lang,
        )),
        "list_status" => Cell::Text(label_of(
            &e.list_status,
            ListStatus::parse,
            ListStatus::label,
            lang,
        )),
        "status" => Cell::Text(label_of(&e.status, Status::parse, Status::label, lang)),
        "updated_at" => {
            let shown = e.updated_at.local();
            NaiveDateTime::parse_from_str(&shown, "%Y-%m-%d %H:%M")
                .map(Cell::DateTime)
                .unwrap_or(Cell::Text(shown))
        }
        _ => Cell::Text(String::new()),
    }
}
