//! The enterprise register as it appears in files: column order, headers in either language, the header
//! names an import accepts, and each cell's value for people (labels) or for machines (codes).

use crate::domain::enterprise::{
    Credit, Enterprise, EnterpriseDraft, HwClass, ListStatus, PerfGrade, PermitClass, Status,
    key_flags_label, label_of,
};
use crate::domain::text::halfwidth;
use crate::i18n::{Lang, T};
use crate::store::reference::Region;
use chrono::{NaiveDate, NaiveDateTime};

/// One column of the register in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Stable field id; equals the `field` of validation issues for importable columns.
    pub id: &'static str,
    /// Header text, in the language of the export.
    pub label: T,
    /// Further header names an import recognises (besides the id and both labels).
    pub aliases: &'static [&'static str],
    /// Whether an import reads this column (the others are derived or maintained by the system).
    pub importable: bool,
}

const fn col(
    id: &'static str,
    label: T,
    aliases: &'static [&'static str],
    importable: bool,
) -> Column {
    Column {
        id,
        label,
        aliases,
        importable,
    }
}

/// Every column, in file order.
pub const COLUMNS: &[Column] = &[
    col(
        "uscc",
        T::FieldUscc,
        &[
            "社会信用代码",
            "信用代码",
            "credit_code",
            "unified_social_credit_code",
        ],
        true,
    ),
    col(
        "name",
        T::FieldName,
        &["单位名称", "名称", "enterprise_name", "company"],
        true,
    ),
    col(
        "legal_rep",
        T::FieldLegalRep,
        &["法人代表", "法人", "legal_representative"],
        true,
    ),
    col("contact", T::FieldContact, &["联系人"], true),
    col(
        "phone",
        T::FieldPhone,
        &["电话", "手机", "tel", "telephone"],
        true,
    ),
    col(
        "address",
        T::FieldAddress,
        &["详细地址", "生产经营场所地址", "addr"],
        true,
    ),
    col(
        "region_code",
        T::FieldRegion,
        &["区域", "所属区县", "区县", "region"],
        true,
    ),
    col(
        "industry_code",
        T::FieldIndustry,
        &["行业类别代码", "行业", "industry"],
        true,
    ),
    col(
        "permit_no",
        T::FieldPermitNo,
        &["许可证编号", "permit_number", "permit"],
        true,
    ),
    col(
        "permit_class",
        T::FieldPermitClass,
        &["排污许可管理类别", "管理类别"],
        true,
    ),
    col(
        "permit_expiry",
        T::FieldPermitExpiry,
        &["有效期至", "许可证有效期"],
        true,
    ),
    col(
        "key_flags",
        T::FieldKeyFlags,
        &["重点排污单位", "key_polluter"],
        true,
    ),
    col(
        "hw_class",
        T::FieldHwClass,
        &["危险废物管理类别", "危废类别"],
        true,
    ),
    col(
        "credit",
        T::FieldCredit,
        &["环境信用等级", "信用等级", "credit_rating"],
        true,
    ),
    col(
        "perf_grade",
        T::FieldPerfGrade,
        &["绩效等级", "performance_grade"],
        true,
    ),
    col("status", T::FieldStatus, &["状态", "企业状态"], true),
    col("uscc_reason", T::FieldUsccReason, &["非标准代码原因"], true),
    col("list_status", T::FieldListStatus, &["list_status"], false),
    col("updated_at", T::CliColUpdatedAt, &["更新时间"], false),
];

/// The columns an import requires.
pub const REQUIRED: [&str; 3] = ["uscc", "name", "region_code"];

/// A header reduced for comparison: half-width, lower case, no spaces or `* _ - . :`, and no trailing
/// note in brackets ("统一社会信用代码（必填）" and "USCC *" both become the plain name).
fn header_key(raw: &str) -> String {
    let mut s = halfwidth(raw.trim_start_matches('\u{feff}').trim());
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】')] {
        if s.ends_with(close)
            && let Some(i) = s.rfind(open)
            && i > 0
        {
            s.truncate(i);
        }
    }
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '-' | '.' | ':' | '：'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column a file header names, if any.
pub fn column_for_header(raw: &str) -> Option<&'static Column> {
    let key = header_key(raw);
    if key.is_empty() {
        return None;
    }
    COLUMNS.iter().find(|c| {
        header_key(c.id) == key
            || header_key(c.label.get(Lang::Zh)) == key
            || header_key(c.label.get(Lang::En)) == key
            || c.aliases.iter().any(|a| header_key(a) == key)
    })
}

/// The draft field an importable column fills.
pub fn draft_field<'a>(d: &'a mut EnterpriseDraft, id: &str) -> Option<&'a mut String> {
    Some(match id {
        "uscc" => &mut d.uscc,
        "uscc_reason" => &mut d.uscc_reason,
        "name" => &mut d.name,
        "legal_rep" => &mut d.legal_rep,
        "contact" => &mut d.contact,
        "phone" => &mut d.phone,
        "address" => &mut d.address,
        "region_code" => &mut d.region_code,
        "industry_code" => &mut d.industry_code,
        "permit_no" => &mut d.permit_no,
        "permit_class" => &mut d.permit_class,
        "permit_expiry" => &mut d.permit_expiry,
        "key_flags" => &mut d.key_flags,
        "hw_class" => &mut d.hw_class,
        "credit" => &mut d.credit,
        "perf_grade" => &mut d.perf_grade,
        "status" => &mut d.status,
        _ => return None,
    })
}

/// A cell as people read it: text, or a date/time that spreadsheets can store as a real date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Date(NaiveDate),
    /// Local (Asia/Shanghai) time.
    DateTime(NaiveDateTime),
}

impl Cell {
    /// The cell as text, dates as `YYYY-MM-DD` and times as `YYYY-MM-DD HH:MM`.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
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
        "permit_expiry" => NaiveDate::parse_from_str(&e.permit_expiry, "%Y-%m-%d")
            .map(Cell::Date)
            .unwrap_or_else(|_| text(&e.permit_expiry)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_either_language_and_with_notes_are_recognised() {
        for (header, id) in [
            ("统一社会信用代码", "uscc"),
            ("\u{feff}统一社会信用代码（必填）", "uscc"),
            ("USCC *", "uscc"),
            ("uscc", "uscc"),
            ("企业名称", "name"),
            ("Name", "name"),
            ("所属区域", "region_code"),
            ("region", "region_code"),
            ("Legal representative", "legal_rep"),
            ("legal_rep", "legal_rep"),
            ("Discharge permit no.", "permit_no"),
            ("Permit no.", "permit_no"),
            ("许可证有效期至", "permit_expiry"),
            ("Ｈｗ＿ｃｌａｓｓ", "hw_class"),
        ] {
            assert_eq!(
                column_for_header(header).map(|c| c.id),
                Some(id),
                "{header}"
            );
        }
        assert_eq!(column_for_header("备注"), None);
        assert_eq!(column_for_header(""), None);
    }

    #[test]
    fn every_importable_column_fills_a_draft_field() {
        let mut d = EnterpriseDraft::default();
        for c in COLUMNS {
            assert_eq!(
                draft_field(&mut d, c.id).is_some(),
                c.importable,
                "{}",
                c.id
            );
        }
    }
}
