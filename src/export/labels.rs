//! Cell texts of an enterprise export with the coded columns (region, classes, credit, status...) mapped
//! once per distinct code: a province export has 200k rows but only a few dozen distinct codes, so
//! parsing and labelling every cell again was a large part of the export's time. Dates and times are
//! remembered the same way (parsing and formatting them was the next largest part).

use crate::domain::enterprise::Enterprise;
use crate::domain::enterprise::columns::COLUMNS;
use crate::export::columns::cell;
use crate::i18n::Lang;
use crate::store::reference::Region;
use std::borrow::Cow;
use std::collections::HashMap;

/// Whether a column's text depends only on its stored value (the same value always gives the same
/// text), so it can be remembered.
fn is_coded(id: &str) -> bool {
    matches!(
        id,
        "permit_expiry"
            | "updated_at"
            | "region_code"
            | "permit_class"
            | "key_flags"
            | "hw_class"
            | "credit"
            | "perf_grade"
            | "list_status"
            | "status"
    )
}

/// The raw code of a coded column.
fn code<'e>(e: &'e Enterprise, id: &str) -> Cow<'e, str> {
    Cow::Borrowed(match id {
        "region_code" => &e.region_code,
        "permit_class" => &e.permit_class,
        "key_flags" => &e.key_flags,
        "hw_class" => &e.hw_class,
        "credit" => &e.credit,
        "perf_grade" => &e.perf_grade,
        "list_status" => &e.list_status,
        "status" => &e.status,
        "permit_expiry" => return Cow::Owned(crate::domain::time::day_text(e.permit_expiry)),
        "updated_at" => return Cow::Owned(e.updated_at.to_string()),
        _ => "",
    })
}

/// How many distinct values are remembered at most (a few MB).
const MAX_REMEMBERED: usize = 50_000;

/// Writes the texts of one row into a reused buffer, remembering the label of each code it has seen.
pub struct RowTexts<'a> {
    regions: &'a [Region],
    lang: Lang,
    /// (column index, code) to label.
    labels: HashMap<(usize, String), String>,
    cells: Vec<String>,
}

impl<'a> RowTexts<'a> {
    pub fn new(regions: &'a [Region], lang: Lang) -> RowTexts<'a> {
        RowTexts {
            regions,
            lang,
            labels: HashMap::new(),
            cells: vec![String::new(); COLUMNS.len()],
        }
    }

    /// The texts of `e` in column order, as [`cell`] gives them.
    pub fn row(&mut self, e: &Enterprise) -> &[String] {
        // Times can all differ: start again rather than hold one text per row of a large export.
        if self.labels.len() > MAX_REMEMBERED {
            self.labels.clear();
        }
        for (i, (c, slot)) in COLUMNS.iter().zip(self.cells.iter_mut()).enumerate() {
            if !is_coded(c.id) {
                *slot = cell(e, c.id, self.regions, self.lang).text();
                continue;
            }
            let key = (i, code(e, c.id).into_owned());
            let label = self
                .labels
                .entry(key)
                .or_insert_with(|| cell(e, c.id, self.regions, self.lang).text());
            slot.clear();
            slot.push_str(label);
        }
        &self.cells
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::Instant;

    fn region(code: &str, zh: &str) -> Region {
        Region {
            code: code.into(),
            name_zh: zh.into(),
            name_en: format!("{zh} (en)"),
            kind: "county".into(),
        }
    }

    fn enterprise() -> Enterprise {
        Enterprise {
            id: 1,
            uid: "u1".into(),
            uscc: "91130200699229617X".into(),
            uscc_nonstandard_reason: None,
            name: "聊城市鑫润化工有限公司".into(),
            legal_rep: "王伟".into(),
            contact: "李娜".into(),
            phone: "13800000000".into(),
            address: "山东省聊城市东昌府区工业路88号".into(),
            region_code: "371502".into(),
            industry_code: "2614".into(),
            permit_no: "91130200699229617X001P".into(),
            permit_class: "key".into(),
            permit_expiry: crate::domain::time::Day::parse("2027-03-01").ok(),
            key_flags: "water,air".into(),
            hw_class: "key".into(),
            credit: "green".into(),
            perf_grade: "B".into(),
            list_status: "none".into(),
            status: "operating".into(),
            row_version: 1,
            created_at: Instant::parse("2026-11-29T00:00:00Z").expect("time"),
            updated_at: Instant::parse("2026-11-29T00:00:00Z").expect("time"),
            updated_by: "admin".into(),
        }
    }

    #[test]
    fn remembered_labels_equal_the_labels_computed_per_cell() {
        let regions = vec![region("371502", "东昌府区"), region("371525", "冠县")];
        for lang in [Lang::Zh, Lang::En] {
            let mut texts = RowTexts::new(&regions, lang);
            let mut e = enterprise();
            for (region_code, credit, status) in [
                ("371502", "green", "operating"),
                ("371525", "red", "closed"),
                ("371502", "red", "operating"),
                ("999999", "", "suspended"),
            ] {
                e.region_code = region_code.into();
                e.credit = credit.into();
                e.status = status.into();
                e.updated_at =
                    Instant::parse(&format!("2026-11-{:02}T08:30:00Z", credit.len() + 1))
                        .expect("time");
                let expected: Vec<String> = COLUMNS
                    .iter()
                    .map(|c| cell(&e, c.id, &regions, lang).text())
                    .collect();
                assert_eq!(texts.row(&e), expected.as_slice(), "{region_code} {credit}");
            }
        }
        let mut texts = RowTexts::new(&regions, Lang::Zh);
        let mut e = enterprise();
        e.region_code = "371525".into();
        assert!(texts.row(&e).iter().any(|t| t == "冠县"));
    }
}
